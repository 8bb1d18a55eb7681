"""Themes: applied app-wide, readable sizes at 1024×768 and 1920×1080, ≥ 44 px touch targets, contrast,
and the rendered screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pos.staff import OverrideRequest, Permission, Role, StaffMember
from ui.login import LoginScreen, render_screenshots
from ui.override import OverrideDialog
from ui.qt import QColor, QImage, QLabel, QPalette, QPushButton
from ui.theme import (
    PALETTES,
    THEMES,
    apply_theme,
    base_font_px,
    contrast_ratio,
    current_theme,
    style_sheet,
)

pytestmark = pytest.mark.gui

SIZES = [(1024, 768), (1920, 1080)]


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=["1024x768", "1920x1080"])
def test_login_fits_with_big_touch_targets(qtbot, restore_theme, auth, name, size):
    app = restore_theme
    apply_theme(app, name, screen_height=size[1])
    assert current_theme(app) == name
    assert app.font().pixelSize() == base_font_px(size[1]) == (16 if size[1] == 768 else 20)
    s = LoginScreen(auth, store_name="OMO Lisboa", till_id="T1")
    qtbot.addWidget(s)
    s.resize(*size)
    s.show()
    qtbot.waitExposed(s)
    buttons = s.findChildren(QPushButton)
    assert len(buttons) == 12
    for b in buttons:
        assert b.width() >= 44 and b.height() >= 44, (b.text(), b.size())
        assert b.height() >= 56  # keypad keys are bigger than the minimum
    card = s.findChild(object, "loginCard")
    g = card.geometry()
    assert g.top() >= 0 and g.bottom() <= size[1] and g.right() <= size[0]
    assert s.minimumSizeHint().height() <= size[1]


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=["1024x768", "1920x1080"])
def test_override_dialog_fits(qtbot, restore_theme, approvals, name, size):
    apply_theme(restore_theme, name, screen_height=size[1])
    d = OverrideDialog(
        OverrideRequest(StaffMember("S1", "Ana", Role.CASHIER), Permission.VOID_SALE), approvals
    )
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    assert d.height() <= size[1] - 40 and d.width() <= size[0]
    for b in d.findChildren(QPushButton):
        assert b.width() >= 44 and b.height() >= 44
    assert d.reason.height() >= 40


@pytest.mark.parametrize("name", THEMES)
def test_state_colours_reach_the_widgets(qtbot, restore_theme, name):
    apply_theme(restore_theme, name, screen_height=768)
    t = PALETTES[name]
    for prop, value, colour in [
        ("kind", "error", t.error),
        ("kind", "ok", t.ok),
        ("level", "warn", t.warn),
        ("kind", "declined", t.error),
        ("error", True, t.error),
    ]:
        lab = QLabel("x")
        lab.setProperty(prop, value)
        qtbot.addWidget(lab)
        lab.show()
        assert lab.palette().color(QPalette.ColorRole.WindowText) == QColor(colour), (prop, value)


@pytest.mark.parametrize("name", THEMES)
def test_contrast(name):
    t = PALETTES[name]
    for bg in (t.window, t.surface):
        assert contrast_ratio(t.text, bg) >= 7
        for fg in (t.muted, t.error, t.warn, t.ok, t.info):
            assert contrast_ratio(fg, bg) >= 4.5, (fg, bg)
    assert contrast_ratio(t.button_text, t.button) >= 7
    assert contrast_ratio(t.primary_text, t.primary) >= 4.5
    assert contrast_ratio(t.selection_text, t.selection) >= 4.5
    assert contrast_ratio(t.disabled_text, t.button) >= 3
    if name == "high-contrast":
        assert contrast_ratio(t.text, t.window) == 21


def test_contrast_ratio_is_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_unknown_theme(restore_theme):
    with pytest.raises(ValueError, match="high-contrast"):
        apply_theme(restore_theme, "neon")


def test_screenshots_render_every_theme(restore_theme, tmp_path):
    files = render_screenshots(str(tmp_path))
    assert len(files) == 4 * len(THEMES)
    for f in files:
        img = QImage(f)
        assert (img.width(), img.height()) == (1024, 768), f
    for name in THEMES:
        login = QImage(str(tmp_path / f"login-{name}.png"))
        assert login.pixelColor(5, 5) == QColor(PALETTES[name].window)


def test_a_widgets_own_font_survives_the_theme(qtbot, restore_theme):
    big = QLabel("Total 31.24")
    f = big.font()
    f.setPixelSize(40)
    big.setFont(f)
    qtbot.addWidget(big)
    big.show()
    apply_theme(restore_theme, "dark", screen_height=768)
    plain = QLabel("x")
    qtbot.addWidget(plain)
    plain.show()
    assert big.font().pixelSize() == 40
    assert plain.font().pixelSize() == 16


@pytest.mark.parametrize("name", THEMES)
def test_spin_boxes_draw_their_arrows_in_the_themes_text_colour(name):
    """A styled spin box draws no arrows of its own (they were invisible): each theme names its arrow
    images, which exist and are drawn in that theme's text colour."""
    sheet = style_sheet(name)
    urls = re.findall(r'QSpinBox::(up|down)-arrow \{ image: url\("([^"]+)"\)', sheet)
    assert {kind for kind, _ in urls} == {"up", "down"}
    for _kind, url in urls:
        svg = Path(url).read_text()
        assert f'fill="{PALETTES[name].text}"' in svg, url
