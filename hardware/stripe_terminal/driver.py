"""Stripe Terminal, server-driven, on ``stripe.StripeClient`` (stripe 16.x). Qt-free.

Implements ``pos.payment.CardTerminal``. Every call has a (connect, read) timeout; every POST carries a
key from the payment protocol (or, for display/cancel calls, the library's own), so the library's
network retries (``max_network_retries``) replay rather than repeat. Every Stripe error becomes a
``pos.payment.PaymentError`` with a message a cashier can act on.

The API key is read from the OS keyring (service ``omo-pos``, user ``stripe-api-key``) and lives only
inside the ``StripeClient``; it is never logged or written anywhere.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import keyring
import keyring.errors
import stripe

from pos.errors import N_, Sentence
from pos.payment import (
    UNREACHABLE_MESSAGE,
    ActionView,
    CardDeclined,
    CartDisplay,
    IntentView,
    PaymentError,
    PaymentRejected,
    ReaderBusy,
    ReaderOffline,
    ReaderTimeout,
    ReaderView,
    RefundView,
    TerminalAuthError,
    TerminalConfigError,
    TerminalPermissionError,
    TerminalUnavailable,
    decline_message,
)
from pos.till import ProcessorPayment

log = logging.getLogger("hw.reader")

API_VERSION = "2026-10-28.endive"
STRIPE_API_BASE = "https://api.stripe.com"
KEYRING_SERVICE = "omo-pos"
KEYRING_USERNAME = "stripe-api-key"

# What the cashier reads: templates the window translates (pos.errors.N_, tools/i18n.py), as in pos.payment
READER_MESSAGES = {
    "terminal_reader_busy": Sentence(
        N_(
            "The card reader is busy (updating, or a card is still in it). Wait until it is free, "
            "then press Pay again."
        )
    ),
    "terminal_reader_offline": Sentence(
        N_("The card reader is offline. Check its power and network cable or Wi-Fi, or take another tender.")
    ),
    "terminal_reader_timeout": Sentence(
        N_("The card reader did not answer in time. Checking whether the payment went through…")
    ),
    "terminal_reader_hardware_fault": Sentence(
        N_("The card reader reported a fault. Restart it, or take another tender.")
    ),
}
AUTH_MESSAGE = Sentence(
    N_(
        "Stripe refused this till's key (revoked or expired). Card payments are off: take cash, and ask "
        "a manager to install a new key."
    )
)
READER_GONE_MESSAGE = N_(
    "The card reader {reader} is no longer in this store's Stripe account (deleted or never registered). "
    "Card payments are off: take cash, and ask a manager to pick another reader (omo-pos reader list) "
    "and set it as stripe.reader_id."
)
PERMISSION_MESSAGE = Sentence(
    N_(
        "This till's Stripe key is not allowed to do this. Card payments are off: take cash, and "
        "ask a manager to fix the key's permissions."
    )
)


def check_api_key(key: str, *, allow_live_secret_key: bool = False) -> None:
    """Refuse keys a till must not hold. Raises ``TerminalConfigError``; never echoes the key."""
    if key.startswith("sk_live_") and not allow_live_secret_key:
        raise TerminalConfigError(
            Sentence(
                N_(
                    "This till holds a full live secret key. A manager must install a restricted "
                    "key (rk_…) or explicitly allow the secret key."
                )
            ),
            code="live_secret_key",
        )
    if not key.startswith(("rk_live_", "rk_test_", "sk_live_", "sk_test_")):
        raise TerminalConfigError(
            Sentence(N_("The Stripe key in the keyring is not a Stripe API key. Ask a manager.")),
            code="bad_key",
        )
    if key.startswith("sk_"):
        log.warning("Stripe secret key in use; a restricted key (rk_) is expected")


def load_api_key(*, allow_live_secret_key: bool = False) -> str:
    try:
        key = keyring.get_password(KEYRING_SERVICE, KEYRING_USERNAME)
    except keyring.errors.KeyringError as e:
        raise TerminalConfigError(
            Sentence(
                N_(
                    "The system keyring is not available, so the Stripe key cannot be read. "
                    "Card payments are off; ask a manager."
                )
            ),
            code="no_keyring",
        ) from e
    if not key:
        raise TerminalConfigError(
            Sentence(N_("No Stripe key is set up on this till. Card payments are off; ask a manager.")),
            code="no_key",
        )
    check_api_key(key, allow_live_secret_key=allow_live_secret_key)
    return key


def _body(e: stripe.StripeError) -> dict[str, Any]:
    body = e.json_body if isinstance(e.json_body, dict) else {}
    err = body.get("error")
    return err if isinstance(err, dict) else {}


def translate_error(e: stripe.StripeError, *, mutating: bool, reader: str | None = None) -> PaymentError:
    """Map a stripe-python exception to a domain error. ``mutating``: the request could have changed
    something at Stripe, so a lost answer is ambiguous."""
    err = dict(_body(e))
    if not err.get("code"):
        err["code"] = e.code
    status = None if isinstance(e, stripe.APIConnectionError) else e.http_status
    return answer_error(status, err, mutating=mutating, reader=reader)


def answer_error(
    status: int | None, err: dict[str, Any], *, mutating: bool, reader: str | None = None
) -> PaymentError:
    """Stripe's error answer as the error a cashier sees: ``status`` its HTTP status (None: no answer at
    all), ``err`` the body's ``error`` object. The same rules as stripe-python's own mapping of statuses
    to exceptions, so an answer Stripe gave the till and one the backend relays read alike. ``reader``:
    the call was about that reader, so Stripe's 404 means it is gone (``ReaderGone``)."""
    code = err.get("code")
    if status is None:
        return TerminalUnavailable(UNREACHABLE_MESSAGE, code="connection", ambiguous=mutating)
    if reader is not None and status == 404 and code == "resource_missing":
        return ReaderGone(reader, http_status=404)
    if code in READER_MESSAGES:
        cls = {"terminal_reader_busy": ReaderBusy, "terminal_reader_timeout": ReaderTimeout}.get(
            code, ReaderOffline
        )
        return cls(READER_MESSAGES[code], code=code, http_status=status)
    if status == 401:
        return TerminalAuthError(AUTH_MESSAGE, code=code or "authentication", http_status=status)
    if status == 403:
        return TerminalPermissionError(PERMISSION_MESSAGE, code=code or "permission", http_status=status)
    if status == 402:
        decline = err.get("decline_code") or code
        return CardDeclined(decline_message(decline), code=code, decline_code=decline, http_status=status)
    if status == 429 or (status == 400 and code == "rate_limit"):
        return TerminalUnavailable(
            Sentence(N_("Stripe is overloaded right now. Try again in a moment, or take cash.")),
            code="rate_limit",
            http_status=status,
            ambiguous=False,
        )
    if status in (400, 404) and err.get("type") == "idempotency_error":
        return PaymentRejected(
            Sentence(N_("The payment request clashed with an earlier one. Call a manager.")),
            code="idempotency_error",
            http_status=status,
        )
    if status in (400, 404):
        return PaymentRejected(
            Sentence(
                N_("Stripe refused the request ({code}). Take another tender or call a manager."),
                code=code or "invalid request",
            ),
            code=code,
            http_status=status,
        )
    # 409 and 5xx: the outcome is unknown
    return TerminalUnavailable(
        UNREACHABLE_MESSAGE, code=code or f"http_{status}", http_status=status, ambiguous=mutating
    )


