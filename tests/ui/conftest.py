"""The whole till, as a cashier meets it: the real main window on the offscreen platform, with the
embedded demo shop (Stripe simulator, generated catalog) in a temporary data directory."""

from __future__ import annotations

import pytest

from app import settings as settings_mod
from app.paths import Paths
from ui.main_window import MainWindow
from ui.qt import QApplication, QDialog, QLineEdit, Qt, QTimer


def make_window(qtbot, data_dir, *overrides: str) -> MainWindow:
    paths = Paths.under(data_dir)
    s = settings_mod.load(
        None,
        environ={},
        overrides=["demo.products=400", "demo.auto_tap_s=0", "stripe.poll_interval_ms=50", *overrides],
    )
    w = MainWindow(paths, s)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.shop is not None or bool(w.startup_error), timeout=30_000)
    assert not w.startup_error
    return w


def login(qtbot, w: MainWindow, pin: str = "1111") -> None:
    qtbot.keyClicks(w.login.pin, pin)
    qtbot.keyClick(w.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.stack.currentWidget() is w.workspaces, timeout=10_000)


def scan(qtbot, w: MainWindow, code: str) -> None:
    """A scanner burst arrives through the same path as the keyboard wedge's `scanned` signal."""
    w.wedge.scanned.emit(code)


def barcodes(w: MainWindow, n: int) -> list[str]:
    conn = w.shop.store.read_connection()
    try:
        rows = conn.execute(
            "SELECT b.barcode FROM barcodes b JOIN products p ON p.id = b.product_id WHERE p.active = 1 "
            "AND length(b.barcode) = 13 ORDER BY p.id LIMIT ?",
            (n,),
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def when_dialog(qtbot, act, *, count: int = 1) -> list:
    """Run `act(dialog)` on each of the next `count` modal dialogs to appear (dialogs run their own
    event loop, so the test answers them from a timer, as a person would)."""
    seen: list = []

    def poll() -> None:
        d = QApplication.activeModalWidget()
        if isinstance(d, QDialog) and d.isVisible() and d not in seen:
            seen.append(d)
            act(d)
        if len(seen) < count:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def modal(qtbot, kind: type | None = None, timeout: int = 10_000):
    """The question that is open now (questions open without a nested event loop: after the action
    returns, it is the window's modal widget)."""
    qtbot.waitUntil(
        lambda: (
            QApplication.activeModalWidget() is not None
            and (kind is None or isinstance(QApplication.activeModalWidget(), kind))
        ),
        timeout=timeout,
    )
    return QApplication.activeModalWidget()


def answer_pin(qtbot, dialog, pin: str) -> None:
    """A manager types their PIN on the approval pad and presses Enter; wait for the check to finish."""
    for ch in pin:
        qtbot.keyClick(dialog.pin, ch)
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)

    def settled() -> bool:
        try:
            return not dialog.checking
        except RuntimeError:  # approved: the dialog closed and was deleted
            return True

    qtbot.waitUntil(settled, timeout=10_000)


def type_into(dialog, text: str) -> None:
    edit = dialog.findChild(QLineEdit)
    edit.setText(text)


@pytest.fixture
def till(qtbot, tmp_path):
    w = make_window(qtbot, tmp_path / "shop")
    yield w
    w.close()
    w.shutdown()


@pytest.fixture
def direct_till(qtbot, tmp_path):
    """The window with its till calling Stripe itself (what only direct mode does: the reader's cart)."""
    w = make_window(qtbot, tmp_path / "shop", "demo.stripe_mode=direct")
    yield w
    w.close()
    w.shutdown()
