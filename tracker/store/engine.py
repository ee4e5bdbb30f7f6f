"""Engines for SQLite (default) and PostgreSQL, with errors that name the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from tracker.store import tables  # noqa: F401  (registers the tables)
from tracker.store.schema_version import SchemaError, at_head


class StoreError(Exception):
    """The database cannot be used; str() is a one-line reason naming it."""


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def connect(url: str, create: bool = True) -> Engine:
    """The engine alone, the schema untouched (`tracker db` looks before it changes
    anything); raise StoreError with a clear line for a bad URL or driver. Without
    `create`, a SQLite file that does not exist is an error, not a new database."""
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
        elif create:
            _make_parent(Path(parsed.database), url)
        elif not Path(parsed.database).is_file():
            raise StoreError(f"database {safe_url(url)}: no such file {parsed.database}")
    try:
        engine = create_engine(parsed, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"database {safe_url(url)}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def open_engine(url: str) -> Engine:
    """The engine, its database brought to the newest schema revision; raise StoreError
    with a clear line on failure."""
    engine = connect(url)
    with store_errors(url):
        bring_to_head(engine)
    return engine


@contextmanager
def store_errors(url: str) -> Iterator[None]:
    """Database failures as StoreError: one line naming the database (password hidden)."""
    try:
        yield
    except SchemaError as exc:
        raise StoreError(f"database {safe_url(url)}: {exc}") from None
    except (OperationalError, DBAPIError) as exc:
        raise StoreError(f"database {safe_url(url)}: {_first_line(exc.orig)}") from None
    except SQLAlchemyError as exc:
        raise StoreError(f"database {safe_url(url)}: {_first_line(exc)}") from None


def _first_line(exc: BaseException | None) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def bring_to_head(engine: Engine) -> None:
    """Upgrade the database to the newest revision unless it is there already. The
    check reads one row and needs neither the lock nor Alembic, so a read command on an
    up-to-date database pays for neither; an upgrade happens under the schema lock and
    looks again there, as another process may have done it meanwhile. An empty database
    gets its schema by running the revisions too, from the baseline on: one path for
    every database, so a fresh one and an upgraded one cannot differ."""
    with engine.connect() as conn:
        if at_head(conn):
            return
    with schema_lock(engine) as conn:
        from tracker.store.migrations.runner import upgrade  # only when needed

        upgrade(conn)


# any fixed 64-bit number; the same in every tracker process, so they take turns
SCHEMA_LOCK = 0x7472_6163_6B65_72  # "tracker"


@contextmanager
def schema_lock(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that only one process at a time holds: the schema
    is changed inside it, and two processes starting together on a fresh (or older)
    database would otherwise both change it. PostgreSQL: a transaction-scoped advisory
    lock (DDL is transactional there, so the second process sees the finished schema).
    SQLite: BEGIN IMMEDIATE takes the file's write lock for the whole change; the other
    waits (busy timeout) and then finds it done. Foreign keys are off meanwhile, as
    SQLite asks for table rebuilds (batch migrations), and checked before the commit."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})
            yield conn
        return
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            yield conn
        return
    with engine.connect() as plain:
        # pysqlite opens its own transactions only before DML; autocommit lets us open
        # the immediate one ourselves, around the DDL
        conn = plain.execution_options(isolation_level="AUTOCOMMIT")
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                yield conn
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise SchemaError(f"the change would break a foreign key of {broken[0]}")
            except BaseException:
                conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def _make_parent(path: Path, url: str) -> None:
    """A new SQLite file may need its folder; create it, or say why not."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"database {safe_url(url)}: cannot create folder {path.parent}: {exc.strerror or exc}"
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
