"""The contacts table's columns, shared by the contacts and the leads screens.

Widths come from the content: the number, the date and the state fit what they
show; the source, the operator and the lead get the width of the rows on screen
(a typical row, not the one very long name: that one is cut and has a tooltip):
the source whole first, then the lead and the operator share what is left in
proportion; the message (whole in the detail pane) takes the rest, at least 12 %.
The lead's id (the phone or e-mail) shows whole: the name is shortened instead.
The user's own widths (dragged, or restored) win."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableView,
)

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.ui.formats import local_time
from desktop_crm.ui.models.base import RowsModel
from desktop_crm.ui.models.contacts import CREATED, ID, LEAD, OPERATOR, SOURCE, STATE
from desktop_crm.ui.widgets.tables import FittedColumns

STATES = (
    QT_TRANSLATE_NOOP("ContactsModel", "Active"),
    QT_TRANSLATE_NOOP("ContactsModel", "Closed"),
)
TYPICAL = 0.7  # a text column fits this share of the rows on screen when it can
MOST = 0.95  # and this share when there is room
MESSAGE_SHARE = 0.12  # the message keeps at least this share of the width
ID_SHARE = 0.25  # the lead column widens to show an id whole up to this share
TEXT_SHARE = 0.3  # and a text column takes at most this share (and its own cap)


SEPARATOR = " · "  # between the lead's name and its id (ui/models/contacts.py lead_text)
# Times whose local text is the widest: two-digit days, months and hours, PM.
WIDE_TIMES = tuple(dt.datetime(2026, 12, 28, hour, 58).astimezone() for hour in (10, 22))


def text_width(combo: QComboBox, text: str) -> int:
    """The width a combo box needs to show ``text`` whole, with its arrow and frame."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    contents = QSize(combo.fontMetrics().horizontalAdvance(text), combo.fontMetrics().height())
    size = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, contents, combo)
    return size.width()


class LeadDelegate(QStyledItemDelegate):
    """The lead's cell: "name · id". When it is too narrow, the name is shortened and the
    id (the phone or e-mail the dispatcher calls back) stays whole."""

    @staticmethod
    def shown_text(text: str, metrics: QFontMetrics, width: int) -> str:
        if metrics.horizontalAdvance(text) <= width or SEPARATOR not in text:
            return text
        name, _sep, external_id = text.rpartition(SEPARATOR)
        tail = SEPARATOR + external_id
        room = width - metrics.horizontalAdvance(tail)
        if room < metrics.horizontalAdvance("Mmmm…"):  # a very long e-mail: cut its middle
            return metrics.elidedText(external_id, Qt.TextElideMode.ElideMiddle, width)
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, room) + tail

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if option.text and option.rect.width() > 0:
            style = option.widget.style() if option.widget is not None else None
            margin = (
                style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, option.widget) + 1
                if style is not None
                else 3
            )
            width = option.rect.width() - 2 * margin
            if not option.icon.isNull():
                width -= option.decorationSize.width() + margin
            option.text = self.shown_text(option.text, option.fontMetrics, width)


def _state(text: str) -> str:
    return QCoreApplication.translate("ContactsModel", text)


def _header(table: QTableView, column: int) -> str:
    return str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")


