"""Light, dark and high-contrast themes: a palette, an application font and one style sheet.

`apply_theme(app, name)` applies a theme application-wide. Sizes are in pixels and scale with the
screen: the base font is 16 px at 1024×768 and 20 px at 1920×1080; every button, input and list row
is at least 44 px tall. The sheet styles the object names and dynamic properties the till's widgets use
(`primary`, `kind`, `level`, `error`, `attached`), so widgets only say *what* something is.

Colours are chosen for contrast: body text is at least 7:1 against its background in every theme,
secondary text and the colours of states at least 4.5:1 (WCAG AA), high-contrast well beyond (AAA).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

from ui.qt import QApplication, QColor, QFont, QPalette

THEMES = ("light", "dark", "high-contrast")
TOUCH = 44


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    surface: str  # inputs, lists, cards
    text: str
    muted: str
    button: str
    button_hover: str
    button_text: str
    border: str
    primary: str
    primary_text: str
    primary_hover: str
    focus: str
    selection: str
    selection_text: str
    ok: str
    warn: str
    error: str
    info: str
    disabled_text: str
    border_width: int = 1


PALETTES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        window="#f3f4f6",
        surface="#ffffff",
        text="#15191e",
        muted="#4b5563",
        button="#e3e6eb",
        button_hover="#d3d8df",
        button_text="#15191e",
        border="#9aa3af",
        primary="#0b57d0",
        primary_text="#ffffff",
        primary_hover="#0842a0",
        focus="#0b57d0",
        selection="#0b57d0",
        selection_text="#ffffff",
        ok="#146c2e",
        warn="#7a4b00",
        error="#b3261e",
        info="#0b57d0",
        disabled_text="#6b7280",
    ),
    "dark": Theme(
        name="dark",
        window="#17191c",
        surface="#22262b",
        text="#eceff3",
        muted="#b2b9c3",
        button="#2f353c",
        button_hover="#3b424b",
        button_text="#eceff3",
        border="#59626e",
        primary="#8ab4f8",
        primary_text="#0b1d3a",
        primary_hover="#aecbfa",
        focus="#8ab4f8",
        selection="#8ab4f8",
        selection_text="#0b1d3a",
        ok="#81c995",
        warn="#fdd663",
        error="#f6aea9",
        info="#8ab4f8",
        disabled_text="#8a929c",
    ),
    "high-contrast": Theme(
        name="high-contrast",
        window="#000000",
        surface="#000000",
        text="#ffffff",
        muted="#ffffff",
        button="#000000",
        button_hover="#1f1f1f",
        button_text="#ffffff",
        border="#ffffff",
        primary="#ffff00",
        primary_text="#000000",
        primary_hover="#ffff80",
        focus="#00ffff",
        selection="#00ffff",
        selection_text="#000000",
        ok="#00ff7f",
        warn="#ffff00",
        error="#ff8080",
        info="#00ffff",
        disabled_text="#b0b0b0",
        border_width=2,
    ),
}


def base_font_px(screen_height: int) -> int:
    """Body text size for a screen height: 16 px at 768, 18 at 900, 20 at 1080, 24 at 1440 and up."""
    if screen_height >= 1440:
        return 24
    if screen_height >= 1080:
        return 20
    if screen_height >= 900:
        return 18
    return 16


_QSS = Template(
    """
QWidget { color: $text; }
QMainWindow, QDialog, QWidget#loginScreen, QWidget#checkout { background: $window; }
QToolTip { color: $text; background: $surface; border: ${bw}px solid $border; padding: 4px; }

