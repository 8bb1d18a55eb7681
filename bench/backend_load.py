"""Load test of the reference backend: N independent till processes pushing sale batches on loopback.

    python -m bench.backend_load [--tills 8,32,128] [--configs sqlite,pg1,pg2] [--duration 20]
                                 [--rate 1.0] [--batch 5] [--postgres URL] [--json]

Each till is its own process (standard library only: http.client with keep-alive) with its own device
token; it makes its batches before the start, so the measured run spends its CPU on pushing. It pushes
a batch of `--batch` realistic sales (2-4 lines; every other sale by a member earning
points, one in ten redeeming a few) every 1/`--rate` seconds, each batch under its own Idempotency-Key
as the till's sync engine sends them, and measures each push from send to answer. A till that falls
behind sends its next batch at once (the queue of a real till grows the same way).

Configurations: `sqlite` (the embedded default, one process), `pg1` and `pg2` (PostgreSQL with one and two
uvicorn worker processes). PostgreSQL comes from --postgres or OMO_TEST_POSTGRES_URL, else a throw-away
server is started with tools/pg_server.py (durable: fsync on). Each run gets a fresh database.

Figures per configuration and till count: events/s applied, push latency p50/p99, errors (failed pushes
and events neither applied nor duplicate), and a check that the backend holds exactly the sales the tills
were told were applied. Then the capacity of pg1 and pg2 (the 128 tills pushing as fast as answers come,
`--rate 0`): the ratio 2 workers / 1 worker.

Budgets (issue "The chain's backend"): at 128 tills on PostgreSQL push p99 < 2 s and 0 errors; 2 workers
>= 1.5x one worker; no SQLite figure worse than before PostgreSQL support (`--legacy-tree DIR`: run the
SQLite configuration against an older checkout's backend, `python -m sync.backend.server`).
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from pos.loyalty import programme

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = (1001, 1002, 1003, 1004, 1005)  # the demo seed's members
PG_ENV = "OMO_TEST_POSTGRES_URL"


# ------------------------------------------------------------------------------------ one till process
def _sale(rnd: random.Random, till_id: str, n: int) -> dict[str, Any]:
    lines, subtotal, tax_total = [], 0, 0
    for line_no in range(1, rnd.randint(2, 4) + 1):
        qty = rnd.randint(1, 3)
        price = rnd.randrange(199, 9999)
        paid = price * qty
        tax = paid * 19 // 119
        subtotal += paid
        tax_total += tax
        lines.append(
            {
                "line_no": line_no,
                "sku": f"SKU{rnd.randint(1, 200):07d}",
                "qty": qty,
                "unit_price": price,
                "discount": 0,
                "tax_code": "STD",
                "tax_amount": tax,
                "paid_amount": paid,
            }
        )
    member = rnd.choice(MEMBERS) if n % 2 else None
    points = None
    if member is not None:
        # one sale in ten redeems a few points, by a member whose balance has them (the seed's 1001, 1004)
        redeem = n % 10 == 1
        if redeem:
            member = rnd.choice((1001, 1004))
        points = {"earned": subtotal // 100, "redeemed": 100 if redeem else 0}
    # the points redeemed are a tender (the backend computes them from it): 100 points, the rest by card
    by_points = programme().value_of(points["redeemed"], "EUR") if points else 0
    tenders = [{"method": "card", "amount": subtotal - by_points, "reference": f"pi_{uuid.uuid4().hex[:16]}"}]
    if by_points:
        tenders.append({"method": "points", "amount": by_points})
    return {
        "event_id": str(uuid.uuid4()),
        "type": "sale.completed",
        "occurred_at": "2026-11-23T10:00:00Z",
        "till_id": till_id,
        "payload": {
            "sale_uuid": str(uuid.uuid4()),
            "receipt_no": f"{till_id}-{n:06d}",
            "currency": "EUR",
            "member_no": member,
            "lines": lines,
            "tax_lines": [
                {
                    "tax_code": "STD",
                    "rate": "19",
                    "taxable_amount": subtotal - tax_total,
                    "tax_amount": tax_total,
                }
            ],
            "tenders": tenders,
            "totals": {"subtotal": subtotal, "discount": 0, "tax": tax_total, "total": subtotal},
            "points": points,
        },
    }


def till_main(args: argparse.Namespace) -> int:
    """One till: push until the deadline, then print its measurements as one JSON line."""
    rnd = random.Random(args.till_id)
    host, port = args.url.removeprefix("http://").split(":")
    conn: http.client.HTTPConnection | None = None
    latencies: list[float] = []
    applied_sales: list[str] = []
    failed = bad_events = events_ok = 0
    n = 0
    # the batches are made before the start, so making them costs the measured run no CPU
    ready = []
    for _ in range(int(args.rate * args.duration) + 2 if args.rate > 0 else 200):
        batch = []
        for _ in range(args.batch):
            n += 1
            batch.append(_sale(rnd, args.till_id, n))
        ready.append((batch, json.dumps({"events": batch}).encode()))
    ready.reverse()
    while time.time() < args.start:
        time.sleep(0.005)
    t_start = time.monotonic()
    stop = t_start + args.duration
    next_at = t_start + rnd.random() / args.rate if args.rate > 0 else t_start
    while True:
        if args.rate > 0:
            wait = next_at - time.monotonic()
            if wait > 0:
                time.sleep(wait)
        if time.monotonic() >= stop:
            break
        if ready:
            batch, body = ready.pop()
        else:
            batch = []
            for _ in range(args.batch):
                n += 1
                batch.append(_sale(rnd, args.till_id, n))
            body = json.dumps({"events": batch}).encode()
        headers = {
            "Authorization": f"Bearer {args.token}",
            "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        t0 = time.monotonic()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, int(port), timeout=60)
            conn.request("POST", "/v1/events", body, headers)
            resp = conn.getresponse()
            data = resp.read()
            status = resp.status
        except (OSError, http.client.HTTPException):
            status, data = 0, b""
            if conn is not None:
                conn.close()
            conn = None
        latencies.append(time.monotonic() - t0)
        if status != 200:
            failed += 1
        else:
            for ev, res in zip(batch, json.loads(data)["results"], strict=True):
                if res["status"] == "applied":
                    events_ok += 1
                    applied_sales.append(ev["payload"]["sale_uuid"])
                else:
                    bad_events += 1
        if args.rate > 0:
            next_at += 1 / args.rate
    elapsed = time.monotonic() - t_start
    if conn is not None:
        conn.close()
    out = {
        "latencies": latencies,
        "failed_pushes": failed,
        "bad_events": bad_events,
        "events_applied": events_ok,
        "sales": applied_sales,
        "elapsed": elapsed,
    }
    Path(args.out).write_text(json.dumps(out))
    return 0


# ------------------------------------------------------------------------------------- coordinator
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """The PostgreSQL server of the benchmark: given, or a throw-away one (stopped at the end)."""

    def __init__(self, url: str | None) -> None:
        self.root: str | None = None
        if url is None:
            out = subprocess.run(
                [sys.executable, str(ROOT / "tools" / "pg_server.py"), "start"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            url, self.root = out[0], out[1]
        self.url = url

    def fresh(self) -> str:
        import sqlalchemy as sa

        from backend.store import database_url

        base = database_url(self.url)
        name = f"omo_bench_{uuid.uuid4().hex[:10]}"
        eng = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
        with eng.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        eng.dispose()
        return base.set(database=name).render_as_string(hide_password=False)

    def stop(self) -> None:
        if self.root is not None:
            subprocess.run(
                [sys.executable, str(ROOT / "tools" / "pg_server.py"), "stop", self.root], check=False
            )


class Server:
    def __init__(self, database: str, workers: int, legacy_tree: Path | None, log: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        if legacy_tree is not None:
            cmd = [sys.executable, "-m", "sync.backend.server", "--db", database]
            env["PYTHONPATH"] = str(legacy_tree)
            cwd = legacy_tree
        else:
            cmd = [sys.executable, "-m", "backend.server", "--database", database, "--workers", str(workers)]
            # the demo seed's members earn and redeem points in the sales (Trust: seeded only with --demo);
            # PostgreSQL keeps the signing key outside the database
            cmd += ["--demo", "--signing-key", str(log.parent / f"signing-{self.port}.key")]
            cwd = ROOT
        cmd += ["--port", str(self.port), "--seed-products", "200"]
        self._log = open(log, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"the backend did not start: see {log}") from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self._log.close()


def _register(database: str, tills: list[str]) -> dict[str, str]:
    """Device tokens for the tills, written straight into the devices table (works for any schema version
    of the backend, so the legacy tree is measured the same way)."""
    tokens = {t: secrets.token_urlsafe(32) for t in tills}
    rows = [(t, hashlib.sha256(tok.encode()).hexdigest()) for t, tok in tokens.items()]
    if "://" not in database:
        import sqlite3

        conn = sqlite3.connect(database, timeout=30)
        with conn:
            conn.executemany("INSERT INTO devices(till_id, token_sha256, revoked) VALUES (?, ?, 0)", rows)
        conn.close()
    else:
        import sqlalchemy as sa

        from backend import schema
        from backend.store import Store

        store = Store(database)
        store.write(
            lambda c: c.execute(
                sa.insert(schema.devices),
                [{"till_id": t, "token_sha256": h, "revoked": False} for t, h in rows],
            )
        )
        store.dispose()
    return tokens


def _count_sales(database: str, sale_uuids: list[str]) -> int:
    if "://" not in database:
        import sqlite3

        conn = sqlite3.connect(database)
        n = conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
        conn.close()
        return n
    from backend.store import Store

    store = Store(database)
    with store.sql() as conn:
        n = conn.execute("SELECT COUNT(*) FROM sales").fetchone()[0]
    store.dispose()
    return n


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def run(
    config: str,
    tills: int,
    args: argparse.Namespace,
    work: Path,
    pg: Postgres | None,
    rate: float,
    duration: float,
) -> dict[str, Any]:
    workers = {"sqlite": 1, "pg1": 1, "pg2": 2}[config]
    if config == "sqlite":
        database = str(work / f"{config}-{tills}-{rate}.sqlite3")
    else:
        assert pg is not None
        database = pg.fresh()
    legacy = args.legacy_tree if config == "sqlite" else None
    server = Server(database, workers, legacy, work / f"server-{config}-{tills}-{rate}.log")
    try:
        names = [f"T{i:03d}" for i in range(1, tills + 1)]
        tokens = _register(database, names)
        start = time.time() + 2 + tills * 0.03
        procs = []
        for name in names:
            out = work / f"till-{config}-{tills}-{rate}-{name}.json"
            cmd = [sys.executable, "-m", "bench.backend_load", "--till-worker", "--till-id", name]
            cmd += [f"--token={tokens[name]}", "--url", server.url, "--start", str(start), "--out", str(out)]
            cmd += ["--duration", str(duration), "--rate", str(rate), "--batch", str(args.batch)]
            procs.append((subprocess.Popen(cmd, cwd=ROOT), out))
        results = []
        for proc, out in procs:
            proc.wait(duration + 300)
            results.append(json.loads(out.read_text()))
        held = _count_sales(database, [])
    finally:
        server.stop()
    latencies = [x for r in results for x in r["latencies"]]
    applied = sum(r["events_applied"] for r in results)
    told = sum(len(r["sales"]) for r in results)
    elapsed = max(r["elapsed"] for r in results)
    return {
        "config": config,
        "tills": tills,
        "rate": rate,
        "pushes": len(latencies),
        "events_per_s": round(applied / elapsed, 1),
        "push_p50_s": round(_pct(latencies, 0.50), 4),
        "push_p99_s": round(_pct(latencies, 0.99), 4),
        "errors": sum(r["failed_pushes"] + r["bad_events"] for r in results),
        "sales_held_equals_applied": held == told,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tills", default="8,32,128")
    ap.add_argument("--configs", default="sqlite,pg1,pg2")
    ap.add_argument("--duration", type=float, default=20.0, help="seconds of pushing per run")
    ap.add_argument(
        "--rate", type=float, default=1.0, help="batches per second per till (0: as fast as answered)"
    )
    ap.add_argument("--batch", type=int, default=5, help="sales per push")
    ap.add_argument("--capacity-tills", type=int, default=128, help="tills of the capacity runs (0: none)")
    ap.add_argument("--postgres", default=os.environ.get(PG_ENV), help="a PostgreSQL server URL")
    ap.add_argument("--legacy-tree", type=Path, help="measure SQLite on this older checkout's backend")
    ap.add_argument("--json", action="store_true")
    # one till process (internal)
    ap.add_argument("--till-worker", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--till-id", help=argparse.SUPPRESS)
    ap.add_argument("--token", help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    ap.add_argument("--start", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.till_worker:
        return till_main(args)
    sys.path.insert(0, str(ROOT))
    configs = [c for c in args.configs.split(",") if c]
    till_counts = [int(n) for n in args.tills.split(",") if n]
    pg = Postgres(args.postgres) if any(c.startswith("pg") for c in configs) else None
    runs: list[dict[str, Any]] = []
    capacity: dict[str, float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="omo-bench-load-") as tmp:
            work = Path(tmp)
            for config in configs:
                for n in till_counts:
                    runs.append(run(config, n, args, work, pg, args.rate, args.duration))
                    if not args.json:
                        _print_run(runs[-1])
            if args.capacity_tills:
                for config in configs:
                    r = run(config, args.capacity_tills, args, work, pg, 0.0, args.duration)
                    capacity[config] = r["events_per_s"]
                    runs.append(r)
                    if not args.json:
                        _print_run(r)
    finally:
        if pg is not None:
            pg.stop()
    out: dict[str, Any] = {"duration_s": args.duration, "rate": args.rate, "batch": args.batch, "runs": runs}
    if "pg1" in capacity and "pg2" in capacity:
        out["capacity_events_per_s"] = capacity
        out["workers_2_over_1"] = round(capacity["pg2"] / capacity["pg1"], 2)
    if args.json:
        print(json.dumps(out))
        return 0
    biggest = max(till_counts, default=0)
    for r in runs:
        if r["config"].startswith("pg") and r["tills"] == biggest and r["rate"] == args.rate:
            print(
                f"{r['config']} at {biggest} tills: push p99 {r['push_p99_s']:.3f} s (budget < 2 s), "
                f"errors {r['errors']} (budget 0)"
            )
    if "workers_2_over_1" in out:
        print(
            f"capacity at {args.capacity_tills} tills: pg1 {capacity['pg1']:.0f} events/s, pg2 "
            f"{capacity['pg2']:.0f} events/s: 2 workers / 1 worker = {out['workers_2_over_1']:.2f}"
            " (budget >= 1.5)"
        )
    return 0


def _print_run(r: dict[str, Any]) -> None:
    mode = f"{r['rate']:g} batch/s per till" if r["rate"] else "as fast as answered"
    print(
        f"{r['config']:>6} {r['tills']:>4} tills ({mode}): {r['events_per_s']:>8.1f} events/s, "
        f"push p50 {r['push_p50_s']:.3f} s, p99 {r['push_p99_s']:.3f} s, errors {r['errors']}, "
        f"{r['pushes']} pushes, backend holds exactly the applied sales: {r['sales_held_equals_applied']}",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
