"""Leads: search by external id or name (a phone in any format finds the normalised
lead); the selected lead's contacts from every source below (master-detail)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.external_id import display_external_id
from desktop_crm.domain.text import on_screen
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.services.dto.leads import LeadRow, LeadSort
from desktop_crm.services.erasure import ErasureResult, is_erased_id
from desktop_crm.services.events import Change
from desktop_crm.services.exports import ExportResult, Progress, Translate
from desktop_crm.ui import preferences as options
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.exporting import CsvExporter
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
from desktop_crm.ui.preferences import IntOption, Preferences
from desktop_crm.ui.texts import echo_text, error_text
from desktop_crm.ui.widgets import (
    EmptyHint,
    InlineMessage,
    ScrollAnchor,
    configure_contacts_table,
    make_table,
    selected_rows,
)
from desktop_crm.ui.widgets.contact_filters import find_action

SEARCH_DELAY_MS = 250
# 1 when the user dragged the lead's contacts' columns: their widths win over the fitted ones.
CONTACT_COLUMNS_DRAGGED = IntOption("leads/contact_columns_dragged", 0)


def lead_text(lead: LeadRow) -> str:
    """Name and id as people read them (a phone formatted)."""
    shown = display_external_id(lead.external_id)
    return f"{on_screen(lead.name)} · {shown}" if lead.name else shown


def sort_data(sort: LeadSort, reverse: bool) -> str:
    """The sort combo's item data: the sort's value, ``:reverse`` when turned round."""
    return f"{sort.value}:reverse" if reverse else sort.value


def read_sort_data(data: str) -> tuple[LeadSort, bool]:
    value, _, reverse = data.partition(":")
    return LeadSort(value), bool(reverse)


def confirm_erase(parent: QWidget | None, lead: LeadRow) -> bool:
    """Ask before erasing a person, naming what will happen (tests patch this)."""
    who = lead_text(lead)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("LeadsPage", "Erase personal data"))
    box.setText(
        QCoreApplication.translate("LeadsPage", "Erase the personal data of {lead}?").format(
            lead=who
        )
    )
    box.setInformativeText(
        LeadsPage.tr(
            "Its phone or other id, its name and the messages of its %n contact(s) are "  # type: ignore[arg-type]
            "removed for good: from the contacts, from stored import rejects and from the "
            "database file. The lead gets an erased:… id; its contacts stay with their "
            "source, operator and times, so counts and statistics do not change. "
            "This cannot be undone.",
            "",
            lead.contact_count,  # type: ignore[arg-type]
        )
    )
    erase = box.addButton(
        QCoreApplication.translate("LeadsPage", "Erase"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is erase


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
        for text, sort, reverse in (
            (self.tr("Newest first"), LeadSort.NEWEST, False),
            (self.tr("Oldest first"), LeadSort.NEWEST, True),
            (self.tr("By name"), LeadSort.NAME, False),
            (self.tr("By name, Z to A"), LeadSort.NAME, True),
            (self.tr("By external id"), LeadSort.EXTERNAL_ID, False),
            (self.tr("By external id, descending"), LeadSort.EXTERNAL_ID, True),
        ):
            self.sort_combo.addItem(text, sort_data(sort, reverse))
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: palette(placeholder-text);")

        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.setToolTip(
            self.tr("Save the leads that match the search to a CSV file (Ctrl+E)")
        )

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        sort_label = QLabel(self.tr("Sort:"))
        sort_label.setBuddy(self.sort_combo)
        top.addWidget(sort_label)
        top.addWidget(self.sort_combo)
        top.addWidget(self.export_button)

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
        # Room for a long e-mail whole (the name column gives way); a longer id is cut in
        # the middle, where the domain and the start both stay readable.
        header.resizeSection(
            EXTERNAL_ID, metrics.horizontalAdvance("konstantin.dolgorukovsky@example.com") + 16
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
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

        # -- export and erasure ------------------------------------------------------------
        self.exporter = CsvExporter(ctx, self.message, self, self.export_button)
        self.export_action = QAction(self.tr("Export leads…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)  # only while the page is on screen
        self.export_action.triggered.connect(self.export_csv)
        self.export_button.clicked.connect(lambda: self.export_csv(cancel_running=True))
        self.erase_action = QAction(self.tr("&Erase personal data…"), self)
        self.erase_action.setToolTip(
            self.tr("Anonymise the selected lead's id, name and messages everywhere")
        )
        self.erase_action.setEnabled(False)
        self.erase_action.triggered.connect(self.erase_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addAction(self.erase_action)
        self._erasing = False

        # -- wiring ------------------------------------------------------------------------
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_search)
        self.find_action = find_action(self, self.search_edit)
        self.sort_combo.currentIndexChanged.connect(
            lambda _i: self.set_sort(*read_sort_data(self.sort_combo.currentData()))
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

    def set_sort(self, sort: LeadSort, reverse: bool = False) -> None:
        """Sort in SQL (``reverse``: against the sort's own direction); the combo and
        the header arrow agree."""
        column = COLUMN_OF_SORT[sort]
        order = SORT_OF_COLUMN[column][1]
        if reverse:
            order = (
                Qt.SortOrder.AscendingOrder
                if order == Qt.SortOrder.DescendingOrder
                else Qt.SortOrder.DescendingOrder
            )
        header = self.table.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(blocked)
        blocked = self.sort_combo.blockSignals(True)
        self.sort_combo.setCurrentIndex(self.sort_combo.findData(sort_data(sort, reverse)))
        self.sort_combo.blockSignals(blocked)
        self.model.set_sort(sort, reverse)

    def _header_sort(self, section: int, order: Qt.SortOrder) -> None:
        # A sortable column in the order clicked; a click on another column (Contacts,
        # Last contact: NOT_SORTED_TIP) puts the arrow back.
        if section in SORT_OF_COLUMN:
            sort, own_order = SORT_OF_COLUMN[section]
            self.set_sort(sort, reverse=order != own_order)
        else:
            self.set_sort(self.model.sort_key, self.model.reverse)

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

    # -- export and erasure --------------------------------------------------------------
    def export_csv(self, cancel_running: bool = False) -> None:
        """The leads the search shows now (all of them, not only the loaded page)."""
        search = self.model.search_text
        crm = self.ctx.crm

        def work(path: Path, progress: Progress, translate: Translate) -> ExportResult:
            return crm.exports.leads(path, search, progress=progress, translate=translate)

        start = self.exporter.export_or_cancel if cancel_running else self.exporter.export
        start(self.tr("Export leads"), f"leads_{dt.date.today().isoformat()}.csv", work)

    def page_actions(self) -> list[QAction]:
        return [self.erase_action]

    def edit_actions(self) -> list[QAction]:
        return [self.find_action]

    def export_actions(self) -> list[QAction]:
        return [self.export_action]

    def erase_selected(self) -> None:
        lead = self.selected_lead()
        if lead is None or self._erasing or is_erased_id(lead.external_id):
            return
        if not confirm_erase(self, lead):
            return
        self._erasing = True
        self._update_erase_action()
        self.message.show_info(self.tr("Erasing…"), 0)
        erasure = self.ctx.crm.erasure
        self.ctx.runner.start(
            lambda _task: erasure.erase_lead(lead.id), self._erased, self._erase_failed
        )

    def _erased(self, result: ErasureResult) -> None:
        self._erasing = False
        self._update_erase_action()
        if result.file_clean:
            self.message.show_info(
                self.tr("Personal data erased; the lead is now {id}.").format(
                    id=result.external_id
                ),
                10_000,
            )
        else:
            self.message.show_error(
                self.tr(
                    "Personal data erased, but another program kept the database busy, so old "
                    "copies may remain in the file until the next erasure finishes."
                )
            )
        self.model.refresh()

    def _erase_failed(self, error: BaseException) -> None:
        self._erasing = False
        self._update_erase_action()
        self.message.show_error(error_text(error))

    def _update_erase_action(self) -> None:
        lead = self.selected_lead()
        self.erase_action.setEnabled(
            lead is not None and not self._erasing and not is_erased_id(lead.external_id)
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.export_action.setEnabled(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.export_action.setEnabled(False)  # Ctrl+E belongs to the visible page

    # -- keeping the widgets in step -------------------------------------------------------
    def _lead_selected(self, *_args: object) -> None:
        lead = self.selected_lead()
        if lead is None:
            self.contacts_model.set_filter(None)
        else:
            self.contacts_model.set_filter(ContactFilter(lead_id=lead.id))
        self._show_lead_title()
        self._contacts_changed()
        self._update_erase_action()

    def _show_lead_title(self) -> None:
        lead = self.selected_lead()
        if lead is None:
            self.lead_title.setText(self.tr("Select a lead to see all its contacts."))
            return
        contacts = self.tr("%n contact(s)", "", lead.contact_count)
        who = lead_text(lead)
        self.lead_title.setText(self.tr("{lead} — {contacts}").format(lead=who, contacts=contacts))

    def _leads_changed(self, *_args: object) -> None:
        count = self.model.rowCount()
        refused = count == 0 and not self.model.busy and self.model.error is not None
        if count == 0 and self.model.busy:
            text = self.tr("Loading…")
        elif refused:
            text = ""  # the search was refused: its error says why; no count is coming
        elif self.model.exhausted:
            text = self.tr("%n lead(s)", "", count)
        else:
            text = self.tr("%n lead(s) loaded; scroll for more", "", count)
        self.count_label.setText(text)
        self._show_lead_title()  # the contact count of the selected lead may have moved
        self._update_erase_action()  # an erased lead cannot be erased again
        if count or self.model.busy or refused:
            self.empty_hint.show_text("")
        elif self.model.search_text:
            self.empty_hint.show_text(
                self.tr("No leads match “{text}”.").format(text=echo_text(self.model.search_text))
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
        preferences.save_header(options.LEADS_HEADER, self.table.horizontalHeader())
        preferences.save_header(
            options.LEADS_CONTACTS_HEADER, self.contacts_table.horizontalHeader()
        )
        preferences.set(CONTACT_COLUMNS_DRAGGED, int(not self.fitted_columns.active))
        preferences.save_splitter(options.LEADS_SPLITTER, self.splitter)

    def restore_state(self, preferences: Preferences) -> None:
        preferences.restore_header(
            options.LEADS_HEADER, self.table.horizontalHeader(), silently=True
        )
        if preferences.restore_header(
            options.LEADS_CONTACTS_HEADER, self.contacts_table.horizontalHeader(), silently=True
        ):
            # Widths the user dragged win; fitted ones are fitted again.
            self.fitted_columns.active = not preferences.get(CONTACT_COLUMNS_DRAGGED)
            if self.fitted_columns.active:
                self.fitted_columns.fit()
        self.set_sort(self.model.sort_key, self.model.reverse)
        self._contacts_arrow()
        preferences.restore_splitter(options.LEADS_SPLITTER, self.splitter)
