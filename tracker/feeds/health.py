"""A feed's health in one word, and the order `tracker feeds` lists them: worst first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

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


class FeedState(Protocol):
    """What a feed's health is judged from (a stored feed row has these)."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def disabled_at(self) -> datetime | None: ...
    @property
    def consecutive_failures(self) -> int: ...
    @property
    def last_error(self) -> str | None: ...
    @property
    def last_polled_at(self) -> datetime | None: ...


F = TypeVar("F", bound=FeedState)


def worst_first(feeds: Iterable[F]) -> list[tuple[Health, F]]:
    """Each feed with its health, in the order `tracker feeds` lists them."""
    judged = [
        (
            health(
                name=f.name or f.url,
                disabled_at=f.disabled_at,
                failures=f.consecutive_failures,
                last_error=f.last_error,
                last_polled_at=f.last_polled_at,
            ),
            f,
        )
        for f in feeds
    ]
    return sorted(judged, key=lambda pair: pair[0].sort_key())
