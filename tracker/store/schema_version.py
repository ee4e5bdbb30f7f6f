"""Which schema revision a database is at, read without importing Alembic.

Every command opens the database; one that is already at the newest revision (the
usual case) only reads `alembic_version` and compares it with `HEAD`, so read commands
such as `tracker status` never pay for importing Alembic and its migration scripts.
Only a database that needs an upgrade loads them (tracker/store/migrations/runner.py).

`HEAD` must name the newest revision in tracker/store/migrations/versions/: a test
(tests/integration/test_migrations.py) checks it against Alembic's own head, and
`python -m tracker.store.migrations revision` updates it when it writes a revision.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

HEAD = "0005"
BASELINE = "0001"  # the schema of the last tracker before migrations (b25f5cf)
VERSION_TABLE = "alembic_version"


class SchemaError(Exception):
    """This code cannot use the database's schema (e.g. a newer tracker upgraded it);
    str() is a one-line reason."""


def stored_revisions(conn: Connection) -> tuple[str, ...]:
    """The revisions recorded in the database: () for one made before migrations (or an
    empty one), one revision otherwise (the history has a single line)."""
    if not conn.dialect.has_table(conn, VERSION_TABLE):
        return ()
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()
    return tuple(sorted(rows))


def at_head(conn: Connection) -> bool:
    """The database needs no migration: its one recorded revision is HEAD."""
    return stored_revisions(conn) == (HEAD,)
