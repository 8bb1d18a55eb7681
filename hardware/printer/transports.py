"""Where ESC/POS bytes go: USB, network, serial (python-escpos printers), a directory of files, memory.

A transport sends one whole job (``send(data, job_name)``) and raises on failure; the print queue
classifies the exception (:func:`hardware.printer.errors.classify_error`) and keeps the job. Each send
opens the device, checks its status where the device can answer (DLE EOT), writes, and closes, so a
printer that was unplugged and plugged back in is found again without a restart. Every call has a
timeout. Only the printer thread calls a transport.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import tempfile
import threading
from abc import ABC, abstractmethod
from datetime import UTC, datetime
from pathlib import Path

from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.escpos import Escpos
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy, File, Network, Serial, Usb

from pos.receipt import Receipt

from .errors import PaperOutError, PrinterOfflineError
from .escpos_encode import encode_receipt

log = logging.getLogger("hw.printer")


class Transport(ABC):
    """One receipt printer connection."""

    #: what the cashier reads in messages: "the receipt printer (192.168.1.50)"
    description: str = "the receipt printer"

    @abstractmethod
    def send(self, data: bytes, job_name: str = "") -> None:
        """Deliver ``data`` completely, or raise."""

    def deliver_receipt(
        self, receipt: Receipt, width: int, profile: str | None = None, kanji: bool = False
    ) -> None:
        """Print one receipt (amounts already formatted). ESC/POS transports encode it and ``send`` it;
        a transport that prints otherwise (a system printer through Qt, in ui/) overrides this."""
        data = encode_receipt(receipt, width, profile=profile, kanji=kanji)
        self.send(data, f"receipt-{receipt.receipt_no}")

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release anything held between jobs (nothing by default)."""


class StatusUnsupported(Exception):
    """The printer did not answer a status query."""


def _query(p: Escpos, mode: bytes) -> bytes:
    try:
        return bytes(p.query_status(mode))
    except NotImplementedError as e:
        raise StatusUnsupported() from e
    except Exception as e:
        name = type(e).__name__
        if isinstance(e, TimeoutError) or "Timeout" in name or "timed out" in str(e).lower():
            raise StatusUnsupported() from e
        raise


def check_status(p: Escpos) -> None:
    """Ask the printer (DLE EOT 1 and 4) whether it can print; raise if it says it cannot.

    A printer that does not answer (empty read or a read time-out) raises :class:`StatusUnsupported`.
    """
    online = _query(p, RT_STATUS_ONLINE)
    if not online:
        raise StatusUnsupported()
    paper = _query(p, RT_STATUS_PAPER)
    if paper and paper[0] & 0x60 == 0x60:
        raise PaperOutError("paper end sensor")
    if online[0] & 0x08:
        raise PrinterOfflineError("printer reports offline")


class EscposTransport(Transport):
    """A python-escpos printer class, opened for each job."""

    def __init__(self, *, profile: str | None = None, query_status: bool = True):
        self.profile = profile
        self.query_status = query_status

    @abstractmethod
    def _make(self) -> Escpos: ...

    def _opened(self, p: Escpos) -> None:
        """Called after each open (e.g. to set a write time-out the library does not set)."""

    def send(self, data: bytes, job_name: str = "") -> None:
        p = self._make()
        try:
            p.open()
            self._opened(p)
            if self.query_status:
                try:
                    check_status(p)
                except StatusUnsupported:
                    # Many printers do not answer DLE EOT: stop asking (the read would time out each job).
                    log.info("%s does not report its status; printing without asking", self.description)
                    self.query_status = False
                    p.close()
                    p = self._make()
                    p.open()
                    self._opened(p)
            p._raw(data)  # python-escpos' documented way to send a prepared (Dummy) stream
        finally:
            try:
                p.close()
            except Exception:  # noqa: BLE001 - closing a dead device must not hide the real error
                log.debug("closing %s failed", self.description, exc_info=True)


class _Network(Network):
    """python-escpos ``Network`` whose ``open`` closes the socket when the connection fails (3.1 leaks it)."""

    def open(self, raise_not_found: bool = True) -> None:
        if self._device:
            self.close()
        try:
            self.device = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as e:
            self.device = None
            raise DeviceNotFoundError(f"Could not open socket for {self.host}:\n{e}") from e


class NetworkTransport(EscposTransport):
    """An Ethernet/Wi-Fi ESC/POS printer (raw TCP, port 9100)."""

    def __init__(self, host: str, port: int = 9100, *, timeout: float = 5.0, **kw):
        super().__init__(**kw)
        self.host, self.port, self.timeout = host, int(port), float(timeout)
        self.description = f"the receipt printer at {host}:{port}"

    def _make(self) -> Escpos:
        kw = {"profile": self.profile} if self.profile else {}
        return _Network(self.host, self.port, timeout=self.timeout, **kw)


