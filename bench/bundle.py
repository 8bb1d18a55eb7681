"""Benchmark of the PyInstaller bundle (issue 20). Prints each figure next to its budget.

    python -m bench.bundle [--dist DIR] [--launches 3] [--json]

Builds the one-folder bundle (`tools/i18n.py build`, then `pyinstaller pyinstaller.spec`) into DIR
(default bench/out/bundle; `--reuse` skips the build when DIR holds one), then measures:

- bundle size: every file of dist/omo-pos, in MB; budget 500 MB (measured on Linux: OpenCV and its
  libraries ~150 MB, Qt ~100 MB, Babel's locale data 32 MB, numpy 42 MB);
- start to login screen: spawn -> the first window drawn (bench.ui's launch measure: the program saves
  its first frame, the figure is when that PNG exists), for the bundle's executable and for
  `python -m ui.main`, on fresh data directories; median of `--launches`; budget 0.75 s for each
  (bench.ui's launch budget). The first frozen launch also unpacks nothing (one-folder), so there is no
  first-run penalty to leave out.
- the build's duration (no budget: CI builds once, tests/packaging).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SIZE_BUDGET_MB = 500.0
LAUNCH_BUDGET_S = 0.75


def executable(dist: Path) -> Path:
    return dist / "omo-pos" / ("omo-pos.exe" if os.name == "nt" else "omo-pos")


def build(out: Path) -> float:
    """Compile the translations and build the bundle into out/dist (work files in out/build); seconds."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "tools/i18n.py", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL
    )
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    cmd += ["--distpath", str(out / "dist"), "--workpath", str(out / "build"), "pyinstaller.spec"]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"pyinstaller failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return time.perf_counter() - t0


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def launches(program: list[str], runs: int) -> list[float]:
    from bench.ui import launch_once

    with tempfile.TemporaryDirectory(prefix="omo-bench-bundle-") as tmp:
        return [launch_once(Path(tmp) / "data", Path(tmp), program=program) for _ in range(runs)]


def measure(out: Path, *, runs: int = 3, reuse: bool = False) -> dict:
    exe = executable(out / "dist")
    res: dict = {}
    if not (reuse and exe.exists()):
        res["build_s"] = round(build(out), 1)
    res["size_mb"] = round(size_mb(exe.parent), 1)
    res["size_budget_mb"] = SIZE_BUDGET_MB
    frozen = launches([str(exe)], runs)
    source = launches([sys.executable, "-m", "ui.main"], runs)
    res["frozen_launch_median_s"] = round(statistics.median(frozen), 3)
    res["source_launch_median_s"] = round(statistics.median(source), 3)
    res["launches"] = runs
    res["launch_budget_s"] = LAUNCH_BUDGET_S
    res["size_within_budget"] = res["size_mb"] < SIZE_BUDGET_MB
    res["launch_within_budget"] = max(res["frozen_launch_median_s"], res["source_launch_median_s"]) < (
        LAUNCH_BUDGET_S
    )
    return res


def report(res: dict) -> None:
    def mark(ok: bool) -> str:
        return "ok" if ok else "OVER BUDGET"

    if "build_s" in res:
        print(f"bundle built in {res['build_s']} s (no budget)")
    print(
        f"bundle size          {res['size_mb']:8.1f} MB   budget < {SIZE_BUDGET_MB:g} MB   "
        f"{mark(res['size_within_budget'])}"
    )
    print(f"start to login screen, median of {res['launches']} (spawn -> first window drawn):")
    for label, key in (("bundle (frozen)", "frozen"), ("python -m ui.main", "source")):
        med = res[f"{key}_launch_median_s"]
        print(f"  {label:>18}: {med:6.3f} s   budget < {LAUNCH_BUDGET_S:g} s   {mark(med < LAUNCH_BUDGET_S)}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--dist", default=str(OUT / "bundle"), help="where to build (default bench/out/bundle)")
    p.add_argument("--reuse", action="store_true", help="measure the bundle already built there")
    p.add_argument("--launches", type=int, default=3, help="launches of each program (default 3)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = p.parse_args(argv)
    res = measure(Path(args.dist), runs=args.launches, reuse=args.reuse)
    if args.json:
        print(json.dumps(res))
    else:
        report(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
