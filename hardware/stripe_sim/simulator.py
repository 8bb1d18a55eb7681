"""A stateful Stripe-compatible HTTP server for PaymentIntents, Terminal readers, Locations and Refunds.

The unchanged ``stripe`` library talks to it through ``StripeClient(key, base_addresses={"api": sim.url})``.
It implements API version ``2026-10-28.endive`` as far as the till needs it (see
``docs/stripe-terminal.md``): bracket form encoding, bearer keys, Stripe-shaped errors,
idempotency as Stripe documents it, state machines, the test cards and magic amounts, and faults that
tests inject through Python methods (latency, read timeouts, responses dropped after commit, 5xx,
reader offline or busy, a ``terminal_reader_timeout`` that is a false negative).

Demo helpers (``auto_tap``, ``tap``, ``decline``, ``customer_cancel``, ``time_out``) are what a small
simulator panel calls.
"""

from __future__ import annotations

import heapq
import itertools
import json
import logging
import re
import secrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from hardware.stripe_sim.differences import UNSUPPORTED
from hardware.stripe_sim.forms import FormError, decode_form
from hardware.stripe_sim.params import (
    BOOL,
    INT,
    META,
    STR,
    ApiError,
    Enum,
    List,
    Obj,
    Range,
    invalid,
    mark_unsupported,
    parse,
)
from hardware.stripe_sim.ratelimit import RATE_LIMIT_MESSAGE, RateLimiter, RateStats, StripeLimits
from hardware.stripe_sim.webhooks import LIVE_RETRY, Webhooks

log = logging.getLogger("hw.stripe_sim")

API_VERSION = "2026-10-28.endive"
IDEMPOTENCY_TTL = 24 * 3600

VISA = "4242424242424242"
MASTERCARD = "5555555555554444"
AMEX = "378282246310005"
JCB = "3566002020360505"
INTERAC = "4506445006931933"
DECLINED = "4000000000000002"
ONLINE_PIN = "4001000360000005"
OFFLINE_PIN = "4001007020000002"

# number -> (code, decline_code) for cards that always fail
DECLINE_CARDS: dict[str, tuple[str, str]] = {
    DECLINED: ("card_declined", "generic_decline"),
    "4000000000009995": ("card_declined", "insufficient_funds"),
    "4000000000009987": ("card_declined", "lost_card"),
    "4000000000009979": ("card_declined", "stolen_card"),
    "4000000000000069": ("expired_card", "expired_card"),
    "4000000000000119": ("processing_error", "processing_error"),
}
# last two digits of the amount (minor units) -> decline code
MAGIC_AMOUNTS: dict[int, str] = {
    1: "call_issuer",
    5: "generic_decline",
    55: "incorrect_pin",
    65: "withdrawal_count_limit_exceeded",
    75: "pin_try_exceeded",
}
DECLINE_MESSAGES = {
    "generic_decline": "Your card was declined.",
    "call_issuer": "Your card was declined. Call the issuer.",
    "incorrect_pin": "The PIN entered is incorrect.",
    "withdrawal_count_limit_exceeded": "Your card has exceeded its withdrawal limit.",
    "pin_try_exceeded": "The allowable number of PIN tries has been exceeded.",
    "insufficient_funds": "Your card has insufficient funds.",
    "lost_card": "Your card was declined.",
    "stolen_card": "Your card was declined.",
    "expired_card": "Your card has expired.",
    "processing_error": "An error occurred while processing your card. Try again in a little bit.",
}
BRANDS = {"4": "visa", "5": "mastercard", "3": "amex"}
REGISTRATION_CODES = {
    "simulated-wpe": ("simulated_wisepos_e", "simulated-wpe"),
    "simulated-s700": ("simulated_stripe_s700", "simulated-s700"),
}
ZERO_DECIMAL = {
    "bif",
    "clp",
    "djf",
    "gnf",
    "jpy",
    "kmf",
    "krw",
    "mga",
    "pyg",
    "rwf",
    "ugx",
    "vnd",
    "vuv",
    "xaf",
    "xof",
    "xpf",
}
READER_ACTION_TYPES = (
    "process_payment_intent",
    "collect_payment_method",
    "confirm_payment_intent",
    "refund_payment",
    "set_reader_display",
)

PM_TYPES = Enum("card_present", "interac_present", "card")
_ADDRESS = Obj(
    {"line1": STR, "line2": STR, "city": STR, "state": STR, "postal_code": STR, "country": STR}, ("country",)
)
_TIPPING = Obj({"amount_eligible": INT})
_CREATED = Range()
SPECS: dict[str, Obj] = {
    "pi_create": Obj(
        {
            "amount": INT,
            "currency": STR,
            "allowed_payment_method_types": List(PM_TYPES),
            "capture_method": Enum("automatic", "automatic_async", "manual"),
            "payment_method_options": Obj(
                {
                    "card_present": Obj(
                        {
                            "capture_method": Enum("manual", "manual_preferred"),
                            "request_extended_authorization": BOOL,
                            "request_incremental_authorization_support": BOOL,
                        }
                    )
                }
            ),
            "metadata": META,
            "description": STR,
            "receipt_email": STR,
            "statement_descriptor": STR,
            "statement_descriptor_suffix": STR,
        },
        ("amount", "currency"),
    ),
    "pi_capture": Obj(
        {
            "amount_to_capture": INT,
            "final_capture": BOOL,
            "metadata": META,
            "statement_descriptor": STR,
            "statement_descriptor_suffix": STR,
        }
    ),
    "pi_cancel": Obj(
        {"cancellation_reason": Enum("abandoned", "duplicate", "fraudulent", "requested_by_customer")}
    ),
    "pi_update": Obj({"metadata": META, "description": STR}),
    "pi_get": Obj({"client_secret": STR}),
    "pi_list": Obj(
        {
            "created": _CREATED,
            "customer": STR,
            "customer_account": STR,
            "limit": INT,
            "starting_after": STR,
            "ending_before": STR,
        }
    ),
    "get": Obj({}),
    "list": Obj({"limit": INT, "starting_after": STR, "ending_before": STR}),
    "pi_search": Obj({"query": STR, "limit": INT, "page": STR}, ("query",)),
    "event_list": Obj(
        {
            "created": _CREATED,
            "delivery_success": BOOL,
            "type": STR,
            "types": List(STR),
            "limit": INT,
            "starting_after": STR,
            "ending_before": STR,
        }
    ),
    "refund_create": Obj(
        {
            "payment_intent": STR,
            "charge": STR,
            "amount": INT,
            "metadata": META,
            "reason": Enum("duplicate", "fraudulent", "requested_by_customer"),
            "refund_application_fee": BOOL,
            "reverse_transfer": BOOL,
        }
    ),
    "refund_list": Obj(
        {
            "payment_intent": STR,
            "charge": STR,
            "created": _CREATED,
            "limit": INT,
            "starting_after": STR,
            "ending_before": STR,
        }
    ),
    "location_create": Obj(
        {
            "display_name": STR,
            "display_name_kana": STR,
            "display_name_kanji": STR,
            "address": _ADDRESS,
            "metadata": META,
            "configuration_overrides": STR,
            "phone": STR,
        },
        ("display_name", "address"),
    ),
    "reader_create": Obj(
        {"registration_code": STR, "label": STR, "location": STR, "metadata": META}, ("registration_code",)
    ),
    "reader_update": Obj({"label": STR, "metadata": META}),
    "reader_list": Obj(
        {
            "device_type": STR,
            "location": STR,
            "serial_number": STR,
            "status": Enum("online", "offline"),
            "limit": INT,
            "starting_after": STR,
            "ending_before": STR,
        }
    ),
    "process_payment_intent": Obj(
        {
            "payment_intent": STR,
            "process_config": Obj(
                {
                    "skip_tipping": BOOL,
                    "tipping": _TIPPING,
                    "enable_customer_cancellation": BOOL,
                    "allow_redisplay": Enum("always", "limited", "unspecified"),
                    "return_url": STR,
                }
            ),
        },
        ("payment_intent",),
    ),
    "collect_payment_method": Obj(
        {
            "payment_intent": STR,
            "collect_config": Obj(
                {
                    "skip_tipping": BOOL,
                    "tipping": _TIPPING,
                    "enable_customer_cancellation": BOOL,
                    "allow_redisplay": Enum("always", "limited", "unspecified"),
                }
            ),
        },
        ("payment_intent",),
    ),
    "confirm_payment_intent": Obj(
        {"payment_intent": STR, "confirm_config": Obj({"return_url": STR})}, ("payment_intent",)
    ),
    "cancel_action": Obj({}),
    "set_reader_display": Obj(
        {
            "type": Enum("cart"),
            "cart": Obj(
                {
                    "currency": STR,
                    "line_items": List(
                        Obj(
                            {"description": STR, "amount": INT, "quantity": INT},
                            ("description", "amount", "quantity"),
                        )
                    ),
                    "tax": INT,
                    "total": INT,
                },
                ("currency", "line_items", "total"),
            ),
        },
        ("type",),
    ),
    "refund_payment": Obj(
        {
            "payment_intent": STR,
            "charge": STR,
            "amount": INT,
            "metadata": META,
            "refund_application_fee": BOOL,
            "refund_payment_config": Obj({"enable_customer_cancellation": BOOL}),
            "reverse_transfer": BOOL,
        }
    ),
    "present_payment_method": Obj(
        {
            "type": PM_TYPES,
            "amount_tip": INT,
            "card_present": Obj({"number": STR}),
            "interac_present": Obj({"number": STR}),
            "card": Obj(
                {"number": STR, "exp_month": INT, "exp_year": INT, "cvc": STR},
                ("number", "exp_month", "exp_year"),
            ),
        }
    ),
}


