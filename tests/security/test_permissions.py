"""Permissions are the services' and the domain's, not the window's: each service called directly as a
cashier is refused what a cashier may not do, and an approval only counts when the till's Approvals
issued it after a manager's PIN, for that person and that action, once.

To cover a new service, add its beyond-a-cashier calls to SERVICE_CALLS (a name, how to build the
service from the demo shop, how to prepare it, the call)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from app.results import Outcome
from app.sell import SellService
from pos.cart import Discount
from pos.staff import Override, OverrideRequest, Permission, Role
from tests.app.conftest import barcodes


def _sell(shop):
    service = SellService(shop)
    service.begin_shift(shop.staff.identify("1111"))  # Ana, cashier
    for code in barcodes(shop, 2):
        assert service.scan(code).ok
    return service


def _line(service):
    return service.view().lines[0].line_id


# (name, service factory, call) — every call is beyond a cashier's role
SERVICE_CALLS = [
    ("sell: 100 % off the sale", _sell, lambda s: s.discount_order("100%")),
    ("sell: 50 % off a line", _sell, lambda s: s.discount_line(_line(s), "50%")),
    ("sell: change a price", _sell, lambda s: s.override_price(_line(s), "0.01", "friend")),
    ("sell: void the sale", _sell, lambda s: s.void()),
    ("sell: open the drawer", _sell, lambda s: s.no_sale("change")),
    ("sell: 500 of an item", _sell, lambda s: s.set_quantity(_line(s), 500)),
]


@pytest.mark.parametrize(("name", "build", "call"), SERVICE_CALLS, ids=[c[0] for c in SERVICE_CALLS])
def test_a_cashier_calling_a_service_directly_is_refused(shop, name, build, call):
    service = build(shop)
    before = service.view()
    r = call(service)
    assert r.outcome is Outcome.NEEDS_APPROVAL and r.request is not None
    assert service.view() == before  # nothing changed


def forged(request: OverrideRequest, approver: str = "S003") -> Override:
    """What a caller that skips the manager's PIN could make up: an Override of its own."""
    return Override(
        override_id="made-up",
        permission=request.permission,
        amount_percent=request.amount_percent,
        actor_id=request.actor.id,
        actor_name=request.actor.name,
        approver_id=approver,
        approver_name="Mia",
        approver_role=Role.MANAGER,
        at=datetime.now(UTC),
        reason="",
        subject=request.subject,
    )


@pytest.mark.parametrize(("name", "build", "call"), SERVICE_CALLS, ids=[c[0] for c in SERVICE_CALLS])
def test_an_approval_nobody_typed_a_pin_for_is_refused(shop, name, build, call):
    service = build(shop)
    asked = call(service)
    before = service.view()
    fake = asked.retry(forged(asked.request))
    assert fake.outcome is Outcome.REFUSED and service.view() == before
    copy = dataclasses.replace(shop.approvals.approve(asked.request, "9999", reason="ok").override)
    assert asked.retry(copy).outcome is Outcome.REFUSED  # a copy of a real one is not the one issued


def test_an_approval_is_used_once_and_for_its_person_only(shop):
    sell = _sell(shop)
    asked = sell.discount_order("30%")
    grant = shop.approvals.approve(asked.request, "9999").override
    assert asked.retry(grant).ok
    assert sell.discount_order("30%", grant).outcome is Outcome.REFUSED  # used
    for_ana = shop.approvals.approve(sell.discount_order("40%").request, "9999").override
    ben = SellService(shop)
    ben.begin_shift(shop.staff.identify("2222"))  # Ana's sale is put aside; Ben rings his own
    for code in barcodes(shop, 1):
        assert ben.scan(code).ok
    assert ben.discount_order("30%").outcome is Outcome.NEEDS_APPROVAL
    assert ben.discount_order("30%", for_ana).outcome is Outcome.REFUSED


def test_the_domain_refuses_a_cashiers_full_discount_and_an_unapproved_void(shop):
    from pos.staff import NotPermitted

    co, ana = shop.checkout, shop.staff.identify("1111")
    co.add_sku(shop.catalog.search("a", 1)[0].sku)
    total = co.total
    with pytest.raises(NotPermitted):
        co.discount_order(Discount.of_percent(100), actor=ana)
    request = OverrideRequest(ana, Permission.VOID_SALE, reason="void")
    with pytest.raises(NotPermitted):
        co.void(actor=ana, override=forged(request))
    assert co.total == total and not co.cart.is_empty
    co.void(actor=ana, override=shop.approvals.approve(request, "9999").override)
    assert co.cart.is_empty
