"""Engines for SQLite (default) and PostgreSQL, with errors that name the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from tracker.store import tables  # noqa: F401  (registers the tables)
from tracker.store.migrate import add_missing_columns, add_missing_indexes


class StoreError(Exception):
    """The database cannot be used; str() is a one-line reason naming it."""


def _safe(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_engine(url: str) -> Engine:
    """Create the engine and the schema; raise StoreError with a clear line on failure."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"bad database URL {url!r}") from None
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        if parsed.database in (None, "", ":memory:"):
            kwargs["poolclass"] = StaticPool
        else:
            _make_parent(Path(parsed.database), url)
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"database {_safe(url)}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        SQLModel.metadata.create_all(engine)
        add_missing_columns(engine)
        add_missing_indexes(engine)
    except OperationalError as exc:
        raise StoreError(
            f"database {_safe(url)}: {str(exc.orig).strip().splitlines()[0]}"
        ) from None
    except SQLAlchemyError as exc:
        raise StoreError(f"database {_safe(url)}: {exc}") from None
    return engine


def _make_parent(path: Path, url: str) -> None:
    """A new SQLite file may need its folder; create it, or say why not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"database {_safe(url)}: cannot create folder {path.parent}: {exc.strerror or exc}"
        ) from None


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints, never corrupt
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def session(engine: Engine) -> Session:
    """Sessions whose objects stay readable after commit: results outlive the session."""
    return Session(engine, expire_on_commit=False)
