"""`omo-pos drive`: a shift of sales run headless through the same services the window uses.

    omo-pos drive --seed 7 --sales 200            # the demo shop, everything embedded
    omo-pos --data-dir /tmp/t drive --sales 50 --set mode=live --pin 482193 --manager-pin 771203

Each sale scans a few catalog items and, by the seed, changes a quantity, discounts a line or the sale
(a manager approves what the cashier may not do), attaches a member, parks and resumes it, voids it, and
pays by cash, card or both (the driver is also the customer: it taps a test card, or one the bank
declines, with Stripe's test helper, which the simulator serves too). One JSON line per finished operation
on standard output, then a summary line. PySide6 is never imported.

Exit status: 0 when every sale ended as the driver meant it to, 1 when an operation failed (a FAILED
result: the journal or a device), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from typing import Any, TextIO

from app.messages import said
from app.paths import Paths
from app.results import Outcome, Result, failed
from app.settings import Settings

log = logging.getLogger("app.drive")

DECLINED_CARD = "4000000000000002"
GOOD_CARDS = ("4242424242424242", "5555555555554444")
CARD_MINIMUM = 50  # Stripe refuses a smaller charge (amount_too_small): a smaller sale is paid in cash


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=int, default=1, help="random seed of the shift (default 1)")
    p.add_argument("--sales", type=int, default=20, metavar="K", help="sales to ring up (default 20)")
    p.add_argument("--pin", default=None, help="the cashier's PIN (default: the demo cashier, 1111)")
    p.add_argument(
        "--manager-pin", default=None, help="PIN that approves overrides (default: the demo manager, 9999)"
    )
    p.add_argument("--card-share", type=float, default=0.4, help="share of sales paid by card (default 0.4)")
    p.add_argument(
        "--split-share", type=float, default=0.1, help="share of sales split card + cash (default 0.1)"
    )
    p.add_argument(
        "--return-share",
        type=float,
        default=0.0,
        help="share of sales of which one unit comes back right after, refunded to its payment (default 0)",
    )
    p.add_argument(
        "--member-share",
        type=float,
        default=None,
        help="share of sales with a member whose coupons apply and who pays 100 points first "
        "(default 0; the day workload: 0.25)",
    )
    p.add_argument(
        "--members",
        default="",
        metavar="N,N,…",
        help="member numbers the customers use (default: the demo's members)",
    )
    p.add_argument("--quiet", action="store_true", help="print only the summary line")
    p.add_argument(
        "--workload",
        choices=("shift", "day"),
        default="shift",
        help="shift: --sales sales; day: --ops numbered operations (app/workload.py), resumable",
    )
    p.add_argument("--ops", type=int, default=0, metavar="N", help="operations of the day workload")
    p.add_argument(
        "--ack-log", metavar="FILE", help="day workload: fsynced acknowledgements; a restart goes on from it"
    )
    p.add_argument("--rss-every", type=int, default=0, metavar="N", help="print the RSS every N sales")
    p.add_argument("--camera", action="store_true", help="run the camera and its QR decoding meanwhile")
    p.add_argument(
        "--drain",
        action="store_true",
        help="no sales: settle card payments, reconcile with the backend, wait until the queue is empty",
    )
    p.add_argument("--wait", type=float, default=120.0, help="seconds --drain (or a first catalog) may take")


class Customer:
    """Taps a card on the reader when it waits for one (Stripe's test helper)."""

    def __init__(self, terminal: Any, demo: Any = None) -> None:
        self.terminal = terminal
        self.card = GOOD_CARDS[0]
        # relayed, the till has no Stripe key for the test helper: the demo's simulator is the card
        relayed = demo is not None and not hasattr(terminal, "present_test_card")
        self._present = (lambda c: demo.stripe.tap(c, demo.reader_id)) if relayed else None

    def on_status(self, status: str) -> None:
        if status == "waiting" and self.terminal.available:
            card = self.card
            threading.Thread(target=self._tap, args=(card,), daemon=True, name="omo-drive-customer").start()

    def _tap(self, card: str) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                (self._present or self.terminal.present_test_card)(card)
                return
            except Exception:  # the reader may not show the payment yet
                time.sleep(0.05)


class Shift:
    def __init__(self, shop: Any, args: argparse.Namespace, out: TextIO) -> None:
        from app.sell import SellService

        self.shop = shop
        self.args = args
        self.out = out
        self.rng = random.Random(args.seed)
        self.sell = SellService(shop)
        self.customer = Customer(shop.terminal, shop.demo)
        self.counts: Counter[str] = Counter()
        self.failures: list[dict[str, Any]] = []
        self.manager_pin = args.manager_pin or ("9999" if shop.settings["mode"] == "demo" else None)
        self._codes = self._product_codes()
        given = [int(x) for x in str(getattr(args, "members", "") or "").split(",") if x.strip()]
        self._members = given or [m.member_no for m in getattr(shop.demo, "member_list", [])][:50]

    def _product_codes(self) -> list[str]:
        codes: list[str] = []
        for word in ("a", "e", "o", "i", "u", "s", "t", "r", "n", "l"):
            for p in self.shop.catalog.search(word, 20):
                if p.barcodes:
                    codes.append(p.barcodes[0])
        return sorted(set(codes))

    # ------------------------------------------------------------------ reporting
    def report(self, sale: int, op: str, result: Result, **extra: Any) -> Result:
        self.counts[f"{op}:{result.outcome.value}"] += 1
        line = {
            "sale": sale,
            "op": op,
            "outcome": result.outcome.value,
            "message": str(result.message),
            **extra,
        }
        if result.outcome is Outcome.FAILED:
            self.failures.append(line)
        if not self.args.quiet:
            self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
            self.out.flush()
        return result

    def approve(self, sale: int, op: str, result: Result) -> Result:
        """A manager types their PIN for what the cashier may not do."""
        self.report(sale, op, result)
        if result.outcome is not Outcome.NEEDS_APPROVAL or self.manager_pin is None:
            return result
        approval = self.shop.approvals.approve(result.request, self.manager_pin, reason="driver")
        if not approval.approved:
            # the driver was given the manager's PIN: a refusal means the run cannot do its work (a PIN
            # the till no longer accepts, a lockout), a failure, not a cashier's ordinary "no"
            return self.report(sale, f"{op}.approval", failed(said(approval.message)))
        return self.report(sale, f"{op}.approved", result.retry(approval.override))

    # ------------------------------------------------------------------ one sale
    def ring_up(self, n: int) -> str:
        rng, sell = self.rng, self.sell
        for _ in range(rng.randint(1, 6)):
            self.report(n, "scan", sell.scan(rng.choice(self._codes)))
        lines = sell.view().lines
        if not lines:
            return "empty"
        if rng.random() < 0.15:
            self.report(n, "quantity", sell.set_quantity(rng.choice(lines).line_id, rng.randint(2, 4)))
        if rng.random() < 0.1:
            self.report(n, "discount_line", sell.discount_line(rng.choice(lines).line_id, "5%"))
        if rng.random() < 0.05:
            self.approve(n, "discount_order", sell.discount_order("20%"))
        if self._members and rng.random() < 0.2:
            self.report(n, "member", sell.attach_member_typed(str(rng.choice(self._members))))
        # a member's sale (coupons, points); no draw when off, so a seed plans the day it planned before
        if self.args.member_share and self._members and rng.random() < self.args.member_share:
            self.report(n, "member", sell.attach_member_typed(str(rng.choice(self._members))))
            self.report(n, "member.refresh", sell.refresh_member())
            if sell.view().due > 100:
                self.report(n, "points", sell.pay_points(100))
        if rng.random() < 0.05:
            self.report(n, "suspend", sell.suspend())
            parked = sell.parked()
            if parked:
                self.report(n, "resume", sell.resume(parked[-1].suspended_id))
        if rng.random() < 0.04:
            result = self.approve(n, "void", sell.void())
            if result.ok:
                return "voided"
        return self.tender(n)

    def tender(self, n: int) -> str:
        rng, sell = self.rng, self.sell
        roll = rng.random()
        card_ok = self.shop.payments.available
        due = sell.view().due
        if card_ok and roll < self.args.split_share and due >= 2 * CARD_MINIMUM:
            self.customer.card = rng.choice(GOOD_CARDS)
            part = rng.randint(CARD_MINIMUM, due - CARD_MINIMUM)
            r = self.report(n, "card_part", sell.pay_card(part, on_status=self.customer.on_status))
            if not r.ok:
                return self.cash(n)
            return self.cash(n)
        if card_ok and roll < self.args.split_share + self.args.card_share and due >= CARD_MINIMUM:
            declined = rng.random() < 0.1
            self.customer.card = DECLINED_CARD if declined else rng.choice(GOOD_CARDS)
            r = self.report(n, "card", sell.pay_card(on_status=self.customer.on_status))
            if r.ok:
                return "card"
            return self.cash(n)  # declined (or the reader failed): the customer pays cash
        return self.cash(n)

    def cash(self, n: int) -> str:
        quote, quick = self.sell.cash_quote()
        r = self.report(n, "cash", self.sell.pay_cash(self.rng.choice(quick)), due=quote.rounded)
        if r.outcome is Outcome.REFUSED:  # e.g. a coupon used elsewhere came off: the new total, once more
            quote, quick = self.sell.cash_quote()
            r = self.report(n, "cash", self.sell.pay_cash(self.rng.choice(quick)), due=quote.rounded)
        return "cash" if r.ok else "unpaid"

    def print_rss(self, sales: int) -> None:
        import psutil

        rss = psutil.Process().memory_info().rss / 2**20
        self.out.write(json.dumps({"rss_mb": round(rss, 1), "sales": sales}) + "\n")
        self.out.flush()

    def take_back(self, n: int) -> None:
        """One unit of the sale just made comes back, refunded to how it was paid (the cashier asks a
        manager: refunds are beyond a cashier's role)."""
        returns = self.shop.returns
        sale = self.shop.records.last_sale()
        returns.begin_shift(self.sell.staff)
        if not self.report(n, "return.find", returns.find(sale.receipt_no)).ok:
            return
        line = self.rng.choice(sale.lines)
        self.report(n, "return.pick", returns.pick(line.line_no, 1, reason="Changed mind"))
        self.customer.card = GOOD_CARDS[0]
        self.approve(n, "return", returns.refund("original"))

    def run(self) -> dict[str, Any]:
        started = time.perf_counter()
        ends: Counter[str] = Counter()
        for n in range(1, self.args.sales + 1):
            end = self.ring_up(n)
            ends[end] += 1
            if (
                self.args.return_share
                and end in ("cash", "card")
                and self.rng.random() < self.args.return_share
            ):
                self.take_back(n)
            if self.args.rss_every and n % self.args.rss_every == 0:
                self.print_rss(n)
        seconds = time.perf_counter() - started
        return {
            "summary": True,
            "seed": self.args.seed,
            "sales": self.args.sales,
            "ended": dict(ends),
            "operations": dict(sorted(self.counts.items())),
            "failures": len(self.failures),
            "seconds": round(seconds, 3),
            "sales_per_s": round(self.args.sales / seconds, 2) if seconds else None,
        }


def run(args: argparse.Namespace, paths: Paths, settings: Settings, *, out: TextIO | None = None) -> int:
    from app.shop import open_shop

    out = out or sys.stdout  # the stream of the moment (a test may have replaced it since import)
    shares = (args.card_share, args.split_share, args.return_share)
    if args.sales < 0 or not all(0 <= x <= 1 for x in shares):
        print("omo-pos drive: --sales must be >= 0 and the shares between 0 and 1", file=sys.stderr)
        return 2
    if args.workload == "day" and not (args.ops > 1 and args.ack_log) and not args.drain:
        print("omo-pos drive: the day workload needs --ops (2 or more) and --ack-log", file=sys.stderr)
        return 2
    if settings["mode"] == "demo":
        settings = settings.with_overrides(["demo.auto_tap_s=0"])  # the driver is the customer
    shop = open_shop(paths, settings)
    camera = None
    try:
        if args.drain:
            return drain(shop, args, out)
        pin = args.pin or ("1111" if settings["mode"] == "demo" else None)
        if pin is None:
            print("omo-pos drive: a live shop needs --pin (a cashier's PIN)", file=sys.stderr)
            return 2
        login = shop.authenticator.login(pin)
        if not login.ok:
            print(f"omo-pos drive: cannot log in: {login.message}", file=sys.stderr)
            return 2
        _wait_for_catalog(shop, args.wait)
        if args.camera:
            camera = _start_camera(shop, settings)
        if args.workload == "day":
            return _run_day(shop, args, out, login)
        shift = Shift(shop, args, out)
        if not shift._codes:
            print("omo-pos drive: the catalog is empty", file=sys.stderr)
            return 2
        shift.report(0, "login", shift.sell.begin_shift(login.member), staff=login.member.name)
        if shop.till.session_id is None and settings["mode"] != "demo":  # the demo opens at the first sale
            from pos.till import CashCount

            shop.till.begin_shift(login.member)
            shift.approve(0, "till.open", shop.till.open(CashCount(shop.config.currency)))
        if shop.payments.available:
            shop.payments.reconcile(shop.recover_card_sale)
        summary = shift.run()
        shift.sell.end_shift()
        out.write(json.dumps(summary) + "\n")
        out.flush()
        return 1 if shift.failures else 0
    finally:
        if camera is not None:
            camera.stop()
        shop.close()


def _run_day(shop: Any, args: argparse.Namespace, out: TextIO, login: Any) -> int:
    from app.workload import AckLog, Day

    first = AckLog.next_op(AckLog.read(args.ack_log))
    acks = AckLog(args.ack_log)
    try:
        day = Day(shop, args, out, acks)
        if not day._codes:
            print("omo-pos drive: the catalog is empty", file=sys.stderr)
            return 2
        shop.checkout.restore()  # the sale that was open when the till stopped, before the cashier is in
        day.report(0, "login", day.sell.begin_shift(login.member), staff=login.member.name)
        shop.till.begin_shift(login.member)
        started = time.perf_counter()
        summary = day.run_ops(first)
        day.sell.end_shift()
        seconds = time.perf_counter() - started
        summary.update(summary=True, seed=args.seed, failures=len(day.failures), seconds=round(seconds, 3))
        out.write(json.dumps(summary) + "\n")
        out.flush()
        return 1 if day.failures else 0
    finally:
        acks.close()


def drain(shop: Any, args: argparse.Namespace, out: TextIO) -> int:
    """Settle every card attempt, reconcile with the backend until it holds what the till sent, and wait
    for the queue to empty (at most --wait seconds). Exit 0 when all of it is done."""
    settled = shop.payments.reconcile(shop.recover_card_sale) if shop.payments.available else []
    engine = shop.sync_engine
    deadline = time.monotonic() + args.wait
    matched, result = False, None
    while engine is not None and time.monotonic() < deadline:
        depth = shop.records.queue_status()[0]
        if depth:
            engine.wake()
            time.sleep(0.2)
            continue
        try:
            result = engine.reconcile()
        except Exception as exc:  # the backend cannot be asked right now: try again
            log.info("drain: reconciliation failed (%s); again", exc)
            time.sleep(0.5)
            continue
        if result.matched:
            matched = True
            break
        time.sleep(0.2)
    depth, _, dead = shop.records.queue_status()
    unsettled = len(shop.payments.journal.non_final()) if shop.payments.available else 0
    line = {
        "drain": True,
        "settled": len(settled),
        "unsettled_card_attempts": unsettled,
        "queue_depth": depth,
        "dead_letters": dead,
        "matched": matched,
        "reconciliation": result.as_dict() if result is not None else None,
    }
    out.write(json.dumps(line) + "\n")
    out.flush()
    return 0 if matched and not depth and not unsettled else 1


def _wait_for_catalog(shop: Any, seconds: float) -> None:
    """A live till's first start: the catalog comes from the backend; wait for it (at most `seconds`)."""
    from sync.store import catalog

    if shop.sync_engine is None:
        return
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        conn = shop.store.read_connection()
        try:
            have = catalog.count(conn) and not catalog.search_incomplete(conn)
        finally:
            conn.close()
        if have:
            return
        time.sleep(0.2)


def _start_camera(shop: Any, settings: Settings) -> Any:
    """The camera and its QR decoding on their own threads, as the window's camera dock runs them."""
    from app.devices import camera_source, camera_stages
    from hardware.camera.capture import CameraWorker
    from hardware.camera.pipeline import DecodePipeline

    stages = camera_stages(settings)
    source = shop.demo.camera if shop.demo is not None else camera_source(settings)
    worker = CameraWorker(
        source, (lambda: DecodePipeline.from_specs(stages)) if stages else DecodePipeline.from_specs
    )
    worker.start()
    return worker


Runner = Callable[[argparse.Namespace, Paths, Settings], int]

__all__ = ["add_arguments", "run"]
