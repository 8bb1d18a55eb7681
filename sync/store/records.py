"""The till's records as the selling workflow uses them: sales, the open sale, parked sales, the outbox's
state. Each method is one transaction on the store's writer (or a read on a read-only connection); the
`*_in(tx, ...)` forms run inside a transaction someone else opened (the card payment protocol commits the
sale in the same transaction as the authorisation).

This is the only place the application's workflows reach SQL through; `app/` calls these methods.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from pos.documents import SaleDocument
from sync.store import cart as cart_store
from sync.store import journal as journal_store
from sync.store import outbox
from sync.store.core import Store


def current_intent(conn: sqlite3.Connection, sale_uuid: str) -> str | None:
    """The PaymentIntent of the sale's latest card attempt that did not fail or get cancelled."""
    row = conn.execute(
        "SELECT payment_intent_id FROM payment_attempts WHERE sale_uuid = ? AND status NOT IN "
        "('failed', 'canceled') ORDER BY created_at DESC LIMIT 1",
        (sale_uuid,),
    ).fetchone()
    return row[0] if row else None


class TillRecords:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.till_id = store.till_id

    def _read(self, fn: Callable[[sqlite3.Connection], Any]) -> Any:
        conn = self.store.read_connection()
        try:
            return fn(conn)
        finally:
            conn.close()

    # ------------------------------------------------------------------ sales
    def commit_sale(self, doc: SaleDocument) -> SaleDocument:
        """The sale (with its outbox event) and the end of the open sale, in one commit."""

        def tx(conn: sqlite3.Connection) -> SaleDocument:
            return self.commit_sale_in(conn, doc)

        return self.store.write_sync(tx)

    def commit_sale_in(self, conn: sqlite3.Connection, doc: SaleDocument) -> SaleDocument:
        recorded = journal_store.commit_sale(conn, doc)
        cart_store.clear_open(conn, self.till_id)
        return recorded

    def get_sale(self, sale_uuid: str) -> SaleDocument | None:
        return self._read(lambda c: journal_store.get_sale(c, sale_uuid))

    def last_sale(self) -> SaleDocument | None:
        return self._read(lambda c: journal_store.last_sale(c, self.till_id))

    # ------------------------------------------------------------------ the open sale, in a transaction
    def open_sale_in(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        return cart_store.load_open(conn, self.till_id)

    def save_open_in(self, conn: sqlite3.Connection, state: Mapping[str, Any]) -> None:
        cart_store.save_open(conn, self.till_id, state)

    def card_completion(
        self, plan: SaleDocument | None, state_with_card: dict[str, Any] | None
    ) -> Callable[[sqlite3.Connection], None]:
        """The `complete_sale(tx)` step of the card protocol, run inside the payment journal's commit.

        A card payment that settles the sale commits the sale with the PaymentIntent as the tender's
        reference; the card part of a split payment is written into the open sale instead (the sale then
        completes with the rest), so a crash after authorisation never loses the card part.
        """
        sale_uuid = plan.sale_uuid if plan is not None else state_with_card["sale_uuid"]

        def complete(conn: sqlite3.Connection) -> None:
            pi = current_intent(conn, sale_uuid)
            if plan is not None:
                tenders = tuple(
                    replace(t, reference=pi) if t.kind == "card" and t.reference is None else t
                    for t in plan.tenders
                )
                self.commit_sale_in(conn, replace(plan, tenders=tenders))
            else:
                assert state_with_card is not None
                state = dict(state_with_card)
                state["tenders"] = [dict(t, reference=t.get("reference") or pi) for t in state["tenders"]]
                self.save_open_in(conn, state)

        return complete

    # ------------------------------------------------------------------ parked sales
    def park(self, state: Mapping[str, Any], *, label: str, by: str | None) -> int | None:
        """Park `state` (the sale as it was) in one transaction: the open sale becomes a suspended one."""
        data = dict(state)

        def tx(conn: sqlite3.Connection) -> int | None:
            cart_store.save_open(conn, self.till_id, data)
            return cart_store.suspend(conn, self.till_id, label=label, suspended_by=by)

        return self.store.write_sync(tx)

    def parked(self) -> list[cart_store.SuspendedCart]:
        return self._read(lambda c: cart_store.list_suspended(c, self.till_id))

    def unpark(self, suspended_id: int) -> dict[str, Any]:
        """Make a parked sale this till's open sale; LookupError if another till took it first."""
        return self.store.write_sync(lambda c: cart_store.resume(c, suspended_id, self.till_id))

    # ------------------------------------------------------------------ the queue, for the status bar
    def queue_status(self, conn: sqlite3.Connection | None = None) -> tuple[int, float | None, int]:
        """(events waiting, age in seconds of the oldest, dead letters)."""

        def read(c: sqlite3.Connection) -> tuple[int, float | None, int]:
            st = outbox.stats(c)
            oldest = None
            if st.oldest_created_at:
                oldest = (datetime.now(UTC) - datetime.fromisoformat(st.oldest_created_at)).total_seconds()
            return st.depth, oldest, st.dead

        return read(conn) if conn is not None else self._read(read)


__all__ = ["TillRecords", "current_intent"]
