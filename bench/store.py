"""Benchmark of the local store (issue 3). Prints each figure next to its budget (docs/architecture.md).

    python -m bench.store [--products 1000000] [--sales 1000] [--json]

Figures: catalog import time; durable commit of a 5-line sale (p50/p99, ``store.write_sync`` as the
till's sale path calls it) next to this disk's own fsync time measured in the same run, as a ratio,
both right after the import and for the first 200 sales after the store is opened again (a new
WAL), and the same commit handed to the writer thread for comparison; the inputs of the X/Z report
of a shift of 5,000 sales (``journal.session_summary``); then, in a fresh process that
only opens the store: open time (incl. quick_check), barcode lookup p50/p99, search-as-you-type p95
for 1-, 2-, 3-letter prefixes and whole words, database size and resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sync import catalog_gen  # noqa: E402
from sync.store import Store, catalog, journal  # noqa: E402
from sync.store.adapters import StoreCatalog  # noqa: E402


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def ms(x: float) -> float:
    return round(x * 1000, 3)


def make_sale(seq: int):
    from pos.documents import SaleDocument, SaleLine, TaxLine, Tender

    lines = tuple(
        SaleLine(i, f"SKU{i:07d}", f"Product {i}", 1, 199 * i, 0, "STANDARD", 199 * i // 6, 199 * i)
        for i in range(1, 6)
    )
    total = sum(ln.paid_amount for ln in lines)
    tax = sum(ln.tax_amount for ln in lines)
    return SaleDocument(
        sale_uuid=f"00000000-0000-4000-8000-{seq:012d}",
        receipt_no="",
        till_id="B01",
        staff_id="S1",
        member_no=None,
        currency="EUR",
        created_at="2026-11-23T10:00:00+00:00",
        subtotal=total,
        discount_total=0,
        tax_total=tax,
        total=total,
        lines=lines,
        tax_lines=(TaxLine("STANDARD", "20", total - tax, tax),),
        tenders=(Tender("card", total, 0, "pi_x"),),
    )


class FsyncProbe:
    """The disk's own durable write: a tiny write + fsync of a small file beside the database."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "fsync-probe.bin"
        self.fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(self.fd, b"\0" * 4096)
        os.fsync(self.fd)
        self.i = 0

    def measure(self) -> float:
        self.i += 1
        t = time.perf_counter()
        os.pwrite(self.fd, b"x" * 100, (self.i % 8) * 100)
        os.fsync(self.fd)
        return time.perf_counter() - t

    def close(self) -> None:
        os.close(self.fd)
        self.path.unlink()


def phase_build(args: argparse.Namespace, workdir: Path) -> dict:
    res: dict = {"products": args.products}
    csv_path = workdir / "catalog.csv"
    t = time.perf_counter()
    catalog_gen.write_csv(csv_path, args.products, seed=args.seed)
    res["generate_csv_s"] = round(time.perf_counter() - t, 2)

    db = workdir / "data" / "pos.sqlite3"
    store = Store.open(db, till_id="B01")
    try:
        store.write_sync(lambda c: catalog.set_tax_codes(c, catalog_gen.TAX_CODES))
        t = time.perf_counter()
        report = store.write_sync(lambda c: catalog.import_file(c, csv_path))
        res["import_s"] = round(time.perf_counter() - t, 2)
        res["import_rejected"] = len(report.rejected)
        csv_path.unlink()

        # durable sale commits, each next to an fsync probe, so both see the same disk weather
        store.on_writer(lambda c: None).result()  # the import's own checkpoint is done
        commits: list[float] = []
        fsyncs: list[float] = []
        probe = FsyncProbe(db.parent)
        try:
            for seq in range(1, args.sales + 1):
                fsyncs.append(probe.measure())
                sale = make_sale(seq)
                t = time.perf_counter()
                store.write_sync(lambda c, sale=sale: journal.commit_sale(c, sale))
                commits.append(time.perf_counter() - t)
            # the same commit handed to the writer thread (store.write + Future.result): what a caller
            # pays that does not run the transaction itself
            handed: list[float] = []
            for seq in range(args.sales + 1, args.sales + 1 + min(args.sales, 300)):
                fsyncs.append(probe.measure())
                sale = make_sale(seq)
                t = time.perf_counter()
                store.write(lambda c, sale=sale: journal.commit_sale(c, sale)).result()
                handed.append(time.perf_counter() - t)
        finally:
            probe.close()
        res["fsync_p50_ms"] = ms(pct(fsyncs, 50))
        res["fsync_p99_ms"] = ms(pct(fsyncs, 99))
        res["commit_p50_ms"] = ms(pct(commits, 50))
        res["commit_p99_ms"] = ms(pct(commits, 99))
        res["commit_via_writer_thread_p50_ms"] = ms(pct(handed, 50))
        res["commit_ratio_p50"] = round(pct(commits, 50) / pct(fsyncs, 50), 2)
        res["commit_ratio_p99"] = round(pct(commits, 99) / pct(fsyncs, 99), 2)
    finally:
        store.close()
    res.update(commits_after_open(db, args))
    res.update(shift_report(db, args))
    return res


