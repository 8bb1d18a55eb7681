"""The simulator as Stripe: wire format, keys, errors, idempotency, state machines, response shapes."""

from __future__ import annotations

import threading

import pytest
import requests
import stripe

from hardware.stripe_sim import INTERAC, VISA
from tests.payments.conftest import API_KEY
from tests.payments.openapi_shapes import check_action_shape, check_shape
from tests.support.waiting import wait_for


@pytest.fixture
def http(sim):
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {API_KEY}"

    def call(method: str, path: str, body: str = "", key: str | None = None, **headers: str):
        h = dict(headers)
        if key:
            h["Idempotency-Key"] = key
        if body:
            h["Content-Type"] = "application/x-www-form-urlencoded"
        if method == "GET":
            r = s.get(f"{sim.url}{path}" + (f"?{body}" if body else ""), headers=h, timeout=(1, 2))
        else:
            r = s.request(method, f"{sim.url}{path}", data=body, headers=h, timeout=(1, 2))
        return r

    yield call
    s.close()


@pytest.fixture
def client(sim):
    return stripe.StripeClient(
        API_KEY, base_addresses={"api": sim.url}, http_client=stripe.RequestsClient(timeout=(1, 2))
    )


def _pi_body(amount: int = 1000, extra: str = "") -> str:
    return (
        f"amount={amount}&currency=usd&allowed_payment_method_types[]=card_present&capture_method=manual"
        f"&metadata[sale_uuid]=s1&metadata[attempt_id]=a1{extra}"
    )


def test_curl_style_arrays_and_shapes_of_every_object(sim, http, reader_id, location):
    r = http("POST", "/v1/payment_intents", _pi_body(), key="k-create")
    assert r.status_code == 200, r.text
    pi = r.json()
    check_shape(pi, "payment_intent")
    assert pi["status"] == "requires_payment_method" and pi["metadata"] == {
        "sale_uuid": "s1",
        "attempt_id": "a1",
    }
    check_shape(
        http("GET", f"/v1/payment_intents/{pi['id']}", "expand[]=latest_charge").json(), "payment_intent"
    )

    rd = http(
        "POST",
        f"/v1/terminal/readers/{reader_id}/process_payment_intent",
        f"payment_intent={pi['id']}&process_config[skip_tipping]=true"
        "&process_config[enable_customer_cancellation]=true",
    ).json()
    check_shape(rd, "terminal.reader")
    check_action_shape(rd["action"])
    assert rd["action"]["process_payment_intent"]["process_config"]["skip_tipping"] is True
    rd = http(
        "POST",
        f"/v1/test_helpers/terminal/readers/{reader_id}/present_payment_method",
        f"type=card_present&card_present[number]={VISA}",
    ).json()
    check_shape(rd, "terminal.reader")
    assert rd["action"]["status"] == "succeeded"
    pi = http("POST", f"/v1/payment_intents/{pi['id']}/capture", "amount_to_capture=1000").json()
    check_shape(pi, "payment_intent")
    assert pi["status"] == "succeeded" and pi["amount_received"] == 1000
    expanded = http("GET", f"/v1/payment_intents/{pi['id']}", "expand[]=latest_charge").json()
    check_shape(expanded, "payment_intent")
    assert expanded["latest_charge"]["id"] == pi["latest_charge"]
    assert expanded["latest_charge"]["amount_captured"] == 1000
    refund = http("POST", "/v1/refunds", f"payment_intent={pi['id']}&amount=400").json()
    check_shape(refund, "refund")
    check_shape(http("GET", f"/v1/refunds/{refund['id']}").json(), "refund")

    disp = http(
        "POST",
        f"/v1/terminal/readers/{reader_id}/set_reader_display",
        "type=cart&cart[currency]=usd&cart[line_items][0][description]=Tea&cart[line_items][0][amount]=450"
        "&cart[line_items][0][quantity]=2&cart[tax]=72&cart[total]=972",
    ).json()
    check_shape(disp, "terminal.reader")
    check_action_shape(disp["action"])
    assert disp["action"]["set_reader_display"]["cart"]["line_items"] == [
        {"description": "Tea", "amount": 450, "quantity": 2}
    ]

    check_shape(http("GET", f"/v1/terminal/locations/{location}").json(), "terminal.location")
    readers = http("GET", "/v1/terminal/readers", f"location={location}&limit=5").json()
    assert readers["object"] == "list" and [x["id"] for x in readers["data"]] == [reader_id]
    for x in readers["data"]:
        check_shape(x, "terminal.reader")
    cancelled = http("POST", "/v1/payment_intents", _pi_body(2000)).json()
    cancelled = http(
        "POST", f"/v1/payment_intents/{cancelled['id']}/cancel", "cancellation_reason=requested_by_customer"
    ).json()
    check_shape(cancelled, "payment_intent")
    assert cancelled["status"] == "canceled"
    gone = http("DELETE", f"/v1/terminal/readers/{reader_id}").json()
    check_shape(gone, "deleted_terminal.reader")


