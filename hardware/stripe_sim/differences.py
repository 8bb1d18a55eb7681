"""Where the simulator knowingly differs from Stripe (API ``2026-10-28.endive``), and why.

``tests/payments/test_stripe_spec.py`` holds the simulator to Stripe's published spec: every request
parameter Stripe accepts is either accepted by the simulator or listed in ``UNSUPPORTED`` with its
reason (the test fails on a parameter in neither, and on a listed one Stripe does not have). A listed
parameter is refused with a message that says so, never as "unknown".

Differences in what the simulator answers (each also checked or named by that test):
- ``expand[]``: ``latest_charge`` on the endpoints that return one PaymentIntent is expanded; any other
  expansion is refused with a clear message (the till expands nothing).
- The expanded Charge has ``payment_method_details``, ``outcome`` and ``fraud_details`` null: Stripe
  fills them in; the till reads none of them.
- A collected ``interac_present`` card is not returned as a PaymentMethod object on the
  ``collect_payment_method`` action (the spec subset does not carry that schema; the till collects
  Interac with ``process_payment_intent`` only).
- A Location needs ``display_name`` and ``address`` (the simulator builds its object from them); the
  library's types mark both optional because Japanese locations may give ``address_kana``/``kanji``.
"""

from __future__ import annotations

CONNECT = "Connect (platforms, connected accounts, fees): this shop is a single Stripe account"
ONLINE = (
    "online payments (confirmation by the API, redirects, saved or attached payment methods, "
    "mandates): the till takes cards in person, on the reader"
)
CUSTOMERS = "Customers and saved cards: the till keeps no Stripe Customer"
LEVEL23 = "line items, tax and order references for L2/L3 card rates: not used by this shop"
ASYNC = "async workflows (hooks) and Managed Payments: not used by this shop"
IMMUTABLE = (
    "the till never changes a PaymentIntent after creating it except its metadata; it creates a new "
    "PaymentIntent instead"
)
ONLINE_PM_OPTION = "options of an online payment method: a till offers card_present only"

PM_OPTION_TYPES = (
    "acss_debit affirm afterpay_clearpay alipay alma amazon_pay au_becs_debit bacs_debit bancontact "
    "billie bizum blik boleto card cashapp crypto customer_balance eps fpx giropay grabpay ideal "
    "kakao_pay klarna konbini kr_card link mb_way mobilepay multibanco naver_pay nz_bank_account oxxo "
    "p24 pay_by_bank payco paynow paypal paypay payto pix promptpay revolut_pay samsung_pay satispay "
    "scalapay sepa_debit sequra sofort sunbit swish twint upi us_bank_account wechat_pay zip"
).split()

UNSUPPORTED: dict[str, dict[str, str]] = {
    "pi_create": {
        "amount_details": LEVEL23,
        "application_fee_amount": CONNECT,
        "automatic_payment_methods": ONLINE,
        "confirm": ONLINE,
        "confirmation_method": ONLINE,
        "confirmation_token": ONLINE,
        "customer": CUSTOMERS,
        "customer_account": CUSTOMERS,
        "error_on_requires_action": ONLINE,
        "excluded_payment_method_types": ONLINE,
        "hooks": ASYNC,
        "mandate": ONLINE,
        "mandate_data": ONLINE,
        "off_session": ONLINE,
        "on_behalf_of": CONNECT,
        "payment_details": LEVEL23,
        "payment_method": ONLINE,
        "payment_method_configuration": ONLINE,
        "payment_method_data": ONLINE,
        "radar_options": ONLINE,
        "return_url": ONLINE,
        "setup_future_usage": CUSTOMERS,
        "shipping": ONLINE,
        "transfer_data": CONNECT,
        "transfer_group": CONNECT,
        "use_stripe_sdk": ONLINE,
        **{f"payment_method_options.{t}": ONLINE_PM_OPTION for t in PM_OPTION_TYPES},
        "payment_method_options.interac_present": "Interac needs no options: the simulator takes none",
        "payment_method_options.card_present.routing": "domestic/international routing: not simulated",
    },
    "pi_capture": {
        "amount_details": LEVEL23,
        "application_fee_amount": CONNECT,
        "hooks": ASYNC,
        "payment_details": LEVEL23,
        "transfer_data": CONNECT,
    },
    "pi_update": {
        name: IMMUTABLE
        for name in (
            "allowed_payment_method_types amount amount_details application_fee_amount capture_method "
            "currency customer customer_account excluded_payment_method_types hooks payment_details "
            "payment_method payment_method_configuration payment_method_data payment_method_options "
            "receipt_email setup_future_usage shipping statement_descriptor statement_descriptor_suffix "
            "transfer_data transfer_group"
        ).split()
    },
    "refund_create": {
        "currency": "refunds of Customer balances: the till refunds a PaymentIntent",
        "customer": CUSTOMERS,
        "instructions_email": "refunds of payment methods without native refunds: cards have them",
        "origin": "refunds of Customer balances: the till refunds a PaymentIntent",
    },
    "location_create": {
        "address_kana": "Japanese addresses: the spec subset does not carry their schema",
        "address_kanji": "Japanese addresses: the spec subset does not carry their schema",
    },
}
