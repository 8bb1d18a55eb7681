"""Frame sources: a webcam (OpenCV device index), a video file, an image sequence, a synthetic phone.

``open()`` raises :class:`CameraError` with a message a cashier understands; ``read()`` returns the next
BGR frame, ``None`` at the end of a finite source, and raises :class:`CameraError` when a camera stops
delivering (unplugged mid-scan). File and synthetic sources are ``paced``: the capture thread delivers
them at ``fps`` like a camera would; a device paces itself.
"""

from __future__ import annotations

import glob
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Literal

import cv2
import numpy as np

log = logging.getLogger("hw.camera")

ErrorKind = Literal["no_camera", "unplugged", "permission_denied", "source"]

_TYPE_INSTEAD = " Meanwhile, type the member number instead."
MESSAGES: dict[str, str] = {
    "no_camera": "No camera found. Check that the camera is plugged in." + _TYPE_INSTEAD,
    "unplugged": "The camera stopped working (was it unplugged?). Plug it back in." + _TYPE_INSTEAD,
    "permission_denied": (
        "This computer does not let the till use the camera. Ask a manager to allow camera access."
        + _TYPE_INSTEAD
    ),
    "source": "The camera picture cannot be read." + _TYPE_INSTEAD,
}


class CameraError(RuntimeError):
    def __init__(self, kind: ErrorKind, detail: str = "") -> None:
        self.kind = kind
        self.message = MESSAGES[kind]
        self.detail = detail
        super().__init__(f"{self.message} ({detail})" if detail else self.message)


class FrameSource:
    """Interface. ``fps`` is the nominal rate; ``paced`` sources need the reader to wait between frames."""

    name = "source"
    fps: float = 30.0
    paced: bool = True

    def open(self) -> None:
        """Acquire the device or file. Raises CameraError."""

    def read(self) -> np.ndarray | None:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        """Release; safe to call twice."""


class DeviceSource(FrameSource):
    """A webcam by index. Resolution and frame rate are requests (the driver may pick the nearest)."""

    paced = False

    def __init__(
        self,
        index: int = 0,
        *,
        width: int = 640,
        height: int = 480,
        fps: float = 30.0,
        api: int = cv2.CAP_ANY,
        max_failed_reads: int = 15,
        capture_factory: Callable[..., object] = cv2.VideoCapture,
        device_path: Callable[[int], str] = lambda i: f"/dev/video{i}",
        access: Callable[[str, int], bool] = os.access,
    ) -> None:
        self.index, self.width, self.height, self.fps, self.api = index, width, height, fps, api
        self.name = f"camera {index}"
        self.max_failed_reads = max_failed_reads
        self._factory = capture_factory
        self._device_path = device_path
        self._access = access
        self._cap = None
        self._failed = 0

    def _diagnose(self) -> CameraError:
        if sys.platform.startswith("linux"):
            path = self._device_path(self.index)
            if not os.path.exists(path):
                return CameraError("no_camera", f"{path} does not exist")
            if not self._access(path, os.R_OK | os.W_OK):
                return CameraError(
                    "permission_denied", f"no read/write access to {path} (add the user to 'video')"
                )
        return CameraError("no_camera", f"OpenCV could not open camera {self.index}")

    def open(self) -> None:
        cap = self._factory(self.index, self.api)
        if not cap.isOpened():
            cap.release()
            raise self._diagnose()
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_FPS, self.fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # keep the driver's queue short: we want the newest frame
        self._cap = cap
        self._failed = 0

    def read(self) -> np.ndarray | None:
        if self._cap is None:
            raise CameraError("source", "not open")
        ok, frame = self._cap.read()
        if ok and frame is not None:
            self._failed = 0
            return frame
        self._failed += 1
        if sys.platform.startswith("linux") and not os.path.exists(self._device_path(self.index)):
            raise CameraError("unplugged", f"{self._device_path(self.index)} disappeared")
        if self._failed >= self.max_failed_reads:
            raise CameraError("unplugged", f"{self._failed} reads failed in a row")
        return np.empty((0, 0, 3), np.uint8)  # a hiccup: nothing this time, try again

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class VideoFileSource(FrameSource):
    def __init__(self, path: str | os.PathLike, *, loop: bool = False, fps: float | None = None) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.loop = loop
        self._fps = fps
        self._cap = None

    def open(self) -> None:
        if not self.path.is_file():
            raise CameraError("source", f"{self.path} not found")
        cap = cv2.VideoCapture(str(self.path))
        if not cap.isOpened():
            raise CameraError("source", f"{self.path} is not a video OpenCV can read")
        self.fps = self._fps or cap.get(cv2.CAP_PROP_FPS) or 30.0
        self._cap = cap

    def read(self) -> np.ndarray | None:
        ok, frame = self._cap.read()
        if not ok and self.loop:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._cap.read()
        return frame if ok else None

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


