"""The receipt on screen, through Qt: the painter and the widget.

One painter (:class:`ReceiptPainter`) draws the shared layout of ``pos.receipt`` — the same rows the
thermal printer gets — with a monospace font and the claim QR code (from ``qrcode``, drawn as vector
squares so it stays sharp in a PDF). It serves the widget and ``ui.receipt_print`` (system printers, PDF).

Printing, PDF and the printer status bridge are in :mod:`ui.receipt_print`.
"""

from __future__ import annotations

from collections.abc import Callable

import qrcode
from qrcode import constants as qr_constants

from pos.receipt import WIDTH_80MM, Align, Block, QrBlock, Receipt, Row, cell_width, layout
from ui.qt import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPointF,
    QRectF,
    QScrollArea,
    QSize,
    QSizeF,
    Qt,
    QWidget,
)

FormatAmount = Callable[[int], str] | None

PAPER_MM = 80.0
"""Printed width on a system printer or PDF: an 80 mm receipt."""
PDF_MARGIN_MM = 4.0
QR_MODULE = 6  # logical units per QR module (the thermal printer uses 6 dots)
QR_QUIET = 4  # modules of white around the code


def _mono_font(pixel_size: int = 20) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFixedPitch(True)
    font.setPixelSize(pixel_size)
    return font


def _qr_matrix(payload: str) -> list[list[bool]]:
    q = qrcode.QRCode(error_correction=qr_constants.ERROR_CORRECT_M, border=0)
    q.add_data(payload)
    q.make(fit=True)
    return q.get_matrix()


class ReceiptPainter:
    """Lays a receipt out in logical units (one character cell ≈ 12 × 30 at the default font size)."""

    def __init__(self, receipt: Receipt, width: int = WIDTH_80MM, format_amount: FormatAmount = None):
        self.receipt = receipt
        self.width = width
        self.blocks: list[Block] = layout(receipt, width, format_amount)
        self.font = _mono_font()
        self.bold_font = QFont(self.font)
        self.bold_font.setBold(True)
        fm = QFontMetricsF(self.font)
        self.cell_w = fm.horizontalAdvance("M")
        self.line_h = fm.height() * 1.25
        self.ascent = fm.ascent()
        self.margin = self.cell_w * 1.5
        self._qr: dict[str, list[list[bool]]] = {}
        self.heights = [self._height(b) for b in self.blocks]

    # --- geometry
    @property
    def paper_width(self) -> float:
        return self.width * self.cell_w + 2 * self.margin

    @property
    def paper_height(self) -> float:
        return sum(self.heights) + 2 * self.margin

    def size(self) -> QSizeF:
        return QSizeF(self.paper_width, self.paper_height)

    def _matrix(self, payload: str) -> list[list[bool]]:
        if payload not in self._qr:
            self._qr[payload] = _qr_matrix(payload)
        return self._qr[payload]

    def _height(self, b: Block) -> float:
        if isinstance(b, QrBlock):
            modules = len(self._matrix(b.payload)) + 2 * QR_QUIET
            return modules * QR_MODULE + len(b.caption) * self.line_h
        return self.line_h * (2 if b.double_height else 1)

    # --- drawing
    def paint(self, p: QPainter, first: int = 0, last: int | None = None, *, paper: bool = True) -> None:
        """Draw blocks ``first..last-1`` starting at the painter's origin (plus the margin)."""
        last = len(self.blocks) if last is None else last
        height = sum(self.heights[first:last]) + 2 * self.margin
        p.save()
        if paper:
            p.fillRect(QRectF(0, 0, self.paper_width, height), QColor("white"))
        p.setPen(QColor("black"))
        y = self.margin
        for block, h in zip(self.blocks[first:last], self.heights[first:last], strict=True):
            if isinstance(block, QrBlock):
                self._paint_qr(p, block, y)
            else:
                self._paint_row(p, block, y)
            y += h
        p.restore()

    def _paint_row(self, p: QPainter, row: Row, y: float) -> None:
        text = row.text.rstrip() if row.align is Align.LEFT else row.text.strip()
        if not text:
            return
        sx = 2.0 if row.double_width else 1.0
        sy = 2.0 if row.double_height else 1.0
        text_w = cell_width(text) * self.cell_w * sx
        avail = self.width * self.cell_w
        x = self.margin
        if row.align is Align.CENTER:
            x += (avail - text_w) / 2
        elif row.align is Align.RIGHT:
            x += avail - text_w
        p.save()
        p.setFont(self.bold_font if row.bold else self.font)
        p.translate(x, y + (self.line_h - QFontMetricsF(self.font).height()) / 2 * sy)
        p.scale(sx, sy)
        self._draw_cells(p, text, 0.0, self.ascent)
        p.restore()

    def _draw_cells(self, p: QPainter, text: str, x: float, baseline: float) -> None:
        """Draw ``text`` on the character grid: ASCII runs as strings; any other character centred in
        its cells (one or two), so a fallback font's different advance never shifts the columns."""
        run = ""
        for ch in text:
            if ch.isascii():
                run += ch
                continue
            if run:
                p.drawText(QPointF(x, baseline), run)
                x += len(run) * self.cell_w
                run = ""
            cells = max(1, cell_width(ch))
            advance = p.fontMetrics().horizontalAdvance(ch)
            p.drawText(QPointF(x + (cells * self.cell_w - advance) / 2, baseline), ch)
            x += cells * self.cell_w
        if run:
            p.drawText(QPointF(x, baseline), run)

    def _paint_qr(self, p: QPainter, block: QrBlock, y: float) -> None:
        matrix = self._matrix(block.payload)
        size = len(matrix) * QR_MODULE
        x0 = self.margin + (self.width * self.cell_w - size) / 2
        y0 = y + QR_QUIET * QR_MODULE
        p.save()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("black"))
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    p.drawRect(QRectF(x0 + c * QR_MODULE, y0 + r * QR_MODULE, QR_MODULE, QR_MODULE))
        p.restore()
        p.setFont(self.font)
        cy = y0 + size + QR_QUIET * QR_MODULE
        for caption in block.caption:
            w = cell_width(caption) * self.cell_w
            self._draw_cells(p, caption, self.margin + (self.width * self.cell_w - w) / 2, cy + self.ascent)
            cy += self.line_h

    def pages(self, page_height: float) -> list[tuple[int, int]]:
        """Split the blocks into runs that fit ``page_height`` logical units (a block is never split)."""
        runs: list[tuple[int, int]] = []
        start, used = 0, 2 * self.margin
        for i, h in enumerate(self.heights):
            if used + h > page_height and i > start:
                runs.append((start, i))
                start, used = i, 2 * self.margin
            used += h
        runs.append((start, len(self.blocks)))
        return runs


