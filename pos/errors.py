"""Domain errors: every mistake in money, tax, cart or store configuration is one of these.

Each message is written for the person at the till (what is wrong and, where it helps, what to do),
so the checkout can show ``str(error)`` as it is. Nothing in the domain clamps or fixes bad input
silently: it raises one of these instead, and the state it was asked to change stays as it was.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base class of all domain errors; ``str(error)`` is a message a cashier can read."""


class UnknownCurrencyError(DomainError):
    """A currency code that is not an ISO 4217 currency with minor units."""

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(
            f"Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY."
        )


class CurrencyMismatchError(DomainError):
    """Two amounts in different currencies were combined."""

    def __init__(self, first: str, second: str) -> None:
        self.currencies = (first, second)
        super().__init__(f"Cannot combine amounts in {first} and {second}: they are different currencies.")


class InvalidAmountError(DomainError):
    """An amount that is not a number, not an exact number (a float), or out of range."""


class TooManyDecimalsError(InvalidAmountError):
    """An amount with more decimals than its currency has (for example 1.005 EUR or 10.5 JPY)."""

    def __init__(self, text: str, currency: str, digits: int) -> None:
        self.text = text
        self.currency = currency
        self.digits = digits
        if digits == 0:
            allowed = f"{currency} has no decimals"
        else:
            allowed = f"{currency} has at most {digits} decimal{'s' if digits > 1 else ''}"
        super().__init__(f"The amount {text} has too many decimals: {allowed}.")


class InvalidQuantityError(DomainError):
    """A quantity that is not a whole number of units, is zero, or is implausibly large."""


class NegativeQuantityError(InvalidQuantityError):
    """A negative quantity on a sale line (returns are separate documents, not negative lines)."""

    def __init__(self, quantity: int) -> None:
        self.quantity = quantity
        super().__init__(
            f"The quantity cannot be negative ({quantity}). To take goods back, start a return instead."
        )


class InvalidDiscountError(DomainError):
    """A discount that makes no sense (negative, zero percent, wrong currency...)."""


class DiscountTooLargeError(InvalidDiscountError):
    """A discount larger than the amount it applies to."""


class UnknownTaxCodeError(DomainError):
    """A tax code that the store's tax table does not define."""

    def __init__(self, code: object, known: tuple[str, ...] = ()) -> None:
        self.code = code
        hint = f" Known tax codes: {', '.join(known)}." if known else ""
        super().__init__(f"Unknown tax code {code!r}: this store has no such tax rate.{hint}")


class LineNotFoundError(DomainError):
    """A cart or sale line id that does not exist (already removed, or from another sale)."""

    def __init__(self, line_id: object) -> None:
        self.line_id = line_id
        super().__init__(f"That line is no longer in the sale (line {line_id!r}).")


class PriceOverrideError(DomainError):
    """A price override without a reason or with an invalid price."""


class RefundError(DomainError):
    """A return that asks for more than was sold, or for a line that was not sold."""


class ConfigError(DomainError):
    """An invalid store configuration (currency, locale, tax table, rounding rule).

    ``setting`` names the store setting at fault (``"cash_rounding"``) when there is one, so the
    application can name it as the person wrote it; ``reason`` is the message without that name.
    """

    def __init__(self, reason: str, *, setting: str | None = None) -> None:
        self.reason = reason
        self.setting = setting
        super().__init__(f"Setting {setting!r}: {reason}" if setting else reason)


class InvalidDataError(DomainError):
    """Saved data (an open cart, a sale) that cannot be read back: damaged or from another version."""
