"""Field report B4/B7/B9: a double click or a held key on a committing button records one sale, not two.

The cash action is triggered twice before the first one has been handled (two queued calls, as a
double tap delivers them), and by an auto-repeated press of its shortcut (F10 held down). Every cash
window that opens is answered, as a hurried cashier would; afterwards the journal holds one sale, the
outbox one event, one receipt number was used and one receipt printed with one drawer kick.
"""

from __future__ import annotations

import pytest

from sync.store import outbox
from tests.ui.conftest import barcodes, login, scan
from ui.checkout_page import SHORTCUTS
from ui.qt import QApplication, QDialog, QEvent, QInputDialog, QKeyEvent, QKeySequence, Qt, QTimer
from ui.tender import CashDialog

pytestmark = [pytest.mark.gui, pytest.mark.timeout(30)]


class _AnswerEveryCashDialog:
    """Pay the exact amount in every cash window that opens, until stopped."""

    def __init__(self) -> None:
        self.seen: list[QDialog] = []
        self.running = True
        QTimer.singleShot(0, self._poll)

    def _poll(self) -> None:
        if not self.running:
            return
        d = QApplication.activeModalWidget()
        if isinstance(d, CashDialog) and d.isVisible() and d not in self.seen:
            self.seen.append(d)
            d.quick_buttons[0].click()  # "Exact"
        QTimer.singleShot(10, self._poll)


class _Spy:
    """Counts the receipts sent to the real printer (and drawer kicks) while passing each call on."""

    def __init__(self, printer) -> None:
        self.printer = printer
        self.receipts: list[tuple[str, bool]] = []
        self.drawer_only: list[str] = []
        self._print, self._drawer = printer.print_receipt, printer.open_drawer
        printer.print_receipt = self.print_receipt
        printer.open_drawer = self.open_drawer

    def print_receipt(self, receipt, *, open_drawer: bool = False, **kw):
        self.receipts.append((receipt.receipt_no, open_drawer))
        return self._print(receipt, open_drawer=open_drawer, **kw)

    def open_drawer(self, reason, *a, **kw):
        self.drawer_only.append(reason)
        return self._drawer(reason, *a, **kw)


def _counts(w) -> tuple[int, list[str], int]:
    w.shop.store.write_sync(lambda c: None)  # let the writer catch up
    conn = w.shop.store.read_connection()
    try:
        sales = conn.execute("SELECT count(*) FROM sales").fetchone()[0]
        receipt_nos = [str(r[0]) for r in conn.execute("SELECT receipt_no FROM sales")]
        queued = {e.event_id for e in outbox.pending(conn) if e.event_type.startswith("sale")}
    finally:
        conn.close()
    # the commit wakes the sync engine: an event may already be at the backend (and out of the outbox)
    with w.shop.demo.backend.connect() as c:
        sent = {r[0] for r in c.execute("SELECT event_id FROM events WHERE type LIKE 'sale%'")}
    return sales, receipt_nos, len(queued | sent)


def _ready_sale(qtbot, w):
    login(qtbot, w)
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    assert w.page.model.rowCount() == 2
    return _Spy(w.shop.printer)


def _settle(qtbot, w, answer: _AnswerEveryCashDialog, spy: _Spy) -> None:
    """Everything the two triggers set going has finished: no dialog open, nothing being committed,
    the receipt handed to the printer."""
    qtbot.waitUntil(lambda: spy.receipts and not w.controller.busy, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)
    # a second sale would be committed on the io thread right behind the first: let it through too
    w.shop.store.write_sync(lambda c: None)
    qtbot.waitUntil(lambda: not w.controller.busy, timeout=5_000)
    answer.running = False


