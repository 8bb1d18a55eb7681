"""The real local store (issue 3) with a tiny test-only sales schema the payment tests commit into
(``t_sales``/``t_tenders``), and the store's real outbox for the "sale completed" event."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pos.payment import PaymentAttempt, SaleMovedOn
from sync.store import outbox
from sync.store.core import Store

TEST_SALES_DDL = """
CREATE TABLE IF NOT EXISTS t_sales (sale_uuid TEXT PRIMARY KEY, total INTEGER NOT NULL, status TEXT NOT NULL,
                                    recovered INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS t_tenders (sale_uuid TEXT NOT NULL REFERENCES t_sales(sale_uuid),
                                      type TEXT NOT NULL, amount INTEGER NOT NULL);
"""


def open_store(path: Path | str) -> Store:
    store = Store.open(path, till_id="T1")

    def ddl(c: sqlite3.Connection) -> None:
        for stmt in TEST_SALES_DDL.split(";"):
            if stmt.strip():
                c.execute(stmt)

    store.write_sync(ddl)
    return store


class SqlShop:
    def __init__(self, store: Store) -> None:
        self.store = store

    def new_sale(self, sale: str, total: int) -> None:
        self.store.write_sync(
            lambda c: c.execute("INSERT INTO t_sales VALUES (?, ?, 'pending_payment', 0)", (sale, total))
        )

    @staticmethod
    def _complete(conn: sqlite3.Connection, sale: str, amount: int, recovered: bool) -> None:
        conn.execute("INSERT INTO t_tenders VALUES (?, 'card', ?)", (sale, amount))
        conn.execute(
            "UPDATE t_sales SET status = 'completed', recovered = ? WHERE sale_uuid = ?",
            (int(recovered), sale),
        )
        outbox.enqueue(conn, "sale.completed", {"sale_uuid": sale, "card": amount})

    def complete(self, sale: str, amount: int) -> Callable[[sqlite3.Connection], None]:
        return lambda conn: self._complete(conn, sale, amount, False)

    def recover(self, attempt: PaymentAttempt, conn: sqlite3.Connection) -> None:
        (status,) = conn.execute(
            "SELECT status FROM t_sales WHERE sale_uuid = ?", (attempt.sale_uuid,)
        ).fetchone()
        if status == "completed":
            raise SaleMovedOn(f"sale {attempt.sale_uuid} was recorded without this card")
        self._complete(conn, attempt.sale_uuid, attempt.amount, True)

    def complete_with_cash(self, sale: str) -> None:
        def fn(conn: sqlite3.Connection) -> None:
            conn.execute(
                "INSERT INTO t_tenders SELECT sale_uuid, 'cash', total FROM t_sales WHERE sale_uuid = ?",
                (sale,),
            )
            conn.execute("UPDATE t_sales SET status = 'completed' WHERE sale_uuid = ?", (sale,))

        self.store.write_sync(fn)

    def release(self, attempt: PaymentAttempt, conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE t_sales SET status = 'open' WHERE sale_uuid = ?", (attempt.sale_uuid,))

    def sales(self) -> dict[str, dict[str, Any]]:
        def fn(c: sqlite3.Connection) -> dict[str, dict[str, Any]]:
            out = {
                s: {"status": st, "total": t, "recovered": bool(r), "tenders": []}
                for s, t, st, r in c.execute("SELECT sale_uuid, total, status, recovered FROM t_sales")
            }
            for s, ty, amt in c.execute("SELECT sale_uuid, type, amount FROM t_tenders"):
                out[s]["tenders"].append({"type": ty, "amount": amt})
            return out

        return self.store.write_sync(fn)

    def outbox_events(self) -> list[str]:
        return self.store.write_sync(lambda c: [e.event_type for e in outbox.pending(c, 1000)])
