"""Light and dark: the one place for the window's semantic colours, the screens' icons
and following the system's colour scheme.

Every colour that means something (a contact nobody took, an operator at the limit, a
closed contact, an error or a note, the chart's series) comes from here and is chosen
for the palette in use, so that it stays readable on a light and on a dark base
(``tests/ui/test_theme.py`` checks the contrast of each against the base of both)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import cache

from PySide6.QtCore import QByteArray, QObject, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop_crm import resources

ICONS_DIR = resources.ICONS_DIR


class Tone(Enum):
    GOOD = "good"  # done, assigned
    WARN = "warn"  # needs attention: unassigned, unsaved, at the limit
    BAD = "bad"  # an error, a large deviation
    DIM = "dim"  # closed, inactive, secondary


# (light base, dark base): at least 4.5:1 against the base of its scheme (WCAG AA).
_TONES: dict[Tone, tuple[str, str]] = {
    Tone.GOOD: ("#137333", "#4ade80"),
    Tone.WARN: ("#a34a06", "#fbbf24"),
    Tone.BAD: ("#b3261e", "#f87171"),
    Tone.DIM: ("#5f6672", "#a3a9b4"),
}
# Banners: (text, background) per scheme.
_BANNERS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "error": (("#8c0000", "#fdecea"), ("#ffb4ab", "#4a1c1a")),
    "info": (("#1e4620", "#edf7ed"), ("#a8e6a3", "#1d3a1f")),
}
# The chart's series: distinct hues in the order of Tableau 10 (colour-blind friendly),
# each at least 3:1 against its scheme's base (WCAG for graphics): deeper on light,
# lighter on dark.
_SERIES = (
    ("#4e79a7", "#7aa6d6"),
    ("#c15f00", "#ffae5c"),
    ("#3d8c34", "#82cc77"),
    ("#d0393b", "#ff8a8c"),
    ("#38827d", "#9ee0da"),
    ("#957000", "#f5dc7a"),
    ("#9c5f8e", "#d6a3c8"),
    ("#c4566a", "#ffc2c8"),
    ("#9c755f", "#c9a18a"),
    ("#7a726e", "#d9d2cf"),
)


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """The base (where tables and text fields draw) is dark."""
    return _palette(palette).color(QPalette.ColorRole.Base).lightness() < 128


def color(tone: Tone, palette: QPalette | None = None) -> QColor:
    return QColor(_TONES[tone][is_dark(palette)])


def css(tone: Tone, palette: QPalette | None = None) -> str:
    """The colour as '#rrggbb' for a style sheet or rich text."""
    return color(tone, palette).name()


def banner_colors(kind: str, palette: QPalette | None = None) -> tuple[QColor, QColor]:
    """(text, background) of an 'error' or 'info' banner."""
    text, background = _BANNERS[kind][is_dark(palette)]
    return QColor(text), QColor(background)


def banner_style(kind: str, palette: QPalette | None = None) -> str:
    text, background = banner_colors(kind, palette)
    return (
        f"color: {text.name()}; background: {background.name()}; "
        "border-radius: 4px; padding: 4px 8px;"
    )


def series_color(position: int, palette: QPalette | None = None) -> QColor:
    return QColor(_SERIES[position % len(_SERIES)][is_dark(palette)])


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- icons ------------------------------------------------------------------------------
@cache
def _svg(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, palette: QPalette | None = None, size: int = 20) -> QIcon:
    """``resources/icons/<name>.svg`` (line drawings in ``currentColor``) drawn in the
    palette's text colour, sharp at 1x and 2x; an empty icon when the file is missing."""
    if not (ICONS_DIR / f"{name}.svg").exists():
        return QIcon()
    pal = _palette(palette)
    result = QIcon()
    for mode, group in (
        (QIcon.Mode.Normal, QPalette.ColorGroup.Active),
        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled),
        (QIcon.Mode.Selected, QPalette.ColorGroup.Active),
    ):
        role = (
            QPalette.ColorRole.HighlightedText
            if mode is QIcon.Mode.Selected
            else (QPalette.ColorRole.WindowText)
        )
        text = _svg(name).replace("currentColor", pal.color(group, role).name())
        renderer = QSvgRenderer(QByteArray(text.encode("utf-8")))
        for scale in (1, 2):
            pixmap = QPixmap(QSize(size * scale, size * scale))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            result.addPixmap(pixmap, mode)
    return result


# -- following the system ---------------------------------------------------------------
def dark_palette() -> QPalette:
    """Fusion's colours for a dark scheme, for platforms whose style has no dark palette."""
    p = QPalette()
    window, base, text = QColor("#2b2d30"), QColor("#1e1f22"), QColor("#e6e6e6")
    disabled = QColor("#7f8389")
    for role, value in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#26282b")),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9ea5")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#35373b")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.BrightText, QColor("#ff6b6b")),
        (QPalette.ColorRole.Link, QColor("#7aa6ff")),
        (QPalette.ColorRole.LinkVisited, QColor("#b69cff")),
        (QPalette.ColorRole.Highlight, QColor("#3d6fb6")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Light, QColor("#4a4d52")),
        (QPalette.ColorRole.Midlight, QColor("#3e4145")),
        (QPalette.ColorRole.Mid, QColor("#6b6f75")),
        (QPalette.ColorRole.Dark, QColor("#18191b")),
        (QPalette.ColorRole.Shadow, QColor("#000000")),
    ):
        p.setColor(role, value)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def scheme_is_dark() -> bool:
    """What the system asks for (Qt 6.5+ ``QStyleHints.colorScheme``)."""
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_scheme(app: QApplication) -> None:
    """Make the palette match the system's scheme: a dark scheme on a style whose own
    palette is light (Fusion on many desktops, the offscreen platform) gets
    ``dark_palette``; otherwise the style's own palette stands."""
    if scheme_is_dark() and not is_dark(app.style().standardPalette()):
        if app.style().name().lower() not in ("fusion",):
            fusion = QStyleFactory.create("Fusion")
            if fusion is not None:
                app.setStyle(fusion)
        app.setPalette(dark_palette())
    elif (
        not scheme_is_dark()
        and is_dark(app.palette())
        and not is_dark(app.style().standardPalette())
    ):
        app.setPalette(app.style().standardPalette())


class SchemeFollower(QObject):
    """Applies the system's scheme now and whenever it changes; ``on_change`` then lets
    the window redraw what it painted with the old colours (the application rebuilds it)."""

    def __init__(self, app: QApplication, on_change: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._on_change = on_change
        apply_scheme(app)
        app.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, _scheme: Qt.ColorScheme) -> None:
        apply_scheme(self._app)
        if self._on_change is not None:
            QTimer.singleShot(0, self._on_change)  # after the signal, not inside it
