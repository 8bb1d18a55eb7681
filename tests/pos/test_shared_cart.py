"""A shared cart at the till: each line added, added at the shop's price, left out as out of stock here, or
left out as not sold here."""

from __future__ import annotations

from pos.ports import Product
from pos.shared_cart import plan_cart
from pos.sync_ports import CartLine

CATALOG = {
    "A": Product("A", "Apple juice", "Orchard", "drinks", "STANDARD", 250),
    "B": Product("B", "Bread", "Bakery", "food", "REDUCED", 300),
    "C": Product("C", "Cola", "Fizz", "drinks", "STANDARD", 150),
    "OLD": Product("OLD", "Archived", "X", "x", "STANDARD", 100, active=False),
}


def test_each_line_of_a_shared_cart_becomes_what_the_shop_can_do():
    lines = [
        CartLine("A", 2, "Apple juice (app)", 250, 5),  # as in the app
        CartLine("B", 1, "Bread", 280, None),  # the shop's price differs; stock here not known
        CartLine("C", 3, "Cola", 150, 0),  # none here
        CartLine("GIFT", 1, "Gift wrap (app only)", 350, None),  # not sold here
        CartLine("OLD", 1, "", None, 9),  # archived here
        CartLine("A", 1, "", None, None),  # no price from the app: the shop's
    ]
    plan = plan_cart(lines, CATALOG.get)
    assert [(i.sku, i.status, i.added) for i in plan] == [
        ("A", "add", True),
        ("B", "repriced", True),
        ("C", "out_of_stock", False),
        ("GIFT", "unknown", False),
        ("OLD", "unknown", False),
        ("A", "add", True),
    ]
    assert (plan[0].name, plan[0].qty, plan[0].shop_price) == ("Apple juice", 2, 250)
    assert (plan[1].shop_price, plan[1].app_price) == (300, 280)
    assert (plan[3].name, plan[3].shop_price, plan[3].app_price) == ("Gift wrap (app only)", None, 350)
    assert plan[4].name == "OLD"  # neither the app nor the shop named it: its SKU


def test_an_empty_cart_plans_nothing():
    assert plan_cart([], CATALOG.get) == []
