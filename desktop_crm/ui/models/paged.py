"""A lazily loaded table: keyset pages fetched in a worker as the user scrolls.

The model keeps only the rows loaded so far. ``refresh`` re-reads a window of
the same size from the top (a page more) and applies the difference in place,
so new rows slide in at the top and edited rows update, while selection and
scroll position stay with the user; the cost of a refresh never grows with
the number of new rows.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Generic

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from shiboken6 import isValid

from desktop_crm.ui.models.base import Row, RowsModel, apply_diff
from desktop_crm.ui.tasks import TaskContext, TaskRunner

Index = QModelIndex | QPersistentModelIndex


class PagedModel(RowsModel[Row], Generic[Row]):
    page_size = 200
    loading_changed = Signal(bool)
    failed = Signal(object)

    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._generation = 0
        self._busy = False
        self._exhausted = False
        self._refresh_pending = False
        self._error: BaseException | None = None  # the last load's, until one succeeds

    # -- what subclasses provide (``fetch`` runs on a worker thread) -------------
    def fetch(self, after: Hashable | None, through: Hashable | None, limit: int) -> list[Row]:
        raise NotImplementedError

    def page_key(self, row: Row) -> Hashable:
        raise NotImplementedError

    # -- loading ----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def exhausted(self) -> bool:
        """True when every matching row is loaded (so ``rowCount`` is the total)."""
        return self._exhausted

    @property
    def error(self) -> BaseException | None:
        """Why the last load failed (a search the services refused), None once a load
        succeeds or the model starts over: the view then says no count and no "nothing
        matches" (the error says why)."""
        return self._error

    def reload(self) -> None:
        """Start over (the filter or sort changed): clear and load the first page."""
        self._generation += 1
        self._error = None
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self.endResetModel()
        self._busy = False
        self._refresh_pending = False
        self._load_more()

    def refresh(self) -> None:
        """Re-read the loaded range after a change; apply it in place."""
        if self._busy:
            self._refresh_pending = True
            return
        if not self._rows:
            self._exhausted = False
            self._load_more()
            return
        # The first rows, as many as are loaded and a page more: no upper key, so
        # rows that now sort after the last one appear too, and a burst of new rows
        # (an import) costs one bounded read; rows pushed past the window drop off
        # the end and load again when scrolled to.
        limit = len(self._rows) + self.page_size

        def apply_window(rows: list[Row]) -> None:
            self._apply_refresh(rows)
            self._exhausted = len(rows) < limit

        self._start(lambda ctx: self.fetch(None, None, limit), apply_window)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._busy

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._load_more()

    def _load_more(self) -> None:
        after = self.page_key(self._rows[-1]) if self._rows else None
        limit = self.page_size
        self._start(lambda ctx: self.fetch(after, None, limit), self._append)

    def _start(self, work: Any, apply: Any) -> None:
        generation = self._generation
        self._set_busy(True)

        def done(result: list[Row]) -> None:
            if not isValid(self) or generation != self._generation:
                return  # the model is gone, or reload() started over and owns ``busy``
            self._error = None
            apply(result)
            self._finish()

        def failed(error: BaseException) -> None:
            if not isValid(self) or generation != self._generation:
                return
            self._error = error
            self._finish()
            self.failed.emit(error)

        self._runner.start(lambda ctx: work(ctx), done, failed)

    def _append(self, rows: list[Row]) -> None:
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _apply_refresh(self, rows: list[Row]) -> None:
        apply_diff(self, self._rows, rows, self.key)

    def _finish(self) -> None:
        self._set_busy(False)
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.loading_changed.emit(busy)


__all__ = ["PagedModel", "TaskContext"]
