"""The card terminal relayed by the chain's backend: a second implementation of ``pos.payment.CardTerminal``.

The till holds no Stripe key. It asks the backend (``/v1/card/...``, with its device token) to create the
PaymentIntent, to have the reader process it, to cancel; the backend calls Stripe with the chain's key and
answers Stripe's objects, or Stripe's error as it came (502 ``stripe_error`` with Stripe's status and error),
which ``answer_error`` reads exactly as the direct driver reads Stripe's own answers. Reads of the
PaymentIntent and the reader are the backend's knowledge (webhooks), never a Stripe request.

Outcomes are pushed: a thread keeps one long poll open on ``GET /v1/card/changes`` (resuming after the last
message seen, after a dropped connection too) and ``wait_for_change`` returns as soon as a message arrives,
so the protocol reads again only when something changed. Captures are handed to the backend
(``captures_in_backend``): it captures once the sale's commit reached it, off the till's critical path.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import requests

from hardware.stripe_terminal.driver import _intent, _reader, _refund, answer_error, processor_payment
from pos.errors import N_, Sentence
from pos.payment import (
    UNREACHABLE_MESSAGE,
    CartDisplay,
    IntentView,
    PaymentError,
    ReaderView,
    RefundView,
    TerminalUnavailable,
)
from pos.till import ProcessorPayment

log = logging.getLogger("hw.reader.relay")

RELAY_DOWN_MESSAGE = Sentence(
    N_(
        "Card payments are unavailable: the store's connection to the chain's payment service is down. "
        "Take cash or another tender."
    )
)
RELAY_BUSY_MESSAGE = Sentence(
    N_(
        "Card payments are slow: the chain's payment service is busy and did not take this request in "
        "time. Press Pay again in a moment, or take cash or another tender."
    )
)


def _till_refund(d: dict[str, Any]) -> RefundView:
    """Stripe's Refund as the direct driver reads it: without the metadata the backend keeps for itself
    (``omo_refund_key``, ``omo_till``: the refund attempt it made it for)."""
    meta = {k: v for k, v in (d.get("metadata") or {}).items() if not k.startswith("omo_")}
    return _refund(dict(d, metadata=meta))


def _retry_after(r: requests.Response) -> float:
    """The seconds a 429's Retry-After asks for (whole seconds; a date or nothing: one second)."""
    try:
        return min(max(float(r.headers.get("Retry-After", "1")), 0.0), 60.0)
    except ValueError:
        return 1.0


