"""The queries the jobs and the CLI need, over SQLModel sessions."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func
from sqlalchemy import insert as sa_insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from tracker.corroborate import AbsenceReport, Account
from tracker.domain import Finding, Kind, Official, Sighting
from tracker.store import last_seen
from tracker.store.corrections import set_aside, standing
from tracker.store.last_seen import Appearance
from tracker.store.tables import AlertRow, EntryRow, FeedRow, FindingRow, OfficialRow

if TYPE_CHECKING:  # read commands use this module without loading the feed machinery
    from tracker.feeds.identity import Known
    from tracker.feeds.parse import ParsedEntry


def insert_or_skip(session: Session, table: Any, *returning: str) -> Any:
    """An INSERT that skips rows clashing with a unique key (another process stored them
    first): two trackers starting or evaluating together must not fail on each other.
    Optionally RETURNING those columns of the rows stored."""
    return _insert_or_skip(session.get_bind().dialect.name, table, returning)


@functools.cache
def _insert_or_skip(dialect: str, table: Any, returning: tuple[str, ...]) -> Any:
    """Built once per table: statements are immutable, and building one costs more than
    executing it (ingest runs this for every feed polled)."""
    # imported here: the PostgreSQL dialect alone costs read commands ~0.1 s to import
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement: Any = pg_insert(table).on_conflict_do_nothing()
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(table).on_conflict_do_nothing()
    if returning:
        statement = statement.returning(*(table.c[name] for name in returning))
    return statement


def sync_officials(
    session: Session, officials: Iterable[Official], now: datetime
) -> dict[str, int]:
    """Make sure every watched official has a row; return name -> id. The (name, id)
    pairs are read as plain rows, once, and again only if some were added: every command
    starts here, and two reads of 1,000 ORM objects cost `status` ~50 ms."""
    query = sa_select(col(OfficialRow.name), col(OfficialRow.id))
    ids: dict[str, int] = dict(session.execute(query).all())
    fresh = [{"name": o.name, "added_at": now} for o in officials if o.name not in ids]
    if fresh:
        session.execute(insert_or_skip(session, OfficialRow.__table__), fresh)  # type: ignore[attr-defined]
        ids = dict(session.execute(query).all())
    session.commit()
    return ids


def get_feed(session: Session, url: str, name: str = "", *, source: str = "import") -> FeedRow:
    """The feed's row, created if new. A row created here for a backfill file is an
    "import" row (never polled); `source` upgrades an import row, never downgrades.
    `name` renames an import row only: a feed of the config (or added by hand) keeps
    the name its user gave it when a replay reads its file."""
    row = session.exec(select(FeedRow).where(FeedRow.url == url)).first()
    if row is None:
        row = FeedRow(url=url, name=name or url, source=source)
        session.add(row)
        session.commit()
        session.refresh(row)
        return row
    renamed = bool(name) and row.name != name and row.source == "import"
    if renamed or (source != "import" and row.source != source):
        if renamed:
            row.name = name
        if source != "import":
            row.source = source
        session.add(row)
        session.commit()
    return row


def feed_by_url(session: Session, url: str) -> FeedRow | None:
    """By its identity, or by the URL it is now fetched from after a permanent redirect."""
    return session.exec(
        select(FeedRow).where((FeedRow.url == url) | (FeedRow.fetch_url == url))
    ).first()


def feeds_by_url(session: Session, urls: Sequence[str]) -> dict[str, FeedRow]:
    found: dict[str, FeedRow] = {}
    for i in range(0, len(urls), 500):
        chunk = list(urls[i : i + 500])
        for row in session.exec(select(FeedRow).where(col(FeedRow.url).in_(chunk))).all():
            found[row.url] = row
    return found


def ensure_feeds(session: Session, feeds: Sequence[tuple[str, str]]) -> dict[str, FeedRow]:
    """Rows for (url, name) pairs, the missing ones created as "import" rows; one commit."""
    rows = feeds_by_url(session, [url for url, _ in feeds])
    fresh = []
    for url, name in feeds:
        if url not in rows:
            rows[url] = FeedRow(url=url, name=name or url, source="import")
            fresh.append(rows[url])
    if fresh:
        session.add_all(fresh)
        session.commit()
    return rows


def due(now: datetime) -> Any:
    """The feed rows to poll now: next poll time come (or never polled), not disabled, no
    Retry-After pending."""
    return (
        col(FeedRow.disabled_at).is_(None)
        & (col(FeedRow.next_poll_at).is_(None) | (col(FeedRow.next_poll_at) <= now))
        & (col(FeedRow.retry_until).is_(None) | (col(FeedRow.retry_until) <= now))
    )


def due_feeds(session: Session, urls: Sequence[str], now: datetime) -> dict[str, FeedRow]:
    """Of these feeds, those to poll now (`due`). Feeds without a row are left out."""
    found: dict[str, FeedRow] = {}
    for i in range(0, len(urls), 500):
        query = select(FeedRow).where(col(FeedRow.url).in_(list(urls[i : i + 500])), due(now))
        found.update((row.url, row) for row in session.exec(query).all())
    return found


def sync_config_feeds(session: Session, feeds: Sequence[tuple[str, str, str]]) -> None:
    """Rows for the config's feeds (url, name, category), marked as coming from the config."""
    urls = [url for url, _, _ in feeds]
    rows = feeds_by_url(session, urls)
    fresh = [
        {"url": url, "name": name, "source": "config", "category": category}
        for url, name, category in feeds
        if url not in rows
    ]
    if fresh:  # a row another process stores meanwhile is skipped here, updated below
        session.execute(insert_or_skip(session, FeedRow.__table__), fresh)  # type: ignore[attr-defined]
        rows = feeds_by_url(session, urls)
    for url, name, category in feeds:
        row = rows.get(url)
        if row is not None and (row.source, row.name, row.category) != ("config", name, category):
            row.source, row.name, row.category = "config", name, category
            session.add(row)
    session.commit()


