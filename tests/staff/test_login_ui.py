"""The login screen and the idle watcher, with real widgets, keys and clicks (offscreen)."""

from __future__ import annotations

import threading

import pytest

from pos.staff import Authenticator, IdleLock, PinLockout
from ui.login import IdleWatcher, LoginScreen
from ui.qt import QLineEdit, Qt
from ui.taskman import TaskManager

pytestmark = pytest.mark.gui


@pytest.fixture
def screen(qtbot, auth):
    s = LoginScreen(auth, store_name="OMO Lisboa", till_id="T1")
    qtbot.addWidget(s)
    s.resize(1024, 768)
    s.show()
    qtbot.waitExposed(s)
    return s


def type_pin(qtbot, screen, pin):
    qtbot.keyClicks(screen.pin, pin)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)


def test_right_pin_on_the_keyboard_logs_in(qtbot, screen, audit):
    assert screen.pin.hasFocus()
    with qtbot.waitSignal(screen.logged_in) as sig:
        type_pin(qtbot, screen, "9999")
    assert sig.args[0].name == "Mia"
    assert audit.types() == ["staff.login"]


def test_keypad_taps_and_backspace(qtbot, screen):
    b = screen.pin.keypad.buttons
    for key in ("1", "1", "5", "back", "1", "1"):
        qtbot.mouseClick(b[key], Qt.MouseButton.LeftButton)
    assert screen.pin.dots.count() == 4
    with qtbot.waitSignal(screen.logged_in) as sig:
        qtbot.mouseClick(b["enter"], Qt.MouseButton.LeftButton)
    assert sig.args[0].name == "Ana"
    assert screen.pin.dots.count() == 0  # nothing of the PIN is kept


def test_keypad_keys_do_not_steal_focus(qtbot, screen):
    qtbot.mouseClick(screen.pin.keypad.buttons["2"], Qt.MouseButton.LeftButton)
    assert screen.pin.hasFocus()
    qtbot.keyClicks(screen.pin, "222")
    with qtbot.waitSignal(screen.logged_in) as sig:
        qtbot.keyClick(screen.pin, Qt.Key.Key_Enter)
    assert sig.args[0].name == "Ben"


def test_wrong_pin_says_so_and_how_many_tries_are_left(qtbot, screen):
    logged = []
    screen.logged_in.connect(logged.append)
    with qtbot.waitSignal(screen.login_failed):
        type_pin(qtbot, screen, "1234")
    assert screen.pin.message.text() == "Wrong PIN. 9 tries left."
    assert screen.pin.message.property("kind") == "error"
    assert screen.pin.dots.count() == 0 and logged == []
    qtbot.keyClicks(screen.pin, "12")
    qtbot.keyClick(screen.pin, Qt.Key.Key_Escape)  # Esc clears what was typed
    assert screen.pin.dots.count() == 0


def test_lockout_disables_the_pad_and_counts_down(qtbot, screen, clock):
    for _ in range(10):
        type_pin(qtbot, screen, "1234")
    msg = screen.pin.message.text()
    assert msg == "Too many wrong PINs. Try again in 30 min 00 s, or ask a manager."
    assert not screen.pin.keypad.buttons["9"].isEnabled()
    logged = []
    screen.logged_in.connect(logged.append)
    type_pin(qtbot, screen, "9999")  # typing is ignored while locked
    assert logged == [] and screen.pin.dots.count() == 0
    clock.advance(1790)
    screen.refresh_lockout()  # what the one-second countdown timer calls
    assert "Try again in 10 seconds" in screen.pin.message.text()
    clock.advance(10)
    screen.refresh_lockout()
    assert screen.pin.keypad.buttons["9"].isEnabled()
    assert screen.pin.message.text() == "You can try again now."
    with qtbot.waitSignal(screen.logged_in):
        type_pin(qtbot, screen, "9999")


def test_countdown_timer_unlocks_on_its_own(qtbot, screen, clock):
    for _ in range(10):
        type_pin(qtbot, screen, "1234")
    assert screen.pin.lockout_timer.isActive()
    clock.advance(1800)
    qtbot.waitUntil(lambda: screen.pin.keypad.buttons["1"].isEnabled(), timeout=3000)
    assert not screen.pin.lockout_timer.isActive()


def test_locked_by_prompt(qtbot, screen, directory):
    screen.set_locked_by(directory.get("S001"))
    assert screen.prompt.text() == "Locked. Ana, or anyone on staff: enter your PIN"
    with qtbot.waitSignal(screen.logged_in) as sig:
        type_pin(qtbot, screen, "9999")
    assert sig.args[0].name == "Mia"


# ------------------------------------------------------------------------------------------- idle