def shift_report(db: Path, args: argparse.Namespace) -> dict:
    """The inputs of a shift's X/Z report (``journal.session_summary``) for a shift of ``--shift-sales``
    sales, in a journal that also holds the sales before it (a field failure: a POS with 300k
    products took 10-20 minutes to close a shift)."""
    from dataclasses import replace

    store = Store.open(db, till_id="B01")
    try:
        store.write_sync(
            lambda c: journal.open_session(
                c,
                session_id="bench-shift",
                till_id="B01",
                opened_by="S1",
                currency="EUR",
                opening_float=20000,
                opened_at="2026-11-23T08:00:00+00:00",
            )
        )
        first = 10 * args.sales
        for seq in range(first, first + args.shift_sales):
            sale = replace(make_sale(seq), session_id="bench-shift")
            store.write_sync(lambda c, sale=sale: journal.commit_sale(c, sale))
        ro = store.read_connection()
        try:
            lat = []
            for _ in range(7):
                t = time.perf_counter()
                summary = journal.session_summary(ro, "bench-shift")
                lat.append(time.perf_counter() - t)
            before = ro.execute("SELECT count(*) FROM sales").fetchone()[0] - summary.sales_count
            from sync.store import till as sessions

            figures_lat = []
            for _ in range(7):  # the whole X/Z report: tax per rate, top products, sales by hour too
                t = time.perf_counter()
                figures = sessions.figures(ro, "bench-shift")
                figures_lat.append(time.perf_counter() - t)
            assert figures.sales_count == args.shift_sales, figures.sales_count
        finally:
            ro.close()
        assert summary.sales_count == args.shift_sales, summary
    finally:
        store.close()
    return {
        "shift_sales": args.shift_sales,
        "shift_sales_before": before,
        "shift_report_ms": ms(pct(lat, 50)),
        "shift_figures_ms": ms(pct(figures_lat, 50)),
    }


def commits_after_open(db: Path, args: argparse.Namespace) -> dict:
    """The first checkpoint cycle of sales after the till starts: SQLite deleted the WAL at close, so
    these commits find a new WAL (the figures above run on the WAL the import left behind)."""
    store = Store.open(db, till_id="B01")
    commits: list[float] = []
    fsyncs: list[float] = []
    probe = FsyncProbe(db.parent)
    try:
        store.on_writer(lambda c: None).result()  # open's own tasks are done, as by a cashier's login
        for seq in range(2 * args.sales + 1, 2 * args.sales + 1 + min(args.sales, 200)):
            fsyncs.append(probe.measure())
            sale = make_sale(seq)
            t = time.perf_counter()
            store.write_sync(lambda c, sale=sale: journal.commit_sale(c, sale))
            commits.append(time.perf_counter() - t)
    finally:
        probe.close()
        store.close()
    return {
        "reopen_commit_p50_ms": ms(pct(commits, 50)),
        "reopen_commit_p99_ms": ms(pct(commits, 99)),
        "reopen_fsync_p50_ms": ms(pct(fsyncs, 50)),
        "reopen_commit_ratio_p50": round(pct(commits, 50) / pct(fsyncs, 50), 2),
    }