class UsbTransport(EscposTransport):
    """A USB ESC/POS printer (needs pyusb; without it every send explains what to install)."""

    def __init__(
        self,
        vendor_id: int,
        product_id: int,
        *,
        timeout_ms: int = 5000,
        in_ep: int = 0x82,
        out_ep: int = 0x01,
        **kw,
    ):
        super().__init__(**kw)
        self.vendor_id, self.product_id = int(vendor_id), int(product_id)
        self.timeout_ms, self.in_ep, self.out_ep = int(timeout_ms), in_ep, out_ep
        self.description = f"the USB receipt printer {self.vendor_id:04x}:{self.product_id:04x}"

    def _make(self) -> Escpos:
        kw = {"profile": self.profile} if self.profile else {}
        return Usb(
            self.vendor_id,
            self.product_id,
            timeout=self.timeout_ms,
            in_ep=self.in_ep,
            out_ep=self.out_ep,
            **kw,
        )


class _Serial(Serial):
    """python-escpos ``Serial`` reading the one-byte status answer (3.1 waits for 16 bytes: a full
    read time-out per query)."""

    def _read(self) -> bytes:
        assert self.device
        return self.device.read(1)


class SerialTransport(EscposTransport):
    """A serial (RS-232 / USB-serial) ESC/POS printer (needs pyserial)."""

    def __init__(
        self, devfile: str, *, baudrate: int = 9600, timeout: float = 2.0, dsrdtr: bool = True, **kw
    ):
        super().__init__(**kw)
        self.devfile, self.baudrate, self.timeout = devfile, int(baudrate), float(timeout)
        self.dsrdtr = dsrdtr
        self.description = f"the serial receipt printer on {devfile}"

    def _make(self) -> Escpos:
        kw = {"profile": self.profile} if self.profile else {}
        return _Serial(self.devfile, baudrate=self.baudrate, timeout=self.timeout, dsrdtr=self.dsrdtr, **kw)

    def _opened(self, p: Escpos) -> None:
        # python-escpos sets only the read time-out: without this a printer holding the line busy
        # (flow control, paper out) would block the printer thread for ever.
        p.device.write_timeout = self.timeout


class DeviceFileTransport(EscposTransport):
    """A printer that is a device file (``/dev/usb/lp0``), written through python-escpos ``File``."""

    def __init__(self, devfile: str, **kw):
        kw.setdefault("query_status", False)
        super().__init__(**kw)
        self.devfile = devfile
        self.description = f"the receipt printer on {devfile}"

    def _make(self) -> Escpos:
        kw = {"profile": self.profile} if self.profile else {}
        return File(self.devfile, **kw)


_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class FileTransport(Transport):
    """The demo printer: each job becomes one ``.escpos`` file in ``directory``, written by python-escpos
    ``File`` to a temporary name, fsynced and renamed into place (a half-written receipt never appears).

    ``python -m hardware.printer.render FILE OUT.png`` shows what a thermal printer would have printed.
    """

    suffix = ".escpos"

    def __init__(self, directory: str | Path, *, create: bool = True):
        self.directory = Path(directory)
        if create:
            self.directory.mkdir(parents=True, exist_ok=True)
        self.description = f"the file printer in {self.directory}"
        self._counter = 0

    def send(self, data: bytes, job_name: str = "") -> None:
        if not self.directory.is_dir():
            raise FileNotFoundError(2, "printer directory missing", str(self.directory))
        self._counter += 1
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        name = _SAFE.sub("_", job_name or "job")[:80]
        final = self.directory / f"{stamp}-{self._counter:04d}-{name}{self.suffix}"
        fd, tmp = tempfile.mkstemp(prefix=".printing-", dir=self.directory)
        os.close(fd)
        p = File(tmp, auto_flush=False)
        try:
            p.open()
            p._raw(data)
            p.device.flush()
            os.fsync(p.device.fileno())
            p.close()
            os.replace(tmp, final)
            _fsync_dir(self.directory)
        except BaseException:
            p.close()
            Path(tmp).unlink(missing_ok=True)
            raise
        self.last_path = final

    def files(self) -> list[Path]:
        """The printed jobs, oldest first."""
        return sorted(self.directory.glob(f"*{self.suffix}"))


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class MemoryTransport(Transport):
    """Keeps every job in memory (python-escpos ``Dummy``); ``fail_with`` makes sends raise (tests, demo).

    Thread-safe: a test thread may flip ``fail_with`` while the printer thread sends.
    """

    def __init__(self, description: str = "the test printer"):
        self.description = description
        self._lock = threading.Lock()
        self._fail: BaseException | None = None
        self.jobs: list[tuple[str, bytes]] = []
        self.attempts = 0

    @property
    def fail_with(self) -> BaseException | None:
        with self._lock:
            return self._fail

    @fail_with.setter
    def fail_with(self, exc: BaseException | None) -> None:
        with self._lock:
            self._fail = exc

    def send(self, data: bytes, job_name: str = "") -> None:
        with self._lock:
            self.attempts += 1
            if self._fail is not None:
                raise self._fail
            p = Dummy()
            p._raw(data)
            self.jobs.append((job_name, p.output))
