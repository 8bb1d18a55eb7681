"""A New York City sale at 8.875 % from the cart to the backend: the rate is kept exactly everywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from pos.checkout import Checkout
from pos.documents import TaxLine
from pos.ports import Product
from pos.receipt import render_text
from pos.sale_receipt import receipt_for_sale
from pos.storeconfig import StoreConfig
from pos.tax import RoundingMethod, TaxRate, TaxRounding
from sync.payloads import to_wire
from sync.store import journal, outbox
from sync.store.adapters import StoreJournal
from tests.sync.conftest import outbox_stats, wait_until


class _Clock:
    def now(self):
        return datetime(2026, 11, 23, 17, 30, tzinfo=UTC)

    def monotonic(self):
        return 0.0


class _Ids:
    def __init__(self):
        self.n = 0

    def new_uuid(self):
        self.n += 1
        return f"00000000-0000-4000-8000-{self.n:012d}"


NYC = StoreConfig(
    currency="USD",
    locale="en_US",
    tax_rates=(TaxRate("STANDARD", Decimal("8.875"), "Sales tax 8.875%"), TaxRate("ZERO", 0, "Exempt")),
    prices_include_tax=False,
    tax_rounding=TaxRounding.PER_DOCUMENT,
    tax_rounding_method=RoundingMethod.HALF_UP,
)


def test_an_8_875_percent_sale_reaches_the_journal_the_wire_and_the_backend(backend, store, make_engine):
    co = Checkout(NYC, None, StoreJournal(store), till_id="till-1", clock=_Clock(), ids=_Ids())  # type: ignore[arg-type]
    co.add_product(Product("SKU-1", "Umbrella", "", "", "STANDARD", 1599))
    co.add_product(Product("SKU-2", "Scarf", "", "", "STANDARD", 747))
    co.add_product(Product("SKU-3", "Apples", "", "", "ZERO", 300))
    # taxable 15.99 + 7.47 = 23.46; 23.46 * 8.875 % = 2.082075 -> 2.08 once for the document
    doc = co.build_sale(co.cash_tender(3000))
    assert doc.tax_lines == (TaxLine("STANDARD", "8.875", 2346, 208), TaxLine("ZERO", "0", 300, 0))
    assert (doc.tax_total, doc.total) == (208, 2854)

    recorded = store.write_sync(lambda c: journal.commit_sale(c, doc))
    conn = store.read_connection()
    try:
        assert journal.get_sale(conn, doc.sale_uuid) == recorded
        (row,) = outbox.pending(conn)
        _, wire = to_wire(row.event_type, row.payload)
    finally:
        conn.close()
    assert wire["tax_lines"][0] == {
        "tax_code": "STANDARD",
        "rate": "8.875",
        "taxable_amount": 2346,
        "tax_amount": 208,
    }

    make_engine(backend.url).start()
    wait_until(lambda: outbox_stats(store).depth == 0)
    assert outbox_stats(store).dead == 0
    bconn = backend.connect()
    try:
        (payload,) = bconn.execute("SELECT payload FROM events WHERE type = 'sale.completed'").fetchone()
    finally:
        bconn.close()
    assert '"rate":"8.875"' in payload

    receipt = receipt_for_sale(recorded, NYC, store_name="OMO NYC", cashier="Ana")
    text = render_text(receipt, format_amount=lambda m: f"{m // 100}.{m % 100:02d}")
    assert "A Sales tax 8.875%       23.46  2.08 25.54" in text
    assert "Umbrella                           15.99 A" in text  # shelf prices, the tax added below
    assert "TOTAL" in text and "USD 28.54" in text and "Prices include" not in text
