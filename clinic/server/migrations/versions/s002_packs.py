"""Form packs the organization publishes (signed), sent down to every laptop.

Revision ID: s002
Revises: s001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s002"
down_revision = "s001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "packs",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("pack_key", sa.String(64), nullable=False, unique=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("signature", sa.String(128), nullable=False),
        sa.Column("published_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("packs")
