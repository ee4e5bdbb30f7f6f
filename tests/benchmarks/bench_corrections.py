"""What corrections cost the evaluation: statuses honouring them (the set-aside ids read
once and left out by every statement, the sightings by hand added), with no corrections
and with many, against the same evaluation ignoring them."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import true
from sqlmodel import col, select

from tests.benchmarks.bench_ingest import OFFICIALS, typical_feed
from tests.benchmarks.timing import compare, report
from tracker.config import parse_config
from tracker.feeds.parse import parse_feed
from tracker.jobs import Tracker
from tracker.store import alert_store, corrections, repo
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import FindingRow

NOW = datetime(2025, 12, 1, tzinfo=UTC)


def filled(feeds: int, corrected: int) -> Tracker:
    """A database of `feeds` synthetic feeds of 50 entries (every entry names officials),
    with `corrected` appearances rejected."""
    config = parse_config(
        {"officials": [{"name": n, "aliases": a} for n, a in OFFICIALS]}, path=None, env={}
    )
    tracker = Tracker(config, open_engine("sqlite://"), now=NOW)
    with session_for(tracker.engine) as session:
        for i in range(feeds):
            feed = repo.get_feed(session, f"bench-{i}")
            data = typical_feed(seed=i).replace(b"bench", f"bench{i}".encode())  # distinct
            tracker.ingest_entries(feed, parse_feed(data, fallback_time=NOW).entries, NOW)
        ids = session.exec(
            select(col(FindingRow.id)).where(FindingRow.kind == "appearance").limit(corrected)
        ).all()
        for finding_id in ids:
            corrections.reject(session, finding_id or 0, reason="bench", author="bench", now=NOW)
    return tracker


@contextmanager
def without_clause() -> Any:
    """The same queries as before corrections existed: nothing read, nothing set aside."""
    saved = repo.standing, alert_store.standing, corrections.in_force
    repo.standing = alert_store.standing = lambda _session: true()  # type: ignore[assignment]
    corrections.in_force = lambda _s, _a: corrections.InForce(frozenset(), {})  # type: ignore[assignment]
    try:
        yield
    finally:
        repo.standing, alert_store.standing, corrections.in_force = saved


def measure(feeds: int, corrected: int) -> None:
    tracker = filled(feeds, corrected)
    with session_for(tracker.engine) as session:
        findings = len(session.exec(select(FindingRow.id)).all())
    as_of = NOW + timedelta(days=1)

    def plain() -> object:
        with without_clause():
            return tracker.statuses(as_of)

    def with_clause() -> object:
        return tracker.statuses(as_of)

    print(f"  {findings} findings, {len(OFFICIALS)} officials, {corrected} corrections")
    baseline = "statuses, no correction clause (baseline)"
    report(compare({baseline: plain, "statuses, with it": with_clause}), baseline)
    tracker.close()


def main() -> None:
    for corrected in (0, 10, 200):  # none (the usual), a few, far more than a desk makes
        measure(10, corrected)


if __name__ == "__main__":
    main()
