"""worker heartbeats and feed leases (issue 13, items 1 and 3)

The `worker` table (one row per `tracker run`, tracker/store/workers.py) and the lease
columns by which workers on one PostgreSQL claim a due feed (tracker/store/leases.py).
What a database already has of them is kept (as in 0002: a database whose tables were
made from the models, with no revision recorded, has them already).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 18:41:43.763424
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy import inspect

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    inspector = inspect(op.get_bind())
    if not inspector.has_table("worker"):
        _create_worker()
    present = {c["name"] for c in inspector.get_columns("feed")}
    with op.batch_alter_table("feed", schema=None) as batch_op:
        if "lease_owner" not in present:
            batch_op.add_column(sa.Column("lease_owner", sa.Integer(), nullable=True))
        if "lease_until" not in present:
            batch_op.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))


def _create_worker() -> None:
    op.create_table(
        "worker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("pid", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beat_seconds", sa.Float(), nullable=False),
        sa.Column("feeds_polled", sa.Integer(), nullable=False),
        sa.Column("leader", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    """Drops the heartbeats and the leases in force (stop every worker first)."""
    with op.batch_alter_table("feed", schema=None) as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("lease_owner")

    op.drop_table("worker")