POLLED = ("config", "added")


def polled_feeds(session: Session) -> list[FeedRow]:
    """Rows of feeds that are polled or were (config and added; not backfill files)."""
    query = select(FeedRow).where(col(FeedRow.source).in_(POLLED)).order_by(col(FeedRow.id))
    return list(session.exec(query).all())


def add_feed(
    session: Session,
    url: str,
    *,
    name: str,
    category: str = "",
    site_url: str = "",
    interval_seconds: int | None = None,
    fulltext: bool = False,
) -> tuple[FeedRow, bool]:
    """Add a feed to be polled (or bring back a removed one); (row, True if it is new)."""
    row = feed_by_url(session, url)
    if row is not None and row.source in POLLED:
        return row, False
    row = row or FeedRow(url=url)
    row.source, row.name = "added", name or row.name or url
    row.category = category or row.category
    row.site_url = site_url or row.site_url
    row.interval_seconds, row.fulltext = interval_seconds, fulltext
    session.add(row)
    session.commit()
    session.refresh(row)
    return row, True


def remove_feed(session: Session, row: FeedRow) -> None:
    """Stop polling an added feed. Its row stays, for the entries that point to it."""
    row.source = "removed"
    session.add(row)
    session.commit()


def enable_feed(session: Session, row: FeedRow) -> None:
    """Poll a disabled feed again, from now on."""
    row.disabled_at = row.disabled_reason = row.retry_until = row.next_poll_at = None
    session.add(row)
    session.commit()


def added_feeds(session: Session) -> list[FeedRow]:
    """Feeds added by `tracker feeds add` or OPML import: polled like config feeds."""
    query = select(FeedRow).where(FeedRow.source == "added").order_by(col(FeedRow.id))
    return list(session.exec(query).all())


