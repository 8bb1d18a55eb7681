"""trust: devices belong to stores, points returned are capped by what was redeemed, orders carry the
customer's check, signing keys keep only their public half, anchored audit chains, shared rate limits

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # devices.store_id: added by 0006_stock (the store a till is in; here also the only store it writes for)
    with op.batch_alter_table("stores") as t:
        t.add_column(
            sa.Column("max_unreceipted_refund", sa.BigInteger(), server_default="10000", nullable=False)
        )
    with op.batch_alter_table("sales") as t:
        t.add_column(sa.Column("store_id", sa.Text(), nullable=True))
        # points_redeemed: added by 0004_returns_pickups
        t.add_column(sa.Column("points_returned", sa.BigInteger(), server_default="0", nullable=False))
        t.create_check_constraint("sales_points_returned", "points_returned <= points_redeemed")
    with op.batch_alter_table("orders") as t:
        # points_redeemed: added by 0004_returns_pickups
        t.add_column(sa.Column("points_returned", sa.BigInteger(), server_default="0", nullable=False))
        # card_last4 (the card that paid it, checked for the customer): added by 0004_returns_pickups
        t.add_column(sa.Column("check_email_sha256", sa.Text(), nullable=True))
        t.add_column(sa.Column("qr_secret", sa.Text(), nullable=True))
        t.create_check_constraint("orders_points_returned", "points_returned <= points_redeemed")
    # the points each sale already recorded redeemed, from its event's payload
    redeemed = (
        "json_extract(e.payload, '$.points.redeemed')"
        if op.get_bind().dialect.name == "sqlite"
        else "(e.payload::json -> 'points' ->> 'redeemed')::bigint"
    )
    op.execute(
        f"UPDATE sales SET points_redeemed = coalesce((SELECT {redeemed} FROM events e "
        "WHERE e.event_id = sales.event_id), 0)"
    )
    with op.batch_alter_table("signing_keys") as t:
        t.alter_column("private_raw", existing_type=sa.LargeBinary(), nullable=True)
        t.add_column(sa.Column("public_raw", sa.LargeBinary(), nullable=True))
    op.create_table(
        "audit_entries",
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.Text(), nullable=False),
        sa.Column("hash", sa.Text(), nullable=False),
        sa.Column("received_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("till_id", "seq"),
    )
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("tat", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
        prefixes=["UNLOGGED"] if op.get_bind().dialect.name == "postgresql" else [],
    )


def downgrade() -> None:
    op.drop_table("rate_limits")
    op.drop_table("audit_entries")
    with op.batch_alter_table("signing_keys") as t:
        t.drop_column("public_raw")
    with op.batch_alter_table("orders") as t:
        t.drop_constraint("orders_points_returned", type_="check")
        for c in (
            "qr_secret",
            "check_email_sha256",
            "points_returned",
        ):
            t.drop_column(c)
    with op.batch_alter_table("sales") as t:
        t.drop_constraint("sales_points_returned", type_="check")
        for c in ("points_returned", "store_id"):
            t.drop_column(c)
    with op.batch_alter_table("stores") as t:
        t.drop_column("max_unreceipted_refund")
