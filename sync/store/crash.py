"""Named crash points for the crash tests: ``crashpoint("mid_sale_commit")``.

A no-op unless the environment variable ``POS_CRASHPOINT`` names this point: ``name`` (kill at the
first hit) or ``name:nth`` (kill at the nth hit in this process). The kill is a real SIGKILL of the
process (``os._exit(137)`` on Windows), so nothing gets a chance to clean up. With
``POS_CRASHPOINT_LOG`` set to a file, the point and hit are appended to it (and fsynced) just before the
kill, so a harness knows which crash point it reached.
"""

from __future__ import annotations

import os
import sys
import threading

ENV = "POS_CRASHPOINT"
ENV_LOG = "POS_CRASHPOINT_LOG"

_hits: dict[str, int] = {}
_lock = threading.Lock()


def armed(name: str) -> bool:
    """Whether this process may be killed at the crash point `name` (a caller may prepare for it)."""
    spec = os.environ.get(ENV)
    return bool(spec) and spec.partition(":")[0] == name


def crashpoint(name: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    target, _, nth = spec.partition(":")
    if target != name:
        return
    want = int(nth) if nth else 1
    with _lock:
        _hits[name] = _hits.get(name, 0) + 1
        hit = _hits[name]
    if hit != want:
        return
    _record(f"{name}:{hit}")
    sys.stdout.flush()
    sys.stderr.flush()
    if sys.platform == "win32":  # pragma: no cover
        os._exit(137)
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def _record(hit: str) -> None:
    path = os.environ.get(ENV_LOG)
    if not path:
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{hit} {os.getpid()}\n".encode())
        os.fsync(fd)
    finally:
        os.close(fd)
