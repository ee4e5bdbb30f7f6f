"""Corrections by hand, stored as their own records beside the evidence (who, when, why),
never by changing or deleting it: a rejected sighting, an entry that is not about the
official, a sighting added by hand. Removing a correction marks it removed; the log stays.

How they reach the rest of the tracker, as data, from one place:
- `set_aside(session)`: the ids of the findings a correction in force sets aside, read
  once per session. The evaluation (`in_force`) passes them to the set-based statements
  of tracker/store/last_seen.py, which leave them out; the other readers of findings
  (alerts' timelines and reports, absence reports for history and explain) add the
  clause `standing(session)`. Corroboration, silence and alerts never see them;
- `manual_sightings()` are plain `Sighting`s, given to the silence evaluation beside
  the stored ones.

A correction names what it corrects by the entry's key (a hash of its guid or link),
the official, and for a rejection the finding's kind and day: `rescan` re-makes the
findings with new ids, and a replay into a fresh database re-makes the entries, and the
correction still applies to both.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, Protocol

from sqlalchemy import select as sa_select
from sqlalchemy import true
from sqlmodel import Session, col, select

from tracker.domain import Sighting
from tracker.store.tables import CorrectionRow, EntryRow, FindingRow, OfficialRow

REJECT, NOT_ABOUT, ADD = "reject", "not_about", "add"
_SET_ASIDE = "tracker.corrections.set_aside"
_IN_FORCE = "tracker.corrections.in_force"
ACTIONS = (REJECT, NOT_ABOUT, ADD)


class CorrectionError(Exception):
    """A correction that cannot be made; str() is one line naming the culprit."""


def _in_force(session: Session) -> list[tuple[CorrectionRow, str]]:
    """Every correction in force with its official's name, newest day first: one query
    on the (small) correction table, kept for the rest of this short-lived session."""
    cached: list[tuple[CorrectionRow, str]] | None = session.info.get(_IN_FORCE)
    if cached is None:
        query = (
            select(CorrectionRow, OfficialRow.name)
            .join(OfficialRow, col(OfficialRow.id) == col(CorrectionRow.official_id))
            .where(col(CorrectionRow.removed_at).is_(None))
            .order_by(col(CorrectionRow.day).desc(), col(CorrectionRow.id).desc())
        )
        cached = [(row, name) for row, name in session.exec(query).all()]
        session.info[_IN_FORCE] = cached
    return cached


def set_aside(session: Session) -> frozenset[int]:
    """The ids of the findings that corrections in force set aside, kept for the rest of
    this short-lived session. From the corrections in force: with no rejection and no
    entry marked not about anyone that is all; otherwise their entries by key, and
    those entries' findings (through the unique index by entry and official)."""
    cached = session.info.get(_SET_ASIDE)
    if cached is None:
        wanted = [row for row, _ in _in_force(session) if row.action in (REJECT, NOT_ABOUT)]
        away = {(r.entry_key, r.official_id) for r in wanted if r.action == NOT_ABOUT}
        rejected = {
            (r.entry_key, r.official_id, r.kind, r.day) for r in wanted if r.action == REJECT
        }
        found: set[int] = set()
        if wanted:
            rows = session.execute(
                sa_select(
                    col(FindingRow.id),
                    col(EntryRow.key),
                    col(FindingRow.official_id),
                    col(FindingRow.kind),
                    col(FindingRow.day),
                )
                .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
                .where(
                    col(EntryRow.key).in_(sorted({r.entry_key for r in wanted})),
                    col(FindingRow.official_id).in_(sorted({r.official_id for r in wanted})),
                )
            ).all()
            found = {
                finding_id
                for finding_id, key, official, kind, day in rows
                if (key, official) in away or (key, official, kind, day) in rejected
            }
        cached = frozenset(found)
        session.info[_SET_ASIDE] = cached
    return cached


def standing(session: Session) -> Any:
    """A clause for any query of findings: true for those no correction sets aside."""
    aside = set_aside(session)
    return true() if not aside else col(FindingRow.id).not_in(sorted(aside))


def forget(session: Session) -> None:
    """After a correction is stored or removed in this session: look again next time."""
    session.info.pop(_SET_ASIDE, None)
    session.info.pop(_IN_FORCE, None)


def noon(day: date) -> datetime:
    """A sighting by hand counts from noon of its day, as the recognised ones do."""
    return datetime.combine(day, time(12), tzinfo=UTC)


