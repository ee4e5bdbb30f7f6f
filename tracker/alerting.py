"""Which messages are due. Pure: decisions over a status, the alert history and `as_of`.

Lifecycle per official (written as rules, then coded below):

1. muted (until after `as_of`)          -> nothing; tracking goes on, alerts wait.
2. silent, no open episode              -> SILENT. The episode is the last-seen day, so a
                                           restart or a second pass finds it already stored.
3. silent, episode open, repeats on     -> REPEAT n when `as_of` reaches
                                           opened + n x repeat_every (one per period;
                                           a long outage does not send a burst).
4. ok, episode open                     -> SEEN_AGAIN for that episode (the gap and the
                                           evidence go in the message).
5. ok, silence past the early-warning   -> QUIET, once per last-seen day (optional).
   share of the threshold, no episode
6. unseen                               -> nothing: no sighting to be silent since;
                                           `tracker status` lists them.

Awaited replies (see awaits.py): overdue -> AWAIT_OVERDUE once; met late after that
alert -> AWAIT_MET once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker.awaits import AwaitPhase, AwaitStatus
from tracker.domain import AlertDecision, AlertKind, OfficialStatus, Status


@dataclass(frozen=True)
class Policy:
    repeat_every: timedelta | None = None  # None or zero: no repeats
    early_warning: float | None = None  # share of the threshold, e.g. 0.75; None: off


@dataclass(frozen=True)
class AlertState:
    """What has been sent for one official, as far as the rules need it."""

    open_episode: str | None = None  # last-seen day of the silent episode not yet resolved
    opened_at: datetime | None = None  # the as_of at which that episode's alert fired
    repeats: int = 0  # the period number of the last reminder in the open episode
    warned_episode: str | None = None  # last-seen day for which QUIET went out
    muted_until: datetime | None = None


def muted(state: AlertState, as_of: datetime) -> bool:
    return state.muted_until is not None and as_of < state.muted_until


def decide(
    status: OfficialStatus,
    state: AlertState,
    as_of: datetime | None = None,
    policy: Policy = Policy(),
) -> AlertDecision | None:
    as_of = as_of or status.as_of
    if muted(state, as_of):
        return None
    if status.status is Status.SILENT and status.last_seen is not None:
        if state.open_episode is None:
            return AlertDecision(
                status.name, AlertKind.SILENT, status.last_seen.isoformat(), status
            )
        every = policy.repeat_every
        if every and state.opened_at is not None:
            due = state.opened_at + every * (state.repeats + 1)
            if as_of >= due:
                # the period we are in: after an outage, one reminder, not one per period
                number = int((as_of - state.opened_at) / every)
                episode = f"{state.open_episode}#repeat{number}"
                return AlertDecision(status.name, AlertKind.REPEAT, episode, status)
        return None
    if status.status is Status.OK and state.open_episode is not None:
        return AlertDecision(status.name, AlertKind.SEEN_AGAIN, state.open_episode, status)
    if (
        status.status is Status.OK
        and policy.early_warning
        and status.last_seen is not None
        and status.silent_for is not None
        and status.silent_for >= status.threshold * policy.early_warning
        and state.warned_episode != status.last_seen.isoformat()
    ):
        return AlertDecision(status.name, AlertKind.QUIET, status.last_seen.isoformat(), status)
    return None


def decide_await(
    awaited: AwaitStatus, status: OfficialStatus, overdue_sent: bool, closed_sent: bool
) -> AlertDecision | None:
    """Overdue once when the window passes; 'reply came' once if it comes after that."""
    key = awaited.watch.key
    if awaited.phase is AwaitPhase.OVERDUE and not overdue_sent:
        return AlertDecision(status.name, AlertKind.AWAIT_OVERDUE, key, status, awaited=awaited)
    if awaited.phase is AwaitPhase.MET_LATE and overdue_sent and not closed_sent:
        return AlertDecision(status.name, AlertKind.AWAIT_MET, key, status, awaited=awaited)
    return None
