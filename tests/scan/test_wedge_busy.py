"""Field report I (and B4): a keyboard-wedge scanner at full speed while the GUI thread is busy.

The scanner does not wait for the till: its keys queue up while a slot runs (a slow save, a report) and
are all delivered at once afterwards. The wedge must still see one fast burst (the time the keys were
*typed*, which Qt records on each QKeyEvent, not the time they were delivered) and give exactly one scan,
with nothing typed into the field that has focus. Real clock, real event loop: the keys are posted with
``QApplication.postEvent`` like a window system delivers them, each stamped with its input time.
"""

from __future__ import annotations

import time

import pytest

from pos.wedge import WedgeDetector
from ui.qt import (
    QApplication,
    QDialog,
    QEvent,
    QKeyEvent,
    QLineEdit,
    QObject,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.wedge import WedgeFilter

pytestmark = pytest.mark.gui

CODE = "4006381333931"  # EAN-13
KEY_GAP_S = 0.003  # a scanner at full speed: a key every 3 ms
STALL_S = 0.3
_STALL = QEvent.Type(QEvent.registerEventType())


def _now_ms() -> int:
    return int(time.monotonic() * 1000)


def _post_key(receiver: QObject, ch: str) -> None:
    """One key as the window system hands it over: posted (queued), stamped with when it was pressed."""
    if ch == "\r":
        ev = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    else:
        ev = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_0 + int(ch), Qt.KeyboardModifier.NoModifier, ch)
    ev.setTimestamp(_now_ms())
    QApplication.postEvent(receiver, ev)


def _type_at_scanner_speed(receiver: QObject, chars: str) -> None:
    for ch in chars:
        _post_key(receiver, ch)
        end = time.monotonic() + KEY_GAP_S
        while time.monotonic() < end:  # busy: this is the GUI thread being blocked, not a wait
            pass


class Busy(QObject):
    """A slot that blocks the GUI thread for ``STALL_S``; while it runs, the scanner goes on typing
    ``during`` into ``receiver`` (the keys queue up, as they would in the window system)."""

    def __init__(self, receiver: QObject, during: str) -> None:
        super().__init__()
        self.receiver = receiver
        self.during = during
        self.stalled = False

    def event(self, ev: QEvent) -> bool:  # noqa: N802 (Qt name)
        if ev.type() != _STALL:
            return super().event(ev)
        end = time.monotonic() + STALL_S
        _type_at_scanner_speed(self.receiver, self.during)
        while time.monotonic() < end:
            pass
        self.stalled = True
        return True


@pytest.fixture
def field(qtbot, qapp):
    root = QWidget()
    layout = QVBoxLayout(root)
    search = QLineEdit()
    layout.addWidget(search)
    qtbot.addWidget(root)
    root.show()
    root.activateWindow()
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    wedge = WedgeFilter(detector=WedgeDetector(max_gap=0.04, min_length=6))
    wedge.install(qapp)
    scans: list[str] = []
    partials: list[str] = []
    wedge.scanned.connect(scans.append)
    wedge.partial_scan.connect(partials.append)
    yield search, wedge, scans, partials
    wedge.uninstall()


def _settle(qtbot, wedge: WedgeFilter) -> None:
    qtbot.waitUntil(lambda: wedge.detector.holding == 0 and not wedge._timer.isActive(), timeout=2_000)


@pytest.mark.parametrize("before", [0, 1, 5, 13], ids=lambda n: f"{n}-keys-before-the-stall")
def test_scan_while_the_gui_thread_is_blocked_gives_one_scan(qtbot, field, before):
    search, wedge, scans, partials = field
    search.setText("milk")  # what the cashier had typed stays as it was
    burst = CODE + "\r"
    busy = Busy(search, burst[before:])
    _type_at_scanner_speed(search, burst[:before])  # queued ahead of the stall
    QApplication.postEvent(busy, QEvent(_STALL))
    qtbot.waitUntil(lambda: busy.stalled, timeout=2_000)
    qtbot.waitUntil(lambda: bool(scans) or bool(partials) or search.text() != "milk", timeout=2_000)
    _settle(qtbot, wedge)
    assert scans == [CODE]
    assert partials == []
    assert search.text() == "milk"


