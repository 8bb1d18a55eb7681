"""members: the points each sold line earned and was paid with, the coupon ledger, check-ins once per store
and day, enrolments (aliases of provisional numbers) and what the member search finds

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "sale_lines", sa.Column("points_earned", sa.BigInteger(), server_default="0", nullable=False)
    )
    op.add_column("sale_lines", sa.Column("points_paid", sa.BigInteger(), server_default="0", nullable=False))
    op.add_column("members", sa.Column("last_name", sa.Text(), nullable=True))
    op.add_column("members", sa.Column("email", sa.Text(), nullable=True))
    op.add_column("members", sa.Column("phone", sa.Text(), nullable=True))
    op.add_column("members", sa.Column("enrolled_at", sa.Text(), nullable=True))
    op.create_index("members_email", "members", ["email"])
    op.create_index("members_phone", "members", ["phone"])
    op.add_column("carts", sa.Column("currency", sa.Text(), nullable=True))
    op.create_table(
        "member_aliases",
        sa.Column("alias_no", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("member_no", sa.BigInteger(), nullable=False),
        sa.Column("enrolment_id", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["member_no"], ["members.member_no"]),
        sa.PrimaryKeyConstraint("alias_no"),
        sa.UniqueConstraint("enrolment_id"),
    )
    op.create_table(
        "coupon_ledger",
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("member_no", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("ref", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=True),
        sa.Column("claimed_at", sa.Float(), nullable=False),
        sa.CheckConstraint("state IN ('claimed', 'used')", name="coupon_ledger_state"),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "checkin_days",
        sa.Column("member_no", sa.BigInteger(), nullable=False),
        sa.Column("store_id", sa.Text(), nullable=False),
        sa.Column("local_date", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("member_no", "store_id", "local_date"),
    )


def downgrade() -> None:  # pragma: no cover - forward-only in practice
    op.drop_table("checkin_days")
    op.drop_table("coupon_ledger")
    op.drop_table("member_aliases")
    op.drop_column("carts", "currency")
    op.drop_index("members_phone", "members")
    op.drop_index("members_email", "members")
    for column in ("enrolled_at", "phone", "email", "last_name"):
        op.drop_column("members", column)
    op.drop_column("sale_lines", "points_paid")
    op.drop_column("sale_lines", "points_earned")
