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

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend import db, tokens
from sync import contract

log = logging.getLogger("omo.backend")

IDEMPOTENCY_LEASE_S = 60.0
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
    """State behind the HTTP app: the database, the signing key, the fault plan."""

    def __init__(self, db_path: str, *, strict: bool = False) -> None:
        self.pool = db.ConnectionPool(db_path)
        self.strict = strict
        self.faults = FaultPlan()
        self.requests_seen = 0
        self.request_log: collections.deque[tuple[str, str, str]] = collections.deque(maxlen=2000)
        # test hook: called after an Idempotency-Key was claimed, before the batch is applied
        self.before_apply: Any = None
        self._count_lock = threading.Lock()
        conn = self.pool.get()
        db.init_schema(conn)
        with db.immediate(conn):
            row = conn.execute(
                "SELECT key_id, private_raw FROM signing_keys WHERE active = 1 ORDER BY key_id DESC LIMIT 1"
            ).fetchone()
            if row is None:
                key = tokens.SigningKey.generate(1)
                conn.execute(
                    "INSERT INTO signing_keys(key_id, private_raw) VALUES (?, ?)", (1, key.private_raw())
                )
            else:
                key = tokens.SigningKey.from_raw(row[0], row[1])
        self.signing_key = key

    def conn(self) -> Any:
        return self.pool.get()

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
        row = (
            self.conn()
            .execute(
                "SELECT till_id, revoked FROM devices WHERE token_sha256 = ?", (db.token_hash(token.strip()),)
            )
            .fetchone()
        )
        if row is None:
            raise HttpError(401, "unauthorized", "unknown device token")
        if row[1]:
            raise HttpError(401, "token_revoked", "this till's device token was revoked")
        return row[0]

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
        conn = backend.conn()
        conn.execute("BEGIN")
        try:
            total = conn.execute("SELECT COUNT(*) FROM products WHERE version > ?", (cursor,)).fetchone()[0]
            rows = conn.execute(
                "SELECT version, deleted, sku, json_object('sku', sku, 'name', name, 'brand',"
                " brand, 'category',"
                " category, 'tax_code', tax_code, 'price', price, 'barcodes', json(barcodes), 'active',"
                " json(CASE WHEN active THEN 'true' ELSE 'false' END), 'popularity', popularity)"
                " FROM products WHERE version > ? ORDER BY version LIMIT ?",
                (cursor, limit),
            ).fetchall()
        finally:
            conn.execute("COMMIT")
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
        # Built from SQLite's own JSON text: no per-product Python objects for a 1,000,000-product sync.
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
        rows = backend.conn().execute("SELECT body FROM promotions ORDER BY promo_id").fetchall()
        return backend.respond("listPromotions", 200, {"promotions": [json.loads(r[0]) for r in rows]})

    # ---------------------------------------------------------------- members
    @app.get("/v1/members/{member_no}")
    def member_profile(member_no: str, request: Request) -> Response:
        backend.authenticate(request)
        no = _member_no(member_no)
        body = _profile(backend, no)
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
        row = backend.conn().execute("SELECT card_serial FROM members WHERE member_no = ?", (no,)).fetchone()
        if row is None:
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
            text = tokens.encode_card_token(key, no, row[0])
            body = {
                "member_no": no,
                "kind": kind,
                "qr_text": text,
                "key_id": key.key_id,
                "expires_at": None,
                "card_serial": row[0],
            }
        return backend.respond("mintMemberQr", 200, body)

    @app.get("/v1/keys")
    def keys(request: Request) -> Response:
        backend.authenticate(request)
        rows = (
            backend.conn().execute("SELECT key_id, private_raw FROM signing_keys ORDER BY key_id").fetchall()
        )
        body = {
            "keys": [
                {"key_id": k, "public_key": tokens.SigningKey.from_raw(k, raw).public_b64()}
                for k, raw in rows
            ]
        }
        return backend.respond("listKeys", 200, body)

    @app.get("/v1/revocations")
    def revocations(request: Request) -> Response:
        backend.authenticate(request)
        rows = (
            backend.conn()
            .execute("SELECT member_no, card_serial FROM revoked_cards ORDER BY member_no, card_serial")
            .fetchall()
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

    @app.get("/v1/sales/{sale_uuid}")
    def sale(sale_uuid: str, request: Request) -> Response:
        backend.authenticate(request)
        conn = backend.conn()
        row = conn.execute(
            "SELECT sale_uuid, receipt_no, till_id, occurred_at, currency, member_no, tenders, total"
            " FROM sales WHERE sale_uuid = ?",
            (sale_uuid.lower(),),
        ).fetchone()
        if row is None:
            raise HttpError(404, "not_found", "no such sale (it may not have synced from its till yet)")
        lines = conn.execute(
            "SELECT line_no, sku, name, qty, unit_price, paid_amount, tax_code, returned_qty FROM sale_lines"
            " WHERE sale_uuid = ? ORDER BY line_no",
            (row[0],),
        ).fetchall()
        body = {
            "sale_uuid": row[0],
            "receipt_no": row[1],
            "till_id": row[2],
            "occurred_at": row[3],
            "currency": row[4],
            "member_no": row[5],
            "tenders": json.loads(row[6]),
            "total": row[7],
            "lines": [
                {
                    "line_no": r[0],
                    "sku": r[1],
                    "name": r[2],
                    "qty": r[3],
                    "unit_price": r[4],
                    "paid_amount": r[5],
                    "tax_code": r[6],
                    "returned_qty": r[7],
                    "returnable_qty": r[3] - r[7],
                }
                for r in lines
            ],
        }
        return backend.respond("getSale", 200, body)

    @app.get("/v1/carts/{cart_id}")
    def cart(cart_id: str, request: Request) -> Response:
        backend.authenticate(request)
        row = (
            backend.conn()
            .execute(
                "SELECT cart_id, member_no, shared_at, lines, coupons FROM carts WHERE cart_id = ?",
                (cart_id,),
            )
            .fetchone()
        )
        if row is None:
            raise HttpError(404, "not_found", "no such shared cart")
        body = {
            "cart_id": row[0],
            "member_no": row[1],
            "shared_at": row[2],
            "lines": json.loads(row[3]),
            "coupons": json.loads(row[4]),
        }
        return backend.respond("getCart", 200, body)

    @app.get("/v1/stock/{sku}")
    def stock(sku: str, request: Request) -> Response:
        backend.authenticate(request)
        conn = backend.conn()
        if conn.execute("SELECT 1 FROM products WHERE sku = ? AND deleted = 0", (sku,)).fetchone() is None:
            raise HttpError(404, "not_found", "no such product")
        rows = conn.execute(
            "SELECT s.store_id, st.name, s.available, s.updated_at FROM stock s JOIN stores st"
            " USING(store_id)"
            " WHERE s.sku = ? ORDER BY s.store_id",
            (sku,),
        ).fetchall()
        body = {
            "sku": sku,
            "stores": [
                {"store_id": r[0], "store_name": r[1], "available": r[2], "updated_at": r[3]} for r in rows
            ],
        }
        return backend.respond("getStockElsewhere", 200, body)

    return FaultMiddleware(app, backend)


def _member_no(text: str) -> int:
    if not text.isdigit() or len(text) > 20 or not 0 < int(text) < 2**63:  # SQLite integers are signed
        raise HttpError(404, "not_found", "no such member")
    return int(text)


def _order_response(backend: Backend, order_no: str) -> Response:
    conn = backend.conn()
    row = conn.execute(
        "SELECT order_no, status, placed_at, currency, member_no, pickup_store_id,"
        " customer_display_name, total,"
        " tenders FROM orders WHERE order_no = ?",
        (order_no,),
    ).fetchone()
    if row is None:
        raise HttpError(404, "not_found", "no such order")
    lines = conn.execute(
        "SELECT line_no, sku, name, qty, unit_price, paid_amount, tax_code, returned_qty FROM order_lines"
        " WHERE order_no = ? ORDER BY line_no",
        (order_no,),
    ).fetchall()
    body = {
        "order_no": row[0],
        "status": row[1],
        "placed_at": row[2],
        "currency": row[3],
        "member_no": row[4],
        "pickup_store_id": row[5],
        "customer_display_name": row[6],
        "total": row[7],
        "tenders": json.loads(row[8]),
        "lines": [
            {
                "line_no": r[0],
                "sku": r[1],
                "name": r[2],
                "qty": r[3],
                "unit_price": r[4],
                "paid_amount": r[5],
                "tax_code": r[6],
                "returned_qty": r[7],
                "returnable_qty": r[3] - r[7],
            }
            for r in lines
        ],
    }
    return backend.respond("getOrder", 200, body)


def _profile(backend: Backend, no: int) -> dict[str, Any] | None:
    conn = backend.conn()
    m = conn.execute(
        "SELECT first_name, last_initial, tier, consent_marketing, consent_personalisation, consent_receipts"
        " FROM members WHERE member_no = ?",
        (no,),
    ).fetchone()
    if m is None:
        return None
    coupons = [
        {"code": r[0], "title": r[1], "percent_off_bp": r[2], "amount_off": r[3], "expires_at": r[4]}
        for r in conn.execute(
            "SELECT code, title, percent_off_bp, amount_off, expires_at FROM member_coupons"
            " WHERE member_no = ? ORDER BY code",
            (no,),
        )
    ]
    online = [
        {
            "channel": "online",
            "ref": r[0],
            "placed_at": r[1],
            "currency": r[2],
            "total": r[3],
            "item_count": r[4] or 0,
        }
        for r in conn.execute(
            "SELECT o.order_no, o.placed_at, o.currency, o.total, (SELECT SUM(qty) FROM order_lines l"
            " WHERE l.order_no = o.order_no) FROM orders o WHERE member_no = ? ORDER BY placed_at"
            " DESC LIMIT 10",
            (no,),
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
            "SELECT sale_uuid, occurred_at, currency, total, item_count FROM sales WHERE member_no = ?"
            " ORDER BY occurred_at DESC LIMIT 10",
            (no,),
        )
    ]
    recent = sorted(online + store, key=lambda o: o["placed_at"], reverse=True)[:20]
    viewed = []
    if m[4]:
        viewed = [
            {"sku": r[0], "name": r[1], "viewed_at": r[2]}
            for r in conn.execute(
                "SELECT sku, name, viewed_at FROM member_views WHERE member_no = ? ORDER BY"
                " viewed_at DESC LIMIT 20",
                (no,),
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


def _push_events_sync(backend: Backend, till_id: str, key: str, raw: bytes) -> Response:
    conn = backend.conn()
    fingerprint = hashlib.sha256(raw).hexdigest()
    # 1. claim the key (or replay / refuse)
    with db.immediate(conn):
        row = conn.execute(
            "SELECT fingerprint, state, status, body, created_at FROM idempotency WHERE device = ?"
            " AND key = ?",
            (till_id, key),
        ).fetchone()
        if row is not None:
            if row[0] != fingerprint:
                raise HttpError(
                    422, "idempotency_key_reused", "this Idempotency-Key was used with another body"
                )
            if row[1] == "done":
                return Response(
                    row[3],
                    status_code=row[2],
                    media_type="application/json",
                    headers={"Idempotent-Replayed": "true"},
                )
            if time.time() - row[4] < IDEMPOTENCY_LEASE_S:
                raise HttpError(
                    409,
                    "request_in_progress",
                    "a request with this Idempotency-Key is in progress",
                    {"Retry-After": "1"},
                )
            conn.execute(
                "UPDATE idempotency SET created_at = ? WHERE device = ? AND key = ?",
                (time.time(), till_id, key),
            )  # a stale claim (crashed worker): take it over
        else:
            conn.execute(
                "INSERT INTO idempotency(device, key, fingerprint, state, created_at) VALUES"
                " (?,?,?,'running',?)",
                (till_id, key, fingerprint, time.time()),
            )
    # 2. validate and apply, storing the answer in the same transaction as the effects
    try:
        if backend.before_apply is not None:
            backend.before_apply()
        try:
            batch = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            batch = None
        error: contract.ContractViolation | None = None
        if batch is None:
            error = contract.ContractViolation("EventBatch", "the body is not JSON")
        else:
            try:
                contract.validate("EventBatch", batch)
            except contract.ContractViolation as exc:
                error = exc
        if error is not None:
            body = {"error": {"code": "invalid_request", "message": str(error)}}
            status = 400
            with db.immediate(conn):
                _store_answer(conn, till_id, key, status, body)
            return _json(status, body)
        with db.immediate(conn):
            results = [db.apply_event(conn, till_id, ev) for ev in batch["events"]]
            body = {"results": results}
            if backend.strict:
                contract.validate("EventBatchResult", body)
            _store_answer(conn, till_id, key, 200, body)
        return _json(200, body)
    except BaseException:
        log.exception("pushing events failed; releasing the idempotency key")
        with db.immediate(conn):
            conn.execute(
                "DELETE FROM idempotency WHERE device = ? AND key = ? AND state = 'running'", (till_id, key)
            )
        raise


def _store_answer(conn: Any, till_id: str, key: str, status: int, body: Any) -> None:
    conn.execute(
        "UPDATE idempotency SET state = 'done', status = ?, body = ? WHERE device = ? AND key = ?",
        (status, json.dumps(body, separators=(",", ":")).encode(), till_id, key),
    )
