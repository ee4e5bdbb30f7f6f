"""Worker rows: each `tracker run` says it is alive, so people (`tracker workers`) and
the other workers can see who shares the database (issue 13).

A worker inserts its row at start, beats every few seconds (time of the beat, feeds
polled so far, whether it leads) and deletes its row at a clean exit. A worker killed
or cut off stops beating: once its last beat is three beats old, its row reads as stale
(it is kept, so the desk sees that something died, until a day has passed).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from tracker.store.tables import WorkerRow

MISSED_BEATS = 3  # beats missed before a worker is shown as stale
FORGET_AFTER = timedelta(days=1)  # stale rows older than this are removed at a start


@dataclass(frozen=True)
class WorkerView:
    """A worker as `tracker workers` shows it."""

    id: int
    host: str
    pid: int
    started_at: datetime
    beat_at: datetime
    feeds_polled: int
    leader: bool
    state: str  # "running" or "stale"
    beat_age: timedelta


def state(row: WorkerRow, now: datetime) -> str:
    """'running', or 'stale' once it has missed MISSED_BEATS beats."""
    late = now - row.beat_at > timedelta(seconds=row.beat_seconds * MISSED_BEATS)
    return "stale" if late else "running"


def register(
    session: Session, *, host: str, pid: int, now: datetime, beat_seconds: float
) -> WorkerRow:
    """This process's row (its id names its feed leases); rows stale for FORGET_AFTER
    are removed on the way."""
    session.exec(delete(WorkerRow).where(col(WorkerRow.beat_at) < now - FORGET_AFTER))
    row = WorkerRow(host=host, pid=pid, started_at=now, beat_at=now, beat_seconds=beat_seconds)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def beat(session: Session, row: WorkerRow, *, now: datetime, polled: int, leader: bool) -> None:
    """The heartbeat. A row removed meanwhile (by hand, or as stale by a worker whose
    clock runs far ahead) is put back under the same id."""
    result = session.exec(
        update(WorkerRow)
        .where(col(WorkerRow.id) == row.id)
        .values(beat_at=now, feeds_polled=polled, leader=leader)
    )
    if not result.rowcount:
        session.add(
            WorkerRow(
                id=row.id,
                host=row.host,
                pid=row.pid,
                started_at=row.started_at,
                beat_at=now,
                beat_seconds=row.beat_seconds,
                feeds_polled=polled,
                leader=leader,
            )
        )
    session.commit()


def unregister(session: Session, worker_id: int) -> None:
    """A clean exit: the row goes."""
    session.exec(delete(WorkerRow).where(col(WorkerRow.id) == worker_id))
    session.commit()


def listing(session: Session, now: datetime) -> list[WorkerView]:
    """Every worker row, the leader first, then by host and pid."""
    rows = session.exec(select(WorkerRow)).all()
    views = [
        WorkerView(
            id=r.id or 0,
            host=r.host,
            pid=r.pid,
            started_at=r.started_at,
            beat_at=r.beat_at,
            feeds_polled=r.feeds_polled,
            leader=r.leader and state(r, now) == "running",
            state=state(r, now),
            beat_age=now - r.beat_at,
        )
        for r in rows
    ]
    return sorted(views, key=lambda v: (not v.leader, v.state != "running", v.host, v.pid))