for _op, _names in UNSUPPORTED.items():
    mark_unsupported(SPECS[_op], _names)


@dataclass
class Fault:
    """One injected fault. ``kind``: ``status`` (answer ``status`` without executing), ``drop`` (execute,
    store, then close the connection without an answer), ``drop_before`` (close without executing),
    ``hang`` (execute if ``commit``, then keep the client waiting ``hang`` seconds, past its read timeout),
    ``reader_timeout`` (the reader gets the command, the answer is ``terminal_reader_timeout``),
    ``slow`` (execution itself takes ``hang`` s: a concurrent request with the same key is refused),
    ``error`` (Stripe's own ``status`` while executing, after the object was made if ``commit``: stored
    under the idempotency key like any result, so every retry with that key replays it for 24 h)."""

    method: str
    path: re.Pattern[str]
    kind: str
    times: int = 1
    status: int = 500
    hang: float = 1.0
    commit: bool = True


def _no_retry(status: int) -> dict[str, str]:
    """A 5xx saved under an idempotency key would only be replayed: Stripe tells its libraries not to
    retry it (stripe/stripe-python: ``stripe/_http_client.py``, ``_should_retry``)."""
    return {"Stripe-Should-Retry": "false"} if status >= 500 else {}


@dataclass
class _Pending:
    """What the simulated reader is doing: waiting for a card, or authorising one already tapped."""

    kind: str  # process | collect | confirm | refund
    pi_id: str | None
    stage: str = "awaiting_card"  # awaiting_card | authorizing
    config: dict[str, Any] | None = None
    refund_params: dict[str, Any] | None = None
    generation: int = 0


