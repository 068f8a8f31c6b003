"""Signed requests already taken, kept in the database (not in one process's memory), so a
request replayed to another worker of the same server is refused too (issue 18: several
workers).

Revision ID: s005
Revises: s004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s005"
down_revision = "s004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signed_requests",
        sa.Column("signature", sa.String(128), primary_key=True),
        sa.Column("taken_at", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_signed_requests_taken_at", "signed_requests", ["taken_at"])


def downgrade() -> None:
    op.drop_index("ix_signed_requests_taken_at", "signed_requests")
    op.drop_table("signed_requests")
