"""The screenshot tour: every screen of the till, in a realistic state, rendered to PNG.

    python -m ui.tour [--out docs/screenshots] [--size 1024x768] [--products 2000]

It opens the real `MainWindow` on the offscreen platform with the embedded demo shop (Stripe simulator,
generated catalog, member QR codes, phone camera) in a temporary data directory, and walks a cashier's
day through the real widgets: log in, scan a cart, attach a member by QR, discount a line, search, pay by
card (waiting, then declined), pay cash with change, look at the receipt, call a manager, use the demo
panel. Windows are captured with `window.grab()`, dialogs with `dialog.grab()`.

Modal dialogs run their own event loop, so the tour is a generator of steps driven by a timer (timers
fire inside nested loops too): each step does something and yields what it waits for.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pos.money import exponent
from ui.tour_cli import tour_cli

# (file stem, caption): every PNG the tour writes, in the order it writes them
SCREENS: tuple[tuple[str, str], ...] = (
    ("login", "Login: the staff PIN pad"),
    ("checkout", "Checkout: a 10-line cart, a member attached by QR, a line discount"),
    ("checkout-dark", "Checkout, dark theme"),
    ("checkout-high-contrast", "Checkout, high-contrast theme"),
    ("checkout-1920x1080", "Checkout at 1920×1080"),
    ("search", "Search as you type: the results list"),
    ("card-waiting", "Card payment: waiting for the customer's card"),
    ("card-declined", "Card payment: declined, the sale stays open"),
    ("cash-change", "Cash: quick amounts, the amount given and the change due"),
    ("receipt", "After the sale: the receipt dock"),
    ("override", "Manager approval (void a sale as a cashier)"),
    ("simulator", "Demo: the simulator panel (be the customer, the bank, the network)"),
    ("camera", "Demo: the camera dock, a member holding up the OMO app"),
    ("status-queue", "Status bar: sales waiting in the sync queue"),
)

DEFAULT_OUT = Path("docs/screenshots")
DEFAULT_PRODUCTS = 2_000
CART_LINES = 10
TICK_MS = 20


class TourError(RuntimeError):
    pass


def _tr(context: str, text: str) -> str:
    """A word of the window as the window shows it (the tour runs in any language)."""
    from ui.qt import QCoreApplication

    return QCoreApplication.translate(context, text)


@dataclass
class Wait:
    """What a step waits for before the tour goes on."""

    until: Callable[[], bool]
    what: str
    timeout_s: float = 30.0


def settle(ms: int = 150) -> Wait:
    """Let queued events, layouts and repaints happen (and timers such as the camera's run)."""
    end = time.monotonic() + ms / 1000
    return Wait(lambda: time.monotonic() >= end, f"{ms} ms to pass", ms / 1000 + 10)


def parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    try:
        size = int(w), int(h)
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1024x768, not {text!r}") from None
    if min(size) < 200:
        raise argparse.ArgumentTypeError("size must be at least 200x200")
    return size


class Tour:
    extra_settings: tuple[str, ...] = ()  # a tour of one workspace may need its own (ui/till_tour.py)

    def __init__(
        self, out: Path, *, size=(1024, 768), products=DEFAULT_PRODUCTS, language="", settings=(), only=None
    ):
        """`language`: the window's ("ja", "pseudo"; ui/language_tour.py), its screens saved as NAME-LANG.png;
        `settings`: more overrides (the store's country); `only`: the screens to save (default all)."""
        self.language, self.more_settings, self.only = language, settings, only
        self.suffix = f"-{language}" if language else ""
        self.out = Path(out)
        self.size = size
        self.products = products
        self.saved: list[Path] = []
        self.error: BaseException | None = None
        self.window: Any = None
        self._steps: Generator[Wait, None, None] | None = None
        self._wait: Wait | None = None
        self._wait_started = 0.0
        self._in_step = False
        self._sales = 0

    # ------------------------------------------------------------------ driver
    def run(self) -> list[Path]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from app import settings as settings_mod
        from app.paths import Paths
        from ui.main_window import MainWindow
        from ui.qt import QApplication, QEventLoop, QTimer

        app = QApplication.instance() or QApplication(["omo-pos-tour"])
        self.app = app
        if self.language:
            from ui.i18n import set_language

            set_language(app, self.language)
        self.out.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix="omo-pos-tour-"))
        try:
            settings = settings_mod.load(
                None,
                environ={},
                overrides=[
                    f"demo.products={self.products}",
                    "demo.auto_tap_s=0",  # the tour is the customer
                    "stripe.poll_interval_ms=50",
                    "ui.idle_lock_s=0",
                    "ui.theme=light",
                    *self.extra_settings,
                    *self.more_settings,
                ],
            )
            self.window = MainWindow(Paths.under(tmp / "shop"), settings)
            self.window.resize(*self.size)
            self.window.show()
            self.loop = QEventLoop()
            self._steps = self.steps()
            self._wait = Wait(lambda: True, "start")
            self._wait_started = time.monotonic()
            timer = QTimer()
            timer.setInterval(TICK_MS)
            timer.timeout.connect(self._tick)
            timer.start()
            self.loop.exec()
            timer.stop()
        finally:
            if self.window is not None:
                self._close_dialogs()
                self.window.close()
                self.window.shutdown()
                self._dispose(app)
            shutil.rmtree(tmp, ignore_errors=True)
        if self.error is not None:
            raise TourError(f"the tour stopped: {self.error}") from self.error
        return self.saved

    def _dispose(self, app: Any) -> None:
        """Delete the window's Qt objects now, on the GUI thread: left to the garbage collector they
        could be finalised on whichever thread triggers a collection (a crash inside Qt)."""
        import gc

        from ui.qt import QEvent

        self.window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        self.window = None
        self._steps = None
        gc.collect()

    def _tick(self) -> None:
        if self._in_step or self._steps is None or self._wait is None:
            return
        try:
            ready = self._wait.until()
        except Exception as e:  # a broken condition is a broken tour
            self._fail(e)
            return
        if not ready:
            if time.monotonic() - self._wait_started > self._wait.timeout_s:
                self._fail(TimeoutError(f"gave up waiting for {self._wait.what}"))
            return
        self._in_step = True
        try:
            self._wait = next(self._steps)
            self._wait_started = time.monotonic()
        except StopIteration:
            self._wait = None
            self.loop.quit()
        except BaseException as e:
            self._fail(e)
        finally:
            self._in_step = False

    def _fail(self, e: BaseException) -> None:
        self.error = e
        self._wait = None
        self._close_dialogs()
        self.loop.quit()

    def _close_dialogs(self) -> None:
        from ui.qt import QApplication, QDialog

        for w in QApplication.topLevelWidgets():
            if isinstance(w, QDialog) and w.isVisible():
                QDialog.done(w, 0)

    # ------------------------------------------------------------------ helpers
    def shot(self, name: str, widget: Any) -> Path:
        path = self.out / f"{name}{self.suffix}.png"
        if self.only is not None and name not in self.only:
            return path
        if not widget.grab().save(str(path)):
            raise TourError(f"could not save {path}")
        self.saved.append(path)
        return path

    def modal(self, kind: type) -> Any:
        from ui.qt import QApplication

        d = QApplication.activeModalWidget()
        return d if isinstance(d, kind) and d.isVisible() else None

    def type_text(self, widget: Any, text: str) -> Iterable[Wait]:
        """Type like a person (a key every 120 ms: the scanner detector sees typing, not a burst)."""
        from ui.qt import QApplication, QEvent, QKeyEvent, Qt

        for ch in text:
            key = Qt.Key(ord(ch.upper())) if ch.isalnum() else Qt.Key.Key_Space
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
            yield settle(120)

    def press(self, widget: Any, key_name: str) -> None:
        from ui.qt import QApplication, QEvent, QKeyEvent, Qt

        key = getattr(Qt.Key, key_name)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier))

    def barcodes(self, n: int, skip: int = 0) -> list[str]:
        conn = self.window.shop.store.read_connection()
        try:
            rows = conn.execute(
                "SELECT min(b.barcode) FROM barcodes b JOIN products p ON p.id = b.product_id "
                "WHERE p.active = 1 AND length(b.barcode) = 13 GROUP BY p.id "
                "ORDER BY p.popularity DESC, p.id LIMIT ? OFFSET ?",
                (n, skip),
            ).fetchall()
        finally:
            conn.close()
        return [r[0] for r in rows]

    def theme(self, name: str, height: int) -> None:
        from ui.theme import apply_theme

        apply_theme(self.app, name, screen_height=height)

    # ------------------------------------------------------------------ the tour
    def steps(self) -> Generator[Wait, None, None]:
        from pos.cart import Discount
        from ui.override import OverrideDialog
        from ui.qt import QDockWidget, QPushButton
        from ui.tender import CashDialog

        w = self.window
        yield Wait(lambda: w.shop is not None or bool(w.startup_error), "the shop to open", 180)
        if w.startup_error:
            raise TourError(w.startup_error)
        self.theme("light", self.size[1])
        yield settle(300)
        self.shot("login", w)

        # ---- log in as the demo cashier, as a person types the PIN
        yield from self.type_text(w.login.pin, "1111")
        self.press(w.login.pin, "Key_Return")
        yield Wait(lambda: w.stack.currentWidget() is w.workspaces, "the cashier to be logged in", 20)

        # ---- a realistic cart: 10 scans, one item ×3, a line discount, a member's app QR
        shop, co, ctl = w.shop, w.shop.checkout, w.controller
        for code in self.barcodes(CART_LINES):
            w.wedge.scanned.emit(code)
            yield settle(30)
        lines = co.cart.lines
        if len(lines) != CART_LINES:
            raise TourError(f"the cart has {len(lines)} lines after {CART_LINES} scans")
        w.sell.set_quantity(lines[2].line_id, 3)
        w.sell.discount_line(lines[5].line_id, Discount.of_percent(Decimal(10)))
        ctl.refresh()
        member = shop.demo.member_list[0]
        w.wedge.scanned.emit(shop.demo.member_qr(member.member_no))
        yield Wait(
            lambda: co.member is not None and bool(co.member.name), "the member's details from the backend"
        )
        said = _tr("app", "{name} ({tier}) attached to this sale.")
        ctl.say(said.format(name=member.name, tier=ctl.tier(member.tier)))
        yield settle()
        self.shot("checkout", w)

        for name in ("dark", "high-contrast"):
            self.theme(name, self.size[1])
            yield settle(300)
            self.shot(f"checkout-{name}", w)
        w.resize(1920, 1080)
        self.theme("light", 1080)
        yield settle(400)
        self.shot("checkout-1920x1080", w)
        w.resize(*self.size)
        self.theme("light", self.size[1])
        yield settle(300)

        # ---- search as you type
        w.page.search.setFocus()
        yield from self.type_text(w.page.search, "alpen")
        yield Wait(lambda: w.page.results.isVisible() and w.page.results.count() > 0, "search results")
        yield settle()
        self.shot("search", w)
        w.page.search.clear()
        w.page.show_results([])

        # ---- card: waiting for the card, then the bank declines it
        from ui.qt import QTimer

        sim = shop.demo.stripe
        panel = w.page.card_panel
        QTimer.singleShot(0, lambda: ctl.on_action("card"))
        waiting = _tr("CardPanel", "Ask the customer to tap, insert or swipe their card")[:8]
        yield Wait(
            lambda: (
                panel.running and panel.state.text().startswith(waiting) and sim.pending_reader() is not None
            ),
            "the reader to wait for a card",
        )
        yield settle()
        self.shot("card-waiting", w)
        shop.demo.decline()
        yield Wait(lambda: panel.final_state == "declined", "the decline to reach the card panel")
        yield settle()
        self.shot("card-declined", w)
        panel.close_button.click()
        yield Wait(lambda: not panel.isVisible() and not ctl.busy, "the card panel to close")

        # ---- cash with change, then the receipt
        done: list[Any] = []
        ctl.sale_completed.connect(done.append)
        QTimer.singleShot(0, lambda: ctl.on_action("cash"))
        yield Wait(lambda: self.modal(CashDialog) is not None, "the cash dialog")
        cash = self.modal(CashDialog)
        unit = 10 ** exponent(shop.config.currency)
        note = 50 * unit if unit > 1 else 10_000  # the next €50 (or ¥10,000) note above the amount due
        given = (cash.due // note + 1) * note
        cash.entry.setFocus()
        yield from self.type_text(cash.entry, f"{given // unit}")
        yield settle()
        if not cash.change.text().startswith(_tr("CashDialog", "Change: {amount}").partition("{")[0]):
            raise TourError(f"the cash dialog shows {cash.change.text()!r}, not the change due")
        self.shot("cash-change", cash)
        cash._confirm()
        yield Wait(lambda: bool(done) and w.receipt_view.receipt is not None, "the sale to be committed")
        w.receipt_dock.raise_()
        yield settle(300)
        self.shot("receipt", w)

        # ---- a manager override: a cashier voids a sale
        for code in self.barcodes(3, skip=CART_LINES):
            w.wedge.scanned.emit(code)
        yield settle()
        QTimer.singleShot(0, lambda: ctl.on_action("void"))
        yield Wait(lambda: self.modal(OverrideDialog) is not None, "the manager approval dialog")
        yield settle()
        self.shot("override", self.modal(OverrideDialog))
        self.modal(OverrideDialog).reject()
        yield Wait(lambda: self.modal(OverrideDialog) is None, "the approval dialog to close")

        # ---- the demo panel, then the camera dock: a member holds up their phone
        w.sim_panel.show()
        w.sim_panel.raise_()
        w.sim_panel.member.setCurrentIndex(2)
        yield settle(300)
        for b in w.sim_panel.findChildren(QPushButton):
            if b.text() == _tr("SimulatorPanel", "Member's phone"):
                b.click()
        yield settle(200)
        self.shot("simulator", w)
        cam_dock = w.findChild(QDockWidget, "cameraDock")
        cam_dock.show()
        cam_dock.raise_()
        frames = w.camera.frames_shown
        yield Wait(lambda: w.camera.frames_shown > frames + 5, "the camera to show the phone")
        yield Wait(lambda: co.member is not None, "the camera to read the member's QR", 20)
        yield settle(300)
        self.shot("camera", w)

        # ---- the status bar with sales in the queue: the backend is offline, a second sale waits
        w.sim_panel.offline.setChecked(True)
        while len(done) < 2:  # offline, the member's coupons cannot be checked: they come off, pay again
            QTimer.singleShot(0, lambda: ctl.on_action("cash"))
            yield Wait(lambda: self.modal(CashDialog) is not None, "the cash dialog")
            cash = self.modal(CashDialog)
            cash.entry.setText(f"{(cash.due // (20 * unit) + 1) * 20}")
            w.page.show_message("")
            cash._confirm()
            yield Wait(lambda: len(done) == 2 or w.page.message.property("error") is True, "the cash payment")
        yield Wait(lambda: len(done) == 2, "the second sale to be committed")
        w.receipt_dock.raise_()
        w.update_status()
        yield settle(300)
        self.shot("status-queue", w)


def run_tour(
    out: Path | str = DEFAULT_OUT, *, size: tuple[int, int] = (1024, 768), products: int = DEFAULT_PRODUCTS
):
    """Render every screen to `out`; returns the PNG paths written (see `SCREENS`)."""
    return Tour(Path(out), size=size, products=products).run()


main = tour_cli(
    "ui.tour",
    "Render every screen of the till to PNG.",
    lambda args: run_tour(args.out, size=args.size, products=args.products),
    options=lambda p: p.add_argument(
        "--products", type=int, default=DEFAULT_PRODUCTS, help="demo catalog size (default 2000)"
    ),
)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
