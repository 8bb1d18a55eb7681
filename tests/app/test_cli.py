from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui import app

ROOT = Path(__file__).resolve().parents[2]


def test_config_show_masks_secrets_and_names_sources(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("OMO_POS_STRIPE_READER_ID", "tmr_env")
    import keyring

    keyring.set_password("omo-pos", "stripe-api-key", "rk_test_verysecret")
    rc = app.main(
        ["--data-dir", str(tmp_path), "--set", "backend.url=https://a:b@h.example", "config", "show"]
    )
    out = capsys.readouterr().out
    assert rc == 0
    assert "stripe.reader_id" in out and "'tmr_env'" in out and "# env" in out
    assert "h.example" in out and ":b@" not in out
    assert "verysecret" not in out and "stripe api key: set (hidden)" in out
    assert f"# data directory: {tmp_path.resolve()}" in out


def test_invalid_setting_refused_at_start(capsys, tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.toml").write_text("[ui]\ntheme = 'purple'\n")
    rc = app.main(["--data-dir", str(tmp_path), "config", "show"])
    err = capsys.readouterr().err
    assert rc == 2
    assert "Setting 'ui.theme'" in err and "one of light, dark, high-contrast" in err


def test_config_path(capsys, tmp_path):
    assert app.main(["--data-dir", str(tmp_path), "config", "path"]) == 0
    assert capsys.readouterr().out.strip().endswith("settings.toml")


@pytest.mark.gui
def test_entry_point_opens_a_window_and_exits_cleanly(tmp_path):
    """README command one ends in `omo-pos`: run it for real (offscreen), let it draw, quit it."""
    shot = tmp_path / "window.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.app",
            "--data-dir",
            str(tmp_path / "d"),
            "--exit-after-ms",
            "800",
            "--screenshot",
            str(shot),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert shot.exists() and shot.stat().st_size > 1000
    assert (tmp_path / "d" / "logs" / "omo-pos.log").read_text().count("starting: mode=demo") == 1
