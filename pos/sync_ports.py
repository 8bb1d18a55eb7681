"""The domain's port to the OMO backend: what the till asks the backend on demand, as plain data.

Implemented by `sync.engine.SyncEngine` (and `sync.client.BackendClient`). Pure Python: no HTTP here.
Every call may raise `BackendUnavailable` (offline, timeout, server trouble, contract violation — the
message is fit for a cashier) or `BackendNotFound`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from pos.errors import N_, Sentence


class BackendError(Exception):
    """Base of the backend port's errors. `str(exc)` is a message a cashier understands."""


class BackendUnavailable(BackendError):
    """The backend could not be reached or gave an unusable answer; try again later."""


class BackendNotFound(BackendError):
    """The backend does not know the member, order, cart or product asked for."""


class CouponUsed(BackendError):
    """The backend's coupon ledger gave the coupon to another sale or an online order."""


# What the backend's refusals (HTTP 409) say to the person at the till, by code: templates the window
# translates, in the backend's style (a clause in lower case without a full stop: the till's own sentence
# frames it, "The backend refused this return: {why}."). A code not listed here keeps the backend's words.
REFUSALS: dict[str, str] = {
    "exceeds_returnable": N_("fewer are left to return on that sale than asked"),
    "exceeds_refundable": N_("the refund is more than what is left of that sale's payment"),
    "claim_conflict": N_("this return was claimed with other lines"),
    "claim_released": N_("this return was given up; start it again"),
    "claim_completed": N_("this return was completed; it cannot be given up"),
    "currency_mismatch": N_("it is in another currency"),
    "redemption_conflict": N_("this store credit payment was made before for another amount"),
    "redemption_released": N_("this store credit payment was given back; make a new one"),
    "redemption_used": N_("the sale this store credit paid is recorded already"),
    "insufficient_credit": N_("not enough is left on this store credit"),
    "out_of_stock": N_("not enough left to promise there"),  # app.stock names the store itself
    "order_conflict": N_("this request was used for another order"),
    "order_paid": N_("the order is paid already"),
    "order_not_paid": N_("the order is not paid yet"),
}


class BackendRefused(BackendError):
    """The backend understood the request and said no (HTTP 409): `code` says why (e.g.
    ``exceeds_returnable``, ``insufficient_credit``); `str(exc)` is its sentence for the till: a
    `Sentence` from `REFUSALS` for a known code (`app.messages.said` translates it), else the backend's
    own words; `detail` is always the backend's own words (logs)."""

    def __init__(self, code: str, message: str) -> None:
        known = REFUSALS.get(code)
        super().__init__(Sentence(known) if known else message)
        self.code = code
        self.detail = message


class BackendTooManyTries(BackendError):
    """Too many wrong tries (HTTP 429 on a customer check): no more are checked for `retry_after`
    seconds, right or wrong."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Coupon:
    code: str
    title: str
    expires_at: str
    percent_off_bp: int | None = None
    amount_off: int | None = None


@dataclass(frozen=True)
class OrderedItem:
    sku: str
    name: str
    qty: int


@dataclass(frozen=True)
class RecentOrder:
    channel: str  # "online" | "store"
    ref: str  # order number or sale UUID
    placed_at: str
    currency: str
    total: int
    item_count: int
    lines: tuple[OrderedItem, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    sku: str
    name: str
    reason: str  # "bought_together" | "viewed"


@dataclass(frozen=True)
class ViewedItem:
    sku: str
    name: str
    viewed_at: str


@dataclass(frozen=True)
class Consent:
    marketing: bool
    personalisation: bool
    receipts_by_email: bool


@dataclass(frozen=True)
class MemberProfile:
    """Only what the member panel shows: no address, phone, e-mail or birth date. ``view`` "checkout"
    (found by number: no history) or "full" (with the member's QR code); ``as_of`` (wall-clock unix
    seconds) says when the backend gave it, ``from_cache`` that it comes from the till's cache."""

    member_no: int
    display_name: str
    tier: str
    points_balance: int
    coupons: tuple[Coupon, ...]
    recent_orders: tuple[RecentOrder, ...]
    recently_viewed: tuple[ViewedItem, ...]
    consent: Consent
    fetched_at: float = 0.0  # monotonic seconds when fetched (cache age)
    # "checkout": found by number (no recent orders or recently viewed items); "full": opened by the member's
    # own code from their app or card
    view: str = "full"
    suggestions: tuple[Suggestion, ...] = ()
    as_of: float = 0.0
    from_cache: bool = False


