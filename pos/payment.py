"""Card payments: the write-ahead payment protocol, the reconciler, and the ports they use.

Pure domain code (no HTTP, no SQL): ``CardTerminal`` is implemented by ``hardware.stripe_terminal``,
``PaymentJournal`` by ``sync.payment_journal`` (SQLite, table ``payment_attempts``) and, for tests and
demos, by ``MemoryPaymentJournal`` below.

The protocol (``docs/stripe-terminal.md``) — each local commit precedes the effect it
protects:

1. attempt recorded (``created``)                        crash points: before/after_intent_commit
2. PaymentIntent created with key ``{attempt_id}:create`` after_pi_create_request_sent/_response
3. its id recorded (``pi_created``)                       after_pi_id_commit
4. ``reader_processing`` (n+1 committed), process with ``{attempt_id}:process:{n}``  after_reader_process_sent
5. poll reader action and PaymentIntent                   during_reader_poll, after_authorized_observed
6. one transaction: the caller's "complete sale" + ``authorized``  mid_sale_commit, after_sale_commit
7. capture with ``{attempt_id}:capture`` (``:capture:{k}`` for later tries)  after_capture_sent
8. ``captured``: only now the sale is paid                after_capture_commit

The reconciler settles every attempt that is not final by asking Stripe (PaymentIntent first, then the
reader); it never guesses. Invariants: no captured payment without a completed sale; no completed card
sale without a captured payment of the same amount (an Interac payment is captured by Stripe itself).

The same protocol runs over either terminal: the till's own Stripe key (``hardware.stripe_terminal``,
direct), or the chain's backend (``hardware.stripe_terminal.relayed``), which calls Stripe with the chain's
key, pushes outcomes to the till instead of being polled (the terminal's ``wait_for_change``), and takes
step 7 over: the till hands it the sale's commit and the backend captures off the critical path
(``captures_in_backend``; the outcome is then ``authorized``, and the attempt becomes ``captured`` when the
backend reports the capture). Each step keeps its meaning and its crash points; for the relayed terminal
"sent" means sent to the backend.
"""

from __future__ import annotations

import copy
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from pos.errors import N_, Sentence

log = logging.getLogger("pos.payment")

# ---------------------------------------------------------------------------------------------- states

CREATED = "created"
PI_CREATED = "pi_created"
READER_PROCESSING = "reader_processing"
AUTHORIZED = "authorized"  # sale committed, capture outstanding ("payment pending capture")
CAPTURED = "captured"
FAILED = "failed"
CANCELED = "canceled"
FINAL_STATES = frozenset({CAPTURED, FAILED, CANCELED})
ACTIVE_STATES = frozenset({CREATED, PI_CREATED, READER_PROCESSING, AUTHORIZED})

CRASH_POINTS = (
    "before_intent_commit",
    "after_intent_commit",
    "after_pi_create_request_sent",
    "after_pi_create_response",
    "after_pi_id_commit",
    "after_reader_process_sent",
    "during_reader_poll",
    "after_authorized_observed",
    "mid_sale_commit",
    "after_sale_commit",
    "after_capture_sent",
    "after_capture_commit",
)


@dataclass(frozen=True)
class PaymentAttempt:
    """One row of ``payment_attempts``: one tender attempt, one PaymentIntent."""

    attempt_id: str
    sale_uuid: str
    amount: int
    currency: str
    idempotency_key: str
    status: str = CREATED
    payment_intent_id: str | None = None
    reader_id: str | None = None
    process_attempt: int = 0
    last_error: str | None = None
    recovered: bool = False
    created_at: str = ""
    updated_at: str = ""

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATES


# ---------------------------------------------------------------------------------------------- views


@dataclass(frozen=True)
class IntentView:
    id: str
    status: str
    amount: int
    currency: str
    amount_capturable: int = 0
    amount_received: int = 0
    metadata: dict[str, str] = field(default_factory=dict)
    error_code: str | None = None
    decline_code: str | None = None
    error_message: str | None = None
    payment_method_type: str | None = None


@dataclass(frozen=True)
class ActionView:
    type: str
    status: str  # in_progress | succeeded | failed
    payment_intent: str | None = None
    failure_code: str | None = None
    failure_message: str | None = None
    decline_code: str | None = None
    refund: str | None = None


@dataclass(frozen=True)
class ReaderView:
    id: str
    label: str | None
    status: str | None  # online | offline | None
    device_type: str
    serial_number: str
    location: str | None
    action: ActionView | None = None

    def action_for(self, action_type: str, payment_intent_id: str) -> ActionView | None:
        """The action if it is ``action_type`` for this PaymentIntent (later commands overwrite it)."""
        a = self.action
        if a is not None and a.type == action_type and a.payment_intent == payment_intent_id:
            return a
        return None


@dataclass(frozen=True)
class RefundView:
    id: str
    amount: int
    status: str
    payment_intent: str | None
    metadata: dict[str, str] = field(default_factory=dict)  # what the till attached (its return and step)


@dataclass(frozen=True)
class DisplayLine:
    description: str
    amount: int  # unit price, minor units
    quantity: int


@dataclass(frozen=True)
class CartDisplay:
    """What the reader's screen shows while the cashier scans (display only: not what is charged)."""

    currency: str
    lines: tuple[DisplayLine, ...]
    tax: int
    total: int


# ---------------------------------------------------------------------------------------------- errors

# lost/stolen: the bank has blocked the card; say so without accusing the customer, and stop retries
_BLOCKED = Sentence(
    N_("Card blocked by the bank: do not try it again. Ask for another card or another way to pay.")
)
DECLINE_MESSAGES: dict[str, str] = {
    "generic_decline": Sentence(N_("Card declined by the bank. Ask for another card or another way to pay.")),
    "card_declined": Sentence(N_("Card declined by the bank. Ask for another card or another way to pay.")),
    "call_issuer": Sentence(
        N_("Card declined: the customer must call their bank. Ask for another card or cash.")
    ),
    "insufficient_funds": Sentence(
        N_("Card declined: not enough funds. Ask for another card or another way to pay.")
    ),
    "lost_card": _BLOCKED,
    "stolen_card": _BLOCKED,
    "expired_card": Sentence(N_("Card expired. Ask for another card.")),
    "incorrect_pin": Sentence(N_("Wrong PIN. Ask the customer to try again.")),
    "pin_try_exceeded": Sentence(
        N_("Too many wrong PINs: this card cannot be used now. Ask for another card or cash.")
    ),
    "withdrawal_count_limit_exceeded": Sentence(
        N_("Card over its limit. Ask for another card or another way to pay.")
    ),
    "processing_error": Sentence(N_("The card could not be processed. Try the card again.")),
    "do_not_honor": Sentence(N_("Card declined by the bank. Ask for another card or another way to pay.")),
    "fraudulent": Sentence(N_("Card declined by the bank. Ask for another card or another way to pay.")),
    "incorrect_cvc": Sentence(N_("Card declined: security check failed. Ask for another card.")),
}
GENERIC_DECLINE = DECLINE_MESSAGES["generic_decline"]
UNREACHABLE_MESSAGE = Sentence(
    N_("Card payments are unavailable (no connection to Stripe). Take cash or another tender.")
)
UNCONFIRMED_MESSAGE = Sentence(
    N_(
        "The reader accepted the card but Stripe has not confirmed the payment yet. Do not take another "
        "tender: press Pay again in a moment to check."
    )
)
CREATE_FAILED_MESSAGE = Sentence(
    N_(
        "Stripe had an error and could not start the card payment; the card was not charged. Press Pay to "
        "try again, or take another tender."
    )
)
# what settle_before_other_tender says (see there)
SETTLE_CANCELLED_MESSAGE = Sentence(
    N_("The card payment was cancelled; the card was not charged. Take the other tender.")
)
SETTLE_RELEASED_MESSAGE = Sentence(
    N_(
        "The card had been authorised, but this sale has changed since: that authorisation was released "
        "and the card was not charged. Take the other tender."
    )
)
SETTLE_USED_CARD_MESSAGE = Sentence(
    N_(
        "The card payment went through after all and is now recorded on this sale. Do not take that "
        "amount again in cash or another tender."
    )
)
UNSETTLED_MESSAGE = Sentence(
    N_(
        "An earlier card payment for this sale cannot be checked now (no connection to Stripe), so the "
        "card may have been charged. Do not take cash or another tender yet: try again in a moment, or "
        "press Pay to finish by card. If Stripe stays unreachable, suspend the sale and call a manager."
    )
)
SETTLE_PROCESSING_MESSAGE = Sentence(
    N_(
        "Stripe is still processing the card payment for this sale. Do not take another tender yet: try "
        "again in a moment."
    )
)
SETTLE_RUNNING_MESSAGE = Sentence(
    N_("A card payment is running for this sale: let it finish or cancel it first.")
)
CHARGED_WITHOUT_SALE_MESSAGE = Sentence(
    N_(
        "The card was charged, but that payment cannot be added to this sale. Do not take another tender: "
        "call a manager to refund the card or correct the sale."
    )
)


