"""Operators: add, rename, change max_load, toggle active, delete — all in place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.events import Change
from desktop_crm.services.operators import DEFAULT_MAX_LOAD
from desktop_crm.ui import preferences as options
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.delegates import CountDelegate, LoadBarDelegate, count_spin
from desktop_crm.ui.dialogs import ask
from desktop_crm.ui.models.base import ROW_ROLE
from desktop_crm.ui.models.operators import (
    ACTIVE,
    LOAD,
    MAX_LOAD,
    NAME,
    SKILLS,
    STATUS,
    TODAY,
    OperatorsModel,
)
from desktop_crm.ui.operator_day_dialog import OperatorDayDialog
from desktop_crm.ui.pages.base import TIME_TICK_MS, Page
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.refresh_errors import refresh_failed
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.undo import OperatorEdit
from desktop_crm.ui.widgets import InlineMessage, make_table, sorting_proxy

TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


class TypingGoesTo(QObject):
    """Text typed on a table goes to a line edit (the new operator's name) instead of
    starting an edit or a jump: a table changes only on purpose (F2, double-click)."""

    def __init__(self, table: QWidget, target: QLineEdit) -> None:
        super().__init__(table)
        self._target = target
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.text().isprintable()
            and event.text()
            and not event.modifiers() & ~TYPING_MODIFIERS
        ):
            self._target.setFocus(Qt.FocusReason.OtherFocusReason)
            self._target.deselect()
            self._target.end(False)
            copy = QKeyEvent(event.type(), event.key(), event.modifiers(), event.text())
            QCoreApplication.sendEvent(self._target, copy)
            return True
        return False


class OperatorsPage(Page):
    name = "operators"
    title = QT_TRANSLATE_NOOP("Pages", "Operators")
    time_tick_ms = TIME_TICK_MS  # statuses: a shift starts, an absence or a day ends

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = OperatorsModel(ctx.crm, ctx.runner, self)
        self.model.read_failed.connect(lambda error: refresh_failed(self, error))
        self.proxy = sorting_proxy(self, stable=True)
        self.proxy.setSourceModel(self.model)

        self.name_edit = QLineEdit(placeholderText=self.tr("New operator's name"))
        self.max_load_spin = count_spin()  # up to the services' ceiling, as everywhere
        self.max_load_spin.setValue(DEFAULT_MAX_LOAD)
        self.max_load_spin.setToolTip(self.tr("The most active contacts this operator may have"))
        self.add_button = QPushButton(self.tr("Add operator"))
        self.add_button.setDefault(True)
        self.form_message = InlineMessage(reserve=True)

        form = QHBoxLayout()
        form.addWidget(self.name_edit, 3)
        form.addWidget(QLabel(self.tr("Max load:")))
        form.addWidget(self.max_load_spin)
        form.addWidget(self.add_button)

        self.table = make_table(self)
        self.table.setModel(self.proxy)
        # Long names that differ at the end ("… Мирская 1", "… Мирская 2") stay apart.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setItemDelegateForColumn(LOAD, LoadBarDelegate(self.table, min_width=120))
        self.table.setItemDelegateForColumn(MAX_LOAD, CountDelegate(self.table))
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self._fit_modes()
        header.setSectionResizeMode(MAX_LOAD, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACTIVE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TODAY, QHeaderView.ResizeMode.ResizeToContents)
        self.table_message = InlineMessage(reserve=True)
        self.hint = QLabel(
            self.tr(
                "Double-click a name or a limit (or press F2) to change it; the check box makes "
                "an operator active or inactive; Ctrl+Z undoes. Hours, absences, the daily cap "
                "and skills: Ctrl+Shift+H. Inactive operators keep their contacts but get no "
                "new ones."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setEnabled(False)
        self.day_action = QAction(self.tr("&Hours, absences, cap and skills…"), self)
        self.day_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.day_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.day_action)
        self.day_button = QPushButton(self.tr("Hours and absences…"))
        self.day_button.setToolTip(
            self.tr(
                "Working hours, absences, daily cap and skills of the selected operator ({key})"
            ).format(
                key=self.day_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.day_button.setEnabled(False)

        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.day_button)
        bottom.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.table_message)
        layout.addLayout(bottom)

        self.delete_action = QAction(self.tr("Delete operator"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        self.typing = TypingGoesTo(self.table, self.name_edit)

        self.add_button.clicked.connect(self.add_operator)
        self.name_edit.returnPressed.connect(self.add_operator)
        self.name_edit.textEdited.connect(lambda _text: self.form_message.clear_message())
        self.delete_button.clicked.connect(self.delete_selected)
        self.day_button.clicked.connect(self.edit_day)
        self.day_action.triggered.connect(self.edit_day)
        self.table.doubleClicked.connect(self._double_clicked)
        self.delete_action.triggered.connect(self.delete_selected)
        self.model.edit_failed.connect(lambda e: self.table_message.show_error(error_text(e)))
        self.model.edited.connect(
            lambda before, after: ctx.undo.push(OperatorEdit(ctx.crm, before, after))
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)

    # -- data --------------------------------------------------------------------
    def reload(self) -> None:
        self.model.reload()

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.OPERATORS, Change.LOADS, Change.CONTACTS, Change.EXTERNAL}:
            self.model.reload()

    def focus_entry(self) -> None:
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected_operator(self) -> OperatorInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    # -- actions -----------------------------------------------------------------
    def add_operator(self) -> None:
        self.max_load_spin.interpretText()  # as typed, when Add comes by a shortcut
        try:
            operator = self.ctx.crm.operators.create(
                self.name_edit.text(), max_load=self.max_load_spin.value()
            )
        except CrmError as error:
            self.form_message.show_error(error_text(error))
            self.name_edit.setFocus()
            return
        self.name_edit.clear()
        self.form_message.show_info(self.tr("Added {name}.").format(name=operator.name))

    def delete_selected(self) -> None:
        operator = self.selected_operator()
        if operator is None:
            return
        question = self.tr("Delete operator {name}?").format(name=operator.name)
        if not ask(self, self.tr("Delete operator"), question):
            return
        try:
            self.ctx.crm.operators.delete(operator.id)
        except CrmError as error:
            self.table_message.show_error(error_text(error))
            return
        self.table_message.show_info(self.tr("Deleted {name}.").format(name=operator.name))

    def edit_day(self) -> OperatorDayDialog | None:
        """The selected operator's hours, absences, daily cap and skills, in a dialog."""
        operator = self.selected_operator()
        if operator is None:
            return None
        try:
            operator = self.ctx.crm.operators.get(operator.id)  # as it stands now
        except CrmError as error:
            self.table_message.show_error(error_text(error))
            return None
        dialog = OperatorDayDialog(self.ctx.crm, operator, self)
        dialog.accepted.connect(
            lambda: self.table_message.show_info(
                self.tr("Saved for {name}.").format(name=operator.name)
            )
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (STATUS, TODAY, SKILLS):  # not edited in place: the dialog
            self.edit_day()

    def _selection_changed(self) -> None:
        self.day_button.setEnabled(self.selected_operator() is not None)
        self.delete_button.setEnabled(self.selected_operator() is not None)
        self.table_message.clear_message()

    def edit_actions(self) -> list[QAction]:
        return [self.day_action, self.delete_action]

    def save_state(self, preferences: Preferences) -> None:
        preferences.save_header(options.OPERATORS_HEADER, self.table.horizontalHeader())

    def restore_state(self, preferences: Preferences) -> None:
        preferences.restore_header(options.OPERATORS_HEADER, self.table.horizontalHeader())
        self._fit_modes()  # a state saved by an older version had a fixed load width

    def _fit_modes(self) -> None:
        """The load bars as wide as their texts ("999 999 / 1 000 000"), at least 120."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(LOAD, QHeaderView.ResizeMode.ResizeToContents)