@dataclass(frozen=True)
class MemberHit:
    """A member the search found: what an associate needs to pick the right one, no more."""

    member_no: int
    display_name: str
    tier: str
    hint: str


@dataclass(frozen=True)
class OrderLine:
    line_no: int
    sku: str
    name: str
    qty: int
    unit_price: int
    paid_amount: int
    tax_code: str
    returned_qty: int
    returnable_qty: int
    tax_amount: int | None = None  # the tax in paid_amount, when the backend knows it
    refunded_amount: int = 0  # refunded so far, across all tills (claims included)
    handed_over_qty: int = 0  # handed over at a store so far (pickups)

    @property
    def waiting_qty(self) -> int:
        """Units still waiting for pickup: neither handed over nor taken back."""
        return max(self.qty - self.handed_over_qty - self.returned_qty, 0)


@dataclass(frozen=True)
class Tender:
    method: str
    amount: int
    reference: str | None = None


@dataclass(frozen=True)
class OnlineOrder:
    order_no: str
    status: str  # paid | ready_for_pickup | handed_over | shipped | delivered | cancelled
    placed_at: str
    currency: str
    member_no: int | None
    lines: tuple[OrderLine, ...]
    tenders: tuple[Tender, ...]
    total: int
    pickup_store_id: str | None = None
    customer_display_name: str = ""
    # "summary": found by number (no lines, tenders, member or customer); "full": with its QR or a check
    view: str = "full"
    item_count: int = 0
    origin: str = "online"  # online | till
    fulfilment: str | None = None  # delivery | pickup | reservation
    source_store_id: str | None = None  # where its stock is held
    ready_on: str | None = None  # the day promised (YYYY-MM-DD)
    expires_at: str | None = None  # a reservation: held until; an order placed at a till: pay by
    points_earned: int = 0
    points_redeemed: int = 0
    ready_at: str | None = None  # put on the pickup shelf
    collect_by: str | None = None  # the last day to collect it
    shelf: str | None = None
    overdue: bool = False  # not collected in time: it goes back to stock
    qr_text: str | None = None  # its QR (OMO:ORDER:<no>.<secret>), in a full view where it has one


@dataclass(frozen=True)
class ReturnReceipt:
    """A return from any till, found by the number on its receipt: a return receipt is not a sale."""

    return_uuid: str
    receipt_no: str
    till_id: str
    original_receipt_no: str | None  # the in-store sale it returned from
    original_order_no: str | None  # the online order it returned from


@dataclass(frozen=True)
class StoreSale:
    """An in-store sale from any till, as the backend knows it (for returns across tills)."""

    sale_uuid: str
    receipt_no: str
    till_id: str
    occurred_at: str
    currency: str
    member_no: int | None
    lines: tuple[OrderLine, ...]
    tenders: tuple[Tender, ...]
    total: int
    points_earned: int = 0
    points_redeemed: int = 0


@dataclass(frozen=True)
class PickupList:
    store_id: str
    as_of: str  # the backend's time of the list
    orders: tuple[OnlineOrder, ...]


@dataclass(frozen=True)
class StoreCredit:
    code: str
    currency: str
    issued: int
    balance: int
    created_at: str


@dataclass(frozen=True)
class CreditRedemption:
    redemption_id: str
    code: str
    amount: int
    balance: int  # what is left on the credit after it
    status: str  # redeemed | released


