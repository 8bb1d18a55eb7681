"""The Till workspace: the session's state, its actions (open, cash in and out, drop, no sale, X report,
close, Z report), the report on screen with its chart of sales by hour, and the count dialogs.

Widgets only: the presenter (`ui.till_presenter`) calls the service and fills them. Amounts arrive as
minor units with the store's format and parse functions.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import (
    QColor,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPainter,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import TOUCH, two_lines

Fmt = Callable[[int], str]
Sections = list[tuple[str, list[tuple[str, str]]]]

ACTIONS = ("open", "cash_in", "cash_out", "drop", "no_sale", "x_report", "close", "z_report", "pdf", "print")


class HourChart(QWidget):
    """Sales by hour as bars (amounts), hours along the bottom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourChart")
        self.setMinimumHeight(150)
        self.bars: list[tuple[int, int]] = []
        self.caption = ""

    def show_hours(self, by_hour: tuple[tuple[int, int, int], ...], caption: str) -> None:
        hours = {h: a for h, _n, a in by_hour}
        lo, hi = min(hours, default=9), max(hours, default=17)
        self.bars = [(h, hours.get(h, 0)) for h in range(lo, hi + 1)]
        self.caption = caption
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(pal.ColorRole.WindowText)
        p.setPen(text)
        fm = p.fontMetrics()
        top = fm.height() + 6
        p.drawText(4, fm.ascent() + 2, self.caption)
        base = self.height() - fm.height() - 4
        top_value = max((a for _h, a in self.bars), default=0) or 1
        n = max(1, len(self.bars))
        slot = (self.width() - 8) / n
        for i, (hour, amount) in enumerate(self.bars):
            x = 4 + i * slot
            h = (base - top) * amount / top_value
            p.fillRect(
                int(x + slot * 0.15), int(base - h), max(1, int(slot * 0.7)), int(h), QColor("#2f6fb3")
            )
            p.drawText(int(x), base + 2, int(slot), fm.height(), Qt.AlignmentFlag.AlignHCenter, f"{hour:02d}")
        p.end()


