"""Operators: name, active, load against max_load; edited in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto import OperatorInfo
from desktop_crm.ui.models.base import Column, RowsModel
from desktop_crm.ui.tasks import TaskRunner

NAME, ACTIVE, LOAD, MAX_LOAD = range(4)


def load_text(operator: OperatorInfo) -> str:
    return f"{operator.load} / {operator.max_load}"


class OperatorsModel(RowsModel[OperatorInfo]):
    context = "OperatorsModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Name"),
            lambda o: o.name,
            lambda o: o.name.casefold(),
            edit=lambda o: o.name,
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Active"),
            lambda o: None,  # the check box says it
            lambda o: int(o.active),
            check=lambda o: o.active,
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Load"),
            load_text,
            lambda o: o.load_fraction,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Max load"),
            lambda o: o.max_load,
            lambda o: o.max_load,
            align_right=True,
            edit=lambda o: o.max_load,
        ),
    )

    edit_failed = Signal(object)  # the CrmError, for the page to show where the user typed
    edited = Signal(object, object)  # the OperatorInfo before and after an edit (for Undo)

    def __init__(self, crm: Crm, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._runner = runner

    def reload(self) -> None:
        self._runner.start(lambda ctx: self._crm.operators.list(), self.set_rows)

    def save_edit(self, row: OperatorInfo, column: int, value: Any) -> OperatorInfo | None:
        changes: dict[str, Any] = {}
        if column == NAME:
            if str(value).strip() == row.name:
                return None
            changes["name"] = str(value)
        elif column == MAX_LOAD:
            if int(value) == row.max_load:
                return None
            changes["max_load"] = int(value)
        elif column == ACTIVE:
            changes["active"] = bool(value)
        try:
            updated = self._crm.operators.update(row.id, **changes)
        except CrmError as error:
            self.edit_failed.emit(error)
            return None
        self.edited.emit(row, updated)
        return updated
