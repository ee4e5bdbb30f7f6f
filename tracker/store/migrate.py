"""Bring a database made before migrations to the baseline: add the tables, columns and
indexes of the frozen baseline schema (tracker/store/migrations/baseline.py) that an older
version's database lacks. Revision 0001 runs this; every later change of the schema is
a revision of its own (tracker/store/migrations/versions/).

Older versions only ever added columns, with a default, so this is enough to bring any
of their databases to the baseline. A new column derived from data already stored is
filled in for the old rows once, when it is added (`BACKFILLS`). Indexes are created
(CREATE INDEX IF NOT EXISTS) when missing; indexes an older version made and the
baseline no longer declares are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import ColumnDefault, Connection, MetaData, Table, inspect, text
from sqlalchemy.schema import CreateIndex

from tracker.corroborate import source_of


def _literal(value: object) -> str | None:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return None


def bring_to(conn: Connection, metadata: MetaData) -> list[str]:
    """Create the tables of `metadata` the database lacks, then add the columns and
    indexes its older tables lack; what was added ("table.column" and index names)."""
    metadata.create_all(conn)  # checkfirst: only the missing tables
    tables = list(metadata.sorted_tables)
    return add_missing_columns(conn, tables) + add_missing_indexes(conn, tables)


def add_missing_columns(conn: Connection, tables: Sequence[Table]) -> list[str]:
    """ALTER TABLE ... ADD COLUMN for every column of `tables` the database lacks, with
    its default so that the rows already there get one; their names. Tables the
    database lacks are skipped (create them first). Works in the connection's
    transaction, under its lock (tracker.store.engine.schema_lock)."""
    inspector = inspect(conn)
    added: list[str] = []
    for table in tables:
        if not inspector.has_table(table.name):
            continue
        present = {c["name"] for c in inspector.get_columns(table.name)}
        for column in [c for c in table.columns if c.name not in present]:
            default = column.default
            literal = _literal(default.arg) if isinstance(default, ColumnDefault) else None
            ddl = f"ALTER TABLE {table.name} ADD COLUMN {column.name} "
            ddl += column.type.compile(dialect=conn.dialect)
            if literal is not None:
                ddl += f" DEFAULT {literal}"
                # the rows already there get the default, so the column can be NOT NULL
                # as declared (versions before migrations left such columns nullable)
                ddl += "" if column.nullable else " NOT NULL"
            conn.execute(text(ddl))
            added.append(f"{table.name}.{column.name}")
    for name in added:
        if name in BACKFILLS:
            BACKFILLS[name](conn)
    return added


def add_missing_indexes(conn: Connection, tables: Sequence[Table]) -> list[str]:
    """CREATE INDEX IF NOT EXISTS for every index of `tables` the database lacks; their
    names. Existing indexes are found with one look per table, so an up-to-date database
    runs no DDL at all (on PostgreSQL even a no-op CREATE INDEX locks the table)."""
    inspector = inspect(conn)
    missing = []
    for table in tables:
        if not inspector.has_table(table.name):
            continue
        present = {i["name"] for i in inspector.get_indexes(table.name)}
        missing += [
            i for i in sorted(table.indexes, key=lambda i: str(i.name)) if i.name not in present
        ]
    for index in missing:
        conn.execute(CreateIndex(index, if_not_exists=True))
    return [str(index.name) for index in missing]


def backfill_finding_sources(conn: Connection) -> None:
    """The source of each finding of an older database, from its entry's link or feed."""
    rows = conn.execute(
        text(
            "SELECT DISTINCT entry.id, entry.url, feed.url FROM finding"
            " JOIN entry ON entry.id = finding.entry_id"
            " LEFT JOIN feed ON feed.id = entry.feed_id"
        )
    ).all()
    by_source: dict[str, list[int]] = {}
    for entry_id, url, feed_url in rows:
        by_source.setdefault(source_of(url or "", feed_url or ""), []).append(entry_id)
    update = text("UPDATE finding SET source = :source WHERE entry_id = :entry_id")
    for source, ids in by_source.items():
        conn.execute(update, [{"source": source, "entry_id": i} for i in ids])


def backfill_entries_recognized(conn: Connection) -> None:
    """An older database's entries with findings were recognised; those without may not
    have been (it committed entries before findings), so they stay unrecognised and are
    read again, once, when an ingest meets them again (or by `rescan`)."""
    conn.execute(
        text(
            "UPDATE entry SET recognized = TRUE"
            " WHERE EXISTS (SELECT 1 FROM finding WHERE finding.entry_id = entry.id)"
        )
    )


BACKFILLS: dict[str, Callable[[Connection], None]] = {
    "finding.source": backfill_finding_sources,
    "entry.recognized": backfill_entries_recognized,
}
