"""Card payments relayed for the tills: the backend drives the readers with the chain's Stripe key.

A till asks (``/v1/card/...``, its device token) to create a PaymentIntent, have its reader process it,
read the PaymentIntent and the reader, cancel, hand over the capture of a committed sale, refund. The backend
calls Stripe with the chain's key (``OMO_STRIPE_SECRET_KEY``, never sent to a till), every call inside the
chain's budget (backend/stripe_budget.py). Outcomes come by push: Stripe's webhooks (signature checked with
``stripe.Webhook.construct_event``, each event applied once, in any order: a PaymentIntent never goes back
from an authorisation or a final state, a reader's action never back from an outcome heard after the
command) are forwarded to the till over its channel (``GET /v1/card/changes``, long polling that resumes
after the last message the till saw). A webhook that never arrives is found by the backend's own
reconciliation: every few seconds one read of Stripe's events not delivered (``delivery_success=false``),
never a read per payment; an attempt still open after ``stale_after`` seconds is read once.

Captures happen here, off the till's critical path, and only for a sale whose commit the till handed over
(``POST /v1/card/intents/{id}/capture``): a PaymentIntent without a committed sale is never captured.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
import stripe
from sqlalchemy.engine import Connection

from backend import schema
from backend.stripe_budget import (
    CAPTURE,
    CUSTOMER,
    RECONCILE,
    REFUND,
    BudgetExhausted,
    BudgetLimits,
    StripeBudget,
)

log = logging.getLogger("omo.backend.cards")

API_VERSION = "2026-10-28.endive"
ENV_KEY = "OMO_STRIPE_SECRET_KEY"
ENV_WEBHOOK_SECRET = "OMO_STRIPE_WEBHOOK_SECRET"
ENV_API_BASE = "OMO_STRIPE_API_BASE"
NOTIFY_CHANNEL = "omo_till_messages"

# how far along a PaymentIntent is: a state is never replaced by one of a lower rank heard later
_RANK = {
    "requires_payment_method": 1,
    "requires_confirmation": 1,
    "requires_action": 2,
    "processing": 3,
    "requires_capture": 4,
    "succeeded": 5,
    "canceled": 5,
}
_FINAL_PI = {"succeeded", "canceled"}


@dataclass(frozen=True)
class RelayConfig:
    """The chain's Stripe account as the backend uses it. ``api_base``: Stripe's, or the simulator's."""

    api_key: str
    webhook_secret: str
    api_base: str | None = None
    limits: BudgetLimits = BudgetLimits()
    reconcile_interval: float = 2.0
    capture_interval: float = 0.1
    stale_after: float = 30.0
    timeout: float = 20.0
    # old rows are deleted (every ``prune_interval`` seconds, by any worker): a till's message after an
    # hour (news only: a till away longer reads the state itself, its reconciler settles its attempts),
    # Stripe's event ids after 4 days (Stripe retries a webhook for 3 days, the reconciliation lists 3
    # days), a final payment and a refund made after 400 days (beyond the time a card can be refunded)
    prune_interval: float = 600.0
    message_window: float = 3600.0
    event_window: float = 4 * 86400.0
    payment_window: float = 400 * 86400.0
    # a waiting till's channel looks at the table this often when nothing woke it (None: 2 s while
    # PostgreSQL's LISTEN wakes it, else 0.25 s)
    channel_recheck: float | None = None

    @classmethod
    def from_env(cls) -> RelayConfig | None:
        key = os.environ.get(ENV_KEY)
        secret = os.environ.get(ENV_WEBHOOK_SECRET)
        if not key or not secret:
            return None
        return cls(key, secret, os.environ.get(ENV_API_BASE) or None)


class StripeFailed(Exception):
    """Stripe's error answer (``status`` None: no answer), relayed to the till as it came."""

    def __init__(self, status: int | None, error: dict[str, Any]) -> None:
        super().__init__(error.get("message") or "Stripe error")
        self.status = status
        self.error = error


