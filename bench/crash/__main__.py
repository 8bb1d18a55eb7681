"""`python -m bench.crash`: the crash and fault harness, long run, and the memory of a compressed shift.

    python -m bench.crash --kills 200 [--seed 7] [--json]       # kills, crash points, violations
    python -m bench.crash --kills 0 --rss-sales 20000            # only the memory of a 20,000-sale shift
    python -m bench.crash --negative                             # the broken protocol must be caught

Prints the kills, the crash points hit (every one must be), the violations found by the checker (none
allowed), and the RSS of the till's driver every 1,000 sales of a compressed 12-hour shift with the camera
on (budget < 300 MB, flat: the last quarter within 10 % of the first). A failure prints the seed and the
crash points of the runs before it. Exit status 0 when every budget holds and nothing was violated.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

RSS_BUDGET_MB = 300.0
FLAT_WITHIN = 0.10


def main(argv: list[str] | None = None) -> int:
    from bench.crash.campaign import Config, run_campaign
    from bench.crash.memory import run_shift

    p = argparse.ArgumentParser(prog="python -m bench.crash", description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--kills", type=int, default=200, help="SIGKILLs of the till (default 200)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rss-sales", type=int, default=20_000, help="sales of the memory run (0: none)")
    p.add_argument("--rss-every", type=int, default=1000, help="sales between RSS samples (default 1000)")
    p.add_argument("--negative", action="store_true", help="run the negative control instead")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--keep", action="store_true", help="keep the work directory")
    args = p.parse_args(argv)
    say = None if args.json else (lambda line: print(line, flush=True))
    out: dict = {"seed": args.seed}
    ok = True
    if args.negative:
        report = run_campaign(
            Config(
                kills=12,
                seed=args.seed,
                broken="paid-before-commit",
                log=say,
                keep=args.keep,
                points=("mid_sale_commit",),
                backend_restarts=0,
                backend_restores=0,
            )
        )
        caught = any(v.startswith("I1:") for v in report.violations)
        out["negative_control"] = {
            "caught": caught,
            "violations": report.violations[:5],
            "kills": report.kills,
        }
        ok = caught
    elif args.kills:
        report = run_campaign(Config(kills=args.kills, seed=args.seed, log=say, keep=args.keep))
        out["campaign"] = report.as_dict()
        ok = report.ok
        if not report.ok and not args.json:
            print(report.reproduce())
    if args.rss_sales and not args.negative:
        shift = run_shift(args.rss_sales, seed=args.seed, every=args.rss_every, log=say)
        curve = shift["rss_mb"]
        quarter = max(1, len(curve) // 4)
        first, last = curve[:quarter], curve[-quarter:]
        growth = (sum(last) / len(last)) / (sum(first) / len(first)) - 1 if curve else 0.0
        out["memory"] = {
            **shift,
            "peak_mb": max(curve, default=0.0),
            "budget_mb": RSS_BUDGET_MB,
            "last_quarter_vs_first": round(growth, 4),
            "flat_within": FLAT_WITHIN,
        }
        flat = bool(curve) and max(curve) < RSS_BUDGET_MB and growth <= FLAT_WITHIN
        ok = ok and flat and shift["exit"] == 0
    out["ok"] = ok
    if args.json:
        print(json.dumps(out))
    else:
        _print(out)
    return 0 if ok else 1


def _print(out: dict) -> None:
    c = out.get("campaign")
    if c:
        print(f"kills: {c['kills']} in {c['runs']} runs, {c['seconds']} s")
        print(f"crash points hit: {len(c['crash_points_hit'])} ({', '.join(sorted(c['crash_points_hit']))})")
        print(f"crash points missed: {c['crash_points_missed'] or 'none'}")
        print(
            f"backend restarts: {c['backend_restarts']}, "
            f"restores from an older backup: {c['backend_restores']}"
        )
        print(f"checked: {c['facts']}")
        print(f"violations: {len(c['violations'])} (budget 0)")
        for v in c["violations"][:20]:
            print(f"  {v}")
    n = out.get("negative_control")
    if n:
        print(
            f"negative control (paid before commit): {'caught' if n['caught'] else 'NOT CAUGHT'}: "
            f"{n['violations'][:2]}"
        )
    m = out.get("memory")
    if m:
        print(
            f"RSS of the till every {m['every']:,} sales ({m['sales']} sales, camera on, {m['seconds']} s):"
        )
        print("  " + " ".join(f"{x:.0f}" for x in m["rss_mb"]))
        print(
            f"  peak {m['peak_mb']:.1f} MB (budget < {m['budget_mb']:.0f} MB); last quarter vs first "
            f"{m['last_quarter_vs_first'] * 100:+.1f} % (budget within {m['flat_within'] * 100:.0f} %)"
        )
        print(f"  driver exit {m['exit']}, failed operations {m['failures']} (budget 0)")
        for f in m["failed"]:
            print(f"    {f}")
    print("OK" if out["ok"] else "FAILED")


if __name__ == "__main__":
    sys.exit(main())
