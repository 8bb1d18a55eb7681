"""returns and pickups: claims held before a refund, store credit, partial hand-overs, pickup shelves

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-08 09:00:00

Columns added to existing tables have defaults (or are nullable), so the rows already there stay valid:
an order without a shelf or a collection date is listed for pickup without them; a line without a
known tax amount has its return's tax computed from its rate by the till.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "return_claims",
        sa.Column("return_uuid", sa.Text(), nullable=False),
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("original_kind", sa.Text(), nullable=False),
        sa.Column("original_ref", sa.Text(), nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.CheckConstraint("state IN ('claimed', 'completed', 'released')", name="return_claims_state"),
        sa.PrimaryKeyConstraint("return_uuid"),
    )
    op.create_table(
        "store_credits",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("issued", sa.BigInteger(), nullable=False),
        sa.Column("return_uuid", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Text(), nullable=False),
        sa.CheckConstraint("issued >= 0", name="store_credits_issued"),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "credit_redemptions",
        sa.Column("redemption_id", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("sale_uuid", sa.Text(), nullable=True),
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.CheckConstraint("status IN ('redeemed', 'released')", name="credit_redemptions_status"),
        sa.CheckConstraint("amount > 0", name="credit_redemptions_amount"),
        sa.ForeignKeyConstraint(["code"], ["store_credits.code"]),
        sa.PrimaryKeyConstraint("redemption_id"),
    )
    with op.batch_alter_table("credit_redemptions", schema=None) as batch_op:
        batch_op.create_index("credit_redemptions_code", ["code"], unique=False)
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tax_amount", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("handed_over_qty", sa.BigInteger(), server_default="0", nullable=False))
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("points_earned", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("points_redeemed", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("ready_at", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("collect_by", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("shelf", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("pickup_code", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("card_last4", sa.Text(), nullable=True))
        batch_op.create_index("orders_pickup", ["pickup_store_id", "status"], unique=False)
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("needs_review", sa.Boolean(), server_default="0", nullable=False))
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tax_amount", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.add_column(sa.Column("points_earned", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("points_redeemed", sa.BigInteger(), server_default="0", nullable=False))
        batch_op.create_index("sales_receipt", ["receipt_no"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index("sales_receipt")
        batch_op.drop_column("points_redeemed")
        batch_op.drop_column("points_earned")
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_column("tax_amount")
    with op.batch_alter_table("returns", schema=None) as batch_op:
        batch_op.drop_column("needs_review")
        batch_op.drop_column("store_id")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("orders_pickup")
        for name in ("card_last4", "pickup_code", "shelf", "collect_by", "ready_at", "points_redeemed"):
            batch_op.drop_column(name)
        batch_op.drop_column("points_earned")
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.drop_column("handed_over_qty")
        batch_op.drop_column("tax_amount")
    with op.batch_alter_table("credit_redemptions", schema=None) as batch_op:
        batch_op.drop_index("credit_redemptions_code")
    op.drop_table("credit_redemptions")
    op.drop_table("store_credits")
    op.drop_table("return_claims")