def to_sighting(row: CorrectionRow, name: str) -> Sighting:
    seen = noon(row.day) if row.day else row.created_at
    where = f" ({row.source})" if row.source else ""
    return Sighting(
        official=name,
        date=seen.date(),
        seen_at=seen,
        published=seen,  # known from that day on, also in a replay
        url=row.url,
        title=f"added by hand by {row.author}{where}",
        text=row.note or row.reason or "seen, added by hand",
    )


def manual_sightings(
    session: Session, as_of: datetime, official_id: int | None = None
) -> dict[str, list[Sighting]]:
    """Per official, the sightings added by hand (in force) seen by `as_of`, newest first."""
    out: dict[str, list[Sighting]] = {}
    for row, name in _in_force(session):
        if row.action != ADD or row.day is None or row.day > as_of.date():
            continue
        if official_id is not None and row.official_id != official_id:
            continue
        sighting = to_sighting(row, name)
        if sighting.seen_at <= as_of:
            out.setdefault(name, []).append(sighting)
    return out


@dataclass(frozen=True)
class InForce:
    """What the corrections in force change for one evaluation, read once and handed to
    the set-based statements (tracker/store/last_seen.py) and the silence evaluation."""

    aside: frozenset[int]  # the ids of the findings set aside (rejected, not about)
    by_hand: dict[str, list[Sighting]]  # per official, sightings added by hand, newest first


def in_force(session: Session, as_of: datetime) -> InForce:
    """The corrections in force as an evaluation as of `as_of` takes them: one query on
    the (small) correction table, and with rejections in force one more for their
    findings."""
    return InForce(set_aside(session), manual_sightings(session, as_of))


@dataclass(frozen=True)
class Listed:
    """A correction with its official's name, for `correct list`, history and the web."""

    row: CorrectionRow
    official: str

    @property
    def in_force(self) -> bool:
        return self.row.removed_at is None

    def describe(self) -> str:
        r = self.row
        if r.action == ADD:
            what = f"seen {r.day} by hand" + (f" ({r.source})" if r.source else "")
            what += f": {r.note}" if r.note else ""
        elif r.action == REJECT:
            what = f"rejected the {r.kind} of {r.day} in <{r.url}>"
        else:
            what = f"<{r.url}> is not about them"
        why = f"; why: {r.reason}" if r.reason else ""
        when = f"{r.created_at:%Y-%m-%d %H:%M} UTC"
        return f"#{r.id} {self.official}: {what} (by {r.author}, {when}{why})"

    def as_json(self) -> dict[str, Any]:
        r = self.row
        return {
            "id": r.id,
            "official": self.official,
            "action": r.action,
            "finding_id": r.finding_id,
            "entry_key": r.entry_key or None,
            "kind": r.kind or None,
            "day": r.day.isoformat() if r.day else None,
            "url": r.url or None,
            "source": r.source or None,
            "note": r.note or None,
            "reason": r.reason or None,
            "by": r.author,
            "at": r.created_at.isoformat(),
            "in_force": r.removed_at is None,
            "removed_at": r.removed_at.isoformat() if r.removed_at else None,
            "removed_by": r.removed_by or None,
            "removed_reason": r.removed_reason or None,
        }


def listed(
    session: Session, *, official_id: int | None = None, include_removed: bool = False
) -> list[Listed]:
    """Corrections, oldest first (those removed too, if asked)."""
    query = (
        select(CorrectionRow, OfficialRow)
        .join(OfficialRow, col(OfficialRow.id) == col(CorrectionRow.official_id))
        .order_by(col(CorrectionRow.created_at), col(CorrectionRow.id))
    )
    if official_id is not None:
        query = query.where(col(CorrectionRow.official_id) == official_id)
    if not include_removed:
        query = query.where(col(CorrectionRow.removed_at).is_(None))
    return [Listed(row, official.name) for row, official in session.exec(query).all()]


def _entry_of(session: Session, finding: FindingRow) -> EntryRow:
    entry = session.get(EntryRow, finding.entry_id)
    assert entry is not None  # a foreign key
    return entry


def reject(session: Session, finding_id: int, *, reason: str, author: str, now: datetime) -> Listed:
    """Set one recorded finding aside (usually a sighting that was not one)."""
    finding = session.get(FindingRow, finding_id)
    if finding is None:
        raise CorrectionError(f"no finding #{finding_id} (see `tracker history --ids`)")
    entry = _entry_of(session, finding)
    return _store(
        session,
        CorrectionRow(
            action=REJECT,
            official_id=finding.official_id,
            entry_key=entry.key,
            kind=finding.kind,
            day=finding.day,
            finding_id=finding_id,
            url=entry.url,
            reason=reason,
            author=author,
            created_at=now,
        ),
        f"finding #{finding_id} is already rejected",
    )


