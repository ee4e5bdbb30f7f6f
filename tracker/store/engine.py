"""Engines for SQLite (default) and PostgreSQL, with errors that name the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
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
        create_schema(engine)
    except (OperationalError, DBAPIError) as exc:
        raise StoreError(f"database {_safe(url)}: {_first_line(exc.orig)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"database {_safe(url)}: {_first_line(exc)}") from None
    return engine


def _first_line(exc: BaseException | None) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# any fixed 64-bit number; the same in every tracker process, so they take turns
SCHEMA_LOCK = 0x7472_6163_6B65_72  # "tracker"


def create_schema(engine: Engine) -> None:
    """Create the tables and add missing columns, one process at a time: two processes
    starting together on a fresh database would otherwise both create the same table.
    PostgreSQL: a transaction-scoped advisory lock (DDL is transactional there, so the
    second process sees the finished schema). SQLite: BEGIN IMMEDIATE takes the file's
    write lock for the whole creation; the other waits (busy timeout) and then finds
    the tables."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            _create(conn)
        return
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            _create(conn)
        return
    with engine.connect() as plain:
        # pysqlite opens its own transactions only before DML; autocommit lets us open
        # the immediate one ourselves, around the DDL
        conn = plain.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            _create(conn)
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
        conn.exec_driver_sql("COMMIT")


def _create(conn: Connection) -> None:
    SQLModel.metadata.create_all(conn)
    add_missing_columns(conn)
    add_missing_indexes(conn)


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
