"""Exceptions from python-escpos and the OS become clear messages; serial (pty) and USB paths for real."""

from __future__ import annotations

import errno
import os
import select
import socket
import threading

import pytest
from escpos import exceptions as escpos_exc

from hardware.printer import (
    DeviceFileTransport,
    NetworkTransport,
    PrinterState,
    QueuedPrinter,
    SerialTransport,
    UsbTransport,
    classify_error,
)
from hardware.printer.errors import PaperOutError, PrinterOfflineError
from hardware.printer.render import parse_escpos
from tests.printing.samples import eur, sample_receipt

TIMEOUT = 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _raised(fn):
    try:
        fn()
    except BaseException as e:  # noqa: BLE001
        return e
    raise AssertionError("did not raise")


def test_refused_network_connection_is_offline():
    port = _free_port()
    exc = _raised(lambda: NetworkTransport("127.0.0.1", port, timeout=2).send(b"x"))
    problem = classify_error(exc, f"the receipt printer at 127.0.0.1:{port}")
    assert problem.state is PrinterState.OFFLINE and problem.transient
    assert "not answering" in problem.message and "switched on" in problem.message


def test_unknown_host_is_a_settings_problem():
    exc = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    problem = classify_error(exc)
    assert problem.state is PrinterState.MISSING and "address" in problem.message


@pytest.mark.parametrize(
    ("exc", "state", "words", "transient"),
    [
        (
            PermissionError(errno.EACCES, "Permission denied", "/dev/usb/lp0"),
            PrinterState.PERMISSION,
            "not allowed",
            True,
        ),
        (
            FileNotFoundError(errno.ENOENT, "No such file", "/dev/usb/lp0"),
            PrinterState.MISSING,
            "plugged in",
            True,
        ),
        (BrokenPipeError(errno.EPIPE, "Broken pipe"), PrinterState.OFFLINE, "connection", True),
        (TimeoutError("timed out"), PrinterState.OFFLINE, "not answering", True),
        (PaperOutError("paper"), PrinterState.PAPER_OUT, "new roll", True),
        (PrinterOfflineError("cover"), PrinterState.OFFLINE, "cover", True),
        (OSError(errno.ENOSPC, "No space left on device"), PrinterState.ERROR, "disk is full", True),
        (escpos_exc.TextError("bad"), PrinterState.ERROR, "could not be prepared", False),
        (escpos_exc.USBNotFoundError("gone"), PrinterState.MISSING, "plugged in", True),
        (
            escpos_exc.DeviceNotFoundError("Unable to open USB printer: [Errno 110] Operation timed out"),
            PrinterState.OFFLINE,
            "in time",
            True,
        ),
        (RuntimeError("boom"), PrinterState.ERROR, "unexpected", True),
    ],
)
def test_classifier(exc, state, words, transient):
    problem = classify_error(exc, "the receipt printer")
    assert problem.state is state
    assert words in problem.message
    assert problem.transient is transient
    assert problem.message[0].isupper()


def test_usb_printer_absent_is_missing_not_a_crash():
    # pyusb is installed; without a USB printer (or libusb) opening fails: the message says what to check.
    exc = _raised(lambda: UsbTransport(0x04B8, 0x0202).send(b"x"))
    problem = classify_error(exc, "the USB receipt printer 04b8:0202")
    assert problem.state in (PrinterState.MISSING, PrinterState.NOT_CONFIGURED)
    assert problem.message


def test_device_file_that_is_missing(tmp_path):
    exc = _raised(lambda: DeviceFileTransport(str(tmp_path / "nope" / "lp0")).send(b"x"))
    assert classify_error(exc).state is PrinterState.MISSING


class PtyPrinter:
    """A serial ESC/POS printer on a pseudo-terminal: collects bytes, answers DLE EOT status queries."""

    def __init__(self):
        self.master, self.slave = os.openpty()
        self.name = os.ttyname(self.slave)
        self.data = bytearray()
        self.paper_out = False
        self._stop = threading.Event()
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="pty-printer")
        self._thread.start()

    def _run(self):
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                continue
            with self._cond:
                self.data += chunk
                while (i := self.data.find(b"\x10\x04")) >= 0 and i + 2 < len(self.data):
                    n = self.data[i + 2]
                    os.write(self.master, bytes([0x72 if (n == 4 and self.paper_out) else 0x12]))
                    del self.data[i : i + 3]
                self._cond.notify_all()

    def wait_for(self, needle: bytes, timeout=TIMEOUT) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: needle in self.data, timeout)

    def close(self):
        self._stop.set()
        self._thread.join(TIMEOUT)
        os.close(self.master)
        os.close(self.slave)


def test_serial_printer_prints_and_reports_paper_out(tmp_path):
    pty = PtyPrinter()
    try:
        transport = SerialTransport(pty.name, baudrate=19200, timeout=2)
        with QueuedPrinter(transport, tmp_path / "q", format_amount=eur, retry_interval=3600) as p:
            pty.paper_out = True
            out = p.print_receipt(sample_receipt()).result(TIMEOUT)
            assert not out.printed and p.status().state is PrinterState.PAPER_OUT
            assert p.status().summary == "Printer out of paper — 1 receipt waiting"
            pty.paper_out = False
            assert p.retry().result(TIMEOUT) == 1
            assert pty.wait_for(b"\x1dV\x00")  # the cut at the end of the receipt
        doc = parse_escpos(bytes(pty.data))
        assert any(t.startswith("Receipt T01-000123") for t in doc.text_lines())
        assert len(doc.qr_codes) == 1
    finally:
        pty.close()


def test_serial_port_missing(tmp_path):
    exc = _raised(lambda: SerialTransport(str(tmp_path / "ttyUSB9")).send(b"x"))
    problem = classify_error(exc)
    assert problem.state is PrinterState.MISSING and "plugged in" in problem.message
