"""returns: the number on each return's receipt, so a till typing it is told it is a return, not a sale
(filled for the returns already recorded from their events)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 20:00:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("returns", sa.Column("receipt_no", sa.Text(), nullable=True))
    op.create_index("returns_receipt", "returns", ["receipt_no"])
    conn = op.get_bind()
    rows = conn.execute(
        sa.text("SELECT r.return_uuid, e.payload FROM returns r JOIN events e ON e.event_id = r.event_id")
    ).all()
    for return_uuid, payload in rows:
        receipt_no = json.loads(payload).get("receipt_no")
        if receipt_no:
            conn.execute(
                sa.text("UPDATE returns SET receipt_no = :no WHERE return_uuid = :u"),
                {"no": receipt_no, "u": return_uuid},
            )


def downgrade() -> None:
    op.drop_index("returns_receipt", table_name="returns")
    op.drop_column("returns", "receipt_no")
