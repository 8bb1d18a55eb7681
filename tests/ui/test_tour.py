"""The screenshot tour runs end to end through the real window and writes every screen, each a real
rendering (many colours), not a blank or a mock-up."""

from __future__ import annotations

import pytest
from PIL import Image

from ui.tour import SCREENS, parse_size, run_tour

pytestmark = pytest.mark.gui


def _colours(path) -> int:
    with Image.open(path) as im:
        return len(im.convert("RGB").getcolors(maxcolors=1 << 24))


@pytest.mark.slow
def test_tour_writes_every_screen(qtbot, tmp_path):
    out = tmp_path / "shots"
    paths = run_tour(out, size=(1024, 768), products=400)
    assert [p.name for p in paths] == [f"{name}.png" for name, _caption in SCREENS]
    for p in paths:
        assert p.stat().st_size > 5_000, p.name
        with Image.open(p) as im:
            w, h = im.size
        assert w >= 300 and h >= 150, (p.name, im.size)
        assert _colours(p) > 200, f"{p.name} looks blank ({_colours(p)} colours)"
    window_shots = [p for p in paths if p.stem in ("login", "checkout", "search", "receipt", "status-queue")]
    for p in window_shots:
        with Image.open(p) as im:
            assert im.size[0] >= 1024 and im.size[1] >= 768, (p.name, im.size)
    with Image.open(out / "checkout-1920x1080.png") as im:
        assert im.size[0] >= 1920 and im.size[1] >= 1080


def test_size_flag():
    assert parse_size("1920x1080") == (1920, 1080)
    with pytest.raises(Exception, match="1024x768"):
        parse_size("big")
