"""Camera and QR decoding, Qt-free. See :class:`CameraWorker` (capture + decode threads),
:class:`DecodePipeline` (decoders in benchmark order), the frame sources and :class:`CameraError`.

Decoder order: see ``hardware/camera/pipeline.py`` (chosen with ``bench/qr.py``).
"""

from hardware.camera.capture import CameraStats, CameraWorker, Frame
from hardware.camera.decoders import Decoder, DecoderUnavailable, Detection, make_decoder
from hardware.camera.pipeline import (
    DEFAULT_STAGES,
    DecodePipeline,
    DuplicateSuppressor,
    pipeline_for,
)
from hardware.camera.sources import (
    CameraError,
    DeviceSource,
    FrameSource,
    ImageSequenceSource,
    SyntheticSource,
    VideoFileSource,
)

__all__ = [
    "DEFAULT_STAGES",
    "CameraError",
    "CameraStats",
    "CameraWorker",
    "DecodePipeline",
    "Decoder",
    "DecoderUnavailable",
    "Detection",
    "DeviceSource",
    "DuplicateSuppressor",
    "Frame",
    "FrameSource",
    "ImageSequenceSource",
    "SyntheticSource",
    "VideoFileSource",
    "make_decoder",
    "pipeline_for",
]
