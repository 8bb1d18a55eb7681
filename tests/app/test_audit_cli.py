"""`omo-pos audit verify`'s comparison of this till's chain with the backend's anchored copy."""

from __future__ import annotations

from app.audit_cli import first_difference


def test_the_first_difference_is_named():
    local = [(1, "a"), (2, "b"), (3, "c")]
    assert first_difference(local, [(1, "a"), (2, "b")]) is None  # entry 3 is not anchored yet
    assert first_difference(local, [(1, "a"), (2, "x"), (3, "y")]) == (
        "entry 2 differs from the backend's anchored copy (rewritten)"
    )
    assert first_difference([(1, "a"), (3, "c")], [(1, "a"), (2, "b"), (3, "c")]) == (
        "entry 2 is in the backend's anchored copy but missing here (deleted)"
    )
