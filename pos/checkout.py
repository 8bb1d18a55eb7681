"""The checkout workflow: the open sale from the first scan to the committed sale document.

`Checkout` owns one open sale: its cart, the member attached to it, tenders already taken (the card
part of a split payment), and a stable sale UUID (the idempotency key of everything that follows).
Every change is saved through `Journal.save_open_cart`, so a crash brings the sale back.

It is pure and single-threaded (the GUI thread drives it). Completing a sale is two steps so that the
commit can run off the GUI thread: `build_sale()` returns a frozen `SaleDocument`; whoever commits it
(the journal, from the writer thread, or the card payment protocol right after authorisation) then
calls `finished(doc)`. Nothing is promised to the customer before that commit has returned.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from pos.cart import Cart, Discount
from pos.cashround import CashRounding, round_cash
from pos.documents import SaleDocument, SaleLine, SaleLoyalty, SaleOffer, TaxLine, Tender
from pos.errors import N_, DomainError
from pos.fulfilment import Fulfilment
from pos.loyalty import DEFAULT_PROGRAMME, EarnLine, Programme
from pos.measure import Measure
from pos.money import Money
from pos.offers import Offer
from pos.ports import Catalog, Clock, Ids, Journal, Product
from pos.scan import ItemScan
from pos.staff import Approvals, NotPermitted, Override, Permission, StaffMember, authorise
from pos.storeconfig import StoreConfig

log = logging.getLogger("pos.checkout")

STATE_VERSION = 1


class CheckoutError(DomainError):
    """A checkout step that cannot be done now; the message says what to do instead."""


@dataclass(frozen=True)
class MemberOnSale:
    """The member on the sale. ``points``: the last balance the backend gave plus this till's unsynced
    changes; ``provisional`` when those changes are not in it yet or it came from the cache."""

    member_no: int
    name: str = ""
    tier: str = ""
    points: int | None = None
    provisional: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "member_no": self.member_no,
            "name": self.name,
            "tier": self.tier,
            "points": self.points,
            "provisional": self.provisional,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> MemberOnSale:
        return cls(
            int(d["member_no"]),
            str(d.get("name", "")),
            str(d.get("tier", "")),
            d.get("points"),
            bool(d.get("provisional", False)),
        )


@dataclass(frozen=True)
class CashQuote:
    """What the customer must hand over in cash for `due`, after the store's cash rounding."""

    due: int
    rounded: int
    rounding: int  # rounded - due