def _assert_one_sale(w, spy: _Spy, answer: _AnswerEveryCashDialog) -> None:
    assert len(answer.seen) == 1, f"{len(answer.seen)} cash windows opened for one payment"
    sales, receipt_nos, events = _counts(w)
    assert sales == 1, f"{sales} sales recorded for one cash payment"
    assert events == 1
    assert len(set(receipt_nos)) == 1
    assert spy.receipts == [(receipt_nos[0], True)]  # one receipt, one drawer kick
    assert spy.drawer_only == []
    assert w.shop.checkout.cart.is_empty
    # the cashier still reads that the sale went through (not an error from the repeat)
    assert f"Sale {receipt_nos[0]} complete" in w.page.message.text()


def test_cash_triggered_twice_before_events_are_processed_records_one_sale(qtbot, till):
    w = till
    spy = _ready_sale(qtbot, w)
    answer = _AnswerEveryCashDialog()
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000):
        # a double tap: both clicks are queued before the first is handled
        QTimer.singleShot(0, lambda: w.page.buttons["cash"].click())
        QTimer.singleShot(0, lambda: w.page.buttons["cash"].click())
    _settle(qtbot, w, answer, spy)
    _assert_one_sale(w, spy, answer)


def test_cash_shortcut_held_down_records_one_sale(qtbot, till):
    w = till
    spy = _ready_sale(qtbot, w)
    answer = _AnswerEveryCashDialog()
    key = QKeySequence(SHORTCUTS["cash"][0])[0].key()
    target = w.page.search
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000):
        for repeat in (False, True, True):  # the press, then the keyboard's auto-repeat
            QApplication.postEvent(
                target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, "", repeat)
            )
        QApplication.postEvent(
            target, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier, "", False)
        )
    _settle(qtbot, w, answer, spy)
    _assert_one_sale(w, spy, answer)


def test_no_sale_clicked_twice_opens_the_drawer_once(qtbot, till):
    w = till
    login(qtbot, w, "9999")  # a manager: no approval window, only the reason
    spy = _Spy(w.shop.printer)
    answered: list = []

    def poll() -> None:
        d = QApplication.activeModalWidget()
        if isinstance(d, QInputDialog) and d.isVisible() and d not in answered:
            answered.append(d)
            d.setTextValue("change for the float")
            d.accept()
        if not spy.drawer_only or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    QTimer.singleShot(0, lambda: w.page.buttons["no_sale"].click())
    QTimer.singleShot(0, lambda: w.page.buttons["no_sale"].click())
    qtbot.waitUntil(lambda: "Drawer opened." in w.page.message.text(), timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5_000)
    w.shop.store.write_sync(lambda c: None)
    conn = w.shop.store.read_connection()
    try:
        audits = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'drawer.no_sale'").fetchone()[0]
    finally:
        conn.close()
    assert len(answered) == 1, f"{len(answered)} reason windows for one press"
    assert (spy.drawer_only, audits, spy.receipts) == (["change for the float"], 1, [])


@pytest.mark.parametrize("action", ["split", "discount_order", "member"])
def test_a_window_button_clicked_twice_opens_one_window(qtbot, till, action):
    """The same guard for every action that asks something in a window: a double tap opens it once."""
    w = till
    _ready_sale(qtbot, w)
    seen: list = []
    clicks: list[int] = []

    def poll() -> None:
        d = QApplication.activeModalWidget()
        if isinstance(d, QDialog) and d.isVisible() and d not in seen:
            seen.append(d)
            d.reject()  # the cashier changes their mind
        if len(clicks) < 2 or QApplication.activeModalWidget() is not None:
            QTimer.singleShot(10, poll)

    def click() -> None:
        clicks.append(1)
        w.page.buttons[action].click()  # returns once the window it opened is closed

    QTimer.singleShot(0, poll)
    QTimer.singleShot(0, click)
    QTimer.singleShot(0, click)
    qtbot.waitUntil(lambda: len(clicks) == 2 and QApplication.activeModalWidget() is None, timeout=10_000)
    assert len(seen) == 1, f"{len(seen)} windows opened by a double tap on {action}"
    assert w.page.model.rowCount() == 2  # the sale is untouched
