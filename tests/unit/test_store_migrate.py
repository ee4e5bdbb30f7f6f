"""A database made by an older version gets the new columns, and keeps its rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import col, select

from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FeedRow, FindingRow

OLD_SCHEMA = """
CREATE TABLE feed (id INTEGER PRIMARY KEY, url VARCHAR(2000) NOT NULL UNIQUE, name VARCHAR(500) NOT NULL,
  title VARCHAR(500) NOT NULL, last_polled_at DATETIME, last_success_at DATETIME, last_error VARCHAR(1000),
  consecutive_failures INTEGER NOT NULL, entries_seen INTEGER NOT NULL);
CREATE TABLE entry (id INTEGER PRIMARY KEY, key VARCHAR(64) NOT NULL UNIQUE, feed_id INTEGER REFERENCES feed(id),
  guid VARCHAR(2000) NOT NULL, url VARCHAR(2000) NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
  published DATETIME NOT NULL, dated BOOLEAN NOT NULL, fetched_at DATETIME NOT NULL);
CREATE TABLE official (id INTEGER PRIMARY KEY, name VARCHAR(300) NOT NULL UNIQUE, added_at DATETIME NOT NULL);
CREATE TABLE finding (id INTEGER PRIMARY KEY, entry_id INTEGER NOT NULL REFERENCES entry(id),
  official_id INTEGER NOT NULL REFERENCES official(id), kind VARCHAR(20) NOT NULL, day DATE NOT NULL,
  seen_at DATETIME NOT NULL, published DATETIME NOT NULL, sentence TEXT NOT NULL, cue VARCHAR(500) NOT NULL,
  confidence FLOAT NOT NULL, CONSTRAINT uq_finding UNIQUE (entry_id, official_id, kind, day));
INSERT INTO feed VALUES (1, 'https://wire.example/rss', 'Wire', '', NULL, NULL, NULL, 2, 10);
INSERT INTO entry VALUES (1, 'k1', 1, 'g1', 'https://www.wire.example/1', 'T', 'X', '2025-10-27 15:00:00', 1, '2025-10-27 16:00:00');
INSERT INTO entry VALUES (2, 'k2', 1, 'g2', '', 'T', 'Y', '2025-10-28 15:00:00', 1, '2025-10-28 16:00:00');
INSERT INTO official VALUES (1, 'Sergey Lavrov', '2025-10-01 00:00:00');
INSERT INTO finding VALUES (1, 1, 1, 'appearance', '2025-10-27', '2025-10-27 12:00:00', '2025-10-27 15:00:00', 'S', 'c', 0.9);
INSERT INTO finding VALUES (2, 2, 1, 'absence', '2025-10-28', '2025-10-28 15:00:00', '2025-10-28 15:00:00', 'A', 'c', 0.85);
"""


def test_an_older_database_gets_the_new_columns_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(OLD_SCHEMA)
    engine = open_engine(f"sqlite:///{path}")
    try:
        with session_for(engine) as session:
            feed = session.exec(select(FeedRow)).one()
            entry = session.exec(select(EntryRow).where(EntryRow.id == 1)).one()
            findings = session.exec(select(FindingRow).order_by(col(FindingRow.id))).all()
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
    # findings: `since` is unknown for old absence reports; the source is filled in from
    # the entry's link, or its feed when it has none
    assert [(f.since, f.source) for f in findings] == [
        (None, "wire.example"),
        (None, "wire.example"),
    ]
    with sqlite3.connect(path) as db:
        indexes = {row[1] for row in db.execute("SELECT * FROM sqlite_master WHERE type='index'")}
    # the composite indexes of set-based evaluation, and `explain URL`'s, on an old database
    assert {
        "ix_finding_last_seen",
        "ix_finding_official_kind_published",
        "ix_entry_url",
        "ix_entry_guid",
        "ix_entry_published",
    } <= indexes
