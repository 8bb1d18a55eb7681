"""The staff login screen (PIN pad, PIN alone identifies the person) and the application-wide idle
watcher that locks the till.

    screen = LoginScreen(authenticator, store_name="OMO Lisboa", till_id="T1", tasks=taskman)
    screen.logged_in.connect(main.on_logged_in)          # StaffMember
    watcher = IdleWatcher(IdleLock(settings["ui.idle_lock_s"]))
    watcher.install(app); watcher.idle_lock.connect(main.lock)

Keyboard: digits (top row or numeric keypad), Backspace, Enter; Esc clears what was typed.
`python -m ui.login --screenshots DIR` renders the login screen and the override dialog in each theme.
"""

from __future__ import annotations

import logging

from app.messages import said
from pos.staff import Authenticator, IdleLock, LoginResult, LoginStatus, StaffMember, format_wait
from ui.presenter import say_text
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QApplication,
    QEvent,
    QHBoxLayout,
    QLabel,
    QObject,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets import PinEntry, Tasks, font_px, run_off_gui

log = logging.getLogger("ui.login")


class LoginScreen(QWidget):
    """Full-window login. Emits `logged_in(StaffMember)` after a right PIN, and `login_failed(LoginResult)`
    after a wrong one or while locked out. During a lockout the keypad is disabled and a countdown shows."""

    HINT = QT_TRANSLATE_NOOP("LoginScreen", "Type or tap your PIN, then Enter")

    logged_in = Signal(object)  # StaffMember
    login_failed = Signal(object)  # LoginResult

    def __init__(
        self,
        authenticator: Authenticator,
        parent: QWidget | None = None,
        *,
        store_name: str = "",
        till_id: str = "",
        locked_by: StaffMember | None = None,
        tasks: Tasks | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginScreen")
        self._tasks = tasks  # when given, PINs are checked on its "io" worker (scrypt is slow on purpose)
        self.checking = False
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.auth = authenticator
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        col = QVBoxLayout()
        col.addStretch(1)
        card = QWidget(self)
        card.setObjectName("loginCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card.setFixedWidth(max(420, font_px(self) * 26))  # scales with the theme's text size
        lay = QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 28)
        lay.setSpacing(10)
        self.title = QLabel(self.tr("OMO POS"), card)
        self.title.setObjectName("loginTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        where = " · ".join(x for x in (store_name, f"till {till_id}" if till_id else "") if x)
        self.subtitle = QLabel(where, card)
        self.subtitle.setObjectName("loginSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setVisible(bool(where))
        self.prompt = QLabel(card)
        self.prompt.setObjectName("loginPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.pin = PinEntry(card, enter_text=self.tr("Log in"))
        self.pin.setAccessibleName(self.tr("Staff PIN"))
        self.pin.submitted.connect(self._on_submitted)
        lay.addWidget(self.title)
        lay.addWidget(self.subtitle)
        lay.addSpacing(6)
        lay.addWidget(self.prompt)
        lay.addWidget(self.pin)
        col.addWidget(card)
        col.addStretch(1)
        outer.addLayout(col)
        outer.addStretch(1)
        self.pin.lockout_tick.connect(self.refresh_lockout)
        self.pin.set_message(self.tr(self.HINT), "hint")
        self.set_locked_by(locked_by)
        self.setFocusProxy(self.pin)

    # -- public
    def set_locked_by(self, member: StaffMember | None) -> None:
        """After an idle lock, say whose session was locked (any staff PIN still unlocks)."""
        if member is None:
            self.prompt.setText(self.tr("Enter your staff PIN"))
        else:
            self.prompt.setText(
                self.tr("Locked. {name}, or anyone on staff: enter your PIN").format(name=member.name)
            )
        self.pin.clear()
        self.refresh_lockout()

    def reset(self) -> None:
        """Ready for the next person: nothing typed, no message (unless a lockout is running)."""
        self.pin.clear()
        self.pin.set_message(self.tr(self.HINT), "hint")
        self.refresh_lockout()
        self.pin.setFocus()

    @Slot()
    def refresh_lockout(self) -> None:
        """Show (or end) a running lockout. Called each second while locked and after showing."""
        if self.checking:
            return
        left = self.auth.lockout.remaining("till")
        self.pin.show_lockout(
            self.tr("Too many wrong PINs. Try again in {wait}, or ask a manager.").format(
                wait=say_text(said(format_wait(left)))
            )
            if left > 0
            else None,
            self.tr("You can try again now."),
        )

    # -- internals
    def showEvent(self, e) -> None:  # noqa: N802
        super().showEvent(e)
        self.refresh_lockout()
        self.pin.setFocus()

    @Slot(str)
    def _on_submitted(self, pin: str) -> None:
        self._set_checking(True)
        auth = self.auth
        run_off_gui(self._tasks, lambda: auth.login(pin), self._on_result, self._on_error)

    def _set_checking(self, on: bool) -> None:
        self.checking = on
        self.pin.set_locked(on)
        if on:
            self.pin.set_message(self.tr("Checking…"), "hint")

    def _on_error(self, exc: BaseException) -> None:
        log.error("PIN check failed", exc_info=exc)
        self._set_checking(False)
        self.pin.set_message(self.tr("The PIN could not be checked. Try again, or call a manager."), "error")
        self.refresh_lockout()

    def _on_result(self, result: LoginResult) -> None:
        self._set_checking(False)
        if result.ok:
            assert result.member is not None
            self.pin.set_message(say_text(said(result.message)), "ok")
            self.logged_in.emit(result.member)
            return
        if result.status is LoginStatus.LOCKED:
            self.refresh_lockout()
        else:
            self.pin.set_message(say_text(said(result.message)), "error")
        self.login_failed.emit(result)


# Input that counts as "someone is using the till".
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleWatcher(QObject):
    """Application-wide event filter: any key, click, touch or mouse move counts as activity; after
    `policy.timeout_s` seconds without any, emits `idle_lock` once (until the next activity or
    `reset()`). `check()` can be called directly (tests with an injected clock)."""

    idle_lock = Signal()

    def __init__(
        self, policy: IdleLock, parent: QObject | None = None, *, check_interval_ms: int | None = None
    ):
        super().__init__(parent)
        self.policy = policy
        self._app: QApplication | None = None
        self._timer = QTimer(self)
        if check_interval_ms is None:
            # Check often enough to lock within ~1 s of the deadline, but not busily.
            check_interval_ms = 1000 if policy.timeout_s >= 4 else max(10, int(policy.timeout_s * 250))
        self._timer.setInterval(check_interval_ms)
        self._timer.timeout.connect(self.check)

    def install(self, app: QApplication) -> None:
        self._app = app
        app.installEventFilter(self)
        self.policy.touch()
        if self.policy.enabled:
            self._timer.start()

    def uninstall(self) -> None:
        self._timer.stop()
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def set_timeout(self, seconds: float) -> None:
        self.policy.timeout_s = seconds
        self.policy.touch()
        if self._app is not None and self.policy.enabled:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def reset(self) -> None:
        self.policy.touch()

    @Slot()
    def check(self) -> bool:
        if self.policy.fire():
            log.info("idle for %.0f s: locking the till", self.policy.idle_for())
            self.idle_lock.emit()
            return True
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY:
            self.policy.touch()
        return False


def render_screenshots(out_dir: str, *, size: tuple[int, int] = (1024, 768)) -> list[str]:
    """Render the login screen (plain, wrong PIN, locked out) and the override dialog in each theme."""
    from pathlib import Path

    from pos.staff import (
        Approvals,
        InMemoryStaffDirectory,
        OverrideRequest,
        Permission,
        PinLockout,
        authorise,
    )
    from ui.override import OverrideDialog
    from ui.theme import THEMES, apply_theme

    app = QApplication.instance() or QApplication(["omo-pos"])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    directory = InMemoryStaffDirectory.demo(scrypt_n=2**10)

    def clock() -> float:
        return 0.0  # time stands still, so the lockout stays on screen

    written: list[str] = []
    for theme in THEMES:
        apply_theme(app, theme, screen_height=size[1])
        auth = Authenticator(directory, lockout=PinLockout(clock=clock))
        screen = LoginScreen(auth, store_name="OMO Lisboa Chiado", till_id="T1")
        screen.resize(*size)
        screen.show()
        for d in "11":
            screen.pin.add_digit(d)
        app.processEvents()
        written.append(str(out / f"login-{theme}.png"))
        screen.grab().save(written[-1])
        for d in "1234":
            screen.pin.add_digit(d)
        screen.pin.submit()
        app.processEvents()
        written.append(str(out / f"login-wrong-pin-{theme}.png"))
        screen.grab().save(written[-1])
        for _ in range(4):
            for d in "1234":
                screen.pin.add_digit(d)
            screen.pin.submit()
        app.processEvents()
        written.append(str(out / f"login-locked-{theme}.png"))
        screen.grab().save(written[-1])
        screen.close()
        screen.deleteLater()

        ana = directory.get("S001")
        assert ana is not None
        req = OverrideRequest.from_authorisation(
            authorise(ana, Permission.DISCOUNT, amount_percent=25), subject="sale 0042, whole order"
        )
        dlg = OverrideDialog(req, Approvals(Authenticator(directory)))
        host = QWidget()
        host.setObjectName("overrideBackdrop")
        host.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        host.resize(*size)
        dlg.setParent(host, dlg.windowFlags() & ~Qt.WindowType.Window)
        host.show()
        dlg.show()
        dlg.move((size[0] - dlg.width()) // 2, (size[1] - dlg.height()) // 2)
        for d in "1111":
            dlg.pin.add_digit(d)
        dlg.pin.submit()  # a cashier's PIN: refused, explained
        app.processEvents()
        written.append(str(out / f"override-{theme}.png"))
        host.grab().save(written[-1])
        dlg.reject()
        host.close()
        host.deleteLater()
        app.processEvents()
    return written


if __name__ == "__main__":  # pragma: no cover
    import argparse

    p = argparse.ArgumentParser(description="render the staff screens to PNG")
    p.add_argument("--screenshots", default="docs/screenshots")
    args = p.parse_args()
    for f in render_screenshots(args.screenshots):
        print(f)
