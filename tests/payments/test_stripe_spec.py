"""The simulator held to Stripe's published spec, over every operation it serves, through the real library.

Responses: ``stripe_openapi_subset.json`` (cut from Stripe's spec3, endive changes applied) at every
depth. Requests: the ``stripe`` library's generated parameter types for endive; every parameter Stripe
accepts is accepted, or listed in ``hardware/stripe_sim/differences.py`` with its reason and refused as
such; anything else is refused as ``parameter_unknown``. Error codes come from Stripe's published list.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import stripe

from hardware.stripe_sim import INTERAC, VISA
from hardware.stripe_sim.differences import UNSUPPORTED
from hardware.stripe_sim.params import List, Obj
from hardware.stripe_sim.simulator import SPECS, StripeSimulator
from tests.payments.openapi_shapes import check_error_shape, check_shape
from tests.payments.stripe_params import fields, params_class

API_KEY = "rk_test_simulator"
ROOT = Path(__file__).resolve().parents[2]

# label, the simulator's parameter spec, the library's parameter type (stripe.params.<...>)
OPS: list[tuple[str, str, str]] = [
    ("POST /v1/payment_intents", "pi_create", "_payment_intent_create_params.PaymentIntentCreateParams"),
    ("GET /v1/payment_intents", "pi_list", "_payment_intent_list_params.PaymentIntentListParams"),
    (
        "GET /v1/payment_intents/search",
        "pi_search",
        "_payment_intent_search_params.PaymentIntentSearchParams",
    ),
    ("GET /v1/payment_intents/{id}", "pi_get", "_payment_intent_retrieve_params.PaymentIntentRetrieveParams"),
    ("GET /v1/events", "event_list", "_event_list_params.EventListParams"),
    ("GET /v1/events/{id}", "get", "_event_retrieve_params.EventRetrieveParams"),
    ("POST /v1/payment_intents/{id}", "pi_update", "_payment_intent_modify_params.PaymentIntentModifyParams"),
    ("POST .../capture", "pi_capture", "_payment_intent_capture_params.PaymentIntentCaptureParams"),
    ("POST .../cancel", "pi_cancel", "_payment_intent_cancel_params.PaymentIntentCancelParams"),
    ("POST /v1/refunds", "refund_create", "_refund_create_params.RefundCreateParams"),
    ("GET /v1/refunds", "refund_list", "_refund_list_params.RefundListParams"),
    ("GET /v1/refunds/{id}", "get", "_refund_retrieve_params.RefundRetrieveParams"),
    (
        "POST /v1/terminal/locations",
        "location_create",
        "terminal._location_create_params.LocationCreateParams",
    ),
    ("GET /v1/terminal/locations", "list", "terminal._location_list_params.LocationListParams"),
    ("GET /v1/terminal/locations/{id}", "get", "terminal._location_retrieve_params.LocationRetrieveParams"),
    ("POST /v1/terminal/readers", "reader_create", "terminal._reader_create_params.ReaderCreateParams"),
    ("GET /v1/terminal/readers", "reader_list", "terminal._reader_list_params.ReaderListParams"),
    ("GET /v1/terminal/readers/{id}", "get", "terminal._reader_retrieve_params.ReaderRetrieveParams"),
    ("POST /v1/terminal/readers/{id}", "reader_update", "terminal._reader_modify_params.ReaderModifyParams"),
    ("DELETE /v1/terminal/readers/{id}", "get", "terminal._reader_delete_params.ReaderDeleteParams"),
    *[
        (f"POST .../{a}", a, f"terminal._reader_{a}_params.Reader{a.title().replace('_', '')}Params")
        for a in (
            "process_payment_intent",
            "collect_payment_method",
            "confirm_payment_intent",
            "cancel_action",
            "set_reader_display",
            "refund_payment",
        )
    ],
    (
        "POST /v1/test_helpers/.../present_payment_method",
        "present_payment_method",
        "test_helpers.terminal._reader_present_payment_method_params.ReaderPresentPaymentMethodParams",
    ),
]
# (operation, parameter): required by the simulator though the library's types make it optional
REQUIRED_HERE = {("location_create", "display_name"), ("location_create", "address")}


def test_the_operations_are_all_the_simulator_serves():
    served = sum(6 if name == "reader_action" else 1 for _m, _p, name in StripeSimulator._ROUTES)
    assert len(OPS) == served == 27


def _compare(op: str, spec: Obj, cls: type, path: str = "") -> list[str]:
    lib = fields(cls)
    problems = [f"{path}{k}: the simulator takes it, Stripe does not" for k in set(spec.fields) - set(lib)]
    for k in sorted(set(lib) - set(spec.fields) - {"expand"}):
        listed = UNSUPPORTED.get(op, {}).get(path + k)
        if listed is None:
            problems.append(f"{path}{k}: Stripe accepts it, the simulator neither does nor lists it")
        elif k not in spec.unsupported:
            problems.append(f"{path}{k}: listed as unsupported but not refused as such")
    for k in spec.unsupported:
        if k not in lib:
            problems.append(f"{path}{k}: listed as unsupported, but Stripe has no such parameter")
    for k, sub in spec.fields.items():
        if k not in lib:
            continue
        required, nested = lib[k]
        if (k in spec.required) != required and (op, path + k) not in REQUIRED_HERE:
            problems.append(f"{path}{k}: required {k in spec.required} here, {required} at Stripe")
        inner = sub.item if isinstance(sub, List) else sub
        if isinstance(inner, Obj) and nested is not None:
            problems += _compare(op, inner, nested, f"{path}{k}.")
    return problems


@pytest.mark.parametrize(("label", "op", "cls"), OPS, ids=[o[0] for o in OPS])
def test_request_parameters_are_stripes(label: str, op: str, cls: str):
    assert _compare(op, SPECS[op], params_class(cls)) == []


@pytest.fixture
def client(sim):
    return stripe.StripeClient(
        API_KEY, base_addresses={"api": sim.url}, http_client=stripe.RequestsClient(timeout=(1, 2))
    )


def _raw(obj: Any) -> dict[str, Any]:
    return json.loads(obj.last_response.body)


def test_unsupported_and_unknown_parameters_are_refused_with_stripes_error_shape(client):
    with pytest.raises(stripe.InvalidRequestError) as e:
        client.v1.payment_intents.create({"amount": 1000, "currency": "usd", "customer": "cus_1"})
    check_error_shape(e.value.json_body)
    assert e.value.param == "customer" and "does not implement" in str(e.value.user_message)
    assert e.value.code is None  # no code pretends Stripe would refuse it
    with pytest.raises(stripe.InvalidRequestError) as e:
        client.v1.payment_intents.create({"amount": 1000, "currency": "usd", "colour": "blue"})
    check_error_shape(e.value.json_body)
    assert (e.value.code, e.value.param) == ("parameter_unknown", "colour")


def _stripe_error_codes() -> set[str]:
    """Stripe's published error codes: the Literal of ``PaymentIntent.last_payment_error.code``."""
    hint = stripe.PaymentIntent.LastPaymentError.__annotations__["code"]
    return set(re.findall(r"'([a-z_0-9]+)'", hint if isinstance(hint, str) else repr(hint)))


