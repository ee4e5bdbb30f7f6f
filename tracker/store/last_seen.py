"""The queries of an evaluation, set-based: a few statements for the whole watchlist, each
reading only the rows it answers from (an official's latest day, the appearances of that
day, the absence reports after it), through the composite indexes of tables.py.

Per-official bounds (a day, a time) travel as one JSON parameter, read as a table
(`json_each` on SQLite, `jsonb_to_recordset` on PostgreSQL) joined to `finding`: one
statement serves every official, whatever their number, and compiles once (a VALUES list
would be compiled anew for every call, which costs more than running it). The rules
that judge the rows are in tracker/corroborate.py.

Corrections by hand (tracker/store/corrections.py) come in as `aside`, the ids of the
findings they set aside, read once per evaluation: with some in force, each statement
leaves those ids out (`finding.id NOT IN` a second JSON parameter); with none, the
statements are the same as without corrections at all.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Date, Integer, String, bindparam, cast, column, func, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from tracker.corroborate import AbsenceReport, Account
from tracker.domain import Kind, Sighting
from tracker.store.tables import EntryRow, FindingRow, UTCDateTime

_FAR = date(9999, 12, 31)  # "no bound yet": later than any day
_TYPES: dict[str, Any] = {
    "official_id": Integer,
    "bound": Date,
    "day": Date,
    "first": Date,
    "after": UTCDateTime(),
}
_AS_OF = bindparam("as_of", type_=UTCDateTime())


def _stored(value: Any, postgres: bool) -> Any:
    """A bound as the database compares it: SQLite keeps UTC times as naive text."""
    if isinstance(value, datetime):
        value = value.astimezone(UTC)
        # SQLite's text form, "YYYY-MM-DD HH:MM:SS.ffffff" (isoformat: a third of strftime's cost)
        return (
            value.isoformat()
            if postgres
            else value.replace(tzinfo=None).isoformat(" ", "microseconds")
        )
    if isinstance(value, date):
        return value.isoformat()
    return value


def _payload(session: Session, names: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> str:
    postgres = _postgres(session)
    return json.dumps(
        [{n: _stored(v, postgres) for n, v in zip(names, row, strict=True)} for row in rows]
    )


# The statements run on the session's connection, in its transaction, as Core: their rows
# are plain tuples, without the ORM's per-row loading (a third of the time at scale).


def _postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _wanted(postgres: bool, names: tuple[str, ...]) -> Any:
    """The JSON parameter `wanted_rows` as a table named `wanted` with these columns."""
    param = bindparam("wanted_rows", type_=String)
    if postgres:
        from sqlalchemy.dialects.postgresql import JSONB  # only on PostgreSQL (~0.05 s)

        return (
            func.jsonb_to_recordset(cast(param, JSONB))
            .table_valued(*(column(n, _TYPES[n]) for n in names))
            .render_derived(name="wanted", with_types=True)
        )
    each = func.json_each(param).table_valued("value")
    fields = [
        type_coerce(func.json_extract(each.c.value, f"$.{n}"), _TYPES[n]).label(n) for n in names
    ]
    return sa_select(*fields).select_from(each).subquery("wanted")


def _standing(postgres: bool, finding_id: Any = None) -> Any:
    """True for the findings not set aside: `finding.id` (or the given column of an alias
    of finding) not among the JSON array of ids in the parameter `aside_ids` (only in the
    statements made for corrections)."""
    param = bindparam("aside_ids", type_=String)
    if postgres:
        from sqlalchemy.dialects.postgresql import JSONB  # only on PostgreSQL (~0.05 s)

        ids = func.jsonb_array_elements_text(cast(param, JSONB)).table_valued("value")
    else:
        ids = func.json_each(param).table_valued("value")
    finding_id = col(FindingRow.id) if finding_id is None else finding_id
    return finding_id.not_in(sa_select(cast(ids.c.value, Integer)).select_from(ids))


def _where(
    postgres: bool, corrected: bool, *clauses: Any, finding_id: Any = None
) -> tuple[Any, ...]:
    """The clauses of a statement on finding (or on the alias whose id is `finding_id`),
    and the corrections' when it is made for them."""
    return (*clauses, _standing(postgres, finding_id)) if corrected else clauses


def _aside_param(aside: Collection[int]) -> dict[str, str]:
    return {"aside_ids": json.dumps(sorted(aside))} if aside else {}


# --- the statements, built once per dialect and for corrections or none (then
# SQLAlchemy's cache compiles each once)


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


