"""The Pickups tab's presenter: the list of orders waiting here (read from the backend on the "net" worker
and again every `pickups.refresh_s` seconds while the tab shows), the order being handed over, and the
hand-over. No retail rule here: `app.pickups.PickupService` decides.
"""

from __future__ import annotations

from typing import Any

from app.results import Result
from ui import prompts
from ui.pickups_page import HandoverRow, PickupListRow, PickupsPanel
from ui.presenter import Presenter
from ui.qt import QObject, QTimer, QWidget, Signal, Slot
from ui.returns_presenter import ask_check
from ui.taskman import TaskManager

NET = "net"


class _Relay(QObject):
    changed = Signal()


class PickupsPresenter(Presenter):
    def __init__(
        self, pickups: Any, panel: PickupsPanel, tasks: TaskManager, window: QWidget, approvals: Any
    ) -> None:
        super().__init__(tasks, window, approvals)
        self.pickups = pickups
        self.shop = pickups.shop
        self.panel = panel
        self.show_returns: Any = None  # () -> None: the Returns tab takes over (back to stock)
        self._refreshing = False
        self._relay = _Relay(self)
        self._relay.changed.connect(self.refresh)
        pickups.subscribe(self._relay.changed.emit)
        panel.open_requested.connect(self.on_code)
        panel.give_changed.connect(self.on_give)
        panel.action.connect(self.on_action)
        self.timer = QTimer(self)
        self.timer.setInterval(int(self.shop.settings["pickups.refresh_s"]) * 1000)
        self.timer.timeout.connect(self.reload)

    @property
    def busy(self) -> bool:
        return self.pickups._busy is not None

    def show_message(self, text: str, error: bool) -> None:
        self.panel.show_message(text, error=error)

    def focus(self) -> None:
        self.panel.focus_scan()

    def shown(self, result: Result) -> None:
        if isinstance(result.value, dict) and "order_no" in result.value:  # handed over: the list changed
            self.reload()

    # ------------------------------------------------------------------ the list
    def start(self) -> None:
        """The tab shows: read the list now and keep it fresh."""
        self.reload()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def reload(self) -> None:
        if self._refreshing or self.pickups.staff is None:
            return
        self._refreshing = True

        def done(result: Result) -> None:
            self._refreshing = False
            if not result.ok:
                self.show(result)
            else:
                self.refresh()

        def failed(exc: BaseException) -> None:
            self._refreshing = False
            self.failed(exc)

        self.tasks.run(NET, self.pickups.refresh, done, failed)

    def refresh(self) -> None:
        rows = [
            PickupListRow(
                r.order_no,
                r.customer,
                r.shelf,
                self._age(r.age_hours),
                r.items,
                self.tr_("Not collected in time — back to stock")
                if r.overdue
                else (self.tr_("Partly handed over") if r.partly else ""),
                r.overdue,
            )
            for r in self.pickups.rows
        ]
        note = self.tr_("As of {time} (backend)").format(time=(self.pickups.as_of or "")[11:16])
        self.panel.show_list(rows, note)
        v = self.pickups.view()
        if v.order is None:
            self.panel.show_order("", [], checked="", overdue=False)
            return
        o = v.order
        title = self.tr_("Order {order} · {customer} · shelf {shelf}{checked}").format(
            order=o.order_no,
            customer=o.customer_display_name,
            shelf=o.shelf or "—",
            checked=" · " + self.tr_("customer checked")
            if v.checked
            else " · " + self.tr_("check the customer (F4)"),
        )
        if o.overdue:
            title += " · " + self.tr_("not collected in time")
        lines = [
            HandoverRow(ln.line_no, ln.name, ln.qty, ln.handed, ln.waiting, ln.giving, ln.reason)
            for ln in v.lines
        ]
        self.panel.show_order(title, lines, checked=v.checked, overdue=o.overdue)

    def _age(self, hours: int | None) -> str:
        if hours is None:
            return "—"
        if hours < 48:
            return self.tr_("{n} h").format(n=hours)
        return self.tr_("{n} days").format(n=hours // 24)

    # ------------------------------------------------------------------ requests
    def on_code(self, text: str) -> None:
        if self.busy:
            return
        self.call(lambda: self.pickups.open(text), NET)

    @Slot(int, int, str)
    def on_give(self, line_no: int, qty: int, reason: str) -> None:
        result = self.pickups.give(line_no, qty, reason=reason)
        if not result.ok:
            self.show(result)

    @Slot(str)
    def on_action(self, key: str) -> None:
        if self.asking is not None or self.busy:
            return
        if key == "hand_over":
            self.call(self.pickups.hand_over, NET)
        elif key == "check":
            self._ask_check()
        elif key == "refresh":
            self.reload()
        elif key == "close":
            self.pickups.close()
            self.say("")
        elif key == "back_to_stock":
            order = self.pickups.view().order
            prompts.confirm(
                self.window,
                self.tr_("Back to stock"),
                self.tr_("Order {order} was not collected: take it back and refund the customer?").format(
                    order=order.order_no if order else "?"
                ),
                lambda: self.call(self._back_to_stock, NET),
                on_closed=self.focus_back,
            )

    def _back_to_stock(self) -> Result:
        result = self.pickups.back_to_stock()
        if result.ok and self.show_returns is not None:
            QTimer.singleShot(0, self.show_returns)
        return result

    def _ask_check(self) -> None:
        ask_check(self, self.pickups.check)


__all__ = ["PickupsPresenter"]
