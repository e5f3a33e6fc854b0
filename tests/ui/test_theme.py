"""Light and dark: the semantic colours, banners, chart and icons are readable on the
base of both schemes, come from one palette-aware place, and the application follows
the system's colour scheme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop_crm.ui import theme
from desktop_crm.ui.application import AppController
from desktop_crm.ui.charts import StackedBarChart
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.widgets.messages import InlineMessage

LIGHT = QStyleFactory.create("Fusion").standardPalette
SCHEMES = {"light": lambda: LIGHT(), "dark": theme.dark_palette}


@pytest.fixture
def restore_look(qapp) -> Iterator[QApplication]:
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("tone", list(theme.Tone))
def test_semantic_colours_are_readable_on_the_base(scheme, tone):
    palette = SCHEMES[scheme]()
    colour = theme.color(tone, palette)
    for role in (
        QPalette.ColorRole.Base,
        QPalette.ColorRole.AlternateBase,
        QPalette.ColorRole.Window,
    ):
        ratio = theme.contrast(colour, palette.color(role))
        assert ratio >= 4.5, f"{tone} {colour.name()} on {scheme} {role}: {ratio:.2f}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_banners_and_chart_series_are_readable(scheme):
    palette = SCHEMES[scheme]()
    for kind in ("error", "info"):
        text, background = theme.banner_colors(kind, palette)
        assert theme.contrast(text, background) >= 4.5
    base = palette.color(QPalette.ColorRole.Base)
    colours = {theme.series_color(i, palette).name() for i in range(10)}
    assert len(colours) == 10
    for name in colours:
        assert theme.contrast(QColor(name), base) >= 3.0, name  # graphics: WCAG 3:1


def test_the_colours_follow_the_palette_in_use(qtbot, restore_look):
    restore_look.setPalette(theme.dark_palette())
    assert theme.is_dark()
    message = InlineMessage()
    qtbot.addWidget(message)
    message.show_error("Ошибка")
    text, background = theme.banner_colors("error", theme.dark_palette())
    assert text.name() in message.styleSheet() and background.name() in message.styleSheet()
    chart = StackedBarChart()
    qtbot.addWidget(chart)
    chart.set_data(["Анна"], [("Telegram", [3]), ("Сайт", [1])])
    assert chart.chart.backgroundBrush().color() == chart.palette().color(QPalette.ColorRole.Base)
    assert chart.value_axis.labelsColor() == chart.palette().color(QPalette.ColorRole.Text)
    dark_first = chart.series.barSets()[0].color()
    assert dark_first == theme.series_color(0, theme.dark_palette())

    restore_look.setPalette(LIGHT())
    assert not theme.is_dark()
    qtbot.waitUntil(lambda: chart.series.barSets()[0].color() != dark_first)
    assert chart.chart.backgroundBrush().color() == QColor("#ffffff")


def test_following_a_dark_system_scheme(restore_look, monkeypatch):
    restore_look.setStyle("Fusion")
    restore_look.setPalette(LIGHT())
    monkeypatch.setattr(theme, "scheme_is_dark", lambda: True)
    theme.apply_scheme(restore_look)
    assert theme.is_dark(restore_look.palette())
    monkeypatch.setattr(theme, "scheme_is_dark", lambda: False)
    theme.apply_scheme(restore_look)
    assert not theme.is_dark(restore_look.palette())


def test_a_scheme_change_rebuilds_through_the_callback(qtbot, restore_look, monkeypatch):
    calls: list[int] = []
    follower = theme.SchemeFollower(restore_look, lambda: calls.append(1))
    follower._changed(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: calls == [1])


@pytest.mark.parametrize("scheme", SCHEMES)
def test_side_menu_icons_are_our_line_drawings_in_the_text_colour(qtbot, ctx, scheme):
    palette = SCHEMES[scheme]()
    text = palette.color(QPalette.ColorRole.WindowText)
    for page in PAGE_CLASSES:
        icon = theme.icon(f"page-{page.name}", palette)
        assert not icon.isNull(), page.name
        image = icon.pixmap(20, 20).toImage()
        drawn = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert drawn, page.name
        assert all(c.rgb() == text.rgb() for c in drawn), page.name
    window = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(window)
    icons = [window.nav.item(i).icon() for i in range(window.nav.count())]
    assert all(not i.isNull() for i in icons)
    standard = window.style().standardIcon(window.style().StandardPixmap.SP_DirHomeIcon)
    assert all(i.cacheKey() != standard.cacheKey() for i in icons)


def test_a_new_scheme_redraws_the_window_in_its_colours(qtbot, restore_look, preferences, staffed):
    controller = AppController(preferences)
    window = controller.show(staffed)
    restore_look.setPalette(theme.dark_palette())
    controller.rebuild_when_free()
    new = controller.window
    assert new is not None and new is not window
    try:
        image = new.nav.item(0).icon().pixmap(20, 20).toImage()
        drawn = {
            image.pixelColor(x, y).rgb()
            for x in range(20)
            for y in range(20)
            if image.pixelColor(x, y).alpha() == 255
        }
        text = theme.dark_palette().color(QPalette.ColorRole.WindowText)
        assert drawn == {text.rgb()}
    finally:
        new.close()
