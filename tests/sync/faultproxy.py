"""A small HTTP/1.1 proxy on loopback that can drop a response after the server has answered (and committed).

It understands just enough HTTP (Content-Length bodies, keep-alive) for requests ↔ uvicorn. It records
every POST /v1/events it forwards (headers and body) so a test can replay them.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field


def _read_message(sock: socket.socket) -> tuple[bytes, bytes] | None:
    buf = b""
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head, _, rest = buf.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        rest += chunk
    return head, rest[:length]


@dataclass
class FaultProxy:
    upstream: tuple[str, int]
    drop_next: int = 0  # drop this many responses to POST /v1/events (after the server answered)
    recorded: list[tuple[dict[str, str], bytes]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._threads: list[threading.Thread] = []
        self._socks: list[socket.socket] = []
        self._closed = False
        self.dropped = 0
        t = threading.Thread(target=self._accept, name="fault-proxy", daemon=True)
        t.start()
        self._threads.append(t)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                if self._closed:
                    client.close()
                    return
                self._socks.append(client)
                t = threading.Thread(target=self._serve, args=(client,), daemon=True)
                self._threads.append(t)
            t.start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self.upstream, timeout=30)
        except OSError:
            client.close()
            return
        with self._lock:
            self._socks.append(upstream)
        try:
            while True:
                req = _read_message(client)
                if req is None:
                    return
                head, body = req
                request_line = head.split(b"\r\n", 1)[0].decode()
                is_push = request_line.startswith("POST /v1/events")
                if is_push:
                    headers = {}
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.decode().partition(":")
                        headers[name.strip()] = value.strip()
                    with self._lock:
                        self.recorded.append((headers, body))
                upstream.sendall(head + b"\r\n\r\n" + body)
                resp = _read_message(upstream)
                if resp is None:
                    return
                with self._lock:
                    drop = is_push and self.drop_next > 0
                    if drop:
                        self.drop_next -= 1
                        self.dropped += 1
                if drop:
                    return  # the server has answered (and committed); the client never hears it
                client.sendall(resp[0] + b"\r\n\r\n" + resp[1])
        except OSError:
            return
        finally:
            client.close()
            upstream.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            socks = list(self._socks)
        try:
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept() on Linux
        except OSError:
            pass
        self._listener.close()
        for s in socks:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        for t in self._threads:
            t.join(10)
