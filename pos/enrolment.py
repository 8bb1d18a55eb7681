"""Enrolling a new member at the till: the minimum the programme needs (a first and last name, and an e-mail
address or a phone number so the backend can merge the enrolment into a member who already exists), the
person's three consent choices (each off unless they say yes), and a provisional member number that the
customer can use at once, also offline. The backend creates the member or merges into the one with the same
e-mail or phone when the enrolment reaches it; the provisional number answers for that member from then on.
Pure: the randomness is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pos.errors import N_, InvalidDataError

# the numbers a till gives offline (the backend's PROVISIONAL range; the contract's provisional_no)
PROVISIONAL_FIRST = 8_000_000_000_000_000_000
PROVISIONAL_COUNT = 1_000_000_000_000_000_000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_PHONE = re.compile(r"\+?[0-9]{6,15}")
NAME_MAX = 60


@dataclass(frozen=True)
class Enrolment:
    first_name: str
    last_name: str
    email: str | None
    phone: str | None  # digits, with a leading + when given
    marketing: bool = False
    personalisation: bool = False
    receipts_by_email: bool = False


def enrolment(
    first_name: str,
    last_name: str,
    email: str = "",
    phone: str = "",
    *,
    marketing: bool = False,
    personalisation: bool = False,
    receipts_by_email: bool = False,
) -> Enrolment:
    """The enrolment as typed, tidied (spaces, dashes and brackets out of the phone number); raises
    InvalidDataError with a sentence for the person when something is missing or not valid."""
    first, last = " ".join(first_name.split()), " ".join(last_name.split())
    if not first or not last:
        raise InvalidDataError("Type the customer's first and last name.")
    if len(first) > NAME_MAX or len(last) > NAME_MAX:
        raise InvalidDataError(N_("A name has at most {most} characters."), most=NAME_MAX)
    mail = email.strip() or None
    tel = re.sub(r"[\s().-]", "", phone) or None
    if mail is None and tel is None:
        raise InvalidDataError("Type an e-mail address or a phone number (to find the member again).")
    if mail is not None and (len(mail) > 254 or not _EMAIL.fullmatch(mail)):
        raise InvalidDataError("That e-mail address is not valid.")
    if tel is not None and not _PHONE.fullmatch(tel):
        raise InvalidDataError("That phone number is not valid (6 to 15 digits, maybe a leading +).")
    if receipts_by_email and mail is None:
        raise InvalidDataError("Receipts by e-mail need an e-mail address.")
    return Enrolment(first, last, mail, tel, marketing, personalisation, receipts_by_email)


def provisional_number(randbelow: Callable[[int], int]) -> int:
    """A member number the customer can use at once (`randbelow`: secrets.randbelow)."""
    return PROVISIONAL_FIRST + randbelow(PROVISIONAL_COUNT)


def is_provisional(member_no: int) -> bool:
    return PROVISIONAL_FIRST <= member_no < PROVISIONAL_FIRST + PROVISIONAL_COUNT


__all__ = ["Enrolment", "enrolment", "is_provisional", "provisional_number"]