class ContentColumns(FittedColumns):
    """Fixed columns at their content's width; text columns by priority (``texts``,
    column -> minimum) at the width of a typical visible row, the last one the rest."""

    def __init__(
        self,
        view: QTableView,
        fixed: dict[int, int],
        texts: dict[int, tuple[int, int]],
        last_minimum: int,
    ) -> None:
        super().__init__(view, {column: (0.0, width) for column, width in fixed.items()})
        self._fixed = fixed
        self._texts = {column: low for column, (low, _high) in texts.items()}
        self._caps = {column: high for column, (_low, high) in texts.items()}
        self._last_minimum = last_minimum
        self._lows = dict(self._texts)  # the minimums of this fit
        # Each shown text's width, measured once (a fit runs at every page loaded and
        # every resize; measuring each visible cell of three columns five times made a
        # fit cost 50 ms): (column, text, font) -> pixels, for the view's font.
        self._measured: dict[tuple[int, str, str], int] = {}
        self._measured_font = ""
        self._widths: dict[int, list[int]] = {}  # this fit's sorted widths per column
        # Fitted as the rows change, before the view paints them: fitting later (a timer)
        # painted each new page twice, once at the old widths and once at the new.
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self._refit)

    def _refit(self, *_args: object) -> None:
        if self.active:
            self.fit()

    def visible_rows(self) -> range:
        view = self._view
        first = max(view.rowAt(0), 0)
        last = view.rowAt(view.viewport().height() - 1)
        return range(first, (view.model().rowCount() - 1 if last < 0 else last) + 1)

    def id_width(self) -> int:
        """The lead column's width that shows the widest id on screen whole after the
        first letters of the name (the delegate shortens the name, not the id)."""
        view = self._view
        metrics = view.fontMetrics()
        ids = (
            str(view.model().index(row, LEAD).data() or "").rpartition(SEPARATOR)[2]
            for row in self.visible_rows()
        )
        widest = max((metrics.horizontalAdvance(text) for text in ids), default=0)
        return widest + metrics.horizontalAdvance(SEPARATOR + "Mmmmm…") + 12

    def id_column_width(self) -> int:
        """The width of the largest contact number loaded (not yet on screen too, so the
        column does not change while scrolling). One row is measured, not all of them
        (``sizeHintForColumn`` reads every loaded row: slow a thousand rows down)."""
        view = self._view
        model = view.model()
        if not isinstance(model, RowsModel) or not model.rowCount():
            return 0
        rows = model.rows()
        widest = max(range(len(rows)), key=lambda row: rows[row].id)
        return view.sizeHintForIndex(model.index(widest, ID)).width() + int(view.showGrid())

    def wanted(self, column: int, typical: float = TYPICAL) -> int:
        """The width that shows ``typical`` of the visible rows of ``column`` whole."""
        view = self._view
        first = max(view.rowAt(0), 0)
        last = view.rowAt(view.viewport().height() - 1)
        last = view.model().rowCount() - 1 if last < 0 else last
        widths = self._widths.get(column)
        if widths is None:
            widths = self._widths[column] = sorted(
                self.cell_width(row, column) for row in range(first, last + 1)
            )
        header = view.horizontalHeader().sectionSizeHint(column)
        if not widths:
            return header
        return max(header, widths[min(len(widths) - 1, int(len(widths) * typical))] + 4)

    def cell_width(self, row: int, column: int) -> int:
        """The width the cell's text needs, measured once per text, font and column."""
        view = self._view
        font = view.font().key()
        if font != self._measured_font or len(self._measured) > 20_000:
            self._measured, self._measured_font = {}, font
        index = view.model().index(row, column)
        cell_font = index.data(Qt.ItemDataRole.FontRole)
        key = (column, str(index.data() or ""), "" if cell_font is None else cell_font.key())
        width = self._measured.get(key)
        if width is None:
            width = self._measured[key] = view.sizeHintForIndex(index).width()
        return width

    def fit(self) -> None:
        self._widths = {}
        try:
            self._fit()
        finally:
            self._widths = {}

    def _fit(self) -> None:
        view = self._view
        header = view.horizontalHeader()
        width = view.viewport().width()
        shown = [c for c in (*self._fixed, *self._texts) if not header.isSectionHidden(c)]
        self._lows = dict(self._texts)
        if LEAD in shown and LEAD in self._lows:  # the lead's id whole, and a bit of name
            floor = min(self.id_width(), round(width * ID_SHARE))  # not a very long e-mail
            self._lows[LEAD] = max(self._lows[LEAD], floor)
        sizes = {c: self._fixed[c] for c in self._fixed}
        sizes[ID] = max(sizes.get(ID, 0), self.id_column_width())  # ids grow
        left = width - sum(sizes[c] for c in shown if c in sizes)
        left -= max(self._last_minimum, round(width * MESSAGE_SHARE))
        texts = [c for c in self._texts if c in shown]
        caps = {c: min(self._caps[c], round(width * TEXT_SHARE)) for c in texts}
        if texts:  # the first (the source: short, few) whole if it can be
            first, rest = texts[0], texts[1:]
            whole = min(self.wanted(first, MOST), caps[first])
            mins = sum(self._lows[c] for c in rest)
            sizes[first] = max(self._lows[first], min(whole, left - mins))
            left -= sizes[first]
            sizes.update(self._share(rest, left, caps))
        last = max(self._last_minimum, header.defaultSectionSize(), round(width * MESSAGE_SHARE))
        over = sum(sizes[c] for c in shown) + last - width
        while over > 0 and texts:  # rounding and minimums: never a horizontal scroll bar
            # the others give first: the source (short, few) stays whole longest
            givers = [c for c in texts[1:] if sizes[c] > self._lows[c]] or texts
            widest = max(givers, key=lambda c: sizes[c] - self._lows[c])
            cut = min(over, sizes[widest] - self._lows[widest])
            if cut <= 0:
                break
            sizes[widest] -= cut
            over -= cut
        self._fitting = True
        try:
            for column in shown:
                header.resizeSection(column, sizes[column])
            # A stretched last section never goes below its width before the stretch:
            # set that to the minimum, then stretch it over what is left.
            header.setStretchLastSection(False)
            header.resizeSection(header.logicalIndex(header.count() - 1), last)
            header.setStretchLastSection(True)
        finally:
            self._fitting = False

    def _share(self, columns: list[int], room: int, caps: dict[int, int]) -> dict[int, int]:
        """A typical row of each first; what is left takes them towards most rows."""
        typical = {c: min(self.wanted(c), caps[c]) for c in columns}
        most = {c: max(typical[c], min(self.wanted(c, MOST), caps[c])) for c in columns}
        asked = sum(typical.values())
        if asked >= room:
            sizes = {c: round(room * typical[c] / max(asked, 1)) for c in columns}
        else:
            extra, more = room - asked, sum(most[c] - typical[c] for c in columns)
            sizes = {
                c: typical[c]
                + min(most[c] - typical[c], round(extra * (most[c] - typical[c]) / max(more, 1)))
                for c in columns
            }
        return {c: max(self._lows[c], size) for c, size in sizes.items()}


def configure_contacts_table(table: QTableView, show_lead: bool = True) -> FittedColumns:
    """Column widths for the contacts columns; only Created sorts (in SQL)."""
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setSortingEnabled(False)
    table.setColumnHidden(LEAD, not show_lead)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    if show_lead:
        table.setItemDelegateForColumn(LEAD, LeadDelegate(table))
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(CREATED, Qt.SortOrder.DescendingOrder)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)  # the message takes what is left
    metrics = table.fontMetrics()
    em = metrics.horizontalAdvance("M")
    header.setDefaultSectionSize(em * 8)  # the stretched message never goes below it
    return ContentColumns(
        table,
        fixed={
            ID: metrics.horizontalAdvance("00000") + 16,  # grows with the ids
            CREATED: max(metrics.horizontalAdvance(local_time(t)) for t in WIDE_TIMES) + 26,
            STATE: max(
                metrics.horizontalAdvance(text) + 20
                for text in (*(_state(t) for t in STATES), _header(table, STATE))
            ),
        },
        texts={SOURCE: (em * 6, em * 24), LEAD: (em * 8, em * 30), OPERATOR: (em * 7, em * 20)},
        last_minimum=em * 8,
    )
