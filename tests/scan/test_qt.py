"""Qt adapters: the camera preview finds a member; a wedge scanner burst is caught while a field has focus."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import cv2
import pytest

from hardware import qr_corpus as qc
from hardware.camera import DeviceSource, ImageSequenceSource, SyntheticSource
from pos.codes import MemberCode
from pos.gs1 import ItemCode, Measure, read_code
from pos.wedge import WedgeDetector
from ui.camera_preview import CameraPreview
from ui.qt import QEvent, QKeyEvent, QLineEdit, QListWidget, Qt, QVBoxLayout, QWidget
from ui.wedge import WedgeFilter

pytestmark = pytest.mark.gui

TOKEN = qc.codes.encode_member_token(
    qc.corpus_private_key(), qc.CORPUS_KEY_ID, 987654, qc.CORPUS_NOW + qc.codes.APP_CODE_LIFE_S
)


@pytest.fixture
def preview(qtbot):
    w = CameraPreview()
    qtbot.addWidget(w)
    w.resize(320, 240)
    w.show()
    yield w
    w.stop()  # joins the camera threads
    assert w.worker is None


def test_preview_from_a_file_source_finds_a_member(qtbot, preview, tmp_path):
    sample = qc.render("inverted", 4, text=TOKEN)
    path = tmp_path / "phone.jpg"
    cv2.imwrite(str(path), sample.image)
    with qtbot.waitSignal(preview.found, timeout=10_000) as blocker:
        preview.start(ImageSequenceSource([path], fps=30, loop=True))
    assert blocker.args == [TOKEN]
    assert qc.corpus_parser().parse(blocker.args[0]) == MemberCode(
        987654, "app", key_id=qc.CORPUS_KEY_ID, expires_at=qc.CORPUS_NOW + qc.codes.APP_CODE_LIFE_S
    )
    qtbot.waitUntil(lambda: preview.outline() != [], timeout=5_000)
    poly = preview.outline()[0]
    assert poly.size() == 4
    assert preview.rect().contains(poly.boundingRect().center().toPoint())
    preview.grab()  # paints image and outline without warnings
    worker = preview.worker
    preview.stop()
    assert not worker.running


def test_preview_with_the_synthetic_camera_reports_each_member_once(qtbot, preview):
    found = []
    preview.found.connect(found.append)
    other = qc.codes.encode_card_token(qc.corpus_private_key(), qc.CORPUS_KEY_ID, 5, 1)
    preview.start(SyntheticSource([TOKEN, other], fps=120, frames_per_text=20, gap_frames=5, loop=False))
    qtbot.waitUntil(lambda: preview.worker is not None and not preview.worker.running, timeout=20_000)
    qtbot.waitUntil(lambda: len(found) >= 2, timeout=5_000)
    assert found == [TOKEN, other]
    assert preview.frames_shown > 0


def test_no_camera_shows_a_clear_message(qtbot, preview, tmp_path):
    class Closed:
        def isOpened(self):
            return False

        def release(self):
            pass

    src = DeviceSource(3, capture_factory=lambda *a: Closed(), device_path=lambda i: str(tmp_path / "none"))
    with qtbot.waitSignal(preview.camera_error, timeout=5_000) as blocker:
        preview.start(src)
    assert "No camera found" in blocker.args[0] and "type the member number" in blocker.args[0]
    assert preview.message == blocker.args[0]
    preview.grab()


class FakeClock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self):
        return self.t


@pytest.fixture
def till(qtbot, qapp):
    """A search field with focus, a cart list, and the wedge filter installed application-wide."""
    root = QWidget()
    layout = QVBoxLayout(root)
    search = QLineEdit()
    cart = QListWidget()
    layout.addWidget(search)
    layout.addWidget(cart)
    qtbot.addWidget(root)
    root.show()
    root.activateWindow()
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    clock = FakeClock()
    wedge = WedgeFilter(detector=WedgeDetector(max_gap=0.04, min_length=6), clock=clock)
    wedge.install(qapp)

    def add_item(code):
        result = read_code(code, today=date(2026, 12, 7))
        if isinstance(result, ItemCode):
            cart.addItem(result.gtin)

    wedge.scanned.connect(add_item)
    yield search, cart, wedge, clock
    wedge.uninstall()


def _type(qtbot, widget, text, clock, gap):
    for ch in text:
        qtbot.keyClick(widget, Qt.Key.Key_Return if ch == "\r" else ch)
        clock.t += gap


def test_scanner_burst_adds_an_item_while_a_text_field_has_focus(qtbot, till):
    search, cart, wedge, clock = till
    with qtbot.waitSignal(wedge.scanned, timeout=1_000) as blocker:
        _type(qtbot, search, "4006381333931\r", clock, gap=0.006)
    assert blocker.args == ["4006381333931"]
    assert [cart.item(i).text() for i in range(cart.count())] == ["04006381333931"]
    assert search.text() == ""  # not one digit of the burst reached the focused field
    assert search.hasFocus()


def test_typing_still_reaches_the_field_and_a_scan_in_between_does_not(qtbot, till):
    search, cart, wedge, clock = till
    scans = []
    wedge.scanned.connect(scans.append)
    _type(qtbot, search, "mil", clock, gap=0.15)  # a person typing: ~150 ms between keys
    qtbot.waitUntil(lambda: search.text() == "mil", timeout=2_000)  # the last key after the gap runs out
    clock.t += 1
    _type(qtbot, search, "96385074\r", clock, gap=0.005)
    clock.t += 1
    _type(qtbot, search, "k", clock, gap=0.15)
    qtbot.waitUntil(lambda: search.text() == "milk", timeout=2_000)
    assert scans == ["96385074"]
    assert cart.count() == 1


def test_enter_typed_by_a_person_reaches_the_field(qtbot, till):
    search, cart, wedge, clock = till
    entered = []
    search.returnPressed.connect(lambda: entered.append(search.text()))
    _type(qtbot, search, "abc", clock, gap=0.2)
    clock.t += 0.2
    _type(qtbot, search, "\r", clock, gap=0.2)
    qtbot.waitUntil(lambda: entered == ["abc"], timeout=2_000)
    assert cart.count() == 0


def test_a_cut_short_burst_is_a_partial_scan_not_text(qtbot, till):
    search, cart, wedge, clock = till
    with qtbot.waitSignal(wedge.partial_scan, timeout=2_000) as blocker:
        _type(qtbot, search, "4006381", clock, gap=0.005)
    assert blocker.args == ["4006381"]
    assert search.text() == "" and cart.count() == 0


def test_keys_arriving_at_the_window_like_real_input_are_handled_once(qtbot, till):
    search, cart, wedge, clock = till
    window = search.window().windowHandle()  # the platform delivers key events to the QWindow first
    assert window is not None
    scans = []
    wedge.scanned.connect(scans.append)
    for ch in "036000291452\r":
        qtbot.keyClick(window, Qt.Key.Key_Return if ch == "\r" else ch)
        clock.t += 0.004
    assert scans == ["036000291452"] and search.text() == ""
    clock.t += 1
    for ch in "tea":
        qtbot.keyClick(window, ch)
        clock.t += 0.25
    qtbot.waitUntil(lambda: search.text() == "tea", timeout=2_000)  # each key replayed exactly once
    assert cart.count() == 1


def test_fnc1_typed_by_the_scanner_as_ctrl_bracket_stays_in_a_gs1_code(qtbot, till):
    """A GS1 DataBar/128 code with a variable-length field: the scanner types FNC1 as Ctrl+] (ASCII 29).
    Inside the burst it is the field separator, not a shortcut; outside a burst it is left alone."""
    search, cart, wedge, clock = till
    from pos.gs1 import GS

    with qtbot.waitSignal(wedge.scanned, timeout=1_000) as blocker:
        _type(qtbot, search, "010950110102091710LOT7", clock, gap=0.006)
        qtbot.keyClick(search, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        clock.t += 0.006
        _type(qtbot, search, "3103000750\r", clock, gap=0.006)
    code = blocker.args[0]
    assert code == f"010950110102091710LOT7{GS}3103000750"
    data = read_code(code, today=date(2026, 12, 7))
    assert (data.batch, data.weight) == ("LOT7", Measure(Decimal("0.750"), "kg"))
    assert search.text() == ""
    # a person pressing Ctrl+] with nothing held: not taken by the wedge
    clock.t += 5
    assert not wedge.eventFilter(
        search,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, "\x1d"),
    )
