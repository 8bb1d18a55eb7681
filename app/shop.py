"""The till's services, put together from the settings: the composition root below the window.

`Shop.open` runs off the GUI thread (it opens the journal, which may run `quick_check` on a large
database, and imports stripe/requests): the login screen is already on screen while it works.
Nothing here imports Qt.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.paths import Paths
from app.settings import Settings, SettingsError
from app.staff import StaffServices
from pos.checkout import Checkout, MemberOnSale
from pos.codes import CodeParser
from pos.documents import Tender
from pos.errors import N_, ConfigError, Sentence
from pos.loyalty import DEFAULT_PROGRAMME
from pos.money import Money
from pos.ports import SystemClock, UuidIds
from pos.staff import Approvals, Authenticator, InMemoryStaffDirectory
from pos.storeconfig import StoreConfig, configure

log = logging.getLogger("app.shop")

# The store's money settings (store.<key>); a preset gives each one a store does not set itself.
_STORE_KEYS = ("currency", "locale", "prices_include_tax", "tax_rounding", "tax_rounding_method")
_STORE_KEYS += ("cash_rounding",)


def store_config(settings: Settings) -> StoreConfig:
    """The store's money rules: the preset (store.tax_preset; auto = store.country's) with every store
    setting given in the file, the environment or --set on top. Refused with the setting's name."""
    preset = settings["store.tax_preset"]
    if preset == "auto":
        preset = settings["store.country"].upper()
    given = {k: settings[f"store.{k}"] for k in _STORE_KEYS}
    if preset != "none":
        given = {k: v for k, v in given.items() if settings.source(f"store.{k}") != "default"}
    try:
        country, rates = settings["store.country"], settings["store.tax_rates"]
        return configure(None if preset == "none" else preset, country, given, rates)
    except ConfigError as e:
        name = f"store.{e.setting or 'tax_preset'}"
        source = settings.source(name)
        if source != "default":
            where = {"flag": "--set", "env": "environment", "file": "settings file"}.get(source, source)
        elif name == "store.tax_preset":
            where = f"store.country {settings['store.country']}"
        else:
            where = "default" if preset == "none" else f"preset {preset}"
        raise SettingsError(  # said in the reader's language (where: the setting's source, as written)
            Sentence(N_("Setting '{name}' ({where}): {reason}"), name=name, where=where, reason=e.reason)
        ) from None


