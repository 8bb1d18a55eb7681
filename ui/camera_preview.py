"""The camera preview: the live picture with the found code outlined; ``found(text)`` per new code.

The camera worker (hardware.camera) runs capture and decoding on its own threads. Frames reach this
widget through a bridge object's signal, connected to a ``@Slot`` here in the GUI thread, with at most one
frame in flight: the capture thread parks the newest frame in a one-slot mailbox and signals only when the
slot was empty, so a busy GUI skips frames instead of queueing them and never stalls. A camera error is
shown in the widget and emitted as ``camera_error(message)``; typing the member number keeps working.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from hardware.camera import (
    CameraError,
    CameraWorker,
    DecodePipeline,
    Detection,
    Frame,
    FrameSource,
    pipeline_for,
)
from hardware.camera.capture import scaled_for_display
from ui.qt import (
    QColor,
    QImage,
    QObject,
    QPainter,
    QPen,
    QPointF,
    QPolygonF,
    QRectF,
    QSize,
    Qt,
    QWidget,
    Signal,
    Slot,
)

OUTLINE_FRAMES = 10  # keep the outline while the detection is at most this many frames old


class _Bridge(QObject):
    """Lives in the GUI thread; its signals are emitted from the camera threads (queued delivery)."""

    frame_ready = Signal()
    code = Signal(str)
    error = Signal(str)
    finished = Signal()


class CameraPreview(QWidget):
    found = Signal(str)
    camera_error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(QSize(160, 120))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._bridge = _Bridge(self)
        self._bridge.frame_ready.connect(self._on_frame_ready)
        self._bridge.code.connect(self._on_code)
        self._bridge.error.connect(self._on_error)
        self._lock = threading.Lock()
        self._pending: tuple[Frame, np.ndarray, float] | None = None
        self._signalled = False
        self._frame: Frame | None = None
        self._image: QImage | None = None
        self._array: np.ndarray | None = None  # keeps the QImage's memory alive
        self._message = ""
        self._view_size = (self.width(), self.height())  # read by the capture thread
        self._scale = 1.0  # display image pixels per camera pixel
        self.worker: CameraWorker | None = None
        self.frames_shown = 0
        self.frames_skipped = 0

    # ------------------------------------------------------------------------------------------ control
    def start(
        self,
        source: FrameSource,
        pipeline: Callable[[], DecodePipeline] | DecodePipeline = pipeline_for,
        *,
        duplicate_window_s: float = 2.0,
    ) -> None:
        """Start the camera (stops a running one first)."""
        self.stop()
        self._message = ""
        self.worker = CameraWorker(
            source,
            pipeline,
            on_frame=self._from_camera_frame,
            on_code=self._from_camera_code,
            on_error=self._from_camera_error,
            duplicate_window_s=duplicate_window_s,
        )
        self.worker.start()

    def stop(self) -> None:
        """Stop the camera and join its threads."""
        if self.worker is not None:
            self.worker.stop()
            self.worker = None

    @property
    def message(self) -> str:
        return self._message

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self._view_size = (self.width(), self.height())
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.stop()
        super().closeEvent(event)

    # ---------------------------------------------------------------------------- camera threads
    def _from_camera_frame(self, frame: Frame) -> None:
        # scale to the widget here, on the capture thread, so the GUI thread only blits
        vw, vh = self._view_size
        image, scale = scaled_for_display(frame.image, vw, vh)
        frame = (frame, image, scale)
        with self._lock:
            if self._pending is not None:
                self.frames_skipped += 1
            self._pending = frame
            if self._signalled:
                return
            self._signalled = True
        self._emit("frame_ready")

    def _from_camera_code(self, det: Detection) -> None:
        self._emit("code", det.text)

    def _from_camera_error(self, err: CameraError) -> None:
        self._emit("error", err.message)

    def _emit(self, name: str, *args) -> None:
        try:
            getattr(self._bridge, name).emit(*args)
        except RuntimeError:  # the widget was deleted without stop(): stop delivering, end the threads
            worker = self.worker
            if worker is not None:
                worker.request_stop()

    # ---------------------------------------------------------------------------- GUI thread
    @Slot()
    def _on_frame_ready(self) -> None:
        with self._lock:
            frame, self._pending, self._signalled = self._pending, None, False
        if frame is None:
            return
        frame, img, self._scale = frame
        if img.ndim == 2:
            img = np.ascontiguousarray(np.repeat(img[:, :, None], 3, axis=2))
        elif not img.flags["C_CONTIGUOUS"]:
            img = np.ascontiguousarray(img)
        h, w = img.shape[:2]
        self._array = img
        self._image = QImage(img.data, w, h, img.strides[0], QImage.Format.Format_BGR888)
        self._frame = frame
        self.frames_shown += 1
        self.update()

    @Slot(str)
    def _on_code(self, text: str) -> None:
        self.found.emit(text)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self._message = message
        self.update()
        self.camera_error.emit(message)

    def outline(self) -> list[QPolygonF]:
        """The outlines currently drawn, in widget coordinates."""
        f = self._frame
        if f is None or self._image is None or not f.detections:
            return []
        if f.number - f.detections_frame > OUTLINE_FRAMES:
            return []
        target = self._target_rect()
        sx = target.width() / self._image.width() * self._scale
        sy = target.height() / self._image.height() * self._scale
        return [
            QPolygonF([QPointF(target.x() + x * sx, target.y() + y * sy) for x, y in d.quad])
            for d in f.detections
        ]

    def _target_rect(self) -> QRectF:
        iw, ih = self._image.width(), self._image.height()
        scale = min(self.width() / iw, self.height() / ih)
        w, h = iw * scale, ih * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(20, 20, 20))
        if self._image is not None and not self._message:
            p.drawImage(self._target_rect(), self._image)
            pen = QPen(QColor(40, 220, 90))
            pen.setWidth(3)
            p.setPen(pen)
            for poly in self.outline():
                p.drawPolygon(poly)
        if self._message:
            p.setPen(QColor(240, 240, 240))
            p.drawText(self.rect().adjusted(12, 12, -12, -12), Qt.TextFlag.TextWordWrap, self._message)
        p.end()
