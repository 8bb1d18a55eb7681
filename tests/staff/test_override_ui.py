"""The manager-approval dialog with real widgets, keys and clicks (offscreen)."""

from __future__ import annotations

import threading

import pytest

from pos.staff import (
    Approvals,
    Authenticator,
    InMemoryStaffDirectory,
    OverrideRequest,
    Permission,
    Role,
    StaffMember,
    authorise,
)
from ui.override import OverrideDialog, authorise_or_ask, request_override
from ui.qt import QApplication, QDialog, Qt, QTimer
from ui.taskman import TaskManager

pytestmark = pytest.mark.gui

ANA = StaffMember("S001", "Ana", Role.CASHIER)


def when_modal(fn):
    """Run `fn(dialog)` once the modal dialog is up; if it fails, close the dialog so the test ends."""

    def run():
        d = QApplication.activeModalWidget()
        try:
            fn(d)
        finally:
            if d is not None and d.isVisible():
                d.reject()

    QTimer.singleShot(0, run)


def dialog(qtbot, approvals, request):
    d = OverrideDialog(request, approvals)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def discount_25():
    return OverrideRequest.from_authorisation(authorise(ANA, Permission.DISCOUNT, amount_percent=25))


def test_says_what_needs_a_manager(qtbot, approvals):
    d = dialog(qtbot, approvals, discount_25())
    assert d.title.text() == "Discount 25\u00a0% needs a manager"
    assert d.hint.text() == "Asked by Ana (cashier)"
    qtbot.waitUntil(lambda: d.isActiveWindow())
    assert d.focusWidget() is d.pin and d.pin.hasFocus()  # keyboard first


def test_manager_pin_approves(qtbot, approvals, audit):
    d = dialog(qtbot, approvals, discount_25())
    qtbot.keyClicks(d.reason, "loyal customer")
    d.pin.setFocus()
    with qtbot.waitSignal(d.approved) as sig:
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    ov = sig.args[0]
    assert ov.approver_name == "Mia" and ov.actor_name == "Ana" and ov.reason == "loyal customer"
    assert d.result() == QDialog.DialogCode.Accepted and d.override is ov
    assert audit.of("override.approved") == [ov.audit_payload()]


def test_cashier_pin_is_refused_and_the_dialog_stays(qtbot, approvals, audit):
    d = dialog(qtbot, approvals, discount_25())
    approved = []
    d.approved.connect(approved.append)
    with qtbot.waitSignal(d.refused) as sig:
        for k in "1111":
            qtbot.mouseClick(d.pin.keypad.buttons[k], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(d.pin.keypad.buttons["enter"], Qt.MouseButton.LeftButton)
    assert sig.args[0] == "Ana (cashier) cannot approve this. A manager must enter their PIN."
    assert d.pin.message.text() == sig.args[0]
    assert d.isVisible() and d.override is None and approved == []
    assert audit.of("override.refused")[0]["status"] == "not_allowed"
    with qtbot.waitSignal(d.approved):  # a manager then approves in the same dialog
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Enter)


def test_wrong_pin_message(qtbot, approvals):
    d = dialog(qtbot, approvals, discount_25())
    with qtbot.waitSignal(d.refused) as sig:
        qtbot.keyClicks(d.pin, "4444")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    assert sig.args[0] == "Wrong PIN. 9 tries left."


def test_escape_cancels(qtbot, approvals, audit):
    d = dialog(qtbot, approvals, discount_25())
    with qtbot.waitSignal(d.rejected):
        qtbot.keyClick(d.pin, Qt.Key.Key_Escape)
    assert d.override is None and audit.events == []


def test_cancel_button(qtbot, approvals):
    d = dialog(qtbot, approvals, discount_25())
    with qtbot.waitSignal(d.rejected):
        qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton)


