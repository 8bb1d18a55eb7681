"""StripeTerminal: key handling, error translation, refunds, readers, throttled display.

The direct driver itself (not the port): the relayed terminal's own tests are in ``test_relay.py``."""

from __future__ import annotations

import logging

import keyring
import pytest

from hardware.stripe_sim import INTERAC, VISA
from hardware.stripe_terminal import KEYRING_SERVICE, KEYRING_USERNAME, StripeTerminal, ThrottledDisplay
from pos.payment import (
    CardPayments,
    CartDisplay,
    DisplayLine,
    PaymentRejected,
    ReaderBusy,
    ReaderOffline,
    TerminalAuthError,
    TerminalConfigError,
    TerminalPermissionError,
    TerminalUnavailable,
)
from tests.payments.conftest import API_KEY, POLL
from tests.support.waiting import wait_for


def _terminal(sim, reader_id, **kw):
    return StripeTerminal(
        reader_id=reader_id,
        api_base=sim.url,
        connect_timeout=0.5,
        read_timeout=1.0,
        max_network_retries=0,
        **kw,
    )


def test_key_comes_from_keyring(sim, reader_id):
    with pytest.raises(TerminalConfigError) as e:
        _terminal(sim, reader_id)
    assert e.value.code == "no_key" and "manager" in e.value.message
    keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, API_KEY)
    t = _terminal(sim, reader_id)
    assert API_KEY not in repr(t) and API_KEY not in str(vars(t))
    assert t.retrieve_reader().id == reader_id
    t.close()


def test_live_secret_key_refused_unless_allowed(sim, reader_id):
    keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, "sk_" + "live_dangerous")
    with pytest.raises(TerminalConfigError) as e:
        _terminal(sim, reader_id)
    assert e.value.code == "live_secret_key" and "sk_" + "live_dangerous" not in str(e.value)
    t = _terminal(sim, reader_id, allow_live_secret_key=True)
    assert t.retrieve_reader().status == "online"
    t.close()
    keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, "password123")
    with pytest.raises(TerminalConfigError):
        _terminal(sim, reader_id)


def test_api_version_pinned_and_key_never_logged(sim, terminal, payments, shop, caplog):
    caplog.set_level(logging.DEBUG)
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(1500)
    assert payments.pay(sale, 1500, "usd", shop.complete(sale, 1500)).paid
    assert {r["stripe_version"] for r in sim.requests} == {"2026-10-28.endive"}
    assert API_KEY not in caplog.text
    create = next(r for r in sim.requests if r["path"] == "/v1/payment_intents")
    assert create["params"]["allowed_payment_method_types"] == ["card_present"]
    assert "payment_method_types" not in create["params"]


def test_revoked_key_and_missing_permission(sim, terminal, reader_id):
    sim.restrict_key(API_KEY, r"^/v1/refunds")
    with pytest.raises(TerminalPermissionError) as e:
        terminal.refunds_for("pi_123")
    assert "permission" in e.value.message and "cash" in e.value.message
    sim.revoke_key(API_KEY)
    with pytest.raises(TerminalAuthError) as e2:
        terminal.retrieve_reader()
    assert "revoked" in e2.value.message


def test_unreachable_is_card_off_take_cash(sim, terminal):
    sim.stop()
    with pytest.raises(TerminalUnavailable) as e:
        terminal.create_payment_intent(
            amount=1000, currency="usd", sale_uuid="s", attempt_id="a", idempotency_key="a:create"
        )
    assert e.value.ambiguous and "Take cash" in e.value.message
    with pytest.raises(TerminalUnavailable) as e2:
        terminal.retrieve_reader()
    assert not e2.value.ambiguous


def test_rate_limit_and_5xx(sim, terminal):
    sim.fail_with_status(r"/v1/terminal/readers/", status=429, method="GET")
    with pytest.raises(TerminalUnavailable) as e:
        terminal.retrieve_reader()
    assert e.value.code == "rate_limit"
    sim.fail_with_status(r"/v1/payment_intents$", status=502)
    with pytest.raises(TerminalUnavailable) as e2:
        terminal.create_payment_intent(
            amount=1000, currency="usd", sale_uuid="s", attempt_id="a", idempotency_key="a:create"
        )
    assert e2.value.ambiguous


