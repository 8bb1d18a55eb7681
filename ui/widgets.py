"""Small shared widgets: a big touch button, a numeric keypad, masked PIN dots and a PIN entry that
works with touch, mouse and keyboard alike.

Every touch target is at least `TOUCH` px in both directions. Keypad buttons never take the keyboard
focus, so typing keeps going to the entry that owns the keypad.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any, Protocol

from ui.qt import (
    QFont,
    QFontMetrics,
    QGridLayout,
    QKeyEvent,
    QLabel,
    QPainter,
    QPaintEvent,
    QPalette,
    QPushButton,
    QSize,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)

TOUCH = 44  # minimum touch target, px (WCAG 2.5.5, Apple HIG)

log = logging.getLogger("ui.widgets")


class Tasks(Protocol):
    """What `ui.taskman.TaskManager` offers: run `fn` on a named worker, results back on the GUI thread."""

    def run(
        self,
        executor: str,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Any: ...


def run_off_gui(
    tasks: Tasks | None,
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    executor: str = "io",
) -> None:
    """Run `fn` on a worker (when `tasks` is given) or right here; either way `on_done(result)` or
    `on_error(exc)` is called on the GUI thread."""
    if tasks is not None:
        tasks.run(executor, fn, on_done, on_error)
        return
    try:
        result = fn()
    except Exception as exc:  # delivered like a worker's failure
        on_error(exc)
        return
    on_done(result)


def font_px(w: QWidget) -> int:
    """The widget's text size in pixels (the theme sets pixel sizes; 16 if it was given in points)."""
    f = w.font()
    if f.pixelSize() > 0:
        return f.pixelSize()
    return max(12, round(f.pointSizeF() * w.logicalDpiY() / 72)) if f.pointSizeF() > 0 else 16


def two_lines(text: str, width: Callable[[str], int]) -> str:
    """`text` on two lines, broken at the space that makes the wider line narrowest (what a longer
    language's label does where one line has no room: "Close (blind\ncount)"); as it is if it has no
    space. `width` measures a line (a font's `horizontalAdvance`)."""
    words = re.split(r"(\s+)", text)
    best, best_w = text, width(text)
    for i in range(1, len(words), 2):
        first, second = "".join(words[:i]), "".join(words[i + 1 :])
        if first and second and (w := max(width(first), width(second))) < best_w:
            best, best_w = f"{first}\n{second}", w
    return best


def fit_label(b: QPushButton, width: int, largest: int) -> tuple[int, str, bool]:
    """The text size (`largest` px down to 9) and text (its first line, the name, on one line while it
    fits, else on two) that show button `b`'s whole label (its "label" property) `width` px wide, inside
    its padding and border where Qt clips it; and whether it fits at all."""
    f, room = QFont(b.font()), width - 16
    name, _, rest = b.property("label").partition("\n")
    wrapped = "\n".join(x for x in (two_lines(name, QFontMetrics(f).horizontalAdvance), rest) if x)
    for text in (b.property("label"), wrapped):
        for px in range(largest, 8, -1):
            f.setPixelSize(px)
            fm = QFontMetrics(f)
            if all(fm.horizontalAdvance(line) <= room for line in text.split("\n")):
                return px, text, True
    return 9, wrapped, False


def repolish(w: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property used by a selector changed."""
    w.style().unpolish(w)
    w.style().polish(w)
    w.update()


class TouchButton(QPushButton):
    """A push button at least `TOUCH` × `TOUCH` px. `primary=True` styles it as the main action;
    `focusable=False` keeps keyboard focus where it is (keypad keys)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        primary: bool = False,
        focusable: bool = True,
        min_size: int = TOUCH,
    ) -> None:
        super().__init__(text, parent)
        self.setMinimumSize(max(min_size, TOUCH), max(min_size, TOUCH))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if primary:
            self.setProperty("primary", True)
        if not focusable:
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoDefault(False)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        s = super().sizeHint()
        return QSize(max(s.width(), TOUCH), max(s.height(), TOUCH))