def _intent(d: dict[str, Any]) -> IntentView:
    err = d.get("last_payment_error") or {}
    return IntentView(
        id=d["id"],
        status=d["status"],
        amount=d["amount"],
        currency=d["currency"],
        amount_capturable=d.get("amount_capturable") or 0,
        amount_received=d.get("amount_received") or 0,
        metadata=dict(d.get("metadata") or {}),
        error_code=err.get("code"),
        decline_code=err.get("decline_code"),
        error_message=err.get("message"),
        payment_method_type=err.get("payment_method_type"),
    )


def processor_payment(d: dict[str, Any]) -> ProcessorPayment:
    """A PaymentIntent (``latest_charge`` expanded) as the till's close-out counts it."""
    charge = d.get("latest_charge") if isinstance(d.get("latest_charge"), dict) else {}
    details = charge.get("payment_method_details") or {}
    card = details.get(details.get("type") or "card_present") or {}
    return ProcessorPayment(
        d["id"],
        d["status"],
        d.get("amount_received") or 0,
        charge.get("amount_refunded") or 0,
        card.get("brand") or "",
    )


class ReaderGone(TerminalConfigError):
    """The paired reader was deleted (Stripe answers with a deleted stub) or never existed (404)."""

    def __init__(self, reader_id: str, *, http_status: int | None = None) -> None:
        super().__init__(
            Sentence(READER_GONE_MESSAGE, reader=reader_id), code="reader_gone", http_status=http_status
        )
        self.reader_id = reader_id


