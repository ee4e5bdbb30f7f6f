"""When to poll a feed next: intervals, the feed's own hints, backoff and Retry-After.

Pure functions; `now` and the jitter are parameters, so every rule is testable.

- A healthy feed is polled every `interval`. A feed's own hint (`<ttl>`,
  `sy:updatePeriod`/`sy:updateFrequency`, `Cache-Control: max-age`) may stretch that,
  never beyond `max_interval`, and never shortens it.
- A failing feed backs off exponentially: interval x 2^(failures-1), at most
  `max_backoff`, plus up to 20% jitter so that feeds failing together spread out.
- A `Retry-After` (on 429 or 503) is honoured up to `max_backoff`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

JITTER = 0.2


@dataclass(frozen=True)
class Bounds:
    max_interval: timedelta = timedelta(hours=6)
    max_backoff: timedelta = timedelta(hours=24)


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as delay-seconds or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return timedelta(seconds=int(text))
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


_PERIODS = {
    "hourly": timedelta(hours=1),
    "daily": timedelta(days=1),
    "weekly": timedelta(weeks=1),
    "monthly": timedelta(days=30),
    "yearly": timedelta(days=365),
}


def feed_hint(feed: Mapping[str, object]) -> timedelta | None:
    """The feed's own idea of how often to poll: RSS <ttl> (minutes) or sy:updatePeriod."""
    ttl = str(feed.get("ttl") or "").strip()
    if ttl.isdigit() and int(ttl) > 0:
        return timedelta(minutes=min(int(ttl), 60 * 24 * 365))
    period = _PERIODS.get(str(feed.get("sy_updateperiod") or "").strip().lower())
    if period is None:
        return None
    frequency = str(feed.get("sy_updatefrequency") or "1").strip()
    count = int(frequency) if frequency.isdigit() and int(frequency) > 0 else 1
    return period / count


_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


def cache_hint(headers: Mapping[str, str]) -> timedelta | None:
    """Cache-Control: max-age, when the server says how long the response stays fresh."""
    control = headers.get("cache-control", "")
    if "no-cache" in control.lower() or "no-store" in control.lower():
        return None
    match = _MAX_AGE.search(control)
    return timedelta(seconds=int(match.group(1))) if match else None


def next_poll(
    now: datetime,
    interval: timedelta,
    *,
    failures: int = 0,
    hint: timedelta | None = None,
    retry_after: timedelta | None = None,
    jitter: float = 0.0,
    bounds: Bounds = Bounds(),
) -> datetime:
    """The next time to poll. `jitter` is a number in [0, 1), drawn by the caller."""
    delay = interval
    if failures > 0:
        backoff = interval * (2 ** min(failures - 1, 20))
        delay = min(backoff, bounds.max_backoff) * (1 + JITTER * jitter)
        delay = max(delay, interval)
    elif hint is not None and hint > interval:
        delay = min(hint, max(bounds.max_interval, interval))
    if retry_after is not None:
        delay = max(delay, min(retry_after, bounds.max_backoff))
    return now + delay
