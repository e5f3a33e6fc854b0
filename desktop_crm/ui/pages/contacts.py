"""Contacts: the queue, newest first, filtered by state, source and operator; close,
reopen and assign by hand one or several at once; the selected contact in full with
"why this operator?" from the decision trace. Rows come in keyset pages as the user
scrolls, so the screen stays instant on a million contacts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.external_id import display_external_id
from desktop_crm.domain.text import on_screen
from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError
from desktop_crm.services.contacts import Move
from desktop_crm.services.dto.contacts import AnsweredInfo, BulkResult, ContactInfo
from desktop_crm.services.dto.decisions import DecisionInfo
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.events import Change
from desktop_crm.services.exports import ExportResult, Progress, Translate
from desktop_crm.ui import assign_dialog, undo
from desktop_crm.ui import preferences as options
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.decision_view import DecisionView
from desktop_crm.ui.dialogs import ask
from desktop_crm.ui.exporting import CsvExporter
from desktop_crm.ui.formats import natural_sorted
from desktop_crm.ui.models.base import ROW_ROLE, local_time
from desktop_crm.ui.models.contacts import (
    CREATED,
    ContactsModel,
    source_tooltip,
    state_text,
)
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.pages.contacts_layout import COLUMNS_DRAGGED, DetailPane
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.reveal import RevealRow
from desktop_crm.ui.texts import echo_text, error_text, reason_label
from desktop_crm.ui.theme import Tone, css
from desktop_crm.ui.widgets import (
    EmptyHint,
    InlineMessage,
    ScrollAnchor,
    configure_contacts_table,
    make_table,
    selected_rows,
)
from desktop_crm.ui.widgets.contact_filters import ContactSearchBar, find_action
from desktop_crm.ui.widgets.contacts_table import text_width

_R = TypeVar("_R")

REFRESH_ON = {
    Change.CONTACTS,
    Change.OPERATORS,
    Change.SOURCES,
    Change.LEADS,
    Change.EXTERNAL,
}
CHOICES_ON = {Change.OPERATORS, Change.SOURCES, Change.EXTERNAL}
HISTORY_ON = {Change.CONTACTS, Change.EXTERNAL}
MAX_REFUSALS_SHOWN = 5


def _field_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


HistoryLoader = Callable[[int], list[DecisionInfo]]


class ContactDetail(QWidget):
    """The selected contact in full. ``form`` is a QFormLayout that later features
    extend. "Why this operator?" (``why``) follows the operator and, for a contact
    nobody took, the reason; ``history`` reads the trace (one small query)."""

    def __init__(self, parent: QWidget | None = None, history: HistoryLoader | None = None) -> None:
        super().__init__(parent)
        self._history = history
        self._contact: ContactInfo | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.lead = _field_label()
        self.source = _field_label()
        self.operator = _field_label()
        self.reason = _field_label()
        self.reason.setStyleSheet(f"color: {css(Tone.WARN)};")
        self.created = _field_label()
        self.state = _field_label()
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setPlaceholderText(self.tr("No message"))
        self.why = DecisionView()
        self.why.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("Lead:"), self.lead)
        self.form.addRow(self.tr("Source:"), self.source)
        self.form.addRow(self.tr("Created:"), self.created)
        self.form.addRow(self.tr("State:"), self.state)
        self.form.addRow(self.tr("Operator:"), self.operator)
        self.form.addRow(self.tr("Why unassigned:"), self.reason)

        message_box = QVBoxLayout()
        message_box.addWidget(QLabel(self.tr("Message:")))
        message_box.addWidget(self.message, 1)
        self.message.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)

        fields = QVBoxLayout()
        fields.addWidget(self.title)
        fields.addLayout(self.form)
        fields.addStretch(1)

        top = QHBoxLayout()
        top.addLayout(fields, 3)
        top.addLayout(message_box, 2)

        # Below the fields, the whole width: a candidates table is wide ("Why this
        # operator?" beside the fields cut it into one word per line on a laptop).
        self.why_label = QLabel(self.tr("Why this operator?"))
        self.why_label.setVisible(history is not None)
        self.why.setVisible(history is not None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.why_label)
        layout.addWidget(self.why, 1)  # the explanation takes the height there is

    def show_contact(self, contact: ContactInfo, selected: int = 1) -> None:
        if selected > 1:
            title = self.tr("Contact #{id} (of %n selected)", "", selected)
        else:
            title = self.tr("Contact #{id}")
        self.title.setText(title.format(id=contact.id))
        lead = contact.lead
        shown = display_external_id(lead.external_id)
        self.lead.setText(f"{on_screen(lead.name)} ({shown})" if lead.name else shown)
        self.source.setText(source_tooltip(contact))
        if contact.operator is not None:
            self.operator.setText(contact.operator.name)
        else:
            self.operator.setText(self.tr("nobody (unassigned)"))
        reason = reason_label(contact.reason) if contact.operator is None else ""
        self.reason.setText(reason[:1].upper() + reason[1:] + "." if reason else "")
        self.form.setRowVisible(self.reason, bool(reason))
        self.created.setText(local_time(contact.created_at))
        self.state.setText(state_text(contact))
        message = on_screen(contact.message)  # escaped: nothing reorders or rings
        if self.message.toPlainText() != message:
            self.message.setPlainText(message)
        changed = contact != self._contact
        self._contact = contact
        if changed:
            self.refresh_history()

    def forget(self) -> None:
        """Nothing is selected: the next contact shown reads its trace afresh."""
        self._contact = None
        self.why.clear_history()

    def refresh_history(self) -> None:
        """Read the shown contact's trace again (after a change); unchanged text stays put."""
        contact = self._contact
        if contact is None or self._history is None:
            return
        try:
            decisions = self._history(contact.id)
        except CrmError as error:  # deleted elsewhere, or the database is busy
            self.why.show_error(contact.id, error_text(error))
            return
        self.why.show_history(contact.id, decisions)


