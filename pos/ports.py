"""The domain's ports: what pos/ needs from the outside world, as typing.Protocol.

The store (sync/store) implements Journal and Catalog; tests and the headless driver may pass fakes.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

from pos.documents import ReturnDocument, SaleDocument, TillClosure


@runtime_checkable
class Clock(Protocol):
    def now(self) -> datetime:
        """Timezone-aware current time (UTC)."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin, never going backwards (for timeouts and backoff)."""
        ...


@runtime_checkable
class Ids(Protocol):
    def new_uuid(self) -> str:
        """A new random UUID (version 4) as a lowercase hyphenated string."""
        ...


class SystemClock:
    """The real clock (tests pass their own Clock)."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class UuidIds:
    """Random UUID4s (tests pass deterministic Ids)."""

    def new_uuid(self) -> str:
        return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Product:
    sku: str
    name: str
    brand: str
    category: str
    tax_code: str
    price: int  # minor units
    barcodes: tuple[str, ...] = ()
    active: bool = True
    popularity: int = 0


@runtime_checkable
class Catalog(Protocol):
    def lookup_barcode(self, code: str) -> Product | None:
        """Exact barcode lookup (EAN-8/13, UPC-A, ...); inactive products are returned too."""
        ...

    def get(self, sku: str) -> Product | None: ...

    def search(self, text: str, limit: int = 20) -> list[Product]:
        """Search as you type: every word of ``text`` is a prefix of a word in name, brand or SKU;
        best sellers first; active products only."""
        ...


@runtime_checkable
class Journal(Protocol):
    """The durable record of the till. A method returns only after the commit that records it."""

    def commit_sale(self, sale: SaleDocument) -> SaleDocument:
        """Record a finalised sale, its lines, tax lines, tenders and outbox event in one transaction.
        Returns the document as recorded (with its receipt number if it had none). Idempotent on
        sale_uuid: committing the same sale again returns the recorded one."""
        ...

    def commit_return(self, ret: ReturnDocument) -> ReturnDocument: ...

    def commit_closure(self, closure: TillClosure) -> TillClosure: ...

    def reserve_receipt_no(self) -> str:
        """Take the next receipt number now (durably); it is never handed out again."""
        ...

    def get_sale(self, sale_uuid: str) -> SaleDocument | None: ...

    def last_sale(self) -> SaleDocument | None:
        """The till's most recent recorded sale (for a reprint after a restart), or None."""
        ...

    def save_open_cart(self, cart: Mapping[str, Any]) -> None:
        """Persist the unfinished cart (JSON-serialisable) so that a crash brings it back."""
        ...

    def load_open_cart(self) -> dict[str, Any] | None: ...

    def clear_open_cart(self) -> None: ...

    def audit(self, action: str, actor: str | None, details: Mapping[str, Any] | None = None) -> None:
        """Append an entry to the hash-chained audit log."""
        ...

    def enqueue_event(self, event_type: str, payload: Mapping[str, Any]) -> str:
        """Queue an event for the backend in its own transaction; returns the event id."""
        ...


__all__: Sequence[str] = ["Catalog", "Clock", "Ids", "Journal", "Product", "SystemClock", "UuidIds"]
