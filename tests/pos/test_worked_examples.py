"""Baskets a shopkeeper can check by hand. Every expected figure is worked out in the comments."""

from __future__ import annotations

from decimal import Decimal

from pos.cart import Cart, Discount, compute_refund
from pos.cashround import CashRounding, round_cash
from pos.money import Money
from pos.storeconfig import StoreConfig
from pos.tax import RoundingMethod, TaxRate, TaxRounding


# ====================================================================== Japan
def japan(rounding: TaxRounding) -> StoreConfig:
    # Consumer prices include consumption tax; 8 % reduced rate (food, marked *) and 10 % standard.
    # Tax rounded down (切り捨て), the usual choice.
    return StoreConfig(
        currency="JPY",
        locale="ja_JP",
        tax_rates=(TaxRate("8", Decimal(8), "8%*"), TaxRate("10", Decimal(10), "10%")),
        prices_include_tax=True,
        tax_rounding=rounding,
        tax_rounding_method=RoundingMethod.DOWN,
    )


def japanese_basket(rounding: TaxRounding) -> Cart:
    cart = Cart(japan(rounding))
    cart.add_line("4901", "おにぎり", Money(130, "JPY"), "8", 3)  # 390
    cart.add_line("4902", "弁当", Money(216, "JPY"), "8")  # 216
    cart.add_line("4903", "牛乳", Money(105, "JPY"), "8")  # 105
    cart.add_line("4904", "ビール", Money(330, "JPY"), "10")  # 330
    cart.add_line("4905", "ポテトチップス(店内)", Money(109, "JPY"), "10")  # 109
    cart.add_line("4906", "電池", Money(219, "JPY"), "10")  # 219
    return cart


def test_japan_qualified_invoice_once_per_rate():
    cart = japanese_basket(TaxRounding.PER_DOCUMENT)
    t = cart.totals
    # 8 %:  390 + 216 + 105 = 711 yen; tax 711 * 8/108 = 52.67 -> 52; net 659
    # 10 %: 330 + 109 + 219 = 658 yen; tax 658 * 10/110 = 59.82 -> 59; net 599
    # total 711 + 658 = 1,369 yen, of which tax 52 + 59 = 111
    assert t.total == Money(1369, "JPY")
    assert t.tax == Money(111, "JPY")
    assert t.net == Money(1258, "JPY")
    eight, ten = t.rates
    assert (eight.rate.label, eight.gross.minor, eight.tax.minor, eight.net.minor) == ("8%*", 711, 52, 659)
    assert (ten.rate.label, ten.gross.minor, ten.tax.minor, ten.net.minor) == ("10%", 658, 59, 599)
    # Each line's share of its rate's tax (largest remainder), for returns:
    # 8 %: 52 * 390/711 = 28.52, 52 * 216/711 = 15.80, 52 * 105/711 = 7.68 -> 28, 16, 8
    # 10 %: 59 * 330/658 = 29.59, 59 * 109/658 = 9.77, 59 * 219/658 = 19.64 -> 29, 10, 20 (= 59)
    assert [lt.tax.minor for lt in t.lines] == [28, 16, 8, 29, 10, 20]
    assert Money(1369, "JPY").format("ja_JP") == "￥1,369"


def test_japan_per_line_rounding_differs_by_one_yen_per_rate():
    per_line = japanese_basket(TaxRounding.PER_LINE).totals
    # 8 %:  390 -> 28.89 -> 28; 216 -> 16.00 -> 16; 105 -> 7.78 -> 7: 51 (per document: 52)
    # 10 %: 330 -> 30.00 -> 30; 109 -> 9.91 -> 9;  219 -> 19.91 -> 19: 58 (per document: 59)
    assert [lt.tax.minor for lt in per_line.lines] == [28, 16, 7, 30, 9, 19]
    assert [(r.rate.code, r.tax.minor) for r in per_line.rates] == [("8", 51), ("10", 58)]
    per_doc = japanese_basket(TaxRounding.PER_DOCUMENT).totals
    assert per_doc.tax.minor - per_line.tax.minor == 2
    assert per_line.total == per_doc.total == Money(1369, "JPY")  # inclusive prices: same total


