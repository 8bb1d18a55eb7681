"""The reference backend's HTTP API (FastAPI). The contract is sync/openapi.yaml, served as-is at
/openapi.json.

Request bodies are validated with the contract's own schemas (jsonschema), and in strict mode (tests) so is
every response body, so the document and the implementation cannot drift apart without a test failing.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import hashlib
import hmac
import json
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend import card_api, db, members, reconcile, schema, stock, stock_api, tokens, validate
from backend import keys as keystore
from backend import returns as returns_mod
from backend.limits import Limiter, Limits, limiter_for, retry_after
from backend.store import KeyBusy, Store
from pos import audit_chain
from sync import contract

log = logging.getLogger("omo.backend")
access_log = logging.getLogger("omo.backend.access")

# A member's app code lives one 60-second step (like a TOTP): it expires at the end of the step it was
# made in; a till accepts it until APP_TOKEN_SKEW_S after that (clocks differ), and no longer.
APP_TOKEN_TTL_S = 60
APP_TOKEN_SKEW_S = 30
MEMBER_TOKEN_HEADER = "OMO-Member-Token"


def app_token_expiry(now: float) -> int:
    """When an app code made at `now` expires: the end of its 60-second step."""
    return (int(now) // APP_TOKEN_TTL_S + 1) * APP_TOKEN_TTL_S


@dataclass(frozen=True)
class Device:
    """The till a request came from, as its device token says, and the store it belongs to."""

    till_id: str
    store_id: str | None


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


# ------------------------------------------------------------------------------- guard, access log


class BodyTooLarge(Exception):
    """The request's body passed MAX_BODY_BYTES while it was being read."""


