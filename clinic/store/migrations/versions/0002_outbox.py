"""The sync outbox: events waiting to be pushed; every event already stored is queued.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("event_id", sa.String(32), sa.ForeignKey("events.event_id"), primary_key=True),
        sa.Column("queued_at", sa.String(32), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    )
    # Events written before the outbox existed have never been pushed: queue them all.
    op.execute(
        "INSERT INTO outbox (event_id, queued_at, attempts) "
        "SELECT event_id, at, 0 FROM events ORDER BY seq"
    )


def downgrade() -> None:
    op.drop_table("outbox")
