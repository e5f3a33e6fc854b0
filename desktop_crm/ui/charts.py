"""A horizontal stacked bar chart (QtCharts) with a hint in place of an empty chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from desktop_crm.ui import theme

MAX_CHART_HEIGHT = 420
LABEL_WIDTH_PX = 190  # category labels longer than this are elided; the tooltip has them whole


def series_color(position: int) -> QColor:
    """The series' colour for the palette in use (light or dark: ``ui/theme.py``)."""
    return theme.series_color(position)


class StackedBarChart(QWidget):
    """One bar per category, stacked by series; ``set_data`` updates values in
    place when categories and series are the same, and rebuilds otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setShowToolTips(True)
        self.series = QHorizontalStackedBarSeries()
        self.series.setBarWidth(0.7)
        self.chart.addSeries(self.series)
        self.category_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.value_axis.setMinorTickCount(0)
        self.chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)
        self.series.hovered.connect(self._hovered)

        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text); font-size: 11pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self._categories: list[str] = []  # full names, in the caller's order
        self._labels: list[str] = []  # what the axis shows, bottom to top
        self._series_names: list[str] = []
        self._default_colors = True  # no colours given: the theme's follow the palette
        self.apply_palette()

    # -- colours ----------------------------------------------------------------------
    def apply_palette(self) -> None:
        """QtCharts paints with its own light theme: take the window's colours instead,
        so that the chart is readable in a dark scheme too."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        grid = palette.color(QPalette.ColorRole.Mid)
        self.chart.setBackgroundBrush(QBrush(base))
        self.chart.setBackgroundPen(QPen(base))
        self.chart.legend().setLabelColor(text)
        for axis in (self.category_axis, self.value_axis):
            axis.setLabelsColor(text)
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
        for position, bar_set in enumerate(self.series.barSets()):
            bar_set.setBorderColor(base)
            if self._default_colors:
                bar_set.setColor(theme.series_color(position, palette))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()

    # -- data ----------------------------------------------------------------------
    def set_data(
        self,
        categories: Sequence[str],
        series: Sequence[tuple[str, Sequence[int]]],
        colors: Sequence[QColor] | None = None,
    ) -> None:
        """``categories`` top to bottom; each series: its legend name and one value a category."""
        categories = list(categories)
        names = [name for name, _values in series]
        # A horizontal chart draws the first category at the bottom: reverse, so the
        # first one is on top as in the table.
        values = [list(reversed(list(v))) for _name, v in series]
        if categories == self._categories and names == self._series_names:
            for bar_set, new in zip(self.series.barSets(), values, strict=True):
                for i, value in enumerate(new):
                    if bar_set.at(i) != value:
                        bar_set.replace(i, value)
        else:
            self.series.clear()
            self._categories, self._series_names = categories, names
            self._labels = self._axis_labels(categories)
            self.category_axis.clear()
            if self._labels:
                self.category_axis.append(list(reversed(self._labels)))
            for position, (name, new) in enumerate(zip(names, values, strict=True)):
                bar_set = QBarSet(name)
                bar_set.append([float(v) for v in new])
                color = colors[position] if colors and position < len(colors) else None
                self._default_colors = colors is None
                bar_set.setColor(color or series_color(position))
                bar_set.setBorderColor(self.palette().color(QPalette.ColorRole.Base))
                self.series.append(bar_set)
        # QtCharts cuts a category's name to "…" when its bar gets less than about two
        # lines of height: ask for that much (up to MAX_CHART_HEIGHT; more bars cut).
        lines = QFontMetrics(self.category_axis.labelsFont()).lineSpacing()
        self.view.setMinimumHeight(min(len(categories) * 2 * lines + 100, MAX_CHART_HEIGHT))
        top = max((sum(column) for column in zip(*values, strict=True)), default=0)
        self.value_axis.setRange(0, max(top, 4))
        self.value_axis.applyNiceNumbers()

    def _axis_labels(self, categories: Sequence[str]) -> list[str]:
        """Elided, and unique (the axis refuses duplicates) with zero-width spaces."""
        metrics = QFontMetrics(self.category_axis.labelsFont())
        labels: list[str] = []
        for name in categories:
            label = metrics.elidedText(name, Qt.TextElideMode.ElideRight, LABEL_WIDTH_PX)
            while label in labels:
                label += "\u200b"
            labels.append(label)
        return labels

    def refresh_labels(self) -> None:
        """Lay the category labels out again: QtCharts keeps a label it cut while the
        chart was low ("…") after the chart grows (a resize of the page's layout)."""
        if self._labels:
            self.category_axis.clear()
            self.category_axis.append(list(reversed(self._labels)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # With self as the context: a chart deleted before the timer fires is not called.
        QTimer.singleShot(0, self, self.refresh_labels)

    def show_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.stack.setCurrentWidget(self.hint)

    def show_chart(self) -> None:
        self.stack.setCurrentWidget(self.view)

    @property
    def showing_hint(self) -> bool:
        return self.stack.currentWidget() is self.hint

    # -- for tests and tooltips ----------------------------------------------------
    def categories(self) -> list[str]:
        return list(self._categories)

    def values(self) -> dict[str, list[int]]:
        """Series name -> values in ``categories()`` order."""
        result = {}
        for bar_set in self.series.barSets():
            numbers = [round(bar_set.at(i)) for i in range(bar_set.count())]
            result[bar_set.label()] = list(reversed(numbers))
        return result

    def _hovered(self, status: bool, index: int, bar_set: QBarSet) -> None:
        if not status:
            QToolTip.hideText()
            return
        position = len(self._categories) - 1 - index
        if not 0 <= position < len(self._categories):
            return
        value = round(bar_set.at(index))
        total = sum(round(s.at(index)) for s in self.series.barSets())
        text = f"<b>{_escape(self._categories[position])}</b><br>{_escape(bar_set.label())}: "
        text += self.tr("%n contact(s)", "", value)
        text += "<br>" + self.tr("Total: %n", "", total)
        QToolTip.showText(QCursor.pos(), text, self.view)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