def test_japan_partial_return_refunds_its_own_tax():
    cart = japanese_basket(TaxRounding.PER_DOCUMENT)
    onigiri = cart.lines[0]
    sold = cart.totals.lines
    # One onigiri of three (paid 390, tax share 28): 390 * 1/3 = 130; tax 28 * 130/390 = 9.33 -> 9
    first = compute_refund(sold, {onigiri.line_id: 1})
    assert (first.total.minor, first.tax.minor) == (130, 9)
    # The other two later: 390 - 130 = 260, tax 28 - 9 = 19
    rest = compute_refund(sold, {onigiri.line_id: 2}, {onigiri.line_id: 1})
    assert (rest.total.minor, rest.tax.minor) == (260, 19)
    assert rest.rates[0].rate.label == "8%*" and rest.rates[0].net.minor == 241


def test_japan_a_return_states_its_own_tax_once_per_rate():
    """docs/tax.md: in a store that rounds tax once per rate per document, a return is a document of its
    own (Japan's qualified return invoice) and states the tax in what it refunds, rounded once per rate
    the store's way; what it refunds is still each line's exact share of what was paid."""
    cart = japanese_basket(TaxRounding.PER_DOCUMENT)
    onigiri, bento, milk = cart.lines[:3]
    sold = cart.totals.lines
    rules = {"tax_rounding": TaxRounding.PER_DOCUMENT, "method": RoundingMethod.DOWN}
    # The bento and the milk come back: 216 + 105 = 321 yen refunded.
    # Its tax, once for the 8 % rate: 321 * 8/108 = 23.78 -> 23 (down). The sum of the two lines' shares
    # of the sale's tax would be 16 + 8 = 24: a tax no return invoice may state (rounding per line).
    first = compute_refund(sold, {bento.line_id: 1, milk.line_id: 1}, **rules)
    assert (first.total.minor, first.tax.minor) == (321, 23)
    assert [(rl.amount.minor, rl.tax.minor) for rl in first.lines] == [(216, 15), (105, 8)]  # 23 shared
    (eight,) = first.rates
    assert (eight.rate.label, eight.gross.minor, eight.tax.minor, eight.net.minor) == ("8%*", 321, 23, 298)
    # Then the three onigiri: 390 yen, tax 390 * 8/108 = 28.89 -> 28.
    rest = compute_refund(sold, {onigiri.line_id: 3}, {bento.line_id: 1, milk.line_id: 1}, **rules)
    assert (rest.total.minor, rest.tax.minor) == (390, 28)
    # Everything of the 8 % rate came back: 711 yen, exactly what was paid for it. The two documents
    # state 23 + 28 = 51 yen of tax against the sale's 52: each rounded once, as the rule says.
    assert first.total.minor + rest.total.minor == cart.totals.rates[0].gross.minor == 711
    # All six lines in one return: 1,369 yen with exactly the sale's tax per rate (52 and 59).
    everything = compute_refund(sold, {lt.line_id: lt.quantity for lt in sold}, **rules)
    assert everything.total.minor == 1369
    assert [(r.rate.code, r.tax.minor) for r in everything.rates] == [("8", 52), ("10", 59)]
    # A store that rounds per line gives back each line's share instead: 16 + 8 = 24, adding up to the sale.
    shares = compute_refund(sold, {bento.line_id: 1, milk.line_id: 1})
    assert shares.tax.minor == 24


