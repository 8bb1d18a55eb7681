"""The main window: the login screen at once, the shop's services opened behind it, then the checkout.

Start-up order keeps the login screen within its budget whatever the catalog's size: the window and the
PIN pad need only Qt and the staff list; the journal (with its integrity check), the catalog, the card
reader and the demo world are opened on a worker thread and arrive by signal.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from pos.staff import Authenticator, IdleLock, InMemoryStaffDirectory, PinLockout, StaffMember, audit_via
from ui.checkout_page import CheckoutPage
from ui.paths import Paths
from ui.qt import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Slot,
)
from ui.settings import Settings
from ui.statusbar import PosStatusBar, StatusView
from ui.taskman import TaskManager

log = logging.getLogger("ui")


def load_staff(paths: Paths, settings: Settings) -> InMemoryStaffDirectory:
    """The demo's staff, or in a live shop the staff file `staff.json` in the config directory: a list of
    {"id", "name", "role", "pin_hash"} (scrypt hashes from `pos.staff.hash_pin`, never PINs). A live till
    without it starts with nobody able to log in, and says so, rather than with the demo's PINs."""
    import json

    from pos.staff import StaffMember, StaffRecord

    if settings["mode"] == "demo":
        return InMemoryStaffDirectory.demo()
    path = paths.config / "staff.json"
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return InMemoryStaffDirectory.from_records(
            StaffRecord(StaffMember(r["id"], r["name"], r["role"]), r["pin_hash"]) for r in rows
        )
    except FileNotFoundError:
        log.error("no staff file at %s: nobody can log in", path)
    except (ValueError, KeyError, TypeError) as e:
        log.error("staff file %s unusable: %s", path, e)
    return InMemoryStaffDirectory.from_records([])


def camera_source(settings: Settings) -> Any:
    """`camera.source`: auto (the first webcam), a device index, a video file, an image glob, or synthetic."""
    from hardware.camera import sources

    value = settings["camera.source"]
    size = dict(width=settings["camera.width"], height=settings["camera.height"], fps=settings["camera.fps"])
    if value in ("auto", ""):
        return sources.DeviceSource(0, **size)
    if value.isdigit():
        return sources.DeviceSource(int(value), **size)
    if value == "synthetic":
        return sources.SyntheticSource(["OMO:ORDER:0"], size=(size["width"], size["height"]))
    if any(ch in value for ch in "*?["):
        return sources.ImageSequenceSource(value, fps=settings["camera.fps"])
    return sources.VideoFileSource(value, loop=True)


