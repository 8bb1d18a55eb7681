#!/usr/bin/env python3
"""A throw-away PostgreSQL server on loopback for the backend's tests and benchmarks (standard library only).

    python3 tools/pg_server.py start [--fast]   # prints "URL DATA_DIR" on one line
    python3 tools/pg_server.py stop DATA_DIR    # stops the server and removes its directory

Uses Debian's `postgresql` package (installed with apt-get when missing and run as root). PostgreSQL
refuses to run as root, so the server runs as the `postgres` user: a fresh cluster in a new temporary
directory owned by it, listening on 127.0.0.1 only (trust authentication on loopback: a test server with
no data worth a password), with database `omo`. `--fast` turns durability off (fsync, synchronous commit)
for test suites; benchmarks leave it on.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_USER = "postgres"
DATABASE = "omo"


def say(msg: str) -> None:
    print(f"[pg_server] {msg}", file=sys.stderr, flush=True)


def bin_dir() -> Path | None:
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(Path(d).parent.name))
    return Path(dirs[-1]) if dirs else None


def ensure_installed() -> Path:
    found = bin_dir()
    if found is not None:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise SystemExit(
            "PostgreSQL is not installed. Please run: sudo apt-get install postgresql (Debian's package)"
        )
    say("installing Debian's postgresql package")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "postgresql"], check=True, env=env
    )
    found = bin_dir()
    if found is None:
        raise SystemExit("the postgresql package installed no server binaries")
    return found


def as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL will not run as root: run its commands as the postgres user."""
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", *cmd]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(fast: bool) -> tuple[str, Path]:
    bins = ensure_installed()
    root = Path(tempfile.mkdtemp(prefix="omo-pg-"))
    data = root / "data"
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, PG_USER)
        shutil.chown(data, PG_USER)
    subprocess.run(
        as_server_user([str(bins / "initdb"), "-D", str(data), "-U", PG_USER, "--auth=trust", "-E", "UTF8"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    port = free_port()
    opts = [
        "-c listen_addresses=127.0.0.1",
        f"-c port={port}",
        f"-c unix_socket_directories={root}",
        "-c max_connections=200",
        "-c shared_buffers=256MB",
    ]
    if fast:
        opts += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
    subprocess.run(
        as_server_user(
            [
                str(bins / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                " ".join(opts),
                "start",
            ]  # fmt: skip
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while True:
        done = subprocess.run(
            as_server_user(
                [str(bins / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, DATABASE]
            ),
            capture_output=True,
            text=True,
        )
        if done.returncode == 0:
            break
        if time.monotonic() > deadline:
            raise SystemExit(f"could not create the database: {done.stderr.strip()}")
        time.sleep(0.2)
    return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{port}/{DATABASE}", root


def stop(root: Path) -> None:
    bins = bin_dir()
    data = root / "data"
    if bins is not None and (data / "postmaster.pid").exists():
        subprocess.run(
            as_server_user([str(bins / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
        )
    shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    st = sub.add_parser("start")
    st.add_argument("--fast", action="store_true", help="no fsync (test suites only)")
    sp = sub.add_parser("stop")
    sp.add_argument("data_dir")
    args = ap.parse_args(argv)
    if args.cmd == "start":
        url, root = start(args.fast)
        print(url, root, flush=True)
    else:
        stop(Path(args.data_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
