"""pos.wedge: scanner bursts versus typing, from (char, timestamp) events."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pos.wedge import PartialScan, Scan, Typed, WedgeDetector


def feed(det, text, start=0.0, gap=0.008):
    out, t = [], start
    for ch in text:
        out += det.key(ch, t)
        t += gap
    return out, t


def test_fast_burst_with_enter_is_a_scan():
    det = WedgeDetector()
    out, _ = feed(det, "4006381333931\r")
    assert out == [Scan("4006381333931")]
    assert det.holding == 0 and det.deadline() is None


def test_slow_typing_is_released_key_by_key():
    det = WedgeDetector(max_gap=0.04)
    out, t = feed(det, "12345678", gap=0.12)
    assert out == [Typed(c) for c in "1234567"]
    assert det.holding == 1
    assert det.timeout(t) == [Typed("8")]
    out, _ = feed(det, "\r", start=t + 1)
    assert out == [Typed("\r")]


def test_enter_after_a_short_fast_run_is_typing():
    det = WedgeDetector(min_length=6)
    out, _ = feed(det, "12345\r")
    assert out == [Typed("12345"), Typed("\r")]


def test_min_length_and_gap_are_configurable():
    det = WedgeDetector(min_length=4, max_gap=0.05)
    out, _ = feed(det, "1234\r", gap=0.045)
    assert out == [Scan("1234")]
    det = WedgeDetector(min_length=4, max_gap=0.03)
    out, t = feed(det, "1234\r", gap=0.045)
    assert Scan("1234") not in out


def test_fast_run_without_terminator_is_a_partial_scan():
    det = WedgeDetector()
    out, t = feed(det, "4006381")
    assert out == []
    assert det.timeout(t - 0.008 + 0.01) == []  # the gap has not run out yet
    assert det.timeout(det.deadline()) == [PartialScan("4006381")]


def test_typing_then_a_scan_is_split_correctly():
    det = WedgeDetector()
    out, t = feed(det, "ab", gap=0.2)
    out2, _ = feed(det, "96385074\r", start=t + 0.2)
    assert out + out2 == [Typed("a"), Typed("b"), Scan("96385074")]


def test_two_scans_back_to_back():
    det = WedgeDetector()
    out, t = feed(det, "96385074\r")
    out2, _ = feed(det, "4006381333931\n", start=t + 0.3)
    assert out + out2 == [Scan("96385074"), Scan("4006381333931")]


def test_overlong_input_is_released_as_typing():
    det = WedgeDetector(max_length=10)
    out, _ = feed(det, "x" * 11)
    assert out == [Typed("x" * 11)]


def test_flush_releases_everything():
    det = WedgeDetector()
    feed(det, "ab")
    assert det.flush() == [Typed("ab")]
    assert det.flush() == []


# ------------------------------------------------------------------------------------------ properties

_chars = st.sampled_from("0123456789abcdefXYZ -")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_chars, st.floats(0.05, 2.0)), max_size=30))
def test_slow_typing_is_always_delivered_exactly_as_typed(keys):
    det = WedgeDetector(max_gap=0.04)
    t, typed = 0.0, ""
    for ch, gap in keys:
        t += gap
        for out in det.key(ch, t):
            assert isinstance(out, Typed)
            typed += out.chars
    for out in det.flush():
        assert isinstance(out, Typed)
        typed += out.chars
    assert typed == "".join(ch for ch, _ in keys)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="0123456789", min_size=6, max_size=40),
    st.lists(st.floats(0.0, 0.039), min_size=41, max_size=41),
    st.text(alphabet="abc", max_size=5),
)
def test_any_fast_burst_with_enter_is_exactly_one_scan_of_that_code(code, gaps, typed_before):
    det = WedgeDetector(max_gap=0.04)
    t, out = 0.0, []
    for ch in typed_before:  # a person typed a little before the scan
        t += 0.3
        out += det.key(ch, t)
    t += 0.3
    for ch, gap in zip(code + "\r", gaps, strict=False):
        out += det.key(ch, t)
        t += gap
    out += det.flush()
    assert [o for o in out if isinstance(o, Scan)] == [Scan(code)]
    assert "".join(o.chars for o in out if isinstance(o, Typed)) == typed_before
