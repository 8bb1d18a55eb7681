"""The audit log's hash chain, one definition for the till that writes it and the backend that anchors it.

Entry n stores ``hash_n = SHA-256(canonical JSON of [prev_hash, seq, at, actor, action, details])`` with
``prev_hash = hash_{n-1}`` (GENESIS for the first); ``details`` is itself canonical JSON text. Canonical
JSON: sorted keys, no spaces, UTF-8 kept.
"""

from __future__ import annotations

import hashlib
import json

GENESIS = "0" * 64


def entry_hash(prev_hash: str, seq: int, at: str, actor: str | None, action: str, details: str) -> str:
    body = json.dumps(
        [prev_hash, seq, at, actor, action, details],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


__all__ = ["GENESIS", "entry_hash"]