def _appearances_of(postgres: bool, corrected: bool, wanted: Any, days: Any) -> Any:
    """The appearances published by `as_of` of each official in `wanted`, on the days
    that the clause `days` (on finding.day) admits."""
    return (
        sa_select(wanted.c.official_id, *(col(c) for c in _APPEARANCE))
        .select_from(wanted)
        .join(
            FindingRow,
            (col(FindingRow.official_id) == wanted.c.official_id)
            & (col(FindingRow.kind) == Kind.APPEARANCE.value)
            & days,
        )
        .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
        .where(*_where(postgres, corrected, col(FindingRow.published) <= _AS_OF))
    )


@cache
def _appearances_statement(postgres: bool, corrected: bool) -> Any:
    wanted = _wanted(postgres, ("official_id", "day"))
    return _appearances_of(postgres, corrected, wanted, col(FindingRow.day) == wanted.c.day)


def appearances_on(
    session: Session,
    ids: Mapping[str, int],
    days: Iterable[tuple[str, date]],
    as_of: datetime,
    aside: Collection[int] = (),
) -> list[Appearance]:
    """Every appearance published by `as_of` of these (official name, day) pairs, but
    those in `aside`."""
    names = {i: n for n, i in ids.items()}
    pairs = sorted({(ids[name], day) for name, day in days if name in ids})
    if not pairs:
        return []
    params = {"wanted_rows": _payload(session, ("official_id", "day"), pairs), "as_of": as_of}
    corrected = _aside_param(aside)
    statement = _appearances_statement(_postgres(session), bool(corrected))
    rows = session.connection().execute(statement, params | corrected).all()
    return [Appearance(names[i], *rest) for i, *rest in rows]


@cache
def _latest_statement(postgres: bool, corrected: bool, several: bool) -> Any:
    """Per official, the appearances published by `as_of` from its latest day known by
    `as_of` (an appearance published and recorded by then) up to its bound; with
    `several`, from its `:skip + 1`th latest known day (or its earliest, if it has fewer).
    The days come from a correlated seek on the covering index, the rows from one index
    range per official: the days and their appearances in one statement."""
    wanted = _wanted(postgres, ("official_id", "bound"))
    known = FindingRow.__table__.alias("known")  # type: ignore[attr-defined]

    def known_days() -> Any:
        return sa_select(known.c.day).where(
            *_where(
                postgres,
                corrected,
                known.c.official_id == wanted.c.official_id,
                known.c.kind == Kind.APPEARANCE.value,
                known.c.day < wanted.c.bound,
                known.c.published <= _AS_OF,
                known.c.seen_at <= _AS_OF,
                finding_id=known.c.id,
            )
        )

    if several:
        skip = bindparam("skip", type_=Integer)
        nth = known_days().distinct().order_by(known.c.day.desc()).limit(1).offset(skip)
        earliest = known_days().order_by(known.c.day).limit(1)
        lowest = func.coalesce(nth.scalar_subquery(), earliest.scalar_subquery())
    else:
        lowest = known_days().order_by(known.c.day.desc()).limit(1).scalar_subquery()
    days = (col(FindingRow.day) >= lowest) & (col(FindingRow.day) < wanted.c.bound)
    return _appearances_of(postgres, corrected, wanted, days)


@dataclass(frozen=True)
class Latest:
    """What one round of an evaluation reads: per official its latest known days
    (newest first), and the appearances of those days."""

    days: dict[str, list[date]]
    appearances: list[Appearance]


def latest_appearances(
    session: Session,
    ids: Mapping[str, int],
    before: Mapping[str, date | None],
    as_of: datetime,
    count: int = 1,
    aside: Collection[int] = (),
) -> Latest:
    """Per official named in `before`, its latest `count` days with an appearance known
    by `as_of` (published and recorded by then), earlier than its bound when it has one,
    and every appearance published by `as_of` on those days; the findings in `aside` left
    out. One statement for the whole watchlist, whatever `count`."""
    names = {ids[name]: name for name in before if name in ids}
    rows = [(i, before[n] or _FAR) for i, n in sorted(names.items())]
    if not rows:
        return Latest({}, [])
    postgres, corrected = _postgres(session), _aside_param(aside)
    params: dict[str, Any] = {
        "wanted_rows": _payload(session, ("official_id", "bound"), rows),
        "as_of": as_of,
    }
    if count > 1:
        params["skip"] = count - 1
    statement = _latest_statement(postgres, bool(corrected), count > 1)
    found = [
        Appearance(names[i], *rest)
        for i, *rest in session.connection().execute(statement, params | corrected)
    ]
    # the range may hold later days whose appearances were recorded after `as_of` only
    known = {(a.official, a.day) for a in found if a.seen_at <= as_of}
    days: dict[str, list[date]] = {}
    for official, day in sorted(known, key=lambda k: k[1], reverse=True):
        days.setdefault(official, []).append(day)
    return Latest(days, [a for a in found if (a.official, a.day) in known])


