"""Exit codes monitoring can use: `tracker check` (0 OK, 1 WARNING, 2 CRITICAL) and
usage errors exiting 2, through the real CLI on real SQLite, SMTP refused on loopback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.feedtools import rss
from tests.helpers import free_port, run_cli

SEEN = {
    "title": "Lavrov in Minsk",
    "link": "https://wire.example/2025/11/03/lavrov-minsk",
    "guid": "lavrov-minsk",
    "description": "Sergey Lavrov spoke to reporters in Minsk on Monday after the talks.",
    "pubDate": "Mon, 03 Nov 2025 16:00:00 GMT",
}


def _config(folder: Path, *, feed_url: str | None = None, smtp_port: int | None = None) -> Path:
    lines = [
        'database = "sqlite:///check.db"',
        'outbox = "outbox"',
        "[[officials]]",
        'name = "Sergey Lavrov"',
        'threshold = "10d"',
    ]
    if feed_url:
        lines += ["[[feeds]]", f'url = "{feed_url}"', 'name = "Dead Wire"']
    if smtp_port:
        lines += [
            "[email]",
            'host = "127.0.0.1"',
            f"port = {smtp_port}",
            'security = "none"',
            'from = "tracker@example.org"',
            'to = ["desk@example.org"]',
            "timeout = 2",
        ]
    path = folder / "tracker.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def seen_once(tmp_path: Path) -> Path:
    """Lavrov seen on 3 Nov 2025 (threshold 10 days): fine on the 4th, silent in December."""
    (tmp_path / "wire.xml").write_bytes(rss([SEEN]))
    config = _config(tmp_path)
    done = run_cli("--config", str(config), "import", "--no-alerts", str(tmp_path / "wire.xml"))
    assert done.returncode == 0, done.stderr
    return config


def check(config: Path, *args: str) -> tuple[int, str]:
    done = run_cli("--config", str(config), "check", *args)
    assert done.stderr == "", done.stderr
    assert done.stdout.count("\n") == 1, done.stdout  # one line
    return done.returncode, done.stdout.strip()


def test_all_well_is_ok_and_exits_0(seen_once: Path) -> None:
    assert check(seen_once, "--as-of", "2025-11-04") == (
        0,
        "OK: 1 officials, no silence, feeds and delivery fine",
    )


@pytest.mark.parametrize(
    ("flags", "code", "line"),
    [
        ((), 2, "CRITICAL: 1 silent (Sergey Lavrov)"),
        (("--silent", "warning"), 1, "WARNING: 1 silent (Sergey Lavrov)"),
        (("--silent", "IGNORE"), 0, "OK: 1 officials, no silence, feeds and delivery fine"),
    ],
)
def test_a_silent_official_is_critical_unless_told_otherwise(
    seen_once: Path, flags: tuple[str, ...], code: int, line: str
) -> None:
    assert check(seen_once, "--as-of", "2025-12-30", *flags) == (code, line)


def test_a_muted_silent_official_does_not_page_anyone(seen_once: Path) -> None:
    muted = run_cli("--config", str(seen_once), "mute", "Lavrov", "--for", "3d")
    assert muted.returncode == 0, muted.stderr
    # the mute runs from now, and `check --as-of` judges then; judge now instead
    code, line = check(seen_once)
    assert (code, line) == (0, "OK: 1 officials, no silence, feeds and delivery fine")


def test_failing_feeds_and_undelivered_alerts_are_warnings(tmp_path: Path) -> None:
    (tmp_path / "wire.xml").write_bytes(rss([SEEN]))
    dead = f"http://127.0.0.1:{free_port()}/feed.xml"  # nothing listens there
    config = _config(tmp_path, feed_url=dead, smtp_port=free_port())
    imported = run_cli("--config", str(config), "import", "--no-alerts", str(tmp_path / "wire.xml"))
    assert imported.returncode == 0, imported.stderr
    polled = run_cli("--config", str(config), "poll", "--as-of", "2025-11-04")
    assert polled.returncode == 3  # the feed failed
    assert check(config, "--as-of", "2025-11-04") == (1, "WARNING: 1 failing feeds (Dead Wire)")
    assert check(config, "--as-of", "2025-11-04", "--failing-feeds", "critical")[0] == 2

    late = run_cli("--config", str(config), "poll", "--as-of", "2025-12-30")
    assert late.returncode == 3 and "UNDELIVERED" in late.stderr  # SMTP refused: kept
    code, line = check(config, "--as-of", "2025-12-30", "--silent", "ignore")
    assert code == 1
    assert line.startswith("WARNING: 1 failing feeds (Dead Wire); 1 undelivered (#1 Sergey Lavrov)")
    code, line = check(config, "--as-of", "2025-12-30")
    assert code == 2 and line.startswith("CRITICAL: 1 silent (Sergey Lavrov); 1 failing feeds")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "--silent", "loud"), "tracker: --silent: 'loud' is not one of"),
        (("alerts", "--state", "failedd"), "tracker: --state: 'failedd' is not one of"),
        (("status", "--as-of", "someday"), "tracker: --as-of: bad date 'someday'"),
        (("status", "--no-such-option"), "No such option"),
        (("no-such-command",), "No such command"),
    ],
)
def test_usage_errors_exit_2(seen_once: Path, args: tuple[str, ...], message: str) -> None:
    done = run_cli("--config", str(seen_once), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_feeds_add_of_a_dead_address_exits_3_in_one_line(seen_once: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}/feed.xml"  # nothing listens: try again later
    done = run_cli("--config", str(seen_once), "feeds", "add", dead)
    assert done.returncode == 3
    assert done.stderr.startswith(f"tracker: {dead}: ") and done.stderr.count("\n") == 1
