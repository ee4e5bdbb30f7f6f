"""Backtesting: feed stored-up entries to a fresh tracker in publication order, stepping
the clock, evaluating and alerting at each step exactly as the daemon would have.

It answers: with this watchlist and these thresholds, when would we have been told?
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from tracker.domain import OfficialStatus, Status
from tracker.evaluate import Evaluation
from tracker.feeds.fetch import FetchError, fetch
from tracker.feeds.parse import FeedParseError, ParsedEntry, parse_feed
from tracker.jobs import Tracker, expand_paths
from tracker.notify.smtp import Transport
from tracker.store import repo
from tracker.store.engine import session as session_for
from tracker.store.tables import FeedRow


@dataclass(frozen=True)
class StatusChange:
    at: datetime
    before: OfficialStatus | None
    after: OfficialStatus


@dataclass(frozen=True)
class Sent:
    at: datetime
    subject: str
    where: str


@dataclass
class ReplayResult:
    start: datetime
    end: datetime
    steps: int = 0
    entries: int = 0
    skipped_undated: int = 0
    outside_window: int = 0
    problems: list[str] = field(default_factory=list)
    final: Evaluation | None = None


@dataclass(frozen=True)
class _Item:
    feed: str
    parsed: ParsedEntry


def load_entries(paths: Sequence[Path], now: datetime) -> tuple[list[_Item], list[str], int]:
    """All entries of all files, with problems named per file; undated entries are counted."""
    items: list[_Item] = []
    problems: list[str] = []
    undated = 0
    for path in expand_paths(paths):
        try:
            parsed = parse_feed(fetch(str(path)).data, fallback_time=now)
        except (FetchError, FeedParseError) as exc:
            problems.append(f"{path}: {exc}")
            continue
        if parsed.problem:
            problems.append(f"{path}: {parsed.problem}")
        for entry in parsed.entries:
            if entry.dated:
                items.append(_Item(str(path), entry))
            else:
                undated += 1
    items.sort(key=lambda i: i.parsed.entry.published)
    return items, problems, undated


def replay(
    tracker: Tracker,
    paths: Sequence[Path],
    *,
    start: datetime | None,
    end: datetime | None,
    step: timedelta,
    transport: Transport,
    now: datetime,
    on_change: Callable[[StatusChange], None] = lambda _: None,
    on_sent: Callable[[Sent], None] = lambda _: None,
) -> ReplayResult:
    items, problems, undated = load_entries(paths, now)
    if start is None:
        start = (
            items[0].parsed.entry.published.replace(hour=0, minute=0, second=0, microsecond=0)
            if items
            else now
        )
    if end is None:
        end = items[-1].parsed.entry.published + step if items else start + step
    window = [i for i in items if start <= i.parsed.entry.published <= end]
    result = ReplayResult(
        start=start,
        end=end,
        skipped_undated=undated,
        outside_window=len(items) - len(window),
        problems=problems,
    )
    feeds: dict[str, FeedRow] = {}
    with session_for(tracker.engine) as session:
        for item in window:
            if item.feed not in feeds:
                feeds[item.feed] = repo.get_feed(session, item.feed, Path(item.feed).name)

    previous: dict[str, OfficialStatus] = {}
    position = 0
    t = start
    while True:
        t = min(t + step, end)
        due: dict[str, list[ParsedEntry]] = {}
        while position < len(window) and window[position].parsed.entry.published <= t:
            due.setdefault(window[position].feed, []).append(window[position].parsed)
            position += 1
        for feed, entries in due.items():
            _seen, new, _found = tracker.ingest_entries(feeds[feed], entries, t)
            result.entries += new
        evaluation = tracker.evaluate(t, t, watching_since=start)
        result.steps += 1
        for status in evaluation.statuses:
            before = previous.get(status.name)
            if before is None and status.status is Status.UNSEEN:
                previous[status.name] = status
                continue
            if before is None or before.status is not status.status:
                on_change(StatusChange(t, before, status))
            previous[status.name] = status
        report = tracker.deliver(t, transport)
        for alert, where in report.delivered:
            on_sent(Sent(t, alert.subject, where))
        for alert, error in report.failed:
            result.problems.append(f"{alert.subject}: {error}")
        result.final = evaluation
        if t >= end:
            break
    return result
