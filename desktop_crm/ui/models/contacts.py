"""The contact queue as a lazily paged table: newest (or oldest) first, filtered in SQL."""

from __future__ import annotations

import html
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication
from shiboken6 import isValid

from desktop_crm.domain.external_id import display_external_id
from desktop_crm.domain.text import on_screen
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services import Crm
from desktop_crm.services.contact_views import contact_key
from desktop_crm.services.dto.contacts import ContactInfo
from desktop_crm.services.dto.filters import ContactCount, ContactFilter
from desktop_crm.ui.models.base import RAW_ROLE, ROW_ROLE, Column, Index, local_time
from desktop_crm.ui.models.paged import PagedModel
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.texts import reason_label
from desktop_crm.ui.theme import Tone, color

ID, CREATED, LEAD, SOURCE, OPERATOR, STATE, MESSAGE = range(7)

MESSAGE_CELL_CHARS = 300  # a cell shows one line; laying out 64 KiB per paint is slow
MESSAGE_TOOLTIP_CHARS = 2000  # the detail panel shows the whole message

# The roles a cell answers; a view asks for a dozen more at every paint (decoration,
# background, check state...), answered None at once.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FONT = Qt.ItemDataRole.FontRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_ANSWERED = frozenset(
    {
        _DISPLAY,
        _FONT,
        _FOREGROUND,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        RAW_ROLE,
        ROW_ROLE,
    }
)


# -- how a contact is shown -------------------------------------------------------------
def lead_text(contact: ContactInfo) -> str:
    lead = contact.lead
    shown = display_external_id(lead.external_id)
    return f"{on_screen(lead.name)} · {shown}" if lead.name else shown


def operator_text(contact: ContactInfo) -> str:
    if contact.operator is not None:
        return contact.operator.name
    reason = reason_label(contact.reason)
    if reason:
        return QCoreApplication.translate("ContactsModel", "— unassigned: {reason}").format(
            reason=reason
        )
    return QCoreApplication.translate("ContactsModel", "— unassigned")


def operator_tooltip(contact: ContactInfo) -> str:
    if contact.operator is not None:
        return contact.operator.name
    reason = reason_label(contact.reason) or QCoreApplication.translate(
        "ContactsModel", "no reason recorded"
    )
    return QCoreApplication.translate(
        "ContactsModel", "Nobody took this contact: {reason}."
    ).format(reason=reason)


def state_text(contact: ContactInfo) -> str:
    if contact.is_active:
        return QCoreApplication.translate("ContactsModel", "Active")
    return QCoreApplication.translate("ContactsModel", "Closed")


def source_text(contact: ContactInfo) -> str:
    return contact.source.name


def source_tooltip(contact: ContactInfo) -> str:
    source = contact.source
    return f"{source.name} ({source.code})" if source.code else source.name


def message_line(contact: ContactInfo) -> str:
    """The message on one line, cut to what a cell can show."""
    text = on_screen(" ".join(contact.message[: MESSAGE_CELL_CHARS * 2].split()))
    return text if len(text) <= MESSAGE_CELL_CHARS else text[:MESSAGE_CELL_CHARS] + "…"


def message_tooltip(contact: ContactInfo) -> str | None:
    message = on_screen(contact.message.strip())
    if not message:
        return None
    if len(message) > MESSAGE_TOOLTIP_CHARS:
        message = message[:MESSAGE_TOOLTIP_CHARS] + "…"
    # Rich text so that Qt wraps long lines in the tool tip.
    return "<p>" + html.escape(message).replace("\n", "<br>") + "</p>"


ALL_CONTACTS = ContactFilter()
_CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # none edits