class NumericKeypad(QWidget):
    """A 4×3 keypad: 1–9, then ⌫ 0 and OK (or `extra` instead of OK). Emits `digit("7")`,
    `backspace()` and `enter()`; its buttons never steal the keyboard focus."""

    digit = Signal(str)
    backspace = Signal()
    enter = Signal()

    BACKSPACE_TEXT = "⌫"

    def __init__(self, parent: QWidget | None = None, *, enter_text: str = "OK", key_size: int = 72) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, TouchButton] = {}
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "back", "0", "enter"]
        for i, key in enumerate(keys):
            if key == "back":
                b = TouchButton(self.BACKSPACE_TEXT, self, focusable=False, min_size=key_size)
                b.setToolTip(self.tr("Delete the last digit (Backspace)"))
                b.setAccessibleName(self.tr("Delete last digit"))
                b.setObjectName("keypadBack")
                b.clicked.connect(self.backspace)
            elif key == "enter":
                b = TouchButton(enter_text, self, primary=True, focusable=False, min_size=key_size)
                b.setToolTip(self.tr("Enter"))
                b.setObjectName("keypadEnter")
                b.clicked.connect(self.enter)
            else:
                b = TouchButton(key, self, focusable=False, min_size=key_size)
                b.setObjectName("keypadDigit")
                b.clicked.connect(lambda _checked=False, k=key: self.digit.emit(k))
            b.setAutoRepeat(key == "back")
            self.buttons[key] = b
            grid.addWidget(b, i // 3, i % 3)

    def set_keys_enabled(self, enabled: bool) -> None:
        for b in self.buttons.values():
            b.setEnabled(enabled)


class PinDots(QWidget):
    """Shows how many digits were typed as filled dots, never the digits."""

    def __init__(self, parent: QWidget | None = None, *, slots: int = 4, diameter: int = 20) -> None:
        super().__init__(parent)
        self.setObjectName("pinDots")
        self._count = 0
        self._slots = slots
        self._d = diameter
        self._error = False
        self._focused = False
        self.setMinimumHeight(diameter + 16)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("PIN"))

    def count(self) -> int:
        return self._count

    def set_count(self, n: int) -> None:
        self._count = n
        self.setAccessibleDescription(f"{n} digit{'s' if n != 1 else ''} entered")
        self.update()

    def set_error(self, error: bool) -> None:
        self._error = error
        self.update()

    def set_focused(self, focused: bool) -> None:
        """Underline the dots while typing goes to this PIN entry (keyboard users see where they are)."""
        self._focused = focused
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        n = max(self._slots, self._count)
        return QSize(n * self._d * 2, self._d + 16)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        colour = pal.color(QPalette.ColorRole.WindowText)
        if self._error:
            colour = pal.color(QPalette.ColorRole.BrightText)  # the theme's error colour
        n = max(self._slots, self._count)
        gap = self._d
        total = n * self._d + (n - 1) * gap
        x = (self.width() - total) / 2
        y = (self.height() - self._d) / 2
        pen = p.pen()
        pen.setColor(colour)
        pen.setWidth(2)
        p.setPen(pen)
        for i in range(n):
            p.setBrush(colour if i < self._count else Qt.BrushStyle.NoBrush)
            p.drawEllipse(int(x + i * (self._d + gap)) + 1, int(y) + 1, self._d - 2, self._d - 2)
        if self._focused:
            pen.setColor(pal.color(QPalette.ColorRole.Highlight))
            pen.setWidth(3)
            p.setPen(pen)
            y_line = int(y + self._d + 6)
            p.drawLine(int(x - gap / 2), y_line, int(x + total + gap / 2), y_line)
        p.end()


