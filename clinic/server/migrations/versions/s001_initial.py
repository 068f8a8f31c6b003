"""The server's first schema: org, devices, enroll codes, events, org index, alerts.

Revision ID: s001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org",
        sa.Column("org_id", sa.String(32), primary_key=True),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("enrolled_at", sa.String(32), nullable=False),
        sa.Column("revoked", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("last_seen", sa.String(32), nullable=True),
        sa.Column("audit_seq", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("audit_mac", sa.String(64), nullable=False, server_default=""),
    )
    op.create_table(
        "enroll_codes",
        sa.Column("code_id", sa.String(16), primary_key=True),
        sa.Column("proof", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("bundle", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
        sa.Column("used_by", sa.String(32), nullable=True),
    )
    op.create_table(
        "events",
        sa.Column("cursor", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False, unique=True),
        sa.Column("record_id", sa.String(32), nullable=False),
        sa.Column("device_id", sa.String(32), nullable=False),
        sa.Column("envelope", sa.LargeBinary, nullable=False),
        sa.Column("envelope_hash", sa.String(64), nullable=False),
        sa.Column("recipients", sa.Text, nullable=False),
        sa.Column("tally", sa.Text, nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_events_day", "events", ["day"])
    op.create_table(
        "org_index",
        sa.Column("kind", sa.String(16), primary_key=True),
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("record_id", sa.String(32), primary_key=True),
        sa.Column("device_id", sa.String(32), nullable=False),
    )
    op.create_index("ix_org_index_record", "org_index", ["record_id"])
    op.create_table(
        "alerts",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.String(64), nullable=False, unique=True),
        sa.Column("effective", sa.String(10), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for name in ("alerts", "org_index", "events", "enroll_codes", "devices", "org"):
        op.drop_table(name)
