"""Stock and the endless aisle: the Stock workspace's workflow as a service (no Qt).

    stock = StockService(shop, sell)
    stock.look_up("LSH-NAV-M")                  # Result(value=StockView): every store, nearest first
    stock.reserve("LSH-NAV-M", "S002")          # held at Riverside for the customer; their app is told
    stock.order("LSH-NAV-M", "pickup")          # ordered from another store, collected here tomorrow:
                                                # a line of the open sale, paid with it (cash, card, split)
    stock.order("LSH-NAV-M", "delivery", address="1 Main St")

The backend decides every promise (`backend/stock.py`): it holds the stock before the till adds the order's
line, so the last unit is never sold twice; when another till or the web shop got it first, the answer
says so and offers what is left (another store, delivery from the warehouse). Stock shown is the backend's
with its age; offline, the last figure the till had, marked as such. An order line that leaves the open
sale without being paid (removed, voided) gives its stock back at once; its pay-by time is the backstop.

Blocking methods (network) run on a worker in the window; none holds the sell service's lock across a
call to the backend.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from app.messages import QT_TRANSLATE_NOOP, msg, said
from app.results import Outcome, Result, done, refused
from app.till_report import local_time
from pos.fulfilment import Fulfilment, qr_secret_of
from pos.stock import Alternative, Freshness, StockCache, StockLevels, alternatives, choose_source, freshness
from pos.sync_ports import BackendNotFound, BackendRefused, BackendUnavailable, OnlineOrder

log = logging.getLogger("app.stock")

C = "app"
CONFIRM_WITHIN_S = 600.0  # how long a paid order's sale is waited for at the backend (offline a while)


@dataclass(frozen=True)
class StockView:
    """What the Stock workspace shows: the backend's answer and how old it is."""

    levels: StockLevels
    freshness: Freshness
    price: int | None = None  # this till's price of the item (None: not in its catalog)


@dataclass(frozen=True)
class Unavailable:
    """The value of a refusal because the stock went elsewhere: what is left to offer."""

    sku: str
    qty: int
    alternatives: tuple[Alternative, ...]
    levels: StockLevels | None


def _orders_of(state: Any) -> set[str]:
    """The order numbers of the ordered lines in a saved sale (a parked one)."""
    cart = state.get("cart", state) if isinstance(state, dict) else {}
    lines = cart.get("lines", []) if isinstance(cart, dict) else []
    return {
        ln["fulfilment"]["order_no"]
        for ln in lines
        if isinstance(ln, dict)
        and isinstance(ln.get("fulfilment"), dict)
        and ln["fulfilment"].get("order_no")
    }