def quick_amounts(due: int, currency: str) -> list[int]:
    """What a customer is likely to hand over for `due` in cash: the exact amount, then the next round
    amounts above it (the next 5, 10, 20, 50, 100, 500, 1000 units), at most four in all."""
    from pos.money import exponent

    unit = 10 ** exponent(currency)
    steps = [5 * unit, 10 * unit, 20 * unit, 50 * unit, 100 * unit, 500 * unit, 1000 * unit]
    ups = sorted({-(-due // step) * step for step in steps} - {due})
    return [due, *[a for a in ups if a > due][:3]]


def _tender_to_dict(t: Tender) -> dict[str, Any]:
    return {
        "kind": t.kind,
        "amount": t.amount,
        "change_given": t.change_given,
        "reference": t.reference,
        "rounding": t.rounding,
    }


class Checkout:
    def __init__(
        self,
        config: StoreConfig,
        catalog: Catalog,
        journal: Journal,
        *,
        till_id: str,
        clock: Clock,
        ids: Ids,
        staff_id: str = "",
        approvals: Approvals | None = None,
    ) -> None:
        self.config = config
        # the only source of manager approvals (an Override it issued); without it, nothing beyond a
        # person's role is possible at all
        self.approvals = approvals
        self.catalog = catalog
        self.journal = journal
        self.till_id = till_id
        self.clock = clock
        self.ids = ids
        self.staff_id = staff_id
        self.cart = Cart(config, ids=ids.new_uuid)
        self.member: MemberOnSale | None = None
        self.tenders: list[Tender] = []
        self.sale_uuid = ids.new_uuid()
        self.listeners: list[Callable[[], None]] = []
        self.recovered_sale: SaleDocument | None = None  # see restore()
        self.programme: Programme = DEFAULT_PROGRAMME
        self.promotions: tuple[Offer, ...] = ()  # the store's promotions in force (set by the shop)
        self.member_offers: tuple[Offer, ...] = ()  # the attached member's coupons
        self.removed_offers: set[str] = set()  # offers the cashier took off this sale
        self.claimed_coupons: set[str] = set()  # coupons the backend's ledger gave to this sale

    # ------------------------------------------------------------------ persistence
    def state(self) -> dict[str, Any]:
        return {
            "v": STATE_VERSION,
            "sale_uuid": self.sale_uuid,
            "cart": self.cart.to_dict(),
            "member": None if self.member is None else self.member.to_dict(),
            "tenders": [_tender_to_dict(t) for t in self.tenders],
            "staff_id": self.staff_id,
            "member_offers": [o.to_dict() for o in self.member_offers],
            "removed_offers": sorted(self.removed_offers),
            "claimed_coupons": sorted(self.claimed_coupons),
        }

    def _load_state(self, state: Mapping[str, Any]) -> None:
        if state.get("v") != STATE_VERSION:
            raise CheckoutError(N_("The saved sale was written by another version and cannot be restored."))
        self.cart = Cart.from_dict(state["cart"], self.config, ids=self.ids.new_uuid)
        self.member = MemberOnSale.from_dict(state["member"]) if state.get("member") else None
        self.tenders = [Tender(**t) for t in state.get("tenders", ())]
        self.sale_uuid = str(state["sale_uuid"])
        self.staff_id = str(state.get("staff_id") or "")  # whose sale it is (it goes back to them)
        self.member_offers = tuple(Offer.from_dict(o) for o in state.get("member_offers", ()))
        self.removed_offers = set(state.get("removed_offers", ()))
        self.claimed_coupons = set(state.get("claimed_coupons", ()))

    def _changed(self) -> None:
        if self.cart.is_empty and not self.tenders and self.member is None:
            self.journal.clear_open_cart()
        else:
            self.journal.save_open_cart(self.state())
        for listener in self.listeners:
            listener()

    def restore(self) -> bool:
        """Bring back the sale that was open when the till stopped (crash, power cut, restart).

        A sale the journal has already recorded is never brought back as open, nor left open on screen:
        taking its payment again would charge the customer twice (field report A2). That happens when
        the card reconciler completes, at start-up, the sale this method had just brought back, and
        whenever a saved open sale outlived its commit. Such a sale ends up in ``recovered_sale`` (for the
        screen to say so and to reprint its receipt) and a new sale starts. Returns True only when an
        unfinished sale is back on the till."""
        self.recovered_sale = None
        saved = self.journal.load_open_cart()
        sale_uuid = str(saved.get("sale_uuid", "")) if saved else self.sale_uuid
        recorded = self.journal.get_sale(sale_uuid) if sale_uuid else None
        if recorded is not None:
            log.warning("sale %s (%s) was recorded before the stop", sale_uuid, recorded.receipt_no)
            self.recovered_sale = recorded
            self._reset()  # which also clears the saved open sale
            return False
        if not saved:
            return False
        self._load_state(saved)
        log.info("restored open sale %s with %d lines", self.sale_uuid, self.cart.line_count)
        return True

    # ------------------------------------------------------------------ items
    def _money(self, minor: int) -> Money:
        return Money(minor, self.config.currency)

    def add_product(self, product: Product, quantity: int = 1, *, unit_price: int | None = None) -> str:
        """Add a catalog product; returns the line id. `unit_price` for price-embedded barcodes."""
        self._no_tenders_taken()
        self._check_active(product)
        price = product.price if unit_price is None else unit_price
        line = self.cart.add_line(
            product.sku,
            product.name,
            self._money(price),
            product.tax_code,
            quantity,
            merge=unit_price is None,
        )
        self._changed()
        return line.line_id

    def add_scanned(self, scan: ItemScan) -> str:
        """Add what a scan named (`pos.scan.read_item`): at its label's price, by its label's weight (the
        line keeps the weight and the price per kilogram or pound), else at the catalog's price, times a
        count label's pieces. A label-priced or weighed line is never merged with another."""
        measure = scanned_measure(scan)
        if measure is not None:
            return self.add_measured(scan.product, measure)
        return self.add_product(scan.product, scan.quantity, unit_price=scan.unit_price)

    def add_measured(self, product: Product, measure: Measure) -> str:
        """Add a weighed (or measured) product: one line of `measure.amount()`, keeping the measure."""
        self._no_tenders_taken()
        self._check_active(product)
        line = self.cart.add_measured(product.sku, product.name, measure, product.tax_code)
        self._changed()
        return line.line_id

    def add_fulfilled(self, product: Product, quantity: int, fulfilment: Fulfilment) -> str:
        """Add an item of an order the backend placed (delivered, or collected here later) or of a
        reservation collected here, at the catalog's price: a line of its own."""
        self._no_tenders_taken()
        self._check_active(product)
        line = self.cart.add_fulfilled(
            product.sku, product.name, self._money(product.price), product.tax_code, quantity, fulfilment
        )
        self._changed()
        return line.line_id

    @staticmethod
    def _check_active(product: Product) -> None:
        if not product.active:
            raise CheckoutError(
                N_("{name} is no longer sold (archived). Put it aside and call a manager."), name=product.name
            )

    def add_sku(self, sku: str, quantity: int = 1) -> str:
        product = self.catalog.get(sku)
        if product is None:
            raise CheckoutError(N_("No product with SKU {sku} in the catalog."), sku=sku)
        return self.add_product(product, quantity)

    def set_quantity(self, line_id: str, quantity: int) -> None:
        self._no_tenders_taken()
        self.cart.set_quantity(line_id, quantity)
        self._changed()

    # ------------------------------------------------------------------ permissions
    def _permit(
        self,
        actor: StaffMember,
        permission: Permission,
        override: Override | None,
        percent: Fraction | None = None,
    ) -> str | None:
        """Who approved it (None: the actor's role allows it), or NotPermitted. The domain asks as the
        services do, so nothing that calls it directly gets past a person's role."""
        if self.approvals is not None:
            return self.approvals.permit(actor, permission, amount_percent=percent, override=override)
        if authorise(actor, permission, amount_percent=percent).allowed:
            return None
        raise NotPermitted(N_("This needs a manager's approval, and this till takes none."))

    def discount_percent(self, discount: Discount, line_id: str | None = None) -> Fraction:
        """A discount as a percentage of what it applies to (a line, or the whole sale), 0 to 100."""
        if discount.percent is not None:
            pct = Fraction(discount.percent)
        else:
            base = self.cart.line(line_id).subtotal.minor if line_id else self.cart.totals.subtotal.minor
            pct = Fraction(discount.amount.minor * 100, max(base, 1))
        return min(max(pct, Fraction(0)), Fraction(100))

    def remove_line(self, line_id: str, *, actor: StaffMember, override: Override | None = None) -> None:
        self._no_tenders_taken()
        approved_by = self._permit(actor, Permission.REMOVE_LINE, override)
        line = self.cart.remove_line(line_id)
        self.journal.audit(
            "line.removed",
            actor.id,
            {
                "sale_uuid": self.sale_uuid,
                "sku": line.sku,
                "quantity": line.quantity,
                "unit_price": line.unit_price.minor,
                "approved_by": approved_by,
            },
        )
        self._changed()

    def discount_line(
        self, line_id: str, discount: Discount | None, *, actor: StaffMember, override: Override | None = None
    ) -> None:
        self._no_tenders_taken()
        self.cart.line(line_id)  # an unknown line is refused before any approval is used
        percent = Fraction(0) if discount is None else self.discount_percent(discount, line_id)
        approved_by = self._permit(actor, Permission.DISCOUNT, override, percent)
        self.cart.set_line_discount(line_id, discount)
        self.journal.audit(
            "discount.line",
            actor.id,
            {
                "sale_uuid": self.sale_uuid,
                "line_id": line_id,
                "discount": None if discount is None else discount.to_dict(),
                "approved_by": approved_by,
            },
        )
        self._changed()

    def discount_order(
        self, discount: Discount | None, *, actor: StaffMember, override: Override | None = None
    ) -> None:
        self._no_tenders_taken()
        percent = Fraction(0) if discount is None else self.discount_percent(discount)
        approved_by = self._permit(actor, Permission.DISCOUNT, override, percent)
        self.cart.set_order_discount(discount)
        self.journal.audit(
            "discount.order",
            actor.id,
            {
                "sale_uuid": self.sale_uuid,
                "discount": None if discount is None else discount.to_dict(),
                "approved_by": approved_by,
            },
        )
        self._changed()

    def override_price(
        self,
        line_id: str,
        unit_price: int,
        reason: str,
        *,
        actor: StaffMember,
        override: Override | None = None,
    ) -> None:
        self._no_tenders_taken()
        before = self.cart.line(line_id).unit_price.minor
        approved_by = self._permit(actor, Permission.PRICE_OVERRIDE, override)
        self.cart.override_price(line_id, self._money(unit_price), reason)
        self.journal.audit(
            "price.override",
            actor.id,
            {
                "sale_uuid": self.sale_uuid,
                "line_id": line_id,
                "from": before,
                "to": unit_price,
                "reason": reason,
                "approved_by": approved_by,
            },
        )
        self._changed()

    def attach_member(self, member: MemberOnSale | None, coupons: tuple[Offer, ...] | None = None) -> None:
        """Put ``member`` on the sale (None takes the member off). ``coupons``: the member's coupons, which
        apply automatically; None keeps those of the same member (a refresh of their details)."""
        same = member is not None and self.member is not None and member.member_no == self.member.member_no
        self.member = member
        if member is None or not same:
            self.member_offers = ()
            self.removed_offers.clear()
        if coupons is not None and member is not None:
            self.member_offers = tuple(coupons)
        self._sync_offers()
        self._changed()

    # ------------------------------------------------------------------ coupons and promotions
    def set_promotions(self, promotions: tuple[Offer, ...]) -> None:
        """The store's promotions (a sale already partly paid keeps what it had)."""
        self.promotions = tuple(promotions)
        if not self.tenders:
            self._sync_offers()
            self._changed()

    def candidate_offers(self) -> list[Offer]:
        """Every offer this sale could have now: the store's promotions in force (members-only ones with a
        member on the sale) and the member's coupons in force, whether or not the cashier took them off."""
        now = self.clock.now()
        promos = [
            p for p in self.promotions if (self.member is not None or not p.members_only) and p.in_force(now)
        ]
        return [*promos, *(c for c in self.member_offers if c.in_force(now))]

    def _sync_offers(self) -> None:
        if self.tenders:
            return  # the amounts already paid were for these offers
        self.cart.set_offers(o for o in self.candidate_offers() if o.code not in self.removed_offers)

    def remove_offer(self, code: str, *, actor: str) -> None:
        """Take a coupon or promotion off this sale (the customer keeps a coupon for another time)."""
        self._no_tenders_taken()
        if code not in {o.code for o in self.candidate_offers()}:
            raise CheckoutError(N_("That coupon or promotion is not on this sale."))
        self.removed_offers.add(code)
        self.claimed_coupons.discard(code)
        self._sync_offers()
        self.journal.audit("offer.removed", actor, {"sale_uuid": self.sale_uuid, "code": code})
        self._changed()

    def restore_offer(self, code: str, *, actor: str) -> None:
        """Put back an offer taken off this sale."""
        self._no_tenders_taken()
        if code not in self.removed_offers:
            raise CheckoutError(N_("That coupon or promotion was not taken off this sale."))
        self.removed_offers.discard(code)
        self._sync_offers()
        self.journal.audit("offer.restored", actor, {"sale_uuid": self.sale_uuid, "code": code})
        self._changed()

    def coupons_to_claim(self) -> list[tuple[str, int]]:
        """The coupons that take something off this sale and that the backend has not given to it yet:
        (code, amount off)."""
        return [
            (a.offer.code, a.amount)
            for a in self.cart.totals.offers
            if a.offer.kind == "coupon" and a.offer.code not in self.claimed_coupons
        ]

    def coupon_claimed(self, code: str) -> None:
        self.claimed_coupons.add(code)
        self._changed()

    def drop_offer(self, code: str) -> None:
        """An offer the sale may not have (a coupon used elsewhere): off the sale, without an audit entry
        of a person's decision."""
        self.removed_offers.add(code)
        self.claimed_coupons.discard(code)
        self._sync_offers()
        self._changed()

    def _no_tenders_taken(self) -> None:
        if self.tenders:
            raise CheckoutError(
                N_(
                    "Part of this sale is already paid. Finish the payment, or void the sale "
                    "(the card part is refunded) to change it."
                )
            )

    # ------------------------------------------------------------------ paying
    @property
    def total(self) -> int:
        return self.cart.totals.total.minor

    @property
    def paid(self) -> int:
        return sum(t.amount for t in self.tenders)

    @property
    def due(self) -> int:
        return self.total - self.paid

    def cash_quote(self, due: int | None = None) -> CashQuote:
        due = self.due if due is None else due
        rule = self.config.cash_rounding
        if rule is CashRounding.NONE:
            return CashQuote(due, due, 0)
        r = round_cash(self._money(due), rule)
        return CashQuote(due, r.rounded.minor, r.difference.minor)

    def cash_tender(self, tendered: int) -> Tender:
        """The cash tender that settles what is due, given the notes and coins handed over."""
        if self.cart.is_empty:
            raise CheckoutError(N_("The sale is empty."))
        quote = self.cash_quote()
        if tendered < quote.rounded:
            short = self._money(quote.rounded - tendered).format(self.config.locale)
            raise CheckoutError(N_("That is {short} short of the amount due in cash."), short=short)
        return Tender("cash", quote.due, change_given=tendered - quote.rounded, rounding=quote.rounding)

    def points_tender(self, points: int) -> Tender:
        """The tender that ``points`` of the member's pay (whole steps of the programme)."""
        if self.member is None:
            raise CheckoutError(N_("Attach the member first: points pay only for their own sale."))
        value = self.programme.value_of(points, self.config.currency)
        if value <= 0 or self.programme.points_for(value, self.config.currency) != points:
            step = self.programme.redeem_points
            raise CheckoutError(
                N_("Points pay in steps of {step}: {points} is not a whole number of steps."),
                step=step,
                points=points,
            )
        if value > self.due:
            raise CheckoutError(N_("That is more points than the sale still needs."))
        return Tender("points", value)

    def add_tender(self, tender: Tender) -> None:
        """Record a part payment that did not settle the sale (the card part of a split)."""
        if tender.amount <= 0 or tender.amount >= self.due:
            raise CheckoutError(N_("A part payment must be more than zero and less than what is due."))
        self.tenders.append(tender)
        self._changed()

    def build_sale(self, final: Tender | None = None, *, receipt_no: str = "") -> SaleDocument:
        """The finished sale as a frozen document (pure; commit it, then call `finished`)."""
        if self.cart.is_empty:
            raise CheckoutError(N_("The sale is empty."))
        tenders = [*self.tenders, *([final] if final is not None else [])]
        if sum(t.amount for t in tenders) != self.total:
            raise CheckoutError(N_("The payments do not cover the total yet."))
        now = self.clock.now()
        return sale_document(
            self.cart,
            sale_uuid=self.sale_uuid,
            receipt_no=receipt_no,
            till_id=self.till_id,
            staff_id=self.staff_id,
            member_no=None if self.member is None else self.member.member_no,
            created_at=now.isoformat(),
            tenders=tuple(tenders),
            loyalty=self._loyalty(tenders, now),
        )

    def _loyalty(self, tenders: list[Tender], now: Any) -> SaleLoyalty | None:
        """The member's points on the sale: earned as the programme says (for the receipt; the backend
        credits its own figure), redeemed as the points tender paid."""
        if self.member is None:
            return None
        currency = self.config.currency
        points_paid = sum(t.amount for t in tenders if t.kind == "points")
        lines = []
        for lt in self.cart.totals.lines:
            product = self.catalog.get(lt.sku)
            lines.append(EarnLine(lt.sku, product.category if product is not None else "", lt.paid.minor))
        tier = (self.member.tier or "basic").lower()
        earning = self.programme.earn_for_sale(
            lines, points_paid=points_paid, tier=tier, currency=currency, when=now
        )
        redeemed = self.programme.points_for(points_paid, currency)
        return SaleLoyalty(self.programme.programme_id, tier, earning.points, redeemed)

    def finished(self, doc: SaleDocument) -> None:
        """The journal committed `doc`: start a fresh sale."""
        if doc.sale_uuid != self.sale_uuid:
            raise CheckoutError(N_("A different sale was committed than the one on screen."))
        self._reset()

    def void(
        self,
        *,
        actor: StaffMember,
        override: Override | None = None,
        reason: str = "",
        refunds: tuple[str, ...] = (),
    ) -> None:
        """Abandon the open sale (a manager, or with a manager's approval: `override`, issued by the
        till's Approvals after the manager's PIN). Part payments already taken must have been refunded
        first: `refunds` names the refund of each (e.g. Stripe refund ids), in the order of `tenders`."""
        if len(refunds) != len(self.tenders):
            raise CheckoutError(
                N_("Refund the part already paid first; a partly paid sale cannot just be voided.")
            )
        approved_by = self._permit(actor, Permission.VOID_SALE, override)
        self.journal.audit(
            "sale.void",
            actor.id,
            {
                "sale_uuid": self.sale_uuid,
                "total": self.total,
                "lines": self.cart.line_count,
                "approved_by": approved_by,
                "reason": reason,
                "refunded": [
                    {"kind": t.kind, "amount": t.amount, "reference": t.reference, "refund": r}
                    for t, r in zip(self.tenders, refunds, strict=True)
                ],
            },
        )
        self._reset()

    def _reset(self) -> None:
        self.cart = Cart(self.config, ids=self.ids.new_uuid)
        self.member = None
        self.member_offers = ()
        self.removed_offers = set()
        self.claimed_coupons = set()
        self.tenders = []
        self.sale_uuid = self.ids.new_uuid()
        self._changed()

    # ------------------------------------------------------------------ suspend / resume
    def suspend(self) -> dict[str, Any]:
        """Take the open sale off the till (returned state to be parked by the caller)."""
        if self.cart.is_empty:
            raise CheckoutError(N_("There is nothing to suspend."))
        self._no_tenders_taken()
        state = self.state()
        self._reset()
        return state

    def resume(self, state: Mapping[str, Any]) -> None:
        if not self.cart.is_empty or self.tenders:
            raise CheckoutError(N_("Finish or suspend the current sale before resuming another."))
        self._load_state(state)
        self._changed()


def _sale_offers(cart: Cart) -> tuple[SaleOffer, ...]:
    return tuple(
        SaleOffer(a.offer.kind, a.offer.code, a.offer.name, a.amount, tuple((i + 1, x) for i, x in a.lines))
        for a in cart.totals.offers
    )


def sale_document(
    cart: Cart,
    *,
    sale_uuid: str,
    receipt_no: str,
    till_id: str,
    staff_id: str,
    member_no: int | None,
    created_at: str,
    tenders: tuple[Tender, ...],
    loyalty: SaleLoyalty | None = None,
) -> SaleDocument:
    t = cart.totals
    lines = tuple(
        SaleLine(
            line_no=i + 1,
            sku=lt.sku,
            description=lt.description,
            quantity=lt.quantity,
            unit_price=lt.unit_price.minor,
            discount=(lt.line_discount + lt.order_discount).minor,
            tax_code=lt.tax_code,
            tax_amount=lt.tax.minor,
            paid_amount=lt.paid.minor,
            measure=lt.measure,
            fulfilment=lt.fulfilment,
        )
        for i, lt in enumerate(t.lines)
    )
    tax_lines = tuple(TaxLine(r.rate.code, r.rate.text, r.net.minor, r.tax.minor) for r in t.rates)
    doc = SaleDocument(
        sale_uuid=sale_uuid,
        receipt_no=receipt_no,
        till_id=till_id,
        staff_id=staff_id,
        member_no=member_no,
        currency=t.currency,
        created_at=created_at,
        subtotal=t.subtotal.minor,
        discount_total=t.discount.minor,
        tax_total=t.tax.minor,
        total=t.total.minor,
        lines=lines,
        tax_lines=tax_lines,
        tenders=tenders,
        offers=_sale_offers(cart),
        loyalty=loyalty,
    )
    doc.check()
    return doc


def scanned_measure(scan: ItemScan) -> Measure | None:
    """The weight a scanned label gives (all its decimals, in its unit), priced at the catalog's price per
    the unit the store sells by; None when the label gives a price to pay (that price is the line's) or
    no weight. The one place that reads a scan's weight."""
    if scan.unit_price is not None or scan.weight is None:
        return None
    return Measure(scan.weight.value, scan.weight.unit, scan.product.price, per=scan.sold_by)


__all__ = [
    "CashQuote",
    "Checkout",
    "CheckoutError",
    "MemberOnSale",
    "quick_amounts",
    "sale_document",
    "scanned_measure",
]
