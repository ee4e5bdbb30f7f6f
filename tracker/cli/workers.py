"""`tracker workers`: the `tracker run` workers of the database, their heartbeats and the
leader (issue 13)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.context import load, open_store, utcnow

if TYPE_CHECKING:
    from tracker.store.workers import WorkerView


def _age(age: timedelta) -> str:
    seconds = max(int(age.total_seconds()), 0)
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


def _as_json(w: WorkerView) -> dict[str, Any]:
    return {
        "id": w.id,
        "host": w.host,
        "pid": w.pid,
        "state": w.state,
        "started_at": w.started_at.isoformat(),
        "beat_at": w.beat_at.isoformat(),
        "beat_age_seconds": round(w.beat_age.total_seconds(), 1),
        "feeds_polled": w.feeds_polled,
        "leader": w.leader,
    }


def workers(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
) -> None:
    """The `tracker run` workers sharing this database: host, pid, started, last beat,
    feeds polled, leader. A worker that stopped beating (killed, cut off) shows as stale.

    Example: tracker workers --json
    """
    from tracker.store import workers as worker_rows
    from tracker.store.engine import session as session_for

    now = utcnow()
    store = open_store(load(ctx), now)
    with session_for(store.engine) as session:
        found = worker_rows.listing(session, now)
    if as_json:
        from tracker.cli.tables import print_json

        print_json({"workers": [_as_json(w) for w in found]})
        return
    if not found:
        typer.echo("no workers: no `tracker run` is using this database")
        return
    from tracker.cli.tables import print_table

    header = ("HOST", "PID", "STATE", "STARTED", "LAST BEAT", "FEEDS POLLED", "LEADER")
    table = [
        (
            w.host,
            str(w.pid),
            w.state,
            f"{w.started_at:%Y-%m-%d %H:%M}",
            _age(w.beat_age),
            str(w.feeds_polled),
            "yes" if w.leader else "-",
        )
        for w in found
    ]
    print_table(header, table, free=0, state=2)