@dataclass
class Shop:
    paths: Paths
    settings: Settings
    config: StoreConfig
    store: Any  # sync.store.core.Store
    journal: Any  # GuiJournal
    records: Any  # sync.store.records.TillRecords
    catalog: Any  # StoreCatalog
    staff: InMemoryStaffDirectory
    authenticator: Authenticator
    approvals: Approvals
    checkout: Checkout
    codes: CodeParser
    printer: Any  # hardware.printer ReceiptPrinter
    payments: Any = None  # pos.payment.CardPayments, or NoCardPayments (`available` False) when off
    terminal: Any = None  # hardware.stripe_terminal.StripeTerminal, or the NullCardReader
    card_error: str = ""  # why card payments are off
    demo: Any = None  # app.demo.DemoWorld in demo mode
    sync_engine: Any = None  # sync.engine.SyncEngine, or None when no backend is configured
    on_recorded: list[Any] = field(default_factory=list)  # fn(SaleDocument) after each sale's commit
    returns: Any = None  # app.returns.ReturnsService
    pickups: Any = None  # app.pickups.PickupService
    credits: Any = None  # app.credit.StoreCredits: store credit as a tender (a voided sale gives it back)
    till: Any = None  # app.till.TillService: the till session (selling needs it open)
    sale_gate: Any = None  # (staff) -> Msg | None: why a sale cannot start now (SellService._check)
    members: Any = None  # app.members.MembersService: find a member, the panel, check-ins, the purge
    _keys_seen: Any = None
    _fmt_cache: dict[int, str] = field(default_factory=dict, repr=False)
    _closed: bool = field(default=False, repr=False)

    # -------------------------------------------------------------- money formatting for the screen
    def fmt(self, minor: int) -> str:
        """Amount for the screen, in the store's locale. Cached: a re-total formats every line's amounts
        on each scan, and Babel's formatting is the slow part of that."""
        text = self._fmt_cache.get(minor)
        if text is None:
            if len(self._fmt_cache) > 50_000:
                self._fmt_cache.clear()
            text = self._fmt_cache[minor] = Money(minor, self.config.currency).format(self.config.locale)
        return text

    def count(self, n: int) -> str:
        """A whole number for the screen (points, items) as the store's locale writes it: 12,000 in
        en_IE, 12.000 in it_IT."""
        from babel.numbers import format_decimal

        return format_decimal(n, locale=self.config.locale)

    def day(self, iso: str) -> str:
        """The day of an ISO 8601 timestamp (an order's, a receipt's), on the store's clock, as the store's
        locale writes a date: 07/12/2026 in it_IT, 2026/12/07 in ja_JP. What is not a timestamp is shown
        as it came."""
        from datetime import datetime

        from app.i18n import strftime_pattern
        from pos.receipt import print_day

        try:
            when = datetime.fromisoformat(iso.strip())
        except (ValueError, AttributeError):
            return str(iso)[:10]
        if when.tzinfo is not None:
            when = when.astimezone()
        return print_day(when.date().isoformat(), strftime_pattern(self.config.locale))

    def parse_amount(self, text: str) -> int | None:
        from pos.errors import DomainError

        try:
            return Money.parse(text.strip(), self.config.currency, locale=self.config.locale).minor
        except (DomainError, ValueError, ArithmeticError):
            try:
                return Money.parse(text.strip(), self.config.currency).minor
            except (DomainError, ValueError, ArithmeticError):
                return None

    def recorded(self, doc: Any) -> None:
        """A sale was committed: the sync engine sends it now (the backend's stock moves within its
        budget, bench/stock.py), and whoever listens hears of it. Never raises."""
        for fn in list(self.on_recorded):
            try:
                fn(doc)
            except Exception:
                log.exception("a listener of recorded sales failed")

    # -------------------------------------------------------------- members
    def refresh_member_keys(self) -> None:
        """Trust the member-token keys (and revocations) the backend last published. Cheap when unchanged."""
        if self.sync_engine is None:
            return
        from pos.codes import parse_keys_document, parse_revocations_document

        keys, revoked = self.sync_engine.member_keys()
        if (keys, revoked) == self._keys_seen:
            return
        self._keys_seen = (keys, revoked)
        try:
            self.codes.set_keys(parse_keys_document({"keys": keys}))
            self.codes.set_revocations(parse_revocations_document({"cards": revoked}))
        except ValueError as e:  # a broken key document never replaces the keys the till has
            log.error("member keys from the backend unusable: %s", e)

    def member_on_sale(self, member_no: int) -> MemberOnSale:
        """Worker thread: the member's name, tier and points from the backend (cached), or just the number
        when the backend cannot be reached (the sale goes on; points are settled by the backend later)."""
        if self.sync_engine is None:
            return MemberOnSale(member_no)
        try:
            p = self.sync_engine.member_profile(member_no)
        except Exception as e:  # offline, unknown member: the number is enough to attach
            log.info("member %s: profile unavailable (%s)", member_no, e)
            return MemberOnSale(member_no)
        unsynced = self.sync_engine.unsynced_points(member_no)
        return MemberOnSale(member_no, p.display_name, p.tier.title(), p.points_balance + unsynced)

    # -------------------------------------------------------------- card recovery
    def recover_card_sale(self, attempt: Any, conn: Any) -> None:
        """Reconciler: a card was authorised but the till stopped before the sale was committed.

        The open sale saved in the journal is the record of what was being paid for: commit it with the
        card tender (or, for the card part of a split, add the tender to it). Anything else cannot be
        completed by guessing: raise, and the reconciler leaves the attempt for the manager.
        """
        from pos.payment import SaleMovedOn

        state = self.records.open_sale_in(conn)
        if not state or state.get("sale_uuid") != attempt.sale_uuid:
            # recorded with other tenders, voided, parked, or another sale is open: the authorisation
            # cannot go on it (the protocol cancels it, never captures it)
            raise SaleMovedOn(f"The sale of card payment {attempt.attempt_id} is not the open sale.")
        co = Checkout(
            self.config,
            self.catalog,
            _NullJournal(),
            till_id=self.store.till_id,
            clock=SystemClock(),
            ids=UuidIds(),
        )
        co._load_state(state)
        card = Tender("card", attempt.amount, reference=attempt.payment_intent_id)
        if any(t.reference == attempt.payment_intent_id for t in co.tenders):
            return  # the split part was already recorded
        if attempt.amount > co.due:
            raise SaleMovedOn(f"Card payment {attempt.attempt_id} is more than this sale still owes.")
        if attempt.amount == co.due:
            self.records.commit_sale_in(conn, co.build_sale(card))
        else:
            co.tenders.append(card)
            self.records.save_open_in(conn, co.state())
        log.warning("recovered card payment %s for sale %s", attempt.attempt_id, attempt.sale_uuid)

    # -------------------------------------------------------------- lifecycle
    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for name, closer in (
            ("sync engine", getattr(self.sync_engine, "stop", None)),
            ("payments terminal", getattr(self.terminal, "close", None)),
            ("printer", getattr(self.printer, "close", None)),
            ("catalog", getattr(self.catalog, "close", None)),
            ("demo", getattr(self.demo, "close", None)),
            ("store", getattr(self.store, "close", None)),
        ):
            if closer is None:
                continue
            try:
                closer()
            except Exception:  # keep closing the rest; the journal must close last
                log.exception("closing %s failed", name)