class CardRelay:
    def __init__(self, store: Any, config: RelayConfig, *, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.config = config
        self._clock = clock
        self.budget = StripeBudget(store, config.limits, clock=clock)
        addresses = {"api": config.api_base} if config.api_base else None
        self._client = stripe.StripeClient(
            config.api_key,
            base_addresses=addresses,  # type: ignore[arg-type]
            stripe_version=API_VERSION,
            http_client=stripe.RequestsClient(timeout=(3.05, config.timeout)),
            max_network_retries=0,
        )
        self._changed = threading.Condition()
        self._news = 0  # bumped by every wake: a waiter that saw it change since its read looks again
        self.listening = False  # PostgreSQL's LISTEN is up: other workers' news wake this one at once
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.stripe_calls: dict[str, int] = {}  # this worker's Stripe calls by kind (benchmarks read it)
        self.rate_limited = 0

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> CardRelay:
        loops = [("captures", self._capture_loop), ("reconcile", self._reconcile_loop)]
        if not self.store.is_sqlite:
            loops.append(("listen", self._listen_loop))
        for name, fn in loops:
            t = threading.Thread(target=fn, name=f"card-relay-{name}", daemon=True)
            t.start()
            self._threads.append(t)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake()
        for t in self._threads:
            t.join(5)

    def _wake(self) -> None:
        with self._changed:
            self._news += 1
            self._changed.notify_all()

    def _listen_loop(self) -> None:
        """PostgreSQL: hear every worker's news for the tills (NOTIFY at the commit of a till message), so a
        webhook taken by one worker reaches a till whose channel is open on another at once."""
        import psycopg

        url = self.store.url.set(drivername="postgresql").render_as_string(hide_password=False)
        while not self._stop.is_set():
            try:
                with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.listening = True
                    self._wake()  # news while it was not listening: the waiting channels look again
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=0.5):
                            self._wake()
            except psycopg.Error as e:
                if self.listening:
                    log.warning("card relay: LISTEN lost (%s); the channels look at the table meanwhile", e)
                self.listening = False
                self._stop.wait(1.0)
        self.listening = False

    def _recheck(self) -> float:
        """How long a waiting channel goes without looking at the table when nothing woke it."""
        if self.config.channel_recheck is not None:
            return self.config.channel_recheck
        return 2.0 if self.listening else 0.25

    # ------------------------------------------------------------------ Stripe, within the budget
    def _stripe(self, kind: str, endpoint: str, priority: int, fn: Callable[[], Any]) -> dict[str, Any]:
        tries = 0
        while True:
            self.budget.acquire(endpoint, priority)
            self.stripe_calls[kind] = self.stripe_calls.get(kind, 0) + 1
            try:
                return fn().to_dict()
            except stripe.RateLimitError as e:
                self.rate_limited += 1
                reason = (e.headers or {}).get("Stripe-Rate-Limited-Reason")
                wait = self.budget.rate_limited(endpoint, reason, tries)
                tries += 1
                if tries > 6:
                    raise StripeFailed(e.http_status, _error_body(e)) from e
                time.sleep(wait)
            except stripe.APIConnectionError as e:
                raise StripeFailed(None, {"code": "connection", "message": str(e.user_message or e)}) from e
            except stripe.StripeError as e:
                raise StripeFailed(e.http_status, _error_body(e)) from e

    # ------------------------------------------------------------------ the till's requests
    def create(self, till_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """The attempt is recorded before Stripe is called; the same attempt again answers the same
        PaymentIntent (Stripe replays its answer under the attempt's key)."""
        c = schema.card_payments
        now = self._clock()

        def record(conn: Connection) -> None:
            row = conn.execute(sa.select(c.c.till_id).where(c.c.attempt_id == body["attempt_id"])).first()
            if row is None:
                conn.execute(
                    sa.insert(c).values(
                        attempt_id=body["attempt_id"],
                        till_id=till_id,
                        sale_uuid=body["sale_uuid"],
                        reader_id=body["reader_id"],
                        amount=body["amount"],
                        currency=body["currency"],
                        created_at=now,
                    )
                )
            elif row[0] != till_id:
                raise StripeFailed(409, {"code": "attempt_of_another_till", "message": "not this till's"})
            r = schema.card_readers
            if (
                conn.execute(sa.select(r.c.reader_id).where(r.c.reader_id == body["reader_id"])).first()
                is None
            ):
                conn.execute(sa.insert(r).values(reader_id=body["reader_id"], store_id=""))

        self.store.write(record)
        params: dict[str, Any] = {
            "amount": body["amount"],
            "currency": body["currency"],
            "allowed_payment_method_types": body.get("payment_method_types") or ["card_present"],
            "capture_method": "manual",
            "metadata": {
                "sale_uuid": body["sale_uuid"],
                "attempt_id": body["attempt_id"],
                "till_id": till_id,
            },
        }
        pi = self._stripe(
            "create",
            "POST /v1/payment_intents",
            CUSTOMER,
            lambda: self._client.v1.payment_intents.create(
                params, options={"idempotency_key": body["idempotency_key"]}
            ),
        )
        self._apply_pi(pi, created=None, via="answer")
        return pi

    def find(self, till_id: str, attempt_id: str) -> dict[str, Any] | None:
        c = schema.card_payments
        rows = self.store.read_one(
            sa.select(c.c.pi_json).where(c.c.attempt_id == attempt_id, c.c.till_id == till_id)
        )
        return json.loads(rows[0][0]) if rows and rows[0][0] else None

    def intent(self, till_id: str, pi_id: str) -> dict[str, Any] | None:
        """The PaymentIntent as the backend knows it (answers, webhooks, reconciliation): no Stripe call."""
        c = schema.card_payments
        rows = self.store.read_one(
            sa.select(c.c.pi_json).where(c.c.payment_intent_id == pi_id, c.c.till_id == till_id)
        )
        return json.loads(rows[0][0]) if rows and rows[0][0] else None

    def process(self, till_id: str, pi_id: str, idempotency_key: str, tipping: bool) -> dict[str, Any]:
        reader_id = self._reader_of(till_id, pi_id)
        r = schema.card_readers
        sent = self._clock()
        self.store.write(
            lambda conn: conn.execute(
                sa.update(r).where(r.c.reader_id == reader_id).values(command_at=sent, action_known=False)
            )
        )
        config: dict[str, Any] = {"enable_customer_cancellation": True}
        if not tipping:
            config["skip_tipping"] = True
        try:
            reader = self._stripe(
                "process",
                "POST /v1/terminal/readers/{id}/process_payment_intent",
                CUSTOMER,
                lambda: self._client.v1.terminal.readers.process_payment_intent(
                    reader_id,
                    {"payment_intent": pi_id, "process_config": config},
                    options={"idempotency_key": idempotency_key},
                ),
            )
        except StripeFailed as e:
            self._refresh_refused(pi_id, e)
            raise
        self._apply_reader(reader, answer_sent_at=sent)
        return self.reader(till_id, reader_id) or reader

    def _tills_reader(self, till_id: str, reader_id: str) -> bool:
        """A till reads and stops its own reader, not one another till takes payments on."""
        c = schema.card_payments
        tills = {
            row[0]
            for row in self.store.read_one(
                sa.select(c.c.till_id).where(c.c.reader_id == reader_id).distinct().limit(50)
            )
        }
        return not tills or till_id in tills

    def reader(self, till_id: str, reader_id: str) -> dict[str, Any] | None:
        if not self._tills_reader(till_id, reader_id):
            return None
        r = schema.card_readers
        rows = self.store.read_one(
            sa.select(r.c.reader_json, r.c.action_json, r.c.action_known).where(r.c.reader_id == reader_id)
        )
        if not rows or rows[0][0] is None or not rows[0][2]:
            # never read, or a command's answer was lost (a crash): Stripe decides
            fresh = self._stripe(
                "reader_read",
                "GET /v1/terminal/readers/{id}",
                CUSTOMER,
                lambda: self._client.v1.terminal.readers.retrieve(reader_id),
            )
            self._apply_reader(fresh, answer_sent_at=0.0, authoritative=True)
            return fresh
        out = json.loads(rows[0][0])
        out["action"] = json.loads(rows[0][1]) if rows[0][1] else None
        return out

    def cancel_action(self, till_id: str, reader_id: str) -> dict[str, Any] | None:
        if not self._tills_reader(till_id, reader_id):
            return None
        reader = self._stripe(
            "cancel_action",
            "POST /v1/terminal/readers/{id}/cancel_action",
            CUSTOMER,
            lambda: self._client.v1.terminal.readers.cancel_action(reader_id),
        )
        self._apply_reader(reader, answer_sent_at=0.0, authoritative=True)
        return reader

    def cancel(self, till_id: str, pi_id: str, idempotency_key: str, reason: str) -> dict[str, Any]:
        c = schema.card_payments
        rows = self.store.read_one(
            sa.select(c.c.capture_state).where(c.c.payment_intent_id == pi_id, c.c.till_id == till_id)
        )
        if not rows:
            raise StripeFailed(404, {"code": "resource_missing", "message": "no such PaymentIntent"})
        if rows[0][0] is not None:
            raise StripeFailed(
                400, {"code": "payment_intent_unexpected_state", "message": "the sale was committed"}
            )
        try:
            pi = self._stripe(
                "cancel",
                "POST /v1/payment_intents/{id}/cancel",
                CUSTOMER,
                lambda: self._client.v1.payment_intents.cancel(
                    pi_id, {"cancellation_reason": reason}, options={"idempotency_key": idempotency_key}
                ),
            )
        except StripeFailed as e:
            self._refresh_refused(pi_id, e)
            raise
        self._apply_pi(pi, created=None, via="answer")
        return pi

    def _refresh_refused(self, pi_id: str, e: StripeFailed) -> None:
        """Stripe refused a command for the PaymentIntent's state: it moved on (captured at the tap,
        cancelled elsewhere) before its webhook came. What the till reads next is Stripe's state (one read,
        the cashier waiting), not the webhooks' lag."""
        if e.error.get("code") not in ("payment_intent_unexpected_state", "intent_invalid_state"):
            return
        fresh = self._stripe(
            "refused_check",
            "GET /v1/payment_intents/{id}",
            CUSTOMER,
            lambda: self._client.v1.payment_intents.retrieve(pi_id),
        )
        self._apply_pi(fresh, created=None, via="answer")

    def hand_over_capture(self, till_id: str, pi_id: str, key: str, amount: int | None) -> dict[str, Any]:
        """The till committed the sale: capture it later, here. Answers the PaymentIntent as known."""
        c = schema.card_payments
        now = self._clock()

        def mark(conn: Connection) -> dict[str, Any]:
            row = conn.execute(
                sa.select(c.c.pi_json, c.c.capture_state, c.c.amount)
                .where(c.c.payment_intent_id == pi_id, c.c.till_id == till_id)
                .with_for_update()
            ).first()
            if row is None or row[0] is None:
                raise StripeFailed(404, {"code": "resource_missing", "message": "no such PaymentIntent"})
            if row[1] is None:
                conn.execute(
                    sa.update(c)
                    .where(c.c.payment_intent_id == pi_id)
                    .values(capture_state="pending", capture_key=key, capture_amount=amount, capture_due=now)
                )
            return json.loads(row[0])

        pi = self.store.write(mark)
        self._wake()
        return pi

    def refund(self, till_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Refund (part of) a card payment with the chain's key, at a refund's priority. The till's refund
        attempt (its ``idempotency_key``) is recorded before Stripe is called and Stripe's Refund kept after:
        the same attempt again answers the same Refund without a Stripe request, at any age (Stripe keeps its
        keys 24 hours). An attempt whose answer was lost (the backend stopped mid-call) is looked for among
        the payment's refunds at Stripe (by its key in the refund's metadata) before it is made again."""
        c = schema.card_payments
        pi_id, key, amount = body["payment_intent"], body["idempotency_key"], body["amount"]
        made, seen = self._record_refund(till_id, key, pi_id, amount)
        if made is not None:
            return json.loads(made)
        refund = self._refund_made(till_id, pi_id, key) if seen else None
        if refund is None:
            params: dict[str, Any] = {
                "payment_intent": pi_id,
                "amount": amount,
                "metadata": {**(body.get("metadata") or {}), "omo_refund_key": key, "omo_till": till_id},
            }
            if body.get("reason"):
                params["reason"] = body["reason"]
            refund = self._stripe(
                "refund",
                "POST /v1/refunds",
                REFUND,
                lambda: self._client.v1.refunds.create(params, options={"idempotency_key": key}),
            )
            self._keep_refund(till_id, key, refund)
        if not self.store.read_one(sa.select(c.c.attempt_id).where(c.c.payment_intent_id == pi_id)):
            return refund  # not a payment a till took through the backend (an online order's, say)
        self._read_refunded(pi_id)
        return refund

    def _read_refunded(self, pi_id: str) -> None:
        """What is refunded of a payment now, for the till's close-out (off the customer's path: a refund's
        priority)."""
        pi = self._stripe(
            "refund_read",
            "GET /v1/payment_intents/{id}",
            REFUND,
            lambda: self._client.v1.payment_intents.retrieve(pi_id, {"expand": ["latest_charge"]}),
        )
        self._apply_pi(pi, created=None, via="answer")

    def _refunded_on_reader(self, reader: dict[str, Any]) -> None:
        """A reader's ``refund_payment`` made for a till's attempt succeeded (an event): keep Stripe's Refund
        for the attempt (one read) and what is refunded of the payment now."""
        action = reader.get("action") or {}
        payload = action.get("refund_payment") or {}
        meta = payload.get("metadata") or {}
        key, till_id, refund_id = meta.get("omo_refund_key"), meta.get("omo_till"), payload.get("refund")
        if action.get("type") != "refund_payment" or action.get("status") != "succeeded":
            return
        if not (key and till_id and isinstance(refund_id, str)):
            return  # not made for a till through the backend
        try:
            refund = self._stripe(
                "refund_read",
                "GET /v1/refunds/{id}",
                REFUND,
                lambda: self._client.v1.refunds.retrieve(refund_id),
            )
        except (StripeFailed, BudgetExhausted) as e:  # the attempt stays findable by its key at Stripe
            log.info("card relay: refund %s not read now (%s)", refund_id, e)
            return
        self._keep_refund(till_id, key, refund)
        c = schema.card_payments
        pi_id = refund.get("payment_intent")
        if pi_id and self.store.read_one(sa.select(c.c.attempt_id).where(c.c.payment_intent_id == pi_id)):
            self._read_refunded(pi_id)

    def _record_refund(self, till_id: str, key: str, pi_id: str, amount: int) -> tuple[str | None, bool]:
        """Record a till's refund attempt before Stripe is asked: (the Refund already made for it, whether
        the attempt was recorded before). The same attempt for another payment or amount is refused."""
        f = schema.card_refunds
        now = self._clock()

        def record(conn: Connection) -> tuple[str | None, bool]:
            row = conn.execute(
                sa.select(f.c.payment_intent_id, f.c.amount, f.c.refund_json).where(
                    f.c.till_id == till_id, f.c.refund_key == key
                )
            ).first()
            if row is None:
                conn.execute(
                    sa.insert(f).values(
                        till_id=till_id,
                        refund_key=key,
                        payment_intent_id=pi_id,
                        amount=amount,
                        created_at=now,
                    )
                )
                return None, False
            if (row[0], row[1]) != (pi_id, amount):
                raise StripeFailed(
                    400,
                    {
                        "type": "idempotency_error",
                        "code": "idempotency_key_in_use",
                        "message": "this refund attempt was made for another payment or amount",
                    },
                )
            return row[2], True

        return self.store.write(record)

    def refund_on_reader(self, till_id: str, reader_id: str, body: dict[str, Any]) -> dict[str, Any] | None:
        """An Interac refund in person (Stripe's ``refund_payment`` reader action: the customer taps it),
        written ahead like ``refund``: the till's attempt (its ``idempotency_key``) is recorded before Stripe
        is asked and carried in the Refund's metadata, so an attempt whose answer was lost is found among the
        payment's refunds before the reader is asked again, at any age. Answers the reader as Stripe did; an
        attempt already refunded answers the reader with that refund as its action's outcome (no Stripe
        request). The outcome comes like a payment's: the reader's action by webhook, told to this till."""
        if not self._tills_reader(till_id, reader_id):
            return None
        pi_id, key, amount = body["payment_intent"], body["idempotency_key"], body["amount"]
        made, seen = self._record_refund(till_id, key, pi_id, amount)
        refund = json.loads(made) if made is not None else None
        if refund is None and seen:
            refund = self._refund_made(till_id, pi_id, key)
        if refund is not None:
            known = self.reader(till_id, reader_id) or {"id": reader_id, "object": "terminal.reader"}
            payload = {"payment_intent": pi_id, "amount": refund["amount"], "refund": refund["id"]}
            payload["metadata"] = refund.get("metadata") or {}
            action = {"type": "refund_payment", "status": "succeeded", "refund_payment": payload}
            return dict(known, action=dict(action, failure_code=None, failure_message=None))
        r = schema.card_readers
        sent = self._clock()
        self.store.write(
            lambda conn: conn.execute(
                sa.update(r).where(r.c.reader_id == reader_id).values(command_at=sent, action_known=False)
            )
        )
        params = {
            "payment_intent": pi_id,
            "amount": amount,
            "metadata": {**(body.get("metadata") or {}), "omo_refund_key": key, "omo_till": till_id},
        }
        reader = self._stripe(
            "refund_on_reader",
            "POST /v1/terminal/readers/{id}/refund_payment",
            CUSTOMER,  # the customer waits at the reader with the card
            lambda: self._client.v1.terminal.readers.refund_payment(
                reader_id, params, options={"idempotency_key": key}
            ),
        )
        self._apply_reader(reader, answer_sent_at=sent)
        return self.reader(till_id, reader_id) or reader

    def refunds_for(self, till_id: str, pi_id: str) -> dict[str, Any] | None:
        """The refunds of a payment (any till's: a return is taken at any till), as a Stripe list. Of a
        payment a till took through the backend: the refunds made through the backend, with no Stripe
        request unless an attempt's answer was lost (then one list read finds it). Of any other payment of
        the chain (an online order's, one taken before the tills were relayed): Stripe's list."""
        c = schema.card_payments
        f = schema.card_refunds
        if not self.store.read_one(sa.select(c.c.attempt_id).where(c.c.payment_intent_id == pi_id)):
            return {"object": "list", "data": self._stripe_refunds(pi_id)}
        rows = self.store.read_one(
            sa.select(f.c.till_id, f.c.refund_key, f.c.refund_json)
            .where(f.c.payment_intent_id == pi_id)
            .order_by(f.c.created_at)
        )
        lost = [(t, k) for t, k, made in rows if made is None]
        found = self._stripe_refunds(pi_id) if lost else []
        for t, k in lost:
            for r in found:
                if (r.get("metadata") or {}).get("omo_refund_key") == k and r["metadata"].get(
                    "omo_till"
                ) == t:
                    self._keep_refund(t, k, r)
        if lost:
            rows = self.store.read_one(
                sa.select(f.c.till_id, f.c.refund_key, f.c.refund_json)
                .where(f.c.payment_intent_id == pi_id)
                .order_by(f.c.created_at)
            )
        return {"object": "list", "data": [json.loads(made) for _t, _k, made in rows if made is not None]}

    def _stripe_refunds(self, pi_id: str) -> list[dict[str, Any]]:
        page = self._stripe(
            "refund_list",
            "GET /v1/refunds",
            REFUND,
            lambda: self._client.v1.refunds.list({"payment_intent": pi_id, "limit": 100}),
        )
        return list(page.get("data") or [])

    def _refund_made(self, till_id: str, pi_id: str, key: str) -> dict[str, Any] | None:
        for r in self._stripe_refunds(pi_id):
            meta = r.get("metadata") or {}
            if meta.get("omo_refund_key") == key and meta.get("omo_till") == till_id:
                self._keep_refund(till_id, key, r)
                return r
        return None

    def _keep_refund(self, till_id: str, key: str, refund: dict[str, Any]) -> None:
        f = schema.card_refunds
        self.store.write(
            lambda conn: conn.execute(
                sa.update(f)
                .where(f.c.till_id == till_id, f.c.refund_key == key)
                .values(refund_id=refund["id"], refund_json=json.dumps(refund))
            )
        )

    def _reader_of(self, till_id: str, pi_id: str) -> str:
        c = schema.card_payments
        rows = self.store.read_one(
            sa.select(c.c.reader_id).where(c.c.payment_intent_id == pi_id, c.c.till_id == till_id)
        )
        if not rows:
            raise StripeFailed(404, {"code": "resource_missing", "message": "no such PaymentIntent"})
        return rows[0][0]

    # ------------------------------------------------------------------ what Stripe tells
    def webhook(self, payload: bytes, signature: str | None) -> bool:
        """Verify and apply one webhook; False if its event was applied before. Raises
        ``stripe.SignatureVerificationError`` (forged, or replayed after Stripe's tolerance) or
        ``ValueError`` (not an event)."""
        event = stripe.Webhook.construct_event(payload, signature or "", self.config.webhook_secret)
        return self.apply_event(event.to_dict(), via="webhook")

    def apply_event(self, event: dict[str, Any], *, via: str) -> bool:
        e = schema.stripe_events
        typ = str(event.get("type") or "")
        obj = (event.get("data") or {}).get("object") or {}
        if not isinstance(obj, dict) or not event.get("id"):
            raise ValueError("not a Stripe event")

        def once(conn: Connection) -> bool:
            if conn.execute(sa.select(e.c.event_id).where(e.c.event_id == event["id"])).first() is not None:
                return False
            conn.execute(
                sa.insert(e).values(
                    event_id=event["id"],
                    type=typ,
                    created=int(event.get("created") or 0),
                    received_at=self._clock(),
                    via=via,
                )
            )
            return True

        if not self.store.write(once):
            return False
        if typ.startswith("payment_intent.") and obj.get("object") == "payment_intent":
            self._apply_pi(obj, created=int(event.get("created") or 0), via=via, event_type=typ)
        elif typ.startswith("terminal.reader.") and obj.get("object") == "terminal.reader":
            self._apply_reader(obj, answer_sent_at=0.0, authoritative=True)
            self._refunded_on_reader(obj)
        return True

    def _apply_pi(
        self, pi: dict[str, Any], *, created: int | None, via: str, event_type: str | None = None
    ) -> None:
        """Keep the PaymentIntent's newest state (an answer is current; an event is of its ``created``
        second): never back from an authorisation or a final state, and never back to its creation's
        state once another is known (``payment_intent.created`` is the oldest news of a PaymentIntent,
        even of the same second as ``processing``). Tell the till when it changed."""
        c = schema.card_payments
        attempt = (pi.get("metadata") or {}).get("attempt_id")
        rank = _RANK.get(pi.get("status", ""), 0)
        at = created if created is not None else int(self._clock())

        def keep(conn: Connection) -> str | None:
            row = conn.execute(
                sa.select(c.c.attempt_id, c.c.till_id, c.c.pi_rank, c.c.pi_at, c.c.pi_json)
                .where(sa.or_(c.c.payment_intent_id == pi["id"], c.c.attempt_id == attempt))
                .with_for_update()
            ).first()
            if row is None:
                return None  # not a payment of ours
            if row[4] is not None and event_type == "payment_intent.created":
                return None
            if row[4] is not None:
                if row[2] >= 4 and rank < row[2]:
                    return None
                if row[2] < 4 and rank < 4 and at < row[3]:
                    return None
                same = pi.get("status") == json.loads(row[4]).get("status")
                if row[2] == 5 and not (via == "answer" and same):
                    return None  # final; only a fresher answer of the same state (charge, refunds) is kept
            if (
                row[4] is not None
                and json.loads(row[4]).get("status") == pi.get("status")
                and via != "answer"
            ):
                changed = False
            else:
                changed = True
            conn.execute(
                sa.update(c)
                .where(c.c.attempt_id == row[0])
                .values(
                    payment_intent_id=pi["id"],
                    pi_json=json.dumps(pi),
                    pi_rank=rank,
                    pi_at=max(at, row[3]),
                    version=c.c.version + 1,
                )
            )
            if changed:
                self._tell(conn, row[1], {"payment_intent": pi["id"], "status": pi.get("status")})
            return row[1]

        if self.store.write(keep) is not None:
            self._wake()

    def _apply_reader(
        self, reader: dict[str, Any], *, answer_sent_at: float, authoritative: bool = False
    ) -> None:
        """A reader object from a command's answer (``answer_sent_at``: when the command was sent) or from
        an event/read (``authoritative``). An answer does not replace an outcome heard after its command."""
        r = schema.card_readers
        c = schema.card_payments
        action = reader.get("action")
        payload = (action or {}).get((action or {}).get("type") or "") or {}
        pi = payload.get("payment_intent") if isinstance(payload, dict) else None
        if isinstance(pi, dict):
            pi = pi.get("id")
        meta = payload.get("metadata") if isinstance(payload, dict) else None
        # an Interac refund on the reader: the till that asked hears of it (the payment's may be another)
        asked_by = meta.get("omo_till") if isinstance(meta, dict) else None
        now = self._clock()
        base = {k: v for k, v in reader.items() if k != "action"}

        def keep(conn: Connection) -> str | None:
            # locked: a command's answer and the webhook of its outcome applied at once (PostgreSQL, two
            # transactions) would otherwise both read the old action, and the answer's in_progress written
            # last would hide the outcome from the till until it gave up waiting
            row = conn.execute(
                sa.select(r.c.action_json, r.c.action_pi, r.c.read_at)
                .where(r.c.reader_id == reader["id"])
                .with_for_update()
            ).first()
            if row is None:
                conn.execute(sa.insert(r).values(reader_id=reader["id"], store_id=""))
                row = (None, None, None)
            current = json.loads(row[0]) if row[0] else None
            if (
                not authoritative
                and current is not None
                and row[1] == pi
                and current.get("status") in ("succeeded", "failed")
                and (action or {}).get("status") == "in_progress"
                and (row[2] or 0) >= answer_sent_at
            ):
                # the outcome came (webhook) before this command's answer was recorded: keep it
                conn.execute(sa.update(r).where(r.c.reader_id == reader["id"]).values(action_known=True))
                return None
            conn.execute(
                sa.update(r)
                .where(r.c.reader_id == reader["id"])
                .values(
                    reader_json=json.dumps(base),
                    action_json=json.dumps(action) if action else None,
                    action_pi=pi,
                    read_at=now,
                    action_known=True,
                    version=r.c.version + 1,
                )
            )
            if pi is None:
                return None
            till = conn.execute(sa.select(c.c.till_id).where(c.c.payment_intent_id == pi)).first()
            if isinstance(asked_by, str):
                till = (asked_by,)
            if till is None:
                return None
            self._tell(
                conn,
                till[0],
                {"reader": reader["id"], "payment_intent": pi, "action": (action or {}).get("status")},
            )
            return till[0]

        if self.store.write(keep) is not None:
            self._wake()

    def _tell(self, conn: Connection, till_id: str, body: dict[str, Any]) -> None:
        conn.execute(
            sa.insert(schema.till_messages).values(
                till_id=till_id, body=json.dumps(body), created_at=self._clock()
            )
        )
        if conn.dialect.name == "postgresql":  # every worker hears it at the commit
            conn.execute(sa.select(sa.func.pg_notify(NOTIFY_CHANNEL, till_id)))

    # ------------------------------------------------------------------ the till's channel
    def changes(self, till_id: str, after: int, wait: float) -> dict[str, Any]:
        """The till's messages after ``after``; waits up to ``wait`` seconds for one (long polling)."""
        m = schema.till_messages
        deadline = time.monotonic() + wait
        while True:
            seen = self._news
            rows = self.store.read_one(
                sa.select(m.c.seq, m.c.body)
                .where(m.c.till_id == till_id, m.c.seq > after)
                .order_by(m.c.seq)
                .limit(100)
            )
            left = deadline - time.monotonic()
            if rows or left <= 0 or self._stop.is_set():
                last = rows[-1][0] if rows else after
                return {"after": last, "messages": [dict(json.loads(b), seq=s) for s, b in rows]}
            with self._changed:
                # another worker may have taken the webhook: its NOTIFY wakes this one (PostgreSQL); the
                # table is looked at again after a while in any case
                if self._news == seen:
                    self._changed.wait(min(left, self._recheck()))

    # ------------------------------------------------------------------ off the critical path
    def _capture_loop(self) -> None:
        while not self._stop.is_set():
            try:
                if not self.capture_due():
                    with self._changed:
                        self._changed.wait(self.config.capture_interval)
            except Exception:  # noqa: BLE001 - the loop outlives one failure; the row stays due
                log.exception("capture loop")
                self._stop.wait(1.0)

    def capture_due(self) -> int:
        """Capture every handed-over payment that is due (a lease per row, so two workers never both
        send); returns how many were tried."""
        c = schema.card_payments
        now = self._clock()

        def lease(conn: Connection) -> list[Any]:
            q = (
                sa.select(
                    c.c.attempt_id,
                    c.c.payment_intent_id,
                    c.c.capture_key,
                    c.c.capture_amount,
                    c.c.capture_tries,
                )
                .where(
                    c.c.capture_state == "pending",
                    c.c.capture_due <= now,
                    sa.or_(c.c.capture_lease.is_(None), c.c.capture_lease < now),
                )
                .limit(20)
            )
            if conn.dialect.name == "postgresql":
                q = q.with_for_update(skip_locked=True)
            rows = conn.execute(q).all()
            for row in rows:
                conn.execute(sa.update(c).where(c.c.attempt_id == row[0]).values(capture_lease=now + 30))
            return rows

        due = self.store.read_one(
            sa.select(c.c.attempt_id).where(c.c.capture_state == "pending", c.c.capture_due <= now).limit(1)
        )
        if not due:  # nothing to capture: no write transaction (SQLite has one writer for everybody)
            return 0
        rows = self.store.write(lease)
        for attempt_id, pi_id, key, amount, tries in rows:
            self._capture_one(attempt_id, pi_id, key, amount, tries)
        return len(rows)

    def _capture_one(self, attempt_id: str, pi_id: str, key: str, amount: int | None, tries: int) -> None:
        c = schema.card_payments
        params: dict[str, Any] = {"expand": ["latest_charge"]}  # the close-out reads the card's brand
        if amount is not None:
            params["amount_to_capture"] = amount
        try:
            pi = self._stripe(
                "capture",
                "POST /v1/payment_intents/{id}/capture",
                CAPTURE,
                lambda: self._client.v1.payment_intents.capture(
                    pi_id, params, options={"idempotency_key": key + (f":{tries}" if tries else "")}
                ),
            )
        except StripeFailed as e:
            code = str(e.error.get("code") or e.status)
            try:
                pi = self._stripe(
                    "capture_check",
                    "GET /v1/payment_intents/{id}",
                    RECONCILE,
                    lambda: self._client.v1.payment_intents.retrieve(pi_id),
                )
            except StripeFailed:
                pi = None
            if pi is None or pi.get("status") == "requires_capture":
                state = "pending"
            else:
                state = "captured" if pi.get("status") == "succeeded" else "failed"
            self.store.write(
                lambda conn: conn.execute(
                    sa.update(c)
                    .where(c.c.attempt_id == attempt_id)
                    .values(
                        capture_state=state,
                        capture_tries=c.c.capture_tries + 1,
                        capture_due=self._clock() + min(0.5 * 2**tries, 60.0),
                        capture_lease=None,
                        capture_error=code,
                    )
                )
            )
            if pi is not None:
                self._apply_pi(pi, created=None, via="answer")
            return
        state = "captured" if pi.get("status") == "succeeded" else "failed"
        self.store.write(
            lambda conn: conn.execute(
                sa.update(c)
                .where(c.c.attempt_id == attempt_id)
                .values(capture_state=state, capture_lease=None)
            )
        )
        self._apply_pi(pi, created=None, via="answer")

    def _reconcile_loop(self) -> None:
        pruned = 0.0
        while not self._stop.wait(self.config.reconcile_interval):
            try:
                self.reconcile()
            except Exception:  # noqa: BLE001 - Stripe down now: the next round tries again
                log.warning("card reconciliation failed", exc_info=True)
            if time.monotonic() - pruned >= self.config.prune_interval:
                pruned = time.monotonic()
                try:
                    self.prune()
                except Exception:  # noqa: BLE001 - the database busy now: the next round prunes
                    log.warning("pruning the card relay's old rows failed", exc_info=True)

    def prune(self, batch: int = 5000) -> dict[str, int]:
        """Delete the relay's rows past their window (RelayConfig), in batches of short transactions.
        Returns how many rows of each table went."""
        now = self._clock()
        m, e, c, f = schema.till_messages, schema.stripe_events, schema.card_payments, schema.card_refunds
        final = sa.and_(
            c.c.created_at < now - self.config.payment_window,
            sa.or_(c.c.pi_rank >= 5, c.c.payment_intent_id.is_(None)),
            sa.or_(c.c.capture_state.is_(None), c.c.capture_state.in_(("captured", "failed"))),
        )
        gone = {"till_messages": 0, "stripe_events": 0, "card_payments": 0, "card_refunds": 0}

        def chunk(table: sa.Table, key: sa.Column[Any], where: Any) -> int:
            ids = sa.select(key).where(where).limit(batch).scalar_subquery()
            return self.store.write(lambda conn: conn.execute(sa.delete(table).where(key.in_(ids))).rowcount)

        for name, table, key, where in (
            ("till_messages", m, m.c.seq, m.c.created_at < now - self.config.message_window),
            ("stripe_events", e, e.c.event_id, e.c.received_at < now - self.config.event_window),
            (  # made (an attempt whose answer was lost stays until it is found)
                "card_refunds",
                f,
                f.c.refund_id,
                sa.and_(f.c.created_at < now - self.config.payment_window, f.c.refund_id.is_not(None)),
            ),
            ("card_payments", c, c.c.attempt_id, final),
        ):
            while True:
                n = chunk(table, key, where)
                gone[name] += n
                if n < batch:
                    break
        if any(gone.values()):
            log.info("card relay pruned %s", gone)
        return gone

    def reconcile(self) -> int:
        """Apply what Stripe could not deliver (one list read), then read once any attempt left open too
        long. Returns the events applied."""
        since = int(self._clock()) - 3 * 86400
        page = self._stripe(
            "events_list",
            "GET /v1/events",
            RECONCILE,
            lambda: self._client.v1.events.list(
                {"delivery_success": False, "created": {"gte": since}, "limit": 100}
            ),
        )
        applied = 0
        for ev in reversed(page.get("data") or []):
            applied += self.apply_event(ev, via="list")
        c = schema.card_payments
        old = self._clock() - self.config.stale_after
        stale = self.store.read_one(
            sa.select(c.c.payment_intent_id)
            .where(
                c.c.payment_intent_id.is_not(None),
                c.c.pi_rank < 5,
                c.c.created_at < old,
                c.c.capture_state.is_(None),
            )
            .limit(10)
        )
        for (pi_id,) in stale:
            pi = self._stripe(
                "stale_read",
                "GET /v1/payment_intents/{id}",
                RECONCILE,
                lambda p=pi_id: self._client.v1.payment_intents.retrieve(p),
            )
            self._apply_pi(pi, created=None, via="answer")
        return applied


def _error_body(e: stripe.StripeError) -> dict[str, Any]:
    body = e.json_body if isinstance(e.json_body, dict) else {}
    err = body.get("error")
    out = dict(err) if isinstance(err, dict) else {}
    out.setdefault("code", e.code)
    out.setdefault("message", str(e.user_message or "Stripe error"))
    return out


__all__ = ["CardRelay", "RelayConfig", "StripeFailed"]