def test_japan_discounted_inclusive_prices():
    cart = japanese_basket(TaxRounding.PER_DOCUMENT)
    bento = cart.lines[1]
    # 弁当 20 % off at closing time: 216 * 20 % = 43.2 -> 43 off, 173 yen
    cart.set_line_discount(bento.line_id, Discount.of_percent(20, "見切り"))
    t = cart.totals
    # 8 %: 390 + 173 + 105 = 668; tax 668 * 8/108 = 49.48 -> 49
    assert t.rates[0].gross.minor == 668 and t.rates[0].tax.minor == 49
    assert t.total == Money(1326, "JPY") and t.discount == Money(43, "JPY")


# ====================================================================== Italy
def italy() -> StoreConfig:
    return StoreConfig(
        currency="EUR",
        locale="it_IT",
        tax_rates=(
            TaxRate("22", Decimal(22), "22%"),
            TaxRate("10", Decimal(10), "10%"),
            TaxRate("4", Decimal(4), "4%"),
        ),
        prices_include_tax=True,
        tax_rounding=TaxRounding.PER_DOCUMENT,  # VAT extracted once per rate (scorporo per aliquota)
        tax_rounding_method=RoundingMethod.HALF_UP,
        cash_rounding=CashRounding.ITALY,
    )


def eur(text: str) -> Money:
    return Money.parse(text, "EUR")


def italian_basket() -> Cart:
    cart = Cart(italy())
    cart.add_line("8001", "Detersivo", eur("3.99"), "22", 2)  # 7.98
    cart.add_line("8002", "Shampoo", eur("2.49"), "22")  # 2.49
    cart.add_line("8003", "Caffè 250 g", eur("4.19"), "10")  # 4.19
    cart.add_line("8004", "Biscotti", eur("1.85"), "10", 2)  # 3.70
    cart.add_line("8005", "Pane", eur("2.35"), "4")  # 2.35
    cart.add_line("8006", "Latte", eur("1.29"), "4", 2)  # 2.58
    return cart


def test_italy_three_vat_rates():
    t = italian_basket().totals
    # 22 %: 7.98 + 2.49 = 10.47; VAT 10.47 * 22/122 = 1.8880 -> 1.89; net 8.58
    # 10 %: 4.19 + 3.70 = 7.89;  VAT 7.89 * 10/110 = 0.7173 -> 0.72; net 7.17
    #  4 %: 2.35 + 2.58 = 4.93;  VAT 4.93 * 4/104  = 0.1896 -> 0.19; net 4.74
    # total 10.47 + 7.89 + 4.93 = 23.29; VAT 1.89 + 0.72 + 0.19 = 2.80
    assert t.total == eur("23.29") and t.tax == eur("2.80") and t.net == eur("20.49")
    assert [(r.rate.code, r.gross, r.tax, r.net) for r in t.rates] == [
        ("22", eur("10.47"), eur("1.89"), eur("8.58")),
        ("10", eur("7.89"), eur("0.72"), eur("7.17")),
        ("4", eur("4.93"), eur("0.19"), eur("4.74")),
    ]
    assert t.total.format("it_IT") == "23,29\xa0€"


def test_italy_cash_rounding_applies_to_cash_only():
    cart = italian_basket()
    total = cart.totals.total
    # Paid all in cash: 23.29 ends in 9 -> up to 23.30, rounding +0.01. The sale stays 23.29.
    cash = round_cash(total, cart.config.cash_rounding)
    assert cash.rounded == eur("23.30") and cash.difference == eur("0.01")
    assert cart.totals.total == eur("23.29")
    # Mixed: 20.00 on card, 3.29 in cash -> ends in 9 -> 3.30; the card amount stays exact.
    assert round_cash(total - eur("20.00"), CashRounding.ITALY).rounded == eur("3.30")
    # Take the shampoo off: 20.80 ends in 0 -> no rounding.
    cart.remove_line(cart.lines[1].line_id)
    assert round_cash(cart.totals.total, CashRounding.ITALY).difference == eur("0")
    # 10 % off the whole sale: 20.80 - 2.08 = 18.72 -> ends in 2 -> 18.70
    cart.set_order_discount(Discount.of_percent(10))
    assert cart.totals.total == eur("18.72")
    assert round_cash(cart.totals.total, CashRounding.ITALY).rounded == eur("18.70")


