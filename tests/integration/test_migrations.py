"""Schema migrations (issue 13, item 2): databases made by earlier versions upgrade in
place with their rows, the models equal the newest revision, and `tracker db` says what
it did.

The old databases are committed dumps made by running the old code itself
(tests/data/db-b25f5cf.*: main before migrations, SQLite and PostgreSQL; db-2f09dbe:
an older layout lacking columns added since). Real SQLite files, a real PostgreSQL the
tests start, the real CLI.

When you add a table or a column to tracker/store/tables.py, add a revision
(tracker/store/migrations/README.md): test_the_models_equal_the_newest_revision fails
until you do.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Column, Integer, create_engine, inspect, make_url, text
from sqlmodel import SQLModel

from tests.helpers import DEMO_CONFIG, ROOT, run_cli, run_together
from tests.pgdb import _pg_bin
from tracker.store import schema_version
from tracker.store.engine import connect, open_engine, schema_lock
from tracker.store.migrations import runner

DATA = ROOT / "tests" / "data"
MAIN_SQLITE = DATA / "db-b25f5cf.sqlite.sql"  # main before migrations
MAIN_POSTGRES = DATA / "db-b25f5cf.postgresql.sql"
OLDER_SQLITE = DATA / "db-2f09dbe.sqlite.sql"  # an older layout: columns missing
HEAD = schema_version.HEAD


def sqlite_from(dump: Path, path: Path) -> str:
    with sqlite3.connect(path) as db:
        db.executescript(dump.read_text(encoding="utf-8"))
    return f"sqlite:///{path}"


def fresh_postgres(postgres_url: str, name: str) -> str:
    """A new, empty database on the test's PostgreSQL server; its URL."""
    server = make_url(postgres_url)
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return server.set(database=name).render_as_string(hide_password=False)


def postgres_from(dump: Path, postgres_url: str, name: str) -> str:
    url = fresh_postgres(postgres_url, name)
    psql = _pg_bin("psql")
    if psql is None:
        pytest.skip("psql not found")
    libpq = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    subprocess.run(
        [psql, "-q", "-v", "ON_ERROR_STOP=1", "-d", libpq, "-f", str(dump)],
        check=True,
        capture_output=True,
    )
    return url


Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def snapshot(url: str) -> Snapshot:
    """Every table's columns and all its rows, as the driver returns them."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = inspect(conn)
            tables = [n for n in found.get_table_names() if n != "alembic_version"]
            columns = {n: [c["name"] for c in found.get_columns(n)] for n in tables}
            return {n: (columns[n], _rows(conn, n, columns[n])) for n in tables}
    finally:
        engine.dispose()


def _rows(conn: Any, table: str, columns: list[str]) -> list[tuple[Any, ...]]:
    quoted = ", ".join(f'"{c}"' for c in columns)
    # by the first column: the primary key of every table (`key` of evaluation_memo)
    return [tuple(r) for r in conn.execute(text(f'SELECT {quoted} FROM "{table}" ORDER BY 1'))]


def kept(before: Snapshot, url: str) -> None:
    """Every row and value of `before` is still there (columns added since aside)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            for table, (columns, rows) in before.items():
                assert _rows(conn, table, columns) == rows, table
    finally:
        engine.dispose()