class _NullJournal:
    """For rebuilding a sale document from saved state inside a transaction (nothing is written)."""

    def save_open_cart(self, _state: Any) -> None: ...
    def clear_open_cart(self) -> None: ...
    def audit(self, *_a: Any, **_k: Any) -> None: ...


class GuiJournal:
    """The journal as the GUI thread uses it: saves of the open sale and audit entries are queued to
    the single writer without waiting (the writer keeps their order; a failure is logged and shown by
    the status bar), reads use read-only connections. Sale commits go through `Shop` on a worker."""

    def __init__(self, store: Any) -> None:
        from sync.store.adapters import StoreJournal

        self._sync = StoreJournal(store)
        self.store = store
        self.till_id = store.till_id
        self.last_error: BaseException | None = None

    def _async(self, fn: Any) -> None:
        fut = self.store.write(fn)
        fut.add_done_callback(self._check)

    def _check(self, fut: Any) -> None:
        exc = fut.exception()
        if exc is not None:
            self.last_error = exc
            log.error("saving to the journal failed: %s", exc)

    def save_open_cart(self, state: dict[str, Any]) -> None:
        from sync.store import cart as cart_store

        self._async(lambda c: cart_store.save_open(c, self.till_id, state))

    def clear_open_cart(self) -> None:
        from sync.store import cart as cart_store

        self._async(lambda c: cart_store.clear_open(c, self.till_id))

    def audit(self, action: str, actor: str | None, details: dict[str, Any] | None = None) -> None:
        from sync.store import audit

        self._async(lambda c: audit.append(c, action, actor, details))

    def load_open_cart(self) -> dict[str, Any] | None:
        return self._sync.load_open_cart()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sync, name)


def open_shop(paths: Paths, settings: Settings, staff: StaffServices | None = None) -> Shop:
    """Open every service of the till. Raises a StoreError or SettingsError with a clear message.

    `staff` are the till's staff services, built once (`StaffServices.build`) before the window shows
    the login screen; they are built here when the caller has none (the headless driver, tests)."""
    import pos.gs1
    from sync.store import catalog as catalog_store
    from sync.store.adapters import StoreCatalog
    from sync.store.core import open_store
    from sync.store.records import TillRecords

    paths.create().make_private()
    config = store_config(settings)
    pos.gs1.load()  # the GS1 reader's tables now, on this worker, not at the cashier's first scan
    store = open_store(paths.data, till_id=settings["till.id"])
    try:
        store.write_sync(lambda c: catalog_store.set_tax_codes(c, {r.code: r.text for r in config.tax_rates}))
        journal = GuiJournal(store)
        catalog = StoreCatalog(store)
        staff = staff or StaffServices.build(paths, settings)
        staff.attach(journal.audit, store)
        checkout = Checkout(
            config,
            catalog,
            journal,
            till_id=settings["till.id"],
            clock=SystemClock(),
            ids=UuidIds(),
            approvals=staff.approvals,
        )
        shop = Shop(
            paths=paths,
            settings=settings,
            config=config,
            store=store,
            journal=journal,
            records=TillRecords(store),
            catalog=catalog,
            staff=staff.directory,
            authenticator=staff.authenticator,
            approvals=staff.approvals,
            checkout=checkout,
            codes=CodeParser(),
            printer=None,
        )
        shop.printer = _make_printer(shop)
        if settings["mode"] == "demo":
            from app.demo import DemoWorld

            shop.demo = DemoWorld.start(shop)
        _make_payments(shop)
        _make_sync(shop)
        from app.till import TillService

        shop.till = TillService(shop)
        shop.sale_gate = shop.till.sale_gate
        from app.members import MembersService

        shop.members = MembersService(shop)
        _make_returns(shop)
        return shop
    except BaseException:
        store.close()
        raise


def _make_returns(shop: Shop) -> None:
    """Returns, pickups and store credit (they ask the backend through the sync engine)."""
    from app.credit import StoreCredits
    from app.pickups import PickupService
    from app.returns import ReturnsService

    shop.returns = ReturnsService(shop)
    shop.pickups = PickupService(shop, shop.returns)
    shop.credits = StoreCredits(shop)


