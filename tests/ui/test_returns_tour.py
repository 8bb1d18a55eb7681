"""The Returns & pickups screenshots are real renderings of the real window: the tour finds an order by its
QR, picks lines, refunds as store credit, starts an exchange and opens the pickup list, end to end."""

from __future__ import annotations

import pytest
from PIL import Image

from ui.returns_tour import SCREENS, ReturnsTour

pytestmark = pytest.mark.gui


@pytest.mark.slow
def test_returns_tour_writes_every_screen(qtbot, tmp_path):
    paths = ReturnsTour(tmp_path / "shots", products=400).run()
    assert [p.name for p in paths] == [f"{name}.png" for name, _caption in SCREENS]
    for p in paths:
        with Image.open(p) as im:
            assert im.size == (1024, 768)
            assert len(im.convert("RGB").getcolors(maxcolors=1 << 24)) > 100, p.name
