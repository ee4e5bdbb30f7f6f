"""A feed's health in one word, and the order `tracker feeds` lists them: worst first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

# worst first
STATES = ("disabled", "failing", "warning", "new", "ok")


@dataclass(frozen=True)
class Health:
    state: str
    failures: int
    name: str

    def sort_key(self) -> tuple[int, int, str]:
        return (STATES.index(self.state), -self.failures, self.name.casefold())


def health(
    *,
    name: str,
    disabled_at: datetime | None,
    failures: int,
    last_error: str | None,
    last_polled_at: datetime | None,
) -> Health:
    """disabled (410 or by hand), failing (the last poll failed), warning (the last poll
    worked but something was wrong, e.g. malformed XML), new (never polled), or ok."""
    if disabled_at is not None:
        state = "disabled"
    elif failures > 0:
        state = "failing"
    elif last_error:
        state = "warning"
    elif last_polled_at is None:
        state = "new"
    else:
        state = "ok"
    return Health(state, failures, name)