def test_idle_watcher_with_an_injected_clock(qtbot, qapp, clock):
    w = IdleWatcher(IdleLock(300, clock=clock), check_interval_ms=60_000)
    w.install(qapp)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    try:
        fired = []
        w.idle_lock.connect(lambda: fired.append(True))
        clock.advance(299)
        assert not w.check()
        qtbot.keyClick(edit, Qt.Key.Key_A)  # real input through the application's event filter
        clock.advance(299)
        assert not w.check() and fired == []
        clock.advance(1)
        with qtbot.waitSignal(w.idle_lock):
            assert w.check()
        assert not w.check() and fired == [True]  # once per idle period
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        clock.advance(300)
        assert w.check() and fired == [True, True]
    finally:
        w.uninstall()


def test_idle_watcher_fires_by_itself_after_a_short_timeout(qtbot, qapp):
    w = IdleWatcher(IdleLock(0.2))
    w.install(qapp)
    try:
        with qtbot.waitSignal(w.idle_lock, timeout=5000):
            pass
    finally:
        w.uninstall()


def test_idle_watcher_disabled_with_zero(qapp, clock):
    w = IdleWatcher(IdleLock(0, clock=clock))
    w.install(qapp)
    try:
        assert not w._timer.isActive()
        w.set_timeout(60)
        assert w._timer.isActive()
    finally:
        w.uninstall()


def test_reset_for_the_next_person(qtbot, screen):
    assert screen.pin.message.text() == LoginScreen.HINT
    type_pin(qtbot, screen, "1234")
    qtbot.keyClicks(screen.pin, "55")
    screen.reset()
    assert screen.pin.message.text() == LoginScreen.HINT and screen.pin.dots.count() == 0


class ThreadSpyDirectory:
    """The real directory, noting which thread each PIN check ran on; checks wait for `gate`."""

    def __init__(self, inner):
        self.inner = inner
        self.threads: list[int] = []
        self.gate = threading.Event()
        self.gate.set()

    def members(self):
        return self.inner.members()

    def get(self, staff_id):
        return self.inner.get(staff_id)

    def identify(self, pin):
        self.threads.append(threading.get_ident())
        assert self.gate.wait(10)
        return self.inner.identify(pin)

    def check_pin(self, staff_id, pin):
        self.threads.append(threading.get_ident())
        return self.inner.check_pin(staff_id, pin)


def test_pin_is_checked_off_the_gui_thread_with_the_task_manager(qtbot, directory, clock, audit):
    spy = ThreadSpyDirectory(directory)
    auth = Authenticator(spy, lockout=PinLockout(clock=clock), audit=audit)
    tm = TaskManager()
    try:
        s = LoginScreen(auth, tasks=tm)
        qtbot.addWidget(s)
        s.show()
        spy.gate.clear()  # hold the check on the worker while we look at the screen
        with qtbot.waitSignal(s.login_failed):
            try:
                type_pin(qtbot, s, "1234")
                assert s.checking and s.pin.message.text() == "Checking…"
                assert not s.pin.keypad.buttons["1"].isEnabled()  # no typing over a check in progress
            finally:
                spy.gate.set()
        assert s.pin.message.text() == "Wrong PIN. 9 tries left." and not s.checking
        with qtbot.waitSignal(s.logged_in) as sig:
            type_pin(qtbot, s, "2222")
        assert sig.args[0].name == "Ben"
    finally:
        tm.shutdown()
    assert len(spy.threads) == 2 and threading.get_ident() not in spy.threads


def test_a_failing_check_says_so_and_lets_you_retry(qtbot, clock):
    class Broken(ThreadSpyDirectory):
        def identify(self, pin):
            raise OSError("disk gone")

    from pos.staff import InMemoryStaffDirectory

    auth = Authenticator(Broken(InMemoryStaffDirectory()), lockout=PinLockout(clock=clock))
    s = LoginScreen(auth)
    qtbot.addWidget(s)
    s.show()
    type_pin(qtbot, s, "1234")
    assert s.pin.message.text() == "The PIN could not be checked. Try again, or call a manager."
    assert s.pin.keypad.buttons["1"].isEnabled() and not s.checking


def test_a_barcode_scanned_at_the_login_is_not_a_wrong_pin(qtbot, screen, auth):
    failed = []
    screen.login_failed.connect(failed.append)
    with qtbot.waitSignal(screen.pin.too_long):
        type_pin(qtbot, screen, "4006381333931")  # an EAN-13 from a keyboard-wedge scanner
    assert failed == [] and auth.lockout.attempts_left() == 10
    assert screen.pin.message.text() == screen.pin.TOO_LONG
    with qtbot.waitSignal(screen.logged_in):
        type_pin(qtbot, screen, "1111")
