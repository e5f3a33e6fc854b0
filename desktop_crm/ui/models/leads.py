"""Leads as a lazily paged table, searched and sorted in SQL (keyset pages)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from desktop_crm.domain.external_id import display_external_id
from desktop_crm.domain.text import on_screen
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services import Crm
from desktop_crm.services.dto.leads import LeadRow, LeadSort
from desktop_crm.services.leads import lead_key
from desktop_crm.ui.models.base import Column, Index, local_time
from desktop_crm.ui.models.paged import PagedModel
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.theme import Tone, color

EXTERNAL_ID, NAME, CONTACTS, LAST_CONTACT, FIRST_SEEN = range(5)

# Which header sorts by what, and the order its arrow shows first; a second click on
# it turns the order round (the same index, walked backwards).
SORT_OF_COLUMN: dict[int, tuple[LeadSort, Qt.SortOrder]] = {
    EXTERNAL_ID: (LeadSort.EXTERNAL_ID, Qt.SortOrder.AscendingOrder),
    NAME: (LeadSort.NAME, Qt.SortOrder.AscendingOrder),
    FIRST_SEEN: (LeadSort.NEWEST, Qt.SortOrder.DescendingOrder),
}
COLUMN_OF_SORT: dict[LeadSort, int] = {sort: col for col, (sort, _) in SORT_OF_COLUMN.items()}
NOT_SORTED_TIP = QT_TRANSLATE_NOOP(
    "LeadsModel", "Does not sort: on a large database that would count every lead's contacts."
)


def name_text(lead: LeadRow) -> str:
    return on_screen(lead.name) or QCoreApplication.translate("LeadsModel", "no name")


class LeadsModel(PagedModel[LeadRow]):
    context = "LeadsModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("LeadsModel", "External id"),
            lambda r: display_external_id(r.external_id),
            lambda r: r.external_id,
            tooltip=lambda r: display_external_id(r.external_id),
        ),
        Column(
            QT_TRANSLATE_NOOP("LeadsModel", "Name"),
            name_text,
            lambda r: r.name.casefold(),
            tooltip=lambda r: on_screen(r.name) or None,
        ),
        Column(
            QT_TRANSLATE_NOOP("LeadsModel", "Contacts"),
            lambda r: r.contact_count,
            lambda r: r.contact_count,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("LeadsModel", "Last contact"),
            lambda r: local_time(r.last_contact_at),
            lambda r: r.last_contact_at.timestamp() if r.last_contact_at else 0.0,
        ),
        Column(
            QT_TRANSLATE_NOOP("LeadsModel", "First seen"),
            lambda r: local_time(r.created_at),
            lambda r: r.created_at.timestamp(),
        ),
    )

    def __init__(self, crm: Crm, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(runner, parent)
        self._crm = crm
        self._text = ""
        self._sort = LeadSort.NEWEST
        self._reverse = False  # against the sort's own direction (SORT_OF_COLUMN)
        self._italic = QFont()
        self._italic.setItalic(True)

    @property
    def search_text(self) -> str:
        return self._text

    @property
    def sort_key(self) -> LeadSort:  # not "sort": that is Qt's sort(column, order)
        return self._sort

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text != self._text:
            self._text = text
            self.reload()

    @property
    def reverse(self) -> bool:
        """True when the sort runs against its own direction (oldest first, Z to A)."""
        return self._reverse

    def set_sort(self, sort: LeadSort, reverse: bool = False) -> None:
        if (sort, reverse) != (self._sort, self._reverse):
            self._sort = sort
            self._reverse = reverse
            self.reload()

    # -- PagedModel (``fetch`` runs on a worker thread) ------------------------------
    def fetch(self, after: Hashable | None, through: Hashable | None, limit: int) -> list[LeadRow]:
        text, sort, reverse = self._text, self._sort, self._reverse
        return self._crm.leads.page(
            text,
            sort,
            after=after,  # type: ignore[arg-type]
            through=through,  # type: ignore[arg-type]
            limit=limit,
            reverse=reverse,
        )

    def page_key(self, row: LeadRow) -> Hashable:
        return lead_key(row, self._sort)

    # -- Qt ----------------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.InitialSortOrderRole
            and orientation == Qt.Orientation.Horizontal
            and section in SORT_OF_COLUMN
        ):
            return SORT_OF_COLUMN[section][1]
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section in (CONTACTS, LAST_CONTACT)
        ):
            return QCoreApplication.translate(self.context, NOT_SORTED_TIP)
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            return super().data(index, role)
        if not index.isValid() or index.row() >= len(self._rows) or index.column() != NAME:
            return None
        if self._rows[index.row()].name:
            return None
        return self._italic if role == Qt.ItemDataRole.FontRole else color(Tone.DIM)
