"""The cart: lines, discounts, price overrides, totals, and what each line was actually paid.

A :class:`Cart` is the open sale at the till. Every change validates the whole new state first and
either applies it completely or raises a :class:`~pos.errors.DomainError` and leaves the cart as it
was. After each change the totals are computed once (O(lines), integers only) and cached, so the UI
can read :attr:`Cart.totals` as often as it likes.

How a line's amount is built, in the store's currency (prices gross or net as the store says):

1. ``subtotal = quantity * unit_price`` (the unit price may be overridden, with a reason); a weighed or
   measured line (:class:`~pos.measure.Measure`) is one item whose unit price is its weight times its
   price per kilogram, rounded once;
2. minus the line discount (a percent, rounded half up, or a fixed amount);
   then minus what the sale's coupons and promotions take off it (:mod:`pos.offers`);
3. minus the line's share of the order discount (largest remainder over the amounts of step 2);
4. tax per the store's rules (:mod:`pos.tax`); ``paid`` is what the customer pays for the line.

``paid`` (and its ``tax``) is what a return refunds: :func:`compute_refund` splits it over units so
that any sequence of partial returns adds up to exactly what was paid, never a cent more.

The cart serialises to a JSON-safe dict (:meth:`Cart.to_dict`, :meth:`Cart.from_dict`) so the open
sale can be saved on every change and brought back after a crash.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from typing import Any

from pos.errors import (
    N_,
    CurrencyMismatchError,
    DiscountTooLargeError,
    DomainError,
    InvalidAmountError,
    InvalidDataError,
    InvalidDiscountError,
    InvalidQuantityError,
    LineNotFoundError,
    NegativeQuantityError,
    PriceOverrideError,
    RefundError,
    UnknownTaxCodeError,
)
from pos.fulfilment import Fulfilment
from pos.measure import Measure
from pos.money import Money, allocate_minor
from pos.offers import AppliedOffer, Offer, apply_offers
from pos.storeconfig import StoreConfig
from pos.tax import RateTotal, RoundingMethod, TaxRate, TaxRounding, compute_taxes, rate_totals, round_div

CART_FORMAT = 1


def new_id() -> str:
    """A fresh line or cart id (UUID4 text)."""
    return str(uuid.uuid4())


# ====================================================================== discounts
@dataclass(frozen=True, slots=True)
class Discount:
    """A line or order discount: either ``percent`` (0 < p <= 100) or a fixed ``amount`` (> 0).

    Build with :meth:`of_percent` or :meth:`of_amount`. A percent discount is rounded half up to
    the minor unit; an amount larger than what it applies to is refused (DiscountTooLargeError).
    """

    percent: Decimal | None = None
    amount: Money | None = None
    reason: str = ""
    _num: int = field(default=0, init=False, repr=False, compare=False)
    _den: int = field(default=1, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if (self.percent is None) == (self.amount is None):
            raise InvalidDiscountError(
                N_("A discount is either a percent or an amount, not both or neither.")
            )
        if not isinstance(self.reason, str):
            raise InvalidDiscountError(N_("A discount's reason must be text."))
        if self.amount is not None:
            if not isinstance(self.amount, Money):
                raise InvalidDiscountError(
                    N_("A discount amount must be Money, not {amount!r}."), amount=self.amount
                )
            if self.amount.minor <= 0:
                raise InvalidDiscountError(
                    N_("A discount must be more than zero, not {amount}."), amount=self.amount
                )
            return
        percent = self.percent
        if isinstance(percent, bool) or not isinstance(percent, Decimal | int):
            raise InvalidDiscountError(
                N_("A discount percent must be exact (text or Decimal), not {percent!r}."), percent=percent
            )
        percent = Decimal(percent)
        if not percent.is_finite() or percent <= 0:
            raise InvalidDiscountError(
                N_("A discount must be more than 0%, not {percent}%."), percent=percent
            )
        if percent > 100:
            raise DiscountTooLargeError(
                N_("A discount cannot be more than 100% (asked for {percent}%)."), percent=percent
            )
        num, den = percent.as_integer_ratio()
        object.__setattr__(self, "percent", percent)
        object.__setattr__(self, "_num", num)
        object.__setattr__(self, "_den", den * 100)

    @classmethod
    def of_percent(cls, percent: Decimal | int | str, reason: str = "") -> Discount:
        """``percent`` off (``"10"``, ``Decimal("12.5")``)."""
        if isinstance(percent, str):
            try:
                percent = Decimal(percent.strip().rstrip("%"))
            except ArithmeticError:
                raise InvalidDiscountError(N_("{percent!r} is not a percent."), percent=percent) from None
        return cls(percent=percent, reason=reason)

    @classmethod
    def of_amount(cls, amount: Money, reason: str = "") -> Discount:
        """A fixed ``amount`` off."""
        return cls(amount=amount, reason=reason)

    def minor_off(self, base: int, currency: str, what: str | None) -> int:
        """Minor units taken off ``base`` (of ``what``, a line's name; None: the sale); raises if it is more
        than ``base`` or in another currency."""
        if self.amount is None:
            return round_div(base * self._num, self._den, RoundingMethod.HALF_UP)
        if self.amount.currency != currency:
            raise CurrencyMismatchError(currency, self.amount.currency)
        if self.amount.minor > base:
            raise DiscountTooLargeError(
                N_("The discount of {amount} is more than the {base} of {what}.")
                if what is not None
                else N_("The discount of {amount} is more than the {base} of the sale."),
                amount=self.amount,
                base=Money._of(base, currency),
                what=what,
            )
        return self.amount.minor

    def to_dict(self) -> dict[str, Any]:
        if self.amount is not None:
            return {"amount": self.amount.minor, "reason": self.reason}
        return {"percent": str(self.percent), "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], currency: str) -> Discount:
        if not isinstance(data, Mapping) or ("amount" in data) == ("percent" in data):
            raise InvalidDataError("A saved discount needs a percent or an amount: {data!r}.", data=data)
        if "amount" in data:
            return cls(amount=Money(data["amount"], currency), reason=data.get("reason", ""))
        return cls.of_percent(data["percent"], data.get("reason", ""))


# ====================================================================== lines
@dataclass(frozen=True, slots=True)
class CartLine:
    """One line of the open sale. Immutable: the cart replaces a line when it changes.

    ``unit_price`` is the price in force (gross or net per the store); after a price override,
    ``original_unit_price`` keeps the catalog price and ``override_reason`` says why.

    A weighed or measured line has a ``measure`` (the weight, its unit and the price per unit): it is one
    item (``quantity`` 1) and its ``unit_price`` is ``measure.amount()``. An override changes its price
    per unit, and ``original_unit_price`` keeps the catalog's price per unit.

    A line with a ``fulfilment`` is an order the backend holds stock for elsewhere (delivered, or collected
    here), or a reservation collected here (:mod:`pos.fulfilment`): its quantity is what the order holds.
    """

    line_id: str
    sku: str
    description: str
    quantity: int
    unit_price: Money
    tax_code: str
    discount: Discount | None = None
    original_unit_price: Money | None = None
    override_reason: str | None = None
    measure: Measure | None = None
    fulfilment: Fulfilment | None = None

    @property
    def subtotal(self) -> Money:
        """``quantity * unit_price``, before discounts."""
        return Money._of(self.quantity * self.unit_price.minor, self.unit_price.currency)

    def to_dict(self) -> dict[str, Any]:
        return {
            "line_id": self.line_id,
            "sku": self.sku,
            "description": self.description,
            "quantity": self.quantity,
            "unit_price": self.unit_price.minor,
            "tax_code": self.tax_code,
            "discount": None if self.discount is None else self.discount.to_dict(),
            "original_unit_price": (
                None if self.original_unit_price is None else self.original_unit_price.minor
            ),
            "override_reason": self.override_reason,
            "measure": None if self.measure is None else self.measure.to_dict(),
        } | _fulfilment_dict(self.fulfilment)


@dataclass(frozen=True, slots=True)
class LineTotal:
    """A line as sold: its amounts after discounts and tax. ``paid`` is what a return refunds.

    ``paid = subtotal - line_discount - order_discount`` when prices include tax, and that plus
    ``tax`` when they do not; ``net = paid - tax`` always. ``order_discount`` is the line's share of
    the sale's offers (coupons, promotions) and of the order discount. ``measure``: what a weighed line
    weighed.
    """

    line_id: str
    sku: str
    description: str
    quantity: int
    unit_price: Money
    tax_rate: TaxRate
    subtotal: Money
    line_discount: Money
    order_discount: Money
    paid: Money
    tax: Money
    measure: Measure | None = None
    fulfilment: Fulfilment | None = None

    @property
    def net(self) -> Money:
        return self.paid - self.tax

    @property
    def tax_code(self) -> str:
        return self.tax_rate.code

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe; :meth:`from_dict` reads it back (the journal keeps sold lines this way)."""
        return {
            "line_id": self.line_id,
            "sku": self.sku,
            "description": self.description,
            "quantity": self.quantity,
            "currency": self.paid.currency,
            "unit_price": self.unit_price.minor,
            "tax_rate": self.tax_rate.to_dict(),
            "subtotal": self.subtotal.minor,
            "line_discount": self.line_discount.minor,
            "order_discount": self.order_discount.minor,
            "paid": self.paid.minor,
            "tax": self.tax.minor,
            "measure": None if self.measure is None else self.measure.to_dict(),
        } | _fulfilment_dict(self.fulfilment)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LineTotal:
        try:
            cur = data["currency"]
            line = cls(
                line_id=_text(data["line_id"], "line_id"),
                sku=_text(data["sku"], "sku"),
                description=_text(data["description"], "description"),
                quantity=_count(data["quantity"]),
                unit_price=Money(data["unit_price"], cur),
                tax_rate=TaxRate.from_dict(data["tax_rate"]),
                subtotal=Money(data["subtotal"], cur),
                line_discount=Money(data["line_discount"], cur),
                order_discount=Money(data["order_discount"], cur),
                paid=Money(data["paid"], cur),
                tax=Money(data["tax"], cur),
                measure=_measure(data.get("measure"), data["quantity"], data["unit_price"]),
                fulfilment=Fulfilment.from_dict(data.get("fulfilment")),
            )
            if not 0 <= line.tax.minor <= line.paid.minor:
                raise InvalidDataError("its tax is not between zero and the amount paid")
        except (DomainError, KeyError, TypeError, AttributeError) as e:
            raise InvalidDataError(N_("A sold line could not be read ({why})."), why=_why(e)) from e
        return line


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidDataError("{name} must be text", name=name)
    return value


def _count(value: object) -> int:
    if type(value) is not int or value < 1:
        raise InvalidDataError("quantity {value!r} is not a whole number >= 1", value=value)
    return value


def _measure(raw: object, quantity: object, unit_price: object) -> Measure | None:
    """A saved line's measure, checked against the line: one item at the measure's amount."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise InvalidDataError("measure {raw!r} is not a table", raw=raw)
    measure = Measure.from_dict(raw)
    if quantity != 1 or unit_price != measure.amount():
        raise InvalidDataError(
            "a weighed line of {measure} must be 1 item at {amount}",
            measure=measure.text(),
            amount=measure.amount(),
        )
    return measure


def _fulfilment_dict(fulfilment: Fulfilment | None) -> dict[str, Any]:
    """The saved form of a line's fulfilment: only a line that has one carries the key."""
    return {} if fulfilment is None else {"fulfilment": fulfilment.to_dict()}


def _why(error: BaseException) -> object:
    """What went wrong inside, for a message's {why}: a domain error as it is (the reader's side says it in
    their language), anything else as English text."""
    if isinstance(error, KeyError):
        return f"missing {error.args[0]!r}"
    return error if isinstance(error, DomainError) else str(error)


# ====================================================================== totals
class Totals:
    """The totals of a cart at one moment (immutable). All amounts are Money in the cart's currency.

    ``subtotal`` (before discounts) ``- discount = `` the discounted goods amount; ``total`` is what
    the customer pays (``net + tax``); ``rates`` is the receipt's tax summary per rate; ``lines``
    the per-line amounts (:class:`LineTotal`), in cart order.
    """

    def __init__(
        self,
        currency: str,
        lines: tuple[CartLine, ...],
        rates_table: Mapping[str, TaxRate],
        subtotals: list[int],
        line_discounts: list[int],
        order_discounts: list[int],
        paid: list[int],
        tax: list[int],
        by_rate: dict[str, list[int]],
        offers: tuple[AppliedOffer, ...] = (),
    ) -> None:
        self.currency = currency
        self.offers = offers  # the coupons and promotions that took something off, with their amounts
        self._cart_lines = lines
        self._rates_table = rates_table
        self._subtotals = subtotals
        self._line_discounts = line_discounts
        self._order_discounts = order_discounts
        self._paid = paid
        self._tax = tax
        self._by_rate = by_rate
        total = sum(paid)
        total_tax = sum(tax)
        subtotal = sum(subtotals)
        line_disc = sum(line_discounts)
        order_disc = sum(order_discounts)
        self.item_count: int = sum(line.quantity for line in lines)
        self.subtotal = Money._of(subtotal, currency)
        self.line_discount = Money._of(line_disc, currency)
        self.order_discount = Money._of(order_disc, currency)
        self.discount = Money._of(line_disc + order_disc, currency)
        self.tax = Money._of(total_tax, currency)
        self.net = Money._of(total - total_tax, currency)
        self.total = Money._of(total, currency)

    @cached_property
    def rates(self) -> tuple[RateTotal, ...]:
        """Per-rate net, tax and gross, in tax-table order (only rates present in the cart)."""
        return rate_totals(self._by_rate, self._rates_table, self.currency)

    def _line_total(self, i: int) -> LineTotal:
        line = self._cart_lines[i]
        cur = self.currency
        return LineTotal(
            line.line_id,
            line.sku,
            line.description,
            line.quantity,
            line.unit_price,
            self._rates_table[line.tax_code],
            Money._of(self._subtotals[i], cur),
            Money._of(self._line_discounts[i], cur),
            Money._of(self._order_discounts[i], cur),
            Money._of(self._paid[i], cur),
            Money._of(self._tax[i], cur),
            line.measure,
            line.fulfilment,
        )

    @cached_property
    def lines(self) -> tuple[LineTotal, ...]:
        """Every line's amounts, in cart order."""
        return tuple(self._line_total(i) for i in range(len(self._cart_lines)))

    def line(self, line_id: str) -> LineTotal:
        """The amounts of one line (without building the others)."""
        for i, line in enumerate(self._cart_lines):
            if line.line_id == line_id:
                return self._line_total(i)
        raise LineNotFoundError(line_id)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe summary for the journal and receipts (amounts in minor units)."""
        return {
            "currency": self.currency,
            "item_count": self.item_count,
            "subtotal": self.subtotal.minor,
            "line_discount": self.line_discount.minor,
            "order_discount": self.order_discount.minor,
            "net": self.net.minor,
            "tax": self.tax.minor,
            "total": self.total.minor,
            "rates": [r.to_dict() for r in self.rates],
            "lines": [line.to_dict() for line in self.lines],
        }


def _compute(
    config: StoreConfig,
    lines: tuple[CartLine, ...],
    order_discount: Discount | None,
    offers: tuple[Offer, ...] = (),
) -> Totals:
    cur = config.currency
    subtotals = []
    line_discounts = []
    after = []
    codes = []
    for line in lines:
        sub = line.quantity * line.unit_price.minor
        off = 0 if line.discount is None else line.discount.minor_off(sub, cur, repr(line.description))
        subtotals.append(sub)
        line_discounts.append(off)
        after.append(sub - off)
        codes.append(line.tax_code)
    offer_off, applied = (
        # an order's line (endless aisle, a reservation) is paid at the backend order's price: no offer on it
        apply_offers(
            offers,
            [ln.sku for ln in lines],
            [ln.quantity for ln in lines],
            [0 if ln.fulfilment is not None else a for ln, a in zip(lines, after, strict=True)],
        )
        if offers
        else ([0] * len(lines), ())
    )
    if applied:
        after = [a - o for a, o in zip(after, offer_off, strict=True)]
    if order_discount is None:
        order_discounts = offer_off
        amounts = after
    else:
        goods = sum(after)
        off = order_discount.minor_off(goods, cur, None)  # the sale
        shares = allocate_minor(off, after) if lines else []
        order_discounts = [o + x for o, x in zip(shares, offer_off, strict=True)]
        amounts = [a - o for a, o in zip(after, shares, strict=True)]
    taxes = compute_taxes(
        amounts,
        codes,
        config.rates,
        prices_include_tax=config.prices_include_tax,
        rounding=config.tax_rounding,
        method=config.tax_rounding_method,
    )
    return Totals(
        cur,
        lines,
        config.rates,
        subtotals,
        line_discounts,
        order_discounts,
        taxes.paid,
        taxes.tax,
        taxes.by_rate,
        applied,
    )


# ====================================================================== the cart
class Cart:
    """The open sale: an ordered set of lines, an optional order discount, and cached totals.

    Every mutator validates first and either changes the cart completely or raises a DomainError
    and changes nothing. ``revision`` grows by one with each change (for saving in order).

    ``ids`` makes line ids (UUID4 text by default; inject a counter in tests). A cart belongs to
    one thread (the GUI's); :meth:`to_dict` returns a fresh plain dict that may be handed to the
    store's writer thread after every change.
    """

    def __init__(
        self,
        config: StoreConfig,
        *,
        cart_id: str | None = None,
        ids: Callable[[], str] = new_id,
    ) -> None:
        self.config = config
        self.cart_id: str = cart_id or ids()
        self.revision = 0
        self._ids = ids
        self._lines: dict[str, CartLine] = {}
        self._order_discount: Discount | None = None
        self._offers: tuple[Offer, ...] = ()
        self._totals = _compute(config, (), None)

    # ------------------------------------------------------------------ reading
    @property
    def currency(self) -> str:
        return self.config.currency

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines.values())

    @property
    def order_discount(self) -> Discount | None:
        return self._order_discount

    @property
    def offers(self) -> tuple[Offer, ...]:
        """The coupons and promotions on the sale (each applies where it concerns a line)."""
        return self._offers

    @property
    def totals(self) -> Totals:
        """The cached totals of the current state."""
        return self._totals

    def line(self, line_id: str) -> CartLine:
        try:
            return self._lines[line_id]
        except (KeyError, TypeError):
            raise LineNotFoundError(line_id) from None

    @property
    def line_count(self) -> int:
        """Number of lines (not units; see ``totals.item_count``). No ``__len__``: a cart is never falsy."""
        return len(self._lines)

    @property
    def is_empty(self) -> bool:
        return not self._lines

    # ------------------------------------------------------------------ validation helpers
    def _check_quantity(self, quantity: object) -> int:
        if type(quantity) is not int:
            raise InvalidQuantityError(
                N_("The quantity must be a whole number of units, not {quantity!r}."), quantity=quantity
            )
        if quantity < 0:
            raise NegativeQuantityError(quantity)
        if quantity == 0:
            raise InvalidQuantityError(
                N_("The quantity must be at least 1; to take the line off, remove it.")
            )
        if quantity > self.config.max_quantity:
            raise InvalidQuantityError(
                N_(
                    "The quantity {quantity} is too large (at most {most}). "
                    "Was a barcode typed into the quantity?"
                ),
                quantity=quantity,
                most=self.config.max_quantity,
            )
        return quantity

    def _check_price(self, price: object) -> Money:
        if not isinstance(price, Money):
            raise InvalidAmountError(N_("A price must be Money, not {price!r}."), price=price)
        if price.currency != self.currency:
            raise CurrencyMismatchError(self.currency, price.currency)
        if price.minor < 0:
            raise InvalidAmountError(N_("A price cannot be negative ({price})."), price=price)
        return price

    def _check_discount(self, discount: object) -> Discount | None:
        if discount is not None and not isinstance(discount, Discount):
            raise InvalidDiscountError(N_("Not a discount: {discount!r}."), discount=discount)
        return discount

    def _commit(self, lines: dict[str, CartLine], order_discount: Discount | None) -> None:
        totals = _compute(self.config, tuple(lines.values()), order_discount, self._offers)
        self._lines = lines
        self._order_discount = order_discount
        self._totals = totals
        self.revision += 1

    def _replace(self, line: CartLine) -> CartLine:
        lines = dict(self._lines)
        lines[line.line_id] = line
        self._commit(lines, self._order_discount)
        return line

    # ------------------------------------------------------------------ changes
    def add_line(
        self,
        sku: str,
        description: str,
        unit_price: Money,
        tax_code: str,
        quantity: int = 1,
        *,
        merge: bool = False,
    ) -> CartLine:
        """Add ``quantity`` of an item; returns the new (or, with ``merge``, the grown) line.

        With ``merge=True`` a scan of an item already in the cart at the same price, tax code and
        without discount or override adds to that line instead of opening a new one.
        """
        unit_price, quantity = self._check_item(sku, description, unit_price, tax_code, quantity)
        if merge:
            for line in reversed(self._lines.values()):
                if (
                    line.sku == sku
                    and line.unit_price == unit_price
                    and line.tax_code == tax_code
                    and line.discount is None
                    and line.original_unit_price is None
                    and line.measure is None
                    and line.fulfilment is None
                ):
                    return self.set_quantity(line.line_id, line.quantity + quantity)
        line = CartLine(self._ids(), sku, description, quantity, unit_price, tax_code)
        return self._replace(line)

    def _check_item(
        self, sku: object, description: object, unit_price: object, tax_code: object, quantity: object
    ) -> tuple[Money, int]:
        if not isinstance(sku, str) or not sku.strip():
            raise InvalidDataError(N_("An item needs a SKU, got {sku!r}."), sku=sku)
        if not isinstance(description, str):
            raise InvalidDataError(
                N_("An item description must be text, got {description!r}."), description=description
            )
        price = self._check_price(unit_price)
        count = self._check_quantity(quantity)
        if tax_code not in self.config.rates:
            raise UnknownTaxCodeError(tax_code, tuple(self.config.rates))
        return price, count

    def add_measured(self, sku: str, description: str, measure: Measure, tax_code: str) -> CartLine:
        """Add a weighed or measured item: one line of one item at ``measure.amount()`` (its weight times
        its price per unit, rounded half up once), keeping the weight and the price per unit. Never merged.
        """
        if not isinstance(measure, Measure):
            raise InvalidQuantityError(
                N_("A weighed item needs its measure, not {measure!r}."), measure=measure
            )
        price = Money(measure.amount(), self.currency)
        price, _ = self._check_item(sku, description, price, tax_code, 1)
        return self._replace(CartLine(self._ids(), sku, description, 1, price, tax_code, measure=measure))

    def add_fulfilled(
        self,
        sku: str,
        description: str,
        unit_price: Money,
        tax_code: str,
        quantity: int,
        fulfilment: Fulfilment,
    ) -> CartLine:
        """Add an ordered or reserved item (:mod:`pos.fulfilment`): a line of its own, never merged."""
        if not isinstance(fulfilment, Fulfilment):
            raise InvalidDataError(
                "An ordered item needs its order, not {fulfilment!r}.", fulfilment=fulfilment
            )
        unit_price, quantity = self._check_item(sku, description, unit_price, tax_code, quantity)
        line = CartLine(self._ids(), sku, description, quantity, unit_price, tax_code, fulfilment=fulfilment)
        return self._replace(line)

    def set_quantity(self, line_id: str, quantity: int) -> CartLine:
        """Change a line's quantity (>= 1; negative raises NegativeQuantityError). A weighed line's
        quantity is its weight: it stays one item. An ordered line's quantity is what its order holds."""
        line = self.line(line_id)
        quantity = self._check_quantity(quantity)
        if line.measure is not None and quantity != 1:
            raise InvalidQuantityError(
                N_(
                    "{item} is sold by weight ({measure}): its quantity is its weight. "
                    "Weigh and scan each item, or remove the line."
                ),
                item=line.description or line.sku,
                measure=line.measure.text(),
            )
        if line.fulfilment is not None and quantity != line.quantity:
            raise InvalidQuantityError(
                N_(
                    "{item} is on order {order_no}, which holds {quantity}: to change the quantity, "
                    "remove the line and order again."
                ),
                item=line.description or line.sku,
                order_no=line.fulfilment.order_no,
                quantity=line.quantity,
            )
        return self._replace(_with(line, quantity=quantity))

    def remove_line(self, line_id: str) -> CartLine:
        """Take a line off the sale; returns the removed line."""
        line = self.line(line_id)
        lines = dict(self._lines)
        del lines[line_id]
        self._commit(lines, self._order_discount)
        return line

    def set_line_discount(self, line_id: str, discount: Discount | None) -> CartLine:
        """Set (or with ``None`` remove) a line's discount; more than the line raises."""
        line = self.line(line_id)
        return self._replace(_with(line, discount=self._check_discount(discount)))

    def set_order_discount(self, discount: Discount | None) -> None:
        """Set (or remove) the discount on the whole sale, shared over the lines by amount."""
        self._commit(self._lines, self._check_discount(discount))

    def override_price(self, line_id: str, unit_price: Money, reason: str) -> CartLine:
        """Change a line's unit price; a reason is required and the catalog price is kept. For a weighed
        line ``unit_price`` is the new price per unit (per kilogram) and the amount follows from it."""
        line = self.line(line_id)
        if not isinstance(reason, str) or not reason.strip():
            raise PriceOverrideError(N_("A price change needs a reason."))
        unit_price = self._check_price(unit_price)
        if line.measure is None:
            original = line.original_unit_price or line.unit_price
            changes: dict[str, Any] = {"unit_price": unit_price}
        else:
            measure = line.measure
            original = line.original_unit_price or Money._of(measure.unit_price, self.currency)
            measure = Measure(measure.quantity, measure.unit, unit_price.minor)
            changes = {"unit_price": Money._of(measure.amount(), self.currency), "measure": measure}
        return self._replace(
            _with(line, original_unit_price=original, override_reason=reason.strip(), **changes)
        )

    def set_offers(self, offers: Iterable[Offer]) -> None:
        """Put these coupons and promotions on the sale (replacing those it had); codes are unique."""
        offers = tuple(offers)
        if not all(isinstance(o, Offer) for o in offers):
            raise InvalidDataError(N_("Not offers: {offers!r}."), offers=offers)
        if len({o.code for o in offers}) != len(offers):
            raise InvalidDataError("Two offers on a sale share a code.")
        before = self._offers
        self._offers = offers
        try:
            self._commit(self._lines, self._order_discount)
        except DomainError:
            self._offers = before
            raise

    def clear(self) -> None:
        """Remove every line and the order discount."""
        self._commit({}, None)

    # ------------------------------------------------------------------ persistence
    def to_dict(self) -> dict[str, Any]:
        """JSON-safe state (amounts in minor units); :meth:`from_dict` restores it exactly."""
        return {
            "format": CART_FORMAT,
            "cart_id": self.cart_id,
            "currency": self.currency,
            "revision": self.revision,
            "lines": [line.to_dict() for line in self._lines.values()],
            "order_discount": None if self._order_discount is None else self._order_discount.to_dict(),
            "offers": [o.to_dict() for o in self._offers],
        }

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], config: StoreConfig, *, ids: Callable[[], str] = new_id
    ) -> Cart:
        """Restore a cart saved by :meth:`to_dict`; damaged data raises InvalidDataError."""
        try:
            if not isinstance(data, Mapping):
                raise InvalidDataError("expected a table, got {kind}", kind=type(data).__name__)
            if data.get("format") != CART_FORMAT:
                raise InvalidDataError("unknown format {format!r}", format=data.get("format"))
            if data.get("currency") != config.currency:
                raise CurrencyMismatchError(config.currency, str(data.get("currency")))
            cart = cls(config, cart_id=_text(data["cart_id"], "cart_id"), ids=ids)
            cur = config.currency
            lines: dict[str, CartLine] = {}
            for raw in data["lines"]:
                line_id = _text(raw["line_id"], "line_id")
                if line_id in lines:
                    raise InvalidDataError("line {line_id!r} appears twice", line_id=line_id)
                if raw["tax_code"] not in config.rates:
                    raise UnknownTaxCodeError(raw["tax_code"], tuple(config.rates))
                original = raw.get("original_unit_price")
                reason = raw.get("override_reason")
                if (original is None) != (reason is None):
                    raise InvalidDataError("a price override without its reason")
                discount = raw.get("discount")
                measure = _measure(raw.get("measure"), raw["quantity"], raw["unit_price"])
                lines[line_id] = CartLine(
                    line_id=line_id,
                    sku=_text(raw["sku"], "sku"),
                    description=_text(raw["description"], "description"),
                    quantity=cart._check_quantity(raw["quantity"]),
                    unit_price=cart._check_price(Money(raw["unit_price"], cur)),
                    tax_code=raw["tax_code"],
                    discount=None if discount is None else Discount.from_dict(discount, cur),
                    original_unit_price=None if original is None else Money(original, cur),
                    override_reason=None if reason is None else _text(reason, "override_reason"),
                    measure=measure,
                    fulfilment=Fulfilment.from_dict(raw.get("fulfilment")),
                )
            order = data.get("order_discount")
            cart.set_offers(Offer.from_dict(o) for o in data.get("offers", ()))
            cart._commit(lines, None if order is None else Discount.from_dict(order, cur))
            revision = data["revision"]
            if type(revision) is not int or revision < 0:
                raise InvalidDataError("revision {revision!r} is not a whole number", revision=revision)
            cart.revision = revision
        except (DomainError, KeyError, TypeError, AttributeError) as e:
            raise InvalidDataError(N_("The saved sale could not be restored ({why})."), why=_why(e)) from e
        return cart


