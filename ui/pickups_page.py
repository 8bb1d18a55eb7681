"""The Pickups tab of Returns & pickups: the orders waiting at this store (shelf, age, not collected in
time), and the order being handed over: the customer check, what is given now and why the rest stays.

The panel holds no retail rule: it shows `PickupListRow` / `HandoverRow` snapshots and reports requests
through signals.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.returns_page import Choice, RowKeys
from ui.widgets import TOUCH, repolish

C = "PickupsPanel"
NOT_TAKEN = (
    QT_TRANSLATE_NOOP(C, "Comes back for it"),
    QT_TRANSLATE_NOOP(C, "Wrong size or colour"),
    QT_TRANSLATE_NOOP(C, "Damaged"),
    QT_TRANSLATE_NOOP(C, "Changed mind"),
)
ACTIONS = (
    ("hand_over", QT_TRANSLATE_NOOP(C, "Hand over"), "F9"),
    ("check", QT_TRANSLATE_NOOP(C, "Check customer"), "F4"),
    ("back_to_stock", QT_TRANSLATE_NOOP(C, "Back to stock"), "F11"),
    ("refresh", QT_TRANSLATE_NOOP(C, "Refresh list"), "F6"),
    ("close", QT_TRANSLATE_NOOP(C, "Close"), "Esc"),
)


@dataclass(frozen=True)
class PickupListRow:
    order_no: str
    customer: str
    shelf: str
    waiting_since: str  # "2 days", "5 h"
    items: int
    flag: str  # "Not collected in time" / "Partly handed over" / ""
    overdue: bool


@dataclass(frozen=True)
class HandoverRow:
    line_no: int
    item: str
    ordered: int
    handed: int
    waiting: int
    giving: int
    reason: str


class PickupsPanel(QWidget):
    KEYS = {
        "card": "hand_over",
        "quantity": "check",
        "split": "back_to_stock",
        "suspend": "refresh",
        "escape": "close",
        "search": "search",
    }
    open_requested = Signal(str)
    give_changed = Signal(int, int, str)  # line_no, qty, why the rest stays
    action = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickups")
        self._filling = False
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        self.scan = QLineEdit(self)
        self.scan.setObjectName("pickupScan")
        self.scan.setPlaceholderText(self.tr("Scan the order's QR code or type its number (F2)"))
        self.scan.setMinimumHeight(TOUCH)
        self.scan.setClearButtonEnabled(True)
        self.scan.returnPressed.connect(self._on_scan)
        top.addWidget(self.scan, 1)
        lay.addLayout(top)
        self.list = QTableWidget(0, 5, self)
        self.list.setObjectName("pickupList")
        self.list.setHorizontalHeaderLabels(
            [self.tr("Order"), self.tr("Customer"), self.tr("Shelf"), self.tr("Waiting"), self.tr("Items")]
        )
        self._table(self.list, stretch=1)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.cellDoubleClicked.connect(
            lambda row, _c: self.open_requested.emit(self.list.item(row, 0).text())
        )
        lay.addWidget(self.list, 3)
        self.title = QLabel(self.tr("Pick an order (Enter or double-click) or scan it."), self)
        self.title.setObjectName("pickupTitle")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        self.lines = QTableWidget(0, 5, self)
        self.lines.setObjectName("handoverLines")
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Ordered"),
                self.tr("Waiting"),
                self.tr("Give now"),
                self.tr("Why the rest stays"),
            ]
        )
        self._table(self.lines, stretch=0)
        self.lines.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.lines.horizontalHeader().resizeSection(4, 190)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines.setToolTip(
            self.tr("+ / − or a digit: how many are handed over now · Enter: why the rest stays")
        )
        self._keys = RowKeys(self.lines, spin=3, choice=4)
        self.list.installEventFilter(self)
        lay.addWidget(self.lines, 2)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label, keyseq in ACTIONS:
            b = QPushButton(f"{QCoreApplication.translate(C, label)}\n{keyseq}", self)
            b.setObjectName(f"pick_{key}")
            b.setMinimumHeight(TOUCH + 8)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key == "hand_over":
                b.setProperty("primary", True)
            b.clicked.connect(lambda _=False, k=key: self.trigger(k))
            buttons.addWidget(b)
            self.buttons[key] = b
        lay.addLayout(buttons)
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)
        self.show_order("", [], checked="", overdue=False)

    @staticmethod
    def _table(t: QTableWidget, *, stretch: int) -> None:
        hh = t.horizontalHeader()
        for c in range(t.columnCount()):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        t.verticalHeader().setVisible(False)
        t.verticalHeader().setDefaultSectionSize(TOUCH)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setTabKeyNavigation(False)  # Tab goes on to the next part of the page, not the next cell
        t.setWordWrap(True)
        t.setTextElideMode(Qt.TextElideMode.ElideNone)
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    # ------------------------------------------------------------------ from the person
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Enter on the list opens the order chosen (as a double-click does)."""
        if (
            obj is self.list
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.selected_order()
        ):
            self.open_requested.emit(self.selected_order())
            return True
        return super().eventFilter(obj, event)

    def _on_scan(self) -> None:
        text = self.scan.text().strip()
        if text:
            self.scan.clear()
            self.open_requested.emit(text)

    def trigger(self, key: str) -> None:
        if key == "search":
            self.focus_scan()
            return
        b = self.buttons.get(key)
        if b is not None and b.isEnabled():
            self.action.emit(key)

    def focus_scan(self) -> None:
        self.scan.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_order(self) -> str | None:
        rows = self.list.selectionModel().selectedRows()
        return self.list.item(rows[0].row(), 0).text() if rows else None

    def _changed(self, row: int) -> None:
        if self._filling:
            return
        line_no = int(self.lines.item(row, 0).data(Qt.ItemDataRole.UserRole))
        self.give_changed.emit(
            line_no, self.lines.cellWidget(row, 3).value(), self.lines.cellWidget(row, 4).currentText()
        )

    # ------------------------------------------------------------------ to the person
    def show_list(self, rows: list[PickupListRow], note: str) -> None:
        self.list.setRowCount(len(rows))
        for i, r in enumerate(rows):
            flag = f"\n{r.flag}" if r.flag else ""
            cells = (r.order_no, f"{r.customer}{flag}", r.shelf, r.waiting_since, str(r.items))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if r.overdue:  # dark red on pale red: readable in every theme
                    item.setForeground(QColor("#8a1c1c"))
                    item.setBackground(QColor("#fde2e2"))
                self.list.setItem(i, c, item)
        self.list.setToolTip(note)

    def show_order(self, title: str, rows: list[HandoverRow], *, checked: str, overdue: bool) -> None:
        self._filling = True
        try:
            self.lines.setRowCount(len(rows))
            for i, r in enumerate(rows):
                text = (
                    self.tr("{item}\n({n} handed over)").format(item=r.item, n=r.handed)
                    if r.handed
                    else r.item
                )
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.line_no)
                self.lines.setItem(i, 0, item)
                self.lines.setItem(i, 1, QTableWidgetItem(str(r.ordered)))
                self.lines.setItem(i, 2, QTableWidgetItem(str(r.waiting)))
                spin = self.lines.cellWidget(i, 3)
                if spin is None:
                    spin = QSpinBox(self.lines)
                    spin.valueChanged.connect(lambda _v, row=i: self._changed(row))
                    self.lines.setCellWidget(i, 3, spin)
                    why = Choice(self.lines, [""] + [QCoreApplication.translate(C, x) for x in NOT_TAKEN])
                    why.currentTextChanged.connect(lambda _t, row=i: self._changed(row))
                    self.lines.setCellWidget(i, 4, why)
                spin.setMinimumWidth(80)
                spin.setRange(0, r.waiting)
                spin.setValue(r.giving)
                why = self.lines.cellWidget(i, 4)
                if why.currentText() != r.reason:
                    why.setCurrentText(r.reason)
        finally:
            self._filling = False
        self.title.setText(title or self.tr("Pick an order (Enter or double-click) or scan it."))
        self.title.setProperty("error", overdue)
        repolish(self.title)
        has = bool(rows)
        self.buttons["hand_over"].setEnabled(has and bool(checked))
        self.buttons["check"].setEnabled(has and not checked)
        self.buttons["back_to_stock"].setEnabled(has)
        self.buttons["close"].setEnabled(has)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        if self.message.property("error") != error:
            self.message.setProperty("error", error)
            repolish(self.message)


__all__ = ["HandoverRow", "PickupListRow", "PickupsPanel"]
