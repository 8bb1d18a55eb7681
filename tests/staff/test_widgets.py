"""The shared touch widgets on their own."""

from __future__ import annotations

import pytest

from ui.qt import Qt, QWidget
from ui.widgets import TOUCH, NumericKeypad, PinEntry, TouchButton

pytestmark = pytest.mark.gui


def test_touch_button_is_at_least_44_px(qtbot):
    b = TouchButton("x")
    qtbot.addWidget(b)
    b.show()
    assert b.width() >= TOUCH and b.height() >= TOUCH
    assert b.sizeHint().height() >= TOUCH
    nf = TouchButton("y", focusable=False, primary=True)
    qtbot.addWidget(nf)
    assert nf.focusPolicy() == Qt.FocusPolicy.NoFocus and nf.property("primary") is True


def test_keypad_signals(qtbot):
    k = NumericKeypad()
    qtbot.addWidget(k)
    k.show()
    got = []
    k.digit.connect(got.append)
    k.backspace.connect(lambda: got.append("<"))
    k.enter.connect(lambda: got.append("OK"))
    for key in ("7", "0", "back", "enter"):
        qtbot.mouseClick(k.buttons[key], Qt.MouseButton.LeftButton)
    assert got == ["7", "0", "<", "OK"]
    k.set_keys_enabled(False)
    qtbot.mouseClick(k.buttons["5"], Qt.MouseButton.LeftButton)
    assert got == ["7", "0", "<", "OK"]


def test_pin_entry_never_shows_the_digits(qtbot):
    host = QWidget()
    p = PinEntry(host)
    qtbot.addWidget(host)
    host.show()
    qtbot.keyClicks(p, "4821")
    assert p.length() == 4 and p.dots.count() == 4
    texts = [w.text() for w in host.findChildren(QWidget) if hasattr(w, "text") and callable(w.text)]
    assert texts and not any("4821" in t for t in texts)
    assert "4821" not in (p.accessibleName() + p.dots.accessibleDescription() + p.message.text())
    qtbot.keyClicks(p, "x-")  # letters are ignored
    assert p.length() == 4
    with qtbot.waitSignal(p.submitted) as sig:
        qtbot.keyClick(p, Qt.Key.Key_Return)
    assert sig.args == ["4821"] and p.length() == 0
    with qtbot.assertNotEmitted(p.submitted):
        qtbot.keyClick(p, Qt.Key.Key_Return)  # nothing typed: nothing submitted
