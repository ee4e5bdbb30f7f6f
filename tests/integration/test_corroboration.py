"""Reasoning across entries through the real CLI on a real SQLite database: several
outlets corroborate a sighting; later absence reports set a lone sighting aside."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.feedtools import item, make_tracker, rss
from tests.helpers import run_cli
from tracker.config import load_config
from tracker.jobs import Tracker
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FindingRow

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
MINSK = [
    "https://agency.example/2025/10/28/lavrov-minsk",
    "https://www.wire.example/world/lavrov-forum",
]
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
    """What the recognizer stores for "has not been seen in public since October 28"
    (Finding.since; tested end to end below), set here too so that these tests are about
    the reasoning across entries only, whatever recognition does."""
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
    # two outlets saw him in Minsk (the absence reports may add themselves: "last seen")
    names = after["last_seen_source_names"]
    assert {"agency.example", "wire.example"} <= set(names) and names == sorted(names)
    assert after["last_seen_sources"] == len(names) >= 2
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
    minsk = [i for i in items if i["url"] in MINSK]
    assert len(minsk) == 2 and all(i["date"] == "2025-10-28" for i in minsk)
    assert all(i["sources"] >= 2 and not i["disputed"] for i in minsk)

    everything = _json(config, "history", "Sergey Lavrov", "--json", "--mentions")["findings"]
    absences = [f for f in everything if f["kind"] == "absence"]
    assert {f["since"] for f in absences} == {"2025-10-28"} and len(absences) == 2

    text = run_cli("--config", str(config), "history", "Sergey Lavrov").stdout
    assert "2025-11-07  Sergey Lavrov [DISPUTED]" in text
    assert "2025-10-28  Sergey Lavrov (" in text and " sources)" in text
    assert "disputed: contradicted by an absence report from paper.example" in text


def test_explain_shows_corroboration_and_contradiction(config: Path) -> None:
    minsk = _json(config, "explain", MINSK[0], "--json")
    [seen] = [s for s in minsk["sentences"] if s["kind"] == "appearance"]
    assert {"agency.example", "wire.example"} <= set(seen["corroboration"]["sources"])
    others = [o["url"] for o in seen["corroboration"]["others"]]
    assert MINSK[1] in others and MINSK[0] not in others
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


def _row(n: int, kind: str, day: date, published: datetime, source: str, **extra: Any) -> Any:
    entry = EntryRow(
        key=f"k{n}",
        url=f"https://{source}/{n}",
        title=f"t{n}",
        text="x",
        published=published,
        fetched_at=published,
    )
    seen = min(datetime.combine(day, time(12), tzinfo=UTC), published)
    finding = FindingRow(
        entry_id=0,
        official_id=0,
        kind=kind,
        day=day,
        seen_at=seen,
        published=published,
        sentence=f"s{n}",
        confidence=0.9,
        source=source,
        **extra,
    )
    return entry, finding


def test_status_walks_back_past_more_disputed_days_than_it_reads_at_once(
    tmp_path: Path,
) -> None:
    """Twelve lone sightings in a row (more than one batch of days), then a corroborated
    one: all twelve set aside by reports of two outlets; the corroborated day is last seen."""
    tracker = make_tracker(tmp_path)
    official = tracker.ids["Sergey Lavrov"]
    rows = [
        _row(
            1, "appearance", date(2025, 10, 28), datetime(2025, 10, 28, 15, tzinfo=UTC), "a.example"
        ),
        _row(
            2, "appearance", date(2025, 10, 28), datetime(2025, 10, 28, 16, tzinfo=UTC), "b.example"
        ),
    ]
    for i in range(12):
        day = date(2025, 10, 29) + timedelta(days=i)
        rows.append(
            _row(
                10 + i,
                "appearance",
                day,
                datetime.combine(day, time(15), tzinfo=UTC),
                "lone.example",
            )
        )
    for n, source in ((30, "c.example"), (31, "d.example")):
        published = datetime(2025, 11, 12, 9, tzinfo=UTC)
        rows.append(
            _row(n, "absence", published.date(), published, source, since=date(2025, 10, 28))
        )
    with session_for(tracker.engine) as session:
        for entry, finding in rows:
            session.add(entry)
            session.flush()
            finding.entry_id, finding.official_id = entry.id, official
            session.add(finding)
        session.commit()
    try:
        evaluation = tracker.statuses(datetime(2025, 11, 13, tzinfo=UTC))
    finally:
        tracker.close()
    [lavrov] = [s for s in evaluation.statuses if s.name == "Sergey Lavrov"]
    assert lavrov.last_seen == date(2025, 10, 28)
    assert evaluation.sources["Sergey Lavrov"] == ("a.example", "b.example")
    aside = evaluation.disputed["Sergey Lavrov"]
    assert [d.day for d in aside] == [date(2025, 10, 29) + timedelta(days=i) for i in range(12)]
    assert all("reported by 2 sources" in d.reason for d in aside)
