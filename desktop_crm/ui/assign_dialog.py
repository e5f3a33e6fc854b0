"""Choosing the operator for a manual assignment: every operator with its state.

An operator who cannot take contacts (inactive, away, off shift, at the daily cap or
the limit, or without a skill every selected contact's tags ask for) is listed all the
same, greyed out, with the reason; the service refuses the rest contact by contact.
``choose_operator`` is the seam tests patch.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.ui.formats import natural_sorted, number_text
from desktop_crm.ui.models.base import Column, Index, RowsModel
from desktop_crm.ui.theme import Tone, color, css
from desktop_crm.ui.widgets import make_table

CONTEXT = "OperatorChoiceModel"
NAME, STATE = range(2)


def state_text(operator: OperatorInfo) -> str:
    why = operator.exclusion
    if why is Exclusion.INACTIVE:
        return QCoreApplication.translate("OperatorChoiceModel", "inactive")
    if why is Exclusion.AWAY:
        return QCoreApplication.translate("OperatorChoiceModel", "away")
    if why is Exclusion.OFF_SHIFT:
        return QCoreApplication.translate("OperatorChoiceModel", "off shift")
    if why is Exclusion.DAILY_CAP:
        return QCoreApplication.translate(
            "OperatorChoiceModel", "daily cap reached ({daily_cap})"
        ).format(daily_cap=number_text(operator.daily_cap or 0))
    if why is Exclusion.AT_LIMIT:
        return QCoreApplication.translate(
            "OperatorChoiceModel", "at the limit ({max_load})"
        ).format(max_load=number_text(operator.max_load))
    return QCoreApplication.translate("OperatorChoiceModel", "{free} free of {max_load}").format(
        free=number_text(operator.headroom), max_load=number_text(operator.max_load)
    )


def state_tooltip(operator: OperatorInfo) -> str:
    why = operator.exclusion
    load = operator.load  # a plain name: lupdate reads the context right
    if why is Exclusion.INACTIVE:
        return QCoreApplication.translate(
            "OperatorChoiceModel", "{name} is inactive and takes no contacts."
        ).format(name=operator.name)
    if why is Exclusion.AWAY:
        return QCoreApplication.translate(
            "OperatorChoiceModel", "{name} is away and takes no contacts until back."
        ).format(name=operator.name)
    if why is Exclusion.OFF_SHIFT:
        return QCoreApplication.translate(
            "OperatorChoiceModel", "{name} is off shift and takes no contacts until it starts."
        ).format(name=operator.name)
    if why is Exclusion.DAILY_CAP:
        return QCoreApplication.translate(
            "OperatorChoiceModel", "{name} has had as many contacts today as the daily cap allows."
        ).format(name=operator.name)
    if why is Exclusion.AT_LIMIT:
        return OperatorChoiceModel.tr(
            "{name} has %Ln active contact(s), the limit: close one or raise the limit first.",  # type: ignore[arg-type]
            "",
            load,  # type: ignore[arg-type]
        ).format(name=operator.name)
    return OperatorChoiceModel.tr(
        "{name} has %Ln active contact(s) and can take {free} more.",  # type: ignore[arg-type]
        "",
        load,  # type: ignore[arg-type]
    ).format(name=operator.name, free=number_text(operator.headroom))


class OperatorChoiceModel(RowsModel[OperatorInfo]):
    """Operators with their state; those who cannot take contacts are disabled rows."""

    context = CONTEXT
    columns = (
        Column(
            QT_TRANSLATE_NOOP("OperatorChoiceModel", "Operator"),
            lambda o: o.name,
            lambda o: o.name.casefold(),
            tooltip=state_tooltip,
        ),
        Column(
            QT_TRANSLATE_NOOP("OperatorChoiceModel", "Room"),
            state_text,
            lambda o: o.headroom if o.active else -1,
            tooltip=state_tooltip,
        ),
    )

    def __init__(
        self,
        operators: Sequence[OperatorInfo] = (),
        parent: Any = None,
        contact_tags: Sequence[frozenset[str]] = (),
    ) -> None:
        super().__init__(parent)
        self._tags = tuple(contact_tags)  # one per selected contact ((): not known)
        self.set_rows(natural_sorted(operators, lambda o: o.name))  # as every list

    def lacking(self, operator: OperatorInfo) -> int:
        """How many of the selected contacts ask for a skill the operator lacks."""
        return sum(1 for tags in self._tags if tags and operator.exclusion_for(tags) is not None)

    def exclusion(self, operator: OperatorInfo) -> Exclusion | None:
        """Why it can take none of the selected contacts (``Exclusion.NO_SKILL``: each
        of them asks for a skill it lacks), or None."""
        why = operator.exclusion
        if why is None and self._tags and self.lacking(operator) == len(self._tags):
            return Exclusion.NO_SKILL
        return why

    def available(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self.exclusion(self._rows[row]) is None

    def first_available(self) -> int | None:
        return next((r for r in range(len(self._rows)) if self.available(r)), None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.available(index.row()):
            return Qt.ItemFlag.NoItemFlags  # shown, greyed out, not selectable
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def missing_skills(self, operator: OperatorInfo) -> list[str]:
        """The selected contacts' tags the operator has no skill for."""
        asked = frozenset().union(*self._tags) if self._tags else frozenset()
        return sorted(asked - frozenset(operator.skills))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.row() < len(self._rows):
            operator = self._rows[index.row()]
            if self.exclusion(operator) is Exclusion.NO_SKILL:
                if role == Qt.ItemDataRole.DisplayRole and index.column() == STATE:
                    return QCoreApplication.translate("OperatorChoiceModel", "lacks a skill")
                if role == Qt.ItemDataRole.ToolTipRole:
                    return QCoreApplication.translate(
                        "OperatorChoiceModel",
                        "{name} lacks a skill the selected contacts' tags ask for: {skills}.",
                    ).format(name=operator.name, skills=", ".join(self.missing_skills(operator)))
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.isValid()
            and index.column() == STATE
            and index.row() < len(self._rows)
        ):
            operator = self._rows[index.row()]
            return color(Tone.WARN) if operator.exclusion is Exclusion.AT_LIMIT else None
        return super().data(index, role)


