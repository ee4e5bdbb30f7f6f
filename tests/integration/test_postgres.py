"""The same pipeline against a real PostgreSQL server started by the test."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from tracker.config import parse_config
from tracker.domain import Status
from tracker.jobs import Tracker
from tracker.store.engine import open_engine

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>PG test</title><link>https://pg.example/</link><description>d</description>
<item><title>Lavrov meets Choe Son Hui</title><link>https://pg.example/1</link><guid>pg-1</guid>
<pubDate>Mon, 27 Oct 2025 15:00:00 +0000</pubDate>
<description>Sergey Lavrov held talks with Choe Son Hui in Moscow on Monday.</description></item>
<item><title>Сергей Лавров выступил в Минске</title><link>https://pg.example/2</link><guid>pg-2</guid>
<pubDate>Tue, 28 Oct 2025 12:00:00 +0000</pubDate>
<description>Sergey Lavrov spoke at the Minsk conference on Tuesday.</description></item>
</channel></rss>"""


def _tracker(url: str, feed: Path) -> Tracker:
    config = parse_config(
        {
            "database": url,
            "feeds": [{"url": str(feed)}],
            "officials": [
                {"name": "Sergey Lavrov", "aliases": ["Сергей Лавров"], "threshold": "10d"},
                {"name": "Choe Son Hui", "short": ["Choe"]},
            ],
        },
        path=None,
        env={},
    )
    return Tracker(config, open_engine(url), now=datetime(2025, 11, 1, tzinfo=UTC))


def test_ingest_status_and_alerts_work_on_postgresql(postgres_url: str, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    tracker = _tracker(postgres_url, feed)
    now = datetime(2025, 11, 12, tzinfo=UTC)
    first = tracker.poll(now)
    again = tracker.poll(now)
    assert first[0].new_entries == 2 and again[0].new_entries == 0

    statuses = {s.name: s for s in tracker.statuses(now).statuses}
    assert statuses["Sergey Lavrov"].status is Status.SILENT
    assert str(statuses["Sergey Lavrov"].last_seen) == "2025-10-28"
    assert statuses["Sergey Lavrov"].evidence is not None

    assert len(tracker.evaluate(now, now).alerts) == 2
    assert tracker.evaluate(now, now).alerts == []  # stored once, even on a second pass
    # a second process (a restart) against the same database finds the same state
    restarted = _tracker(postgres_url, feed)
    try:
        assert restarted.evaluate(now, now).alerts == []
        with tracker.engine.connect() as connection:
            zone = connection.execute(text("select published from entry limit 1")).scalar_one()
        assert zone.tzinfo is not None
    finally:
        restarted.close()
        tracker.close()
