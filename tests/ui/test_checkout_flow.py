"""The cashier's day through real widgets: the Sell presenter turns the page's requests into service calls,
asks its questions without a nested event loop, and shows the card payment as a panel. The rules are
tested without a window in tests/app/test_sell.py; here: the wiring, the words on screen, the journal."""

from __future__ import annotations

import pytest

from sync.store import journal, outbox
from tests.ui.conftest import answer_pin, barcodes, login, make_window, modal, scan, type_into
from ui.qt import QApplication, Qt, QTimer

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


def _pay_cash(qtbot, w, amount: int) -> object:
    from ui.tender import CashDialog

    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000) as done:
        w.controller.on_action("cash")
        d = modal(qtbot, CashDialog)
        type_into(d, w.shop.fmt(amount).replace("€", ""))
        d._confirm()
    return done.args[0]


def test_cash_sale_with_change(qtbot, till):
    w = till
    login(qtbot, w)
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    assert w.page.model.rowCount() == 2
    total = w.shop.checkout.total
    doc = _pay_cash(qtbot, w, total + 1000)
    recorded = _sale(w, doc.sale_uuid)
    assert recorded is not None and recorded.total == total
    assert recorded.tenders[0].kind == "cash" and recorded.tenders[0].change_given == 1000
    assert "Change: €10.00" in w.page.message.text()
    assert w.page.model.rowCount() == 0 and w.shop.checkout.cart.is_empty
    conn = w.shop.store.read_connection()
    sales = [e.event_id for e in outbox.pending(conn) if e.event_type == "sale.completed"]
    conn.close()
    if not sales:  # already sent: the commit wakes the sync engine (app/stock.py: stock moves within 2 s)
        with w.shop.demo.backend.connect() as c:
            sales = [
                r[0] for r in c.execute("SELECT sale_uuid FROM sales WHERE sale_uuid = ?", (doc.sale_uuid,))
            ]
    assert sales == [doc.sale_uuid]  # (the demo's till.opened event is queued before it)
    qtbot.waitUntil(lambda: w.receipt_view.receipt is not None)
    assert w.receipt_view.receipt.receipt_no == recorded.receipt_no
    dlg = w.open_receipt_dialog()
    pdf = dlg.save_to(w.paths.data / "receipt.pdf")
    dlg.close()
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


def test_card_sale_is_a_panel_and_the_demo_panel_stays_usable(qtbot, till):
    w = till
    login(qtbot, w)
    scan(qtbot, w, barcodes(w, 1)[0])
    total = w.shop.checkout.total
    with qtbot.waitSignal(w.controller.sale_completed, timeout=20_000) as done:
        w.controller.on_action("card")
        assert w.page.card_panel.running and QApplication.activeModalWidget() is None
        qtbot.waitUntil(lambda: w.shop.demo.stripe.pending_reader() is not None, timeout=10_000)
        # the tester is the customer, through the Demo panel, while the payment runs
        from ui.qt import QPushButton

        w.sim_panel.card.setCurrentIndex(0)
        tap = next(b for b in w.sim_panel.findChildren(QPushButton) if b.text() == "Tap this card")
        assert tap.isEnabled() and tap.isVisibleTo(w)
        qtbot.mouseClick(tap, Qt.MouseButton.LeftButton)
    recorded = _sale(w, done.args[0].sale_uuid)
    card = recorded.tenders[0]
    assert card.kind == "card" and card.amount == total and card.reference.startswith("pi_")
    assert w.page.card_panel.final_state == "approved"
    # captured at Stripe: by the backend, off the critical path, once it has the sale (relayed demo)
    pis = w.shop.demo.stripe.payment_intents
    qtbot.waitUntil(lambda: pis[card.reference]["status"] == "succeeded", timeout=10_000)
    assert pis[card.reference]["amount_received"] == total


def test_declined_card_then_cash(qtbot, till):
    w = till
    login(qtbot, w)
    scan(qtbot, w, barcodes(w, 1)[0])
    sale_uuid = w.shop.checkout.sale_uuid
    _when_reader_waits(w, lambda sim: sim.decline())
    w.controller.on_action("card")
    qtbot.waitUntil(lambda: w.page.card_panel.final_state == "declined", timeout=20_000)
    assert "declined" in w.page.card_panel.detail.text().lower()
    assert w.shop.checkout.sale_uuid == sale_uuid and not w.shop.checkout.cart.is_empty
    assert "still open" in w.page.message.text()
    assert _sale(w, sale_uuid) is None
    w.on_shortcut("escape")  # back to the sale
    assert not w.page.card_panel.isVisible()
    _pay_cash(qtbot, w, w.shop.checkout.total)
    assert [t.kind for t in _sale(w, sale_uuid).tenders] == ["cash"]