def _make_sync(shop: Shop) -> None:
    """The sync engine on its own thread: pushes the outbox, pulls catalog changes and member keys."""
    url = shop.demo.backend.url if shop.demo else shop.settings["backend.url"]
    if not url:
        return
    from sync.engine import SyncEngine

    shop.sync_engine = SyncEngine(
        shop.store,
        base_url=url,
        till_id=shop.settings["till.id"],
        batch_size=shop.settings["sync.batch_size"],
        read_timeout=shop.settings["backend.timeout_s"],
        member_cache_ttl_s=shop.settings["members.cache_ttl_s"],
        checkin_points=DEFAULT_PROGRAMME.checkin_points,
    )
    shop.sync_engine.start()
    shop.on_recorded.append(lambda _doc: shop.sync_engine.wake())
    if shop.demo:
        shop.demo.engine = shop.sync_engine
    shop.refresh_member_keys()


def _make_printer(shop: Shop) -> Any:
    from hardware.printer.factory import demo_printer, make_printer

    kind = shop.settings["printer.kind"]
    if kind == "file" or shop.settings["mode"] == "demo":
        return demo_printer(shop.paths.data, format_amount=shop.fmt)
    target = shop.settings["printer.target"]
    spec: dict[str, Any] = {"kind": "none"}
    if kind == "escpos-network":
        host, _, port = target.partition(":")
        spec = {"kind": "network", "host": host, "port": int(port or 9100)}
    elif kind == "escpos-usb":
        vid, _, pid = target.partition(":")
        spec = {"kind": "usb", "vendor_id": vid, "product_id": pid}
    elif kind == "escpos-serial":
        spec = {"kind": "serial", "device": target}
    return make_printer(spec, shop.paths.data / "print-queue", format_amount=shop.fmt)


def _make_payments(shop: Shop) -> None:
    """Card payments on the configured reader; off (the null reader, with the reason shown) if anything is
    missing."""
    from hardware.stripe_terminal.null import NullCardReader
    from pos.payment import CardPayments, NoCardPayments, PaymentError
    from sync.payment_journal import SqlitePaymentJournal

    def off(reason: str) -> None:
        shop.card_error = reason
        shop.terminal = NullCardReader(reason)
        shop.payments = NoCardPayments(reason)

    s = shop.settings
    reader = s["stripe.reader_id"] or (shop.demo.reader_id if shop.demo else "")
    if not reader:
        off(Sentence(N_("No card reader is paired with this till. Card payments are off; take cash.")))
        return
    relayed = shop.demo.relayed if shop.demo else s["stripe.mode"] == "relayed"
    if relayed:  # the chain's backend takes card payments; this till holds no Stripe key
        from hardware.stripe_terminal.relay import RelayedTerminal
        from sync.client import keyring_token

        url, token = shop.demo.backend.url if shop.demo else s["backend.url"], keyring_token()
        if not url or not token:
            off(
                Sentence(
                    N_("Card payments are relayed by the backend, but this till is not registered with one.")
                )
            )
            return
        shop.terminal = RelayedTerminal(
            backend_url=url,
            token=token,
            reader_id=reader,
            poll_interval=s["stripe.poll_interval_ms"] / 1000,
            country=s["store.country"],
        )
        shop.payments = CardPayments(
            shop.terminal,
            SqlitePaymentJournal(shop.store),
            authorization_timeout=s["stripe.authorization_timeout_s"],
        )
        # the backend captured a sale (pushed): step 8 in the journal (authorised attempts only: fresh
        # ones are left to the cashier)
        import threading

        shop.terminal.on_news = lambda _m: threading.Thread(
            target=shop.payments.reconcile,
            args=(shop.recover_card_sale,),
            kwargs={"min_age": 120.0},
            daemon=True,
        ).start()
        return
    try:
        from hardware.stripe_terminal.driver import StripeTerminal

        shop.terminal = StripeTerminal(
            reader_id=reader,
            location_id=s["stripe.location_id"] or (shop.demo.location_id if shop.demo else None),
            api_base=shop.demo.stripe_url if shop.demo else s["stripe.api_base"],
            poll_interval=s["stripe.poll_interval_ms"] / 1000,
            country=s["store.country"],
            store_tips=s["stripe.tipping"],
            connect_timeout=s["stripe.connect_timeout_s"],
            read_timeout=s["stripe.read_timeout_s"],
            allow_live_secret_key=s["stripe.allow_live_secret_key"],
            api_key=shop.demo.stripe_key if shop.demo else None,
        )
    except PaymentError as e:
        off(e.message)
        return
    from sync.store.crash import crashpoint  # the crash tests' named points (a no-op unless set)

    wait = s["stripe.authorization_timeout_s"]
    shop.payments = CardPayments(
        shop.terminal, SqlitePaymentJournal(shop.store), authorization_timeout=wait, crashpoint=crashpoint
    )


__all__ = ["GuiJournal", "Shop", "open_shop", "store_config", "Path"]
