#!/usr/bin/env python3
"""Set up OMO POS in a local virtual environment, then start it or test it.

    python3 dev.py start [omo-pos arguments...]   # set up, then start the demo shop
    python3 dev.py test  [pytest arguments...]    # set up, then run the whole test suite

Needs only Python 3.11+. Creates `.venv/` next to this file, installs the pinned versions from
`constraints.txt`, installs the few system libraries Qt and zbar need (with apt-get when run as root,
otherwise it prints the exact command), and re-installs only when pyproject.toml or constraints.txt
changed. Standard library only: this runs before anything else is installed.
"""

from __future__ import annotations

import ctypes.util
import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("OMO_POS_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

# Shared libraries the program loads at run time, and the Debian package that ships each one.
# Qt's xcb/offscreen platforms need the GL/EGL/xkb/fontconfig/dbus ones; pyzbar needs libzbar (optional:
# zxing-cpp leads the QR pipeline, so the program still works without it).
SYSTEM_LIBS = {
    "GL": "libgl1",
    "EGL": "libegl1",
    "xkbcommon": "libxkbcommon0",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
    "zbar": "libzbar0",
}


def say(msg: str) -> None:
    print(f"[dev.py] {msg}", flush=True)


def ensure_system_libraries() -> None:
    if not sys.platform.startswith("linux"):
        return
    missing = sorted({pkg for lib, pkg in SYSTEM_LIBS.items() if ctypes.util.find_library(lib) is None})
    if not missing:
        return
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing system libraries: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        if subprocess.run(cmd, check=False, env=env).returncode != 0:
            say("could not install them; the program may not start. Try: sudo " + " ".join(cmd))
    else:
        say("missing system libraries. Please run:\n    sudo apt-get update && sudo " + " ".join(cmd))


def fingerprint(extras: str) -> str:
    h = hashlib.sha256(extras.encode())
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_venv(extras: str) -> None:
    if not PY.exists():
        say(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / ".omo-pos-installed"
    want = fingerprint(extras)
    if stamp.exists() and stamp.read_text().strip() == want:
        return
    say("installing OMO POS and its pinned dependencies (first run takes a few minutes)")
    target = f".[{extras}]" if extras else "."
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-c", str(ROOT / "constraints.txt"), "-e", target], check=True, cwd=ROOT)
    stamp.write_text(want)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs before the venv exists
        say(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
        return 2
    if not argv or argv[0] not in {"start", "test"}:
        print(__doc__)
        return 2
    what, rest = argv[0], argv[1:]
    ensure_system_libraries()
    # The test environment is a superset of the run environment: one venv serves both.
    ensure_venv("dev")
    env = dict(os.environ)
    if what == "start":
        return subprocess.call([str(BIN / "omo-pos"), *rest], cwd=ROOT, env=env)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONFAULTHANDLER"] = "1"
    return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