def matching_entries(
    session: Session, keys: Sequence[str], urls: Sequence[str], fingerprints: Sequence[str]
) -> list[Known]:
    """Stored entries that share a key, a canonical URL or a fingerprint with a batch."""
    from tracker.feeds.identity import Known

    found: dict[int, Known] = {}
    keys, urls = sorted(set(keys)), sorted({u for u in urls if u})
    prints = sorted({f for f in fingerprints if f})
    step = 300  # three IN lists of at most 300 values: under SQLite's 999 parameters
    for i in range(0, max(len(keys), len(urls), len(prints), 1), step):
        chunk = {"keys": keys[i : i + step], "urls": urls[i : i + step]}
        chunk["prints"] = prints[i : i + step]
        for values in session.execute(_matching(), chunk).all():
            if values[0] not in found:
                found[values[0]] = Known(*values)
    return list(found.values())


@functools.cache
def _matching() -> Any:
    """matching_entries' query, built once (building it cost three times running it)."""
    return sa_select(*(col(getattr(EntryRow, name)) for name in _KNOWN)).where(
        col(EntryRow.key).in_(bindparam("keys", expanding=True))
        | col(EntryRow.canonical_url).in_(bindparam("urls", expanding=True))
        | col(EntryRow.fingerprint).in_(bindparam("prints", expanding=True))
    )


_KNOWN = ("id", "key", "canonical_url", "fingerprint", "title", "text", "feed_id")


def update_entry(
    session: Session, entry_id: int, parsed: ParsedEntry, updated_at: datetime
) -> EntryRow | None:
    """Replace an entry's title and text with a newer version of the same story."""
    row = session.get(EntryRow, entry_id)
    if row is None:
        return None
    row.title = parsed.entry.title
    row.text = parsed.entry.text
    row.fingerprint = parsed.fingerprint
    row.canonical_url = row.canonical_url or parsed.canonical_url
    row.updated_at = updated_at
    session.add(row)
    session.flush()
    return row


def finding_keys(session: Session, entry_id: int) -> set[tuple[int, str, object]]:
    """(official_id, kind, day) of the findings an entry already has."""
    query = select(FindingRow).where(FindingRow.entry_id == entry_id)
    return {(f.official_id, f.kind, f.day) for f in session.exec(query).all()}


def _entry_values(feed_id: int | None, parsed: ParsedEntry, fetched_at: datetime) -> dict[str, Any]:
    e = parsed.entry
    return {
        "key": parsed.key,
        "feed_id": feed_id,
        "guid": e.guid[:2000],
        "url": e.url[:2000],
        "title": e.title,
        "text": e.text,
        "published": e.published,
        "dated": parsed.dated,
        "fetched_at": fetched_at,
        "canonical_url": parsed.canonical_url,
        "fingerprint": parsed.fingerprint,
        "updated_at": None,
        "recognized": True,  # its findings are written in the same transaction
    }


def add_entries(
    session: Session, feed_id: int | None, batch: Sequence[ParsedEntry], fetched_at: datetime
) -> list[StoredEntry | None]:
    """One feed's entries, as store_entries."""
    return store_entries(session, [(feed_id, parsed, fetched_at) for parsed in batch])


def store_entries(
    session: Session, batch: Sequence[tuple[int | None, ParsedEntry, datetime]]
) -> list[StoredEntry | None]:
    """Insert entries (feed id, entry, fetched at), of one feed or several, with one
    statement; an entry that clashes with a stored one (another writer stored it first:
    a unique key) is left out, not an error. None for each entry not stored.

    No savepoint: with pysqlite a SAVEPOINT opened before any write is the outermost
    transaction, and releasing it would commit the entries before their findings. Here
    the entries stay in the caller's transaction, so an entry and its findings are
    committed together or not at all (the caller commits, once per batch of feeds)."""
    if not batch:
        return []
    values = [_entry_values(feed_id, parsed, fetched_at) for feed_id, parsed, fetched_at in batch]
    table = EntryRow.__table__  # type: ignore[attr-defined]
    rows = session.execute(insert_or_skip(session, table, "id", "key", "published"), values).all()
    by_key = {key: StoredEntry(id_, published) for id_, key, published in rows}
    return [by_key.get(parsed.key) for _, parsed, _ in batch]


