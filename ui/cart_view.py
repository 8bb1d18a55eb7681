"""The cart as the checkout page shows it: rows and totals as plain snapshots (`CartRow`, `TotalsView`,
`SearchHit`), the table model that draws them, the totals panel, and the table of shortcuts.

Re-texting is kept cheap (a scan appends one row; the totals re-use a fixed pool of labels): scan to
line on screen has a one-frame budget with a 100-line cart.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QFrame,
    QGridLayout,
    QLabel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QWidget,
)

TOUCH = 44  # minimum touch target, px


@dataclass(frozen=True)
class CartRow:
    line_id: str
    description: str
    sku: str
    quantity: int | str  # a weighed line shows its weight ('0.750 kg')
    unit_price: str
    discount: str
    total: str
    note: str = ""


@dataclass(frozen=True)
class TotalsView:
    subtotal: str = ""
    discounts: str = ""
    tax_lines: tuple[tuple[str, str], ...] = ()  # ("VAT 23 % on 10.00", "1.87")
    total: str = ""
    paid: str = ""
    due: str = ""
    item_count: int = 0


@dataclass(frozen=True)
class SearchHit:
    sku: str
    label: str  # "Oat milk 1 l — Brand"
    price: str


@dataclass
class Shortcuts:
    """The documented keyboard shortcuts (README and the help overlay read this table)."""

    table: dict[str, tuple[str, str]] = field(
        default_factory=lambda: {
            "search": ("F2", QT_TRANSLATE_NOOP("Shortcuts", "Search products")),
            "quantity": ("F4", QT_TRANSLATE_NOOP("Shortcuts", "Change quantity of the selected line")),
            "discount_line": ("F7", QT_TRANSLATE_NOOP("Shortcuts", "Discount the selected line")),
            "discount_order": ("Shift+F7", QT_TRANSLATE_NOOP("Shortcuts", "Discount the whole sale")),
            "override": ("F8", QT_TRANSLATE_NOOP("Shortcuts", "Override the price of the selected line")),
            "card": ("F9", QT_TRANSLATE_NOOP("Shortcuts", "Pay by card on the reader")),
            "cash": ("F10", QT_TRANSLATE_NOOP("Shortcuts", "Pay cash")),
            "split": ("F11", QT_TRANSLATE_NOOP("Shortcuts", "Split: card for part, cash for the rest")),
            "suspend": ("F6", QT_TRANSLATE_NOOP("Shortcuts", "Suspend the sale")),
            "resume": ("Shift+F6", QT_TRANSLATE_NOOP("Shortcuts", "Resume a suspended sale")),
            "remove": ("Delete", QT_TRANSLATE_NOOP("Shortcuts", "Remove the selected line")),
            "void": ("Ctrl+Delete", QT_TRANSLATE_NOOP("Shortcuts", "Void the sale (manager)")),
            "no_sale": ("F12", QT_TRANSLATE_NOOP("Shortcuts", "Open the drawer without a sale (reason)")),
            "reprint": ("Ctrl+P", QT_TRANSLATE_NOOP("Shortcuts", "Reprint the last receipt")),
            "member": ("Ctrl+M", QT_TRANSLATE_NOOP("Shortcuts", "Type a member number")),
            "lock": ("Ctrl+L", QT_TRANSLATE_NOOP("Shortcuts", "Lock the till")),
            "stock": (
                "F5",
                QT_TRANSLATE_NOOP("Shortcuts", "Stock of the selected line or search result everywhere"),
            ),
        }
    )


SHORTCUTS = Shortcuts().table


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


def _cells(row: CartRow) -> tuple[str, str, str, str]:
    """A row's four cells as the table shows them: a note under the name, the discount under the total."""
    return (
        row.description + (f"\n{row.note}" if row.note else ""),
        str(row.quantity),
        row.unit_price,
        row.total + (f"\n{row.discount}" if row.discount else ""),
    )


