"""Shared table-model machinery: column specs, a raw-value sort role, and
updating rows in place (insert/remove/dataChanged) instead of resetting views
under the user's hands."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

# Dates in the window's language; here too, where every model has always found it.
from desktop_crm.ui.formats import local_time as local_time

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex

RAW_ROLE = Qt.ItemDataRole.UserRole + 1  # the value to sort by (numbers as numbers)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the whole row object
# A shorter text for a cell too narrow for its whole text (a load bar's "3 / 10" without
# "· 7 free"); the whole text is in the tooltip.
SHORT_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its (untranslated) title, how to show it and what to sort by."""

    title: str
    display: Callable[[Row], Any]
    raw: Callable[[Row], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Row], str | None] | None = None
    edit: Callable[[Row], Any] | None = None  # the editor's value; None = read-only
    check: Callable[[Row], bool] | None = None  # a check box column


class RowsModel(QAbstractTableModel, Generic[Row]):
    """A table over a list of rows with stable keys; ``set_rows`` updates in place."""

    context = "RowsModel"  # translation context of the column titles
    columns: Sequence[Column[Row]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # -- the rows ---------------------------------------------------------------
    def key(self, row: Row) -> Hashable:
        return row.id  # type: ignore[attr-defined]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, index: int) -> Row:
        return self._rows[index]

    def set_rows(self, new_rows: Sequence[Row]) -> None:
        """Bring the model to ``new_rows`` with the fewest structural changes."""
        apply_diff(self, self._rows, list(new_rows), self.key)

    # -- Qt ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate(self.context, self.columns[section].title)
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == RAW_ROLE:
            return (column.raw or column.display)(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == Qt.ItemDataRole.EditRole and column.edit is not None:
            return column.edit(row)
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            return Qt.CheckState.Checked if column.check(row) else Qt.CheckState.Unchecked
        return None

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a delegate asks for a cell, in one call from C++ instead of one
        per role (about seven per cell at each paint). Each call into Python takes the
        GIL, and with a worker running Python each take waits its turn: painting 25
        rows went from 50 ms to 200 ms while a page loaded behind it."""
        answer_all(self, index, roleDataSpan)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column.check is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self._rows):
            return False
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column.check is not None:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole or column.edit is None:
            return False
        updated = self.save_edit(self._rows[index.row()], index.column(), value)
        if updated is None:
            return False
        self._rows[index.row()] = updated
        last = self.index(index.row(), self.columnCount() - 1)
        self.dataChanged.emit(self.index(index.row(), 0), last)
        return True

    def save_edit(self, row: Row, column: int, value: Any) -> Row | None:
        """Write an edit through the services; the updated row, or None if refused."""
        return None


def answer_all(
    model: QAbstractItemModel, index: Index, roles: QModelRoleDataSpan | QModelRoleData
) -> None:
    """``multiData`` through the model's own ``data``: one call from C++ per cell."""
    data = model.data
    items: Iterable[QModelRoleData] = [roles] if isinstance(roles, QModelRoleData) else roles  # type: ignore[assignment]
    for item in items:
        item.setData(data(index, item.role()))


def apply_diff(
    model: QAbstractTableModel,
    rows: list[Any],
    new_rows: list[Any],
    key: Callable[[Any], Hashable],
    first_row: int = 0,
) -> None:
    """Edit ``rows`` (the model's own list) into ``new_rows`` with begin/end calls,
    so selections and persistent indexes follow their rows."""
    old_keys = [key(r) for r in rows]
    new_keys = [key(r) for r in new_rows]
    if old_keys == new_keys:
        _changed_rows(model, rows, new_rows, first_row)
        return
    matcher = SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    # Apply from the end so earlier positions stay valid.
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            _changed_rows(model, rows, new_rows, first_row, i1, i2, j1)
            continue
        if tag in ("delete", "replace"):
            model.beginRemoveRows(QModelIndex(), first_row + i1, first_row + i2 - 1)
            del rows[i1:i2]
            model.endRemoveRows()
        if tag in ("insert", "replace"):
            model.beginInsertRows(QModelIndex(), first_row + i1, first_row + i1 + (j2 - j1) - 1)
            rows[i1:i1] = new_rows[j1:j2]
            model.endInsertRows()


def _changed_rows(
    model: QAbstractTableModel,
    rows: list[Any],
    new_rows: list[Any],
    first_row: int,
    i1: int = 0,
    i2: int | None = None,
    j1: int = 0,
) -> None:
    """Replace equal-keyed rows; one dataChanged from the first changed row to the last.

    One signal, not one per changed run: a refresh during an import can change
    thousands of scattered rows, and views repaint only what is visible anyway.
    """
    i2 = len(rows) if i2 is None else i2
    first = last = None
    for offset in range(i2 - i1):
        new = new_rows[j1 + offset]
        if rows[i1 + offset] != new:
            rows[i1 + offset] = new
            first = offset if first is None else first
            last = offset
    if first is not None and last is not None:
        _emit_changed(model, first_row + i1 + first, first_row + i1 + last, model.columnCount() - 1)


def _emit_changed(model: QAbstractTableModel, top: int, bottom: int, last_column: int) -> None:
    if last_column >= 0:
        model.dataChanged.emit(model.index(top, 0), model.index(bottom, last_column))
