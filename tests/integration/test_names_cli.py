"""Every command that takes an official forgives how the name is typed, through the real
CLI on a real SQLite database; a miss exits 2 with a suggestion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.feedtools import rss
from tests.helpers import run_cli

CONFIG = """\
database = "sqlite:///names.db"
outbox = "outbox"

[[officials]]
name = "Jean-Noël Barrot"
roles = ["French Foreign Minister"]

[[officials]]
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov"]

[[officials]]
name = "Kim Jong Un"
short = ["Kim"]

[[officials]]
name = "Kim Yo Jong"
short = ["Kim"]
"""

ITEMS = [
    {
        "title": "Barrot in Warsaw",
        "link": "https://wire.example/2025/11/03/barrot-warsaw",
        "guid": "barrot-warsaw",
        "description": "French Foreign Minister Jean-Noël Barrot met his Polish counterpart "
        "in Warsaw on Monday, the ministry said.",
        "pubDate": "Mon, 03 Nov 2025 15:00:00 GMT",
    },
    {
        "title": "Lavrov in Minsk",
        "link": "https://wire.example/2025/11/03/lavrov-minsk",
        "guid": "lavrov-minsk",
        "description": "Sergey Lavrov spoke to reporters in Minsk on Monday after the talks.",
        "pubDate": "Mon, 03 Nov 2025 16:00:00 GMT",
    },
]


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("names")
    (folder / "wire.xml").write_bytes(rss(ITEMS))
    path = folder / "tracker.toml"
    path.write_text(CONFIG, encoding="utf-8")
    done = run_cli("--config", str(path), "import", "--no-alerts", str(folder / "wire.xml"))
    assert done.returncode == 0, done.stderr
    return path


def cli(config: Path, *args: str) -> tuple[int, str, str]:
    done = run_cli("--config", str(config), *args)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("typed", ["Jean-Noël Barrot", "jean-noel barrot", "BARROT", "Barrot"])
def test_history_finds_the_official_however_typed(config: Path, typed: str) -> None:
    code, out, err = cli(config, "history", typed, "--json")
    assert code == 0, err
    appearances = json.loads(out)["appearances"]
    assert [a["official"] for a in appearances] == ["Jean-Noël Barrot"]
    assert err == ""


def test_history_by_alias_shows_the_officials_appearances(config: Path) -> None:
    code, out, _ = cli(config, "history", "sergei lavrov")
    assert code == 0
    assert "Sergey Lavrov" in out and "lavrov-minsk" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("history", "Jean-Noel Barot"),
            'tracker: no official "Jean-Noel Barot" on the watchlist; '
            'did you mean "Jean-Noël Barrot"?\n',
        ),
        (("mute", "Sergey Lavrof"), 'did you mean "Sergey Lavrov"?'),
        (("unmute", "Nobody"), 'tracker: no official "Nobody" on the watchlist\n'),
        (("history", "Kim"), '"Kim" could be "Kim Jong Un" or "Kim Yo Jong": give the full name'),
        (("await", "Lavrof", "--since", "2025-11-01", "--within", "72h"), "did you mean"),
        (("rescan", "Barot"), 'did you mean "Jean-Noël Barrot"?'),
    ],
)
def test_a_miss_exits_2_with_did_you_mean(
    config: Path, args: tuple[str, ...], message: str
) -> None:
    code, out, err = cli(config, *args)
    assert code == 2
    assert message in err and err.count("\n") == 1
    assert out == ""


def test_mute_unmute_and_await_take_forgiving_names(config: Path) -> None:
    code, out, err = cli(config, "mute", "jean-noel barrot", "--for", "2d", "--reason", "away")
    assert code == 0, err
    assert out.startswith("muted Jean-Noël Barrot until")
    status = json.loads(cli(config, "status", "--json")[1])
    muted = {o["name"]: o["muted_until"] for o in status["officials"]}
    assert muted["Jean-Noël Barrot"] is not None and muted["Sergey Lavrov"] is None
    assert cli(config, "unmute", "Barrot")[1].strip() == "unmuted Jean-Noël Barrot"
    code, out, err = cli(
        config, "await", "lavrov", "--since", "2025-11-01T12:00Z", "--within", "72h"
    )
    assert code == 0, err
    assert "a reply from Sergey Lavrov" in out
