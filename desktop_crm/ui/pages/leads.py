"""Leads: search by external id or name (a phone in any format finds the normalised
lead); the selected lead's contacts from every source below (master-detail)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.dto import ContactFilter, LeadRow, LeadSort
from desktop_crm.services.events import Change
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.models.contacts import CREATED, ContactsModel
from desktop_crm.ui.models.leads import (
    COLUMN_OF_SORT,
    CONTACTS,
    EXTERNAL_ID,
    FIRST_SEEN,
    LAST_CONTACT,
    NAME,
    SORT_OF_COLUMN,
    LeadsModel,
)
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.pages.contacts import (
    EmptyHint,
    ScrollAnchor,
    configure_contacts_table,
    selected_rows,
)
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.widgets import InlineMessage, make_table

SEARCH_DELAY_MS = 250
LEADS_REFRESH_ON = {Change.LEADS, Change.CONTACTS, Change.EXTERNAL}
DETAIL_REFRESH_ON = LEADS_REFRESH_ON | {Change.OPERATORS, Change.SOURCES}


class LeadsPage(Page):
    name = "leads"
    title = QT_TRANSLATE_NOOP("Pages", "Leads")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = LeadsModel(ctx.crm, ctx.runner, self)
        # No lead selected yet: the contacts model shows nothing (filter None).
        self.contacts_model = ContactsModel(ctx.crm, ctx.runner, self, flt=None)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search by phone, e-mail, messenger id or name")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.sort_combo = QComboBox()
        for text, sort in (
            (self.tr("Newest first"), LeadSort.NEWEST),
            (self.tr("By name"), LeadSort.NAME),
            (self.tr("By external id"), LeadSort.EXTERNAL_ID),
        ):
            self.sort_combo.addItem(text, sort.value)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        sort_label = QLabel(self.tr("Sort:"))
        sort_label.setBuddy(self.sort_combo)
        top.addWidget(sort_label)
        top.addWidget(self.sort_combo)

        # -- the leads --------------------------------------------------------------------
        self.table = make_table(self, sortable=False)
        self.table.setModel(self.model)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        self.table.setVerticalScrollMode(self.table.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(FIRST_SEEN, Qt.SortOrder.DescendingOrder)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        header.resizeSection(EXTERNAL_ID, metrics.horizontalAdvance("M") * 19)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(CONTACTS, metrics.horizontalAdvance("Contacts") + 30)
        for column in (LAST_CONTACT, FIRST_SEEN):
            header.resizeSection(column, metrics.horizontalAdvance("00.00.0000 00:00") + 34)
        self.empty_hint = EmptyHint(self.table)
        self.scroll_anchor = ScrollAnchor(self.table)

        # -- the selected lead's contacts ---------------------------------------------------
        self.lead_title = QLabel()
        font = self.lead_title.font()
        font.setBold(True)
        self.lead_title.setFont(font)
        self.lead_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contacts_table = make_table(self, sortable=False)
        self.contacts_table.setModel(self.contacts_model)
        self.fitted_columns = configure_contacts_table(self.contacts_table, show_lead=False)
        self.contacts_hint = EmptyHint(self.contacts_table)
        self.contacts_anchor = ScrollAnchor(self.contacts_table)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        detail_layout.addWidget(self.lead_title)
        detail_layout.addWidget(self.contacts_table, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([430, 290])

        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.count_label)

        # -- wiring ------------------------------------------------------------------------
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_search)
        self.sort_combo.currentIndexChanged.connect(
            lambda _i: self.set_sort(LeadSort(self.sort_combo.currentData()))
        )
        header.sortIndicatorChanged.connect(self._header_sort)
        self.contacts_table.horizontalHeader().sortIndicatorChanged.connect(
            self._contacts_header_sort
        )
        self.table.selectionModel().selectionChanged.connect(self._lead_selected)
        self.model.modelReset.connect(self._lead_selected)
        for model in (self.model, self.contacts_model):
            model.failed.connect(lambda error: self.message.show_error(error_text(error)))
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
            self.model.loading_changed,
        ):
            signal.connect(self._leads_changed)
        for signal in (
            self.contacts_model.rowsInserted,
            self.contacts_model.rowsRemoved,
            self.contacts_model.modelReset,
            self.contacts_model.loading_changed,
        ):
            signal.connect(self._contacts_changed)
        self._leads_changed()
        self._lead_selected()

    # -- data --------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.reload()

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & LEADS_REFRESH_ON:
            self.model.refresh()
        if changes & DETAIL_REFRESH_ON and self.contacts_model.filter is not None:
            self.contacts_model.refresh()

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.message.clear_message()
        self.model.set_search(self.search_edit.text())

    def set_sort(self, sort: LeadSort) -> None:
        """Sort in SQL; the combo and the header arrow agree."""
        column = COLUMN_OF_SORT[sort]
        header = self.table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(column, SORT_OF_COLUMN[column][1])
        header.blockSignals(blocked)
        blocked = self.sort_combo.blockSignals(True)
        self.sort_combo.setCurrentIndex(self.sort_combo.findData(sort.value))
        self.sort_combo.blockSignals(blocked)
        self.model.set_sort(sort)

    def _header_sort(self, section: int, _order: Qt.SortOrder) -> None:
        # Each sort has one direction; a click on another column puts the arrow back.
        self.set_sort(SORT_OF_COLUMN[section][0] if section in SORT_OF_COLUMN else self.model.sort)

    def _contacts_header_sort(self, section: int, order: Qt.SortOrder) -> None:
        if section == CREATED:
            self.contacts_model.set_newest_first(order == Qt.SortOrder.DescendingOrder)
        self._contacts_arrow()

    def _contacts_arrow(self) -> None:
        """The Created arrow of the lead's contacts shows their order (only it sorts)."""
        order = (
            Qt.SortOrder.DescendingOrder
            if self.contacts_model.newest_first
            else Qt.SortOrder.AscendingOrder
        )
        header = self.contacts_table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(CREATED, order)
        header.blockSignals(blocked)

    def selected_lead(self) -> LeadRow | None:
        rows = selected_rows(self.table)
        return rows[0] if rows else None

    # -- keeping the widgets in step -------------------------------------------------------
    def _lead_selected(self, *_args: object) -> None:
        lead = self.selected_lead()
        if lead is None:
            self.contacts_model.set_filter(None)
        else:
            self.contacts_model.set_filter(ContactFilter(lead_id=lead.id))
        self._show_lead_title()
        self._contacts_changed()

    def _show_lead_title(self) -> None:
        lead = self.selected_lead()
        if lead is None:
            self.lead_title.setText(self.tr("Select a lead to see all its contacts."))
            return
        contacts = self.tr("%n contact(s)", "", lead.contact_count)
        who = f"{lead.name} · {lead.external_id}" if lead.name else lead.external_id
        self.lead_title.setText(self.tr("{lead} — {contacts}").format(lead=who, contacts=contacts))

    def _leads_changed(self, *_args: object) -> None:
        count = self.model.rowCount()
        if count == 0 and self.model.busy:
            text = self.tr("Loading…")
        elif self.model.exhausted:
            text = self.tr("%n lead(s)", "", count)
        else:
            text = self.tr("%n lead(s) loaded; scroll for more", "", count)
        self.count_label.setText(text)
        self._show_lead_title()  # the contact count of the selected lead may have moved
        if count or self.model.busy:
            self.empty_hint.show_text("")
        elif self.model.search_text:
            self.empty_hint.show_text(
                self.tr("No leads match “{text}”.").format(text=self.model.search_text)
            )
        else:
            self.empty_hint.show_text(self.tr("No leads yet. Every contact brings its lead here."))

    def _contacts_changed(self, *_args: object) -> None:
        model = self.contacts_model
        if model.filter is None:
            self.contacts_hint.show_text(self.tr("Select a lead above."))
        elif model.rowCount() or model.busy:
            self.contacts_hint.show_text("")
        else:
            self.contacts_hint.show_text(self.tr("This lead has no contacts."))

    # -- state -------------------------------------------------------------------------------
    def save_state(self, preferences: Preferences) -> None:
        preferences.set_value("leads/header", self.table.horizontalHeader().saveState())
        preferences.set_value(
            "leads/contacts_header", self.contacts_table.horizontalHeader().saveState()
        )
        preferences.save_splitter("leads", self.splitter)

    def restore_state(self, preferences: Preferences) -> None:
        for key, table in (
            ("leads/header", self.table),
            ("leads/contacts_header", self.contacts_table),
        ):
            state = preferences.value(key)
            if state is None:
                continue
            header = table.horizontalHeader()
            blocked = header.blockSignals(True)
            if header.restoreState(state) and table is self.contacts_table:
                self.fitted_columns.active = False  # the saved widths win
            header.blockSignals(blocked)
        self.set_sort(self.model.sort)
        self._contacts_arrow()
        preferences.restore_splitter("leads", self.splitter)
