"""The main window: the login screen at once, the shop's services opened behind it, then the workspaces.

Start-up order keeps the login screen within its budget whatever the catalog's size: the window and the
PIN pad need only Qt and the staff list (built once, `app.staff`); the journal (with its integrity check),
the catalog, the card reader and the demo world are opened on a worker thread and arrive by signal.

The shortcuts belong to the window, not to a page: after any question closes, or a click in a dock, every
F-key still works. Modal questions block the window's input while open, so a key cannot act twice.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from app.paths import Paths
from app.settings import Settings
from app.staff import StaffServices
from pos.staff import IdleLock, Permission, StaffMember
from ui.checkout_page import SHORTCUTS, CheckoutPage
from ui.docks import column_width
from ui.i18n import current_language
from ui.members_page import MembersPage
from ui.members_workspace import attach_members
from ui.qt import (
    QApplication,
    QDockWidget,
    QKeySequence,
    QLabel,
    QMainWindow,
    QShortcut,
    QStackedWidget,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from ui.statusbar import PosStatusBar
from ui.stock_page import StockPage
from ui.stock_workspace import attach_stock
from ui.taskman import TaskManager
from ui.workspaces import WorkspaceHost

log = logging.getLogger("ui")


class MainWindow(QMainWindow):
    # a staff member whose screen language is not this window's logged in: ui.gui builds the window again
    # in their language and hands it the open shop (Qt widgets take their words when they are built)
    language_wanted = Signal(object)

    def __init__(
        self,
        paths: Paths,
        settings: Settings,
        *,
        open_services: bool = True,
        staff_services: StaffServices | None = None,
    ) -> None:
        super().__init__()
        from ui.login import IdleWatcher, LoginScreen
        from ui.theme import apply_theme

        self.paths = paths
        self.settings = settings
        self.tasks = TaskManager()
        self.shop: Any = None
        self.sell: Any = None  # app.sell.SellService
        self.controller: Any = None  # ui.sell_presenter.SellPresenter
        self.monitor: Any = None  # app.status.TillMonitor
        self.started_at = time.monotonic()
        app = QApplication.instance()
        apply_theme(app, settings["ui.theme"])
        self.setWindowTitle(
            self.tr("OMO POS — {store} — till {till}").format(
                store=settings["store.name"], till=settings["till.id"]
            )
        )
        self.resize(1024, 768)

        # staff, PIN checks and approvals: built once here, before the login screen, and handed to the shop
        self.staff_services = staff_services or StaffServices.build(paths, settings)
        self.authenticator = self.staff_services.authenticator
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
        self.loading = QLabel(self.tr("Opening the till…"), self)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.workspaces = WorkspaceHost(self)
        self.page = CheckoutPage(self)
        self.workspaces.add("sell", self.tr("Sell"), self.page, Permission.SELL)
        from ui.till_page import TillPage

        self.till_page = TillPage(self)
        self.till_presenter: Any = None  # ui.till_presenter.TillPresenter
        self.workspaces.add(
            "till",
            self.tr("Till"),
            self.till_page,
            Permission.OPEN_TILL,
            Permission.CLOSE_TILL,
            Permission.REPORTS,
        )
        self.members_page = MembersPage(self)
        self.members_presenter: Any = None  # ui.members_presenter.MembersPresenter
        self.workspaces.add("members", self.tr("Members"), self.members_page, Permission.MEMBER_LOOKUP)
        from ui.returns_workspace import ReturnsWorkspace

        self.returns_ws = ReturnsWorkspace(self)
        self.workspaces.add(
            "returns",
            self.tr("Returns & pickups"),
            self.returns_ws.page,
            Permission.REFUND,
            Permission.PICKUP,
        )
        self.workspaces.changed.connect(lambda key: self.returns_ws.shown(key == "returns"))
        self.stock_page = StockPage(self)
        self.workspaces.add("stock", self.tr("Stock"), self.stock_page, Permission.SELL)
        self.stock: Any = None  # app.stock.StockService
        self.stock_presenter: Any = None  # ui.stock_presenter.StockPresenter
        self.stack.addWidget(self.workspaces)
        self.setCentralWidget(self.stack)
        self.status = PosStatusBar(self)
        self.setStatusBar(self.status)
        self.idle = IdleWatcher(IdleLock(settings["ui.idle_lock_s"]))
        self.idle.idle_lock.connect(self.lock)
        self.idle.install(app)
        self.wedge: Any = None
        self.camera_dock: Any = None
        self.receipt_dock: Any = None
        self.member: StaffMember | None = None
        self.startup_error = ""
        self._install_shortcuts()
        self.rounds: Any = None  # ui.status_presenter.StatusPresenter, once the shop is open
        if open_services:
            QTimer.singleShot(0, self._open_shop)

    def resizeEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(e)
        if getattr(self, "receipt_dock", None) is not None:  # the docks' column grows with the screen
            self.resizeDocks([self.receipt_dock], [column_width(self)], Qt.Orientation.Horizontal)

    # ------------------------------------------------------------------ shortcuts
    def _install_shortcuts(self) -> None:
        self._shortcuts: list[QShortcut] = []

        def add(keys: str, fn: Any) -> None:
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(fn)
            self._shortcuts.append(sc)

        for key, (keys, _help) in SHORTCUTS.items():
            add(keys, lambda k=key: self.on_shortcut(k))
        add("Escape", lambda: self.on_shortcut("escape"))
        for i in range(5):
            add(f"Alt+{i + 1}", lambda i=i: self._signed_in() and self.workspaces.open_index(i))
        add("Ctrl+Tab", lambda: self._signed_in() and self.workspaces.next())

    def _signed_in(self) -> bool:
        return self.controller is not None and self.stack.currentWidget() is self.workspaces

    def on_shortcut(self, key: str) -> None:
        """A shortcut of the Sell workspace, wherever the focus is in the window."""
        if key == "lock":
            if self._signed_in():
                self.lock()
            return
        if key == "stock" and self._signed_in() and self.workspaces.current == "stock":
            self.stock_presenter.on_action("refresh")
            return
        if self._signed_in() and self.workspaces.current == "returns":
            self.returns_ws.on_key(key)
            return
        if not self._signed_in() or self.workspaces.current != "sell":
            return
        if key == "escape":
            self.page.card_panel.escape()
            return
        self.page.trigger(key)

    # ------------------------------------------------------------------ start-up
    @Slot()
    def _open_shop(self) -> None:
        from app.shop import open_shop

        self._opening = self.tasks.run(
            "io",
            lambda: open_shop(self.paths, self.settings, self.staff_services),
            self.attach_shop,
            self._shop_failed,
        )

    def _shop_failed(self, exc: BaseException) -> None:
        from ui.presenter import said, say_text  # a setting's problem is said in the reader's language

        log.error("the till could not open: %s", exc)
        self.startup_error = str(exc)
        text = self.tr("The till cannot start:\n\n{error}\n\nNothing was changed. Call a manager.")
        self.loading.setText(text.format(error=say_text(said(exc))))
        self.loading.setWordWrap(True)
        self.stack.setCurrentWidget(self.loading)

    def attach_shop(self, shop: Any) -> None:
        """The services are open: wire the Sell workspace, bring back an open sale, start the devices."""
        from app.sell import SellService
        from app.status import TillMonitor
        from ui.checkout_page import SearchHit
        from ui.docks import CameraDock, ReceiptDock
        from ui.sell_presenter import SellPresenter
        from ui.wedge import WedgeFilter

        self.shop = shop
        self.sell = SellService(shop)
        self.monitor = TillMonitor(shop)
        self.controller = SellPresenter(self.sell, self.page, self.tasks, self, shop.approvals)
        self.controller.lock_requested.connect(self.lock)
        self.controller.receipt_ready.connect(self._show_receipt)
        attach_stock(self, shop)
        self.returns_ws.attach(shop, self.sell, self.tasks, self._show_receipt)
        from ui.till_presenter import TillPresenter

        self.till_presenter = TillPresenter(shop.till, self.till_page, self.tasks, self, shop.approvals)
        self.till_presenter.refresh()
        attach_members(self, shop)
        restored = shop.checkout.restore()
        fav = shop.catalog.search("a", 8)
        self.page.show_favourites([SearchHit(p.sku, p.name, shop.fmt(p.price)) for p in fav])
        self.controller.refresh()
        if restored:
            self.page.show_message(self.tr("The sale that was open when the till stopped is back. Carry on."))
        self.wedge = WedgeFilter(self)
        self.wedge.scanned.connect(self._on_scanned)
        self.wedge.partial_scan.connect(self._on_partial_scan)
        self.wedge.install(QApplication.instance())
        self.receipt_dock = ReceiptDock(self, shop.fmt)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.receipt_dock)
        self.receipt_view = self.receipt_dock.view
        self.receipt_button = self.receipt_dock.button
        self.controller.recall_last_sale()  # Reprint works after a restart; a sale recorded before it says so
        if shop.demo is not None:
            from ui.sim_panel import SimulatorPanel

            self.sim_panel = SimulatorPanel(shop.demo, self)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.sim_panel)
            self.tabifyDockWidget(self.receipt_dock, self.sim_panel)
        if shop.demo is not None or self.settings["camera.source"] != "none":
            self.camera_dock = CameraDock(self, shop, self.settings)
            self.camera = self.camera_dock.preview
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.camera_dock)
            self.tabifyDockWidget(getattr(self, "sim_panel", self.receipt_dock), self.camera_dock)
            self.camera.found.connect(self._on_scanned)
            self.camera.camera_error.connect(self._on_camera_error)
        if getattr(self, "sim_panel", None) is not None:
            self.sim_panel.raise_()
        if self.camera_dock is not None:
            self.camera_dock.start_if_shown()
        self.resizeDocks([self.receipt_dock], [column_width(self)], Qt.Orientation.Horizontal)
        self._set_docks_visible(self.stack.currentWidget() is self.workspaces)
        # Everything alive now lives for the whole shift: move it out of the cyclic collector's way so a
        # collection during a scan walks only what the shift itself allocates.
        import gc

        gc.collect()
        gc.freeze()
        from ui.status_presenter import StatusPresenter

        self.rounds = StatusPresenter(self, shop, self.monitor, self.tasks, lambda: self.controller.busy)
        self.rounds.settled.connect(self._reconciled)
        if self.member is not None:
            self._on_logged_in(self.member)

    def _reconciled(self, settled: list[Any]) -> None:
        recovered = [s for s in settled if s.recovered]
        if recovered:
            self.page.show_message(
                self.tr(
                    "%n card payments interrupted by a stop were settled with Stripe; "
                    "a manager will see them flagged.",
                    "",
                    len(recovered),
                )
            )
            self.shop.checkout.restore()
            self.controller.refresh()
            if self.shop.checkout.recovered_sale is not None:  # the sale on screen was the one settled
                self.controller.recall_last_sale()

    # ------------------------------------------------------------------ staff
    @Slot(object)
    def _on_logged_in(self, member: StaffMember) -> None:
        self.member = member
        if self.shop is None:
            self.stack.setCurrentWidget(self.loading)
            return
        from ui.i18n import language_for

        if language_for(self.staff_services, member, self.settings) != current_language():
            self.language_wanted.emit(member)
            return
        self.stack.setCurrentWidget(self.workspaces)
        self.workspaces.show_for(member)
        self.controller.set_staff(member)
        self.returns_ws.begin_shift(member)
        self._set_docks_visible(True)
        self.activateWindow()  # without a window manager nobody else does: the F-keys need an active window
        self.page.focus_scan()
        self.shop.till.begin_shift(member)
        self.shop.members.begin_shift(member)
        self.till_presenter.refresh()
        if (
            self.shop.demo is not None
            and self.shop.till.session_id is None
            and self.settings["till.demo_open_at_login"]
        ):
            self.tasks.run("io", lambda: self.shop.till.open_demo(member), self._demo_opened)

    def _demo_opened(self, result: Any) -> None:
        """The demo's first login opened the till with its float: say so on the Sell page (a manager
        corrects the float on the Till page)."""
        from ui.presenter import say_text

        self.till_presenter.refresh()
        key = self.workspaces.shortcut("till")  # a manager's page: a cashier has no key for it
        hint = self.tr("A manager can correct it on the Till page ({key}).") if key else ""
        hint = hint.format(key=key) or self.tr("A manager can correct it on the Till page.")
        if result.message:
            self.page.show_message(say_text(result.message) + " " + hint)

    @Slot()
    def lock(self) -> None:
        if self.controller is not None and self.controller.busy:
            return  # never lock in the middle of a payment
        if self.sell is not None:
            self.sell.end_shift()
            self.returns_ws.end_shift()
        self.page.show_message("")  # the next person does not read the last one's messages
        self.login.set_locked_by(self.member)
        self.login.reset()
        if self.shop is not None:
            self.shop.till.end_shift()
            self.shop.members.end_shift()
            from ui.presenter import say_text

            note = self.shop.till.unsynced_note()  # logging out with unsynced sales says so; sync goes on
            if note:
                self.login.pin.set_message(say_text(note), "warn")
        self.stack.setCurrentWidget(self.login)
        self._set_docks_visible(False)  # a locked till shows no receipt, member or camera

    def _set_docks_visible(self, visible: bool) -> None:
        for dock in self.findChildren(QDockWidget):
            dock.setVisible(visible)
        if visible and getattr(self, "receipt_dock", None) is not None:  # their titles' width is known now
            self.resizeDocks([self.receipt_dock], [column_width(self)], Qt.Orientation.Horizontal)

    @Slot(str)
    def _on_scanned(self, code: str) -> None:
        if self.controller is None or self.stack.currentWidget() is not self.workspaces:
            if self.stack.currentWidget() is self.login:
                self.login.pin.set_message(self.tr("Log in first, then scan again."), "error")
            return
        if QApplication.activeModalWidget() is not None:
            # a scan must not change a sale whose payment question is open: it would be charged the old total
            self.controller.say(
                self.tr("Finish or close the open window first, then scan again."), error=True
            )
            return
        if self.workspaces.current == "members":  # clienteling: a member's code opens their panel
            self.members_presenter.find(code)
            return
        if self.workspaces.current == "stock":  # an item to look up, or a reservation's QR to collect
            self.stock_presenter.on_code(code)
            return
        if self.workspaces.current == "returns" or self.returns_ws.wants(code):
            self.workspaces.open("returns")  # orders and receipts are taken back or handed over there
            self.returns_ws.on_code(code)
            return
        if self.workspaces.current != "sell":
            self.workspaces.open("sell")
        self.controller.on_code(code)

    @Slot(str)
    def _on_partial_scan(self, chars: str) -> None:
        if self.controller is not None and self.stack.currentWidget() is self.workspaces:
            if self.workspaces.current == "returns":
                self.returns_ws.partial_scan(chars)
                return
            self.controller.partial_scan(chars)

    @Slot(str)
    def _on_camera_error(self, text: str) -> None:
        if self.stack.currentWidget() is self.workspaces:
            self.page.show_message(text, error=True)

    @Slot(object)
    def _show_receipt(self, receipt: Any) -> None:
        self.receipt_dock.show_receipt(receipt)

    def open_receipt_dialog(self) -> Any:
        return self.receipt_dock.open_dialog()

    # ------------------------------------------------------------------ status
    def update_status(self) -> None:
        if self.rounds is not None:
            self.rounds.update_status()

    def _probe_reader(self) -> None:
        if self.rounds is not None:
            self.rounds.probe_reader()

    # ------------------------------------------------------------------ shutdown
    def shutdown(self) -> None:
        """Stop devices and workers, join their threads, close the journal last."""
        opening = getattr(self, "_opening", None)
        shop = self.detach()
        if shop is None and opening is not None and opening.done() and opening.exception() is None:
            opening.result().close()  # closed before the services finished opening: close them too
        if shop is not None:
            shop.close()

    def detach(self) -> Any:
        """Stop this window's devices, timers and workers and hand back the shop, still open (for a window
        in another language), or None."""
        if self.rounds is not None:
            self.rounds.stop()
        self.idle.uninstall()
        if self.wedge is not None:
            self.wedge.uninstall()
        if self.camera_dock is not None:
            self.camera_dock.stop()
        self.tasks.shutdown()
        if self.monitor is not None:
            self.monitor.close()
            self.monitor = None
        if self.stock is not None:
            self.stock.close()
            self.stock = None
        shop, self.shop = self.shop, None
        return shop
