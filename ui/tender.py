"""Tender dialogs: cash with quick amounts and change due, and the amount to put on the card in a split
payment (the card payment itself is a panel in the page, `ui.card_panel`). Amounts are integers in minor
units; the presenter passes the store's parse/format functions so the dialogs know nothing of currencies.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Slot,
)

TOUCH = 44


def _big(label: QLabel, size: int = 22, bold: bool = True) -> QLabel:
    f = label.font()
    f.setPointSize(size)
    f.setBold(bold)
    label.setFont(f)
    return label


class CashDialog(QDialog):
    """Amount due (after cash rounding), quick amounts, tendered amount and the change to give."""

    def __init__(
        self,
        due: int,
        fmt: Callable[[int], str],
        parse: Callable[[str], int | None],
        quick: list[int],
        rounding_note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cashDialog")
        self.setWindowTitle(self.tr("Cash"))
        self.setModal(True)
        self.due, self.fmt, self.parse = due, fmt, parse
        self.tendered: int | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(_big(QLabel(self.tr("Due in cash: {amount}").format(amount=fmt(due)), self), 20))
        if rounding_note:
            lay.addWidget(QLabel(rounding_note, self))
        row = QHBoxLayout()
        self.quick_buttons: list[QPushButton] = []
        for amount in quick:
            b = QPushButton(
                fmt(amount) if amount != due else self.tr("Exact {amount}").format(amount=fmt(amount)), self
            )
            b.setMinimumHeight(TOUCH)
            b.clicked.connect(lambda _=False, a=amount: self._set(a))
            row.addWidget(b)
            self.quick_buttons.append(b)
        lay.addLayout(row)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("tendered")
        self.entry.setPlaceholderText(self.tr("Amount given by the customer"))
        self.entry.setMinimumHeight(TOUCH)
        self.entry.textChanged.connect(self._update)
        self.entry.returnPressed.connect(self._confirm)
        lay.addWidget(self.entry)
        pad = QGridLayout()
        for i, key in enumerate(["7", "8", "9", "4", "5", "6", "1", "2", "3", "0", "00", "."]):
            b = QPushButton(key, self)
            b.setMinimumSize(TOUCH + 16, TOUCH)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self.entry.insert(k))
            pad.addWidget(b, i // 3, i % 3)
        lay.addLayout(pad)
        self.change = _big(QLabel("", self), 20)
        self.change.setObjectName("changeDue")
        lay.addWidget(self.change)
        buttons = QHBoxLayout()
        self.ok = QPushButton(self.tr("Take cash (Enter)"), self)
        self.ok.setMinimumHeight(TOUCH)
        self.ok.setProperty("primary", True)
        self.ok.clicked.connect(self._confirm)
        cancel = QPushButton(self.tr("Back (Esc)"), self)
        cancel.setMinimumHeight(TOUCH)
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        lay.addLayout(buttons)
        self.entry.setFocus()
        self._update()

    def _set(self, amount: int) -> None:
        """A quick-amount button ("Exact", the next notes): take that amount as given. (The formatted
        text, "€12.34", does not parse back, so going through the entry made these buttons do nothing.)"""
        self.entry.blockSignals(True)
        self.entry.setText(self.fmt_plain(amount))
        self.entry.blockSignals(False)
        if amount >= self.due:
            self.tendered = amount
            self.accept()

    def fmt_plain(self, amount: int) -> str:
        return self.fmt(amount)

    @Slot()
    def _update(self) -> None:
        text = self.entry.text().strip()
        value = self.parse(text) if text else None
        if value is None:
            self.change.setText(
                self.tr("Enter the amount given") if not text else self.tr("That is not an amount")
            )
            self.ok.setEnabled(False)
            return
        if value < self.due:
            self.change.setText(self.tr("Short by {amount}").format(amount=self.fmt(self.due - value)))
            self.ok.setEnabled(False)
            return
        self.change.setText(self.tr("Change: {amount}").format(amount=self.fmt(value - self.due)))
        self.ok.setEnabled(True)

    @Slot()
    def _confirm(self) -> None:
        text = self.entry.text().strip()
        value = self.parse(text) if text else None
        if value is not None and value >= self.due:
            self.tendered = value
            self.accept()


class SplitDialog(QDialog):
    """How much goes on the card; the rest is paid in cash afterwards."""

    def __init__(
        self,
        due: int,
        fmt: Callable[[int], str],
        parse: Callable[[str], int | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split payment"))
        self.setModal(True)
        self.due, self.fmt, self.parse = due, fmt, parse
        self.card_amount: int | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(_big(QLabel(self.tr("Total due: {amount}").format(amount=fmt(due)), self), 18))
        lay.addWidget(QLabel(self.tr("Amount to put on the card now (the rest in cash):"), self))
        self.entry = QLineEdit(self)
        self.entry.setMinimumHeight(TOUCH)
        self.entry.textChanged.connect(self._update)
        self.entry.returnPressed.connect(self._confirm)
        lay.addWidget(self.entry)
        self.rest = QLabel("", self)
        lay.addWidget(self.rest)
        self.ok = QPushButton(self.tr("Card first (Enter)"), self)
        self.ok.setMinimumHeight(TOUCH)
        self.ok.clicked.connect(self._confirm)
        lay.addWidget(self.ok)
        self._update()

    @Slot()
    def _update(self) -> None:
        v = self.parse(self.entry.text().strip()) if self.entry.text().strip() else None
        ok = v is not None and 0 < v < self.due
        self.ok.setEnabled(ok)
        self.rest.setText(
            f"Then {self.fmt(self.due - v)} in cash" if ok and v is not None else "Enter less than the total"
        )

    @Slot()
    def _confirm(self) -> None:
        v = self.parse(self.entry.text().strip()) if self.entry.text().strip() else None
        if v is not None and 0 < v < self.due:
            self.card_amount = v
            self.accept()