def test_split_card_then_cash(qtbot, till):
    from ui.tender import SplitDialog

    w = till
    login(qtbot, w)
    for code in barcodes(w, 3):
        scan(qtbot, w, code)
    total = w.shop.checkout.total
    sale_uuid = w.shop.checkout.sale_uuid
    _when_reader_waits(w, lambda sim: sim.tap("5555555555554444"))
    w.controller.on_action("split")
    d = modal(qtbot, SplitDialog)
    type_into(d, "1.00")
    d._confirm()
    qtbot.waitUntil(lambda: w.shop.checkout.paid == 100, timeout=20_000)
    assert w.shop.checkout.due == total - 100
    _pay_cash(qtbot, w, total - 100)
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
    qtbot.waitUntil(lambda: "suspended" in w.page.message.text(), timeout=5000)
    assert w.shop.checkout.cart.is_empty
    w.controller.on_action("resume")
    modal(qtbot).accept()
    qtbot.waitUntil(lambda: w.shop.checkout.total == total, timeout=5000)
    # the window draws the resumed sale on its next turn of the event loop
    qtbot.waitUntil(lambda: w.page.model.rowCount() == 2, timeout=5000)


def test_void_needs_a_manager(qtbot, till):
    from ui.override import OverrideDialog

    w = till
    login(qtbot, w, "1111")  # a cashier
    scan(qtbot, w, barcodes(w, 1)[0])
    w.controller.on_action("void")
    d = modal(qtbot, OverrideDialog)
    d.reason.setText("customer left")
    answer_pin(qtbot, d, "9999")
    qtbot.waitUntil(lambda: w.shop.checkout.cart.is_empty, timeout=5000)
    actions = _audit_actions(w)
    assert "override.approved" in actions and "sale.void" in actions


def test_discount_beyond_cashier_limit_refused_then_approved(qtbot, till):
    from ui.override import OverrideDialog

    w = till
    login(qtbot, w, "1111")
    scan(qtbot, w, barcodes(w, 1)[0])
    before = w.shop.checkout.total
    w.controller.on_action("discount_order")
    ask = modal(qtbot)
    type_into(ask, "25%")
    ask.accept()
    d = modal(qtbot, OverrideDialog)
    answer_pin(qtbot, d, "1111")  # the cashier's own PIN is refused
    assert d.isVisible() and w.shop.checkout.total == before
    answer_pin(qtbot, d, "9999")  # the manager's approves
    qtbot.waitUntil(lambda: w.shop.checkout.total < before, timeout=5000)
    actions = _audit_actions(w)
    assert "override.refused" in actions
    assert (
        actions.index("override.refused")
        < actions.index("override.approved")
        < actions.index("discount.order")
    )


def test_status_bar_reports_what_the_reader_probe_saw(qtbot, direct_till):
    w = direct_till
    qtbot.waitUntil(lambda: w.status.view.reader == "online", timeout=10_000)
    assert w.status.view.stripe == "reachable"
    assert w.page.card_available
    # Stripe goes away: the next probe says so, and card tender is switched off (cash still works)
    w.shop.demo.stripe.stop()
    w._probe_reader()
    qtbot.waitUntil(lambda: w.status.view.stripe == "unreachable", timeout=20_000)
    assert not w.page.card_available
    assert "take cash" in w.status.fields["stripe"].text().lower()


def test_backend_offline_during_a_sale_then_it_syncs(qtbot, till):
    w = till
    login(qtbot, w)
    engine = w.shop.sync_engine
    w.sim_panel.offline.setChecked(True)  # the demo panel's "Take the backend offline"
    qtbot.waitUntil(lambda: w.status.view.backend == "offline", timeout=5_000)  # within seconds
    scan(qtbot, w, barcodes(w, 1)[0])
    sale_uuid = _pay_cash(qtbot, w, w.shop.checkout.total).sale_uuid
    engine.wake()
    qtbot.waitUntil(lambda: engine.snapshot().queue_depth >= 1, timeout=20_000)

    def on_backend() -> bool:
        conn = w.shop.demo.backend.connect()
        try:
            return (
                conn.execute("SELECT count(*) FROM sales WHERE sale_uuid = ?", (sale_uuid,)).fetchone()[0]
                == 1
            )
        finally:
            conn.close()

    assert not on_backend()
    w.sim_panel.offline.setChecked(False)
    qtbot.waitUntil(lambda: engine.snapshot().queue_depth == 0, timeout=30_000)
    assert on_backend()
    qtbot.waitUntil(lambda: w.status.view.backend == "online", timeout=5_000)


