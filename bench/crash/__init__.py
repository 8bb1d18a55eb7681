"""The crash and fault harness: a till killed again and again while its backend and Stripe misbehave, and a
checker that holds what survived to what the cashier was told (`python -m bench.crash`; tests/crash)."""