QPushButton, QToolButton {
    min-height: ${touch}px; min-width: ${touch}px; padding: 4px 6px;
    color: $button_text; background: $button;
    border: ${bw}px solid $border; border-radius: 8px;
}
QPushButton:hover, QToolButton:hover { background: $button_hover; }
QPushButton:pressed, QToolButton:pressed { background: $border; }
QPushButton:focus, QToolButton:focus { border: 3px solid $focus; }
QPushButton:disabled, QToolButton:disabled { color: $disabled_text; border-style: dashed; }
QPushButton[primary="true"] {
    background: $primary; color: $primary_text; border-color: $primary; font-weight: bold;
}
QPushButton[primary="true"]:hover { background: $primary_hover; }
QPushButton[primary="true"]:focus { border: 3px solid $focus_on_primary; }
QPushButton[primary="true"]:disabled { background: $button; color: $disabled_text; border-color: $border; }
QPushButton#keypadDigit, QPushButton#keypadBack, QPushButton#keypadEnter {
    font-size: ${fs_key}px; border-radius: 12px; padding: 0px; min-height: ${key_h}px; min-width: ${key_w}px;
}
QPushButton#keypadEnter { font-size: ${fs_big}px; }
QWidget#overrideBackdrop { background: $backdrop; }
QDialog#overrideDialog { background: $window; border: ${bw}px solid $border; }

QLineEdit, QPlainTextEdit, QTextEdit, QSpinBox, QComboBox {
    min-height: ${input_h}px; padding: 2px 8px; color: $text; background: $surface;
    border: ${bw}px solid $border; border-radius: 6px;
    selection-background-color: $selection; selection-color: $selection_text;
}
QLineEdit:focus, QPlainTextEdit:focus, QSpinBox:focus, QComboBox:focus { border: 3px solid $focus; }
QSpinBox { padding-right: ${spin_w}px; }
QSpinBox::up-button, QSpinBox::down-button {
    subcontrol-origin: border; width: ${spin_w}px; background: $button; border-left: 1px solid $border;
}
QSpinBox::up-button { subcontrol-position: top right; border-top-right-radius: 6px; }
QSpinBox::down-button { subcontrol-position: bottom right; border-bottom-right-radius: 6px; }
QSpinBox::up-button:hover, QSpinBox::down-button:hover { background: $button_hover; }
QSpinBox::up-arrow { image: url("$spin_up"); width: 14px; height: 8px; }
QSpinBox::down-arrow { image: url("$spin_down"); width: 14px; height: 8px; }
QTableView, QListView, QListWidget, QTreeView {
    background: $surface; alternate-background-color: $window; color: $text;
    border: ${bw}px solid $border; gridline-color: $border;
    selection-background-color: $selection; selection-color: $selection_text;
}
QTableView::item, QListView::item, QListWidget::item { min-height: ${touch}px; }
QHeaderView::section {
    background: $button; color: $text; padding: 6px; border: 0px; border-bottom: ${bw}px solid $border;
}
QFrame#totals, QFrame#card, QWidget#loginCard, QFrame#overrideCard {
    background: $surface; border: ${bw}px solid $border; border-radius: 12px;
}
QDockWidget { color: $text; }
QStatusBar { background: $surface; border-top: ${bw}px solid $border; }
QScrollBar:vertical { width: 16px; }

QLabel#loginTitle { font-size: ${fs_title}px; font-weight: bold; }
QLabel#loginSubtitle, QLabel#muted, QLabel#overrideHint { color: $muted; }
QLabel#overrideTitle { font-size: ${fs_big}px; font-weight: bold; }
QLabel#loginPrompt { font-size: ${fs_big}px; }
QLabel#grandTotal { font-size: ${fs_title}px; font-weight: bold; }
QLabel#pageHeader { font-size: ${fs_big}px; font-weight: bold; }

