"""When a feed is polled next: interval, hints within bounds, backoff with jitter, Retry-After."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.feeds.schedule import Bounds, cache_hint, feed_hint, next_poll, parse_retry_after

NOW = datetime(2025, 11, 3, 12, 0, tzinfo=UTC)
M15 = timedelta(minutes=15)
BOUNDS = Bounds(max_interval=timedelta(hours=6), max_backoff=timedelta(hours=24))


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", timedelta(seconds=120)),
        (" 0 ", timedelta(0)),
        ("Mon, 03 Nov 2025 12:05:00 GMT", timedelta(minutes=5)),
        ("Mon, 03 Nov 2025 11:00:00 GMT", timedelta(0)),  # in the past: no wait
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_retry_after_is_read_as_seconds_or_an_http_date(
    header: str | None, expected: timedelta | None
) -> None:
    assert parse_retry_after(header, NOW) == expected


@pytest.mark.parametrize(
    ("feed", "expected"),
    [
        ({"ttl": "60"}, timedelta(hours=1)),
        ({"ttl": "0"}, None),
        ({"ttl": "soon"}, None),
        ({"sy_updateperiod": "hourly", "sy_updatefrequency": "2"}, timedelta(minutes=30)),
        ({"sy_updateperiod": "daily"}, timedelta(days=1)),
        ({"sy_updateperiod": "fortnightly"}, None),
        ({}, None),
    ],
)
def test_a_feed_hint_comes_from_ttl_or_the_syndication_module(
    feed: dict[str, str], expected: timedelta | None
) -> None:
    assert feed_hint(feed) == expected


@pytest.mark.parametrize(
    ("control", "expected"),
    [
        ("public, max-age=3600", timedelta(hours=1)),
        ('max-age="600"', timedelta(minutes=10)),
        ("no-cache, max-age=3600", None),
        ("", None),
    ],
)
def test_cache_control_max_age_is_a_hint(control: str, expected: timedelta | None) -> None:
    assert cache_hint({"cache-control": control}) == expected


@pytest.mark.parametrize(
    ("case", "kwargs", "delay"),
    [
        ("healthy: the interval", {}, M15),
        ("a longer hint stretches the interval", {"hint": timedelta(hours=2)}, timedelta(hours=2)),
        ("a hint never beyond max_interval", {"hint": timedelta(days=7)}, timedelta(hours=6)),
        ("a shorter hint never shortens it", {"hint": timedelta(minutes=1)}, M15),
        ("first failure: the interval", {"failures": 1}, M15),
        ("third failure: 4x", {"failures": 3}, 4 * M15),
        ("many failures: capped", {"failures": 40}, timedelta(hours=24)),
        ("jitter adds up to 20%", {"failures": 3, "jitter": 0.5}, 4 * M15 * 1.1),
        (
            "Retry-After beyond backoff wins",
            {"failures": 1, "retry_after": timedelta(hours=1)},
            timedelta(hours=1),
        ),
        (
            "Retry-After is capped",
            {"failures": 1, "retry_after": timedelta(days=30)},
            timedelta(hours=24),
        ),
        (
            "Retry-After shorter than backoff",
            {"failures": 3, "retry_after": timedelta(seconds=5)},
            4 * M15,
        ),
    ],
)
def test_next_poll(case: str, kwargs: dict[str, object], delay: timedelta) -> None:
    assert next_poll(NOW, M15, bounds=BOUNDS, **kwargs) == NOW + delay  # type: ignore[arg-type]


def test_backoff_never_overflows_for_long_intervals() -> None:
    assert next_poll(NOW, timedelta(days=30), failures=10_000, bounds=BOUNDS) == NOW + timedelta(
        days=30
    )
