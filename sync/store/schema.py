"""Schema and forward-only migrations, versioned in ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database from version ``n - 1`` to version ``n``. Never edit a released
migration: add the next one. A database whose version is above ``LATEST`` was written by a newer
program and is refused (opening it could destroy what the newer version stored).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sync.store.errors import DatabaseNewerError


def _immutable(table: str, what: str) -> str:
    return f"""
CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{what} are final and cannot be changed; record a correction instead'); END;
CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table}
BEGIN SELECT RAISE(ABORT, '{what} are final and cannot be deleted; record a correction instead'); END;
"""


V1 = (
    """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,            -- JSON
    updated_at TEXT NOT NULL
);
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE receipt_sequences (
    till_id TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0)
) WITHOUT ROWID;
CREATE TABLE receipt_reservations (
    receipt_no TEXT PRIMARY KEY,
    till_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    reserved_at TEXT NOT NULL
);

CREATE TABLE till_sessions (
    session_id TEXT PRIMARY KEY,
    till_id TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    currency TEXT NOT NULL,
    opening_float INTEGER NOT NULL
);
CREATE INDEX till_sessions_till ON till_sessions (till_id, opened_at);
CREATE TABLE cash_movements (
    movement_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES till_sessions (session_id),
    kind TEXT NOT NULL CHECK (kind IN ('paid_in', 'paid_out', 'drop', 'float', 'no_sale')),
    amount INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    staff_id TEXT NOT NULL,
    approved_by TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX cash_movements_session ON cash_movements (session_id);
CREATE TABLE cash_counts (
    count_id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES till_sessions (session_id),
    kind TEXT NOT NULL CHECK (kind IN ('opening', 'interim', 'closing')),
    denominations TEXT NOT NULL,     -- JSON {"2000": 3, ...}
    total INTEGER NOT NULL,
    counted_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX cash_counts_session ON cash_counts (session_id);
CREATE TABLE till_closures (
    session_id TEXT PRIMARY KEY REFERENCES till_sessions (session_id),
    till_id TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    closed_at TEXT NOT NULL,
    currency TEXT NOT NULL,
    expected_cash INTEGER NOT NULL,
    counted_cash INTEGER NOT NULL,
    difference INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    approved_by TEXT,
    report TEXT NOT NULL             -- JSON
);

-- Sales: an integer sale_id (the rowid, growing) keys the child rows, so every insert of a sale commit
-- appends at the right edge of each B-tree: ~12 pages per 5-line sale instead of ~15 with UUID keys
-- (the durable-commit budget is 2x one fsync).
CREATE TABLE sales (
    sale_id INTEGER PRIMARY KEY,
    sale_uuid TEXT NOT NULL UNIQUE,
    receipt_no TEXT NOT NULL UNIQUE,
    till_id TEXT NOT NULL,
    session_id TEXT REFERENCES till_sessions (session_id),
    staff_id TEXT NOT NULL,
    member_no INTEGER,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL,
    subtotal INTEGER NOT NULL,
    discount_total INTEGER NOT NULL,
    tax_total INTEGER NOT NULL,
    total INTEGER NOT NULL
);
CREATE INDEX sales_session ON sales (session_id);
-- line_key = sale_id * 10000 + line_no: a rowid table appends at its right edge with SQLite's quick
-- balance (~1.2 pages per 5-line sale; the same rows keyed (sale_id, line_no) WITHOUT ROWID cost ~2).
CREATE TABLE sale_lines (
    line_key INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales (sale_id),
    line_no INTEGER NOT NULL CHECK (line_no BETWEEN 1 AND 9999),
    sku TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    tax_code TEXT NOT NULL,
    tax_amount INTEGER NOT NULL,
    paid_amount INTEGER NOT NULL,
    CHECK (line_key = sale_id * 10000 + line_no)
);
CREATE TABLE sale_tax_lines (
    sale_id INTEGER NOT NULL REFERENCES sales (sale_id),
    tax_code TEXT NOT NULL,
    rate_bp INTEGER NOT NULL,
    taxable_amount INTEGER NOT NULL,
    tax_amount INTEGER NOT NULL,
    PRIMARY KEY (sale_id, tax_code)
) WITHOUT ROWID;
CREATE TABLE sale_tenders (
    sale_id INTEGER NOT NULL REFERENCES sales (sale_id),
    tender_no INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('card', 'cash', 'points', 'gift_card', 'store_credit')),
    amount INTEGER NOT NULL,
    change_given INTEGER NOT NULL DEFAULT 0,
    reference TEXT,
    PRIMARY KEY (sale_id, tender_no)
) WITHOUT ROWID;

CREATE TABLE returns (
    return_uuid TEXT PRIMARY KEY,
    receipt_no TEXT NOT NULL UNIQUE,
    till_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    member_no INTEGER,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL,
    tax_total INTEGER NOT NULL,
    total INTEGER NOT NULL,
    original_sale_uuid TEXT,
    original_order_no TEXT,
    reason TEXT NOT NULL DEFAULT '',
    approved_by TEXT
);
CREATE TABLE return_lines (
    return_uuid TEXT NOT NULL REFERENCES returns (return_uuid),
    line_no INTEGER NOT NULL,
    sku TEXT NOT NULL,
    description TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    refund_amount INTEGER NOT NULL,
    tax_code TEXT NOT NULL,
    tax_amount INTEGER NOT NULL,
    original_sale_uuid TEXT,
    original_line_no INTEGER,
    restock INTEGER NOT NULL,
    PRIMARY KEY (return_uuid, line_no)
) WITHOUT ROWID;
CREATE INDEX return_lines_original ON return_lines (original_sale_uuid, original_line_no);
CREATE TABLE return_refunds (
    return_uuid TEXT NOT NULL REFERENCES returns (return_uuid),
    refund_no INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('card', 'cash', 'points', 'gift_card', 'store_credit')),
    amount INTEGER NOT NULL,
    reference TEXT,
    PRIMARY KEY (return_uuid, refund_no)
) WITHOUT ROWID;