# ====================================================================== United States
def new_york() -> StoreConfig:
    # Shelf prices exclude sales tax; NYC rate 8.875 % on taxable goods, groceries exempt (0 %).
    return StoreConfig(
        currency="USD",
        locale="en_US",
        tax_rates=(TaxRate("TX", Decimal("8.875"), "T"), TaxRate("EX", Decimal(0), "N")),
        prices_include_tax=False,
        tax_rounding=TaxRounding.PER_DOCUMENT,
        tax_rounding_method=RoundingMethod.HALF_UP,
    )


def usd(text: str) -> Money:
    return Money.parse(text, "USD")


def us_basket() -> Cart:
    cart = Cart(new_york())
    cart.add_line("0001", "AA batteries", usd("12.99"), "TX")  # 12.99
    cart.add_line("0002", "Notebook", usd("3.49"), "TX", 3)  # 10.47
    cart.add_line("0003", "Apples 3 lb", usd("4.50"), "EX")  # 4.50
    cart.add_line("0004", "Bread", usd("3.29"), "EX", 2)  # 6.58
    return cart


def test_us_sales_tax_added_on_top():
    t = us_basket().totals
    # taxable 12.99 + 10.47 = 23.46; tax 23.46 * 8.875 % = 2.082075 -> 2.08
    # exempt 4.50 + 6.58 = 11.08; total 23.46 + 2.08 + 11.08 = 36.62
    assert t.subtotal == usd("34.54") and t.tax == usd("2.08") and t.total == usd("36.62")
    assert [(r.rate.label, r.net, r.tax, r.gross) for r in t.rates] == [
        ("T", usd("23.46"), usd("2.08"), usd("25.54")),
        ("N", usd("11.08"), usd("0"), usd("11.08")),
    ]
    # 2.08 shared by net: 208 * 1299/2346 = 115.17, 208 * 1047/2346 = 92.83 -> 115, 93
    assert [lt.tax.minor for lt in t.lines] == [115, 93, 0, 0]
    assert [lt.paid for lt in t.lines] == [usd("14.14"), usd("11.40"), usd("4.50"), usd("6.58")]
    assert t.total.format("en_US") == "$36.62"


def test_us_order_coupon_before_tax():
    cart = us_basket()
    cart.set_order_discount(Discount.of_amount(usd("5.00"), "coupon"))
    t = cart.totals
    # $5.00 shared by net 12.99 : 10.47 : 4.50 : 6.58 (of 34.54):
    #   500 * 1299/3454 = 188.04, 500 * 1047/3454 = 151.56, 500 * 450/3454 = 65.14, 500 * 658/3454 = 95.25
    #   floors 188 + 151 + 65 + 95 = 499; the spare cent to .56 -> 188, 152, 65, 95
    assert [lt.order_discount.minor for lt in t.lines] == [188, 152, 65, 95]
    # taxable after coupon 11.11 + 8.95 = 20.06; tax 20.06 * 8.875 % = 1.780325 -> 1.78
    # total 34.54 - 5.00 + 1.78 = 31.32
    assert t.tax == usd("1.78") and t.total == usd("31.32")
    # the tax shares: 178 * 1111/2006 = 98.58, 178 * 895/2006 = 79.42 -> 98 + 79 = 177, spare to .58
    # -> batteries 99, notebooks 79; returning the batteries gives back 11.11 + 0.99 = 12.10
    batteries = t.lines[0]
    refund = compute_refund(t.lines, {batteries.line_id: 1})
    assert refund.total == batteries.paid and refund.tax == batteries.tax
    assert batteries.net == usd("11.11") and batteries.tax == usd("0.99") and refund.total == usd("12.10")
    assert t.lines[1].tax == usd("0.79")