class RelayedTerminal:
    available = True  # a reader, through the backend
    captures_in_backend = True

    def __init__(
        self,
        *,
        backend_url: str,
        token: str,
        reader_id: str,
        poll_interval: float = 0.5,
        push_wait: float = 2.0,
        timeout: tuple[float, float] = (3.05, 25.0),
        channel_wait: float = 20.0,
        store_tips: bool = False,
        busy_wait: float = 10.0,
        country: str = "US",
    ) -> None:
        self.base = backend_url.rstrip("/")
        # Interac too in Canada: it is captured by Stripe at once, and refunded on the reader
        self.allowed_payment_method_types = (
            ("card_present", "interac_present") if country.upper() == "CA" else ("card_present",)
        )
        self.reader_id = reader_id
        self.poll_interval = poll_interval
        self.push_wait = push_wait
        self.timeout = timeout
        self.channel_wait = channel_wait
        self.store_tips = store_tips
        self.busy_wait = busy_wait
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"Bearer {token}"
        self._news = threading.Event()
        self._stop = threading.Event()
        self._seq: int | None = None
        self.channel_up = False
        self._down_since: float | None = None  # when the backend stopped answering the channel
        self.up_since: float | None = None  # when the channel last came (back) up: time.monotonic()
        self.requests = 0  # calls to the backend (benchmarks read it)
        self.turns_waited = 0  # 429s (the backend's rate limits, its Stripe budget) waited out
        # called on the channel's thread with each message (e.g. a capture the backend made): the shop
        # settles its journal from it
        self.on_news: Any = None
        self._thread = threading.Thread(target=self._listen, name="card-relay-channel", daemon=True)
        self._thread.start()

    def __repr__(self) -> str:
        return f"RelayedTerminal(reader={self.reader_id!r}, backend={self.base!r})"

    def outage(self, after: float = 3.0) -> Sentence | None:
        """Why card payments are off now, as the channel knows without asking: the backend has not
        answered for more than ``after`` seconds (a reconnect is quicker). None once it answers the
        channel or any request (the channel's next long poll answers only when it ends)."""
        since = self._down_since
        if since is not None and time.monotonic() - since > after:
            return RELAY_DOWN_MESSAGE
        return None

    def close(self) -> None:
        self._stop.set()
        self._news.set()
        self._thread.join(1.0)  # a long poll in flight ends with its answer (a daemon thread)
        self._session.close()

    # ------------------------------------------------------------------ HTTP
    def _call(self, method: str, path: str, body: dict[str, Any] | None = None, *, mutating: bool) -> Any:
        """One request to the backend. A 429 (this till over its rate limit, or the chain's Stripe budget
        full) means the backend did nothing yet: wait as long as its Retry-After says and send it again,
        up to ``busy_wait`` seconds in all; only then tell the cashier the service is busy."""
        deadline = time.monotonic() + self.busy_wait
        while True:
            r = self._send(method, path, body, mutating=mutating)
            if r.status_code != 429 or self._stop.is_set():
                break
            wait = _retry_after(r)
            if time.monotonic() + wait > deadline:
                raise TerminalUnavailable(
                    RELAY_BUSY_MESSAGE, code="relay_busy", http_status=429, ambiguous=False
                )
            self.turns_waited += 1
            log.info("the backend asks this till to wait %.1f s (%s %s)", wait, method, path)
            if self._stop.wait(wait):
                break
        if r.status_code < 500:  # the backend answers: whatever the channel's long poll in flight says
            self._down_since = None
        return self._answer(r, path, mutating=mutating)

    def _send(
        self, method: str, path: str, body: dict[str, Any] | None, *, mutating: bool
    ) -> requests.Response:
        self.requests += 1
        try:
            try:
                r = self._session.request(method, self.base + path, json=body, timeout=self.timeout)
            except requests.ConnectionError as e:
                if isinstance(e, requests.Timeout):
                    raise
                # once more on a new connection: a kept-alive one the backend closed (after it restarted or
                # failed a request) refuses the next request. Safe: reads, and commands with their keys
                r = self._session.request(method, self.base + path, json=body, timeout=self.timeout)
        except requests.RequestException as e:
            raise TerminalUnavailable(RELAY_DOWN_MESSAGE, code="relay_unreachable", ambiguous=mutating) from e
        return r

    def _answer(self, r: requests.Response, path: str, *, mutating: bool) -> Any:
        if r.status_code == 200:
            return r.json()
        try:
            answer = r.json()
        except ValueError:
            answer = {}
        if r.status_code == 502 and isinstance(answer.get("stripe"), dict):
            stripe_answer = answer["stripe"]
            return self._raise(
                answer_error(
                    stripe_answer.get("status"),
                    stripe_answer.get("error") or {},
                    mutating=mutating,
                    reader=self.reader_id if "/readers/" in path or path.endswith("/process") else None,
                )
            )
        if r.status_code == 404:
            return None
        code = (answer.get("error") or {}).get("code") or f"relay_{r.status_code}"
        message = RELAY_DOWN_MESSAGE if r.status_code >= 500 or r.status_code == 401 else UNREACHABLE_MESSAGE
        raise TerminalUnavailable(
            message, code=code, http_status=r.status_code, ambiguous=mutating and r.status_code >= 500
        )

    @staticmethod
    def _raise(e: PaymentError) -> None:
        raise e

    def _need(self, d: Any, what: str) -> Any:
        if d is None:
            raise TerminalUnavailable(  # `what`: the kind of record (payment, reader...), a technical word
                Sentence(N_("The backend does not know what was asked for ({what})."), what=what),
                code="resource_missing",
            )
        return d

    # ------------------------------------------------------------------ CardTerminal
    def create_payment_intent(
        self, *, amount: int, currency: str, sale_uuid: str, attempt_id: str, idempotency_key: str
    ) -> IntentView:
        body = {
            "attempt_id": attempt_id,
            "sale_uuid": sale_uuid,
            "reader_id": self.reader_id,
            "amount": amount,
            "currency": currency.lower(),
            "idempotency_key": idempotency_key,
            "payment_method_types": list(self.allowed_payment_method_types),
        }
        return _intent(self._need(self._call("POST", "/v1/card/payments", body, mutating=True), "payment"))

    def find_payment_intent(self, attempt_id: str) -> IntentView | None:
        d = self._call("GET", f"/v1/card/payments/{attempt_id}", mutating=False)
        return _intent(d) if d else None

    def retrieve_payment_intent(self, payment_intent_id: str) -> IntentView:
        return _intent(
            self._need(
                self._call("GET", f"/v1/card/intents/{payment_intent_id}", mutating=False), "PaymentIntent"
            )
        )

    def process_payment_intent(self, payment_intent_id: str, *, idempotency_key: str) -> ReaderView:
        self._news.clear()
        body = {"idempotency_key": idempotency_key, "tipping": self.store_tips}
        return _reader(
            self._need(
                self._call("POST", f"/v1/card/intents/{payment_intent_id}/process", body, mutating=True),
                "PaymentIntent",
            )
        )

    def retrieve_reader(self) -> ReaderView:
        return _reader(
            self._need(self._call("GET", f"/v1/card/readers/{self.reader_id}", mutating=False), "reader")
        )

    def cancel_action(self) -> ReaderView:
        return _reader(
            self._need(
                self._call("POST", f"/v1/card/readers/{self.reader_id}/cancel-action", mutating=True),
                "reader",
            )
        )

    def capture_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, amount: int | None = None
    ) -> IntentView:
        body: dict[str, Any] = {"idempotency_key": idempotency_key}
        if amount is not None:
            body["amount"] = amount
        return _intent(
            self._need(
                self._call("POST", f"/v1/card/intents/{payment_intent_id}/capture", body, mutating=True),
                "PaymentIntent",
            )
        )

    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, reason: str = "abandoned"
    ) -> IntentView:
        body = {"idempotency_key": idempotency_key, "reason": reason}
        return _intent(
            self._need(
                self._call("POST", f"/v1/card/intents/{payment_intent_id}/cancel", body, mutating=True),
                "PaymentIntent",
            )
        )

    def refund(
        self,
        payment_intent_id: str,
        amount: int,
        *,
        idempotency_key: str,
        reason: str | None = "requested_by_customer",
        metadata: dict[str, str] | None = None,
    ) -> RefundView:
        """The backend refunds with the chain's key; ``idempotency_key`` is this refund attempt's id (the same
        attempt again answers the same Refund, however late)."""
        body: dict[str, Any] = {
            "payment_intent": payment_intent_id,
            "amount": amount,
            "idempotency_key": idempotency_key,
            "reason": reason,
        }
        if metadata:
            body["metadata"] = metadata
        return _till_refund(
            self._need(self._call("POST", "/v1/card/refunds", body, mutating=True), "PaymentIntent")
        )

    def refund_on_reader(
        self,
        payment_intent_id: str,
        amount: int,
        *,
        idempotency_key: str,
        metadata: dict[str, str] | None = None,
    ) -> ReaderView:
        """An Interac refund in person, through the backend: the reader's ``refund_payment`` action (the
        customer taps the card); its outcome comes as the reader's action (``retrieve_reader``), pushed.
        ``idempotency_key`` is this refund attempt's id: the backend records it before asking Stripe, and
        an attempt already refunded answers its Refund as the action's outcome."""
        self._news.clear()
        body: dict[str, Any] = {
            "payment_intent": payment_intent_id,
            "amount": amount,
            "idempotency_key": idempotency_key,
        }
        if metadata:
            body["metadata"] = metadata
        return _reader(
            self._need(
                self._call("POST", f"/v1/card/readers/{self.reader_id}/refund-payment", body, mutating=True),
                "reader",
            )
        )

    def refunds_for(self, payment_intent_id: str) -> list[RefundView]:
        """The refunds made on a payment through the backend (a refund whose answer was lost too)."""
        d = self._need(
            self._call("GET", f"/v1/card/refunds?payment_intent={payment_intent_id}", mutating=False),
            "PaymentIntent",
        )
        return [_till_refund(r) for r in d["data"]]

    def payments_since(self, created_gte: int, attempt_ids: set[str]) -> list[ProcessorPayment]:
        """This till's payments of these attempts as the backend knows them (the till's close-out): what was
        captured and refunded, and the card brand. No Stripe request."""
        out = []
        for attempt_id in sorted(attempt_ids):
            d = self._call("GET", f"/v1/card/payments/{attempt_id}", mutating=False)
            if d and int(d.get("created") or 0) >= created_gte:
                out.append(processor_payment(d))
        return out

    # The reader shows the cart only in direct mode: relayed, each update would be a Stripe request of the
    # chain's budget (set_reader_display) for every scan at every till. The reader shows the amount at Pay.
    def show_cart(self, cart: CartDisplay) -> None:
        return None

    def hold_display(self) -> None:
        return None

    def release_display(self) -> None:
        return None

    def flush_display(self, timeout: float = 5.0) -> bool:
        return True

    # ------------------------------------------------------------------ push
    def wait_for_change(self, cancel: threading.Event, timeout: float) -> None:
        """Return when the backend pushed news for this till, ``cancel`` is set, or after a while (the
        channel up: ``push_wait``, a safety net; down: ``timeout``, the protocol's poll interval)."""
        deadline = self.push_wait if self.channel_up else timeout
        step = 0.02
        waited = 0.0
        while waited < deadline:
            if self._news.wait(step):
                self._news.clear()
                return
            if cancel.is_set():
                return
            waited += step

    def _listen(self) -> None:
        backoff = 0.1
        while not self._stop.is_set():
            try:
                if self._seq is None:
                    r = self._session.get(
                        self.base + "/v1/card/changes", params={"after": 0, "wait": 0}, timeout=self.timeout
                    )
                    r.raise_for_status()
                    # start after what is already there: only news from now on matters
                    self._seq = self._latest(r.json())
                    self._came_up()  # the backend answers: its long poll starts now
                    continue
                r = self._session.get(
                    self.base + "/v1/card/changes",
                    params={"after": self._seq, "wait": self.channel_wait},
                    timeout=(self.timeout[0], self.channel_wait + 10),
                )
                r.raise_for_status()
                body = r.json()
                self._came_up()
                backoff = 0.1
                if body["messages"]:
                    self._seq = body["after"]
                    self._news.set()
                    if self.on_news is not None and any(
                        m.get("status") == "succeeded" for m in body["messages"]
                    ):
                        self.on_news(body["messages"])
            except (requests.RequestException, ValueError, KeyError) as e:
                if self.channel_up:
                    log.info("card channel dropped (%s); resuming", type(e).__name__)
                self.channel_up = False
                self._news.set()  # whoever waits reads the state once
                # a backend over its limits (429, or 503 while it starts) says when to come back: the
                # channel of every till of a store asking again at once would keep it there
                answer = getattr(e, "response", None)
                busy = answer is not None and answer.status_code == 429  # there, and answering
                if not busy and self._down_since is None:
                    self._down_since = time.monotonic()
                asked = (
                    _retry_after(answer)
                    if answer is not None
                    and answer.status_code in (429, 503)
                    and "Retry-After" in answer.headers
                    else 0.0
                )
                self._stop.wait(max(backoff, asked))
                backoff = min(backoff * 2, 5.0)

    def _came_up(self) -> None:
        if not self.channel_up:
            self.up_since = time.monotonic()
        self.channel_up = True
        self._down_since = None

    def _latest(self, body: dict[str, Any]) -> int:
        seq = int(body.get("after") or 0)
        while body.get("messages"):
            r = self._session.get(
                self.base + "/v1/card/changes", params={"after": seq, "wait": 0}, timeout=self.timeout
            )
            r.raise_for_status()
            body = r.json()
            seq = int(body.get("after") or seq)
        return seq


__all__ = ["RELAY_BUSY_MESSAGE", "RELAY_DOWN_MESSAGE", "RelayedTerminal"]
