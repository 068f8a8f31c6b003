"""The server keeps the organization's signing public key and serves it with the org key, so an
enrolling laptop checks that the code's grant is signed by the organization (issue 17).

Revision ID: s004
Revises: s003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s004"
down_revision = "s003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("org") as batch:
        batch.add_column(sa.Column("signing_public_key", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("org") as batch:
        batch.drop_column("signing_public_key")
