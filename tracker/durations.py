"""Human durations such as "90m", "72h", "10d", "2w" (and combinations like "1d12h")."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from tracker.moments import duration_seconds

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([smhdw])")
_WHOLE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[smhdw]\s*)+$")


def parse_duration(text: str) -> timedelta:
    """Parse a duration; raises ValueError with a message fit for a user."""
    if not isinstance(text, str):
        raise ValueError(_bad(text))
    return _parsed(text)


def _bad(text: object) -> str:
    return f"bad duration {text!r}: use a number and a unit, e.g. '90m', '72h', '10d', '2w'"


@lru_cache(maxsize=1024)  # a watchlist repeats a few thresholds a thousand times
def _parsed(text: str) -> timedelta:
    if not _WHOLE.match(text.lower()):
        raise ValueError(_bad(text))
    seconds = sum(float(n) * _UNITS[u] for n, u in _PART.findall(text.lower()))
    return duration_seconds(seconds, text)  # in range: 0 < d <= 100 years


@lru_cache(maxsize=1024)  # every official's threshold, on every evaluation
def format_duration(value: timedelta) -> str:
    """Shortest exact form, so a threshold reads back as it was written."""
    seconds = int(value.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0 and seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