def test_price_override_asks_for_a_reason_first(qtbot, approvals):
    d = dialog(qtbot, approvals, OverrideRequest(ANA, Permission.PRICE_OVERRIDE, subject="line 3"))
    qtbot.waitUntil(lambda: d.isActiveWindow())
    assert d.reason.hasFocus()
    assert d.reason.placeholderText().startswith("Reason (required)")
    qtbot.keyClick(d.reason, Qt.Key.Key_Return)  # empty reason: stay
    assert d.reason.hasFocus()
    d.pin.setFocus()
    with qtbot.waitSignal(d.refused) as sig:
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    assert sig.args[0] == "Type a reason first." and d.reason.hasFocus()
    qtbot.keyClicks(d.reason, "price match")
    qtbot.keyClick(d.reason, Qt.Key.Key_Return)
    assert d.pin.hasFocus()
    with qtbot.waitSignal(d.approved) as sig:
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    assert sig.args[0].reason == "price match" and sig.args[0].subject == "line 3"


def test_lockout_in_the_dialog(qtbot, approvals, clock):
    d = dialog(qtbot, approvals, discount_25())
    for _ in range(10):
        qtbot.keyClicks(d.pin, "0000")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    assert d.pin.message.text() == "Too many wrong PINs. Try again in 30 min 00 s."
    assert not d.pin.keypad.buttons["9"].isEnabled()
    clock.advance(1800)
    d.refresh_lockout()
    with qtbot.waitSignal(d.approved):
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)


def test_request_override_runs_modally(qtbot, approvals):
    def type_manager_pin(d):
        assert isinstance(d, OverrideDialog)
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)

    when_modal(type_manager_pin)
    ov = request_override(None, discount_25(), approvals)
    assert ov is not None and ov.approver_name == "Mia"

    when_modal(lambda d: qtbot.keyClick(d.pin, Qt.Key.Key_Escape))
    assert request_override(None, discount_25(), approvals) is None


def test_authorise_or_ask_allows_within_the_role_without_a_dialog(qtbot, approvals, audit):
    g = authorise_or_ask(None, approvals, ANA, Permission.DISCOUNT, amount_percent=10)
    assert g is not None and g.override is None and g.permission is Permission.DISCOUNT
    assert audit.events == []


def test_authorise_or_ask_beyond_the_limit_refused_then_approved(qtbot, approvals, audit):
    def cashier_then_manager(d):
        assert d.title.text() == "Discount 30\u00a0% needs a manager"
        qtbot.keyClicks(d.pin, "1111")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
        assert d.isVisible() and "cannot approve" in d.pin.message.text()
        qtbot.keyClicks(d.pin, "9999")
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)

    when_modal(cashier_then_manager)
    g = authorise_or_ask(None, approvals, ANA, Permission.DISCOUNT, amount_percent=30, subject="sale 7")
    assert g is not None and g.override.approver_name == "Mia" and g.override.subject == "sale 7"
    assert audit.types() == ["override.refused", "override.approved"]


def test_override_checked_on_a_worker_and_cancel_waits_for_the_answer(qtbot, directory, audit):
    gate = threading.Event()

    class Gated(InMemoryStaffDirectory):
        def identify(self, pin):
            assert gate.wait(10)
            return directory.identify(pin)

    approvals = Approvals(Authenticator(Gated(), audit=audit))
    tm = TaskManager()
    try:
        d = OverrideDialog(discount_25(), approvals, tasks=tm)
        qtbot.addWidget(d)
        d.show()
        with qtbot.waitSignal(d.approved):
            try:
                qtbot.keyClicks(d.pin, "9999")
                qtbot.keyClick(d.pin, Qt.Key.Key_Return)
                assert d.checking and not d.cancel_button.isEnabled()
                d.reject()  # Esc while the answer is on its way: ignored
                assert d.isVisible()
            finally:
                gate.set()
        assert d.result() == QDialog.DialogCode.Accepted
    finally:
        tm.shutdown()
    assert audit.types() == ["override.approved"]


def test_focus_moves_between_reason_and_pin_visibly(qtbot, approvals):
    d = dialog(qtbot, approvals, OverrideRequest(ANA, Permission.VOID_SALE))
    qtbot.waitUntil(lambda: d.isActiveWindow())
    assert d.reason.hasFocus() and not d.pin.dots._focused
    qtbot.keyClicks(d.reason, "wrong items")
    qtbot.keyClick(d.reason, Qt.Key.Key_Return)
    assert d.pin.hasFocus() and d.pin.dots._focused