class MainWindow(QMainWindow):
    def __init__(self, paths: Paths, settings: Settings, *, open_services: bool = True) -> None:
        super().__init__()
        from ui.login import IdleWatcher, LoginScreen
        from ui.theme import apply_theme

        self.paths = paths
        self.settings = settings
        self.tasks = TaskManager()
        self.shop: Any = None
        self.controller: Any = None
        self.started_at = time.monotonic()
        self._pending_audit: list[tuple[str, str | None, dict]] = []
        app = QApplication.instance()
        apply_theme(app, settings["ui.theme"])
        self.setWindowTitle(f"OMO POS — {settings['store.name']} — till {settings['till.id']}")
        self.resize(1024, 768)

        self.staff = load_staff(paths, settings)
        self.authenticator = Authenticator(self.staff, lockout=PinLockout(), audit=audit_via(self._audit))
        self.stack = QStackedWidget(self)
        self.login = LoginScreen(
            self.authenticator,
            self,
            store_name=settings["store.name"],
            till_id=settings["till.id"],
            tasks=self.tasks,
        )
        self.login.logged_in.connect(self._on_logged_in)
        self.stack.addWidget(self.login)
        self.loading = QLabel("Opening the till…", self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.page = CheckoutPage(self)
        self.stack.addWidget(self.page)
        self.setCentralWidget(self.stack)
        self.status = PosStatusBar(self)
        self.setStatusBar(self.status)
        self.idle = IdleWatcher(IdleLock(settings["ui.idle_lock_s"]))
        self.idle.idle_lock.connect(self.lock)
        self.idle.install(app)
        self.wedge: Any = None
        self.camera: Any = None
        self.member: StaffMember | None = None
        self.startup_error = ""
        self._status_conn: Any = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self.update_status)
        # What the status bar says about Stripe and the reader is what the last probe saw, and no older
        # than PROBE_STALE_S: otherwise "unknown".
        # WAL checkpoints run when the till is quiet, never inside a sale's commit
        self._checkpoint_timer = QTimer(self)
        self._checkpoint_timer.setInterval(60_000)
        self._checkpoint_timer.timeout.connect(self._checkpoint)
        # the reconciler also runs every minute (serially with payments, on the reader's thread): it
        # retries outstanding captures and settles attempts a lost answer left open
        self._reconcile_timer = QTimer(self)
        self._reconcile_timer.setInterval(60_000)
        self._reconcile_timer.timeout.connect(self._reconcile_periodically)
        self._probe_timer = QTimer(self)
        self._probe_timer.setInterval(10_000)
        self._probe_timer.timeout.connect(self._probe_reader)
        self._probing = False
        self._stripe_state = "unknown"
        self._reader_state = "unknown"
        self._probe_at = 0.0
        if open_services:
            QTimer.singleShot(0, self._open_shop)

    # ------------------------------------------------------------------ start-up
    def _audit(self, action: str, actor: str | None, details: dict | None = None) -> None:
        if self.shop is not None:
            self.shop.journal.audit(action, actor, details)
        else:
            self._pending_audit.append((action, actor, dict(details or {})))

    @Slot()
    def _open_shop(self) -> None:
        from ui.shop import open_shop

        self._opening = self.tasks.run(
            "io", lambda: open_shop(self.paths, self.settings), self.attach_shop, self._shop_failed
        )

    def _shop_failed(self, exc: BaseException) -> None:
        log.error("the till could not open: %s", exc)
        self.startup_error = str(exc)
        self.loading.setText(f"The till cannot start:\n\n{exc}\n\nNothing was changed. Call a manager.")
        self.loading.setWordWrap(True)
        self.stack.setCurrentWidget(self.loading)

    def attach_shop(self, shop: Any) -> None:
        """The services are open: wire the checkout, bring back an unfinished sale, start the devices."""
        from ui.controller import CheckoutController
        from ui.wedge import WedgeFilter

        self.shop = shop
        for entry in self._pending_audit:
            shop.journal.audit(*entry)
        self._pending_audit.clear()
        shop.authenticator = self.authenticator
        self.controller = CheckoutController(shop, self.page, self.tasks, self)
        self.controller.lock_requested.connect(self.lock)
        self.controller.receipt_ready.connect(self._show_receipt)
        restored = shop.checkout.restore()
        fav = shop.catalog.search("a", 9)
        from ui.checkout_page import SearchHit

        self.page.show_favourites([SearchHit(p.sku, p.name, shop.fmt(p.price)) for p in fav])
        self.controller.refresh()
        if restored:
            self.page.show_message("The sale that was open when the till stopped is back. Carry on.")
        self.wedge = WedgeFilter(self)
        self.wedge.scanned.connect(self._on_scanned)
        self.wedge.install(QApplication.instance())
        self._add_receipt_dock()
        self.controller.recall_last_sale()  # Reprint works after a restart; a sale recorded before it says so
        if shop.demo is not None:
            self._add_demo_docks(shop)
        if shop.demo is not None or self.settings["camera.source"] != "none":
            self._add_camera_dock(shop)
        # the cart keeps most of the width; docks are tabbed in a narrow column
        self.resizeDocks([self.receipt_dock], [max(250, self.width() // 4)], Qt.Orientation.Horizontal)
        self._set_docks_visible(self.stack.currentWidget() is self.page)
        if shop.payments is not None:
            self.tasks.run("reader", self._reconcile_at_start, self._reconciled)
        # Everything alive now lives for the whole shift: move it out of the cyclic collector's way so a
        # collection during a scan walks only what the shift itself allocates.
        import gc

        gc.collect()
        gc.freeze()
        self._status_timer.start()
        self._checkpoint_timer.start()
        if shop.payments is None:
            self.page.set_card_available(False, shop.card_error)
        else:
            self._probe_timer.start()
            self._probe_reader()
            self._reconcile_timer.start()
        self.update_status()
        if self.member is not None:
            self._on_logged_in(self.member)

    def _reconcile_at_start(self) -> list[Any]:
        return self.shop.payments.reconcile(self.shop.recover_card_sale)

    @Slot()
    def _reconcile_periodically(self) -> None:
        if self.shop is None or self.shop.payments is None or self.controller.busy:
            return
        payments = self.shop.payments
        self.tasks.run(
            "reader",
            lambda: payments.reconcile(self.shop.recover_card_sale, min_age=120.0),
            self._reconciled,
            lambda e: log.warning("periodic reconciliation failed: %s", e),
        )

    def _reconciled(self, settled: list[Any]) -> None:
        recovered = [s for s in settled if s.recovered]
        if recovered:
            self.page.show_message(
                f"{len(recovered)} card payment(s) interrupted by a stop were settled with "
                "Stripe; a manager will see them flagged."
            )
            self.shop.checkout.restore()
            self.controller.refresh()
            if self.shop.checkout.recovered_sale is not None:  # the sale on screen was the one settled
                self.controller.recall_last_sale()

    def _add_receipt_dock(self) -> None:
        from ui.qt import QPushButton, QScrollArea
        from ui.receipt_view import ReceiptView

        dock = QDockWidget("Last receipt", self)
        dock.setObjectName("receiptDock")
        box = QWidget(dock)
        lay = QVBoxLayout(box)
        self.receipt_view = ReceiptView(box, fit_width=True)
        area = QScrollArea(box)
        area.setWidget(self.receipt_view)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(area, 1)
        self.receipt_button = QPushButton("Print or save as PDF…", box)
        self.receipt_button.setMinimumHeight(44)
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.open_receipt_dialog)
        lay.addWidget(self.receipt_button)
        dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.receipt_dock = dock

    def open_receipt_dialog(self) -> Any:
        """The last receipt on any system printer, or as a PDF (Qt print support)."""
        from ui.receipt_view import ReceiptDialog

        receipt = self.receipt_view.receipt
        if receipt is None:
            return None
        dlg = ReceiptDialog(receipt, format_amount=self.shop.fmt, parent=self)
        dlg.open()
        return dlg

    def _add_demo_docks(self, shop: Any) -> None:
        from ui.sim_panel import SimulatorPanel

        panel = SimulatorPanel(shop.demo, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        self.sim_panel = panel
        self.tabifyDockWidget(self.receipt_dock, panel)
        panel.raise_()

    def _add_camera_dock(self, shop: Any) -> None:
        """The member-QR camera, for associates: the demo's phone camera or the configured webcam."""
        from hardware.camera.pipeline import DecodePipeline
        from ui.camera_preview import CameraPreview

        cam_dock = QDockWidget("Camera", self)
        cam_dock.setObjectName("cameraDock")
        box = QWidget(cam_dock)
        lay = QVBoxLayout(box)
        self.camera = CameraPreview(box)
        self.camera.setMinimumSize(240, 180)
        lay.addWidget(self.camera)
        cam_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, cam_dock)
        if getattr(self, "sim_panel", None) is not None:
            self.tabifyDockWidget(self.sim_panel, cam_dock)
            self.sim_panel.raise_()
        self.camera.found.connect(self._on_scanned)
        self.camera.camera_error.connect(self._on_camera_error)
        spec = self.settings["camera.decoders"]
        stages = None if spec == "auto" else tuple(x.strip() for x in spec.split(",") if x.strip())
        source = shop.demo.camera if shop.demo is not None else camera_source(self.settings)
        pipeline = (lambda: DecodePipeline.from_specs(stages)) if stages else DecodePipeline.from_specs
        self._camera_args = (source, pipeline)
        self.camera_dock = cam_dock
        # the camera runs only while its dock is on screen: decoding frames nobody looks at would take
        # CPU from the cashier's scans on a 2-core till
        cam_dock.visibilityChanged.connect(self._camera_visible)
        self._camera_visible(cam_dock.isVisible() and not cam_dock.visibleRegion().isEmpty())

    @Slot(bool)
    def _camera_visible(self, visible: bool) -> None:
        if self.camera is None:
            return
        if visible and self.camera.worker is None:
            self.camera.start(*self._camera_args)
        elif not visible and self.camera.worker is not None:
            self.camera.stop()

    @Slot(str)
    def _on_camera_error(self, text: str) -> None:
        if self.stack.currentWidget() is self.page:
            self.page.show_message(text, error=True)

    # ------------------------------------------------------------------ staff
    @Slot(object)
    def _on_logged_in(self, member: StaffMember) -> None:
        self.member = member
        if self.shop is None:
            self.stack.setCurrentWidget(self.loading)
            return
        self.controller.set_staff(member)
        self.stack.setCurrentWidget(self.page)
        self._set_docks_visible(True)
        self.page.search.setFocus()

    @Slot()
    def lock(self) -> None:
        if self.controller is not None and self.controller.busy:
            return  # never lock in the middle of a payment
        self.login.set_locked_by(self.member)
        self.login.reset()
        self.stack.setCurrentWidget(self.login)
        self._set_docks_visible(False)  # a locked till shows no receipt, member or camera

    def _set_docks_visible(self, visible: bool) -> None:
        for dock in self.findChildren(QDockWidget):
            dock.setVisible(visible)

    @Slot(str)
    def _on_scanned(self, code: str) -> None:
        if self.controller is None or self.stack.currentWidget() is not self.page:
            return
        if QApplication.activeModalWidget() is not None:
            # a scan must not change a sale whose payment dialog is open: it would be charged the old total
            self.controller.say("Finish or close the open window first, then scan again.", error=True)
            return
        self.controller.on_code(code)

    @Slot(object)
    def _show_receipt(self, receipt: Any) -> None:
        self.receipt_view.set_receipt(receipt, self.shop.fmt)
        self.receipt_button.setEnabled(True)
        self.receipt_dock.show()
        self.receipt_dock.raise_()

    @Slot()
    def _checkpoint(self) -> None:
        if self.shop is not None and not self.controller.busy:
            self.tasks.watch(self.shop.store.checkpoint(), None, lambda e: log.warning("checkpoint: %s", e))

    # ------------------------------------------------------------------ status
    PROBE_STALE_S = 35.0

    @Slot()
    def _probe_reader(self) -> None:
        """Ask Stripe for the reader (on the reader's thread, never during a payment)."""
        if self.shop is None or self.shop.terminal is None or self._probing or self.controller.busy:
            return
        self._probing = True
        self.tasks.run("reader", self.shop.terminal.retrieve_reader, self._probed, self._probe_failed)

    def _probed(self, view: Any) -> None:
        self._probing = False
        self._probe_at = time.monotonic()
        self._stripe_state = "reachable"
        action = getattr(view, "action", None)
        self._reader_state = (
            "busy" if action is not None and action.status == "in_progress" else (view.status or "unknown")
        )
        self.page.set_card_available(True)
        self.update_status()

    def _probe_failed(self, exc: BaseException) -> None:
        from pos.payment import TerminalConfigError, TerminalUnavailable

        self._probing = False
        self._probe_at = time.monotonic()
        self._reader_state = "unknown"
        if isinstance(exc, TerminalUnavailable):
            self._stripe_state = "unreachable"
            self.page.set_card_available(False, "Stripe cannot be reached: card payments are off. Take cash.")
        elif isinstance(exc, TerminalConfigError):  # e.g. the paired reader was deleted: say what to do
            self._stripe_state = "reachable"
            self.page.set_card_available(False, exc.message)
        else:
            self._stripe_state = "unknown"
            log.warning("reader probe failed: %s", exc)
        self.update_status()

    @Slot()
    def update_status(self) -> None:
        shop = self.shop
        if shop is None:
            return
        from datetime import UTC, datetime

        from sync.store import outbox

        if (
            self._status_conn is None
        ):  # one read-only connection for the once-a-second status, not one each time
            self._status_conn = shop.store.read_connection()
        st = outbox.stats(self._status_conn)
        oldest = None
        if st.oldest_created_at:
            oldest = (datetime.now(UTC) - datetime.fromisoformat(st.oldest_created_at)).total_seconds()
        printer = shop.printer.status()
        printer_text = ""
        if getattr(printer, "waiting", 0) or getattr(printer, "message", ""):
            printer_text = f"Printer: {printer.message or 'problem'}" + (
                f" — {printer.waiting} receipt(s) waiting" if printer.waiting else ""
            )
        fresh = time.monotonic() - self._probe_at < self.PROBE_STALE_S
        engine = shop.sync_engine
        backend = "not configured"
        progress = None
        if engine is not None:
            snap = engine.snapshot()
            backend = snap.state
            progress = snap.catalog_progress if snap.catalog_done is not None else None
            shop.refresh_member_keys()
        self.status.show_status(
            StatusView(
                backend=backend,
                queue_depth=st.depth,
                oldest_unsynced_s=oldest,
                dead_letters=st.dead,
                stripe="disabled" if shop.payments is None else (self._stripe_state if fresh else "unknown"),
                reader="none" if shop.payments is None else (self._reader_state if fresh else "unknown"),
                catalog_progress=progress,
                printer=printer_text,
            )
        )

    # ------------------------------------------------------------------ shutdown
    def shutdown(self) -> None:
        """Stop devices and workers, join their threads, close the journal last."""
        self._status_timer.stop()
        self._checkpoint_timer.stop()
        self._reconcile_timer.stop()
        self._probe_timer.stop()
        self.idle.uninstall()
        if self.wedge is not None:
            self.wedge.uninstall()
        if self.camera is not None:
            self.camera.stop()
        self.tasks.shutdown()
        if self._status_conn is not None:
            self._status_conn.close()
            self._status_conn = None
        opening = getattr(self, "_opening", None)
        if self.shop is None and opening is not None and opening.done() and opening.exception() is None:
            opening.result().close()  # closed before the services finished opening: close them too
        if self.shop is not None:
            self.shop.close()
