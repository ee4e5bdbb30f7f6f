"""Corrections by hand honoured by the set-based evaluation on both databases: a
rejected sighting changes status, the next evaluation's alerts and history, and
removing it restores them; an entry not about an official drops its findings; a
sighting added by hand counts. Real SQLite and a real PostgreSQL started by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.helpers import database_url
from tracker.cli.report import corrected_history
from tracker.config import parse_config
from tracker.domain import AlertKind, Kind, Status
from tracker.jobs import Tracker
from tracker.store import corrections
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow

# invented stories: Lavrov seen on Oct 20 and Oct 28, Choe on Oct 27
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Desk test</title><link>https://desk.example/</link>
<description>d</description>
<item><title>Lavrov in Moscow</title><link>https://desk.example/1</link><guid>d-1</guid>
<pubDate>Mon, 20 Oct 2025 15:00:00 +0000</pubDate>
<description>Sergey Lavrov spoke to students in Moscow on Monday.</description></item>
<item><title>Choe in Pyongyang</title><link>https://desk.example/2</link><guid>d-2</guid>
<pubDate>Mon, 27 Oct 2025 15:00:00 +0000</pubDate>
<description>Choe Son Hui received a delegation in Pyongyang on Monday.</description></item>
<item><title>Lavrov in Minsk</title><link>https://desk.example/3</link><guid>d-3</guid>
<pubDate>Tue, 28 Oct 2025 12:00:00 +0000</pubDate>
<description>Sergey Lavrov spoke at the Minsk conference on Tuesday.</description></item>
</channel></rss>"""

AS_OF = datetime(2025, 11, 5, 12, tzinfo=UTC)
NOW = datetime(2025, 11, 5, 12, 30, tzinfo=UTC)
LAVROV, CHOE = "Sergey Lavrov", "Choe Son Hui"


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Tracker]:
    url = database_url(request, tmp_path, "desk")
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    config = parse_config(
        {
            "database": url,
            "outbox": str(tmp_path / "outbox"),
            "feeds": [{"url": str(feed)}],
            "officials": [
                {"name": LAVROV, "threshold": "10d"},
                {"name": CHOE, "threshold": "10d"},
            ],
        },
        path=None,
        env={},
    )
    tracker = Tracker(config, open_engine(url), now=NOW)
    assert tracker.poll(NOW)[0].new_entries == 3
    yield tracker
    tracker.close()


def status(tracker: Tracker, name: str) -> tuple[Status, date | None]:
    found = next(s for s in tracker.statuses(AS_OF).statuses if s.name == name)
    return found.status, found.last_seen


def finding_of(tracker: Tracker, name: str, day: str) -> tuple[int, int]:
    """The (finding id, entry id) of `name`'s appearance on `day`, from history."""
    with session_for(tracker.engine) as session:
        rows = corrected_history(session, name, (Kind.APPEARANCE,))
    (item,) = [i for i, _ in rows if i.day == day]
    return item.finding_id, item.entry_id


def verdicts(tracker: Tracker, name: str) -> dict[str, str | None]:
    """Per day of history, the action of the correction that applies (None: none)."""
    with session_for(tracker.engine) as session:
        rows = corrected_history(session, name, (Kind.APPEARANCE,))
    return {i.day: c.row.action if c else None for i, c in rows}


def test_a_rejected_sighting_changes_status_alerts_and_history_until_removed(
    tracker: Tracker,
) -> None:
    before = tracker.statuses(AS_OF).statuses
    assert status(tracker, LAVROV) == (Status.OK, date(2025, 10, 28))
    assert tracker.evaluate(AS_OF, NOW).alerts == []  # nobody is silent yet
    minsk, _ = finding_of(tracker, LAVROV, "2025-10-28")

    with session_for(tracker.engine) as session:
        rejected = corrections.reject(
            session, minsk, reason="archive footage", author="ana", now=NOW
        )
    assert status(tracker, LAVROV) == (Status.SILENT, date(2025, 10, 20))
    (alert,) = tracker.evaluate(AS_OF, NOW).alerts  # the next evaluation's alerts
    assert alert.kind == AlertKind.SILENT.value and LAVROV in alert.subject
    # the rejected sighting is neither its evidence nor in its timeline (the entry's
    # mention of him stands: only the appearance was rejected)
    evidence, recent = alert.body.split("Since then")[0], alert.body.split("Recent appearances")[1]
    assert "Moscow" in evidence and "Minsk" not in evidence + recent
    assert verdicts(tracker, LAVROV) == {"2025-10-20": None, "2025-10-28": "reject"}

    with session_for(tracker.engine) as session:
        assert rejected.row.id is not None
        corrections.remove(session, rejected.row.id, author="ana", reason="new", now=NOW)
    assert tracker.statuses(AS_OF).statuses == before
    assert verdicts(tracker, LAVROV) == {"2025-10-20": None, "2025-10-28": None}


def test_not_about_and_by_hand_change_the_status_of_the_official_only(tracker: Tracker) -> None:
    assert status(tracker, CHOE) == (Status.OK, date(2025, 10, 27))
    _, pyongyang = finding_of(tracker, CHOE, "2025-10-27")
    with session_for(tracker.engine) as session:
        entry = session.get(EntryRow, pyongyang)
        assert entry is not None
        corrections.not_about(
            session, entry, tracker.ids[CHOE], reason="another Choe", author="ben", now=NOW
        )
    assert status(tracker, CHOE) == (Status.UNSEEN, None)
    assert status(tracker, LAVROV) == (Status.OK, date(2025, 10, 28))
    assert verdicts(tracker, CHOE) == {"2025-10-27": "not_about"}

    with session_for(tracker.engine) as session:
        corrections.add(
            session,
            tracker.ids[CHOE],
            date(2025, 11, 4),
            source="KCTV evening news",
            note="",
            url="",
            reason="",
            author="ben",
            now=NOW,
        )
    assert status(tracker, CHOE) == (Status.OK, date(2025, 11, 4))
    assert tracker.statuses(AS_OF).sources[CHOE] == ("added by hand",)
    with session_for(tracker.engine) as session:
        days = {i.day: c for i, c in corrected_history(session, CHOE, (Kind.APPEARANCE,))}
    assert set(days) == {"2025-10-27", "2025-11-04"}
    by_hand = days["2025-11-04"]
    assert by_hand is not None and by_hand.row.action == corrections.ADD
