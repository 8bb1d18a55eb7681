"""SQLite implementation of ``pos.payment.PaymentJournal`` over the ``payment_attempts`` table.

Every method is one ``BEGIN IMMEDIATE`` transaction on the store's single writer
(``store.write_sync(fn)``, see docs/store.md), so ``commit_authorized`` commits the
caller's sale, tenders and outbox events together with ``status='authorized'`` — or nothing. The table
itself is created by the store's migrations (``sync/store/schema.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from pos.payment import AUTHORIZED, FINAL_STATES, PaymentAttempt

_FINAL = tuple(sorted(FINAL_STATES))
_COLUMNS = (
    "attempt_id",
    "sale_uuid",
    "amount",
    "currency",
    "idempotency_key",
    "payment_intent_id",
    "reader_id",
    "status",
    "process_attempt",
    "last_error",
    "recovered",
    "created_at",
    "updated_at",
)
_UPDATABLE = frozenset(
    {"payment_intent_id", "status", "process_attempt", "last_error", "recovered", "reader_id"}
)


class WriterStore(Protocol):
    def write_sync(self, fn: Callable[[sqlite3.Connection], Any]) -> Any: ...


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _row(r: sqlite3.Row | tuple | None) -> PaymentAttempt | None:
    if r is None:
        return None
    d = dict(zip(_COLUMNS, tuple(r), strict=True))
    d["recovered"] = bool(d["recovered"])
    d["process_attempt"] = d["process_attempt"] or 0
    return PaymentAttempt(**d)


_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM payment_attempts"


class SqlitePaymentJournal:
    def __init__(self, store: WriterStore) -> None:
        self._store = store

    # reads go through the writer too: read-your-writes, and they are few and tiny
    def _one(self, sql: str, args: tuple) -> PaymentAttempt | None:
        return self._store.write_sync(lambda conn: _row(conn.execute(sql, args).fetchone()))

    def _many(self, sql: str, args: tuple) -> list[PaymentAttempt]:
        return self._store.write_sync(lambda conn: [_row(r) for r in conn.execute(sql, args).fetchall()])

    def insert(self, attempt: PaymentAttempt) -> PaymentAttempt:
        now = _now()
        values = (
            attempt.attempt_id,
            attempt.sale_uuid,
            attempt.amount,
            attempt.currency,
            attempt.idempotency_key,
            attempt.payment_intent_id,
            attempt.reader_id,
            attempt.status,
            attempt.process_attempt,
            attempt.last_error,
            int(attempt.recovered),
            now,
            now,
        )

        def fn(conn: sqlite3.Connection) -> PaymentAttempt | None:
            conn.execute(
                f"INSERT INTO payment_attempts ({', '.join(_COLUMNS)}) VALUES "
                f"({', '.join('?' * len(_COLUMNS))})",
                values,
            )
            return _row(conn.execute(f"{_SELECT} WHERE attempt_id = ?", (attempt.attempt_id,)).fetchone())

        row = self._store.write_sync(fn)
        assert row is not None
        return row

    def get(self, attempt_id: str) -> PaymentAttempt | None:
        return self._one(f"{_SELECT} WHERE attempt_id = ?", (attempt_id,))

    @staticmethod
    def _update(conn: sqlite3.Connection, attempt_id: str, fields: dict[str, Any]) -> PaymentAttempt:
        bad = set(fields) - _UPDATABLE
        if bad:
            raise ValueError(f"cannot update {sorted(bad)}")
        fields = {k: (int(v) if isinstance(v, bool) else v) for k, v in fields.items()}
        sets = ", ".join(f"{k} = ?" for k in fields)
        cur = conn.execute(
            f"UPDATE payment_attempts SET {sets}, updated_at = ? WHERE attempt_id = ?",
            (*fields.values(), _now(), attempt_id),
        )
        if cur.rowcount != 1:
            raise KeyError(attempt_id)
        row = _row(conn.execute(f"{_SELECT} WHERE attempt_id = ?", (attempt_id,)).fetchone())
        assert row is not None
        return row

    def update(self, attempt_id: str, **fields: Any) -> PaymentAttempt:
        return self._store.write_sync(lambda conn: self._update(conn, attempt_id, fields))

    def active_for_sale(self, sale_uuid: str) -> PaymentAttempt | None:
        return self._one(
            f"{_SELECT} WHERE sale_uuid = ? AND status NOT IN (?, ?, ?) "
            "ORDER BY created_at DESC, rowid DESC LIMIT 1",
            (sale_uuid, *_FINAL),
        )

    def non_final(self) -> list[PaymentAttempt]:
        return self._many(f"{_SELECT} WHERE status NOT IN (?, ?, ?) ORDER BY created_at, rowid", _FINAL)

    def for_sale(self, sale_uuid: str) -> list[PaymentAttempt]:
        return self._many(f"{_SELECT} WHERE sale_uuid = ? ORDER BY created_at, rowid", (sale_uuid,))

    def recovered(self) -> list[PaymentAttempt]:
        return self._many(f"{_SELECT} WHERE recovered = 1 ORDER BY created_at, rowid", ())

    def all(self) -> list[PaymentAttempt]:
        return self._many(f"{_SELECT} ORDER BY created_at, rowid", ())

    def commit_authorized(
        self, attempt_id: str, complete_sale: Callable[[Any], None], *, recovered: bool = False
    ) -> PaymentAttempt:
        def fn(conn: sqlite3.Connection) -> PaymentAttempt:
            complete_sale(conn)
            fields: dict[str, Any] = {"status": AUTHORIZED}
            if recovered:
                fields["recovered"] = True
            return self._update(conn, attempt_id, fields)

        return self._store.write_sync(fn)

    def commit_final(
        self,
        attempt_id: str,
        status: str,
        *,
        last_error: str | None = None,
        release_sale: Callable[[Any], None] | None = None,
    ) -> PaymentAttempt:
        if status not in FINAL_STATES:
            raise ValueError(status)

        def fn(conn: sqlite3.Connection) -> PaymentAttempt:
            if release_sale is not None:
                release_sale(conn)
            fields: dict[str, Any] = {"status": status}
            if last_error is not None:
                fields["last_error"] = last_error
            return self._update(conn, attempt_id, fields)

        return self._store.write_sync(fn)
