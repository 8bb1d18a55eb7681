"""What a scanned or typed product code puts on the sale: the rule between a barcode and a cart line.

    read_item("4006381333931", catalog, currency="EUR", today=date(2026, 12, 7))  -> ItemScan(product, ...)

The text comes from a keyboard-wedge scanner, the camera or the search box. `pos.gs1.read_code` reads it
(a plain EAN/UPC, an in-store price, weight or count label, a GS1 code or a GS1 Digital Link address);
this module finds the item in the catalog and decides what the line costs. The answer is either the item
with what its label says (a price to pay, a net weight priced per kilogram or pound, a count of pieces),
or a refusal whose message tells the cashier what to do. Goods past their expiry date (GS1 AI 17, 7003)
are refused by the till's clock; a price in another currency than the store's is refused. Member, order
and other OMO codes are not product codes: the caller routes them first (`is_omo_code`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Literal

from pos.errors import N_, Sentence
from pos.gs1 import LB_IN_KG, CodeError, ItemCode, LabelPrice, Measure, RcnRules, Unit, read_code
from pos.money import exponent
from pos.ports import Catalog, Product


@dataclass(frozen=True, slots=True)
class ItemScan:
    """The product, and what its label says: `unit_price` (minor units of the store's currency, from
    `label_price`, the label's price exactly as printed) to charge instead of the catalog's; a net
    `weight` (kg or lb, all its decimals) priced at the catalog's price per `sold_by` unit; or a `count`
    of pieces at the catalog price. None of them: the catalog price."""

    product: Product
    unit_price: int | None = None
    weight: Measure | None = None
    code: str = ""
    label_price: LabelPrice | None = None
    count: int | None = None
    sold_by: Unit = "kg"

    @property
    def label_priced(self) -> bool:
        """The line's amount comes from the label (such a line is never merged with another)."""
        return self.unit_price is not None or self.weight is not None

    @property
    def quantity(self) -> int:
        return 1 if self.count is None else self.count

    def price(self) -> int:
        """The amount of one unit of the line (quantity × price() is the line): the label's price, the
        weight at the catalog's price per `sold_by` unit (rounded half up to the minor unit), or the
        catalog price."""
        if self.unit_price is not None:
            return self.unit_price
        if self.weight is not None:
            return price_by_weight(self.product.price, self.weight, self.sold_by)
        return self.product.price


@dataclass(frozen=True, slots=True)
class ScanRefused:
    """Nothing was added; `message` says why and what to do."""

    code: str
    message: str


def price_by_weight(price_per_unit: int, weight: Measure, unit: Unit = "kg") -> int:
    """The price of `weight` at `price_per_unit` minor units per kg or lb, rounded half up. Exact:
    pounds and kilograms convert by 1 lb = 0.45359237 kg, and nothing is rounded before the end."""
    quantity = Fraction(weight.in_kg()) / (1 if unit == "kg" else Fraction(LB_IN_KG))
    return math.floor(quantity * price_per_unit + Fraction(1, 2))


def is_omo_code(text: str) -> bool:
    """A code of the OMO programme (member, order, cart, coupon, gift card, receipt), not a product."""
    return text.strip().upper().startswith("OMO")


def _find(catalog: Catalog, keys: tuple[str, ...]) -> Product | None:
    """The catalog product under the first of `keys` it knows, or None."""
    return next((p for p in map(catalog.lookup_barcode, keys) if p is not None), None)


def read_item(
    text: str,
    catalog: Catalog,
    *,
    currency: str,
    today: date,
    rcn_rules: RcnRules = None,
    sold_by: Unit = "kg",
    eight_digits: Literal["ean8", "upce"] = "ean8",
    search_fallback: bool = True,
) -> ItemScan | ScanRefused:
    """The item a product code names, or why it cannot be sold. Never raises on input.

    `today` is the till's date (expiry, and the century of two-digit years); `rcn_rules` the store's
    in-store label rules (`pos.gs1.rcn_rules_for`); `sold_by` the unit the catalog prices weighed goods
    by; `search_fallback`: text that is no barcode (a word typed and Enter pressed) adds the best hit.
    """
    text = text.strip()
    if not text:
        return ScanRefused(text, Sentence(N_("Nothing was scanned. Scan the item again.")))
    code = read_code(text, today=today, rcn=rcn_rules, eight_digits=eight_digits)
    if isinstance(code, CodeError):
        if search_fallback and not code.is_code:
            hits = catalog.search(text, 1)
            if hits:
                return ItemScan(hits[0], code=text)
        return ScanRefused(text, code.message)
    product = _find(catalog, code.lookup_keys)
    if product is None and code.item_ref is not None:
        product = catalog.get(code.item_ref)
    if product is None:
        return ScanRefused(text, _not_in_catalog(code))
    return _sell(text, code, product, currency=currency, today=today, sold_by=sold_by)


def _not_in_catalog(code: ItemCode) -> str:
    if code.item_ref is not None:
        return Sentence(
            N_("Scale label {label}: item {item} is not in the catalog."), label=code.text, item=code.item_ref
        )
    if code.scanned is not None:
        return Sentence(
            N_("Barcode {gtin} is not in the catalog. Put the item aside and search for it by name."),
            gtin=code.gtin,
        )
    return Sentence(
        N_("GTIN {gtin} is not in the catalog. Put the item aside and search for it by name."), gtin=code.gtin
    )


def _sell(
    text: str, code: ItemCode, product: Product, *, currency: str, today: date, sold_by: Unit
) -> ItemScan | ScanRefused:
    """The line a code read asks for, or why the item must not be sold."""
    if code.expiry is not None and code.expiry < today:
        return ScanRefused(
            text,
            Sentence(
                N_("{name} expired on {date}: it must not be sold. Put it aside and tell a manager."),
                name=product.name,
                date=code.expiry.isoformat(),
            ),
        )
    weight = next((w for w in code.weights if w.unit == sold_by), code.weight)
    if weight is not None and not weight.value:
        return ScanRefused(
            text,
            Sentence(N_("The label of {name} says it weighs nothing. Weigh it again."), name=product.name),
        )
    if code.count == 0:
        return ScanRefused(
            text, Sentence(N_("The label of {name} counts no pieces. Print a new label."), name=product.name)
        )
    price = code.price
    if price is not None and price.currency not in (None, currency):
        return ScanRefused(
            text,
            Sentence(
                N_(
                    "The price on this label is in {label_currency}; this till sells in {currency}. Put the "
                    "item aside and call a manager."
                ),
                label_currency=price.currency,
                currency=currency,
            ),
        )
    return ItemScan(
        product,
        unit_price=None if price is None else price.minor(exponent(currency)),
        weight=weight,
        code=text,
        label_price=price,
        count=code.count,
        sold_by=sold_by,
    )


__all__ = ["ItemScan", "ScanRefused", "is_omo_code", "price_by_weight", "read_item"]
