"""The keyboard-wedge scanner, caught wherever the focus is.

:class:`WedgeFilter` is an application-wide event filter. It holds back every printable key press (and
Enter) and feeds it to :class:`pos.wedge.WedgeDetector`. A scanner burst becomes ``scanned(code)`` and its
keys never reach the focused widget (a search field keeps what the cashier typed, not the barcode); typing
is replayed to the widget it was meant for, at most ``max_gap`` later; a burst cut short becomes
``partial_scan(chars)``. The clock is injectable so tests control key timing.

A busy GUI thread (a slow slot, a modal dialog opening) does not stop the scanner: its keys queue up
and are delivered together, late. So the gap between two keys is taken from the time Qt stamped on each
``QKeyEvent`` when it was pressed (``timestamp()``, input time), not from when the filter sees it.
Events without a stamp (0: synthesised) fall back to the clock. For the same reason the gap timer waits
``DELIVERY_SLACK_S`` beyond the gap before it releases held keys: a key pressed in time may arrive late.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from pos.wedge import PartialScan, Scan, Typed, WedgeDetector
from ui.qt import QApplication, QEvent, QKeyEvent, QObject, Qt, QTimer, Signal, Slot

_GS = "\x1d"  # ASCII group separator: FNC1 in a GS1 code
# How late a key event may reach the till after it was pressed (a loaded window system, a busy X server)
# and still be judged by its input time: the gap timer waits this much longer before it releases held keys.
# Typing is delayed by at most max_gap + this, under 0.1 s.
DELIVERY_SLACK_S = 0.05
_BLOCKING_MODS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


@dataclass
class _Held:
    receiver: QObject
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeFilter(QObject):
    scanned = Signal(str)
    partial_scan = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        detector: WedgeDetector | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        self._clock = clock
        self._held: list[_Held] = []
        self._replaying = False
        self.enabled = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._app: QApplication | None = None
        # input time (ms, QKeyEvent.timestamp) and detector time of the last held key
        self._last_stamp = 0
        self._last_t = 0.0

    def install(self, app: QApplication | None = None) -> None:
        self._app = app or QApplication.instance()
        self._app.installEventFilter(self)

    def uninstall(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None
        self._timer.stop()
        self._apply(self.detector.flush())

    # ------------------------------------------------------------------------------------------ filter
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        text = event.text()
        # FNC1, the field separator inside a GS1 code, arrives from a wedge scanner as Ctrl+] (ASCII 29):
        # inside a burst it is part of the code, not a shortcut
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        fnc1 = bool(self.detector.holding) and (text == _GS or (key == Qt.Key.Key_BracketRight and ctrl))
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = "\r"
        elif fnc1:
            text = _GS
        elif len(text) != 1 or not text.isprintable():
            return False
        if event.isAutoRepeat() or (event.modifiers() & _BLOCKING_MODS and not fnc1):
            return False
        self._held.append(_Held(obj, key, event.modifiers(), event.text()))
        now = self._clock()
        stamp = event.timestamp()
        t = now
        if stamp and self._last_stamp and stamp >= self._last_stamp and self.detector.holding:
            # delivered late after a busy spell: the gap is the one the keys were typed with
            t = min(now, self._last_t + (stamp - self._last_stamp) / 1000)
        self._apply(self.detector.key(text, t))
        if self.detector.holding:
            self._last_stamp, self._last_t = stamp, t
        else:
            self._last_stamp = 0
        self._arm_timer()
        return True

    def _arm_timer(self) -> None:
        deadline = self.detector.deadline()
        if deadline is None:
            self._timer.stop()
            return
        ms = max(1, math.ceil((deadline + DELIVERY_SLACK_S - self._clock()) * 1000))
        self._timer.start(ms)

    @Slot()
    def _on_timeout(self) -> None:
        # the gap (and the slack for late delivery) has run out in real time: release whatever is held
        self._last_stamp = 0
        self._apply(self.detector.flush())

    def _apply(self, outputs) -> None:
        for out in outputs:
            if isinstance(out, Scan):
                self._consume(len(out.code) + 1)  # the code and its terminator are eaten
                self.scanned.emit(out.code)
            elif isinstance(out, PartialScan):
                self._consume(len(out.chars))
                self.partial_scan.emit(out.chars)
            elif isinstance(out, Typed):
                for held in self._consume(len(out.chars)):
                    self._replay(held)

    def _consume(self, n: int) -> list[_Held]:
        taken, self._held = self._held[:n], self._held[n:]
        return taken

    def _replay(self, held: _Held) -> None:
        ev = QKeyEvent(QEvent.Type.KeyPress, held.key, held.modifiers, held.text)
        self._replaying = True
        try:
            QApplication.sendEvent(held.receiver, ev)
        except RuntimeError:  # the widget it was typed into has been deleted meanwhile
            pass
        finally:
            self._replaying = False
