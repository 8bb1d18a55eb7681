"""A domain error is a template and its values (issue 20): `str(error)` is the English sentence, and
`template`/`params` are what the window translates and fills in."""

from __future__ import annotations

from pos.errors import N_, DomainError, TooManyDecimalsError, UnknownTaxCodeError
from pos.money import Money


def test_a_domain_error_keeps_its_template_and_values_and_str_is_english():
    e = TooManyDecimalsError("1.005", "EUR", 2)
    assert e.template == "The amount {text} has too many decimals: {currency} has at most {digits} decimals."
    assert e.params == {"text": "1.005", "currency": "EUR", "digits": 2}
    assert str(e) == "The amount 1.005 has too many decimals: EUR has at most 2 decimals."
    assert N_("The sale is empty.") == "The sale is empty."


def test_the_tax_code_error_names_the_known_codes_only_when_there_are_some():
    assert str(UnknownTaxCodeError("X")) == "Unknown tax code 'X': this store has no such tax rate."
    assert str(UnknownTaxCodeError("X", ("A", "B"))) == (
        "Unknown tax code 'X': this store has no such tax rate. Known tax codes: A, B."
    )


def test_amounts_stay_money_in_the_values_and_read_as_before_in_english():
    e = DomainError(N_("A price cannot be negative ({price})."), price=Money(-150, "EUR"))
    assert e.params["price"] == Money(-150, "EUR")
    assert str(e) == "A price cannot be negative (-1.50 EUR)."


def test_a_sentence_without_values_is_kept_as_it_is_braces_and_all():
    assert (
        str(DomainError("A saved table {'a': 1} could not be read."))
        == "A saved table {'a': 1} could not be read."
    )
