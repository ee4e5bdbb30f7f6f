"""`tracker run`: APScheduler polls each feed on its own interval and evaluates regularly.

Jobs coalesce and never overlap themselves; SIGINT/SIGTERM stop the scheduler after
the running jobs finish. A failing job is logged and retried on its next run.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from tracker.config import FeedConfig
from tracker.jobs import Tracker

log = logging.getLogger("tracker.daemon")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def run_daemon(
    tracker: Tracker,
    *,
    clock: Callable[[], datetime] = _utcnow,
    stop: threading.Event | None = None,
    install_signals: bool = True,
) -> None:
    stop = stop or threading.Event()
    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300},
    )

    def poll_one(feed: FeedConfig) -> None:
        result = tracker.poll_feed(feed, clock())
        if result.error:
            log.warning("feed failed: %s: %s", feed.url, result.error)
        else:
            log.info(
                "polled %s: %d entries, %d new, %d findings",
                feed.url,
                result.entries,
                result.new_entries,
                result.findings,
            )

    def evaluate() -> None:
        now = clock()
        evaluation = tracker.evaluate(now, now)
        for alert in evaluation.alerts:
            log.info("alert stored: %s", alert.subject)
        report = tracker.deliver(clock())
        for alert, where in report.delivered:
            log.info("delivered: %s -> %s", alert.subject, where)
        for alert, error in report.failed:
            log.warning("delivery failed, will retry: %s: %s", alert.subject, error)

    start = clock()
    for index, feed in enumerate(tracker.config.feeds):
        scheduler.add_job(
            poll_one,
            IntervalTrigger(seconds=feed.interval.total_seconds(), timezone=UTC),
            args=[feed],
            id=f"feed-{index}",
            name=f"poll {feed.name}",
            next_run_time=start,
        )
    scheduler.add_job(
        evaluate,
        IntervalTrigger(seconds=tracker.config.evaluate_every.total_seconds(), timezone=UTC),
        id="evaluate",
        name="evaluate and deliver",
        next_run_time=start + timedelta(seconds=5),
    )

    def handle(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s, stopping", signal.Signals(signum).name)
        stop.set()

    if install_signals:
        signal.signal(signal.SIGINT, handle)
        signal.signal(signal.SIGTERM, handle)
    scheduler.start()
    log.info(
        "tracker running: %d feeds, %d officials",
        len(tracker.config.feeds),
        len(tracker.config.officials),
    )
    try:
        while not stop.wait(1.0):
            pass
    finally:
        scheduler.shutdown(wait=True)
        log.info("stopped")
