"""The queries of an evaluation, set-based: a few statements for the whole watchlist, each
reading only the rows it answers from (an official's latest day, the appearances of that
day, the absence reports after it), through the composite indexes of tables.py.

Per-official bounds (a day, a time) travel as a VALUES list joined to `finding`, so one
statement serves every official (in chunks, under the databases' parameter limits), on
SQLite and PostgreSQL alike. The rules that judge the rows are in tracker/corroborate.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Date, Integer, column, func, values
from sqlalchemy import select as sa_select
from sqlalchemy.sql.selectable import CTE
from sqlmodel import Session, col

from tracker.corroborate import AbsenceReport, Account
from tracker.domain import Kind, Sighting
from tracker.store.tables import EntryRow, FindingRow, UTCDateTime

# a VALUES row has at most three parameters: 3 x 2000 stays under SQLite's 32,766
CHUNK = 2000
_FAR = date(9999, 12, 31)  # "no bound yet": later than any day


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _bounds(rows: Sequence[tuple[Any, ...]], **types: Any) -> CTE:
    """A VALUES list as a CTE named `wanted`, one typed column per keyword."""
    columns = [column(name, kind) for name, kind in types.items()]
    return values(*columns, name="wanted").data(list(rows)).cte("wanted")


def last_days(
    session: Session, ids: Mapping[str, int], before: Mapping[str, date | None], as_of: datetime
) -> dict[str, date]:
    """Per official named in `before`, the latest day with an appearance known by `as_of`,
    earlier than its bound when it has one. One index seek per official."""
    names = {ids[name]: name for name in before if name in ids}
    out: dict[str, date] = {}
    for chunk in _chunks([(i, before[n] or _FAR) for i, n in sorted(names.items())]):
        wanted = _bounds(chunk, official_id=Integer, bound=Date)
        day = (
            sa_select(col(FindingRow.day))
            .where(
                col(FindingRow.official_id) == wanted.c.official_id,
                col(FindingRow.kind) == Kind.APPEARANCE.value,
                col(FindingRow.day) < wanted.c.bound,
                col(FindingRow.published) <= as_of,
                col(FindingRow.seen_at) <= as_of,
            )
            .order_by(col(FindingRow.day).desc())
            .limit(1)
            .scalar_subquery()
        )
        for official_id, found in session.execute(sa_select(wanted.c.official_id, day)).all():
            if found is not None:
                out[names[official_id]] = found
    return out


@dataclass(frozen=True)
class Appearance:
    """A stored appearance with what corroboration and the evidence of status need."""

    official: str
    day: date
    seen_at: datetime
    published: datetime
    confidence: float
    source: str
    url: str
    title: str
    sentence: str
    id: int

    def account(self) -> Account:
        return Account(
            self.official, self.day, self.source, self.published, self.confidence, self.url
        )

    def sighting(self) -> Sighting:
        return Sighting(
            official=self.official,
            date=self.day,
            seen_at=self.seen_at,
            published=self.published,
            url=self.url,
            title=self.title,
            text=self.sentence,
        )


def evidence(appearances: Iterable[Appearance]) -> Sighting | None:
    """Of the appearances of one day, the evidence: the surest, earliest report."""
    best = min(appearances, key=lambda a: (-a.confidence, a.published, a.id), default=None)
    return best.sighting() if best is not None else None


_APPEARANCE = (
    FindingRow.day,
    FindingRow.seen_at,
    FindingRow.published,
    FindingRow.confidence,
    FindingRow.source,
    EntryRow.url,
    EntryRow.title,
    FindingRow.sentence,
    FindingRow.id,
)


def appearances_on(
    session: Session, ids: Mapping[str, int], days: Sequence[tuple[str, date]], as_of: datetime
) -> list[Appearance]:
    """Every appearance published by `as_of` of these (official name, day) pairs."""
    names = {i: n for n, i in ids.items()}
    pairs = sorted({(ids[name], day) for name, day in days if name in ids})
    out: list[Appearance] = []
    for chunk in _chunks(pairs):
        wanted = _bounds(chunk, official_id=Integer, day=Date)
        query = (
            sa_select(wanted.c.official_id, *(col(c) for c in _APPEARANCE))
            .select_from(wanted)
            .join(
                FindingRow,
                (col(FindingRow.official_id) == wanted.c.official_id)
                & (col(FindingRow.kind) == Kind.APPEARANCE.value)
                & (col(FindingRow.day) == wanted.c.day),
            )
            .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
            .where(col(FindingRow.published) <= as_of)
        )
        out += [Appearance(names[i], *rest) for i, *rest in session.execute(query).all()]
    return out


def covering_reports(
    session: Session, ids: Mapping[str, int], days: Mapping[str, date], as_of: datetime
) -> list[AbsenceReport]:
    """The absence reports (published by `as_of`, saying since when) that may cover each
    official's day: said since an earlier day, published on a later one. A superset of
    AbsenceReport.covers, which decides; the index (official, kind, published) bounds it
    to the reports after the day."""
    names = {i: n for n, i in ids.items()}
    rows = sorted(
        (ids[name], day, datetime.combine(day, time.max, tzinfo=UTC))
        for name, day in days.items()
        if name in ids
    )
    out: list[AbsenceReport] = []
    for chunk in _chunks(rows):
        wanted = _bounds(chunk, official_id=Integer, day=Date, after=UTCDateTime())
        query = (
            sa_select(
                wanted.c.official_id,
                col(FindingRow.since),
                col(FindingRow.published),
                col(FindingRow.source),
                col(FindingRow.confidence),
                col(EntryRow.url),
                col(FindingRow.sentence),
            )
            .select_from(wanted)
            .join(
                FindingRow,
                (col(FindingRow.official_id) == wanted.c.official_id)
                & (col(FindingRow.kind) == Kind.ABSENCE.value)
                & (col(FindingRow.published) > wanted.c.after),
            )
            .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
            .where(
                col(FindingRow.published) <= as_of,
                col(FindingRow.since).is_not(None),
                col(FindingRow.since) < wanted.c.day,
            )
        )
        out += [AbsenceReport(names[i], *rest) for i, *rest in session.execute(query).all()]
    return out


def count_since(
    session: Session,
    ids: Mapping[str, int],
    kind: Kind,
    since: Mapping[str, datetime | None],
    as_of: datetime,
) -> dict[str, int]:
    """Per official of `ids`, its findings of `kind` published by `as_of` and after its
    time in `since` (all of them when it has none). An index range count each."""
    names = {i: n for n, i in ids.items()}
    earliest = datetime(1, 1, 2, tzinfo=UTC)  # before any publication
    rows = sorted((i, since.get(n) or earliest) for i, n in names.items())
    counts = dict.fromkeys(ids, 0)
    for chunk in _chunks(rows):
        wanted = _bounds(chunk, official_id=Integer, after=UTCDateTime())
        query = (
            sa_select(wanted.c.official_id, func.count())
            .select_from(wanted)
            .join(
                FindingRow,
                (col(FindingRow.official_id) == wanted.c.official_id)
                & (col(FindingRow.kind) == kind.value)
                & (col(FindingRow.published) > wanted.c.after),
            )
            .where(col(FindingRow.published) <= as_of)
            .group_by(wanted.c.official_id)
        )
        for official_id, count in session.execute(query).all():
            counts[names[official_id]] = count
    return counts


def days_seen(
    session: Session, ids: Mapping[str, int], start: date, as_of: datetime
) -> dict[str, list[date]]:
    """Per official of `ids`, the days since `start` with an appearance known by `as_of`
    (what an adaptive threshold learns from), oldest first."""
    names = {i: n for n, i in ids.items()}
    out: dict[str, list[date]] = {name: [] for name in ids}
    for chunk in _chunks(sorted(names)):
        query = (
            sa_select(col(FindingRow.official_id), col(FindingRow.day))
            .where(
                col(FindingRow.official_id).in_(list(chunk)),
                col(FindingRow.kind) == Kind.APPEARANCE.value,
                col(FindingRow.day) >= start,
                col(FindingRow.published) <= as_of,
            )
            .distinct()
        )
        for official_id, day in session.execute(query).all():
            out[names[official_id]].append(day)
    return {name: sorted(days) for name, days in out.items()}