# Why a header does not sort: only Created has an index for every filter; the
# others would read every matching contact to sort a page.
NOT_SORTED_TIPS = {
    ID: QT_TRANSLATE_NOOP(
        "ContactsModel", "Numbers follow arrival; sort by Created to see contacts in time order."
    ),
    LEAD: QT_TRANSLATE_NOOP(
        "ContactsModel",
        "Does not sort: on a large database that would read every contact. "
        "Find a lead with the search box instead.",
    ),
    SOURCE: QT_TRANSLATE_NOOP(
        "ContactsModel",
        "Does not sort: on a large database that would read every contact. "
        "Choose a source in the filter instead.",
    ),
    OPERATOR: QT_TRANSLATE_NOOP(
        "ContactsModel",
        "Does not sort: on a large database that would read every contact. "
        "Choose an operator in the filter instead.",
    ),
    STATE: QT_TRANSLATE_NOOP(
        "ContactsModel",
        "Does not sort: on a large database that would read every contact. "
        "Choose a state in the filter instead.",
    ),
    MESSAGE: QT_TRANSLATE_NOOP(
        "ContactsModel",
        "Does not sort: on a large database that would read every contact. "
        "Search the messages with the search box instead.",
    ),
}
SORTED_TIP = QT_TRANSLATE_NOOP("ContactsModel", "Click to show the newest or the oldest first")