def test_error_bodies_are_stripe_shaped(sim, http, reader_id):
    r = http("POST", "/v1/payment_intents", _pi_body(extra="&colour=blue"))
    assert r.status_code == 400
    check_shape(r.json()["error"], "api_errors")
    assert r.json()["error"]["code"] == "parameter_unknown" and r.json()["error"]["param"] == "colour"
    r = http(
        "POST",
        f"/v1/terminal/readers/{reader_id}/process_payment_intent",
        "payment_intent=pi_x&process_config[skip_tipping]=yes",
    )
    err = r.json()["error"]
    assert "code" not in err and err["param"] == "process_config[skip_tipping]"  # no such code at Stripe
    r = http("POST", "/v1/payment_intents", "currency=usd")
    assert r.json()["error"]["code"] == "parameter_missing" and r.json()["error"]["param"] == "amount"
    r = http("POST", "/v1/payment_intents", _pi_body(10))
    assert r.json()["error"]["code"] == "amount_too_small"


def test_declined_action_shape_and_last_payment_error(sim, http, reader_id):
    pi = http("POST", "/v1/payment_intents", _pi_body(1005)).json()  # .05: generic_decline
    http("POST", f"/v1/terminal/readers/{reader_id}/process_payment_intent", f"payment_intent={pi['id']}")
    rd = http("POST", f"/v1/test_helpers/terminal/readers/{reader_id}/present_payment_method", "").json()
    check_action_shape(rd["action"])
    assert rd["action"]["status"] == "failed" and rd["action"]["failure_code"] == "card_declined"
    assert rd["action"]["api_error"]["decline_code"] == "generic_decline"
    assert rd["action"]["api_error"]["payment_intent"]["id"] == pi["id"]  # the object, as the spec says
    pi = http("GET", f"/v1/payment_intents/{pi['id']}").json()
    check_shape(pi, "payment_intent")
    check_shape(pi["last_payment_error"], "api_errors")
    assert pi["status"] == "requires_payment_method"


def test_bearer_key_checked(sim, http, client):
    r = requests.post(f"{sim.url}/v1/payment_intents", data=_pi_body(), timeout=(1, 2))
    assert r.status_code == 401 and r.json()["error"]["type"] == "invalid_request_error"
    bad = stripe.StripeClient(
        "rk_test_wrong", base_addresses={"api": sim.url}, http_client=stripe.RequestsClient(timeout=(1, 2))
    )
    with pytest.raises(stripe.AuthenticationError):
        bad.v1.payment_intents.list()


def test_payment_method_types_rejected(client):
    with pytest.raises(stripe.InvalidRequestError) as e:
        client.v1.payment_intents.create(
            {"amount": 1000, "currency": "usd", "payment_method_types": ["card_present"]}
        )
    # endive has no such parameter; the code is one of Stripe's published ones, not an invented one
    assert e.value.code == "parameter_unknown" and e.value.param == "payment_method_types"
    assert e.value.http_status == 400


def test_idempotency_replays_first_result_even_errors(sim, client, http, reader_id):
    params = {"amount": 1000, "currency": "usd", "capture_method": "manual"}
    pi1 = client.v1.payment_intents.create(params, options={"idempotency_key": "same"})
    pi2 = client.v1.payment_intents.create(params, options={"idempotency_key": "same"})
    assert pi1.id == pi2.id and len(sim.payment_intents) == 1
    assert pi2.last_response.headers["Idempotent-Replayed"] == "true"
    with pytest.raises(stripe.IdempotencyError):
        client.v1.payment_intents.create(
            {"amount": 2000, "currency": "usd"}, options={"idempotency_key": "same"}
        )
    # an error that executed is stored: the same key replays it even after the state changed
    with pytest.raises(stripe.InvalidRequestError) as first:
        client.v1.payment_intents.capture(pi1.id, options={"idempotency_key": "cap"})
    assert first.value.code == "payment_intent_unexpected_state"
    sim.auto_tap(VISA, delay=0.0)
    sim.instant_result = True
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi1.id})
    assert client.v1.payment_intents.retrieve(pi1.id).status == "requires_capture"
    with pytest.raises(stripe.InvalidRequestError) as again:
        client.v1.payment_intents.capture(pi1.id, options={"idempotency_key": "cap"})
    assert again.value.code == "payment_intent_unexpected_state"
    assert (
        client.v1.payment_intents.capture(pi1.id, options={"idempotency_key": "cap-2"}).status == "succeeded"
    )


