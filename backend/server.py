"""Run the reference backend: `omo-backend` (console script) or in-process with `start_backend(...)`.

handle = start_backend(database)          # uvicorn on 127.0.0.1, an ephemeral port, in a thread
token = handle.register_device("till-1") # a device token for a till (of the demo's store)
handle.url, handle.faults, handle.stop()

`database` is a SQLite file (the embedded default) or a `postgresql://` URL. For a chain:
`omo-backend --database postgresql://... --signing-key /etc/omo/signing.key --workers 4` (uvicorn worker
processes on one database; SQLite serves one process only). `--demo` seeds demo data and serves /v1/demo;
without it, neither. Device tokens are written to a 0600 file (`--tokens-file`), never printed.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import uvicorn
from sqlalchemy.dialects import postgresql, sqlite

from backend import db, keys, schema, seed, seed_stock, stock, tokens
from backend.app import Backend, Fault, FaultPlan, app_token_expiry, create_app
from backend.limits import Limits
from backend.store import SqlConnection, Store

log = logging.getLogger("omo.backend")

ENV_DATABASE = "OMO_BACKEND_DATABASE"
ENV_SIGNING_KEY = "OMO_BACKEND_SIGNING_KEY"
ENV_DEMO = "OMO_BACKEND_DEMO"


def register_device(
    store: Store, till_id: str, token: str | None = None, *, store_id: str | None = None
) -> str:
    """Register (or re-key) a till; return its device token. Only the token's SHA-256 is stored; the
    caller hands the token over without printing or logging it. `store_id`: the store the till is in
    (its sales take that store's stock, it writes for that store only); None keeps the one it had."""
    token = token or secrets.token_urlsafe(32)
    d, st = schema.devices, schema.stores
    insert = (sqlite if store.is_sqlite else postgresql).insert
    stmt = insert(d).values(
        till_id=till_id, token_sha256=db.token_hash(token), revoked=False, store_id=store_id
    )
    again = {"token_sha256": stmt.excluded.token_sha256, "revoked": False}
    if store_id is not None:
        again["store_id"] = stmt.excluded.store_id
    stmt = stmt.on_conflict_do_update(index_elements=["till_id"], set_=again)
    new_store = insert(st).values(store_id=store_id, name=store_id).on_conflict_do_nothing()

    def run(conn: Any) -> None:
        if store_id is not None:
            conn.execute(new_store)
        conn.execute(stmt)

    store.write(run)
    return token


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

    @property
    def store(self) -> Store:
        return self.backend.store

    def connect(self) -> SqlConnection:
        """A new connection to the backend's database (for checks from tests): execute(sql, params) with
        `?` placeholders on either engine."""
        return self.store.sql()

    def register_device(
        self, till_id: str, token: str | None = None, *, store_id: str = seed.DEMO_STORE
    ) -> str:
        return register_device(self.store, till_id, token, store_id=store_id)

    # ---- stock (backend/stock.py): the web shop, the warehouse and the stores, for the demo and tests
    def place_online_order(self, lines: list[tuple[str, int]], source_store_id: str, **kw: Any) -> str:
        """A web shop order paid online, its stock held at `source_store_id`; raises stock.Refused
        (out_of_stock) when the last unit went elsewhere first."""
        return self.store.write(
            lambda c: stock.place_online_order(c, lines=lines, source_store_id=source_store_id, **kw)
        )

    def send_order(self, order_no: str) -> str:
        """A paid order leaves its source: collected orders arrive at their store (ready_for_pickup),
        delivered ones are shipped. Returns the new status."""
        return self.store.write(lambda c: stock.send(c, order_no, time.time()))

    def receive_delivery(self, delivery_id: int) -> None:
        self.store.write(lambda c: stock.receive_delivery(c, delivery_id, time.time()))

    def member_events(self, member_no: int) -> list[dict[str, Any]]:
        """What the member's app was told (reservations, orders)."""
        with self.store.read_connection() as conn:
            return stock.member_events_of(conn, member_no)

    def add_stores(self, n: int, **kw: Any) -> list[str]:
        """Grow the chain to `n` stores, each with stock (backend/seed_stock.py)."""
        return self.store.write(lambda c: seed_stock.add_stores(c, n, **kw))

    def revoke_device(self, till_id: str) -> None:
        d = schema.devices
        self.store.write(lambda c: c.execute(sa.update(d).where(d.c.till_id == till_id).values(revoked=True)))

    def revoke_card(self, member_no: int, card_serial: int) -> None:
        r = schema.revoked_cards

        def run(conn: Any) -> None:
            exists = conn.execute(
                sa.select(r.c.member_no).where(r.c.member_no == member_no, r.c.card_serial == card_serial)
            ).first()
            if exists is None:
                conn.execute(sa.insert(r).values(member_no=member_no, card_serial=card_serial))

        self.store.write(run)

    def member_qr(self, member_no: int, kind: str = "app") -> str:
        """The QR text a member's app shows now (kind "app") or their printed card carries ("card")."""
        m = schema.members
        rows = self.backend.query(sa.select(m.c.card_serial).where(m.c.member_no == member_no))
        row = rows[0] if rows else None
        if row is None:
            raise KeyError(f"no member {member_no}")
        key = self.backend.signing_key
        if kind == "card":
            return tokens.encode_card_token(key, member_no, row[0])
        return tokens.encode_app_token(key, member_no, app_token_expiry(time.time()))

    def order_qr(self, order_no: str) -> str:
        """The QR text of an online order (its number and its secret)."""
        o = schema.orders
        rows = self.backend.query(sa.select(o.c.qr_secret).where(o.c.order_no == order_no))
        if not rows or rows[0][0] is None:
            raise KeyError(f"no order {order_no} with a QR code")
        return f"OMO:ORDER:{order_no}.{rows[0][0]}"

    def use_coupon_online(self, code: str, order_no: str) -> str:
        """The web shop uses a member's coupon for an online order (the same ledger the tills claim from):
        "ok" or why not."""
        from backend import loyalty

        return self.store.write(lambda conn: loyalty.use_coupon_online(conn, code, order_no))

    def app_check_in(self, member_no: int, store_id: str, day: str) -> dict[str, str] | None:
        """A member checks in with the app at a store's door on ``day`` (YYYY-MM-DD): None when it earned
        the visit's points, else why not."""
        from backend import loyalty

        return self.store.write(lambda conn: loyalty.app_check_in(conn, member_no, store_id, day))

    def seed(self, *, products: int = 2000, seed_value: int = 1) -> None:
        seed.seed_demo(self.store, products_count=products, seed=seed_value)

    def upsert_products(self, items: list[dict[str, Any]]) -> None:
        seed.upsert_products(self.store, items)

    def delete_products(self, skus: list[str]) -> None:
        seed.delete_products(self.store, skus)

    def stop(self, timeout: float = 10.0) -> None:
        if self.backend.card_relay is not None:
            self.backend.card_relay.stop()
        self._server.should_exit = True
        self._thread.join(timeout)
        if self._thread.is_alive():  # pragma: no cover - uvicorn did not stop in time
            self._server.force_exit = True
            self._thread.join(timeout)
        self.store.dispose()

    def __enter__(self) -> BackendHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_backend(
    database: str | Path,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    strict: bool = False,
    seed_products: int | None = None,
    fashion: bool = False,
    startup_timeout: float = 10.0,
    store_id: str = seed.DEMO_STORE,
    key_file: str | Path | None = None,
    demo: bool = False,
    limits: Limits | None = None,
    cards: Any = "env",
) -> BackendHandle:
    """Start the reference backend in a thread; return once it accepts connections.

    `seed_products`: seed the demo's data (an empty database only); `fashion`: the demo's fashion range
    (styles in colours and sizes) too; `store_id`: the demo store's id when it seeds. `demo`: serve
    /v1/demo too. `key_file`: the signing key's file (beside a SQLite database by default; for PostgreSQL
    without one, a new temporary file: tests). `limits`: rate limits (the shipped ones by default).
    `cards`: the card relay's Stripe account (backend.card_relay.RelayConfig; "env": from the
    environment; None: off)."""
    if key_file is None and "://" in str(database) and not str(database).startswith("sqlite"):
        key_file = Path(tempfile.mkdtemp(prefix="omo-backend-key-")) / "signing.key"
    backend = Backend(database, strict=strict, key_file=key_file, demo=demo, limits=limits, cards=cards)
    if seed_products is not None:
        seed.seed_demo(backend.store, products_count=seed_products, fashion=fashion, here=store_id)
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
        proxy_headers=False,  # the client address is the peer's (nothing in front of a test backend)
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
    data_dir: str | Path,
    till_id: str,
    *,
    products: int = 2000,
    port: int = 0,
    store_id: str = seed.DEMO_STORE,
    cards: dict[str, str] | None = None,
) -> BackendHandle:
    """The demo's embedded backend: its own database in `data_dir`, seeded once, and this till registered.

    The till's device token lives in the keyring (service "omo-pos", user "backend-device-token"); a token
    the backend does not know yet (first start, or a fresh keyring) is registered for `till_id`.
    """
    from sync.client import keyring_token, store_device_token

    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    from backend.card_relay import RelayConfig

    relay = (
        RelayConfig(**cards) if cards else None
    )  # the demo's Stripe account (api_key, webhook_secret, api_base)
    handle = start_backend(
        data_dir / "omo-backend.sqlite3",
        port=port,
        seed_products=products,
        demo=True,
        fashion=True,
        store_id=store_id,
        cards=relay,
    )
    token = keyring_token()
    d = schema.devices
    known = token is not None and handle.backend.query(
        sa.select(d.c.till_id).where(
            d.c.till_id == till_id, d.c.token_sha256 == db.token_hash(token), ~d.c.revoked
        )
    )
    if not known:
        store_device_token(handle.register_device(till_id, store_id=store_id))
    else:
        handle.store.write(
            lambda c: c.execute(sa.update(d).where(d.c.till_id == till_id).values(store_id=store_id))
        )
    return handle


