"""tools/check_coverage.py: passes only at 100 % line and branch coverage of every listed file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tools.check_coverage import DEFAULT_FILES, check, main

ROOT = Path(__file__).resolve().parents[2]


def _entry(statements=10, covered=10, branches=4, covered_branches=4, missing=(), missing_branches=()):
    return {
        "summary": {
            "num_statements": statements,
            "covered_lines": covered,
            "num_branches": branches,
            "covered_branches": covered_branches,
        },
        "missing_lines": list(missing),
        "missing_branches": [list(b) for b in missing_branches],
    }


def _report(**files):
    return {"meta": {"branch_coverage": True}, "files": files}


def test_full_coverage_passes():
    report = _report(**{name: _entry() for name in DEFAULT_FILES})
    assert check(report, DEFAULT_FILES) == []


def test_missing_lines_and_branches_are_listed():
    report = _report(
        **{
            "pos/money.py": _entry(covered=9, missing=[42]),
            "pos/tax.py": _entry(covered_branches=3, missing_branches=[(7, 9)]),
        }
    )
    problems = check(report, ["pos/money.py", "pos/tax.py"])
    assert problems == [
        "pos/money.py: lines 9/10, branches 4/4; missing lines 42",
        "pos/tax.py: lines 10/10, branches 3/4; missing branches 7->9",
    ]


def test_absent_file_and_no_branch_data_fail():
    report = {"meta": {"branch_coverage": False}, "files": {"pos/money.py": _entry()}}
    problems = check(report, ["pos/money.py", "./pos/cart.py"])
    assert "no branch data" in problems[0]
    assert problems[1] == "./pos/cart.py: not in the report (never imported by the tests?)"


def test_absolute_paths_in_the_report_are_matched_by_suffix():
    report = _report(**{"/build/src/pos/money.py": _entry(), "/build/src/xpos/money.py": _entry(covered=0)})
    assert check(report, ["./pos/money.py"]) == []
    assert check(_report(**{"/build/xpos/money.py": _entry()}), ["pos/money.py"])


def test_main_exit_codes(tmp_path, capsys):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(_report(**{"pos/money.py": _entry()})))
    assert main([str(good), "pos/money.py"]) == 0
    assert "100 %" in capsys.readouterr().out
    assert main([str(good)]) == 1  # the default list: the other files are missing
    assert "pos/cart.py: not in the report" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    assert main([str(bad)]) == 2
    bad.write_text("[]")
    assert main([str(bad)]) == 2
    assert main([str(tmp_path / "absent.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_runs_as_a_script(tmp_path):
    report = tmp_path / "r.json"
    report.write_text(json.dumps(_report(**{"pos/money.py": _entry(covered=1)})))
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "check_coverage.py"), str(report), "pos/money.py"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert "pos/money.py: lines 1/10" in proc.stderr
