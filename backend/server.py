"""Run the reference backend: `omo-backend` (console script) or in-process with `start_backend(...)`.

handle = start_backend(db_path)          # uvicorn on 127.0.0.1, an ephemeral port, in a thread
token = handle.register_device("till-1") # a device token for a till
handle.url, handle.faults, handle.stop()
"""

from __future__ import annotations

import argparse
import logging
import secrets
import socket
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from backend import db, seed, tokens
from backend.app import APP_TOKEN_TTL_S, Backend, Fault, FaultPlan, create_app

log = logging.getLogger("omo.backend")


class BackendHandle:
    """A running reference backend. Thread-safe admin helpers for the demo and the tests."""

    def __init__(self, backend: Backend, server: uvicorn.Server, thread: threading.Thread, url: str) -> None:
        self.backend = backend
        self._server = server
        self._thread = thread
        self.url = url

    @property
    def faults(self) -> FaultPlan:
        return self.backend.faults

    def inject(self, kind: str, **kw: Any) -> Fault:
        return self.backend.faults.add(Fault(kind, **kw))

    @property
    def request_log(self) -> Any:
        """(method, path, query) of the latest requests."""
        return list(self.backend.request_log)

    @property
    def requests_seen(self) -> int:
        return self.backend.requests_seen

    def connect(self) -> Any:
        """A new connection to the backend's database (for checks from tests)."""
        return db.connect(self.backend.pool.path)

    def register_device(self, till_id: str, token: str | None = None) -> str:
        token = token or secrets.token_urlsafe(32)
        conn = self.connect()
        try:
            with db.immediate(conn):
                conn.execute(
                    "INSERT INTO devices(till_id, token_sha256, revoked) VALUES (?, ?, 0) ON"
                    " CONFLICT(till_id) "
                    "DO UPDATE SET token_sha256 = excluded.token_sha256, revoked = 0",
                    (till_id, db.token_hash(token)),
                )
        finally:
            conn.close()
        return token

    def revoke_device(self, till_id: str) -> None:
        self._exec("UPDATE devices SET revoked = 1 WHERE till_id = ?", (till_id,))

    def revoke_card(self, member_no: int, card_serial: int) -> None:
        self._exec(
            "INSERT INTO revoked_cards(member_no, card_serial) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (member_no, card_serial),
        )

    def member_qr(self, member_no: int, kind: str = "app") -> str:
        """The QR text a member's app shows now (kind "app") or their printed card carries ("card")."""
        conn = self.connect()
        try:
            row = conn.execute("SELECT card_serial FROM members WHERE member_no = ?", (member_no,)).fetchone()
        finally:
            conn.close()
        if row is None:
            raise KeyError(f"no member {member_no}")
        key = self.backend.signing_key
        if kind == "card":
            return tokens.encode_card_token(key, member_no, row[0])
        return tokens.encode_app_token(key, member_no, int(time.time()) + APP_TOKEN_TTL_S)

    def seed(self, *, products: int = 2000, seed_value: int = 1) -> None:
        conn = self.connect()
        try:
            seed.seed_demo(conn, products_count=products, seed=seed_value)
        finally:
            conn.close()

    def upsert_products(self, items: list[dict[str, Any]]) -> None:
        conn = self.connect()
        try:
            seed.upsert_products(conn, items)
        finally:
            conn.close()

    def delete_products(self, skus: list[str]) -> None:
        conn = self.connect()
        try:
            seed.delete_products(conn, skus)
        finally:
            conn.close()

    def _exec(self, sql: str, args: tuple) -> None:
        conn = self.connect()
        try:
            with db.immediate(conn):
                conn.execute(sql, args)
        finally:
            conn.close()

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():  # pragma: no cover - uvicorn did not stop in time
            self._server.force_exit = True
            self._thread.join(timeout)
        self.backend.pool.close_all()

    def __enter__(self) -> BackendHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_backend(
    db_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    strict: bool = False,
    seed_products: int | None = None,
    startup_timeout: float = 10.0,
) -> BackendHandle:
    """Start the reference backend in a thread; return once it accepts connections."""
    backend = Backend(str(db_path), strict=strict)
    if seed_products is not None:
        conn = backend.pool.get()
        seed.seed_demo(conn, products_count=seed_products)
    # proto=IPPROTO_TCP: asyncio sets TCP_NODELAY on accepted sockets only when the listener says TCP;
    # without it every response waits ~40 ms for the client's delayed ACK (Nagle)
    sock = socket.socket(
        socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP
    )
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    actual_port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(backend),
        log_level="warning",
        access_log=False,
        lifespan="off",
        ws="none",
        timeout_keep_alive=30,
        timeout_graceful_shutdown=2,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="omo-backend", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            thread.join(5)
            sock.close()
            raise RuntimeError("the reference backend did not start")
        time.sleep(0.01)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{actual_port}"
    return BackendHandle(backend, server, thread, url)


def start_demo_backend(
    data_dir: str | Path, till_id: str, *, products: int = 2000, port: int = 0
) -> BackendHandle:
    """The demo's embedded backend: its own database in `data_dir`, seeded once, and this till registered.

    The till's device token lives in the keyring (service "omo-pos", user "backend-device-token"); a token
    the backend does not know yet (first start, or a fresh keyring) is registered for `till_id`.
    """
    from sync.client import keyring_token, store_device_token

    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = start_backend(data_dir / "omo-backend.sqlite3", port=port, seed_products=products)
    token = keyring_token()
    conn = handle.connect()
    try:
        known = (
            token is not None
            and conn.execute(
                "SELECT 1 FROM devices WHERE till_id = ? AND token_sha256 = ? AND revoked = 0",
                (till_id, db.token_hash(token)),
            ).fetchone()
        )
    finally:
        conn.close()
    if not known:
        store_device_token(handle.register_device(till_id))
    return handle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="omo-backend", description="The OMO reference backend")
    parser.add_argument("--db", default="omo-backend.sqlite3", help="database file (created if missing)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed-products", type=int, default=2000, help="demo catalog size (empty db only)")
    parser.add_argument("--register-till", metavar="TILL_ID", help="print a new device token for this till")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    backend = Backend(args.db)
    seed.seed_demo(backend.pool.get(), products_count=args.seed_products)
    if args.register_till:
        token = secrets.token_urlsafe(32)
        conn = backend.pool.get()
        with db.immediate(conn):
            conn.execute(
                "INSERT INTO devices(till_id, token_sha256, revoked) VALUES (?, ?, 0) ON CONFLICT(till_id) "
                "DO UPDATE SET token_sha256 = excluded.token_sha256, revoked = 0",
                (args.register_till, db.token_hash(token)),
            )
        print(f"device token for {args.register_till}: {token}", flush=True)
    uvicorn.run(
        create_app(backend), host=args.host, port=args.port, log_level="info", lifespan="off", ws="none"
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