def _with(line: CartLine, **changes: Any) -> CartLine:
    values = {
        "line_id": line.line_id,
        "sku": line.sku,
        "description": line.description,
        "quantity": line.quantity,
        "unit_price": line.unit_price,
        "tax_code": line.tax_code,
        "discount": line.discount,
        "original_unit_price": line.original_unit_price,
        "override_reason": line.override_reason,
        "measure": line.measure,
        "fulfilment": line.fulfilment,
    }
    values.update(changes)
    return CartLine(**values)


# ====================================================================== refunds
@dataclass(frozen=True, slots=True)
class RefundLine:
    """What returning ``quantity`` units of a sold line gives back: ``amount`` (of which ``tax``).
    ``measure``: what a weighed line weighed (it is returned whole)."""

    line_id: str
    sku: str
    quantity: int
    tax_rate: TaxRate
    amount: Money
    tax: Money
    measure: Measure | None = None

    @property
    def net(self) -> Money:
        return self.amount - self.tax


@dataclass(frozen=True, slots=True)
class Refund:
    """A return's amounts: per line, per tax rate, and in total (all >= 0: money given back)."""

    currency: str
    lines: tuple[RefundLine, ...]
    rates: tuple[RateTotal, ...]
    total: Money
    tax: Money


def _cumulative(paid: int, tax: int, quantity: int, units: int) -> tuple[int, int]:
    """Amount and tax refunded for the first ``units`` of ``quantity`` units of a line.

    Amount ``floor(paid * units / quantity)`` and tax ``floor(tax * amount / paid)``: both only grow
    with ``units``, reach ``paid`` and ``tax`` at ``units == quantity``, and the tax of any range of
    units never exceeds its amount (tax <= paid), so every partial return is consistent.
    """
    amount = paid * units // quantity
    return amount, (tax * amount // paid if paid else 0)


def compute_refund(
    sold: Iterable[LineTotal],
    quantities: Mapping[str, int],
    already_returned: Mapping[str, int] | None = None,
    *,
    tax_rounding: TaxRounding = TaxRounding.PER_LINE,
    method: RoundingMethod = RoundingMethod.HALF_UP,
) -> Refund:
    """The refund for returning ``quantities[line_id]`` units of the ``sold`` lines.

    ``already_returned`` gives the units of each line returned before. The amounts are differences
    of a cumulative split of each line's ``paid`` over its units, so whatever way a sale is returned —
    all at once, line by line, one unit at a time — the refunds add up to exactly what was paid, to the
    minor unit, and no return gives back more than its share. Asking for more units than are left raises
    RefundError, as does asking for part of a weighed line (it is returned whole); an unknown line raises
    LineNotFoundError.

    The tax in the refund follows the store's rounding level (``tax_rounding``, docs/tax.md): per line,
    each line gives back its share of the tax it was sold with (the same cumulative split), so the
    returns of a sale add up to exactly its tax; once per rate per document, the return is a document of
    its own and states the tax contained in what it refunds, rounded once per rate by ``method`` and
    shared over its lines (a return of everything at once gives back exactly the sale's tax).
    """
    by_id = {line.line_id: line for line in sold}
    returned = already_returned or {}
    for line_id in (*quantities, *returned):
        if line_id not in by_id:
            raise LineNotFoundError(line_id)
    currency: str | None = None
    rates: dict[str, TaxRate] = {}
    groups: dict[str, list[int]] = {}  # tax code -> indexes into out
    out: list[RefundLine] = []
    for line_id, units in quantities.items():
        line = by_id[line_id]
        before = returned.get(line_id, 0)
        if line.measure is not None and (type(units) is not int or units > 1):  # 0.3 of 0.750 kg, 300 g
            raise RefundError(
                N_(
                    "{item} was sold by weight ({measure}): it is returned whole, as one item, or not at all."
                ),
                item=line.description or line.sku,
                measure=line.measure.text(),
            )
        if type(units) is not int or type(before) is not int:
            raise InvalidQuantityError(N_("Return quantities must be whole numbers of units."))
        if units < 0 or before < 0:
            raise NegativeQuantityError(min(units, before))
        if units == 0:
            continue
        left = line.quantity - before
        if units > left:
            raise RefundError(
                N_("Only {left} of {quantity} × {item} can still be returned (asked for {asked})."),
                left=max(left, 0),
                quantity=line.quantity,
                item=line.description or line.sku,
                asked=units,
            )
        if currency is None:
            currency = line.paid.currency
        elif line.paid.currency != currency:
            raise CurrencyMismatchError(currency, line.paid.currency)
        a0, t0 = _cumulative(line.paid.minor, line.tax.minor, line.quantity, before)
        a1, t1 = _cumulative(line.paid.minor, line.tax.minor, line.quantity, before + units)
        rate = line.tax_rate
        rates.setdefault(rate.code, rate)
        groups.setdefault(rate.code, []).append(len(out))
        out.append(
            RefundLine(
                line_id,
                line.sku,
                units,
                rate,
                Money._of(a1 - a0, currency),
                Money._of(t1 - t0, currency),
                line.measure,
            )
        )
    if currency is None:
        if not by_id:
            raise RefundError(N_("There is nothing to return: the sale has no lines."))
        currency = next(iter(by_id.values())).paid.currency
    if tax_rounding is TaxRounding.PER_DOCUMENT:
        for code, idx in groups.items():
            amounts = [out[i].amount.minor for i in idx]
            rate_tax = rates[code].tax_included(sum(amounts), method)
            for i, share in zip(idx, allocate_minor(rate_tax, amounts), strict=True):
                out[i] = replace(out[i], tax=Money._of(share, currency))
    by_rate: dict[str, list[int]] = {}
    for code, idx in groups.items():
        amount = sum(out[i].amount.minor for i in idx)
        tax = sum(out[i].tax.minor for i in idx)
        by_rate[code] = [amount - tax, tax, amount]
    return Refund(
        currency,
        tuple(out),
        rate_totals(by_rate, rates, currency),
        Money._of(sum(ln.amount.minor for ln in out), currency),
        Money._of(sum(ln.tax.minor for ln in out), currency),
    )
