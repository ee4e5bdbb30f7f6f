"""Run tracker's Alembic revisions on a connection tracker opened, configured in code (no
alembic.ini): the scripts are found beside this module, in the installed package.

The caller holds the schema lock (tracker.store.engine.schema_lock) around every call
that changes the schema. Only this module imports Alembic, and only a database that is
not at the newest revision loads it (tracker.store.schema_version).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import Script, ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, inspect

from tracker.store.schema_version import BASELINE, SchemaError, stored_revisions

HERE = Path(__file__).resolve().parent


def config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, in code; env.py runs on `connection`."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    cfg.attributes["connection"] = connection
    return cfg


@cache
def scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(config())


def head() -> str:
    """The newest revision; a history with two heads (two revisions written on parallel
    branches) is a mistake to fix by renumbering, not something to run."""
    heads = scripts().get_heads()
    if len(heads) != 1:
        raise SchemaError(f"the migrations have {len(heads)} heads ({', '.join(heads)})")
    return heads[0]


def history() -> list[Script]:
    """Every revision, oldest first."""
    return list(reversed(list(scripts().walk_revisions())))


def known(revision: str) -> Script | None:
    try:
        return scripts().get_revision(revision)
    except CommandError:
        return None


def current(conn: Connection) -> str | None:
    """The database's revision (None: empty, or made before migrations). A revision this
    code does not know was written by a newer tracker: SchemaError, and nothing runs."""
    stored = stored_revisions(conn)
    if len(stored) > 1:
        raise SchemaError(f"the database records several revisions ({', '.join(stored)})")
    if stored and known(stored[0]) is None:
        raise SchemaError(
            f"schema revision {stored[0]} is newer than this tracker knows (its newest is"
            f" {head()}): a newer tracker upgraded it; upgrade tracker to use it"
        )
    return stored[0] if stored else None


def made_before_migrations(conn: Connection) -> bool:
    """Tracker's tables are there but no revision is recorded: an earlier version's."""
    return not stored_revisions(conn) and inspect(conn).has_table("feed")


class BadRevision(ValueError):
    """The revision asked for does not exist or lies the wrong way (a usage error)."""


@dataclass(frozen=True)
class Step:
    """What an upgrade or downgrade did: from which revision to which."""

    before: str | None
    after: str | None
    legacy: bool = False  # the database was made before migrations

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade(conn: Connection, target: str = "head") -> Step:
    """Bring the database to `target` (default: the newest revision). One made before
    migrations runs the baseline revision first, which adds what it lacks of the
    baseline schema, then the rest."""
    before = current(conn)
    legacy = made_before_migrations(conn)
    goal = head() if target == "head" else target
    if known(goal) is None:
        raise BadRevision(f"unknown revision {target!r} (known: {_names()})")
    if before is not None and before != goal and not _is_ancestor(before, goal):
        raise BadRevision(f"revision {goal} is not above the database's {before}: use downgrade")
    if before != goal:
        command.upgrade(config(conn), goal)
    return Step(before, current(conn), legacy)


def downgrade(conn: Connection, target: str) -> Step:
    """Undo revisions down to `target`, never below the baseline: that would drop every
    table, and with them every stored finding and alert."""
    before = current(conn)
    if known(target) is None:
        raise BadRevision(
            f"unknown revision {target!r} (known: {_names()};"
            f" the lowest is the baseline {BASELINE}, below it nothing is kept)"
        )
    if before is None:
        raise BadRevision("the database has no revision to downgrade from")
    if target != before and not _is_ancestor(target, before):
        raise BadRevision(f"revision {target} is not below the database's {before}: use upgrade")
    if target != before:
        command.downgrade(config(conn), target)
    return Step(before, current(conn))


def _is_ancestor(lower: str, upper: str) -> bool:
    return any(s.revision == lower for s in scripts().iterate_revisions(upper, "base"))


def _names() -> str:
    return ", ".join(s.revision for s in history())
