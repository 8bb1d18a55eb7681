"""The Members screenshots are real renderings of the real window (a member with full consent, one with
none, and the panel from the cache while the backend is down)."""

from __future__ import annotations

import pytest
from PIL import Image

from ui.members_tour import SCREENS, MembersTour

pytestmark = pytest.mark.gui


@pytest.mark.slow
def test_members_tour_writes_every_screen(qtbot, tmp_path):
    paths = MembersTour(tmp_path / "shots", products=400).run()
    assert [p.name for p in paths] == [f"{name}.png" for name, _caption in SCREENS]
    for p in paths:
        with Image.open(p) as im:
            assert im.size == (1024, 768)
            assert len(im.convert("RGB").getcolors(maxcolors=1 << 24)) > 100, p.name