def test_every_error_code_the_simulator_sends_is_one_of_stripes():
    codes = set()
    for source in (ROOT / "hardware" / "stripe_sim").glob("*.py"):
        codes |= set(re.findall(r'code="([a-z_0-9]+)"', source.read_text(encoding="utf-8")))
        codes |= set(re.findall(r'\("(card_declined|expired_card|processing_error)"', source.read_text()))
    known = _stripe_error_codes()
    assert len(known) > 100 and codes and codes <= known, sorted(codes - known)


def test_every_operation_answers_in_stripes_shapes_and_never_with_a_card_number(
    sim, client, reader_id, location
):
    seen: list[dict[str, Any]] = []

    def shape(obj: Any, name: str) -> dict[str, Any]:
        raw = _raw(obj)
        seen.append(raw)
        check_shape(raw, name)
        return raw

    readers = client.v1.terminal.readers
    helpers = client.v1.test_helpers.terminal.readers
    pis = client.v1.payment_intents
    create = {"amount": 1000, "currency": "usd", "allowed_payment_method_types": ["card_present"]}
    pi = shape(pis.create({**create, "capture_method": "manual", "metadata": {"a": "1"}}), "payment_intent")
    assert pi["allowed_payment_method_types"] == ["card_present"]
    shape(pis.update(pi["id"], {"metadata": {"b": "2"}}), "payment_intent")
    # two-step flow: collect (the card is inspected), then confirm
    rd = shape(readers.collect_payment_method(reader_id, {"payment_intent": pi["id"]}), "terminal.reader")
    rd = shape(
        helpers.present_payment_method(reader_id, {"card_present": {"number": VISA}}), "terminal.reader"
    )
    assert rd["action"]["collect_payment_method"]["payment_method"]["card_present"]["last4"] == VISA[-4:]
    shape(readers.confirm_payment_intent(reader_id, {"payment_intent": pi["id"]}), "terminal.reader")
    shape(readers.retrieve(reader_id), "terminal.reader")
    charged = shape(pis.retrieve(pi["id"], {"expand": ["latest_charge"]}), "payment_intent")
    assert charged["status"] == "requires_capture" and charged["latest_charge"]["captured"] is False
    shape(pis.capture(pi["id"], {"amount_to_capture": 1000}), "payment_intent")
    refund = shape(client.v1.refunds.create({"payment_intent": pi["id"], "amount": 300}), "refund")
    shape(client.v1.refunds.retrieve(refund["id"]), "refund")
    for r in shape_list(client.v1.refunds.list({"payment_intent": pi["id"]}), seen):
        check_shape(r, "refund")
    # one step, declined: action.api_error carries the PaymentIntent object
    declined = shape(pis.create({**create, "amount": 1005}), "payment_intent")
    shape(readers.process_payment_intent(reader_id, {"payment_intent": declined["id"]}), "terminal.reader")
    rd = shape(helpers.present_payment_method(reader_id), "terminal.reader")
    assert rd["action"]["api_error"]["payment_intent"]["id"] == declined["id"]
    shape(pis.cancel(declined["id"], {"cancellation_reason": "abandoned"}), "payment_intent")
    for p in shape_list(pis.list({"limit": 3}), seen):
        check_shape(p, "payment_intent")
    for p in shape_list(pis.search({"query": "status:'canceled'"}), seen):
        check_shape(p, "payment_intent")
    # display, cancel_action, Interac refund on the reader
    cart = {
        "currency": "usd",
        "line_items": [{"description": "Tea", "amount": 450, "quantity": 1}],
        "total": 450,
    }
    shape(readers.set_reader_display(reader_id, {"type": "cart", "cart": cart}), "terminal.reader")
    shape(readers.cancel_action(reader_id), "terminal.reader")
    interac = shape(
        pis.create({**create, "currency": "cad", "allowed_payment_method_types": ["interac_present"]}),
        "payment_intent",
    )
    readers.process_payment_intent(reader_id, {"payment_intent": interac["id"]})
    helpers.present_payment_method(
        reader_id, {"type": "interac_present", "interac_present": {"number": INTERAC}}
    )
    shape(
        readers.refund_payment(reader_id, {"payment_intent": interac["id"], "amount": 200}), "terminal.reader"
    )
    rd = shape(helpers.present_payment_method(reader_id, {"type": "interac_present"}), "terminal.reader")
    assert "reason" not in rd["action"]["refund_payment"] and rd["action"]["status"] == "succeeded"
    # locations and readers
    loc = shape(
        client.v1.terminal.locations.create(
            {"display_name": "Annex", "address": {"country": "US", "line1": "2 Side St"}, "phone": "555"}
        ),
        "terminal.location",
    )
    shape(client.v1.terminal.locations.retrieve(loc["id"]), "terminal.location")
    for x in shape_list(client.v1.terminal.locations.list(), seen):
        check_shape(x, "terminal.location")
    new = shape(
        readers.create({"registration_code": "simulated-wpe", "location": loc["id"]}), "terminal.reader"
    )
    shape(readers.update(new["id"], {"label": "Spare"}), "terminal.reader")
    for x in shape_list(readers.list({"location": loc["id"]}), seen):
        check_shape(x, "terminal.reader")
    shape(readers.delete(new["id"]), "deleted_terminal.reader")
    gone = shape(readers.retrieve(new["id"]), "deleted_terminal.reader")  # as Stripe answers it
    assert gone["deleted"] is True

    # the events all this made, listed and read one by one as Stripe's Event type has them
    events = shape_list(client.v1.events.list({"limit": 100}), seen)
    assert {e["type"] for e in events} >= {
        "payment_intent.created",
        "payment_intent.amount_capturable_updated",
        "payment_intent.succeeded",
        "payment_intent.payment_failed",
        "payment_intent.canceled",
        "terminal.reader.action_succeeded",
        "terminal.reader.action_failed",
    }
    for e in events:
        check_event_shape(e)
        check_shape(e["data"]["object"], e["data"]["object"]["object"])
    check_event_shape(_raw(client.v1.events.retrieve(events[0]["id"])))

    text = json.dumps(seen)
    assert not [n for n in (VISA, INTERAC) if n in text], "a card number in a response"
    assert "_card" not in text


