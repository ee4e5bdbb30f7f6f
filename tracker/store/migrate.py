"""The one schema step beyond create_all: add columns and indexes that a newer version
of the tables has and an older database lacks.

There are no migrations yet. New columns only ever get added, with a default, so an
older database keeps working after an upgrade. A new column derived from data already
stored is filled in for the old rows once, when it is added (`BACKFILLS`). A new index
is created (CREATE INDEX IF NOT EXISTS) the first time a newer version opens the
database; indexes an older version made and this one no longer declares are left as they
are. Anything
else (a changed or dropped column) would need a real migration tool.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.schema import CreateIndex

from tracker.corroborate import source_of
from tracker.store.tables import TABLES


def _literal(value: object) -> str | None:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return None


def add_missing_columns(bind: Engine | Connection) -> list[str]:
    """ALTER TABLE ... ADD COLUMN for every model column the database lacks; their names.
    Given a connection, it works in that connection's transaction (and under its lock:
    tracker.store.engine.create_schema)."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return add_missing_columns(conn)
    return _add_missing_columns(bind)


def _add_missing_columns(conn: Connection) -> list[str]:
    inspector = inspect(conn)
    added: list[str] = []
    for model in TABLES:
        table = model.__table__  # type: ignore[attr-defined]
        if not inspector.has_table(table.name):
            continue
        present = {c["name"] for c in inspector.get_columns(table.name)}
        missing = [c for c in table.columns if c.name not in present]
        for column in missing:
            field = model.model_fields.get(column.name)
            default = _literal(field.default) if field is not None else None
            ddl = f"ALTER TABLE {table.name} ADD COLUMN {column.name} "
            ddl += column.type.compile(dialect=conn.dialect)
            if default is not None:
                ddl += f" DEFAULT {default}"
            conn.execute(text(ddl))
            added.append(f"{table.name}.{column.name}")
    for name in added:
        if name in BACKFILLS:
            BACKFILLS[name](conn)
    return added


def add_missing_indexes(bind: Engine | Connection) -> list[str]:
    """CREATE INDEX IF NOT EXISTS for every declared index the database lacks; their
    names. Existing indexes are found with one look per table, so an up-to-date database
    runs no DDL at all (on PostgreSQL even a no-op CREATE INDEX locks the table). Given a
    connection, it works in that connection's transaction, like add_missing_columns."""
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            return add_missing_indexes(conn)
    inspector = inspect(bind)
    missing = []
    for model in TABLES:
        table = model.__table__  # type: ignore[attr-defined]
        if not inspector.has_table(table.name):
            continue
        present = {i["name"] for i in inspector.get_indexes(table.name)}
        missing += [i for i in sorted(table.indexes, key=lambda i: i.name) if i.name not in present]
    for index in missing:
        bind.execute(CreateIndex(index, if_not_exists=True))
    return [index.name for index in missing]


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
