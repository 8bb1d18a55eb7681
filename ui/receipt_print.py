"""The receipt on paper and in a file: any system printer and PDF through Qt's print support, the dialog
that offers both, the system printer as a transport of the durable printer queue, and the printer status
as a GUI-thread signal. The drawing itself is :class:`ui.receipt_view.ReceiptPainter`'s.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from hardware.printer import (
    PrinterError,
    PrinterProblem,
    PrinterState,
    PrinterStatus,
    ReceiptPrinter,
    Transport,
)
from pos.receipt import WIDTH_80MM, Receipt
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMarginsF,
    QObject,
    QPageLayout,
    QPageSize,
    QPainter,
    QPrintDialog,
    QPrinter,
    QPrinterInfo,
    QPushButton,
    QSizeF,
    QVBoxLayout,
    QWidget,
    Signal,
    Slot,
)
from ui.receipt_view import PAPER_MM, PDF_MARGIN_MM, FormatAmount, ReceiptPainter, ReceiptPanel


def print_to_printer(
    receipt: Receipt,
    printer: QPrinter,
    *,
    format_amount: FormatAmount = None,
    width: int = WIDTH_80MM,
    paper_mm: float = PAPER_MM,
) -> int:
    """Print ``receipt`` on any Qt printer (a system printer or a PDF), ``paper_mm`` wide at most,
    continuing on further pages if the page is shorter than the receipt. Returns the page count."""
    rp = ReceiptPainter(receipt, width, format_amount)
    dpi = printer.resolution()
    page = printer.pageLayout().paintRectPixels(dpi)
    target_w = min(float(page.width()), paper_mm / 25.4 * dpi)
    scale = target_w / rp.paper_width
    runs = rp.pages(page.height() / scale)
    p = QPainter()
    if not p.begin(printer):
        raise OSError("The printer could not be opened. Check that it is available and try again.")
    try:
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for n, (first, last) in enumerate(runs):
            if n:
                printer.newPage()
            p.save()
            p.scale(scale, scale)
            rp.paint(p, first, last, paper=False)
            p.restore()
    finally:
        p.end()
    return len(runs)


def save_pdf(
    receipt: Receipt,
    path: str | Path,
    *,
    format_amount: FormatAmount = None,
    width: int = WIDTH_80MM,
    paper_mm: float = PAPER_MM,
) -> Path:
    """Save ``receipt`` as a one-page PDF shaped like the paper receipt (``paper_mm`` wide)."""
    path = Path(path)
    rp = ReceiptPainter(receipt, width, format_amount)
    content_mm = paper_mm - 2 * PDF_MARGIN_MM
    height_mm = rp.paper_height * content_mm / rp.paper_width + 2 * PDF_MARGIN_MM
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(f"Receipt {receipt.receipt_no}")
    printer.setCreator("OMO POS")
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(paper_mm, height_mm + 1), QPageSize.Unit.Millimeter, "Receipt"),
            QPageLayout.Orientation.Portrait,
            QMarginsF(PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM, PDF_MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    print_to_printer(receipt, printer, format_amount=format_amount, width=width, paper_mm=content_mm)
    return path


class ReceiptDialog(QDialog):
    """The receipt on screen with Print… (any system printer) and Save as PDF…."""

    printed = Signal(int)
    saved = Signal(str)

    def __init__(
        self,
        receipt: Receipt,
        *,
        format_amount: FormatAmount = None,
        width: int = WIDTH_80MM,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt %s") % receipt.receipt_no)
        self._format_amount = format_amount
        self._width = width
        scroll = ReceiptPanel(self)
        scroll.set_receipt(receipt, format_amount, width)
        self.view = scroll.view
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"), self)
        for b in (self.print_button, self.pdf_button):
            b.setMinimumHeight(44)
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.choose_printer)
        self.pdf_button.clicked.connect(self.choose_pdf)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll)
        lay.addWidget(buttons)
        self.resize(scroll.minimumWidth() + 24, 720)

    @Slot()
    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_on(printer)

    def print_on(self, printer: QPrinter) -> int:
        receipt = self.view.receipt
        assert receipt is not None
        pages = print_to_printer(receipt, printer, format_amount=self._format_amount, width=self._width)
        self.printed.emit(pages)
        return pages

    @Slot()
    def choose_pdf(self) -> None:
        receipt = self.view.receipt
        assert receipt is not None
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt as PDF"), f"receipt-{receipt.receipt_no}.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save_to(name)

    def save_to(self, path: str | Path) -> Path:
        receipt = self.view.receipt
        assert receipt is not None
        out = save_pdf(receipt, path, format_amount=self._format_amount, width=self._width)
        self.saved.emit(str(out))
        return out


class SystemPrinterTransport(Transport):
    """Receipts on any system printer (a CUPS or Windows spooler queue) through Qt print support.

    Used as the transport of a :class:`hardware.printer.QueuedPrinter`, so the durable queue, the
    status and reprints work as for a thermal printer; Qt paints on the printer thread (QPainter on a
    QPrinter is allowed outside the GUI thread). A system printer has no drawer port: ``open_drawer``
    says so.
    """

    def __init__(self, printer_name: str = "", *, make_qprinter: Callable[[], QPrinter] | None = None):
        self.printer_name = printer_name
        self._make_qprinter = make_qprinter
        self.description = f"the printer '{printer_name}'" if printer_name else "the default printer"

    def _qprinter(self) -> QPrinter:
        if self._make_qprinter is not None:
            return self._make_qprinter()
        info = (
            QPrinterInfo.printerInfo(self.printer_name)
            if self.printer_name
            else QPrinterInfo.defaultPrinter()
        )
        if info.isNull():
            raise FileNotFoundError(errno.ENOENT, "no such system printer", self.printer_name or "default")
        return QPrinter(info, QPrinter.PrinterMode.HighResolution)

    def deliver_receipt(
        self, receipt: Receipt, width: int, profile: str | None = None, kanji: bool = False
    ) -> None:
        printer = self._qprinter()
        printer.setDocName(f"Receipt {receipt.receipt_no}")
        print_to_printer(receipt, printer, width=width)

    def send(self, data: bytes, job_name: str = "") -> None:
        raise PrinterError(
            PrinterProblem(
                PrinterState.ERROR,
                f"{self.description[:1].upper()}{self.description[1:]} has no cash drawer port.",
                transient=False,
            )
        )


class PrinterStatusBridge(QObject):
    """Delivers a receipt printer's status changes (made on the printer thread) as a GUI-thread signal."""

    statusChanged = Signal(object)  # noqa: N815 - Qt naming

    def __init__(self, printer: ReceiptPrinter, parent: QObject | None = None):
        super().__init__(parent)
        self._printer = printer
        self.last: PrinterStatus = printer.status()
        self.statusChanged.connect(self._remember)
        # Emitting from the printer thread queues the call to this GUI-thread object.
        self._listener = self.statusChanged.emit
        printer.add_listener(self._listener)

    def detach(self) -> None:
        """Stop listening (call before the bridge is deleted or the printer closed)."""
        self._printer.remove_listener(self._listener)

    @Slot(object)
    def _remember(self, status: PrinterStatus) -> None:
        self.last = status
