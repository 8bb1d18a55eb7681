"""Simulated receipt printers for the demo and the tests.

- :class:`NetworkPrinterSimulator`: a real TCP server on loopback that speaks like an Ethernet ESC/POS
  printer (port 9100): it stores each connection's bytes as a job and answers the real-time status
  queries (DLE EOT 1 and 4). It can run out of paper, and go offline (stop listening: connection refused)
  and come back on the same port.
- :class:`FaultyTransport`: wraps any transport (the demo's file printer) and injects the failures a
  tester picks in the simulator panel (offline, out of paper, unplugged), with the exceptions the real
  drivers raise.
"""

from __future__ import annotations

import enum
import logging
import selectors
import socket
import threading

from escpos.exceptions import DeviceNotFoundError

from .errors import PaperOutError
from .transports import Transport

log = logging.getLogger("hw.printer.sim")

STATUS_ONLINE = 0x12  # DLE EOT 1: fixed bits 1 and 4 set, bit 3 (offline) clear
STATUS_OFFLINE = 0x1A  # bit 3 set
PAPER_OK = 0x12  # DLE EOT 4: fixed bits
PAPER_LOW = 0x1E  # bits 2-3: near end
PAPER_OUT = 0x72  # bits 5-6: paper end


class NetworkPrinterSimulator:
    """An ESC/POS network printer on 127.0.0.1 (ephemeral port). ``with`` starts and stops it."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host = host
        self.port = port
        self.jobs: list[bytes] = []
        self.paper_out = False
        self._lock = threading.Lock()
        self._job_event = threading.Condition(self._lock)
        self._listener: socket.socket | None = None
        self._stop = threading.Event()
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread: threading.Thread | None = None
        self._listen()

    # --- control (any thread)
    def start(self) -> NetworkPrinterSimulator:
        self._thread = threading.Thread(target=self._run, name="escpos-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake_w.send(b"x")
        if self._thread is not None:
            self._thread.join(10)
        self._close_listener()
        self._wake_r.close()
        self._wake_w.close()

    def __enter__(self) -> NetworkPrinterSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def go_offline(self) -> None:
        """Stop listening: connecting now fails with "connection refused", as with a switched-off printer."""
        with self._lock:
            self._pending_offline = True
        self._wake_w.send(b"o")
        with self._lock:
            self._job_event.wait_for(lambda: self._listener is None, timeout=5)

    def go_online(self) -> None:
        with self._lock:
            self._pending_online = True
        self._wake_w.send(b"n")
        with self._lock:
            self._job_event.wait_for(lambda: self._listener is not None, timeout=5)

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> bool:
        with self._lock:
            return self._job_event.wait_for(lambda: len(self.jobs) >= count, timeout=timeout)

    # --- server thread
    _pending_offline = False
    _pending_online = False

    def _listen(self) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((self.host, self.port))
        s.listen(4)
        s.setblocking(False)
        self.port = s.getsockname()[1]
        self._listener = s

    def _close_listener(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def _run(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self._wake_r, selectors.EVENT_READ)
        if self._listener is not None:
            sel.register(self._listener, selectors.EVENT_READ)
        try:
            while not self._stop.is_set():
                for key, _ in sel.select(timeout=1.0):
                    if key.fileobj is self._wake_r:
                        self._wake_r.recv(64)
                        with self._lock:
                            if self._pending_offline and self._listener is not None:
                                sel.unregister(self._listener)
                                self._close_listener()
                            if self._pending_online and self._listener is None:
                                self._listen()
                                sel.register(self._listener, selectors.EVENT_READ)
                            self._pending_offline = self._pending_online = False
                            self._job_event.notify_all()
                    elif self._listener is not None and key.fileobj is self._listener:
                        try:
                            conn, _ = self._listener.accept()
                        except BlockingIOError:
                            continue
                        self._serve(conn)
        finally:
            sel.close()

    def _serve(self, conn: socket.socket) -> None:
        conn.setblocking(True)
        conn.settimeout(5.0)
        data = bytearray()
        answered = 0
        try:
            while True:
                try:
                    chunk = conn.recv(65536)
                except TimeoutError:
                    break
                if not chunk:
                    break
                data += chunk
                # Answer real-time status requests (DLE EOT n) as they arrive.
                while True:
                    idx = data.find(b"\x10\x04", answered)
                    if idx < 0 or idx + 2 >= len(data):
                        break
                    n = data[idx + 2]
                    with self._lock:
                        paper_out = self.paper_out
                    if n == 1:
                        conn.sendall(bytes([STATUS_OFFLINE if paper_out else STATUS_ONLINE]))
                    elif n == 4:
                        conn.sendall(bytes([PAPER_OUT if paper_out else PAPER_OK]))
                    else:
                        conn.sendall(b"\x12")
                    del data[idx : idx + 3]
                    answered = idx
        except OSError:
            log.debug("simulated printer connection dropped", exc_info=True)
        finally:
            conn.close()
        if data:
            with self._lock:
                self.jobs.append(bytes(data))
                self._job_event.notify_all()


class Fault(enum.StrEnum):
    NONE = "none"
    OFFLINE = "offline"
    PAPER_OUT = "paper_out"
    UNPLUGGED = "unplugged"


class FaultyTransport(Transport):
    """A transport whose failures a tester switches on and off (the demo's simulator panel)."""

    def __init__(self, inner: Transport):
        self.inner = inner
        self.description = inner.description
        self._lock = threading.Lock()
        self._fault = Fault.NONE

    @property
    def fault(self) -> Fault:
        with self._lock:
            return self._fault

    @fault.setter
    def fault(self, value: Fault | str) -> None:
        with self._lock:
            self._fault = Fault(value)

    def send(self, data: bytes, job_name: str = "") -> None:
        fault = self.fault
        if fault is Fault.OFFLINE:
            try:
                raise ConnectionRefusedError(111, "Connection refused")
            except ConnectionRefusedError as e:  # the shape python-escpos Network raises
                raise DeviceNotFoundError(f"Could not open socket for simulated printer:\n{e}") from e
        if fault is Fault.PAPER_OUT:
            raise PaperOutError("paper end sensor")
        if fault is Fault.UNPLUGGED:
            raise DeviceNotFoundError("Unable to open USB printer on (1208, 3605):\nDevice not found")
        self.inner.send(data, job_name)

    def close(self) -> None:
        self.inner.close()
