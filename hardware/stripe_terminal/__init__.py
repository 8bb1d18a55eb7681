"""Stripe Terminal (server-driven) driver: ``StripeTerminal`` implements ``pos.payment.CardTerminal``."""

from hardware.stripe_terminal.driver import (
    API_VERSION,
    KEYRING_SERVICE,
    KEYRING_USERNAME,
    STRIPE_API_BASE,
    StripeTerminal,
    ThrottledDisplay,
    check_api_key,
    load_api_key,
    translate_error,
)

__all__ = [
    "API_VERSION",
    "KEYRING_SERVICE",
    "KEYRING_USERNAME",
    "STRIPE_API_BASE",
    "StripeTerminal",
    "ThrottledDisplay",
    "check_api_key",
    "load_api_key",
    "translate_error",
]