def schema_diff(url: str) -> list[Any]:
    """What Alembic's autogenerate sees between the models and the database."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(context, SQLModel.metadata))
    finally:
        engine.dispose()


def revision_of(url: str) -> tuple[str, ...]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return schema_version.stored_revisions(conn)
    finally:
        engine.dispose()


def tracker(*args: str, database: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--config", str(DEMO_CONFIG), *args, env={"TRACKER_DATABASE_URL": database})


# --- the revisions themselves ------------------------------------------------------


def test_the_head_constant_names_alembics_only_head() -> None:
    """The start-up check compares with HEAD without loading Alembic: it must be right."""
    assert runner.scripts().get_heads() == [HEAD]
    assert runner.head() == HEAD
    assert runner.history()[0].revision == schema_version.BASELINE
    assert all(s.module.downgrade is not None for s in runner.history())  # each undoes itself


def test_the_models_equal_the_newest_revision_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    open_engine(url).dispose()
    assert revision_of(url) == (HEAD,)
    assert schema_diff(url) == []
    # the comparison does see a difference when there is one
    with sqlite3.connect(tmp_path / "fresh.db") as db:
        db.execute("DROP INDEX ix_entry_url")
    assert [d[0] for d in schema_diff(url)] == ["add_index"]


def test_the_models_equal_the_newest_revision_on_postgresql(postgres_url: str) -> None:
    url = fresh_postgres(postgres_url, f"mig_fresh_{os.getpid()}")
    open_engine(url).dispose()
    assert revision_of(url) == (HEAD,)
    assert schema_diff(url) == []


# --- databases made by earlier versions ----------------------------------------------


@pytest.fixture
def main_sqlite(tmp_path: Path) -> str:
    return sqlite_from(MAIN_SQLITE, tmp_path / "main.db")


def test_a_sqlite_database_made_by_main_upgrades_in_place_with_its_rows(main_sqlite: str) -> None:
    before = snapshot(main_sqlite)
    assert revision_of(main_sqlite) == () and before["finding"] and before["alert"]
    current = tracker("db", "current", database=main_sqlite)
    assert current.returncode == 0, current.stderr
    assert "no revision (made by a tracker before migrations)" in current.stdout
    assert f"behind head {HEAD}" in current.stdout
    done = tracker("db", "upgrade", database=main_sqlite)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.strip().endswith(
        f"upgraded from no revision (made before migrations) to {HEAD}"
    )
    assert revision_of(main_sqlite) == (HEAD,)
    kept(before, main_sqlite)
    assert schema_diff(main_sqlite) == []
    again = tracker("db", "upgrade", database=main_sqlite)
    assert f"already at revision {HEAD}, nothing to do" in again.stdout
    # and the tracker reads it as before: the mute (made 2026-12-01 for 30 days), the
    # last-seen days of the findings
    status = tracker("status", "--json", "--as-of", "2026-12-15", database=main_sqlite)
    assert status.returncode == 0, status.stderr
    officials = {o["name"]: o for o in json.loads(status.stdout)["officials"]}
    assert officials["Sergey Lavrov"]["mute_reason"] == "invented: on leave"
    engine = create_engine(main_sqlite)
    with engine.connect() as conn:
        latest = dict(
            conn.execute(
                text(
                    "SELECT official.name, max(day) FROM finding JOIN official"
                    " ON official.id = finding.official_id WHERE kind = 'appearance'"
                    " GROUP BY official.name"
                )
            ).all()
        )
    engine.dispose()
    assert latest and {n: officials[n]["last_seen"] for n in latest} == latest


def test_a_postgresql_database_made_by_main_upgrades_in_place_with_its_rows(
    postgres_url: str,
) -> None:
    url = postgres_from(MAIN_POSTGRES, postgres_url, f"mig_main_{os.getpid()}")
    before = snapshot(url)
    assert revision_of(url) == () and before["finding"] and before["alert"]
    done = tracker("db", "upgrade", database=url)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert f"from no revision (made before migrations) to {HEAD}" in done.stdout
    assert revision_of(url) == (HEAD,)
    kept(before, url)
    assert schema_diff(url) == []


def test_a_database_of_an_older_layout_gets_the_missing_columns_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    url = sqlite_from(OLDER_SQLITE, tmp_path / "older.db")
    before = snapshot(url)
    assert "source" not in _sqlite_columns(tmp_path / "older.db", "finding")
    open_engine(url).dispose()  # any command upgrades it at start-up
    assert revision_of(url) == (HEAD,)
    kept(before, url)
    assert schema_diff(url) == []
    with sqlite3.connect(tmp_path / "older.db") as db:
        # backfilled when added: the source of each finding, entries with findings read
        sources = {s for (s,) in db.execute("SELECT source FROM finding")}
        unrecognised = db.execute(
            "SELECT count(*) FROM entry WHERE NOT recognized"
            " AND id IN (SELECT entry_id FROM finding)"
        ).fetchone()
        defaults = db.execute("SELECT DISTINCT missed, owed, channel FROM alert").fetchall()
    assert sources and "" not in sources
    assert unrecognised == (0,)
    assert defaults == [("", "", "")]


def _sqlite_columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def test_upgrade_downgrade_to_the_baseline_and_upgrade_again_keeps_the_rows(
    main_sqlite: str,
) -> None:
    before = snapshot(main_sqlite)
    engine = connect(main_sqlite)
    try:
        with schema_lock(engine) as conn:
            assert runner.upgrade(conn).after == HEAD
        with schema_lock(engine) as conn:
            down = runner.downgrade(conn, schema_version.BASELINE)
        assert down.after == schema_version.BASELINE
        kept(before, main_sqlite)
        with schema_lock(engine) as conn:
            assert runner.upgrade(conn).after == HEAD
    finally:
        engine.dispose()
    kept(before, main_sqlite)
    assert schema_diff(main_sqlite) == []


def test_the_baseline_downgrades_to_nothing_and_builds_again(tmp_path: Path) -> None:
    """The baseline's own downgrade (which the CLI refuses: it drops every table)."""
    url = f"sqlite:///{tmp_path / 'b.db'}"
    engine = open_engine(url)
    try:
        with schema_lock(engine) as conn:
            command.downgrade(runner.config(conn), "base")
        with engine.connect() as conn:
            assert inspect(conn).get_table_names() == ["alembic_version"]
            assert schema_version.stored_revisions(conn) == ()
        with schema_lock(engine) as conn:
            assert runner.upgrade(conn).after == HEAD
    finally:
        engine.dispose()
    assert schema_diff(url) == []


