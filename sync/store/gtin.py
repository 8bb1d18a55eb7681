"""GTIN check digits (EAN-8, UPC-A, EAN-13, GTIN-14): the mod-10 rule with weights 3 and 1."""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)


def check_digit(body: str) -> int:
    """The check digit for ``body`` (all digits but the last): weight 3 on the rightmost digit."""
    total = 3 * sum(map(int, body[::-1][0::2])) + sum(map(int, body[::-1][1::2]))
    return -total % 10


def is_valid(code: str) -> bool:
    if len(code) not in GTIN_LENGTHS or not (code.isascii() and code.isdigit()):
        return False
    r = code[::-1]  # the check digit first, then weights 3, 1, 3, ...
    return (sum(map(int, r[0::2])) + 3 * sum(map(int, r[1::2]))) % 10 == 0


def ean13(body12: str) -> str:
    return body12 + str(check_digit(body12))


def variants(code: str) -> list[str]:
    """The forms one scanned code may be stored under: UPC-A (12) and EAN-13 with a leading 0."""
    out = [code]
    if len(code) == 12:
        out.append("0" + code)
    elif len(code) == 13 and code.startswith("0"):
        out.append(code[1:])
    return out
