"""One composition root: staff, PIN checks and approvals are built once, from `staff.json` in a live shop
and from the demo's staff only in demo mode (a live shop once accepted the README's demo PIN 9999)."""

from __future__ import annotations

import json

import pytest

from app import settings as S
from app.paths import Paths
from app.shop import open_shop
from app.staff import StaffServices
from pos.staff import OverrideRequest, Permission, StaffMember, hash_pin
from tests.support.waiting import wait_for


@pytest.fixture
def live(tmp_path):
    paths = Paths.under(tmp_path).create()
    (paths.config / "staff.json").write_text(
        json.dumps(
            [
                {"id": "zoe", "name": "Zoe", "role": "manager", "pin_hash": hash_pin("482193", n=2**10)},
                {"id": "tom", "name": "Tom", "role": "cashier", "pin_hash": hash_pin("5555", n=2**10)},
            ]
        )
    )
    settings = S.load(None, environ={}, overrides=["mode=live", "printer.kind=none"])
    return paths, settings


def _void_request(actor: StaffMember) -> OverrideRequest:
    return OverrideRequest(actor, Permission.VOID_SALE, subject="void", reason="customer left")


def test_live_shop_refuses_demo_pins_for_login_and_approval_and_takes_the_staff_file(live):
    paths, settings = live
    shop = open_shop(paths, settings)
    try:
        for pin in ("1111", "2222", "9999"):
            assert not shop.authenticator.login(pin).ok
        tom = shop.authenticator.login("5555").member
        assert tom is not None and tom.name == "Tom"
        assert not shop.approvals.approve(_void_request(tom), "9999").approved
        result = shop.approvals.approve(_void_request(tom), "482193")
        assert result.approved and result.override.approver_id == "zoe"
    finally:
        shop.close()


def test_the_window_and_the_shop_share_one_authenticator_and_one_lockout(live):
    paths, settings = live
    staff = StaffServices.build(paths, settings)
    shop = open_shop(paths, settings, staff)
    try:
        assert shop.authenticator is staff.authenticator
        assert shop.approvals is staff.approvals
        assert shop.approvals.authenticator is staff.authenticator
    finally:
        shop.close()


def test_audit_entries_written_before_the_journal_opened_reach_it_in_order(live):
    paths, settings = live
    staff = StaffServices.build(paths, settings)
    assert not staff.authenticator.login("0000").ok  # a wrong PIN at the login screen, before the shop
    assert staff.authenticator.login("5555").ok
    assert staff.audit.pending == 2
    shop = open_shop(paths, settings, staff)
    try:
        conn = shop.store.read_connection()
        try:

            def actions() -> list[str]:
                return [r[0] for r in conn.execute("SELECT action FROM audit_log ORDER BY seq")]

            rows = wait_for(lambda: "staff.login" in actions() and actions())
        finally:
            conn.close()
        assert rows.index("staff.login_failed") < rows.index("staff.login")
        assert staff.audit.pending == 0
    finally:
        shop.close()


def test_a_till_without_a_reader_has_the_null_reader_which_says_why(live):
    """No `is None` checks: a till with no reader paired gets the null reader; the card tender says why,
    cash still works, nothing is recorded for the card."""
    from app.results import Outcome
    from app.sell import SellService
    from app.status import TillMonitor

    paths, settings = live
    shop = open_shop(paths, settings)
    try:
        assert not shop.payments.available and not shop.terminal.available
        assert "No card reader is paired" in shop.card_error
        sell = SellService(shop)
        sell.begin_shift(shop.authenticator.login("5555").member)
        # a live shop with an empty catalog: put one product in through the store's own import
        from sync.store import catalog

        shop.store.write_sync(
            lambda c: catalog.upsert(
                c,
                [
                    {
                        "sku": "S1",
                        "name": "Tea",
                        "brand": "Leaf",
                        "category": "food",
                        "tax_code": "REDUCED",
                        "price": 450,
                        "barcodes": ["4006381333931"],
                        "active": True,
                        "popularity": 1,
                    }
                ],
            )
        )
        from pos.till import CashCount

        shop.till.begin_shift(shop.authenticator.login("482193").member)  # selling needs the till open
        assert shop.till.open(CashCount(shop.config.currency, {1000: 5})).ok
        assert sell.scan("4006381333931").ok
        r = sell.pay_card()
        assert r.outcome is Outcome.REFUSED and "No card reader is paired" in str(r.message)
        assert TillMonitor(shop).snapshot().stripe == "disabled"
        assert sell.pay_cash(1000).ok
    finally:
        shop.close()


def test_the_status_bar_turns_card_payments_off_when_the_relay_says_the_backend_is_gone(shop, monkeypatch):
    """Relayed, the till's channel to the backend knows first that the backend is gone: the status says
    Stripe cannot be reached and the card tender is off with the channel's reason, until it answers again."""
    from app.status import TillMonitor
    from hardware.stripe_terminal.relay import RELAY_DOWN_MESSAGE

    monitor = TillMonitor(shop)
    try:
        monkeypatch.setattr(shop.terminal, "outage", lambda: RELAY_DOWN_MESSAGE)
        s = monitor.snapshot()
        assert (s.stripe, s.card_available, s.card_reason) == ("unreachable", False, RELAY_DOWN_MESSAGE)
        monkeypatch.setattr(shop.terminal, "outage", lambda: None)
        s = monitor.snapshot()
        assert s.card_available and s.stripe != "unreachable"
    finally:
        monitor.close()


def test_a_probe_that_found_the_card_service_gone_is_asked_again_soon(shop, monkeypatch):
    """The reader probe (every 10 s) said the card service is unreachable: the monitor asks for another
    every 2 s, and at once when the till's channel to the backend came back after it; the probe's answer
    ends it."""
    import time

    from app.status import UNREACHABLE, TillMonitor

    monitor = TillMonitor(shop)
    try:
        monitor._observed("unreachable", "unknown", UNREACHABLE)
        monkeypatch.setattr(shop.terminal, "up_since", time.monotonic() - 60.0)  # up before the probe
        assert not monitor.reprobe_due()  # asked a moment ago, and nothing says it is back
        monkeypatch.setattr(shop.terminal, "up_since", time.monotonic() + 1.0)  # back after it
        assert monitor.reprobe_due()
        monkeypatch.setattr(shop.terminal, "up_since", None)
        monitor._probe_at -= TillMonitor.REPROBE_DOWN_S  # a while since: asked again, whatever the channel
        assert monitor.reprobe_due()
        assert monitor.probe_reader()  # the backend answers: card payments are back
        assert not monitor.reprobe_due() and monitor.snapshot().card_available
        # the probe said reachable, then the channel found the backend gone: asked again soon too
        from hardware.stripe_terminal.relay import RELAY_DOWN_MESSAGE

        monkeypatch.setattr(shop.terminal, "outage", lambda: RELAY_DOWN_MESSAGE)
        monitor._probe_at -= TillMonitor.REPROBE_DOWN_S
        assert monitor.reprobe_due()
    finally:
        monitor.close()