def test_a_sqlite_table_rebuild_keeps_the_rows_and_their_foreign_keys(main_sqlite: str) -> None:
    """What a batch revision does on SQLite (copy the table, drop it, rename the copy),
    to a table other tables point at, in the schema lock: foreign keys are off for the
    rebuild and checked before the commit."""
    open_engine(main_sqlite).dispose()
    before = snapshot(main_sqlite)
    engine = connect(main_sqlite)
    try:
        for step in ("add", "drop"):
            with schema_lock(engine) as conn:
                operations = Operations(MigrationContext.configure(conn))
                with operations.batch_alter_table("official", recreate="always") as batch:
                    if step == "add":
                        batch.add_column(Column("scratch", Integer))
                    else:
                        batch.drop_column("scratch")
    finally:
        engine.dispose()
    kept(before, main_sqlite)
    assert schema_diff(main_sqlite) == []
    with sqlite3.connect(make_url(main_sqlite).database or "") as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []


# --- start-up and the CLI ------------------------------------------------------------


def test_two_processes_starting_together_on_an_old_database_both_upgrade_cleanly(
    main_sqlite: str,
) -> None:
    args = ["--config", str(DEMO_CONFIG), "status", "--as-of", "2025-12-01"]
    for code, err in run_together(*args, env={"TRACKER_DATABASE_URL": main_sqlite}):
        assert code == 0 and err == "", err
    assert revision_of(main_sqlite) == (HEAD,)


@pytest.fixture
def newer(main_sqlite: str) -> Iterator[str]:
    """A database a newer tracker upgraded: its revision is unknown here."""
    open_engine(main_sqlite).dispose()
    engine = create_engine(main_sqlite)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    yield main_sqlite


@pytest.mark.parametrize("args", [["db", "current"], ["db", "upgrade"], ["status"]], ids=" ".join)
def test_a_database_newer_than_the_code_is_refused_in_one_line(newer: str, args: list[str]) -> None:
    done = tracker(*args, database=newer)
    assert done.returncode == 4, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "revision 9999 is newer than this tracker knows" in done.stderr
    assert revision_of(newer) == ("9999",)  # untouched


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["db", "downgrade", "base"], 2, "unknown revision 'base'"),
        (["db", "downgrade", "0x"], 2, "unknown revision '0x'"),
        (["db", "upgrade", "0x"], 2, "unknown revision '0x'"),
        (["db", "current", "--database", "sqlite:///no/such.db"], 4, "no such file"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else str(v),
)
def test_db_commands_given_a_wrong_revision_or_database_exit_with_one_line(
    main_sqlite: str, args: list[str], code: int, says: str
) -> None:
    open_engine(main_sqlite).dispose()
    done = tracker(*args, database=main_sqlite)
    assert done.returncode == code and done.stderr.count("\n") == 1, done.stderr
    assert says in done.stderr
    assert revision_of(main_sqlite) == (HEAD,)


def test_db_current_and_upgrade_on_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    sqlite3.connect(tmp_path / "new.db").close()
    empty = tracker("db", "current", database=url)
    assert empty.returncode == 0 and "empty, no schema yet" in empty.stdout
    done = tracker("db", "upgrade", database=url)
    assert done.returncode == 0 and f"created the schema, from no revision to {HEAD}" in done.stdout
    current = tracker("db", "current", database=url)
    assert current.stdout.strip().endswith(f"revision {HEAD}, at head")
    history = tracker("db", "history", database=url)
    assert history.stdout.splitlines()[-1].startswith(HEAD) and "(head)" in history.stdout