class Guard:
    """Outside the app: a body above `limit` bytes is refused with 413 (at once when its Content-Length
    says so, else as soon as the bytes read pass it: nothing more is read), and one access-log line per
    request names the device (`omo.backend.access`: device, client address, method, path, status, time;
    never a token or a query string)."""

    def __init__(self, app: Any, limit: int = validate.MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = scope.setdefault("state", {})
        status = [0]

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            length = dict(scope.get("headers") or ()).get(b"content-length")
            if length is not None and (not length.isdigit() or int(length) > self.limit):
                await _too_large(self.limit)(scope, receive, sending)
                return
            seen = 0

            async def limited() -> dict:
                nonlocal seen
                message = await receive()
                if message["type"] == "http.request":
                    seen += len(message.get("body", b""))
                    if seen > self.limit:
                        raise BodyTooLarge
                return message

            await self.app(scope, limited, sending)
        finally:
            client = scope.get("client") or ("-", 0)
            access_log.info(
                "%s %s %s %s %s %.1f ms",
                state.get("device", "-"),
                client[0],
                scope["method"],
                scope["path"],
                status[0] or "-",
                (time.perf_counter() - started) * 1000,
            )


def _too_large(limit: int) -> Response:
    return _error(413, "payload_too_large", f"the request body is larger than {limit // 2**20} MiB")


# --------------------------------------------------------------------------------------------- app


class Backend:
    """State behind the HTTP app: the database, the signing key, the limits, the fault plan. One per worker
    process; nothing in it is needed between requests (the fault plan and the request log are test hooks).

    `key_file`: the private signing key's file (backend/keys.py; beside a SQLite database by default).
    `demo`: serve /v1/demo (minting member codes for anyone); off unless asked. `limits`: rate limits.
    `cards`: the card relay's Stripe account (a RelayConfig; "env": from the environment; None: off)."""

    def __init__(
        self,
        database: str | Any,
        *,
        strict: bool = False,
        migrate: bool = True,
        key_file: str | Path | None = None,
        demo: bool = False,
        limits: Limits | None = None,
        cards: Any = "env",
    ) -> None:
        self.store = database if isinstance(database, Store) else Store(database)
        self.strict = strict
        self.demo = demo
        self.limits = Limits() if limits is None else limits
        self.limiter: Limiter = limiter_for(self.store)
        self.faults = FaultPlan()
        self.requests_seen = 0
        self.request_log: collections.deque[tuple[str, str, str]] = collections.deque(maxlen=2000)
        # test hook: called in the push's transaction, with its Idempotency-Key locked, before the batch
        self.before_apply: Any = None
        self.clock = time.time  # server time of idempotency records (tests move it)
        self.idempotency = reconcile.IdempotencyPurge()
        self._count_lock = threading.Lock()
        try:
            if migrate:
                self.store.migrate()
            self.key_file = Path(key_file) if key_file is not None else keystore.default_key_file(self.store)
            if self.key_file is None:
                raise keystore.SigningKeyError(
                    "With PostgreSQL, name the file of the member-token signing key (--signing-key FILE); "
                    "it is kept outside the database."
                )
            self.signing_key = keystore.load_signing_key(self.store, self.key_file)
        except BaseException:
            if not isinstance(database, Store):  # the store is ours: close what it opened
                self.store.dispose()
            raise
        self.card_relay = _card_relay(self.store, cards)

    def query(self, stmt: Any) -> list[Any]:
        """The rows of one read."""
        return self.store.read_one(stmt)

    def count_request(self, method: str, path: str, query: bytes) -> None:
        with self._count_lock:
            self.requests_seen += 1
            self.request_log.append((method, path, query.decode("latin-1")))

    # ---- device auth and rate limits
    def authenticate(self, request: Request, *, lookup: bool = False) -> Device:
        """The device whose token the request carries, within its rate limits (429 beyond them).
        `lookup`: the request finds something by a number a person could guess (member, order, ...).
        While an address is over its limit of failed credentials, no credential from it is checked."""
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():  # no credential: nothing to guess with
            raise HttpError(401, "unauthorized", "a device token is required")
        client = request.client.host if request.client else "-"
        limits = self.limits
        if limits.failed_auth is not None:
            wait = self.limiter.blocked(f"auth:{client}", limits.failed_auth)
            if wait:
                raise _rate_limited("too many failed credentials from this address", wait)
        rows = self.store.read_one(_DEVICE_BY_TOKEN, {"h": db.token_hash(token.strip())})
        row = rows[0] if rows else None
        if row is None or row[1]:
            if limits.failed_auth is not None:
                self.limiter.take(f"auth:{client}", limits.failed_auth)
            if row is None:
                raise HttpError(401, "unauthorized", "unknown device token")
            raise HttpError(401, "token_revoked", "this till's device token was revoked")
        device = Device(row[0], row[2])
        request.state.device = device.till_id
        for rate, key in ((limits.device, "device"), (limits.lookup if lookup else None, "lookup")):
            if rate is not None and (wait := self.limiter.take(f"{key}:{device.till_id}", rate)):
                raise _rate_limited(f"too many requests from till {device.till_id}", wait)
        return device

    def count_lookup(self, device: Device) -> None:
        """A look-up that missed, by an id no one could guess: counted as a guess after the fact (429
        once the device's look-ups are used up)."""
        rate = self.limits.lookup
        if rate is not None and (wait := self.limiter.take(f"lookup:{device.till_id}", rate)):
            raise _rate_limited(f"too many requests from till {device.till_id}", wait)

    def member_token_opens(self, conn: Connection, text: str, member_no: int) -> bool:
        """Whether `text` is a member code (the app's, or a printed card's) signed by an active key, valid
        now, for this member: what opens the member's history and recently viewed items."""
        try:
            published = dict(keystore.active_public_keys(conn))
            tok = tokens.decode_and_verify(text.strip(), published)
        except Exception:  # malformed, unknown key, bad signature: it opens nothing
            return False
        if tok.member_no != member_no:
            return False
        if tok.kind == "M":
            now = time.time()
            return (
                now <= tok.value + APP_TOKEN_SKEW_S and tok.value <= now + APP_TOKEN_TTL_S + APP_TOKEN_SKEW_S
            )
        r = schema.revoked_cards
        revoked = conn.execute(
            sa.select(r.c.card_serial).where(r.c.member_no == member_no, r.c.card_serial == tok.value)
        ).first()
        return tok.kind == "C" and revoked is None

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

    @app.exception_handler(BodyTooLarge)
    async def _body_too_large(request: Request, exc: BodyTooLarge) -> Response:
        return _too_large(validate.MAX_BODY_BYTES)

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
        device = await run_in_threadpool(backend.authenticate, request)  # its look-ups wait on the database
        key = request.headers.get("idempotency-key")
        if not key:
            raise HttpError(400, "idempotency_key_missing", "the Idempotency-Key header is required")
        if len(key) > 255:
            raise HttpError(400, "invalid_request", "Idempotency-Key is too long")
        raw = await request.body()
        return await run_in_threadpool(_push_events_sync, backend, device, key, raw)

    # ---------------------------------------------------------------- audit anchoring
    # one route for both methods, so a 405 names them both in its Allow header
    @app.api_route("/v1/audit", methods=["GET", "POST"])
    async def audit(request: Request) -> Response:
        device = await run_in_threadpool(backend.authenticate, request)
        if request.method == "POST":
            raw = await request.body()
            return await run_in_threadpool(_push_audit_sync, backend, device, raw)
        return await run_in_threadpool(_audit_copy, backend, device, request)

    # ---------------------------------------------------------------- reconciliation
    @app.get("/v1/reconciliation")
    def reconciliation(request: Request) -> Response:
        till_id = backend.authenticate(request).till_id
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

    # ---------------------------------------------------------------- members, coupons, shared carts
    members.add_routes(app, backend)

    @app.get("/v1/demo/members/{member_no}/qr")
    def mint_qr(member_no: str, request: Request) -> Response:
        backend.authenticate(request)
        if not backend.demo:  # only `omo-backend --demo` mints codes for anyone who asks
            raise HttpError(404, "not_found", "not found")
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
            expires = app_token_expiry(time.time())
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
        with backend.store.read_connection() as conn:
            published = keystore.active_public_keys(conn)
        body = {
            "keys": [
                {"key_id": kid, "public_key": base64.b64encode(raw).decode("ascii")} for kid, raw in published
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
        """The QR of an order (`OMO:ORDER:<number>.<secret>`) shows its contents; a QR with the number
        alone is no more than the number."""
        device = backend.authenticate(request, lookup=True)
        text = request.query_params.get("text", "")
        m = _ORDER_QR.fullmatch(text)
        if m is None:
            raise HttpError(400, "invalid_request", "not an order QR code (OMO:ORDER:<number>)")
        return _order_response(backend, m["no"], secret=m["secret"], device=device)

    @app.get("/v1/orders/{order_no}")
    def order(order_no: str, request: Request) -> Response:
        """By number: status and total only (the contents with its QR, or from a check the customer passes:
        POST /v1/orders/{order_no}/check); in full for the store it waits at for pickup, and with the
        signed code of the member who placed it."""
        device = backend.authenticate(request, lookup=True)
        token = request.headers.get(MEMBER_TOKEN_HEADER)
        return _order_response(backend, order_no, device=device, member_token=token)

    @app.get("/v1/sales/by-receipt/{receipt_no}")
    def sale_by_receipt(receipt_no: str, request: Request) -> Response:
        till_id = backend.authenticate(request, lookup=True).till_id
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

    @app.get("/v1/returns/by-receipt/{receipt_no}")
    def return_by_receipt(receipt_no: str, request: Request) -> Response:
        """A return (any till) by the number on its receipt: what it was a return of, so the till can say
        that a return receipt is not a sale (a return is taken back from the original's receipt)."""
        till_id = backend.authenticate(request, lookup=True).till_id
        with backend.store.read_connection() as conn:
            body = _return_by_receipt(conn, receipt_no, till_id)
        return backend.respond("getReturnByReceipt", 200, body)

    @app.get("/v1/sales/{sale_uuid}")
    def sale(sale_uuid: str, request: Request) -> Response:
        """A sale's uuid (the till's journal, the receipt's QR) cannot be guessed or counted: only a wrong
        one counts against the device's look-up limit, so a returns desk is never throttled like a guesser."""
        device = backend.authenticate(request)
        try:
            with backend.store.read_connection() as conn:
                body = _sale_body(conn, sale_uuid.lower())
        except HttpError as e:
            if e.status == 404:
                backend.count_lookup(device)
            raise
        return backend.respond("getSale", 200, body)

    # ---------------------------------------------------------------- returns, pickups, store credit
    @app.post("/v1/orders/{order_no}/check")
    async def check_order(order_no: str, request: Request) -> Response:
        """What the customer says against the order; when it matches, the order in full. Wrong checks are
        limited per order and per device (429 with Retry-After) and logged with the device."""
        device = backend.authenticate(request, lookup=True)
        body = await _body(request, "OrderCheck")
        _order_no(order_no)
        return await run_in_threadpool(_check_order, backend, device, order_no, body["method"], body["value"])

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
        till_id = backend.authenticate(request).till_id
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
        till_id = backend.authenticate(request).till_id
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

    @app.get("/v1/till-sessions")
    def till_sessions(request: Request, till_id: str | None = None, limit: str = "100") -> Response:
        device = backend.authenticate(request)
        if not (limit.isascii() and limit.isdigit()) or not 1 <= int(limit) <= 500:
            raise HttpError(400, "invalid_request", "limit must be a whole number from 1 to 500")
        if till_id is not None and not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", till_id):
            raise HttpError(400, "invalid_request", "till_id is not a till id")
        with backend.store.read_connection() as conn:
            sessions = db.list_till_sessions(
                conn, till_id, int(limit), device_till=device.till_id, store_id=device.store_id
            )
            body = {"sessions": sessions}
        return backend.respond("listTillSessions", 200, body)

    stock_api.add_routes(app, backend, HttpError, _order_response)

    card_api.install(app, backend)
    return FaultMiddleware(Guard(app), backend)


def _rate_limited(why: str, wait: float) -> HttpError:
    return HttpError(429, "rate_limited", f"{why}; try again later", {"Retry-After": retry_after(wait)})


def _card_relay(store: Store, cards: Any) -> Any:
    """The card relay (backend/card_relay.py) with ``cards`` (a RelayConfig; "env": from the environment;
    None: off), started."""
    from backend.card_relay import CardRelay, RelayConfig

    config = RelayConfig.from_env() if cards == "env" else cards
    return CardRelay(store, config).start() if config is not None else None


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


_member_no = members.member_no_of


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


ORDER_SUMMARY = ("order_no", "status", "placed_at", "currency", "pickup_store_id", "total")
ORDER_SUMMARY += ("origin", "fulfilment", "source_store_id", "ready_on", "expires_at")  # how it arrives


def _order_view(order: dict[str, Any], full: bool) -> dict[str, Any]:
    """The order in full, or the summary a guessable number may show (status, total, where it is picked
    up, how many items: no lines, tenders, member or customer)."""
    body: dict[str, Any] = order if full else {k: order[k] for k in ORDER_SUMMARY if k in order}
    return body | {
        "item_count": sum(ln["qty"] for ln in order["lines"]),
        "view": "full" if full else "summary",
    }


def _order_response(
    backend: Backend,
    order_no: str,
    *,
    secret: str | None = None,
    device: Device | None = None,
    member_token: str | None = None,
    operation: str = "getOrder",
    full: bool = False,
) -> Response:
    """An order: in full with its QR's secret, with the signed code of the member who placed it, or for
    the store where it waits for pickup (it is on that store's pickup list anyway), or when `full` (the
    till that placed or reserved it, answered at once); else the summary."""
    _order_no(order_no)
    o = schema.orders
    with backend.store.read_connection() as conn:
        bodies = returns_mod.order_bodies(conn, o.c.order_no == order_no, limit=1)
        proof = conn.execute(sa.select(o.c.qr_secret, o.c.member_no).where(o.c.order_no == order_no)).first()
        if not bodies or proof is None:
            raise HttpError(404, "not_found", "no such order")
        mine = member_token is not None and proof[1] is not None
        mine = mine and backend.member_token_opens(conn, str(member_token), proof[1])
        extras = stock.order_extras(conn, order_no, time.time())
    order = bodies[0] | extras
    full = (
        full
        or mine
        or (secret is not None and proof[0] is not None and hmac.compare_digest(secret, proof[0]))
    )
    if not full and device is not None and device.store_id is not None:
        here = device.store_id in (order.get("pickup_store_id"), order.get("source_store_id"))
        # waiting on this store's pickup shelf, or placed at a till (a reservation, an endless-aisle order)
        # and held or collected here: this store's own job
        full = here and (order["status"] == "ready_for_pickup" or order.get("origin") == "till")
    if full and proof[0] is not None:  # whoever sees it in full may print or show its QR
        order["qr_text"] = f"OMO:ORDER:{order_no}.{proof[0]}"
    return backend.respond(operation, 200, _order_view(order, full))


def _check_order(backend: Backend, device: Device, order_no: str, method: str, value: str) -> Response:
    """A customer check (`returns.check_customer`); the order in full when it passes. While the order's
    or the device's wrong checks are used up, no check is even made (429)."""
    limits = backend.limits
    keys = [
        (f"check:{order_no}", limits.order_check),
        (f"check-device:{device.till_id}", limits.device_check),
    ]
    for key, rate in keys:
        if rate is not None and (wait := backend.limiter.blocked(key, rate)):
            log.warning(
                "customer check of order %s refused for %s: too many wrong checks", order_no, device.till_id
            )
            raise _rate_limited("too many wrong customer checks", wait)

    def check(conn: Connection) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        answer = returns_mod.check_customer(conn, order_no, method, value)
        return answer, returns_mod.order_bodies(conn, schema.orders.c.order_no == order_no, limit=1)

    answer, bodies = backend.read_refusable(check)
    if answer["verified"] and bodies:
        answer["order"] = _order_view(bodies[0], True)
    else:
        for key, rate in keys:
            if rate is not None:
                backend.limiter.take(key, rate)
        log.warning("a wrong customer check (%s) of order %s from %s", method, order_no, device.till_id)
    return backend.respond("checkOrderCustomer", 200, answer)


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


def _return_by_receipt(conn: Connection, receipt_no: str, till_id: str) -> dict[str, Any]:
    r, e, t = schema.returns, schema.events, schema.sales
    rows = conn.execute(
        sa.select(r.c.return_uuid, r.c.till_id, e.c.payload)
        .join(e, e.c.event_id == r.c.event_id)
        .where(r.c.receipt_no == receipt_no)
        .limit(20)
    ).all()
    mine = [row for row in rows if row[1] == till_id]
    if not rows or (len(rows) > 1 and len(mine) != 1):
        raise HttpError(404, "not_found", "no such return (it may not have synced from its till yet)")
    return_uuid, by_till, payload = (mine or rows)[0]
    original = json.loads(payload).get("original") or {}
    original_receipt = None
    if original.get("sale_uuid"):
        original_receipt = conn.execute(
            sa.select(t.c.receipt_no).where(t.c.sale_uuid == original["sale_uuid"])
        ).scalar()
    return {
        "return_uuid": return_uuid,
        "receipt_no": receipt_no,
        "till_id": by_till,
        "original_receipt_no": original_receipt,
        "original_order_no": original.get("order_no"),
    }


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


# the push's statements, built once (SQLAlchemy caches their compiled form by the statement object)
_I = schema.idempotency
_IDEMPOTENCY_ANSWER = sa.select(_I.c.fingerprint, _I.c.status, _I.c.body).where(
    _I.c.device == sa.bindparam("d"), _I.c.key == sa.bindparam("k")
)
_STORE_ANSWER = sa.insert(_I)
_DEVICE_BY_TOKEN = sa.select(
    schema.devices.c.till_id, schema.devices.c.revoked, schema.devices.c.store_id
).where(schema.devices.c.token_sha256 == sa.bindparam("h"))
_ORDER_QR = re.compile(r"OMO:ORDER:(?P<no>[A-Za-z0-9-]{1,32})(?:\.(?P<secret>[A-Za-z0-9_-]{8,64}))?")


def _push_events_sync(backend: Backend, device: Device, key: str, raw: bytes) -> Response:
    """Check the Idempotency-Key, apply the batch and store the answer: one transaction, the key locked
    for its length (another request with it meanwhile gets 409). A crash anywhere leaves nothing behind."""
    till_id = device.till_id
    fingerprint = hashlib.sha256(raw).hexdigest()
    # the checks that need no database (backend/validate.py) run before the transaction: no lock is held
    batch, error = validate.parse_batch(raw)
    # a number beyond 64 bits has at least 19 digits: only then is every payload searched for one
    wide = validate.WIDE_NUMBER.search(raw) is not None
    problems = (
        {}
        if batch is None
        else {ev["event_id"]: validate.payload_problem(ev, wide=wide) for ev in batch["events"]}
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
                results = db.apply_batch(
                    conn,
                    till_id,
                    batch["events"],
                    problems,
                    assume_new_sales=fast[0],
                    store_id=device.store_id,
                )
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


def _audit_copy(backend: Backend, device: Device, request: Request) -> Response:
    """GET /v1/audit: the backend's copy of the device's till's chain after `after`."""
    after_s = request.query_params.get("after") or "0"
    limit_s = request.query_params.get("limit") or "1000"
    if (
        not (after_s.isascii() and after_s.isdigit())
        or len(after_s) > 19
        or int(after_s) >= 2**63
        or not (limit_s.isascii() and limit_s.isdigit())
        or len(limit_s) > 5
        or not 1 <= int(limit_s) <= 5000
    ):
        raise HttpError(400, "invalid_request", "after and limit must be whole numbers (limit 1 to 5000)")
    a = schema.audit_entries
    with backend.store.read_connection() as conn:
        rows = conn.execute(
            sa.select(a.c.seq, a.c.hash, a.c.action, a.c.at)
            .where(a.c.till_id == device.till_id, a.c.seq > int(after_s))
            .order_by(a.c.seq)
            .limit(int(limit_s))
        ).all()
        head = conn.execute(sa.select(sa.func.max(a.c.seq)).where(a.c.till_id == device.till_id)).scalar()
    body = {
        "head_seq": head or 0,
        "entries": [{"seq": r[0], "hash": r[1], "action": r[2], "at": r[3]} for r in rows],
    }
    return backend.respond("getAudit", 200, body)


def _push_audit_sync(backend: Backend, device: Device, raw: bytes) -> Response:
    """Anchor audit entries: each must follow the stored chain of this till; one the backend has already
    must be the same (409 audit_mismatch otherwise: the backend's copy is never changed)."""
    try:
        batch = json.loads(raw)
    except (ValueError, RecursionError):
        raise HttpError(400, "invalid_request", "the body is not JSON") from None
    if validate.depth_exceeds(batch):
        raise HttpError(400, "invalid_request", "the body nests too deep")
    try:
        contract.validate("AuditBatch", batch)
    except contract.ContractViolation as exc:
        raise HttpError(400, "invalid_request", str(exc)) from None
    a = schema.audit_entries
    till = device.till_id

    def work(conn: Connection) -> int:
        entries = sorted(batch["entries"], key=lambda e: e["seq"])
        stored = dict(
            conn.execute(
                sa.select(a.c.seq, a.c.hash).where(
                    a.c.till_id == till, a.c.seq >= entries[0]["seq"] - 1, a.c.seq <= entries[-1]["seq"]
                )
            ).all()
        )
        new = []
        for e in entries:
            seq = e["seq"]
            if seq in stored:
                if stored[seq] != e["hash"]:
                    log.warning(
                        "the audit chain of till %s differs from its anchored copy at entry %d", till, seq
                    )
                    raise HttpError(
                        409, "audit_mismatch", f"entry {seq} differs from the copy the backend keeps"
                    )
                continue
            before = stored.get(seq - 1, audit_chain.GENESIS if seq == 1 else None)
            if before is None or before != e["prev_hash"]:
                raise HttpError(409, "audit_gap", f"entry {seq} does not follow the copy the backend keeps")
            if (
                audit_chain.entry_hash(e["prev_hash"], seq, e["at"], e["actor"], e["action"], e["details"])
                != e["hash"]
            ):
                raise HttpError(409, "audit_mismatch", f"entry {seq} does not match its hash")
            stored[seq] = e["hash"]
            new.append({**e, "till_id": till, "received_at": time.time()})
        if new:  # a concurrent push of the same entries: the first one stored wins, the next push compares
            insert = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(a)
            conn.execute(insert.on_conflict_do_nothing(index_elements=["till_id", "seq"]), new)
            kept = conn.execute(
                sa.select(a.c.seq, a.c.hash).where(a.c.till_id == till, a.c.seq.in_([e["seq"] for e in new]))
            ).all()
            if any(stored[seq] != digest for seq, digest in kept):  # another push stored other entries first
                raise HttpError(409, "audit_mismatch", "the backend's copy holds other entries there")
        return max(stored)

    head = backend.store.write(work)
    return backend.respond("pushAudit", 200, {"head_seq": head})