class CartModel(QAbstractTableModel):
    # the discount is the second line of the Total cell: the name keeps the width (nothing elided at 1024 px)
    HEADERS = (
        QT_TRANSLATE_NOOP("CartModel", "Item"),
        QT_TRANSLATE_NOOP("CartModel", "Qty"),
        QT_TRANSLATE_NOOP("CartModel", "Price"),
        QT_TRANSLATE_NOOP("CartModel", "Total"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CartRow] = []
        self._cells: list[tuple[str, str, str, str]] = []

    def set_rows(self, rows: list[CartRow]) -> None:
        # A scan appends one row: tell the view just that, so a 100-line cart is not re-laid out.
        if len(rows) == len(self.rows) + 1 and rows[:-1] == self.rows:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.rows = list(rows)
            self._cells.append(_cells(rows[-1]))
            self.endInsertRows()
            return
        if len(rows) == len(self.rows):
            changed = [i for i, (a, b) in enumerate(zip(self.rows, rows, strict=True)) if a != b]
            self.rows = list(rows)
            for i in changed:
                self._cells[i] = _cells(rows[i])
            if changed:
                self.dataChanged.emit(
                    self.index(changed[0], 0), self.index(changed[-1], len(self.HEADERS) - 1)
                )
            return
        self.beginResetModel()
        self.rows = list(rows)
        self._cells = [_cells(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CartModel", self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        # Qt asks each visible cell for a dozen roles on every paint: answer from the texts made once per row
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self._cells[index.row()][index.column()]
        if role == _ALIGN:
            return _RIGHT if index.column() else None
        if role == _TOOLTIP:
            row = self.rows[index.row()]
            return f"{row.description} ({row.sku})"
        return None


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT_SIDE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _fit(label: QLabel) -> None:
    """Fix a label's size to what its text needs, growing only (a few pixels of slack, never elided).

    A label whose text changes asks its parent's layout to lay out again, and each layout asks the one
    above it: on every scan the whole window was laid out and painted again for a new subtotal. A label
    whose minimum and maximum size are equal does not ask (Qt's updateGeometry), so the totals are
    re-texted in place; the panel lays out again only when an amount needs more room than ever before.
    """
    m = label.contentsMargins()
    text = label.fontMetrics().size(0, label.text() or " ")  # what the text needs, not the layout's width
    need_w = text.width() + m.left() + m.right() + 2 * label.margin() + 4
    need_h = text.height() + m.top() + m.bottom() + 2 * label.margin()
    fixed = label.minimumSize() == label.maximumSize()
    w = max(need_w, label.maximumWidth() if fixed else 0)
    if not fixed or w != label.maximumWidth() or need_h != label.maximumHeight():
        label.setFixedSize(w, need_h)


def _unfix(label: QLabel) -> None:
    label.setMinimumSize(0, 0)
    label.setMaximumSize(16777215, 16777215)


class TotalsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("totals")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(0, 1)
        self.total_label = QLabel("", self)
        self.total_label.setObjectName("grandTotal")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        font = self.total_label.font()
        font.setPointSize(max(font.pointSize(), 9) * 2)
        font.setBold(True)
        self.total_label.setFont(font)
        # A fixed pool of label pairs, re-texted on every scan (creating and styling widgets per scan
        # cost more than the whole catalog lookup).
        self._pairs: list[tuple[QLabel, QLabel]] = []
        self._items = QLabel("", self)
        self._shown: TotalsView | None = None
        self.show_totals(TotalsView())

    def _pair(self, i: int) -> tuple[QLabel, QLabel]:
        while len(self._pairs) <= i:
            a, b = QLabel("", self), QLabel("", self)
            b.setAlignment(Qt.AlignmentFlag.AlignRight)
            self._pairs.append((a, b))
        return self._pairs[i]

    def show_totals(self, t: TotalsView) -> None:
        if t == self._shown:
            return
        self._shown = t
        tr = self.tr
        lines: list[tuple[str, str, str]] = [(tr("Subtotal"), t.subtotal, "")]
        if t.discounts:
            lines.append((tr("Discounts"), t.discounts, ""))
        lines.extend((label, amount, "tax") for label, amount in t.tax_lines)
        if t.paid:
            lines.append((tr("Paid"), t.paid, ""))
            lines.append((tr("Still to pay"), t.due, "due"))
        for r, (label, amount, kind) in enumerate(lines):
            a, b = self._pair(r)
            for w, text in ((a, label), (b, amount)):
                if w.property("kind") != kind:
                    w.setProperty("kind", kind)
                    w.style().unpolish(w)
                    w.style().polish(w)
                    _unfix(w)  # a bold kind may need more room
                self._retext(w, text)
                if self._grid.indexOf(w) < 0:  # fixed-size labels: placed at their side of the cell
                    self._grid.addWidget(w, r, 0 if w is a else 1, _LEFT if w is a else _RIGHT_SIDE)
                w.show()
        for a, b in self._pairs[len(lines) :]:
            a.hide()
            b.hide()
        self._retext(self._items, tr("1 item") if t.item_count == 1 else tr("%n items", "", t.item_count))
        if self._grid.indexOf(self._items) < 0:
            self._grid.addWidget(self._items, 100, 0, _LEFT)
            self._grid.addWidget(self.total_label, 101, 0, 1, 2, _RIGHT_SIDE)
        self._retext(
            self.total_label, tr("Total {amount}").format(amount=t.total) if t.total else tr("Total —")
        )

    @staticmethod
    def _retext(label: QLabel, text: str) -> None:
        if label.text() == text and label.minimumSize() == label.maximumSize():
            return
        label.setText(text)  # the fixed size keeps this from laying out the window again...
        _fit(label)  # ...unless the new text needs more room

    def _labels(self) -> list[QLabel]:
        return [w for pair in self._pairs for w in pair] + [self._items, self.total_label]

    def changeEvent(self, event: QEvent) -> None:
        # a new font (the window scales its font with its size) or theme: measure every label again
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._refit)  # once the labels have their new font
        super().changeEvent(event)

    def _refit(self) -> None:
        for label in self._labels():
            _unfix(label)
            _fit(label)