@cache
def _covering_statement(postgres: bool, corrected: bool) -> Any:
    wanted = _wanted(postgres, ("official_id", "day", "after"))
    return (
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
            *_where(
                postgres,
                corrected,
                col(FindingRow.published) <= _AS_OF,
                col(FindingRow.since).is_not(None),
                col(FindingRow.since) < wanted.c.day,
            )
        )
    )


def covering_reports(
    session: Session,
    ids: Mapping[str, int],
    days: Mapping[str, Sequence[date]],
    as_of: datetime,
    aside: Collection[int] = (),
) -> list[AbsenceReport]:
    """The absence reports (published by `as_of`, saying since when, not in `aside`)
    that may cover one of each official's days: said since a day before the latest,
    published on a day after the earliest. A superset of AbsenceReport.covers, which
    decides; the index (official, kind, published) bounds it to the reports after the
    earliest day."""
    names = {i: n for n, i in ids.items()}
    rows = sorted(
        (ids[name], max(ds), datetime.combine(min(ds), time.max, tzinfo=UTC))
        for name, ds in days.items()
        if name in ids and ds
    )
    if not rows:
        return []
    payload = _payload(session, ("official_id", "day", "after"), rows)
    params = {"wanted_rows": payload, "as_of": as_of}
    corrected = _aside_param(aside)
    statement = _covering_statement(_postgres(session), bool(corrected))
    found = session.connection().execute(statement, params | corrected).all()
    return [AbsenceReport(names[i], *rest) for i, *rest in found]


@cache
def _count_statement(postgres: bool, corrected: bool) -> Any:
    wanted = _wanted(postgres, ("official_id", "after"))
    return (
        sa_select(wanted.c.official_id, func.count())
        .select_from(wanted)
        .join(
            FindingRow,
            (col(FindingRow.official_id) == wanted.c.official_id)
            & (col(FindingRow.kind) == bindparam("kind"))
            & (col(FindingRow.published) > wanted.c.after),
        )
        .where(*_where(postgres, corrected, col(FindingRow.published) <= _AS_OF))
        .group_by(wanted.c.official_id)
    )


def count_since(
    session: Session,
    ids: Mapping[str, int],
    kind: Kind,
    since: Mapping[str, datetime | None],
    as_of: datetime,
    aside: Collection[int] = (),
) -> dict[str, int]:
    """Per official of `ids`, its findings of `kind` published by `as_of` and after its
    time in `since` (all of them when it has none), but those in `aside`. An index range
    count each."""
    names = {i: n for n, i in ids.items()}
    earliest = datetime(1, 1, 2, tzinfo=UTC)  # before any publication
    rows = sorted((i, since.get(n) or earliest) for i, n in names.items())
    counts = dict.fromkeys(ids, 0)
    if rows:
        payload = _payload(session, ("official_id", "after"), rows)
        params = {"wanted_rows": payload, "as_of": as_of, "kind": kind.value}
        corrected = _aside_param(aside)
        for official_id, count in session.connection().execute(
            _count_statement(_postgres(session), bool(corrected)), params | corrected
        ):
            counts[names[official_id]] = count
    return counts


@cache
def _days_seen_statement(postgres: bool, corrected: bool) -> Any:
    wanted = _wanted(postgres, ("official_id",))
    return (
        sa_select(col(FindingRow.official_id), col(FindingRow.day))
        .select_from(wanted)
        .join(FindingRow, col(FindingRow.official_id) == wanted.c.official_id)
        .where(
            *_where(
                postgres,
                corrected,
                col(FindingRow.kind) == Kind.APPEARANCE.value,
                col(FindingRow.day) >= bindparam("start", type_=Date),
                col(FindingRow.published) <= _AS_OF,
            )
        )
        .distinct()
    )


def days_seen(
    session: Session,
    ids: Mapping[str, int],
    start: date,
    as_of: datetime,
    aside: Collection[int] = (),
) -> dict[str, list[date]]:
    """Per official of `ids`, the days since `start` with an appearance known by `as_of`
    and not in `aside` (what an adaptive threshold learns from), oldest first."""
    names = {i: n for n, i in ids.items()}
    out: dict[str, list[date]] = {name: [] for name in ids}
    if names:
        payload = _payload(session, ("official_id",), [(i,) for i in sorted(names)])
        params = {"wanted_rows": payload, "as_of": as_of, "start": start}
        corrected = _aside_param(aside)
        for official_id, day in session.connection().execute(
            _days_seen_statement(_postgres(session), bool(corrected)), params | corrected
        ):
            out[names[official_id]].append(day)
    return {name: sorted(days) for name, days in out.items()}
