"""The null card reader: what a till without card payments has instead of a reader (no reader paired,
no Stripe key, a key Stripe refuses). Every call that would reach a reader says why in the cashier's
words (`error_text`); the cart display is a no-op. The till never checks for "no reader": it asks the
reader, and this one answers.
"""

from __future__ import annotations

from typing import Any

from pos.payment import CartDisplay, TerminalConfigError


class NullCardReader:
    available = False
    reader_id = ""
    location_id = None

    def __init__(self, error_text: str) -> None:
        self.error_text = error_text

    def __repr__(self) -> str:
        return f"NullCardReader({self.error_text!r})"

    def _refuse(self, *_a: Any, **_k: Any) -> Any:
        raise TerminalConfigError(self.error_text, code="no_card_reader")

    retrieve_reader = _refuse
    refund = _refuse
    refunds_for = _refuse
    refund_on_reader = _refuse
    retrieve_payment_intent = _refuse
    present_test_card = _refuse

    def show_cart(self, _cart: CartDisplay) -> None:
        return None

    def flush_display(self, timeout: float = 0.0) -> bool:
        return True

    def hold_display(self) -> None:
        return None

    def release_display(self) -> None:
        return None

    def close(self) -> None:
        return None


__all__ = ["NullCardReader"]
