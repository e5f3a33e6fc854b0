"""Operators: name, active, status now, today against the daily cap, load against
max_load, skills; name, active and max_load edited in place (the rest in the hours
dialog, ``ui/operator_day_dialog.py``)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.ui.formats import number_text, ratio_text
from desktop_crm.ui.models.base import Column, Index, RowsModel
from desktop_crm.ui.operator_status import NOT_A_STATUS_ROLE, status_data, status_text, today_text
from desktop_crm.ui.tasks import TaskRunner

NAME, ACTIVE, STATUS, TODAY, LOAD, MAX_LOAD, SKILLS = range(7)


def load_text(operator: OperatorInfo) -> str:
    """ "3 / 10", digits grouped."""
    return ratio_text(operator.load, operator.max_load)


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
            QT_TRANSLATE_NOOP("OperatorsModel", "Status"),
            status_text,  # at the time read, in the database's zone: see ``data``
            lambda o: (o.exclusion is not None, str(o.exclusion or "")),
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Today"),
            today_text,
            lambda o: o.today,
            align_right=True,
            tooltip=lambda o: QCoreApplication.translate(
                "OperatorsModel", "Contacts given today, against the daily cap"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Load"),
            load_text,
            lambda o: o.load_fraction,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Max load"),
            lambda o: number_text(o.max_load),
            lambda o: o.max_load,
            align_right=True,
            edit=lambda o: o.max_load,
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorsModel", "Skills"),
            lambda o: ", ".join(o.skills),
            lambda o: ", ".join(o.skills),
        ),
    )

    edit_failed = Signal(object)  # the CrmError, for the page to show where the user typed
    edited = Signal(object, object)  # the OperatorInfo before and after an edit (for Undo)
    # A read that met a user error (the database busy or gone): the page says so where
    # every refresh does and keeps the rows (a bug still reaches the crash dialog).
    read_failed = Signal(object)

    def __init__(self, crm: Crm, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._runner = runner
        self.at: dt.datetime | None = None  # when the rows were read
        self.zone: dt.tzinfo | None = None  # the database's time zone

    def reload(self) -> None:
        crm = self._crm

        def read(_ctx: object) -> tuple[list[OperatorInfo], str, dt.datetime]:
            return crm.operators.list(), crm.settings.timezone(), crm.clock()

        self._runner.start(read, self._loaded, self._failed)

    def _loaded(self, result: tuple[list[OperatorInfo], str, dt.datetime]) -> None:
        operators, zone, self.at = result
        self.zone = ZoneInfo(zone)
        self.set_rows(operators)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, CrmError):
            self.read_failed.emit(error)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != STATUS or index.row() >= len(self._rows):
            return super().data(index, role)
        value = status_data(self._rows[index.row()], role, self.at, self.zone)
        return super().data(index, role) if value is NOT_A_STATUS_ROLE else value

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