@pytest.mark.parametrize("created", [False, True], ids=["nothing-created", "created-anyway"])
def test_a_500_while_executing_is_stored_and_replayed_for_24h(sim, client, created):
    """Stripe saves the result of a request once its endpoint began executing, "including 500 errors"
    (docs.stripe.com/api/idempotent_requests): every retry with the same key gets the same 500 (marked
    replayed, with Stripe-Should-Retry: false) until the key expires after 24 h; a new key executes. The
    500 is indeterminate: the PaymentIntent may or may not exist."""
    sim.fail_while_executing(r"/v1/payment_intents$", commit=created)
    params = {"amount": 1000, "currency": "usd", "metadata": {"attempt_id": "a500"}}
    for _ in range(3):
        with pytest.raises(stripe.APIError) as e:
            client.v1.payment_intents.create(params, options={"idempotency_key": "k500"})
        assert e.value.http_status == 500 and e.value.json_body["error"]["type"] == "api_error"
        assert e.value.headers["Stripe-Should-Retry"] == "false"
    assert e.value.headers["Idempotent-Replayed"] == "true"
    assert len(sim.payment_intents) == int(created)
    assert client.v1.payment_intents.create(params, options={"idempotency_key": "k500-new"}).id
    assert len(sim.payment_intents) == int(created) + 1
    sim.advance(24 * 3600 + 1)  # pruned: the same key is a new request
    again = client.v1.payment_intents.create(params, options={"idempotency_key": "k500"})
    assert again.status == "requires_payment_method"


def test_failed_validation_is_not_stored(client):
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.payment_intents.create(
            {"amount": 1000, "currency": "usd", "colour": "blue"}, options={"idempotency_key": "v"}
        )
    pi = client.v1.payment_intents.create(
        {"amount": 1000, "currency": "usd"}, options={"idempotency_key": "v"}
    )
    assert pi.status == "requires_payment_method"


def test_idempotency_key_in_use(sim, client):
    sim.inject("POST", r"/v1/payment_intents$", "slow", hang=0.5)
    box: dict = {}

    def first() -> None:
        box["pi"] = client.v1.payment_intents.create(
            {"amount": 1000, "currency": "usd"}, options={"idempotency_key": "busy"}
        )

    t = threading.Thread(target=first)
    t.start()
    wait_for(lambda: sim.count_requests("POST", r"/v1/payment_intents$") == 1)
    with pytest.raises(stripe.APIError) as e:
        client.v1.payment_intents.create(
            {"amount": 1000, "currency": "usd"}, options={"idempotency_key": "busy"}
        )
    t.join()
    assert e.value.http_status == 409 and e.value.json_body["error"]["code"] == "idempotency_key_in_use"
    assert len(sim.payment_intents) == 1  # the refused request was not executed


def test_idempotency_keys_expire_after_24h(sim, client):
    client.v1.payment_intents.create({"amount": 1000, "currency": "usd"}, options={"idempotency_key": "old"})
    sim.advance(24 * 3600 + 1)
    pi = client.v1.payment_intents.create(
        {"amount": 3000, "currency": "usd"}, options={"idempotency_key": "old"}
    )
    assert pi.amount == 3000 and len(sim.payment_intents) == 2


def test_collect_then_confirm(sim, client, reader_id):
    pi = client.v1.payment_intents.create({"amount": 1500, "currency": "usd", "capture_method": "manual"})
    rd = client.v1.terminal.readers.collect_payment_method(reader_id, {"payment_intent": pi.id})
    assert rd.action.type == "collect_payment_method" and rd.action.status == "in_progress"
    rd = client.v1.test_helpers.terminal.readers.present_payment_method(reader_id, {"type": "card_present"})
    assert rd.action.status == "succeeded"
    assert rd.action.collect_payment_method.payment_method.card_present.last4 == "4242"
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_confirmation"
    rd = client.v1.terminal.readers.confirm_payment_intent(reader_id, {"payment_intent": pi.id})
    assert rd.action.status == "succeeded"
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_capture"


