"""Start the Qt application: the event loop, signal handling, and the main window."""

from __future__ import annotations

import logging
import signal
import socket
from typing import Any

from app.paths import Paths
from app.settings import Settings
from ui.qt import QApplication, QSocketNotifier, QTimer

log = logging.getLogger("ui")


class SignalWakeup:
    """Lets SIGINT/SIGTERM reach Python while Qt's C++ loop runs (after qutebrowser's crashsignal).

    Python only runs signal handlers between bytecodes; inside `app.exec()` that can take forever. The
    C-level handler writes a byte to a socket that Qt watches, which wakes the loop, and our handler
    then asks the application to quit cleanly (so threads are joined and the journal closed).
    """

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._rsock, self._wsock = socket.socketpair()
        self._rsock.setblocking(False)
        self._wsock.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._wsock.fileno())
        self._notifier = QSocketNotifier(self._rsock.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)
        self._old = {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}

    def _drain(self) -> None:
        try:
            self._rsock.recv(64)
        except BlockingIOError:
            pass

    def _on_signal(self, signum: int, _frame: object) -> None:
        log.info("signal %s received: shutting down", signal.Signals(signum).name)
        self._app.quit()

    def close(self) -> None:
        signal.set_wakeup_fd(self._old_fd)
        for s, handler in self._old.items():
            signal.signal(s, handler)
        self._notifier.setEnabled(False)
        self._rsock.close()
        self._wsock.close()


def in_language_of(member: Any, old: Any) -> Any:
    """Someone whose screen language is not the window's logged in (`MainWindow.language_wanted`): the
    same shop, its sale and its devices' state, in a window built in their language, with them logged in.
    The old window stops its workers and goes; the shop stays open."""
    from ui.i18n import language_for, set_language
    from ui.main_window import MainWindow

    app = QApplication.instance()
    set_language(app, language_for(old.staff_services, member, old.settings))
    shop = old.detach()
    window = MainWindow(old.paths, old.settings, open_services=False, staff_services=old.staff_services)
    window.setGeometry(old.geometry())
    window.member = member
    window.show()
    old.close()
    old.deleteLater()
    window.attach_shop(shop)  # logs `member` in
    window.returns_ws.take_over(old.returns_ws)  # an exchange in progress goes on there
    return window


def run_gui(
    paths: Paths, settings: Settings, *, exit_after_ms: int | None = None, screenshot: str | None = None
) -> int:
    app = QApplication.instance() or QApplication(["omo-pos"])
    app.setApplicationName("OMO POS")
    from ui.i18n import set_language, store_locale

    set_language(app, store_locale(settings))  # the store's language until someone logs in
    wakeup = SignalWakeup(app)
    from ui.main_window import MainWindow

    window = MainWindow(paths, settings)

    def relaunch(member: object) -> None:
        nonlocal window
        window = in_language_of(member, window)
        window.language_wanted.connect(relaunch)

    window.language_wanted.connect(relaunch)
    window.show()
    window.activateWindow()  # without a window manager (a kiosk till) X gives the keyboard to nobody
    if exit_after_ms is not None or screenshot:
        # Smoke runs (tests, the screenshot tour): draw, optionally save the window, then quit cleanly.
        def finish() -> None:
            if screenshot:
                window.grab().save(screenshot)
            app.quit()

        QTimer.singleShot(exit_after_ms if exit_after_ms is not None else 500, finish)
    try:
        return app.exec()
    finally:
        window.shutdown()
        wakeup.close()
