"""The sources screen on a laptop: the list as wide as its names need.

The list and the weights editor share the width. The list gets what shows every
source's name whole (beside the code, a short operators summary and the
strategy), as long as the editor keeps room for all its columns; the operators
summary gives way first. Every column header of the list reads whole whatever
the split: the list is never narrower than its headers (a long code is cut, whole
in its tooltip). Once the user drags the divider (or saved sizes were restored
after a drag), the user's split wins.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtWidgets import QHeaderView, QSplitter, QStyle, QStyleOptionHeader, QTableView

from desktop_crm.ui.models.sources import CODE, NAME, OPERATORS, STRATEGY
from desktop_crm.ui.models.weights import OPERATOR
from desktop_crm.ui.preferences import IntOption

# 1 when the user dragged the divider: the saved split wins over the fitted one.
SPLIT_DRAGGED = IntOption("sources/split_dragged", 0)

OPERATORS_WIDTH = 110  # the operators summary when there is room ("4 operators, 2 full")
STRATEGY_WIDTH = 76  # the strategy ("Lottery"), at least its header
CODE_MAX_WIDTH = 110  # a code wider than this is cut (whole in its tooltip)
EDITOR_OPERATOR = 104  # the weights editor's operator column keeps at least this (it gave
# 16 px to the Weight column, which shows 1 000 000 whole: the source names stay whole)
LIST, EDITOR = 0, 1


def title_width(header: QHeaderView, column: int) -> int:
    """The width that shows a column's title whole: the text and the style's margins, and
    the sort arrow's room on the column the table is sorted by (only there)."""
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.fontMetrics = header.fontMetrics()
    option.orientation = header.orientation()
    option.section = column
    model = header.model()
    option.text = str(model.headerData(column, header.orientation()) or "") if model else ""
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    size = header.style().sizeFromContents(
        QStyle.ContentsType.CT_HeaderSection, option, QSize(), header
    )
    return size.width()


class SourcesSplit(QObject):
    def __init__(self, splitter: QSplitter, table: QTableView, weights: QTableView) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._table = table
        self._weights = weights
        self._moving = False
        self.active = True  # until the user drags or a saved split is restored
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.fit)
        splitter.installEventFilter(self)
        splitter.splitterMoved.connect(self._moved)
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._later.start)
        table.horizontalHeader().sortIndicatorChanged.connect(self._later.start)  # the arrow

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize):
            self.fit()  # now: the first paint has the split, nothing moves after it
            self._later.start()  # and again once the columns are laid out
        return False

    def refit(self) -> None:
        """Fit again once the columns are laid out (the editor's width changed)."""
        self._later.start()

    def _moved(self, _pos: int, _index: int) -> None:
        if not self._moving:
            self.active = False

    def name_width(self) -> int:
        table = self._table
        model = table.model()
        widths = [
            table.sizeHintForIndex(model.index(row, NAME)).width()
            for row in range(model.rowCount())
        ]
        return max([table.horizontalHeader().sectionSizeHint(NAME), *widths])

    def _chrome(self, view: QTableView) -> int:
        return 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()

    def editor_width(self) -> int:
        """The weights editor's width with every column on screen."""
        header = self._weights.horizontalHeader()
        columns = sum(
            header.sectionSize(column) for column in range(header.count()) if column != OPERATOR
        )
        editor = self._splitter.widget(EDITOR)
        least = editor.minimumSizeHint().width() if editor is not None else 0
        return max(least, columns + EDITOR_OPERATOR + self._chrome(self._weights))

    def fit(self) -> None:
        splitter, table = self._splitter, self._table
        # Its width, not the sum of its sizes: those lag until its own resize is handled.
        total = splitter.width() - splitter.handleWidth() * (splitter.count() - 1)
        if not self.active or total <= 0 or not splitter.isVisible():
            return
        header = table.horizontalHeader()
        # Each header whole (its text, margins and the sort arrow's room), a code up to
        # CODE_MAX_WIDTH, the summary at least its header: the list's least width.
        code = max(title_width(header, CODE), min(table.sizeHintForColumn(CODE), CODE_MAX_WIDTH))
        strategy = max(STRATEGY_WIDTH, title_width(header, STRATEGY))
        floor = title_width(header, OPERATORS)
        header.resizeSection(CODE, code)
        header.resizeSection(STRATEGY, strategy)
        headers = title_width(header, NAME) + code + floor + strategy + self._chrome(table)
        if table.minimumWidth() != headers:
            table.setMinimumWidth(headers)
        others = code + strategy + self._chrome(table)
        wanted = self.name_width() + others
        room = total - self.editor_width()
        lst = splitter.widget(LIST)
        least = max(headers, lst.minimumSizeHint().width() if lst is not None else 0)
        width = max(least, min(wanted + OPERATORS_WIDTH, room, round(total * 0.6)))
        # The summary gives way to the names, down to its header's width.
        spare = width - wanted  # the names first
        if not table.verticalScrollBar().isVisible():  # the name column stretches over it
            spare += table.verticalScrollBar().sizeHint().width()
        header.resizeSection(OPERATORS, max(floor, min(OPERATORS_WIDTH, spare)))
        self._moving = True
        try:
            splitter.setSizes([width, total - width])
        finally:
            self._moving = False
