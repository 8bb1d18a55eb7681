"""The Stock workspace's page: an item's stock here and in every other store (nearest first, with today's
opening hours), the warehouse, deliveries on their way, its variants side by side, and what can be done
when it is not here: reserve it there, order it to collect here tomorrow, or have it delivered home.

Plain snapshots in (`StockRows`), requests out by signal; the presenter (ui/stock_presenter.py) decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from ui.cart_view import TOUCH
from ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets import repolish


@dataclass(frozen=True)
class StoreRow:
    store_id: str
    name: str  # as shown: "Here — OMO Flagship", "OMO Riverside (Dublin)"
    available: int
    on_hand: int
    held: int
    distance: str  # "1.2 km", "" here
    today: str  # "09:00–20:00", "closed today", "delivers only"
    incoming: str  # "6 on 2026-12-10"
    open_now: bool = True


@dataclass(frozen=True)
class StockRows:
    title: str  # "OMO Linen Shirt Navy M — LSH-NAV-M — €39.99"
    freshness: str
    stale: bool
    stores: tuple[StoreRow, ...]
    colours: tuple[str, ...] = ()
    sizes: tuple[str, ...] = ()
    cells: tuple[tuple[str, str, str], ...] = ()  # (colour, size, sku) of each cell, row by row
    cell_text: tuple[str, ...] = ()
    current: str = ""  # the sku on show


def _item(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class StockPage(QWidget):
    look_up = Signal(str)  # what was typed or scanned
    action = Signal(str)  # "reserve" | "pickup" | "delivery" | "collect" | "refresh"
    variant_chosen = Signal(str)  # a sku

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stockPage")
        lay = QVBoxLayout(self)
        self.input = QLineEdit(self)
        self.input.setObjectName("stockSearch")
        self.input.setPlaceholderText(self.tr("Scan an item, or type its SKU or name, then Enter"))
        self.input.setMinimumHeight(TOUCH)
        self.input.setClearButtonEnabled(True)
        self.input.returnPressed.connect(self._on_return)
        lay.addWidget(self.input)
        self.header = QLabel(self.tr("Stock in every store"), self)
        self.header.setObjectName("pageHeader")
        self.header.setWordWrap(True)
        lay.addWidget(self.header)
        self.freshness = QLabel("", self)
        self.freshness.setObjectName("stockFreshness")
        self.freshness.setWordWrap(True)
        lay.addWidget(self.freshness)

        self.stores = QTableWidget(0, 6, self)
        self.stores.setObjectName("stockStores")
        self._headers(
            self.stores,
            [
                self.tr("Store"),
                self.tr("Can sell"),
                self.tr("On hand"),
                self.tr("Held"),
                self.tr("Open today"),
                self.tr("Coming"),
            ],
        )
        hh = self.stores.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stores.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stores.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.stores.setWordWrap(True)
        self.stores.setTextElideMode(Qt.TextElideMode.ElideNone)
        lay.addWidget(self.stores, 3)

        self.variants_label = QLabel(self.tr("Variants — each: here / other stores / warehouse"), self)
        self.variants_label.setObjectName("muted")
        lay.addWidget(self.variants_label)
        self.variants = QTableWidget(0, 0, self)
        self.variants.setObjectName("stockVariants")
        self.variants.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.variants.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.variants.cellActivated.connect(self._on_variant)
        self.variants.cellDoubleClicked.connect(self._on_variant)
        lay.addWidget(self.variants, 2)
        self._cells: dict[tuple[int, int], str] = {}

        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("reserve", self.tr("&Reserve there")),
            ("pickup", self.tr("&Collect here tomorrow")),
            ("delivery", self.tr("&Deliver home")),
            ("collect", self.tr("Reser&vation here")),
            ("refresh", self.tr("Refresh (F5)")),
        ):
            b = QPushButton(label, self)
            b.setObjectName(f"stock_{key}")
            b.setMinimumHeight(TOUCH)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self.action.emit(k))
            row.addWidget(b)
            self.buttons[key] = b
        lay.addLayout(row)
        self.rows: StockRows | None = None
        self.show_rows(None)

    @staticmethod
    def _headers(table: QTableWidget, labels: list[str]) -> None:
        table.setColumnCount(len(labels))
        table.setHorizontalHeaderLabels(labels)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)

    # ------------------------------------------------------------------ requests
    @Slot()
    def _on_return(self) -> None:
        text = self.input.text().strip()
        if text:
            self.look_up.emit(text)
            self.input.clear()

    @Slot(int, int)
    def _on_variant(self, row: int, column: int) -> None:
        sku = self._cells.get((row, column))
        if sku:
            self.variant_chosen.emit(sku)

    def focus_input(self) -> None:
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_store(self) -> str | None:
        """The store row chosen (arrow keys or a tap), None when none is."""
        rows = self.stores.selectionModel().selectedRows()
        if not rows or self.rows is None:
            return None
        return self.rows.stores[rows[0].row()].store_id

    # ------------------------------------------------------------------ to the person
    def show_rows(self, rows: StockRows | None) -> None:
        self.rows = rows
        for b in ("reserve", "pickup", "delivery", "refresh"):
            self.buttons[b].setEnabled(rows is not None)
        if rows is None:
            self.stores.setRowCount(0)
            self.variants.setRowCount(0)
            self.variants.setColumnCount(0)
            self.variants_label.hide()
            self.variants.hide()
            self.freshness.setText("")
            return
        self.header.setText(rows.title)
        self.freshness.setText(rows.freshness)
        _state(self.freshness, "kind", "warn" if rows.stale else "ok")
        selected = self.selected_store()
        self.stores.setRowCount(len(rows.stores))
        for r, s in enumerate(rows.stores):
            cells = (
                _item(f"{s.name}\n{s.distance}" if s.distance else s.name),
                _item(str(s.available), right=True),
                _item(str(s.on_hand), right=True),
                _item(str(s.held), right=True),
                _item(s.today),
                _item(s.incoming),
            )
            for c, item in enumerate(cells):
                if c == 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.stores.setItem(r, c, item)
        self.stores.resizeRowsToContents()
        keep = next((i for i, s in enumerate(rows.stores) if s.store_id == selected), None)
        if keep is not None:
            self.stores.selectRow(keep)
        self._show_variants(rows)

    def _show_variants(self, rows: StockRows) -> None:
        self._cells = {}
        shown = bool(rows.colours and rows.sizes)
        self.variants_label.setVisible(shown)
        self.variants.setVisible(shown)
        if not shown:
            return
        self.variants.setRowCount(len(rows.colours))
        self._headers(self.variants, list(rows.sizes))
        self.variants.setVerticalHeaderLabels(list(rows.colours))
        self.variants.verticalHeader().setVisible(True)
        self.variants.clearContents()
        for (colour, size, sku), text in zip(rows.cells, rows.cell_text, strict=True):
            r, c = rows.colours.index(colour), rows.sizes.index(size)
            item = _item(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(sku)
            if sku == rows.current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                self.variants.setCurrentCell(r, c)
            self.variants.setItem(r, c, item)
            self._cells[(r, c)] = sku
        self.variants.resizeRowsToContents()

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        _state(self.message, "error", error)


def _state(w: QWidget, name: str, value: object) -> None:
    if w.property(name) != value:
        w.setProperty(name, value)
        repolish(w)


__all__ = ["StockPage", "StockRows", "StoreRow"]
