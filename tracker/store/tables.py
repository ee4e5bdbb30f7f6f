"""SQLModel tables. Unique constraints make every ingest and every alert idempotent."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware UTC datetimes; SQLite forgets zones, so we put UTC back on load."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use aware UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _utc() -> Any:
    return Field(sa_type=UTCDateTime)


def _utc_optional() -> Any:
    return Field(default=None, sa_type=UTCDateTime)


class FeedRow(SQLModel, table=True):
    """A feed and its health. `url` is its identity as declared; after a permanent
    redirect it is fetched from `fetch_url` instead, so the config still matches."""

    __tablename__ = "feed"

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(index=True, unique=True, max_length=2000)
    name: str = Field(default="", max_length=500)
    title: str = Field(default="", max_length=500)
    last_polled_at: datetime | None = _utc_optional()
    last_success_at: datetime | None = _utc_optional()
    last_error: str | None = Field(default=None, max_length=1000)
    consecutive_failures: int = 0
    entries_seen: int = 0
    # where it comes from: "config" (the config file), "added" (tracker feeds add or
    # OPML import; polled like config feeds) or "import" (backfill files; never polled)
    source: str = Field(default="import", max_length=20)
    category: str = Field(default="", max_length=300)
    site_url: str = Field(default="", max_length=2000)
    interval_seconds: int | None = None  # for added feeds; config feeds use the config
    fulltext: bool = False  # for added feeds; config feeds use the config
    fetch_url: str | None = Field(default=None, max_length=2000)
    etag: str | None = Field(default=None, max_length=500)
    last_modified: str | None = Field(default=None, max_length=100)
    last_status: int | None = None  # the last HTTP status (304 included)
    next_poll_at: datetime | None = _utc_optional()
    retry_until: datetime | None = _utc_optional()  # the server's Retry-After
    disabled_at: datetime | None = _utc_optional()  # 410 Gone, or disabled by hand
    disabled_reason: str | None = Field(default=None, max_length=1000)
    # the worker polling it now (`tracker run`, tracker/store/leases.py): its worker row's
    # id, and until when the claim holds unless renewed; both None when nobody polls it
    lease_owner: int | None = None
    lease_until: datetime | None = _utc_optional()


class EntryRow(SQLModel, table=True):
    __tablename__ = "entry"
    __table_args__ = (
        # `explain URL`: an entry by its link or its guid
        Index("ix_entry_url", "url"),
        Index("ix_entry_guid", "guid"),
        # when watching began (min)
        Index("ix_entry_published", "published"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(index=True, unique=True, max_length=64)
    feed_id: int | None = Field(default=None, foreign_key="feed.id", index=True)
    guid: str = Field(default="", max_length=2000)
    url: str = Field(default="", max_length=2000)
    title: str = Field(default="", sa_type=Text)
    text: str = Field(default="", sa_type=Text)
    published: datetime = _utc()
    dated: bool = True
    fetched_at: datetime = _utc()
    canonical_url: str = Field(default="", max_length=2000, index=True)
    fingerprint: str = Field(default="", max_length=64, index=True)
    updated_at: datetime | None = _utc_optional()  # when an update of the story replaced the text
    # its findings are stored: written with the entry, in its transaction. False only on
    # entries of an older version that committed them apart (and was stopped between):
    # the next ingest that meets the entry again, or `rescan`, reads it again.
    recognized: bool = False


class OfficialRow(SQLModel, table=True):
    __tablename__ = "official"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=300)
    added_at: datetime = _utc()


class FindingRow(SQLModel, table=True):
    """One appearance, absence report or mention of an official in an entry."""

    __tablename__ = "finding"
    __table_args__ = (
        UniqueConstraint("entry_id", "official_id", "kind", "day", name="uq_finding"),
        # an official's latest day known at a time (covering: read from the index alone),
        # the appearances of given days, the days an adaptive threshold learns from
        Index("ix_finding_last_seen", "official_id", "kind", "day", "published", "seen_at"),
        # an official's reports after a time: absences since last seen, an alert's context
        Index("ix_finding_official_kind_published", "official_id", "kind", "published"),
        # an official's latest appearances by when they happened: an alert's timeline
        # reads six rows down this index instead of sorting every appearance
        Index("ix_finding_official_kind_seen", "official_id", "kind", "seen_at", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    # by entry: uq_finding; by official (and kind): the composite indexes above
    entry_id: int = Field(foreign_key="entry.id")
    official_id: int = Field(foreign_key="official.id")
    kind: str = Field(max_length=20)
    day: date
    seen_at: datetime = _utc()
    published: datetime = _utc()
    sentence: str = Field(sa_type=Text)
    cue: str = Field(default="", max_length=500)
    confidence: float = 0.0
    # absences: the last day the report says the official was seen ("not seen since")
    since: date | None = None
    # the independent source (outlet) of the entry: tracker.corroborate.source_of
    source: str = Field(default="", max_length=300)


class AlertRow(SQLModel, table=True):
    """A message owed to people. Stored before delivery; unique per official and episode."""

    __tablename__ = "alert"
    __table_args__ = (UniqueConstraint("official_id", "kind", "episode", name="uq_alert"),)

    id: int | None = Field(default=None, primary_key=True)
    official_id: int = Field(foreign_key="official.id", index=True)
    kind: str = Field(max_length=20)
    episode: str = Field(max_length=100)
    created_at: datetime = _utc()
    as_of: datetime = _utc()
    subject: str = Field(sa_type=Text)
    body: str = Field(sa_type=Text)
    message_id: str = Field(max_length=300, unique=True)
    state: str = Field(default="pending", max_length=20, index=True)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=1000)
    delivered_at: datetime | None = _utc_optional()
    delivered_to: str | None = Field(default=None, max_length=2000)
    html: str = Field(default="", sa_type=Text)
    recipients: str = Field(default="", sa_type=Text)  # comma-separated, routed at creation
    next_attempt_at: datetime | None = _utc_optional()  # retry backoff
    claim: str | None = Field(default=None, max_length=64)  # which worker is sending it
    claimed_at: datetime | None = _utc_optional()
    # overtaken before it could be sent (tracker/notify/plan.py): by which alert, and why
    superseded_by: int | None = None
    superseded_at: datetime | None = _utc_optional()
    superseded_reason: str | None = Field(default=None, sa_type=Text)
    # on a successor: one line per superseded message the desk did not get
    missed: str = Field(default="", sa_type=Text)
    # the Message-ID of the message it goes out in, fixed at its first attempt (a group's
    # is its first alert's), so that a re-send is recognisably the same message
    sent_message_id: str | None = Field(default=None, max_length=300)
    # per recipient: the ones still owed after a temporary refusal (comma-separated; empty:
    # the whole route), and the permanent refusals ('address: reply' lines)
    owed: str = Field(default="", sa_type=Text)
    # "" for email; else the [[notify]] route it goes to (its episode is prefixed "name:")
    channel: str = Field(default="", max_length=100)
    refused: str = Field(default="", sa_type=Text)


class MuteRow(SQLModel, table=True):
    """A pause of alerts about one official; tracking goes on. Kept as a log."""

    __tablename__ = "mute"

    id: int | None = Field(default=None, primary_key=True)
    official_id: int = Field(foreign_key="official.id", index=True)
    created_at: datetime = _utc()
    until: datetime = _utc()
    reason: str = Field(default="", max_length=1000)
    lifted_at: datetime | None = _utc_optional()


class AwaitRow(SQLModel, table=True):
    """An awaited reply: the official should appear about a topic within a window."""

    __tablename__ = "await"
    __table_args__ = (UniqueConstraint("official_id", "key", name="uq_await"),)

    id: int | None = Field(default=None, primary_key=True)
    official_id: int = Field(foreign_key="official.id", index=True)
    key: str = Field(max_length=300)
    since: datetime = _utc()
    within_seconds: int
    about: str = Field(default="", max_length=1000)  # topic words, "|"-separated
    source: str = Field(default="cli", max_length=20)  # "config" or "cli"
    created_at: datetime = _utc()


class CorrectionRow(SQLModel, table=True):
    """A person's correction of what was recorded, kept beside the evidence, never in its
    place (tracker/store/corrections.py): `reject` one finding (entry, kind, day),
    `not_about` every finding of the official in an entry, or `add` a sighting by hand.
    Removing one sets `removed_at`; the record stays as a log."""

    __tablename__ = "correction"

    id: int | None = Field(default=None, primary_key=True)
    action: str = Field(max_length=20)
    official_id: int = Field(foreign_key="official.id", index=True)
    # reject and not_about: the entry, by its key (stable across rescan and replay)
    entry_key: str = Field(default="", max_length=64, index=True)
    kind: str = Field(default="", max_length=20)  # reject: the finding's kind
    day: date | None = None  # reject: the finding's day; add: the day seen
    finding_id: int | None = None  # reject: the finding's id when it was made (shown only)
    url: str = Field(default="", max_length=2000)  # the entry's link, or a link for an add
    source: str = Field(default="", max_length=300)  # add: where they were seen
    note: str = Field(default="", sa_type=Text)  # add: what was seen
    reason: str = Field(default="", sa_type=Text)
    author: str = Field(default="", max_length=200)
    created_at: datetime = _utc()
    removed_at: datetime | None = _utc_optional()
    removed_by: str = Field(default="", max_length=200)
    removed_reason: str = Field(default="", sa_type=Text)


class WorkerRow(SQLModel, table=True):
    """A running `tracker run` and its heartbeat (tracker/store/workers.py). Ids are never
    reused (AUTOINCREMENT on SQLite too): a feed's lease names its worker by id."""

    __tablename__ = "worker"
    __table_args__ = {"sqlite_autoincrement": True}

    id: int | None = Field(default=None, primary_key=True)
    host: str = Field(default="", max_length=255)
    pid: int = 0
    started_at: datetime = _utc()
    beat_at: datetime = _utc()
    beat_seconds: float = 5.0  # how often it beats: three missed beats and it is stale
    feeds_polled: int = 0
    leader: bool = False  # it evaluates and delivers (tracker/store/leader.py)


