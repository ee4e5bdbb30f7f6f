"""Three real `tracker run` workers on one PostgreSQL started by the test (issue 13):
200 feeds on a local HTTP server that logs each request, alerts to a real SMTP server.

- every feed is fetched once per interval, not three times, and the three share them;
- every alert is delivered once;
- a SIGKILLed worker's claimed feeds are fetched by another within one lease;
- when the leader is SIGKILLed, another worker leads: evaluation and delivery go on.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import SmtpSink
from tests.feedserver import FeedServer
from tests.fleet import (
    Db,
    Farm,
    feed_xml,
    kill,
    sighting_today,
    stop,
    wait_for,
    write_config,
)
from tests.helpers import run_cli, start_logged_daemon
from tests.pgdb import fresh_database

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(300)]

FEEDS = 200
INTERVAL = 10.0  # seconds
# a lease is total_timeout + lease_margin: 4 s, well under the interval, so a re-fetch
# within one lease cannot be the feed simply coming due again
POLLING = {"concurrency": 40, "per_host": 40, "total_timeout": 2, "lease_margin": 2}
LEASE = 4.0
TICK = 1.0  # the daemon's feed tick: a free feed is claimed at the next one


def _gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in itertools.pairwise(times)]


def test_three_workers_fetch_each_feed_once_per_interval_and_survive_a_kill(
    tmp_path: Path, postgres_url: str, smtp_server: SmtpSink
) -> None:
    url = fresh_database(postgres_url, "workers")
    db = Db(url)
    with FeedServer() as server:
        farm = Farm(server, FEEDS, delay=0.3)
        # one config each, the same but for the User-Agent: the feed server's log tells
        # which worker sent each request
        configs = [
            write_config(
                tmp_path,
                url,
                farm.urls(),
                interval=f"{INTERVAL:g}s",
                smtp_port=smtp_server.port,
                polling={**POLLING, "user_agent": _agent(i)},
                filename=f"worker{i}.toml",
            )
            for i in range(3)
        ]
        procs = [
            start_logged_daemon(config, tmp_path / f"worker{i}.log")
            for i, config in enumerate(configs)
        ]
        try:
            _run(farm, db, procs, configs[0], smtp_server)
        finally:
            for proc in procs:
                kill(proc)
            db.close()


def _run(farm: Farm, db: Db, procs: list, config: Path, smtp: SmtpSink) -> None:
    # 1. every feed polled, the three silences alerted
    assert wait_for(lambda: len(farm.snapshot()) == FEEDS, 90), "not every feed was polled"
    assert wait_for(lambda: _alert_states(db) == {"delivered"} and len(_alerts(db)) == 3, 30)

    # 2. the three share the feeds (each has polled some by its latest beat); one leads
    assert wait_for(lambda: _each_polled(db, 3), 3 * INTERVAL), db.rows("select * from worker")
    shown = json.loads(run_cli("--config", str(config), "workers", "--json").stdout)["workers"]
    assert sorted(w["pid"] for w in shown) == sorted(p.pid for p in procs)
    assert [w["state"] for w in shown] == ["running"] * 3
    assert sum(w["leader"] for w in shown) == 1 and shown[0]["leader"]  # leader first
    assert all(w["feeds_polled"] > 0 for w in shown), shown  # the work is shared

    # 3. SIGKILL a worker that is not the leader while it holds leases
    rows = wait_for(lambda: db.workers() if len(db.workers()) == 3 else None, 10)
    victim = next(p for p in procs if not rows[p.pid][1])
    victim_id = rows[victim.pid][0]
    assert wait_for(lambda: _held(db, victim_id), 2 * INTERVAL), "it never held a lease"
    gone = _agent(procs.index(victim))
    kill(victim)
    killed_at = time.time()
    orphans = dict(_held(db, victim_id))  # path -> when its lease runs out
    assert orphans
    for path, until in orphans.items():
        assert until - killed_at <= LEASE + 0.5  # a lease, not more (clock: this host's)

        # by another worker: the victim's own request, sent just before the kill, may
        # reach the server's log after it
        def refetched(path: str = path) -> float | None:
            after = [t for t, by in farm.fetched_by(path) if t > killed_at and by != gone]
            return after[0] if after else None

        at = wait_for(refetched, LEASE + 3 * TICK + 5)
        assert at is not None, f"{path} was not polled again after its worker died"
        assert until - 0.5 <= at <= until + 2 * TICK + 1, (path, until, at)  # not before

    # 4. SIGKILL the leader; Lavrov is seen again: the remaining worker leads and alerts
    leader = next(p for p in procs if p is not victim and db.workers()[p.pid][1])
    survivor = next(p for p in procs if p not in (victim, leader))
    leader_id = db.workers()[leader.pid][0]
    kill(leader)
    orphans.update(_held(db, leader_id))
    farm.publish(0, feed_xml(0, extra=sighting_today("Sergey Lavrov", time.time())))
    survivor_id = db.workers()[survivor.pid][0]
    assert wait_for(lambda: db.workers().get(survivor.pid, (0, False))[1], 3 * INTERVAL)
    assert wait_for(
        lambda: len(_alerts(db)) == 4 and _alert_states(db) == {"delivered"}, 3 * INTERVAL
    )
    assert stop(survivor) == 0
    assert survivor_id not in {w for w, _ in db.workers().values()}  # removed at a clean exit

    # every feed fetched once per interval (three uncoordinated workers would fetch each
    # thrice within a second), except the killed workers' unfinished polls, taken over
    # within one lease. An interval runs from the claim, and under load the request may
    # leave a few seconds after it: two fetches of a feed are more than half an interval
    # apart, and a feed is fetched at most once per interval over the whole run
    fetches = farm.snapshot()
    span = max(t for times in fetches.values() for t in times) - min(fetches["/f0.xml"])
    for path, times in fetches.items():
        if path in orphans:
            continue
        assert min(_gaps(times)) > INTERVAL / 2, (path, times)
        assert len(times) <= span / INTERVAL + 1, (path, times)
    # every alert delivered once: one SMTP message per message id, one per alert stream
    ids = Counter(str(m["Message-ID"]) for m in smtp.messages)
    assert ids and set(ids.values()) == {1}, ids
    sent = {row[1] for row in _alerts(db)}
    assert set(ids) == sent, (ids, sent)
    subjects = [str(m["Subject"]) for m in smtp.messages]
    assert sum("Sergey Lavrov seen again" in s for s in subjects) == 1, subjects


def _agent(worker: int) -> str:
    return f"tracker-test/worker{worker}"


def _each_polled(db: Db, workers: int) -> bool:
    counts = [n for (n,) in db.rows("select feeds_polled from worker")]
    return len(counts) == workers and min(counts) > 0


def _alerts(db: Db) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.rows("select state, sent_message_id from alert")]


def _alert_states(db: Db) -> set[str]:
    return {state for state, _ in _alerts(db)}


def _held(db: Db, worker_id: int) -> list[tuple[str, float]]:
    now = datetime.now(UTC)
    rows = db.rows(
        "select url, lease_until from feed where lease_owner = :w and lease_until > :now",
        w=worker_id,
        now=now,
    )
    return [("/" + r[0].rsplit("/", 1)[1], r[1].timestamp()) for r in rows]


def test_tracker_workers_lists_the_one_sqlite_worker_and_shows_it_stale_once_killed(
    tmp_path: Path,
) -> None:
    with FeedServer() as server:
        farm = Farm(server, 2)
        # a lease of 3 s: a beat every second, stale after three missed beats
        polling = {"total_timeout": 1, "lease_margin": 2}
        config = write_config(
            tmp_path, "sqlite:///t.db", farm.urls(), interval="1h", polling=polling
        )
        proc = start_logged_daemon(config, tmp_path / "worker.log")
        try:
            db = Db(f"sqlite:///{tmp_path / 't.db'}")
            polled = "select feeds_polled from worker"
            assert wait_for(lambda: db.rows(polled) == [(2,)], 60), (
                tmp_path / "worker.log"
            ).read_text()
            table = run_cli("--config", str(config), "workers", env={"COLUMNS": "200"})
            assert table.returncode == 0, table.stderr
            header, row, *rest = table.stdout.splitlines()
            assert header.split() == [
                "HOST",
                "PID",
                "STATE",
                "STARTED",
                "LAST",
                "BEAT",
                "FEEDS",
                "POLLED",
                "LEADER",
            ]
            assert row.split()[1:3] == [str(proc.pid), "running"] and row.split()[-1] == "yes"
            assert rest == []
            kill(proc)
            time.sleep(3.5)
            shown = json.loads(run_cli("--config", str(config), "workers", "--json").stdout)
            [worker] = shown["workers"]
            assert (worker["pid"], worker["state"], worker["leader"]) == (proc.pid, "stale", False)
            assert worker["feeds_polled"] == 2 and worker["beat_age_seconds"] > 3
        finally:
            kill(proc)
            db.close()
