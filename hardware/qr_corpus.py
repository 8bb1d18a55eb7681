"""Synthetic webcam frames of a phone showing a QR code: the test corpus, the benchmark and the demo camera.

Deterministic: a frame depends only on ``(seed, kind, index, size)``. Each frame is rendered like a
webcam sees a phone held up to the till: a cluttered, unevenly lit counter; a phone (bezel, app header,
text lines, the code with its quiet zone) posed in 3-D and projected through a pinhole camera; the
screen's own brightness against the ambient light; lens defocus; sensor noise; the webcam's MJPEG
compression. Each kind adds its own stress:

=============  ===========================================================================
nominal        arm's length, mild pose
small          phone held far away: 1.3-2.1 px per module at 640x480
rotation       any in-plane angle
perspective    screen tilted 30-55 degrees away from the camera
blur           motion blur (the phone moving while the shutter is open)
lowlight       dim shop, the camera's gain turned up: dark and noisy
glare          a ceiling light reflected on the screen, washing out part of the code
jpeg           heavy JPEG artefacts (a cheap webcam's MJPEG, a photo sent by e-mail)
inverted       dark-mode app: light modules on a dark screen
moire          interference bands between the screen's pixel grid and the sensor
occlusion      a thumb over part of the code
nocode         the phone shows other things (text, QR-like noise without finder patterns), or no phone
=============  ===========================================================================

Sizes are given at 640x480 and scale with the frame height, so a 1280x720 frame shows the same scene
with 1.5 times the pixels.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import cv2
import numpy as np
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from pos import codes

KINDS: tuple[str, ...] = (
    "nominal",
    "small",
    "rotation",
    "perspective",
    "blur",
    "lowlight",
    "glare",
    "jpeg",
    "inverted",
    "moire",
    "occlusion",
    "nocode",
)
EASY_KINDS = ("nominal", "jpeg", "inverted", "moire")
CORPUS_KEY_ID = 1
CORPUS_NOW = 1_800_000_000  # the corpus' "now": app codes expire one step (codes.APP_CODE_LIFE_S) later


@dataclass(frozen=True)
class Sample:
    kind: str
    index: int
    image: np.ndarray  # HxWx3 uint8 BGR, as a webcam delivers it
    text: str | None  # what the code says (None: there is no code)
    quad: np.ndarray | None  # 4x2 float32 corners of the code in the image (TL, TR, BR, BL)


def corpus_private_key(seed: int = 0) -> Ed25519PrivateKey:
    """The demo/corpus signing key (a stand-in for the backend's; never used for real members)."""
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"omo-corpus-key:%d" % seed).digest())


def corpus_parser(seed: int = 0, now: float = CORPUS_NOW) -> codes.CodeParser:
    """A parser that accepts the corpus' member tokens."""
    return codes.CodeParser({CORPUS_KEY_ID: corpus_private_key(seed).public_key()}, clock=lambda: now)


def payload(rng: np.random.Generator, seed: int = 0) -> str:
    r = rng.random()
    member_no = int(rng.integers(1, 10**10))
    if r < 0.7:
        expires = CORPUS_NOW + codes.APP_CODE_LIFE_S
        return codes.encode_member_token(corpus_private_key(seed), CORPUS_KEY_ID, member_no, expires)
    if r < 0.85:
        serial = int(rng.integers(0, 20))
        return codes.encode_card_token(corpus_private_key(seed), CORPUS_KEY_ID, member_no, serial)
    kind = ["ORDER", "CART", "COUPON", "GIFT"][int(rng.integers(0, 4))]
    return f"OMO:{kind}:{int(rng.integers(10**5, 10**12))}"


