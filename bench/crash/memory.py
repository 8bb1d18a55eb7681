"""The till's memory over a compressed 12-hour shift: the driver rings up N sales against the harness's
backend and Stripe simulator (separate processes, no faults) with the camera capturing and decoding
meanwhile, and prints its RSS every 1,000 sales (`omo-pos drive --rss-every 1000 --camera`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.crash.campaign import World
from bench.crash.procs import ROOT


def run_shift(
    sales: int, *, seed: int = 1, every: int = 1000, log: Any = None, keep: bool = False
) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="omo-rss-"))
    world = World(work, seed=seed, settings='[camera]\nsource = "synthetic"\nfps = 15\n')
    t0 = time.monotonic()
    try:
        world.start()
        args = [a for a in world.driver_args() if a != "--quiet"]  # each operation's line: failures shown
        cmd = world.driver_cmd(
            *("--seed", str(seed), "--sales", str(sales), "--rss-every", str(every), "--camera"),
            *("--card-share", "0.3", "--split-share", "0.05", *args),
        )
        curve: list[float] = []
        failed: list[dict[str, Any]] = []
        summary: dict[str, Any] = {}
        with subprocess.Popen(
            cmd, cwd=ROOT, env=world.env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        ) as proc:
            assert proc.stdout is not None
            for text in proc.stdout:
                if not text.startswith("{"):
                    continue
                line = json.loads(text)
                if "rss_mb" in line:
                    curve.append(line["rss_mb"])
                    if log is not None:
                        log(f"  {line['sales']:>6} sales: RSS {line['rss_mb']:.1f} MB")
                elif line.get("outcome") == "failed":
                    failed.append(line)
                elif line.get("summary"):
                    summary = line
        if log is not None:
            log(
                f"memory run: exit {proc.returncode}, {len(curve)} RSS samples, "
                f"{summary.get('sales_per_s')} sales/s, failed operations {len(failed)}"
            )
        return {
            "sales": sales,
            "every": every,
            "rss_mb": curve,
            "exit": proc.returncode,
            "failures": len(failed),
            "failed": failed[:5],
            "seconds": round(time.monotonic() - t0, 1),
        }
    finally:
        world.stop()
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
