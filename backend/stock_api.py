"""The HTTP side of stock everywhere (contract: sync/openapi.yaml): the look-up across the chain, orders
placed at a till (the endless aisle), reservations, and giving either up. The rules are backend/stock.py.

Every POST is keyed by a UUID the till made (`order_id`, `reservation_id`): asking again answers the same
order (a retry never holds twice); the same id for another request answers 409 `order_conflict`.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from backend import stock
from sync import contract

_SKU = re.compile(r"[A-Za-z0-9._-]{1,64}")
_ORDER_NO = re.compile(r"[A-Za-z0-9-]{1,32}")


def add_routes(app: FastAPI, backend: Any, http_error: type[Exception], order_response: Any) -> None:
    """The stock routes on `app`; `http_error(status, code, message)` is the app's error to raise,
    `order_response(backend, order_no, operation=..., full=..., device=...)` its answer of one order."""

    def refusable(fn: Any) -> Any:
        try:
            return backend.store.write(fn)
        except stock.Refused as r:
            raise http_error(r.status, r.code, r.message) from None

    async def body_of(request: Request, schema_name: str) -> dict[str, Any]:
        raw = await request.body()
        try:
            body = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise http_error(400, "invalid_request", "the body is not JSON") from None
        try:
            contract.validate(schema_name, body)
        except contract.ContractViolation as exc:
            raise http_error(400, "invalid_request", str(exc)) from None
        return body

    @app.get("/v1/stock/{sku}")
    def stock_everywhere(sku: str, request: Request) -> Response:
        till_id = backend.authenticate(request).till_id
        if not _SKU.fullmatch(sku):
            raise http_error(404, "not_found", "no such product")
        with backend.store.read_connection() as conn:
            body = stock.look_up(conn, sku, stock.device_store(conn, till_id), time.time())
        if body is None:
            raise http_error(404, "not_found", "no such product")
        return backend.respond("getStockElsewhere", 200, body)

    @app.post("/v1/orders")
    async def place_order(request: Request) -> Response:
        till_id = backend.authenticate(request).till_id
        body = await body_of(request, "PlaceOrder")
        order_no = await run_in_threadpool(
            refusable, lambda c: stock.place_order(c, till_id, body, time.time())
        )
        return order_response(backend, order_no, operation="placeOrder", full=True)  # its own order

    @app.post("/v1/reservations")
    async def reserve(request: Request) -> Response:
        till_id = backend.authenticate(request).till_id
        body = await body_of(request, "Reservation")
        order_no = await run_in_threadpool(refusable, lambda c: stock.reserve(c, till_id, body, time.time()))
        return order_response(backend, order_no, operation="createReservation", full=True)

    @app.post("/v1/orders/{order_no}/release")
    def release(order_no: str, request: Request) -> Response:
        device = backend.authenticate(request)
        if not _ORDER_NO.fullmatch(order_no):
            raise http_error(404, "not_found", "no such order")
        refusable(lambda c: stock.release(c, order_no, time.time()))
        return order_response(backend, order_no, operation="releaseOrder", device=device)


__all__ = ["add_routes"]
