"""A database made by an older version gets the new columns, and keeps its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import select

from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FeedRow

OLD_SCHEMA = """
CREATE TABLE feed (id INTEGER PRIMARY KEY, url VARCHAR(2000) NOT NULL UNIQUE, name VARCHAR(500) NOT NULL,
  title VARCHAR(500) NOT NULL, last_polled_at DATETIME, last_success_at DATETIME, last_error VARCHAR(1000),
  consecutive_failures INTEGER NOT NULL, entries_seen INTEGER NOT NULL);
CREATE TABLE entry (id INTEGER PRIMARY KEY, key VARCHAR(64) NOT NULL UNIQUE, feed_id INTEGER REFERENCES feed(id),
  guid VARCHAR(2000) NOT NULL, url VARCHAR(2000) NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
  published DATETIME NOT NULL, dated BOOLEAN NOT NULL, fetched_at DATETIME NOT NULL);
INSERT INTO feed VALUES (1, 'https://wire.example/rss', 'Wire', '', NULL, NULL, NULL, 2, 10);
INSERT INTO entry VALUES (1, 'k1', 1, 'g1', 'https://wire.example/1', 'T', 'X', '2025-10-27 15:00:00', 1, '2025-10-27 16:00:00');
"""


def test_an_older_database_gets_the_new_columns_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    engine = open_engine(f"sqlite:///{path}")
    try:
        with session_for(engine) as session:
            feed = session.exec(select(FeedRow)).one()
            entry = session.exec(select(EntryRow)).one()
    finally:
        engine.dispose()
    assert (feed.name, feed.consecutive_failures, feed.source, feed.fulltext) == (
        "Wire",
        2,
        "import",
        False,
    )
    assert feed.next_poll_at is None and feed.etag is None
    assert (entry.key, entry.canonical_url, entry.fingerprint) == ("k1", "", "")
    with sqlite3.connect(path) as db:
        indexes = {row[1] for row in db.execute("PRAGMA index_list('entry')")}
    assert "ix_entry_canonical_url" in indexes and "ix_entry_fingerprint" in indexes
