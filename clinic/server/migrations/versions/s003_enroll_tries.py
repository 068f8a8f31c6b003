"""Enrollment codes count wrong tries: a code is refused for good after a few (issue 17).

Revision ID: s003
Revises: s002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s003"
down_revision = "s002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("enroll_codes") as batch:
        batch.add_column(sa.Column("failures", sa.Integer, nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("enroll_codes") as batch:
        batch.drop_column("failures")
