"""How long has each official been silent, as of a given time. Pure: no clock, no I/O.

Rules:
- Only sightings published by `as_of` count (what the tracker knew then).
- Last seen is the latest sighting by `seen_at` (the day it happened, noon UTC, never
  after its publication).
- `silent` once the silence reaches the threshold, else `ok`.
- `unseen` when nothing is on record; the silence then counts from `watching_since`.
- Sightings that absence reports contradict (tracker/corroborate.py) are set aside by
  the caller before they get here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from tracker.domain import Official, OfficialStatus, Sighting, Status


def last_sighting(sightings: Iterable[Sighting], as_of: datetime) -> Sighting | None:
    known = [s for s in sightings if s.published <= as_of and s.seen_at <= as_of]
    if not known:
        return None
    return max(known, key=lambda s: (s.seen_at, s.published))


def evaluate(
    official: Official,
    sightings: Iterable[Sighting],
    as_of: datetime,
    *,
    watching_since: datetime | None = None,
    threshold: timedelta | None = None,
    threshold_how: str = "",
) -> OfficialStatus:
    """`threshold` (with `threshold_how`, why it is that) overrides the official's own, as
    a threshold learned from the person's rhythm does."""
    threshold = official.threshold if threshold is None else threshold
    last = last_sighting(sightings, as_of)
    if last is None:
        silent_for = (
            max(as_of - watching_since, timedelta(0)) if watching_since is not None else None
        )
        return OfficialStatus(
            name=official.name,
            status=Status.UNSEEN,
            as_of=as_of,
            threshold=threshold,
            last_seen=None,
            silent_for=silent_for,
            watching_since=watching_since,
            threshold_how=threshold_how,
        )
    silent_for = max(as_of - last.seen_at, timedelta(0))
    return OfficialStatus(
        name=official.name,
        status=Status.SILENT if silent_for >= threshold else Status.OK,
        as_of=as_of,
        threshold=threshold,
        last_seen=last.date,
        silent_for=silent_for,
        evidence=last,
        watching_since=watching_since,
        threshold_how=threshold_how,
    )


_RANK = {Status.SILENT: 0, Status.UNSEEN: 1, Status.OK: 2}


def by_urgency(statuses: Sequence[OfficialStatus]) -> list[OfficialStatus]:
    """Silent first (longest past threshold first), then unseen, then ok (closest to it)."""

    def key(s: OfficialStatus) -> tuple[int, float, str]:
        share = (s.silent_for / s.threshold) if s.silent_for is not None else 0.0
        return (_RANK[s.status], -share, s.name)

    return sorted(statuses, key=key)
