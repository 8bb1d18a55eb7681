"""till sessions: what the tills' till.opened and till.closed events tell (GET /v1/till-sessions)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07 12:00:00

The events already received are read again to fill the table, so a backend that took closures before this
version lists them too.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OPENED = ("currency", "opened_at", "opened_by", "opening_float")
CLOSED = ("currency", "opened_at", "closed_at", "expected_cash", "counted_cash", "difference", "reason")


def upgrade() -> None:
    table = op.create_table(
        "till_sessions",
        sa.Column("session_id", sa.Text(), nullable=False),
        sa.Column("till_id", sa.Text(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=True),
        sa.Column("opened_at", sa.Text(), nullable=True),
        sa.Column("opened_by", sa.Text(), nullable=True),
        sa.Column("opening_float", sa.BigInteger(), nullable=True),
        sa.Column("closed_at", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.Text(), nullable=True),
        sa.Column("expected_cash", sa.BigInteger(), nullable=True),
        sa.Column("counted_cash", sa.BigInteger(), nullable=True),
        sa.Column("difference", sa.BigInteger(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("approved_by", sa.Text(), nullable=True),
        sa.Column("sales_count", sa.BigInteger(), nullable=True),
        sa.Column("net_sales", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_index("till_sessions_till", "till_sessions", ["till_id", "opened_at"], unique=False)
    rows: dict[str, dict] = {}
    for kind, till, payload in op.get_bind().execute(
        sa.text(
            "SELECT type, till_id, payload FROM events WHERE type IN ('till.opened', 'till.closed') "
            "ORDER BY received_at"
        )
    ):
        p = json.loads(payload)
        row = rows.setdefault(p["session_id"], {"session_id": p["session_id"], "till_id": till})
        if row["till_id"] != till:
            continue
        figures = ((p.get("report") or {}).get("figures") or {}) if kind == "till.closed" else {}
        values = {k: p.get(k) for k in (OPENED if kind == "till.opened" else CLOSED)}
        if kind == "till.closed":
            values.update(
                closed_by=p.get("staff_id"),
                approved_by=p.get("approved_by"),
                sales_count=figures.get("sales_count"),
                net_sales=figures.get("net_sales"),
            )
        row.update({k: v for k, v in values.items() if v is not None})
    if rows:
        op.bulk_insert(table, [{c.name: r.get(c.name) for c in table.columns} for r in rows.values()])


def downgrade() -> None:
    op.drop_index("till_sessions_till", table_name="till_sessions")
    op.drop_table("till_sessions")
