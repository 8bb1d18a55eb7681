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

from pos.documents import ReturnDocument, SaleDocument
from sync.store import cart as cart_store
from sync.store import journal as journal_store
from sync.store import outbox
from sync.store import returns as returns_store
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

    def flush(self) -> None:
        """Wait until every write queued before now (the open sale's saves) has committed."""
        self.store.write_sync(lambda c: None)

    # ------------------------------------------------------------------ sales
    def commit_sale(self, doc: SaleDocument) -> SaleDocument:
        """The sale (with its outbox event) and the end of the open sale, in one commit."""

        def tx(conn: sqlite3.Connection) -> SaleDocument:
            return self.commit_sale_in(conn, doc)

        return self.store.write_sync(tx)

    def commit_sale_in(self, conn: sqlite3.Connection, doc: SaleDocument) -> SaleDocument:
        recorded = journal_store.commit_sale(conn, doc)
        returns_store.commit_exchanges(conn, recorded)  # an exchange: its return in the same transaction
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

    # ------------------------------------------------------------------ returns, exchanges, store credit
    def sale_by_receipt(self, receipt_no: str) -> SaleDocument | None:
        def read(c: sqlite3.Connection) -> SaleDocument | None:
            row = c.execute("SELECT sale_uuid FROM sales WHERE receipt_no = ?", (receipt_no,)).fetchone()
            return None if row is None else journal_store.get_sale(c, row[0])

        return self._read(read)

    def return_by_receipt(self, receipt_no: str) -> ReturnDocument | None:
        def read(c: sqlite3.Connection) -> ReturnDocument | None:
            row = c.execute("SELECT return_uuid FROM returns WHERE receipt_no = ?", (receipt_no,)).fetchone()
            return None if row is None else journal_store.get_return(c, row[0])

        return self._read(read)

    def returns_of(
        self, *, sale_uuid: str | None = None, order_no: str | None = None
    ) -> list[ReturnDocument]:
        return self._read(lambda c: journal_store.returns_of(c, sale_uuid=sale_uuid, order_no=order_no))

    def get_return(self, return_uuid: str) -> ReturnDocument | None:
        return self._read(lambda c: journal_store.get_return(c, return_uuid))

    def event_acknowledged(self, event_id: str) -> bool:
        """The backend has this event (it is no longer queued nor dead-lettered)."""

        def read(c: sqlite3.Connection) -> bool:
            queued = c.execute("SELECT 1 FROM outbox WHERE event_id = ? AND acked_at IS NULL", (event_id,))
            dead = c.execute("SELECT 1 FROM dead_letters WHERE event_id = ?", (event_id,))
            return queued.fetchone() is None and dead.fetchone() is None

        return self._read(read)

    def event_refusal(self, event_id: str) -> str | None:
        """Why the backend refused this event (``code: message`` of its dead letter), or None."""

        def read(c: sqlite3.Connection) -> str | None:
            row = c.execute("SELECT reason FROM dead_letters WHERE event_id = ?", (event_id,)).fetchone()
            return None if row is None else str(row[0])

        return self._read(read)

    def begin_return(self, attempt: returns_store.ReturnAttempt) -> returns_store.ReturnAttempt:
        return self.store.write_sync(lambda c: returns_store.begin(c, attempt))

    def save_return(self, attempt: returns_store.ReturnAttempt) -> returns_store.ReturnAttempt:
        return self.store.write_sync(lambda c: returns_store.save(c, attempt))

    def return_attempt(self, return_uuid: str) -> returns_store.ReturnAttempt | None:
        return self._read(lambda c: returns_store.get(c, return_uuid))

    def open_return_attempts(self) -> list[returns_store.ReturnAttempt]:
        return self._read(returns_store.open_attempts)

    def refund_step(self, return_uuid: str, no: int, **changes: Any) -> returns_store.ReturnAttempt:
        return self.store.write_sync(lambda c: returns_store.update_step(c, return_uuid, no, **changes))

    def commit_return(
        self, return_uuid: str, audit: tuple[str, str, dict[str, Any]] | None = None
    ) -> ReturnDocument:
        """The settled return and its event, with its audit entry (action, actor, details), in one commit."""
        from sync.store import audit as audit_store

        def tx(conn: sqlite3.Connection) -> ReturnDocument:
            recorded = returns_store.commit(conn, return_uuid)
            if audit is not None:
                audit_store.append(conn, audit[0], audit[1], {**audit[2], "receipt_no": recorded.receipt_no})
            return recorded

        return self.store.write_sync(tx)

    def abandon_return(self, return_uuid: str) -> None:
        self.store.write_sync(lambda c: returns_store.abandon(c, return_uuid))

    def ask_redemption(self, r: returns_store.Redemption) -> None:
        self.store.write_sync(lambda c: returns_store.ask_redemption(c, r))

    def set_redemption(self, redemption_id: str, state: str) -> None:
        self.store.write_sync(lambda c: returns_store.set_redemption(c, redemption_id, state))

    def redemptions(self, sale_uuid: str | None = None) -> list[returns_store.Redemption]:
        return self._read(lambda c: returns_store.redemptions(c, sale_uuid=sale_uuid))

    def sale_recorded(self, sale_uuid: str) -> bool:
        return (
            self._read(
                lambda c: c.execute("SELECT 1 FROM sales WHERE sale_uuid = ?", (sale_uuid,)).fetchone()
            )
            is not None
        )

    def record_event(
        self,
        event_type: str,
        payload: Mapping[str, Any],
        *,
        event_id: str,
        audit: tuple[str, str, dict[str, Any]],
    ) -> None:
        """An event of a workflow that keeps no document of its own (a pickup hand-over), with its audit
        entry, in one commit."""
        from sync.store import audit as audit_store

        def tx(conn: sqlite3.Connection) -> None:
            outbox.enqueue(conn, event_type, payload, event_id=event_id)
            audit_store.append(conn, audit[0], audit[1], audit[2])

        self.store.write_sync(tx)

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
