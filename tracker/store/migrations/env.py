"""Alembic's environment for tracker: always online, on the connection tracker passes in
`config.attributes["connection"]` (tracker/store/migrations/runner.py), in the
transaction and under the lock it holds. Batch mode, so that revisions that alter a
table also work on SQLite (which rebuilds the table)."""

from __future__ import annotations

from typing import Any, Literal

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy import Connection, DateTime, String
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from tracker.store import tables  # noqa: F401  (registers the tables)
from tracker.store.tables import UTCDateTime


def render_item(kind: str, item: Any, autogen: AutogenContext) -> str | Literal[False]:
    """Revisions name plain SQLAlchemy types, not tracker's (a revision must not change
    when the models do): the models' AutoString is a String, UTCDateTime a DateTime."""
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.{String(item.length)!r}"
    if kind == "type" and isinstance(item, UTCDateTime):
        return f"sa.{DateTime(timezone=True)!r}"
    return False


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=True,
        render_item=render_item,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("tracker's migrations run on a connection it opened: tracker db upgrade")
run(connection)
