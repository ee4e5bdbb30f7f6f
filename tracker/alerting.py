"""Which messages are due. Pure: decisions over a status and the alert history.

Rules (per official):
- silent, and no open silent episode         -> a SILENT alert; the episode is the
  last-seen day, so a restart or a second poll finds it already stored.
- ok, and a silent episode is open           -> a SEEN_AGAIN message for that episode.
- unseen                                     -> nothing: there is no sighting to be
  silent since; `tracker status` lists them.
- anything else                              -> nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain import AlertDecision, AlertKind, OfficialStatus, Status


@dataclass(frozen=True)
class AlertState:
    """The alert history that matters: the silent episode still open, if any."""

    open_episode: str | None = None


def decide(status: OfficialStatus, state: AlertState) -> AlertDecision | None:
    if status.status is Status.SILENT and state.open_episode is None:
        assert status.last_seen is not None
        return AlertDecision(
            official=status.name,
            kind=AlertKind.SILENT,
            episode=status.last_seen.isoformat(),
            status=status,
        )
    if status.status is Status.OK and state.open_episode is not None:
        return AlertDecision(
            official=status.name,
            kind=AlertKind.SEEN_AGAIN,
            episode=state.open_episode,
            status=status,
        )
    return None
