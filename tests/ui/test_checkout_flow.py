"""The cashier's day, end to end through real widgets: cash, card, declines, split, suspend, void,
discount approval. Every assertion is read back from the journal or the Stripe simulator."""

from __future__ import annotations

import pytest

from sync.store import journal, outbox
from tests.ui.conftest import barcodes, login, scan, type_into, when_dialog
from ui.qt import QTimer

pytestmark = pytest.mark.gui


def _audit_actions(w) -> list[str]:
    w.shop.store.write_sync(lambda c: None)  # audit entries are queued to the writer: let it catch up
    conn = w.shop.store.read_connection()
    try:
        return [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY seq")]
    finally:
        conn.close()


def _sale(w, sale_uuid):
    conn = w.shop.store.read_connection()
    try:
        return journal.get_sale(conn, sale_uuid)
    finally:
        conn.close()


def _when_reader_waits(w, act) -> None:
    """Be the customer: once the simulated reader waits for a card, `act(simulator)`."""

    def poll() -> None:
        sim = w.shop.demo.stripe
        if sim.pending_reader() is not None:
            act(sim)
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_cash_sale_with_change(qtbot, till):
    w = till
    login(qtbot, w)
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    assert w.page.model.rowCount() == 2
    total = w.shop.checkout.total
    when_dialog(qtbot, lambda d: (type_into(d, w.shop.fmt(total + 1000).replace("€", "")), d._confirm()))
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000) as done:
        w.controller.on_action("cash")
    doc = done.args[0]
    recorded = _sale(w, doc.sale_uuid)
    assert recorded is not None and recorded.total == total
    assert recorded.tenders[0].kind == "cash" and recorded.tenders[0].change_given == 1000
    assert "Change: €10.00" in w.page.message.text()
    assert w.page.model.rowCount() == 0 and w.shop.checkout.cart.is_empty
    conn = w.shop.store.read_connection()
    assert [e.event_id for e in outbox.pending(conn)] == [doc.sale_uuid]
    conn.close()
    qtbot.waitUntil(lambda: w.receipt_view.receipt is not None)
    assert w.receipt_view.receipt.receipt_no == recorded.receipt_no


def test_card_sale(qtbot, till):
    w = till
    login(qtbot, w)
    scan(qtbot, w, barcodes(w, 1)[0])
    total = w.shop.checkout.total
    _when_reader_waits(w, lambda sim: sim.tap("4242424242424242"))
    with qtbot.waitSignal(w.controller.sale_completed, timeout=20_000) as done:
        w.controller.on_action("card")
    recorded = _sale(w, done.args[0].sale_uuid)
    card = recorded.tenders[0]
    assert card.kind == "card" and card.amount == total and card.reference.startswith("pi_")
    pi = w.shop.terminal.retrieve_payment_intent(card.reference)
    assert pi.status == "succeeded" and pi.amount_received == total


def test_declined_card_then_cash(qtbot, till):
    w = till
    login(qtbot, w)
    scan(qtbot, w, barcodes(w, 1)[0])
    sale_uuid = w.shop.checkout.sale_uuid

    def decline(sim) -> None:
        sim.decline()

        def back() -> None:
            d = w.controller.card_dialog
            if d is not None and d.final_state == "declined":
                assert "declined" in d.detail.text().lower()
                d.close_button.click()
                return
            QTimer.singleShot(20, back)

        QTimer.singleShot(0, back)

    _when_reader_waits(w, decline)
    w.controller.on_action("card")
    assert w.shop.checkout.sale_uuid == sale_uuid and not w.shop.checkout.cart.is_empty
    assert "still open" in w.page.message.text()
    assert _sale(w, sale_uuid) is None
    total = w.shop.checkout.total
    when_dialog(qtbot, lambda d: (type_into(d, w.shop.fmt(total).replace("€", "")), d._confirm()))
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000):
        w.controller.on_action("cash")
    assert [t.kind for t in _sale(w, sale_uuid).tenders] == ["cash"]


def test_split_card_then_cash(qtbot, till):
    w = till
    login(qtbot, w)
    for code in barcodes(w, 3):
        scan(qtbot, w, code)
    total = w.shop.checkout.total
    sale_uuid = w.shop.checkout.sale_uuid
    when_dialog(qtbot, lambda d: (type_into(d, "1.00"), d._confirm()))
    _when_reader_waits(w, lambda sim: sim.tap("5555555555554444"))
    w.controller.on_action("split")
    qtbot.waitUntil(lambda: w.shop.checkout.paid == 100, timeout=20_000)
    assert w.shop.checkout.due == total - 100
    when_dialog(qtbot, lambda d: (type_into(d, w.shop.fmt(total - 100).replace("€", "")), d._confirm()))
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000):
        w.controller.on_action("cash")
    tenders = _sale(w, sale_uuid).tenders
    assert [(t.kind, t.amount) for t in tenders] == [("card", 100), ("cash", total - 100)]
    assert tenders[0].reference.startswith("pi_")


def test_suspend_and_resume(qtbot, till):
    w = till
    login(qtbot, w)
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    total = w.shop.checkout.total
    w.controller.on_action("suspend")
    assert w.shop.checkout.cart.is_empty
    qtbot.waitUntil(lambda: "suspended" in w.page.message.text(), timeout=5000)
    when_dialog(qtbot, lambda d: d.accept())
    w.controller.on_action("resume")
    qtbot.waitUntil(lambda: w.shop.checkout.total == total, timeout=5000)
    assert w.page.model.rowCount() == 2


def _override_with(pins: list[str]):
    """Answer the manager dialog with each PIN in turn (a refused PIN leaves it open)."""

    def act(d) -> None:
        from ui.qt import Qt

        def enter(rest: list[str]) -> None:
            if not rest or not d.isVisible():
                return
            pin_box = d.pin if hasattr(d, "pin") else d
            for ch in rest[0]:
                from PySide6.QtTest import QTest

                QTest.keyClick(pin_box, ch)
            from PySide6.QtTest import QTest

            QTest.keyClick(pin_box, Qt.Key.Key_Return)
            QTimer.singleShot(300, lambda: enter(rest[1:]))

        enter(list(pins))

    return act


def test_void_needs_a_manager(qtbot, till):
    w = till
    login(qtbot, w, "1111")  # a cashier
    scan(qtbot, w, barcodes(w, 1)[0])
    when_dialog(qtbot, _override_with(["9999"]))
    w.controller.on_action("void")
    assert w.shop.checkout.cart.is_empty
    actions = _audit_actions(w)
    assert "override.approved" in actions and "sale.void" in actions


def test_discount_beyond_cashier_limit_refused_then_approved(qtbot, till):
    from ui.override import OverrideDialog

    w = till
    login(qtbot, w, "1111")
    scan(qtbot, w, barcodes(w, 1)[0])
    before = w.shop.checkout.total

    def answer(d) -> None:
        if isinstance(d, OverrideDialog):
            _override_with(["1111", "9999"])(d)  # the cashier's own PIN is refused, the manager's approves
        else:
            type_into(d, "25%")
            d.accept()

    when_dialog(qtbot, answer, count=2)
    w.controller.on_action("discount_order")
    assert w.shop.checkout.total < before
    actions = _audit_actions(w)
    assert "override.refused" in actions
    assert (
        actions.index("override.refused")
        < actions.index("override.approved")
        < actions.index("discount.order")
    )
