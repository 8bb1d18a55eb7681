"""Camera worker, sources, pipeline mechanics, duplicate window, camera errors, and the decode CLI."""

from __future__ import annotations

import os
import sys
import threading

import cv2
import numpy as np
import pytest

from hardware import cli
from hardware import qr_corpus as qc
from hardware.camera import (
    CameraError,
    CameraWorker,
    DecodePipeline,
    DeviceSource,
    DuplicateSuppressor,
    ImageSequenceSource,
    SyntheticSource,
    VideoFileSource,
    pipeline_for,
)
from hardware.camera.decoders import Decoder, DecoderUnavailable, Detection, PyzbarDecoder

TOKEN = qc.codes.encode_member_token(
    qc.corpus_private_key(), qc.CORPUS_KEY_ID, 4242, qc.CORPUS_NOW + qc.codes.APP_CODE_LIFE_S
)


class Collector:
    def __init__(self):
        self.codes, self.errors, self.frames = [], [], 0
        self.lock = threading.Lock()
        self.got_code = threading.Event()

    def on_code(self, det):
        with self.lock:
            self.codes.append(det.text)
        self.got_code.set()

    def on_error(self, err):
        self.errors.append(err)

    def on_frame(self, frame):
        self.frames += 1


def run(source, pipeline=None, **kw):
    c = Collector()
    w = CameraWorker(
        source,
        pipeline or DecodePipeline.from_specs(),
        on_code=c.on_code,
        on_error=c.on_error,
        on_frame=c.on_frame,
        **kw,
    )
    w.start()
    try:
        assert w.wait(timeout=30), "camera worker did not finish"
    finally:
        w.stop()
    return w, c


def test_synthetic_source_reports_the_member_once():
    src = SyntheticSource([TOKEN], fps=60, frames_per_text=12, gap_frames=3, loop=False)
    w, c = run(src)
    assert c.codes == [TOKEN]  # seen in many frames, reported once
    assert w.stats.found > 1 and w.stats.reported == 1
    assert c.errors == [] and not w.running


def test_same_code_again_after_the_window_is_reported_again():
    now = [0.0]
    dedup = DuplicateSuppressor(2.0, clock=lambda: now[0])
    assert dedup.accept("A") and not dedup.accept("A")
    now[0] = 1.9
    assert not dedup.accept("A") and dedup.accept("B")
    now[0] = 3.0  # last seen at 1.9: still within the window while held up
    assert not dedup.accept("A")
    now[0] = 5.1
    assert dedup.accept("A")


def test_image_sequence_and_video_file(tmp_path):
    paths = []
    texts = []
    for i, kind in enumerate(["nominal", "nocode", "inverted"]):
        s = qc.render(kind, i)
        p = tmp_path / f"{i:02d}.png"
        cv2.imwrite(str(p), s.image)
        paths.append(p)
        texts.append(s.text)
    (tmp_path / "99.png").write_bytes(b"not an image")
    _, c = run(ImageSequenceSource(str(tmp_path / "*.png"), fps=200), duplicate_window_s=0)
    assert c.codes == [t for t in texts if t]

    video = tmp_path / "clip.avi"
    out = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 30, (640, 480))
    frame = qc.render("nominal", 7).image
    for _ in range(5):
        out.write(frame)
    out.release()
    _, c = run(VideoFileSource(video, fps=200))
    assert c.codes == [qc.render("nominal", 7).text]


class _NumberedSource(SyntheticSource):
    """Frames carry their number in the first pixel row; delivered much faster than they are decoded."""

    def __init__(self, n):
        super().__init__([], fps=400)
        self.n, self.i = n, 0

    def open(self):
        self.i = 0

    def read(self):
        if self.i >= self.n:
            return None
        img = np.zeros((48, 64, 3), np.uint8)
        img[0, 0], img[0, 1] = divmod(self.i, 256)
        self.i += 1
        return img


class _SlowDecoder(Decoder):
    name = "slow"

    def __init__(self):
        self.seen = []
        self.gate = threading.Event()

    def decode(self, gray):
        self.seen.append(int(gray[0, 0]) * 256 + int(gray[0, 1]))
        self.gate.wait(0.02)  # a slow decode: 20 ms per frame against 2.5 ms per captured frame
        return []


def test_decoder_takes_the_newest_frame_and_drops_the_rest():
    dec = _SlowDecoder()
    pipeline = DecodePipeline([dec], budget_s=1.0)
    w, _ = run(_NumberedSource(120), pipeline)
    assert w.stats.captured == 120
    assert w.stats.decoded < 60 and w.stats.dropped > 60
    assert w.stats.decoded + w.stats.dropped == 120
    assert dec.seen == sorted(dec.seen) and dec.seen[-1] == 119  # always the newest; the last is decoded


class _FakeCapture:
    def __init__(self, frames=0, opened=True):
        self.frames, self.opened, self.released = frames, opened, False

    def isOpened(self):
        return self.opened

    def set(self, *_):
        return True

    def read(self):
        if self.frames > 0:
            self.frames -= 1
            return True, qc.render("nominal", 0).image
        return False, None

    def release(self):
        self.released = True


def test_no_camera_is_a_clear_error(tmp_path):
    src = DeviceSource(
        0,
        capture_factory=lambda *a: _FakeCapture(opened=False),
        device_path=lambda i: str(tmp_path / f"video{i}"),
    )
    w, c = run(src)
    assert [e.kind for e in c.errors] == ["no_camera"]
    assert "type the member number" in c.errors[0].message
    assert w.error is c.errors[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="device nodes are a Linux thing")
