"""baseline: the schema of the last tracker before migrations (b25f5cf)

Creates what of the frozen baseline (tracker/store/migrations/baseline.py) the database
lacks: every table on an empty database; on a database made by an earlier version, the
tables, columns (with their defaults and backfills) and indexes added since it was made,
and without the indexes retired since.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import inspect

from tracker.store.migrate import bring_to
from tracker.store.migrations.baseline import METADATA, RETIRED_INDEXES

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    bring_to(bind, METADATA)
    found = inspect(bind)
    for table, names in RETIRED_INDEXES.items():
        present = {i["name"] for i in found.get_indexes(table)}
        for name in names:
            if name in present:
                op.drop_index(name, table_name=table)


def downgrade() -> None:
    METADATA.drop_all(op.get_bind())