def query_sets(seed: int, n: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    words = set(catalog_gen.BRANDS)
    for _code, _tax, _rng, adjs, nouns, _sizes in catalog_gen.CATEGORIES.values():
        for w in adjs + nouns:
            words.update(x for x in w.split() if x.isalpha())
    words_l = sorted(w.lower() for w in words if len(w) >= 4)
    return {
        "1": [rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(n)],
        "2": [rng.choice(words_l)[:2] for _ in range(n)],
        "3": [rng.choice(words_l)[:3] for _ in range(n)],
        "word": [rng.choice(words_l) for _ in range(n)],
        "two_words": [f"{rng.choice(words_l)} {rng.choice(words_l)[:3]}" for _ in range(n)],
    }


def phase_query(args: argparse.Namespace, db: Path) -> dict:
    import psutil

    res: dict = {}
    t = time.perf_counter()
    Store.open(db, till_id="B01").close()
    res["open_with_quick_check_s"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    store = Store.open(db, till_id="B01", check_in_background=True)
    res["open_background_check_s"] = round(time.perf_counter() - t, 3)
    store.integrity.result()
    res["background_check_done_s"] = round(time.perf_counter() - t, 3)
    cat = StoreCatalog(store)
    try:
        rng = random.Random(args.seed + 1)
        codes = []
        for _ in range(args.lookups):
            p = catalog_gen.product(rng.randrange(args.products), seed=args.seed)
            codes.append(rng.choice(p["barcodes"]))
        lat = []
        for code in codes:
            t = time.perf_counter()
            hit = cat.lookup_barcode(code)
            lat.append(time.perf_counter() - t)
            assert hit is not None, code
        res["lookup_p50_ms"] = ms(pct(lat, 50))
        res["lookup_p99_ms"] = ms(pct(lat, 99))
        for kind, qs in query_sets(args.seed, args.queries).items():
            lat = []
            for q in qs:
                t = time.perf_counter()
                cat.search(q, 20)
                lat.append(time.perf_counter() - t)
            res[f"search_{kind}_p95_ms"] = ms(pct(lat, 95))
            res[f"search_{kind}_max_ms"] = ms(max(lat))
        size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
        res["db_size_mb"] = round(size / 1e6, 1)
        res["rss_mb"] = round(psutil.Process().memory_info().rss / 1e6, 1)
    finally:
        cat.close()
        store.close()
    return res


BUDGETS = [
    ("import_s", "import of {products} products", "s", "< 60 s for 1,000,000 (catalog first sync)", 60),
    ("commit_p50_ms", "durable 5-line sale commit p50", "ms", "", None),
    ("commit_p99_ms", "durable 5-line sale commit p99", "ms", "", None),
    ("fsync_p50_ms", "disk fsync (tiny file) p50", "ms", "", None),
    ("fsync_p99_ms", "disk fsync (tiny file) p99", "ms", "", None),
    ("commit_ratio_p50", "commit p50 / fsync p50", "x", "< 2x", 2),
    ("commit_ratio_p99", "commit p99 / fsync p99", "x", "< 2x", 2),
    ("commit_via_writer_thread_p50_ms", "  (same, handed to the writer thread) p50", "ms", "", None),
    ("reopen_commit_p50_ms", "after a restart: first 200 commits p50", "ms", "", None),
    ("reopen_commit_p99_ms", "after a restart: first 200 commits p99", "ms", "", None),
    ("reopen_fsync_p50_ms", "after a restart: disk fsync p50", "ms", "", None),
    ("reopen_commit_ratio_p50", "after a restart: commit p50 / fsync p50", "x", "< 2x", 2),
    (
        "shift_report_ms",
        "X/Z report inputs, shift of {shift_sales:,} sales",
        "ms",
        "compare: 10-20 min in field report H5",
        None,
    ),
    (
        "shift_figures_ms",
        "the whole X/Z report (sync.store.till.figures), same shift",
        "ms",
        "compare: 10-20 min in field report H5",
        None,
    ),
    ("open_with_quick_check_s", "Store.open incl. quick_check", "s", "start to login < 1.5 s", 1.5),
    ("open_background_check_s", "Store.open, check_in_background=True", "s", "start to login < 1.5 s", 1.5),
    ("background_check_done_s", "  (its quick_check done after)", "s", "", None),
    ("lookup_p50_ms", "barcode lookup p50", "ms", "scan to line p99 < 16 ms", 16),
    ("lookup_p99_ms", "barcode lookup p99", "ms", "scan to line p99 < 16 ms", 16),
    ("search_1_p95_ms", "search 1-letter prefix p95", "ms", "p95 < 20 ms", 20),
    ("search_2_p95_ms", "search 2-letter prefix p95", "ms", "p95 < 20 ms", 20),
    ("search_3_p95_ms", "search 3-letter prefix p95", "ms", "p95 < 20 ms", 20),
    ("search_word_p95_ms", "search whole word p95", "ms", "p95 < 20 ms", 20),
    ("search_two_words_p95_ms", "search 'word pre' p95", "ms", "p95 < 20 ms", 20),
    ("db_size_mb", "database size", "MB", "", None),
    ("rss_mb", "resident memory (query process)", "MB", "< 300 MB", 300),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--products", type=int, default=1_000_000)
    ap.add_argument("--sales", type=int, default=1000, help="sale commits to time")
    ap.add_argument("--shift-sales", type=int, default=5000, help="sales in the shift whose report is timed")
    ap.add_argument("--lookups", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=300, help="queries per search kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dir", type=Path, help="work directory (default: a temporary one, removed)")
    ap.add_argument("--query-phase", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.query_phase:
        print(json.dumps(phase_query(args, args.query_phase)))
        return 0

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        work = Path(tmp)
        res = phase_build(args, work)
        db = work / "data" / "pos.sqlite3"
        cmd = [
            sys.executable,
            "-m",  # as a module from the repository root: bench/sync.py must not hide the sync package
            "bench.store",
            "--query-phase",
            str(db),
            "--products",
            str(args.products),
            "--lookups",
            str(args.lookups),
            "--queries",
            str(args.queries),
            "--seed",
            str(args.seed),
        ]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=3600, cwd=ROOT)
        res.update(json.loads(out.stdout.strip().splitlines()[-1]))

    if args.json:
        print(json.dumps(res))
        return 0
    print(f"OMO POS store benchmark: {args.products:,} products (CSV generated in {res['generate_csv_s']} s)")
    for key, label, unit, budget, limit in BUDGETS:
        if key not in res:
            continue
        v = res[key]
        verdict = "" if limit is None else ("  OK" if v < limit else "  OVER")
        b = budget if budget.startswith("compare") else f"budget {budget}" if budget else ""
        print(f"  {label.format(**res):<44} {v:>10} {unit:<3} {b}{verdict}")
    print(f"  rejected rows in import: {res['import_rejected']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