CREATE TABLE payment_attempts (
    attempt_id TEXT PRIMARY KEY,
    sale_uuid TEXT,
    amount INTEGER,
    currency TEXT,
    idempotency_key TEXT UNIQUE,
    payment_intent_id TEXT,
    reader_id TEXT,
    status TEXT,
    process_attempt INTEGER DEFAULT 0,
    last_error TEXT,
    recovered INTEGER DEFAULT 0,
    created_at TEXT,
    updated_at TEXT
);
CREATE INDEX payment_attempts_sale ON payment_attempts (sale_uuid);
CREATE INDEX payment_attempts_status ON payment_attempts (status);

CREATE TABLE open_carts (
    till_id TEXT PRIMARY KEY,
    cart TEXT NOT NULL,              -- JSON
    updated_at TEXT NOT NULL
);

CREATE TABLE members (
    member_no INTEGER PRIMARY KEY,
    display_name TEXT,
    tier TEXT,
    points_balance INTEGER,
    points_as_of TEXT,
    profile TEXT,                    -- JSON, only what the screen needs
    fetched_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX members_expires ON members (expires_at);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,           -- JSON
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_attempt_at TEXT,
    acked_at TEXT
);
-- The outbox holds only what is not yet acknowledged (ack deletes), so it stays small and needs no
-- partial index: one B-tree fewer in every sale commit.
CREATE TRIGGER outbox_keep_unacked BEFORE DELETE ON outbox WHEN old.acked_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM dead_letters WHERE event_id = old.event_id)
BEGIN SELECT RAISE(ABORT, 'an outbox event that was not acknowledged cannot be deleted'); END;
CREATE TABLE dead_letters (
    seq INTEGER PRIMARY KEY,         -- the event's outbox seq, kept so a retry keeps its place
    event_id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT,
    reason TEXT NOT NULL,
    dead_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    details TEXT NOT NULL,           -- canonical JSON
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
    + _immutable("sales", "finalised sales")
    + _immutable("sale_lines", "finalised sales")
    + _immutable("sale_tax_lines", "finalised sales")
    + _immutable("sale_tenders", "finalised sales")
    + _immutable("returns", "finalised returns")
    + _immutable("return_lines", "finalised returns")
    + _immutable("return_refunds", "finalised returns")
    + _immutable("till_closures", "till closures")
    + _immutable("cash_movements", "cash movements")
    + _immutable("cash_counts", "cash counts")
)