class ContactsPage(Page):
    name = "contacts"
    title = QT_TRANSLATE_NOOP("Pages", "Contacts")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ContactsModel(ctx.crm, ctx.runner, self, counts=True)
        self._writing = False

        # -- search and filters ---------------------------------------------------------
        self.search_bar = ContactSearchBar()
        self.state_combo = QComboBox()
        for text, state in (
            (self.tr("All"), ContactState.ALL),
            (self.tr("Active"), ContactState.ACTIVE),
            (self.tr("Closed"), ContactState.CLOSED),
            (self.tr("Unassigned"), ContactState.UNASSIGNED),
            (self.tr("Overdue"), ContactState.OVERDUE),
        ):
            self.state_combo.addItem(text, state.value)
        self.source_combo = self._choice_combo(self.tr("All sources"))
        self.operator_combo = self._choice_combo(self.tr("All operators"))
        self.order_combo = QComboBox()
        self.order_combo.addItem(self.tr("Newest first"), True)
        self.order_combo.addItem(self.tr("Oldest first"), False)

        # Two rows, so that the bar fits a laptop screen beside the intake form: the
        # search, the period and the order; then the choices and the export.
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_bar, 1)
        filters = QHBoxLayout()
        for combo in (self.state_combo, self.order_combo):
            items = (combo.itemText(i) for i in range(combo.count()))
            combo.setMinimumWidth(max(text_width(combo, text) for text in items))
        for row, label, combo in (
            (filters, self.tr("State:"), self.state_combo),
            (filters, self.tr("Source:"), self.source_combo),
            (filters, self.tr("Operator:"), self.operator_combo),
            (search_row, self.tr("Order:"), self.order_combo),
        ):
            caption = QLabel(label)
            caption.setBuddy(combo)
            if row.count():
                row.addSpacing(8)
            row.addWidget(caption)
            row.addWidget(combo, 1 if row is filters else 0)
        filters.addSpacing(8)  # the combos take the width there is (a laptop has little)
        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.setToolTip(
            self.tr("Save the contacts that match the filter to a CSV file (Ctrl+E)")
        )
        filters.addWidget(self.export_button)

        # -- the table and the detail panel -------------------------------------------
        self.table = make_table(self, sortable=False)
        self.table.setModel(self.model)
        self.fitted_columns = configure_contacts_table(self.table)
        self.empty_hint = EmptyHint(self.table)
        self.scroll_anchor = ScrollAnchor(self.table)

        self.detail = ContactDetail(history=ctx.crm.contacts.history)
        self.detail_placeholder = QLabel(self.tr("Select a contact to see it in full here."))
        self.detail_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_placeholder.setStyleSheet("color: palette(placeholder-text);")
        self.detail_scroll = QScrollArea()  # a low pane scrolls instead of squeezing
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.detail_placeholder)
        self.detail_stack.addWidget(self.detail_scroll)

        # The pane is sized to what it shows (a line while nothing is selected) and can
        # be folded away; the table takes every other pixel (contacts_layout.py).
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_stack)
        self.detail_pane = DetailPane(
            self.splitter, self.detail_stack, self.detail_placeholder, self.detail
        )

        # -- actions ---------------------------------------------------------------------
        self.message = InlineMessage()
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self.assign_button = QPushButton(self.tr("Assign to…"))
        self.close_button = QPushButton(self.tr("Close contact"))
        self.reopen_button = QPushButton(self.tr("Reopen contact"))
        self.assign_action = QAction(self.tr("&Assign to…"), self)
        self.assign_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.close_action = QAction(self.tr("&Close contact"), self)
        self.close_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.reopen_action = QAction(self.tr("&Reopen contact"), self)
        self.reopen_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        # A bot reports the first reply; a person who answered by phone says so here.
        self.answered_action = QAction(self.tr("Mark ans&wered"), self)
        self.answered_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.answered_action.setToolTip(
            self.tr("Record the first reply to the selected contacts ({key})").format(
                key=self.answered_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        for action in (
            self.assign_action,
            self.close_action,
            self.reopen_action,
            self.answered_action,
        ):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.assign_button.setToolTip(
            self.tr("Give the selected contacts to an operator of your choice ({key})").format(
                key=self.assign_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.close_button.setToolTip(
            self.tr("Close the selected contacts ({key})").format(
                key=self.close_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.reopen_button.setToolTip(
            self.tr("Reopen the selected contacts ({key})").format(
                key=self.reopen_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.assign_button)
        bottom.addWidget(self.reopen_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.exporter = CsvExporter(ctx, self.message, self, self.export_button)
        self.export_action = QAction(self.tr("Export contacts…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)  # only while the page is on screen
        self.export_action.triggered.connect(self.export_csv)
        self.export_button.clicked.connect(lambda: self.export_csv(cancel_running=True))

        # -- wiring ------------------------------------------------------------------------
        for combo in (self.state_combo, self.source_combo, self.operator_combo):
            combo.currentIndexChanged.connect(self._filter_changed)
        self.search_bar.changed.connect(self._filter_changed)
        self.find_action = find_action(self, self.search_bar.search_edit)
        self.model.total_changed.connect(self._update_count)
        self.model.total_changed.connect(self._update_hint)
        self.order_combo.currentIndexChanged.connect(
            lambda _i: self.set_newest_first(bool(self.order_combo.currentData()))
        )
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._header_sort)
        self.assign_button.clicked.connect(self.assign_selected)
        self.assign_action.triggered.connect(self.assign_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.reopen_button.clicked.connect(self.reopen_selected)
        self.close_action.triggered.connect(self.close_selected)
        self.reopen_action.triggered.connect(self.reopen_selected)
        self.answered_action.triggered.connect(self.mark_answered_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self.model.failed.connect(lambda error: self.message.show_error(error_text(error)))
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
            self.model.loading_changed,
        ):
            signal.connect(self._model_changed)
        self._model_changed()

    @staticmethod
    def _choice_combo(all_text: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        combo.setMinimumContentsLength(14)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumWidth(text_width(combo, all_text))  # squeezed, "All …" still reads
        return combo

    # -- data --------------------------------------------------------------------------
    def reload(self) -> None:
        self.load_choices()
        self.model.reload()

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & CHOICES_ON:
            self.load_choices()
        if changes & REFRESH_ON:
            self.model.refresh()
        if changes & HISTORY_ON and self.isVisible():
            self._refresh_history()

    def _refresh_history(self) -> None:
        """A decision may come before (or without) the row changing: read the trace again."""
        if self.detail_stack.currentWidget() is self.detail_scroll:
            self.detail.refresh_history()

    def load_choices(self) -> None:
        """Fill the source and operator filters (in a worker), keeping the choices."""
        crm = self.ctx.crm
        self.ctx.runner.start(
            lambda _ctx: (
                crm.sources.list(with_weights=False),
                crm.operators.list(with_loads=False),
            ),
            self._fill_choices,
            lambda error: self.message.show_error(error_text(error)),
        )

    def _fill_choices(self, lists: tuple[list[SourceInfo], list[OperatorInfo]]) -> None:
        sources, operators = lists
        changed = _refill(
            self.source_combo,
            [(s.name, s.id) for s in natural_sorted(sources, lambda s: s.name)],
        )
        inactive = self.tr("{name} (inactive)")
        changed |= _refill(
            self.operator_combo,
            [
                (o.name if o.active else inactive.format(name=o.name), o.id)
                for o in natural_sorted(operators, lambda o: o.name)
            ],
        )
        if changed:  # a chosen source or operator is gone: show all instead
            self._filter_changed()

    def current_filter(self) -> ContactFilter:
        return ContactFilter(
            state=ContactState(self.state_combo.currentData()),
            source_id=self.source_combo.currentData(),
            operator_id=self.operator_combo.currentData(),
            text=self.search_bar.text(),
            since=self.search_bar.since(),
            until=self.search_bar.until(),
        )

    def _filter_changed(self, *_args: object) -> None:
        self.message.clear_message()
        self.model.set_filter(self.current_filter())

    # -- shown from elsewhere (the Board, a notification) -----------------------------------
    def show_filter(self, flt: ContactFilter) -> None:
        """Show the contacts of ``flt``'s state, source and operator, newest first, with no
        search text or period (a source or operator not in the lists yet: all)."""
        for combo, data in (
            (self.state_combo, flt.state.value),
            (self.source_combo, flt.source_id),
            (self.operator_combo, flt.operator_id),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(0 if data is None else max(0, combo.findData(data)))
            combo.blockSignals(blocked)
        for widget in (self.search_bar.search_edit, self.search_bar):
            widget.blockSignals(True)
        self.search_bar.search_edit.clear()
        self.search_bar.set_period(None, None)
        for widget in (self.search_bar.search_edit, self.search_bar):
            widget.blockSignals(False)
        self.set_newest_first(True)
        self._filter_changed()

    def reveal(self, flt: ContactFilter, contact_id: int) -> RevealRow:
        """Show ``flt`` and select contact ``contact_id`` once its page has loaded."""
        self.show_filter(flt)
        return RevealRow(self.table, self.model, contact_id)

    def set_newest_first(self, newest_first: bool) -> None:
        """Newest or oldest first (in SQL); the Created header and the combo agree."""
        order = Qt.SortOrder.DescendingOrder if newest_first else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(CREATED, order)
        header.blockSignals(blocked)
        self.order_combo.blockSignals(True)
        self.order_combo.setCurrentIndex(self.order_combo.findData(newest_first))
        self.order_combo.blockSignals(False)
        self.model.set_newest_first(newest_first)

    def _header_sort(self, section: int, order: Qt.SortOrder) -> None:
        if section == CREATED:
            self.set_newest_first(order == Qt.SortOrder.DescendingOrder)
        else:  # other columns do not sort: put the arrow back on Created
            self.set_newest_first(self.model.newest_first)

    def selected_contacts(self) -> list[ContactInfo]:
        return selected_rows(self.table)

    # -- close and reopen -----------------------------------------------------------------
    def close_selected(self) -> None:
        ids = [c.id for c in self.selected_contacts() if c.is_active]
        if not ids or self._writing:
            return
        if len(ids) > 1 and not ask(
            self, self.tr("Close contacts"), self.tr("Close %n contact(s)?", "", len(ids))
        ):
            return
        crm = self.ctx.crm
        self._write(lambda: crm.contacts.close_many(ids), self._report_closed)

    def reopen_selected(self) -> None:
        ids = [c.id for c in self.selected_contacts() if not c.is_active]
        if not ids or self._writing:
            return
        crm = self.ctx.crm
        self._write(lambda: crm.contacts.reopen_many(ids), self._report_reopened)

    def mark_answered_selected(self) -> None:
        """The first reply to the selected active contacts (``contact answered``): their
        reply deadline is met; a contact answered before keeps its first time."""
        ids = [c.id for c in self.selected_contacts() if c.is_active]
        if not ids or self._writing:
            return
        crm = self.ctx.crm
        self._write(lambda: crm.contacts.mark_answered(ids), self._report_answered)

    def _report_answered(self, result: list[AnsweredInfo]) -> None:
        lines = [self.tr("Marked %n contact(s) answered.", "", len(result))]
        before = sum(1 for item in result if not item.first)
        if before:
            lines.append(
                self.tr("%n of them had been answered before; the first time is kept.", "", before)
            )
        self.message.show_info(" ".join(lines))

    def _write(self, work: Callable[[], _R], report: Callable[[_R], None]) -> None:
        self._writing = True
        self.message.clear_message()
        self._update_actions()

        def done(result: _R) -> None:
            self._writing = False
            report(result)
            self._update_actions()

        def failed(error: BaseException) -> None:
            self._writing = False
            self.message.show_error(error_text(error))
            self._update_actions()

        self.ctx.runner.start(lambda _ctx: work(), done, failed)

    # -- assigning by hand ------------------------------------------------------------------
    def assign_selected(self) -> None:
        """Ask which operator, then give every selected contact to them; the limit holds
        (those that do not fit are refused and listed with the reason)."""
        contacts = self.selected_contacts()
        if not contacts or self._writing:
            return
        self.message.clear_message()
        try:
            operators = self.ctx.crm.operators.list()
        except CrmError as error:
            self.message.show_error(error_text(error))
            return
        if not operators:
            self.message.show_error(
                self.tr("No operators yet: add them on the Operators screen first.")
            )
            return
        tags = [frozenset(c.tags) for c in contacts]  # skills count for tagged contacts
        operator_id = assign_dialog.choose_operator(self, operators, len(contacts), tags)
        if operator_id is None:
            return
        name = next((o.name for o in operators if o.id == operator_id), f"#{operator_id}")
        before = {c.id: (c.operator.id if c.operator else None) for c in contacts}
        reasons = {c.id: c.reason for c in contacts}
        ids = list(before)
        crm = self.ctx.crm
        self._write(
            lambda: crm.contacts.assign(ids, operator_id),
            lambda result: self._report_assigned(result, operator_id, name, before, reasons),
        )

    def _report_assigned(
        self,
        result: BulkResult,
        operator_id: int,
        name: str,
        before: dict[int, int | None],
        reasons: dict[int, str | None],
    ) -> None:
        moves = [
            Move(c.id, before[c.id], operator_id, reasons.get(c.id))
            for c in result.changed
            if c.id in before and before[c.id] != operator_id
        ]
        if moves:
            self.ctx.undo.push(undo.AssignContacts(self.ctx.crm, moves, name))
        moved = sum(1 for c in result.changed if before.get(c.id) != operator_id)
        already = len(result.changed) - moved
        lines = []
        if moved or not result.refused:
            lines.append(self.tr("Assigned %n contact(s) to {name}.", "", moved).format(name=name))
        if already:
            lines.append(self.tr("%n contact(s) already had this operator.", "", already))
        refused = len(result.refused)
        if not refused:
            self.message.show_info(" ".join(lines))
            return
        lines.append(self.tr("%n contact(s) could not be assigned:", "", refused))
        lines += [f"• {error_text(error)}" for _id, error in result.refused[:MAX_REFUSALS_SHOWN]]
        if refused > MAX_REFUSALS_SHOWN:
            lines.append(self.tr("…and %n more.", "", refused - MAX_REFUSALS_SHOWN))
        self.message.show_error("\n".join(lines))

    def _report_closed(self, result: BulkResult) -> None:
        self.ctx.undo.push(undo.CloseContacts(self.ctx.crm, result.changed))
        self.message.show_info(self.tr("Closed %n contact(s).", "", len(result.changed)))

    def _report_reopened(self, result: BulkResult) -> None:
        done = len(result.changed)
        if done:
            self.ctx.undo.push(undo.ReopenContacts(self.ctx.crm, result.changed))
        if not result.refused:
            self.message.show_info(self.tr("Reopened %n contact(s).", "", done))
            return
        refused = len(result.refused)
        lines = [self.tr("Reopened %n contact(s).", "", done)] if done else []
        lines.append(self.tr("%n contact(s) could not be reopened:", "", refused))
        lines += [f"• {error_text(error)}" for _id, error in result.refused[:MAX_REFUSALS_SHOWN]]
        if refused > MAX_REFUSALS_SHOWN:
            lines.append(self.tr("…and %n more.", "", refused - MAX_REFUSALS_SHOWN))
        self.message.show_error("\n".join(lines))

    # -- export ------------------------------------------------------------------------------
    def export_csv(self, cancel_running: bool = False) -> None:
        """Every contact the current filter shows (not only the loaded pages), oldest first."""
        flt = self.current_filter()
        crm = self.ctx.crm

        def work(path: Path, progress: Progress, translate: Translate) -> ExportResult:
            return crm.exports.contacts(path, flt, progress=progress, translate=translate)

        start = self.exporter.export_or_cancel if cancel_running else self.exporter.export
        start(self.tr("Export contacts"), f"contacts_{dt.date.today().isoformat()}.csv", work)

    def export_actions(self) -> list[QAction]:
        return [self.export_action]

    # -- keeping the widgets in step -------------------------------------------------------
    def edit_actions(self) -> list[QAction]:
        return [self.find_action]

    def page_actions(self) -> list[QAction]:
        return [self.assign_action, self.close_action, self.reopen_action, self.answered_action]

    def _selection_changed(self, *_args: object) -> None:
        self._update_detail()
        self._update_actions()
        self._update_count()

    def _model_changed(self, *_args: object) -> None:
        self._update_detail()
        self._update_actions()
        self._update_count()
        self._update_hint()

    def _update_actions(self) -> None:
        contacts = self.selected_contacts()
        active = sum(1 for c in contacts if c.is_active)
        closed = len(contacts) - active
        usable = not self._writing and self.isVisible()
        self.assign_action.setEnabled(usable and bool(contacts))
        self.assign_button.setEnabled(usable and bool(contacts))
        self.assign_button.setText(
            self.tr("Assign %n contact(s) to…", "", len(contacts))
            if len(contacts) > 1
            else self.tr("Assign to…")
        )
        self.close_action.setEnabled(usable and active > 0)
        self.reopen_action.setEnabled(usable and closed > 0)
        self.answered_action.setEnabled(usable and active > 0)
        self.close_button.setEnabled(usable and active > 0)
        self.reopen_button.setEnabled(usable and closed > 0)
        self.close_button.setText(
            self.tr("Close %n contact(s)", "", active) if active > 1 else self.tr("Close contact")
        )
        self.reopen_button.setText(
            self.tr("Reopen %n contact(s)", "", closed) if closed > 1 else self.tr("Reopen contact")
        )

    def _update_detail(self) -> None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows()
        if not rows:
            self.detail_stack.setCurrentWidget(self.detail_placeholder)
            self.detail.forget()
            return
        current = selection.currentIndex()
        shown = current if current.isValid() and selection.isRowSelected(current.row()) else rows[0]
        contact = self.model.index(shown.row(), 0).data(ROW_ROLE)
        self.detail.show_contact(contact, len(rows))
        self.detail_stack.setCurrentWidget(self.detail_scroll)

    def _update_count(self, *_args: object) -> None:
        count = self.model.rowCount()
        total = self.model.total
        loaded = QLocale().toString(count)
        if count == 0 and self.model.busy:
            text = self.tr("Loading…")
        elif self.model.count_failed and not self.model.exhausted:
            text = ""  # the query was refused: its error says why; no count is coming
        elif self.model.exhausted:
            text = self.tr("%n contact(s)", "", count)
        elif total is None:
            text = self.tr("%Ln contact(s) loaded; counting all…", "", count)
        elif total.more:
            text = self.tr(
                "{loaded} loaded of more than %Ln contacts; scroll for more", "", total.count
            ).format(loaded=loaded)
        else:
            text = self.tr("{loaded} of %Ln contact(s) loaded; scroll for more", "", total.count)
            text = text.format(loaded=loaded)
        selected = len(self.table.selectionModel().selectedRows())
        if selected:
            text += " · " + self.tr("%n selected", "", selected)
        self.count_label.setText(text)

    def _update_hint(self) -> None:
        if self.model.rowCount() or self.model.busy or self.model.count_failed:
            self.empty_hint.show_text("")  # a refused query matched nothing: its error says why
        elif self.model.filter == ContactFilter():
            self.empty_hint.show_text(
                self.tr(
                    "No contacts yet.\nRegister one with the intake form (Ctrl+N), drop a CSV "
                    "or XLSX file onto the window, or let bots call the command line."
                )
            )
        elif self.model.filter is not None and self.model.filter.text:
            self.empty_hint.show_text(
                self.tr("No contacts match “{text}”.").format(
                    text=echo_text(self.model.filter.text)
                )
            )
        else:
            self.empty_hint.show_text(
                self.tr("No contacts match the filter.\nChoose “All” above to see more.")
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_actions()
        self._refresh_history()  # changes while another screen showed were not read
        self.export_action.setEnabled(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._update_actions()
        self.export_action.setEnabled(False)  # Ctrl+E belongs to the visible page

    # -- state -------------------------------------------------------------------------------
    def save_state(self, preferences: Preferences) -> None:
        preferences.save_header(options.CONTACTS_HEADER, self.table.horizontalHeader())
        preferences.set(COLUMNS_DRAGGED, int(not self.fitted_columns.active))
        preferences.save_splitter(options.CONTACTS_SPLITTER, self.splitter)

    def restore_state(self, preferences: Preferences) -> None:
        header = self.table.horizontalHeader()
        if preferences.get(options.CONTACTS_HEADER) is not None:
            if preferences.restore_header(options.CONTACTS_HEADER, header, silently=True):
                # Widths the user dragged win; fitted ones are fitted again.
                self.fitted_columns.active = not preferences.get(COLUMNS_DRAGGED)
                if self.fitted_columns.active:
                    self.fitted_columns.fit()
            self.set_newest_first(self.model.newest_first)  # the arrow follows the model
        if preferences.restore_splitter(options.CONTACTS_SPLITTER, self.splitter):
            self.detail_pane.restored()


def _refill(combo: QComboBox, items: list[tuple[str, int]]) -> bool:
    """Replace the items after "All" in place, keeping the chosen one. True when the
    chosen item is gone (the combo then shows "All")."""
    current = combo.currentData()
    present = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
    if present == items:
        return False  # nothing to redo (an open popup stays as it is)
    blocked = combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(combo.count() - 1)
    for text, data in items:
        combo.addItem(text, data)
        combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(blocked)
    return current is not None and index < 0
