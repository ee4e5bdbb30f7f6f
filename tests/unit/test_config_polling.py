"""The [polling] table and the feed keys of issue 4: defaults, sizes, and precise errors."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tracker.config import ConfigError, PollingConfig, parse_config


def _polling(table: dict[str, Any]) -> PollingConfig:
    return parse_config({"polling": table}, path=None, env={}).polling


def test_defaults_suit_a_few_hundred_feeds() -> None:
    polling = _polling({})
    assert (polling.concurrency, polling.per_host, polling.max_size) == (20, 2, 5 * 1024 * 1024)
    assert (polling.total_timeout, polling.max_backoff) == (60.0, timedelta(days=1))


@pytest.mark.parametrize(
    ("value", "size"),
    [
        ("5MB", 5 * 1024**2),
        ("512KB", 512 * 1024),
        ("2 MiB", 2 * 1024**2),
        ("100", 100),
        (4096, 4096),
    ],
)
def test_max_size_takes_bytes_or_a_unit(value: object, size: int) -> None:
    assert _polling({"max_size": value}).max_size == size


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"concurrency": 0}, "polling.concurrency: must be at least 1"),
        ({"per_host": "two"}, "polling.per_host: must be an integer"),
        ({"total_timeout": 0}, "polling.total_timeout: must be greater than zero"),
        ({"max_size": "lots"}, "polling.max_size: bad size 'lots'"),
        ({"max_size": -1}, "polling.max_size: must be a positive number of bytes"),
        ({"max_redirects": -1}, "polling.max_redirects: must not be negative"),
        ({"max_backoff": "a day"}, "polling.max_backoff: bad duration"),
        ({"user_agent": "a\nb"}, "polling.user_agent: must be one line"),
        ({"retries": 3}, "polling.retries: unknown key"),
    ],
)
def test_polling_mistakes_name_the_key(table: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        _polling(table)


def test_feeds_take_fulltext_and_category() -> None:
    config = parse_config(
        {"feeds": [{"url": "https://a.example/rss", "fulltext": True, "category": "Agencies"}]},
        path=None,
        env={},
    )
    assert (config.feeds[0].fulltext, config.feeds[0].category) == (True, "Agencies")
    with pytest.raises(ConfigError, match=r"feeds\[0\].fulltext: must be true or false"):
        parse_config(
            {"feeds": [{"url": "https://a.example/rss", "fulltext": "yes"}]}, path=None, env={}
        )
