"""The HTTP face of the card relay (backend/card_relay.py): the tills' ``/v1/card/...`` requests, Stripe's
webhooks and the budget's headroom. A backend without a Stripe account configured answers 503."""

from __future__ import annotations

import json
import re
from typing import Any

import stripe
from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from backend.card_relay import CardRelay, StripeFailed
from backend.stripe_budget import BudgetExhausted

_ID = re.compile(r"^[A-Za-z0-9_:.-]{1,255}$")
_CURRENCY = re.compile(r"^[a-z]{3}$")


def _json(status: int, body: Any) -> Response:
    return Response(
        json.dumps(body, separators=(",", ":")).encode(), status_code=status, media_type="application/json"
    )


def _error(status: int, code: str, message: str) -> Response:
    return _json(status, {"error": {"code": code, "message": message}})


async def _body(request: Request) -> dict[str, Any] | None:
    try:
        body = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


def _int(v: Any) -> int | None:
    """A JSON whole number (``12`` or ``12.0``), else None."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    if isinstance(v, float) and not v.is_integer():
        return None
    return int(v)


def _text(body: dict[str, Any], name: str) -> str | None:
    v = body.get(name)
    return v if isinstance(v, str) and _ID.match(v) else None


def _metadata(v: Any) -> bool:
    """None, or Stripe's metadata: at most 20 keys (40 characters) of text values (500 characters); the
    relay's own keys (omo_...) are not the till's to set."""
    if v is None:
        return True
    return (
        isinstance(v, dict)
        and len(v) <= 20
        and all(
            isinstance(k, str)
            and 0 < len(k) <= 40
            and not k.startswith("omo_")
            and isinstance(x, str)
            and len(x) <= 500
            for k, x in v.items()
        )
    )


def install(app: Any, backend: Any) -> None:
    """Add the card relay's routes to the backend's app."""

    def relay() -> CardRelay:
        r = getattr(backend, "card_relay", None)
        if r is None:
            raise _Unavailable()
        return r

    async def run(fn: Any, *args: Any) -> Response:
        try:
            out = await run_in_threadpool(fn, *args)
        except _Unavailable:
            return _error(
                404, "card_relay_off", "this backend relays no card payments (no Stripe account set up)"
            )
        except StripeFailed as e:
            return _json(
                502,
                {
                    "error": {"code": "stripe_error", "message": e.error.get("message") or "Stripe error"},
                    "stripe": {"status": e.status, "error": e.error},
                },
            )
        except BudgetExhausted as e:
            return Response(
                json.dumps({"error": {"code": "stripe_budget", "message": str(e)}}).encode(),
                status_code=429,
                media_type="application/json",
                headers={"Retry-After": "1"},
            )
        if out is None:
            return _error(404, "not_found", "no such card payment")
        if isinstance(out, Response):
            return out
        return _json(200, out)

    def auth(request: Request) -> str:
        return backend.authenticate(request).till_id

    @app.post("/v1/card/payments")
    async def card_create(request: Request) -> Response:
        till = auth(request)
        body = await _body(request)
        ok = body is not None and all(
            _text(body, k) for k in ("attempt_id", "sale_uuid", "reader_id", "idempotency_key")
        )
        amount = _int(body.get("amount")) if body is not None else None
        if not ok or amount is None or not 1 <= amount <= 99999999:
            return _error(
                400,
                "invalid_request",
                "attempt_id, sale_uuid, reader_id, idempotency_key and amount are required",
            )
        if not isinstance(body.get("currency"), str) or not _CURRENCY.match(body["currency"]):  # type: ignore[union-attr]
            return _error(400, "invalid_request", "currency must be three lower-case letters")
        types = body.get("payment_method_types", ["card_present"])  # type: ignore[union-attr]
        if not (
            isinstance(types, list) and types and all(t in ("card_present", "interac_present") for t in types)
        ):
            return _error(400, "invalid_request", "payment_method_types: card_present and/or interac_present")
        return await run(lambda: relay().create(till, dict(body, amount=amount)))

    @app.get("/v1/card/payments/{attempt_id}")
    async def card_find(attempt_id: str, request: Request) -> Response:
        till = auth(request)
        return await run(lambda: relay().find(till, attempt_id))

    @app.get("/v1/card/intents/{intent_id}")
    async def card_intent(intent_id: str, request: Request) -> Response:
        till = auth(request)
        return await run(lambda: relay().intent(till, intent_id))

    @app.post("/v1/card/intents/{intent_id}/{action}")
    async def card_intent_action(intent_id: str, action: str, request: Request) -> Response:
        till = auth(request)
        body = await _body(request)
        key = _text(body, "idempotency_key") if body is not None else None
        if body is None or key is None or action not in ("process", "capture", "cancel"):
            return _error(400, "invalid_request", "process, capture or cancel, with an idempotency_key")
        if action == "process":
            return await run(lambda: relay().process(till, intent_id, key, bool(body.get("tipping"))))
        if action == "capture":
            amount = _int(body["amount"]) if body.get("amount") is not None else None
            if body.get("amount") is not None and (amount is None or not 1 <= amount <= 99999999):
                return _error(400, "invalid_request", "amount must be a positive whole number")
            return await run(lambda: relay().hand_over_capture(till, intent_id, key, amount))
        reason = body.get("reason") or "abandoned"
        if reason not in ("abandoned", "duplicate", "fraudulent", "requested_by_customer"):
            return _error(400, "invalid_request", "not a cancellation reason")
        return await run(lambda: relay().cancel(till, intent_id, key, reason))

    @app.get("/v1/card/readers/{reader_id}")
    async def card_reader(reader_id: str, request: Request) -> Response:
        till = auth(request)
        return await run(lambda: relay().reader(till, reader_id))

    @app.post("/v1/card/readers/{reader_id}/cancel-action")
    async def card_cancel_action(reader_id: str, request: Request) -> Response:
        till = auth(request)
        return await run(lambda: relay().cancel_action(till, reader_id))

    @app.post("/v1/card/readers/{reader_id}/refund-payment")
    async def card_refund_on_reader(reader_id: str, request: Request) -> Response:
        till = auth(request)
        body = await _body(request)
        ok = body is not None and _text(body, "payment_intent") and _text(body, "idempotency_key")
        amount = _int(body.get("amount")) if body is not None else None
        if not ok or amount is None or not 1 <= amount <= 99999999:
            return _error(400, "invalid_request", "payment_intent, amount and idempotency_key are required")
        if not _metadata(body.get("metadata")):  # type: ignore[union-attr]
            return _error(400, "invalid_request", "metadata: at most 20 short texts by short names")
        return await run(lambda: relay().refund_on_reader(till, reader_id, dict(body, amount=amount)))

    # one route for both methods: a 405 names them both in its Allow header
    @app.api_route("/v1/card/refunds", methods=["GET", "POST"])
    async def card_refund(request: Request) -> Response:
        till = auth(request)
        if request.method == "GET":
            pi = request.query_params.get("payment_intent") or ""
            if not _ID.match(pi):
                return _error(400, "invalid_request", "payment_intent is required")
            return await run(lambda: relay().refunds_for(till, pi))
        body = await _body(request)
        ok = body is not None and _text(body, "payment_intent") and _text(body, "idempotency_key")
        amount = _int(body.get("amount")) if body is not None else None
        if not ok or amount is None or not 1 <= amount <= 99999999:
            return _error(400, "invalid_request", "payment_intent, amount and idempotency_key are required")
        if body.get("reason") not in (None, "duplicate", "fraudulent", "requested_by_customer"):  # type: ignore[union-attr]
            return _error(400, "invalid_request", "not a refund reason")
        if not _metadata(body.get("metadata")):  # type: ignore[union-attr]
            return _error(400, "invalid_request", "metadata: at most 20 short texts by short names")
        return await run(lambda: relay().refund(till, dict(body, amount=amount)))

    @app.get("/v1/card/changes")
    async def card_changes(request: Request, after: str = "0", wait: str = "0") -> Response:
        till = auth(request)
        if not (after.isascii() and after.isdigit() and len(after) < 19):
            return _error(400, "invalid_request", "after must be a whole number")
        try:
            seconds = float(wait)
        except ValueError:
            return _error(400, "invalid_request", "wait must be a number of seconds")
        if not 0 <= seconds <= 30:
            return _error(400, "invalid_request", "wait must be from 0 to 30 seconds")
        return await run(lambda: relay().changes(till, int(after), seconds))

    @app.post("/v1/stripe/webhooks")
    async def stripe_webhook(request: Request) -> Response:
        payload = await request.body()
        signature = request.headers.get("stripe-signature")
        if not signature:
            return _error(401, "bad_signature", "a Stripe-Signature header is required")

        def apply() -> Response:
            try:
                fresh = relay().webhook(payload, signature)
            except stripe.SignatureVerificationError:
                return _error(401, "bad_signature", "the Stripe-Signature does not match this payload")
            except ValueError:
                return _error(400, "invalid_request", "not a Stripe event")
            return _json(200, {"received": True, "duplicate": not fresh})

        return await run(apply)

    @app.get("/v1/stripe/budget")
    async def stripe_budget(request: Request) -> Response:
        auth(request)
        return await run(lambda: relay().budget.report())


class _Unavailable(Exception):
    pass


__all__ = ["install"]
