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
    dlg = w.open_receipt_dialog()
    pdf = dlg.save_to(w.paths.data / "receipt.pdf")
    dlg.close()
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000


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
    """Answer the manager dialog with each PIN in turn, each once the previous one has been checked
    (a refused PIN leaves the dialog open; the check runs on a worker and may take a while)."""
    from PySide6.QtTest import QTest

    from ui.qt import Qt

    def act(d) -> None:
        state = {"sent": 0, "waiting": False}

        def step() -> None:
            if not d.isVisible() or state["sent"] == len(pins) and not d.checking:
                return
            if d.checking:
                state["waiting"] = True
            elif state["sent"] == 0 or state["waiting"]:
                state["waiting"] = False
                for ch in pins[state["sent"]]:
                    QTest.keyClick(d.pin, ch)
                QTest.keyClick(d.pin, Qt.Key.Key_Return)
                state["sent"] += 1
                state["waiting"] = True
            QTimer.singleShot(20, step)

        step()

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


def test_status_bar_reports_what_the_reader_probe_saw(qtbot, till):
    w = till
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
    scan(qtbot, w, barcodes(w, 1)[0])
    total = w.shop.checkout.total
    when_dialog(qtbot, lambda d: (type_into(d, w.shop.fmt(total).replace("€", "")), d._confirm()))
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000) as done:
        w.controller.on_action("cash")
    sale_uuid = done.args[0].sale_uuid
    engine.wake()
    qtbot.waitUntil(
        lambda: engine.snapshot().state != "online" and engine.snapshot().queue_depth >= 1, timeout=20_000
    )
    qtbot.waitUntil(lambda: w.status.view.backend != "online", timeout=5_000)

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
    qtbot.waitUntil(lambda: bool(w.shop.checkout.member and w.shop.checkout.member.name), timeout=10_000)
    assert w.shop.checkout.member.member_no == member.member_no
    assert member.name.split()[0] in w.page.member.text()
    # a forged code (signed by a key the backend never published) is refused, and says so
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from pos.codes import encode_member_token

    forged = encode_member_token(Ed25519PrivateKey.generate(), 1, 424242, 2_000_000_000)
    w.shop.checkout.attach_member(None)
    scan(qtbot, w, forged)
    assert w.shop.checkout.member is None
    assert w.page.message.property("error") is True


def test_reader_screen_shows_the_cart_while_scanning(qtbot, till):
    w = till
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
    w = till
    login(qtbot, w)
    first, second = barcodes(w, 2)
    scan(qtbot, w, first)
    total = w.shop.checkout.total

    def during(d) -> None:
        w.wedge.scanned.emit(second)  # the scanner fires while the customer counts out cash
        assert w.shop.checkout.total == total
        type_into(d, w.shop.fmt(total).replace("€", ""))
        d._confirm()

    when_dialog(qtbot, during)
    with qtbot.waitSignal(w.controller.sale_completed, timeout=10_000) as done:
        w.controller.on_action("cash")
    assert done.args[0].total == total and len(done.args[0].lines) == 1
