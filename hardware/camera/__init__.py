"""Camera and QR decoding, Qt-free. See :class:`CameraWorker` (capture + decode threads),
:class:`DecodePipeline` (decoders in benchmark order), the frame sources and :class:`CameraError`.

Decoder order (measured with ``bench/qr.py`` on the synthetic corpus, 2 cores): zxing-cpp reads nearly
every easy frame in ~1 ms and is the only decoder that reads dark-mode codes besides itself inverted;
ZBar costs ~7 ms at 640x480 and ~18 ms at 1280x720 and adds reads only on glare and partly covered
codes, so it runs last, and only when the frame budget still allows it. Preprocessing stages earn their
place only where the benchmark shows they add reads the previous stages missed.
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
