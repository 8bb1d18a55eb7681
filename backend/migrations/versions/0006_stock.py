"""stock everywhere: stores with a place and opening hours, a warehouse, holds for reservations and orders
placed at a till, deliveries on their way, variants side by side, the member app's events, each till's store

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 14:00:00

Columns added to existing tables have defaults or are nullable: a store without a place is listed after
those with one; a till without a store takes no stock with its sales until it is registered to one; the
orders already there are online orders (origin 'online').
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

Big = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.Text(), server_default="store", nullable=False))
        batch_op.add_column(sa.Column("city", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("latitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("longitude", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("opening_hours", sa.Text(), server_default="[]", nullable=False))
        batch_op.add_column(sa.Column("timezone", sa.Text(), server_default="UTC", nullable=False))
        batch_op.create_check_constraint("stores_kind", "kind IN ('store', 'warehouse')")
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", sa.Text(), nullable=True))
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("request_id", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("origin", sa.Text(), server_default="online", nullable=False))
        batch_op.add_column(sa.Column("fulfilment", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("source_store_id", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("ready_on", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("expires_at", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("sale_uuid", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("delivery_address", sa.Text(), nullable=True))
        batch_op.create_unique_constraint("orders_request_id_key", ["request_id"])
    op.create_table(
        "holds",
        sa.Column("order_no", sa.Text(), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.Text(), nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.CheckConstraint("qty > 0", name="holds_qty"),
        sa.CheckConstraint("state IN ('held', 'released', 'fulfilled')", name="holds_state"),
        sa.ForeignKeyConstraint(["order_no"], ["orders.order_no"]),
        sa.ForeignKeyConstraint(["store_id"], ["stores.store_id"]),
        sa.PrimaryKeyConstraint("order_no", "line_no"),
    )
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.create_index("holds_stock", ["sku", "store_id", "state"], unique=False)
    op.create_table(
        "deliveries",
        sa.Column("id", Big, autoincrement=True, nullable=False),
        sa.Column("store_id", sa.Text(), nullable=False),
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("qty", sa.BigInteger(), nullable=False),
        sa.Column("expected_on", sa.Text(), nullable=False),
        sa.Column("received", sa.Boolean(), server_default="0", nullable=False),
        sa.CheckConstraint("qty > 0", name="deliveries_qty"),
        sa.ForeignKeyConstraint(["store_id"], ["stores.store_id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index("deliveries_sku", ["sku", "store_id"], unique=False)
    op.create_table(
        "product_variants",
        sa.Column("sku", sa.Text(), nullable=False),
        sa.Column("style", sa.Text(), nullable=False),
        sa.Column("colour", sa.Text(), server_default="", nullable=False),
        sa.Column("size", sa.Text(), server_default="", nullable=False),
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("sku"),
    )
    with op.batch_alter_table("product_variants", schema=None) as batch_op:
        batch_op.create_index("product_variants_style", ["style"], unique=False)
    op.create_table(
        "member_events",
        sa.Column("id", Big, autoincrement=True, nullable=False),
        sa.Column("member_no", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("order_no", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.create_index("member_events_member", ["member_no", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.drop_index("member_events_member")
    op.drop_table("member_events")
    with op.batch_alter_table("product_variants", schema=None) as batch_op:
        batch_op.drop_index("product_variants_style")
    op.drop_table("product_variants")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("deliveries_sku")
    op.drop_table("deliveries")
    with op.batch_alter_table("holds", schema=None) as batch_op:
        batch_op.drop_index("holds_stock")
    op.drop_table("holds")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_constraint("orders_request_id_key", type_="unique")
        for name in ("delivery_address", "sale_uuid", "expires_at", "ready_on", "source_store_id"):
            batch_op.drop_column(name)
        for name in ("fulfilment", "origin", "request_id"):
            batch_op.drop_column(name)
    with op.batch_alter_table("devices", schema=None) as batch_op:
        batch_op.drop_column("store_id")
    with op.batch_alter_table("stores", schema=None) as batch_op:
        batch_op.drop_constraint("stores_kind", type_="check")
        for name in ("timezone", "opening_hours", "longitude", "latitude", "city", "kind"):
            batch_op.drop_column(name)
