"""Named crash points for the crash tests: ``crashpoint("mid_sale_commit")``.

A no-op unless the environment variable ``POS_CRASHPOINT`` names this point: ``name`` (kill at the
first hit) or ``name:nth`` (kill at the nth hit in this process). The kill is a real SIGKILL of the
process (``os._exit(137)`` on Windows), so nothing gets a chance to clean up.
"""

from __future__ import annotations

import os
import sys
import threading

_hits: dict[str, int] = {}
_lock = threading.Lock()


def crashpoint(name: str) -> None:
    spec = os.environ.get("POS_CRASHPOINT")
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
    sys.stdout.flush()
    sys.stderr.flush()
    if sys.platform == "win32":  # pragma: no cover
        os._exit(137)
    import signal

    os.kill(os.getpid(), signal.SIGKILL)
