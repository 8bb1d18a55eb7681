"""``omo-pos decode IMAGE...``: run the camera's QR pipeline on image files and print what it found.

For support staff checking photos from a shop, and for tests. One line per code found:
``<file>: <kind>: <text>`` (kind as far as it can be told without the backend's keys: member token,
card token, order, cart, coupon, gift card, receipt, or "not understood"), ``<file>: no code found``
or ``<file>: cannot read this image``. Exit status: 0 when every file had a code, 1 when a file had
none, 2 when a file could not be read (or bad arguments).
"""

from __future__ import annotations

import argparse
import json
import sys

import cv2

from hardware.camera.decoders import DecoderUnavailable
from hardware.camera.pipeline import DEFAULT_STAGES, DecodePipeline
from pos import codes


def describe(text: str) -> str:
    """What a code is, without verifying signatures (the till does that with the backend's keys)."""
    if text.startswith(codes.TOKEN_PREFIX) and len(text) == codes.TOKEN_TEXT_LEN:
        return {"M": "member token (app)", "C": "member card"}.get(_token_kind(text), "not understood")
    result = codes.CodeParser().parse(text)
    return {
        "order": "online order",
        "cart": "shared cart",
        "coupon": "coupon",
        "gift_card": "gift card",
        "receipt": "receipt",
    }.get(result.kind, "not understood")


def _token_kind(text: str) -> str:
    import base64
    import binascii

    try:
        return chr(base64.b32decode(text[4:12])[0])
    except (binascii.Error, ValueError):
        return "?"


def decode(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="omo-pos decode", description="Read QR codes from image files.")
    ap.add_argument("images", nargs="+", help="image files (PNG, JPEG, ...)")
    ap.add_argument(
        "--decoders",
        default=",".join(DEFAULT_STAGES),
        help="comma-separated decoder stages in order (default: %(default)s)",
    )
    ap.add_argument("--json", action="store_true", help="one JSON object per file")
    try:
        args = ap.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        pipeline = DecodePipeline.from_specs(args.decoders.split(","), budget_s=float("inf"))
    except (DecoderUnavailable, ValueError) as exc:
        print(f"omo-pos decode: {exc}", file=sys.stderr)
        return 2
    status = 0
    for path in args.images:
        image = cv2.imread(path, cv2.IMREAD_COLOR)
        if image is None:
            status = 2
            _out(args.json, path, None, "cannot read this image")
            continue
        found = pipeline.decode(image)
        if not found:
            status = max(status, 1)
            _out(args.json, path, [], "no code found")
        for det in found:
            _out(args.json, path, det, f"{describe(det.text)}: {det.text}")
    return status


def _out(as_json: bool, path: str, det, line: str) -> None:
    if as_json:
        obj = {"file": path}
        if det is None:
            obj["error"] = line
        elif det == []:
            obj["text"] = None
        else:
            obj.update(text=det.text, kind=describe(det.text), decoder=det.decoder, quad=det.quad)
        print(json.dumps(obj))
    else:
        print(f"{path}: {line}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(decode(sys.argv[1:]))
