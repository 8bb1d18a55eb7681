"""Enrolment at the till: the minimum data, checked with a sentence for the person; consent off unless
given; a provisional number in the range the backend knows."""

from __future__ import annotations

import pytest

from pos.enrolment import PROVISIONAL_FIRST, enrolment, is_provisional, provisional_number
from pos.errors import InvalidDataError


def test_an_enrolment_is_tidied_and_consent_is_off_unless_given():
    e = enrolment("  Noor ", " Al  Haddad ", " noor@example.com ", "+353 (86) 123-4567")
    assert (e.first_name, e.last_name, e.email, e.phone) == (
        "Noor",
        "Al Haddad",
        "noor@example.com",
        "+353861234567",
    )
    assert (e.marketing, e.personalisation, e.receipts_by_email) == (False, False, False)
    e = enrolment("Noor", "H", phone="0861234567", personalisation=True)
    assert e.email is None and e.personalisation and not e.marketing


@pytest.mark.parametrize(
    ("args", "kw", "says"),
    [
        (("", "Haddad", "a@b.ie"), {}, "first and last name"),
        (("Noor", "  ", "a@b.ie"), {}, "first and last name"),
        (("N" * 61, "Haddad", "a@b.ie"), {}, "at most 60"),
        (("Noor", "Haddad"), {}, "e-mail address or a phone"),
        (("Noor", "Haddad", "not-an-address"), {}, "e-mail address is not valid"),
        (("Noor", "Haddad", "", "12ab"), {}, "phone number is not valid"),
        (("Noor", "Haddad", "", "0861234567"), {"receipts_by_email": True}, "need an e-mail"),
    ],
)
def test_what_is_missing_or_not_valid_is_said(args, kw, says):
    with pytest.raises(InvalidDataError, match=says):
        enrolment(*args, **kw)


def test_provisional_numbers_are_in_the_backend_s_range():
    assert provisional_number(lambda n: 0) == PROVISIONAL_FIRST
    top = provisional_number(lambda n: n - 1)
    assert is_provisional(top) and not is_provisional(top + 1) and not is_provisional(1001)