def test_permission_denied_is_a_clear_error(tmp_path):
    node = tmp_path / "video0"
    node.write_bytes(b"")
    src = DeviceSource(
        0,
        capture_factory=lambda *a: _FakeCapture(opened=False),
        device_path=lambda i: str(node),
        access=lambda p, m: False,
    )
    _, c = run(src)
    assert [e.kind for e in c.errors] == ["permission_denied"]
    assert "allow camera access" in c.errors[0].message


def test_camera_unplugged_mid_scan(tmp_path):
    node = tmp_path / "video0"
    node.write_bytes(b"")
    cap = _FakeCapture(frames=3)
    orig_read = cap.read

    def read():
        ok, frame = orig_read()
        if not ok and node.exists():
            node.unlink()  # the USB cable comes out
        return ok, frame

    cap.read = read
    src = DeviceSource(0, capture_factory=lambda *a: cap, device_path=lambda i: str(node))
    w, c = run(src)
    assert [e.kind for e in c.errors] == ["unplugged"]
    assert w.stats.captured == 3 and cap.released


def test_repeated_read_failures_count_as_unplugged():
    src = DeviceSource(
        0,
        capture_factory=lambda *a: _FakeCapture(frames=0),
        device_path=lambda i: os.devnull,
        max_failed_reads=3,
    )
    _, c = run(src)
    assert [e.kind for e in c.errors] == ["unplugged"]


def test_pipeline_works_without_libzbar(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyzbar", None)  # import pyzbar -> ImportError, as without libzbar
    with pytest.raises(DecoderUnavailable):
        PyzbarDecoder()
    pipeline = pipeline_for("zxing")
    assert "pyzbar" in pipeline.unavailable and "pyzbar" not in pipeline.names
    assert [d.text for d in pipeline.decode(qc.render("nominal", 0).image)] == [qc.render("nominal", 0).text]
    assert pipeline_for("pyzbar").names[-1] == "zxing"  # the ZBar backend falls back to zxing-cpp


class _Stage(Decoder):
    def __init__(self, name, cost, clock, result=()):
        self.name, self.cost, self.clock, self.result, self.calls = name, cost, clock, list(result), 0

    def decode(self, gray):
        self.calls += 1
        self.clock[0] += self.cost
        return self.result


def test_fallback_stages_are_skipped_when_they_would_break_the_budget():
    clock = [0.0]
    a = _Stage("a", 0.010, clock)
    b = _Stage("b", 0.030, clock)
    c = _Stage("c", 0.005, clock, [Detection("X", ((0, 0),) * 4, "c")])
    p = DecodePipeline([a, b, c], budget_s=0.033, clock=lambda: clock[0])
    frame = np.zeros((10, 10), np.uint8)
    assert p.decode(frame) == []  # first frame: costs unknown, b runs and eats the budget; c is skipped
    assert (a.calls, b.calls, c.calls) == (1, 1, 0)
    assert [d.text for d in p.decode(frame)] == ["X"]  # b is known to be too slow now: skipped, c reads
    assert (a.calls, b.calls, c.calls) == (2, 1, 1)


def test_gated_stages_run_only_when_an_earlier_stage_saw_a_symbol():
    clock = [0.0]
    lead = _Stage("lead", 0.001, clock)
    fallback = _Stage("fallback", 0.002, clock, [Detection("Y", ((0, 0),) * 4, "fallback")])
    p = DecodePipeline([lead, fallback], gated=[False, True], clock=lambda: clock[0])
    frame = np.zeros((10, 10), np.uint8)
    assert p.decode(frame) == [] and fallback.calls == 0  # nothing code-like: the fallback is not paid for
    lead.saw_candidate = True
    assert [d.text for d in p.decode(frame)] == ["Y"] and fallback.calls == 1


def test_zxing_reports_a_symbol_it_could_not_read():
    from hardware.camera.decoders import ZXingDecoder

    dec = ZXingDecoder()
    s = qc.render("nominal", 0)
    gray = cv2.cvtColor(s.image, cv2.COLOR_BGR2GRAY)
    x0, y0 = s.quad.min(axis=0).astype(int)
    x1, y1 = s.quad.max(axis=0).astype(int)
    cy = (y0 + y1) // 2
    gray[cy - (y1 - y0) // 6 : cy + (y1 - y0) // 6, x0 + 2 : x1 - 2] = 128  # a wide band across the middle
    assert dec.decode(gray) == []
    assert dec.saw_candidate
    dec.decode(cv2.cvtColor(qc.render("nocode", 1).image, cv2.COLOR_BGR2GRAY))
    assert not dec.saw_candidate


def test_decode_cli(tmp_path, capsys):
    good = tmp_path / "member.jpg"
    cv2.imwrite(str(good), qc.render("inverted", 2).image)
    empty = tmp_path / "empty.png"
    cv2.imwrite(str(empty), qc.render("nocode", 0).image)
    broken = tmp_path / "broken.png"
    broken.write_text("nope")
    assert cli.decode([str(good)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{good}: ") and qc.render("inverted", 2).text in out
    assert cli.decode([str(good), str(empty)]) == 1
    assert f"{empty}: no code found" in capsys.readouterr().out
    assert cli.decode([str(broken)]) == 2
    assert "cannot read this image" in capsys.readouterr().out
    assert cli.decode(["--json", str(good)]) == 0
    assert '"decoder": "zxing"' in capsys.readouterr().out
    assert cli.decode([]) == 2


def test_cli_describes_member_tokens():
    assert cli.describe(TOKEN) == "member token (app)"
    assert cli.describe("OMO:ORDER:123") == "online order"
    assert cli.describe("hello") == "not understood"


def test_camera_error_messages_are_for_cashiers():
    for kind in ("no_camera", "unplugged", "permission_denied", "source"):
        err = CameraError(kind, "detail")
        assert "member number" in err.message and "detail" in str(err)
