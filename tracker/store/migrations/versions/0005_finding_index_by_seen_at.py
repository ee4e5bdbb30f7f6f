"""finding index by official, kind and seen_at (issue 11: the daemon flat in history)

An alert's timeline is its official's six latest appearances by when they happened
(`alert_store.sightings`, ordered by seen_at). Without an index in that order every
appearance of the official was read and sorted for each alert, so the daemon's
evaluation grew with history; along this index it reads six rows. `id` ends the index
so that the order's tie-break (newest id first) is in it too, on PostgreSQL as on
SQLite. Only an index is added: no table is rebuilt, so revision 0004's triggers stay.
A database that has it already (made by this version's tables, its revision record lost)
keeps it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 14:44:32
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEX = "ix_finding_official_kind_seen"


def upgrade() -> None:
    present = {i["name"] for i in sa.inspect(op.get_bind()).get_indexes("finding")}
    if INDEX in present:
        return
    op.create_index(INDEX, "finding", ["official_id", "kind", "seen_at", "id"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="finding")
