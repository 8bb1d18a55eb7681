#!/usr/bin/env python3
"""Fail unless every listed money file has 100 % line and branch coverage.

Reads the JSON report of coverage.py (``coverage json`` or ``pytest --cov-report=json:PATH``) and
checks each file in the list (default: the domain core in ``pos/``). A file that is missing from the
report counts as uncovered. Exit status 0 when all are at 100 %, 1 otherwise (each failing file is
listed with its missing lines and branches), 2 when the report cannot be read.

    python -m pytest tests/pos --cov=pos --cov-branch --cov-report=json:/tmp/cov.json
    python tools/check_coverage.py /tmp/cov.json [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_FILES = (
    "pos/money.py",
    "pos/tax.py",
    "pos/cart.py",
    "pos/cashround.py",
    "pos/errors.py",
    "pos/storeconfig.py",
    "pos/measure.py",
    "pos/gs1.py",
    "pos/scan.py",
    "pos/fulfilment.py",
    "pos/stock.py",
    "pos/returns.py",
    "pos/return_receipt.py",
    "pos/till.py",
)


def _normalise(path: str) -> str:
    text = Path(path).as_posix()
    return text[2:] if text.startswith("./") else text


def _find(files: dict, wanted: str) -> dict | None:
    """The report entry for ``wanted``: an exact key, else one whose path ends with it."""
    if wanted in files:
        return files[wanted]
    for key, entry in files.items():
        norm = Path(key).as_posix()
        if norm == wanted or norm.endswith("/" + wanted):
            return entry
    return None


def check(report: dict, wanted: Sequence[str]) -> list[str]:
    """Problems (one line per file below 100 %); empty when every file is fully covered."""
    files = report.get("files")
    if not isinstance(files, dict):
        raise ValueError("not a coverage.py JSON report (no 'files' table)")
    branch = bool(report.get("meta", {}).get("branch_coverage"))
    problems = []
    if not branch:
        problems.append("the report has no branch data: run coverage with --branch / --cov-branch")
    for name in wanted:
        entry = _find(files, _normalise(name))
        if entry is None:
            problems.append(f"{name}: not in the report (never imported by the tests?)")
            continue
        s = entry["summary"]
        statements, covered = s["num_statements"], s["covered_lines"]
        branches, covered_branches = s.get("num_branches", 0), s.get("covered_branches", 0)
        if covered < statements or covered_branches < branches:
            missing_lines = ",".join(str(n) for n in entry.get("missing_lines", []))
            missing_branches = ",".join(f"{a}->{b}" for a, b in entry.get("missing_branches", []))
            problems.append(
                f"{name}: lines {covered}/{statements}, branches {covered_branches}/{branches}"
                + (f"; missing lines {missing_lines}" if missing_lines else "")
                + (f"; missing branches {missing_branches}" if missing_branches else "")
            )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", help="coverage.py JSON report")
    parser.add_argument("files", nargs="*", default=list(DEFAULT_FILES), help="files that must be at 100 %%")
    args = parser.parse_args(argv)
    try:
        report = json.loads(Path(args.report).read_text(encoding="utf-8"))
        problems = check(report, args.files)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        print(f"check_coverage: cannot read {args.report}: {e}", file=sys.stderr)
        return 2
    if problems:
        print("Below 100 % line+branch coverage:", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print(f"100 % line and branch coverage: {', '.join(args.files)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
