"""The Returns tab's presenter: the panel's requests go to `app.returns.ReturnsService` (and exchanges to
`app.exchange.ExchangeService`), their typed results come back as words, questions and a redrawn list.
It holds no retail rule; blocking calls (the backend, Stripe, the journal) run on the task manager's
"net" worker, questions open without a nested event loop.
"""

from __future__ import annotations

import logging
from typing import Any

from app.results import Result
from pos.sync_ports import RecentOrder
from ui import prompts
from ui.presenter import Presenter
from ui.qt import QCoreApplication, QObject, QTimer, QWidget, Signal, Slot
from ui.returns_page import ReturnRow, ReturnsPanel, ReturnSummary
from ui.taskman import TaskManager

log = logging.getLogger("ui.returns")

NET = "net"


class _Relay(QObject):
    changed = Signal()
    status = Signal(str)


class ReturnsPresenter(Presenter):
    """`open_pickup(text)` is called when a scanned order turns out to wait for pickup."""

    def __init__(
        self,
        returns: Any,
        exchange: Any,
        panel: ReturnsPanel,
        tasks: TaskManager,
        window: QWidget,
        approvals: Any,
    ) -> None:
        super().__init__(tasks, window, approvals)
        self.returns = returns
        self.exchange = exchange
        self.shop = returns.shop
        self.panel = panel
        self.open_pickup: Any = None
        self._queued = False
        self._to_lines = False  # the next order opened puts the keyboard on its lines
        self._relay = _Relay(self)
        self._relay.changed.connect(self._queue_refresh)
        self._relay.status.connect(self._on_status)
        returns.subscribe(self._relay.changed.emit)
        panel.find_requested.connect(self.on_code)
        panel.pick_changed.connect(self.on_pick)
        panel.action.connect(self.on_action)
        panel.waiting_action.connect(self.on_waiting)
        panel.exchange_action.connect(self.on_exchange)

    # ------------------------------------------------------------------ the panel
    @property
    def busy(self) -> bool:
        return self.returns.busy is not None

    def show_message(self, text: str, error: bool) -> None:
        self.panel.show_message(text, error=error)

    def focus(self) -> None:
        self.panel.focus_scan()

    def shown(self, result: Result) -> None:
        to_lines, self._to_lines = self._to_lines, False
        if (
            to_lines
            and result.ok
            and getattr(result.value, "lines", None)
            and not self.returns.view().needs_check
        ):
            QTimer.singleShot(0, self.panel, self._focus_lines)  # once its rows are drawn
        if isinstance(result.value, tuple) and result.value and isinstance(result.value[0], RecentOrder):
            self._pick_recent(result.value)
        elif getattr(result.value, "status", None) == "ready_for_pickup" and self.open_pickup is not None:
            self.open_pickup(result.value.label)
        elif getattr(result.value, "kind", None) == "order" and not result.value.lines:
            # found by its number: the summary; the customer's proof brings the order in full
            v = self.returns.view()
            if v.needs_check and not v.checked and self.asking is None:
                QTimer.singleShot(0, self._ask_check)

    @Slot()
    def _queue_refresh(self) -> None:
        if not self._queued:
            self._queued = True
            QTimer.singleShot(0, self.panel, self.refresh)  # dropped if the panel is gone

    def refresh(self) -> None:
        self._queued = False
        fmt = self.shop.fmt
        v = self.returns.view()
        rows = [
            ReturnRow(
                ln.line_no,
                f"{ln.name} · {ln.sku}",
                ln.qty,
                ln.returned,
                ln.returnable,
                fmt(ln.paid),
                ln.picked,
                ln.reason,
                ln.restock,
            )
            for ln in v.lines
        ]
        self.panel.show_lines(rows, self._summary(v))
        self.panel.show_waiting(
            [
                (
                    w.return_uuid,
                    self.tr_("{label}: {total} — {problem}").format(
                        label=w.label, total=fmt(w.total), problem=w.problem or self.tr_("interrupted")
                    ),
                )
                for w in self.returns.waiting()
                if self.exchange is None or w.return_uuid != self.exchange.pending
            ]
        )
        self._show_exchange()

    def _summary(self, v: Any) -> ReturnSummary:
        fmt = self.shop.fmt
        o = v.original
        if o is None:
            return ReturnSummary()
        if o.kind == "none":
            title = self.tr_("Return without a receipt: scan the items (today's prices, store credit).")
        else:
            what = self.tr_("Order {label}") if o.kind == "order" else self.tr_("Receipt {label}")
            title = self.tr_("{what} · {when} · paid {paid} ({how}){who}{unverified}").format(
                what=what.format(label=o.label),
                when=self.shop.day(o.placed_at),
                paid=fmt(o.total_paid),
                how=", ".join(sorted({t.kind.replace("_", " ") for t in o.tenders})) or "—",
                who=f" · {o.customer}" if o.customer else "",
                unverified="" if o.verified else " · " + self.tr_("not checked by the backend"),
            )
        check = ""
        if v.needs_check:
            check = (
                self.tr_("Customer checked.")
                if v.checked
                else self.tr_("Found by its number: check the customer first (F4).")
            )
        parts = []
        for p in v.parts:
            label = {
                "card": self.tr_("to the card"),
                "cash": self.tr_("in cash"),
                "points": self.tr_("as points"),
                "store_credit": self.tr_("as store credit"),
            }.get(p.kind, p.kind)
            parts.append(f"{fmt(p.amount)} {label}")
        if v.points_taken_back or v.points_given_back:
            parts.append(
                self.tr_("points −{taken} / +{given}").format(
                    taken=v.points_taken_back, given=v.points_given_back
                )
            )
        refund = (
            self.tr_("Refund {total} (tax {tax})").format(total=fmt(v.total), tax=fmt(v.tax))
            if v.total
            else ""
        )
        return ReturnSummary(title, refund, tuple(parts), check, v.checked, v.problem)

    def _show_exchange(self) -> None:
        x = self.exchange.view() if self.exchange is not None else None
        if x is None:
            self.panel.show_exchange("", store_owes=False)
            return
        fmt = self.shop.fmt
        if x.net > 0:
            net = self.tr_("the customer pays {amount}").format(amount=fmt(x.net))
        elif x.net < 0:
            net = self.tr_("the customer gets {amount} back").format(amount=fmt(-x.net))
        else:
            net = self.tr_("nothing to pay either way")
        self.panel.show_exchange(
            self.tr_(
                "Exchange from {label}: {items} back, credit {credit}; new items on Sell {new}: {net}."
            ).format(
                label=x.label,
                items=", ".join(f"{q} × {name}" for name, q in x.returned),
                credit=fmt(x.credit),
                new=fmt(x.new_items),
                net=net,
            ),
            store_owes=x.net < 0,
        )

    # ------------------------------------------------------------------ requests
    def on_code(self, text: str) -> None:
        """A scan or a typed number: the order or sale, or an item of a return without a receipt."""
        if self.busy:
            self.say(self.tr_("Wait: a refund is being made."), error=True)
            return
        v = self.returns.view()
        if v.original is not None and v.original.kind == "none" and not text.startswith("OMO"):
            self.call(lambda: self.returns.add_item(text))
            return
        self.call(lambda: self.returns.find(text), NET)

    def open_member_order(self, panel: Any, ref: str) -> None:
        """A recent order from the Members workspace's panel: opened here with the keyboard on its lines."""
        if self.busy:
            self.say(self.tr_("Wait: a refund is being made."), error=True)
            return
        self._to_lines = True
        self.say(self.tr_("Opening {ref}…").format(ref=ref[:13]))
        self.call(lambda: self.returns.open_member_order(panel, ref), NET)

    def _focus_lines(self) -> None:
        table = self.panel.table
        if table.rowCount():
            table.setFocus()
            table.setCurrentCell(0, 0)

    @Slot(int, int, str, bool)
    def on_pick(self, line_no: int, qty: int, reason: str, resell: bool) -> None:
        result = self.returns.pick(line_no, qty, reason=reason, restock=resell)
        if not result.ok:
            self.show(result)

    @Slot(str)
    def on_action(self, key: str) -> None:
        if self.asking is not None or self.busy:
            return
        if key in ("original", "store_credit"):
            self.call(lambda: self.returns.refund(key, on_status=self._relay.status.emit), NET)
        elif key == "exchange":
            self.call(self.exchange.begin, NET)
        elif key == "check":
            self._ask_check()
        elif key == "no_receipt":
            self.show(self.returns.no_receipt())
        elif key == "clear":
            self.returns.clear()
            self.say("")

    def _ask_check(self) -> None:
        ask_check(self, self.returns.check_customer)

    def _channel(self, channel: str) -> str:
        return self.tr_("online") if channel == "online" else self.tr_("in store")

    def _pick_recent(self, orders: tuple[RecentOrder, ...]) -> None:
        fmt = self.shop.fmt
        labels = [
            f"{self.shop.day(o.placed_at)}  {self._channel(o.channel)}  "
            f"{fmt(o.total)}  ({o.item_count})  {o.ref[:13]}"
            for o in orders
        ]
        self.asking = "recent"
        prompts.ask_item(
            self.window,
            self.tr_("Recent orders"),
            self.tr_("Which purchase comes back?"),
            labels,
            lambda i: self.call(lambda: self.returns.open_recent(orders[i]), NET),
            on_closed=self.focus_back,
        )

    @Slot(str, str)
    def on_waiting(self, return_uuid: str, key: str) -> None:
        if self.busy:
            return
        if key == "resume":
            self.call(lambda: self.returns.resume(return_uuid, on_status=self._relay.status.emit), NET)
        elif key in ("credit", "cash"):
            to = "store_credit" if key == "credit" else "cash"
            self.call(lambda: self.returns.reroute(return_uuid, to), NET)
        elif key == "give_up":
            prompts.confirm(
                self.window,
                self.tr_("Give up"),
                self.tr_("Give this return up? Nothing of it was refunded; the items stay the customer's."),
                lambda: self.call(lambda: self.returns.give_up(return_uuid), NET),
                on_closed=self.focus_back,
            )

    @Slot(str)
    def on_exchange(self, key: str) -> None:
        if self.busy:
            return
        if key == "cancel":
            self.call(self.exchange.cancel, NET)
        else:
            to = "store_credit" if key == "complete_credit" else "original"
            self.call(lambda: self.exchange.complete(to), NET)

    @Slot(str)
    def _on_status(self, status: str) -> None:
        if status == "tap":
            self.say(self.tr_("Interac: ask the customer to tap their card on the reader for the refund."))


def ask_check(presenter: Presenter, check: Any) -> None:
    """How the customer proves the order is theirs, then what they give: `check(method, value)` runs on
    the "net" worker (the backend compares)."""
    methods = [
        ("name", QCoreApplication.translate("ReturnsPresenter", "Their name")),
        ("card_last4", QCoreApplication.translate("ReturnsPresenter", "Last 4 digits of the card")),
        ("app_code", QCoreApplication.translate("ReturnsPresenter", "The code in their app")),
    ]

    def chosen(i: int) -> None:
        method = methods[i][0]
        QTimer.singleShot(
            0,
            lambda: presenter.ask_text(
                "check",
                QCoreApplication.translate("ReturnsPresenter", "Check the customer"),
                methods[i][1] + ":",
                lambda value: presenter.call(lambda: check(method, value), NET),
            ),
        )

    presenter.asking = "check"
    prompts.ask_item(
        presenter.window,
        QCoreApplication.translate("ReturnsPresenter", "Check the customer"),
        QCoreApplication.translate("ReturnsPresenter", "What does the customer give?"),
        [m[1] for m in methods],
        chosen,
        on_closed=presenter.focus_back,
    )


__all__ = ["ReturnsPresenter", "ask_check"]
