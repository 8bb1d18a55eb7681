"""The decode pipeline: stages tried in order until one reads a code, within the frame budget.

Order chosen with ``bench/qr.py`` (100 synthetic webcam frames per kind and size, 2 shared cores):

1. ``zxing`` (zxing-cpp, local-average binarizer, invert + rotate + downscale on): the best single decoder
   in every kind at both sizes (91-93 % mean against ZBar's 75-79 % and OpenCV's 49-69 %), the only one
   that reads dark-mode codes, ~1 ms at 640x480 and ~2 ms at 1280x720 (3 and 9 ms on dim, noisy
   frames) against ZBar's 5-18 and 15-52 ms, no false positive. It also
   reports symbols it found but could not decode; that is the gate for the expensive stages below.
2. ``zxing+denoise`` and ``zxing-gh`` (global-histogram binarizer): ~1 ms each, always run; they add
   reads on dim, small and glared frames.
3. Gated (only when an earlier stage saw a symbol it could not read, so a frame without a code costs
   ~3 ms instead of ~30): ``zxing+sharpen`` (blur, small, occlusion), ``zxing+clahe`` (glare),
   ``zxing+up2`` (small and tilted codes at 640x480; a no-op on larger frames) and ``pyzbar`` last
   (2 glare and 1 occlusion reads in 1,200 frames at 640x480 that nothing else made; at 1280x720 it
   costs ~20 ms, often does not fit the budget and is skipped, and made 0-1 reads in 1,200 frames).

Each stage's cost is tracked (exponential moving average); a stage starts only if 1.25 times its cost
still fits in the 33 ms budget, so a slow or busy machine drops fallbacks instead of dropping frames.
OpenCV's QRCodeDetector / QRCodeDetectorAruco are benchmarked but not used: slower and weaker than
zxing-cpp in every kind, and on the frames the pipeline missed (32 of 440 at 640x480, 18 of 275 at
1280x720, another seed) they read nothing; ZBar on a CLAHE frame read one of those (glare, 1280x720) but
costs ~32 ms there.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from hardware.camera.decoders import Decoder, DecoderUnavailable, Detection, make_decoder

log = logging.getLogger("hw.camera")

# "?" marks a gated stage: it runs only when an earlier stage saw a code it could not read.
DEFAULT_STAGES: tuple[str, ...] = (
    "zxing",
    "zxing+denoise",
    "zxing-gh",
    "?zxing+sharpen",
    "?zxing+clahe",
    "?zxing+up2",
    "?pyzbar",
)
PYZBAR_STAGES: tuple[str, ...] = ("pyzbar", "pyzbar+invert", "zxing")
COST_MARGIN = 1.25  # a stage starts only if 1.25 x its average cost still fits in the budget
FRAME_BUDGET_S = 1 / 30


def to_gray(frame: np.ndarray) -> np.ndarray:
    if frame.ndim == 2:
        return frame
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2GRAY)
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)


@dataclass
class PipelineStats:
    frames: int = 0
    found: int = 0
    skipped_stages: int = 0
    last_ms: float = 0.0
    stage_ms: dict[str, float] = field(default_factory=dict)  # moving average per stage


class DecodePipeline:
    """``decode(frame) -> list[Detection]``; frame is BGR (HxWx3), BGRA or gray. Not thread-safe."""

    def __init__(
        self,
        stages: Sequence[Decoder],
        *,
        gated: Sequence[bool] | None = None,
        budget_s: float = FRAME_BUDGET_S,
        clock: Callable[[], float] = time.perf_counter,
        unavailable: dict[str, str] | None = None,
    ) -> None:
        if not stages:
            raise ValueError("a pipeline needs at least one decoder")
        self.stages = list(stages)
        self.gated = list(gated) if gated is not None else [False] * len(self.stages)
        if len(self.gated) != len(self.stages):
            raise ValueError("one gated flag per stage")
        self.budget_s = budget_s
        self._clock = clock
        self.unavailable = dict(unavailable or {})
        self.stats = PipelineStats()
        self._ema: list[float] = [0.0] * len(self.stages)

    @classmethod
    def from_specs(cls, specs: Sequence[str] = DEFAULT_STAGES, **kwargs) -> DecodePipeline:
        """Build from decoder specs; decoders that cannot run here are left out (and listed in
        ``unavailable``), so a till without libzbar still scans. Raises DecoderUnavailable if none is left."""
        stages, gated, missing = [], [], {}
        for spec in specs:
            name = spec.lstrip("?")
            try:
                stages.append(make_decoder(name))
                gated.append(spec.startswith("?"))
            except DecoderUnavailable as exc:
                missing[name] = str(exc)
                log.warning("QR decoder %s unavailable: %s", name, exc)
        if not stages:
            raise DecoderUnavailable("; ".join(missing.values()) or "no decoder")
        return cls(stages, gated=gated, unavailable=missing, **kwargs)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def decode(self, frame: np.ndarray) -> list[Detection]:
        start = self._clock()
        gray = to_gray(frame)
        found: list[Detection] = []
        candidate = False
        for i, stage in enumerate(self.stages):
            if self.gated[i] and not candidate:
                continue
            t0 = self._clock()
            if i and (t0 - start) + COST_MARGIN * self._ema[i] > self.budget_s:
                self.stats.skipped_stages += 1
                continue
            found = stage.decode(gray)
            candidate = candidate or stage.saw_candidate
            dt = self._clock() - t0
            self._ema[i] = dt if not self._ema[i] else 0.8 * self._ema[i] + 0.2 * dt
            self.stats.stage_ms[stage.name] = self._ema[i] * 1000
            if found:
                break
        self.stats.frames += 1
        self.stats.found += bool(found)
        self.stats.last_ms = (self._clock() - start) * 1000
        return _unique(found)


def _unique(found: list[Detection]) -> list[Detection]:
    seen, out = set(), []
    for d in found:
        if d.text not in seen:
            seen.add(d.text)
            out.append(d)
    return out


def pipeline_for(backend: str = "zxing", **kwargs) -> DecodePipeline:
    """The pipeline for a shop's ``camera.decoder`` setting: ``"zxing"`` (default, measured best) or
    ``"pyzbar"`` (ZBar first, as the original design had it; falls back to zxing-cpp when libzbar is
    missing)."""
    if backend in ("zxing", "auto", ""):
        return DecodePipeline.from_specs(DEFAULT_STAGES, **kwargs)
    if backend == "pyzbar":
        return DecodePipeline.from_specs(PYZBAR_STAGES, **kwargs)
    raise ValueError(f"unknown QR decoder {backend!r} (choose zxing or pyzbar)")


class DuplicateSuppressor:
    """The same code seen again within ``window_s`` of its last sighting is reported once. Holding a phone
    in front of the camera therefore reports it once; showing it again after a pause reports it again."""

    def __init__(self, window_s: float = 2.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def accept(self, text: str) -> bool:
        now = self._clock()
        with self._lock:
            last = self._last.get(text)
            self._last[text] = now
            if len(self._last) > 256:
                self._last = {k: v for k, v in self._last.items() if now - v <= self.window_s}
            return last is None or now - last > self.window_s
