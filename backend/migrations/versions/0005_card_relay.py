"""card payments relayed for the tills: readers of each store, the attempts, Stripe's events, the tills'
channel, the chain's Stripe budget

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "card_readers",
        sa.Column("reader_id", sa.Text(), nullable=False),
        sa.Column("store_id", sa.Text(), nullable=False),
        sa.Column("reader_json", sa.Text(), nullable=True),
        sa.Column("read_at", sa.Float(), nullable=True),
        sa.Column("action_json", sa.Text(), nullable=True),
        sa.Column("action_pi", sa.Text(), nullable=True),
        sa.Column("action_known", sa.Boolean(create_constraint=False), server_default="1", nullable=False),
        sa.Column("command_at", sa.Float(), nullable=True),
        sa.Column("version", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("reader_id"),
    )
    op.create_table(
        "card_payments",
        sa.Column("attempt_id", sa.Text(), nullable=False),
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("store_id", sa.Text(), nullable=True),
        sa.Column("sale_uuid", sa.Text(), nullable=False),
        sa.Column("reader_id", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("payment_intent_id", sa.Text(), nullable=True),
        sa.Column("pi_json", sa.Text(), nullable=True),
        sa.Column("pi_rank", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pi_at", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("version", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("capture_key", sa.Text(), nullable=True),
        sa.Column("capture_amount", sa.BigInteger(), nullable=True),
        sa.Column("capture_state", sa.Text(), nullable=True),
        sa.Column("capture_due", sa.Float(), nullable=True),
        sa.Column("capture_tries", sa.Integer(), server_default="0", nullable=False),
        sa.Column("capture_lease", sa.Float(), nullable=True),
        sa.Column("capture_error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("attempt_id"),
        sa.UniqueConstraint("payment_intent_id"),
    )
    op.create_index("card_payments_capture", "card_payments", ["capture_state", "capture_due"])
    op.create_index("card_payments_sale", "card_payments", ["sale_uuid"])
    op.create_table(
        "stripe_events",
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("created", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.Float(), nullable=False),
        sa.Column("via", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("event_id"),
    )
    op.create_table(
        "till_messages",
        sa.Column("seq", big, autoincrement=True, nullable=False),
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("till_messages_till", "till_messages", ["till_id", "seq"])
    op.create_table(
        "stripe_budget",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("tat", sa.Float(), nullable=False),
        sa.Column("window_start", sa.Float(), server_default="0", nullable=False),
        sa.Column("count", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("prev_count", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("limited", sa.BigInteger(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("key"),
        prefixes=["UNLOGGED"] if postgres else [],
    )


def downgrade() -> None:
    op.drop_table("stripe_budget")
    op.drop_index("till_messages_till", table_name="till_messages")
    op.drop_table("till_messages")
    op.drop_table("stripe_events")
    op.drop_index("card_payments_sale", table_name="card_payments")
    op.drop_index("card_payments_capture", table_name="card_payments")
    op.drop_table("card_payments")
    op.drop_table("card_readers")