class ReceiptView(QWidget):
    """The receipt as it looks on paper."""

    def __init__(self, parent: QWidget | None = None, *, fit_width: bool = False):
        super().__init__(parent)
        self._painter: ReceiptPainter | None = None
        # fit_width: shrink the paper to the widget's width (a narrow dock) instead of scrolling sideways
        self.fit_width = fit_width
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.setAccessibleName(self.tr("Receipt"))

    def _scale(self) -> float:
        if not self.fit_width or self._painter is None or self._painter.paper_width <= 0:
            return 1.0
        return max(0.2, min(1.0, (self.width() - 16) / self._painter.paper_width))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.fit_width and self._painter is not None:
            self.setMinimumHeight(int(self._painter.paper_height * self._scale()) + 16)

    def set_receipt(
        self, receipt: Receipt | None, format_amount: FormatAmount = None, width: int = WIDTH_80MM
    ) -> None:
        self._painter = None if receipt is None else ReceiptPainter(receipt, width, format_amount)
        if self._painter is not None:
            self.setAccessibleDescription(
                "\n".join(b.text for b in self._painter.blocks if isinstance(b, Row))
            )
        self.updateGeometry()
        if self.fit_width:
            if self._painter is not None:
                self.setMinimumSize(0, int(self._painter.paper_height * self._scale()) + 16)
        else:
            self.setMinimumSize(self.sizeHint())
        self.update()

    @property
    def receipt(self) -> Receipt | None:
        return None if self._painter is None else self._painter.receipt

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        if self._painter is None:
            return QSize(300, 200)
        s = self._painter.size()
        return QSize(int(s.width()) + 16, int(s.height()) + 16)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), self.palette().window())
            if self._painter is None:
                return
            p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            k = self._scale()
            x = max(8.0, (self.width() - self._painter.paper_width * k) / 2)
            p.translate(x, 8)
            p.scale(k, k)
            p.fillRect(
                QRectF(3, 3, self._painter.paper_width, self._painter.paper_height), QColor(0, 0, 0, 40)
            )
            self._painter.paint(p)
        finally:
            p.end()


class ReceiptPanel(QScrollArea):
    """A :class:`ReceiptView` in a scroll area: what to embed in a window (the paper is ~1,500 px
    tall at natural size; the panel scrolls instead of forcing that height on the layout)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = ReceiptView()
        self.setWidget(self.view)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def set_receipt(
        self, receipt: Receipt | None, format_amount: FormatAmount = None, width: int = WIDTH_80MM
    ) -> None:
        self.view.set_receipt(receipt, format_amount, width)
        self.setMinimumWidth(min(self.view.sizeHint().width() + 24, 640))
        self.verticalScrollBar().setValue(0)
