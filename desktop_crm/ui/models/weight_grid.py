"""The distribution plan: one row per source, one column per operator, the weight
in each cell (edited in place), and the total weight per source last.

Column headers carry each operator's headroom (max_load - load). Editing a cell
saves that one pair at once (``sources.set_weight``), so an edit here never
undoes another process's change to the same source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.models.base import RAW_ROLE, ROW_ROLE, Index, apply_diff
from desktop_crm.ui.models.sources import total_weight
from desktop_crm.ui.models.weights import headroom_text, parse_weight
from desktop_crm.ui.theme import Tone, color

TOTAL_TITLE = QT_TRANSLATE_NOOP("WeightGridModel", "Total weight")
OPERATOR_ROLE = Qt.ItemDataRole.UserRole + 3  # the column's OperatorInfo (headerData)

CENTER = int(Qt.AlignmentFlag.AlignCenter)


def source_label(source: SourceInfo) -> str:
    return f"{source.name} ({source.code})" if source.code else source.name


def operator_state(operator: OperatorInfo) -> str:
    """The header's second line: headroom, or why the operator gets nothing."""
    if not operator.active:
        return QCoreApplication.translate("WeightGridModel", "inactive")
    return headroom_text(operator)


class WeightGridModel(QAbstractTableModel):
    edit_failed = Signal(object)  # the CrmError
    weights_saved = Signal(object)  # the SourceInfo as stored after an edit
    edited = Signal(object, object)  # the stored weights before (id -> weight), the SourceInfo

    def __init__(self, crm: Crm, parent: Any = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._sources: list[SourceInfo] = []
        self._operators: list[OperatorInfo] = []

    # -- the data ---------------------------------------------------------------------
    def sources(self) -> list[SourceInfo]:
        return list(self._sources)

    def operators(self) -> list[OperatorInfo]:
        return list(self._operators)

    def operator_at(self, column: int) -> OperatorInfo | None:
        return self._operators[column] if 0 <= column < len(self._operators) else None

    def total_column(self) -> int:
        return len(self._operators)

    def set_data(self, sources: Sequence[SourceInfo], operators: Sequence[OperatorInfo]) -> None:
        """Update in place; only a different set of operators (columns) resets."""
        operators = list(operators)
        if [o.id for o in operators] != [o.id for o in self._operators]:
            self.beginResetModel()
            self._operators = operators
            self._sources = list(sources)
            self.endResetModel()
            return
        operators_changed = operators != self._operators
        self._operators = operators
        apply_diff(self, self._sources, list(sources), lambda s: s.id)
        if operators_changed:
            # Names, headroom and who can take contacts: headers and cell colours.
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
            if self._sources:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._sources) - 1, self.columnCount() - 1)
                )

    def _weights(self, source: SourceInfo) -> dict[int, int]:
        return {w.operator.id: w.weight for w in source.weights}

    def weight(self, row: int, column: int) -> int:
        operator = self.operator_at(column)
        if operator is None or not 0 <= row < len(self._sources):
            return 0
        return self._weights(self._sources[row]).get(operator.id, 0)

    # -- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sources)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._operators) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._sources):
                return None
            source = self._sources[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return source_label(source)
            if role == Qt.ItemDataRole.ToolTipRole:
                return source_label(source)
            return None
        if section == self.total_column():
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("WeightGridModel", TOTAL_TITLE)
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "WeightGridModel", "The sum of the source's weights"
                )
            return None
        operator = self.operator_at(section)
        if operator is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{operator.name}\n{operator_state(operator)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._operator_tip(operator)
        if role == Qt.ItemDataRole.ForegroundRole and not operator.active:
            return color(Tone.DIM)
        if role == OPERATOR_ROLE:
            return operator
        return None

    def _operator_tip(self, operator: OperatorInfo) -> str:
        lines = [
            operator.name,
            QCoreApplication.translate("WeightGridModel", "Load {load} of {max}.").format(
                load=number_text(operator.load), max=number_text(operator.max_load)
            ),
        ]
        if not operator.active:
            lines.append(
                QCoreApplication.translate(
                    "WeightGridModel", "Inactive: gets no new contacts whatever the weights."
                )
            )
        elif operator.headroom == 0:
            lines.append(
                QCoreApplication.translate(
                    "WeightGridModel", "Full: gets no new contacts until some are closed."
                )
            )
        else:
            lines.append(
                WeightGridModel.tr("Can take %Ln more active contact(s).", "", operator.headroom)  # type: ignore[arg-type]
            )
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._sources):
            return None
        source = self._sources[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return source
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if column == self.total_column():
            return self._total_data(source, role)
        operator = self.operator_at(column)
        if operator is None:
            return None
        weight = self._weights(source).get(operator.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return number_text(weight) if weight else "—"
        if role in (Qt.ItemDataRole.EditRole, RAW_ROLE):
            return weight
        if role == Qt.ItemDataRole.ForegroundRole and (not weight or not operator.active):
            return color(Tone.DIM)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(source, operator, weight)
        return None

    def _total_data(self, source: SourceInfo, role: int) -> Any:
        total = total_weight(source)
        if role == Qt.ItemDataRole.DisplayRole:
            return number_text(total)
        if role == RAW_ROLE:
            return total
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not total:
            return color(Tone.DIM)
        if role == Qt.ItemDataRole.ToolTipRole and not total:
            return QCoreApplication.translate(
                "WeightGridModel", "No operator has a weight: contacts of {source} stay unassigned."
            ).format(source=source.name)
        return None

    def _cell_tip(self, source: SourceInfo, operator: OperatorInfo, weight: int) -> str:
        total = total_weight(source)
        if not weight:
            text = QCoreApplication.translate(
                "WeightGridModel", "{operator} gets no contacts of {source}."
            )
        else:
            text = QCoreApplication.translate(
                "WeightGridModel",
                "{operator}: weight {weight} of {total} ({percent} %) for {source}.",
            )
        text = text.format(
            operator=operator.name,
            source=source.name,
            weight=number_text(weight),
            total=number_text(total),
            percent=round(100 * weight / total) if total else 0,
        )
        if weight and not operator.active:
            text += "\n" + QCoreApplication.translate(
                "WeightGridModel", "Inactive: skipped until made active again."
            )
        elif weight and operator.headroom == 0:
            text += "\n" + QCoreApplication.translate(
                "WeightGridModel", "Full: skipped until some contacts are closed."
            )
        return (
            text
            + "\n"
            + QCoreApplication.translate("WeightGridModel", "Double-click to change the weight.")
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < self.total_column():
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.row() >= len(self._sources)
        ):
            return False
        operator = self.operator_at(index.column())
        weight = parse_weight(value)
        if operator is None or weight is None:
            return False
        source = self._sources[index.row()]
        stored = self._weights(source)
        if stored.get(operator.id, 0) == weight:
            return True
        # One pair changes; the rest stays as stored now (not as this view last saw it).
        try:
            updated = self._crm.sources.set_weight(source.id, operator.id, weight)
        except CrmError as error:
            self.edit_failed.emit(error)
            return False
        self._sources[index.row()] = updated
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        )
        self.weights_saved.emit(updated)
        # What Undo restores: the set as stored now, with this one pair as it was.
        before = {w.operator.id: w.weight for w in updated.weights}
        if operator.id in stored:
            before[operator.id] = stored[operator.id]
        else:
            before.pop(operator.id, None)
        self.edited.emit(before, updated)
        return True