@lru_cache(maxsize=512)
def qr_matrix(text: str) -> np.ndarray:
    """The code's modules (True = dark), ECC level M (what the app shows), without quiet zone."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    return np.asarray(barcode.to_image(scale=1, add_quiet_zones=False)) < 128


# ------------------------------------------------------------------------------------------ rendering
@dataclass
class _Params:
    module_px: float = 4.0  # at 640x480
    rot: float = 0.0  # in-plane, degrees
    tilt: float = 0.0  # degrees, about a random in-plane axis
    tilt_axis: float = 0.0
    defocus: float = 0.6
    light: float = 0.85  # ambient (background) brightness
    screen: float = 0.9  # screen brightness
    exposure: float = 1.0  # < 1: low light, the camera's gain makes it up
    noise: float = 0.008
    jpeg: int = 90
    motion: float = 0.0  # px at 640x480
    motion_angle: float = 0.0
    glare: float = 0.0  # amplitude
    dark_mode: bool = False
    moire: float = 0.0
    occlude: float = 0.0  # fraction of the code width covered by a thumb
    code: bool = True
    phone: bool = True


def _params(kind: str, rng: np.random.Generator) -> _Params:
    u = rng.uniform
    p = _Params(
        module_px=u(3.0, 5.5),
        rot=u(-15, 15),
        tilt=u(0, 15),
        tilt_axis=u(0, 360),
        defocus=u(0.4, 0.9),
        light=u(0.55, 0.95),
        screen=u(0.75, 1.0),
        noise=u(0.005, 0.012),
        jpeg=int(rng.integers(80, 96)),
    )
    if kind == "small":
        p.module_px = u(1.3, 2.1)
        p.defocus = u(0.3, 0.6)
    elif kind == "rotation":
        p.module_px, p.rot = u(2.5, 5.0), u(0, 360)
    elif kind == "perspective":
        p.module_px, p.tilt = u(3.0, 5.0), u(30, 55)
    elif kind == "blur":
        p.module_px, p.motion, p.motion_angle = u(2.8, 5.0), u(4, 11), u(0, 180)
    elif kind == "lowlight":
        p.exposure, p.noise, p.light = u(0.05, 0.15), u(0.002, 0.005), u(0.15, 0.4)
    elif kind == "glare":
        p.glare = u(0.6, 1.4)
    elif kind == "jpeg":
        p.jpeg = int(rng.integers(8, 22))
    elif kind == "inverted":
        p.dark_mode, p.module_px = True, u(2.5, 5.0)
    elif kind == "moire":
        p.moire = u(0.15, 0.3)
    elif kind == "occlusion":
        p.occlude = u(0.1, 0.3)
    elif kind == "nocode":
        p.code = False
        p.phone = rng.random() < 0.75
    elif kind != "nominal":
        raise ValueError(f"unknown corpus kind {kind!r}")
    return p


def _background(rng: np.random.Generator, w: int, h: int, light: float) -> np.ndarray:
    low = rng.uniform(0.3, 1.0, size=(6, 8)).astype(np.float32)
    bg = cv2.resize(low, (w, h), interpolation=cv2.INTER_CUBIC) * light
    for _ in range(int(rng.integers(3, 8))):  # things on the counter, shelves behind
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        x1, y1 = x0 + int(rng.integers(w // 20, w // 3)), y0 + int(rng.integers(h // 20, h // 3))
        bg[y0:y1, x0:x1] = rng.uniform(0.1, 1.0) * light
    return np.clip(bg, 0, 1)


def _phone_image(
    matrix: np.ndarray | None, mp: int, p: _Params, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """The phone in its own coordinates (float32 luminance) and the code's corners in it."""
    n = 41 if matrix is None else matrix.shape[0]
    qr_px = n * mp
    screen_w = int(qr_px / 0.74)
    screen_h = int(screen_w * 2.05)
    bezel = max(2, screen_w // 22)
    w, h = screen_w + 2 * bezel, screen_h + 2 * bezel
    img = np.full((h, w), 0.06, np.float32)  # the phone's body
    bg, fg = (0.06, 0.88) if p.dark_mode else (0.95, 0.05)
    screen = np.full((screen_h, screen_w), bg, np.float32)
    screen[: screen_h // 9] = 0.25 if not p.dark_mode else 0.16  # app header bar
    x0 = (screen_w - qr_px) // 2
    y0 = int(screen_h * 0.3)
    line_h = max(2, mp * 2)
    for y in list(range(screen_h // 6, y0 - 2 * line_h, 3 * line_h)) + list(
        range(y0 + qr_px + 4 * mp, screen_h - 2 * line_h, 3 * line_h)
    ):  # text lines above and below the code
        lw = int(screen_w * rng.uniform(0.3, 0.8))
        screen[y : y + line_h, x0 : x0 + lw] = 0.5 * bg + 0.5 * fg
    if matrix is not None:
        modules = np.where(matrix, fg, bg).astype(np.float32)
        screen[y0 : y0 + qr_px, x0 : x0 + qr_px] = cv2.resize(
            modules, (qr_px, qr_px), interpolation=cv2.INTER_NEAREST
        )
    elif rng.random() < 0.5:  # QR-like noise without finder patterns: a false-positive trap
        noise = (rng.random((n, n)) < 0.5).astype(np.float32)
        noise = np.where(noise > 0, fg, bg).astype(np.float32)
        screen[y0 : y0 + qr_px, x0 : x0 + qr_px] = cv2.resize(
            noise, (qr_px, qr_px), interpolation=cv2.INTER_NEAREST
        )
    else:  # a checkerboard of photos / product tiles
        tile = max(4, mp * 6)
        for ty in range(y0, y0 + qr_px - tile, tile + mp):
            for tx in range(x0, x0 + qr_px - tile, tile + mp):
                screen[ty : ty + tile, tx : tx + tile] = rng.uniform(0.1, 0.9)
    if p.moire:
        yy, xx = np.mgrid[0:screen_h, 0:screen_w].astype(np.float32)
        f = rng.uniform(0.02, 0.06) / mp
        a = rng.uniform(0, math.pi)
        phase = 2 * math.pi * f * (xx * math.cos(a) + yy * math.sin(a)) + 0.00002 * (xx**2 + yy**2) / mp
        screen *= 1 + p.moire * np.sin(phase)
    img[bezel : bezel + screen_h, bezel : bezel + screen_w] = screen * p.screen
    quad = np.array(
        [[x0, y0], [x0 + qr_px, y0], [x0 + qr_px, y0 + qr_px], [x0, y0 + qr_px]], np.float32
    ) + np.float32(bezel)
    return img, quad


def _pose(p: _Params, w_p: int, h_p: int, scale: float, f: float, center: tuple[float, float]) -> np.ndarray:
    """Homography phone image -> frame: rotate in plane, tilt in 3-D, pinhole-project."""
    th, tl, ax = math.radians(p.rot), math.radians(p.tilt), math.radians(p.tilt_axis)
    corners = np.array([[0, 0], [w_p, 0], [w_p, h_p], [0, h_p]], np.float32)
    c = corners - np.float32([w_p / 2, h_p / 2])
    rot = np.array([[math.cos(th), -math.sin(th)], [math.sin(th), math.cos(th)]], np.float32)
    pts = (c @ rot.T) * scale
    axis = np.array([math.cos(ax), math.sin(ax), 0.0])
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    r3 = np.eye(3) + math.sin(tl) * k + (1 - math.cos(tl)) * (k @ k)  # Rodrigues
    p3 = np.c_[pts, np.zeros(4)] @ r3.T + np.array([0, 0, f])
    proj = (p3[:, :2] / p3[:, 2:3] * f + np.array(center)).astype(np.float32)
    return cv2.getPerspectiveTransform(corners, proj)


def render(kind: str, index: int, *, seed: int = 0, size: tuple[int, int] = (640, 480), text=None) -> Sample:
    """One frame of ``kind``. ``text`` overrides the payload (the demo camera shows a chosen member)."""
    kind_no = KINDS.index(kind)
    rng = np.random.default_rng([seed, kind_no, index])
    p = _params(kind, rng)
    w, h = size
    k = h / 480.0
    if p.code and text is None:
        text = payload(rng, seed)
    if not p.code:
        text = None
    matrix = qr_matrix(text) if text is not None else None
    frame = _background(rng, w, h, p.light)
    quad = None
    if p.phone:
        target_mp = p.module_px * k
        mp = max(2, math.ceil(2 * target_mp))
        phone, qr_quad = _phone_image(matrix, mp, p, rng)
        f = float(w)
        # place the phone so the whole code is in the picture
        scale = target_mp / mp
        half = (matrix.shape[0] if matrix is not None else 41) * target_mp * 0.8 + 8 * k
        cx = rng.uniform(min(w / 2, half), max(w / 2, w - half))
        cy = rng.uniform(min(h / 2, half), max(h / 2, h - half))
        hm = _pose(p, phone.shape[1], phone.shape[0], scale, f, (cx, cy))
        # anti-alias: the phone is rendered at ~2x the frame's resolution; pre-shrink like a lens would
        phone = cv2.GaussianBlur(phone, (0, 0), 0.5 / scale * 0.5)
        cv2.warpPerspective(
            phone, hm, (w, h), dst=frame, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_TRANSPARENT
        )
        if matrix is not None:
            quad = cv2.perspectiveTransform(qr_quad.reshape(1, 4, 2), hm).reshape(4, 2)
        if p.occlude and quad is not None:
            _thumb(frame, quad, p.occlude, rng)
        if p.glare and quad is not None:
            _glare(frame, quad, p.glare, rng)
    frame = cv2.GaussianBlur(frame, (0, 0), p.defocus * k)
    if p.motion:
        frame = _motion_blur(frame, p.motion * k, p.motion_angle)
    # sensor: photons (exposure), read and shot noise, then the camera's gain brings the level back up
    noise = _noise(rng, h, w)
    if p.exposure < 1:
        signal = frame * np.float32(p.exposure)
        frame = signal + noise * (np.float32(p.noise) + np.float32(0.008) * np.sqrt(signal))
        level = float(np.percentile(frame[::4, ::4], 99))
        frame *= np.float32(rng.uniform(0.55, 0.8) / max(1e-3, level))
    else:
        frame = cv2.scaleAdd(noise, p.noise, frame)
    gray = cv2.convertScaleAbs(frame, alpha=255.0)
    tint = rng.uniform(0.9, 1.05, size=3)
    bgr = cv2.merge([cv2.convertScaleAbs(gray, alpha=float(t)) for t in tint])
    ok, enc = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, p.jpeg])
    bgr = cv2.imdecode(enc, cv2.IMREAD_COLOR)
    return Sample(kind, index, bgr, text, quad)


@lru_cache(maxsize=1)
def _noise_bank() -> np.ndarray:
    return np.random.default_rng(20261124).standard_normal((1100, 1900), dtype=np.float32)


def _noise(rng: np.random.Generator, h: int, w: int) -> np.ndarray:
    """Unit Gaussian noise for an h x w frame: a random window of a fixed bank (fast, deterministic)."""
    bank = _noise_bank()
    if h > bank.shape[0] or w > bank.shape[1]:
        return rng.standard_normal((h, w), dtype=np.float32)
    y, x = int(rng.integers(0, bank.shape[0] - h + 1)), int(rng.integers(0, bank.shape[1] - w + 1))
    return bank[y : y + h, x : x + w]


def _thumb(frame: np.ndarray, quad: np.ndarray, depth: float, rng: np.random.Generator) -> None:
    side = int(rng.integers(0, 4))
    a, b = quad[side], quad[(side + 1) % 4]
    centre = quad.mean(axis=0)
    edge_mid = a + (b - a) * rng.uniform(0.3, 0.7)
    width = float(np.linalg.norm(b - a))
    inward = (centre - edge_mid) / max(1e-6, float(np.linalg.norm(centre - edge_mid)))
    tip = edge_mid + inward * depth * width
    base = edge_mid - inward * width * 0.8
    mask = np.zeros(frame.shape, np.uint8)
    thickness = int(width * rng.uniform(0.22, 0.32))
    cv2.line(mask, tuple(int(v) for v in base), tuple(int(v) for v in tip), 255, thickness)
    cv2.circle(mask, tuple(int(v) for v in tip), thickness // 2, 255, -1)
    soft = cv2.GaussianBlur(mask.astype(np.float32) / 255.0, (0, 0), max(1.0, thickness / 12))
    skin = np.float32(rng.uniform(0.45, 0.7))
    frame *= 1 - soft
    frame += soft * skin


def _glare(frame: np.ndarray, quad: np.ndarray, amp: float, rng: np.random.Generator) -> None:
    h, w = frame.shape
    width = float(np.linalg.norm(quad[1] - quad[0]))
    centre = quad.mean(axis=0) + rng.uniform(-0.35, 0.35, 2) * width
    sx, sy = width * rng.uniform(0.1, 0.25), width * rng.uniform(0.1, 0.25)
    x0, x1 = int(max(0, centre[0] - 3 * sx)), int(min(w, centre[0] + 3 * sx))
    y0, y1 = int(max(0, centre[1] - 3 * sy)), int(min(h, centre[1] + 3 * sy))
    if x1 <= x0 or y1 <= y0:
        return
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    blob = np.exp(-(((xx - centre[0]) / sx) ** 2 + ((yy - centre[1]) / sy) ** 2) / 2)
    frame[y0:y1, x0:x1] = np.minimum(1.0, frame[y0:y1, x0:x1] + amp * blob)


def _motion_blur(frame: np.ndarray, length: float, angle: float) -> np.ndarray:
    n = max(3, int(round(length)) | 1)
    kernel = np.zeros((n, n), np.float32)
    kernel[n // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), angle, 1.0)
    kernel = cv2.warpAffine(kernel, rot, (n, n))
    kernel /= max(1e-6, float(kernel.sum()))
    return cv2.filter2D(frame, -1, kernel)


def generate(
    kinds: tuple[str, ...] = KINDS, per_kind: int = 40, *, seed: int = 0, size: tuple[int, int] = (640, 480)
) -> Iterator[Sample]:
    for kind in kinds:
        for i in range(per_kind):
            yield render(kind, i, seed=seed, size=size)