class PinEntry(QWidget):
    """Masked PIN entry: dots, a message line and a keypad. Keyboard: digits (top row or keypad),
    Backspace, Enter/Return, Esc clears. Emits `submitted(pin)`; the PIN is held only until
    `clear()` and never shown, logged or put in an accessible text."""

    submitted = Signal(str)
    edited = Signal(int)  # number of digits
    too_long = Signal()  # more digits than a PIN has (a barcode scanned here): dropped, not submitted

    lockout_tick = Signal()  # once a second while a lockout shows: the owner calls show_lockout again

    TOO_LONG = "That was longer than a PIN (a scan?). Type your PIN again."

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        max_length: int = 8,
        enter_text: str = "OK",
        key_size: int = 72,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinEntry")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pin = ""
        self._overflow = False
        self.max_length = max_length
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.dots = PinDots(self)
        self.message = QLabel("", self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumHeight(TOUCH)
        self.keypad = NumericKeypad(self, enter_text=enter_text, key_size=key_size)
        self.keypad.digit.connect(self.add_digit)
        self.keypad.backspace.connect(self.backspace)
        self.keypad.enter.connect(self.submit)
        lay.addWidget(self.dots)
        lay.addWidget(self.message)
        lay.addWidget(self.keypad)
        self.lockout_timer = QTimer(self)
        self.lockout_timer.setInterval(1000)
        self.lockout_timer.timeout.connect(self.lockout_tick)

    # -- state
    def length(self) -> int:
        return len(self._pin)

    def clear(self) -> None:
        self._pin = ""
        self._overflow = False
        self.dots.set_count(0)
        self.edited.emit(0)

    def set_message(self, text: str, kind: str = "") -> None:
        """kind: '' (plain), 'error', 'warn' or 'ok' — styled by the theme."""
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        repolish(self.message)
        self.dots.set_error(kind == "error")

    def set_locked(self, locked: bool) -> None:
        self.keypad.set_keys_enabled(not locked)
        if locked:
            self.clear()

    def locked(self) -> bool:
        return not self.keypad.buttons["0"].isEnabled()

    def show_lockout(self, message: str | None, ended: str) -> None:
        """A lockout running (``message`` says for how long; ``lockout_tick`` asks again each second) or
        none (None): the keys come back, and ``ended`` is said if they were off."""
        if message is not None:
            self.set_locked(True)
            self.set_message(message, "error")
            if not self.lockout_timer.isActive():
                self.lockout_timer.start()
            return
        was_locked = self.locked()
        self.set_locked(False)
        self.lockout_timer.stop()
        if was_locked:
            self.set_message(ended)

    # -- input
    @Slot(str)
    def add_digit(self, d: str) -> None:
        if self.locked() or not d.isdigit():
            return
        if len(self._pin) >= self.max_length:
            self._overflow = True
            return
        if self.dots._error:
            self.dots.set_error(False)
        self._pin += d
        self.dots.set_count(len(self._pin))
        self.edited.emit(len(self._pin))

    @Slot()
    def backspace(self) -> None:
        if self._pin:
            self._overflow = False
            self._pin = self._pin[:-1]
            self.dots.set_count(len(self._pin))
            self.edited.emit(len(self._pin))

    @Slot()
    def submit(self) -> None:
        if self.locked() or not self._pin:
            return
        if self._overflow:
            # A barcode scanner typing into the login screen must not count as a wrong PIN.
            self.clear()
            self.set_message(self.TOO_LONG, "warn")
            self.too_long.emit()
            return
        pin, self._pin = self._pin, ""
        self.dots.set_count(0)
        self.submitted.emit(pin)

    def focusInEvent(self, e) -> None:  # noqa: N802
        super().focusInEvent(e)
        self.dots.set_focused(True)

    def focusOutEvent(self, e) -> None:  # noqa: N802
        super().focusOutEvent(e)
        self.dots.set_focused(False)

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        key = e.key()
        text = e.text()
        if text and len(text) == 1 and text in "0123456789":
            self.add_digit(text)
        elif key == Qt.Key.Key_Backspace or key == Qt.Key.Key_Delete:
            self.backspace()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape and self._pin:
            self.clear()
        else:
            super().keyPressEvent(e)
