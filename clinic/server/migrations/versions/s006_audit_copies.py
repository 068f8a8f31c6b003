"""Each laptop's audit entries, kept by the server as the laptop sent them (sealed to the
organization and signed by the laptop), so a laptop's audit log rewritten afterwards is caught
at its next sync and the organization still reads what was first written (issue 17 point 6);
and the ML-KEM-768 half of an organization's key, set up from now on (point 8).

Revision ID: s006
Revises: s005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s006"
down_revision = "s005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_copies",
        sa.Column("device_id", sa.String(32), primary_key=True),
        sa.Column("seq", sa.BigInteger, primary_key=True),
        sa.Column("mac", sa.String(64), nullable=False),
        sa.Column("envelope", sa.LargeBinary, nullable=False),
        sa.Column("received_at", sa.String(32), nullable=False),
    )
    op.add_column("devices", sa.Column("audit_alarm", sa.Text, nullable=False, server_default=""))
    op.add_column("org", sa.Column("pq_public_key", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    op.drop_column("org", "pq_public_key")
    op.drop_column("devices", "audit_alarm")
    op.drop_table("audit_copies")