# Version 2: the catalog cache. Search as you type: FTS5 with prefix indexes, whose rowid is the
# product's ``search_key`` = (MAX_POPULARITY - popularity) << 32 | id, so that FTS5 returns matches
# best seller first and ``LIMIT 20`` never scores the other matches.
V2 = """
CREATE TABLE tax_codes (
    code TEXT PRIMARY KEY,
    rate_bp INTEGER NOT NULL,
    label TEXT NOT NULL DEFAULT ''
);
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    brand TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    tax_code TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0),
    active INTEGER NOT NULL DEFAULT 1,
    popularity INTEGER NOT NULL DEFAULT 0,
    search_key INTEGER NOT NULL UNIQUE,
    updated_at TEXT NOT NULL
);
CREATE TABLE barcodes (
    barcode TEXT PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX barcodes_product ON barcodes (product_id);
CREATE VIRTUAL TABLE products_fts USING fts5 (
    name, brand, sku,
    content = 'products', content_rowid = 'search_key',
    prefix = '1 2 3',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_fts_ai AFTER INSERT ON products WHEN new.active
BEGIN
    INSERT INTO products_fts (rowid, name, brand, sku) VALUES (new.search_key, new.name, new.brand, new.sku);
END;
CREATE TRIGGER products_fts_ad AFTER DELETE ON products WHEN old.active
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, brand, sku)
    VALUES ('delete', old.search_key, old.name, old.brand, old.sku);
END;
CREATE TRIGGER products_fts_au_old AFTER UPDATE OF name, brand, sku, active, search_key ON products
WHEN old.active
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, brand, sku)
    VALUES ('delete', old.search_key, old.name, old.brand, old.sku);
END;
CREATE TRIGGER products_fts_au_new AFTER UPDATE OF name, brand, sku, active, search_key ON products
WHEN new.active
BEGIN
    INSERT INTO products_fts (rowid, name, brand, sku) VALUES (new.search_key, new.name, new.brand, new.sku);
END;
CREATE TABLE price_rules (
    rule_id TEXT PRIMARY KEY,
    sku TEXT NOT NULL,
    price INTEGER NOT NULL CHECK (price >= 0),
    starts_at TEXT,
    ends_at TEXT,
    member_only INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX price_rules_sku ON price_rules (sku);
CREATE TABLE promotions (
    promo_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    definition TEXT NOT NULL,        -- JSON, interpreted by pos/promotions
    starts_at TEXT,
    ends_at TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
);
CREATE TABLE suspended_carts (
    suspended_id INTEGER PRIMARY KEY AUTOINCREMENT,
    till_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    cart TEXT NOT NULL,
    suspended_at TEXT NOT NULL,
    suspended_by TEXT
);
"""

# Version 3: SQLite fires the triggers of one event newest first, so the two AFTER UPDATE triggers of
# version 2 inserted the new FTS entry before deleting the old one; with an unchanged search_key the
# entry vanished. One trigger with the two statements in order fixes it; the index is rebuilt.
V3 = """
DROP TRIGGER products_fts_au_old;
DROP TRIGGER products_fts_au_new;
CREATE TRIGGER products_fts_au AFTER UPDATE OF name, brand, sku, active, search_key ON products
BEGIN
    INSERT INTO products_fts (products_fts, rowid, name, brand, sku)
    SELECT 'delete', old.search_key, old.name, old.brand, old.sku WHERE old.active;
    INSERT INTO products_fts (rowid, name, brand, sku)
    SELECT new.search_key, new.name, new.brand, new.sku WHERE new.active;
END;
INSERT INTO products_fts (products_fts) VALUES ('delete-all');
INSERT INTO products_fts (rowid, name, brand, sku)
SELECT search_key, name, brand, sku FROM products WHERE active ORDER BY search_key;
"""

