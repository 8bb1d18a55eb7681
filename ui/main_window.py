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

        self.staff = InMemoryStaffDirectory.demo()
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
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(1000)
        self._status_timer.timeout.connect(self.update_status)
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

        self.tasks.run(
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
        if shop.demo is not None:
            self._add_demo_docks(shop)
        if shop.payments is not None:
            self.tasks.run("reader", self._reconcile_at_start, self._reconciled)
        self._status_timer.start()
        self.update_status()
        if self.member is not None:
            self._on_logged_in(self.member)

    def _reconcile_at_start(self) -> list[Any]:
        return self.shop.payments.reconcile(self.shop.recover_card_sale)

    def _reconciled(self, settled: list[Any]) -> None:
        recovered = [s for s in settled if s.recovered]
        if recovered:
            self.page.show_message(
                f"{len(recovered)} card payment(s) interrupted by a stop were settled with "
                "Stripe; a manager will see them flagged."
            )
            self.shop.checkout.restore()
            self.controller.refresh()

    def _add_receipt_dock(self) -> None:
        from ui.receipt_view import ReceiptView

        dock = QDockWidget("Last receipt", self)
        dock.setObjectName("receiptDock")
        self.receipt_view = ReceiptView(dock)
        from ui.qt import QScrollArea

        area = QScrollArea(dock)
        area.setWidget(self.receipt_view)
        area.setWidgetResizable(False)
        dock.setWidget(area)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.receipt_dock = dock

    def _add_demo_docks(self, shop: Any) -> None:
        from ui.camera_preview import CameraPreview
        from ui.sim_panel import SimulatorPanel

        panel = SimulatorPanel(shop.demo, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        self.sim_panel = panel
        self.tabifyDockWidget(self.receipt_dock, panel)
        cam_dock = QDockWidget("Camera", self)
        cam_dock.setObjectName("cameraDock")
        box = QWidget(cam_dock)
        lay = QVBoxLayout(box)
        self.camera = CameraPreview(box)
        self.camera.setMinimumSize(240, 180)
        lay.addWidget(self.camera)
        cam_dock.setWidget(box)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, cam_dock)
        self.tabifyDockWidget(panel, cam_dock)
        panel.raise_()
        self.camera.found.connect(self._on_scanned)
        self.camera.start(shop.demo.camera)

    # ------------------------------------------------------------------ staff
    @Slot(object)
    def _on_logged_in(self, member: StaffMember) -> None:
        self.member = member
        if self.shop is None:
            self.stack.setCurrentWidget(self.loading)
            return
        self.controller.set_staff(member)
        self.stack.setCurrentWidget(self.page)
        self.page.search.setFocus()

    @Slot()
    def lock(self) -> None:
        if self.controller is not None and self.controller.busy:
            return  # never lock in the middle of a payment
        self.login.set_locked_by(self.member)
        self.login.reset()
        self.stack.setCurrentWidget(self.login)

    @Slot(str)
    def _on_scanned(self, code: str) -> None:
        if self.controller is None or self.stack.currentWidget() is not self.page:
            return
        self.controller.on_code(code)

    @Slot(object)
    def _show_receipt(self, receipt: Any) -> None:
        self.receipt_view.set_receipt(receipt, self.shop.fmt)
        self.receipt_dock.show()
        self.receipt_dock.raise_()

    # ------------------------------------------------------------------ status
    @Slot()
    def update_status(self) -> None:
        shop = self.shop
        if shop is None:
            return
        from datetime import UTC, datetime

        from sync.store import outbox

        conn = shop.store.read_connection()
        try:
            st = outbox.stats(conn)
        finally:
            conn.close()
        oldest = None
        if st.oldest_created_at:
            oldest = (datetime.now(UTC) - datetime.fromisoformat(st.oldest_created_at)).total_seconds()
        printer = shop.printer.status()
        printer_text = ""
        if getattr(printer, "waiting", 0) or getattr(printer, "message", ""):
            printer_text = f"Printer: {printer.message or 'problem'}" + (
                f" — {printer.waiting} receipt(s) waiting" if printer.waiting else ""
            )
        engine = getattr(shop, "sync_engine", None)
        backend = "unknown"
        progress = None
        if engine is not None:
            snap = engine.snapshot()
            backend = snap.state
            progress = getattr(snap, "catalog_progress", None)
        self.status.show_status(
            StatusView(
                backend=backend,
                queue_depth=st.depth,
                oldest_unsynced_s=oldest,
                dead_letters=st.dead,
                stripe="disabled" if shop.payments is None else "reachable",
                reader="none" if shop.payments is None else "online",
                catalog_progress=progress,
                printer=printer_text,
            )
        )

    # ------------------------------------------------------------------ shutdown
    def shutdown(self) -> None:
        """Stop devices and workers, join their threads, close the journal last."""
        self._status_timer.stop()
        self.idle.uninstall()
        if self.wedge is not None:
            self.wedge.uninstall()
        if self.camera is not None:
            self.camera.stop()
        self.tasks.shutdown()
        if self.shop is not None:
            self.shop.close()