def unrecognized(session: Session, entry_ids: Iterable[int]) -> list[EntryRow]:
    """Of these entries, those never recognised: stored by an older version that
    committed an entry before its findings (and was stopped between the two)."""
    wanted = sorted({i for i in entry_ids if i})
    found: list[EntryRow] = []
    for i in range(0, len(wanted), 500):
        query = select(EntryRow).where(
            col(EntryRow.id).in_(wanted[i : i + 500]), col(EntryRow.recognized).is_(False)
        )
        found += session.exec(query.order_by(col(EntryRow.id))).all()
    return found


@dataclass(frozen=True)
class StoredEntry:
    """What findings need of a stored entry."""

    id: int
    published: datetime


def finding_rows(
    entry: EntryRow | StoredEntry,
    findings: Sequence[Finding],
    ids: dict[str, int],
    *,
    source: str = "",
    skip: set[tuple[int, str, object]] | None = None,
) -> list[dict[str, Any]]:
    """The finding rows of one entry, for insert_findings; `skip` as in add_findings (the
    rows made here are added to it)."""
    assert entry.id is not None
    rows: list[dict[str, Any]] = []
    for f in findings:
        official_id = ids.get(f.official)
        if official_id is None:
            continue
        if skip is not None:
            if (official_id, f.kind.value, f.date) in skip:
                continue
            skip.add((official_id, f.kind.value, f.date))
        rows.append(
            {
                "entry_id": entry.id,
                "official_id": official_id,
                "kind": f.kind.value,
                "day": f.date,
                "seen_at": f.seen_at,
                "published": entry.published,
                "sentence": f.sentence,
                "cue": f.cue[:500],
                "confidence": f.confidence,
                "since": f.since if f.kind is Kind.ABSENCE else None,
                "source": source[:300],
            }
        )
    return rows