# Version 4: one page fewer in every sale commit. The receipt sequences and the outbox sequence live
# as rows of one small ``counters`` table (one leaf page), instead of ``receipt_sequences`` plus the
# ``sqlite_sequence`` row AUTOINCREMENT writes. The outbox keeps its seq values; new ones continue
# above the highest ever used, so a seq is still never reused.
V4 = """
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL CHECK (value >= 0)
) WITHOUT ROWID;
INSERT INTO counters (name, value) SELECT 'receipt:' || till_id, last_seq FROM receipt_sequences;
INSERT INTO counters (name, value) VALUES ('outbox', max(
    coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0),
    coalesce((SELECT max(seq) FROM outbox), 0),
    coalesce((SELECT max(seq) FROM dead_letters), 0)));
DROP TABLE receipt_sequences;
CREATE TABLE outbox_v4 (
    seq INTEGER PRIMARY KEY,         -- from counters('outbox'): increasing, never reused
    event_id TEXT NOT NULL UNIQUE,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_attempt_at TEXT,
    acked_at TEXT
);
INSERT INTO outbox_v4 SELECT seq, event_id, event_type, payload, created_at, attempts, last_error,
    last_attempt_at, acked_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v4 RENAME TO outbox;
CREATE TRIGGER outbox_keep_unacked BEFORE DELETE ON outbox WHEN old.acked_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM dead_letters WHERE event_id = old.event_id)
BEGIN SELECT RAISE(ABORT, 'an outbox event that was not acknowledged cannot be deleted'); END;
"""

# Version 5: two more pages out of every sale commit. A sale's event refers to the immutable sale
# (``doc_ref``) instead of copying it as JSON, and ``event_id`` loses its unique index (the outbox holds
# only un-acknowledged rows, so the few lookups by id scan a short table; ``enqueue`` checks for a
# duplicate id itself). An index on ``created_at`` is not needed either: seq order is creation order.
V5 = """
CREATE TABLE outbox_v5 (
    seq INTEGER PRIMARY KEY,         -- from counters('outbox'): increasing, never reused
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,           -- JSON, or '' when doc_ref names the document
    doc_ref TEXT,                    -- 'sale:<sale_id>': payload built from the journal
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    last_attempt_at TEXT,
    acked_at TEXT
);
INSERT INTO outbox_v5 (seq, event_id, event_type, payload, created_at, attempts, last_error, last_attempt_at,
    acked_at)
SELECT seq, event_id, event_type, payload, created_at, attempts, last_error, last_attempt_at, acked_at
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v5 RENAME TO outbox;
CREATE TRIGGER outbox_keep_unacked BEFORE DELETE ON outbox WHEN old.acked_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM dead_letters WHERE event_id = old.event_id)
BEGIN SELECT RAISE(ABORT, 'an outbox event that was not acknowledged cannot be deleted'); END;
ALTER TABLE dead_letters ADD COLUMN doc_ref TEXT;
"""

# Version 6: one more page out of every sale commit. A till's sales are in sale_id order and a session
# owns every sale from its opening on, so a session's sales are found from the first sale_id it could
# own (recorded when it opens) instead of through an index on sales.session_id.
V6 = """
DROP INDEX sales_session;
ALTER TABLE till_sessions ADD COLUMN first_sale_id INTEGER;
"""

# Version 7: a tender records its cash rounding (pos.documents.Tender.rounding).
V7 = """
ALTER TABLE sale_tenders ADD COLUMN rounding INTEGER NOT NULL DEFAULT 0;
"""


