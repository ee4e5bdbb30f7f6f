"""What every command needs: the config, the engine, the clock, and exit codes (the
codes and the root's options are in state.py, which `tracker --help` alone imports).

Imports stay light here and in every command module: `tracker --help` and the read
commands must not load the HTTP client, the feed parser, the scheduler or the
recogniser. What a command needs beyond that it imports when it runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING

import typer

from tracker.cli.state import EXIT_ERROR as EXIT_ERROR  # the codes, for every command
from tracker.cli.state import EXIT_OK as EXIT_OK
from tracker.cli.state import EXIT_PARTIAL as EXIT_PARTIAL
from tracker.cli.state import EXIT_STORE as EXIT_STORE
from tracker.cli.state import EXIT_USAGE as EXIT_USAGE
from tracker.cli.state import State

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from tracker.config import Config
    from tracker.evaluate import Evaluation, Evaluator
    from tracker.jobs import Tracker


def utcnow() -> datetime:
    """The one place the CLI reads the clock; the core always gets time as a parameter."""
    return datetime.now(UTC)


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"tracker: {message}", err=True)
    return typer.Exit(code)


def get_state(ctx: typer.Context) -> State:
    state = ctx.find_root().obj
    return state if isinstance(state, State) else State()


def load(ctx: typer.Context) -> Config:
    from tracker.config import ConfigError, find_config_path, load_config

    path = find_config_path(get_state(ctx).config_path)
    try:
        return load_config(path)
    except ConfigError as exc:
        raise fail(str(exc), EXIT_USAGE) from None


def _engine(config: Config, database: str | None) -> Engine:
    from tracker.store.engine import StoreError, open_engine

    try:
        return open_engine(database or config.database)
    except StoreError as exc:
        raise fail(str(exc), EXIT_STORE) from None


def open_tracker(config: Config, now: datetime, database: str | None = None) -> Tracker:
    """The whole tracker (fetching, recognition, delivery): for commands that take in news."""
    from tracker import startup
    from tracker.jobs import Tracker

    tracker = Tracker(config, _engine(config, database), now=now)
    startup.resume()
    return tracker


@dataclass
class Store:
    """The database with the watchlist synced, as a Tracker leaves it, without building
    the fetching and recognition machinery: what reading and muting commands need."""

    config: Config
    engine: Engine
    ids: dict[str, int]
    evaluator: Evaluator

    def statuses(self, as_of: datetime, *, remember_past: bool = False) -> Evaluation:
        return self.evaluator.statuses(as_of, remember_past=remember_past)


def open_store(config: Config, now: datetime) -> Store:
    """The database as a Tracker opens it (Evaluator.opened), without the recognizer
    and fetch machinery a read command does not use."""
    from tracker import startup
    from tracker.evaluate import Evaluator

    engine = _engine(config, None)
    startup.before_quick_exit(engine.dispose)  # its connections closed, as ever
    evaluator = Evaluator.opened(config, engine, now)
    startup.resume()  # start-up ends here for the read commands (tracker/cli/__init__.py)
    return Store(config, engine, evaluator.ids, evaluator)


def official_named(config: Config, name: str) -> str:
    """The watchlist name of the official the user typed: name or alias, any case or
    accents, or the surname alone when only one official has it (tracker/watchlist.py).
    A miss exits 2 with the closest names."""
    from tracker.watchlist import NameNotFound, resolve

    try:
        return resolve(name, config.officials)
    except NameNotFound as exc:
        raise fail(str(exc), EXIT_USAGE) from None


def parse_time(
    value: str | None,
    *,
    end_of_day: bool = True,
    option: str = "--as-of",
    now: datetime | None = None,
) -> datetime | None:
    """ISO date or date-time; a bare date means the end of that day (UTC), or its start
    when `end_of_day` is false (--from, --since). Also `now`, `today` (now, or today's
    start), `yesterday` (its end or start) and a duration back from now ("3d", "12h")."""
    from tracker.durations import parse_duration
    from tracker.moments import check_moment

    if value is None:
        return None
    text = value.strip()
    clock = now or utcnow()
    start = time(23, 59, 59) if end_of_day else time(0, 0)
    try:
        if len(text) == 10:
            parsed = datetime.combine(datetime.fromisoformat(text).date(), start, tzinfo=UTC)
        else:
            parsed = datetime.fromisoformat(text)
    except ValueError:
        word = text.lower()
        if word == "now" or (word == "today" and end_of_day):
            parsed = clock
        elif word in ("today", "yesterday"):
            day = clock.date() - timedelta(days=1 if word == "yesterday" else 0)
            parsed = datetime.combine(day, start, tzinfo=UTC)
        else:
            try:
                parsed = clock - parse_duration(text)
            except ValueError:
                raise fail(
                    f"{option}: bad date {value!r} (use YYYY-MM-DD, "
                    "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM], today, yesterday, or 3d for 3 days ago)",
                    EXIT_USAGE,
                ) from None
    try:
        return check_moment(parsed)
    except ValueError as exc:
        raise fail(f"{option}: {exc}", EXIT_USAGE) from None


def check_ids(ids: Iterable[int], what: str = "id") -> list[int]:
    """Ids given on the command line, each within the database's 64-bit range."""
    from tracker.moments import check_id

    try:
        return [check_id(i) for i in ids]
    except ValueError as exc:
        raise fail(f"{what}: {exc}", EXIT_USAGE) from None


def parse_step(value: str, option: str = "--step") -> timedelta:
    from tracker.durations import parse_duration

    try:
        return parse_duration(value)
    except ValueError as exc:
        raise fail(f"{option}: {exc}", EXIT_USAGE) from None


def setup_logging(verbose: bool, fmt: str = "text") -> None:
    from tracker import logs

    try:
        logs.setup(verbose, fmt)
    except ValueError as exc:
        raise fail(f"--log-format: {exc}", EXIT_USAGE) from None