class ImageSequenceSource(FrameSource):
    """Still images (a list of paths or a glob pattern) shown one after another at ``fps``."""

    def __init__(
        self, paths: Sequence[str | os.PathLike] | str, *, fps: float = 10.0, loop: bool = False
    ) -> None:
        if isinstance(paths, str):
            paths = sorted(glob.glob(paths))
        self.paths = [Path(p) for p in paths]
        self.fps, self.loop = fps, loop
        self.name = f"{len(self.paths)} images"
        self._i = 0

    def open(self) -> None:
        if not self.paths:
            raise CameraError("source", "no images")
        self._i = 0

    def read(self) -> np.ndarray | None:
        while True:
            if self._i >= len(self.paths):
                if not self.loop:
                    return None
                self._i = 0
            path = self.paths[self._i]
            self._i += 1
            frame = cv2.imread(str(path), cv2.IMREAD_COLOR)
            if frame is not None:
                return frame
            log.warning("skipping unreadable image %s", path)
            if not self.loop and self._i >= len(self.paths):
                return None


class SyntheticSource(FrameSource):
    """A generated webcam picture of a phone showing a QR code (the demo camera; tests).

    ``texts`` is the sequence of codes to show (each for ``frames_per_text`` frames, then a gap of
    ``gap_frames`` frames without a phone); ``kinds`` are corpus kinds cycled through for variety.
    """

    def __init__(
        self,
        texts: Sequence[str],
        *,
        kinds: Sequence[str] = ("nominal",),
        size: tuple[int, int] = (640, 480),
        fps: float = 30.0,
        seed: int = 0,
        frames_per_text: int = 30,
        gap_frames: int = 15,
        loop: bool = True,
        cache_frames: int = 24,
    ) -> None:
        self.texts, self.kinds, self.size = list(texts), list(kinds), size
        self.fps, self.seed, self.loop = fps, seed, loop
        self.frames_per_text, self.gap_frames = frames_per_text, gap_frames
        self.name = "demo camera"
        self.cache_frames = cache_frames
        self._cache: dict[tuple, np.ndarray] = {}
        self._n = 0

    def open(self) -> None:
        from hardware import qr_corpus  # renderer shared with the corpus

        self._render = qr_corpus.render
        self._n = 0

    def read(self) -> np.ndarray | None:
        period = self.frames_per_text + self.gap_frames
        total = period * len(self.texts)
        if self._n >= total and not self.loop:
            return None
        n = self._n % total if total else 0
        self._n += 1
        slot, within = divmod(n, period)
        # the pose changes slowly like a hand: a new pose every 5 frames; rendered poses are cached so
        # the demo camera costs the capture thread (and the GIL) little after the first round
        if not self.texts or within >= self.frames_per_text:
            return self._frame("nocode", (self._n // 5) % 8, None)
        kind = self.kinds[(self._n // (period * max(1, len(self.texts)))) % len(self.kinds)]
        return self._frame(kind, slot * 1000 + within // 5, self.texts[slot])

    def _frame(self, kind: str, index: int, text: str | None) -> np.ndarray:
        key = (kind, index, text)
        image = self._cache.pop(key, None)
        if image is None:
            image = self._render(kind, index, seed=self.seed, size=self.size, text=text).image
        self._cache[key] = image  # most recently used last
        while len(self._cache) > self.cache_frames:
            self._cache.pop(next(iter(self._cache)))
        return image