def v8(conn: sqlite3.Connection) -> None:
    """Version 8: a sale's ``sale_id`` is its receipt sequence number, so the durable sale commit writes
    two B-tree pages fewer (measured: ~0.2x of an fsync off the 5-line sale commit).

    Before, a sale bumped a counter row (``counters('receipt:<till>')``, shared with the outbox's
    ``counters('outbox')``) and kept a UNIQUE index on ``receipt_no``; both pages were written by every
    sale. Now the receipt sequence is one per database: the next number is one more than the largest
    number any document or reservation holds (``sale_id``, ``returns.seq``, ``receipt_reservations.seq``)
    and than ``counters('receipt_floor')``, the largest number the earlier counters had handed out. A
    number is still never reused: documents and reservations are never deleted (triggers), and a
    number taken by a transaction that did not commit was never shown to anyone. A renamed till carries
    on counting instead of starting again at 1. Sales written before this version keep their
    ``sale_id`` (their numbers are below the floor). The receipt number is written only by
    ``journal.commit_sale``, from ``sale_id``; the primary key is what makes it unique.

    ``sales`` is rebuilt without the UNIQUE on ``receipt_no`` (SQLite cannot drop a constraint): the
    documented 12-step procedure, with foreign keys off (``FOREIGN_KEYS_OFF``) and checked before commit.
    """
    legacy = conn.execute("SELECT coalesce(max(sale_id), 0) FROM sales").fetchone()[0]
    floor = conn.execute(
        "SELECT max(coalesce((SELECT max(value) FROM counters WHERE name LIKE 'receipt:%'), 0), "
        "coalesce((SELECT max(seq) FROM receipt_reservations), 0), ?)",
        (legacy,),
    ).fetchone()[0]
    script = f"""
CREATE TABLE sales_v8 (
    sale_id INTEGER PRIMARY KEY,     -- the receipt sequence number (sync/store/receipts.py)
    sale_uuid TEXT NOT NULL UNIQUE,
    receipt_no TEXT NOT NULL,        -- the till's prefix, '-', sale_id as 6+ digits (since version 8)
    till_id TEXT NOT NULL,
    session_id TEXT REFERENCES till_sessions (session_id),
    staff_id TEXT NOT NULL,
    member_no INTEGER,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL,
    subtotal INTEGER NOT NULL,
    discount_total INTEGER NOT NULL,
    tax_total INTEGER NOT NULL,
    total INTEGER NOT NULL
);
INSERT INTO sales_v8 (sale_id, sale_uuid, receipt_no, till_id, session_id, staff_id, member_no, currency,
    created_at, subtotal, discount_total, tax_total, total)
SELECT sale_id, sale_uuid, receipt_no, till_id, session_id, staff_id, member_no, currency, created_at,
    subtotal, discount_total, tax_total, total FROM sales;
DROP TABLE sales;
ALTER TABLE sales_v8 RENAME TO sales;
ALTER TABLE returns ADD COLUMN seq INTEGER;  -- its receipt sequence number (NULL before version 8)
CREATE UNIQUE INDEX returns_seq ON returns (seq);
CREATE INDEX receipt_reservations_seq ON receipt_reservations (seq);
CREATE TRIGGER receipt_reservations_no_delete BEFORE DELETE ON receipt_reservations
BEGIN SELECT RAISE(ABORT, 'a reserved receipt number stays taken'); END;
DELETE FROM counters WHERE name = 'outbox' OR name LIKE 'receipt:%';
INSERT INTO counters (name, value) VALUES ('receipt_floor', {int(floor)});
""" + _immutable("sales", "finalised sales")
    for stmt in statements(script):
        conn.execute(stmt)