class PaymentError(Exception):
    """A failure with a message a cashier can act on. ``ambiguous``: the request may have taken effect
    (timeout, dropped connection), so the state must be read back before anything else is done."""

    kind = "error"
    ambiguous = False

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        decline_code: str | None = None,
        http_status: int | None = None,
        ambiguous: bool | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.decline_code = decline_code
        self.http_status = http_status
        if ambiguous is not None:
            self.ambiguous = ambiguous


class CardDeclined(PaymentError):
    kind = "declined"


class PaymentCancelled(PaymentError):
    kind = "cancelled"


class ReaderBusy(PaymentError):
    kind = "reader_busy"


class ReaderOffline(PaymentError):
    kind = "reader_offline"


class ReaderTimeout(PaymentError):
    kind = "reader_timeout"
    ambiguous = True


class TerminalUnavailable(PaymentError):
    """Stripe unreachable (connection error, read timeout, 5xx, rate limit): card tender off, cash works."""

    kind = "unavailable"
    ambiguous = True


class TerminalAuthError(PaymentError):
    kind = "auth"


class TerminalPermissionError(PaymentError):
    kind = "permission"


class TerminalConfigError(PaymentError):
    kind = "config"


class PaymentRejected(PaymentError):
    """Stripe refused the request (bad state, bad parameter); nothing happened."""

    kind = "rejected"


class PaymentInProgress(PaymentError):
    kind = "in_progress"


class SaleMovedOn(Exception):  # noqa: N818 - a verdict, not a failure of the code
    """Raised by a ``RecoverSale`` completion step: this attempt's sale can no longer take its card
    payment (the sale was recorded with other tenders or voided, the open sale is a different one, or
    the card amount no longer fits it). Nothing of the step is committed; the authorisation is then
    cancelled, never captured (a payment Stripe captured itself, Interac, is flagged for a refund)."""


def stripe_answered_5xx(e: PaymentError) -> bool:
    """Stripe answered with its own 5xx. For a request with an idempotency key that began executing,
    Stripe saves that answer under the key: every retry with the same key replays it for 24 hours."""
    return e.http_status is not None and e.http_status >= 500


def decline_message(decline_code: str | None) -> str:
    return DECLINE_MESSAGES.get(decline_code or "", GENERIC_DECLINE)


def action_failure_error(action: ActionView) -> PaymentError:
    """Turn a failed reader action into the error a cashier sees."""
    code = action.failure_code or ""
    if code == "customer_canceled":
        return PaymentCancelled(
            Sentence(N_("The customer cancelled on the reader. Ask how they want to pay.")), code=code
        )
    if code in ("card_read_timed_out", "reader_timeout"):
        return ReaderTimeout(
            Sentence(N_("The reader stopped waiting for a card. Press Pay to try again.")),
            code=code,
            ambiguous=False,
        )
    if code == "intent_invalid_state":
        return PaymentCancelled(Sentence(N_("The payment was cancelled.")), code=code)
    if action.decline_code or code in ("card_declined", "expired_card", "processing_error", "incorrect_pin"):
        return CardDeclined(
            decline_message(action.decline_code or code), code=code, decline_code=action.decline_code or code
        )
    return PaymentRejected(
        Sentence(
            N_("The reader could not take the card ({code}). Try again or take another tender."),
            code=code or "unknown reason",
        ),
        code=code,
    )


# ---------------------------------------------------------------------------------------------- ports


class CardTerminal(Protocol):
    """The card reader as the protocol sees it (implemented over Stripe by ``hardware.stripe_terminal``,
    directly or relayed by the backend). Every method raises ``PaymentError`` subclasses only.

    Optional: ``wait_for_change(cancel, timeout)`` returns as soon as the terminal hears of a change (a
    pushed outcome) or ``cancel`` is set, instead of the protocol sleeping a poll interval;
    ``captures_in_backend`` (True): ``capture_payment_intent`` hands the capture of a committed sale to the
    backend, which captures it later, and answers the PaymentIntent as it is at that moment."""

    reader_id: str

    def create_payment_intent(
        self, *, amount: int, currency: str, sale_uuid: str, attempt_id: str, idempotency_key: str
    ) -> IntentView: ...
    def find_payment_intent(self, attempt_id: str) -> IntentView | None: ...
    def retrieve_payment_intent(self, payment_intent_id: str) -> IntentView: ...
    def process_payment_intent(self, payment_intent_id: str, *, idempotency_key: str) -> ReaderView: ...
    def retrieve_reader(self) -> ReaderView: ...
    def cancel_action(self) -> ReaderView: ...
    def capture_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, amount: int | None = None
    ) -> IntentView: ...
    def cancel_payment_intent(
        self, payment_intent_id: str, *, idempotency_key: str, reason: str = "abandoned"
    ) -> IntentView: ...


class PaymentJournal(Protocol):
    """Durable record of payment attempts (table ``payment_attempts``). Each method is one transaction."""

    def insert(self, attempt: PaymentAttempt) -> PaymentAttempt: ...
    def get(self, attempt_id: str) -> PaymentAttempt | None: ...
    def update(self, attempt_id: str, **fields: Any) -> PaymentAttempt: ...
    def active_for_sale(self, sale_uuid: str) -> PaymentAttempt | None: ...
    def non_final(self) -> list[PaymentAttempt]: ...
    def for_sale(self, sale_uuid: str) -> list[PaymentAttempt]: ...
    def recovered(self) -> list[PaymentAttempt]: ...

    def commit_authorized(
        self, attempt_id: str, complete_sale: Callable[[Any], None], *, recovered: bool = False
    ) -> PaymentAttempt:
        """One transaction: ``complete_sale(tx)`` (sale, tenders, outbox) and ``status='authorized'``."""
        ...

    def commit_final(
        self,
        attempt_id: str,
        status: str,
        *,
        last_error: str | None = None,
        release_sale: Callable[[Any], None] | None = None,
    ) -> PaymentAttempt:
        """One transaction: the attempt becomes ``failed``/``canceled`` and ``release_sale(tx)`` runs."""
        ...


CompleteSale = Callable[[Any], None]  # (tx) -> None, runs inside the journal's transaction
RecoverSale = Callable[[PaymentAttempt, Any], None]  # (attempt, tx) -> None, for the reconciler