# What an evaluation read from history, remembered (tracker/store/memo.py). Plain tables:
# nothing maps them to objects, and they cost next to nothing to import.

# One row (id 1): the version of the stored history, counted up by triggers on every
# change to `finding` (and to an entry's link or title) in the same transaction, and the
# latest publication or recording time ever stored (`tx`: PostgreSQL's last counting
# transaction, so that one transaction counts once).
HISTORY_VERSION = Table(
    "history_version",
    SQLModel.metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", BigInteger, nullable=False),
    Column("latest", UTCDateTime(), nullable=True),
    Column("tx", BigInteger, nullable=True),
)

# An evaluation's reading of history at one version: `key` says for which watchlist,
# corrections and moment (tracker/store/memo.py), `payload` holds it (JSON).
EVALUATION_MEMO = Table(
    "evaluation_memo",
    SQLModel.metadata,
    Column("key", String(64), primary_key=True),
    Column("version", BigInteger, nullable=False),
    Column("past", Boolean, nullable=False),
    Column("written_at", UTCDateTime(), nullable=False),
    Column("payload", Text, nullable=False),
)

TABLES: tuple[type[SQLModel], ...] = (
    FeedRow,
    EntryRow,
    OfficialRow,
    FindingRow,
    AlertRow,
    MuteRow,
    AwaitRow,
    CorrectionRow,
    WorkerRow,
)