def insert_findings(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert finding rows with one executemany (no ORM objects), in the caller's
    transaction; how many."""
    if rows:
        session.execute(sa_insert(FindingRow.__table__), list(rows))  # type: ignore[attr-defined]
    return len(rows)


def add_findings(
    session: Session,
    entry: EntryRow | StoredEntry,
    findings: Sequence[Finding],
    ids: dict[str, int],
    *,
    source: str = "",
    skip: set[tuple[int, str, object]] | None = None,
) -> int:
    """Store findings; `source` is the entry's (tracker.corroborate.source_of); `skip`
    holds (official_id, kind, day) the entry already has."""
    rows = finding_rows(entry, findings, ids, source=source, skip=skip)
    return insert_findings(session, rows)


def to_sighting(finding: FindingRow, entry: EntryRow, name: str) -> Sighting:
    """A stored appearance with its entry, as silence and alerts see it."""
    return Sighting(
        official=name,
        date=finding.day,
        seen_at=finding.seen_at,
        published=finding.published,
        url=entry.url,
        title=entry.title,
        text=finding.sentence,
    )


# --- corroboration and contradiction (the rules: tracker/corroborate.py) -------------


def _reports(session: Session, query: Any) -> list[AbsenceReport]:
    return [
        AbsenceReport(name, f.since, f.published, f.source, f.confidence, url, f.sentence)
        for f, url, name in session.exec(query).all()
    ]


def _absences(session: Session, as_of: datetime) -> Any:
    return (
        select(FindingRow, EntryRow.url, OfficialRow.name)
        .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
        .join(OfficialRow, col(OfficialRow.id) == col(FindingRow.official_id))
        .where(
            FindingRow.kind == Kind.ABSENCE.value,
            col(FindingRow.since).is_not(None),
            col(FindingRow.published) <= as_of,
            standing(session),
        )
    )


def absence_reports(
    session: Session, as_of: datetime, official: str | None = None
) -> list[AbsenceReport]:
    """Absence reports published by `as_of` that say since when (of one official, or all)."""
    query = _absences(session, as_of)
    if official is not None:
        query = query.where(col(FindingRow.official_id).in_(ids_named(session, official)))
    return _reports(session, query)


def ids_named(session: Session, name: str) -> list[int]:
    """The ids of the officials called `name`, whatever its case: found in the (small)
    official table, so that findings are then read through their index by official."""
    wanted = name.casefold()
    rows = session.execute(sa_select(col(OfficialRow.id), col(OfficialRow.name))).all()
    return sorted(i for i, n in rows if n.casefold() == wanted)


def _official_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    query = select(OfficialRow).where(col(OfficialRow.name).in_(sorted(set(names))))
    return {o.name: o.id for o in session.exec(query).all() if o.id is not None}


def appearances_on(
    session: Session, days: Iterable[tuple[str, date]], as_of: datetime
) -> list[Appearance]:
    """Every appearance published by `as_of` of these (official name, day) pairs."""
    pairs = list(days)
    ids = _official_ids(session, [name for name, _ in pairs])
    return last_seen.appearances_on(session, ids, pairs, as_of, set_aside(session))


def accounts_on(
    session: Session, days: Iterable[tuple[str, date]], as_of: datetime
) -> list[Account]:
    """Every appearance published by `as_of` of these (official name, day) pairs."""
    return [a.account() for a in appearances_on(session, days, as_of)]


def coverage_start(session: Session) -> datetime | None:
    """When watching began: the earliest stored entry."""
    return session.exec(select(func.min(EntryRow.published))).first()


@dataclass(frozen=True)
class HistoryItem:
    official: str
    kind: str
    day: str
    url: str
    title: str
    text: str
    cue: str
    confidence: float
    published: datetime
    source: str = ""
    since: str | None = None  # absences: the day the report says he was last seen
    finding_id: int = 0  # what `tracker correct reject` names
    entry_id: int = 0  # what `tracker correct not-about` names
    entry_key: str = ""  # what a correction keeps (stable across rescan and replay)


def history(
    session: Session, name: str | None, kinds: Sequence[Kind] = (Kind.APPEARANCE,)
) -> list[HistoryItem]:
    query = (
        select(FindingRow, EntryRow, OfficialRow)
        .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
        .join(OfficialRow, col(OfficialRow.id) == col(FindingRow.official_id))
        .where(col(FindingRow.kind).in_([k.value for k in kinds]))
        .order_by(
            col(FindingRow.day),
            col(FindingRow.seen_at),
            col(FindingRow.published),
            col(FindingRow.id),
        )
    )
    if name is not None:
        query = query.where(col(FindingRow.official_id).in_(ids_named(session, name)))
    return [
        HistoryItem(
            official=o.name,
            kind=f.kind,
            day=f.day.isoformat(),
            url=e.url,
            title=e.title,
            text=f.sentence,
            cue=f.cue,
            confidence=f.confidence,
            published=f.published,
            source=f.source,
            since=f.since.isoformat() if f.since else None,
            finding_id=f.id or 0,
            entry_id=e.id or 0,
            entry_key=e.key,
        )
        for f, e, o in session.exec(query).all()
    ]


def add_alert(session: Session, row: AlertRow) -> bool:
    """Store an alert unless the same (official, kind, episode) exists; True if stored
    (and `row.id` is set). Another process may store the same alert at the same moment:
    its insert wins, this one is skipped. No rollback, so the rows this session already
    loaded stay usable."""
    table = AlertRow.__table__  # type: ignore[attr-defined]
    values = row.model_dump(exclude={"id"})
    stored = session.execute(insert_or_skip(session, table, "id"), values).scalar_one_or_none()
    session.commit()
    if stored is None:
        return False
    row.id = stored
    return True


def feeds(session: Session) -> list[FeedRow]:
    return list(session.exec(select(FeedRow).order_by(col(FeedRow.id))).all())


def entries_by_url(session: Session, url: str) -> list[EntryRow]:
    """Entries whose link or guid is `url` (the same story may come from several feeds)."""
    query = select(EntryRow).where((EntryRow.url == url) | (EntryRow.guid == url))
    return list(session.exec(query.order_by(col(EntryRow.published))).all())
