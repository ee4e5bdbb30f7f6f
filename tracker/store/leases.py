"""Feed leases: which `tracker run` worker polls a due feed, so that several workers on one
database fetch each feed once per interval (issue 13).

A worker claims due feeds before fetching them, with one conditional UPDATE: it sets
`lease_owner` (its worker row's id) and `lease_until` only on rows that are due (next
poll time come, not disabled, no Retry-After pending) and not leased, or whose lease has
run out. On PostgreSQL the candidate rows are picked `FOR UPDATE SKIP LOCKED`, so two
workers claiming at once take different feeds instead of waiting for each other (and a
row another worker claimed after our snapshot is re-checked and skipped); on SQLite the
statement runs under the file's write lock. The poll's result releases the lease in the
same transaction that records the next poll time (Tracker._health), so no other worker
finds the feed due again in that interval.

Lease length: the fetch's total timeout plus a margin (`[polling] lease_margin`). A live
worker renews the leases of the feeds it is still polling at every heartbeat (a feed may
wait behind the per-host limit, or be parsed for a few seconds); a dead one renews
nothing, and its feeds are claimable again one lease after its last renewal.

Time: every decision compares the worker's own `now` (passed in) with times written by
the workers' clocks, never the database's clock: next poll times already come from the
workers' clocks, and mixing two clocks in one "due and not leased" test would be worse
than either. Hosts keep their clocks in sync (NTP); a skew shortens or lengthens a lease
by as much, so the margin must be well above it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from tracker.store.repo import due
from tracker.store.tables import FeedRow

CHUNK = 500  # URLs per statement, well under any database's parameter limit


def free(now: datetime) -> Any:
    """Rows nobody holds: never leased, released, or the lease has run out."""
    return col(FeedRow.lease_until).is_(None) | (col(FeedRow.lease_until) <= now)


def claim_due(
    session: Session,
    urls: Sequence[str],
    *,
    owner: int,
    now: datetime,
    until: datetime,
    limit: int,
) -> dict[str, FeedRow]:
    """Claim up to `limit` of these feeds that are due and free, most overdue first; they
    are `owner`'s until `until`. Commits; returns the claimed rows by URL."""
    claimed: dict[str, FeedRow] = {}
    for i in range(0, len(urls), CHUNK):
        room = limit - len(claimed)
        if room <= 0:
            break
        chunk = list(urls[i : i + CHUNK])
        # a CTE, evaluated once: as a plain IN (subquery), PostgreSQL may rescan it once
        # per row, each rescan skipping the rows just updated and taking the next ones
        pick = (
            select(FeedRow.id)
            .where(col(FeedRow.url).in_(chunk), due(now), free(now))
            .order_by(col(FeedRow.next_poll_at).asc().nulls_first(), col(FeedRow.id))
            .limit(room)
            .with_for_update(skip_locked=True)  # PostgreSQL; SQLite holds the write lock
            .cte("picked")
        )
        ids = session.exec(
            update(FeedRow)
            .where(col(FeedRow.id).in_(select(pick.c.id)), due(now), free(now))
            .values(lease_owner=owner, lease_until=until)
            .returning(col(FeedRow.id)),
            execution_options={"synchronize_session": False},
        ).all()
        session.commit()
        if ids:
            rows = session.exec(select(FeedRow).where(col(FeedRow.id).in_([r[0] for r in ids])))
            claimed.update((row.url, row) for row in rows.all())
    return claimed


def renew(session: Session, urls: Sequence[str], *, owner: int, until: datetime) -> int:
    """Extend `owner`'s leases on these feeds (those it is still polling) to `until`; how
    many it still held. A lease another worker took over after it ran out stays theirs."""
    renewed = 0
    for i in range(0, len(urls), CHUNK):
        result = session.exec(
            update(FeedRow)
            .where(col(FeedRow.url).in_(list(urls[i : i + CHUNK])))
            .where(col(FeedRow.lease_owner) == owner)
            .values(lease_until=until),
            execution_options={"synchronize_session": False},
        )
        renewed += int(result.rowcount or 0)
    session.commit()
    return renewed


def release_all(session: Session, owner: int) -> int:
    """At a clean exit: every lease `owner` still holds ends now (its unfinished polls
    are due again at once, for another worker); how many."""
    result = session.exec(
        update(FeedRow)
        .where(col(FeedRow.lease_owner) == owner)
        .values(lease_owner=None, lease_until=None),
        execution_options={"synchronize_session": False},
    )
    session.commit()
    return int(result.rowcount or 0)


def held_by(session: Session, owner: int, now: datetime) -> list[str]:
    """The URLs of the feeds `owner` holds a live lease on (for tests and `tracker workers`)."""
    query = select(FeedRow.url).where(col(FeedRow.lease_owner) == owner, ~free(now))
    return sorted(session.exec(query).all())
