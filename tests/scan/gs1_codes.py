"""Hypothesis strategies for GS1 codes: a reading (the AIs and values a label carries) and the texts that
carry it (an element string as a scanner sends it, bracketed text as printed or typed, a GS1 Digital
Link address), for the round-trip and the differential tests."""

from __future__ import annotations

import calendar
from datetime import date
from urllib.parse import quote, urlencode

from biip.checksums import gs1_standard_check_digit
from biip.gs1_application_identifiers import GS1ApplicationIdentifier
from hypothesis import strategies as st

from pos.gs1 import GS

# GS1 AI encodable character set 82 (GenSpecs figure 7.11-1), without the brackets: bracketed text
# cannot carry them unescaped.
CSET82 = "!\"%&'*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
CURRENCIES = {"978": "EUR", "840": "USD", "826": "GBP", "392": "JPY", "710": "ZAR", "752": "SEK"}
QUALIFIERS = ("22", "10", "21")


def needs_fnc1(ai: str) -> bool:
    """Not of predefined length: FNC1 follows unless it is the last (GenSpecs 7.8, concatenation)."""
    return GS1ApplicationIdentifier.extract(ai).separator_required


def with_check_digit(body: str) -> str:
    return body + str(gs1_standard_check_digit(body))


def gtins() -> st.SearchStrategy[str]:
    return st.integers(0, 10**13 - 1).map(lambda n: with_check_digit(f"{n:013d}"))


def window(today: date) -> tuple[date, date]:
    """The dates a two-digit year can name on `today` (GenSpecs 7.12): 49 years back, 50 ahead."""
    return date(today.year - 49, 1, 1), date(today.year + 50, 12, 31)


@st.composite
def yymmdd(draw, today: date, *, day_zero: bool = True) -> tuple[str, date]:
    """A date field's six digits and the date they mean (day 00: the month's last day)."""
    d = draw(st.dates(*window(today)))
    if day_zero and d.day == calendar.monthrange(d.year, d.month)[1] and draw(st.booleans()):
        return d.strftime("%y%m00"), d
    return d.strftime("%y%m%d"), d


def text82(max_size: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=CSET82, min_size=1, max_size=max_size)


@st.composite
def readings(draw, today: date) -> list[tuple[str, str]]:
    """The (AI, value) pairs of a valid GS1 code with a GTIN, in a random order."""
    pairs = [("01", draw(gtins()))]
    for ai, size in (("22", 20), ("10", 20), ("21", 20), ("240", 30)):
        if draw(st.booleans()):
            pairs.append((ai, draw(text82(size))))
    for ai in ("17", "15", "11"):
        if draw(st.booleans()):
            pairs.append((ai, draw(yymmdd(today))[0]))
    if draw(st.booleans()):
        digits, _ = draw(yymmdd(today, day_zero=False))
        pairs.append(("7003", digits + f"{draw(st.integers(0, 23)):02d}{draw(st.integers(0, 59)):02d}"))
    for family in ("310", "320"):
        if draw(st.booleans()):
            pairs.append((family + str(draw(st.integers(0, 5))), f"{draw(st.integers(0, 999_999)):06d}"))
    price = draw(st.sampled_from(["", "392", "393"]))
    if price:
        n = draw(st.integers(0, 3))
        amount = str(draw(st.integers(0, 10**12)))
        width = max(len(amount), n)  # as many digits as decimals at least (shorter: a mutation)
        amount = amount.zfill(draw(st.integers(width, width + 2)))
        currency = draw(st.sampled_from(sorted(CURRENCIES))) if price == "393" else ""
        pairs.append((price + str(n), currency + amount))
    if draw(st.booleans()):
        pairs.append(("30", str(draw(st.integers(0, 99_999_999)))))
    return draw(st.permutations(pairs))


def element_string(pairs: list[tuple[str, str]], aim: str = "") -> str:
    """As a scanner sends it: FNC1 (GS) after each field not of predefined length but the last."""
    parts = [ai + value + (GS if needs_fnc1(ai) else "") for ai, value in pairs]
    return aim + "".join(parts).removesuffix(GS)


def bracketed(pairs: list[tuple[str, str]], space: str = "") -> str:
    return space.join(f"({ai}){space}{value}" for ai, value in pairs)


def digital_link(pairs: list[tuple[str, str]], prefix: str = "", domain: str = "id.gs1.org") -> str:
    """/01/{gtin}, then (22), (10), (21) in the path in that order, every other AI in the query."""
    found = dict(pairs)
    path = f"/01/{found['01']}" + "".join(
        f"/{q}/{quote(found[q], safe='')}" for q in QUALIFIERS if q in found
    )
    rest = [(ai, value) for ai, value in pairs if ai != "01" and ai not in QUALIFIERS]
    query = urlencode(rest, quote_via=quote)
    return f"https://{domain}{prefix}{path}" + (f"?{query}" if query else "")
