"""Domain errors: every mistake in money, tax, cart or store configuration is one of these.

Each message is written for the person at the till (what is wrong and, where it helps, what to do).
It is a template and its values, ``DomainError(N_("Only {left} can be returned."), left=2)``: ``str(error)``
is the English sentence (logs, scripts, tests); ``error.template`` and ``error.params`` let the application
pass it on to the window, which translates the template (tools/i18n.py extracts every ``N_`` of ``pos/``
into the "app" context, where the services' own messages are) and then fills in the values. Nothing in the
domain clamps or fixes bad input silently: it raises one of these instead, and the state it was asked to
change stays as it was.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 - gettext's name for "mark for translation, translate later"
    """Mark ``text`` as a message template to translate (tools/i18n.py extracts it); returns it unchanged."""
    return text


class Sentence(str):
    """A sentence for a person that is not an error (a refused scan, a code that is not accepted): the English
    text, a ``str`` as before, that also keeps the template (marked with ``N_``) and the values it was made
    from, like a ``DomainError``, so the window can say it in the reader's language."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, /, **params: object) -> Sentence:
        said = super().__new__(cls, template.format(**params) if params else template)
        said.template, said.params = template, params
        return said


class DomainError(Exception):
    """Base class of all domain errors; ``str(error)`` is a message a cashier can read.

    ``template`` is a ``str.format`` template marked with ``N_`` and ``params`` its values (amounts stay
    ``Money``, nested errors stay errors: the reader's side formats them). A sentence given without values
    is kept as it is (not formatted).
    """

    def __init__(self, template: str = "", /, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class UnknownCurrencyError(DomainError):
    """A currency code that is not an ISO 4217 currency with minor units."""

    def __init__(self, code: object) -> None:
        self.code = code
        super().__init__(
            N_("Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY."),
            code=code,
        )


class CurrencyMismatchError(DomainError):
    """Two amounts in different currencies were combined."""

    def __init__(self, first: str, second: str) -> None:
        self.currencies = (first, second)
        super().__init__(
            N_("Cannot combine amounts in {first} and {second}: they are different currencies."),
            first=first,
            second=second,
        )


class InvalidAmountError(DomainError):
    """An amount that is not a number, not an exact number (a float), or out of range."""


class TooManyDecimalsError(InvalidAmountError):
    """An amount with more decimals than its currency has (for example 1.005 EUR or 10.5 JPY)."""

    def __init__(self, text: str, currency: str, digits: int) -> None:
        self.text = text
        self.currency = currency
        self.digits = digits
        if digits == 0:
            template = N_("The amount {text} has too many decimals: {currency} has no decimals.")
        elif digits == 1:
            template = N_("The amount {text} has too many decimals: {currency} has at most 1 decimal.")
        else:
            template = N_(
                "The amount {text} has too many decimals: {currency} has at most {digits} decimals."
            )
        super().__init__(template, text=text, currency=currency, digits=digits)


class InvalidQuantityError(DomainError):
    """A quantity that is not a whole number of units, is zero, or is implausibly large."""


class NegativeQuantityError(InvalidQuantityError):
    """A negative quantity on a sale line (returns are separate documents, not negative lines)."""

    def __init__(self, quantity: int) -> None:
        self.quantity = quantity
        super().__init__(
            N_("The quantity cannot be negative ({quantity}). To take goods back, start a return instead."),
            quantity=quantity,
        )


class InvalidDiscountError(DomainError):
    """A discount that makes no sense (negative, zero percent, wrong currency...)."""


class DiscountTooLargeError(InvalidDiscountError):
    """A discount larger than the amount it applies to."""


class UnknownTaxCodeError(DomainError):
    """A tax code that the store's tax table does not define."""

    def __init__(self, code: object, known: tuple[str, ...] = ()) -> None:
        self.code = code
        if known:
            template = N_(
                "Unknown tax code {code!r}: this store has no such tax rate. Known tax codes: {known}."
            )
        else:
            template = N_("Unknown tax code {code!r}: this store has no such tax rate.")
        super().__init__(template, code=code, known=", ".join(known))


class LineNotFoundError(DomainError):
    """A cart or sale line id that does not exist (already removed, or from another sale)."""

    def __init__(self, line_id: object) -> None:
        self.line_id = line_id
        super().__init__(N_("That line is no longer in the sale (line {line_id!r})."), line_id=line_id)


class PriceOverrideError(DomainError):
    """A price override without a reason or with an invalid price."""


class RefundError(DomainError):
    """A return that asks for more than was sold, or for a line that was not sold."""


class ConfigError(DomainError):
    """An invalid store configuration (currency, locale, tax table, rounding rule).

    ``setting`` names the store setting at fault (``"cash_rounding"``) when there is one, so the
    application can name it as the person wrote it; ``reason`` is the message without that name.
    """

    def __init__(
        self, reason: str | DomainError = "", /, *, setting: str | None = None, **params: object
    ) -> None:
        if isinstance(reason, Sentence | DomainError):  # another error's sentence, now about `setting`
            reason, params = reason.template, {**reason.params, **params}
        self.reason = Sentence(reason, **params)
        self.setting = setting
        if setting:
            super().__init__(N_("Setting {setting!r}: {reason}"), setting=setting, reason=self.reason)
        else:
            super().__init__(reason, **params)


class InvalidDataError(DomainError):
    """Saved data (an open cart, a sale) that cannot be read back: damaged or from another version."""