def check_event_shape(event: dict[str, Any]) -> None:
    """An Event as the ``stripe`` library's generated type (cut from Stripe's spec) describes it: exactly
    its fields, the required ones present, ``type`` one of Stripe's event types."""
    import typing

    def annotated(cls: type) -> dict[str, str]:
        notes = cls.__annotations__.items()
        return {k: v if isinstance(v, str) else repr(v) for k, v in notes if not k.isupper()}

    top = annotated(stripe.Event)
    assert set(event) <= set(top), set(event) - set(top)
    required = {k for k, v in top.items() if not v.startswith("Optional")}
    assert required <= set(event), required - set(event)
    data = annotated(stripe.Event.Data)
    assert set(event["data"]) <= set(data) and isinstance(event["data"]["object"], dict)
    assert set(event["request"]) == set(annotated(stripe.Event.Request))
    types = typing.get_type_hints(stripe.Event, include_extras=False)["type"]
    assert event["type"] in typing.get_args(types), event["type"]
    assert event["object"] == "event" and event["id"].startswith("evt_")
    assert isinstance(event["created"], int) and isinstance(event["pending_webhooks"], int)


def shape_list(obj: Any, seen: list[dict[str, Any]]) -> list[dict[str, Any]]:
    raw = _raw(obj)
    seen.append(raw)
    assert raw["object"] in ("list", "search_result") and isinstance(raw["has_more"], bool)
    return raw["data"]


def test_an_empty_cart_is_refused_as_stripe_refuses_it(client, reader_id):
    """The library drops an empty ``line_items`` list from the request; Stripe requires it."""
    with pytest.raises(stripe.InvalidRequestError) as e:
        client.v1.terminal.readers.set_reader_display(
            reader_id, {"type": "cart", "cart": {"currency": "usd", "line_items": [], "total": 0}}
        )
    check_error_shape(e.value.json_body)
    assert (e.value.code, e.value.param) == ("parameter_missing", "cart[line_items]")


def test_the_committed_subset_is_what_the_script_cuts():
    """Deterministic and complete: cutting the committed schemas again gives the committed file."""
    import importlib.util

    from tests.payments.openapi_shapes import SUBSET, subset

    spec = importlib.util.spec_from_file_location("cut", ROOT / "tools" / "stripe_openapi_subset.py")
    assert spec is not None and spec.loader is not None
    cut = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cut)
    again = cut.render({"components": {"schemas": subset()["components"]["schemas"]}})
    assert again == SUBSET.read_text(encoding="utf-8")
    assert subset()["info"]["source"]["commit"] == cut.SOURCE["commit"]