def test_scan_while_the_gui_thread_is_blocked_mid_burst_after_delivery(qtbot, field):
    """The first keys were already delivered (and the wedge is holding them, its gap timer running) when
    a slot blocks the GUI thread; the rest of the burst queues up behind the stall and is delivered
    300 ms later. Timed by delivery, that looks like a pause: a partial scan of the first keys plus a
    scan of the rest (what it did before the fix)."""
    search, wedge, scans, partials = field
    burst = CODE + "\r"
    busy = Busy(search, burst[6:])
    _type_at_scanner_speed(search, burst[:6])
    qtbot.waitUntil(lambda: wedge.detector.holding == 6, timeout=2_000)  # delivered and held
    QApplication.postEvent(busy, QEvent(_STALL))
    qtbot.waitUntil(lambda: busy.stalled, timeout=2_000)
    qtbot.waitUntil(lambda: bool(scans) or bool(partials) or search.text() != "", timeout=2_000)
    _settle(qtbot, wedge)
    assert (scans, partials, search.text()) == ([CODE], [], "")


def test_scan_while_a_modal_dialog_is_open_goes_to_the_wedge_not_the_dialog_field(qtbot, field):
    search, wedge, scans, partials = field
    dialog = QDialog(search.window())
    note = QLineEdit(dialog)
    QVBoxLayout(dialog).addWidget(note)
    seen: dict = {}

    def while_open() -> None:
        note.setFocus()
        busy = Busy(note, CODE + "\r")
        seen["busy"] = busy
        QApplication.postEvent(busy, QEvent(_STALL))

        def close_when_done() -> None:
            if scans or partials or note.text():
                seen["note"] = note.text()
                dialog.accept()
            else:
                QTimer.singleShot(10, close_when_done)

        QTimer.singleShot(0, close_when_done)

    QTimer.singleShot(0, while_open)
    QTimer.singleShot(2_000, dialog.reject)  # never hang the suite
    dialog.exec()
    _settle(qtbot, wedge)
    assert seen["busy"].stalled
    assert (scans, partials, seen.get("note")) == ([CODE], [], "")
    assert search.text() == ""


def test_a_slow_scanner_whose_keys_arrive_late_gives_one_scan(qtbot, field):
    """A scanner (or xdotool) typing a key every 30 ms, within the 40 ms gap, whose key events reach the
    till up to 25 ms after they were pressed (a loaded window system): timed by input time it is one
    burst. The gap timer, run by the till's clock, ran out before a late key arrived and split the code
    into a partial scan and typing (a QR typed at 30 ms per key under Xvfb was lost so)."""
    search, wedge, scans, partials = field
    burst = CODE + "\r"
    start = _now_ms()
    lags = [0, 25] * len(burst)  # every other key arrives 25 ms late (still after the one before it)

    def deliver(i: int) -> None:
        ch = burst[i]
        key = Qt.Key.Key_Return if ch == "\r" else Qt.Key.Key_0 + int(ch)
        ev = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)
        ev.setTimestamp(start + 30 * i)  # pressed on time
        QApplication.postEvent(search, ev)

    timers = []
    for i in range(len(burst)):
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer could swap two keys' order
        timer.setSingleShot(True)
        timer.timeout.connect(lambda i=i: deliver(i))
        timer.start(30 * i + lags[i])
        timers.append(timer)
    qtbot.waitUntil(lambda: bool(scans) or bool(partials) or search.text() != "", timeout=3_000)
    _settle(qtbot, wedge)
    assert (scans, partials, search.text()) == ([CODE], [], "")