# ------------------------------------------------------------------------------------------ memory journal


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class MemoryPaymentJournal:
    """In-memory ``PaymentJournal`` for tests and demos. ``data`` stands for the store's other tables:
    ``complete_sale(tx)`` receives a deep copy that replaces ``data`` only if the whole step succeeds."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._rows: dict[str, PaymentAttempt] = {}
        self.data: dict[str, Any] = {}

    def insert(self, attempt: PaymentAttempt) -> PaymentAttempt:
        with self._lock:
            if attempt.attempt_id in self._rows:
                raise ValueError(f"attempt {attempt.attempt_id} exists")
            if any(r.idempotency_key == attempt.idempotency_key for r in self._rows.values()):
                raise ValueError("idempotency key reused")
            now = _now_iso()
            row = replace(attempt, created_at=now, updated_at=now)
            self._rows[row.attempt_id] = row
            return row

    def get(self, attempt_id: str) -> PaymentAttempt | None:
        with self._lock:
            return self._rows.get(attempt_id)

    def update(self, attempt_id: str, **fields: Any) -> PaymentAttempt:
        with self._lock:
            row = replace(self._rows[attempt_id], **fields, updated_at=_now_iso())
            self._rows[attempt_id] = row
            return row

    def active_for_sale(self, sale_uuid: str) -> PaymentAttempt | None:
        with self._lock:
            rows = [r for r in self._rows.values() if r.sale_uuid == sale_uuid and not r.final]
            return max(rows, key=lambda r: r.created_at) if rows else None

    def non_final(self) -> list[PaymentAttempt]:
        with self._lock:
            return sorted((r for r in self._rows.values() if not r.final), key=lambda r: r.created_at)

    def for_sale(self, sale_uuid: str) -> list[PaymentAttempt]:
        with self._lock:
            return sorted(
                (r for r in self._rows.values() if r.sale_uuid == sale_uuid), key=lambda r: r.created_at
            )

    def all(self) -> list[PaymentAttempt]:
        with self._lock:
            return sorted(self._rows.values(), key=lambda r: r.created_at)

    def recovered(self) -> list[PaymentAttempt]:
        with self._lock:
            return [r for r in self._rows.values() if r.recovered]

    def commit_authorized(
        self, attempt_id: str, complete_sale: Callable[[Any], None], *, recovered: bool = False
    ) -> PaymentAttempt:
        with self._lock:
            tx = copy.deepcopy(self.data)
            complete_sale(tx)
            self.data = tx
            return self.update(
                attempt_id, status=AUTHORIZED, recovered=recovered or self._rows[attempt_id].recovered
            )

    def commit_final(
        self,
        attempt_id: str,
        status: str,
        *,
        last_error: str | None = None,
        release_sale: Callable[[Any], None] | None = None,
    ) -> PaymentAttempt:
        assert status in FINAL_STATES
        with self._lock:
            tx = copy.deepcopy(self.data)
            if release_sale is not None:
                release_sale(tx)
            self.data = tx
            fields: dict[str, Any] = {"status": status}
            if last_error is not None:
                fields["last_error"] = last_error
            return self.update(attempt_id, **fields)


# ---------------------------------------------------------------------------------------------- outcomes


@dataclass(frozen=True)
class PaymentOutcome:
    """What ``pay`` tells the caller. ``status``: ``captured`` (paid: print the receipt), ``authorized``
    (paid: the sale is committed and the chain's backend, which has its commit, captures the authorisation
    off the critical path — print the receipt), ``pending_capture`` (sale committed, capture still being
    retried by the till), ``unpaid`` (sale committed, but
    its authorisation was cancelled before the capture: no money was taken and the attempt is flagged
    for a manager — the sale is closed, so never take another tender for it at the till),
    ``declined``, ``cancelled``, ``failed`` (the sale stays open); from ``settle_before_other_tender``
    also ``unsettled`` (the earlier card attempt could not be settled: take no other tender)."""

    status: str
    attempt_id: str
    amount: int
    payment_intent_id: str | None = None
    message: str = ""
    error: PaymentError | None = None
    recovered: bool = False

    @property
    def paid(self) -> bool:
        return self.status in ("captured", "authorized")

    @property
    def sale_completed(self) -> bool:
        return self.status in ("captured", "authorized", "pending_capture", "unpaid")

    @property
    def other_tender_allowed(self) -> bool:
        """After ``settle_before_other_tender``: the card attempt ended without a charge."""
        return self.status == "cancelled"


@dataclass(frozen=True)
class Settlement:
    """One attempt the reconciler looked at."""

    attempt_id: str
    sale_uuid: str
    before: str
    after: str
    recovered: bool
    note: str


class SimulatedCrash(BaseException):
    """Raised by test crash hooks: a BaseException so that no ``except Exception`` swallows it."""


def no_crash(point: str) -> None:
    return None


# ---------------------------------------------------------------------------------------------- protocol


class NoCardPayments:
    """Card payments on a till that has none (the null reader's protocol): every payment is refused with
    the reason, nothing is recorded, nothing is ever unsettled."""

    available = False

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def pay(
        self,
        sale_uuid: str,
        amount: int,
        currency: str,
        complete_sale: CompleteSale,
        *,
        on_status: Callable[[str], None] | None = None,
    ) -> PaymentOutcome:
        error = TerminalConfigError(self.reason, code="no_card_reader")
        return PaymentOutcome("failed", "", amount, None, self.reason, error)

    def cancel(self, sale_uuid: str) -> bool:
        return False

    def reconcile(self, *_a: Any, **_k: Any) -> list[Settlement]:
        return []

    def settle_before_other_tender(self, *_a: Any, **_k: Any) -> PaymentOutcome | None:
        return None

    def abandon(self, *_a: Any, **_k: Any) -> PaymentOutcome | None:
        return None


class CardPayments:
    """The write-ahead payment protocol and its reconciler. Blocking: run it on the card-reader thread;
    ``cancel``/``abandon`` may be called from any thread."""

    available = True

    def __init__(
        self,
        terminal: CardTerminal,
        journal: PaymentJournal,
        *,
        poll_interval: float | None = None,
        authorization_timeout: float = 180.0,
        capture_attempts: int = 4,
        capture_backoff: float = 0.5,
        process_retries: int = 2,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
        crashpoint: Callable[[str], None] = no_crash,
        monotonic: Callable[[], float] | None = None,
    ) -> None:
        import time as _time

        self.terminal = terminal
        self.journal = journal
        self.poll_interval = (
            poll_interval if poll_interval is not None else getattr(terminal, "poll_interval", 0.5)
        )
        self.authorization_timeout = authorization_timeout
        self.capture_attempts = capture_attempts
        self.capture_backoff = capture_backoff
        self.process_retries = process_retries
        self._new_id = new_id
        self._crash = crashpoint
        self._monotonic = monotonic or _time.monotonic
        self._lock = threading.Lock()
        self._running: dict[str, threading.Event] = {}  # sale_uuid -> cancel event
        self._running_attempts: set[str] = set()
        self._tls = threading.local()

    # ------------------------------------------------------------------ public
    def pay(
        self,
        sale_uuid: str,
        amount: int,
        currency: str,
        complete_sale: CompleteSale,
        *,
        on_status: Callable[[str], None] | None = None,
    ) -> PaymentOutcome:
        """Take ``amount`` by card for this sale. ``complete_sale(tx)`` is called once the card is
        authorised, inside the journal's transaction: it must commit the sale, its tenders and outbox
        events. Returns when the payment is settled one way or the other; a second call for the same sale
        while one runs raises ``PaymentInProgress`` (a double click makes one PaymentIntent).
        ``on_status`` hears ``starting``, ``waiting`` (for the card) and ``pending`` (authorised,
        finishing), on the calling thread."""
        if amount <= 0:
            raise PaymentRejected(Sentence(N_("Nothing to pay by card.")))
        cancel = threading.Event()
        with self._lock:
            if sale_uuid in self._running:
                raise PaymentInProgress(Sentence(N_("This card payment is already in progress.")))
            self._running[sale_uuid] = cancel
        status = on_status or (lambda s: None)
        self._tls.status = status
        try:
            return self._pay(sale_uuid, amount, currency.lower(), complete_sale, cancel, status)
        except PaymentInProgress:
            raise
        except PaymentError as e:
            # Stripe stopped answering midway: the journal holds the state, the reconciler (or the next
            # Pay on this sale) settles it; the cashier hears what to do now
            log.warning("payment for sale %s interrupted: %s", sale_uuid, e.code or e.kind)
            attempt = self.journal.active_for_sale(sale_uuid)
            if attempt is not None:
                attempt = self.journal.update(attempt.attempt_id, last_error=e.code or e.kind)
                return self._outcome(attempt, "failed", e.message, e)
            return PaymentOutcome("failed", "", amount, None, e.message, e)
        finally:
            self._tls.status = None
            with self._lock:
                self._running.pop(sale_uuid, None)

    def cancel(self, sale_uuid: str) -> bool:
        """Cashier presses Cancel while ``pay`` runs. Returns False if no payment is running."""
        with self._lock:
            ev = self._running.get(sale_uuid)
        if ev is None:
            return False
        ev.set()
        return True

    def abandon(
        self, sale_uuid: str, release_sale: Callable[[Any], None] | None = None
    ) -> PaymentOutcome | None:
        """The customer gives up the card (D4): stop the reader and cancel the PaymentIntent of the
        sale's open attempt — an authorisation too. Returns the attempt's outcome; if the card had in
        fact been charged the outcome says so (the sale must then be completed, not re-tendered). Before
        taking another tender use ``settle_before_other_tender``: it uses an authorised card instead."""
        with self._lock:
            if sale_uuid in self._running:
                raise PaymentInProgress(Sentence(N_("Cancel the running card payment first.")))
        attempt = self.journal.active_for_sale(sale_uuid)
        if attempt is None:
            return None
        with self._claim(attempt.attempt_id):
            return self._cancel_attempt(attempt, release_sale)

    def settle_before_other_tender(
        self, sale_uuid: str, complete_sale: RecoverSale, release_sale: RecoverSale | None = None
    ) -> PaymentOutcome | None:
        """Call before taking any tender that is not this card (cash, voucher, …) for a sale: an earlier
        card attempt of the sale that did not end cleanly (declined, cancelled, "not confirmed yet",
        Stripe unreachable midway, a crash) is settled first, by asking Stripe — so the customer is never
        charged twice and no authorisation is left without its sale. (A sale suspended or voided with
        such an attempt is settled by the reconciler: its sale moved on, so an authorisation is
        cancelled; ``abandon`` does that at once.)

        ``complete_sale(attempt, tx)`` is the reconciler's completion step: inside the journal's
        transaction it records the card of ``attempt`` (``amount``, ``payment_intent_id``) on the sale —
        the whole sale, or the card part of a split — or raises ``SaleMovedOn`` if the card can no longer
        go on this sale. ``release_sale(attempt, tx)`` (optional) runs in the transaction that closes an
        attempt without a charge. Blocking (it calls Stripe): run it on the card-reader worker.

        Returns one of:

        - ``None``: no card attempt to settle — take the other tender.
        - ``status == "cancelled"`` (``other_tender_allowed``): the attempt ended without a charge (its
          PaymentIntent cancelled at Stripe and the reader stopped, or the reader never got it, or an
          authorisation the sale could no longer take was released) — take the other tender.
        - ``status`` ``"captured"`` / ``"authorized"`` / ``"pending_capture"``: the card WAS authorised and
          ``complete_sale`` has recorded it (capture done, handed to the backend, or retried by the
          reconciler). Do NOT take the other tender for that amount: re-read the sale — completed, or
          (split) only the rest is due.
        - ``status == "unpaid"``: recorded, but the authorisation was cancelled before its capture (see
          ``PaymentOutcome``): the sale is closed; a manager must look.
        - ``status == "unsettled"``: it cannot be settled now — Stripe unreachable (``error`` set), Stripe
          still processing, a card payment running for the sale, or a card charge that cannot be added
          to the sale. Refuse the other tender and show ``message``; the attempt stays for the next try
          (the next Pay on the sale also settles it).
        """
        with self._lock:
            if sale_uuid in self._running:
                return PaymentOutcome("unsettled", "", 0, None, SETTLE_RUNNING_MESSAGE)
        last: PaymentOutcome | None = None
        for attempt in self.journal.for_sale(sale_uuid):
            if attempt.final or attempt.status == AUTHORIZED:
                continue  # an AUTHORIZED card is already recorded on the sale; its capture is retried
            try:
                with self._claim(attempt.attempt_id):
                    out = self._settle_for_tender(attempt, complete_sale, release_sale)
            except PaymentInProgress as e:
                return self._outcome(attempt, "unsettled", e.message, e)
            except PaymentError as e:
                log.warning("card attempt %s not settled: %s", attempt.attempt_id, e.code or e.kind)
                return self._outcome(attempt, "unsettled", UNSETTLED_MESSAGE, e)
            if not out.other_tender_allowed:
                return out
            last = out
        return last

    def _closed_before_reader(
        self, attempt: PaymentAttempt, release_sale: RecoverSale | None
    ) -> PaymentOutcome:
        release = (lambda tx: release_sale(attempt, tx)) if release_sale is not None else None
        attempt = self.journal.commit_final(
            attempt.attempt_id, CANCELED, last_error="closed_before_reader", release_sale=release
        )
        return self._outcome(attempt, "cancelled", SETTLE_CANCELLED_MESSAGE)

    def _settle_for_tender(
        self, attempt: PaymentAttempt, complete_sale: RecoverSale, release_sale: RecoverSale | None
    ) -> PaymentOutcome:
        never_asked = False
        if attempt.payment_intent_id is None:
            # its PaymentIntent id was never recorded, so the reader never got one: no card can have
            # been charged. Cancel the PaymentIntent if Stripe has one; close the attempt either way.
            try:
                found = self.terminal.find_payment_intent(attempt.attempt_id)
            except PaymentError as e:
                log.info("attempt %s: PaymentIntent not looked up (%s)", attempt.attempt_id, e.code or e.kind)
                found = None
            if found is None:
                return self._closed_before_reader(attempt, release_sale)
            never_asked = found.status in _WAITING
            attempt = self.journal.update(attempt.attempt_id, status=PI_CREATED, payment_intent_id=found.id)
        try:
            settled = self._settle(attempt, complete_sale, release_sale, recovered=False)
        except TerminalUnavailable as e:
            if not never_asked:
                raise
            # found (relayed: the backend heard of it) but it cannot be cancelled now: as when it cannot
            # be looked up, it was never on the reader, so the other tender may be taken
            log.info("attempt %s: PaymentIntent not cancelled (%s)", attempt.attempt_id, e.code or e.kind)
            return self._closed_before_reader(attempt, release_sale)
        attempt = settled.attempt
        if settled.result == _NO_CHARGE:
            return self._outcome(attempt, "cancelled", SETTLE_CANCELLED_MESSAGE)
        if settled.result == _RELEASED:
            return self._outcome(attempt, "cancelled", SETTLE_RELEASED_MESSAGE)
        if settled.result == _OPEN:
            return self._outcome(attempt, "unsettled", SETTLE_PROCESSING_MESSAGE)
        if settled.result == _MANAGER:
            return self._outcome(attempt, "unsettled", CHARGED_WITHOUT_SALE_MESSAGE)
        out = settled.capture
        assert out is not None
        return out if out.status == "unpaid" else replace(out, message=SETTLE_USED_CARD_MESSAGE)

    def reconcile(
        self, complete_sale: RecoverSale, release_sale: RecoverSale | None = None, *, min_age: float = 0.0
    ) -> list[Settlement]:
        """Settle every attempt that is not final and not being driven right now, by asking Stripe.
        ``complete_sale(attempt, tx)`` finishes step 6 from the stored cart (the sale gets flagged as
        recovered for the manager); ``release_sale(attempt, tx)`` reopens/voids a sale whose card failed.
        ``min_age`` (seconds since the attempt last changed) leaves fresh attempts alone — e.g. a declined
        card the cashier is about to retry; use 0 at start-up."""
        results = []
        now = datetime.now(UTC)
        for attempt in self.journal.non_final():
            if min_age > 0 and attempt.updated_at:
                age = (now - datetime.fromisoformat(attempt.updated_at)).total_seconds()
                if age < min_age and attempt.status != AUTHORIZED:
                    continue
            with self._lock:
                if attempt.attempt_id in self._running_attempts or attempt.sale_uuid in self._running:
                    continue
                self._running_attempts.add(attempt.attempt_id)
            try:
                results.append(self._settle(attempt, complete_sale, release_sale).settlement())
            except Exception as e:  # noqa: BLE001 - one attempt that cannot be settled must not block the rest
                if isinstance(e, PaymentError):
                    log.warning("reconcile %s: %s", attempt.attempt_id, e.code or e.kind)
                    why = e.kind
                else:  # e.g. the stored cart of this sale cannot be completed: a manager must look
                    log.exception("reconcile %s failed", attempt.attempt_id)
                    why = type(e).__name__
                current = self.journal.get(attempt.attempt_id) or attempt
                results.append(
                    Settlement(
                        attempt.attempt_id,
                        attempt.sale_uuid,
                        attempt.status,
                        current.status,
                        current.recovered,
                        f"unresolved: {why}",
                    )
                )
            finally:
                with self._lock:
                    self._running_attempts.discard(attempt.attempt_id)
        return results

    def run_reconciler(
        self,
        stop: threading.Event,
        complete_sale: RecoverSale,
        release_sale: RecoverSale | None = None,
        *,
        interval: float = 60.0,
        min_age: float = 120.0,
        on_settled: Callable[[list[Settlement]], None] | None = None,
    ) -> None:
        """The periodic reconciler: call on a worker thread after the start-up pass; returns when
        ``stop`` is set. Outstanding captures are retried here ("payment pending capture")."""
        while not stop.wait(interval):
            try:
                settled = self.reconcile(complete_sale, release_sale, min_age=min_age)
            except Exception:  # keep reconciling; the journal keeps the work
                log.exception("periodic reconciliation failed")
                continue
            if settled and on_settled is not None:
                on_settled(settled)

    # ------------------------------------------------------------------ helpers
    class _Claim:
        def __init__(self, owner: CardPayments, attempt_id: str) -> None:
            self.owner, self.attempt_id = owner, attempt_id

        def __enter__(self) -> None:
            with self.owner._lock:
                if self.attempt_id in self.owner._running_attempts:
                    raise PaymentInProgress(
                        Sentence(N_("This card payment is being settled; try again in a moment."))
                    )
                self.owner._running_attempts.add(self.attempt_id)

        def __exit__(self, *exc: object) -> None:
            with self.owner._lock:
                self.owner._running_attempts.discard(self.attempt_id)

    def _claim(self, attempt_id: str) -> CardPayments._Claim:
        return CardPayments._Claim(self, attempt_id)

    def _outcome(
        self,
        attempt: PaymentAttempt,
        status: str,
        message: str,
        error: PaymentError | None = None,
        recovered: bool = False,
    ) -> PaymentOutcome:
        return PaymentOutcome(
            status, attempt.attempt_id, attempt.amount, attempt.payment_intent_id, message, error, recovered
        )

    # ------------------------------------------------------------------ pay
    def _pay(
        self,
        sale_uuid: str,
        amount: int,
        currency: str,
        complete_sale: CompleteSale,
        cancel: threading.Event,
        status: Callable[[str], None],
    ) -> PaymentOutcome:
        attempt = self.journal.active_for_sale(sale_uuid)
        if attempt is not None:
            with self._claim(attempt.attempt_id):
                resumed = self._resume(attempt, amount, currency, complete_sale, cancel, status)
            if resumed is not None:
                return resumed
        fresh_attempts = 2  # a new attempt (new key) once Stripe's own error on the create was saved
        while True:
            fresh_attempts -= 1
            attempt_id = self._new_id()
            attempt = PaymentAttempt(
                attempt_id=attempt_id,
                sale_uuid=sale_uuid,
                amount=amount,
                currency=currency,
                idempotency_key=f"{attempt_id}:create",
                reader_id=self.terminal.reader_id,
            )
            with self._claim(attempt_id):
                self._crash("before_intent_commit")
                attempt = self.journal.insert(attempt)
                self._crash("after_intent_commit")
                if cancel.is_set():
                    attempt = self.journal.commit_final(
                        attempt_id, CANCELED, last_error="cancelled_by_cashier"
                    )
                    return self._outcome(attempt, "cancelled", Sentence(N_("Card payment cancelled.")))
                status("starting")
                try:
                    pi: IntentView | None = self._create_intent(attempt)
                except PaymentError as e:
                    if not stripe_answered_5xx(e):
                        if e.ambiguous:
                            # the PaymentIntent may exist: the attempt stays 'created' for the reconciler
                            self.journal.update(attempt_id, last_error=e.code or e.kind)
                            return self._outcome(attempt, "failed", e.message, e)
                        attempt = self.journal.commit_final(attempt_id, FAILED, last_error=e.code or e.kind)
                        return self._outcome(attempt, "failed", e.message, e)
                    # Stripe's own error is saved under this key: a retry would only replay it. Did
                    # the request create the PaymentIntent anyway? (a 500's outcome is unknown)
                    self.journal.update(attempt_id, last_error=e.code or e.kind)
                    pi = self.terminal.find_payment_intent(attempt_id)
                    if pi is None:
                        # none exists: this attempt is over (its PaymentIntent id was never recorded, so
                        # the reader never saw one); the next attempt gets a new key
                        attempt = self.journal.commit_final(attempt_id, FAILED)
                        if fresh_attempts > 0:
                            continue
                        return self._outcome(attempt, "failed", CREATE_FAILED_MESSAGE, e)
                self._crash("after_pi_create_response")
                attempt = self.journal.update(
                    attempt_id, status=PI_CREATED, payment_intent_id=pi.id, last_error=None
                )
                self._crash("after_pi_id_commit")
                return self._drive(attempt, pi, complete_sale, cancel, status)

    def _send_create(self, attempt: PaymentAttempt) -> IntentView:
        return self.terminal.create_payment_intent(
            amount=attempt.amount,
            currency=attempt.currency,
            sale_uuid=attempt.sale_uuid,
            attempt_id=attempt.attempt_id,
            idempotency_key=attempt.idempotency_key,
        )

    def _create_intent(self, attempt: PaymentAttempt) -> IntentView:
        tries = 0
        while True:
            try:
                return self._send_create(attempt)
            except PaymentError as e:
                if not e.ambiguous:
                    raise
                self._crash("after_pi_create_request_sent")
                tries += 1
                if tries > 1 or stripe_answered_5xx(e):
                    raise
                # no answer: the same key makes a resend safe (Stripe replays the first PaymentIntent
                # if the request reached it); an answered 5xx would only be replayed

    def _resume(
        self,
        attempt: PaymentAttempt,
        amount: int,
        currency: str,
        complete_sale: CompleteSale,
        cancel: threading.Event,
        status: Callable[[str], None],
    ) -> PaymentOutcome | None:
        """An earlier attempt of this sale is not final: settle it before anything new (never pay twice)."""
        if attempt.payment_intent_id is None:
            found = self._find_or_recreate(attempt)
            if found is None:
                self.journal.commit_final(attempt.attempt_id, FAILED)
                return None
            attempt = self.journal.update(attempt.attempt_id, status=PI_CREATED, payment_intent_id=found.id)
        pi = self.terminal.retrieve_payment_intent(attempt.payment_intent_id)  # type: ignore[arg-type]
        if attempt.status == AUTHORIZED or pi.status in ("requires_capture", "succeeded"):
            if attempt.status != AUTHORIZED:
                if pi.amount != amount:
                    # charged for a different total: complete nothing, leave it to the manager/reconciler
                    raise PaymentInProgress(
                        Sentence(N_("An earlier card payment for this sale needs a manager."))
                    )
                return self._authorized(attempt, pi, complete_sale, recovered=False)
            return self._capture(attempt, pi)
        if (
            pi.status in ("requires_payment_method", "requires_confirmation")
            and pi.amount == amount
            and pi.currency == currency
        ):
            reader = self.terminal.retrieve_reader()
            if reader.action_for("process_payment_intent", pi.id) and reader.action.status == "in_progress":  # type: ignore[union-attr]
                return self._poll(attempt, pi, complete_sale, cancel, status)
            return self._drive(attempt, pi, complete_sale, cancel, status, resuming=True)
        # the old attempt cannot be reused (amount changed, PI canceled): close it, start afresh
        self._cancel_attempt(attempt, None)
        return None

    def _find_or_recreate(self, attempt: PaymentAttempt) -> IntentView | None:
        """The PaymentIntent of an attempt whose id was never recorded; None if there is none and there
        can be none under its key (Stripe's own error on the create is saved under it and replayed)."""
        found = self.terminal.find_payment_intent(attempt.attempt_id)
        if found is not None:
            return found
        # within 24 h the same key returns the original PaymentIntent if the first request reached Stripe
        try:
            return self._send_create(attempt)
        except PaymentError as e:
            if stripe_answered_5xx(e):
                self.journal.update(attempt.attempt_id, last_error=e.code or e.kind)
                return None
            raise

    # ------------------------------------------------------------------ steps 4-5
    def _drive(
        self,
        attempt: PaymentAttempt,
        pi: IntentView,
        complete_sale: CompleteSale,
        cancel: threading.Event,
        status: Callable[[str], None],
        *,
        resuming: bool = False,
    ) -> PaymentOutcome | None:
        """Steps 4-5. ``resuming`` an earlier attempt: None when its PaymentIntent turns out cancelled (the
        attempt is closed; the caller starts afresh)."""
        retries = 0
        while True:
            if cancel.is_set():
                return self._cashier_cancel(attempt, pi.id, complete_sale, reader_started=False)
            n = attempt.process_attempt + 1
            attempt = self.journal.update(attempt.attempt_id, status=READER_PROCESSING, process_attempt=n)
            status("waiting")
            try:
                reader = self.terminal.process_payment_intent(
                    pi.id, idempotency_key=f"{attempt.attempt_id}:process:{n}"
                )
            except (ReaderBusy, ReaderOffline) as e:
                # rejected, not queued; but a busy reader may be finishing *this* PaymentIntent
                reader = self._safe_reader()
                if reader is not None and reader.action_for("process_payment_intent", pi.id):
                    return self._poll(attempt, pi, complete_sale, cancel, status)
                cur = self.terminal.retrieve_payment_intent(pi.id)
                if cur.status in ("requires_capture", "succeeded"):
                    return self._authorized(attempt, cur, complete_sale)
                attempt = self.journal.update(
                    attempt.attempt_id, status=PI_CREATED, last_error=e.code or e.kind
                )
                return self._outcome(attempt, "failed", e.message, e)
            except PaymentError as e:
                if not e.ambiguous:
                    if isinstance(e, PaymentRejected):
                        # refused because of the PaymentIntent's state: it may have been authorised
                        # meanwhile (a late duplicate of an earlier command reached the reader)
                        cur = self.terminal.retrieve_payment_intent(pi.id)
                        if cur.status in ("requires_capture", "succeeded"):
                            return self._authorized(attempt, cur, complete_sale)
                        if resuming and cur.status == "canceled":
                            # cancelled elsewhere, and the read before was behind (relayed: the
                            # reader's failure heard before the PaymentIntent's cancellation)
                            self._cancel_attempt(attempt, None, intent=cur)
                            return None
                    attempt = self.journal.update(
                        attempt.attempt_id, status=PI_CREATED, last_error=e.code or e.kind
                    )
                    return self._outcome(attempt, "failed", e.message, e)
                # false negative possible: read the PaymentIntent, then the reader, before anything else
                self._crash("after_reader_process_sent")
                try:
                    cur = self.terminal.retrieve_payment_intent(pi.id)
                    if cur.status in ("requires_capture", "succeeded"):
                        return self._authorized(attempt, cur, complete_sale)
                    reader = self.terminal.retrieve_reader()
                except PaymentError as e2:
                    self.journal.update(attempt.attempt_id, last_error=e2.code or e2.kind)
                    return self._outcome(attempt, "failed", e2.message, e2)
                if reader.action_for("process_payment_intent", pi.id):
                    return self._poll(attempt, pi, complete_sale, cancel, status)
                retries += 1
                if retries > self.process_retries:
                    attempt = self.journal.update(
                        attempt.attempt_id, status=PI_CREATED, last_error=e.code or e.kind
                    )
                    return self._outcome(attempt, "failed", e.message, e)
                continue  # the reader never got it: resend with a new key (n+1)
            self._crash("after_reader_process_sent")
            mine = reader.action_for("process_payment_intent", pi.id)
            if mine is not None and mine.status != "in_progress":
                done = self._on_action_done(attempt, pi.id, mine, complete_sale)
                if done is not None:
                    return done
            return self._poll(attempt, pi, complete_sale, cancel, status)

    def _safe_reader(self) -> ReaderView | None:
        try:
            return self.terminal.retrieve_reader()
        except PaymentError:
            return None

    def _poll(
        self,
        attempt: PaymentAttempt,
        pi: IntentView,
        complete_sale: CompleteSale,
        cancel: threading.Event,
        status: Callable[[str], None],
    ) -> PaymentOutcome:
        deadline = self._monotonic() + self.authorization_timeout
        while True:
            if self._pause(cancel):
                return self._cashier_cancel(attempt, pi.id, complete_sale, reader_started=True)
            self._crash("during_reader_poll")
            try:
                reader = self.terminal.retrieve_reader()
            except PaymentError as e:
                if self._monotonic() > deadline:
                    self.journal.update(attempt.attempt_id, last_error=e.code or e.kind)
                    return self._outcome(attempt, "failed", e.message, e)
                continue
            action = reader.action_for("process_payment_intent", pi.id)
            if action is not None and action.status == "in_progress":
                if self._monotonic() > deadline:
                    return self._cashier_cancel(attempt, pi.id, complete_sale, reader_started=True)
                continue
            if action is not None:
                done = self._on_action_done(attempt, pi.id, action, complete_sale)
                if done is not None:
                    return done
                if self._monotonic() > deadline:
                    # the reader says the card was taken, Stripe does not show it yet: never report a
                    # failure the customer could answer by paying again
                    return self._unconfirmed(attempt)
                continue
            # the action is gone or overwritten: the PaymentIntent decides
            cur = self.terminal.retrieve_payment_intent(pi.id)
            if cur.status in ("requires_capture", "succeeded"):
                return self._authorized(attempt, cur, complete_sale)
            if cur.status == "processing":
                continue
            attempt = self.journal.update(
                attempt.attempt_id, status=PI_CREATED, last_error="reader_action_lost"
            )
            err = PaymentRejected(Sentence(N_("The reader stopped the payment. Press Pay to try again.")))
            return self._outcome(attempt, "failed", err.message, err)

    def _pause(self, cancel: threading.Event) -> bool:
        """Wait for the reader's next news: a poll interval, or (a terminal that is told of changes) until
        it hears of one. True when ``cancel`` was set meanwhile."""
        wait = getattr(self.terminal, "wait_for_change", None)
        if wait is None:
            return cancel.wait(self.poll_interval)
        wait(cancel, self.poll_interval)
        return cancel.is_set()

    def _unconfirmed(self, attempt: PaymentAttempt) -> PaymentOutcome:
        """The reader says the card was taken; Stripe has not confirmed it. The next Pay, the reconciler
        or ``settle_before_other_tender`` settles the attempt."""
        self.journal.update(attempt.attempt_id, last_error="authorization_unconfirmed")
        err = TerminalUnavailable(UNCONFIRMED_MESSAGE, code="authorization_unconfirmed")
        return self._outcome(attempt, "failed", err.message, err)

    def _on_action_done(
        self, attempt: PaymentAttempt, pi_id: str, action: ActionView, complete_sale: CompleteSale
    ) -> PaymentOutcome | None:
        """The outcome of a finished reader action; None if the reader reports success but the
        PaymentIntent does not show the authorisation yet (the caller keeps polling)."""
        try:
            cur = self.terminal.retrieve_payment_intent(pi_id)
        except PaymentError:
            if action.status != "succeeded":
                raise
            # the reader took the card but Stripe cannot confirm it: never tell the cashier "take cash"
            return self._unconfirmed(attempt)
        if cur.status in ("requires_capture", "succeeded"):
            return self._authorized(attempt, cur, complete_sale)
        if action.status == "succeeded":
            return None
        err = action_failure_error(replace(action, decline_code=action.decline_code or cur.decline_code))
        attempt = self.journal.update(
            attempt.attempt_id, status=PI_CREATED, last_error=err.decline_code or err.code or err.kind
        )
        status = {"declined": "declined", "cancelled": "cancelled"}.get(err.kind, "failed")
        return self._outcome(attempt, status, err.message, err)

    # ------------------------------------------------------------------ cancel
    def _cashier_cancel(
        self, attempt: PaymentAttempt, pi_id: str, complete_sale: CompleteSale, *, reader_started: bool
    ) -> PaymentOutcome:
        """Stop the reader; ``cancel_action`` does not stop a payment already in flight, so re-check the
        PaymentIntent until it settles, then void an authorisation the cashier no longer wants."""
        if reader_started:
            try:
                self.terminal.cancel_action()
            except PaymentError as e:
                log.info("cancel_action failed: %s", e.code or e.kind)
        self._wait_reader_done(pi_id)
        cur = self.terminal.retrieve_payment_intent(pi_id)
        if cur.status != "succeeded":
            attempt = self.journal.get(attempt.attempt_id) or attempt
            try:
                out = self._cancel_attempt(attempt, None, intent=cur)
            except PaymentRejected as e:
                # captured meanwhile, or captured already and the read was behind (relayed: the
                # PaymentIntent's webhook after the reader's): the PaymentIntent decides
                if e.code != "payment_intent_unexpected_state":
                    raise
                cur = self.terminal.retrieve_payment_intent(pi_id)
                if cur.status != "succeeded":
                    raise
        if cur.status == "succeeded":
            # captured by Stripe itself (Interac): the money is taken, so the sale completes
            out = self._authorized(attempt, cur, complete_sale)
            return replace(
                out,
                message=Sentence(N_("The card was charged before the cancel reached it; the sale is paid.")),
            )
        if cur.status == "requires_capture":
            return replace(
                out,
                message=Sentence(
                    N_(
                        "The card had already been tapped; that authorisation was released. "
                        "Card payment cancelled."
                    )
                ),
            )
        return out

    def _caught_up(self, pi: IntentView) -> IntentView:
        """Re-read a PaymentIntent that lags behind its reader's success until it shows the outcome
        (bounded as ``_wait_reader_done``); the last read if it never does."""
        deadline = self._monotonic() + max(10 * self.poll_interval, 5.0)
        while pi.status in _WAITING and self._monotonic() <= deadline:
            self._pause(threading.Event())
            pi = self.terminal.retrieve_payment_intent(pi.id)
        return pi

    def _wait_reader_done(self, pi_id: str) -> None:
        """After ``cancel_action``: a card tapped just before keeps authorising; wait (bounded) until the
        reader's action for this PaymentIntent is over, so the PaymentIntent read next is settled."""
        deadline = self._monotonic() + max(10 * self.poll_interval, 5.0)
        while True:
            reader = self._safe_reader()
            action = reader.action_for("process_payment_intent", pi_id) if reader else None
            if action is None or action.status != "in_progress" or self._monotonic() > deadline:
                return
            self._pause(threading.Event())

    def _cancel_attempt(
        self,
        attempt: PaymentAttempt,
        release_sale: Callable[[Any], None] | None,
        intent: IntentView | None = None,
    ) -> PaymentOutcome:
        pi_id = attempt.payment_intent_id
        if pi_id is None:
            found = self.terminal.find_payment_intent(attempt.attempt_id)
            pi_id = found.id if found else None
        if pi_id is not None:
            if intent is None:
                try:
                    self.terminal.cancel_action()
                except PaymentError:
                    pass
            cur = intent or self.terminal.retrieve_payment_intent(pi_id)
            if cur.status == "succeeded":
                return self._outcome(
                    attempt,
                    "pending_capture" if attempt.status == AUTHORIZED else "failed",
                    "This card was already charged: complete the sale or refund it.",
                )
            if cur.status == "requires_capture" and attempt.status == AUTHORIZED:
                raise PaymentInProgress(
                    Sentence(N_("The sale is already completed; it cannot be re-tendered."))
                )
            if cur.status != "canceled":
                self.terminal.cancel_payment_intent(
                    pi_id, idempotency_key=f"{attempt.attempt_id}:cancel", reason="requested_by_customer"
                )
        attempt = self.journal.commit_final(
            attempt.attempt_id, CANCELED, last_error="cancelled_by_cashier", release_sale=release_sale
        )
        return self._outcome(attempt, "cancelled", Sentence(N_("Card payment cancelled.")))

    # ------------------------------------------------------------------ steps 6-8
    def _authorized(
        self, attempt: PaymentAttempt, pi: IntentView, complete_sale: CompleteSale, *, recovered: bool = False
    ) -> PaymentOutcome:
        self._crash("after_authorized_observed")
        self._tls.status("pending")  # "payment taken, finishing…" (only ever reached inside pay())

        def step6(tx: Any) -> None:
            complete_sale(tx)
            self._crash("mid_sale_commit")

        attempt = self.journal.commit_authorized(attempt.attempt_id, step6, recovered=recovered)
        self._crash("after_sale_commit")
        return self._capture(attempt, pi)

    def _captured(self, attempt: PaymentAttempt) -> PaymentOutcome:
        attempt = self.journal.update(attempt.attempt_id, status=CAPTURED, last_error=None)
        self._crash("after_capture_commit")
        return self._outcome(attempt, "captured", "Paid by card.", recovered=attempt.recovered)

    def _cancelled_after_sale(self, attempt: PaymentAttempt) -> PaymentOutcome:
        attempt = self.journal.update(
            attempt.attempt_id,
            status=FAILED,
            recovered=True,
            last_error="authorization_canceled_after_sale",
        )
        err = PaymentRejected(
            Sentence(
                N_(
                    "The card was NOT charged: its authorisation was cancelled after the sale was "
                    "recorded. Call a manager before the customer leaves."
                )
            )
        )
        return self._outcome(attempt, "unpaid", err.message, err, recovered=True)

    def _pending_capture(self, attempt: PaymentAttempt, last: PaymentError | None) -> PaymentOutcome:
        attempt = self.journal.update(
            attempt.attempt_id, last_error=(last.code or last.kind) if last else "capture"
        )
        return self._outcome(
            attempt,
            "pending_capture",
            "Sale recorded; the card payment is pending capture and will be retried.",
            last,
        )

    def _hand_over(self, attempt: PaymentAttempt, pi_id: str) -> PaymentOutcome:
        """Step 7 with a terminal whose backend captures: hand it the sale's commit (the backend captures
        later, off the critical path). Not handed over (backend unreachable): pending capture, and the
        reconciler hands it over again; the backend never captures what it was not handed."""
        try:
            cur = self.terminal.capture_payment_intent(pi_id, idempotency_key=f"{attempt.attempt_id}:capture")
            self._crash("after_capture_sent")
        except PaymentError as e:
            log.warning("capture of %s not handed over: %s", attempt.attempt_id, e.code or e.kind)
            return self._pending_capture(attempt, e)
        if cur.status == "succeeded":
            return self._captured(attempt)
        if cur.status == "canceled":
            return self._cancelled_after_sale(attempt)
        if attempt.last_error is not None:
            attempt = self.journal.update(attempt.attempt_id, last_error=None)
        return self._outcome(attempt, "authorized", "Paid by card.", recovered=attempt.recovered)

    def _capture(self, attempt: PaymentAttempt, pi: IntentView) -> PaymentOutcome:
        pi_id = attempt.payment_intent_id or pi.id
        if pi.status == "succeeded":
            return self._captured(attempt)
        if getattr(self.terminal, "captures_in_backend", False):
            return self._hand_over(attempt, pi_id)
        last: PaymentError | None = None
        for k in range(self.capture_attempts):
            key = f"{attempt.attempt_id}:capture" if k == 0 else f"{attempt.attempt_id}:capture:{k}"
            try:
                captured = self.terminal.capture_payment_intent(pi_id, idempotency_key=key)
                self._crash("after_capture_sent")
                if captured.status == "succeeded":
                    return self._captured(attempt)
            except PaymentError as e:
                last = e
                log.warning("capture %s failed: %s", attempt.attempt_id, e.code or e.kind)
            # whatever happened, the PaymentIntent says whether the capture took effect
            try:
                cur = self.terminal.retrieve_payment_intent(pi_id)
            except PaymentError as e:
                last = e
                cur = None
            if cur is not None and cur.status == "succeeded":
                return self._captured(attempt)
            if cur is not None and cur.status == "canceled":
                return self._cancelled_after_sale(attempt)
            if k + 1 < self.capture_attempts:
                threading.Event().wait(min(self.capture_backoff * (2**k), 5.0))
        return self._pending_capture(attempt, last)

    # ------------------------------------------------------------------ reconciler
    def _settle(
        self,
        attempt: PaymentAttempt,
        complete_sale: RecoverSale,
        release_sale: RecoverSale | None,
        *,
        recovered: bool = True,
    ) -> _Settled:
        """Settle one attempt that is not final by asking Stripe (the reconciler, and the gate before
        another tender). Raises ``PaymentError`` if Stripe cannot be asked; the attempt then stays."""
        before = attempt.status

        def release(a: PaymentAttempt) -> Callable[[Any], None] | None:
            return (lambda tx: release_sale(a, tx)) if release_sale is not None else None

        if attempt.payment_intent_id is None:
            found = self._find_or_recreate(attempt)
            if found is None:
                attempt = self.journal.commit_final(attempt.attempt_id, FAILED, release_sale=release(attempt))
                return _Settled(attempt, before, _NO_CHARGE, "no PaymentIntent: Stripe's error on the create")
            pi = found
            attempt = self.journal.update(attempt.attempt_id, status=PI_CREATED, payment_intent_id=pi.id)
        else:
            pi = self.terminal.retrieve_payment_intent(attempt.payment_intent_id)
        if pi.status in _WAITING:
            reader = self._safe_reader()
            action = reader.action_for("process_payment_intent", pi.id) if reader else None
            if action is not None and action.status == "in_progress":
                self.terminal.cancel_action()
                self._wait_reader_done(pi.id)
                pi = self.terminal.retrieve_payment_intent(pi.id)
            elif action is not None and action.status == "succeeded":
                # the reader took the card and the PaymentIntent read does not show it yet (relayed: the
                # reader's webhook heard before the PaymentIntent's): cancelling on that read would void
                # the authorisation of a sale the reconciler could recover. Wait for Stripe to show it.
                pi = self._caught_up(pi)
                if pi.status in _WAITING:
                    return _Settled(
                        attempt, before, _OPEN, "the reader took the card; Stripe does not show it yet"
                    )
            if pi.status in _WAITING:
                try:
                    self.terminal.cancel_payment_intent(
                        pi.id, idempotency_key=f"{attempt.attempt_id}:cancel", reason="abandoned"
                    )
                except PaymentRejected:  # no longer cancellable: it moved on meanwhile, read it again
                    pi = self.terminal.retrieve_payment_intent(pi.id)
                else:
                    attempt = self.journal.commit_final(
                        attempt.attempt_id, FAILED, last_error="abandoned", release_sale=release(attempt)
                    )
                    return _Settled(attempt, before, _NO_CHARGE, "no payment taken; PaymentIntent cancelled")
        if pi.status in _WAITING or pi.status == "processing":
            return _Settled(attempt, before, _OPEN, "still processing at Stripe")
        if pi.status == "canceled":
            if attempt.status == AUTHORIZED:
                attempt = self.journal.update(
                    attempt.attempt_id,
                    status=FAILED,
                    recovered=True,
                    last_error="authorization_canceled_after_sale",
                )
                return _Settled(
                    attempt, before, _MANAGER, "sale completed but the authorisation was cancelled: manager"
                )
            attempt = self.journal.commit_final(
                attempt.attempt_id, FAILED, last_error="canceled", release_sale=release(attempt)
            )
            return _Settled(attempt, before, _NO_CHARGE, "PaymentIntent was cancelled")
        # requires_capture or succeeded: the card was charged
        if attempt.status != AUTHORIZED:
            a = attempt
            try:
                attempt = self.journal.commit_authorized(
                    attempt.attempt_id, lambda tx: complete_sale(a, tx), recovered=recovered
                )
            except SaleMovedOn as e:
                log.warning("card attempt %s: its sale moved on (%s)", attempt.attempt_id, e)
                return self._release_moved_on(attempt, pi, before)
        out = self._capture(attempt, pi)
        attempt = self.journal.get(attempt.attempt_id) or attempt
        return _Settled(attempt, before, _CHARGED, f"charged; {out.status}", out)

    def _release_moved_on(self, attempt: PaymentAttempt, pi: IntentView, before: str) -> _Settled:
        """The card was authorised but its sale can no longer take it: never capture it. An
        authorisation is cancelled (the hold goes); a payment Stripe captured itself (Interac) can only
        be refunded — on the reader, with the card — so it is closed and listed for the manager."""
        if pi.status == "requires_capture":
            try:
                pi = self.terminal.cancel_payment_intent(
                    pi.id, idempotency_key=f"{attempt.attempt_id}:cancel", reason="abandoned"
                )
            except PaymentRejected:  # refused: read what it is now (cancelled, or captured meanwhile)
                pi = self.terminal.retrieve_payment_intent(pi.id)
                if pi.status not in ("canceled", "succeeded"):
                    raise
        if pi.status != "succeeded":
            attempt = self.journal.commit_final(attempt.attempt_id, CANCELED, last_error="sale_moved_on")
            return _Settled(attempt, before, _RELEASED, "authorisation cancelled: its sale moved on")
        attempt = self.journal.update(
            attempt.attempt_id, status=FAILED, recovered=True, last_error="charged_without_sale"
        )
        return _Settled(attempt, before, _MANAGER, "charged, but its sale moved on: refund it (manager)")


_WAITING = ("requires_payment_method", "requires_confirmation", "requires_action")
_NO_CHARGE, _RELEASED, _CHARGED, _OPEN, _MANAGER = "no_charge", "released", "charged", "open", "manager"


@dataclass(frozen=True)
class _Settled:
    """What settling one attempt came to: ``result`` is ``no_charge`` (final, nothing taken),
    ``released`` (final, an authorisation cancelled), ``charged`` (its sale completed; ``capture``
    says how the capture went), ``open`` (Stripe still processing) or ``manager`` (final, flagged)."""

    attempt: PaymentAttempt
    before: str
    result: str
    note: str
    capture: PaymentOutcome | None = None

    def settlement(self) -> Settlement:
        a = self.attempt
        return Settlement(a.attempt_id, a.sale_uuid, self.before, a.status, a.recovered, self.note)
