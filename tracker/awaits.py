"""Awaited replies: "will Lavrov call Kerry back within 72 hours?" Pure.

A watch names an official, a start, a window and topic words. It is met by an
appearance of that official at or after the start whose evidence mentions one of
the topic words; it is overdue when the window passes without one.

Phases: open (waiting, in time) -> met (in time) | overdue (window passed) ->
met late (the reply came after the window).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from tracker.domain import Sighting
from tracker.folding import fold


class AwaitPhase(StrEnum):
    OPEN = "open"
    MET = "met"
    OVERDUE = "overdue"
    MET_LATE = "met_late"


@dataclass(frozen=True)
class Await:
    official: str
    since: datetime
    within: timedelta
    about: tuple[str, ...] = ()

    @property
    def deadline(self) -> datetime:
        return self.since + self.within

    @property
    def key(self) -> str:
        """Stable identity: one watch, one overdue alert, however often it is evaluated."""
        topic = ",".join(sorted(fold(a) for a in self.about))
        return f"{self.since.isoformat()}|{int(self.within.total_seconds())}|{topic}"


@dataclass(frozen=True)
class AwaitStatus:
    watch: Await
    phase: AwaitPhase
    as_of: datetime
    met_by: Sighting | None = None

    @property
    def closed(self) -> bool:
        return self.phase in (AwaitPhase.MET, AwaitPhase.MET_LATE)


def _about(watch: Await, sighting: Sighting) -> bool:
    if not watch.about:
        return True
    text = fold(f"{sighting.text} {sighting.title}")
    return any(fold(word) in text for word in watch.about)


def await_status(watch: Await, sightings: Iterable[Sighting], as_of: datetime) -> AwaitStatus:
    """Where a watch stands as of `as_of`, from that official's recorded appearances."""
    replies = sorted(
        (
            s
            for s in sightings
            if s.official == watch.official
            and s.published <= as_of
            and s.seen_at >= watch.since - timedelta(hours=12)  # a day-dated reply that day
            and s.date >= watch.since.date()
            and _about(watch, s)
        ),
        key=lambda s: (s.seen_at, s.published),
    )
    first = replies[0] if replies else None
    if first is not None and first.seen_at <= watch.deadline:
        return AwaitStatus(watch, AwaitPhase.MET, as_of, first)
    if as_of < watch.deadline:
        return AwaitStatus(watch, AwaitPhase.OPEN, as_of)
    if first is not None:
        return AwaitStatus(watch, AwaitPhase.MET_LATE, as_of, first)
    return AwaitStatus(watch, AwaitPhase.OVERDUE, as_of)
