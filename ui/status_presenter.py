"""The till's background rounds and its status bar: every second the status (backend, queue, card,
reader, printer) as `app.status.TillMonitor` observed it; every 10 s a reader probe (every 2 s while the card
service is unreachable, and at once when the relay's channel is back); every minute the card reconciler and
a WAL checkpoint — on workers, never during a payment.
"""

from __future__ import annotations

import logging
from typing import Any

from app.messages import said
from ui.presenter import say_text
from ui.qt import QObject, QTimer, Signal, Slot

log = logging.getLogger("ui.status")


class StatusPresenter(QObject):
    settled = Signal(object)  # list of Settlement: card attempts the reconciler settled

    def __init__(self, window: Any, shop: Any, monitor: Any, tasks: Any, busy: Any) -> None:
        super().__init__(window)
        self.window = window
        self.shop = shop
        self.monitor = monitor
        self.tasks = tasks
        self._busy = busy  # () -> bool: a payment or a commit is running
        self._probing = False
        self._timers: list[QTimer] = []
        self._timer(1000, self.update_status).start()
        self._timer(60_000, self._checkpoint).start()  # WAL checkpoints when the till is quiet
        if shop.payments.available:
            self._timer(10_000, self.probe_reader).start()
            self._timer(60_000, self._reconcile_periodically).start()
            self.tasks.run("reader", self.monitor.reconcile, self.settled.emit)  # at start-up: min_age 0
            self.probe_reader()
        else:
            window.page.set_card_available(False, say_text(said(shop.card_error)))
        self.update_status()

    def _timer(self, ms: int, slot: Any) -> QTimer:
        t = QTimer(self)
        t.setInterval(ms)
        t.timeout.connect(slot)
        self._timers.append(t)
        return t

    def stop(self) -> None:
        for t in self._timers:
            t.stop()

    @Slot()
    def probe_reader(self) -> None:
        """Ask Stripe for the reader (on the reader's thread, never during a payment)."""
        if self._probing or self._busy():
            return
        self._probing = True
        self.tasks.run("reader", self.monitor.probe_reader, self._probed, self._probed)

    def _probed(self, _answer: Any) -> None:
        self._probing = False
        self.update_status()

    @Slot()
    def _reconcile_periodically(self) -> None:
        if self._busy():
            return
        self.tasks.run(
            "reader",
            lambda: self.monitor.reconcile(min_age=120.0),
            self.settled.emit,
            lambda e: log.warning("periodic reconciliation failed: %s", e),
        )

    @Slot()
    def _checkpoint(self) -> None:
        if not self._busy():
            self.tasks.watch(self.shop.store.checkpoint(), None, lambda e: log.warning("checkpoint: %s", e))

    @Slot()
    def update_status(self) -> None:
        status = self.monitor.snapshot()
        self.window.status.show_status(status)
        if self.shop.payments.available:
            self.window.page.set_card_available(status.card_available, say_text(said(status.card_reason)))
            if self.monitor.reprobe_due():
                self.probe_reader()


__all__ = ["StatusPresenter"]
