"""The Returns & pickups workspace: two tabs, Returns (this file's `ReturnsPanel`) and Pickups
(`ui.pickups_page`). Keyboard first: the scan field takes scans and typed numbers, F-keys act.

The panel holds no retail rule. It shows plain snapshots (`ReturnRow`, `ReturnSummary`) that the
presenter gives it and reports what the person asked for through signals.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.returns import REASONS  # why a line comes back (the "app" context); the field takes text too
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QEvent,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    QShortcut,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import TOUCH, repolish

C = "ReturnsPanel"
# (action, label, key): the buttons, with the window's keys that reach them on this page
ACTIONS = (
    ("original", QT_TRANSLATE_NOOP(C, "Refund to payment"), "F9"),
    ("store_credit", QT_TRANSLATE_NOOP(C, "Store credit"), "F10"),
    ("exchange", QT_TRANSLATE_NOOP(C, "Exchange"), "F11"),
    ("check", QT_TRANSLATE_NOOP(C, "Check customer"), "F4"),
    ("no_receipt", QT_TRANSLATE_NOOP(C, "No receipt"), "F6"),
    ("clear", QT_TRANSLATE_NOOP(C, "Clear"), "Esc"),
)
# the window's shortcut names (the Sell page's) -> this page's action
KEYS = {
    "card": "original",
    "cash": "store_credit",
    "split": "exchange",
    "quantity": "check",
    "suspend": "no_receipt",
    "escape": "clear",
    "search": "search",
}


@dataclass(frozen=True)
class ReturnRow:
    line_no: int
    item: str  # name and sku
    bought: int
    returned: int
    returnable: int
    paid: str  # what the whole line paid
    picked: int
    reason: str
    resell: bool


@dataclass(frozen=True)
class ReturnSummary:
    title: str = ""  # the original: what, when, who, how it was paid
    refund: str = ""  # "Refund €33.19 (tax €6.20)"
    parts: tuple[str, ...] = ()  # "Card pi_…: €33.19", "Points: −33"
    check: str = ""  # the customer check, when one is needed
    checked: bool = False
    problem: str = ""


class Choice(QComboBox):
    """An editable choice in a table row (a reason): pick from the list or type; when the list closes the
    keyboard goes back to the table, so the next row is a Down away."""

    def __init__(self, table: QTableWidget, items: list[str]) -> None:
        super().__init__(table)
        self.table = table
        self.setEditable(True)
        self.addItems(items)

    def hidePopup(self) -> None:  # noqa: N802 (Qt name)
        super().hidePopup()
        QTimer.singleShot(0, self.table, self._back_to_rows)

    def _back_to_rows(self) -> None:
        # without a window manager (and offscreen) nobody gives the window back its activation when the list
        # closes: the keys would go to the closed list
        self.table.window().activateWindow()
        self.table.setCurrentCell(max(self.table.currentRow(), 0), 0)  # off the choice: Down moves rows
        self.table.setFocus(Qt.FocusReason.PopupFocusReason)


class RowKeys(QObject):
    """Keyboard editing of a table whose rows hold a quantity (spin box), a choice (combo box) and maybe a
    check box: + / − or a digit set the quantity of the current row, Space toggles the check box, Enter
    opens the choice. Up and Down move between rows as usual."""

    def __init__(self, table: QTableWidget, *, spin: int, choice: int, check: int | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.columns = (spin, choice, check)
        table.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if obj is not self.table or not self.table.rowCount():
            return False
        if event.type() == QEvent.Type.FocusIn and self.table.currentRow() < 0:
            self.table.setCurrentCell(0, 0)  # the keyboard arrives on the first row, shown selected
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        row = max(self.table.currentRow(), 0)
        spin_col, choice_col, check_col = self.columns
        spin = self.table.cellWidget(row, spin_col)
        key, text = event.key(), event.text()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Right):
            spin.setValue(spin.value() + 1)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Left):
            spin.setValue(spin.value() - 1)
        elif text.isdigit() and len(text) == 1:
            spin.setValue(int(text))
        elif key == Qt.Key.Key_Space and check_col is not None:
            box = self.table.cellWidget(row, check_col)
            box.setChecked(not box.isChecked())
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            combo = self.table.cellWidget(row, choice_col)
            combo.setFocus()
            combo.showPopup()  # a Choice: when its list closes, the keyboard goes back to the rows
        else:
            return False
        if key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # the current cell stays on the item, never on a row's own widget: Up and Down then move rows
            # (a current cell on a widget hands that widget the keyboard)
            self.table.setCurrentCell(row, 0)
        return True


class ReturnsPanel(QWidget):
    find_requested = Signal(str)
    pick_changed = Signal(int, int, str, bool)  # line_no, qty, reason, resell
    action = Signal(str)  # one of ACTIONS' keys
    waiting_action = Signal(str, str)  # (return_uuid, "resume" | "credit" | "cash" | "give_up")
    exchange_action = Signal(str)  # "complete_original" | "complete_credit" | "cancel"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("returns")
        self._filling = False
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.scan = QLineEdit(self)
        self.scan.setObjectName("returnScan")
        self.scan.setPlaceholderText(self.tr("Scan the order or receipt QR, or type its number (F2)"))
        self.scan.setMinimumHeight(TOUCH)
        self.scan.setClearButtonEnabled(True)
        self.scan.returnPressed.connect(self._on_scan)
        top.addWidget(self.scan, 1)
        find = QPushButton(self.tr("Find"), self)
        find.setMinimumHeight(TOUCH)
        find.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        find.clicked.connect(self._on_scan)
        top.addWidget(find)
        lay.addLayout(top)
        self.prompt = self.tr("Scan the order's QR code (e-mail or app), a receipt, or a member's app.")
        self.title = QLabel(self.prompt, self)
        self.title.setObjectName("returnTitle")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.check = QLabel("", self)
        self.check.setObjectName("returnCheck")
        self.check.setWordWrap(True)
        lay.addWidget(self.check)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Bought"),
                self.tr("Left"),
                self.tr("Take back"),
                self.tr("Reason"),
                self.tr("Resell"),
            ]
        )
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3, 5):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        hh.resizeSection(4, 170)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(TOUCH)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(
            self.tr("+ / − or a digit: how many come back · Space: resell · Enter: the reason")
        )
        self._keys = RowKeys(self.table, spin=3, choice=4, check=5)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next part of the page, not the next cell
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)  # a long name takes more lines, never "…"
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(self.table, 1)
        self.summary = QLabel("", self)
        self.summary.setObjectName("returnSummary")
        self.summary.setWordWrap(True)
        lay.addWidget(self.summary)
        self.exchange_box = self._exchange_box()
        lay.addWidget(self.exchange_box)
        self.waiting = QListWidget(self)
        self.waiting.setObjectName("returnWaiting")
        self.waiting.setMaximumHeight(3 * TOUCH)
        self.waiting.hide()
        lay.addWidget(self.waiting)
        self.waiting_buttons = self._waiting_buttons()
        lay.addLayout(self.waiting_buttons)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, keyseq in ACTIONS:
            b = QPushButton(f"{QCoreApplication.translate(C, label)}\n{keyseq}", self)
            b.setObjectName(f"ret_{key}")
            b.setMinimumHeight(TOUCH + 8)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key in ("original", "store_credit"):
                b.setProperty("primary", True)
            b.clicked.connect(lambda _=False, k=key: self.trigger(k))
            buttons.addWidget(b)
            self.buttons[key] = b
        lay.addLayout(buttons)
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.show_lines([], ReturnSummary())

    def _exchange_box(self) -> QFrame:
        box = QFrame(self)
        box.setObjectName("exchangeBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(box)
        self.exchange_text = QLabel("", box)
        self.exchange_text.setWordWrap(True)
        row.addWidget(self.exchange_text, 1)
        self.exchange_buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("complete_original", self.tr("Complete")),
            ("complete_credit", self.tr("Complete, rest as credit")),
            ("cancel", self.tr("Give up")),
        ):
            b = QPushButton(label, box)
            b.setMinimumHeight(TOUCH)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self.exchange_action.emit(k))
            row.addWidget(b)
            self.exchange_buttons[key] = b
        box.hide()
        return box

    def _waiting_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.waiting_actions: dict[str, QPushButton] = {}
        for key, label in (
            ("resume", self.tr("Retry")),
            ("credit", self.tr("Rest as store credit")),
            ("cash", self.tr("Rest in cash")),
            ("give_up", self.tr("Give up")),
        ):
            b = QPushButton(label, self)
            b.setMinimumHeight(TOUCH)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self._on_waiting(k))
            b.hide()
            row.addWidget(b)
            self.waiting_actions[key] = b
        return row

    # ------------------------------------------------------------------ from the person
    def _on_scan(self) -> None:
        text = self.scan.text().strip()
        if text:
            self.scan.clear()
            self.find_requested.emit(text)

    def _on_waiting(self, key: str) -> None:
        item = self.waiting.currentItem() or self.waiting.item(0)
        if item is not None:
            self.waiting_action.emit(item.data(Qt.ItemDataRole.UserRole), key)

    def trigger(self, key: str) -> None:
        if key == "search":
            self.focus_scan()
            return
        b = self.buttons.get(key)
        if b is not None and b.isEnabled():
            self.action.emit(key)

    def focus_scan(self) -> None:
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row_changed(self, row: int) -> None:
        if self._filling:
            return
        line_no = int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
        qty = self.table.cellWidget(row, 3).value()
        reason = self.table.cellWidget(row, 4).currentText()
        resell = self.table.cellWidget(row, 5).isChecked()
        self.pick_changed.emit(line_no, qty, reason, resell)

    # ------------------------------------------------------------------ to the person
    def show_lines(self, rows: list[ReturnRow], summary: ReturnSummary) -> None:
        self._filling = True
        try:
            if self.table.rowCount() != len(rows) or any(
                int(self.table.item(i, 0).data(Qt.ItemDataRole.UserRole)) != r.line_no
                for i, r in enumerate(rows)
            ):
                self._build(rows)
            for i, r in enumerate(rows):
                self._fill(i, r)
        finally:
            self._filling = False
        self.table.resizeRowsToContents()
        self.title.setText(summary.title or self.prompt)
        self.check.setText(summary.check)
        self.check.setVisible(bool(summary.check))
        self.check.setProperty("error", bool(summary.check) and not summary.checked)
        repolish(self.check)
        text = "  ·  ".join(x for x in (summary.refund, *summary.parts) if x)
        self.summary.setText(summary.problem or text)
        picked = any(r.picked for r in rows)
        for key in ("original", "store_credit", "exchange"):
            self.buttons[key].setEnabled(picked and not summary.problem)
        self.buttons["check"].setEnabled(bool(summary.check) and not summary.checked)
        self.buttons["clear"].setEnabled(bool(rows))

    def _build(self, rows: list[ReturnRow]) -> None:
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            item = QTableWidgetItem(r.item)
            item.setData(Qt.ItemDataRole.UserRole, r.line_no)
            self.table.setItem(i, 0, item)
            for c in (1, 2):
                cell = QTableWidgetItem("")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, c, cell)
            spin = QSpinBox(self.table)
            spin.setMinimumHeight(TOUCH - 8)
            spin.setMinimumWidth(80)
            spin.valueChanged.connect(lambda _v, row=i: self._row_changed(row))
            self.table.setCellWidget(i, 3, spin)
            reason = Choice(self.table, [""] + [QCoreApplication.translate("app", x) for x in REASONS])
            reason.currentTextChanged.connect(lambda _t, row=i: self._row_changed(row))
            self.table.setCellWidget(i, 4, reason)
            resell = QCheckBox(self.tr("Resell"), self.table)
            resell.toggled.connect(lambda _c, row=i: self._row_changed(row))
            self.table.setCellWidget(i, 5, resell)

    def _fill(self, i: int, r: ReturnRow) -> None:
        self.table.item(i, 0).setText(f"{r.item}\n{r.paid}")
        self.table.item(i, 1).setText(str(r.bought))
        self.table.item(i, 2).setText(str(r.returnable))
        spin = self.table.cellWidget(i, 3)
        spin.setRange(0, r.returnable)
        spin.setValue(r.picked)
        spin.setEnabled(r.returnable > 0)
        reason = self.table.cellWidget(i, 4)
        if reason.currentText() != r.reason:
            reason.setCurrentText(r.reason)
        self.table.cellWidget(i, 5).setChecked(r.resell)

    def show_exchange(self, text: str, *, store_owes: bool) -> None:
        self.exchange_text.setText(text)
        self.exchange_box.setVisible(bool(text))
        self.exchange_buttons["complete_credit"].setVisible(store_owes)

    def show_waiting(self, items: list[tuple[str, str]]) -> None:
        """(return_uuid, what to show) of the returns whose refunds did not all go through."""
        self.waiting.clear()
        for uuid, label in items:
            it = QListWidgetItem(label)
            it.setData(Qt.ItemDataRole.UserRole, uuid)
            self.waiting.addItem(it)
        if items:
            self.waiting.setCurrentRow(0)
        self.waiting.setVisible(bool(items))
        for b in self.waiting_actions.values():
            b.setVisible(bool(items))

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        if self.message.property("error") != error:
            self.message.setProperty("error", error)
            repolish(self.message)


class ReturnsPickupsPage(QTabWidget):
    """The workspace: Returns and Pickups, one tab each (Ctrl+PgUp / Ctrl+PgDown switch)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from ui.pickups_page import PickupsPanel

        super().__init__(parent)
        self.setObjectName("returnsPickups")
        self.returns = ReturnsPanel(self)
        self.pickups = PickupsPanel(self)
        self.addTab(self.returns, self.tr("Returns  Ctrl+PgUp"))
        self.addTab(self.pickups, self.tr("Pickups  Ctrl+PgDn"))
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for keys, panel in (("Ctrl+PgUp", self.returns), ("Ctrl+PgDown", self.pickups)):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only while this workspace shows
            sc.activated.connect(lambda p=panel: (self.setCurrentWidget(p), p.focus_scan()))

    @property
    def on_pickups(self) -> bool:
        return self.currentWidget() is self.pickups

    def on_key(self, key: str) -> None:
        """A window shortcut while this workspace shows (the window's keys are named as Sell's)."""
        (self.pickups if self.on_pickups else self.returns).trigger(
            (self.pickups.KEYS if self.on_pickups else KEYS).get(key, "")
        )


__all__ = ["KEYS", "ReturnRow", "ReturnSummary", "ReturnsPanel", "ReturnsPickupsPage"]
