"""GTIN check digits (EAN-8, UPC-A, EAN-13, GTIN-14): the mod-10 rule with weights 3 and 1."""

from __future__ import annotations

GTIN_LENGTHS = (8, 12, 13, 14)


def check_digit(body: str) -> int:
    """The check digit for ``body`` (all digits but the last)."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        total += int(ch) * (3 if i % 2 == 0 else 1)
    return (10 - total % 10) % 10


def is_valid(code: str) -> bool:
    return (
        len(code) in GTIN_LENGTHS
        and code.isascii()
        and code.isdigit()
        and check_digit(code[:-1]) == int(code[-1])
    )


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
