"""A customer's shared cart (from the app or digital signage) brought into a sale at the till: what each of
its lines becomes here. Pure: the till's catalog is asked through `lookup`.

- ``add``: sold here at the price the app showed; added.
- ``repriced``: sold here at another price; added at the shop's price, and the customer is told both.
- ``out_of_stock``: the backend says the store has none; not added (a tap away, should the customer hold one).
- ``unknown``: not sold here (unknown to this till's catalog, or archived); not added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from pos.ports import Product
from pos.sync_ports import CartLine

Status = Literal["add", "repriced", "out_of_stock", "unknown"]


@dataclass(frozen=True)
class CartItem:
    sku: str
    name: str  # the shop's name when the shop sells it, else the app's
    qty: int
    status: Status
    shop_price: int | None  # minor units; None when not sold here
    app_price: int | None  # what the app showed, when it said

    @property
    def added(self) -> bool:
        return self.status in ("add", "repriced")


def plan_cart(lines: Iterable[CartLine], lookup: Callable[[str], Product | None]) -> list[CartItem]:
    """What each line of a shared cart becomes at this till, in the cart's order."""
    items = []
    for ln in lines:
        product = lookup(ln.sku)
        if product is None or not product.active:
            items.append(CartItem(ln.sku, ln.name or ln.sku, ln.qty, "unknown", None, ln.unit_price))
            continue
        status: Status = "add"
        if ln.available_here is not None and ln.available_here <= 0:
            status = "out_of_stock"
        elif ln.unit_price is not None and ln.unit_price != product.price:
            status = "repriced"
        items.append(CartItem(ln.sku, product.name, ln.qty, status, product.price, ln.unit_price))
    return items


__all__ = ["CartItem", "plan_cart"]