class AssignDialog(QDialog):
    """Pick one operator for ``count`` contacts; ``operator_id()`` after ``accept``."""

    def __init__(
        self,
        operators: Sequence[OperatorInfo],
        count: int,
        parent: QWidget | None = None,
        contact_tags: Sequence[frozenset[str]] = (),
    ) -> None:
        """``contact_tags``: the selected contacts' tags, one set each (skills count)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign to operator"))
        self._count = count
        self.model = OperatorChoiceModel(operators, self, contact_tags)

        self.intro = QLabel(self.tr("Give %Ln selected contact(s) to:", "", count))
        self.table = make_table(self, sortable=False)
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        # Long names that differ at the end ("… Мирская 1", "… Мирская 2") stay apart.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATE, QHeaderView.ResizeMode.ResizeToContents)
        rows = max(3, min(len(operators), 12))
        self.table.setMinimumHeight(
            header.sizeHint().height() + rows * self.table.verticalHeader().defaultSectionSize() + 4
        )

        unavailable = sum(1 for o in operators if self.model.exclusion(o) is not None)
        self.note = QLabel(
            self.tr(
                "Greyed out: operators who are inactive, away, off shift, at the daily cap, "
                "at their limit or without a skill the contacts' tags ask for cannot take them."
            )
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(placeholder-text);")
        self.note.setVisible(unavailable > 0)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {css(Tone.WARN)};")
        self.warning.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(self._double_clicked)
        first = self.model.first_available()
        if first is not None:
            self.table.selectRow(first)
        self._selection_changed()

    def operator_id(self) -> int | None:
        """The chosen operator (only one who can take contacts), or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.model.available(rows[0].row()):
            return None
        return self.model.row_at(rows[0].row()).id

    def select_operator(self, operator_id: int) -> bool:
        for row, operator in enumerate(self.model.rows()):
            if operator.id == operator_id and self.model.available(row):
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self, *_args: object) -> None:
        operator_id = self.operator_id()
        self.ok_button.setEnabled(operator_id is not None)
        operator = next((o for o in self.model.rows() if o.id == operator_id), None)
        lines = []
        if operator is not None and operator.headroom < self._count:
            lines.append(
                self.tr(
                    "{name} has room for %Ln more; the other contacts will be refused "
                    "(closed ones always fit).",
                    "",
                    operator.headroom,
                ).format(name=operator.name)
            )
        lacking = 0 if operator is None else self.model.lacking(operator)
        if operator is not None and lacking:
            lines.append(
                self.tr(
                    "{name} lacks a skill %Ln of them needs; those will be refused.", "", lacking
                ).format(name=operator.name)
            )
        self.warning.setText("\n".join(lines))
        self.warning.setVisible(bool(lines))

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.model.available(index.row()):
            self.accept()


def choose_operator(
    parent: QWidget | None,
    operators: Sequence[OperatorInfo],
    count: int,
    contact_tags: Sequence[frozenset[str]] = (),
) -> int | None:
    """Ask which operator gets ``count`` contacts (``contact_tags``: their tags, one set
    each); None when the user cancels."""
    dialog = AssignDialog(operators, count, parent, contact_tags)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.operator_id()
        return None
    finally:
        dialog.deleteLater()
