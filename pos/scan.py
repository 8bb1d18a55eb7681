"""What a scanned or typed product code puts on the sale: the rule between a barcode and a cart line.

    read_item("4006381333931", catalog, currency="EUR", today=date(2026, 12, 7))  -> ItemScan(product, ...)

The text comes from a keyboard-wedge scanner, the camera or the search box. It may be a plain EAN/UPC,
an in-store price or weight label, or a GS1 code (GS1-128, DataBar, DataMatrix, QR or a GS1 Digital Link
address). The answer is either the item with what its label says (a price to pay, or a weight priced per
kilogram), or a refusal whose message tells the cashier what to do. Expired goods (GS1 AI 17) are refused
by the till's clock. Member, order and other OMO codes are not product codes: the caller routes them
first (`is_omo_code`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pos.barcodes import EmbeddedBarcode, InvalidBarcode, ProductBarcode, parse_barcode
from pos.gs1 import GS1Data, GS1Error, looks_like_gs1, parse_gs1
from pos.money import exponent
from pos.ports import Catalog, Product


@dataclass(frozen=True, slots=True)
class ItemScan:
    """The product, and what its label says: `unit_price` (minor units) to charge instead of the
    catalog's, or `weight_g` to price per kilogram. Neither: the catalog price."""

    product: Product
    unit_price: int | None = None
    weight_g: int | None = None
    code: str = ""

    @property
    def label_priced(self) -> bool:
        return self.unit_price is not None or self.weight_g is not None

    def price(self) -> int:
        """The amount of one line of this item: the label's price, the weight at the catalog's price per
        kilogram (rounded half up to the minor unit), or the catalog price."""
        if self.unit_price is not None:
            return self.unit_price
        if self.weight_g is not None:
            return price_by_weight(self.product.price, self.weight_g)
        return self.product.price


@dataclass(frozen=True, slots=True)
class ScanRefused:
    """Nothing was added; `message` says why and what to do."""

    code: str
    message: str


def price_by_weight(price_per_kg: int, grams: int) -> int:
    """The price of `grams` at `price_per_kg` (minor units), rounded half up."""
    return (price_per_kg * grams + 500) // 1000


def is_omo_code(text: str) -> bool:
    """A code of the OMO programme (member, order, cart, coupon, gift card, receipt), not a product."""
    return text.strip().upper().startswith("OMO")


def _find(catalog: Catalog, keys: tuple[str, ...]) -> Product | None:
    """The catalog product under the first of `keys` it knows, or None."""
    return next((p for p in map(catalog.lookup_barcode, keys) if p is not None), None)


def read_item(
    text: str, catalog: Catalog, *, currency: str, today: date, search_fallback: bool = True
) -> ItemScan | ScanRefused:
    """The item a product code names, or why it cannot be sold. Never raises on input.

    `search_fallback`: text that is no barcode (a word typed and Enter pressed) adds the best search hit.
    """
    text = text.strip()
    if not text:
        return ScanRefused(text, "Nothing was scanned. Scan the item again.")
    result = parse_gs1(text) if looks_like_gs1(text) else parse_barcode(text)
    if isinstance(result, GS1Data):
        return _gs1_item(text, result, catalog, currency=currency, today=today)
    if isinstance(result, GS1Error):
        return ScanRefused(text, result.message)
    if isinstance(result, ProductBarcode):
        product = _find(catalog, result.lookup_keys)
        if product is None:
            return ScanRefused(
                text,
                f"Barcode {result.gtin} is not in the catalog. Put the item aside and search for it by name.",
            )
        return ItemScan(product, code=text)
    if isinstance(result, EmbeddedBarcode):
        product = catalog.lookup_barcode(result.lookup_code) or catalog.get(result.item_ref)
        if product is None:
            return ScanRefused(text, f"Scale label {text}: item {result.item_ref} is not in the catalog.")
        # price labels carry the price; weight labels the grams, priced per kilogram
        if result.kind == "weight":
            return ItemScan(product, weight_g=result.value, code=text)
        return ItemScan(product, unit_price=result.value, code=text)
    assert isinstance(result, InvalidBarcode)
    if search_fallback and not text.isdigit():
        hits = catalog.search(text, 1)
        if hits:
            return ItemScan(hits[0], code=text)
    return ScanRefused(text, result.message)


def _gs1_item(
    text: str, data: GS1Data, catalog: Catalog, *, currency: str, today: date
) -> ItemScan | ScanRefused:
    """A GS1 code: the item by its GTIN, at the label's price (392n) or weight (310n) if it has one;
    expired goods are refused."""
    product = _find(catalog, data.lookup_keys)
    if product is None:
        return ScanRefused(
            text, f"GTIN {data.gtin} is not in the catalog. Put the item aside and search for it by name."
        )
    if data.expiry is not None and data.expiry < today:
        return ScanRefused(
            text,
            f"{product.name} expired on {data.expiry.isoformat()}: it must not be sold. Put it aside "
            "and tell a manager.",
        )
    price = data.price_minor(exponent(currency))
    if price is not None:
        return ItemScan(product, unit_price=price, code=text)
    if data.weight_g is not None:
        return ItemScan(product, weight_g=data.weight_g, code=text)
    return ItemScan(product, code=text)


__all__ = ["ItemScan", "ScanRefused", "is_omo_code", "price_by_weight", "read_item"]