def not_about(
    session: Session, entry: EntryRow, official_id: int, *, reason: str, author: str, now: datetime
) -> Listed:
    """Every finding of this official in this entry set aside: it is about someone else."""
    return _store(
        session,
        CorrectionRow(
            action=NOT_ABOUT,
            official_id=official_id,
            entry_key=entry.key,
            url=entry.url,
            reason=reason,
            author=author,
            created_at=now,
        ),
        f"entry #{entry.id} is already marked not about this official",
    )


def add(
    session: Session,
    official_id: int,
    day: date,
    *,
    source: str,
    note: str,
    url: str,
    reason: str,
    author: str,
    now: datetime,
) -> Listed:
    """A sighting seen by a person (on TV, in person, from a source not in the feeds)."""
    if day > now.date():
        raise CorrectionError(f"--on {day}: in the future")
    return _store(
        session,
        CorrectionRow(
            action=ADD,
            official_id=official_id,
            day=day,
            source=source,
            note=note,
            url=url,
            reason=reason,
            author=author,
            created_at=now,
        ),
        None,
    )


def _store(session: Session, row: CorrectionRow, duplicate: str | None) -> Listed:
    if (
        duplicate is not None
        and session.exec(
            select(CorrectionRow).where(
                col(CorrectionRow.removed_at).is_(None),
                col(CorrectionRow.action) == row.action,
                col(CorrectionRow.official_id) == row.official_id,
                col(CorrectionRow.entry_key) == row.entry_key,
                col(CorrectionRow.kind) == row.kind,
                col(CorrectionRow.day) == row.day,
            )
        ).first()
    ):
        raise CorrectionError(duplicate)
    session.add(row)
    session.commit()
    forget(session)
    official = session.get(OfficialRow, row.official_id)
    return Listed(row, official.name if official else "?")


def remove(
    session: Session, correction_id: int, *, author: str, reason: str, now: datetime
) -> Listed:
    """Take a correction back: what it corrected counts again. The record stays."""
    row = session.get(CorrectionRow, correction_id)
    if row is None:
        raise CorrectionError(f"no correction #{correction_id} (see `tracker correct list`)")
    if row.removed_at is not None:
        raise CorrectionError(f"correction #{correction_id} was already removed")
    row.removed_at, row.removed_by, row.removed_reason = now, author, reason
    session.add(row)
    session.commit()
    forget(session)
    official = session.get(OfficialRow, row.official_id)
    return Listed(row, official.name if official else "?")


def copy_into(session: Session, rows: Iterable[Listed], ids: dict[str, int]) -> int:
    """The corrections in force of another database (a replay's source), by official
    name; those already there are skipped. How many were copied."""
    copied = 0
    existing = {
        (r.row.action, r.official, r.row.entry_key, r.row.kind, r.row.day, r.row.created_at)
        for r in listed(session)
    }
    for r in rows:
        key = (r.row.action, r.official, r.row.entry_key, r.row.kind, r.row.day, r.row.created_at)
        if r.official not in ids or key in existing:
            continue
        data = r.row.model_dump(exclude={"id", "official_id", "finding_id"})
        session.add(CorrectionRow(**data, official_id=ids[r.official]))
        copied += 1
    session.commit()
    forget(session)
    return copied


class Recorded(Protocol):
    """A finding as history lists it (repo.HistoryItem)."""

    @property
    def official(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def day(self) -> str: ...
    @property
    def entry_key(self) -> str: ...
    @property
    def finding_id(self) -> int: ...


def verdicts(items: Iterable[Recorded], found: Iterable[Listed]) -> dict[int, Listed]:
    """Per finding id, the correction in force that sets it aside (for history and the web,
    which show what was corrected rather than hide it)."""
    rejected: dict[tuple[str, str, str, str], Listed] = {}
    away: dict[tuple[str, str], Listed] = {}
    for c in found:
        if not c.in_force:
            continue
        if c.row.action == REJECT and c.row.day is not None:
            rejected[(c.row.entry_key, c.official, c.row.kind, c.row.day.isoformat())] = c
        elif c.row.action == NOT_ABOUT:
            away[(c.row.entry_key, c.official)] = c
    out: dict[int, Listed] = {}
    for i in items:
        hit = away.get((i.entry_key, i.official)) or rejected.get(
            (i.entry_key, i.official, i.kind, i.day)
        )
        if hit is not None:
            out[i.finding_id] = hit
    return out
