"""Reasoning across entries through the real CLI on a real SQLite database: several
outlets corroborate a sighting; later absence reports set a lone sighting aside."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.feedtools import item, rss
from tests.helpers import run_cli
from tracker.config import load_config
from tracker.jobs import Tracker
from tracker.store.engine import open_engine

# Oct 28: the same appearance from two outlets (two independent sources).
AGENCY = [
    item(
        1,
        "Russian Foreign Minister Sergey Lavrov addressed a security conference in Minsk"
        " on Tuesday.",
        title="Lavrov in Minsk",
        link="https://agency.example/2025/10/28/lavrov-minsk",
        guid="agency-1",
        pubDate="Tue, 28 Oct 2025 15:00:00 +0000",
    ),
    item(
        2,
        "Diplomats say there has been no word from Sergey Lavrov for days. "
        "Lavrov has not been seen in public since October 28.",
        title="The minister nobody has seen",
        link="https://agency.example/2025/11/12/no-word",
        guid="agency-2",
        pubDate="Wed, 12 Nov 2025 10:00:00 +0000",
    ),
]
# Oct 28 again, and a lone "sighting" on Nov 7 that nobody else reports.
WIRE = [
    item(
        1,
        "Sergey Lavrov spoke at the Eurasian security forum in Minsk on Tuesday, his ministry"
        " said.",
        title="Lavrov speaks at Minsk forum",
        link="https://www.wire.example/world/lavrov-forum",
        guid="wire-1",
        pubDate="Tue, 28 Oct 2025 18:00:00 +0000",
    ),
    item(
        2,
        "Sergey Lavrov met North Korean Foreign Minister Choe Son Hui at the Kremlin on Friday.",
        title="Lavrov meets Choe",
        link="https://www.wire.example/world/lavrov-choe",
        guid="wire-2",
        pubDate="Fri, 07 Nov 2025 16:00:00 +0000",
    ),
]
# Nov 10: "not seen since October 28" from a third outlet.
PAPER = [
    item(
        1,
        "Questions are growing in Moscow about Russian Foreign Minister Sergey Lavrov. "
        "Lavrov has not been seen in public since October 28.",
        title="Where is Russia's foreign minister?",
        link="https://paper.example/opinion/where-is-lavrov",
        guid="paper-1",
        pubDate="Mon, 10 Nov 2025 09:30:00 +0000",
    ),
]
LONE = "https://www.wire.example/world/lavrov-choe"
REPORT = "https://paper.example/opinion/where-is-lavrov"


def _setup(tmp_path: Path) -> Path:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    for name, items in (("agency", AGENCY), ("wire", WIRE), ("paper", PAPER)):
        (feeds / f"{name}.xml").write_bytes(rss(items, title=name))
    config = tmp_path / "tracker.toml"
    config.write_text(
        'database = "sqlite:///t.db"\noutbox = "outbox"\n[[officials]]\n'
        'name = "Sergey Lavrov"\nshort = ["Lavrov"]\nthreshold = "10d"\n',
        encoding="utf-8",
    )
    result = run_cli("--config", str(config), "import", str(feeds), "--no-alerts")
    assert result.returncode == 0, result.stderr
    return config


def _recognizer_says_since(tmp_path: Path) -> None:
    """What the recognizer will store for "has not been seen in public since October 28"
    (Finding.since); set here until it does, so this test covers only the reasoning."""
    with sqlite3.connect(tmp_path / "t.db") as db:
        db.execute("UPDATE finding SET since = '2025-10-28' WHERE kind = 'absence'")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    config = _setup(tmp_path)
    _recognizer_says_since(tmp_path)
    return config


def _json(config: Path, *args: str) -> Any:
    result = run_cli("--config", str(config), *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _lavrov(status: dict[str, Any]) -> dict[str, Any]:
    return next(o for o in status["officials"] if o["name"] == "Sergey Lavrov")


def test_status_sets_the_contradicted_lone_sighting_aside(config: Path) -> None:
    before = _lavrov(_json(config, "status", "--as-of", "2025-11-09", "--json"))
    assert (before["last_seen"], before["status"], before["last_seen_sources"]) == (
        "2025-11-07",
        "ok",
        1,
    )
    assert before["last_seen_source_names"] == ["wire.example"] and before["disputed"] == []

    after = _lavrov(_json(config, "status", "--as-of", "2025-11-12", "--json"))
    assert (after["last_seen"], after["status"]) == ("2025-10-28", "silent")
    assert after["last_seen_sources"] == 2
    assert after["last_seen_source_names"] == ["agency.example", "wire.example"]
    [disputed] = after["disputed"]
    assert (disputed["date"], disputed["url"], disputed["source"]) == (
        "2025-11-07",
        LONE,
        "wire.example",
    )
    report = disputed["contradicted_by"]
    assert (report["url"], report["source"], report["since"]) == (
        REPORT,
        "paper.example",
        "2025-10-28",
    )
    assert report["published"].startswith("2025-11-10T09:30")
    assert "paper.example" in disputed["reason"] and "since 2025-10-28" in disputed["reason"]

    table = run_cli("--config", str(config), "status", "--as-of", "2025-11-12").stdout
    assert "SOURCES" in table and "1 disputed" in table
    assert "disputed: Sergey Lavrov seen 2025-11-07, set aside: contradicted by" in table


def test_history_keeps_the_disputed_sighting_marked_with_the_reason(config: Path) -> None:
    items = _json(config, "history", "Sergey Lavrov", "--json")["appearances"]
    by_url = {i["url"]: i for i in items}
    lone = by_url[LONE]
    assert lone["date"] == "2025-11-07" and lone["disputed"] is True
    assert lone["sources"] == 1 and lone["source"] == "wire.example"
    assert lone["contradicted_by"]["url"] == REPORT and REPORT in lone["disputed_reason"]
    minsk = [i for i in items if i["date"] == "2025-10-28"]
    assert len(minsk) == 2 and all(i["sources"] == 2 and not i["disputed"] for i in minsk)

    everything = _json(config, "history", "Sergey Lavrov", "--json", "--mentions")["findings"]
    absences = [f for f in everything if f["kind"] == "absence"]
    assert {f["since"] for f in absences} == {"2025-10-28"} and len(absences) == 2

    text = run_cli("--config", str(config), "history", "Sergey Lavrov").stdout
    assert "2025-11-07  Sergey Lavrov [DISPUTED]" in text
    assert "2025-10-28  Sergey Lavrov (2 sources)" in text
    assert "disputed: contradicted by an absence report from paper.example" in text


def test_explain_shows_corroboration_and_contradiction(config: Path) -> None:
    minsk = _json(config, "explain", "https://agency.example/2025/10/28/lavrov-minsk", "--json")
    [seen] = [s for s in minsk["sentences"] if s["kind"] == "appearance"]
    assert seen["corroboration"]["sources"] == ["agency.example", "wire.example"]
    assert [o["url"] for o in seen["corroboration"]["others"]] == [
        "https://www.wire.example/world/lavrov-forum"
    ]
    assert seen["disputed"] is None

    lone = _json(config, "explain", LONE, "--json")
    seen_again = [s for s in lone["sentences"] if s["kind"] == "appearance"]  # headline, body
    assert seen_again and all(s["date"] == "2025-11-07" for s in seen_again)
    for seen in seen_again:
        assert seen["corroboration"] == {"sources": ["wire.example"], "others": []}
        assert seen["disputed"]["contradicted_by"]["url"] == REPORT
    assert all(s["corroboration"] is None for s in lone["sentences"] if s["kind"] != "appearance")
    text = run_cli("--config", str(config), "explain", LONE).stdout
    assert "sources for Sergey Lavrov on 2025-11-07: 1 (wire.example)" in text
    assert "DISPUTED: contradicted by an absence report from paper.example" in text


@pytest.mark.xfail(
    strict=False,
    reason="the recognizer does not yet fill Finding.since for 'has not been seen in public"
    " since October 28' (contract with tracker/recognize/, being built there)",
)
def test_end_to_end_the_recognizer_dates_the_absence_and_the_lone_sighting_is_disputed(
    tmp_path: Path,
) -> None:
    config = _setup(tmp_path)  # nothing patched: recognition alone says since when
    everything = _json(config, "history", "Sergey Lavrov", "--json", "--mentions")["findings"]
    report = next(f for f in everything if f["url"] == REPORT and f["kind"] == "absence")
    assert report["text"] == "Lavrov has not been seen in public since October 28."
    assert report["since"] == "2025-10-28"
    after = _lavrov(_json(config, "status", "--as-of", "2025-11-12", "--json"))
    assert after["last_seen"] == "2025-10-28"
    assert [d["date"] for d in after["disputed"]] == ["2025-11-07"]


def test_the_silent_alert_leaves_the_disputed_sighting_out_of_its_timeline(
    config: Path,
) -> None:
    as_of = datetime(2025, 11, 12, 23, tzinfo=UTC)
    engine = open_engine(f"sqlite:///{config.parent / 't.db'}")
    tracker = Tracker(load_config(config), engine, now=as_of)
    try:
        [alert] = tracker.evaluate(as_of, as_of).alerts
    finally:
        tracker.close()
    assert alert.kind == "silent" and "Sergey Lavrov silent" in alert.subject
    timeline = alert.body.split("Recent appearances:")[1]
    assert "2025-10-28" in timeline and "2025-11-07" not in timeline
