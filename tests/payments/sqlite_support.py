"""A stand-in for the store (issue 3) until it is on main: one writer connection, ``BEGIN IMMEDIATE``
per ``write_sync``, WAL + FULL, on a real SQLite file; plus a tiny sales schema the tests commit into."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable
from typing import Any

from pos.payment import PaymentAttempt
from sync.payment_journal import PAYMENT_ATTEMPTS_DDL

SALES_DDL = """
CREATE TABLE IF NOT EXISTS sales (sale_uuid TEXT PRIMARY KEY, total INTEGER NOT NULL, status TEXT NOT NULL,
                                  recovered INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS tenders (sale_uuid TEXT NOT NULL REFERENCES sales(sale_uuid), type TEXT NOT NULL,
                                    amount INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (event_id TEXT PRIMARY KEY, event_type TEXT NOT NULL, sale_uuid TEXT);
"""


class MiniStore:
    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, isolation_level=None, timeout=5.0, check_same_thread=False)
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
            self._conn.execute(f"PRAGMA {pragma}")
        self._lock = threading.Lock()
        self._conn.executescript(PAYMENT_ATTEMPTS_DDL + ";" + SALES_DDL)

    def write_sync(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return result

    def close(self) -> None:
        self._conn.close()


class SqlShop:
    def __init__(self, store: MiniStore) -> None:
        self.store = store

    def new_sale(self, sale: str, total: int) -> None:
        self.store.write_sync(
            lambda c: c.execute("INSERT INTO sales VALUES (?, ?, 'pending_payment', 0)", (sale, total))
        )

    @staticmethod
    def _complete(conn: sqlite3.Connection, sale: str, amount: int, recovered: bool) -> None:
        conn.execute("INSERT INTO tenders VALUES (?, 'card', ?)", (sale, amount))
        conn.execute(
            "UPDATE sales SET status = 'completed', recovered = ? WHERE sale_uuid = ?", (int(recovered), sale)
        )
        conn.execute("INSERT INTO outbox VALUES (?, 'sale.completed', ?)", (str(uuid.uuid4()), sale))

    def complete(self, sale: str, amount: int) -> Callable[[sqlite3.Connection], None]:
        return lambda conn: self._complete(conn, sale, amount, False)

    def recover(self, attempt: PaymentAttempt, conn: sqlite3.Connection) -> None:
        self._complete(conn, attempt.sale_uuid, attempt.amount, True)

    def release(self, attempt: PaymentAttempt, conn: sqlite3.Connection) -> None:
        conn.execute("UPDATE sales SET status = 'open' WHERE sale_uuid = ?", (attempt.sale_uuid,))

    def sales(self) -> dict[str, dict[str, Any]]:
        def fn(c: sqlite3.Connection) -> dict[str, dict[str, Any]]:
            out = {
                s: {"status": st, "total": t, "recovered": bool(r), "tenders": []}
                for s, t, st, r in c.execute("SELECT sale_uuid, total, status, recovered FROM sales")
            }
            for s, ty, amt in c.execute("SELECT sale_uuid, type, amount FROM tenders"):
                out[s]["tenders"].append({"type": ty, "amount": amt})
            return out

        return self.store.write_sync(fn)
