"""QR decoders behind one small interface, and preprocessing variants that wrap any decoder.

A decoder takes a grayscale frame (HxW uint8) and returns the QR codes it read, each with its corners
in that frame. Decoders are not thread-safe (OpenCV's detectors keep state): one instance per thread.

- ``zxing``: zxing-cpp, the lead decoder (fast, reads inverted/dark-mode codes).
- ``pyzbar``: ZBar through ctypes. Optional: when libzbar is missing the decoder reports itself
  unavailable (``DecoderUnavailable`` with the reason) and the program carries on without it.
- ``opencv``: ``cv2.QRCodeDetector``; ``opencv-aruco``: ``cv2.QRCodeDetectorAruco``.
- Variants: :class:`Sharpened`, :class:`Upscaled`, :class:`Equalized`, :class:`Inverted` run their inner
  decoder on a transformed frame and map the corners back.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np

log = logging.getLogger("hw.camera")

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


class DecoderUnavailable(RuntimeError):
    """This decoder cannot run on this computer (e.g. libzbar is not installed). ``str()`` says why."""


@dataclass(frozen=True, slots=True)
class Detection:
    text: str
    quad: Quad  # corners in the frame, clockwise from top-left of the symbol
    decoder: str


def _quad(points) -> Quad:
    return tuple((float(x), float(y)) for x, y in points)  # type: ignore[return-value]


class Decoder:
    """The interface: ``name`` and ``decode(gray) -> list[Detection]``. After a decode, ``saw_candidate``
    tells whether the decoder found something code-like it could not read (zxing-cpp reports these), which
    the pipeline uses to decide whether the expensive fallbacks are worth running on this frame."""

    name = "decoder"
    saw_candidate = False

    def decode(self, gray: np.ndarray) -> list[Detection]:  # pragma: no cover - interface
        raise NotImplementedError


class ZXingDecoder(Decoder):
    def __init__(
        self,
        *,
        try_invert: bool = True,
        try_rotate: bool = True,
        try_downscale: bool = True,
        binarizer: str = "LocalAverage",
        name: str = "zxing",
    ) -> None:
        import zxingcpp

        self._zx = zxingcpp
        self.name = name
        self._kwargs = dict(
            formats=zxingcpp.BarcodeFormat.QRCode,
            try_invert=try_invert,
            try_rotate=try_rotate,
            try_downscale=try_downscale,
            binarizer=getattr(zxingcpp.Binarizer, binarizer),
            return_errors=True,
        )

    def decode(self, gray: np.ndarray) -> list[Detection]:
        out = []
        self.saw_candidate = False
        for b in self._zx.read_barcodes(gray, **self._kwargs):
            if not b.valid:  # found finder patterns / a symbol, but it did not decode (yet)
                self.saw_candidate = True
                continue
            p = b.position
            quad = _quad([(q.x, q.y) for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)])
            out.append(Detection(b.text, quad, self.name))
        return out


class PyzbarDecoder(Decoder):
    """ZBar. Imported lazily: constructing it raises DecoderUnavailable when libzbar cannot be loaded."""

    name = "pyzbar"

    def __init__(self) -> None:
        try:
            from pyzbar import pyzbar
        except (ImportError, OSError) as exc:  # pyzbar raises ImportError when libzbar is missing
            raise DecoderUnavailable(
                f"pyzbar needs the zbar library, which is not installed ({exc})"
            ) from exc
        self._pyzbar = pyzbar
        self._symbols = [pyzbar.ZBarSymbol.QRCODE]

    def decode(self, gray: np.ndarray) -> list[Detection]:
        out = []
        for r in self._pyzbar.decode(gray, symbols=self._symbols):
            try:
                text = r.data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            pts = list(r.polygon)
            if len(pts) != 4:
                x, y, w, h = r.rect
                pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
            out.append(Detection(text, _quad(pts), self.name))
        return out


class OpenCVDecoder(Decoder):
    name = "opencv"

    def __init__(self, aruco: bool = False) -> None:
        if aruco:
            if not hasattr(cv2, "QRCodeDetectorAruco"):
                raise DecoderUnavailable("this OpenCV build has no QRCodeDetectorAruco")
            self._det = cv2.QRCodeDetectorAruco()
            self.name = "opencv-aruco"
        else:
            self._det = cv2.QRCodeDetector()

    def decode(self, gray: np.ndarray) -> list[Detection]:
        try:
            text, points, _ = self._det.detectAndDecode(gray)
        except cv2.error:
            return []
        if not text or points is None:
            return []
        return [Detection(text, _quad(np.asarray(points).reshape(-1, 2)[:4]), self.name)]


class _Variant(Decoder):
    def __init__(self, inner: Decoder, suffix: str) -> None:
        self.inner = inner
        self.name = f"{inner.name}+{suffix}"

    def transform(self, gray: np.ndarray) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def back(self, quad: Quad) -> Quad:
        return quad

    @property
    def saw_candidate(self) -> bool:  # type: ignore[override]
        return self.inner.saw_candidate

    def decode(self, gray: np.ndarray) -> list[Detection]:
        return [
            Detection(d.text, self.back(d.quad), self.name) for d in self.inner.decode(self.transform(gray))
        ]


class Sharpened(_Variant):
    """Unsharp mask: restores module edges softened by defocus and motion."""

    def __init__(self, inner: Decoder, amount: float = 1.5, sigma: float = 1.5) -> None:
        super().__init__(inner, "sharpen")
        self.amount, self.sigma = amount, sigma

    def transform(self, gray: np.ndarray) -> np.ndarray:
        blur = cv2.GaussianBlur(gray, (0, 0), self.sigma)
        return cv2.addWeighted(gray, 1 + self.amount, blur, -self.amount, 0)


class Upscaled(_Variant):
    """2x bicubic upscale: gives the binarizer more than ~2 px per module on small codes. Frames larger
    than ``max_pixels`` already have the pixels: the stage then does nothing (and costs nothing)."""

    def __init__(self, inner: Decoder, factor: float = 2.0, max_pixels: int = 640 * 480) -> None:
        super().__init__(inner, f"up{factor:g}")
        self.factor, self.max_pixels = factor, max_pixels

    def transform(self, gray: np.ndarray) -> np.ndarray:
        return cv2.resize(gray, None, fx=self.factor, fy=self.factor, interpolation=cv2.INTER_CUBIC)

    def back(self, quad: Quad) -> Quad:
        f = self.factor
        return tuple((x / f, y / f) for x, y in quad)  # type: ignore[return-value]

    def decode(self, gray: np.ndarray) -> list[Detection]:
        if gray.shape[0] * gray.shape[1] > self.max_pixels:
            return []
        return super().decode(gray)


class Equalized(_Variant):
    """CLAHE: local contrast for dim frames and washed-out (glare) regions."""

    def __init__(self, inner: Decoder, clip: float = 3.0, tiles: int = 8) -> None:
        super().__init__(inner, "clahe")
        self._clahe = cv2.createCLAHE(clipLimit=clip, tileGridSize=(tiles, tiles))

    def transform(self, gray: np.ndarray) -> np.ndarray:
        return self._clahe.apply(gray)


class Denoised(_Variant):
    """A small Gaussian blur: tames the sensor noise of a dim frame before binarizing."""

    def __init__(self, inner: Decoder, sigma: float = 1.0) -> None:
        super().__init__(inner, "denoise")
        self.sigma = sigma

    def transform(self, gray: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(gray, (0, 0), self.sigma)


class Inverted(_Variant):
    """Light-on-dark codes for decoders that cannot read them (ZBar)."""

    def __init__(self, inner: Decoder) -> None:
        super().__init__(inner, "invert")

    def transform(self, gray: np.ndarray) -> np.ndarray:
        return cv2.bitwise_not(gray)


def make_decoder(spec: str) -> Decoder:
    """Build a decoder from a spec such as ``"zxing"``, ``"pyzbar"``, ``"zxing+sharpen"``,
    ``"zxing+up2"``, ``"pyzbar+clahe"``, ``"opencv"``, ``"opencv-aruco"``, ``"zxing-gh"`` (zxing with the
    global-histogram binarizer). Raises DecoderUnavailable or ValueError."""
    base, *variants = spec.split("+")
    if base == "zxing":
        dec: Decoder = ZXingDecoder()
    elif base == "zxing-gh":
        dec = ZXingDecoder(binarizer="GlobalHistogram", name="zxing-gh")
    elif base == "pyzbar":
        dec = PyzbarDecoder()
    elif base == "opencv":
        dec = OpenCVDecoder()
    elif base == "opencv-aruco":
        dec = OpenCVDecoder(aruco=True)
    else:
        raise ValueError(f"unknown decoder {base!r}")
    for v in variants:
        if v == "sharpen":
            dec = Sharpened(dec)
        elif v.startswith("up"):
            dec = Upscaled(dec, float(v[2:] or 2))
        elif v == "clahe":
            dec = Equalized(dec)
        elif v == "denoise":
            dec = Denoised(dec)
        elif v == "invert":
            dec = Inverted(dec)
        else:
            raise ValueError(f"unknown decoder variant {v!r}")
    return dec