class ReportView(QTableWidget):
    """Sections of label / amount rows; a section title is a bold row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("tillReport")
        self.horizontalHeader().hide()
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setShowGrid(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setStyleSheet("QTableWidget#tillReport::item { padding: 0px 6px; }")

    def show_sections(self, sections: Sections) -> None:
        rows: list[tuple[str, str, bool]] = []
        for title, items in sections:
            rows.append((title, "", True))
            rows += [(a, b, False) for a, b in items]
        self.clearSpans()
        self.setRowCount(len(rows))
        for i, (a, b, bold) in enumerate(rows):
            left, right = QTableWidgetItem(a), QTableWidgetItem(b)
            right.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if bold:
                f = left.font()
                f.setBold(True)
                left.setFont(f)
            self.setItem(i, 0, left)
            self.setItem(i, 1, right)
            if not b and not bold:  # a sentence (a reason, a note): the whole width, wrapped
                self.setSpan(i, 0, 1, 2)
                self.resizeRowToContents(i)


class TillPage(QWidget):
    action = Signal(str)  # one of ACTIONS

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tillPage")
        lay = QVBoxLayout(self)
        self.state = QLabel(self)
        self.state.setObjectName("tillState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-size: 18px; font-weight: bold;")
        lay.addWidget(self.state)
        grid = QGridLayout()
        labels = {
            "open": self.tr("Open the till"),
            "cash_in": self.tr("Cash in"),
            "cash_out": self.tr("Cash out"),
            "drop": self.tr("Drop to safe"),
            "no_sale": self.tr("No sale"),
            "x_report": self.tr("X report"),
            "close": self.tr("Close (blind count)"),
            "z_report": self.tr("Last Z report"),
            "pdf": self.tr("Save PDF"),
            "print": self.tr("Print"),
        }
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(ACTIONS):
            b = QPushButton(labels[key], self)
            b.setObjectName(f"till_{key}")
            b.setMinimumHeight(40)
            b.setProperty("label", labels[key])  # the one-line label; `_fit_labels` may break it in two
            # as wide as its label while the row has room; narrower (a longer language): it takes two lines
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            b.setMinimumWidth(TOUCH)
            b.clicked.connect(lambda _c=False, k=key: self.action.emit(k))
            grid.addWidget(b, i // 5, i % 5)
            self.buttons[key] = b
        lay.addLayout(grid)
        self.title = QLabel(self)
        self.title.setObjectName("tillReportTitle")
        self.title.setWordWrap(True)
        lay.addWidget(self.title)
        body = QHBoxLayout()
        self.report = ReportView(self)
        self.chart = HourChart(self)
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        body.addWidget(self.report, 3)
        body.addWidget(self.chart, 2)
        lay.addLayout(body, 1)
        self.message = QLabel(self)
        self.message.setObjectName("tillMessage")
        self.message.setWordWrap(True)
        lay.addWidget(self.message)

    def resizeEvent(self, e) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(e)
        self._fit_labels()

    def _fit_labels(self) -> None:
        """A label wider than its button (a longer language at 1024 px) goes on two lines."""
        for b in self.buttons.values():
            label, fm = b.property("label"), b.fontMetrics()
            fits = fm.horizontalAdvance(label) <= b.width() - 12  # the style's padding and border
            text = label if fits else two_lines(label, fm.horizontalAdvance)
            if b.text() != text:
                b.setText(text)

    def set_open(self, is_open: bool, state: str) -> None:
        self.state.setText(state)
        for key in ("cash_in", "cash_out", "drop", "no_sale", "x_report", "close"):
            self.buttons[key].setEnabled(is_open)
        self.buttons["open"].setEnabled(not is_open)

    def show_report(self, title: str, sections: Sections, by_hour, chart_caption: str) -> None:
        self.title.setText(title)
        self.report.show_sections(sections)
        self.chart.show_hours(by_hour, chart_caption)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)


class CountDialog(QDialog):
    """Notes and coins counted by denomination, the total as it grows. A blind count shows no expected
    amount. `counted` holds {denomination: pieces} after accept."""

    def __init__(
        self,
        title: str,
        note: str,
        values: tuple[int, ...],
        fmt: Fmt,
        prefill: dict[int, int],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("countDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.fmt = fmt
        self.counted: dict[int, int] = {}
        lay = QVBoxLayout(self)
        head = QLabel(note, self)
        head.setWordWrap(True)
        lay.addWidget(head)
        grid = QGridLayout()
        self.spins: dict[int, QSpinBox] = {}
        half = (len(values) + 1) // 2
        for i, value in enumerate(values):
            spin = QSpinBox(self)
            spin.setRange(0, 9999)
            spin.setValue(prefill.get(value, 0))
            spin.setObjectName(f"count_{value}")
            spin.valueChanged.connect(self._total)
            col = 0 if i < half else 2
            grid.addWidget(QLabel(fmt(value), self), i % half, col)
            grid.addWidget(spin, i % half, col + 1)
            self.spins[value] = spin
        lay.addLayout(grid)
        self.total = QLabel(self)
        self.total.setObjectName("countTotal")
        self.total.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(self.total)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Done"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._total()
        if values:
            self.spins[values[0]].setFocus()
            self.spins[values[0]].selectAll()

    def _total(self) -> None:
        self.counted = {v: s.value() for v, s in self.spins.items() if s.value()}
        self.total.setText(self.tr("Total: {amount}").format(amount=self.fmt(self.amount)))

    @property
    def amount(self) -> int:
        return sum(v * n for v, n in self.counted.items())


class CloseDialog(QDialog):
    """After the blind count: counted, expected, over or short, and the reason (asked for a difference)."""

    def __init__(
        self, lines: list[tuple[str, str]], verdict: str, needs_reason: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("closeDialog")
        self.setWindowTitle(self.tr("Close the till"))
        self.setModal(True)
        lay = QVBoxLayout(self)
        form = QFormLayout()
        for label, value in lines:
            right = QLabel(value, self)
            right.setAlignment(Qt.AlignmentFlag.AlignRight)
            form.addRow(label, right)
        lay.addLayout(form)
        self.verdict = QLabel(verdict, self)
        self.verdict.setObjectName("closeVerdict")
        self.verdict.setWordWrap(True)
        lay.addWidget(self.verdict)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("closeReason")
        self.reason.setPlaceholderText(self.tr("Why the difference? (kept with the closure)"))
        self.reason.setVisible(needs_reason)
        self.reason.returnPressed.connect(self.accept)  # Enter after typing the reason closes the till
        lay.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Close the till"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        if needs_reason:
            self.reason.setFocus()


__all__ = ["ACTIONS", "CloseDialog", "CountDialog", "HourChart", "ReportView", "TillPage"]
