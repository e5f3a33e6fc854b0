"""Each cell's answers kept between paints: a view asks every visible cell for a
dozen roles at every paint (a hover, a scroll, a tool tip, another widget's repaint
beside it), and a model that formats numbers, translates and picks colours in Python
for each of them keeps the GUI thread busy for tens of milliseconds a paint."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, QPersistentModelIndex
from PySide6.QtGui import QGuiApplication

Index = QModelIndex | QPersistentModelIndex


class CellAnswers:
    """A cell's answer per role, asked of ``compute`` once and kept while the cell's
    row is the same object (``row_of``: what the cell shows; a model that changes a
    row puts a new object in its place) and the palette is the same (colours)."""

    def __init__(
        self,
        compute: Callable[[Index, int], Any],
        row_of: Callable[[Index], Hashable | None],
    ) -> None:
        self._compute = compute
        self._row_of = row_of
        self._cells: dict[tuple[int, int, int], tuple[object, dict[int, Any]]] = {}
        self._palette = -1

    def clear(self) -> None:
        self._cells.clear()

    def answer_all(self, index: Index, roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """``multiData``: every role asked, from what the cell answered before."""
        answers = self._answers(index)
        items: Iterable[QModelRoleData] = [roles] if isinstance(roles, QModelRoleData) else roles  # type: ignore[assignment]
        for item in items:
            role = item.role()
            if role in answers:
                item.setData(answers[role])
            else:
                item.setData(answers.setdefault(role, self._compute(index, role)))

    def answer(self, index: Index, role: int) -> Any:
        """``data``: one role (a proxy in front asks its source for each role alone)."""
        answers = self._answers(index)
        if role in answers:
            return answers[role]
        return answers.setdefault(role, self._compute(index, role))

    def _answers(self, index: Index) -> dict[int, Any]:
        palette = QGuiApplication.palette().cacheKey()
        if palette != self._palette:
            self._cells.clear()
            self._palette = palette
        row = self._row_of(index)
        key = (index.internalId(), index.row(), index.column())
        kept = self._cells.get(key)
        if kept is not None and kept[0] is row:
            return kept[1]
        if len(self._cells) > 4096:  # rows gone since: forget them all, keep none stale
            self._cells.clear()
        answers: dict[int, Any] = {}
        self._cells[key] = (row, answers)
        return answers
