"""The Till screenshots are real renderings of the real window (the tour drives the Till workspace end to
end: opening count, sales, X report, blind count, a manager's PIN, Z report)."""

from __future__ import annotations

import pytest
from PIL import Image

from ui.till_tour import SCREENS, TillTour

pytestmark = pytest.mark.gui


@pytest.mark.slow
def test_till_tour_writes_every_screen(qtbot, tmp_path):
    paths = TillTour(tmp_path / "shots", products=400).run()
    assert [p.name for p in paths] == [f"{name}.png" for name, _caption in SCREENS]
    for p in paths:
        with Image.open(p) as im:
            assert len(im.convert("RGB").getcolors(maxcolors=1 << 24)) > 100, p.name
    with Image.open(paths[-1]) as im:
        assert im.size == (1024, 768)
