"""Global options after the command too, and moments given as `today`, `yesterday` or
`3d` (three days ago); through the real CLI, and parse_time's table."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import typer

from tests.helpers import run_cli
from tracker.cli import hoist_globals
from tracker.cli.context import parse_time

CONFIG = """\
database = "sqlite:///g.db"
outbox = "outbox"

[[officials]]
name = "Sergey Lavrov"
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.toml"
    path.write_text(CONFIG, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("--config", "{c}", "status", "--json"),
        ("status", "--config", "{c}", "--json"),
        ("status", "--json", "-c", "{c}"),
        ("status", "--json", "--config={c}", "-v"),
        ("-v", "status", "--verbose", "--json", "--config", "{c}"),
    ],
    ids=" ".join,
)
def test_global_options_work_before_and_after_the_command(
    config: Path, args: tuple[str, ...]
) -> None:
    done = run_cli(*(a.format(c=config) for a in args))
    assert done.returncode == 0, done.stderr
    assert [o["name"] for o in json.loads(done.stdout)["officials"]] == ["Sergey Lavrov"]


def test_an_options_own_value_is_never_taken_for_a_global_option(config: Path) -> None:
    done = run_cli("mute", "Lavrov", "--config", str(config), "--reason", "-v", "--for", "1d")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("UTC: -v")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["status"], ["status"]),
        (["status", "-c", "x.toml"], ["-c", "x.toml", "status"]),
        (["-c", "x.toml", "status", "-v"], ["-v", "-c", "x.toml", "status"]),
        (["feeds", "add", "URL", "--config", "x"], ["--config", "x", "feeds", "add", "URL"]),
        (["mute", "A", "--reason", "-v"], ["mute", "A", "--reason", "-v"]),
        (["mute", "A", "--reason=-v", "-v"], ["-v", "mute", "A", "--reason=-v"]),
        (["history", "--", "-v"], ["history", "--", "-v"]),
    ],
)
def test_hoisting_moves_only_the_global_options(argv: list[str], expected: list[str]) -> None:
    assert hoist_globals(argv) == expected


NOW = datetime(2025, 11, 12, 15, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "end_of_day", "moment"),
    [
        ("now", True, NOW),
        ("today", True, NOW),
        ("today", False, datetime(2025, 11, 12, tzinfo=UTC)),
        ("Yesterday", True, datetime(2025, 11, 11, 23, 59, 59, tzinfo=UTC)),
        ("yesterday", False, datetime(2025, 11, 11, tzinfo=UTC)),
        ("3d", True, NOW - timedelta(days=3)),
        ("12h", False, NOW - timedelta(hours=12)),
        ("1d12h", True, NOW - timedelta(days=1, hours=12)),
        ("2025-11-01", True, datetime(2025, 11, 1, 23, 59, 59, tzinfo=UTC)),
        ("2025-11-01T08:00Z", False, datetime(2025, 11, 1, 8, tzinfo=UTC)),
    ],
)
def test_parse_time_reads_words_and_durations_back_from_now(
    text: str, end_of_day: bool, moment: datetime
) -> None:
    assert parse_time(text, end_of_day=end_of_day, now=NOW) == moment


@pytest.mark.parametrize("text", ["someday", "3 days ago", "-3d", "300000w"])
def test_parse_time_refuses_the_rest_as_usage_errors(text: str) -> None:
    with pytest.raises(typer.Exit) as caught:
        parse_time(text, now=NOW)
    assert caught.value.exit_code == 2


def test_as_of_yesterday_and_since_3d_through_the_cli(config: Path) -> None:
    done = run_cli("status", "--as-of", "yesterday", "--json", "--config", str(config))
    assert done.returncode == 0, done.stderr
    as_of = datetime.fromisoformat(json.loads(done.stdout)["as_of"])
    today = datetime.now(UTC).date()
    assert (as_of.date(), as_of.time().hour) in {(today - timedelta(days=1), 23), (today, 23)}
    waiting = run_cli("await", "Lavrov", "--since", "3d", "--within", "72h", "-c", str(config))
    assert waiting.returncode == 0, waiting.stderr
    assert "watching for a reply from Sergey Lavrov" in waiting.stdout
    bad = run_cli("status", "--as-of", "someday", "-c", str(config))
    assert bad.returncode == 2 and "--as-of: bad date 'someday'" in bad.stderr
