"""Build the configured receipt printer; unusable settings give a NullPrinter that says why."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pos.receipt import WIDTH_58MM, WIDTH_80MM

from .base import NullPrinter, PrinterKind, ReceiptPrinter
from .queue import QueuedPrinter
from .transports import (
    DeviceFileTransport,
    FileTransport,
    NetworkTransport,
    SerialTransport,
    Transport,
    UsbTransport,
)

log = logging.getLogger("hw.printer")


def _int(value: Any) -> int:
    """Accepts 1208, "1208" and "0x04b8"."""
    if isinstance(value, int):
        return value
    return int(str(value), 0)


def columns_for(settings: Mapping[str, Any]) -> int:
    if "columns" in settings:
        return int(settings["columns"])
    return WIDTH_58MM if int(settings.get("paper_mm", 80)) <= 58 else WIDTH_80MM


def make_transport(settings: Mapping[str, Any]) -> Transport:
    """``settings["kind"]``: file (directory), network (host, port), usb (vendor_id, product_id),
    serial (device, baudrate), device (path, e.g. /dev/usb/lp0). ``profile``: a python-escpos profile."""
    kind = PrinterKind(settings.get("kind", "none"))
    profile = settings.get("profile") or None
    if kind is PrinterKind.FILE:
        return FileTransport(settings["directory"])
    if kind is PrinterKind.NETWORK:
        return NetworkTransport(
            str(settings["host"]),
            _int(settings.get("port", 9100)),
            timeout=float(settings.get("timeout", 5.0)),
            profile=profile,
        )
    if kind is PrinterKind.USB:
        return UsbTransport(
            _int(settings["vendor_id"]),
            _int(settings["product_id"]),
            timeout_ms=_int(settings.get("timeout_ms", 5000)),
            profile=profile,
        )
    if kind is PrinterKind.SERIAL:
        return SerialTransport(
            str(settings["device"]), baudrate=_int(settings.get("baudrate", 9600)), profile=profile
        )
    if kind is PrinterKind.DEVICE:
        return DeviceFileTransport(str(settings["path"]), profile=profile)
    raise ValueError(f"no transport for printer kind {kind!r}")


def make_printer(
    settings: Mapping[str, Any] | None,
    queue_dir: str | Path,
    *,
    format_amount: Callable[[int], str] | None = None,
    **kw: Any,
) -> ReceiptPrinter:
    """The printer for ``settings`` (None or kind "none": a NullPrinter), queued under ``queue_dir``."""
    if not settings or settings.get("kind", "none") == PrinterKind.NONE:
        return NullPrinter()
    try:
        transport = make_transport(settings)
        return QueuedPrinter(
            transport,
            queue_dir,
            width=columns_for(settings),
            format_amount=format_amount,
            profile=settings.get("profile") or None,
            drawer_pin=_int(settings.get("drawer_pin", 2)),
            **kw,
        )
    except (KeyError, ValueError, TypeError, OSError) as e:
        what = f"missing setting {e}" if isinstance(e, KeyError) else str(e)
        log.error("receipt printer settings unusable: %s", what)
        return NullPrinter(
            f"The receipt printer settings are not usable ({what}). Receipts are shown on screen; "
            "ask a manager to check Settings → Printer."
        )


def demo_printer(
    data_dir: str | Path, *, format_amount: Callable[[int], str] | None = None, **kw: Any
) -> QueuedPrinter:
    """The demo shop's printer: ESC/POS files in ``<data_dir>/printer-output`` behind a FaultyTransport
    (``printer.transport.fault = "offline"`` etc. from the simulator panel)."""
    from .simulator import FaultyTransport

    data_dir = Path(data_dir)
    transport = FaultyTransport(FileTransport(data_dir / "printer-output"))
    return QueuedPrinter(transport, data_dir / "print-queue", format_amount=format_amount, **kw)
