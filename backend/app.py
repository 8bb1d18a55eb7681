"""The reference backend's HTTP API (FastAPI). The contract is sync/openapi.yaml, served as-is at
/openapi.json.

Request bodies are validated with the contract's own schemas (jsonschema), and in strict mode (tests) so is
every response body, so the document and the implementation cannot drift apart without a test failing.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend import card_api, db, reconcile, schema, stock, stock_api, tokens
from backend import returns as returns_mod
from backend.store import KeyBusy, Store
from sync import contract

log = logging.getLogger("omo.backend")

APP_TOKEN_TTL_S = 300


class HttpError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(
        json.dumps(body, separators=(",", ":")).encode(),
        status_code=status,
        media_type="application/json",
        headers=headers,
    )


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Response:
    return _json(status, {"error": {"code": code, "message": message}}, headers)


# ------------------------------------------------------------------------------------------- faults


@dataclass
class Fault:
    """One injected fault for the next `times` matching requests.

    kind:
      "status"        answer `status` at once (the request is not processed), with Retry-After if given;
      "after_commit"  process the request (it commits), then answer `status` instead of the real answer;
      "malformed"     process, then answer 200 with a truncated JSON body;
      "violate"       process, then answer 200 with JSON that breaks the contract;
      "delay"         wait `delay` seconds before processing (the client's read timeout fires first).
    """

    kind: str
    path: str = "/v1/"
    method: str | None = None
    times: int = 1
    status: int = 500
    retry_after: int | None = None
    delay: float = 0.0
    after: int = 0  # let this many matching requests through first
    hits: int = 0


@dataclass
class FaultPlan:
    faults: list[Fault] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, fault: Fault) -> Fault:
        with self.lock:
            self.faults.append(fault)
        return fault

    def clear(self) -> None:
        with self.lock:
            self.faults.clear()

    def take(self, method: str, path: str) -> Fault | None:
        with self.lock:
            for f in self.faults:
                if path.startswith(f.path) and (f.method is None or f.method == method) and f.times > 0:
                    if f.after > 0:
                        f.after -= 1
                        continue
                    f.times -= 1
                    f.hits += 1
                    return f
        return None


class FaultMiddleware:
    def __init__(self, app: Any, backend: Backend) -> None:
        self.app = app
        self.backend = backend
        self.plan = backend.faults

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.backend.count_request(scope["method"], scope["path"], scope.get("query_string", b""))
        fault = self.plan.take(scope["method"], scope["path"])
        if fault is None:
            await self.app(scope, receive, send)
            return
        log.info("injecting fault %s on %s %s", fault.kind, scope["method"], scope["path"])
        if fault.kind == "status":
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else None
            codes = {429: "rate_limited", 503: "unavailable"}
            await _error(fault.status, codes.get(fault.status, "internal_error"), "injected fault", headers)(
                scope, receive, send
            )
            return
        if fault.kind == "delay":
            await asyncio.sleep(fault.delay)
            await self.app(scope, receive, send)
            return

        async def swallow(message: dict) -> None:  # run the app; drop its real answer
            return None

        await self.app(scope, receive, swallow)
        if fault.kind == "after_commit":
            resp = _error(fault.status, "internal_error", "injected fault after commit")
        elif fault.kind == "malformed":
            resp = Response(b'{"results": [{"event_id": ', status_code=200, media_type="application/json")
        elif fault.kind == "violate":
            resp = _json(200, {"results": "everything is fine", "upserts": 7, "keys": None, "error": 1})
        else:  # pragma: no cover - programming error in a test
            raise ValueError(fault.kind)
        await resp(scope, receive, send)


# --------------------------------------------------------------------------------------------- app


class Backend:
    """State behind the HTTP app: the database, the signing key, the fault plan. One per worker process;
    nothing in it is needed between requests (the fault plan and the request log are test hooks)."""

    def __init__(
        self, database: str | Any, *, strict: bool = False, migrate: bool = True, cards: Any = "env"
    ) -> None:
        self.store = database if isinstance(database, Store) else Store(database)
        self.strict = strict
        self.faults = FaultPlan()
        self.requests_seen = 0
        self.request_log: collections.deque[tuple[str, str, str]] = collections.deque(maxlen=2000)
        # test hook: called in the push's transaction, with its Idempotency-Key locked, before the batch
        self.before_apply: Any = None
        self.clock = time.time  # server time of idempotency records (tests move it)
        self.idempotency = reconcile.IdempotencyPurge()
        self._count_lock = threading.Lock()
        if migrate:
            self.store.migrate()
        self.signing_key = self.store.write(_signing_key)
        self.card_relay = _card_relay(self.store, cards)

    def query(self, stmt: Any) -> list[Any]:
        """The rows of one read."""
        return self.store.read_one(stmt)

    def count_request(self, method: str, path: str, query: bytes) -> None:
        with self._count_lock:
            self.requests_seen += 1
            self.request_log.append((method, path, query.decode("latin-1")))

    # ---- device auth
    def authenticate(self, request: Request) -> str:
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise HttpError(401, "unauthorized", "a device token is required")
        rows = self.store.read_one(_DEVICE_BY_TOKEN, {"h": db.token_hash(token.strip())})
        row = rows[0] if rows else None
        if row is None:
            raise HttpError(401, "unauthorized", "unknown device token")
        if row[1]:
            raise HttpError(401, "token_revoked", "this till's device token was revoked")
        return row[0]

    def write_refusable(self, fn: Any) -> Any:
        """fn(conn) in a write transaction; its `Refused` becomes the HTTP error (nothing is committed)."""
        try:
            return self.store.write(fn)
        except returns_mod.Refused as r:
            raise HttpError(r.status, r.code, r.message) from None

    def read_refusable(self, fn: Any) -> Any:
        try:
            with self.store.read_connection() as conn:
                return fn(conn)
        except returns_mod.Refused as r:
            raise HttpError(r.status, r.code, r.message) from None

    def respond(
        self, operation_id: str, status: int, body: Any, headers: dict[str, str] | None = None
    ) -> Response:
        if self.strict:
            name = contract.response_schema_name(operation_id, status)
            if status not in contract.declared_statuses(operation_id):
                raise AssertionError(f"{operation_id}: status {status} is not in the contract")
            if name is not None:
                contract.validate(name, body)
        return _json(status, body, headers)


def create_app(backend: Backend) -> Any:
    app = FastAPI(title="OMO reference backend", openapi_url=None, docs_url=None, redoc_url=None)

    @app.exception_handler(HttpError)
    async def _http_error(request: Request, exc: HttpError) -> Response:
        return _error(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        codes = {404: "not_found", 405: "method_not_allowed"}
        return _error(
            exc.status_code, codes.get(exc.status_code, "invalid_request"), str(exc.detail), exc.headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return _error(500, "internal_error", "unexpected server error")

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_json() -> Response:
        return Response(contract.spec_json_bytes(), media_type="application/json")

    # ---------------------------------------------------------------- events
    @app.post("/v1/events")
    async def push_events(request: Request) -> Response:
        till_id = backend.authenticate(request)
        key = request.headers.get("idempotency-key")
        if not key:
            raise HttpError(400, "idempotency_key_missing", "the Idempotency-Key header is required")
        if len(key) > 255:
            raise HttpError(400, "invalid_request", "Idempotency-Key is too long")
        raw = await request.body()
        return await run_in_threadpool(_push_events_sync, backend, till_id, key, raw)

    # ---------------------------------------------------------------- reconciliation
    @app.get("/v1/reconciliation")
    def reconciliation(request: Request) -> Response:
        till_id = backend.authenticate(request)
        try:
            since, until = reconcile.parse_range(
                request.query_params.get("from"), request.query_params.get("to")
            )
        except reconcile.BadRequest as exc:
            raise HttpError(400, "invalid_request", str(exc)) from None
        days = reconcile.day_figures(backend.store, till_id, since, until)
        return backend.respond("getReconciliation", 200, {"till_id": till_id, "days": days})

    @app.post("/v1/reconciliation/missing")
    async def missing_events(request: Request) -> Response:
        backend.authenticate(request)
        raw = await request.body()
        try:
            ids = await run_in_threadpool(reconcile.missing, backend.store, raw)
        except reconcile.BadRequest as exc:
            raise HttpError(400, "invalid_request", str(exc)) from None
        return backend.respond("findMissingEvents", 200, {"missing": ids})

    # ---------------------------------------------------------------- catalog
    @app.get("/v1/catalog/changes")
    def catalog_changes(request: Request) -> Response:
        backend.authenticate(request)
        cursor_s = request.query_params.get("cursor") or "0"
        limit_s = request.query_params.get("limit") or "1000"
        if not cursor_s.isdigit() or len(cursor_s) > 18 or not limit_s.isdigit():
            raise HttpError(400, "invalid_request", "cursor and limit must be non-negative integers")
        cursor, limit = int(cursor_s), int(limit_s)
        if not 1 <= limit <= 10000:
            raise HttpError(400, "invalid_request", "limit must be between 1 and 10000")
        p = schema.products
        with backend.store.read_connection() as conn:  # one snapshot: the count and the page agree
            total = conn.execute(sa.select(sa.func.count()).where(p.c.version > cursor)).scalar_one()
            rows = conn.execute(
                sa.select(p.c.version, p.c.deleted, p.c.sku, _product_json(conn))
                .where(p.c.version > cursor)
                .order_by(p.c.version)
                .limit(limit)
            ).all()
        upserts = [r[3] for r in rows if not r[1]]
        deletes = [r[2] for r in rows if r[1]]
        next_cursor = rows[-1][0] if rows else cursor
        has_more = total > len(rows)
        if backend.strict:
            body = {
                "upserts": [json.loads(u) for u in upserts],
                "deletes": deletes,
                "next_cursor": str(next_cursor),
                "has_more": has_more,
                "total": total,
            }
            return backend.respond("catalogChanges", 200, body)
        # Built from the database's own JSON text: no per-product Python objects for a 1,000,000-product sync.
        text = (
            '{"upserts":['
            + ",".join(upserts)
            + '],"deletes":'
            + json.dumps(deletes)
            + f',"next_cursor":"{next_cursor}","has_more":{"true" if has_more else "false"},"total":{total}}}'
        )
        return Response(text.encode(), media_type="application/json")

    @app.get("/v1/promotions")
    def promotions(request: Request) -> Response:
        backend.authenticate(request)
        t = schema.promotions
        rows = backend.query(sa.select(t.c.body).order_by(t.c.promo_id))
        return backend.respond("listPromotions", 200, {"promotions": [json.loads(r[0]) for r in rows]})

    # ---------------------------------------------------------------- members
    @app.get("/v1/members/{member_no}")
    def member_profile(member_no: str, request: Request) -> Response:
        backend.authenticate(request)
        no = _member_no(member_no)
        with backend.store.read_connection() as conn:
            body = _profile(conn, no)
        if body is None:
            raise HttpError(404, "not_found", "no such member")
        return backend.respond("getMemberProfile", 200, body)

    @app.get("/v1/demo/members/{member_no}/qr")
    def mint_qr(member_no: str, request: Request) -> Response:
        backend.authenticate(request)
        no = _member_no(member_no)
        kind = request.query_params.get("kind", "app")
        if kind not in ("app", "card"):
            raise HttpError(400, "invalid_request", "kind must be app or card")
        m = schema.members
        rows = backend.query(sa.select(m.c.card_serial).where(m.c.member_no == no))
        if not rows:
            raise HttpError(404, "not_found", "no such member")
        key = backend.signing_key
        if kind == "app":
            expires = int(time.time()) + APP_TOKEN_TTL_S
            text = tokens.encode_app_token(key, no, expires)
            body = {
                "member_no": no,
                "kind": kind,
                "qr_text": text,
                "key_id": key.key_id,
                "expires_at": expires,
                "card_serial": None,
            }
        else:
            serial = rows[0][0]
            text = tokens.encode_card_token(key, no, serial)
            body = {
                "member_no": no,
                "kind": kind,
                "qr_text": text,
                "key_id": key.key_id,
                "expires_at": None,
                "card_serial": serial,
            }
        return backend.respond("mintMemberQr", 200, body)

    @app.get("/v1/keys")
    def keys(request: Request) -> Response:
        backend.authenticate(request)
        k = schema.signing_keys
        rows = backend.query(sa.select(k.c.key_id, k.c.private_raw).order_by(k.c.key_id))
        body = {
            "keys": [
                {"key_id": kid, "public_key": tokens.SigningKey.from_raw(kid, raw).public_b64()}
                for kid, raw in rows
            ]
        }
        return backend.respond("listKeys", 200, body)

    @app.get("/v1/revocations")
    def revocations(request: Request) -> Response:
        backend.authenticate(request)
        r = schema.revoked_cards
        rows = backend.query(
            sa.select(r.c.member_no, r.c.card_serial).order_by(r.c.member_no, r.c.card_serial)
        )
        return backend.respond(
            "listRevocations", 200, {"cards": [{"member_no": m, "card_serial": s} for m, s in rows]}
        )

    # ---------------------------------------------------------------- orders, carts, stock
    @app.get("/v1/orders/by-qr")
    def order_by_qr(request: Request) -> Response:
        backend.authenticate(request)
        text = request.query_params.get("text", "")
        prefix = "OMO:ORDER:"
        if not re.fullmatch(r"OMO:ORDER:[A-Za-z0-9-]{1,32}", text):
            raise HttpError(400, "invalid_request", "not an order QR code (OMO:ORDER:<number>)")
        return _order_response(backend, text[len(prefix) :])

    @app.get("/v1/orders/{order_no}")
    def order(order_no: str, request: Request) -> Response:
        backend.authenticate(request)
        return _order_response(backend, order_no)

    @app.get("/v1/sales/by-receipt/{receipt_no}")
    def sale_by_receipt(receipt_no: str, request: Request) -> Response:
        till_id = backend.authenticate(request)
        t = schema.sales
        with backend.store.read_connection() as conn:
            rows = conn.execute(
                sa.select(t.c.sale_uuid, t.c.till_id).where(t.c.receipt_no == receipt_no).limit(20)
            ).all()
            mine = [r for r in rows if r[1] == till_id]
            if len(rows) > 1 and len(mine) != 1:
                raise HttpError(
                    404, "not_found", "several sales carry this receipt number: scan the receipt's QR code"
                )
            if not rows:
                raise HttpError(404, "not_found", "no such sale (it may not have synced from its till yet)")
            body = _sale_body(conn, (mine or rows)[0][0])
        return backend.respond("getSaleByReceipt", 200, body)

    @app.get("/v1/sales/{sale_uuid}")
    def sale(sale_uuid: str, request: Request) -> Response:
        backend.authenticate(request)
        with backend.store.read_connection() as conn:
            body = _sale_body(conn, sale_uuid.lower())
        return backend.respond("getSale", 200, body)

    # ---------------------------------------------------------------- returns, pickups, store credit
    @app.post("/v1/orders/{order_no}/check")
    async def check_order(order_no: str, request: Request) -> Response:
        backend.authenticate(request)
        body = await _body(request, "OrderCheck")
        _order_no(order_no)
        answer = await run_in_threadpool(
            backend.read_refusable,
            lambda conn: returns_mod.check_customer(conn, order_no, body["method"], body["value"]),
        )
        return backend.respond("checkOrderCustomer", 200, answer)

    @app.get("/v1/pickups")
    def list_pickups(request: Request) -> Response:
        backend.authenticate(request)
        store_id = request.query_params.get("store_id", "")
        if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", store_id):
            raise HttpError(400, "invalid_request", "store_id is required (letters, digits, . _ -)")
        with backend.store.read_connection() as conn:
            body = returns_mod.pickups(conn, store_id)
        return backend.respond("listPickups", 200, body)

    @app.post("/v1/returns/claims")
    async def claim_return(request: Request) -> Response:
        till_id = backend.authenticate(request)
        body = await _body(request, "ReturnClaim")
        answer = await run_in_threadpool(
            backend.write_refusable, lambda conn: returns_mod.claim(conn, till_id, body)
        )
        return backend.respond("claimReturn", 200, answer)

    @app.delete("/v1/returns/claims/{return_uuid}")
    def release_return(return_uuid: str, request: Request) -> Response:
        backend.authenticate(request)
        if not contract.is_uuid(return_uuid.lower()):
            raise HttpError(404, "not_found", "no such claimed return")
        answer = backend.write_refusable(lambda conn: returns_mod.release_claim(conn, return_uuid))
        return backend.respond("releaseReturnClaim", 200, answer)

    @app.get("/v1/store-credits/{code}")
    def store_credit(code: str, request: Request) -> Response:
        backend.authenticate(request)
        _credit_code(code)
        answer = backend.read_refusable(lambda conn: returns_mod.credit(conn, code))
        return backend.respond("getStoreCredit", 200, answer)

    @app.post("/v1/store-credits/{code}/redemptions")
    async def redeem_credit(code: str, request: Request) -> Response:
        till_id = backend.authenticate(request)
        body = await _body(request, "CreditRedemptionRequest")
        _credit_code(code)
        answer = await run_in_threadpool(
            backend.write_refusable, lambda conn: returns_mod.redeem(conn, till_id, code, body)
        )
        return backend.respond("redeemStoreCredit", 200, answer)

    @app.delete("/v1/store-credits/{code}/redemptions/{redemption_id}")
    def release_credit(code: str, redemption_id: str, request: Request) -> Response:
        backend.authenticate(request)
        _credit_code(code)
        if not contract.is_uuid(redemption_id.lower()):
            raise HttpError(404, "not_found", "no such redemption of this store credit")
        answer = backend.write_refusable(
            lambda conn: returns_mod.release_redemption(conn, code, redemption_id)
        )
        return backend.respond("releaseStoreCredit", 200, answer)

    @app.get("/v1/carts/{cart_id}")
    def cart(cart_id: str, request: Request) -> Response:
        backend.authenticate(request)
        c = schema.carts
        rows = backend.query(
            sa.select(c.c.cart_id, c.c.member_no, c.c.shared_at, c.c.lines, c.c.coupons).where(
                c.c.cart_id == cart_id
            )
        )
        if not rows:
            raise HttpError(404, "not_found", "no such shared cart")
        row = rows[0]
        body = {
            "cart_id": row[0],
            "member_no": row[1],
            "shared_at": row[2],
            "lines": json.loads(row[3]),
            "coupons": json.loads(row[4]),
        }
        return backend.respond("getCart", 200, body)

    @app.get("/v1/till-sessions")
    def till_sessions(request: Request, till_id: str | None = None, limit: str = "100") -> Response:
        backend.authenticate(request)
        if not (limit.isascii() and limit.isdigit()) or not 1 <= int(limit) <= 500:
            raise HttpError(400, "invalid_request", "limit must be a whole number from 1 to 500")
        if till_id is not None and not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", till_id):
            raise HttpError(400, "invalid_request", "till_id is not a till id")
        with backend.store.read_connection() as conn:
            body = {"sessions": db.list_till_sessions(conn, till_id, int(limit))}
        return backend.respond("listTillSessions", 200, body)

    stock_api.add_routes(app, backend, HttpError, _order_response)

    card_api.install(app, backend)
    return FaultMiddleware(app, backend)


def _card_relay(store: Store, cards: Any) -> Any:
    """The card relay (backend/card_relay.py) with ``cards`` (a RelayConfig; "env": from the environment;
    None: off), started."""
    from backend.card_relay import CardRelay, RelayConfig

    config = RelayConfig.from_env() if cards == "env" else cards
    return CardRelay(store, config).start() if config is not None else None


def _signing_key(conn: Connection) -> tokens.SigningKey:
    """The active signing key, made on the first start."""
    k = schema.signing_keys
    row = conn.execute(
        sa.select(k.c.key_id, k.c.private_raw).where(k.c.active).order_by(k.c.key_id.desc()).limit(1)
    ).first()
    if row is not None:
        return tokens.SigningKey.from_raw(row[0], row[1])
    key = tokens.SigningKey.generate(1)
    conn.execute(sa.insert(k).values(key_id=1, private_raw=key.private_raw(), active=True))
    return key


def _product_json(conn: Connection) -> Any:
    """A product as the contract's JSON text, made by the database (SQLite's json_object or
    PostgreSQL's json_build_object): the catalog's hot path builds no Python object per product."""
    p = schema.products
    if conn.dialect.name == "postgresql":
        build, barcodes, active = sa.func.json_build_object, sa.cast(p.c.barcodes, sa.JSON), p.c.active
    else:
        build, barcodes = sa.func.json_object, sa.func.json(p.c.barcodes)
        active = sa.func.json(sa.case((p.c.active, "true"), else_="false"))
    obj = build(
        "sku", p.c.sku, "name", p.c.name, "brand", p.c.brand, "category", p.c.category,
        "tax_code", p.c.tax_code, "price", p.c.price, "barcodes", barcodes, "active", active,
        "popularity", p.c.popularity,
    )  # fmt: skip
    return sa.cast(obj, sa.Text)


def _member_no(text: str) -> int:
    if not text.isdigit() or len(text) > 20 or not 0 < int(text) < 2**63:  # 64-bit signed in the database
        raise HttpError(404, "not_found", "no such member")
    return int(text)


def _lines_query(ln: sa.Table, where: Any) -> Any:
    return (
        sa.select(
            ln.c.line_no,
            ln.c.sku,
            ln.c.name,
            ln.c.qty,
            ln.c.unit_price,
            ln.c.paid_amount,
            ln.c.tax_code,
            ln.c.returned_qty,
            ln.c.tax_amount,
            ln.c.refunded_amount,
        )
        .where(where)
        .order_by(ln.c.line_no)
    )


def _order_response(backend: Backend, order_no: str, operation: str = "getOrder") -> Response:
    _order_no(order_no)
    with backend.store.read_connection() as conn:
        bodies = returns_mod.order_bodies(conn, schema.orders.c.order_no == order_no, limit=1)
        if not bodies:
            raise HttpError(404, "not_found", "no such order")
        extras = stock.order_extras(conn, order_no, time.time())
    return backend.respond(operation, 200, bodies[0] | extras)


def _order_no(order_no: str) -> None:
    if not re.fullmatch(r"[A-Za-z0-9-]{1,32}", order_no):
        raise HttpError(404, "not_found", "no such order")


def _credit_code(code: str) -> None:
    if not returns_mod.CREDIT_CODE.fullmatch(code):
        raise HttpError(404, "not_found", "no such store credit")


async def _body(request: Request, schema_name: str) -> dict[str, Any]:
    """The request's JSON body, checked against the contract (400 otherwise)."""
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise HttpError(400, "invalid_request", "the body is not JSON") from None
    except RecursionError:
        raise HttpError(400, "invalid_request", "the body is nested too deeply") from None
    try:
        contract.validate(schema_name, body)
    except contract.ContractViolation as exc:
        raise HttpError(400, "invalid_request", str(exc)) from None
    return body


def _sale_body(conn: Connection, sale_uuid: str) -> dict[str, Any]:
    t, ln = schema.sales, schema.sale_lines
    row = conn.execute(
        sa.select(
            t.c.sale_uuid,
            t.c.receipt_no,
            t.c.till_id,
            t.c.occurred_at,
            t.c.currency,
            t.c.member_no,
            t.c.tenders,
            t.c.total,
            t.c.points_earned,
            t.c.points_redeemed,
        ).where(t.c.sale_uuid == sale_uuid)
    ).first()
    if row is None:
        raise HttpError(404, "not_found", "no such sale (it may not have synced from its till yet)")
    lines = conn.execute(_lines_query(ln, ln.c.sale_uuid == row[0])).all()
    return {
        "sale_uuid": row[0],
        "receipt_no": row[1],
        "till_id": row[2],
        "occurred_at": row[3],
        "currency": row[4],
        "member_no": row[5],
        "tenders": json.loads(row[6]),
        "total": row[7],
        "lines": [returns_mod.line_body(r) for r in lines],
        "points": {"earned": row[8], "redeemed": row[9]} if (row[8] or row[9]) else None,
    }


def _profile(conn: Connection, no: int) -> dict[str, Any] | None:
    t = schema
    m = conn.execute(
        sa.select(
            t.members.c.first_name,
            t.members.c.last_initial,
            t.members.c.tier,
            t.members.c.consent_marketing,
            t.members.c.consent_personalisation,
            t.members.c.consent_receipts,
        ).where(t.members.c.member_no == no)
    ).first()
    if m is None:
        return None
    mc = t.member_coupons
    coupons = [
        {"code": r[0], "title": r[1], "percent_off_bp": r[2], "amount_off": r[3], "expires_at": r[4]}
        for r in conn.execute(
            sa.select(mc.c.code, mc.c.title, mc.c.percent_off_bp, mc.c.amount_off, mc.c.expires_at)
            .where(mc.c.member_no == no)
            .order_by(mc.c.code)
        )
    ]
    o, ol, s = t.orders, t.order_lines, t.sales
    items = sa.select(sa.func.sum(ol.c.qty)).where(ol.c.order_no == o.c.order_no).scalar_subquery()
    online = [
        {
            "channel": "online",
            "ref": r[0],
            "placed_at": r[1],
            "currency": r[2],
            "total": r[3],
            "item_count": int(r[4] or 0),
        }
        for r in conn.execute(
            sa.select(o.c.order_no, o.c.placed_at, o.c.currency, o.c.total, items)
            .where(o.c.member_no == no)
            .order_by(o.c.placed_at.desc())
            .limit(10)
        )
    ]
    store = [
        {
            "channel": "store",
            "ref": r[0],
            "placed_at": r[1],
            "currency": r[2],
            "total": r[3],
            "item_count": r[4],
        }
        for r in conn.execute(
            sa.select(s.c.sale_uuid, s.c.occurred_at, s.c.currency, s.c.total, s.c.item_count)
            .where(s.c.member_no == no)
            .order_by(s.c.occurred_at.desc())
            .limit(10)
        )
    ]
    recent = sorted(online + store, key=lambda x: x["placed_at"], reverse=True)[:20]
    viewed = []
    if m[4]:
        mv = t.member_views
        viewed = [
            {"sku": r[0], "name": r[1], "viewed_at": r[2]}
            for r in conn.execute(
                sa.select(mv.c.sku, mv.c.name, mv.c.viewed_at)
                .where(mv.c.member_no == no)
                .order_by(mv.c.viewed_at.desc())
                .limit(20)
            )
        ]
    return {
        "member_no": no,
        "display_name": f"{m[0]} {m[1]}.",
        "tier": m[2],
        "points_balance": max(0, db.points_balance(conn, no)),
        "coupons": coupons,
        "recent_orders": recent,
        "recently_viewed": viewed,
        "consent": {"marketing": bool(m[3]), "personalisation": bool(m[4]), "receipts_by_email": bool(m[5])},
    }


# the push's statements, built once (SQLAlchemy caches their compiled form by the statement object)
_I = schema.idempotency
_IDEMPOTENCY_ANSWER = sa.select(_I.c.fingerprint, _I.c.status, _I.c.body).where(
    _I.c.device == sa.bindparam("d"), _I.c.key == sa.bindparam("k")
)
_STORE_ANSWER = sa.insert(_I)
_DEVICE_BY_TOKEN = sa.select(schema.devices.c.till_id, schema.devices.c.revoked).where(
    schema.devices.c.token_sha256 == sa.bindparam("h")
)


def _parse_batch(raw: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """The batch and None, or None and why it is not a valid EventBatch."""
    try:
        batch = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None, str(contract.ContractViolation("EventBatch", "the body is not JSON"))
    try:
        contract.validate("EventBatch", batch)
    except contract.ContractViolation as exc:
        return None, str(exc)
    return batch, None


def _push_events_sync(backend: Backend, till_id: str, key: str, raw: bytes) -> Response:
    """Check the Idempotency-Key, apply the batch and store the answer: one transaction, the key locked
    for its length (another request with it meanwhile gets 409). A crash anywhere leaves nothing behind."""
    fingerprint = hashlib.sha256(raw).hexdigest()
    # the contract checks are pure: done before the transaction, so no lock is held for them
    batch, error = _parse_batch(raw)
    # a number beyond 64 bits has at least 19 digits: only then is every payload searched for one
    wide = db.WIDE_NUMBER.search(raw) is not None
    problems = (
        {} if batch is None else {ev["event_id"]: db.payload_problem(ev, wide=wide) for ev in batch["events"]}
    )
    fast = [True]

    def work(conn: Connection) -> tuple[int, bytes, bool]:
        row = conn.execute(_IDEMPOTENCY_ANSWER, {"d": till_id, "k": key}).first()
        if row is not None:
            if row[0] != fingerprint:
                raise HttpError(
                    422, "idempotency_key_reused", "this Idempotency-Key was used with another body"
                )
            return row[1], row[2], True
        if backend.before_apply is not None:
            backend.before_apply()
        if batch is None:
            status, body = 400, {"error": {"code": "invalid_request", "message": error}}
        else:
            status = 200
            try:
                results = db.apply_batch(conn, till_id, batch["events"], problems, assume_new_sales=fast[0])
            except db.SaleRecordedBefore:
                fast[0] = False  # the next run looks the sales up first
                raise
            body = {"results": results}
            if backend.strict:
                contract.validate("EventBatchResult", body)
        data = json.dumps(body, separators=(",", ":")).encode()
        conn.execute(
            _STORE_ANSWER,
            {
                "device": till_id,
                "key": key,
                "fingerprint": fingerprint,
                "state": "done",
                "status": status,
                "body": data,
                "created_at": backend.clock(),
            },
        )
        return status, data, False

    try:
        status, data, replayed = backend.store.write(work, key=(till_id, key))
    except KeyBusy:
        raise HttpError(
            409,
            "request_in_progress",
            "a request with this Idempotency-Key is in progress",
            {"Retry-After": "1"},
        ) from None
    headers = {"Idempotent-Replayed": "true"} if replayed else None
    try:  # records past their window; the push is committed whatever happens here
        backend.idempotency.maybe_run(backend.store, backend.clock())
    except Exception:
        log.exception("purging idempotency records failed (tried again later)")
    return Response(data, status_code=status, media_type="application/json", headers=headers)