class _Server(ThreadingHTTPServer):
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True

    def __init__(self, addr: tuple[str, int], handler: type, sim: StripeSimulator) -> None:
        self.sim = sim
        self.connections: set[socket.socket] = set()
        self.conn_lock = threading.Lock()
        super().__init__(addr, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        log.debug("sim %s", format % args)

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        with self.server.conn_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            with self.server.conn_lock:
                self.server.connections.discard(self.connection)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        split = urlsplit(self.path)
        query = split.query if self.command in ("GET", "DELETE") else body
        status, payload, headers, action = self.server.sim._dispatch(
            self.command, split.path, query, {k.lower(): v for k, v in self.headers.items()}
        )
        if action == "drop":
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        data = json.dumps(payload, indent=2).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (read timeout): nothing to answer
            self.close_connection = True

    do_GET = do_POST = do_DELETE = _handle


_PI_OBJECT_ROUTES = frozenset({"pi_create", "pi_get", "pi_update", "pi_capture", "pi_cancel"})


def _now_ms(t: float) -> int:
    return int(t * 1000)


def _in_range(value: int, bounds: int | dict[str, int] | None) -> bool:
    """Stripe's ``created`` filter: an exact value or ``gt``/``gte``/``lt``/``lte`` bounds."""
    if bounds is None:
        return True
    if isinstance(bounds, int):
        return value == bounds
    checks = {
        "gt": lambda b: value > b,
        "gte": lambda b: value >= b,
        "lt": lambda b: value < b,
        "lte": lambda b: value <= b,
    }
    return all(checks[k](b) for k, b in bounds.items())


class StripeSimulator:
    """Start with ``sim = StripeSimulator().start()``; ``sim.url`` goes to ``base_addresses["api"]``.

    ``instant_result``: ``process_payment_intent``'s 200 already carries the outcome when a card is
    presented automatically (``auto_tap``) — as Stripe may answer when the payment completes quickly.
    """

    def __init__(
        self,
        *,
        api_keys: tuple[str, ...] = ("rk_test_simulator",),
        clock: Callable[[], float] = time.time,
        reader_error_status: int = 400,
        search_lag: float = 0.0,
        auth_delay: float = 0.0,
        instant_result: bool = False,
        limits: StripeLimits | None = None,
        webhook_retry: tuple[float, float, float] = LIVE_RETRY,
        webhook_time_scale: float = 1.0,
        rate_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``limits``: Stripe's rate limits, enforced (None: not enforced, only counted); ``rate_clock``
        the monotonic clock their buckets refill by (a test's own, to refill exactly when it says).
        ``webhook_retry``/``webhook_time_scale``: how failed webhook deliveries are retried (see
        ``hardware/stripe_sim/webhooks.py``)."""
        self._keys = set(api_keys)
        self._revoked: set[str] = set()
        self._restricted: dict[str, re.Pattern[str]] = {}
        self._clock = clock
        self._offset = 0.0
        self.reader_error_status = reader_error_status
        self.search_lag = search_lag
        self.auth_delay = auth_delay
        self.instant_result = instant_result
        self.latency = 0.0
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._faults: list[Fault] = []
        self._idem: dict[tuple[str, str], tuple[str, str, str, int, dict[str, Any], float]] = {}
        self._in_use: set[tuple[str, str]] = set()
        self.payment_intents: dict[str, dict[str, Any]] = {}
        self.readers: dict[str, dict[str, Any]] = {}
        self.locations: dict[str, dict[str, Any]] = {}
        self.refunds: dict[str, dict[str, Any]] = {}
        self.charges: dict[str, dict[str, Any]] = {}
        self._pi_created_at: dict[str, float] = {}
        self._pending: dict[str, _Pending] = {}
        self._cards: dict[str, dict[str, Any]] = {}  # pi id -> the card collected for it (two-step flow)
        self._busy: set[str] = set()
        self._offline: set[str] = set()
        self._auto_tap: tuple[str, float] | None = None
        self._seq = itertools.count()
        self._gen = itertools.count(1)
        self.requests: list[dict[str, Any]] = []
        self.authorized_at: dict[str, float] = {}  # pi id -> time.monotonic() of the authorisation
        # scheduler for delayed reader events (auto tap, authorisation delay)
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._timer_cv = threading.Condition(self._lock)
        self._timer_thread: threading.Thread | None = None
        self.limiter = RateLimiter(limits, rate_clock) if limits is not None else None
        self.rate_stats = self.limiter.stats if self.limiter is not None else RateStats()
        self.webhooks = Webhooks(self.now, retry=webhook_retry, time_scale=webhook_time_scale)
        self.tapped_at: dict[str, float] = {}  # pi id -> time.monotonic() of the card's tap
        self._hold_processing = False
        self._processing: dict[str, dict[str, Any]] = {}  # pi id -> the card its held authorisation is for
        self._ctx = threading.local()  # the request being served (events name it)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> StripeSimulator:
        self._server = _Server(("127.0.0.1", 0), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="stripe-sim-http"
        )
        self._thread.start()
        self._timer_thread = threading.Thread(target=self._run_timers, name="stripe-sim-timers")
        self._timer_thread.start()
        return self

    @property
    def url(self) -> str:
        assert self._server is not None, "simulator not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self._stopping.set()
        with self._timer_cv:
            self._timer_cv.notify_all()
        if self._server is not None:
            self._server.shutdown()
            with self._server.conn_lock:
                for conn in list(self._server.connections):
                    try:
                        conn.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
            self._server.server_close()  # joins the request threads
        for t in (self._thread, self._timer_thread):
            if t is not None:
                t.join()
        self.webhooks.stop()
        self._server = None

    def __enter__(self) -> StripeSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def now(self) -> float:
        return self._clock() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the simulator's clock forward (idempotency keys expire after 24 h)."""
        with self._lock:
            self._offset += seconds

    # ------------------------------------------------------------------ keys
    def revoke_key(self, key: str) -> None:
        with self._lock:
            self._revoked.add(key)

    def restrict_key(self, key: str, denied_paths: str) -> None:
        """Requests by ``key`` to paths matching the regex get 403 (a restricted key lacking permission)."""
        with self._lock:
            self._restricted[key] = re.compile(denied_paths)

    # ------------------------------------------------------------------ faults
    def set_latency(self, seconds: float) -> None:
        self.latency = seconds

    def inject(
        self,
        method: str,
        path: str,
        kind: str,
        *,
        times: int = 1,
        status: int = 500,
        hang: float = 1.0,
        commit: bool = True,
    ) -> Fault:
        fault = Fault(method.upper(), re.compile(path), kind, times, status, hang, commit)
        with self._lock:
            self._faults.append(fault)
        return fault

    def fail_with_status(
        self, path: str, *, status: int = 500, times: int = 1, method: str = "POST"
    ) -> Fault:
        """Answer ``status`` without executing (a 5xx in front of Stripe): safe to retry."""
        return self.inject(method, path, "status", times=times, status=status)

    def fail_while_executing(
        self, path: str, *, status: int = 500, commit: bool = False, times: int = 1, method: str = "POST"
    ) -> Fault:
        """Stripe fails with ``status`` once the endpoint began executing (after creating the object if
        ``commit``: the outcome of a 500 is unknown to the client). Like every executed result it is
        saved under the idempotency key: a retry with the same key gets the same 500 for 24 hours."""
        return self.inject(method, path, "error", times=times, status=status, commit=commit)

    def drop_response(self, path: str, *, times: int = 1, method: str = "POST") -> Fault:
        """Execute and commit, then close the connection: the client never hears the answer."""
        return self.inject(method, path, "drop", times=times)

    def read_timeout(
        self, path: str, *, hang: float, commit: bool = True, times: int = 1, method: str = "POST"
    ) -> Fault:
        """Execute (if ``commit``), then keep the client waiting ``hang`` s, past its read timeout."""
        return self.inject(method, path, "hang", times=times, hang=hang, commit=commit)

    def reader_timeout_false_negative(self, *, times: int = 1) -> Fault:
        """The next reader command reaches the reader, but the answer is ``terminal_reader_timeout``."""
        return self.inject(
            "POST",
            r"/v1/terminal/readers/[^/]+/(process_payment_intent|collect_payment_method|"
            r"confirm_payment_intent|refund_payment)$",
            "reader_timeout",
            times=times,
        )

    def set_reader_offline(self, reader_id: str, offline: bool = True) -> None:
        with self._lock:
            (self._offline.add if offline else self._offline.discard)(reader_id)
            self.readers[reader_id]["status"] = "offline" if offline else "online"

    def set_reader_busy(self, reader_id: str, busy: bool = True) -> None:
        """The reader is updating / a card is still inserted: every command gets ``terminal_reader_busy``."""
        with self._lock:
            (self._busy.add if busy else self._busy.discard)(reader_id)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()
            self._busy.clear()
            self.latency = 0.0
            for rid in list(self._offline):
                self.set_reader_offline(rid, False)

    def _take_fault(self, method: str, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method == method and fault.path.search(path) and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    # ------------------------------------------------------------------ demo helpers
    def auto_tap(self, card: str | None = VISA, delay: float = 1.5) -> None:
        """Demo mode: every payment the reader waits for gets ``card`` presented after ``delay`` s.
        ``auto_tap(None)`` turns it off."""
        with self._lock:
            self._auto_tap = None if card is None else (card, delay)

    def pending_reader(self) -> str | None:
        """The reader waiting for a card, if any (for the panel)."""
        with self._lock:
            for rid, p in self._pending.items():
                if p.stage == "awaiting_card":
                    return rid
        return None

    def tap(self, card: str = VISA, reader_id: str | None = None, *, amount_tip: int = 0) -> dict[str, Any]:
        """Present ``card`` on the reader waiting for one (as the test helper does)."""
        with self._lock:
            rid = reader_id or self._require_pending_reader()
            kind = "interac_present" if card == INTERAC else "card_present"
            return self._present(rid, {"type": kind, kind: {"number": card}, "amount_tip": amount_tip})

    def decline(self, decline_code: str = "generic_decline", reader_id: str | None = None) -> dict[str, Any]:
        """Present a card that the issuer declines with ``decline_code``."""
        number = next((n for n, (_c, d) in DECLINE_CARDS.items() if d == decline_code), None)
        if number is None:
            raise ValueError(f"no test card for {decline_code}; use a magic amount")
        return self.tap(number, reader_id)

    def customer_cancel(self, reader_id: str | None = None) -> dict[str, Any]:
        """The customer presses cancel on the reader (needs ``enable_customer_cancellation``)."""
        with self._lock:
            rid = reader_id or self._require_pending_reader()
            p = self._pending[rid]
            cfg = p.config or {}
            if not cfg.get("enable_customer_cancellation"):
                raise RuntimeError("customer cancellation is not enabled for this action")
            self._fail_action(rid, "customer_canceled", "The customer canceled the action.", None)
            return self._reader_json(rid)

    def time_out(self, reader_id: str | None = None) -> dict[str, Any]:
        """Nobody presents a card: the reader gives up waiting."""
        with self._lock:
            rid = reader_id or self._require_pending_reader()
            self._fail_action(rid, "card_read_timed_out", "The reader timed out waiting for a card.", None)
            return self._reader_json(rid)

    def hold_processing(self, hold: bool = True) -> None:
        """From now on (until ``hold_processing(False)``) a card the issuer would approve stays
        ``processing`` at Stripe after the tap: the reader has read the card and sent it, so its action
        succeeds (``terminal.reader.action_succeeded``), and the PaymentIntent is ``processing`` (Stripe:
        "in the middle of full EMV processing"; event ``payment_intent.processing``) until
        ``finish_processing``. A card the issuer declines is declined at the tap as before."""
        with self._lock:
            self._hold_processing = hold

    def finish_processing(self, pi_id: str | None = None) -> dict[str, Any]:
        """Stripe finishes a PaymentIntent held ``processing`` (``pi_id``, or the only one): authorised
        (``requires_capture``, event ``payment_intent.amount_capturable_updated``), or captured at once
        for automatic capture and Interac (``succeeded``, ``payment_intent.succeeded``). Returns the
        PaymentIntent as Stripe would answer it."""
        with self._lock:
            if pi_id is None:
                if len(self._processing) != 1:
                    raise RuntimeError(f"{len(self._processing)} PaymentIntents are processing; name one")
                pi_id = next(iter(self._processing))
            card = self._processing.pop(pi_id, None)
            if card is None or self.payment_intents[pi_id]["status"] != "processing":
                raise RuntimeError(f"PaymentIntent {pi_id} is not processing")
            self._settle_authorisation(self.payment_intents[pi_id], card)
            return self._pi_json(pi_id)

    def _require_pending_reader(self) -> str:
        rid = self.pending_reader()
        if rid is None:
            raise RuntimeError("no reader is waiting for a card")
        return rid

    # ------------------------------------------------------------------ direct setup (no HTTP)
    def create_location(self, display_name: str = "Store", country: str = "US") -> str:
        with self._lock:
            return self._location_create(
                {
                    "display_name": display_name,
                    "address": {
                        "country": country,
                        "line1": "1 Main St",
                        "city": "Springfield",
                        "postal_code": "12345",
                        "state": "CA" if country == "US" else "ON",
                    },
                }
            )["id"]

    def register_reader(
        self,
        registration_code: str = "simulated-wpe",
        location: str | None = None,
        label: str = "Till reader",
    ) -> str:
        with self._lock:
            return self._reader_create(
                {"registration_code": registration_code, "location": location, "label": label}
            )["id"]

    def paid_intent(
        self, amount: int, currency: str, *, card: str = VISA, metadata: dict[str, str] | None = None
    ) -> str:
        """A PaymentIntent already paid and captured, made directly (no reader): an online order paid on
        the web in the demo, or an earlier payment a test refunds. Returns its id."""
        with self._lock:
            kind = "interac_present" if card == INTERAC else "card_present"
            pi_id = self._r_pi_create(
                {
                    "amount": str(amount),
                    "currency": currency.lower(),
                    "capture_method": "automatic",
                    "allowed_payment_method_types": [kind],
                    "metadata": dict(metadata or {}),
                },
                None,
            )["id"]
            pi = self.payment_intents[pi_id]
            charge_id = self._id("ch")
            self.charges[charge_id] = {
                "id": charge_id,
                "payment_intent": pi_id,
                "amount": amount,
                "currency": pi["currency"],
                "captured": True,
                "amount_captured": amount,
                "amount_refunded": 0,
                "payment_method_type": kind,
                "capture_before": int(self.now()) + 2 * 86400,
                "paid": True,
                "created": int(self.now()),
                "payment_method": self._pm_id(pi, {"number": card, "kind": kind, "tip": 0}),
                "failure_code": None,
                "failure_message": None,
            }
            pi.update(
                status="succeeded",
                latest_charge=charge_id,
                amount_received=amount,
                payment_method=self.charges[charge_id]["payment_method"],
            )
            return pi_id

    def count_requests(self, method: str, path_regex: str) -> int:
        pat = re.compile(path_regex)
        with self._lock:
            return sum(1 for r in self.requests if r["method"] == method and pat.search(r["path"]))

    # ------------------------------------------------------------------ timers
    def _schedule(self, delay: float, fn: Callable[[], None]) -> None:
        with self._timer_cv:
            heapq.heappush(self._timers, (time.monotonic() + delay, next(self._seq), fn))
            self._timer_cv.notify_all()

    def _run_timers(self) -> None:
        with self._timer_cv:
            while not self._stopping.is_set():
                if not self._timers:
                    self._timer_cv.wait()
                    continue
                due = self._timers[0][0] - time.monotonic()
                if due > 0:
                    self._timer_cv.wait(due)
                    continue
                _t, _n, fn = heapq.heappop(self._timers)
                try:
                    fn()
                except Exception:  # a timer must never kill the scheduler
                    log.exception("simulator timer failed")

    # ------------------------------------------------------------------ HTTP dispatch
    def _id(self, prefix: str) -> str:
        return f"{prefix}_{secrets.token_hex(12)}"

    def _dispatch(
        self, method: str, path: str, query: str, headers: dict[str, str]
    ) -> tuple[int, dict[str, Any], dict[str, str], str | None]:
        req_id = self._id("req")
        out_headers = {"Request-Id": req_id, "Stripe-Version": headers.get("stripe-version", API_VERSION)}
        if self.latency:
            self._stopping.wait(self.latency)
        record: dict[str, Any] = {
            "method": method,
            "path": path,
            "idempotency_key": headers.get("idempotency-key"),
            "stripe_version": headers.get("stripe-version"),
            "received": time.monotonic(),
        }
        with self._lock:
            self.requests.append(record)
        self._ctx.request = {"id": req_id, "idempotency_key": headers.get("idempotency-key")}
        try:
            key = self._authenticate(headers, path)
            limited = self._rate_limited(method, path)
            if limited is not None:
                record["status"] = 429
                out_headers["Stripe-Rate-Limited-Reason"] = limited
                return 429, ApiError(429, RATE_LIMIT_MESSAGE, code="rate_limit").body(), out_headers, None
            fault = self._take_fault(method, path)
            if fault is not None and fault.kind == "status":
                record["status"] = fault.status
                return (
                    fault.status,
                    ApiError(fault.status, "An unknown error occurred", type="api_error").body(),
                    out_headers,
                    None,
                )
            if fault is not None and fault.kind == "drop_before":
                return 0, {}, {}, "drop"
            try:
                params = decode_form(query)
            except FormError as e:
                raise invalid(str(e), param=e.param) from None
            record["params"] = params
            status, payload, extra = self._idempotent(method, path, params, key, headers, fault)
            out_headers.update(extra)
        except ApiError as e:
            status, payload = e.status, e.body()
            out_headers.update(e.headers)
            fault = None
        except Exception:  # a simulator bug must still answer like Stripe would
            log.exception("simulator failed on %s %s", method, path)
            status, payload, fault = (
                500,
                ApiError(500, "An unknown error occurred", type="api_error").body(),
                None,
            )
        finally:
            self._ctx.request = None
        record["status"] = status
        if fault is not None and fault.kind == "drop":
            return status, payload, out_headers, "drop"
        if fault is not None and fault.kind == "hang":
            self._stopping.wait(fault.hang)
        return status, payload, out_headers, None

    def _endpoint(self, method: str, path: str) -> str:
        """The API operation a request is for, as Stripe counts endpoints: ``GET /v1/payment_intents/{id}``
        is one endpoint whichever PaymentIntent it reads."""
        for m, pat, _name in self._ROUTES:
            match = pat.match(path)
            if match and m == method:
                template = path
                for group, value in match.groupdict().items():
                    if group == "id":
                        template = template.replace(f"/{value}", "/{id}", 1)
                return f"{method} {template}"
        return f"{method} {path}"

    def _rate_limited(self, method: str, path: str) -> str | None:
        """Stripe's reason (``endpoint-rate``/``global-rate``) when this request is over a limit."""
        endpoint = self._endpoint(method, path)
        if self.limiter is None:
            self.rate_stats.record(endpoint, None)
            return None
        return self.limiter.admit(endpoint)

    def rate_limit_stats(self) -> dict[str, Any]:
        """Requests admitted and refused per endpoint, and the busiest second of the account and of each
        endpoint (load tests read this)."""
        return self.rate_stats.snapshot()

    # ------------------------------------------------------------------ events and webhooks
    def add_webhook_endpoint(
        self, url: str, secret: str | None = None, events: tuple[str, ...] = ("*",)
    ) -> str:
        """Deliver events to ``url`` (signed); returns the endpoint's secret (``whsec_…``)."""
        return self.webhooks.add_endpoint(url, secret, events)

    def _emit(self, event_type: str, obj: dict[str, Any]) -> None:
        self.webhooks.emit(event_type, obj, getattr(self._ctx, "request", None), API_VERSION)

    def _emit_pi(self, event_type: str, pi_id: str) -> None:
        self._emit(event_type, self._pi_json(pi_id))

    def _emit_action(self, rid: str) -> None:
        action = self.readers[rid]["action"]
        if action is not None and action["status"] in ("succeeded", "failed"):
            self._emit(f"terminal.reader.action_{action['status']}", self._reader_json(rid))

    def _authenticate(self, headers: dict[str, str], path: str) -> str:
        auth = headers.get("authorization", "")
        if not auth.startswith("Bearer "):
            raise ApiError(401, "You did not provide an API key.", store=False)
        key = auth[len("Bearer ") :]
        with self._lock:
            if key in self._revoked:
                raise ApiError(401, "Expired API Key provided: rk_***", code="api_key_expired", store=False)
            if key not in self._keys:
                raise ApiError(401, f"Invalid API Key provided: {key[:8]}***", store=False)
            denied = self._restricted.get(key)
        if denied is not None and denied.search(path):
            raise ApiError(
                403,
                "The provided key does not have the required permissions for this endpoint.",
                type="invalid_request_error",
                store=False,
            )
        return key

    def _idempotent(
        self,
        method: str,
        path: str,
        params: dict[str, Any],
        api_key: str,
        headers: dict[str, str],
        fault: Fault | None,
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        idem = headers.get("idempotency-key") if method == "POST" else None
        canon = json.dumps(params, sort_keys=True)
        if idem is not None:
            if len(idem) > 255:
                raise invalid("Idempotency keys may be at most 255 characters", param="Idempotency-Key")
            slot = (api_key, idem)
            with self._lock:
                stored = self._idem.get(slot)
                if stored is not None and self.now() - stored[5] > IDEMPOTENCY_TTL:
                    del self._idem[slot]
                    stored = None
                if stored is not None:
                    s_method, s_path, s_canon, s_status, s_body, _at = stored
                    if (s_method, s_path, s_canon) != (method, path, canon):
                        raise ApiError(
                            400,
                            "Keys for idempotent requests can only be used with the same "
                            "parameters they were first used with. Try using a key other than "
                            f"'{idem}' if you meant to execute a different request.",
                            type="idempotency_error",
                            store=False,
                        )
                    replayed = {"Idempotent-Replayed": "true", "Idempotency-Key": idem}
                    return s_status, s_body, replayed | _no_retry(s_status)
                if slot in self._in_use:
                    raise ApiError(
                        409,
                        "There is currently another in-progress request using this Stripe "
                        "API Key and Idempotency Key.",
                        code="idempotency_key_in_use",
                        store=False,
                        headers={"Stripe-Should-Retry": "true"},
                    )
                self._in_use.add(slot)
        try:
            try:
                if fault is not None and fault.kind == "slow":
                    self._stopping.wait(fault.hang)  # executing (the key is in use) for a while
                if fault is not None and fault.kind == "hang" and not fault.commit:
                    raise ApiError(500, "The request was not processed.", type="api_error", store=False)
                if fault is not None and fault.kind == "error":
                    if fault.commit:
                        self._route(method, path, params, fault)
                    raise ApiError(fault.status, "An unknown error occurred", type="api_error")
                status, body = 200, self._route(method, path, params, fault)
            except ApiError as e:
                if not e.store:
                    raise
                status, body = e.status, e.body()
            if idem is not None:
                with self._lock:
                    self._idem[(api_key, idem)] = (method, path, canon, status, body, self.now())
            return status, body, ({"Idempotency-Key": idem} | _no_retry(status) if idem else {})
        finally:
            if idem is not None:
                with self._lock:
                    self._in_use.discard((api_key, idem))

    _ROUTES: list[tuple[str, re.Pattern[str], str]] = [
        ("POST", re.compile(r"^/v1/payment_intents$"), "pi_create"),
        ("GET", re.compile(r"^/v1/payment_intents$"), "pi_list"),
        ("GET", re.compile(r"^/v1/payment_intents/search$"), "pi_search"),
        ("GET", re.compile(r"^/v1/events$"), "event_list"),
        ("GET", re.compile(r"^/v1/events/(?P<id>[^/]+)$"), "event_get"),
        ("GET", re.compile(r"^/v1/payment_intents/(?P<id>[^/]+)$"), "pi_get"),
        ("POST", re.compile(r"^/v1/payment_intents/(?P<id>[^/]+)$"), "pi_update"),
        ("POST", re.compile(r"^/v1/payment_intents/(?P<id>[^/]+)/capture$"), "pi_capture"),
        ("POST", re.compile(r"^/v1/payment_intents/(?P<id>[^/]+)/cancel$"), "pi_cancel"),
        ("POST", re.compile(r"^/v1/refunds$"), "refund_create"),
        ("GET", re.compile(r"^/v1/refunds$"), "refund_list"),
        ("GET", re.compile(r"^/v1/refunds/(?P<id>[^/]+)$"), "refund_get"),
        ("POST", re.compile(r"^/v1/terminal/locations$"), "location_create"),
        ("GET", re.compile(r"^/v1/terminal/locations$"), "location_list"),
        ("GET", re.compile(r"^/v1/terminal/locations/(?P<id>[^/]+)$"), "location_get"),
        ("POST", re.compile(r"^/v1/terminal/readers$"), "reader_create"),
        ("GET", re.compile(r"^/v1/terminal/readers$"), "reader_list"),
        ("GET", re.compile(r"^/v1/terminal/readers/(?P<id>[^/]+)$"), "reader_get"),
        ("POST", re.compile(r"^/v1/terminal/readers/(?P<id>[^/]+)$"), "reader_update"),
        ("DELETE", re.compile(r"^/v1/terminal/readers/(?P<id>[^/]+)$"), "reader_delete"),
        (
            "POST",
            re.compile(
                r"^/v1/terminal/readers/(?P<id>[^/]+)/(?P<action>process_payment_intent|"
                r"collect_payment_method|confirm_payment_intent|cancel_action|set_reader_display|"
                r"refund_payment)$"
            ),
            "reader_action",
        ),
        (
            "POST",
            re.compile(r"^/v1/test_helpers/terminal/readers/(?P<id>[^/]+)/present_payment_method$"),
            "present",
        ),
    ]

    def _route(self, method: str, path: str, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        for m, pat, name in self._ROUTES:
            match = pat.match(path)
            if match and m == method:
                expand = params.get("expand")
                with self._lock:
                    self._check_expand(name, expand)
                    body = getattr(self, f"_r_{name}")(params, fault, **match.groupdict())
                    wanted = name in _PI_OBJECT_ROUTES and "latest_charge" in (expand or [])
                    if wanted and body["latest_charge"]:
                        body["latest_charge"] = self._charge_json(body["latest_charge"])
                    if name == "pi_list" and "data.latest_charge" in (expand or []):
                        for item in body["data"]:
                            if item["latest_charge"]:
                                item["latest_charge"] = self._charge_json(item["latest_charge"])
                    return body
        raise ApiError(404, f"Unrecognized request URL ({method}: {path}).", store=False)

    @staticmethod
    def _check_expand(route: str, expand: Any) -> None:
        """``expand[]=latest_charge`` on an endpoint that returns one PaymentIntent is what the simulator
        expands (and ``data.latest_charge`` on the PaymentIntent list); anything else is refused with a clear
        message instead of being ignored."""
        if not isinstance(expand, list):
            return  # absent, or malformed: the endpoint's parameter check answers that
        for i, field in enumerate(expand):
            listed = route == "pi_list" and field == "data.latest_charge"
            if not listed and (route not in _PI_OBJECT_ROUTES or field != "latest_charge"):
                raise invalid(
                    f"The simulator does not expand {field!r} here; it expands latest_charge on "
                    "PaymentIntent responses.",
                    param=f"expand[{i}]",
                )

    # ------------------------------------------------------------------ objects
    def _pi(self, pi_id: str) -> dict[str, Any]:
        pi = self.payment_intents.get(pi_id)
        if pi is None:
            raise ApiError(404, f"No such payment_intent: '{pi_id}'", code="resource_missing", param="intent")
        return pi

    def _reader(self, rid: str) -> dict[str, Any]:
        reader = self.readers.get(rid)
        if reader is None or reader.get("_deleted"):
            raise ApiError(404, f"No such terminal.reader: '{rid}'", code="resource_missing", param="reader")
        return reader

    def _reader_json(self, rid: str) -> dict[str, Any]:
        reader = self._reader(rid)
        out = {k: v for k, v in reader.items() if not k.startswith("_")}
        out["last_seen_at"] = None if rid in self._offline else _now_ms(self.now())
        if out["action"] is not None:
            out["action"] = {"api_error": None, **out["action"]}  # null unless an API error failed it
        return json.loads(json.dumps(out))

    def _pi_json(self, pi_id: str) -> dict[str, Any]:
        return json.loads(json.dumps(self._pi(pi_id)))

    def _charge_json(self, charge_id: str) -> dict[str, Any]:
        """The Charge as Stripe returns it (``expand[]=latest_charge``); the card itself is not in it."""
        c = self.charges[charge_id]
        pi = self.payment_intents[c["payment_intent"]]
        refunds = [r for r in self.refunds.values() if r["charge"] == charge_id]
        nulls = (
            "application",
            "application_fee",
            "application_fee_amount",
            "balance_transaction",
            "calculated_statement_descriptor",
            "customer",
            "failure_balance_transaction",
            "fraud_details",
            "on_behalf_of",
            "outcome",
            "payment_method_details",
            "receipt_email",
            "receipt_number",
            "receipt_url",
            "review",
            "shipping",
            "source_transfer",
            "statement_descriptor",
            "statement_descriptor_suffix",
            "transfer_data",
            "transfer_group",
        )
        charge: dict[str, Any] = dict.fromkeys(nulls)
        charge.update(
            id=charge_id,
            object="charge",
            amount=c["amount"],
            amount_captured=c["amount_captured"],
            amount_refunded=c["amount_refunded"],
            billing_details={"address": None, "email": None, "name": None, "phone": None, "tax_id": None},
            captured=c["captured"],
            created=c["created"],
            currency=c["currency"],
            description=pi["description"],
            disputed=False,
            failure_code=c["failure_code"],
            failure_message=c["failure_message"],
            livemode=False,
            metadata={},
            paid=c["paid"],
            payment_intent=pi["id"],
            payment_method=c["payment_method"],
            refunded=c["captured"] and c["amount_refunded"] >= c["amount_captured"],
            refunds={
                "object": "list",
                "data": refunds,
                "has_more": False,
                "url": f"/v1/charges/{charge_id}/refunds",
            },
            status="succeeded" if c["paid"] else "failed",
        )
        return json.loads(json.dumps(charge))

    def _list(self, items: list[dict[str, Any]], params: dict[str, Any], url: str) -> dict[str, Any]:
        limit = params.get("limit", 10)
        if not 1 <= limit <= 100:
            raise invalid("limit must be between 1 and 100", code="parameter_invalid_integer", param="limit")
        items = sorted(items, key=lambda o: (-o.get("created", 0), o["id"]))
        ids = [o["id"] for o in items]
        if params.get("starting_after") in ids:
            items = items[ids.index(params["starting_after"]) + 1 :]
        elif params.get("ending_before") in ids:
            i = ids.index(params["ending_before"])
            items = items[max(0, i - limit) : i]
        return {"object": "list", "data": items[:limit], "has_more": len(items) > limit, "url": url}

    # ------------------------------------------------------------------ PaymentIntents
    def _r_pi_create(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        # endive: ``payment_method_types`` is no parameter of this API version any more, so it is
        # refused as unknown (``allowed_payment_method_types`` replaces it)
        p = parse(params, SPECS["pi_create"])
        currency = p["currency"].lower()
        if not re.fullmatch(r"[a-z]{3}", currency):
            raise invalid(f"Invalid currency: {p['currency']}", param="currency")
        minimum = 50 if currency not in ZERO_DECIMAL else 1
        if p["amount"] < minimum:
            raise invalid("Amount must be at least $0.50 usd", code="amount_too_small", param="amount")
        types = p.get("allowed_payment_method_types") or ["card_present"]
        capture_method = p.get("capture_method", "automatic_async")
        pi_id = self._id("pi")
        now = int(self.now())
        pmo: dict[str, Any] = {}
        if "card_present" in types:
            cp = (p.get("payment_method_options") or {}).get("card_present", {})
            pmo["card_present"] = {
                "request_extended_authorization": cp.get("request_extended_authorization", False),
                "request_incremental_authorization_support": cp.get(
                    "request_incremental_authorization_support", False
                ),
            }
            if "capture_method" in cp:
                pmo["card_present"]["capture_method"] = cp["capture_method"]
        if "interac_present" in types:
            pmo["interac_present"] = {}
        pi = {
            "id": pi_id,
            "object": "payment_intent",
            "allowed_payment_method_types": p.get("allowed_payment_method_types"),
            "amount": p["amount"],
            "amount_capturable": 0,
            "amount_details": {"tip": {}},
            "amount_received": 0,
            "application": None,
            "application_fee_amount": None,
            "automatic_payment_methods": None,
            "canceled_at": None,
            "cancellation_reason": None,
            "capture_method": capture_method,
            "client_secret": f"{pi_id}_secret_{secrets.token_hex(8)}",
            "confirmation_method": "automatic",
            "created": now,
            "currency": currency,
            "customer": None,
            "customer_account": None,
            "description": p.get("description"),
            "excluded_payment_method_types": None,
            "last_payment_error": None,
            "latest_charge": None,
            "livemode": False,
            "managed_payments": None,
            "metadata": p.get("metadata", {}),
            "next_action": None,
            "on_behalf_of": None,
            "payment_method": None,
            "payment_method_configuration_details": None,
            "payment_method_options": pmo,
            "payment_method_types": list(types),
            "processing": None,
            "receipt_email": p.get("receipt_email"),
            "review": None,
            "setup_future_usage": None,
            "shipping": None,
            "statement_descriptor": p.get("statement_descriptor"),
            "statement_descriptor_suffix": p.get("statement_descriptor_suffix"),
            "status": "requires_payment_method",
            "transfer_data": None,
            "transfer_group": None,
        }
        self.payment_intents[pi_id] = pi
        self._pi_created_at[pi_id] = self.now()
        self._emit_pi("payment_intent.created", pi_id)
        return self._pi_json(pi_id)

    def _r_pi_get(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        parse(params, SPECS["pi_get"])
        return self._pi_json(id)

    def _r_pi_update(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        p = parse(params, SPECS["pi_update"])
        pi = self._pi(id)
        if "metadata" in p:
            pi["metadata"].update(p["metadata"])
        if "description" in p:
            pi["description"] = p["description"]
        return self._pi_json(id)

    def _r_pi_list(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["pi_list"])
        items = [
            self._pi_json(i)
            for i, pi in self.payment_intents.items()
            if _in_range(pi["created"], p.get("created"))
            and all(not p.get(f) or pi.get(f) == p[f] for f in ("customer", "customer_account"))
        ]
        return self._list(items, p, "/v1/payment_intents")

    def _r_pi_search(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["pi_search"])
        clauses = [c.strip() for c in re.split(r"\s+AND\s+", p["query"])]
        tests: list[Callable[[dict[str, Any]], bool]] = []
        for clause in clauses:
            m = re.fullmatch(r"metadata\[['\"]([^'\"]+)['\"]\]:['\"]([^'\"]*)['\"]", clause)
            s = re.fullmatch(r"status:['\"]([a-z_]+)['\"]", clause)
            if m:
                k, v = m.groups()
                tests.append(lambda pi, k=k, v=v: pi["metadata"].get(k) == v)
            elif s:
                tests.append(lambda pi, st=s.group(1): pi["status"] == st)
            else:
                raise invalid(f"Unsupported search query clause: {clause}", param="query")
        visible_before = self.now() - self.search_lag
        hits = [
            self._pi_json(i)
            for i, pi in self.payment_intents.items()
            if self._pi_created_at[i] <= visible_before and all(t(pi) for t in tests)
        ]
        hits.sort(key=lambda o: -o["created"])
        limit = p.get("limit", 10)
        return {
            "object": "search_result",
            "data": hits[:limit],
            "has_more": len(hits) > limit,
            "next_page": None,
            "url": "/v1/payment_intents/search",
        }

    def _r_pi_capture(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        p = parse(params, SPECS["pi_capture"])
        pi = self._pi(id)
        if pi["status"] != "requires_capture":
            raise ApiError(
                400,
                "This PaymentIntent could not be captured because it has a status of "
                f"{pi['status']}. Only a PaymentIntent with one of the following statuses may be "
                "captured: requires_capture.",
                code="payment_intent_unexpected_state",
                extra={"payment_intent": self._pi_json(id)},
            )
        amount = p.get("amount_to_capture", pi["amount_capturable"])
        if amount > pi["amount_capturable"] or amount < 0:
            raise invalid(
                "amount_to_capture must be <= amount_capturable",
                code="amount_too_large",
                param="amount_to_capture",
            )
        pi.update(status="succeeded", amount_received=amount, amount_capturable=0)
        pi["metadata"].update(p.get("metadata", {}))
        charge = self.charges[pi["latest_charge"]]
        charge.update(captured=True, amount_captured=amount)
        self._emit_pi("payment_intent.succeeded", id)
        return self._pi_json(id)

    def _r_pi_cancel(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        p = parse(params, SPECS["pi_cancel"])
        pi = self._pi(id)
        if pi["status"] in ("succeeded", "canceled"):
            raise ApiError(
                400,
                "You cannot cancel this PaymentIntent because it has a status of "
                f"{pi['status']}. Only a PaymentIntent with one of the following statuses may be "
                "canceled: requires_payment_method, requires_capture, requires_confirmation, "
                "requires_action, processing.",
                code="payment_intent_unexpected_state",
                extra={"payment_intent": self._pi_json(id)},
            )
        pi.update(
            status="canceled",
            canceled_at=int(self.now()),
            amount_capturable=0,
            cancellation_reason=p.get("cancellation_reason"),
        )
        self._processing.pop(id, None)  # a held authorisation ends with the PaymentIntent
        self._emit_pi("payment_intent.canceled", id)
        for rid, pending in list(self._pending.items()):
            if pending.pi_id == id and pending.stage == "awaiting_card":
                self._fail_action(rid, "intent_invalid_state", "The PaymentIntent was canceled.", None)
        return self._pi_json(id)

    # ------------------------------------------------------------------ events
    def _r_event_list(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["event_list"])
        if "type" in p and "types" in p:
            raise invalid("You may pass either `type` or `types`, but not both.", param="types")
        types = p.get("types")
        if types is not None and len(types) > 20:
            raise invalid("You may pass at most 20 values for types.", param="types")
        pattern = p.get("type")
        wanted: Callable[[str], bool]
        if types is not None:
            wanted = lambda t: t in types  # noqa: E731
        elif pattern is not None:
            rx = re.compile("^" + re.escape(pattern).replace(r"\*", ".*") + "$")
            wanted = lambda t: rx.match(t) is not None  # noqa: E731
        else:
            wanted = lambda t: True  # noqa: E731
        oldest = self.now() - 30 * 86400  # events go back 30 days
        items = [
            e
            for e in self.webhooks.snapshot()
            if e["created"] >= oldest
            and wanted(e["type"])
            and _in_range(e["created"], p.get("created"))
            and ("delivery_success" not in p or (e["pending_webhooks"] == 0) == p["delivery_success"])
        ]
        return self._list(items, p, "/v1/events")

    def _r_event_get(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        parse(params, SPECS["get"])
        event = self.webhooks.get(id)
        if event is None:
            raise ApiError(404, f"No such event: '{id}'", code="resource_missing", param="id")
        return event

    # ------------------------------------------------------------------ refunds
    def _r_refund_create(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["refund_create"])
        charge = self._charge_for(p)
        if charge["payment_method_type"] == "interac_present":
            raise invalid(
                "Interac payments can only be refunded in person, on the reader (refund_payment).",
                code="charge_not_refundable",
                param="payment_intent",
            )
        refund = self._make_refund(charge, p)
        return refund

    def _charge_for(self, p: dict[str, Any]) -> dict[str, Any]:
        if p.get("payment_intent"):
            pi = self._pi(p["payment_intent"])
            if pi["status"] != "succeeded" or not pi["latest_charge"]:
                raise ApiError(
                    400,
                    f"This PaymentIntent ({pi['id']}) does not have a successful charge to refund.",
                    code="charge_not_refundable"
                    if pi["latest_charge"]
                    else "payment_intent_unexpected_state",
                    param="payment_intent",
                )
            return self.charges[pi["latest_charge"]]
        if p.get("charge"):
            charge = self.charges.get(p["charge"])
            if charge is None:
                raise ApiError(
                    404, f"No such charge: '{p['charge']}'", code="resource_missing", param="charge"
                )
            if not charge["captured"]:
                raise ApiError(
                    400, "This charge is not captured.", code="charge_not_refundable", param="charge"
                )
            return charge
        raise invalid(
            "One of `payment_intent` or `charge` is required.",
            code="parameter_missing",
            param="payment_intent",
        )

    def _make_refund(self, charge: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
        remaining = charge["amount_captured"] - charge["amount_refunded"]
        if remaining <= 0:
            raise ApiError(
                400,
                f"Charge {charge['id']} has already been refunded.",
                code="charge_already_refunded",
                param="charge",
            )
        amount = p.get("amount", remaining)
        if amount <= 0 or amount > remaining:
            raise ApiError(
                400,
                f"Refund amount ({amount}) is greater than unrefunded amount on charge ({remaining})",
                code="amount_too_large",
                param="amount",
            )
        charge["amount_refunded"] += amount
        rid = self._id("re")
        refund = {
            "id": rid,
            "object": "refund",
            "amount": amount,
            "balance_transaction": self._id("txn"),
            "charge": charge["id"],
            "created": int(self.now()),
            "currency": charge["currency"],
            "customer": None,
            "customer_account": None,
            "metadata": p.get("metadata", {}),
            "payment_intent": charge["payment_intent"],
            "payment_method": charge["payment_method"],
            "reason": p.get("reason"),
            "receipt_number": None,
            "source_transfer_reversal": None,
            "status": "succeeded",
            "transfer_reversal": None,
        }
        self.refunds[rid] = refund
        return json.loads(json.dumps(refund))

    def _r_refund_get(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        parse(params, SPECS["get"])
        if id not in self.refunds:
            raise ApiError(404, f"No such refund: '{id}'", code="resource_missing", param="id")
        return json.loads(json.dumps(self.refunds[id]))

    def _r_refund_list(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["refund_list"])
        items = [
            r
            for r in self.refunds.values()
            if (not p.get("payment_intent") or r["payment_intent"] == p["payment_intent"])
            and (not p.get("charge") or r["charge"] == p["charge"])
            and _in_range(r["created"], p.get("created"))
        ]
        return self._list(json.loads(json.dumps(items)), p, "/v1/refunds")

    # ------------------------------------------------------------------ locations and readers
    def _location_create(self, p: dict[str, Any]) -> dict[str, Any]:
        lid = self._id("tml")
        addr = {k: None for k in ("city", "country", "line1", "line2", "postal_code", "state")}
        addr.update(p["address"])
        loc = {
            "id": lid,
            "object": "terminal.location",
            "address": addr,
            "display_name": p["display_name"],
            "livemode": False,
            "metadata": p.get("metadata", {}),
            "_created": next(self._seq),
        }
        for opt in ("configuration_overrides", "display_name_kana", "display_name_kanji", "phone"):
            if p.get(opt):
                loc[opt] = p[opt]
        self.locations[lid] = loc
        return {k: v for k, v in loc.items() if not k.startswith("_")}

    def _r_location_create(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        return self._location_create(parse(params, SPECS["location_create"]))

    def _r_location_get(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        parse(params, SPECS["get"])
        if id not in self.locations:
            raise ApiError(
                404, f"No such terminal.location: '{id}'", code="resource_missing", param="location"
            )
        return {k: v for k, v in self.locations[id].items() if not k.startswith("_")}

    def _r_location_list(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["list"])
        items = [{k: v for k, v in loc.items() if not k.startswith("_")} for loc in self.locations.values()]
        return self._list(items, p, "/v1/terminal/locations")

    def _reader_create(self, p: dict[str, Any]) -> dict[str, Any]:
        code = p["registration_code"]
        if code not in REGISTRATION_CODES:
            raise ApiError(400, "The registration code is invalid or has expired.", param="registration_code")
        if p.get("location") and p["location"] not in self.locations:
            raise ApiError(
                404,
                f"No such terminal.location: '{p['location']}'",
                code="resource_missing",
                param="location",
            )
        device_type, serial_prefix = REGISTRATION_CODES[code]
        rid = self._id("tmr")
        self.readers[rid] = {
            "id": rid,
            "object": "terminal.reader",
            "action": None,
            "device_sw_version": "2.28.2.0",
            "device_type": device_type,
            "ip_address": "0.0.0.0",
            "label": p.get("label") or rid,
            "last_seen_at": None,
            "livemode": False,
            "location": p.get("location"),
            "metadata": p.get("metadata", {}),
            "serial_number": f"{serial_prefix}-{secrets.token_hex(8)}",
            "status": "online",
            "_created": next(self._seq),
        }
        return self._reader_json(rid)

    def _r_reader_create(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        return self._reader_create(parse(params, SPECS["reader_create"]))

    def _r_reader_get(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        parse(params, SPECS["get"])
        reader = self.readers.get(id)
        if reader is not None and reader.get("_deleted"):
            return self._deleted_reader(reader)  # Stripe answers a deleted reader with its stub
        return self._reader_json(id)

    @staticmethod
    def _deleted_reader(reader: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": reader["id"],
            "object": "terminal.reader",
            "deleted": True,
            "device_type": reader["device_type"],
            "serial_number": reader["serial_number"],
        }

    def _r_reader_update(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        p = parse(params, SPECS["reader_update"])
        reader = self._reader(id)
        if "label" in p:
            reader["label"] = p["label"]
        if "metadata" in p:
            reader["metadata"].update(p["metadata"])
        return self._reader_json(id)

    def _r_reader_delete(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        parse(params, SPECS["get"])
        reader = self._reader(id)
        reader["_deleted"] = True
        return self._deleted_reader(reader)

    def _r_reader_list(self, params: dict[str, Any], fault: Fault | None) -> dict[str, Any]:
        p = parse(params, SPECS["reader_list"])
        items = []
        for rid, r in self.readers.items():
            if r.get("_deleted"):
                continue
            if any(p.get(f) and r[f] != p[f] for f in ("device_type", "location", "serial_number", "status")):
                continue
            items.append(self._reader_json(rid))
        for it in items:
            it["created"] = self.readers[it["id"]]["_created"]
        out = self._list(items, p, "/v1/terminal/readers")
        for it in out["data"]:
            it.pop("created", None)
        return out

    # ------------------------------------------------------------------ reader actions
    def _reader_error(self, code: str, message: str) -> ApiError:
        return ApiError(
            self.reader_error_status,
            message,
            code=code,
            type="invalid_request_error" if self.reader_error_status < 500 else "api_error",
        )

    def _check_reader_free(self, rid: str, action: str) -> dict[str, Any]:
        reader = self._reader(rid)
        if rid in self._offline:
            raise self._reader_error(
                "terminal_reader_offline",
                "Reader is currently offline, please ensure the "
                "reader is powered on and connected to the internet before retrying your "
                "request.",
            )
        if rid in self._busy or (rid in self._pending and action != "cancel_action"):
            raise self._reader_error(
                "terminal_reader_busy",
                "Reader is currently busy processing another "
                "request, please retry after the reader has finished.",
            )
        return reader

    def _r_reader_action(
        self, params: dict[str, Any], fault: Fault | None, id: str, action: str
    ) -> dict[str, Any]:  # noqa: A002
        p = parse(params, SPECS[action])
        rid = id
        if action == "cancel_action":
            return self._cancel_action(rid)
        reader = self._check_reader_free(rid, action)
        if action == "set_reader_display":
            cart = p.get("cart")
            if cart is not None:
                cart.setdefault("tax", None)
            reader["action"] = {
                "type": "set_reader_display",
                "status": "succeeded",
                "failure_code": None,
                "failure_message": None,
                "set_reader_display": {"type": p["type"], "cart": cart},
            }
            return self._reader_json(rid)
        if action == "refund_payment":
            charge = self._charge_for(p)
            if charge["payment_method_type"] != "interac_present":
                raise invalid(
                    "In-person refunds are only available for Interac payments.",
                    code="charge_not_refundable",
                    param="payment_intent",
                )
            payload = {
                "payment_intent": charge["payment_intent"],
                "charge": charge["id"],
                "amount": p.get("amount", charge["amount_captured"] - charge["amount_refunded"]),
                "metadata": p.get("metadata", {}),
            }
            for opt in ("refund_application_fee", "refund_payment_config", "reverse_transfer"):
                if opt in p:
                    payload[opt] = p[opt]
            reader["action"] = {
                "type": "refund_payment",
                "status": "in_progress",
                "failure_code": None,
                "failure_message": None,
                "refund_payment": payload,
            }
            self._pending[rid] = _Pending(
                "refund", charge["payment_intent"], refund_params=p, generation=next(self._gen)
            )
            return self._after_start(rid, fault)
        pi = self._pi(p["payment_intent"])
        want = "requires_confirmation" if action == "confirm_payment_intent" else "requires_payment_method"
        if pi["status"] != want:
            raise ApiError(
                400,
                f"This PaymentIntent's status is {pi['status']}; expected {want}.",
                code="intent_invalid_state",
                param="payment_intent",
            )
        if action == "confirm_payment_intent":
            reader["action"] = {
                "type": action,
                "status": "in_progress",
                "failure_code": None,
                "failure_message": None,
                action: {"payment_intent": pi["id"]},
            }
            self._pending[rid] = _Pending(
                "confirm", pi["id"], stage="authorizing", generation=next(self._gen)
            )
            card = self._cards.get(pi["id"])
            self._authorize_later(rid, self._pending[rid], card)
            return self._after_start(rid, fault)
        cfg_name = "process_config" if action == "process_payment_intent" else "collect_config"
        cfg = p.get(cfg_name, {})
        payload: dict[str, Any] = {"payment_intent": pi["id"]}
        if cfg:
            payload[cfg_name] = cfg
        reader["action"] = {
            "type": action,
            "status": "in_progress",
            "failure_code": None,
            "failure_message": None,
            action: payload,
        }
        kind = "process" if action == "process_payment_intent" else "collect"
        self._pending[rid] = _Pending(kind, pi["id"], config=cfg, generation=next(self._gen))
        return self._after_start(rid, fault)

    def _after_start(self, rid: str, fault: Fault | None) -> dict[str, Any]:
        pending = self._pending.get(rid)
        if self._auto_tap is not None and pending is not None and pending.stage == "awaiting_card":
            card, delay = self._auto_tap
            if self.instant_result:
                self._present_card(rid, card)
            else:
                gen = pending.generation
                self._schedule(delay, lambda: self._auto_present(rid, card, gen))
        if fault is not None and fault.kind == "reader_timeout":
            raise ApiError(
                self.reader_error_status,
                "There was a timeout processing your request. Please retry your request.",
                code="terminal_reader_timeout",
                type="invalid_request_error" if self.reader_error_status < 500 else "api_error",
            )
        return self._reader_json(rid)

    def _auto_present(self, rid: str, card: str, generation: int) -> None:
        with self._lock:
            p = self._pending.get(rid)
            if p is not None and p.generation == generation and p.stage == "awaiting_card":
                self._present_card(rid, card)

    def _cancel_action(self, rid: str) -> dict[str, Any]:
        reader = self._reader(rid)
        if rid in self._offline:
            raise self._reader_error("terminal_reader_offline", "Reader is currently offline.")
        pending = self._pending.get(rid)
        if pending is not None and pending.stage == "authorizing":
            # "cancel_action doesn't cancel in-flight payments": the authorisation carries on
            return self._reader_json(rid)
        if pending is not None:
            del self._pending[rid]
        reader["action"] = None
        return self._reader_json(rid)

    def _fail_action(self, rid: str, code: str, message: str, api_error: dict[str, Any] | None) -> None:
        self._pending.pop(rid, None)
        action = self.readers[rid]["action"]
        if action is not None:
            action.update(status="failed", failure_code=code, failure_message=message)
            action["api_error"] = api_error
            self._emit_action(rid)

    # ------------------------------------------------------------------ presenting a card
    def _r_present(self, params: dict[str, Any], fault: Fault | None, id: str) -> dict[str, Any]:  # noqa: A002
        p = parse(params, SPECS["present_payment_method"])
        return self._present(id, p)

    def _present(self, rid: str, p: dict[str, Any]) -> dict[str, Any]:
        self._reader(rid)
        pending = self._pending.get(rid)
        if pending is None or pending.stage != "awaiting_card":
            raise ApiError(400, "The reader has no action awaiting a payment method.", param="reader")
        kind = p.get("type", "card_present")
        number = (p.get(kind) or {}).get("number") or (INTERAC if kind == "interac_present" else VISA)
        self._present_card(rid, number, kind=kind, tip=p.get("amount_tip", 0))
        return self._reader_json(rid)

    def _present_card(self, rid: str, number: str, *, kind: str | None = None, tip: int = 0) -> None:
        pending = self._pending[rid]
        kind = kind or ("interac_present" if number == INTERAC else "card_present")
        card = {"number": number, "kind": kind, "tip": tip}
        if pending.kind == "refund":
            self._pending.pop(rid)
            charge = self.charges[self.payment_intents[pending.pi_id]["latest_charge"]]
            action = self.readers[rid]["action"]
            try:
                refund = self._make_refund(charge, pending.refund_params or {})
            except ApiError as e:
                action.update(status="failed", failure_code=e.code, failure_message=e.message)
                self._emit_action(rid)
                return
            action["refund_payment"]["refund"] = refund["id"]
            action["status"] = "succeeded"
            self._emit_action(rid)
            return
        pi = self.payment_intents[pending.pi_id]
        if pending.kind == "collect":
            self._pending.pop(rid)
            self._cards[pi["id"]] = card  # kept apart: no object Stripe returns carries a card number
            pi["payment_method"] = self._pm_id(pi, card)
            pi["status"] = "requires_confirmation"
            action = self.readers[rid]["action"]
            action["collect_payment_method"]["payment_method"] = self._pm_object(pi["payment_method"], card)
            action["status"] = "succeeded"
            self._emit_action(rid)
            return
        self.tapped_at.setdefault(pi["id"], time.monotonic())
        pending.stage = "authorizing"
        self._authorize_later(rid, pending, card)

    def _authorize_later(self, rid: str, pending: _Pending, card: dict[str, Any] | None) -> None:
        if self.auth_delay > 0:
            self._schedule(self.auth_delay, lambda: self._authorize_if_current(rid, pending, card))
        else:
            self._authorize(rid, pending, card)

    def _authorize_if_current(self, rid: str, pending: _Pending, card: dict[str, Any] | None) -> None:
        with self._lock:
            if self._pending.get(rid) is pending:
                self._authorize(rid, pending, card)

    def _pm_id(self, pi: dict[str, Any], card: dict[str, Any]) -> str:
        return self._id("pm")

    def _pm_object(self, pm_id: str, card: dict[str, Any]) -> dict[str, Any]:
        """The PaymentMethod of a presented card: brand and last four digits, never the number."""
        number = card["number"]
        brand = "interac" if card["kind"] == "interac_present" else BRANDS.get(number[0], "unknown")
        details = dict.fromkeys(
            ("brand_product", "cardholder_name", "description", "fingerprint", "issuer", "offline")
        )
        details.update(
            brand=brand,
            country="US",
            exp_month=12,
            exp_year=2030,
            funding="credit",
            last4=number[-4:],
            networks={"available": [brand], "preferred": None},
            preferred_locales=None,
            read_method="contactless_emv",
        )
        return {
            "id": pm_id,
            "object": "payment_method",
            "type": card["kind"],
            card["kind"]: details,
            "billing_details": {"address": None, "email": None, "name": None, "phone": None, "tax_id": None},
            "created": int(self.now()),
            "customer": None,
            "customer_account": None,
            "livemode": False,
            "metadata": {},
        }

    def _outcome(self, pi: dict[str, Any], card: dict[str, Any]) -> tuple[str, str] | None:
        number = card["number"]
        if number in DECLINE_CARDS:
            return DECLINE_CARDS[number]
        if card["kind"] == "interac_present" and "interac_present" not in pi["payment_method_types"]:
            return ("card_declined", "generic_decline")
        code = MAGIC_AMOUNTS.get(pi["amount"] % 100)
        if code is not None:
            return ("card_declined", code)
        return None

    def _authorize(self, rid: str, pending: _Pending, card: dict[str, Any] | None) -> None:
        self._pending.pop(rid, None)
        pi = self.payment_intents[pending.pi_id]
        action = self.readers[rid]["action"]
        if pi["status"] == "canceled":
            action.update(
                status="failed",
                failure_code="intent_invalid_state",
                failure_message="The PaymentIntent was canceled.",
                api_error=None,
            )
            self._emit_action(rid)
            return
        card = card or {"number": VISA, "kind": "card_present", "tip": 0}
        if self._hold_processing and self._outcome(pi, card) is None:
            pm_id = pi.get("payment_method") or self._pm_id(pi, card)
            pi.update(status="processing", payment_method=pm_id, last_payment_error=None)
            self._processing[pi["id"]] = card
            action.update(status="succeeded", failure_code=None, failure_message=None)
            self._emit_pi("payment_intent.processing", pi["id"])
            self._emit_action(rid)
            return
        err = self._settle_authorisation(pi, card)
        if err is not None:
            action.update(
                status="failed",
                failure_code=err["code"],
                failure_message=err["message"],
                api_error={**err, "payment_intent": self._pi_json(pi["id"])},
            )
        else:
            action.update(status="succeeded", failure_code=None, failure_message=None)
        self._emit_action(rid)

    def _settle_authorisation(self, pi: dict[str, Any], card: dict[str, Any]) -> dict[str, Any] | None:
        """The issuer's answer for ``card``: the charge, the PaymentIntent's new state and its event.
        Returns Stripe's card error when declined."""
        pm_id = pi.get("payment_method") or self._pm_id(pi, card)
        charge_id = self._id("ch")
        outcome = self._outcome(pi, card)
        amount = pi["amount"] + card.get("tip", 0)
        self.charges[charge_id] = {
            "id": charge_id,
            "payment_intent": pi["id"],
            "amount": amount,
            "currency": pi["currency"],
            "captured": False,
            "amount_captured": 0,
            "amount_refunded": 0,
            "payment_method_type": card["kind"],
            "capture_before": int(self.now()) + 2 * 86400,
            "paid": outcome is None,
            "created": int(self.now()),
            "payment_method": pm_id,
            "failure_code": None if outcome is None else outcome[0],
            "failure_message": None
            if outcome is None
            else DECLINE_MESSAGES.get(outcome[1], "Your card was declined."),
        }
        pi["latest_charge"] = charge_id
        if outcome is not None:
            code, decline = outcome
            message = DECLINE_MESSAGES.get(decline, "Your card was declined.")
            err = {
                "type": "card_error",
                "code": code,
                "decline_code": decline,
                "message": message,
                "charge": charge_id,
                "doc_url": f"https://stripe.com/docs/error-codes/{code.replace('_', '-')}",
                "payment_method_type": card["kind"],
            }
            pi.update(status="requires_payment_method", last_payment_error=err, payment_method=None)
            self._emit_pi("payment_intent.payment_failed", pi["id"])
            return err
        if card.get("tip"):
            pi["amount_details"] = {"tip": {"amount": card["tip"]}}
            pi["amount"] = amount
        pi.update(payment_method=pm_id, last_payment_error=None)
        auto = card["kind"] == "interac_present" or pi["capture_method"] != "manual"
        if auto:
            pi.update(status="succeeded", amount_received=amount, amount_capturable=0)
            self.charges[charge_id].update(captured=True, amount_captured=amount)
        else:
            pi.update(status="requires_capture", amount_capturable=amount)
        self.authorized_at[pi["id"]] = time.monotonic()
        self._emit_pi(
            "payment_intent.succeeded" if auto else "payment_intent.amount_capturable_updated", pi["id"]
        )
        return None
