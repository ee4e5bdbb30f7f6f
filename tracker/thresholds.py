"""Which silence is remarkable for this person: a fixed threshold, or one learned from
their own rhythm. Pure: days seen and `as_of` in, a threshold and its reason out.

Adaptive formula (documented in docs/alerts.md):

    gaps      = days between consecutive days seen, within `window` before as_of
    typical   = median(gaps)
    threshold = clamp(multiple x typical, floor, ceiling)

A minister seen every day (typical gap 1 day) is remarkable after 4 days; one seen
weekly after 28. With fewer than `min_gaps` gaps in the window there is no rhythm to
learn, and the fixed threshold applies.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker.durations import format_duration


@dataclass(frozen=True)
class AdaptivePolicy:
    multiple: float = 4.0
    window: timedelta = timedelta(days=90)
    floor: timedelta = timedelta(days=3)
    ceiling: timedelta = timedelta(days=30)
    min_gaps: int = 4


@dataclass(frozen=True)
class Threshold:
    value: timedelta
    how: str  # why this value, for `tracker status`


def _days(value: timedelta) -> str:
    return f"{value.total_seconds() / 86400:.1f}d"


def threshold_for(
    fixed: timedelta,
    adaptive: AdaptivePolicy | None,
    days_seen: Iterable[date],
    as_of: datetime,
) -> Threshold:
    if adaptive is None:
        return Threshold(fixed, f"fixed {format_duration(fixed)}")
    start = (as_of - adaptive.window).date()
    days = sorted({d for d in days_seen if start <= d <= as_of.date()})
    gaps = [(b - a).days for a, b in itertools.pairwise(days)]
    if len(gaps) < adaptive.min_gaps:
        return Threshold(
            fixed,
            f"fixed {format_duration(fixed)} (adaptive needs {adaptive.min_gaps} gaps in "
            f"{format_duration(adaptive.window)}, has {len(gaps)})",
        )
    typical = timedelta(days=statistics.median(gaps))
    raw = typical * adaptive.multiple
    value = min(max(raw, adaptive.floor), adaptive.ceiling)
    bounded = "" if value == raw else f", bounded to {_days(value)}"
    return Threshold(
        value,
        f"adaptive: {adaptive.multiple:g} x median gap {_days(typical)} over "
        f"{format_duration(adaptive.window)} ({len(days)} days seen) = {_days(raw)}{bounded}",
    )
