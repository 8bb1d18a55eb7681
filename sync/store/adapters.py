"""The store as the domain's ports: ``StoreJournal`` (pos.ports.Journal), ``StoreCatalog``
(pos.ports.Catalog)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from typing import Any

from pos.documents import ReturnDocument, SaleDocument, TillClosure
from pos.ports import Product
from sync.store import audit, cart, catalog, journal, outbox, receipts
from sync.store.core import Store
from sync.store.crash import crashpoint


class StoreJournal:
    """pos.ports.Journal on a Store. Every method returns after its commit (or raises a StoreError)."""

    def __init__(self, store: Store, till_id: str | None = None) -> None:
        self.store = store
        self.till_id = till_id or store.till_id

    def commit_sale(self, sale: SaleDocument) -> SaleDocument:
        recorded = self.store.write_sync(lambda c: journal.commit_sale(c, sale))
        crashpoint("after_sale_commit")
        return recorded

    def commit_return(self, ret: ReturnDocument) -> ReturnDocument:
        recorded = self.store.write_sync(lambda c: journal.commit_return(c, ret))
        crashpoint("after_return_commit")
        return recorded

    def commit_closure(self, closure: TillClosure) -> TillClosure:
        return self.store.write_sync(lambda c: journal.commit_closure(c, closure))

    def reserve_receipt_no(self) -> str:
        return self.store.write_sync(lambda c: receipts.reserve(c, self.till_id))

    def get_sale(self, sale_uuid: str) -> SaleDocument | None:
        conn = self.store.read_connection()
        try:
            return journal.get_sale(conn, sale_uuid)
        finally:
            conn.close()

    def last_sale(self) -> SaleDocument | None:
        conn = self.store.read_connection()
        try:
            return journal.last_sale(conn, self.till_id)
        finally:
            conn.close()

    def save_open_cart(self, cart_data: Mapping[str, Any]) -> None:
        data = dict(cart_data)
        self.store.write_sync(lambda c: cart.save_open(c, self.till_id, data))
        crashpoint("after_cart_save")

    def load_open_cart(self) -> dict[str, Any] | None:
        conn = self.store.read_connection()
        try:
            return cart.load_open(conn, self.till_id)
        finally:
            conn.close()

    def clear_open_cart(self) -> None:
        self.store.write_sync(lambda c: cart.clear_open(c, self.till_id))

    def audit(self, action: str, actor: str | None, details: Mapping[str, Any] | None = None) -> None:
        self.store.write_sync(lambda c: audit.append(c, action, actor, details))

    def enqueue_event(self, event_type: str, payload: Mapping[str, Any]) -> str:
        data = dict(payload)
        return self.store.write_sync(lambda c: outbox.enqueue(c, event_type, data))


class StoreCatalog:
    """pos.ports.Catalog on a Store: one read-only connection per calling thread."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._guard = threading.Lock()

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.store.read_connection(check_same_thread=False)
            self._local.conn = conn
            with self._guard:
                self._all.append(conn)
        return conn

    def lookup_barcode(self, code: str) -> Product | None:
        return catalog.lookup_barcode(self._conn(), code)

    def get(self, sku: str) -> Product | None:
        return catalog.get(self._conn(), sku)

    def search(self, text: str, limit: int = 20) -> list[Product]:
        return catalog.search(self._conn(), text, limit)

    def close(self) -> None:
        with self._guard:
            conns, self._all = self._all, []
        for c in conns:
            c.close()
