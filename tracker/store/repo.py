"""The queries the jobs and the CLI need, over SQLModel sessions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from tracker.domain import Finding, Kind, Official, Sighting
from tracker.feeds.parse import ParsedEntry
from tracker.store.tables import AlertRow, EntryRow, FeedRow, FindingRow, OfficialRow


def sync_officials(
    session: Session, officials: Iterable[Official], now: datetime
) -> dict[str, int]:
    """Make sure every watched official has a row; return name -> id."""
    rows = {row.name: row for row in session.exec(select(OfficialRow)).all()}
    for official in officials:
        if official.name not in rows:
            row = OfficialRow(name=official.name, added_at=now)
            session.add(row)
            rows[official.name] = row
    session.commit()
    return {name: row.id for name, row in rows.items() if row.id is not None}


def get_feed(session: Session, url: str, name: str = "") -> FeedRow:
    row = session.exec(select(FeedRow).where(FeedRow.url == url)).first()
    if row is None:
        row = FeedRow(url=url, name=name or url)
        session.add(row)
        session.commit()
        session.refresh(row)
    elif name and row.name != name:
        row.name = name
        session.add(row)
        session.commit()
    return row


def known_keys(session: Session, keys: Sequence[str]) -> set[str]:
    """Which of these entry keys are already stored (one query per 500 keys)."""
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = list(keys[i : i + 500])
        found |= set(session.exec(select(EntryRow.key).where(col(EntryRow.key).in_(chunk))).all())
    return found


def add_entry(
    session: Session, feed_id: int | None, parsed: ParsedEntry, fetched_at: datetime
) -> EntryRow | None:
    """Insert an entry inside a savepoint; None if another writer stored it first.

    The caller commits: one transaction per feed, not one per entry.
    """
    e = parsed.entry
    row = EntryRow(
        key=parsed.key,
        feed_id=feed_id,
        guid=e.guid[:2000],
        url=e.url[:2000],
        title=e.title,
        text=e.text,
        published=e.published,
        dated=parsed.dated,
        fetched_at=fetched_at,
    )
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return None
    return row


def add_findings(
    session: Session, entry: EntryRow, findings: Sequence[Finding], ids: dict[str, int]
) -> int:
    assert entry.id is not None
    count = 0
    for f in findings:
        official_id = ids.get(f.official)
        if official_id is None:
            continue
        session.add(
            FindingRow(
                entry_id=entry.id,
                official_id=official_id,
                kind=f.kind.value,
                day=f.date,
                seen_at=f.seen_at,
                published=entry.published,
                sentence=f.sentence,
                cue=f.cue[:500],
                confidence=f.confidence,
            )
        )
        count += 1
    return count


def _sighting(finding: FindingRow, entry: EntryRow, name: str) -> Sighting:
    return Sighting(
        official=name,
        date=finding.day,
        seen_at=finding.seen_at,
        published=finding.published,
        url=entry.url,
        title=entry.title,
        text=finding.sentence,
    )


def last_sightings(session: Session, as_of: datetime) -> dict[str, Sighting]:
    """Per official, the latest appearance known by `as_of`."""
    out: dict[str, Sighting] = {}
    officials = session.exec(select(OfficialRow)).all()
    for official in officials:
        row = session.exec(
            select(FindingRow, EntryRow)
            .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
            .where(
                FindingRow.official_id == official.id,
                FindingRow.kind == Kind.APPEARANCE.value,
                col(FindingRow.published) <= as_of,
                col(FindingRow.seen_at) <= as_of,
            )
            # the latest day; on that day the surest, earliest report is the evidence
            .order_by(
                col(FindingRow.day).desc(),
                col(FindingRow.confidence).desc(),
                col(FindingRow.published),
            )
            .limit(1)
        ).first()
        if row is not None:
            out[official.name] = _sighting(row[0], row[1], official.name)
    return out


def coverage_start(session: Session) -> datetime | None:
    """When watching began: the earliest stored entry."""
    return session.exec(select(func.min(EntryRow.published))).first()


def count_findings_since(
    session: Session, kind: Kind, since: dict[str, datetime], as_of: datetime
) -> dict[str, int]:
    counts: dict[str, int] = {}
    for official in session.exec(select(OfficialRow)).all():
        start = since.get(official.name)
        query = (
            select(func.count())
            .select_from(FindingRow)
            .where(
                FindingRow.official_id == official.id,
                FindingRow.kind == kind.value,
                col(FindingRow.published) <= as_of,
            )
        )
        if start is not None:
            query = query.where(col(FindingRow.published) > start)
        counts[official.name] = session.exec(query).one()
    return counts


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
        query = query.where(func.lower(OfficialRow.name) == name.lower())
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
        )
        for f, e, o in session.exec(query).all()
    ]


def open_episodes(session: Session) -> dict[str, str]:
    """Per official, the episode of a silent alert not yet followed by 'seen again'."""
    out: dict[str, str] = {}
    for official in session.exec(select(OfficialRow)).all():
        latest = session.exec(
            select(AlertRow)
            .where(AlertRow.official_id == official.id)
            .order_by(col(AlertRow.created_at).desc(), col(AlertRow.id).desc())
            .limit(1)
        ).first()
        if latest is not None and latest.kind == "silent":
            out[official.name] = latest.episode
    return out


def official_ids(session: Session) -> dict[str, int]:
    return {r.name: r.id for r in session.exec(select(OfficialRow)).all() if r.id is not None}


def add_alert(session: Session, row: AlertRow) -> bool:
    """Store an alert unless the same (official, kind, episode) exists; True if stored."""
    exists = session.exec(
        select(AlertRow.id).where(
            AlertRow.official_id == row.official_id,
            AlertRow.kind == row.kind,
            AlertRow.episode == row.episode,
        )
    ).first()
    if exists is not None:
        return False
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True


def feeds(session: Session) -> list[FeedRow]:
    return list(session.exec(select(FeedRow).order_by(col(FeedRow.id))).all())


def entries_by_url(session: Session, url: str) -> list[EntryRow]:
    """Entries whose link or guid is `url` (the same story may come from several feeds)."""
    query = select(EntryRow).where((EntryRow.url == url) | (EntryRow.guid == url))
    return list(session.exec(query.order_by(col(EntryRow.published))).all())
