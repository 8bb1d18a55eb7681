"""reconciliation: per-till, per-day figures of the applied events; the idempotency purge's index

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-08 09:00:00

`till_days` is filled from the events already received, so a backend that took events before this version
reconciles them too.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from sync import contract

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "till_days",
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("day", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("till_id", "day", "type"),
    )
    with op.batch_alter_table("idempotency", schema=None) as batch_op:
        batch_op.create_index("idempotency_created", ["created_at"], unique=False)
    conn = op.get_bind()
    days: dict[tuple[str, str, str], list[int]] = {}
    rows = conn.execute(sa.text("SELECT event_id, type, till_id, occurred_at, payload FROM events"))
    for event_id, event_type, till_id, occurred_at, payload in rows:
        try:
            amount = contract.reconciliation_amount(event_type, json.loads(payload))
        except (ValueError, KeyError, TypeError):
            amount = 0
        figures = days.setdefault((till_id, contract.event_day(occurred_at), event_type), [0, 0, 0])
        figures[0] += 1
        figures[1] += amount
        figures[2] = (figures[2] + contract.event_digest_part(event_id)) % contract.DIGEST_MOD
    if days:
        op.bulk_insert(
            table,
            [
                {"till_id": t, "day": d, "type": k, "count": c, "total": s, "digest": g}
                for (t, d, k), (c, s, g) in sorted(days.items())
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("idempotency", schema=None) as batch_op:
        batch_op.drop_index("idempotency_created")
    op.drop_table("till_days")
