"""Field failure C6: products archived, deleted or repriced at the backend while sales that sold them wait
in the till's queue. The sales must still be applied, at the prices the customer paid: never dead-lettered
("product not found"), never repriced."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from tests.sync.conftest import outbox_stats, wait_until

RATES = {"STANDARD": 1900, "REDUCED": 700, "ZERO": 0}


def _sale(products_qty):
    """A tax-inclusive cash sale of (Product, qty) at the till's catalog price."""
    from pos.documents import SaleDocument, SaleLine, TaxLine, Tender

    lines, by_code = [], {}
    for i, (p, qty) in enumerate(products_qty, 1):
        paid = p.price * qty
        rate = RATES[p.tax_code]
        tax = paid * rate // (10000 + rate)
        lines.append(SaleLine(i, p.sku, p.name, qty, p.price, 0, p.tax_code, tax, paid))
        gross, t = by_code.get(p.tax_code, (0, 0))
        by_code[p.tax_code] = (gross + paid, t + tax)
    total = sum(ln.paid_amount for ln in lines)
    tax_total = sum(ln.tax_amount for ln in lines)
    return SaleDocument(
        sale_uuid=str(uuid.uuid4()),
        receipt_no="",
        till_id="till-1",
        staff_id="S1",
        member_no=None,
        currency="EUR",
        created_at=datetime.now(UTC).isoformat(),
        subtotal=total,
        discount_total=0,
        tax_total=tax_total,
        total=total,
        lines=tuple(lines),
        tax_lines=tuple(TaxLine(c, f"{RATES[c] / 100:g}", g - t, t) for c, (g, t) in sorted(by_code.items())),
        tenders=(Tender("cash", total),),
    )


def _as_dict(p, **changes):
    return {
        "sku": p.sku,
        "name": p.name,
        "brand": p.brand,
        "category": p.category,
        "tax_code": p.tax_code,
        "price": p.price,
        "barcodes": list(p.barcodes),
        "active": p.active,
        "popularity": p.popularity,
    } | changes


def _local(store, fn):
    conn = store.read_connection()
    try:
        return fn(conn)
    finally:
        conn.close()


def _pull_catalog(store, url):
    """What the engine's catalog sync does, page by page, with the real client and store."""
    from sync.client import BackendClient
    from sync.store import catalog

    client = BackendClient(url, read_timeout=5.0)
    try:
        while True:
            page = client.catalog_changes(_local(store, catalog.cursor), 1000)
            store.write_sync(
                lambda c, p=page: catalog.apply_changes(c, p["upserts"], p["deletes"], p["next_cursor"])
            )
            if not page["has_more"]:
                return
    finally:
        client.close()


@pytest.mark.parametrize("till_pulled_new_catalog_first", [False, True], ids=["drain-first", "catalog-first"])
def test_sales_queued_before_a_product_is_archived_deleted_or_repriced_apply_as_sold(
    backend, store, make_engine, till_pulled_new_catalog_first
):
    from sync.store import catalog, journal

    # 1. the till has the backend's catalog
    eng = make_engine(backend.url, catalog_interval_s=3600)
    eng.start()
    wait_until(lambda: _local(store, catalog.count) == 50 and eng.wait_idle(0), timeout=10)
    skus = _local(store, lambda c: [r[0] for r in c.execute("SELECT sku FROM products ORDER BY sku LIMIT 4")])
    repriced, archived, deleted, kept = _local(store, lambda c: [catalog.get(c, sku) for sku in skus])

    # 2. the backend stops taking events; the cashier sells at the till's prices, the sales queue
    outage = backend.inject("status", path="/v1/events", status=503, times=10**9)
    sold = [
        store.write_sync(lambda c, s=s: journal.commit_sale(c, s))
        for s in (
            _sale([(repriced, 2)]),
            _sale([(archived, 1), (kept, 1)]),
            _sale([(deleted, 3)]),
            _sale([(repriced, 1), (archived, 2), (deleted, 1), (kept, 4)]),
        )
    ]
    eng.wake()
    wait_until(lambda: outage.hits >= 1 and outbox_stats(store).depth == 4, timeout=10)

    eng.stop()  # the till is closed for the night with its queue: nothing of it is in flight any more

    # 3. head office reprices one product, archives one and deletes one
    backend.upsert_products(
        [_as_dict(repriced, price=repriced.price + 555), _as_dict(archived, active=False)]
    )
    backend.delete_products([deleted.sku])
    if till_pulled_new_catalog_first:
        # the till already shows the new catalog when its queue drains: the payloads must not follow it
        _pull_catalog(store, backend.url)
        assert _local(store, lambda c: catalog.get(c, repriced.sku).price) == repriced.price + 555
    assert outbox_stats(store).depth == 4

    # 4. the backend is back and the till starts again: everything drains, nothing dead
    backend.faults.clear()
    eng = make_engine(backend.url, catalog_interval_s=3600)
    eng.start()
    wait_until(lambda: outbox_stats(store).depth == 0, timeout=10)
    assert outbox_stats(store).dead == 0

    bconn = backend.connect()
    try:
        for s in sold:
            head = bconn.execute(
                "SELECT receipt_no, total, item_count FROM sales WHERE sale_uuid = ?", (s.sale_uuid,)
            ).fetchone()
            assert head == (s.receipt_no, s.total, sum(ln.quantity for ln in s.lines))
            got = bconn.execute(
                "SELECT line_no, sku, qty, unit_price, paid_amount FROM sale_lines WHERE sale_uuid = ?"
                " ORDER BY line_no",
                (s.sale_uuid,),
            ).fetchall()
            assert got == [(ln.line_no, ln.sku, ln.quantity, ln.unit_price, ln.paid_amount) for ln in s.lines]
        # the catalog change really happened at the backend
        assert bconn.execute("SELECT price FROM products WHERE sku = ?", (repriced.sku,)).fetchone() == (
            repriced.price + 555,
        )
        assert bconn.execute("SELECT active FROM products WHERE sku = ?", (archived.sku,)).fetchone() == (0,)
        assert bconn.execute("SELECT deleted FROM products WHERE sku = ?", (deleted.sku,)).fetchone() == (1,)
    finally:
        bconn.close()

    # 5. the till then follows the new catalog, and its journal still holds the sales as sold
    eng.request_catalog_sync()
    wait_until(lambda: _local(store, lambda c: catalog.get(c, deleted.sku)) is None, timeout=10)
    now = _local(store, lambda c: [catalog.get(c, p.sku) for p in (repriced, archived)])
    assert now[0].price == repriced.price + 555 and now[1].active is False
    for s in sold:
        assert _local(store, lambda c, s=s: journal.get_sale(c, s.sale_uuid)) == s
