"""Build the configured receipt printer; unusable settings give a NullPrinter that says why."""

from __future__ import annotations

import logging
import sqlite3
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


SETTING_KINDS = {
    "none": PrinterKind.NONE,
    "file": PrinterKind.FILE,
    "escpos-usb": PrinterKind.USB,
    "escpos-network": PrinterKind.NETWORK,
    "escpos-serial": PrinterKind.SERIAL,
    "escpos-device": PrinterKind.DEVICE,
}


def printer_config(kind: str, target: str, data_dir: str | Path) -> dict[str, Any] | None:
    """Translate the ``printer.kind`` / ``printer.target`` settings into :func:`make_printer` settings.

    - ``file``: target = a directory (default ``<data_dir>/printer-output``)
    - ``escpos-usb``: ``"04b8:0202"`` (vendor:product, hex)
    - ``escpos-network``: ``"192.168.1.50"`` or ``"192.168.1.50:9100"``
    - ``escpos-serial``: ``"/dev/ttyUSB0"`` or ``"/dev/ttyUSB0@19200"`` (``COM3@9600`` on Windows)
    - ``escpos-device``: a device file such as ``/dev/usb/lp0``
    - ``none``: None.  (``system`` printers are printed through Qt: see ``ui.receipt_view``.)
    Raises ValueError with a message a manager understands when the target does not fit the kind.
    """
    target = (target or "").strip()
    if kind not in SETTING_KINDS:
        raise ValueError(f"unknown receipt printer kind {kind!r}")
    k = SETTING_KINDS[kind]
    if k is PrinterKind.NONE:
        return None
    if k is PrinterKind.FILE:
        return {"kind": "file", "directory": target or str(Path(data_dir) / "printer-output")}
    if not target:
        raise ValueError(f"the printer address is empty (printer.target) for a {kind} printer")
    if k is PrinterKind.USB:
        vid, sep, pid = target.partition(":")
        try:
            return {"kind": "usb", "vendor_id": int(vid, 16), "product_id": int(pid, 16)}
        except ValueError:
            raise ValueError(
                f"a USB printer address is vendor:product in hex, like 04b8:0202 (got {target!r})"
            ) from None
    if k is PrinterKind.NETWORK:
        host, sep, port = target.rpartition(":") if ":" in target else (target, "", "9100")
        if not host or not port.isdigit():
            raise ValueError(f"a network printer address is host or host:port (got {target!r})")
        return {"kind": "network", "host": host, "port": int(port)}
    if k is PrinterKind.SERIAL:
        device, _, baud = target.partition("@")
        if baud and not baud.isdigit():
            raise ValueError(f"a serial printer address is device or device@baud (got {target!r})")
        return {"kind": "serial", "device": device, "baudrate": int(baud or 9600)}
    return {"kind": "device", "path": target}


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
            kanji=bool(settings.get("kanji", False)),
            **kw,
        )
    except (KeyError, ValueError, TypeError, OSError, sqlite3.Error) as e:
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
