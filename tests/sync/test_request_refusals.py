"""A refusal of the whole request (HTTP 4xx) is not a verdict on an event: the engine retries it with
backoff and shows it as a fault, and never dead-letters a sale for it. Only a per-event "rejected" result
may move an event to the dead letters.

Found by fault injection: a proxy that stripped the Idempotency-Key header dead-lettered 20 of 20 sales,
and a 3 s burst of 400s from the backend dead-lettered over a third of a day's sales."""

from __future__ import annotations

import socket
import threading

from tests.sync.conftest import backend_counts, enqueue_sales, outbox_stats, wait_until


class HeaderStrippingProxy:
    """Loopback HTTP proxy that drops the Idempotency-Key header of every request while `strip` is set."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.strip = True
        self.stripped = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._socks: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._socks.append(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _read(sock: socket.socket) -> tuple[bytes, bytes] | None:
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

    def _serve(self, client: socket.socket) -> None:
        upstream = socket.create_connection(self.upstream, timeout=30)
        self._socks.append(upstream)
        try:
            while True:
                req = self._read(client)
                if req is None:
                    return
                head, body = req
                if self.strip:
                    lines = head.split(b"\r\n")
                    kept = [ln for ln in lines if not ln.lower().startswith(b"idempotency-key:")]
                    self.stripped += len(lines) - len(kept)
                    head = b"\r\n".join(kept)
                upstream.sendall(head + b"\r\n\r\n" + body)
                resp = self._read(upstream)
                if resp is None:
                    return
                client.sendall(resp[0] + b"\r\n\r\n" + resp[1])
        except OSError:
            return
        finally:
            client.close()
            upstream.close()

    def close(self) -> None:
        self._listener.close()
        for s in self._socks:
            try:
                s.close()
            except OSError:
                pass


def test_a_proxy_stripping_the_idempotency_key_dead_letters_nothing(backend, store, make_engine):
    proxy = HeaderStrippingProxy(int(backend.url.rsplit(":", 1)[1]))
    try:
        enqueue_sales(store, 20)
        eng = make_engine(proxy.url, batch_size=5)
        eng.start()
        # the backend refuses every request (400: the key is missing); the engine keeps trying
        wait_until(lambda: proxy.stripped >= 4)
        wait_until(lambda: eng.snapshot().state == "degraded")
        assert outbox_stats(store).dead == 0 and outbox_stats(store).depth == 20
        assert "refused" in eng.snapshot().message
        assert backend_counts(backend)[0] == 0
        proxy.strip = False  # the proxy is fixed: everything goes through, nothing was lost
        wait_until(lambda: outbox_stats(store).depth == 0, timeout=20)
        assert outbox_stats(store).dead == 0
        assert backend_counts(backend)[0] == 20
    finally:
        proxy.close()


def test_a_burst_of_400s_from_the_backend_dead_letters_nothing(backend, store, make_engine):
    burst = backend.inject("status", path="/v1/events", status=400, times=12)
    enqueue_sales(store, 40)
    eng = make_engine(backend.url, batch_size=10)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0, timeout=30)
    assert burst.hits == 12  # every refusal was met, and retried
    assert outbox_stats(store).dead == 0
    assert backend_counts(backend)[0] == 40
