"""Inserts that another process may have made first are skipped, not errors, and the
loser's session keeps the rows it already holds (issue 13)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import select

from tracker.domain import Official
from tracker.store import repo
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow, FeedRow

NOW = datetime(2025, 11, 12, tzinfo=UTC)


def _alert(official_id: int, episode: str) -> AlertRow:
    return AlertRow(
        official_id=official_id,
        kind="silent",
        episode=episode,
        created_at=NOW,
        as_of=NOW,
        subject=f"alert {episode}",
        body="b",
        message_id=f"<{episode}@test>",
    )


def test_an_alert_stored_meanwhile_by_another_process_is_skipped_and_rows_stay_usable(
    tmp_path: Path,
) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 't.db'}")
    try:
        with session_for(engine) as mine:
            ids = repo.sync_officials(mine, [Official(name="Sergey Lavrov")], NOW)
            first = _alert(ids["Sergey Lavrov"], "e1")
            assert repo.add_alert(mine, first) and first.id is not None
            with session_for(engine) as theirs:  # the other process wins episode e2
                assert repo.add_alert(theirs, _alert(ids["Sergey Lavrov"], "e2"))
            assert not repo.add_alert(mine, _alert(ids["Sergey Lavrov"], "e2"))
            loaded = mine.exec(select(AlertRow).where(AlertRow.episode == "e2")).one()
        # after the clash and the session's end, what it held is still readable
        assert (first.subject, loaded.subject) == ("alert e1", "alert e2")
        with session_for(engine) as check:
            assert len(check.exec(select(AlertRow)).all()) == 2
    finally:
        engine.dispose()


def test_syncing_officials_and_config_feeds_twice_adds_each_row_once(tmp_path: Path) -> None:
    engine = open_engine(f"sqlite:///{tmp_path / 't.db'}")
    feeds = [("https://a.example/rss", "A", "wire"), ("https://b.example/rss", "B", "")]
    try:
        for _ in range(2):
            with session_for(engine) as session:
                ids = repo.sync_officials(session, [Official(name="Choe Son Hui")], NOW)
                repo.sync_config_feeds(session, feeds)
        with session_for(engine) as session:
            rows = session.exec(select(FeedRow).order_by(FeedRow.url)).all()
        assert list(ids) == ["Choe Son Hui"]
        assert [(r.url, r.name, r.source, r.category) for r in rows] == [
            (url, name, "config", category) for url, name, category in feeds
        ]
    finally:
        engine.dispose()
