"""Pickups (buy online, pick up in store): the orders waiting at this store, the customer check, and the
hand-over, in full or in parts, as a service that a window, a test or the headless driver calls.

    pickups = PickupService(shop, returns)
    pickups.refresh()                        # Result(value=[PickupRow, ...]): shelf, age, overdue
    pickups.open("OMO:ORDER:500001")         # the order, everything still waiting picked
    pickups.check("card_last4", "4242")      # the backend compares; the till never sees the digits
    pickups.give(2, 0, reason="Wrong colour")  # line 2 stays (why)
    pickups.hand_over()                      # the event syncs at once; the customer's app learns it

An order not collected by its date is flagged; `back_to_stock` opens it on Returns with what is still
waiting picked ("Not collected", resellable), refunded to the original payment like any return.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from app.approval import approve_once
from app.messages import QT_TRANSLATE_NOOP, msg, said
from app.results import Outcome, Result, done, failed, refused
from app.returns import too_many_checks
from pos.codes import OrderCode
from pos.errors import Sentence
from pos.scan import is_omo_code
from pos.staff import Override, Permission, StaffMember
from pos.sync_ports import BackendNotFound, BackendTooManyTries, BackendUnavailable, OnlineOrder

log = logging.getLogger("app.pickups")

C = "app"
CHECKS = ("name", "card_last4", "app_code")
SYNC_WAIT_S = 3.0  # how long a hand-over waits to hear the backend has it (it is queued either way)


@dataclass(frozen=True)
class PickupRow:
    order_no: str
    customer: str
    shelf: str
    ready_at: str | None
    age_hours: int | None  # since it was put on the shelf
    items: int  # units still waiting
    overdue: bool  # not collected by its date: back to stock
    collect_by: str | None
    partly: bool  # some of it was handed over already


@dataclass(frozen=True)
class PickupLineView:
    line_no: int
    name: str
    sku: str
    qty: int
    handed: int
    waiting: int
    giving: int
    reason: str  # why what is not given stays


@dataclass(frozen=True)
class PickupView:
    order: OnlineOrder | None
    lines: tuple[PickupLineView, ...] = ()
    checked: str = ""  # how the customer was checked ("" not yet)
    busy: str | None = None


@dataclass
class _Open:
    order: OnlineOrder
    giving: dict[int, int]
    reasons: dict[int, str] = field(default_factory=dict)
    checked: str = ""


def _hours_since(iso: str | None, now: datetime) -> int | None:
    if not iso:
        return None
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return max(int((now - when).total_seconds() // 3600), 0)


class PickupService:
    def __init__(self, shop: Any, returns: Any = None) -> None:
        self.shop = shop
        self.returns = returns
        self.staff: StaffMember | None = None
        self.current: _Open | None = None
        self.rows: list[PickupRow] = []
        self.as_of: str | None = None  # the backend's time of the list shown
        self._lock = threading.RLock()
        self._busy: str | None = None
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("pickups listener failed")

    def begin_shift(self, member: StaffMember) -> None:
        with self._lock:
            if self.staff is not None and self.staff.id != member.id:
                self.current = None
            self.staff = member

    def end_shift(self) -> None:
        with self._lock:
            self.staff = None

    @property
    def backend(self) -> Any:
        return self.shop.sync_engine

    @property
    def store_id(self) -> str:
        return self.shop.settings["store.id"]

    def _check(self) -> Result | None:
        if self.staff is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Log in first.")))
        if self._busy is not None:
            return Result(Outcome.BUSY, msg(QT_TRANSLATE_NOOP(C, "Wait: the hand-over is being recorded.")))
        if self.backend is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Pickups need the backend; this till has none.")))
        return None

    def _offline(self, e: Exception) -> Result:
        return failed(
            msg(
                QT_TRANSLATE_NOOP(
                    C, "The backend cannot be reached ({error}): pickups wait until it is back."
                ),
                error=said(e),
            )
        )

    # ------------------------------------------------------------------ the list
    def refresh(self) -> Result:
        """Blocking: the orders waiting at this store, oldest first (the overdue ones flagged)."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
        try:
            listing = self.backend.pickups(self.store_id)
        except BackendUnavailable as e:
            return self._offline(e)
        now = datetime.now(UTC)
        rows = [
            PickupRow(
                o.order_no,
                o.customer_display_name,
                o.shelf or "",
                o.ready_at,
                _hours_since(o.ready_at, now),
                sum(ln.waiting_qty for ln in o.lines),
                o.overdue,
                o.collect_by,
                any(ln.handed_over_qty for ln in o.lines),
            )
            for o in listing.orders
        ]
        with self._lock:
            self.rows, self.as_of = rows, listing.as_of
        self._changed()
        late = sum(r.overdue for r in rows)
        return done(
            msg(
                QT_TRANSLATE_NOOP(C, "{n} orders waiting for pickup; {late} not collected in time."),
                n=len(rows),
                late=late,
            ),
            value=rows,
        )

    # ------------------------------------------------------------------ one order
    def open(self, typed: str) -> Result:
        """Blocking: an order to hand over, by its QR or number; everything still waiting is picked."""
        typed = typed.strip()
        with self._lock:
            if (why := self._check()) is not None:
                return why
        qr = None
        if is_omo_code(typed):
            parsed = self.shop.codes.parse(typed)
            if not isinstance(parsed, OrderCode):
                return refused(said(getattr(parsed, "message", "") or typed))
            qr, order_no = typed, parsed.order_no
        else:
            order_no = typed
        if not order_no:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Scan the order's QR code or type its number.")))
        try:
            order = self.backend.order_by_qr(qr) if qr else self.backend.order(order_no)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no online order {order}."), order=order_no))
        except BackendUnavailable as e:
            return self._offline(e)
        if order.status != "ready_for_pickup":
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "Order {order} is {status}, not waiting for pickup."),
                    order=order.order_no,
                    status=order.status.replace("_", " "),
                ),
                value=order,
            )
        if order.pickup_store_id not in (None, self.store_id):
            return refused(
                msg(
                    QT_TRANSLATE_NOOP(C, "Order {order} waits at another store ({store})."),
                    order=order.order_no,
                    store=order.pickup_store_id,
                ),
                value=order,
            )
        with self._lock:
            self.current = _Open(order, {ln.line_no: ln.waiting_qty for ln in order.lines if ln.waiting_qty})
        self._changed()
        shelf = f" ({order.shelf})" if order.shelf else ""
        if order.overdue:
            return done(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Order {order}{shelf} was not collected in time: hand it over if the customer is "
                        "here, or take it back to stock.",
                    ),
                    order=order.order_no,
                    shelf=shelf,
                ),
                value=order,
                error=True,
            )
        return done(
            msg(
                QT_TRANSLATE_NOOP(
                    C, "Order {order}{shelf} for {customer}: check the customer, then hand it over."
                ),
                order=order.order_no,
                shelf=shelf,
                customer=order.customer_display_name,
            ),
            value=order,
        )

    def check(self, method: str, value: str) -> Result:
        """Blocking: the customer's name, the last digits of the card that paid, or their app's code,
        compared by the backend."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            if self.current is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Open the order first.")))
            if method not in CHECKS or not value.strip():
                return refused(
                    msg(QT_TRANSLATE_NOOP(C, "Say what the customer gave: name, card digits or code."))
                )
            current = self.current
        order_no = current.order.order_no
        try:
            ok = self.backend.check_customer(order_no, method, value.strip()[:100]) is not None
        except BackendTooManyTries as e:
            return too_many_checks(self.shop, self.staff, order_no, e)
        except BackendUnavailable as e:
            return self._offline(e)
        except BackendNotFound:
            return refused(msg(QT_TRANSLATE_NOOP(C, "There is no online order {order}."), order=order_no))
        if not ok:
            self.shop.journal.audit(
                "order.check_failed", self.staff.id, {"order_no": order_no, "method": method}
            )
            return refused(msg(QT_TRANSLATE_NOOP(C, "That does not match order {order}."), order=order_no))
        with self._lock:
            current.checked = method
        self._changed()
        return done(msg(QT_TRANSLATE_NOOP(C, "Customer checked. Hand the order over.")))

    def give(self, line_no: int, qty: int, *, reason: str | None = None) -> Result:
        """`qty` units of line `line_no` go to the customer now; the rest stays (say why)."""
        with self._lock:
            if self.current is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Open the order first.")))
            line = next((ln for ln in self.current.order.lines if ln.line_no == line_no), None)
            if line is None or not 0 <= qty <= line.waiting_qty:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(C, "Line {line}: {waiting} waiting."),
                        line=line_no,
                        waiting=0 if line is None else line.waiting_qty,
                    )
                )
            self.current.giving[line_no] = qty
            if reason is not None:
                self.current.reasons[line_no] = reason.strip()[:200]
        self._changed()
        return done()

    def view(self) -> PickupView:
        with self._lock:
            cur = self.current
            if cur is None:
                return PickupView(None, busy=self._busy)
            lines = tuple(
                PickupLineView(
                    ln.line_no,
                    ln.name,
                    ln.sku,
                    ln.qty,
                    ln.handed_over_qty,
                    ln.waiting_qty,
                    cur.giving.get(ln.line_no, 0),
                    cur.reasons.get(ln.line_no, ""),
                )
                for ln in cur.order.lines
            )
            return PickupView(cur.order, lines, cur.checked, self._busy)

    def close(self) -> None:
        with self._lock:
            if self._busy is None:
                self.current = None
        self._changed()

    def hand_over(self, grant: Override | None = None) -> Result:
        """Blocking (the journal; then a few seconds for the backend): record the hand-over and send it."""
        with self._lock:
            if (why := self._check()) is not None:
                return why
            cur = self.current
            if cur is None:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Open the order first.")))
            if not cur.checked:
                return refused(
                    msg(
                        QT_TRANSLATE_NOOP(
                            C,
                            "Check the customer first: their name, the card's last digits, or the app's "
                            "code.",
                        )
                    )
                )
            giving = [{"line_no": n, "qty": q} for n, q in sorted(cur.giving.items()) if q > 0]
            if not giving:
                return refused(msg(QT_TRANSLATE_NOOP(C, "Nothing is handed over: give at least one item.")))
            not_taken = []
            for ln in cur.order.lines:
                left = ln.waiting_qty - cur.giving.get(ln.line_no, 0)
                if left <= 0:
                    continue
                reason = cur.reasons.get(ln.line_no, "")
                if not reason:
                    return refused(
                        msg(
                            QT_TRANSLATE_NOOP(C, "Say why {n} × {item} is not taken."),
                            n=left,
                            item=ln.name or ln.sku,
                        )
                    )
                not_taken.append({"line_no": ln.line_no, "qty": left, "reason": reason})
            approver = approve_once(
                self.shop.approvals,
                self.staff,
                Permission.PICKUP,
                grant,
                subject=Sentence(QT_TRANSLATE_NOOP(C, "hand over order {order}"), order=cur.order.order_no),
                retry=lambda ov: self.hand_over(ov),
            )
            if isinstance(approver, Result):
                return approver
            payload: dict[str, Any] = {
                "order_no": cur.order.order_no,
                "store_id": self.store_id,
                "staff_id": self.staff.id,
                "check": cur.checked,
                "lines": giving,
            }
            if not_taken:
                payload["not_taken"] = not_taken
            event_id = str(uuid.uuid4())
            self._busy = "handover"
        try:
            self.shop.records.record_event(
                "pickup.handed_over",
                payload,
                event_id=event_id,
                audit=("pickup.handed_over", self.staff.id, {**payload, "approved_by": approver or None}),
            )
        except Exception as e:  # nothing recorded: nothing is handed over
            log.error("hand-over of %s not recorded: %s", cur.order.order_no, e)
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C, "The hand-over could NOT be saved ({error}): keep the goods; try again."
                    ),
                    error=said(e),
                )
            )
        finally:
            with self._lock:
                self._busy = None
        with self._lock:
            if self.current is cur:
                self.current = None
        synced = self._send_now(event_id)
        self._changed()
        units = sum(g["qty"] for g in giving)
        if isinstance(synced, str):  # refused at the backend: nothing of it counts; the journal keeps why
            log.warning("hand-over of %s refused by the backend: %s", cur.order.order_no, synced)
            return failed(
                msg(
                    QT_TRANSLATE_NOOP(
                        C,
                        "Order {order} was NOT handed over here: the backend says {reason}. Another till may "
                        "have handed it over already: keep the goods and open the order again.",
                    ),
                    order=cur.order.order_no,
                    reason=synced.partition(": ")[2] or synced,
                )
            )
        if synced:
            message = msg(
                QT_TRANSLATE_NOOP(
                    C, "Order {order}: {units} items handed over; the customer's app shows it."
                ),
                order=cur.order.order_no,
                units=units,
            )
        else:
            message = msg(
                QT_TRANSLATE_NOOP(
                    C,
                    "Order {order}: {units} items handed over; the backend hears of it when the till is "
                    "online.",
                ),
                order=cur.order.order_no,
                units=units,
            )
        return done(message, value=payload)

    def _send_now(self, event_id: str) -> bool | str:
        """True when the backend has the hand-over, False while it is queued (offline), or the backend's
        reason when it refused it (another till handed the goods over first)."""
        engine = self.backend
        engine.wake()
        deadline = datetime.now(UTC).timestamp() + SYNC_WAIT_S
        while True:
            if (refusal := self.shop.records.event_refusal(event_id)) is not None:
                return refusal
            if self.shop.records.event_acknowledged(event_id):
                return True
            if datetime.now(UTC).timestamp() >= deadline:
                return False
            engine.wait_idle(0.2)

    # ------------------------------------------------------------------ not collected in time
    def back_to_stock(self, order_no: str | None = None) -> Result:
        """Blocking: an order not collected goes back: opened on Returns with what still waits picked."""
        if self.returns is None:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Returns are not available on this till.")))
        with self._lock:
            if order_no is None and self.current is not None:
                order_no = self.current.order.order_no
        if not order_no:
            return refused(msg(QT_TRANSLATE_NOOP(C, "Open the order first.")))
        result = self.returns.open_for_store(order_no)
        if not result.ok:
            return result
        with self._lock:
            self.current = None
        self._changed()
        return result


__all__ = ["PickupLineView", "PickupRow", "PickupService", "PickupView"]
