"""`tracker check`: one line and a Nagios-style exit code for monitoring.

0 OK, 1 WARNING, 2 CRITICAL (3 UNKNOWN is left to the monitoring plugin's conventions:
a config or database error exits 2 or 4 with its own message, as every command does).
By default a silent official (not muted) is critical; failing or disabled feeds, alerts
not delivered yet and overdue awaited replies are warnings. Each can be moved to the
other level, or ignored, with a flag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli.context import EXIT_USAGE, fail, load, open_store, parse_time, utcnow

if TYPE_CHECKING:
    from tracker.evaluate import Evaluation
    from tracker.store.tables import FeedRow


class Level(IntEnum):
    """What a problem counts as; the exit code is the worst level found."""

    OK = 0
    WARNING = 1
    CRITICAL = 2


LEVELS = {"critical": Level.CRITICAL, "warning": Level.WARNING, "ignore": Level.OK}


@dataclass(frozen=True)
class Problem:
    what: str  # "silent", "failing feeds", "undelivered", "overdue replies"
    names: tuple[str, ...]
    level: Level

    def line(self) -> str:
        shown = ", ".join(self.names[:3]) + (", ..." if len(self.names) > 3 else "")
        return f"{len(self.names)} {self.what} ({shown})"


def problems(
    evaluation: Evaluation, feeds: Sequence[FeedRow], levels: dict[str, Level]
) -> list[Problem]:
    """Everything monitoring should hear about, each at its configured level."""
    from tracker.domain import Status

    found = {
        "silent": tuple(
            s.name
            for s in evaluation.statuses
            if s.status is Status.SILENT and s.name not in evaluation.mutes
        ),
        "failing feeds": tuple(
            f.name or f.url for f in feeds if f.consecutive_failures > 0 or f.disabled_at
        ),
        "undelivered": tuple(f"#{w.id} {w.official}" for w in evaluation.undelivered),
        "overdue replies": tuple(
            a.watch.official for a in evaluation.awaits if a.phase.value == "overdue"
        ),
    }
    return [Problem(what, names, levels[what]) for what, names in found.items() if names]


def summary(found: Sequence[Problem], officials: int) -> tuple[Level, str]:
    """The exit level and the one line: 'CRITICAL: 2 silent (A, B); 1 failing feeds (X)'."""
    counted = [p for p in found if p.level is not Level.OK]
    level = max((p.level for p in counted), default=Level.OK)
    if not counted:
        return level, f"OK: {officials} officials, no silence, feeds and delivery fine"
    return level, f"{level.name}: " + "; ".join(p.line() for p in counted)


def check(
    ctx: typer.Context,
    silent: Annotated[
        str, typer.Option("--silent", help="What a silent official counts as.")
    ] = "critical",
    failing_feeds: Annotated[
        str, typer.Option("--failing-feeds", help="What failing or disabled feeds count as.")
    ] = "warning",
    undelivered: Annotated[
        str, typer.Option("--undelivered", help="What alerts not delivered yet count as.")
    ] = "warning",
    overdue: Annotated[
        str, typer.Option("--overdue", help="What overdue awaited replies count as.")
    ] = "warning",
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Judge as of then (default: now).")
    ] = None,
) -> None:
    """For monitoring (Nagios, cron, systemd): one line, exit 0 OK, 1 WARNING, 2 CRITICAL.
    Each of --silent, --failing-feeds, --undelivered, --overdue takes critical, warning
    or ignore.

    Example: tracker check --failing-feeds critical
    """
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    chosen = {
        "silent": ("--silent", silent),
        "failing feeds": ("--failing-feeds", failing_feeds),
        "undelivered": ("--undelivered", undelivered),
        "overdue replies": ("--overdue", overdue),
    }
    levels: dict[str, Level] = {}
    for what, (option, value) in chosen.items():
        if value.lower() not in LEVELS:
            raise fail(f"{option}: {value!r} is not one of critical, warning, ignore", EXIT_USAGE)
        levels[what] = LEVELS[value.lower()]
    config = load(ctx)
    when = parse_time(as_of) or utcnow()
    store = open_store(config, utcnow())
    evaluation = store.statuses(when)
    with session_for(store.engine) as session:
        declared = {f.url for f in config.feeds}
        feeds = [r for r in repo.polled_feeds(session) if r.source == "added" or r.url in declared]
    level, line = summary(problems(evaluation, feeds, levels), len(evaluation.statuses))
    typer.echo(line)
    raise typer.Exit(int(level))
