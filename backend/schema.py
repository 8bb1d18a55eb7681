"""The backend's tables, written once for both engines (SQLAlchemy Core). Migrations: backend/migrations/.

Types are portable: amounts and member numbers are 64-bit integers (BIGINT on PostgreSQL, INTEGER on
SQLite), flags are booleans (0/1 on SQLite, as the first SQLite schema stored them), timestamps from the
tills stay ISO 8601 text as the contract carries them, server times are UNIX seconds.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# a 64-bit integer; on SQLite an INTEGER PRIMARY KEY must be spelled INTEGER to be the rowid
Big = BigInteger().with_variant(Integer(), "sqlite")


def Flag(name: str, default: bool | None = None) -> Column:  # noqa: N802 - a column factory
    return Column(
        name,
        Boolean(create_constraint=False),
        nullable=False,
        server_default=None if default is None else ("1" if default else "0"),
    )


# A till session as its till's till.opened and till.closed events tell it (GET /v1/till-sessions): the
# float, and at the close the expected and counted cash and the difference (counted - expected).
till_sessions = Table(
    "till_sessions",
    metadata,
    Column("session_id", Text, primary_key=True),
    Column("till_id", Text, nullable=False),
    Column("currency", Text),
    Column("opened_at", Text),
    Column("opened_by", Text),
    Column("opening_float", BigInteger),
    Column("closed_at", Text),
    Column("closed_by", Text),
    Column("expected_cash", BigInteger),
    Column("counted_cash", BigInteger),
    Column("difference", BigInteger),
    Column("reason", Text),
    Column("approved_by", Text),
    Column("sales_count", BigInteger),
    Column("net_sales", BigInteger),
    Index("till_sessions_till", "till_id", "opened_at"),
)

devices = Table(
    "devices",
    metadata,
    Column("till_id", Text, primary_key=True),
    Column("token_sha256", Text, nullable=False, unique=True),
    Flag("revoked", False),
    # the store the till is in: its sales take that store's stock, its writes are for this store only
    # (NULL: registered before stores were recorded; such a till may not write for any store until it is
    # registered again)
    Column("store_id", Text),
)

# One row per (device, Idempotency-Key): the first answer, stored in the transaction of the batch's effects
# (so always `state` 'done': a 'running' claim is a lock held for the transaction, never a row).
idempotency = Table(
    "idempotency",
    metadata,
    Column("device", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("state", Text, nullable=False),
    Column("status", Integer),
    Column("body", LargeBinary),
    Column("created_at", Float, nullable=False),
    PrimaryKeyConstraint("device", "key"),
    CheckConstraint("state IN ('running', 'done')", name="idempotency_state"),
    Index("idempotency_created", "created_at"),  # the purge after the window (backend.app)
)

events = Table(
    "events",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("till_id", Text, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("received_at", Float, nullable=False),
)

# What each till's applied events add up to, per day (the date of occurred_at) and type: kept in the
# transaction that applies them, read by GET /v1/reconciliation (sync/contract.py: how the digest is made).
till_days = Table(
    "till_days",
    metadata,
    Column("till_id", Text, nullable=False),
    Column("day", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("count", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("digest", BigInteger, nullable=False),
    PrimaryKeyConstraint("till_id", "day", "type"),
)

sales = Table(
    "sales",
    metadata,
    Column("sale_uuid", Text, primary_key=True),
    Column("event_id", Text, ForeignKey("events.event_id"), nullable=False, unique=True),
    Column("till_id", Text, nullable=False),
    Column("receipt_no", Text, nullable=False),
    Column("currency", Text, nullable=False),
    Column("member_no", BigInteger),
    Column("total", BigInteger, nullable=False),
    Column("item_count", BigInteger, nullable=False),
    Column("occurred_at", Text, nullable=False),
    Column("tenders", Text, nullable=False, server_default="[]"),
    Column("store_id", Text),  # the store of the till that recorded it
    Column("points_earned", BigInteger, nullable=False, server_default="0"),
    # points the customer spent on the sale, and how many of them returns have given back since
    Column("points_redeemed", BigInteger, nullable=False, server_default="0"),
    Column("points_returned", BigInteger, nullable=False, server_default="0"),
    Index("sales_member", "member_no", "occurred_at"),
    Index("sales_receipt", "receipt_no"),
    CheckConstraint("points_returned <= points_redeemed", name="sales_points_returned"),
)

sale_lines = Table(
    "sale_lines",
    metadata,
    Column("sale_uuid", Text, ForeignKey("sales.sale_uuid"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("sku", Text, nullable=False),
    Column("name", Text, nullable=False, server_default=""),
    Column("qty", BigInteger, nullable=False),
    Column("unit_price", BigInteger, nullable=False, server_default="0"),
    Column("tax_code", Text, nullable=False, server_default=""),
    Column("paid_amount", BigInteger, nullable=False),
    Column("returned_qty", BigInteger, nullable=False, server_default="0"),
    Column("refunded_amount", BigInteger, nullable=False, server_default="0"),
    # the member's points (pos.loyalty): what the line earned, and the points tender's value it was paid with
    Column("points_earned", BigInteger, nullable=False, server_default="0"),
    Column("points_paid", BigInteger, nullable=False, server_default="0"),
    Column("tax_amount", BigInteger),
    PrimaryKeyConstraint("sale_uuid", "line_no"),
    CheckConstraint("returned_qty <= qty", name="sale_lines_returned"),
    CheckConstraint("refunded_amount <= paid_amount", name="sale_lines_refunded"),
)

returns = Table(
    "returns",
    metadata,
    Column("return_uuid", Text, primary_key=True),
    Column("event_id", Text, ForeignKey("events.event_id"), nullable=False, unique=True),
    Column("till_id", Text, nullable=False),
    Column("total_refunded", BigInteger, nullable=False),
    Column("store_id", Text),
    Flag("needs_review", False),  # an unverified return (made offline): a person looks at it
    # the number on its return receipt (GET /v1/returns/by-receipt: a till told it is a return, not a sale)
    Column("receipt_no", Text),
    Index("returns_receipt", "receipt_no"),
)

# A return's hold on the original's lines, taken before the till refunds anything (POST /v1/returns/claims):
# its quantities and amounts are counted in the lines' returned_qty and refunded_amount while `state` is
# 'claimed'; the return's event replaces it ('completed'); a return given up releases it ('released').
return_claims = Table(
    "return_claims",
    metadata,
    Column("return_uuid", Text, primary_key=True),
    Column("till_id", Text, nullable=False),
    Column("original_kind", Text, nullable=False),  # 'order' | 'sale'
    Column("original_ref", Text, nullable=False),
    Column("lines", Text, nullable=False),  # JSON [{line_no, sku, qty, refund_amount}]
    Column("state", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    CheckConstraint("state IN ('claimed', 'completed', 'released')", name="return_claims_state"),
)

# Store credit issued by returns (a refund of method store_credit whose reference is the code), spent by
# redemptions in any store: balance = issued - what the redemptions in state 'redeemed' took.
store_credits = Table(
    "store_credits",
    metadata,
    Column("code", Text, primary_key=True),
    Column("currency", Text, nullable=False),
    Column("issued", BigInteger, nullable=False),
    Column("return_uuid", Text, nullable=False),
    Column("created_at", Text, nullable=False),
    CheckConstraint("issued >= 0", name="store_credits_issued"),
)

credit_redemptions = Table(
    "credit_redemptions",
    metadata,
    Column("redemption_id", Text, primary_key=True),
    Column("code", Text, ForeignKey("store_credits.code"), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("sale_uuid", Text),
    Column("till_id", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    CheckConstraint("amount > 0", name="credit_redemptions_amount"),
    CheckConstraint("status IN ('redeemed', 'released')", name="credit_redemptions_status"),
    Index("credit_redemptions_code", "code"),
)

points_ledger = Table(
    "points_ledger",
    metadata,
    Column("id", Big, primary_key=True, autoincrement=True),
    Column("event_id", Text, ForeignKey("events.event_id"), nullable=False),
    Column("programme", Text, nullable=False),
    Column("member_no", BigInteger, nullable=False),
    Column("delta", BigInteger, nullable=False),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("event_id", "programme"),
    Index("points_member", "member_no", "programme"),
)

members = Table(
    "members",
    metadata,
    Column("member_no", BigInteger, primary_key=True, autoincrement=False),
    Column("first_name", Text, nullable=False),
    Column("last_initial", Text, nullable=False),
    Column("tier", Text, nullable=False),
    Flag("consent_marketing"),
    Flag("consent_personalisation"),
    Flag("consent_receipts"),
    Column("card_serial", Integer, nullable=False, server_default="1"),
    # found by the member search only (never in a profile): the full last name, e-mail, phone (digits)
    Column("last_name", Text),
    Column("email", Text),
    Column("phone", Text),
    Column("enrolled_at", Text),
    Index("members_email", "email"),
    Index("members_phone", "phone"),
)

# A provisional number a till gave at an offline enrolment, and the member it was merged into.
member_aliases = Table(
    "member_aliases",
    metadata,
    Column("alias_no", BigInteger, primary_key=True, autoincrement=False),
    Column("member_no", BigInteger, ForeignKey("members.member_no"), nullable=False),
    Column("enrolment_id", Text, nullable=False, unique=True),
)

# The coupon ledger: a coupon is used once, across every till and the web. A claim by a sale that no sale
# event confirms lapses after backend.loyalty.CLAIM_TTL_S.
coupon_ledger = Table(
    "coupon_ledger",
    metadata,
    Column("code", Text, primary_key=True),
    Column("member_no", BigInteger, nullable=False),
    Column("state", Text, nullable=False),
    Column("channel", Text, nullable=False),
    Column("ref", Text, nullable=False),  # the sale_uuid (a till) or the order number (the web)
    Column("event_id", Text),
    Column("claimed_at", Float, nullable=False),
    CheckConstraint("state IN ('claimed', 'used')", name="coupon_ledger_state"),
)

# The check-in that earned a member's visit points in a store on a day (at most one).
checkin_days = Table(
    "checkin_days",
    metadata,
    Column("member_no", BigInteger, nullable=False),
    Column("store_id", Text, nullable=False),
    Column("local_date", Text, nullable=False),
    Column("event_id", Text, nullable=False),
    PrimaryKeyConstraint("member_no", "store_id", "local_date"),
)

member_coupons = Table(
    "member_coupons",
    metadata,
    Column("member_no", BigInteger, ForeignKey("members.member_no"), nullable=False),
    Column("code", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("percent_off_bp", Integer),
    Column("amount_off", BigInteger),
    Column("expires_at", Text, nullable=False),
    PrimaryKeyConstraint("member_no", "code"),
)

member_views = Table(
    "member_views",
    metadata,
    Column("member_no", BigInteger, ForeignKey("members.member_no"), nullable=False),
    Column("sku", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("viewed_at", Text, nullable=False),
)

checkins = Table(
    "checkins",
    metadata,
    Column("event_id", Text, ForeignKey("events.event_id"), primary_key=True),
    Column("member_no", BigInteger, nullable=False),
    Column("store_id", Text),
)

revoked_cards = Table(
    "revoked_cards",
    metadata,
    Column("member_no", BigInteger, nullable=False),
    Column("card_serial", Integer, nullable=False),
    PrimaryKeyConstraint("member_no", "card_serial"),
)

# The member-token signing keys: public halves only. The private key is kept outside the database (a 0600
# file, backend/keys.py); `private_raw` is only where an older backend kept it, emptied at start.
# Only active keys are published; an inactive key never signs again.
signing_keys = Table(
    "signing_keys",
    metadata,
    Column("key_id", Integer, primary_key=True, autoincrement=False),
    Column("private_raw", LargeBinary),
    Column("public_raw", LargeBinary),
    Flag("active", True),
)

orders = Table(
    "orders",
    metadata,
    Column("order_no", Text, primary_key=True),
    Column("status", Text, nullable=False),
    Column("placed_at", Text, nullable=False),
    Column("currency", Text, nullable=False),
    Column("member_no", BigInteger),
    Column("pickup_store_id", Text),
    Column("customer_display_name", Text, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("tenders", Text, nullable=False),
    # orders placed by a till (endless aisle, reservations), and how any order reaches its customer
    Column("request_id", Text, unique=True),  # the till's UUID for the request: asking again places one
    Column("origin", Text, nullable=False, server_default="online"),  # online | till
    Column("fulfilment", Text),  # delivery | pickup | reservation
    Column("source_store_id", Text),  # where its stock is held and comes from
    Column("ready_on", Text),  # the day promised: delivered by / to collect from (YYYY-MM-DD)
    Column("expires_at", Float),  # a reservation: held until; an order not paid yet: pay by (UNIX s)
    Column("sale_uuid", Text),  # the till's sale that paid it (or collected the reservation)
    Column("delivery_address", Text),
    Column("points_earned", BigInteger, nullable=False, server_default="0"),
    Column("points_redeemed", BigInteger, nullable=False, server_default="0"),
    Column("points_returned", BigInteger, nullable=False, server_default="0"),
    Column("ready_at", Text),  # put on the pickup shelf
    Column("collect_by", Text),  # the last day to collect it
    Column("shelf", Text),
    Column("pickup_code", Text),  # the code the customer's app shows for the pickup
    # what the customer can tell the store to see the order's contents without its QR code (checked by the
    # backend, never sent to a till): the last four digits of the card that paid it, and the SHA-256 of
    # the e-mail address (lower case)
    Column("card_last4", Text),
    Column("check_email_sha256", Text),
    Column("qr_secret", Text),  # the order's QR is OMO:ORDER:<order_no>.<qr_secret>
    Index("orders_member", "member_no", "placed_at"),
    Index("orders_pickup", "pickup_store_id", "status"),
    CheckConstraint("points_returned <= points_redeemed", name="orders_points_returned"),
)

order_lines = Table(
    "order_lines",
    metadata,
    Column("order_no", Text, ForeignKey("orders.order_no"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("sku", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("qty", BigInteger, nullable=False),
    Column("unit_price", BigInteger, nullable=False),
    Column("paid_amount", BigInteger, nullable=False),
    Column("tax_code", Text, nullable=False),
    Column("returned_qty", BigInteger, nullable=False, server_default="0"),
    Column("refunded_amount", BigInteger, nullable=False, server_default="0"),
    Column("tax_amount", BigInteger),
    Column("handed_over_qty", BigInteger, nullable=False, server_default="0"),
    PrimaryKeyConstraint("order_no", "line_no"),
    CheckConstraint("returned_qty <= qty", name="order_lines_returned"),
    CheckConstraint("refunded_amount <= paid_amount", name="order_lines_refunded"),
)

products = Table(
    "products",
    metadata,
    Column("sku", Text, primary_key=True),
    Column("name", Text, nullable=False),
    Column("brand", Text, nullable=False),
    Column("category", Text, nullable=False),
    Column("tax_code", Text, nullable=False),
    Column("price", BigInteger, nullable=False),
    Column("barcodes", Text, nullable=False),  # a JSON array
    Flag("active"),
    Column("popularity", BigInteger, nullable=False),
    Flag("deleted", False),
    Column("version", BigInteger, nullable=False),
    Index("products_version", "version", unique=True),
)

counters = Table(
    "counters",
    metadata,
    Column("name", Text, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

promotions = Table(
    "promotions",
    metadata,
    Column("promo_id", Text, primary_key=True),
    Column("body", Text, nullable=False),
)

carts = Table(
    "carts",
    metadata,
    Column("cart_id", Text, primary_key=True),
    Column("member_no", BigInteger),
    Column("shared_at", Text, nullable=False),
    Column("lines", Text, nullable=False),
    Column("coupons", Text, nullable=False),
    Column("currency", Text),
)

stores = Table(
    "stores",
    metadata,
    Column("store_id", Text, primary_key=True),
    Column("name", Text, nullable=False),
    # the most a return without an original (no receipt, no order) may refund, with a manager's approval
    Column("max_unreceipted_refund", BigInteger, nullable=False, server_default="10000"),
    Column("kind", Text, nullable=False, server_default="store"),  # store | warehouse (delivers only)
    Column("city", Text, nullable=False, server_default=""),
    Column("latitude", Float),
    Column("longitude", Float),
    Column(
        "opening_hours", Text, nullable=False, server_default="[]"
    ),  # JSON: Monday..Sunday "09:00-20:00"|""
    Column("timezone", Text, nullable=False, server_default="UTC"),
    CheckConstraint("kind IN ('store', 'warehouse')", name="stores_kind"),
)

# Units on hand per store (`available`: sales take it down, resellable returns and deliveries put it back);
# what can still be promised is that minus the active holds below.
stock = Table(
    "stock",
    metadata,
    Column("store_id", Text, ForeignKey("stores.store_id"), nullable=False),
    Column("sku", Text, nullable=False),
    Column("available", BigInteger, nullable=False),
    Column("updated_at", Text, nullable=False),
    PrimaryKeyConstraint("sku", "store_id"),
)

# The tills' audit chains, anchored: each sync sends the entries written since the last one; a stored entry
# never changes, so a chain rewritten on a till no longer matches this copy (`omo-pos audit verify`).
audit_entries = Table(
    "audit_entries",
    metadata,
    Column("till_id", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("at", Text, nullable=False),
    Column("actor", Text),
    Column("action", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", Text, nullable=False),
    Column("hash", Text, nullable=False),
    Column("received_at", Float, nullable=False),
    PrimaryKeyConstraint("till_id", "seq"),
)

# Rate limits shared by the worker processes on PostgreSQL (one process on SQLite keeps them in memory):
# the theoretical arrival time of the next request per key (GCRA). UNLOGGED on PostgreSQL: losing it in
# a crash only forgets who was slowed down.
rate_limits = Table(
    "rate_limits",
    metadata,
    Column("key", Text, primary_key=True),
    Column("tat", Float, nullable=False),
)  # made UNLOGGED on PostgreSQL by its migration (0007_trust)
# Stock promised to an order line: a reservation (until `expires_at`), an order placed at a till and not paid
# yet (until its pay-by time), a paid order (no end: until it is sent). Taken under the stock row's lock when
# on hand minus the active holds covers it, so the last unit is never promised twice. A hold past its
# `expires_at` no longer counts, whatever its state says.
holds = Table(
    "holds",
    metadata,
    Column("order_no", Text, ForeignKey("orders.order_no"), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("store_id", Text, ForeignKey("stores.store_id"), nullable=False),
    Column("sku", Text, nullable=False),
    Column("qty", BigInteger, nullable=False),
    Column("state", Text, nullable=False),  # held | released | fulfilled
    Column("expires_at", Float),
    Column("created_at", Float, nullable=False),
    PrimaryKeyConstraint("order_no", "line_no"),
    CheckConstraint("qty > 0", name="holds_qty"),
    CheckConstraint("state IN ('held', 'released', 'fulfilled')", name="holds_state"),
    Index("holds_stock", "sku", "store_id", "state"),
)

# Deliveries on their way to a store (shown as incoming; received: into its stock).
deliveries = Table(
    "deliveries",
    metadata,
    Column("id", Big, primary_key=True, autoincrement=True),
    Column("store_id", Text, ForeignKey("stores.store_id"), nullable=False),
    Column("sku", Text, nullable=False),
    Column("qty", BigInteger, nullable=False),
    Column("expected_on", Text, nullable=False),  # YYYY-MM-DD
    Flag("received", False),
    CheckConstraint("qty > 0", name="deliveries_qty"),
    Index("deliveries_sku", "sku", "store_id"),
)

# The variants of a style (one SKU per colour and size), shown side by side.
product_variants = Table(
    "product_variants",
    metadata,
    Column("sku", Text, primary_key=True),
    Column("style", Text, nullable=False),
    Column("colour", Text, nullable=False, server_default=""),
    Column("size", Text, nullable=False, server_default=""),
    Column("position", Integer, nullable=False, server_default="0"),  # sizes in their order (S < M < L)
    Index("product_variants_style", "style"),
)

# What the member's app is told (a reservation made for them, an order placed or ready), newest last.
member_events = Table(
    "member_events",
    metadata,
    Column("id", Big, primary_key=True, autoincrement=True),
    Column("member_no", BigInteger, nullable=False),
    Column("kind", Text, nullable=False),
    Column("order_no", Text),
    Column("body", Text, nullable=False),  # JSON
    Column("created_at", Float, nullable=False),
    Index("member_events_member", "member_no", "id"),
)

# ---------------------------------------------------------------- card payments relayed for the tills
# (backend/card_relay.py). Server times are UNIX seconds; Stripe's objects are kept as its JSON text.

# The readers the chain's tills may use, each of one store (a till uses only its own store's readers).
card_readers = Table(
    "card_readers",
    metadata,
    Column("reader_id", Text, primary_key=True),
    Column("store_id", Text, nullable=False),
    Column("reader_json", Text),  # Stripe's reader object as last read (its action is kept below)
    Column("read_at", Float),
    Column("action_json", Text),  # the reader's current action as the backend knows it (null: none)
    Column("action_pi", Text),  # the PaymentIntent that action is about
    Flag("action_known", True),  # False while a command's answer is not recorded (ask Stripe)
    Column("command_at", Float),  # when the backend last sent the reader a command
    Column("version", BigInteger, nullable=False, server_default="0"),
)

# One row per tender attempt a till asked the backend to take: written before Stripe is called.
card_payments = Table(
    "card_payments",
    metadata,
    Column("attempt_id", Text, primary_key=True),
    Column("till_id", Text, nullable=False),
    Column("store_id", Text),
    Column("sale_uuid", Text, nullable=False),
    Column("reader_id", Text, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("currency", Text, nullable=False),
    Column("payment_intent_id", Text, unique=True),
    Column("pi_json", Text),  # the PaymentIntent as Stripe last told the backend (answer, event, read)
    Column("pi_rank", Integer, nullable=False, server_default="0"),
    Column("pi_at", BigInteger, nullable=False, server_default="0"),  # Stripe's time of that state
    Column("version", BigInteger, nullable=False, server_default="0"),
    Column("capture_key", Text),  # the till handed the sale's commit over with this key
    Column("capture_amount", BigInteger),
    Column("capture_state", Text),  # null | pending | captured | failed
    Column("capture_due", Float),
    Column("capture_tries", Integer, nullable=False, server_default="0"),
    Column("capture_lease", Float),
    Column("capture_error", Text),
    Column("created_at", Float, nullable=False),
    Index("card_payments_capture", "capture_state", "capture_due"),
    Index("card_payments_sale", "sale_uuid"),
    Index("card_payments_created", "created_at"),
)

# One row per refund a till asked the backend to make (its refund attempt's key): written before Stripe is
# called, Stripe's Refund kept once it answered; the same key again answers the same refund.
card_refunds = Table(
    "card_refunds",
    metadata,
    Column("till_id", Text, primary_key=True),
    Column("refund_key", Text, primary_key=True),
    Column("payment_intent_id", Text, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("refund_id", Text),
    Column("refund_json", Text),
    Column("created_at", Float, nullable=False),
    Index("card_refunds_intent", "payment_intent_id"),
)

# Stripe events applied (from a webhook or from the events list), each once.
stripe_events = Table(
    "stripe_events",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("type", Text, nullable=False),
    Column("created", BigInteger, nullable=False),
    Column("received_at", Float, nullable=False),
    Column("via", Text, nullable=False),  # webhook | list
    Index("stripe_events_received", "received_at"),
)

# What each till is told about its card payments, in order (the till's channel resumes after `seq`).
till_messages = Table(
    "till_messages",
    metadata,
    Column("seq", Big, primary_key=True, autoincrement=True),
    Column("till_id", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", Float, nullable=False),
    Index("till_messages_till", "till_id", "seq"),
    Index("till_messages_created", "created_at"),
)

# The chain's Stripe budget, shared by every worker (UNLOGGED on PostgreSQL: a crash resets it to full,
# which Stripe's own one-second buckets have done long before a restart).
stripe_budget = Table(
    "stripe_budget",
    metadata,
    Column("key", Text, primary_key=True),
    Column("tat", Float, nullable=False),
    Column("window_start", Float, nullable=False, server_default="0"),
    Column("count", BigInteger, nullable=False, server_default="0"),
    Column("prev_count", BigInteger, nullable=False, server_default="0"),
    Column("limited", BigInteger, nullable=False, server_default="0"),
)
