"""The queries behind `status`, `history NAME` and `explain URL` go through indexes:
checked on the plans the databases choose for the statements really run, on a generated
database of a few thousand findings (tests/bulkdb.py), after ANALYZE."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event

from tests.bulkdb import add_corrections, build, end_of_history, official_name
from tests.pgdb import fresh_database
from tracker import corroborate
from tracker.config import parse_config
from tracker.corroborate import AbsenceReport, Account
from tracker.jobs import Tracker
from tracker.store import alert_store, corrections, repo
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for

OFFICIALS, FINDINGS = 200, 6_000
FINDINGS_PG = 30_000  # enough for the planner's statistics to see absences as common
# the only tables a plan may read whole: the watchlist itself, the small tables of
# mutes, awaited replies and corrections by hand, and the bounds passed in as JSON
# (SQLite: a virtual table), and SQLite's catalogue, where the evaluation checks its triggers
SMALL = ("official", "mute", "await", "feed", "correction", "sqlite_master")
# finding's composite indexes; uq_finding (entry, official, kind, day) is SQLite's
# autoindex of the unique constraint
FINDING_INDEXES = ("INDEX ix_finding_", "uq_finding", "sqlite_autoindex_finding_1")


def _tracker(url: str) -> Tracker:
    config = parse_config(
        {
            "database": url,
            "officials": [{"name": official_name(i), "threshold": "10d"} for i in range(OFFICIALS)],
        },
        path=None,
        env={},
    )
    return Tracker(config, open_engine(url), now=end_of_history())


def _captured(engine: Engine, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The statements `run` sends to the database, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def grab(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", grab)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", grab)
    return seen


def _statements(tracker: Tracker) -> list[tuple[str, Any]]:
    """The SELECTs that status (now and as of a past day), history NAME and explain URL
    run, with their parameters."""

    def run() -> None:
        now = end_of_history()
        tracker.statuses(now)
        tracker.statuses(now - timedelta(days=30))
        with session_for(tracker.engine) as session:
            repo.history(session, official_name(7).upper())
            repo.entries_by_url(session, "https://news1.example/41")

    return [
        (s, p)
        for s, p in _captured(tracker.engine, run)
        if s.lstrip().upper().startswith(("SELECT", "WITH"))
    ]


def _finding_statements(seen: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [(s, p) for s, p in seen if "FROM finding" in s or "JOIN finding" in s]


@pytest.fixture
def sqlite_tracker(tmp_path: Any) -> Iterator[Tracker]:
    url = f"sqlite:///{tmp_path / 'plans.db'}"
    engine = open_engine(url)
    build(engine, officials=OFFICIALS, findings=FINDINGS)
    engine.dispose()
    tracker = _tracker(url)
    yield tracker
    tracker.close()


@pytest.fixture
def corrected_tracker(tmp_path: Any) -> Iterator[tuple[Tracker, frozenset[int]]]:
    url = f"sqlite:///{tmp_path / 'corrected.db'}"
    engine = open_engine(url)
    build(engine, officials=OFFICIALS, findings=FINDINGS)
    aside = add_corrections(engine, rejected=40, away=10)
    assert len(aside) >= 50
    engine.dispose()
    tracker = _tracker(url)
    yield tracker, aside
    tracker.close()


def test_status_history_and_explain_use_indexes_on_sqlite(sqlite_tracker: Tracker) -> None:
    _assert_sqlite_plans(sqlite_tracker)


def test_with_corrections_in_force_the_statements_still_use_indexes_on_sqlite(
    corrected_tracker: tuple[Tracker, frozenset[int]],
) -> None:
    seen = _assert_sqlite_plans(corrected_tracker[0])
    # the set-based statements were made for corrections: they leave the ids out
    assert sum("NOT IN (SELECT CAST" in s for s, _ in seen) >= 5


def _assert_sqlite_plans(tracker: Tracker) -> list[tuple[str, Any]]:
    seen = _statements(tracker)
    assert len(_finding_statements(seen)) >= 5
    with tracker.engine.connect() as conn:
        for statement, parameters in seen:
            plan = [
                row[-1]
                for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            ]
            scans = [
                line
                for line in plan
                if line.startswith("SCAN ")
                and "VIRTUAL TABLE" not in line
                and line.split()[1] not in SMALL
            ]
            assert not scans, f"full scan in the plan of {statement}: {plan}"
            if "FROM finding" in statement or "JOIN finding" in statement:
                assert any(any(i in line for i in FINDING_INDEXES) for line in plan), (
                    statement,
                    plan,
                )
            if "FROM entry" in statement:
                assert any("INDEX ix_entry_" in line for line in plan), (statement, plan)
    return seen


def test_the_latest_day_of_every_official_is_one_statement(sqlite_tracker: Tracker) -> None:
    """Not one query per official: the whole watchlist's status takes a handful of
    statements on finding, however many officials are watched."""
    finding = _finding_statements(_statements(sqlite_tracker))
    # two evaluations and a history; each evaluation a few rounds of three statements
    assert len(finding) < 40, len(finding)


def test_the_same_statements_run_and_use_indexes_on_postgresql(postgres_url: str) -> None:
    """On a few thousand rows PostgreSQL rightly hash-joins the bounds with a sequential
    scan for some statements; where it would pick an index at scale (the latest-day seek,
    a URL) it does already. With the whole-table plans discouraged (as at scale, where
    each official's rows are a sliver of the table), every statement on finding finds a
    composite index that matches it; and an alert's timeline (unforced) reads down its own
    index without sorting."""
    url = fresh_database(postgres_url, "plans")
    engine = open_engine(url)
    build(engine, officials=OFFICIALS, findings=FINDINGS_PG)
    engine.dispose()
    tracker = _tracker(url)
    try:
        seen = _statements(tracker)
        plans = _explain(tracker.engine, seen)
        forced = _explain(tracker.engine, _finding_statements(seen), *FORCED)
        # an alert's timeline reads down its index, unforced, without sorting
        [(_, timeline)] = _explain(tracker.engine, _timeline(tracker))
        statuses = {s.name: s for s in tracker.statuses(end_of_history()).statuses}
        # the same with corrections in force: the statements made for them
        add_corrections(tracker.engine)
        corrected = _finding_statements(_statements(tracker))
        forced += _explain(tracker.engine, corrected, *FORCED)
    finally:
        tracker.close()
    assert sum("NOT IN (SELECT CAST" in s for s, _ in corrected) >= 5
    latest = [p for s, p in plans if "ORDER BY known.day DESC" in s and "wanted" in s]
    assert latest and all("ix_finding_last_seen" in p for p in latest), latest
    by_url = [p for s, p in plans if "FROM entry" in s and "entry.guid" in s]
    assert by_url and all("ix_entry_url" in p and "ix_entry_guid" in p for p in by_url), by_url
    assert "ix_finding_official_kind_seen" in timeline and "Sort" not in timeline, timeline
    assert len(forced) >= 5
    for _, plan in forced:
        assert "Seq Scan on finding" not in plan, plan
        assert "ix_finding_" in plan or "uq_finding" in plan, plan
    # and it answers
    assert sum(s.last_seen is not None for s in statuses.values()) > OFFICIALS // 2


def _timeline(tracker: Tracker) -> list[tuple[str, Any]]:
    """The statement behind an alert's timeline: an official's latest appearances."""
    name = official_name(7)
    found: list[object] = []

    def run() -> None:
        with session_for(tracker.engine) as session:
            found.extend(
                alert_store.sightings(session, tracker.ids[name], name, end_of_history(), limit=6)
            )

    seen = _captured(tracker.engine, run)
    assert found, "official 7 has appearances"
    return [(s, p) for s, p in seen if "ORDER BY finding.seen_at DESC" in s]


def test_an_alerts_timeline_reads_down_an_index_without_sorting_on_sqlite(
    sqlite_tracker: Tracker,
) -> None:
    # sorting every appearance of the official for each alert grew with history
    [(statement, parameters)] = _timeline(sqlite_tracker)
    with sqlite_tracker.engine.connect() as conn:
        plan = [r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
    assert any("ix_finding_official_kind_seen" in line for line in plan), plan
    assert not any("TEMP B-TREE" in line for line in plan), plan


FORCED = tuple(
    f"SET enable_{plan} = off" for plan in ("seqscan", "bitmapscan", "hashjoin", "mergejoin")
)


@pytest.mark.parametrize("days_back", [0, 30])
def test_set_based_last_seen_leaves_out_what_corrections_set_aside(
    corrected_tracker: tuple[Tracker, frozenset[int]], days_back: int
) -> None:
    """With corrections in force, the few statements find what the rules decide over
    every stored finding but those set aside, with the sightings added by hand."""
    tracker, aside = corrected_tracker
    as_of = end_of_history() - timedelta(days=days_back)
    with session_for(tracker.engine) as session:
        items = [i for i in repo.history(session, None) if i.finding_id not in aside]
        everything = repo.history(session, None)
        reports = repo.absence_reports(session, as_of)
        by_hand = corrections.manual_sightings(session, as_of)
    assert len(everything) > len(items)
    expected, _ = latest_undisputed(items, reports, as_of)
    for name, sightings in by_hand.items():
        expected[name] = max([expected.get(name, sightings[0].date)] + [s.date for s in sightings])
    found = {s.name: s.last_seen for s in tracker.statuses(as_of).statuses if s.last_seen}
    assert found == expected


def latest_undisputed(
    items: list[repo.HistoryItem], reports: list[AbsenceReport], as_of: datetime
) -> tuple[dict[str, date], dict[tuple[str, date], corroborate.Dispute]]:
    """What corroborate.py decides over these stored appearances and reports known at
    `as_of`: each official's latest undisputed day, and the disputed days."""
    accounts = [
        Account(i.official, date.fromisoformat(i.day), i.source, i.published, i.confidence, i.url)
        for i in items
        if i.published <= as_of
    ]
    disputed = corroborate.disputes(accounts, reports, as_of)
    expected: dict[str, date] = {}
    for a in accounts:
        if (a.official, a.day) not in disputed:
            expected[a.official] = max(a.day, expected.get(a.official, a.day))
    return expected, disputed


def _explain(engine: Engine, seen: list[tuple[str, Any]], *settings: str) -> list[tuple[str, str]]:
    out = []
    with engine.connect() as conn:
        for setting in settings:
            conn.exec_driver_sql(setting)
        for statement, parameters in seen:
            rows = conn.exec_driver_sql(f"EXPLAIN {statement}", parameters).all()
            out.append((statement, "\n".join(r[0] for r in rows)))
    return out


@pytest.mark.parametrize("days_back", [0, 30, 200])
def test_set_based_last_seen_agrees_with_the_rules_over_all_history(
    sqlite_tracker: Tracker, days_back: int
) -> None:
    """What the few statements find is what corroborate.py decides over every stored
    appearance and absence report known at `as_of` (the latest undisputed day)."""
    as_of = end_of_history() - timedelta(days=days_back)
    with session_for(sqlite_tracker.engine) as session:
        items = repo.history(session, None)
        reports = repo.absence_reports(session, as_of)
    expected, disputed = latest_undisputed(items, reports, as_of)
    evaluation = sqlite_tracker.statuses(as_of)
    found = {s.name: s.last_seen for s in evaluation.statuses if s.last_seen is not None}
    assert found == expected
    assert disputed  # the data has sightings set aside, and at the end of it, in the walk:
    assert evaluation.disputed or days_back > 0
