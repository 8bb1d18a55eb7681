"""The receipt on screen, on a Qt printer and as PDF (pytest-qt, offscreen)."""

from __future__ import annotations

import re

import numpy as np
import pytest
import zxingcpp

from hardware.printer import MemoryTransport, PrinterState, QueuedPrinter
from pos.receipt import ReceiptMark
from tests.printing.samples import SALE_UUID, eur, sample_receipt
from ui.qt import QImage, QPageLayout, QPageSize, QPrinter
from ui.receipt_print import PrinterStatusBridge, ReceiptDialog, print_to_printer, save_pdf
from ui.receipt_view import ReceiptView

pytestmark = pytest.mark.gui


def _qimage_to_gray(img: QImage) -> np.ndarray:
    img = img.convertToFormat(QImage.Format.Format_Grayscale8)
    w, h, bpl = img.width(), img.height(), img.bytesPerLine()
    return np.frombuffer(img.constBits(), dtype=np.uint8, count=bpl * h).reshape(h, bpl)[:, :w].copy()


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


def test_widget_shows_the_receipt_with_a_scannable_qr(qtbot):
    view = ReceiptView()
    qtbot.addWidget(view)
    view.set_receipt(sample_receipt(), eur)
    view.resize(view.sizeHint())
    view.show()
    qtbot.waitExposed(view)
    assert view.sizeHint().width() > 42 * 8 and view.sizeHint().height() > 1000
    assert "TOTAL" in view.accessibleDescription() and "A 19%" in view.accessibleDescription()
    gray = _qimage_to_gray(view.grab().toImage())
    assert [r.text for r in zxingcpp.read_barcodes(gray)] == [f"OMO:RECEIPT:{SALE_UUID}"]
    assert (gray < 100).mean() > 0.02  # text and code are drawn
    view.set_receipt(None)
    assert view.receipt is None


def test_save_pdf_writes_a_receipt_shaped_pdf(qtbot, tmp_path):
    out = save_pdf(sample_receipt(), tmp_path / "receipt.pdf", format_amount=eur)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5_000
    assert _pdf_pages(data) == 1
    # The page is 80 mm wide: MediaBox width in points.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box and abs(float(box.group(1)) - 80 / 25.4 * 72) < 2
    assert float(box.group(2)) > float(box.group(1)) * 2  # a long strip, not A4


def test_save_pdf_58mm_and_reprint_mark(qtbot, tmp_path):
    out = save_pdf(
        sample_receipt(ReceiptMark.REPRINT), tmp_path / "r58.pdf", format_amount=eur, width=32, paper_mm=58
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and _pdf_pages(data) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)", data)
    assert box and abs(float(box.group(1)) - 58 / 25.4 * 72) < 2


def test_print_to_a_system_printer_paginates_on_short_pages(qtbot, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "a6.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A6))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    pages = print_to_printer(sample_receipt(), printer, format_amount=eur)
    assert pages >= 2
    assert _pdf_pages((tmp_path / "a6.pdf").read_bytes()) == pages


def test_dialog_saves_and_prints(qtbot, tmp_path):
    dialog = ReceiptDialog(sample_receipt(), format_amount=eur)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.saved, timeout=5000) as sig:
        dialog.save_to(tmp_path / "d.pdf")
    assert sig.args == [str(tmp_path / "d.pdf")] and (tmp_path / "d.pdf").stat().st_size > 5_000
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=5000) as sig:
        dialog.print_on(printer)
    assert sig.args[0] >= 1 and (tmp_path / "p.pdf").stat().st_size > 5_000
    assert dialog.print_button.minimumHeight() >= 44


def test_status_bridge_delivers_printer_status_on_the_gui_thread(qtbot, tmp_path):
    from tests.printing.test_queue import offline_error

    mem = MemoryTransport()
    mem.fail_with = offline_error()
    printer = QueuedPrinter(mem, tmp_path / "q", format_amount=eur, retry_interval=3600)
    bridge = PrinterStatusBridge(printer)
    try:
        with qtbot.waitSignal(
            bridge.statusChanged, timeout=5000, check_params_cb=lambda s: s.state is PrinterState.OFFLINE
        ):
            printer.print_receipt(sample_receipt())
        qtbot.waitUntil(lambda: bridge.last.state is PrinterState.OFFLINE, timeout=5000)
        assert bridge.last.summary == "Printer offline — 1 receipt waiting"
    finally:
        bridge.detach()
        printer.close()


def test_system_printer_behind_the_durable_queue(qtbot, tmp_path):
    from hardware.printer import PrinterError
    from ui.receipt_print import SystemPrinterTransport

    outputs = []

    def pdf_printer():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / f"job{len(outputs)}.pdf"
        printer.setOutputFileName(str(out))
        outputs.append(out)
        return printer

    with QueuedPrinter(
        SystemPrinterTransport(make_qprinter=pdf_printer), tmp_path / "q", format_amount=eur
    ) as p:
        assert p.print_receipt(sample_receipt()).result(10).printed
        assert p.reprint().result(10).printed
        with pytest.raises(PrinterError, match="no cash drawer port"):
            p.open_drawer().result(10)
        assert p.status().ok  # "no drawer" is not a printer fault
    assert len(outputs) == 2 and all(o.read_bytes().startswith(b"%PDF-") for o in outputs)


def test_missing_system_printer_keeps_the_receipt_waiting(qtbot, tmp_path):
    from ui.receipt_print import SystemPrinterTransport

    transport = SystemPrinterTransport("No Such Printer 123")
    with QueuedPrinter(transport, tmp_path / "q", format_amount=eur, retry_interval=3600) as p:
        out = p.print_receipt(sample_receipt()).result(10)
        assert not out.printed
        assert p.status().summary == "Printer not found — 1 receipt waiting"
        assert "No Such Printer 123" in p.status().message


def test_japanese_receipt_on_screen_and_pdf(qtbot, tmp_path):
    from tests.printing.samples import sample_receipt_ja, yen

    view = ReceiptView()
    qtbot.addWidget(view)
    view.set_receipt(sample_receipt_ja(), yen)
    view.resize(view.sizeHint())
    gray = _qimage_to_gray(view.grab().toImage())
    assert [r.text for r in zxingcpp.read_barcodes(gray)] == [
        "OMO:RECEIPT:9c1d1f6e-2b9a-4c55-8a0e-1d2c3b4a5f60"
    ]
    assert "合計" in view.accessibleDescription()
    data = save_pdf(sample_receipt_ja(), tmp_path / "ja.pdf", format_amount=yen).read_bytes()
    assert data.startswith(b"%PDF-") and _pdf_pages(data) == 1


def test_panel_scrolls_instead_of_forcing_its_height(qtbot):
    from ui.qt import QVBoxLayout, QWidget
    from ui.receipt_view import ReceiptPanel

    window = QWidget()
    qtbot.addWidget(window)
    panel = ReceiptPanel()
    QVBoxLayout(window).addWidget(panel)
    panel.set_receipt(sample_receipt(), eur)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.height() <= 768 and panel.height() < panel.view.height()
    assert panel.verticalScrollBar().maximum() > 0