def _reader(d: dict[str, Any]) -> ReaderView:
    if d.get("deleted"):  # Stripe's stub for a reader deleted in the Dashboard: no label, status, action
        raise ReaderGone(d["id"])
    a = d.get("action")
    action = None
    if a:
        payload = a.get(a["type"]) or {}
        pi = payload.get("payment_intent")
        if isinstance(pi, dict):
            pi = pi.get("id")
        api_error = a.get("api_error") or {}
        refund = payload.get("refund")
        action = ActionView(
            type=a["type"],
            status=a["status"],
            payment_intent=pi,
            failure_code=a.get("failure_code"),
            failure_message=a.get("failure_message"),
            decline_code=api_error.get("decline_code"),
            refund=refund.get("id") if isinstance(refund, dict) else refund,
        )
    return ReaderView(
        id=d["id"],
        label=d.get("label"),
        status=d.get("status"),
        device_type=d["device_type"],
        serial_number=d["serial_number"],
        location=d.get("location"),
        action=action,
    )


def _refund(d: dict[str, Any]) -> RefundView:
    return RefundView(
        id=d["id"],
        amount=d["amount"],
        status=d.get("status") or "",
        payment_intent=d.get("payment_intent"),
        metadata=dict(d.get("metadata") or {}),
    )


class StripeTerminal:
    """The card reader over Stripe. Settings: ``api_base`` (Stripe's by default, or the simulator),
    ``reader_id``, ``location_id``, ``poll_interval``; the key comes from the keyring."""

    available = True  # a reader (hardware/stripe_terminal/null.py is the till without one)

    def __init__(
        self,
        *,
        reader_id: str,
        location_id: str | None = None,
        api_base: str = STRIPE_API_BASE,
        poll_interval: float = 0.5,
        country: str = "US",
        store_tips: bool = False,
        connect_timeout: float = 3.05,
        read_timeout: float = 20.0,
        max_network_retries: int = 1,
        allow_live_secret_key: bool = False,
        display_interval: float = 0.5,
        api_key: str | None = None,
    ) -> None:
        """``api_key`` None (the rule for a real shop): read it from the OS keyring. The demo passes the
        simulator's own test key, which is no secret and exists only on this computer."""
        self.reader_id = reader_id
        self.location_id = location_id
        self.api_base = api_base
        self.poll_interval = poll_interval
        self.country = country.upper()
        self.store_tips = store_tips
        self._client = stripe.StripeClient(
            load_api_key(allow_live_secret_key=allow_live_secret_key) if api_key is None else api_key,
            base_addresses={"api": api_base},
            stripe_version=API_VERSION,
            http_client=stripe.RequestsClient(timeout=(connect_timeout, read_timeout)),
            max_network_retries=max_network_retries,
        )
        self._display = ThrottledDisplay(self._send_display, display_interval)

    def __repr__(self) -> str:
        return f"StripeTerminal(reader_id={self.reader_id!r}, api_base={self.api_base!r})"

    @property
    def allowed_payment_method_types(self) -> list[str]:
        return ["card_present", "interac_present"] if self.country == "CA" else ["card_present"]

    def close(self) -> None:
        self._display.close()

    def _call(self, fn: Callable[[], Any], *, mutating: bool, reader: str | None = None) -> dict[str, Any]:
        """``reader``: the call is about that reader, so Stripe's 404 means it is gone (``ReaderGone``)."""
        try:
            obj = fn()
        except stripe.StripeError as e:
            err = translate_error(e, mutating=mutating, reader=reader)
            log.info("stripe call failed: %s (%s)", err.kind, err.code)
            raise err from e
        return obj.to_dict() if hasattr(obj, "to_dict") else obj

    # ------------------------------------------------------------------ PaymentIntents
    def create_payment_intent(
        self, *, amount: int, currency: str, sale_uuid: str, attempt_id: str, idempotency_key: str
    ) -> IntentView:
        params = {
            "amount": amount,
            "currency": currency.lower(),
            "allowed_payment_method_types": self.allowed_payment_method_types,
            "capture_method": "manual",
            "metadata": {"sale_uuid": sale_uuid, "attempt_id": attempt_id},
        }
        return _intent(
            self._call(
                lambda: self._client.v1.payment_intents.create(
                    params, options={"idempotency_key": idempotency_key}
                ),
                mutating=True,
            )
        )

    def find_payment_intent(self, attempt_id: str) -> IntentView | None:
        """The PaymentIntent of an attempt whose id was never recorded (search lags: may return None)."""
        query = f"metadata['attempt_id']:'{attempt_id}'"
        try:
            found = self._call(
                lambda: self._client.v1.payment_intents.search({"query": query, "limit": 10}), mutating=False
            )
            hits = found["data"]
        except PaymentRejected:  # search unavailable (e.g. India): scan the most recent ones
            recent = self._call(lambda: self._client.v1.payment_intents.list({"limit": 100}), mutating=False)
            hits = [d for d in recent["data"] if (d.get("metadata") or {}).get("attempt_id") == attempt_id]
        return _intent(hits[0]) if hits else None

    def retrieve_payment_intent(self, payment_intent_id: str) -> IntentView:
        return _intent(
            self._call(lambda: self._client.v1.payment_intents.retrieve(payment_intent_id), mutating=False)
        )

    def capture_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, amount: int | None = None
    ) -> IntentView:
        params = {"amount_to_capture": amount} if amount is not None else {}
        return _intent(
            self._call(
                lambda: self._client.v1.payment_intents.capture(
                    payment_intent_id, params, options={"idempotency_key": idempotency_key}
                ),
                mutating=True,
            )
        )

    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, reason: str = "abandoned"
    ) -> IntentView:
        return _intent(
            self._call(
                lambda: self._client.v1.payment_intents.cancel(
                    payment_intent_id,
                    {"cancellation_reason": reason},
                    options={"idempotency_key": idempotency_key},
                ),
                mutating=True,
            )
        )

    # ------------------------------------------------------------------ refunds
    def refund(
        self,
        payment_intent_id: str,
        amount: int,
        *,
        idempotency_key: str,
        reason: str | None = "requested_by_customer",
        metadata: dict[str, str] | None = None,
    ) -> RefundView:
        """Online refund (any network but Interac); partial and repeated refunds are fine."""
        params: dict[str, Any] = {"payment_intent": payment_intent_id, "amount": amount}
        if reason:
            params["reason"] = reason
        if metadata:
            params["metadata"] = metadata
        return _refund(
            self._call(
                lambda: self._client.v1.refunds.create(params, options={"idempotency_key": idempotency_key}),
                mutating=True,
            )
        )

    def payments_since(self, created_gte: int, attempt_ids: set[str]) -> list[ProcessorPayment]:
        """This till's PaymentIntents (by the attempt ids in their metadata) created since `created_gte`
        (Unix time), with what was captured and refunded and the card brand (till close-out)."""
        out: list[ProcessorPayment] = []
        params: dict[str, Any] = {
            "created": {"gte": created_gte},
            "limit": 100,
            "expand": ["data.latest_charge"],
        }
        while True:
            page = self._call(lambda p=dict(params): self._client.v1.payment_intents.list(p), mutating=False)
            for d in page["data"]:
                if (d.get("metadata") or {}).get("attempt_id") not in attempt_ids:
                    continue
                out.append(processor_payment(d))
            if not page.get("has_more") or not page["data"]:
                return out
            params["starting_after"] = page["data"][-1]["id"]

    def refunds_for(self, payment_intent_id: str) -> list[RefundView]:
        res = self._call(
            lambda: self._client.v1.refunds.list({"payment_intent": payment_intent_id, "limit": 100}),
            mutating=False,
        )
        return [_refund(d) for d in res["data"]]

    def refund_on_reader(
        self,
        payment_intent_id: str,
        amount: int,
        *,
        idempotency_key: str,
        metadata: dict[str, str] | None = None,
    ) -> ReaderView:
        """Interac refunds happen in person: the customer taps the card; poll ``retrieve_reader`` until the
        ``refund_payment`` action succeeds (its ``refund`` is the Refund id). ``metadata`` is kept on the
        Refund (a refund whose outcome the till missed is found by it among the payment's refunds)."""
        params: dict[str, Any] = {"payment_intent": payment_intent_id, "amount": amount}
        if metadata:
            params["metadata"] = metadata
        return _reader(
            self._call(
                lambda: self._client.v1.terminal.readers.refund_payment(
                    self.reader_id, params, options={"idempotency_key": idempotency_key}
                ),
                mutating=True,
                reader=self.reader_id,
            )
        )

    # ------------------------------------------------------------------ reader
    def process_payment_intent(self, payment_intent_id: str, *, idempotency_key: str) -> ReaderView:
        config: dict[str, Any] = {"enable_customer_cancellation": True}
        if not self.store_tips:
            config["skip_tipping"] = True
        return _reader(
            self._call(
                lambda: self._client.v1.terminal.readers.process_payment_intent(
                    self.reader_id,
                    {"payment_intent": payment_intent_id, "process_config": config},
                    options={"idempotency_key": idempotency_key},
                ),
                mutating=True,
                reader=self.reader_id,
            )
        )

    def retrieve_reader(self) -> ReaderView:
        return self.reader_status(self.reader_id)

    def cancel_action(self) -> ReaderView:
        return _reader(
            self._call(
                lambda: self._client.v1.terminal.readers.cancel_action(self.reader_id),
                mutating=True,
                reader=self.reader_id,
            )
        )

    def reader_status(self, reader_id: str) -> ReaderView:
        return _reader(
            self._call(
                lambda: self._client.v1.terminal.readers.retrieve(reader_id), mutating=False, reader=reader_id
            )
        )

    def list_readers(self, location_id: str | None = None) -> list[ReaderView]:
        params: dict[str, Any] = {"limit": 100}
        if location_id or self.location_id:
            params["location"] = location_id or self.location_id
        res = self._call(lambda: self._client.v1.terminal.readers.list(params), mutating=False)
        return [_reader(d) for d in res["data"]]

    def register_reader(
        self, registration_code: str, label: str, location_id: str | None = None
    ) -> ReaderView:
        params = {"registration_code": registration_code, "label": label}
        if location_id or self.location_id:
            params["location"] = location_id or self.location_id  # type: ignore[assignment]
        return _reader(self._call(lambda: self._client.v1.terminal.readers.create(params), mutating=True))

    def present_test_card(self, number: str = "4242424242424242") -> ReaderView:
        """Test mode only (Stripe's test helper, which the simulator serves too): the customer taps the test
        card `number` on the simulated reader. The headless driver is the customer this way."""
        return _reader(
            self._call(
                lambda: self._client.v1.test_helpers.terminal.readers.present_payment_method(
                    self.reader_id, {"type": "card_present", "card_present": {"number": number}}
                ),
                mutating=True,
            )
        )

    def list_locations(self) -> list[dict[str, Any]]:
        res = self._call(lambda: self._client.v1.terminal.locations.list({"limit": 100}), mutating=False)
        return [{"id": d["id"], "display_name": d["display_name"]} for d in res["data"]]

    # ------------------------------------------------------------------ display
    def show_cart(self, cart: CartDisplay) -> None:
        """Show the cart on the reader; throttled (at most one call per ``display_interval``, last wins)."""
        self._display.show(cart)

    def flush_display(self, timeout: float = 5.0) -> bool:
        return self._display.flush(timeout)

    def hold_display(self) -> None:
        """While a payment runs the reader shows the payment: no cart updates until `release_display`."""
        self._display.hold()

    def release_display(self) -> None:
        self._display.release()

    def _send_display(self, cart: CartDisplay) -> None:
        if not cart.lines:
            # Stripe requires cart[line_items] and the library drops an empty list, so an empty cart is
            # no cart: cancel_action returns the reader to its idle screen (it does not stop a payment
            # being authorised, and no payment waits on the reader while the till's cart is empty).
            self._call(
                lambda: self._client.v1.terminal.readers.cancel_action(self.reader_id),
                mutating=True,
                reader=self.reader_id,
            )
            return
        params = {
            "type": "cart",
            "cart": {
                "currency": cart.currency.lower(),
                "tax": cart.tax,
                "total": cart.total,
                "line_items": [
                    {"description": ln.description[:100], "amount": ln.amount, "quantity": ln.quantity}
                    for ln in cart.lines
                ],
            },
        }
        self._call(
            lambda: self._client.v1.terminal.readers.set_reader_display(self.reader_id, params),
            mutating=True,
            reader=self.reader_id,
        )


