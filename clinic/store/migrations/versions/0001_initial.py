"""The initial schema: meta, users (key wraps), records, encrypted events, blind index, audit.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("username", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("disabled", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("header", sa.Text, nullable=True),
        sa.Column("wrapped", sa.LargeBinary, nullable=True),
    )
    op.create_table(
        "records",
        sa.Column("record_id", sa.String(32), primary_key=True),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(32), primary_key=True),
        sa.Column("record_id", sa.String(32), sa.ForeignKey("records.record_id"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("clock", sa.Integer, nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("blob", sa.LargeBinary, nullable=False),
        sa.Column("tally", sa.Text, nullable=False),
    )
    op.create_index("ix_events_record", "events", ["record_id", "seq"])
    op.create_table(
        "blind_index",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("digest", sa.LargeBinary, primary_key=True),
        sa.Column("record_id", sa.String(32), sa.ForeignKey("records.record_id"), primary_key=True),
    )
    op.create_index("ix_blind_index_record", "blind_index", ["record_id"])
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("at", sa.String(32), nullable=False),
        sa.Column("user", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(32), nullable=True),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("mac", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for table in ("audit", "blind_index", "events", "records", "users", "meta"):
        op.drop_table(table)
