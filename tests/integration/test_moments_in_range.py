"""Moments in range everywhere: every time, duration and id from the command line or
the config is bounded (tracker/moments.py), rejected with exit 2 and one line naming
the option or key; nothing out of range reaches the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.helpers import run_cli

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Range</title><link>https://range.example/</link><description>d</description>
<item><title>Lavrov in Minsk</title><link>https://range.example/1</link><guid>r-1</guid>
<pubDate>Tue, 28 Oct 2025 12:00:00 +0000</pubDate>
<description>Sergey Lavrov spoke at the Minsk conference on Tuesday.</description></item>
</channel></rss>"""

BASE = 'database = "sqlite:///t.db"\noutbox = "outbox"\n'
OFFICIAL = '[[officials]]\nname = "Sergey Lavrov"\nthreshold = "10d"\n'


def _config(tmp_path: Path, officials: str = OFFICIAL, extra: str = "") -> Path:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    path = tmp_path / "tracker.toml"
    text = BASE + f'[[feeds]]\nurl = "{feed}"\n' + officials + extra
    path.write_text(text, encoding="utf-8")
    return path


def _one_line_exit_2(result: object, *needles: str) -> str:
    assert getattr(result, "returncode", None) == 2, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    lines = result.stderr.strip().splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1, lines
    for needle in needles:
        assert needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(lines[0])


OPTIONS = [
    (("poll", "--as-of", "9999-12-31"), "--as-of", "out of range"),
    (("poll", "--as-of", "1899-12-31"), "--as-of", "out of range"),
    (("import", "feed.xml", "--as-of", "2201-01-01"), "--as-of", "out of range"),
    (("status", "--as-of", "9999-12-31T23:59:59-05:00"), "--as-of", "out of range"),
    (("status", "--as-of", "0001-01-01T00:00:00+05:00"), "--as-of", "out of range"),
    (("mute", "Sergey Lavrov", "--for", "999999w"), "--for", "longer than 100 years"),
    (
        ("await", "Sergey Lavrov", "--since", "9999-12-31T23:59+00:00", "--within", "72h"),
        "--since",
        "out of range",
    ),
    (
        ("await", "Sergey Lavrov", "--since", "2025-10-01", "--within", "99999999999d"),
        "--within",
        "longer than 100 years",
    ),
    (("alerts", "retry", "999999999999999999999999"), "alert id", "is not an id"),
    (("alerts", "retry", "0"), "alert id", "is not an id"),
    (("replay", "feed.xml", "--from", "2025-10-01", "--step", "99999999999d"), "--step", ""),
]


@pytest.mark.parametrize(("args", "option", "problem"), OPTIONS, ids=lambda v: str(v)[:40])
def test_an_out_of_range_option_exits_2_with_one_line_and_stores_nothing(
    tmp_path: Path, args: tuple[str, ...], option: str, problem: str
) -> None:
    config = _config(tmp_path)
    args = tuple(str(tmp_path / a) if a == "feed.xml" else a for a in args)
    result = run_cli("--config", str(config), *args)
    _one_line_exit_2(result, f"tracker: {option}: ", problem)
    if (tmp_path / "t.db").exists():
        with sqlite3.connect(tmp_path / "t.db") as db:
            assert db.execute("select count(*) from alert").fetchone()[0] == 0


def test_poll_as_of_year_9999_is_refused_and_the_next_poll_works(tmp_path: Path) -> None:
    config = str(_config(tmp_path))
    _one_line_exit_2(run_cli("--config", config, "poll", "--as-of", "9999-12-31"), "--as-of")
    after = run_cli("--config", config, "poll", "--as-of", "2025-11-20")
    assert after.returncode == 0, after.stderr
    again = run_cli("--config", config, "poll", "--as-of", "2025-11-21")
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(tmp_path / "t.db") as db:
        assert db.execute("select count(*) from entry").fetchone()[0] == 1
        years = {r[0][:4] for r in db.execute("select as_of from alert").fetchall()}
    assert years <= {"2025"}


CONFIGS = [
    (
        '[[officials]]\nname = "Sergey Lavrov"\nthreshold = "99999999999999999999d"\n',
        "",
        "officials[0].threshold",
        "longer than 100 years",
    ),
    (
        OFFICIAL,
        '[[awaits]]\nofficial = "Sergey Lavrov"\nsince = 2020-01-01T00:00:00Z\n'
        'within = "99999999999d"\n',
        "awaits[0].within",
        "longer than 100 years",
    ),
    (
        OFFICIAL,
        '[[awaits]]\nofficial = "Sergey Lavrov"\nsince = 9999-01-01T00:00:00Z\nwithin = "72h"\n',
        "awaits[0].since",
        "out of range",
    ),
    (
        OFFICIAL,
        '[[awaits]]\nofficial = "Sergey Lavrov"\nsince = "9999-12-31T23:59:59-05:00"\n'
        'within = "72h"\n',
        "awaits[0].since",
        "out of range",
    ),
    (
        '[[officials]]\nname = "Sergey Lavrov"\n'
        'roles = [{title = "minister", since = 2201-01-01}]\n',
        "",
        "officials[0].roles[0].since",
        "out of range",
    ),
    (
        OFFICIAL,
        '[email]\nfrom = "t@localhost"\nto = ["desk@localhost"]\ntimeout = nan\n',
        "email.timeout",
        "finite",
    ),
    (OFFICIAL, "[polling]\ntotal_timeout = inf\n", "polling.total_timeout", "finite"),
    (OFFICIAL, "[polling]\nconnect_timeout = nan\n", "polling.connect_timeout", "finite"),
    (OFFICIAL, "[polling]\nmax_size = 99999999999999999999\n", "polling.max_size", "range"),
    (OFFICIAL, "[alerts.adaptive]\nmin_gaps = -3\n", "alerts.adaptive.min_gaps", "negative"),
    (
        OFFICIAL,
        '[[notify]]\nname = "hook"\nkind = "webhook"\nurl = "http://127.0.0.1:9/x"\ntimeout = nan\n',
        "notify[0].timeout",
        "",
    ),
]


@pytest.mark.parametrize(
    ("officials", "extra", "key", "problem"), CONFIGS, ids=[c[2] for c in CONFIGS]
)
def test_an_out_of_range_config_value_exits_2_with_file_key_problem(
    tmp_path: Path, officials: str, extra: str, key: str, problem: str
) -> None:
    config = _config(tmp_path, officials, extra)
    line = _one_line_exit_2(run_cli("--config", str(config), "status"), f"{config}: {key}: ")
    assert problem in line
    assert not (tmp_path / "t.db").exists()
