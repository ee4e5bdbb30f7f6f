"""A feed's health after a poll, written with one UPDATE for every feed of a batch.

Polling records each feed's outcome (when it was polled, failures, validators, the next
poll time, its lease released). Done the ORM way (load the row, set attributes, flush)
that cost more than storing the feed's entries; here every outcome binds the same
parameters of one statement, built once and run with executemany, in the transaction
that stores the feeds' entries. Columns a poll leaves alone keep their value inside
the statement (`CASE WHEN keep THEN column ELSE value END`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Integer, bindparam, case, update
from sqlalchemy import select as sa_select
from sqlmodel import Session

from tracker.store.tables import FeedRow

# columns a poll may set or leave as they are
KEPT = (
    "last_error",
    "last_status",
    "last_success_at",
    "retry_until",
    "disabled_at",
    "disabled_reason",
    "etag",
    "last_modified",
    "fetch_url",
)
FILLED = ("title", "site_url")  # set from the feed only while still empty


@dataclass(frozen=True)
class Health:
    """What one poll writes to its feed's row."""

    feed_id: int
    polled_at: datetime
    failures: int  # consecutive failures after this poll
    next_poll_at: datetime
    new_entries: int = 0
    lease_owner: int | None = None  # the worker whose lease on the feed ends, if any
    changes: Mapping[str, Any] = field(default_factory=dict)  # of KEPT; the rest stay
    fill: Mapping[str, str] = field(default_factory=dict)  # of FILLED

    def params(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "h_id": self.feed_id,
            "h_polled": self.polled_at,
            "h_failures": self.failures,
            "h_next": self.next_poll_at,
            "h_new": self.new_entries,
            "h_owner": self.lease_owner,
        }
        for name in KEPT:
            out[f"k_{name}"] = name not in self.changes
            out[f"v_{name}"] = self.changes.get(name)
        for name in FILLED:
            out[f"f_{name}"] = self.fill.get(name, "")
        return out


def record(session: Session, outcomes: Sequence[Health]) -> None:
    """Write these polls' health, in the caller's transaction (the caller commits)."""
    if outcomes:
        session.execute(_statement(), [h.params() for h in outcomes])


def failures(session: Session, feed_ids: Sequence[int]) -> dict[int, int]:
    """Consecutive failures so far of these feeds (a failed poll adds one), by id;
    feeds without a row are left out."""
    found: dict[int, int] = {}
    wanted = sorted(set(feed_ids))
    for i in range(0, len(wanted), 500):
        t = FeedRow.__table__  # type: ignore[attr-defined]
        query = sa_select(t.c.id, t.c.consecutive_failures).where(t.c.id.in_(wanted[i : i + 500]))
        found.update((int(id_), int(n)) for id_, n in session.execute(query).all())
    return found


@functools.cache
def _statement() -> Any:
    """Built once: building it costs more than running it."""
    t = FeedRow.__table__  # type: ignore[attr-defined]
    owner = bindparam("h_owner", type_=Integer)
    values: dict[str, Any] = {
        "last_polled_at": bindparam("h_polled", type_=t.c.last_polled_at.type),
        "consecutive_failures": bindparam("h_failures", type_=Integer),
        "entries_seen": t.c.entries_seen + bindparam("h_new", type_=Integer),
        "next_poll_at": bindparam("h_next", type_=t.c.next_poll_at.type),
        # another worker's lease (ours ran out and it claimed the feed) stays its own
        "lease_owner": case((t.c.lease_owner == owner, None), else_=t.c.lease_owner),
        "lease_until": case((t.c.lease_owner == owner, None), else_=t.c.lease_until),
    }
    for name in KEPT:
        keep = bindparam(f"k_{name}", type_=Boolean)
        values[name] = case((keep, t.c[name]), else_=bindparam(f"v_{name}", type_=t.c[name].type))
    for name in FILLED:
        value = bindparam(f"f_{name}", type_=t.c[name].type)
        values[name] = case((t.c[name] == "", value), else_=t.c[name])
    return update(t).where(t.c.id == bindparam("h_id", type_=Integer)).values(values)
