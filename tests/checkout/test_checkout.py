from __future__ import annotations

import pytest

from pos.cart import Discount
from pos.checkout import CheckoutError, MemberOnSale
from pos.documents import Tender
from pos.staff import OverrideRequest, Permission
from sync.store import journal as journal_mod
from sync.store import outbox
from tests.checkout.conftest import ANA, ie_config


def _two_items(co, store):
    conn = store.read_connection()
    skus = [r[0] for r in conn.execute("SELECT sku FROM products WHERE active = 1 ORDER BY id LIMIT 2")]
    conn.close()
    a = co.add_sku(skus[0], 2)
    b = co.add_sku(skus[1])
    return a, b


def test_cash_sale_with_change_is_committed_with_its_event(shop, store):
    co = shop()
    _two_items(co, store)
    total = co.total
    tender = co.cash_tender(total + 1000)
    assert tender.change_given == 1000 and tender.amount == total
    doc = co.build_sale(tender)
    recorded = co.journal.commit_sale(doc)
    co.finished(recorded)
    assert recorded.receipt_no.startswith("T01")
    assert co.cart.is_empty and co.sale_uuid != doc.sale_uuid
    conn = store.read_connection()
    events = outbox.pending(conn)
    assert [e.event_type for e in events] == ["sale.completed"]
    assert events[0].event_id == doc.sale_uuid and events[0].payload["total"] == total
    assert journal_mod.get_sale(conn, doc.sale_uuid).total == total
    conn.close()
    assert co.journal.load_open_cart() is None  # nothing left to restore


def test_open_sale_survives_a_restart(shop, store):
    co = shop()
    a, _ = _two_items(co, store)
    co.discount_line(a, Discount.of_percent(10), actor=ANA)
    co.attach_member(MemberOnSale(1234567, "Anna K", "Gold", 1240))
    again = shop()
    assert again.restore() is True
    assert again.sale_uuid == co.sale_uuid
    assert again.total == co.total and again.member == co.member
    assert [ln.to_dict() for ln in again.cart.lines] == [ln.to_dict() for ln in co.cart.lines]


def test_split_tender_card_part_then_cash(shop, store):
    co = shop()
    _two_items(co, store)
    total = co.total
    co.add_tender(Tender("card", 500, reference="pi_123"))
    assert co.due == total - 500
    with pytest.raises(CheckoutError, match="already paid"):
        co.set_quantity(co.cart.lines[0].line_id, 5)
    doc = co.build_sale(co.cash_tender(co.due))
    assert [t.kind for t in doc.tenders] == ["card", "cash"]
    assert sum(t.amount for t in doc.tenders) == total
    assert co.journal.commit_sale(doc).tenders[0].reference == "pi_123"


def test_cash_rounding_only_touches_the_cash_part(shop, store):
    co = shop(ie_config(cash_rounding="0.05"))
    conn = store.read_connection()
    sku = conn.execute("SELECT sku FROM products WHERE active = 1 AND price % 5 != 0 LIMIT 1").fetchone()[0]
    conn.close()
    co.add_sku(sku)
    quote = co.cash_quote()
    assert quote.rounded % 5 == 0 and abs(quote.rounding) <= 2
    tender = co.cash_tender(quote.rounded)
    assert tender.amount == co.total and tender.change_given == 0 and tender.rounding == quote.rounding
    with pytest.raises(CheckoutError, match="short"):
        co.cash_tender(quote.rounded - 5)


def test_removed_lines_voids_and_overrides_are_audited(shop, store, approvals):
    co = shop()
    a, b = _two_items(co, store)
    co.remove_line(b, actor=ANA)

    def approved(permission, reason):
        return approvals.approve(OverrideRequest(ANA, permission), "9999", reason=reason).override

    co.override_price(a, 100, "damaged box", actor=ANA, override=approved(Permission.PRICE_OVERRIDE, "box"))
    co.void(actor=ANA, override=approved(Permission.VOID_SALE, "customer left"), reason="customer left")
    conn = store.read_connection()
    rows = conn.execute("SELECT action, details FROM audit_log ORDER BY seq").fetchall()
    conn.close()
    actions = [r[0] for r in rows if not r[0].startswith("override.")]
    assert actions[-3:] == ["line.removed", "price.override", "sale.void"]
    assert '"approved_by":"S003"' in rows[-1][1]  # the manager who typed her PIN
    assert co.cart.is_empty


def test_suspend_and_resume(shop, store):
    co = shop()
    _two_items(co, store)
    total = co.total
    parked = co.suspend()
    assert co.cart.is_empty
    with pytest.raises(CheckoutError, match="nothing to suspend"):
        co.suspend()
    co.resume(parked)
    assert co.total == total


def test_unknown_sku_and_empty_sale_are_clear_errors(shop):
    co = shop()
    with pytest.raises(CheckoutError, match="No product with SKU"):
        co.add_sku("NOPE")
    with pytest.raises(CheckoutError, match="empty"):
        co.build_sale(Tender("cash", 0))


def test_a_saved_sale_that_was_already_recorded_is_not_open_again(shop, store):
    """Field report A2: the till stopped after the sale's commit but before the next sale started (its
    saved open cart outlived the commit). At restart it must not come back as an open sale to be paid
    for again: it is reported as completed, and a new sale starts."""
    co = shop()
    _two_items(co, store)
    doc = co.build_sale(co.cash_tender(co.total))
    recorded = co.journal.commit_sale(doc)  # committed; the till stops before co.finished()
    assert co.journal.load_open_cart() is not None

    again = shop()
    assert again.restore() is False
    assert again.recovered_sale == recorded
    assert again.cart.is_empty and again.sale_uuid != doc.sale_uuid
    assert co.journal.load_open_cart() is None  # not brought back at the next start either


def test_the_sale_on_screen_completed_by_the_reconciler_is_not_left_open(shop, store):
    """At start-up the open sale (card authorised, sale not recorded) is brought back; the card
    reconciler then records it from the journal. The sale on screen must not stay open to be paid again."""
    co = shop()
    _two_items(co, store)
    before = co.total
    again = shop()
    assert again.restore() is True and again.total == before
    # the reconciler, on its own thread, records the sale and ends the saved open sale
    recorded = co.journal.commit_sale(co.build_sale(Tender("card", before, reference="pi_recovered")))
    co.journal.clear_open_cart()
    assert again.restore() is False
    assert again.recovered_sale == recorded and again.cart.is_empty
    assert again.sale_uuid != recorded.sale_uuid


def test_restore_with_nothing_saved_and_nothing_recorded_changes_nothing(shop, store):
    co = shop()
    uuid = co.sale_uuid
    assert co.restore() is False and co.recovered_sale is None and co.sale_uuid == uuid