def test_reader_busy_and_offline_errors(sim, client, reader_id):
    pi = client.v1.payment_intents.create({"amount": 1500, "currency": "usd"})
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    other = client.v1.payment_intents.create({"amount": 1600, "currency": "usd"})
    with pytest.raises(stripe.InvalidRequestError) as e:
        client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": other.id})
    assert e.value.code == "terminal_reader_busy"
    assert client.v1.terminal.readers.cancel_action(reader_id).action is None
    sim.set_reader_offline(reader_id)
    with pytest.raises(stripe.InvalidRequestError) as e:
        client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": other.id})
    assert e.value.code == "terminal_reader_offline"
    assert client.v1.terminal.readers.retrieve(reader_id).status == "offline"


def test_reader_error_status_configurable(sim, client, reader_id):
    sim.reader_error_status = 409
    sim.set_reader_busy(reader_id)
    pi = client.v1.payment_intents.create({"amount": 1500, "currency": "usd"})
    with pytest.raises(stripe.APIError) as e:
        client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    assert e.value.http_status == 409 and e.value.json_body["error"]["code"] == "terminal_reader_busy"


def test_present_without_pending_action(client, reader_id):
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.test_helpers.terminal.readers.present_payment_method(reader_id, {"type": "card_present"})


def test_registration_codes(sim, client, location):
    wpe = client.v1.terminal.readers.create({"registration_code": "simulated-wpe", "location": location})
    s700 = client.v1.terminal.readers.create({"registration_code": "simulated-s700", "label": "Front"})
    assert wpe.device_type == "simulated_wisepos_e" and wpe.serial_number.startswith("simulated-wpe-")
    assert wpe.ip_address == "0.0.0.0" and wpe.status == "online"
    assert s700.serial_number.startswith("simulated-s700-") and s700.label == "Front"
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.terminal.readers.create({"registration_code": "nonsense"})
    page = client.v1.terminal.readers.list({"limit": 1})
    assert len(page.data) == 1 and page.has_more
    rest = client.v1.terminal.readers.list({"limit": 10, "starting_after": page.data[0].id})
    assert page.data[0].id not in {r.id for r in rest.data}


def test_interac_refund_on_reader_only(sim, client, reader_id):
    pi = client.v1.payment_intents.create(
        {
            "amount": 2500,
            "currency": "cad",
            "capture_method": "manual",
            "allowed_payment_method_types": ["card_present", "interac_present"],
        }
    )
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    sim.tap(INTERAC)
    assert client.v1.payment_intents.retrieve(pi.id).status == "succeeded"  # Interac: captured by Stripe
    with pytest.raises(stripe.InvalidRequestError):
        client.v1.refunds.create({"payment_intent": pi.id})
    rd = client.v1.terminal.readers.refund_payment(reader_id, {"payment_intent": pi.id, "amount": 1000})
    assert rd.action.type == "refund_payment" and rd.action.status == "in_progress"
    sim.tap(INTERAC)
    rd = client.v1.terminal.readers.retrieve(reader_id)
    assert rd.action.status == "succeeded"
    assert sim.refunds[rd.action.refund_payment.refund]["amount"] == 1000


def test_demo_auto_tap_and_panel_helpers(sim, client, reader_id):
    sim.auto_tap(VISA, delay=0.05)
    pi = client.v1.payment_intents.create({"amount": 1500, "currency": "usd", "capture_method": "manual"})
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    wait_for(lambda: client.v1.payment_intents.retrieve(pi.id).status == "requires_capture")
    sim.auto_tap(None)
    pi2 = client.v1.payment_intents.create({"amount": 1500, "currency": "usd"})
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi2.id})
    sim.decline("insufficient_funds")
    assert client.v1.payment_intents.retrieve(pi2.id).last_payment_error.decline_code == "insufficient_funds"
    with pytest.raises(RuntimeError):
        sim.tap()  # nobody is waiting for a card


def test_reader_demo_controls_for_the_panel(sim, client, reader_id):
    from hardware.stripe_sim.demo import NOTHING_WAITING, ReaderDemoControls

    controls = ReaderDemoControls(sim, reader_id)
    assert controls.tap_card(VISA) == NOTHING_WAITING
    pi = client.v1.payment_intents.create({"amount": 1500, "currency": "usd", "capture_method": "manual"})
    client.v1.terminal.readers.process_payment_intent(
        reader_id, {"payment_intent": pi.id, "process_config": {"enable_customer_cancellation": True}}
    )
    assert "Cancel" in controls.customer_cancels()
    assert client.v1.terminal.readers.retrieve(reader_id).action.failure_code == "customer_canceled"
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    assert "gave up" in controls.reader_times_out()
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    assert "declined" in controls.decline()
    client.v1.terminal.readers.process_payment_intent(reader_id, {"payment_intent": pi.id})
    assert controls.tap_card(VISA) == "Card ending 4242 tapped."
    assert client.v1.payment_intents.retrieve(pi.id).status == "requires_capture"
