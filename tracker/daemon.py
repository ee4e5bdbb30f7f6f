"""`tracker run`: polls each feed when it is due, evaluates and delivers regularly.

Feeds: every second a tick on the tracker's event loop starts a task for each feed
whose next poll time has come (its interval, stretched by the feed's own hints, or
backed off after failures; see tracker.feeds.schedule) and that is not still running.
The tasks share the HTTP clients (one per host, keep-alive) and the global and
per-host limits; a
slow feed never delays the others. Next poll times are stored, so a restart keeps them.

Evaluation and delivery: an APScheduler job every `evaluate_every`, which coalesces and
never overlaps itself, logging one line of what it decided. SIGINT/SIGTERM stop both;
feeds being polled get STOP_GRACE seconds to finish, then are cancelled.

Several workers on one PostgreSQL share the work (issue 13): each has a worker row with
a heartbeat (tracker/store/workers.py), claims the due feeds it polls with a lease
(tracker/store/leases.py; renewed at each beat while it polls them), and only the one
leader evaluates and delivers (tracker/store/leader.py). On SQLite there is one daemon
per file (tracker/store/daemon_lock.py), which leads, with the same rows and leases.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import SQLAlchemyError

from tracker.domain import OfficialStatus
from tracker.feeds.fetch import HostClients, Limiter
from tracker.jobs import FeedResult, Tracker
from tracker.notify.outbox import DeliveryReport
from tracker.notify.plan import waiting_line
from tracker.store import leases, workers
from tracker.store.daemon_lock import daemon_lock
from tracker.store.engine import session as session_for
from tracker.store.leader import Leadership
from tracker.store.tables import WorkerRow

log = logging.getLogger("tracker.daemon")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def log_result(result: FeedResult) -> None:
    """One line per poll, naming the feed as the user named it (its URL goes along as a
    field for JSON logs)."""
    name = result.name or result.url
    fields = {"feed": name, "url": result.url}
    if result.error:
        log.warning("feed failed: %s: %s", name, result.error, extra=fields)
    elif result.status == "not_modified":
        log.info("polled %s: not modified", name, extra=fields)
    else:
        log.info(
            "polled %s: %d entries, %d new, %d duplicates, %d findings%s",
            name,
            result.entries,
            result.new_entries,
            result.duplicates,
            result.findings,
            f" (warning: {result.problem})" if result.problem else "",
            extra={**fields, "new": result.new_entries, "findings": result.findings},
        )


def evaluation_line(
    statuses: Sequence[OfficialStatus],
    before: Mapping[str, str],
    alerts_due: int,
    report: DeliveryReport,
) -> str:
    """What an evaluation decided, in one line: who changed state, what went out."""
    counts = Counter(s.status.value for s in statuses)
    states = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
    changes = [
        f"{s.name} {before[s.name]} -> {s.status.value}"
        for s in statuses
        if s.name in before and before[s.name] != s.status.value
    ]
    line = f"evaluated {_plural(len(statuses), 'official')} ({states or 'none'})"
    line += f"; {_plural(len(changes), 'status change')}"
    line += f" ({'; '.join(changes)})" if changes else ""
    line += f"; {_plural(alerts_due, 'alert')} due, {len(report.delivered)} delivered"
    line += f", {len(report.failed)} failed"
    return line + (f", {len(report.superseded)} superseded" if report.superseded else "")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def evaluate_and_deliver(
    tracker: Tracker,
    clock: Callable[[], datetime] = _utcnow,
    before: dict[str, str] | None = None,
) -> None:
    """The daemon's regular job: evaluate, deliver, log one summary line, and each alert
    still waiting. `before` holds the states of the last evaluation (updated here)."""
    now = clock()
    evaluation = tracker.evaluate(now, now)
    for alert in evaluation.alerts:
        log.info("alert stored: %s", alert.subject)
    report = tracker.deliver(clock())
    previous = before if before is not None else {}
    log.info(
        "%s",
        evaluation_line(evaluation.statuses, previous, len(evaluation.alerts), report),
        extra={
            "officials": len(evaluation.statuses),
            "alerts_due": len(evaluation.alerts),
            "delivered": len(report.delivered),
            "failed": len(report.failed),
        },
    )
    if before is not None:
        before.clear()
        before.update((s.name, s.status.value) for s in evaluation.statuses)
    for alert, where in report.delivered:
        log.info("delivered: %s -> %s", alert.subject, where)
    for alert, error in report.failed:
        log.warning("delivery failed, will retry: %s: %s", alert.subject, error)
    for alert, reason in report.superseded:
        log.info("superseded: %s: %s", alert.subject, reason)
    for alert, reason in report.refused:
        log.error("refused for good, not retried: %s: %s", alert.subject, reason)
    for waiting in (w for w in tracker.waiting() if w.state != "failed"):  # failed: logged once
        log.warning("alert undelivered: %s", waiting_line(waiting))


STOP_GRACE = 5.0  # seconds running polls get to finish after SIGTERM
HEARTBEAT = 5.0  # seconds between beats; shorter when a third of the feed lease is shorter


def beat_seconds(lease: timedelta) -> float:
    """How often a worker beats: every HEARTBEAT seconds, and at least three times per
    lease, so that the leases it renews never run out while it lives."""
    return min(HEARTBEAT, lease.total_seconds() / 3)


def run_daemon(
    tracker: Tracker,
    *,
    clock: Callable[[], datetime] = _utcnow,
    stop: threading.Event | None = None,
    install_signals: bool = True,
    tick: float = 1.0,
) -> None:
    """Run until stopped. On a SQLite file, only if no other daemon runs on it (else
    AlreadyRunning, a StoreError: tracker.store.daemon_lock)."""
    with daemon_lock(tracker.engine), _as_worker(tracker, clock) as worker:
        _serve(
            tracker,
            worker,
            clock=clock,
            stop=stop,
            install_signals=install_signals,
            tick=tick,
        )


class Worker:
    """This daemon as one of the database's workers: its row, its beat, its lead."""

    def __init__(self, tracker: Tracker, row: WorkerRow) -> None:
        self.tracker = tracker
        self.row = row
        self.leadership = Leadership(tracker.engine)
        self.polled = 0  # feeds polled so far (counted on the event loop)
        self.polling: frozenset[str] = frozenset()  # URLs being polled, set on the loop

    def beat(self, now: datetime) -> None:
        """Say it lives; keep the leases of the feeds it still polls."""
        self.tracker.renew_leases(sorted(self.polling), now)
        with session_for(self.tracker.engine) as session:
            workers.beat(
                session, self.row, now=now, polled=self.polled, leader=self.leadership.held
            )

    def leads(self) -> bool:
        return self.leadership.check()


