"""card refunds relayed for the tills (one row per refund attempt of a till, written before Stripe is
called), and the indexes the relay's pruning of old rows reads

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_refunds",
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("refund_key", sa.Text(), nullable=False),
        sa.Column("payment_intent_id", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("refund_id", sa.Text(), nullable=True),
        sa.Column("refund_json", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("till_id", "refund_key"),
    )
    op.create_index("card_refunds_intent", "card_refunds", ["payment_intent_id"])
    op.create_index("card_payments_created", "card_payments", ["created_at"])
    op.create_index("stripe_events_received", "stripe_events", ["received_at"])
    op.create_index("till_messages_created", "till_messages", ["created_at"])


def downgrade() -> None:
    op.drop_index("till_messages_created", table_name="till_messages")
    op.drop_index("stripe_events_received", table_name="stripe_events")
    op.drop_index("card_payments_created", table_name="card_payments")
    op.drop_index("card_refunds_intent", table_name="card_refunds")
    op.drop_table("card_refunds")