class StockService:
    def __init__(self, shop: Any, sell: Any) -> None:
        self.shop = shop
        self.sell = sell
        self.store_id: str = shop.settings["store.id"]
        self.reservation_hours: int = shop.settings["stock.reservation_hours"]
        self._cache = StockCache()
        self._lock = threading.Lock()
        self._placed: dict[str, str] = {}  # order no -> the sale it was put on (orders placed here)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stock-release")
        self._confirming = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stock-confirm")
        self._stop = threading.Event()
        self._closed = False
        # fn(Result) on a worker thread: an order this till was paid for that the backend could not supply
        self.on_notice: list[Callable[[Result], None]] = []
        sell.subscribe(self._sale_changed)
        shop.on_recorded.append(self._recorded)

    # ------------------------------------------------------------------ looking
    @property
    def backend(self) -> Any:
        return self.shop.sync_engine

    def _no_backend(self) -> Result:
        return refused(msg(QT_TRANSLATE_NOOP(C, "This till has no OMO backend: stock cannot be checked.")))

    def find(self, typed: str) -> Result:
        """What the person typed or scanned in the Stock workspace: a SKU, a barcode or words of the name;
        the product (value) or why not."""
        typed = typed.strip()
        if not typed:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Scan an item, or type its SKU or name.")))
        catalog = self.shop.catalog
        product = catalog.get(typed) or (catalog.lookup_barcode(typed) if typed.isdigit() else None)
        if product is None:
            hits = catalog.search(typed, 1) if not typed.isdigit() else []
            product = hits[0] if hits else None
        if product is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "No item found for “{typed}”."), typed=typed))
        return done(value=product)

    def look_up(self, sku: str) -> Result:
        """Blocking (network): the item in every store and warehouse, as the backend has it now; offline,
        the last figure this till had, marked stale (an error message says how old it is)."""
        if self.backend is None:
            return self._no_backend()
        price = self._price(sku)
        try:
            levels = self.backend.stock(sku)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "The OMO backend does not know item {sku}."), sku=sku))
        except BackendUnavailable as e:
            with self._lock:
                cached = self._cache.get(sku)
            if cached is None:
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Stock cannot be checked now: {reason}"), reason=said(e))
                )
            view = StockView(cached, freshness(cached, time.monotonic(), stale=True, reason=str(e)), price)
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Offline: this is the stock last known {age} ago (as of {as_of}). "
                        "It may have changed.",
                    ),
                    age=_age(view.freshness.age_s),
                    as_of=local_time(cached.as_of),
                ),
                value=view,
                error=True,
            )
        with self._lock:
            self._cache.put(levels)
        return done(value=StockView(levels, freshness(levels, time.monotonic(), stale=False), price))

    def _price(self, sku: str) -> int | None:
        product = self.shop.catalog.get(sku)
        return None if product is None else product.price

    # ------------------------------------------------------------------ promising
    def _customer(self, name: str | None) -> tuple[int | None, str] | Result:
        """(member number, name) of the customer: the member on the sale, else the name typed."""
        member = self.sell.co.member
        if member is not None:
            return member.member_no, member.name or f"Member {member.member_no}"
        if name and name.strip():
            return None, name.strip()
        return refused(
            msg(QT_TRANSLATE_NOOP(C, "Whose is it? Attach the member (scan their app) or type their name."))
        )

    def _left(self, sku: str, qty: int, where: str) -> tuple[Unavailable, str]:
        """What is left to offer when `where` cannot supply `qty` of the item, as the backend has it now,
        and the same as a list for a sentence."""
        try:
            levels = self.backend.stock(sku)
        except (BackendUnavailable, BackendNotFound):
            levels = None
        options = tuple(alternatives(levels, qty, exclude=[where])) if levels is not None else ()
        if levels is not None:
            with self._lock:
                self._cache.put(levels)
        offer = ", ".join(dict.fromkeys(f"{a.store.store_name} ({a.store.available})" for a in options[:6]))
        return Unavailable(sku, qty, options, levels), offer

    def _gone(self, sku: str, qty: int, where: str, e: BackendRefused) -> Result:
        """The backend gave the last unit to someone else: say so, with what is left to offer."""
        value, offer = self._left(sku, qty, where)
        options = value.alternatives
        log.info("%s at %s: %s", sku, where, e.detail)  # the backend's words; the person reads the till's
        gone = msg(
            QT_TRANSLATE_NOOP(C, "not enough left to promise at {store}"), store=self._store_name(where)
        )
        if not options:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "Not available any more: {reason}. No other store or warehouse has it."
                    ),
                    reason=gone,
                ),
                value=value,
            )
        return refused(
            msg(
                QT_TRANSLATE_NOOP(C, "Not available any more: {reason}. Still available: {offer}."),
                reason=gone,
                offer=offer,
            ),
            value=value,
        )

    def reserve(self, sku: str, store_id: str, qty: int = 1, *, customer_name: str | None = None) -> Result:
        """Blocking (network): hold `qty` of the item at `store_id` for the customer to collect and pay
        there, for `stock.reservation_hours`; the member's app is told, the store sees it waiting."""
        if (why := self._may_promise(qty)) is not None:
            return why
        who = self._customer(customer_name)
        if isinstance(who, Result):
            return who
        member_no, name = who
        request = {
            "reservation_id": str(uuid.uuid4()),
            "store_id": store_id,
            "sku": sku,
            "qty": qty,
            "currency": self.shop.config.currency,
            "member_no": member_no,
            "customer_name": name,
            "hours": self.reservation_hours,
        }
        try:
            order = self.backend.reserve(request)
        except BackendRefused as e:
            if e.code == "out_of_stock":
                return self._gone(sku, qty, store_id, e)
            return refused(said(e))
        except (BackendUnavailable, BackendNotFound) as e:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Not reserved: {reason}"), reason=said(e)))
        self._audit(
            "stock.reserved", {"order_no": order.order_no, "sku": sku, "qty": qty, "store_id": store_id}
        )
        template = (
            QT_TRANSLATE_NOOP(
                C,
                "Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). "
                "It is in the customer's OMO app.",
            )
            if member_no is not None
            else QT_TRANSLATE_NOOP(
                C,
                "Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). "
                "Give the customer the order number.",
            )
        )
        return done(
            msg(
                template,
                qty=qty,
                item=order.lines[0].name if order.lines else sku,
                store=self._store_name(store_id),
                name=name,
                until=local_time(order.expires_at or ""),
                order=order.order_no,
            ),
            value=order,
        )

    def order(
        self,
        sku: str,
        kind: str,
        qty: int = 1,
        *,
        source_store_id: str | None = None,
        customer_name: str | None = None,
        address: str | None = None,
    ) -> Result:
        """Blocking (network): order the item from another store or the warehouse, `delivery` to the
        customer's home or `pickup` here the next day, as a line of the open sale (paid with it). The
        source is the one given, else the nearest that has it (pos.stock.choose_source)."""
        if (why := self._may_promise(qty)) is not None:
            return why
        if kind not in ("delivery", "pickup"):
            return refused(msg(QT_TRANSLATE_NOOP(C, "An order is delivered home or collected here.")))
        if self.sell.co.tenders:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Part of this sale is paid: finish it, then order.")))
        product = self.shop.catalog.get(sku)
        if product is None or not product.active:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Item {sku} is not sold at this till."), sku=sku))
        who = self._customer(customer_name)
        if isinstance(who, Result):
            return who
        _member_no, name = who
        if kind == "delivery" and not (address and address.strip()):
            return refused(msg(QT_TRANSLATE_NOOP(C, "An order delivered home needs the customer's address.")))
        if source_store_id is None:
            looked = self.look_up(sku)
            if not looked.ok or looked.value.freshness.stale:
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Not ordered: the backend must confirm the stock. {reason}"),
                        reason=looked.message)
                )  # fmt: skip
            source = choose_source(looked.value.levels, qty, kind)
            if source is None:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(C, "No other store or warehouse has {qty} × {item} to send."),
                        qty=qty,
                        item=product.name,
                    ),
                    value=Unavailable(sku, qty, (), looked.value.levels),
                )
            source_store_id = source.store_id
        request: dict[str, Any] = {
            "order_id": str(uuid.uuid4()),
            "fulfilment": kind,
            "source_store_id": source_store_id,
            "currency": self.shop.config.currency,
            "customer_name": name,
            "lines": [{"sku": sku, "qty": qty}],
        }
        if kind == "pickup":
            request["pickup_store_id"] = self.store_id
        else:
            request["delivery_address"] = address.strip()  # type: ignore[union-attr]
        try:
            order = self.backend.place_order(request)
        except BackendRefused as e:
            if e.code == "out_of_stock":
                return self._gone(sku, qty, source_store_id, e)
            return refused(said(e))
        except (BackendUnavailable, BackendNotFound) as e:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Not ordered: {reason}"), reason=said(e)))
        fulfilment = Fulfilment(
            kind,
            order.order_no,
            self._store_name(source_store_id),
            order.ready_on or "",
            qr_secret_of(order.order_no, order.qr_text),
        )
        added = self.sell.add_fulfilled(sku, qty, fulfilment)
        if not added.ok:  # the sale could not take it: the order gives its stock back
            self._release_quietly(order.order_no)
            return added
        with self._lock:
            self._placed[order.order_no] = self.sell.co.sale_uuid
        self._audit(
            "stock.ordered",
            {"order_no": order.order_no, "sku": sku, "qty": qty, "kind": kind, "source": source_store_id},
        )
        what = (
            QT_TRANSLATE_NOOP(
                C, "Order {order}: {qty} × {item} from {source}, delivered by {day}. Now take payment."
            )
            if kind == "delivery"
            else QT_TRANSLATE_NOOP(
                C,
                "Order {order}: {qty} × {item} from {source}, to collect here from {day}. Now take payment.",
            )
        )
        return done(
            msg(
                what,
                order=order.order_no,
                qty=qty,
                item=product.name,
                source=fulfilment.source,
                day=self.shop.day(order.ready_on) if order.ready_on else "",
            ),
            value=order,
        )

    def collect(self, order_no: str) -> Result:
        """Blocking (network): a reservation waiting here goes on the open sale, to be paid now."""
        if (why := self._may_promise(1)) is not None:
            return why
        try:
            order: OnlineOrder = self.backend.order(order_no)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "No order {order}."), order=order_no))
        except BackendUnavailable as e:
            return refused(
                msg(QT_TRANSLATE_NOOP(C, "The order cannot be checked now: {reason}"), reason=said(e))
            )
        if order.fulfilment != "reservation" or order.status != "reserved":
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "Order {order} is not a reservation waiting to be collected ({status})."
                    ),
                    order=order_no,
                    status=order.status,
                )
            )
        if order.pickup_store_id != self.store_id:
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "Reservation {order} waits at {store}, not here."),
                    order=order_no,
                    store=self._store_name(order.pickup_store_id or ""),
                )
            )
        fulfilment = Fulfilment(
            "reservation",
            order.order_no,
            self._store_name(self.store_id),
            qr_secret=qr_secret_of(order.order_no, order.qr_text),
        )
        for line in order.lines:
            added = self.sell.add_fulfilled(line.sku, line.qty, fulfilment)
            if not added.ok:
                return added
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "Reservation {order} for {name} is on the sale: take payment."),
                order=order_no,
                name=order.customer_display_name,
            ),
            value=order,
        )

    def release(self, order_no: str) -> Result:
        """Blocking (network): give up an order not paid yet, or a reservation."""
        if self.backend is None:
            return self._no_backend()
        try:
            self.backend.release_order(order_no)
        except BackendRefused as e:
            return refused(said(e))
        except (BackendUnavailable, BackendNotFound) as e:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Not given up: {reason}"), reason=said(e)))
        return done(
            msg(QT_TRANSLATE_NOOP(C, "Order {order} given up: its stock is free again."), order=order_no)
        )

    # ------------------------------------------------------------------ the open sale
    def _may_promise(self, qty: int) -> Result | None:
        if self.backend is None:
            return self._no_backend()
        if self.sell.staff is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Log in first.")))
        if self.sell.busy is not None:
            return Result(Outcome.BUSY, msg(QT_TRANSLATE_NOOP(C, "Wait: the payment is being finished.")))
        if not 1 <= qty <= 100:
            return refused(msg(QT_TRANSLATE_NOOP(C, "A quantity must be from 1 to {most}."), most=100))
        return None

    def _sale_changed(self) -> None:
        """Any change of the open sale (under the sell service's lock: quick, no network). An order placed
        here whose line left the sale unpaid gives its stock back, on the service's worker."""
        with self._lock:
            if not self._placed:
                return
            on_sale = {ln.fulfilment.order_no for ln in self.sell.co.cart.lines if ln.fulfilment is not None}
            gone = {no: sale for no, sale in self._placed.items() if no not in on_sale}
            for no in gone:
                del self._placed[no]
            if not gone or self._closed:
                return
        for order_no, sale_uuid in gone.items():
            self._pool.submit(self._settle_left, order_no, sale_uuid)

    def _settle_left(self, order_no: str, sale_uuid: str) -> None:
        """An order's line left the open sale: paid with it (recorded), parked with it, or dropped (given
        back)."""
        doc = self.shop.records.get_sale(sale_uuid)
        if doc is not None and any(ln.fulfilment and ln.fulfilment.order_no == order_no for ln in doc.lines):
            return
        if any(order_no in _orders_of(p.cart) for p in self.shop.records.parked()):
            return  # put aside with its sale: its hold lasts until its pay-by time
        self._release_quietly(order_no)

    def _release_quietly(self, order_no: str) -> None:
        try:
            self.backend.release_order(order_no)
        except Exception as e:  # its pay-by time ends the hold anyway
            log.warning("order %s not given back now (%s); its hold ends at its pay-by time", order_no, e)
        else:
            log.info("order %s given back: its line left the sale unpaid", order_no)

    # ------------------------------------------------------------------ after the sale
    def _recorded(self, doc: Any) -> None:
        """A sale was committed (shop.recorded, quick): the orders it paid are confirmed on a worker."""
        paid: dict[str, int] = {}
        for ln in doc.lines:
            if ln.fulfilment is not None and ln.fulfilment.is_order:
                paid[ln.fulfilment.order_no] = paid.get(ln.fulfilment.order_no, 0) + ln.paid_amount
        with self._lock:
            if not paid or self._closed:
                return
            for order_no, amount in paid.items():
                self._confirming.submit(self._confirm_paid, order_no, amount)

    def _confirm_paid(self, order_no: str, amount: int) -> None:
        """The sale that paid `order_no` reaches the backend (the commit woke the sync engine): if the
        order's hold had run out (a sale parked, or offline, past its pay-by time) and its stock went
        elsewhere meanwhile, the backend keeps the money and marks it `out_of_stock`; say so, with what is
        left to offer and the amount to refund for the order part. Nothing is said when it was supplied."""
        order = self._settled(order_no)
        if order is None or order.status != "out_of_stock":
            return
        line = order.lines[0] if order.lines else None
        sku, qty = (line.sku, line.qty) if line is not None else ("", 1)
        value, offer = self._left(sku, qty, order.source_store_id or "") if sku else (None, "")
        said = (
            QT_TRANSLATE_NOOP(
                C,
                "Order {order} was paid, but its stock went elsewhere before the sale reached the OMO "
                "backend. Offer the customer: {offer}; or refund {amount} for the order.",
            )
            if offer
            else QT_TRANSLATE_NOOP(
                C,
                "Order {order} was paid, but its stock went elsewhere before the sale reached the OMO "
                "backend, and no other store or warehouse has it. Refund {amount} for the order.",
            )
        )
        notice = done(
            msg(said, order=order_no, offer=offer, amount=self.shop.fmt(amount)), value=value, error=True
        )
        log.warning("order %s paid at this till is out of stock at the backend", order_no)
        self._audit("stock.order_out_of_stock", {"order_no": order_no, "sku": sku, "amount": amount})
        for fn in list(self.on_notice):
            try:
                fn(notice)
            except Exception:
                log.exception("a listener of stock notices failed")

    def _settled(self, order_no: str) -> OnlineOrder | None:
        """The order once the sale that pays it has reached the backend (None: not within
        CONFIRM_WITHIN_S, or the service closed)."""
        wait, deadline = 0.05, time.monotonic() + CONFIRM_WITHIN_S
        while not self._stop.is_set():
            try:
                order: OnlineOrder = self.backend.order(order_no)
            except (BackendUnavailable, BackendNotFound):
                pass
            else:
                if order.status != "awaiting_payment":
                    return order
            if time.monotonic() > deadline:
                log.warning("order %s: its sale has not reached the backend yet; not confirmed", order_no)
                return None
            self._stop.wait(wait)
            wait = min(wait * 2, 5.0)
        return None

    def flush(self, timeout: float = 30.0) -> None:
        """Wait for the releases and confirmations queued so far (tests, shutdown)."""
        for pool in (self._pool, self._confirming):
            marker: Future[None] = pool.submit(lambda: None)
            marker.result(timeout)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._stop.set()
        if self._recorded in self.shop.on_recorded:
            self.shop.on_recorded.remove(self._recorded)
        self._pool.shutdown(wait=True)
        self._confirming.shutdown(wait=True)

    # ------------------------------------------------------------------ helpers
    def _store_name(self, store_id: str) -> str:
        with self._lock:
            for levels in reversed(list(self._cache.items.values())):
                s = levels.store(store_id)
                if s is not None:
                    return s.store_name
        return store_id

    def _audit(self, action: str, details: dict[str, Any]) -> None:
        staff = self.sell.staff
        self.shop.journal.audit(action, staff.id if staff else None, details)


def _age(seconds: float) -> str:
    if seconds < 90:
        return f"{int(seconds)} s"
    if seconds < 5400:
        return f"{int(seconds // 60)} min"
    return f"{seconds / 3600:.1f} h"


__all__ = ["StockService", "StockView", "Unavailable"]