@pytest.mark.parametrize("status", [400, 409, 503])
def test_reader_errors_whatever_their_http_status(sim, terminal, reader_id, status):
    sim.reader_error_status = status
    pi = terminal.create_payment_intent(
        amount=1000, currency="usd", sale_uuid="s", attempt_id="a", idempotency_key="a:create"
    )
    sim.set_reader_busy(reader_id)
    with pytest.raises(ReaderBusy) as e:
        terminal.process_payment_intent(pi.id, idempotency_key="a:process:1")
    assert "busy" in e.value.message
    sim.set_reader_busy(reader_id, False)
    sim.set_reader_offline(reader_id)
    with pytest.raises(ReaderOffline) as e2:
        terminal.process_payment_intent(pi.id, idempotency_key="a:process:2")
    assert "offline" in e2.value.message


def test_library_retries_a_5xx_with_the_same_key(sim, make_terminal):
    terminal = make_terminal(max_network_retries=1)
    sim.fail_with_status(r"/v1/payment_intents$", status=503)
    pi = terminal.create_payment_intent(
        amount=1000, currency="usd", sale_uuid="s", attempt_id="a", idempotency_key="a:create"
    )
    keys = [r["idempotency_key"] for r in sim.requests if r["path"] == "/v1/payment_intents"]
    assert (
        keys == ["a:create", "a:create"]
        and len(sim.payment_intents) == 1
        and pi.status == "requires_payment_method"
    )


def test_partial_and_several_refunds(sim, terminal, payments, shop):
    sim.auto_tap(VISA, delay=0.0)
    sale = shop.new_sale(5000)
    out = payments.pay(sale, 5000, "usd", shop.complete(sale, 5000))
    r1 = terminal.refund(out.payment_intent_id, 1200, idempotency_key="ret-1")
    r2 = terminal.refund(out.payment_intent_id, 800, idempotency_key="ret-2")
    again = terminal.refund(
        out.payment_intent_id, 1200, idempotency_key="ret-1"
    )  # replay, not a third refund
    assert again.id == r1.id
    assert {r.id for r in terminal.refunds_for(out.payment_intent_id)} == {r1.id, r2.id}
    with pytest.raises(PaymentRejected) as e:
        terminal.refund(out.payment_intent_id, 3001, idempotency_key="ret-3")
    assert e.value.code == "amount_too_large"
    assert terminal.refund(out.payment_intent_id, 3000, idempotency_key="ret-4").amount == 3000


def test_interac_refund_on_reader(sim, make_terminal, journal, shop):
    terminal = make_terminal(country="CA")
    payments = CardPayments(terminal, journal, poll_interval=POLL)
    sim.auto_tap(INTERAC, delay=0.0)
    sale = shop.new_sale(3000)
    out = payments.pay(sale, 3000, "cad", shop.complete(sale, 3000))
    assert out.paid
    sim.auto_tap(None)
    with pytest.raises(PaymentRejected):
        terminal.refund(out.payment_intent_id, 1000, idempotency_key="r-online")
    rd = terminal.refund_on_reader(out.payment_intent_id, 1000, idempotency_key="r-reader")
    assert rd.action.type == "refund_payment" and rd.action.status == "in_progress"
    sim.tap(INTERAC)
    done = wait_for(lambda: (r := terminal.retrieve_reader()).action.status == "succeeded" and r)
    assert done.action.refund in sim.refunds and sim.refunds[done.action.refund]["amount"] == 1000


def test_readers_of_a_location(sim, terminal, location, reader_id):
    other_location = sim.create_location("Warehouse")
    sim.register_reader("simulated-wpe", other_location)
    assert [r.id for r in terminal.list_readers()] == [reader_id]
    new = terminal.register_reader("simulated-s700", "Counter 2")
    assert new.location == location and new.label == "Counter 2" and new.status == "online"
    assert {r.id for r in terminal.list_readers()} == {reader_id, new.id}
    sim.set_reader_offline(new.id)
    assert terminal.reader_status(new.id).status == "offline"
    assert {loc["id"] for loc in terminal.list_locations()} == {location, other_location}


def test_display_is_throttled_last_state_wins(sim, terminal, reader_id):
    carts = [
        CartDisplay(
            "usd", tuple(DisplayLine(f"item {i}", 100, 1) for i in range(n)), tax=n * 8, total=n * 108
        )
        for n in range(1, 31)
    ]
    for cart in carts:  # a fast scanner
        terminal.show_cart(cart)
    assert terminal.flush_display(5.0)
    sent = sim.count_requests("POST", r"set_reader_display$")
    assert 1 <= sent <= 3
    shown = sim.readers[reader_id]["action"]["set_reader_display"]["cart"]
    assert shown["total"] == 30 * 108 and len(shown["line_items"]) == 30


