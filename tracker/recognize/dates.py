"""When did it happen: date cues in a sentence, resolved against the publication time.

Rules, in order:
1. An explicit calendar date ("October 28", "Oct. 28", "28 October", "2025-10-28",
   "Feb. 6, 2013"); a missing year is the latest year that does not put the date
   after publication.
2. A weekday ("on Wednesday"): the latest such day on or before publication.
3. A relative day: "today"/"earlier today"/"this morning" (publication day),
   "yesterday"/"last night" (the day before), "last week" (seven days before, low precision).
A date after publication means the sentence is about the future.
A bare year ("in 2004") before the publication year marks the sentence as history.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PATTERNS = [
    # folding turns "-" into " ", so ISO dates arrive as "2025 10 28"
    (
        "iso",
        re.compile(r"\b(?P<year>(?:19|20)\d\d)[-\s/](?P<month>[01]\d)[-\s/](?P<day>[0-3]\d)\b"),
    ),
    ("mdy", re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r"\b" + _YEAR)),
    ("dmy", re.compile(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\b" + _YEAR)),
]
_WEEKDAY = re.compile(
    r"\b(?P<last>last\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b(?!\s*,?\s*" + _MONTH + ")"
)
_RELATIVE = [
    (
        re.compile(
            r"\b(?:earlier\s+)?today\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b"
        ),
        0,
    ),
    (re.compile(r"\byesterday\b|\blast\s+night\b|\bthe\s+day\s+before\b"), 1),
    (re.compile(r"\bearlier\s+this\s+week\b"), 2),
    (re.compile(r"\blast\s+week\b|\ba\s+week\s+ago\b"), 7),
    (re.compile(r"\bearlier\s+this\s+month\b"), 10),
    (re.compile(r"\blast\s+month\b|\ba\s+month\s+ago\b"), 30),
]
_NEAR_FUTURE = timedelta(days=62)  # "on December 3" in a November article is ahead, not last year
_FUTURE = re.compile(
    r"\b(?:tomorrow|next\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|later\s+this\s+(?:week|month|year)|in\s+the\s+coming\s+(?:days|weeks))\b"
)
_BARE_YEAR = re.compile(
    r"\b(?:in|since|of|from|until|by)\s+(?:early\s+|late\s+|mid-?\s*)?(?P<year>(?:19|20)\d\d)\b"
)


@dataclass(frozen=True)
class DateCue:
    """A resolved date with the words that gave it and how precise it is."""

    day: date
    text: str
    precision: str  # "day", "week" or "month"
    future: bool = False


def _resolve_year(month: int, day: int, year: int | None, published: date) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        candidate = date(published.year, month, day)
        if candidate - published > _NEAR_FUTURE:
            candidate = date(published.year - 1, month, day)
        return candidate
    except ValueError:
        return None


_ANY_CUE = re.compile(
    r"\d|day\b|tonight|week|month|night|morning|afternoon|evening|tomorrow|coming"
)


def find_dates(folded: str, published: date) -> list[tuple[int, DateCue]]:
    """Every date cue in a folded sentence with its position, in order of position."""
    if not _ANY_CUE.search(folded):  # most sentences have no cue: skip the full scan
        return []
    found: list[tuple[int, DateCue]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            month_text = m.group("month")
            month = int(month_text) if kind == "iso" else MONTHS[month_text]
            year = int(m.group("year")) if m.group("year") else None
            day = _resolve_year(month, int(m.group("day")), year, published)
            if day is not None:
                found.append((m.start(), DateCue(day, m.group(0), "day", future=day > published)))
    for m in _WEEKDAY.finditer(folded):
        wanted = WEEKDAYS[m.group("weekday")]
        back = (published.weekday() - wanted) % 7
        if m.group("last") and back == 0:
            back = 7
        found.append((m.start(), DateCue(published - timedelta(days=back), m.group(0), "day")))
    for pattern, days_back in _RELATIVE:
        for m in pattern.finditer(folded):
            precision = "day" if days_back <= 1 else ("week" if days_back <= 7 else "month")
            cue = DateCue(published - timedelta(days=days_back), m.group(0), precision)
            found.append((m.start(), cue))
    for m in _FUTURE.finditer(folded):
        cue = DateCue(published + timedelta(days=1), m.group(0), "day", future=True)
        found.append((m.start(), cue))
    found.sort(key=lambda item: item[0])
    return found


def find_date(folded: str, published: date) -> DateCue | None:
    """The first date cue in a folded sentence, resolved; None when there is none."""
    found = find_dates(folded, published)
    return found[0][1] if found else None


def date_near(found: list[tuple[int, DateCue]], position: int) -> DateCue | None:
    """The cue that dates a verb at `position`: the first one after it, else the last before."""
    after = [cue for pos, cue in found if pos >= position]
    if after:
        return after[0]
    return found[-1][1] if found else None


def historical_year(folded: str, published: date) -> int | None:
    """A bare year before the publication year ("appointed in 2004"): history, not news."""
    for m in _BARE_YEAR.finditer(folded):
        year = int(m.group("year"))
        if year < published.year:
            return year
    return None