# Version 9: tax rates of any precision the law uses, and weighed lines. A rate was kept in whole basis
# points, so a sale at New York City's 8.875 % could not be recorded at all; the rate is now the exact
# percent as canonical decimal text ("8.875", "20"; pos.tax.TaxRate.text), in the sale's tax lines and in
# the catalog's tax codes. A weighed line keeps its weight (exact decimal text in its unit, "0.750"), the
# unit ("kg"), the price per unit and the unit it is per when that differs ("lb"; pos.measure.Measure);
# NULL on every other line.
_BP_TO_TEXT = """CASE WHEN rate_bp % 100 = 0 THEN CAST(rate_bp / 100 AS TEXT)
    WHEN rate_bp % 10 = 0 THEN (rate_bp / 100) || '.' || ((rate_bp % 100) / 10)
    ELSE (rate_bp / 100) || '.' || printf('%02d', rate_bp % 100) END"""
V9 = f"""
CREATE TABLE sale_tax_lines_v9 (
    sale_id INTEGER NOT NULL REFERENCES sales (sale_id),
    tax_code TEXT NOT NULL,
    rate TEXT NOT NULL,              -- percent, exact decimal text: '8.875'
    taxable_amount INTEGER NOT NULL,
    tax_amount INTEGER NOT NULL,
    PRIMARY KEY (sale_id, tax_code)
) WITHOUT ROWID;
INSERT INTO sale_tax_lines_v9 (sale_id, tax_code, rate, taxable_amount, tax_amount)
SELECT sale_id, tax_code, {_BP_TO_TEXT}, taxable_amount, tax_amount FROM sale_tax_lines;
DROP TABLE sale_tax_lines;
ALTER TABLE sale_tax_lines_v9 RENAME TO sale_tax_lines;
CREATE TABLE tax_codes_v9 (
    code TEXT PRIMARY KEY,
    rate TEXT NOT NULL,              -- percent, exact decimal text
    label TEXT NOT NULL DEFAULT ''
);
INSERT INTO tax_codes_v9 (code, rate, label) SELECT code, {_BP_TO_TEXT}, label FROM tax_codes;
DROP TABLE tax_codes;
ALTER TABLE tax_codes_v9 RENAME TO tax_codes;
ALTER TABLE sale_lines ADD COLUMN measure_quantity TEXT;
ALTER TABLE sale_lines ADD COLUMN measure_unit TEXT;
ALTER TABLE sale_lines ADD COLUMN measure_price INTEGER;
ALTER TABLE sale_lines ADD COLUMN measure_per TEXT;
ALTER TABLE return_lines ADD COLUMN measure_quantity TEXT;
ALTER TABLE return_lines ADD COLUMN measure_unit TEXT;
ALTER TABLE return_lines ADD COLUMN measure_price INTEGER;
ALTER TABLE return_lines ADD COLUMN measure_per TEXT;
""" + _immutable("sale_tax_lines", "finalised sales")


# Version 10: till sessions that open and close. A session is open until its closure (``closed_at``), at
# most one per till (a partial unique index; an older session left open beside a newer one, which only an
# earlier test could write, counts as superseded). Returns, like sales, belong to the session open at their
# commit. A closure records the last receipt number it counted, so a sale committed after it (with no
# session open) is counted by the next session instead of being lost (sync/store/till.py).
V10 = """
ALTER TABLE till_sessions ADD COLUMN closed_at TEXT;
UPDATE till_sessions SET closed_at = (
    SELECT c.closed_at FROM till_closures c WHERE c.session_id = till_sessions.session_id);
UPDATE till_sessions SET closed_at = opened_at WHERE closed_at IS NULL AND EXISTS (
    SELECT 1 FROM till_sessions n WHERE n.till_id = till_sessions.till_id AND n.closed_at IS NULL
    AND n.opened_at > till_sessions.opened_at);
CREATE UNIQUE INDEX till_sessions_one_open ON till_sessions (till_id) WHERE closed_at IS NULL;
ALTER TABLE till_closures ADD COLUMN last_sale_id INTEGER;
ALTER TABLE returns ADD COLUMN session_id TEXT;
"""


