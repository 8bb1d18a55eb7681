"""The camera worker: one thread captures, one decodes the newest frame and drops the rest.

Capture runs at the camera's pace and hands every frame to ``on_frame`` (the preview keeps only the
newest). The decoder waits for the newest captured frame, decodes it, and in the meantime newer frames
overwrite older ones in a one-slot mailbox: decoding never falls behind the picture, whatever the cost of
a frame. Found codes pass the duplicate window and reach ``on_code``; a camera error reaches ``on_error``
once and stops the worker. Callbacks run on the worker's threads: a Qt adapter turns them into signals.
``stop()`` joins both threads.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from hardware.camera.decoders import Detection
from hardware.camera.pipeline import DecodePipeline, DuplicateSuppressor
from hardware.camera.sources import CameraError, FrameSource

log = logging.getLogger("hw.camera")


@dataclass(frozen=True, slots=True)
class Frame:
    image: np.ndarray  # BGR
    number: int
    captured_at: float  # monotonic seconds
    detections: tuple[Detection, ...]  # the newest decode's result (it may be a frame or two older)
    detections_frame: int  # the frame number those detections come from (-1: none yet)


@dataclass
class CameraStats:
    captured: int = 0
    decoded: int = 0
    dropped: int = 0
    found: int = 0
    reported: int = 0
    decode_ms_max: float = 0.0


def scaled_for_display(image: np.ndarray, max_w: int, max_h: int) -> tuple[np.ndarray, float]:
    """Shrink a frame to fit ``max_w`` x ``max_h`` (never enlarge), off the GUI thread; returns the image
    and the scale applied, so detection corners can follow (OpenCV releases the GIL while it resizes)."""
    h, w = image.shape[:2]
    scale = min(max_w / w, max_h / h, 1.0) if max_w > 0 and max_h > 0 else 1.0
    if scale >= 0.999:
        return image, 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(image, size, interpolation=cv2.INTER_AREA), scale


class CameraWorker:
    def __init__(
        self,
        source: FrameSource,
        pipeline: DecodePipeline | Callable[[], DecodePipeline],
        *,
        on_frame: Callable[[Frame], None] | None = None,
        on_code: Callable[[Detection], None] | None = None,
        on_error: Callable[[CameraError], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        duplicate_window_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        thread_nice: int = 5,
    ) -> None:
        self.source = source
        self.thread_nice = thread_nice
        self._pipeline_factory = (
            pipeline if callable(pipeline) and not isinstance(pipeline, DecodePipeline) else None
        )
        self.pipeline = pipeline if isinstance(pipeline, DecodePipeline) else None
        self.on_frame, self.on_code, self.on_error, self.on_finished = (
            on_frame,
            on_code,
            on_error,
            on_finished,
        )
        self.dedup = DuplicateSuppressor(duplicate_window_s, clock)
        self._clock = clock
        self.stats = CameraStats()
        self.error: CameraError | None = None
        self._stop = threading.Event()
        self._cond = threading.Condition()
        self._latest: tuple[int, np.ndarray] | None = None
        self._capture_done = False
        self._last_detections: tuple[tuple[Detection, ...], int] = ((), -1)
        self._threads: list[threading.Thread] = []

    # ---------------------------------------------------------------------------------------- control
    def start(self) -> None:
        if self._threads:
            raise RuntimeError("camera worker already started")
        self._threads = [
            threading.Thread(target=self._capture_loop, name="camera-capture", daemon=True),
            threading.Thread(target=self._decode_loop, name="camera-decode", daemon=True),
        ]
        for t in self._threads:
            t.start()

    def request_stop(self) -> None:
        """Ask the threads to end without waiting (safe from a callback); ``stop()`` joins them."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop and join both threads (safe to call twice, and from a callback's thread's owner only)."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        for t in self._threads:
            if t is not threading.current_thread():
                t.join(timeout)
        alive = [t.name for t in self._threads if t.is_alive() and t is not threading.current_thread()]
        if alive:
            raise RuntimeError(f"camera threads did not stop: {alive}")

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until a finite source is exhausted and its last frame decoded (or an error)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        for t in self._threads:
            t.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)

    @property
    def running(self) -> bool:
        return any(t.is_alive() for t in self._threads)

    # ---------------------------------------------------------------------------------------- threads
    def _fail(self, err: CameraError) -> None:
        self.error = err
        log.warning("camera %s: %s", self.source.name, err)
        if self.on_error:
            self.on_error(err)

    def _lower_priority(self) -> None:
        """Run the camera threads below the GUI thread: on a busy 2-core till the scheduler then gives the
        GUI thread the CPU first, and a late frame is dropped instead of the screen stalling. Linux applies
        nice values per thread; elsewhere this is a no-op."""
        if not self.thread_nice or not sys.platform.startswith("linux"):
            return
        try:
            tid = threading.get_native_id()
            os.setpriority(
                os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + self.thread_nice)
            )
        except (AttributeError, OSError) as exc:
            log.debug("could not lower the camera thread's priority: %s", exc)

    def _capture_loop(self) -> None:
        self._lower_priority()
        try:
            try:
                self.source.open()
            except CameraError as err:
                self._fail(err)
                return
            period = 1.0 / self.source.fps if self.source.fps else 0.0
            next_at = time.monotonic()
            n = 0
            while not self._stop.is_set():
                try:
                    image = self.source.read()
                except CameraError as err:
                    self._fail(err)
                    return
                if image is None:
                    return  # end of a finite source
                if image.size == 0:
                    self._stop.wait(0.02)
                    continue
                with self._cond:
                    if self._latest is not None:
                        self.stats.dropped += 1  # the decoder never saw it; it sees a newer one
                    self._latest = (n, image)
                    self._cond.notify_all()
                self.stats.captured += 1
                if self.on_frame:
                    dets, dframe = self._last_detections
                    self.on_frame(Frame(image, n, self._clock(), dets, dframe))
                n += 1
                if self.source.paced and period:
                    next_at += period
                    delay = next_at - time.monotonic()
                    if delay > 0:
                        self._stop.wait(delay)
                    else:
                        next_at = time.monotonic()
        except Exception:  # a bug must not leave a zombie camera: report it like a camera failure
            log.exception("camera capture crashed")
            self._fail(CameraError("source", "capture crashed"))
        finally:
            self.source.close()
            with self._cond:
                self._capture_done = True
                self._cond.notify_all()

    def _decode_loop(self) -> None:
        self._lower_priority()
        try:
            if self.pipeline is None:
                self.pipeline = self._pipeline_factory()  # built on this thread: decoders are not shared
            while True:
                with self._cond:
                    while self._latest is None and not self._capture_done and not self._stop.is_set():
                        self._cond.wait()
                    if self._stop.is_set() or (self._latest is None and self._capture_done):
                        break
                    n, image = self._latest
                    self._latest = None
                t0 = time.perf_counter()
                found = self.pipeline.decode(image)
                self.stats.decode_ms_max = max(self.stats.decode_ms_max, (time.perf_counter() - t0) * 1000)
                self.stats.decoded += 1
                self._last_detections = (tuple(found), n)
                for det in found:
                    self.stats.found += 1
                    if self.dedup.accept(det.text):
                        self.stats.reported += 1
                        if self.on_code:
                            self.on_code(det)
        except Exception:
            log.exception("QR decoding crashed")
            self._fail(CameraError("source", "decoding crashed"))
        finally:
            if self.on_finished:
                self.on_finished()
