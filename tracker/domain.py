"""Plain data shared by the pure core: no I/O, no database, no clock.

The flow reads in one direction: feeds produce `Entry`s, recognition turns an
entry into `Finding`s per official, silence turns stored sightings into an
`OfficialStatus`, and alerting turns statuses into `AlertDecision`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

Day = date  # the field `Finding.date` shadows the type inside that class


class Kind(StrEnum):
    """What a sentence says about an official."""

    APPEARANCE = "appearance"  # did something public and datable
    ABSENCE = "absence"  # reported missing, not seen, not attending
    MENTION = "mention"  # anything else: analysis, plans, quotes by others, history


class Status(StrEnum):
    OK = "ok"
    SILENT = "silent"
    UNSEEN = "unseen"


class AlertKind(StrEnum):
    SILENT = "silent"
    REPEAT = "repeat"
    SEEN_AGAIN = "seen_again"
    QUIET = "quiet"
    AWAIT_OVERDUE = "await_overdue"
    AWAIT_MET = "await_met"


@dataclass(frozen=True)
class Role:
    """A role phrase that refers to the official while they hold it (dates inclusive)."""

    title: str
    since: Day | None = None
    until: date | None = None

    def held_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True)
class Official:
    """A watched person. `short` names count only once the entry names them in full."""

    name: str
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    threshold: timedelta = timedelta(days=7)  # fixed, or the fallback of an adaptive one
    adaptive: bool = False  # learn the threshold from the person's own rhythm
    group: str = ""  # routing: alerts go to [email.routes] for this group


@dataclass(frozen=True)
class Entry:
    """One article as read from a feed, with its publication time in UTC."""

    title: str
    text: str
    published: datetime
    url: str = ""
    guid: str = ""


@dataclass(frozen=True)
class Finding:
    """One decision about one official in one entry, with the evidence behind it."""

    official: str
    kind: Kind
    date: date  # the day it happened (appearances) or the publication day
    seen_at: datetime  # the instant silence is counted from; never after publication
    sentence: str
    cue: str
    confidence: float
    # absences only: the last day the report says the official was seen ("not seen
    # since October 28"); a sighting after it and before the report is contradicted
    since: Day | None = None


@dataclass(frozen=True)
class Sighting:
    """A recorded appearance as silence evaluation needs it."""

    official: str
    date: date
    seen_at: datetime
    published: datetime
    url: str = ""
    title: str = ""
    text: str = ""


@dataclass(frozen=True)
class OfficialStatus:
    name: str
    status: Status
    as_of: datetime
    threshold: timedelta
    last_seen: date | None
    silent_for: timedelta | None
    evidence: Sighting | None = None
    watching_since: datetime | None = None
    threshold_how: str = ""  # why this threshold: fixed, or learned from the person's rhythm

    @property
    def overdue(self) -> timedelta | None:
        """How far past the threshold; negative while still inside it."""
        if self.silent_for is None:
            return None
        return self.silent_for - self.threshold


@dataclass(frozen=True)
class AlertDecision:
    """A message the alerting rules say is due; `episode` makes it unique per official."""

    official: str
    kind: AlertKind
    episode: str
    status: OfficialStatus
    previous: Sighting | None = field(default=None)
    awaited: Any = None  # an awaits.AwaitStatus for the AWAIT_* kinds
