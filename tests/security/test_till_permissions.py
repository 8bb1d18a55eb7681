"""The Till service's manager approvals are the till's one `Approvals`' (issue 22): an approval counts only
when it was issued after a manager's PIN, for that person and that action, once; the manager's PIN pad of
the till locks like every other after 10 wrong PINs; a big over/short needs a manager's PIN even from a
manager, and not a made-up one."""

from __future__ import annotations

import dataclasses

import pytest

from app.paths import Paths
from app.results import Outcome
from app.shop import open_shop
from pos.staff import OverrideStatus
from pos.till import CashCount
from tests.app.conftest import demo_settings
from tests.security.test_permissions import forged

FLOAT = CashCount("EUR", {2000: 5, 500: 10})  # €150.00


@pytest.fixture
def shop(tmp_path):
    s = open_shop(Paths.under(tmp_path / "shop"), demo_settings("till.demo_open_at_login=false"))
    yield s
    s.close()


def _open_as_manager(shop):
    shop.till.begin_shift(shop.staff.identify("9999"))
    assert shop.till.open(FLOAT).ok
    shop.till.begin_shift(shop.staff.identify("1111"))  # Ana, cashier, from here on
    return shop.till


# every call is beyond a cashier's role on the Till page
TILL_CALLS = [
    ("till: cash in", lambda t: t.cash_in(500, "change from the bank")),
    ("till: cash out", lambda t: t.cash_out(500, "window cleaner")),
    ("till: a drop", lambda t: t.drop(5000)),
    ("till: no sale", lambda t: t.no_sale("give change")),
    ("till: close", lambda t: t.close(FLOAT)),
]


@pytest.mark.parametrize(("name", "call"), TILL_CALLS, ids=[c[0] for c in TILL_CALLS])
def test_the_till_refuses_an_approval_nobody_typed_a_pin_for(shop, name, call):
    till = _open_as_manager(shop)
    session = till.session_id
    asked = call(till)
    assert asked.outcome is Outcome.NEEDS_APPROVAL and asked.request is not None
    assert asked.retry(forged(asked.request)).outcome is Outcome.REFUSED
    real = shop.approvals.approve(asked.request, "9999", reason="ok").override
    assert real is not None
    assert asked.retry(dataclasses.replace(real)).outcome is Outcome.REFUSED  # a copy is not the one issued
    assert till.session_id == session  # nothing happened (not even the close)


def test_a_cashier_cannot_open_the_till_with_a_made_up_approval(shop):
    shop.till.begin_shift(shop.staff.identify("1111"))
    asked = shop.till.open(FLOAT)
    assert asked.outcome is Outcome.NEEDS_APPROVAL
    assert asked.retry(forged(asked.request)).outcome is Outcome.REFUSED
    assert shop.till.session_id is None


def test_a_till_approval_is_used_once_even_across_services(shop):
    """An approval for a cash out, used, is not good for a second one, nor for a no-sale at the Sell page."""
    till = _open_as_manager(shop)
    asked = till.cash_out(500, "window cleaner")
    grant = shop.approvals.approve(asked.request, "9999").override
    assert asked.retry(grant).outcome is not Outcome.NEEDS_APPROVAL
    assert till.cash_out(500, "window cleaner", grant).outcome is Outcome.REFUSED


def test_the_tills_pin_pad_locks_after_ten_wrong_pins(shop):
    till = _open_as_manager(shop)
    asked = till.no_sale("give change")
    for guess in range(10):
        assert not shop.approvals.approve(asked.request, f"{5000 + guess:04d}").approved
    locked = shop.approvals.approve(asked.request, "9999")  # even the manager's right PIN
    assert locked.status is OverrideStatus.LOCKED and locked.override is None


def test_a_big_difference_needs_a_real_managers_pin_even_from_a_manager(shop):
    till = _open_as_manager(shop)
    till.begin_shift(shop.staff.identify("9999"))
    short = CashCount("EUR", {2000: 5})  # €50 short of the float
    asked = till.close(short, reason="counted twice")
    assert asked.outcome is Outcome.NEEDS_APPROVAL
    assert asked.retry(forged(asked.request)).outcome is Outcome.REFUSED
    assert till.session_id is not None
    done = asked.retry(shop.approvals.approve(asked.request, "9999").override)
    assert done.ok and till.session_id is None


def test_a_cashier_closes_with_a_big_difference_after_one_managers_pin(shop):
    """The close's approval was used up first, then the difference asked for another, whose retry used it
    up for the close again: a cashier was asked for a manager's PIN without end."""
    till = _open_as_manager(shop)  # Ana closes
    asked = till.close(CashCount("EUR", {2000: 5}), reason="counted twice")  # €100 short
    assert asked.outcome is Outcome.NEEDS_APPROVAL
    done = asked.retry(shop.approvals.approve(asked.request, "9999").override)
    assert done.ok, done
    assert till.session_id is None and done.value.approved_by == "Mia"
