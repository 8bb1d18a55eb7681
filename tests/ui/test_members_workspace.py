"""The Members workspace in the real window: a member's code scanned on it opens their panel, a name typed
finds them, Enter on a hit opens it, the check-in is a key press away; the F-keys still work after."""

from __future__ import annotations

import pytest

from tests.ui.conftest import login, make_window
from ui.qt import Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    """The window, shut down after the test (its workers and the demo world joined)."""
    w = make_window(qtbot, tmp_path)
    yield w
    w.close()
    w.shutdown()


def test_members_by_keyboard_and_scan(qtbot, window):
    w = window
    login(qtbot, w)
    qtbot.waitUntil(lambda: bool(w.shop.sync_engine.member_keys()[0]), timeout=30_000)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "members", timeout=5_000)
    page, presenter = w.members_page, w.members_presenter
    # a scanned app code opens the whole panel
    w.wedge.scanned.emit(w.shop.demo.backend.member_qr(1004))
    qtbot.waitUntil(lambda: presenter.panel is not None and presenter.panel.member_no == 1004, timeout=20_000)
    assert "Dmitri K." in page.name.text() and page.lists["suggestions"].count() > 0
    assert page.query.text() == ""  # the code is not left on screen
    # a name typed, Enter; Enter again on the hit opens it
    page.query.setFocus()
    qtbot.keyClicks(page.query, "Ben Murphy")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.hits.isVisible() and page.hits.count() == 1, timeout=20_000)
    qtbot.keyClick(page.hits, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: presenter.panel.member_no == 1002, timeout=20_000)
    assert page.lists["orders"].count() == 0  # found by name: only what checkout needs
    # the check-in: Alt+C, once
    qtbot.keyClick(w, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: presenter.panel.checked_in_today, timeout=20_000)
    assert not page.check_in_button.isEnabled() and "checked in" in page.message.text()
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "sell", timeout=5_000)


def test_enrolment_at_the_till_asks_again_with_what_was_typed_when_refused(qtbot, window):
    from tests.ui.conftest import modal
    from ui.enrol_dialog import EnrolDialog

    w = window
    login(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "members", timeout=5_000)
    page = w.members_page
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    dlg = modal(qtbot, EnrolDialog)
    assert not (dlg.marketing.isChecked() or dlg.personalisation.isChecked() or dlg.receipts.isChecked())
    dlg.first.setText("Noor")
    dlg.last.setText("Haddad")
    dlg.personalisation.setChecked(True)
    dlg.accept()  # no e-mail or phone: refused, asked again with the answers kept
    qtbot.waitUntil(lambda: "e-mail address or a phone" in page.message.text(), timeout=10_000)
    again = modal(qtbot, EnrolDialog)
    assert again is not dlg and again.first.text() == "Noor" and again.personalisation.isChecked()
    again.phone.setText("+353 86 765 4321")
    again.accept()
    qtbot.waitUntil(lambda: "Welcome, Noor" in page.message.text(), timeout=10_000)


def test_a_suggestion_is_a_tap_away_from_the_sale(qtbot, window):
    w = window
    login(qtbot, w)
    qtbot.waitUntil(lambda: bool(w.shop.sync_engine.member_keys()[0]), timeout=30_000)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "members", timeout=5_000)
    page, presenter = w.members_page, w.members_presenter
    w.wedge.scanned.emit(w.shop.demo.backend.member_qr(1004))
    qtbot.waitUntil(
        lambda: presenter.panel is not None and page.lists["suggestions"].count() > 0, timeout=20_000
    )
    suggestions = page.lists["suggestions"]
    suggestions.setFocus()
    suggestions.setCurrentRow(0)
    qtbot.keyClick(suggestions, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(w.sell.view().lines) == 1, timeout=5_000)
    assert w.sell.view().lines[0].sku == presenter.panel.profile.suggestions[0].sku
    assert "Added to the sale" in page.message.text()


def test_a_recent_order_on_the_panel_opens_in_returns_ready_to_pick(qtbot, window):
    """Alt+B on a member's recent order: Returns & pickups opens it with the keyboard on its lines, and
    a digit picks the first of them."""
    w = window
    login(qtbot, w, "2222")  # Ben, an associate: members and returns
    qtbot.waitUntil(lambda: bool(w.shop.sync_engine.member_keys()[0]), timeout=30_000)
    assert w.workspaces.open("members")
    page, presenter = w.members_page, w.members_presenter
    w.wedge.scanned.emit(w.shop.demo.backend.member_qr(1004))
    qtbot.waitUntil(lambda: presenter.panel is not None and presenter.panel.member_no == 1004, timeout=20_000)
    refs = [o.ref for o in presenter.panel.profile.recent_orders]
    assert "600004" in refs and page.take_back_button.isEnabled()
    page.lists["orders"].setCurrentRow(refs.index("600004"))
    qtbot.keyClick(w, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "returns", timeout=5_000)
    returns = w.shop.returns
    qtbot.waitUntil(
        lambda: returns.view().original is not None and returns.view().original.label == "600004",
        timeout=20_000,
    )
    table = w.returns_ws.page.returns.table
    qtbot.waitUntil(lambda: table.hasFocus() and table.rowCount() > 0, timeout=5_000)
    assert not returns.view().needs_check  # the member's code was the proof
    qtbot.keyClick(table, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: returns.view().lines[0].picked == 1, timeout=5_000)
    assert returns.view().total > 0
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "sell", timeout=5_000)
