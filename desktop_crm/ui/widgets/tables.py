"""Table views as the pages want them: the standard look, sorting by the raw value,
rows kept in place while rows arrive above, column widths that follow the width."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_crm.ui.formats import natural_less
from desktop_crm.ui.models.base import RAW_ROLE, ROW_ROLE

ViewT = TypeVar("ViewT", bound=QAbstractItemView)


def tab_leaves(view: ViewT) -> ViewT:
    """Tab and Shift+Tab move to the next and previous control, arrows move within the
    view (a QTableView walks its cells with Tab by default and never lets go). Every
    table and tree of the window and its dialogs is made by ``make_table`` or passes
    through here."""
    view.setTabKeyNavigation(False)
    return view


# Editing starts on purpose only (F2, double-click): a key typed on a table never
# replaces a cell (QTableView's default AnyKeyPressed renamed operators by accident).
EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
)


def make_table(parent: QWidget | None = None, sortable: bool = True) -> QTableView:
    """A table view as every page wants it: rows selected whole, alternating colours,
    Tab leaving it, editing only on purpose."""
    view = QTableView(parent)
    tab_leaves(view)
    view.setEditTriggers(EDIT_TRIGGERS)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(sortable)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setWordWrap(False)
    return view


class NaturalSortProxy(QSortFilterProxyModel):
    """Sorts by the raw value: numbers as numbers, names in natural order in the
    window's alphabet ("Оператор 2" before "Оператор 10")."""

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        role = self.sortRole()
        return natural_less(left.data(role), right.data(role))


class StableSortProxy(NaturalSortProxy):
    """Sorted once asked (a header click), then rows stay where they are when their
    values change: an edited limit or name does not move its row from under the
    pointer. New rows are put in order with the rest (rows shift then anyway)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)
        self.rowsInserted.connect(self._resort)

    def _resort(self, *_args: object) -> None:
        if self.sortColumn() >= 0:
            self.sort(self.sortColumn(), self.sortOrder())


def sorting_proxy(parent: QWidget | None = None, stable: bool = False) -> QSortFilterProxyModel:
    """Sorts small tables by the raw value (numbers as numbers), never the text.
    ``stable``: an edited table keeps its rows in place until the next sort."""
    proxy = StableSortProxy(parent) if stable else NaturalSortProxy(parent)
    proxy.setSortRole(RAW_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setDynamicSortFilter(not stable)
    return proxy


def selected_rows(table: QTableView) -> list[Any]:
    """The row objects of the selected rows, in view order."""
    rows = sorted(table.selectionModel().selectedRows(), key=lambda i: i.row())
    return [index.data(ROW_ROLE) for index in rows]


class ScrollAnchor(QObject):
    """Keeps the rows the user looks at in place when rows are inserted or removed
    above them (new contacts arriving at the top while the user is scrolled down).
    At the very top nothing is held: new rows slide in where the user can see them."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._anchor: tuple[QPersistentModelIndex, int] | None = None
        model = view.model()
        model.rowsAboutToBeInserted.connect(self._about_to_insert)
        model.rowsAboutToBeRemoved.connect(self._about_to_remove)
        model.rowsInserted.connect(self._restore)
        model.rowsRemoved.connect(self._restore)

    def _about_to_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        self._capture(first, None)

    def _about_to_remove(self, parent: QModelIndex, first: int, last: int) -> None:
        self._capture(first, last)

    def _capture(self, first: int, removed_last: int | None) -> None:
        self._anchor = None
        view = self._view
        if view.verticalScrollBar().value() == 0:
            return
        top = view.rowAt(0)
        if top < 0 or first > top:
            return  # the change is below the top row: nothing visible moves
        offset = view.rowViewportPosition(top)
        row = top
        if removed_last is not None and top <= removed_last:
            row = removed_last + 1  # the top row goes away: hold the next one there
            if row >= view.model().rowCount():
                return
        self._anchor = (QPersistentModelIndex(view.model().index(row, 0)), offset)

    def _restore(self, *args: object) -> None:
        anchor, self._anchor = self._anchor, None
        if anchor is None or not anchor[0].isValid():
            return
        index, offset = anchor
        view = self._view
        view.updateGeometries()  # the scroll range must include the new rows now
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + view.rowViewportPosition(index.row()) - offset)


class FittedColumns(QObject):
    """Column widths that follow the table's width (as shares of it) until the user
    drags a column or restores saved widths; the last section takes the rest."""

    def __init__(self, view: QTableView, shares: dict[int, tuple[float, int]]) -> None:
        super().__init__(view)
        self._view = view
        self._shares = shares  # column -> (share of the width, minimum pixels)
        self._fitting = False
        self.active = True
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.active:
            self.fit()
        return False

    def fit(self) -> None:
        width = self._view.viewport().width()
        header = self._view.horizontalHeader()
        self._fitting = True
        try:
            for column, (share, minimum) in self._shares.items():
                if not header.isSectionHidden(column):
                    header.resizeSection(column, max(minimum, round(width * share)))
        finally:
            self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self._shares:
            self.active = False  # the user's widths win from now on