def test_member_qr_attaches_the_member_with_details_from_the_backend(qtbot, till):
    w = till
    login(qtbot, w)
    qtbot.waitUntil(lambda: bool(w.shop.sync_engine.member_keys()[0]), timeout=20_000)
    w.update_status()  # trusts the keys the backend published
    member = w.shop.demo.member_list[0]
    scan(qtbot, w, w.shop.demo.member_qr(member.member_no))
    qtbot.waitUntil(lambda: member.name.split()[0] in w.page.member.text(), timeout=10_000)
    assert w.shop.checkout.member.member_no == member.member_no
    # a forged code (signed by a key the backend never published) is refused, and says so
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from pos.codes import encode_member_token

    forged = encode_member_token(Ed25519PrivateKey.generate(), 1, 424242, 2_000_000_000)
    w.shop.checkout.attach_member(None)
    scan(qtbot, w, forged)
    assert w.shop.checkout.member is None
    assert w.page.message.property("error") is True


def test_reader_screen_shows_the_cart_while_scanning(qtbot, direct_till):
    w = direct_till
    login(qtbot, w)
    for code in barcodes(w, 3):
        scan(qtbot, w, code)
    total = w.shop.checkout.total
    assert w.shop.terminal.flush_display(5.0)
    sim = w.shop.demo.stripe

    def shown() -> dict | None:
        action = sim.readers[w.shop.demo.reader_id]["action"] or {}
        return (action.get("set_reader_display") or {}).get("cart")

    qtbot.waitUntil(lambda: shown() is not None and int(shown()["total"]) == total, timeout=10_000)
    assert len(shown()["line_items"]) == 3


def test_a_scan_while_the_cash_window_is_open_does_not_change_the_sale(qtbot, till):
    from ui.tender import CashDialog

    w = till
    login(qtbot, w)
    first, second = barcodes(w, 2)
    scan(qtbot, w, first)
    total = w.shop.checkout.total
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000) as done:
        w.controller.on_action("cash")
        d = modal(qtbot, CashDialog)
        w.wedge.scanned.emit(second)  # the scanner fires while the customer counts out cash
        assert w.shop.checkout.total == total
        assert "close the open window" in w.page.message.text()
        type_into(d, w.shop.fmt(total).replace("€", ""))
        d._confirm()
    assert done.args[0].total == total and len(done.args[0].lines) == 1


def test_void_after_a_card_part_refunds_it(qtbot, till):
    from ui.qt import QMessageBox
    from ui.tender import SplitDialog

    w = till
    login(qtbot, w, "9999")  # a manager: no approval needed
    for code in barcodes(w, 2):
        scan(qtbot, w, code)
    _when_reader_waits(w, lambda sim: sim.tap("4242424242424242"))
    w.controller.on_action("split")
    d = modal(qtbot, SplitDialog)
    type_into(d, "1.00")
    d._confirm()
    qtbot.waitUntil(lambda: w.shop.checkout.paid == 100, timeout=20_000)
    pi = w.shop.checkout.tenders[0].reference
    w.on_shortcut("escape")
    w.controller.on_action("void")
    modal(qtbot, QMessageBox).button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: w.shop.checkout.cart.is_empty, timeout=20_000)
    refunds = w.shop.terminal.refunds_for(pi)
    assert [(r.amount, r.status) for r in refunds] == [(100, "succeeded")]
    qtbot.waitUntil(lambda: "refunded" in w.page.message.text(), timeout=5000)


def test_a_refresh_queued_as_the_window_goes_is_dropped(qtbot, tmp_path):
    """A sale change announced from another thread queues a refresh; the window closed before it ran (seen
    between two tests: the refresh reached a deleted button). It must be dropped with its page."""
    from ui.qt import QCoreApplication, QEvent

    w = make_window(qtbot, tmp_path / "shop")
    login(qtbot, w)
    presenter = w.controller
    w.close()
    w.shutdown()
    presenter._refresh_queued = False
    presenter._queue_refresh()  # what a late signal does
    w.page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.wait(50)  # the queued refresh's turn: nothing may run on the deleted page
    assert presenter._refresh_queued  # it never ran
