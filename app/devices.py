"""Devices chosen by the settings (Qt-free): the camera source for the member-QR camera."""

from __future__ import annotations

from typing import Any

from app.settings import Settings


def camera_source(settings: Settings) -> Any:
    """`camera.source`: auto (the first webcam), a device index, a video file, an image glob, or synthetic."""
    from hardware.camera import sources

    value = settings["camera.source"]
    size = dict(width=settings["camera.width"], height=settings["camera.height"], fps=settings["camera.fps"])
    if value in ("auto", ""):
        return sources.DeviceSource(0, **size)
    if value.isdigit():
        return sources.DeviceSource(int(value), **size)
    if value == "synthetic":
        return sources.SyntheticSource(["OMO:ORDER:0"], size=(size["width"], size["height"]))
    if any(ch in value for ch in "*?["):
        return sources.ImageSequenceSource(value, fps=settings["camera.fps"])
    return sources.VideoFileSource(value, loop=True)


def camera_stages(settings: Settings) -> tuple[str, ...] | None:
    """The decoder stages asked for in `camera.decoders` (None: the measured default pipeline)."""
    spec = settings["camera.decoders"]
    return None if spec == "auto" else tuple(x.strip() for x in spec.split(",") if x.strip())


__all__ = ["camera_source", "camera_stages"]
