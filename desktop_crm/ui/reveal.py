"""Selecting a row of a paged table that may not be loaded yet: wait for the pages to
load (fetching more, up to a few pages) and select the row with that id once it is
there; a click of the user's own first wins."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_crm.ui.models.paged import PagedModel

MAX_ROWS_SEARCHED = 2_000  # pages loaded to find the row before giving up


class RevealRow(QObject):
    """Select the row whose key is ``key`` in ``table`` (a ``PagedModel`` underneath)."""

    def __init__(self, table: QTableView, model: PagedModel[Any], key: object) -> None:
        super().__init__(table)
        self._table = table
        self._model = model
        self._key = key
        self.found: bool | None = None  # None while looking
        self._signals = (model.rowsInserted, model.modelReset, model.loading_changed)
        for signal in self._signals:
            signal.connect(self._look)
        self._look()

    def _look(self, *_args: object) -> None:
        if self.found is not None:
            return
        model = self._model
        for row in range(model.rowCount()):
            if model.key(model.row_at(row)) == self._key:
                self._select(row)
                return
        if model.busy:
            return  # its next page is on the way
        if model.canFetchMore(QModelIndex()) and model.rowCount() < MAX_ROWS_SEARCHED:
            model.fetchMore(QModelIndex())
            return
        self._stop(False)

    def _select(self, row: int) -> None:
        index = self._model.index(row, 0)
        self._table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self._table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._stop(True)

    def _stop(self, found: bool) -> None:
        self.found = found
        for signal in self._signals:
            signal.disconnect(self._look)
        self.deleteLater()
