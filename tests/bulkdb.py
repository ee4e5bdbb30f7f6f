"""A generated newsroom-sized database (invented officials, outlets and sentences), built
with bulk SQL rather than the pipeline: a million findings in seconds, for the query-plan
tests and the benchmarks.

Shape: officials `Official 00000`..; entries spread evenly over `DAYS` days from
`START`, each from one of 40 outlets and naming `PER_ENTRY` officials: an appearance (a
quarter), an absence report saying since when (rare, but common about the silent) or a
mention. Every tenth official stops
appearing after `QUIET_AFTER` of the span (reports say "not seen since" then, and a rare
lone sighting comes in that they contradict), so some are silent and corroboration has
something to set aside; an absence report about anyone else says since a few weeks
back, which may dispute a lone sighting in between.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, insert, text

from tracker.store.tables import EntryRow, FeedRow, FindingRow, OfficialRow

START = datetime(2024, 1, 1, tzinfo=UTC)
DAYS = 700
PER_ENTRY = 4
QUIET_AFTER = 0.9
OUTLETS = 40


def official_name(i: int) -> str:
    return f"Official {i:05d}"


def end_of_history() -> datetime:
    return START + timedelta(days=DAYS)


@dataclass(frozen=True)
class Built:
    officials: int
    entries: int
    findings: int


ENTRY_COLUMNS = [
    "id",
    "key",
    "feed_id",
    "guid",
    "url",
    "title",
    "text",
    "published",
    "dated",
    "fetched_at",
    "canonical_url",
    "fingerprint",
    "updated_at",
    "recognized",
]
FINDING_COLUMNS = [
    "id",
    "entry_id",
    "official_id",
    "kind",
    "day",
    "seen_at",
    "published",
    "sentence",
    "cue",
    "confidence",
    "since",
    "source",
]


def _rows(
    officials: int, findings: int, seed: int, sqlite: bool
) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """(entry, its findings) as rows in ENTRY_COLUMNS, FINDING_COLUMNS order; ids are
    1-based positions. For SQLite, times and days already as SQLAlchemy stores them."""
    rng = random.Random(seed)
    entries = max(1, findings // PER_ENTRY)
    step = timedelta(days=DAYS) / entries
    quiet_from = START + timedelta(days=DAYS * QUIET_AFTER)
    quiet_day = quiet_from.date() - timedelta(days=1)

    def stamp(t: datetime) -> Any:
        return t.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else t

    days: dict[date, tuple[Any, datetime, Any]] = {}  # day -> (stored, noon, stored noon)

    def day_of(d: date) -> tuple[Any, datetime, Any]:
        if d not in days:
            noon = datetime.combine(d, datetime.min.time(), UTC) + timedelta(hours=12)
            days[d] = (d.isoformat() if sqlite else d, noon, stamp(noon))
        return days[d]

    finding_id = 0
    for e in range(1, entries + 1):
        published = START + step * e
        when = stamp(published)
        outlet = e % OUTLETS
        url = f"https://news{outlet}.example/{e}"
        entry = (e, f"k{e}", outlet + 1, url, url, f"Story {e}", "", when, True, when, url)
        entry += (f"f{e}", None, True)
        found = []
        for o in rng.sample(range(1, officials + 1), min(PER_ENTRY, officials)):
            roll = rng.random()
            quiet = o % 10 == 0 and published >= quiet_from
            kind = "mention"
            if (roll < 0.25 and not quiet) or roll < 0.01:
                kind = "appearance"  # in a quiet spell: a rare lone (false) sighting
            elif roll < (0.40 if quiet else 0.265):
                kind = "absence"  # mostly about the quiet ones
            day = published.date()
            if kind == "appearance" and roll < 0.08:
                day -= timedelta(days=1)
            stored_day, noon, stored_noon = day_of(day)
            since = None
            if kind == "absence":
                # the reporter's "not seen since": the start of the quiet spell, or a
                # few weeks back (which may contradict a lone sighting in between)
                back = day - timedelta(days=3 + int(roll * 3700) % 37)
                since = day_of(quiet_day if quiet else back)[0]
            finding_id += 1
            found.append(
                (
                    finding_id,
                    e,
                    o,
                    kind,
                    stored_day,
                    stored_noon if noon <= published else when,
                    when,
                    f"{official_name(o - 1)} was {kind} in sentence {finding_id}.",
                    kind,
                    0.6 + 0.3 * rng.random(),
                    since,
                    f"news{outlet}.example",
                )
            )
        yield entry, found


def build(
    engine: Engine, *, officials: int, findings: int, seed: int = 11, chunk: int = 50_000
) -> Built:
    """Fill an empty tracker database (made by open_engine). On SQLite the entry and
    finding indexes are dropped during the load and made again after, as a bulk load does; on other databases rows go in through SQLAlchemy Core."""
    sqlite = engine.dialect.name == "sqlite"
    with engine.begin() as conn:
        conn.execute(
            insert(FeedRow.__table__),  # type: ignore[attr-defined]
            [
                {"id": i + 1, "url": f"https://news{i}.example/rss", "name": f"News {i}"}
                for i in range(OUTLETS)
            ],
        )
        conn.execute(
            insert(OfficialRow.__table__),  # type: ignore[attr-defined]
            [{"id": i + 1, "name": official_name(i), "added_at": START} for i in range(officials)],
        )
        if sqlite:
            for table in (EntryRow, FindingRow):
                for index in table.__table__.indexes:  # type: ignore[attr-defined]
                    conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
    entries = total = 0
    pending_entries: list[tuple[Any, ...]] = []
    pending_findings: list[tuple[Any, ...]] = []

    def flush() -> None:
        with engine.begin() as conn:
            for table, names, rows in (
                (EntryRow, ENTRY_COLUMNS, pending_entries),
                (FindingRow, FINDING_COLUMNS, pending_findings),
            ):
                if sqlite:
                    marks = ", ".join("?" for _ in names)
                    sql = f"INSERT INTO {table.__tablename__} ({', '.join(names)}) VALUES ({marks})"
                    conn.connection.dbapi_connection.cursor().executemany(sql, rows)
                else:
                    conn.execute(
                        insert(table.__table__),  # type: ignore[attr-defined]
                        [dict(zip(names, row, strict=True)) for row in rows],
                    )
        pending_entries.clear()
        pending_findings.clear()

    for entry, found in _rows(officials, findings, seed, sqlite):
        pending_entries.append(entry)
        pending_findings += found
        entries += 1
        total += len(found)
        if len(pending_findings) >= chunk:
            flush()
    if pending_entries:
        flush()
    with engine.begin() as conn:
        # the indexes this version of the tables declares (also an older version's, for
        # the benchmarks that run the code from before side by side)
        for table in (EntryRow, FindingRow):
            for index in table.__table__.indexes:  # type: ignore[attr-defined]
                index.create(conn, checkfirst=True)
        conn.execute(text("ANALYZE"))
    return Built(officials, entries, total)


def add_corrections(engine: Engine, *, rejected: int = 40, away: int = 10) -> frozenset[int]:
    """Corrections by hand in force on a generated database: the latest appearance of
    `rejected` officials rejected (so the evaluation must pass it by), the entries of
    `away` absence reports marked not about their official, and one sighting added by
    hand. The ids of the findings they set aside."""
    from sqlmodel import Session, col, select

    from tracker.store import corrections

    now = end_of_history()
    with Session(engine) as session:
        latest = session.exec(
            select(col(FindingRow.official_id), col(FindingRow.id))
            .where(col(FindingRow.kind) == "appearance")
            .order_by(col(FindingRow.official_id), col(FindingRow.day).desc())
        ).all()
        firsts: dict[int, int] = {}
        for official_id, finding_id in latest:
            if finding_id is not None:
                firsts.setdefault(official_id, finding_id)
        for finding_id in sorted(firsts.values())[:rejected]:
            corrections.reject(session, finding_id, reason="file footage", author="bulk", now=now)
        absences = session.exec(
            select(FindingRow).where(col(FindingRow.kind) == "absence").limit(away)
        ).all()
        for f in absences:
            entry = session.get(EntryRow, f.entry_id)
            assert entry is not None
            corrections.not_about(session, entry, f.official_id, reason="", author="bulk", now=now)
        corrections.add(
            session,
            (firsts and min(firsts)) or 1,
            (now - timedelta(days=1)).date(),
            source="television",
            note="",
            url="",
            reason="",
            author="bulk",
            now=now,
        )
        return corrections.set_aside(session)


def store_entries(
    engine: Engine,
    feed_url: str,
    stories: Iterator[tuple[str, str, datetime]],
    *,
    recognized: Callable[[int], bool] = lambda _id: True,
) -> None:
    """One feed and its entries, (title, text, published) each, with ids from 1 and urls
    under the feed's host, stored as they are (nothing recognised): for rescans."""
    host = feed_url.rsplit("/", 1)[0]
    rows = []
    for e, (title, body, when) in enumerate(stories, start=1):
        url = f"{host}/{e}"
        rows.append(
            {
                "id": e,
                "key": f"k{e}",
                "feed_id": 1,
                "guid": url,
                "url": url,
                "title": title,
                "text": body,
                "published": when,
                "dated": True,
                "fetched_at": when,
                "canonical_url": url,
                "fingerprint": f"f{e}",
                "recognized": recognized(e),
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(FeedRow.__table__), [{"id": 1, "url": feed_url}])  # type: ignore[attr-defined]
        conn.execute(insert(EntryRow.__table__), rows)  # type: ignore[attr-defined]
