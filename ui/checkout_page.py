"""The checkout page: the cart, totals with the tax breakdown, search as you type, favourites, the member
slot and the tender buttons. Keyboard first (every action has a shortcut), touch friendly (≥ 44 px).

The page holds no business logic. It shows `CartRow`/`TotalsView` snapshots that the presenter gives it
and reports what the cashier asked for through signals.
"""

from __future__ import annotations

import textwrap

from ui.card_panel import CardPanel
from ui.cart_view import SHORTCUTS, TOUCH, CartModel, CartRow, SearchHit, TotalsPanel, TotalsView
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QCoreApplication,
    QEvent,
    QFontInfo,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    QSizePolicy,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.widgets import fit_label, font_px


class CheckoutPage(QWidget):
    """Signals carry what the cashier asked for; the presenter answers with `show_*` calls."""

    search_changed = Signal(str)
    add_sku = Signal(str)
    code_entered = Signal(str)  # something typed into search that looks like a barcode / member number
    action = Signal(str)  # one of SHORTCUTS' keys
    quantity_requested = Signal(str)
    remove_requested = Signal(str)
    stock_requested = Signal(str)  # a sku: its stock here and elsewhere (F5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkout")
        outer = QHBoxLayout(self)

        # ---- left: cart and totals
        left = QVBoxLayout()
        self.header = QLabel("", self)
        self.header.setObjectName("pageHeader")
        left.addWidget(self.header)
        self.model = CartModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Fixed)
        self._measured_px = 0  # the font size the columns and rows were last measured for
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # a long name takes two lines of its row, not an ellipsis
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        left.addWidget(self.table, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        self.totals = TotalsPanel(self)
        left.addWidget(self.totals)
        outer.addLayout(left, 5)

        # ---- right: search, member, favourites, actions
        right = QVBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Scan or search (F2)"))
        self.search.setMinimumHeight(TOUCH)
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self.search_changed)
        self.search.returnPressed.connect(self._on_search_return)
        right.addWidget(self.search)
        self.results = QListWidget(self)
        self.results.setObjectName("results")
        self.results.setWordWrap(True)  # a long name on two lines, not an ellipsis
        self.results.setSpacing(3)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._on_result_activated)
        self.results.hide()
        right.addWidget(self.results, 1)  # while searching, the results take the favourites' place

        self.member = QLabel("", self)
        self.member.setObjectName("memberSlot")
        self.member.setWordWrap(True)
        self.member.setMinimumHeight(TOUCH)
        right.addWidget(self.member)
        self.show_member(None)

        fav_box = QFrame(self)
        fav_box.setObjectName("favourites")
        self.fav_grid = QGridLayout(fav_box)
        self.fav_grid.setSpacing(6)
        right.addWidget(fav_box, 1)
        self.favourites = fav_box
        self.card_panel = CardPanel(self)
        self.card_panel.closed.connect(lambda: self.favourites.show())
        right.addWidget(self.card_panel, 1)

        self.card_available = True
        self.paying = False
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        order = [
            ("card", QT_TRANSLATE_NOOP("CheckoutPage", "Card")),
            ("cash", QT_TRANSLATE_NOOP("CheckoutPage", "Cash")),
            ("split", QT_TRANSLATE_NOOP("CheckoutPage", "Split")),
            ("discount_order", QT_TRANSLATE_NOOP("CheckoutPage", "Discount")),
            ("quantity", QT_TRANSLATE_NOOP("CheckoutPage", "Qty")),
            ("remove", QT_TRANSLATE_NOOP("CheckoutPage", "Remove")),
            ("suspend", QT_TRANSLATE_NOOP("CheckoutPage", "Suspend")),
            ("resume", QT_TRANSLATE_NOOP("CheckoutPage", "Resume")),
            ("void", QT_TRANSLATE_NOOP("CheckoutPage", "Void")),
            ("no_sale", QT_TRANSLATE_NOOP("CheckoutPage", "No sale")),
            ("discount_line", QT_TRANSLATE_NOOP("CheckoutPage", "Line disc.")),
            ("override", QT_TRANSLATE_NOOP("CheckoutPage", "Price")),
            ("reprint", QT_TRANSLATE_NOOP("CheckoutPage", "Reprint")),
            ("member", QT_TRANSLATE_NOOP("CheckoutPage", "Member")),
        ]
        for key, label in order:  # placed by _place_actions
            keyseq, help_text = SHORTCUTS[key]
            b = QPushButton(f"{self.tr(label)}\n{keyseq.replace('Shift+', '⇧').replace('Ctrl+', '^')}", self)
            b.setObjectName(f"btn_{key}")
            b.setToolTip(f"{QCoreApplication.translate('Shortcuts', help_text)} ({keyseq})")
            b.setMinimumHeight(TOUCH + (20 if key in ("card", "cash") else 8))
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if key in ("card", "cash"):
                b.setProperty("primary", True)
            b.clicked.connect(lambda _=False, k=key: self._emit_action(k))
            b.setProperty("label", b.text())  # `_fit_buttons` may break the name in two
            self.buttons[key] = b
        self.actions, self.action_columns = actions, 0
        for c in range(12):  # Card and Cash half the row each, the others a third or a quarter
            actions.setColumnStretch(c, 1)
        self._place_actions(4)
        right.addLayout(actions)
        outer.addLayout(right, 3)

        self.search.installEventFilter(self)

    # ------------------------------------------------------------------ layout
    def _measure(self) -> None:
        """Column widths and row height from the table's font, when the theme changed it: fixed widths,
        because sizing to contents re-measures every row on every scan (most of a 100-line cart's cost);
        rows tall enough for two lines (a long name, or a total and its discount)."""
        fm = self.table.fontMetrics()
        if fm.height() == self._measured_px:
            return
        self._measured_px = fm.height()
        head = self.table.horizontalHeader()
        hfm = head.fontMetrics()
        widths = {
            1: max(
                fm.horizontalAdvance("0.000 kg"),  # a weighed line's weight
                hfm.horizontalAdvance(self.model.headerData(1, Qt.Orientation.Horizontal)),
            ),
            2: fm.horizontalAdvance("€999.99/kg"),
            3: fm.horizontalAdvance("€99,999.99"),
        }
        for c, px in widths.items():
            head.resizeSection(c, px + 16)
        self.table.verticalHeader().setDefaultSectionSize(max(TOUCH, 2 * fm.lineSpacing() + 8))

    def _key_px(self) -> int:
        return max(9, round(font_px(self) * 0.78))  # the action keys' largest text: 78 % of the page's

    def _place_actions(self, columns: int) -> None:
        """Card and Cash on the first row, the other twelve actions `columns` to a row under them."""
        if columns == self.action_columns:
            return
        self.action_columns, span = columns, 12 // columns
        for b in self.buttons.values():
            self.actions.removeWidget(b)
        self.actions.addWidget(self.buttons["card"], 0, 0, 1, 6)
        self.actions.addWidget(self.buttons["cash"], 0, 6, 1, 6)
        others = [k for k in self.buttons if k not in ("card", "cash")]
        for i, key in enumerate(others):
            self.actions.addWidget(self.buttons[key], 1 + i // columns, (i % columns) * span, 1, span)

    def _fit_buttons(self) -> None:
        """Fourteen actions share the column: each secondary button's face is as large as lets its whole
        label fit (themes and languages make labels wider), from 78 % of the text size down to 9 px; a
        name still too wide goes on two lines, and if one still does not fit four to a row (a longer
        language), they go three to a row."""
        card, cash = self.buttons["card"], self.buttons["cash"]
        if card.width() < 20:
            return
        gap = max(0, self.actions.horizontalSpacing())
        quarter = (card.width() + cash.width() - 2 * gap) // 4
        others = [b for k, b in self.buttons.items() if k not in ("card", "cash")]
        self._place_actions(4 if all(fit_label(b, quarter, self._key_px())[2] for b in others) else 3)
        self.actions.activate()
        for b in others:
            px, text, _fits = fit_label(b, b.width(), self._key_px())
            f = b.font()
            if f.pixelSize() != px:
                f.setPixelSize(px)
                b.setFont(f)
            if b.text() != text:
                b.setText(text)

    def resizeEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(e)
        self._measure()
        self._fit_buttons()
        self._fit_favourites()

    def changeEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().changeEvent(e)
        if e.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # after the children took the new style too
            QTimer.singleShot(0, self, self._after_style_change)  # cancelled if the page goes first

    def _after_style_change(self) -> None:
        self._measure()
        self._fit_buttons()
        self._refit_favourites()

    def _refit_favourites(self) -> None:
        if getattr(self, "_favourites", None) and font_px(self) != self._favourites_px:
            self.show_favourites(self._favourites)

    # ------------------------------------------------------------------ from the cashier
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Up and Down in the search field move through the results (Enter adds the one chosen). Delete
        in an empty search field is the window's "remove the line", not an edit of nothing."""
        if (
            obj is self.search
            and event.type() == QEvent.Type.ShortcutOverride
            and event.key() == Qt.Key.Key_Delete
            and not self.search.text()
        ):
            event.ignore()
            return True
        if obj is self.search and event.type() == QEvent.Type.KeyPress and self.results.isVisible():
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(event.key())
            if step is not None and self.results.count():
                row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(obj, event)

    def focus_scan(self) -> None:
        """The scan/search field takes the keyboard (after a question closed, at login)."""
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_paying(self, paying: bool) -> None:
        """A card payment runs: the panel shows it; nothing else may change the sale."""
        self.paying = paying
        if paying:
            self.favourites.hide()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_lines = self.model.rowCount() > 0
        for key, b in self.buttons.items():
            if self.paying:
                b.setEnabled(False)
            elif key in ("card", "split"):
                b.setEnabled(has_lines and self.card_available)
            elif key in ("cash", "suspend", "void", "discount_order"):
                b.setEnabled(has_lines)
            else:
                b.setEnabled(True)

    def trigger(self, key: str) -> None:
        """A shortcut or a button: the action `key` (the window routes its shortcuts here)."""
        self._emit_action(key)

    def _emit_action(self, key: str) -> None:
        if key == "search":
            self.search.setFocus()
            self.search.selectAll()
            return
        if key == "stock":
            sku = self.selected_sku()
            if sku is None:
                self.show_message(self.tr("Select a line or a search result first."), error=True)
            else:
                self.stock_requested.emit(sku)
            return
        if key in ("quantity", "remove", "discount_line", "override"):
            line = self.selected_line()
            if line is None:
                self.show_message(self.tr("Select a line first (arrow keys or tap it)."), error=True)
                return
            if key == "remove":
                self.remove_requested.emit(line)
                return
            if key == "quantity":
                self.quantity_requested.emit(line)
                return
        btn = self.buttons.get(key)
        if btn is not None and not btn.isEnabled():
            return
        self.action.emit(key)

    @Slot()
    def _on_search_return(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        if self.results.isVisible() and self.results.count():
            item = self.results.currentItem() or self.results.item(0)
            self._on_result_activated(item)
            return
        self.code_entered.emit(text)
        self.search.clear()

    @Slot(QListWidgetItem)
    def _on_result_activated(self, item: QListWidgetItem) -> None:
        sku = item.data(Qt.ItemDataRole.UserRole)
        if sku:
            self.add_sku.emit(sku)
        self.search.clear()
        self.show_results([])

    def selected_sku(self) -> str | None:
        """The search result in focus while searching, else the selected (or newest) line's SKU."""
        item = self.results.currentItem() if self.results.isVisible() else None
        if item is not None:
            return item.data(Qt.ItemDataRole.UserRole)
        line = self.selected_line()
        return next((r.sku for r in self.model.rows if r.line_id == line), None)

    def selected_line(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows and self.model.rows:
            return self.model.rows[-1].line_id  # the newest line, as a cashier expects
        return self.model.rows[rows[0].row()].line_id if rows else None

    # ------------------------------------------------------------------ to the cashier
    def show_cart(self, rows: list[CartRow], totals: TotalsView) -> None:
        grew = len(rows) > len(self.model.rows)
        self.model.set_rows(rows)
        for i, row in enumerate(rows):  # a line with a note (an order, a price changed) is taller
            if row.note:
                self.table.resizeRowToContents(i)
        self.totals.show_totals(totals)
        if grew:
            self.table.scrollToBottom()
            self.table.selectRow(len(rows) - 1)
        self._update_buttons()

    def set_card_available(self, available: bool, reason: str = "") -> None:
        """Card tender off (Stripe unreachable, no reader): the buttons say why; cash still works."""
        self.card_available = available
        for key in ("card", "split"):
            help_text = QCoreApplication.translate("Shortcuts", SHORTCUTS[key][1])
            self.buttons[key].setToolTip(help_text if available else reason)
        self._update_buttons()

    def show_results(self, hits: list[SearchHit]) -> None:
        self.results.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.price}   {h.label}")
            item.setData(Qt.ItemDataRole.UserRole, h.sku)
            item.setToolTip(h.label)
            self.results.addItem(item)
        self.results.setVisible(bool(hits))
        self.favourites.setVisible(not hits and not self.card_panel.isVisible())
        if hits:
            self.results.setCurrentRow(0)

    def show_favourites(self, items: list[SearchHit], columns: int = 2) -> None:
        self._favourites = list(items)
        self._favourites_px = font_px(self)
        while self.fav_grid.count():
            w = self.fav_grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for i, h in enumerate(items):
            # at most 3 lines of name (the tooltip has all of it): with the price, 4 fit a button at 1024x768
            name = "\n".join(textwrap.wrap(h.label, 15, max_lines=3, placeholder="…"))
            b = QPushButton(f"{name}\n{h.price}", self)
            b.setProperty("hit", (h.label, h.price))
            f = b.font()
            f.setPixelSize(max(11, round(QFontInfo(f).pixelSize() * 0.8)))
            b.setFont(f)
            b.setToolTip(h.label)
            b.setObjectName("favourite")
            b.setStyleSheet("padding: 2px")  # the name gets the button's whole width
            b.setMinimumHeight(TOUCH + 16)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, sku=h.sku: self.add_sku.emit(sku))
            self.fav_grid.addWidget(b, i // columns, i % columns)
        QTimer.singleShot(0, self, self._fit_favourites)

    def _fit_favourites(self) -> None:
        """A favourite shorter than its text (less room: a longer language's keys, a two-line tab bar)
        shows fewer lines of its name, never less of its price."""
        for b in self.favourites.findChildren(QPushButton, "favourite"):
            label, price = b.property("hit")
            for lines in (3, 2, 1):
                name = "\n".join(textwrap.wrap(label, 15, max_lines=lines, placeholder="…"))
                b.setText(f"{name}\n{price}")
                if b.sizeHint().height() <= b.height():
                    break

    def show_member(self, text: str | None) -> None:
        shown = text or self.tr("No member on this sale — scan the member's app QR, or Ctrl+M to type it")
        if self.member.text() != shown:
            self.member.setText(shown)
        _set_state(self.member, "attached", bool(text))

    def show_message(self, text: str, *, error: bool = False) -> None:
        if self.message.text() != text:
            self.message.setText(text)
        _set_state(self.message, "error", error)


def _set_state(w: QWidget, name: str, value: object) -> None:
    """Set a style property and re-polish only when it changes (re-polishing costs a style pass)."""
    if w.property(name) != value:
        w.setProperty(name, value)
        w.style().unpolish(w)
        w.style().polish(w)
