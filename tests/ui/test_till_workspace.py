"""The Till workspace as a manager meets it: the real window, offscreen. Open with a count, an X report,
a blind count that is short, the manager's PIN, the Z report; then every dialog is closed and the F-keys
of the Sell workspace still work."""

from __future__ import annotations

import pytest

from tests.ui.conftest import barcodes, login, make_window, modal, scan
from ui.qt import QApplication, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def windows():
    """Each window made here is shut down after the test (its workers and the demo world joined)."""
    made: list = []
    yield made
    for w in made:
        w.close()
        w.shutdown()


def test_demo_login_opens_the_till_and_says_so(qtbot, tmp_path, windows):
    w = make_window(qtbot, tmp_path / "shop")
    windows.append(w)
    login(qtbot, w)
    qtbot.waitUntil(lambda: w.shop.till.session_id is not None, timeout=10_000)
    qtbot.waitUntil(lambda: "demo float" in w.page.message.text(), timeout=10_000)
    assert "Till" not in [w.workspaces.bar.tabText(i) for i in range(w.workspaces.bar.count())]  # a cashier
    # a manager corrects the float on the Till page, which a cashier's keys do not open: no key is named
    assert "a manager" in w.page.message.text().lower() and "Alt+" not in w.page.message.text()


def test_a_manager_is_told_the_key_that_opens_the_till_page(qtbot, tmp_path, windows):
    w = make_window(qtbot, tmp_path / "shop")
    windows.append(w)
    login(qtbot, w, "9999")
    qtbot.waitUntil(lambda: "demo float" in w.page.message.text(), timeout=10_000)
    key = w.page.message.text().rpartition("(Alt+")[2].partition(")")[0]
    assert key.isdigit()
    qtbot.keyClick(w, getattr(Qt.Key, f"Key_{key}"), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "till")


def test_a_manager_opens_counts_and_closes_the_till(qtbot, tmp_path, windows):
    from ui.override import OverrideDialog
    from ui.till_page import CloseDialog, CountDialog

    w = make_window(qtbot, tmp_path / "shop", "till.demo_open_at_login=false")
    windows.append(w)
    login(qtbot, w, "9999")
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: w.workspaces.current == "till")
    page = w.till_page
    assert not page.buttons["close"].isEnabled()

    page.buttons["open"].click()
    count = modal(qtbot, CountDialog)
    assert count.amount == 15000  # the demo's float, prefilled
    count.spins[2000].setValue(count.spins[2000].value() + 1)  # one more €20 note than the demo's
    qtbot.keyClick(count, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.shop.till.session_id is not None, timeout=10_000)
    qtbot.waitUntil(lambda: page.buttons["close"].isEnabled())

    # a sale on the Sell page, by the keyboard
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    scan(qtbot, w, barcodes(w, 1)[0])
    qtbot.waitUntil(lambda: w.sell.view().item_count == 1)
    due = w.sell.view().due
    qtbot.keyClick(w, Qt.Key.Key_F10)
    cash = modal(qtbot)
    cash.entry.setText(str(due // 100 + 1))
    cash._confirm()
    qtbot.waitUntil(lambda: w.sell.view().is_empty, timeout=10_000)

    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    page.buttons["x_report"].click()
    qtbot.waitUntil(lambda: page.report.rowCount() > 10)
    expected = w.shop.till.x_report().value.expected_cash
    assert expected == 17000 + due
    assert w.shop.fmt(expected) in [page.report.item(r, 1).text() for r in range(page.report.rowCount())]

    page.buttons["close"].click()
    blind = modal(qtbot, CountDialog)
    assert blind.amount == 0  # blind: nothing prefilled, nothing expected shown
    blind.spins[10000].setValue(1)  # €100 counted: far short
    qtbot.keyClick(blind, Qt.Key.Key_Return)
    close = modal(qtbot, CloseDialog)
    assert "manager approves" in close.verdict.text() and close.reason.isVisible()
    close.reason.setText("float taken to the safe by mistake")  # typed as a person does (a fast burst
    qtbot.wait(100)  # of keys ending in Enter would be a barcode scanner's, which the wedge filter takes)
    qtbot.keyClick(close.reason, Qt.Key.Key_Return)
    approval = modal(qtbot, OverrideDialog)
    qtbot.keyClicks(approval.pin, "9999")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.till_presenter.last_z is not None, timeout=15_000)
    z = w.till_presenter.last_z
    assert z.counted == 10000 and z.difference == 10000 - expected and z.approved_by == "Mia"
    assert "Till closed" in page.message.text()
    assert QApplication.activeModalWidget() is None

    # every dialog is closed: the Sell workspace's F-keys work again, and selling needs the till open
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    scan(qtbot, w, barcodes(w, 1)[0])
    qtbot.waitUntil(lambda: "not open" in w.page.message.text())
    assert w.sell.view().is_empty
