"""What an alert shows of the reports since the last sighting: how many (counted in the
database, however long the silence) and the latest few, the only rows read; equal to
reading them all and taking the newest, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from tests.bulkdb import build, end_of_history
from tests.helpers import database_url
from tracker.store import alert_store
from tracker.store.engine import open_engine
from tracker.store.tables import EntryRow, FindingRow


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(request, tmp_path, "context")


def test_reports_since_counts_them_all_and_shows_the_newest(url: str) -> None:
    engine = open_engine(url)
    try:
        build(engine, officials=20, findings=4_000)
        as_of = end_of_history()
        with Session(engine) as session:
            rows = session.exec(
                select(FindingRow, EntryRow)
                .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
                .where(col(FindingRow.kind).in_(["absence", "mention"]))
            ).all()
            checked = 0
            for official_id in range(1, 21):
                for after in (None, as_of - timedelta(days=40), as_of - timedelta(days=3)):
                    mine = sorted(
                        (
                            (f, e)
                            for f, e in rows
                            if f.official_id == official_id
                            and f.published <= as_of
                            and (after is None or f.published > after)
                        ),
                        key=lambda fe: (fe[0].published, fe[0].id),
                        reverse=True,
                    )
                    count, shown = alert_store.reports_since(session, official_id, after, as_of)
                    assert count == len(mine)
                    assert [(r.url, r.text) for r in shown] == [
                        (e.url, f.sentence) for f, e in mine[:8]
                    ]
                    checked += count > 8
        assert checked > 10  # most cases have more reports than are shown
    finally:
        engine.dispose()
