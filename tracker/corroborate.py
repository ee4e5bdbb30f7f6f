"""Reasoning across entries: which outlets support a sighting, and which absence reports
contradict it. Pure: plain data in, plain data out; time is the parameter `as_of`.

Rules (docs/alerts.md, "Corroboration and contradiction"):

- A **source** is the outlet's domain in the entry's link (`source_of`): the host
  without `www.`, cut to the registered domain (`news.bbc.co.uk` -> `bbc.co.uk`,
  `edition.cnn.com` -> `cnn.com`). An entry without a link counts as its feed.
- A **sighting** is one (official, day). Its sources are the distinct sources of the
  appearances recorded for that official and day, published by `as_of`. Two or more
  sources **corroborate** it.
- An **absence report** counts once published by `as_of` and only if it says since
  when the official was not seen (`since`). It **covers** a day strictly after `since`
  and strictly before the day it was published, for a sighting first told before the
  report was published (a report cannot deny what came out after it).
- A sighting is **disputed** when it has one source only and the reports covering its
  day either come from two or more sources (the absence is corroborated) or one of
  them is at least as sure as the sighting (report confidence >= the sighting's best).
  A corroborated sighting is never disputed.
- A disputed sighting does not count toward "last seen"; it stays on record, with the
  reason: the first report (by publication) that decided it.
"""

from __future__ import annotations

import ipaddress
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

# second-level labels under a country code that are not the outlet's own name
_GENERIC_SECOND = frozenset(
    {"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "nic", "mil"}
)


def _host(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    return host.lower().rstrip(".")


def registered_domain(host: str) -> str:
    """`news.bbc.co.uk` -> `bbc.co.uk`, `www.example.org` -> `example.org`; IPs as they are."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = [label for label in host.split(".") if label]
    if len(labels) <= 2:
        return ".".join(labels)
    keep = 3 if len(labels[-1]) == 2 and labels[-2] in _GENERIC_SECOND else 2
    return ".".join(labels[-keep:])


def source_of(url: str, feed: str = "") -> str:
    """The independent source of an entry: its link's registered domain; without a
    web link, the feed's (its domain, or `feed:<url>` for a local file)."""
    host = _host(url)
    if host:
        return registered_domain(host)
    feed_host = _host(feed)
    if feed_host:
        return registered_domain(feed_host)
    return f"feed:{feed}" if feed else ""


@dataclass(frozen=True)
class Account:
    """One entry's report that an official appeared on a day."""

    official: str
    day: date
    source: str
    published: datetime
    confidence: float
    url: str = ""


@dataclass(frozen=True)
class AbsenceReport:
    """One entry's report that an official has not been seen since a day."""

    official: str
    since: date | None
    published: datetime
    source: str
    confidence: float
    url: str = ""
    text: str = ""

    def covers(self, day: date) -> bool:
        """Strictly after `since`, strictly before the day of publication (UTC)."""
        published_day = self.published.astimezone(UTC).date()
        return self.since is not None and self.since < day < published_day


@dataclass(frozen=True)
class Support:
    """The sources behind one sighting (official, day)."""

    official: str
    day: date
    sources: tuple[str, ...]  # distinct, sorted
    confidence: float  # the surest account's
    accounts: tuple[Account, ...]  # earliest published first

    @property
    def corroborated(self) -> bool:
        return len(self.sources) >= 2


@dataclass(frozen=True)
class Dispute:
    """Why a sighting is set aside: the reports that contradict it."""

    sighting: Support
    reports: tuple[AbsenceReport, ...]  # the deciding reports, earliest published first
    rule: str  # which rule decided, with its numbers

    @property
    def official(self) -> str:
        return self.sighting.official

    @property
    def day(self) -> date:
        return self.sighting.day

    @property
    def report(self) -> AbsenceReport:
        return self.reports[0]

    @property
    def reason(self) -> str:
        r = self.report
        more = len(self.reports) - 1
        others = f" (and {more} more)" if more else ""
        return (
            f"contradicted by an absence report from {r.source or 'an unknown source'}, "
            f"published {r.published.astimezone(UTC):%Y-%m-%d %H:%M} UTC, saying not seen "
            f"since {r.since}{others}: {r.url or '-'}; {self.rule}"
        )


def support(accounts: Iterable[Account], as_of: datetime) -> dict[tuple[str, date], Support]:
    """Per (official, day), the sources of the appearances published by `as_of`."""
    grouped: dict[tuple[str, date], list[Account]] = defaultdict(list)
    for a in accounts:
        if a.published <= as_of:
            grouped[(a.official, a.day)].append(a)
    out: dict[tuple[str, date], Support] = {}
    for key, items in grouped.items():
        items.sort(key=lambda a: (a.published, a.url))
        out[key] = Support(
            official=key[0],
            day=key[1],
            sources=tuple(sorted({a.source for a in items})),
            confidence=max(a.confidence for a in items),
            accounts=tuple(items),
        )
    return out


def contradiction(
    sighting: Support, reports: Iterable[AbsenceReport], as_of: datetime
) -> Dispute | None:
    """The dispute of one sighting by the absence reports known at `as_of`, if any."""
    if sighting.corroborated:
        return None
    # only a report written after the sighting was first told can deny it: "his last
    # appearance was June 24" on July 8 says nothing of photos of July 7 released July 9
    first_told = sighting.accounts[0].published if sighting.accounts else None
    covering = sorted(
        (
            r
            for r in reports
            if r.official == sighting.official
            and r.published <= as_of
            and r.covers(sighting.day)
            and (first_told is None or r.published > first_told)
        ),
        key=lambda r: (r.published, r.url),
    )
    if not covering:
        return None
    sources = {r.source for r in covering}
    if len(sources) >= 2:
        rule = f"the absence is reported by {len(sources)} sources, the sighting by 1"
        return Dispute(sighting, tuple(covering), rule)
    surer = [r for r in covering if r.confidence >= sighting.confidence]
    if surer:
        rule = (
            f"1 source for the sighting; the report is as sure or surer "
            f"({surer[0].confidence:.2f} >= {sighting.confidence:.2f})"
        )
        return Dispute(sighting, tuple(surer), rule)
    return None


def disputes(
    accounts: Iterable[Account],
    reports: Iterable[AbsenceReport],
    as_of: datetime,
    supported: Mapping[tuple[str, date], Support] | None = None,
) -> dict[tuple[str, date], Dispute]:
    """Per (official, day), the sightings that the absence reports known at `as_of`
    contradict (see the module's rules). `supported`: support(accounts, as_of), when
    the caller has it already."""
    if supported is None:
        supported = support(accounts, as_of)
    lone: dict[str, list[date]] = defaultdict(list)  # per official, sorted
    for (official, day), found in sorted(supported.items()):
        if not found.corroborated:
            lone[official].append(day)
    covering: dict[tuple[str, date], list[AbsenceReport]] = defaultdict(list)
    for r in reports:
        days = lone.get(r.official)
        if not days or r.since is None or r.published > as_of:
            continue
        # the lone sightings strictly inside the report's window, found by bisection
        first = bisect_right(days, r.since)
        last = bisect_left(days, r.published.astimezone(UTC).date())
        for day in days[first:last]:
            covering[(r.official, day)].append(r)
    out: dict[tuple[str, date], Dispute] = {}
    for key, found_reports in covering.items():
        dispute = contradiction(supported[key], found_reports, as_of)
        if dispute is not None:
            out[key] = dispute
    return out
