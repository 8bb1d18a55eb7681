"""The shipped program: build the PyInstaller bundle, run its `--self-test`, and look inside it.

One build for the module (minutes: marked slow, but CI runs it). The figures (bundle size, start to login
screen frozen and from source) are printed with their budgets by bench.bundle.
"""

from __future__ import annotations

import ast
import os
import subprocess
from pathlib import Path

import pytest

from bench import bundle

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1500)]
ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMO_POS_", "PYTHON"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env  # the bundle's own keyring choice: the tests' in-memory backend is not in it


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    bundle.build(out)
    return out


def test_the_bundle_passes_its_self_test(built, tmp_path):
    exe = bundle.executable(built / "dist")
    proc = subprocess.run(
        [str(exe), "--self-test", "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=600,
        env=_env(),
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    checked = {ln.split()[1] for ln in lines if ln.startswith(("ok ", "FAIL"))}
    assert {
        "login",
        "shop",
        "database",
        "keyring",
        "camera",
        "printer",
        "stripe",
        "backend",
        "language",
    } <= checked
    assert lines[-1] == "self-test passed"
    camera = next(ln for ln in lines if ln.split()[1] == "camera")
    # the bundled libzbar, not the system's
    assert f"(zbar: {bundle.executable(built / 'dist').parent}" in camera


def test_the_bundle_holds_what_the_till_loads_and_not_the_tests(built):
    folder = bundle.executable(built / "dist").parent
    files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert any(Path(f).name.startswith("libzbar") or "zbar" in Path(f).name.lower() for f in files), files
    for lang in ("en", "it", "pt", "ja"):
        assert f"_internal/i18n/omo_{lang}.qm" in files
    assert "_internal/sync/openapi.yaml" in files
    assert not any("QtWebEngine" in f or "Qt3D" in f or "QtQuick" in f for f in files)
    toc = next((built / "build" / "pyinstaller").glob("PYZ-*.toc"))
    _archive, entries = ast.literal_eval(
        toc.read_text(encoding="utf-8")
    )  # (the .pyz, [(module, file, kind)])
    modules = {entry[0] for entry in entries}
    assert "app.cli" in modules and "sync.cli" in modules and "keyring.backends.SecretService" in modules
    assert not {
        m for m in modules if m.split(".")[0] in {"tests", "bench", "pytest", "_pytest", "hypothesis"}
    }


def test_bundle_figures_next_to_their_budgets(built, capsys):
    res = bundle.measure(built, runs=1, reuse=True)
    with capsys.disabled():
        print()
        bundle.report(res)
    assert res["size_mb"] > 50  # Qt and OpenCV are in it
    assert res["frozen_launch_median_s"] > 0 and res["source_launch_median_s"] > 0
