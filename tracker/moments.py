"""The sane range of every moment, day, duration and id the tracker accepts from a user
(command-line options and the config file), so that nothing out of range ever reaches
the database or the date arithmetic of alerting. Pure: each check returns its value or
raises ValueError with a message fit for a user (the caller names the option or key).

- moments and days: from 1900-01-01 to 2200-12-31 (UTC);
- durations: greater than zero and at most 100 years;
- ids: 1 to 2**63 - 1 (SQLite's and PostgreSQL's 64-bit integers);
- numbers (seconds, shares): finite.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)
FIRST_MOMENT = datetime(1900, 1, 1, tzinfo=UTC)
LAST_MOMENT = datetime(2200, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
LONGEST = timedelta(days=36525)  # 100 years of 365.25 days
LARGEST_ID = 2**63 - 1

RANGE = "years 1900 to 2200"


def check_day(value: date) -> date:
    """A day in range."""
    day = value.date() if isinstance(value, datetime) else value
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"{value.isoformat()} is out of range ({RANGE})")
    return value


def check_moment(value: datetime) -> datetime:
    """An aware moment in range, in UTC (a naive one is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    # compare before converting: astimezone itself overflows near year 1 and 9999
    if not FIRST_MOMENT <= value <= LAST_MOMENT:
        raise ValueError(f"{value.isoformat()} is out of range ({RANGE})")
    return value.astimezone(UTC)


def duration_seconds(seconds: float, text: str) -> timedelta:
    """A duration of so many seconds, greater than zero and at most 100 years; `text`
    is how the user wrote it, for the message."""
    if not math.isfinite(seconds) or seconds > LONGEST.total_seconds():
        raise ValueError(f"bad duration {text!r}: longer than 100 years")
    if seconds <= 0:
        raise ValueError(f"bad duration {text!r}: must be greater than zero")
    return timedelta(seconds=seconds)


def check_id(value: int) -> int:
    """A stored row's id: a positive 64-bit integer."""
    if not 1 <= value <= LARGEST_ID:
        raise ValueError(f"{value} is not an id (1 to {LARGEST_ID})")
    return value


def check_finite(value: float) -> float:
    """A number that is neither NaN nor infinite."""
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {value}")
    return value
