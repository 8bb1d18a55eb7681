"""Deterministic catalog generator for the demo, the benchmarks and the reference backend.

``generate(n, seed)`` yields ``n`` product dicts in the shape ``catalog.apply_changes`` takes::

    {"sku", "name", "brand", "category", "tax_code", "price", "barcodes", "active", "popularity"}

Names read like a shop's ("Greenfield Organic Oat Milk 1 L"), every barcode is a valid, unique EAN-13,
prices are integer minor units, tax codes come from ``TAX_CODES``, popularity is heavy-tailed. The same
``(n, seed)`` always gives the same catalog, and product ``i`` does not depend on ``n``.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sync.store.gtin import ean13

# code -> rate in percent, as exact text (a generic VAT-style table; a real shop configures its own)
TAX_CODES: dict[str, str] = {"STANDARD": "20", "REDUCED": "10", "ZERO": "0"}

_PREFIXES = [
    "Nord",
    "Sun",
    "Green",
    "Alpen",
    "Blue",
    "Golden",
    "Silver",
    "River",
    "Oak",
    "Maple",
    "Stone",
    "Crystal",
    "Royal",
    "Happy",
    "Fresh",
    "Pure",
    "Wild",
    "Bright",
    "Urban",
    "Coast",
    "Harbor",
    "Meadow",
    "Cedar",
    "Willow",
    "Summit",
]
_SUFFIXES = [
    "haven",
    "field",
    "dale",
    "wood",
    "brook",
    "vale",
    "crest",
    "leaf",
    "ridge",
    "mark",
    "by",
    "ton",
    "well",
    "gate",
    "bay",
    "hill",
    "moor",
    "ford",
]
BRANDS: list[str] = [p + s for p in _PREFIXES for s in _SUFFIXES]

# category: (sku code, tax code, price range in minor units, adjectives, nouns, sizes)
CATEGORIES: dict[str, tuple[str, str, tuple[int, int], list[str], list[str], list[str]]] = {
    "Dairy": (
        "DAI",
        "REDUCED",
        (59, 899),
        ["Organic", "Low Fat", "Whole", "Lactose Free", "Greek", "Creamy"],
        [
            "Milk",
            "Oat Milk",
            "Yoghurt",
            "Butter",
            "Cheddar",
            "Mozzarella",
            "Cream Cheese",
            "Kefir",
            "Skyr",
            "Quark",
        ],
        ["250 g", "500 g", "1 kg", "500 ml", "1 L", "2 L"],
    ),
    "Bakery": (
        "BAK",
        "REDUCED",
        (49, 599),
        ["Wholegrain", "Sourdough", "Rye", "Seeded", "Gluten Free"],
        ["Bread", "Baguette", "Croissants", "Bagels", "Muffins", "Rolls", "Pretzel", "Brioche"],
        ["1 pc", "4 pcs", "6 pcs", "400 g", "750 g"],
    ),
    "Beverages": (
        "BEV",
        "STANDARD",
        (49, 2999),
        ["Sparkling", "Still", "Sugar Free", "Cold Brew", "Classic", "Zero"],
        [
            "Mineral Water",
            "Cola",
            "Lemonade",
            "Orange Juice",
            "Apple Juice",
            "Iced Tea",
            "Coffee",
            "Green Tea",
            "Energy Drink",
            "Ginger Ale",
        ],
        ["330 ml", "500 ml", "1 L", "1.5 L", "6 x 330 ml"],
    ),
    "Snacks": (
        "SNK",
        "REDUCED",
        (39, 699),
        ["Salted", "Spicy", "Sea Salt", "Honey Roasted", "Dark", "Crunchy"],
        [
            "Crisps",
            "Pretzels",
            "Peanuts",
            "Almonds",
            "Chocolate Bar",
            "Cookies",
            "Crackers",
            "Popcorn",
            "Granola Bar",
            "Trail Mix",
        ],
        ["40 g", "100 g", "150 g", "200 g", "300 g"],
    ),
    "Pantry": (
        "PAN",
        "REDUCED",
        (79, 1299),
        ["Italian", "Basmati", "Extra Virgin", "Wholewheat", "Organic"],
        [
            "Pasta",
            "Rice",
            "Olive Oil",
            "Tomato Sauce",
            "Flour",
            "Sugar",
            "Honey",
            "Peanut Butter",
            "Jam",
            "Cereal",
        ],
        ["250 g", "500 g", "1 kg", "500 ml", "750 ml"],
    ),
    "Frozen": (
        "FRZ",
        "REDUCED",
        (99, 1499),
        ["Stone Baked", "Vegan", "Family Size", "Crispy"],
        ["Pizza", "Peas", "Fish Fingers", "Ice Cream", "Berries", "Fries", "Dumplings"],
        ["400 g", "750 g", "1 kg", "900 ml"],
    ),
    "Household": (
        "HOU",
        "STANDARD",
        (99, 2499),
        ["Lavender", "Lemon", "Sensitive", "Ultra", "Eco"],
        [
            "Dish Soap",
            "Laundry Detergent",
            "Kitchen Towels",
            "Toilet Paper",
            "Bin Bags",
            "Sponges",
            "Glass Cleaner",
            "Fabric Softener",
        ],
        ["1 pc", "4 pcs", "8 pcs", "750 ml", "2 L"],
    ),
    "Personal Care": (
        "PER",
        "STANDARD",
        (129, 3999),
        ["Sensitive", "Fresh", "Argan", "Coconut", "Mint", "Men's"],
        [
            "Shampoo",
            "Conditioner",
            "Shower Gel",
            "Toothpaste",
            "Deodorant",
            "Hand Cream",
            "Razor",
            "Sunscreen",
        ],
        ["50 ml", "75 ml", "250 ml", "400 ml"],
    ),
    "Apparel": (
        "APP",
        "STANDARD",
        (499, 12999),
        ["Cotton", "Merino", "Slim Fit", "Relaxed", "Recycled"],
        ["T-Shirt", "Hoodie", "Socks", "Jeans", "Jacket", "Cap", "Scarf", "Sweater"],
        ["XS", "S", "M", "L", "XL"],
    ),
    "Electronics": (
        "ELE",
        "STANDARD",
        (299, 59999),
        ["Wireless", "USB-C", "Bluetooth", "Portable", "Smart"],
        ["Headphones", "Charger", "Power Bank", "Speaker", "Mouse", "Keyboard", "Cable", "Smartwatch"],
        ["1 m", "2 m", "10000 mAh", "20 W", "Black", "White"],
    ),
    "Books": (
        "BOO",
        "ZERO",
        (499, 3999),
        ["Illustrated", "Paperback", "Hardcover", "Pocket"],
        ["Cookbook", "Novel", "Atlas", "Dictionary", "Travel Guide", "Notebook"],
        ["A5", "A4", "1 pc"],
    ),
    "Toys": (
        "TOY",
        "STANDARD",
        (299, 9999),
        ["Wooden", "Classic", "Junior", "Deluxe"],
        ["Puzzle", "Building Blocks", "Board Game", "Plush Bear", "Toy Car", "Kite"],
        ["100 pcs", "500 pcs", "1 pc", "Set"],
    ),
}
_CATEGORY_NAMES = list(CATEGORIES)
_COUNTRY_PREFIXES = [
    "400",
    "401",
    "405",
    "410",
    "420",
    "440",
    "500",
    "539",
    "590",
    "729",
    "760",
    "800",
    "841",
    "871",
    "880",
    "930",
    "940",
]
_MULT = 7919  # prime, coprime with 10**9: i -> i * 7919 mod 10**9 is a bijection, so codes are unique


def _barcode(i: int, rng: random.Random) -> str:
    return ean13(rng.choice(_COUNTRY_PREFIXES) + f"{(i * _MULT) % 10**9:09d}")


def product(i: int, seed: int = 1) -> dict[str, Any]:
    """Product number ``i`` (0-based) of the catalog with ``seed``."""
    rng = random.Random(seed * 1_000_003 + i)
    cat = _CATEGORY_NAMES[rng.randrange(len(_CATEGORY_NAMES))]
    code, tax_code, (lo, hi), adjectives, nouns, sizes = CATEGORIES[cat]
    brand = BRANDS[rng.randrange(len(BRANDS))]
    name = f"{brand} {rng.choice(adjectives)} {rng.choice(nouns)} {rng.choice(sizes)}"
    price = rng.randrange(lo, hi + 1)
    price = max(lo, price - price % 10 + 9)  # prices end in 9
    barcodes = [_barcode(i, rng)]
    if rng.random() < 0.1:  # a multipack or a second supplier's code
        barcodes.append(_barcode(i + 500_000_000, rng))
    popularity = int((rng.random() ** 6) * 1_000_000)  # heavy tail: a few best sellers
    return {
        "sku": f"{code}{i:07d}",
        "name": name,
        "brand": brand,
        "category": cat,
        "tax_code": tax_code,
        "price": price,
        "barcodes": barcodes,
        "active": rng.random() >= 0.01,
        "popularity": popularity,
    }


def generate(n: int, seed: int = 1, start: int = 0) -> Iterator[dict[str, Any]]:
    for i in range(start, start + n):
        yield product(i, seed)


CSV_FIELDS = ["sku", "name", "brand", "category", "tax_code", "price", "barcodes", "active", "popularity"]


def write_csv(path: Path | str, n: int, seed: int = 1) -> Path:
    """Write the catalog as CSV (barcodes separated by ``|``, active as 1/0)."""
    path = Path(path)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CSV_FIELDS)
        for p in generate(n, seed):
            w.writerow(
                [
                    p["sku"],
                    p["name"],
                    p["brand"],
                    p["category"],
                    p["tax_code"],
                    p["price"],
                    "|".join(p["barcodes"]),
                    int(p["active"]),
                    p["popularity"],
                ]
            )
    return path


def write_json(path: Path | str, n: int, seed: int = 1) -> Path:
    """Write the catalog as a JSON array of product objects."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(list(generate(n, seed)), f, ensure_ascii=False)
    return path