class ContactsModel(PagedModel[ContactInfo]):
    """Contacts matching a ``ContactFilter``, loaded page by page in queue order.

    A filter of ``None`` shows nothing (a master-detail view with no master row).
    With ``counts``, every reload and refresh also counts the matching contacts in
    a worker (``total``, ``total_changed``), up to the service's cap.
    """

    total_changed = Signal()

    context = "ContactsModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "#"),
            lambda c: c.id,
            lambda c: c.id,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Created"),
            lambda c: local_time(c.created_at),
            lambda c: c.created_at.timestamp(),
        ),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Lead"),
            lead_text,
            lambda c: (c.lead.name.casefold(), c.lead.external_id),
            tooltip=lambda c: "\n".join(
                x for x in (on_screen(c.lead.name), display_external_id(c.lead.external_id)) if x
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Source"),
            source_text,
            lambda c: c.source.name.casefold(),
            tooltip=source_tooltip,
        ),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Operator"),
            operator_text,
            lambda c: c.operator.name.casefold() if c.operator else "",
            tooltip=operator_tooltip,
        ),
        Column(QT_TRANSLATE_NOOP("ContactsModel", "State"), state_text, lambda c: int(c.is_active)),
        Column(
            QT_TRANSLATE_NOOP("ContactsModel", "Message"),
            message_line,
            lambda c: c.message,
            tooltip=message_tooltip,
        ),
    )

    def __init__(
        self,
        crm: Crm,
        runner: TaskRunner,
        parent: Any = None,
        flt: ContactFilter | None = ALL_CONTACTS,
        newest_first: bool = True,
        counts: bool = False,
    ) -> None:
        super().__init__(runner, parent)
        self._crm = crm
        self._filter = flt
        self._newest_first = newest_first
        self._counts = counts
        self._total: ContactCount | None = None
        self._counting: ContactFilter | None = None  # the filter being counted now
        self._count_again = False
        self._count_failed = False  # the services refused to count the filter
        self._count_waits = False  # a count starts when the rows being read are in
        self.loading_changed.connect(self._rows_loaded)
        self._italic = QFont()
        self._italic.setItalic(True)
        # The shown texts of each loaded row, formatted once (a paint asks for every
        # visible cell several times; a date or a phone formatted each time made
        # painting 200 rows slow): contact id -> (the row they were made from, texts).
        self._cells: dict[int, tuple[ContactInfo, tuple[str, ...]]] = {}
        self._tones: tuple[int, QColor, QColor] | None = None  # palette key, dim, warn

    # -- what is shown ------------------------------------------------------------
    @property
    def filter(self) -> ContactFilter | None:
        return self._filter

    @property
    def newest_first(self) -> bool:
        return self._newest_first

    def set_filter(self, flt: ContactFilter | None) -> None:
        """Show the contacts matching ``flt`` (None: none at all); reloads on a change."""
        if flt != self._filter:
            self._filter = flt
            self.reload()

    def set_newest_first(self, newest_first: bool) -> None:
        if newest_first != self._newest_first:
            self._newest_first = newest_first
            self.reload()

    # -- the total -----------------------------------------------------------------------
    @property
    def total(self) -> ContactCount | None:
        """How many contacts match the filter (None while unknown)."""
        return self._total

    @property
    def count_failed(self) -> bool:
        """True when counting the current filter failed (a refused search text): no
        total is coming until the filter changes or the data does."""
        return self._count_failed

    def reload(self) -> None:
        if self._counts and (self._total is not None or self._count_failed):
            self._total = None
            self._count_failed = False
            self.total_changed.emit()
        self._cells = {}
        super().reload()
        self._count_after_rows()

    def refresh(self) -> None:
        super().refresh()
        self._count_after_rows()

    def _count_after_rows(self) -> None:
        """Count once the rows are in: counting beside the page's read made the rows
        wait (a text search counts every message, seconds on a million contacts)."""
        if not self.busy:
            self._count()
        else:
            self._count_waits = True

    def _rows_loaded(self, busy: bool) -> None:
        if not busy and self._count_waits:
            self._count_waits = False
            self._count()

    def _count(self) -> None:
        """Count in a worker; while one count runs, a later change counts once after it."""
        flt = self._filter
        if not self._counts or flt is None:
            return
        if self._counting is not None:
            self._count_again = True
            return
        self._counting = flt
        contacts = self._crm.contacts

        def done(total: ContactCount) -> None:
            if not isValid(self):
                return  # the window was rebuilt (a language) while this counted
            counted, self._counting = self._counting, None
            if counted == self._filter:
                self._total = total
                self._count_failed = False
                self.total_changed.emit()
            else:  # the filter changed meanwhile
                self._count_again = True
            self._recount()

        def failed(error: BaseException) -> None:
            if not isValid(self):
                return
            counted, self._counting = self._counting, None
            if counted == self._filter:
                self._total = None
                self._count_failed = True
                self.total_changed.emit()
            self.failed.emit(error)
            self._recount()

        self._runner.start(lambda _ctx: contacts.count(flt), done, failed)

    def _recount(self) -> None:
        if self._count_again:
            self._count_again = False
            self._count()

    # -- PagedModel (``fetch`` runs on a worker thread) ------------------------------
    def fetch(
        self, after: Hashable | None, through: Hashable | None, limit: int
    ) -> list[ContactInfo]:
        flt, newest_first = self._filter, self._newest_first
        if flt is None:
            return []
        return self._crm.contacts.page(
            flt,
            newest_first=newest_first,
            after=after,  # type: ignore[arg-type]
            through=through,  # type: ignore[arg-type]
            limit=limit,
        )

    def page_key(self, row: ContactInfo) -> Hashable:
        return contact_key(row)

    # -- Qt ----------------------------------------------------------------------------
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.InitialSortOrderRole
            and orientation == Qt.Orientation.Horizontal
            and section == CREATED
        ):
            return Qt.SortOrder.DescendingOrder
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            tip = NOT_SORTED_TIPS.get(section, SORTED_TIP if section == CREATED else None)
            return None if tip is None else QCoreApplication.translate(self.context, tip)
        return super().headerData(section, orientation, role)

    def cells(self, row: int) -> tuple[str, ...]:
        """The shown texts of ``row``, one per column, from the cache: formatted once per
        row object (a refresh that changes a row brings a new object, formatted anew)."""
        contact = self._rows[row]
        cached = self._cells.get(contact.id)
        if cached is not None and cached[0] is contact:
            return cached[1]
        if len(self._cells) > 2 * len(self._rows) + self.page_size:
            self._cells = {c.id: e for c in self._rows if (e := self._cells.get(c.id))}
        texts = tuple(str(column.display(contact)) for column in self.columns)
        self._cells[contact.id] = (contact, texts)
        return texts

    def _tone(self, warn: bool) -> QColor:
        """The dim and warning colours of the palette in use, read once per palette."""
        key = QGuiApplication.palette().cacheKey()
        if self._tones is None or self._tones[0] != key:
            self._tones = (key, color(Tone.DIM), color(Tone.WARN))  # ui/theme.py's
        return self._tones[2] if warn else self._tones[1]

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        if role == _DISPLAY:
            texts = self.cells(row)
            return self._rows[row].id if index.column() == ID else texts[index.column()]
        if role not in (_FONT, _FOREGROUND):
            return super().data(index, role)
        contact = self._rows[row]
        unassigned_cell = index.column() == OPERATOR and contact.operator is None
        if role == _FONT:
            return self._italic if unassigned_cell else None
        if not contact.is_active:
            return self._tone(warn=False)  # the palette's, light or dark (ui/theme.py)
        return self._tone(warn=True) if unassigned_cell else None
