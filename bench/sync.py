"""Benchmark of the sync engine against the reference backend on loopback.

    PYTHONPATH=. python bench/sync.py [--sales 10000] [--products 1000000] [--delta 1000] [--json]

Figures and budgets (docs/architecture.md):
- drain of N queued sales in batches: time (< 3 s for 10,000) and requests sent,
  next to the same drain with one event per request: ratio (>= 20x);
- first catalog sync of P products (< 60 s for 1,000,000), until the engine has finished it (search
  index merged, member keys refreshed);
- a catalog delta of D changes: from asking for a sync until the changes are committed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from backend import seed  # noqa: E402
from backend.server import start_backend  # noqa: E402
from sync.engine import SyncEngine  # noqa: E402


def _sale(i: int, member_no: int | None) -> dict[str, Any]:
    paid = 1000 + i % 500
    tax = paid * 19 // 119
    return {
        "sale_uuid": str(uuid.uuid4()),
        "receipt_no": f"T1-{i:07d}",
        "currency": "EUR",
        "member_no": member_no,
        "lines": [
            {
                "line_no": 1,
                "sku": f"SKU{1 + i % 1000:07d}",
                "qty": 1,
                "unit_price": paid,
                "discount": 0,
                "tax_code": "STD",
                "tax_amount": tax,
                "paid_amount": paid,
            },
        ],
        "tax_lines": [{"tax_code": "STD", "rate": "19", "taxable_amount": paid - tax, "tax_amount": tax}],
        "tenders": [{"method": "card", "amount": paid, "reference": f"pi_{i}"}],
        "totals": {"subtotal": paid, "discount": 0, "tax": tax, "total": paid},
        "points": {"earned": paid // 100, "redeemed": 0} if member_no else None,
    }


def _wait(pred: Any, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not pred():
        if time.monotonic() > deadline:
            raise TimeoutError("benchmark step did not finish in time")
        time.sleep(0.002)


def _backend_process(db_path: str, seed_products: int, conn: Any) -> None:
    """Child process: the reference backend (its own interpreter, so it does not share the till's GIL)."""
    handle = start_backend(db_path, seed_products=seed_products)
    token = handle.register_device("till-1")
    conn.send((handle.url, token))
    while True:
        msg = conn.recv()
        if msg == "count":
            conn.send(handle.requests_seen)
        elif isinstance(msg, tuple) and msg[0] == "sql":
            with handle.connect() as c:
                conn.send([tuple(r) for r in c.execute(msg[1]).fetchall()])
        elif isinstance(msg, tuple) and msg[0] == "seed":
            t0 = time.perf_counter()
            seed.upsert_products(handle.store, seed.products(msg[1]))
            conn.send(time.perf_counter() - t0)
        elif isinstance(msg, tuple) and msg[0] == "reprice":  # the first n products get a new price
            changed = [dict(p, price=p["price"] + 1) for p in seed.products(msg[1])]
            seed.upsert_products(handle.store, changed)
            conn.send(len(changed))
        elif msg == "stop":
            handle.stop()
            conn.send("stopped")
            return


class RemoteBackend:
    def __init__(self, db_path: Path, seed_products: int = 50) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(
            target=_backend_process, args=(str(db_path), seed_products, child), daemon=True
        )
        self._proc.start()
        self.url, self.token = self._conn.recv()

    def requests_seen(self) -> int:
        self._conn.send("count")
        return self._conn.recv()

    def sql(self, query: str) -> list[tuple]:
        self._conn.send(("sql", query))
        return self._conn.recv()

    def call(self, msg: Any) -> Any:
        self._conn.send(msg)
        return self._conn.recv()

    def stop(self) -> None:
        self._conn.send("stop")
        self._conn.recv()
        self._proc.join(30)


def drain(work: Path, sales: int, batch_size: int) -> dict[str, float]:
    from sync.store import open_store, outbox

    backend = RemoteBackend(work / f"backend-{batch_size}.sqlite3")
    token = backend.token
    store = open_store(work / f"till-{batch_size}", till_id="till-1")
    try:

        def fill(conn: Any) -> None:
            for i in range(sales):
                outbox.enqueue(conn, "sale.completed", _sale(i, 1001 + i % 5 if i % 2 else None))

        store.write_sync(fill)
        engine = SyncEngine(
            store,
            base_url=backend.url,
            token_provider=lambda: token,
            batch_size=batch_size,
            catalog_interval_s=None,
            idle_poll_s=0.01,
        )
        conn = store.read_connection()
        before = backend.requests_seen()
        t0 = time.perf_counter()
        engine.start()
        _wait(lambda: outbox.stats(conn).depth == 0, timeout=600)
        elapsed = time.perf_counter() - t0
        engine.stop()
        requests_sent = backend.requests_seen() - before
        conn.close()
        applied = backend.sql("SELECT COUNT(*) FROM sales")[0][0]
        if applied != sales:
            raise AssertionError(f"{applied} sales applied, {sales} expected")
        return {"seconds": elapsed, "requests": requests_sent}
    finally:
        store.close()
        backend.stop()


def catalog(work: Path, products: int, delta: int) -> dict[str, float]:
    from sync.store import catalog as store_catalog
    from sync.store import open_store

    backend = RemoteBackend(work / "backend-catalog.sqlite3", seed_products=0)
    token = backend.token
    seeded = backend.call(("seed", products))
    head = backend.sql("SELECT MAX(version) FROM products")[0][0]
    store = open_store(work / "till-catalog", till_id="till-1")
    progress: list[tuple[int | None, int | None]] = []
    try:
        engine = SyncEngine(
            store,
            base_url=backend.url,
            token_provider=lambda: token,
            catalog_interval_s=3600,
            idle_poll_s=0.01,
            listener=lambda s: progress.append((s.catalog_done, s.catalog_total)),
        )
        rconn = store.read_connection()
        t0 = time.perf_counter()
        engine.start()
        # the first sync is over when the engine has finished it (its cursor at the head, and nothing of
        # it left to run), so that none of it is counted in the delta below
        _wait(lambda: store_catalog.cursor(rconn) == str(head) and engine.wait_idle(0), timeout=900)
        first = time.perf_counter() - t0
        pages = engine.requests_sent
        timing = dict(engine.catalog_timing)
        count = store_catalog.count(rconn)
        # a delta: `delta` products repriced on the backend
        backend.call(("reprice", delta))
        head = backend.sql("SELECT MAX(version) FROM products")[0][0]
        t1 = time.perf_counter()
        engine.request_catalog_sync()
        _wait(lambda: store_catalog.cursor(rconn) == str(head), timeout=600)
        delta_s = time.perf_counter() - t1
        engine.stop()
        rconn.close()
        saw_progress = sum(1 for d, t in progress if d is not None and t)
        return {
            "first_sync_seconds": first,
            "first_sync_pages": pages,
            "products_in_store": count,
            "delta_seconds": delta_s,
            "backend_seed_seconds": seeded,
            "progress_updates": saw_progress,
            "fetch_seconds": timing["fetch_s"],
            "apply_wait_seconds": timing["apply_wait_s"],
        }
    finally:
        store.close()
        backend.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sales", type=int, default=10_000)
    ap.add_argument(
        "--single-sales",
        type=int,
        default=None,
        help="sales for the one-event-per-request drain (default: --sales)",
    )
    ap.add_argument("--products", type=int, default=1_000_000)
    ap.add_argument("--delta", type=int, default=1_000)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--skip-catalog", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    single_n = args.single_sales or args.sales
    out: dict[str, Any] = {"sales": args.sales, "products": args.products, "delta": args.delta}
    with tempfile.TemporaryDirectory(prefix="omo-bench-sync-") as tmp:
        work = Path(tmp)
        batched = drain(work, args.sales, args.batch)
        single = drain(work, single_n, 1)
        per_event_batched = batched["seconds"] / args.sales
        per_event_single = single["seconds"] / single_n
        out.update(
            drain_batched_seconds=round(batched["seconds"], 3),
            drain_batched_requests=int(batched["requests"]),
            drain_single_sales=single_n,
            drain_single_seconds=round(single["seconds"], 3),
            drain_single_requests=int(single["requests"]),
            drain_speedup=round(per_event_single / per_event_batched, 1),
        )
        if not args.skip_catalog:
            cat = catalog(work, args.products, args.delta)
            out.update(
                catalog_first_sync_seconds=round(cat["first_sync_seconds"], 2),
                catalog_first_sync_pages=int(cat["first_sync_pages"]),
                catalog_delta_seconds=round(cat["delta_seconds"], 3),
                catalog_progress_updates=int(cat["progress_updates"]),
                catalog_products_in_store=int(cat["products_in_store"]),
                catalog_fetch_seconds=round(cat["fetch_seconds"], 2),
                catalog_store_apply_wait_seconds=round(cat["apply_wait_seconds"], 2),
            )
    if args.json:
        print(json.dumps(out))
        return 0
    scale = args.sales / 10_000
    print(
        f"drain {args.sales} sales in batches of {args.batch}: {out['drain_batched_seconds']:.3f} s, "
        f"{out['drain_batched_requests']} requests   (budget < {3 * scale:.2f} s, i.e. 3 s per 10,000)"
    )
    print(
        f"drain {single_n} sales one per request:  {out['drain_single_seconds']:.3f} s, "
        f"{out['drain_single_requests']} requests"
    )
    print(f"speed-up per event:                      {out['drain_speedup']}x   (budget >= 20x)")
    if not args.skip_catalog:
        pscale = args.products / 1_000_000
        print(
            f"first catalog sync of {args.products} products: {out['catalog_first_sync_seconds']:.2f} s in "
            f"{out['catalog_first_sync_pages']} pages, {out['catalog_progress_updates']} progress updates   "
            f"(budget < {60 * pscale:.1f} s, i.e. 60 s per 1,000,000)"
        )
        print(
            f"  of which fetching+validating pages {out['catalog_fetch_seconds']:.2f} s, "
            f"waiting for the store's catalog.apply_changes {out['catalog_store_apply_wait_seconds']:.2f} s"
            " (not overlapped)"
        )
        print(f"catalog delta of {args.delta} changes:   {out['catalog_delta_seconds']:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
