"""The baseline schema, frozen: the tables as tracker made them before migrations
(main at b25f5cf, issue 13). Revision 0001 creates what of it a database lacks, so an
empty database and one made by any earlier version both end up exactly here.

Never edit this file to change the schema: the models (tracker/store/tables.py) move
on, and each change is a new revision in versions/. This copy stays as it was, so that
the baseline means the same thing forever. Column defaults are Python-side, as the
models' are; tracker.store.migrate writes them as DEFAULT when it adds a column to an
older table, so its existing rows get a value.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

METADATA = MetaData()


def _utc(name: str, nullable: bool = False) -> Column[object]:
    return Column(name, DateTime(timezone=True), nullable=nullable)


def _id() -> Column[object]:
    return Column("id", Integer, primary_key=True)


FEED = Table(
    "feed",
    METADATA,
    _id(),
    Column("url", String(2000), nullable=False),
    Column("name", String(500), nullable=False, default=""),
    Column("title", String(500), nullable=False, default=""),
    _utc("last_polled_at", nullable=True),
    _utc("last_success_at", nullable=True),
    Column("last_error", String(1000)),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("entries_seen", Integer, nullable=False, default=0),
    Column("source", String(20), nullable=False, default="import"),
    Column("category", String(300), nullable=False, default=""),
    Column("site_url", String(2000), nullable=False, default=""),
    Column("interval_seconds", Integer),
    Column("fulltext", Boolean, nullable=False, default=False),
    Column("fetch_url", String(2000)),
    Column("etag", String(500)),
    Column("last_modified", String(100)),
    Column("last_status", Integer),
    _utc("next_poll_at", nullable=True),
    _utc("retry_until", nullable=True),
    _utc("disabled_at", nullable=True),
    Column("disabled_reason", String(1000)),
    Index("ix_feed_url", "url", unique=True),
)

ENTRY = Table(
    "entry",
    METADATA,
    _id(),
    Column("key", String(64), nullable=False),
    Column("feed_id", Integer, ForeignKey("feed.id")),
    Column("guid", String(2000), nullable=False, default=""),
    Column("url", String(2000), nullable=False, default=""),
    Column("title", Text, nullable=False, default=""),
    Column("text", Text, nullable=False, default=""),
    _utc("published"),
    Column("dated", Boolean, nullable=False, default=True),
    _utc("fetched_at"),
    Column("canonical_url", String(2000), nullable=False, default=""),
    Column("fingerprint", String(64), nullable=False, default=""),
    _utc("updated_at", nullable=True),
    Column("recognized", Boolean, nullable=False, default=False),
    Index("ix_entry_key", "key", unique=True),
    Index("ix_entry_feed_id", "feed_id"),
    Index("ix_entry_url", "url"),
    Index("ix_entry_guid", "guid"),
    Index("ix_entry_published", "published"),
    Index("ix_entry_canonical_url", "canonical_url"),
    Index("ix_entry_fingerprint", "fingerprint"),
)

OFFICIAL = Table(
    "official",
    METADATA,
    _id(),
    Column("name", String(300), nullable=False),
    _utc("added_at"),
    Index("ix_official_name", "name", unique=True),
)

FINDING = Table(
    "finding",
    METADATA,
    _id(),
    Column("entry_id", Integer, ForeignKey("entry.id"), nullable=False),
    Column("official_id", Integer, ForeignKey("official.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("day", Date, nullable=False),
    _utc("seen_at"),
    _utc("published"),
    Column("sentence", Text, nullable=False),
    Column("cue", String(500), nullable=False, default=""),
    Column("confidence", Float, nullable=False, default=0.0),
    Column("since", Date),
    Column("source", String(300), nullable=False, default=""),
    UniqueConstraint("entry_id", "official_id", "kind", "day", name="uq_finding"),
    Index("ix_finding_last_seen", "official_id", "kind", "day", "published", "seen_at"),
    Index("ix_finding_official_kind_published", "official_id", "kind", "published"),
)

ALERT = Table(
    "alert",
    METADATA,
    _id(),
    Column("official_id", Integer, ForeignKey("official.id"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("episode", String(100), nullable=False),
    _utc("created_at"),
    _utc("as_of"),
    Column("subject", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("message_id", String(300), nullable=False, unique=True),
    Column("state", String(20), nullable=False, default="pending"),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", String(1000)),
    _utc("delivered_at", nullable=True),
    Column("delivered_to", String(2000)),
    Column("html", Text, nullable=False, default=""),
    Column("recipients", Text, nullable=False, default=""),
    _utc("next_attempt_at", nullable=True),
    Column("claim", String(64)),
    _utc("claimed_at", nullable=True),
    Column("superseded_by", Integer),
    _utc("superseded_at", nullable=True),
    Column("superseded_reason", Text),
    Column("missed", Text, nullable=False, default=""),
    Column("sent_message_id", String(300)),
    Column("owed", Text, nullable=False, default=""),
    Column("channel", String(100), nullable=False, default=""),
    Column("refused", Text, nullable=False, default=""),
    UniqueConstraint("official_id", "kind", "episode", name="uq_alert"),
    Index("ix_alert_official_id", "official_id"),
    Index("ix_alert_state", "state"),
)

MUTE = Table(
    "mute",
    METADATA,
    _id(),
    Column("official_id", Integer, ForeignKey("official.id"), nullable=False),
    _utc("created_at"),
    _utc("until"),
    Column("reason", String(1000), nullable=False, default=""),
    _utc("lifted_at", nullable=True),
    Index("ix_mute_official_id", "official_id"),
)

AWAIT = Table(
    "await",
    METADATA,
    _id(),
    Column("official_id", Integer, ForeignKey("official.id"), nullable=False),
    Column("key", String(300), nullable=False),
    _utc("since"),
    Column("within_seconds", Integer, nullable=False),
    Column("about", String(1000), nullable=False, default=""),
    Column("source", String(20), nullable=False, default="cli"),
    _utc("created_at"),
    UniqueConstraint("official_id", "key", name="uq_await"),
    Index("ix_await_official_id", "official_id"),
)

# indexes earlier versions made that the baseline no longer has (issue 11 replaced them
# by the composite indexes above, which start with the same columns): dropped when found
RETIRED_INDEXES = {
    "finding": ("ix_finding_entry_id", "ix_finding_kind", "ix_finding_official_id"),
}