QLabel[kind="error"], QLabel[kind="declined"], QLabel[error="true"], QLabel[level="bad"] {
    color: $error; font-weight: bold;
}
QLabel[kind="warn"], QLabel[level="warn"] { color: $warn; font-weight: bold; }
QLabel[kind="ok"], QLabel[kind="approved"], QLabel[level="ok"] { color: $ok; font-weight: bold; }
QLabel[kind="waiting"], QLabel[kind="processing"] { color: $info; font-weight: bold; }
QLabel[kind="due"] { font-weight: bold; }
QLabel[kind="tax"], QLabel[kind="hint"] { color: $muted; }
QLabel#cardState { font-size: ${fs_big}px; }
QLabel#changeDue { font-size: ${fs_big}px; font-weight: bold; }
QLabel#memberSlot[attached="true"] { color: $ok; font-weight: bold; }
"""
)


def _resource(name: str) -> str:
    """A file of resources/ (next to the source tree, or in the bundle) as a style sheet url."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parents[1]
    return (root / "resources" / name).as_posix()


def style_sheet(name: str, *, font_px: int = 16) -> str:
    t = PALETTES[name]
    return _QSS.substitute(
        fs=font_px,
        fs_key=round(font_px * 1.5),
        fs_big=round(font_px * 1.35),
        fs_title=round(font_px * 2),
        touch=TOUCH,
        key_h=round(font_px * 3.75),
        key_w=round(font_px * 5.5),
        backdrop={"light": "#6b7280", "dark": "#050607", "high-contrast": "#000000"}[name],
        input_h=TOUCH - 2 * t.border_width - 4,
        spin_w=round(font_px * 2),  # the step buttons of a spin box: a finger wide enough
        # a styled spin box draws no arrows of its own: resources/spin-{up,down}-<theme>.svg, in $text
        spin_up=_resource(f"spin-up-{name}.svg"),
        spin_down=_resource(f"spin-down-{name}.svg"),
        bw=t.border_width,
        focus_on_primary=t.text if name != "light" else "#15191e",
        **{k: v for k, v in vars(t).items() if k not in ("name", "border_width")},
    )


def palette(name: str) -> QPalette:
    t = PALETTES[name]
    pal = QPalette()
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    roles = {
        R.Window: t.window,
        R.WindowText: t.text,
        R.Base: t.surface,
        R.AlternateBase: t.window,
        R.Text: t.text,
        R.Button: t.button,
        R.ButtonText: t.button_text,
        R.BrightText: t.error,
        R.Highlight: t.selection,
        R.HighlightedText: t.selection_text,
        R.ToolTipBase: t.surface,
        R.ToolTipText: t.text,
        R.PlaceholderText: t.muted,
        R.Link: t.info,
        R.Light: t.button_hover,
        R.Midlight: t.button_hover,
        R.Mid: t.border,
        R.Dark: t.border,
        R.Shadow: "#000000",
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (R.WindowText, R.Text, R.ButtonText):
        pal.setColor(G.Disabled, role, QColor(t.disabled_text))
    return pal


def current_theme(app: QApplication) -> str | None:
    return app.property("omoTheme")


def apply_theme(app: QApplication, name: str, *, screen_height: int | None = None) -> Theme:
    """Apply theme `name` (one of `THEMES`) to the whole application; returns the `Theme`.

    `screen_height` picks the font size (default: the primary screen's available height)."""
    if name not in PALETTES:
        raise ValueError(f"unknown theme {name!r}; choose one of {', '.join(THEMES)}")
    if screen_height is None:
        screen = app.primaryScreen()
        screen_height = screen.availableGeometry().height() if screen is not None else 768
    px = base_font_px(screen_height)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")  # the same look on every platform, and palettes are honoured
    app.setPalette(palette(name))
    font = QFont(app.font())
    font.setPixelSize(px)
    app.setFont(font)
    app.setStyleSheet(style_sheet(name, font_px=px))
    app.setProperty("omoTheme", name)
    app.setProperty("omoFontPx", px)
    return PALETTES[name]


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two #rrggbb colours."""

    def lum(c: str) -> float:
        q = QColor(c)
        out = []
        for v in (q.redF(), q.greenF(), q.blueF()):
            out.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * out[0] + 0.7152 * out[1] + 0.0722 * out[2]

    a, b = sorted((lum(fg), lum(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)