@contextmanager
def _as_worker(tracker: Tracker, clock: Callable[[], datetime]) -> Iterator[Worker]:
    """Register the worker row for the block; at a clean exit release its leases, its
    lead and its row, so that the others take over at once."""
    with session_for(tracker.engine) as session:
        row = workers.register(
            session,
            host=socket.gethostname(),
            pid=os.getpid(),
            now=clock(),
            beat_seconds=beat_seconds(tracker.lease),
        )
    worker = Worker(tracker, row)
    tracker.worker = row.id
    try:
        yield worker
    finally:
        tracker.worker = None
        worker.leadership.release()
        try:
            with session_for(tracker.engine) as session:
                leases.release_all(session, row.id or 0)
                workers.unregister(session, row.id or 0)
        except SQLAlchemyError as exc:  # the row goes stale and the leases run out
            log.warning("could not remove this worker's row: %s", exc)


FREED_PAUSE = 0.05  # seconds to wait after a slot frees, so that one claim fills several


def _pause(stop: threading.Event, freed: threading.Event | None, tick: float) -> bool:
    """Wait for the next feed tick; True when stopping. With every slot taken (`freed`
    given), the next tick comes as soon as a poll finishes: a worker claims at most as
    many feeds as it has slots, so with a backlog it must not leave a slot idle until
    the next second."""
    if freed is None:
        return stop.wait(tick)
    freed.wait(tick)
    return stop.wait(FREED_PAUSE)


def _serve(
    tracker: Tracker,
    worker: Worker,
    *,
    clock: Callable[[], datetime],
    stop: threading.Event | None,
    install_signals: bool,
    tick: float,
) -> None:
    stop = stop or threading.Event()
    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )

    states: dict[str, str] = {}  # each official's state at the last evaluation

    def evaluate() -> None:
        if worker.leads():  # the others poll only; one of them leads if this one dies
            evaluate_and_deliver(tracker, clock, states)

    def beat() -> None:
        try:
            worker.beat(clock())
        except Exception as exc:  # a database hiccup: beat again next time
            log.warning("heartbeat failed: %s", exc)

    scheduler.add_job(
        evaluate,
        IntervalTrigger(seconds=tracker.config.evaluate_every.total_seconds(), timezone=UTC),
        id="evaluate",
        name="evaluate and deliver",
        next_run_time=clock() + timedelta(seconds=5),
    )
    scheduler.add_job(
        beat,
        IntervalTrigger(seconds=worker.row.beat_seconds, timezone=UTC),
        id="beat",
        name="heartbeat",
    )

    client = HostClients(tracker.policy)
    limiter = Limiter(tracker.policy.concurrency, tracker.policy.per_host)
    running: dict[str, asyncio.Task[FeedResult]] = {}

    freed = threading.Event()  # a poll finished: one of the worker's slots is free

    async def feed_tick() -> bool:
        """Start the due feeds this worker claims; True when every slot is taken."""

        def done(task: asyncio.Task[FeedResult]) -> None:
            worker.polling = frozenset(running)
            freed.set()
            if not task.cancelled() and task.exception() is None:
                worker.polled += 1
                log_result(task.result())

        before = set(running.values())
        try:
            await tracker.start_due(clock(), client, limiter, running)
        except Exception:  # a database hiccup: log it, try again next tick
            log.exception("could not start due feeds")
        for task in set(running.values()) - before:
            task.add_done_callback(done)
        worker.polling = frozenset(running)
        return len(running) >= tracker.policy.concurrency

    async def drain() -> None:
        tasks = list(running.values())
        if tasks:
            log.info("waiting up to %.0f s for %d feed(s) being polled", STOP_GRACE, len(tasks))
            _done, pending = await asyncio.wait(tasks, timeout=STOP_GRACE)
            for task in pending:  # not recorded: polled again at the next start
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=2)
                log.info(
                    "stopped %d unfinished poll(s); they run again at the next start", len(pending)
                )
        await client.aclose()

    def handle(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s, stopping", signal.Signals(signum).name)
        stop.set()

    if install_signals:
        signal.signal(signal.SIGINT, handle)
        signal.signal(signal.SIGTERM, handle)
    scheduler.start()
    log.info(
        "tracker running: %d feeds, %d officials; worker %d (%s, pid %d)",
        len(tracker.feed_targets()),
        len(tracker.config.officials),
        worker.row.id,
        worker.row.host,
        worker.row.pid,
    )
    try:
        while True:
            freed.clear()
            full = tracker.submit(feed_tick()).result()  # a tick is quick
            if _pause(stop, freed if full else None, tick):
                break
    finally:
        scheduler.shutdown(wait=True)
        tracker.run(drain())
        tracker.sandbox.close()  # kills a document still being parsed
        log.info("stopped")
