"""Stripe-compatible simulator (PaymentIntents, Terminal readers, Locations, Refunds) on loopback."""

from hardware.stripe_sim.simulator import (
    AMEX,
    DECLINE_CARDS,
    DECLINED,
    INTERAC,
    JCB,
    MAGIC_AMOUNTS,
    MASTERCARD,
    OFFLINE_PIN,
    ONLINE_PIN,
    VISA,
    Fault,
    StripeSimulator,
)

__all__ = [
    "AMEX",
    "DECLINED",
    "DECLINE_CARDS",
    "INTERAC",
    "JCB",
    "MAGIC_AMOUNTS",
    "MASTERCARD",
    "OFFLINE_PIN",
    "ONLINE_PIN",
    "VISA",
    "Fault",
    "StripeSimulator",
]
