"""Sources: name and code edited in place, and who gets their contacts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor

from desktop_crm.errors import CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto import SourceInfo, WeightInfo
from desktop_crm.ui.models.base import Column, Index, RowsModel, tr

NAME, CODE, OPERATORS = range(3)

WARNING_COLOR = QColor("#b35900")


def weighted(source: SourceInfo) -> list[WeightInfo]:
    """The operators that can get this source's contacts at all (weight > 0)."""
    return [w for w in source.weights if w.weight > 0]


def total_weight(source: SourceInfo) -> int:
    return sum(w.weight for w in source.weights)


def operators_summary(source: SourceInfo) -> str:
    used = weighted(source)
    if not used:
        return tr("SourcesModel", "No operators")
    count = QCoreApplication.translate("SourcesModel", "%n operator(s)", "", len(used))
    return tr("SourcesModel", "{operators}, total weight {total}").format(
        operators=count, total=total_weight(source)
    )


def operators_tooltip(source: SourceInfo) -> str:
    used = weighted(source)
    if not used:
        return tr(
            "SourcesModel",
            "No operator has a weight for this source: select it and set weights.",
        )
    total = total_weight(source)
    lines = []
    for weight in sorted(used, key=lambda w: -w.weight):
        line = tr("SourcesModel", "{name}: {weight} ({percent} %)").format(
            name=weight.operator.name,
            weight=weight.weight,
            percent=round(100 * weight.weight / total),
        )
        if not weight.active:
            line += " — " + tr("SourcesModel", "inactive")
        elif weight.load >= weight.max_load:
            line += " — " + tr("SourcesModel", "full")
        lines.append(line)
    if not any(can_take(w) for w in used):
        lines.append(
            tr("SourcesModel", "None of them can take contacts now: new ones stay unassigned.")
        )
    return "\n".join(lines)


def can_take(weight: WeightInfo) -> bool:
    return weight.active and weight.load < weight.max_load


class SourcesModel(RowsModel[SourceInfo]):
    context = "SourcesModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Name"),
            lambda s: s.name,
            lambda s: s.name.casefold(),
            tooltip=lambda s: s.name,
            edit=lambda s: s.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Code"),
            lambda s: s.code or "",
            lambda s: (s.code or "").casefold(),
            edit=lambda s: s.code or "",
        ),
        Column(
            QT_TRANSLATE_NOOP("SourcesModel", "Operators"),
            operators_summary,
            total_weight,
            tooltip=operators_tooltip,
        ),
    )

    edit_failed = Signal(object)  # the CrmError, for the page to show where the user typed

    def __init__(self, crm: Crm, parent: Any = None) -> None:
        super().__init__(parent)
        self._crm = crm

    def row_of(self, source_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == source_id:
                return number
        return None

    def source(self, source_id: int | None) -> SourceInfo | None:
        number = None if source_id is None else self.row_of(source_id)
        return None if number is None else self._rows[number]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == OPERATORS
            and index.row() < len(self._rows)
            and not any(can_take(w) for w in weighted(self._rows[index.row()]))
        ):
            return WARNING_COLOR
        return super().data(index, role)

    def save_edit(self, row: SourceInfo, column: int, value: Any) -> SourceInfo | None:
        text = "" if value is None else str(value)
        try:
            if column == NAME:
                if text.strip() == row.name:
                    return None
                return self._crm.sources.update(row.id, name=text)
            if column == CODE:
                if text.strip() == (row.code or ""):
                    return None
                return self._crm.sources.update(row.id, code=text)
        except CrmError as error:
            self.edit_failed.emit(error)
        return None
