"""history version and evaluation memo (issue 11, item 1: `status` flat in history)

`history_version` is one row counted up, in the writing transaction, by triggers on every
change to `finding` and on a change of an entry's link or title or its deletion, with the
latest publication or recording time ever stored; `evaluation_memo` keeps what an
evaluation read from history at one version (tracker/store/memo.py). The triggers are the
only writers of the version, so no code path that changes findings can forget to count:
not ingest, rescan, replay, corrections' rescans, nor SQL typed by hand.

On PostgreSQL the triggers are deferred constraint triggers: the row is counted up at
commit, after every other lock of the transaction is held, so concurrent writers wait
for each other only for the commit itself and cannot deadlock on it; each transaction
counts once (`tx`), and later rows of it only raise `latest` when they need to.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 03:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SQLITE_BUMP = "UPDATE history_version SET version = version + 1{latest} WHERE id = 1;"
_SQLITE_LATEST = ", latest = max(coalesce(latest, NEW.published), NEW.published, NEW.seen_at)"
SQLITE_TRIGGERS = {
    "history_finding_insert": ("AFTER INSERT ON finding", _SQLITE_LATEST),
    "history_finding_update": ("AFTER UPDATE ON finding", _SQLITE_LATEST),
    "history_finding_delete": ("AFTER DELETE ON finding", ""),
    "history_entry_update": ("AFTER UPDATE OF url, title ON entry", ""),
    "history_entry_delete": ("AFTER DELETE ON entry", ""),
}

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_history_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    newest timestamptz := NULL;
BEGIN
    IF TG_TABLE_NAME = 'finding' AND TG_OP <> 'DELETE' THEN
        newest := greatest(NEW.published, NEW.seen_at);
    END IF;
    UPDATE history_version
       SET version = version + CASE WHEN tx IS DISTINCT FROM txid_current() THEN 1 ELSE 0 END,
           latest = greatest(latest, newest),
           tx = txid_current()
     WHERE id = 1
       AND (tx IS DISTINCT FROM txid_current()
            OR (newest IS NOT NULL AND (latest IS NULL OR newest > latest)));
    RETURN NULL;
END
$$
"""
POSTGRES_TRIGGERS = {
    "history_finding": "AFTER INSERT OR UPDATE OR DELETE ON finding",
    "history_entry": "AFTER UPDATE OF url, title OR DELETE ON entry",
}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    if not inspector.has_table("history_version"):
        op.create_table(
            "history_version",
            sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
            sa.Column("version", sa.BigInteger(), nullable=False),
            sa.Column("latest", sa.DateTime(timezone=True), nullable=True),
            sa.Column("tx", sa.BigInteger(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        )
    if not inspector.has_table("evaluation_memo"):
        op.create_table(
            "evaluation_memo",
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("version", sa.BigInteger(), nullable=False),
            sa.Column("past", sa.Boolean(), nullable=False),
            sa.Column("written_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("payload", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        )
    postgres = op.get_bind().dialect.name == "postgresql"
    newest = "greatest" if postgres else "max"
    # what a database already has of them (made by this revision, its revision record
    # lost since) is counted afresh: nothing remembered before is recalled
    op.execute("DELETE FROM evaluation_memo")
    op.execute(
        "INSERT INTO history_version (id, version) SELECT 1, -1"
        " WHERE NOT EXISTS (SELECT 1 FROM history_version WHERE id = 1)"
    )
    op.execute(
        "UPDATE history_version SET version = version + 1, latest ="
        f" (SELECT {newest}(max(published), max(seen_at)) FROM finding) WHERE id = 1"
    )
    if postgres:
        op.execute(POSTGRES_FUNCTION)
        for name, when in POSTGRES_TRIGGERS.items():
            table = when.rsplit(" ", 1)[1]
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(
                f"CREATE CONSTRAINT TRIGGER {name} {when}"
                " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                " EXECUTE FUNCTION tracker_history_changed()"
            )
        return
    for name, (when, latest) in SQLITE_TRIGGERS.items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN {_SQLITE_BUMP.format(latest=latest)} END")


def downgrade() -> None:
    """Drops the triggers and both tables (what was remembered is only a cache)."""
    if op.get_bind().dialect.name == "postgresql":
        for name, when in POSTGRES_TRIGGERS.items():
            table = when.rsplit(" ", 1)[1]
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS tracker_history_changed()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("evaluation_memo")
    op.drop_table("history_version")
