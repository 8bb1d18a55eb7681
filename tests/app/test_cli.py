from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli as app

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


def test_config_show_names_the_stores_effective_money_rules(capsys, tmp_path):
    assert app.main(["--data-dir", str(tmp_path), "--set", "store.country=JP", "config", "show"]) == 0
    out = capsys.readouterr().out
    assert (
        "# store money rules: JPY, ja_JP, prices include tax, tax per_document down, cash rounding none; "
        in out
    )
    assert "rates STANDARD 10%, REDUCED 8%, ZERO 0%" in out
    assert app.main(["--data-dir", str(tmp_path), "--set", "store.country=US", "config", "show"]) == 0
    assert "# store money rules: refused: Setting 'store.tax_preset'" in capsys.readouterr().out


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
            "ui.main",
            "--data-dir",
            str(tmp_path / "d"),
            "--set",
            "demo.products=200",
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


def test_terminal_commands_are_wired(capsys, tmp_path):
    """`omo-pos audit verify`, `backup`, `sync status` run on a real journal from the terminal."""
    from sync.store import audit
    from sync.store.core import open_store

    store = open_store(tmp_path, till_id="T01")
    store.write_sync(lambda c: audit.append(c, "drawer.no_sale", "mia", {"reason": "change for the float"}))
    store.close()
    assert app.main(["--data-dir", str(tmp_path), "audit", "verify"]) == 0
    assert "chain intact" in capsys.readouterr().out
    assert app.main(["--data-dir", str(tmp_path), "sync", "status"]) == 0
    assert "Dead letters" in capsys.readouterr().out
    dest = tmp_path / "copy.sqlite3"
    assert app.main(["--data-dir", str(tmp_path), "backup", str(dest)]) == 0
    assert dest.stat().st_size > 0
    # tampering with the chain is reported with the broken link
    import sqlite3

    conn = sqlite3.connect(tmp_path / "pos.sqlite3")
    triggers = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_log'")
    ]
    for t in triggers:
        conn.execute(f"DROP TRIGGER {t}")
    conn.execute("UPDATE audit_log SET details = '{}'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert app.main(["--data-dir", str(tmp_path), "audit", "verify"]) != 0


def test_reader_pairing_from_the_terminal(capsys, tmp_path):
    """`omo-pos reader register/list` against the Stripe simulator, key from the (test) keyring."""
    import keyring

    from hardware.stripe_sim.simulator import StripeSimulator

    keyring.set_password("omo-pos", "stripe-api-key", "rk_test_simulator")
    with StripeSimulator() as sim:
        loc = sim.create_location("Dublin", "IE")
        base = [
            "--data-dir",
            str(tmp_path),
            "--set",
            f"stripe.api_base={sim.url}",
            "--set",
            f"stripe.location_id={loc}",
        ]
        assert app.main([*base, "reader", "list"]) == 0
        assert "No readers" in capsys.readouterr().out
        assert app.main([*base, "reader", "register", "simulated-wpe", "--label", "Till 1"]) == 0
        out = capsys.readouterr().out
        rid = out.split()[1]
        assert rid.startswith("tmr_") and "stripe.reader_id" in out
        assert app.main([*base, "--set", f"stripe.reader_id={rid}", "reader", "list"]) == 0
        listed = capsys.readouterr().out
        assert rid in listed and "online" in listed and "(this till)" in listed
    keyring.delete_password("omo-pos", "stripe-api-key")
    assert app.main(["--data-dir", str(tmp_path), "reader", "list"]) == 1
    assert "No Stripe key" in capsys.readouterr().err


def test_a_terminal_commands_own_options_reach_it(capsys, tmp_path):
    from sync.store import open_store

    open_store(tmp_path, till_id="T01").close()
    assert app.main(["--data-dir", str(tmp_path), "sync", "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["queue_depth"] == 0
    with pytest.raises(SystemExit):
        app.main(["--data-dir", str(tmp_path), "config", "show", "--json"])  # not a terminal command's