# Version 11: returns and exchanges that refund money outside the till (a card refund at Stripe) are
# written ahead: ``return_attempts`` keeps the planned return and each refund's state until every refund is
# settled, then the return is committed (``sync/store/returns.py``); a store credit spent as a tender is
# recorded before the backend is asked (``credit_redemptions``). A return records where it was made, whether
# the backend checked it, the points it reversed and why each line came back.
V11 = """
CREATE TABLE return_attempts (
    return_uuid TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('return', 'exchange')),
    state TEXT NOT NULL CHECK (state IN ('claimed', 'refunding', 'done', 'abandoned')),
    document TEXT NOT NULL,          -- JSON: the ReturnDocument to commit (its refunds as planned)
    refunds TEXT NOT NULL,           -- JSON: one entry per refund, with its state at the payment provider
    sale_uuid TEXT,                  -- an exchange: the sale its credit pays into
    staff_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX return_attempts_state ON return_attempts (state);
CREATE TABLE credit_redemptions (
    redemption_id TEXT PRIMARY KEY,
    sale_uuid TEXT NOT NULL,
    code TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    state TEXT NOT NULL CHECK (state IN ('asked', 'redeemed', 'released')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX credit_redemptions_sale ON credit_redemptions (sale_uuid);
ALTER TABLE returns ADD COLUMN store_id TEXT NOT NULL DEFAULT '';
ALTER TABLE returns ADD COLUMN verified INTEGER NOT NULL DEFAULT 1;
ALTER TABLE returns ADD COLUMN points_taken_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE returns ADD COLUMN points_given_back INTEGER NOT NULL DEFAULT 0;
ALTER TABLE return_lines ADD COLUMN reason TEXT NOT NULL DEFAULT '';
"""


# Version 12: a sale line that is not taken from this store's shelf (pos/fulfilment.py): an order the backend
# placed, delivered home or collected here later, or a reservation collected here. Its order as JSON text
# ({"kind", "order_no", "source", "ready_on"}); NULL on every other line.
V12 = """
ALTER TABLE sale_lines ADD COLUMN fulfilment TEXT;
"""


MIGRATIONS: dict[int, str | Callable[[sqlite3.Connection], None]] = {
    1: V1,
    2: V2,
    3: V3,
    4: V4,
    5: V5,
    6: V6,
    7: V7,
    8: v8,
    9: V9,
    10: V10,
    11: V11,
    12: V12,
}
# Migrations that rebuild a table other tables refer to run with foreign keys off (they cannot be
# switched inside a transaction) and end with PRAGMA foreign_key_check (SQLite's 12-step procedure).
FOREIGN_KEYS_OFF = {8}
LATEST = max(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies contain semicolons)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.strip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement: {buf[:80]!r}")
    return out


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(version: int, path: object = "") -> None:
    if version > LATEST:
        raise DatabaseNewerError(
            f"This database was written by a newer version of OMO POS (schema {version}; this program "
            f"knows up to {LATEST}). Install the newer version again; the file was not changed. {path}"
        )


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Bring the database up to ``target``, one migration per transaction. Returns the versions applied."""
    applied: list[int] = []
    current = user_version(conn)
    check_not_newer(current)
    while current < target:
        nxt = current + 1
        step = MIGRATIONS[nxt]
        fk_off = nxt in FOREIGN_KEYS_OFF and conn.execute("PRAGMA foreign_keys").fetchone()[0]
        if fk_off:
            conn.execute("PRAGMA foreign_keys = OFF")
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                if user_version(conn) != current:  # pragma: no cover - another writer raced us
                    raise RuntimeError("schema changed under the migration")
                if callable(step):
                    step(conn)
                else:
                    for stmt in statements(step):
                        conn.execute(stmt)
                broken = conn.execute("PRAGMA foreign_key_check").fetchmany(5) if fk_off else []
                if broken:  # pragma: no cover - only a damaged database gets here
                    raise sqlite3.IntegrityError(f"migration {nxt} would break foreign keys: {broken}")
                conn.execute(f"PRAGMA user_version = {nxt}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            if fk_off:
                conn.execute("PRAGMA foreign_keys = ON")
        applied.append(nxt)
        current = nxt
    return applied