@dataclass(frozen=True)
class CartLine:
    sku: str
    qty: int
    name: str = ""
    unit_price: int | None = None  # the price the app showed
    available_here: int | None = None  # units in the store asked about (None: not known there)


@dataclass(frozen=True)
class SharedCart:
    cart_id: str
    shared_at: str
    lines: tuple[CartLine, ...]
    member_no: int | None = None
    coupons: tuple[str, ...] = ()
    currency: str | None = None


@dataclass(frozen=True)
class Incoming:
    """A delivery on its way to a store."""

    qty: int
    expected_on: str  # YYYY-MM-DD


@dataclass(frozen=True)
class StoreStock:
    """An item at one store (or warehouse): `available` can still be promised (on hand minus what is
    held for reservations and orders); `updated_at`: its last movement (None: never stocked there)."""

    store_id: str
    store_name: str
    available: int
    updated_at: str | None
    kind: str = "store"  # store | warehouse
    on_hand: int = 0
    held: int = 0
    city: str = ""
    distance_km: float | None = None  # from the asking till's store
    opening_hours: tuple[str, ...] = ()  # Monday..Sunday, "09:00-20:00" or "" (closed)
    timezone: str = "UTC"
    incoming: tuple[Incoming, ...] = ()


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows. `state`: "online" | "degraded" | "offline"."""

    state: str
    queue_depth: int = 0
    dead_letters: int = 0
    oldest_unsynced_age_s: float | None = None  # as of the snapshot
    oldest_unsynced_at: float | None = None  # wall-clock unix seconds of the oldest queued event
    last_success_at: float | None = None  # wall-clock unix seconds
    catalog_done: int | None = None  # changes applied in the running catalog sync
    catalog_total: int | None = None
    message: str = ""  # a sentence for the cashier when not online

    @property
    def catalog_progress(self) -> float | None:
        if self.catalog_total is None or self.catalog_done is None:
            return None
        return 1.0 if self.catalog_total == 0 else min(1.0, self.catalog_done / self.catalog_total)


class Backend(Protocol):
    """What the domain asks the backend (each call blocks: never call it on the GUI thread)."""

    def member_profile(
        self, member_no: int, *, max_age_s: float | None = None, member_token: str | None = None
    ) -> MemberProfile: ...

    def order(self, order_no: str, member_token: str | None = None) -> OnlineOrder: ...

    def order_by_qr(self, qr_text: str) -> OnlineOrder: ...

    def sale(self, sale_uuid: str) -> StoreSale: ...

    def cart(self, cart_id: str) -> SharedCart: ...

    def stock_elsewhere(self, sku: str) -> list[StoreStock]: ...


class ReturnsBackend(Protocol):
    """What returns, pickups and store credit ask the backend (each call blocks). Refusals raise
    `BackendRefused` (409) or `BackendNotFound` (404); the rest `BackendUnavailable`."""

    def order(self, order_no: str, member_token: str | None = None) -> OnlineOrder: ...

    def order_by_qr(self, qr_text: str) -> OnlineOrder: ...

    def sale(self, sale_uuid: str) -> StoreSale: ...

    def sale_by_receipt(self, receipt_no: str) -> StoreSale: ...

    def return_by_receipt(self, receipt_no: str) -> ReturnReceipt: ...

    def check_customer(self, order_no: str, method: str, value: str) -> OnlineOrder | None:
        """The order in full when what the customer says matches it, else None (BackendTooManyTries
        after too many wrong checks)."""
        ...

    def pickups(self, store_id: str) -> PickupList: ...

    def claim_return(self, claim: dict) -> str: ...

    def release_return(self, return_uuid: str) -> str: ...

    def store_credit(self, code: str) -> StoreCredit: ...

    def redeem_credit(
        self, code: str, redemption_id: str, amount: int, currency: str, sale_uuid: str | None
    ) -> CreditRedemption: ...

    def release_credit(self, code: str, redemption_id: str) -> CreditRedemption: ...


class SyncState(Protocol):
    """The sync worker as the status bar sees it."""

    def snapshot(self) -> SyncStatus: ...
