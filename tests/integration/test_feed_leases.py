"""Feed leases, worker rows and the leader lock on a real SQLite file and a real
PostgreSQL server (issue 13): each due feed goes to one worker per interval, a dead
worker's feeds come back after one lease, one worker leads at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text, update
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from tests.helpers import database_url
from tracker.store import health, leases, repo, workers
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.health import Health
from tracker.store.leader import Leadership
from tracker.store.tables import FeedRow, WorkerRow

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
LEASE = timedelta(seconds=90)
S = timedelta(seconds=1)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    url = database_url(request, tmp_path_factory.mktemp("leases"), "leases")
    made = open_engine(url)
    try:
        yield made
    finally:
        made.dispose()


def _feeds(engine: Engine, n: int, **values: Any) -> list[str]:
    """n config feeds, and nothing else (no worker rows); `values` set on all of them."""
    urls = [f"https://wire{i}.example/rss" for i in range(n)]
    with session_for(engine) as session:
        session.exec(text("DELETE FROM feed"))  # type: ignore[call-overload]
        session.exec(text("DELETE FROM worker"))  # type: ignore[call-overload]
        session.commit()
        repo.sync_config_feeds(session, [(u, "", "") for u in urls])
        if values:
            session.exec(update(FeedRow).values(**values))  # type: ignore[call-overload]
            session.commit()
    return urls


def _claim(
    engine: Engine, urls: list[str], owner: int, now: datetime, limit: int = 1000
) -> set[str]:
    with session_for(engine) as session:
        got = leases.claim_due(session, urls, owner=owner, now=now, until=now + LEASE, limit=limit)
    return set(got)


CLAIMABLE = [
    ("never polled", {}, True),
    (
        "due, its lease ran out",
        {"next_poll_at": NOW - S, "lease_owner": 1, "lease_until": NOW - S},
        True,
    ),
    ("its lease ends exactly now", {"lease_owner": 1, "lease_until": NOW}, True),
    ("another worker's lease runs", {"lease_owner": 1, "lease_until": NOW + S}, False),
    ("polled, next poll later", {"next_poll_at": NOW + S}, False),
    ("disabled", {"disabled_at": NOW - timedelta(days=1)}, False),
    ("Retry-After pending", {"retry_until": NOW + S}, False),
]


@pytest.mark.parametrize(("case", "values", "claimable"), CLAIMABLE, ids=[c[0] for c in CLAIMABLE])
def test_a_feed_is_claimed_only_when_due_and_nobody_holds_it(
    engine: Engine, case: str, values: dict[str, Any], claimable: bool
) -> None:
    urls = _feeds(engine, 1, **values)
    assert _claim(engine, urls, owner=2, now=NOW) == (set(urls) if claimable else set()), case


def test_a_claimed_feed_is_nobody_elses_until_its_lease_runs_out(engine: Engine) -> None:
    urls = _feeds(engine, 3)
    assert _claim(engine, urls, owner=1, now=NOW) == set(urls)
    assert _claim(engine, urls, owner=2, now=NOW + LEASE - S) == set()
    # worker 1 died without recording its polls: one lease later, worker 2 takes them
    assert _claim(engine, urls, owner=2, now=NOW + LEASE) == set(urls)
    with session_for(engine) as session:
        assert leases.held_by(session, 2, NOW + LEASE) == sorted(urls)
        assert leases.held_by(session, 1, NOW + LEASE) == []


def test_a_claim_takes_at_most_its_limit_most_overdue_first(engine: Engine) -> None:
    urls = _feeds(engine, 5)
    with session_for(engine) as session:
        for i, url in enumerate(urls):  # wire4 is the most overdue, wire0 the least
            row = session.exec(select(FeedRow).where(FeedRow.url == url)).one()
            row.next_poll_at = NOW - timedelta(minutes=i)
            session.add(row)
        session.commit()
    assert _claim(engine, urls, owner=1, now=NOW, limit=2) == {urls[4], urls[3]}
    assert _claim(engine, urls, owner=2, now=NOW, limit=2) == {urls[2], urls[1]}


def test_a_recorded_poll_releases_the_lease_and_the_feed_is_not_due_again_that_interval(
    engine: Engine,
) -> None:
    urls = _feeds(engine, 2)
    assert _claim(engine, urls, owner=1, now=NOW) == set(urls)
    with session_for(engine) as session:  # what polling writes with each result
        ids = {row.url: row.id or 0 for row in session.exec(select(FeedRow)).all()}
        polled = [
            Health(ids[url], NOW, 0, NOW + timedelta(minutes=15), lease_owner=owner)
            for url, owner in ((urls[0], 1), (urls[1], 2))
        ]
        health.record(session, polled)
        session.commit()
        rows = {row.url: row for row in session.exec(select(FeedRow)).all()}
        assert (rows[urls[0]].lease_owner, rows[urls[0]].lease_until) == (None, None)
        assert rows[urls[1]].lease_owner == 1  # not 2's lease to end: 1 still holds it
    assert _claim(engine, urls[:1], owner=2, now=NOW + LEASE) == set()
    assert _claim(engine, urls[:1], owner=2, now=NOW + timedelta(minutes=15)) == {urls[0]}


def test_only_the_owner_renews_or_releases_a_lease(engine: Engine) -> None:
    urls = _feeds(engine, 2)
    assert _claim(engine, urls[:1], owner=1, now=NOW) == {urls[0]}
    assert _claim(engine, urls[1:], owner=2, now=NOW) == {urls[1]}
    later = NOW + LEASE
    with session_for(engine) as session:  # worker 1 still polls wire0; wire1 is not its own
        assert leases.renew(session, urls, owner=1, until=later + LEASE) == 1
    assert _claim(engine, urls, owner=3, now=later) == {urls[1]}  # 2's ran out, 1's renewed
    with session_for(engine) as session:
        assert leases.release_all(session, 1) == 1
        assert leases.held_by(session, 3, later) == [urls[1]]
    assert _claim(engine, urls, owner=4, now=later) == {urls[0]}


def test_workers_claiming_at_once_share_the_feeds_without_overlap(engine: Engine) -> None:
    urls = _feeds(engine, 200)
    got: dict[int, list[str]] = {1: [], 2: [], 3: []}
    start = threading.Barrier(3)

    sizes: list[int] = []

    def work(owner: int) -> None:
        start.wait()
        while claimed := _claim(engine, urls, owner=owner, now=NOW, limit=7):
            got[owner] += claimed
            sizes.append(len(claimed))

    threads = [threading.Thread(target=work, args=(o,)) for o in got]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    every = [u for claimed in got.values() for u in claimed]
    assert sorted(every) == sorted(urls)  # each feed once: no overlap, none left out
    assert max(sizes) == 7  # never more than asked for (a worker claims its free slots)


# --- worker rows ---------------------------------------------------------------------

STATES = [
    (timedelta(seconds=0), 5.0, "running"),
    (timedelta(seconds=15), 5.0, "running"),  # three beats late is still alive
    (timedelta(seconds=15.1), 5.0, "stale"),
    (timedelta(seconds=4), 1.0, "stale"),
    (timedelta(hours=2), 5.0, "stale"),
]


@pytest.mark.parametrize(("age", "beat_seconds", "expected"), STATES)
def test_a_worker_is_stale_once_it_missed_three_beats(
    age: timedelta, beat_seconds: float, expected: str
) -> None:
    row = WorkerRow(host="h", pid=1, started_at=NOW, beat_at=NOW, beat_seconds=beat_seconds)
    assert workers.state(row, NOW + age) == expected


def test_worker_rows_beat_list_and_go_at_a_clean_exit(engine: Engine) -> None:
    _feeds(engine, 0)
    with session_for(engine) as session:
        old = workers.register(
            session, host="news2", pid=512, now=NOW - timedelta(days=2), beat_seconds=5
        )
        dead = workers.register(session, host="news2", pid=977, now=NOW - S * 60, beat_seconds=5)
        me = workers.register(session, host="news1", pid=4242, now=NOW, beat_seconds=5)
        assert session.get(WorkerRow, old.id) is None  # stale for over a day: forgotten
        workers.beat(session, me, now=NOW + S * 5, polled=12, leader=True)
        shown = workers.listing(session, NOW + S * 6)
        assert [(w.host, w.pid, w.state, w.leader, w.feeds_polled) for w in shown] == [
            ("news1", 4242, "running", True, 12),
            ("news2", 977, "stale", False, 0),
        ]
        # a row removed by hand while the worker lives comes back at its next beat
        workers.unregister(session, me.id or 0)
        workers.beat(session, me, now=NOW + S * 10, polled=13, leader=False)
        back = session.exec(select(WorkerRow).where(col(WorkerRow.id) == me.id)).one()
        assert (back.pid, back.feeds_polled, back.started_at) == (4242, 13, NOW)
        workers.unregister(session, dead.id or 0)
        assert [w.pid for w in workers.listing(session, NOW)] == [4242]
        # ids are never reused, even after the newest row went (a lease names its worker)
        workers.unregister(session, me.id or 0)
        again = workers.register(session, host="news1", pid=1, now=NOW, beat_seconds=5)
        assert (again.id or 0) > (me.id or 0)


# --- the leader ----------------------------------------------------------------------


def test_one_worker_leads_at_a_time_and_another_takes_over_when_its_session_dies(
    engine: Engine,
) -> None:
    first, second = Leadership(engine), Leadership(engine)
    try:
        if engine.dialect.name == "sqlite":  # one daemon per file: it always leads
            assert first.check() and second.check() and first.held
            return
        assert first.check() and not second.check()
        assert first.check() and first.held and not second.held  # still held, re-checked
        with engine.connect() as conn:  # the leader's session dies (a SIGKILL, a lost host)
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks"
                    " WHERE locktype = 'advisory' AND pid <> pg_backend_pid()"
                )
            )
        assert _eventually(second.check)
        assert not first.check() and not first.held
        second.release()  # a clean exit hands over at once
        assert first.check()
    finally:
        first.release()
        second.release()


def _eventually(check: Any, tries: int = 50) -> bool:
    for _ in range(tries):
        if check():
            return True
        time.sleep(0.1)
    return False
