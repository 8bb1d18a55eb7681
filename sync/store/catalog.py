"""The catalog cache: products with several barcodes, search as you type, exact barcode lookup, import
from CSV/JSON and deltas from the backend (``apply_changes``).

Search ranking without scoring: each product's ``search_key = (MAX_POP - popularity) << 32 | id`` is the
rowid of its FTS5 entry, so FTS5 hands matches back best seller first and ``LIMIT`` stops after the
first few; no query ever ranks every match. Triggers on ``products`` keep the FTS index in step with
every insert, update and delete; barcodes cascade with their product.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pos.ports import Product
from sync.store import gtin
from sync.store.util import now_iso

log = logging.getLogger("sync.catalog")

MAX_POPULARITY = 2**31 - 1
IMPORT_CACHE_KIB = 65536
CURSOR_KEY = "catalog_cursor"
REQUIRED = ("sku", "name", "tax_code", "price")
_COLS = "p.id, p.sku, p.name, p.brand, p.category, p.tax_code, p.price, p.active, p.popularity"
_TOKEN = re.compile(r"\w+", re.UNICODE)


def search_key(popularity: int, product_id: int) -> int:
    pop = min(max(int(popularity), 0), MAX_POPULARITY)
    return ((MAX_POPULARITY - pop) << 32) | product_id


# ---------------------------------------------------------------- reading
def _barcodes_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for pid, code in conn.execute(
            f"SELECT product_id, barcode FROM barcodes WHERE product_id IN ({marks}) ORDER BY barcode",
            tuple(ids),
        ):
            out[pid].append(code)
    return {k: tuple(v) for k, v in out.items()}


def _products(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> list[Product]:
    codes = _barcodes_of(conn, [r[0] for r in rows])
    return [
        Product(
            sku=r[1],
            name=r[2],
            brand=r[3],
            category=r[4],
            tax_code=r[5],
            price=r[6],
            barcodes=codes[r[0]],
            active=bool(r[7]),
            popularity=r[8],
        )
        for r in rows
    ]


def lookup_barcode(conn: sqlite3.Connection, code: str) -> Product | None:
    code = code.strip()
    for c in gtin.variants(code):
        row = conn.execute(
            f"SELECT {_COLS} FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?",
            (c,),
        ).fetchone()
        if row is not None:
            return _products(conn, [row])[0]
    return None


def get(conn: sqlite3.Connection, sku: str) -> Product | None:
    row = conn.execute(f"SELECT {_COLS} FROM products p WHERE p.sku = ?", (sku,)).fetchone()
    return None if row is None else _products(conn, [row])[0]


def match_expression(text: str) -> str | None:
    """Every word typed is a prefix: ``coca co`` -> ``"coca"* "co"*`` (FTS5 implicit AND)."""
    tokens = _TOKEN.findall(text.casefold())
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens[:8])


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> list[Product]:
    """Search as you type over name, brand and SKU: active products, best sellers first. A complete
    barcode typed into the box finds its product first."""
    exact: list[Product] = []
    digits = text.strip()
    if digits.isdigit() and len(digits) in gtin.GTIN_LENGTHS:
        hit = lookup_barcode(conn, digits)
        if hit is not None:
            exact.append(hit)
    tokens = _TOKEN.findall(text)
    if len(tokens) == 1 and any(ch.isdigit() for ch in tokens[0]) and len(tokens[0]) >= 4:
        # An SKU (or part of a barcode) being typed: a numbered prefix fans out over many index terms,
        # so use the SKU's B-tree instead of FTS.
        hits = _sku_prefix(conn, tokens[0], limit)
        if exact:
            hits = exact + [p for p in hits if p.sku != exact[0].sku]
        if hits:
            return hits[:limit]
    expr = match_expression(text)
    if expr is None:
        return exact[:limit]
    rows = conn.execute(
        f"SELECT {_COLS} FROM (SELECT rowid AS k FROM products_fts WHERE products_fts MATCH ? "
        f"ORDER BY rowid LIMIT ?) AS m JOIN products p ON p.search_key = m.k ORDER BY m.k",
        (expr, int(limit)),
    ).fetchall()
    found = _products(conn, rows)
    if exact:
        found = exact + [p for p in found if p.sku != exact[0].sku]
    return found[:limit]


def _sku_prefix(conn: sqlite3.Connection, prefix: str, limit: int) -> list[Product]:
    rows: list[tuple[Any, ...]] = []
    for variant in dict.fromkeys((prefix, prefix.upper())):
        rows += conn.execute(
            f"SELECT {_COLS} FROM products p WHERE p.sku >= ? AND p.sku < ? AND p.active "
            f"ORDER BY p.sku LIMIT ?",
            (variant, variant + "\U0010ffff", int(limit)),
        ).fetchall()
        if len(rows) >= limit:
            break
    return _products(conn, rows[:limit])


def count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM products").fetchone()[0])


def optimize_search(conn: sqlite3.Connection) -> None:
    """Merge the search index into one segment (housekeeping after a large sync; ~2 s per 1M)."""
    conn.execute("INSERT INTO products_fts (products_fts) VALUES ('optimize')")


def cursor(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (CURSOR_KEY,)).fetchone()
    return None if row is None else row[0]


# ---------------------------------------------------------------- validation
@dataclass(frozen=True, slots=True)
class RejectedRow:
    row_no: int  # 1-based data row (CSV: header excluded); JSON: index + 1
    sku: str | None
    reason: str


@dataclass(slots=True)
class ImportReport:
    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)

    def summary(self) -> str:
        return f"{self.imported} products imported, {len(self.rejected)} rows rejected"


def known_tax_codes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT code FROM tax_codes")}


def set_tax_codes(conn: sqlite3.Connection, codes: Mapping[str, str]) -> None:
    """Upsert tax codes (code -> the rate's percent as exact text, ``"8.875"``: ``TaxRate.text``)."""
    conn.executemany(
        "INSERT INTO tax_codes (code, rate) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET "
        "rate = excluded.rate",
        list(codes.items()),
    )


def _as_bool(v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if v is None or v == "":
        return True
    s = str(v).strip().lower()
    if s in ("1", "true", "yes", "y", "t"):
        return True
    if s in ("0", "false", "no", "n", "f"):
        return False
    raise ValueError(f"active must be true or false, not {v!r}")


def _as_int(v: Any, what: str) -> int:
    if type(v) is int:
        return v
    if isinstance(v, str) and "_" not in v:
        try:
            return int(v)
        except ValueError:
            pass
    raise ValueError(f"{what} must be a whole number of minor units, not {v!r}")


_SPLIT_CODES = re.compile(r"[|;, ]+")


def validate(raw: Mapping[str, Any], tax_codes: set[str]) -> dict[str, Any]:
    """Return a clean product dict or raise ValueError with a reason a person can act on."""
    get = raw.get
    sku = get("sku")
    name = get("name")
    tax_code = get("tax_code")
    price = get("price")
    sku = sku.strip() if isinstance(sku, str) else ("" if sku is None else str(sku))
    name = name.strip() if isinstance(name, str) else ("" if name is None else str(name))
    tax_code = tax_code.strip() if isinstance(tax_code, str) else ("" if tax_code is None else str(tax_code))
    if not sku or not name or not tax_code or price is None or price == "":
        missing = [k for k, v in (("sku", sku), ("name", name), ("tax_code", tax_code)) if not v]
        if price is None or price == "":
            missing.append("price")
        raise ValueError("missing " + ", ".join(missing))
    if tax_code not in tax_codes:
        raise ValueError(f"unknown tax code {tax_code!r}")
    price = _as_int(price, "price")
    if price < 0:
        raise ValueError("price must not be negative")
    codes = get("barcodes") or []
    if isinstance(codes, str):
        codes = [c for c in _SPLIT_CODES.split(codes) if c]
    else:
        codes = [str(c).strip() for c in codes]
    for c in codes:
        if not gtin.is_valid(c):
            raise ValueError(f"barcode {c} has a bad check digit or length")
    brand = get("brand") or ""
    category = get("category") or ""
    active = get("active", True)
    popularity = get("popularity") or 0
    return {
        "sku": sku,
        "name": name,
        "brand": brand.strip() if isinstance(brand, str) else str(brand),
        "category": category.strip() if isinstance(category, str) else str(category),
        "tax_code": tax_code,
        "price": price,
        "barcodes": codes,
        "active": active if active is True or active is False else _as_bool(active),
        "popularity": _as_int(popularity, "popularity"),
    }


# ---------------------------------------------------------------- writing
def _chunks(seq: Sequence[Any], n: int = 500) -> Iterator[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


# First sync into an empty catalog ("bulk mode"): the FTS triggers are dropped in the first page's
# transaction and the search index is built from the products table in chunks of FTS_CHUNK rows (in
# search_key order, the way FTS5 writes fastest) instead of one row at a time. The state lives in
# sync_state and is committed with every page, so a sync interrupted anywhere resumes in bulk mode:
# products with id <= indexed_to are in the index (updates and deletes of those keep it by hand), the
# others are found by barcode and SKU at once and by search once their chunk is indexed.
# ``finish_sync`` indexes the rest, merges the index and puts the triggers back; the engine runs it in
# the last page's transaction (``apply_changes(..., last=True)``), so a first sync is complete the
# moment its cursor reaches the head and its merge (~2 s per 1M) never delays the next delta.
BULK_KEY = "catalog_bulk_load"
FTS_CHUNK = 1  # index after every page: search is complete at every committed page
_FTS_INSERT = (
    "INSERT INTO products_fts (rowid, name, brand, sku) SELECT search_key, name, brand, sku FROM products"
)
_FTS_DELETE = (
    "INSERT INTO products_fts (products_fts, rowid, name, brand, sku) "
    "SELECT 'delete', search_key, name, brand, sku FROM products"
)


def _bulk_state(conn: sqlite3.Connection) -> dict[str, Any] | None:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (BULK_KEY,)).fetchone()
    return None if row is None or row[0] is None else json.loads(row[0])


def _save_bulk_state(conn: sqlite3.Connection, state: dict[str, Any] | None) -> None:
    if state is None:
        conn.execute("DELETE FROM sync_state WHERE key = ?", (BULK_KEY,))
    else:
        conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (BULK_KEY, json.dumps(state)),
        )


def search_incomplete(conn: sqlite3.Connection) -> bool:
    """True while a first catalog sync is loading: search covers only the products indexed so far
    (barcode and SKU lookups are complete at every page). Show "catalog sync in progress"."""
    return _bulk_state(conn) is not None


def _begin_bulk(conn: sqlite3.Connection) -> dict[str, Any]:
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products' ORDER BY name"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    state = {"indexed_to": 0, "triggers": [sql for _, sql in triggers]}
    _save_bulk_state(conn, state)
    return state


def _fts_by_ids(conn: sqlite3.Connection, sql: str, ids: Sequence[int], indexed_to: int) -> None:
    """Add (``_FTS_INSERT``) or remove (``_FTS_DELETE``) the index entries of the active products
    ``ids`` that are already indexed (bulk mode, triggers dropped)."""
    ids = [i for i in ids if i <= indexed_to]
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        conn.execute(f"{sql} WHERE active AND id IN ({marks})", tuple(chunk))


def _index_pending(conn: sqlite3.Connection, state: dict[str, Any], *, force: bool = False) -> None:
    (top,) = conn.execute("SELECT coalesce(max(id), 0) FROM products").fetchone()
    if top > state["indexed_to"] and (force or top - state["indexed_to"] >= FTS_CHUNK):
        conn.execute(
            f"{_FTS_INSERT} WHERE active AND id > ? AND id <= ? ORDER BY search_key",
            (state["indexed_to"], top),
        )
        state["indexed_to"] = top
        _save_bulk_state(conn, state)


def finish_sync(conn: sqlite3.Connection) -> bool:
    """End a first sync's bulk load (no-op otherwise): index the remaining products, merge the index
    into one segment, put the FTS triggers back. In the caller's transaction. True if it did."""
    state = _bulk_state(conn)
    if state is None:
        return False
    t0 = time.perf_counter()
    _index_pending(conn, state, force=True)
    optimize_search(conn)
    for sql in state["triggers"]:
        conn.execute(sql)
    _save_bulk_state(conn, None)
    log.info("first catalog sync: search index completed in %.1f s", time.perf_counter() - t0)
    return True


_INSERT = (
    "INSERT INTO products (sku, name, brand, category, tax_code, price, active, popularity, "
    "search_key, updated_at, id) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
)
_UPDATE = (
    "UPDATE products SET sku = ?, name = ?, brand = ?, category = ?, tax_code = ?, price = ?, "
    "active = ?, popularity = ?, search_key = ?, updated_at = ? WHERE id = ?"
)
_CLAIM = (
    "INSERT INTO barcodes (barcode, product_id) VALUES (?, ?) "
    "ON CONFLICT (barcode) DO UPDATE SET product_id = excluded.product_id"
)


def upsert(conn: sqlite3.Connection, products: Sequence[Mapping[str, Any]]) -> int:
    """Insert or update products (matched by SKU) and their barcodes; triggers keep the FTS index (in
    a first sync's bulk load, see ``BULK_KEY``, the index of already indexed rows is kept here).
    A barcode moves to the product that now claims it."""
    if not products:
        return 0
    bulk = _bulk_state(conn)
    existing: dict[str, int] = {}
    skus = [p["sku"] for p in products]
    for chunk in _chunks(skus):
        marks = ",".join("?" * len(chunk))
        existing.update(conn.execute(f"SELECT sku, id FROM products WHERE sku IN ({marks})", tuple(chunk)))
    (next_id,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM products").fetchone()
    if bulk is not None:  # never reuse an indexed id: rows above indexed_to are the ones to index
        next_id = max(next_id, bulk["indexed_to"] + 1)
    now = now_iso()
    # The product row takes the last version of its SKU in the page.
    last: dict[str, Mapping[str, Any]] = {}
    for p in reversed(products):
        last.setdefault(p["sku"], p)
    ordered = list(reversed(last.values()))
    staged = []
    fresh: set[int] = set()  # products created by this call: they hold no barcodes yet
    for p in ordered:
        pid = existing.get(p["sku"])
        new = pid is None
        if new:
            pid = next_id
            next_id += 1
            existing[p["sku"]] = pid
            fresh.add(pid)
        staged.append((search_key(p.get("popularity", 0), pid), pid, new, p))
    staged.sort(key=lambda t: t[0])  # FTS5 writes are fastest in rowid order
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    for key, pid, new, p in staged:
        (inserts if new else updates).append(
            (
                p["sku"],
                p["name"],
                p.get("brand", ""),
                p.get("category", ""),
                p["tax_code"],
                int(p["price"]),
                int(bool(p.get("active", True))),
                int(p.get("popularity", 0)),
                key,
                now,
                pid,
            )
        )
    if bulk is not None and updates:
        _fts_by_ids(conn, _FTS_DELETE, [u[-1] for u in updates], bulk["indexed_to"])
    if inserts:
        conn.executemany(_INSERT, inserts)
    if updates:
        conn.executemany(_UPDATE, updates)
        if bulk is not None:
            _fts_by_ids(conn, _FTS_INSERT, [u[-1] for u in updates], bulk["indexed_to"])
    # Barcodes follow the page one change at a time: each version of a product drops its codes and
    # claims its own (a code another product held moves to this one). A product created here holds no
    # codes before its first version, so runs of those are claimed in one statement, in page order.
    claims: list[tuple[str, int]] = []
    seen: set[int] = set()
    for p in products:
        pid = existing[p["sku"]]
        if pid in fresh and pid not in seen:
            seen.add(pid)
            claims.extend((c, pid) for c in p.get("barcodes", ()))
            continue
        if claims:
            conn.executemany(_CLAIM, claims)
            claims = []
        conn.execute("DELETE FROM barcodes WHERE product_id = ?", (pid,))
        conn.executemany(_CLAIM, [(c, pid) for c in p.get("barcodes", ())])
    if claims:
        conn.executemany(_CLAIM, claims)
    return len(staged)


def delete(conn: sqlite3.Connection, skus: Iterable[str]) -> int:
    bulk = _bulk_state(conn)
    n = 0
    for chunk in _chunks(list(skus)):
        marks = ",".join("?" * len(chunk))
        if bulk is not None:
            conn.execute(
                f"{_FTS_DELETE} WHERE active AND id <= ? AND sku IN ({marks})", (bulk["indexed_to"], *chunk)
            )
        n += conn.execute(f"DELETE FROM products WHERE sku IN ({marks})", tuple(chunk)).rowcount
    return n


def set_cursor(conn: sqlite3.Connection, value: str | None) -> None:
    conn.execute(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (CURSOR_KEY, value),
    )


def apply_changes(
    conn: sqlite3.Connection,
    upserts: Sequence[Mapping[str, Any]],
    deletes: Sequence[str],
    cursor: str | None,
    *,
    bulk: bool = False,
    last: bool = False,
) -> None:
    """Apply one page of catalog changes from the backend and advance the cursor, in the caller's
    transaction (one page = one transaction: an interrupted sync resumes from the last page).

    ``bulk=True`` (the sync engine's first sync): into an empty catalog, load without the FTS triggers
    (see ``BULK_KEY``). A bulk load once begun goes on in later pages whatever ``bulk`` says.

    ``last=True``: this page is the last one the backend has (``has_more`` false). A bulk load in
    progress is finished (``finish_sync``) in this same transaction, so the cursor reaches the head
    only together with a complete, merged search index and the triggers back: nothing of a first sync
    is left over to run in front of the next delta. A caller that cannot tell the last page calls
    ``finish_sync`` itself afterwards (a no-op when there is nothing to finish)."""
    if not conn.in_transaction:
        raise RuntimeError("catalog.apply_changes must run inside a store.write transaction")
    state = _bulk_state(conn)
    if state is None and bulk and upserts and count(conn) == 0:
        state = _begin_bulk(conn)
    upsert(conn, upserts)
    delete(conn, deletes)
    if state is not None:
        if last:
            finish_sync(conn)
        else:
            _index_pending(conn, state)
    set_cursor(conn, cursor)


# ---------------------------------------------------------------- import
def read_rows(path: Path | str) -> Iterator[dict[str, Any]]:
    """Rows of a CSV (header row; barcodes separated by | or ;) or JSON (array of objects) file."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if not isinstance(data, list):
            raise ValueError("a JSON catalog must be an array of product objects")
        for item in data:
            yield item if isinstance(item, dict) else {}
    else:
        with open(path, newline="", encoding="utf-8-sig") as f:
            yield from csv.DictReader(f)


def import_rows(
    conn: sqlite3.Connection,
    rows: Iterable[Mapping[str, Any]],
    *,
    tax_codes: set[str] | None = None,
    batch: int = 5000,
) -> ImportReport:
    """Validate and import ``rows`` in the caller's transaction; rejected rows are reported, the rest
    imported. Into an empty catalog, the FTS index is built once at the end in ranking order."""
    if not conn.in_transaction:
        raise RuntimeError("catalog import must run inside a store.write transaction")
    finish_sync(conn)  # a first sync's bulk load completes its index and triggers first
    codes = tax_codes if tax_codes is not None else known_tax_codes(conn)
    report = ImportReport()
    bulk = count(conn) == 0
    if bulk:
        return _bulk_import(conn, rows, codes, report)
    buf: list[dict[str, Any]] = []
    for i, raw in enumerate(rows, 1):
        try:
            buf.append(validate(raw, codes))
        except ValueError as exc:
            report.rejected.append(RejectedRow(i, _sku_of(raw), str(exc)))
        if len(buf) >= batch:
            report.imported += upsert(conn, buf)
            buf = []
    report.imported += upsert(conn, buf)
    return report


def _sku_of(raw: Any) -> str | None:
    try:
        v = raw.get("sku")
    except AttributeError:
        return None
    return str(v) if v not in (None, "") else None


def _bulk_import(
    conn: sqlite3.Connection, rows: Iterable[Mapping[str, Any]], codes: set[str], report: ImportReport
) -> ImportReport:
    # Inside the caller's transaction: drop the FTS triggers, load, build the index once in search_key
    # order, put the same triggers back. DDL is transactional: a failure leaves the old state whole.
    triggers = [
        r[0]
        for r in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products' ORDER BY name"
        )
    ]
    t0 = time.perf_counter()
    old_cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")  # a larger cache while loading
    try:
        for name in [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'products'"
            )
        ]:
            conn.execute(f'DROP TRIGGER "{name}"')
        now = now_iso()
        next_id = 1
        chunk: list[tuple[int, tuple[Any, ...], list[str]]] = []

        def flush() -> None:
            before = conn.total_changes
            conn.executemany(
                "INSERT INTO products (id, sku, name, brand, category, tax_code, price, active, popularity, "
                "search_key, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (sku) DO NOTHING",
                [r for _, r, _ in chunk],
            )
            keep = chunk
            if conn.total_changes - before != len(chunk):  # a SKU seen on an earlier row: reject
                ids = [r[0] for _, r, _ in chunk]
                marks = ",".join("?" * len(ids))
                present = {i for (i,) in conn.execute(f"SELECT id FROM products WHERE id IN ({marks})", ids)}
                keep = []
                for row_no, r, c in chunk:
                    if r[0] in present:
                        keep.append((row_no, r, c))
                    else:
                        report.rejected.append(RejectedRow(row_no, r[1], "the same SKU is on an earlier row"))
            conn.executemany(
                "INSERT INTO barcodes (barcode, product_id) VALUES (?, ?) "
                "ON CONFLICT (barcode) DO UPDATE SET product_id = excluded.product_id",
                [(code, r[0]) for _, r, cs in keep for code in cs],
            )
            report.imported += len(keep)
            chunk.clear()

        for i, raw in enumerate(rows, 1):
            try:
                p = validate(raw, codes)
            except ValueError as exc:
                report.rejected.append(RejectedRow(i, _sku_of(raw), str(exc)))
                continue
            pid = next_id
            next_id += 1
            row = (
                pid,
                p["sku"],
                p["name"],
                p["brand"],
                p["category"],
                p["tax_code"],
                p["price"],
                int(p["active"]),
                p["popularity"],
                search_key(p["popularity"], pid),
                now,
            )
            chunk.append((i, row, p["barcodes"]))
            if len(chunk) >= 10_000:
                flush()
        flush()
        t_rows = time.perf_counter()
        conn.execute(
            "INSERT INTO products_fts (rowid, name, brand, sku) "
            "SELECT search_key, name, brand, sku FROM products WHERE active ORDER BY search_key"
        )
        optimize_search(conn)  # one segment: whole-word queries ~4x faster at 1M products
        for sql in triggers:
            conn.execute(sql)
        log.info(
            "bulk import: %d rows loaded in %.1f s, search index built in %.1f s",
            report.imported,
            t_rows - t0,
            time.perf_counter() - t_rows,
        )
    finally:
        conn.execute(f"PRAGMA cache_size = {int(old_cache)}")
    return report


def import_file(
    conn: sqlite3.Connection, path: Path | str, *, tax_codes: set[str] | None = None
) -> ImportReport:
    """Import a CSV or JSON catalog file in the caller's transaction (see ``import_rows``)."""
    return import_rows(conn, read_rows(path), tax_codes=tax_codes)


def import_text(conn: sqlite3.Connection, text: str, *, tax_codes: set[str] | None = None) -> ImportReport:
    """Import CSV given as text (tests, pasted data)."""
    return import_rows(conn, csv.DictReader(io.StringIO(text)), tax_codes=tax_codes)