def test_throttle_spacing_with_fake_clock():
    now = [0.0]
    sent: list[int] = []
    disp = ThrottledDisplay(lambda c: sent.append(c.total), interval=10.0, monotonic=lambda: now[0])
    disp.show(CartDisplay("usd", (), 0, 1))
    assert disp.flush(2.0) and sent == [1]
    disp.show(CartDisplay("usd", (), 0, 2))
    disp.show(CartDisplay("usd", (), 0, 3))
    assert not disp.flush(0.05)  # held back: the interval has not passed
    now[0] = 10.0
    with disp._cv:
        disp._cv.notify_all()
    assert disp.flush(2.0) and sent == [1, 3]
    disp.close()


def test_a_cart_not_yet_sent_when_a_payment_starts_is_dropped_and_none_is_sent_during_it():
    """A fast cashier scans and presses Pay within the throttle interval: the late cart update must not
    replace the reader's payment screen (it made the payment fail: "the reader stopped the payment")."""
    now = [0.0]
    sent: list[int] = []
    disp = ThrottledDisplay(lambda c: sent.append(c.total), interval=10.0, monotonic=lambda: now[0])
    disp.show(CartDisplay("usd", (), 0, 1))
    assert disp.flush(2.0) and sent == [1]
    disp.show(CartDisplay("usd", (), 0, 2))  # waits for the interval
    assert disp.hold()  # Pay
    disp.show(CartDisplay("usd", (), 0, 3))  # anything during the payment is not shown
    now[0] = 20.0
    with disp._cv:
        disp._cv.notify_all()
    assert disp.flush(0.5) and sent == [1]
    disp.release()
    disp.show(CartDisplay("usd", (), 0, 4))  # the next sale's cart
    assert disp.flush(2.0) and sent == [1, 4]
    disp.close()


def test_display_during_payment_is_ignored_not_fatal(sim, terminal, reader_id, caplog):
    sim.set_reader_busy(reader_id)
    terminal.show_cart(CartDisplay("usd", (DisplayLine("Tea", 450, 1),), 36, 486))
    assert terminal.flush_display(5.0)
    assert sim.readers[reader_id]["action"] is None


def test_an_emptied_cart_clears_the_readers_screen(sim, terminal, reader_id):
    """Stripe requires cart[line_items] and the library drops an empty list: the till must not send
    that (the old cart would stay on the customer's screen); cancel_action returns the reader to idle."""
    terminal.show_cart(CartDisplay("usd", (DisplayLine("Tea", 450, 1),), tax=36, total=486))
    assert terminal.flush_display(5.0)
    assert sim.readers[reader_id]["action"]["type"] == "set_reader_display"
    terminal.show_cart(CartDisplay("usd", (), tax=0, total=0))
    assert terminal.flush_display(5.0)
    assert sim.readers[reader_id]["action"] is None
    assert all(r["status"] == 200 for r in sim.requests if r["path"].startswith("/v1/terminal/readers/"))


def _gone(exc: pytest.ExceptionInfo[TerminalConfigError], reader: str) -> None:
    assert exc.value.code == "reader_gone"
    assert reader in exc.value.message and "omo-pos reader list" in exc.value.message
    assert "stripe.reader_id" in exc.value.message and "take cash" in exc.value.message


def test_a_reader_deleted_in_the_dashboard_is_named_with_what_to_do(sim, terminal, reader_id, client):
    client.v1.terminal.readers.delete(reader_id)  # Stripe then answers GET with a deleted stub
    with pytest.raises(TerminalConfigError) as e:
        terminal.retrieve_reader()
    _gone(e, reader_id)
    with pytest.raises(TerminalConfigError) as e:
        terminal.process_payment_intent("pi_x", idempotency_key="k1")  # 404 on the deleted reader
    _gone(e, reader_id)


def test_an_unknown_reader_is_named_with_what_to_do(sim, make_terminal):
    terminal = make_terminal(reader_id="tmr_not_in_this_account")
    with pytest.raises(TerminalConfigError) as e:
        terminal.retrieve_reader()
    _gone(e, "tmr_not_in_this_account")
    with pytest.raises(TerminalConfigError) as e:
        terminal.cancel_action()
    _gone(e, "tmr_not_in_this_account")


@pytest.fixture
def client(sim):
    import stripe

    return stripe.StripeClient(
        API_KEY, base_addresses={"api": sim.url}, http_client=stripe.RequestsClient(timeout=(1, 2))
    )
