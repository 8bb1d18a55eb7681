"""Receipt printers and cash drawers (Qt-free).

- :class:`ReceiptPrinter` — the interface the checkout calls: ``print_receipt``, ``open_drawer``,
  ``status``, ``retry``, ``reprint``, ``jobs``, ``close``. Every call returns a Future at once.
- :class:`QueuedPrinter` — ESC/POS over a :class:`Transport` (USB, network, serial, device file, file
  directory) behind a durable queue on the printer's own thread.
- :class:`NullPrinter` — no printer configured; ``error_text`` says so.
- :func:`make_printer` / :func:`demo_printer` — from settings / for the demo shop.
- :mod:`.render` — ESC/POS bytes back to text and PNG.  :mod:`.errors` — exceptions to clear messages.
"""

from .base import JobInfo, NullPrinter, PrinterKind, PrinterStatus, PrintOutcome, ReceiptPrinter
from .errors import PrinterError, PrinterProblem, PrinterState, classify_error
from .escpos_encode import DRAWER_KICK_PIN2, DRAWER_KICK_PIN5, encode_drawer_kick, encode_receipt
from .factory import demo_printer, make_printer, make_transport, printer_config
from .queue import QueuedPrinter
from .transports import (
    DeviceFileTransport,
    FileTransport,
    MemoryTransport,
    NetworkTransport,
    SerialTransport,
    Transport,
    UsbTransport,
)

__all__ = [
    "DRAWER_KICK_PIN2",
    "DRAWER_KICK_PIN5",
    "DeviceFileTransport",
    "FileTransport",
    "JobInfo",
    "MemoryTransport",
    "NetworkTransport",
    "NullPrinter",
    "PrintOutcome",
    "PrinterError",
    "PrinterKind",
    "PrinterProblem",
    "PrinterState",
    "PrinterStatus",
    "QueuedPrinter",
    "ReceiptPrinter",
    "SerialTransport",
    "Transport",
    "UsbTransport",
    "classify_error",
    "demo_printer",
    "encode_drawer_kick",
    "encode_receipt",
    "make_printer",
    "make_transport",
    "printer_config",
]