class ThrottledDisplay:
    """Coalesces display updates: at most one send per ``interval``; the newest cart wins. A worker
    thread (started on first use, joined by ``close``) does the sending; failures are logged, never raised
    (a busy reader during a payment is normal)."""

    def __init__(
        self,
        send: Callable[[CartDisplay], None],
        interval: float,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        import time

        self._send = send
        self._interval = interval
        self._monotonic = monotonic or time.monotonic
        self._cv = threading.Condition()
        self._latest: CartDisplay | None = None
        self._in_flight = False
        self._closed = False
        self._held = False
        self._last_sent = float("-inf")
        self._thread: threading.Thread | None = None
        self.sent = 0

    def hold(self, timeout: float = 5.0) -> bool:
        """A payment starts on the reader: drop the cart not yet sent and send nothing until `release`
        (an update sent now would replace the reader's payment screen). Waits for a send in flight."""
        with self._cv:
            self._held = True
            self._latest = None
            return self._cv.wait_for(lambda: not self._in_flight, timeout)

    def release(self) -> None:
        with self._cv:
            self._held = False
            self._cv.notify_all()

    def show(self, cart: CartDisplay) -> None:
        with self._cv:
            if self._closed or self._held:
                return
            self._latest = cart
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="reader-display")
                self._thread.start()
            self._cv.notify_all()

    def flush(self, timeout: float) -> bool:
        """Wait until everything shown has been sent (for tests and shutdown)."""
        with self._cv:
            return self._cv.wait_for(lambda: self._latest is None and not self._in_flight, timeout)

    def close(self) -> None:
        with self._cv:
            self._closed = True
            self._cv.notify_all()
            t = self._thread
        if t is not None:
            t.join()

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._closed:
                    if self._latest is not None:
                        wait = self._last_sent + self._interval - self._monotonic()
                        if wait <= 0:
                            break
                        self._cv.wait(wait)
                    else:
                        self._cv.wait()
                if self._closed:
                    return
                cart, self._latest = self._latest, None
                self._in_flight = True
                self._last_sent = self._monotonic()
            try:
                assert cart is not None
                self._send(cart)
                self.sent += 1
            except PaymentError as e:
                log.info("reader display not updated: %s", e.code or e.kind)
            finally:
                with self._cv:
                    self._in_flight = False
                    self._cv.notify_all()