WORKER_STARTUP_S = 60


def worker_app() -> Any:
    """The app of one worker process (`uvicorn --factory`): its own connection pool to the database named
    by OMO_BACKEND_DATABASE; the parent migrated and seeded it before starting the workers."""
    return create_app(
        Backend(
            os.environ[ENV_DATABASE],
            migrate=False,
            key_file=os.environ[ENV_SIGNING_KEY],
            demo=os.environ.get(ENV_DEMO) == "1",
        )
    )


def stripe_budget_main(argv: list[str]) -> int:
    """``omo-backend stripe-budget``: the chain's Stripe budget as the workers share it (every limit, its
    rate, last second's use, headroom, 429s met)."""
    import json

    from backend.card_relay import RelayConfig
    from backend.stripe_budget import StripeBudget

    parser = argparse.ArgumentParser(prog="omo-backend stripe-budget", description=stripe_budget_main.__doc__)
    parser.add_argument("--database", "--db", default="omo-backend.sqlite3")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    store = Store(args.database)
    try:
        store.migrate()
        config = RelayConfig.from_env()
        report = StripeBudget(store, config.limits if config else None).report()
    finally:
        store.dispose()
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"Stripe budget (rates at {report['margin']:.0%} used, time scale {report['scale']:g}):")
    for x in report["limits"]:
        print(
            f"  {x['limit']:<58} {x['used_last_s']:>4} of {x['rate_per_s']:g}/s last second, "
            f"headroom {x['headroom']:.0%}, 429s {x['rate_limited']}"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["stripe-budget"]:
        return stripe_budget_main(argv[1:])
    parser = argparse.ArgumentParser(
        prog="omo-backend",
        description="The OMO reference backend. Put a TLS-terminating proxy in front of it for a chain.",
    )
    parser.add_argument(
        "--database",
        "--db",
        default="omo-backend.sqlite3",
        help="a SQLite file (created if missing) or postgresql://user@host/dbname",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--workers", type=int, default=1, help="worker processes (PostgreSQL only; SQLite serves one)"
    )
    parser.add_argument(
        "--signing-key",
        type=Path,
        help="the member-token signing key's file, kept outside the database (mode 0600; made if missing). "
        "Default for SQLite: beside the database; required for PostgreSQL",
    )
    parser.add_argument(
        "--retire-key",
        type=int,
        action="append",
        default=[],
        metavar="KEY_ID",
        help="stop publishing a signing key and never sign with it again (a new one is made if needed)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="seed demo data into an empty database and serve /v1/demo"
    )
    parser.add_argument("--seed-products", type=int, default=2000, help="demo catalog size (with --demo)")
    parser.add_argument(
        "--register-till",
        metavar="TILL_ID",
        action="append",
        default=[],
        help="register a till (repeatable) of --store; its new device token goes to --tokens-file",
    )
    parser.add_argument("--store", help="the store the tills registered now belong to")
    parser.add_argument(
        "--tokens-file", type=Path, help="where new device tokens go: 'till_id token' lines, mode 0600"
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        help="addresses of the TLS proxy in front, trusted for X-Forwarded-For (the client address that "
        "rate limits count failed credentials by); none by default",
    )
    parser.add_argument(
        "--fashion-range",
        action="store_true",
        help="seed the demo's fashion range (variants) too (empty db only)",
    )
    parser.add_argument("--stores", type=int, default=0, help="grow the demo chain to this many stores")
    parser.add_argument("--no-serve", action="store_true", help="migrate, seed and register, then exit")
    args = parser.parse_args(argv)
    os.umask(0o077)  # the database (members, orders) and the key file are the backend user's only
    if args.register_till and args.tokens_file is None:
        parser.error("--register-till needs --tokens-file FILE: device tokens are never printed")
    store_id = args.store or (seed.DEMO_STORE if args.demo else None)
    if args.register_till and store_id is None:
        parser.error("--register-till needs --store STORE_ID: each till belongs to one store")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    store = Store(args.database)
    if store.is_sqlite and args.workers > 1:
        parser.error(
            "SQLite serves one worker process; use PostgreSQL (--database postgresql://...) for more"
        )
    key_file = args.signing_key or keys.default_key_file(store)
    if key_file is None:
        parser.error(
            "with PostgreSQL, give --signing-key FILE (the signing key is kept outside the database)"
        )
    if args.retire_key:
        store.migrate()
        k = schema.signing_keys
        store.write(
            lambda c: c.execute(sa.update(k).where(k.c.key_id.in_(args.retire_key)).values(active=False))
        )
        log.info("signing keys retired: %s", ", ".join(map(str, args.retire_key)))
    backend = Backend(store, key_file=key_file, demo=args.demo)
    if args.demo:
        seed.seed_demo(store, products_count=args.seed_products, fashion=args.fashion_range)
    if args.stores:
        store.write(lambda c: seed_stock.add_stores(c, args.stores))
    if args.register_till:
        issued = [(till, register_device(store, till, store_id=store_id)) for till in args.register_till]
        fd = os.open(args.tokens_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # an existing file keeps its mode otherwise
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines(f"{till} {token}\n" for till, token in issued)
        log.info("device tokens of %s written to %s", ", ".join(args.register_till), args.tokens_file)
    if args.no_serve:
        store.dispose()
        return 0
    proxy = {"proxy_headers": args.forwarded_allow_ips is not None}
    if args.forwarded_allow_ips is not None:
        proxy["forwarded_allow_ips"] = args.forwarded_allow_ips
    if args.workers == 1:
        app = create_app(backend)
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="info",
            lifespan="off",
            ws="none",
            access_log=False,
            **proxy,
        )
        return 0
    store.dispose()
    os.environ[ENV_DATABASE] = store.url.render_as_string(hide_password=False)
    os.environ[ENV_SIGNING_KEY] = str(key_file)
    os.environ[ENV_DEMO] = "1" if args.demo else "0"
    uvicorn.run(
        "backend.server:worker_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        # a worker imports FastAPI, SQLAlchemy and the app before it answers the supervisor's health check:
        # past uvicorn's 5 s (a loaded machine) it was killed and started again, over and over
        timeout_worker_healthcheck=WORKER_STARTUP_S,
        log_level="info",
        lifespan="off",
        ws="none",
        access_log=False,
        **proxy,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
