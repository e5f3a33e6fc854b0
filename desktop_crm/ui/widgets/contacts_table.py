"""The contacts table's columns, shared by the contacts and the leads screens."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.ui.models.contacts import CREATED, ID, LEAD, OPERATOR, SOURCE, STATE
from desktop_crm.ui.widgets.tables import FittedColumns

STATES = (
    QT_TRANSLATE_NOOP("ContactsModel", "Active"),
    QT_TRANSLATE_NOOP("ContactsModel", "Closed"),
)


def _state(text: str) -> str:
    return QCoreApplication.translate("ContactsModel", text)


def configure_contacts_table(table: QTableView, show_lead: bool = True) -> FittedColumns:
    """Column widths for the contacts columns; only Created sorts (in SQL)."""
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setSortingEnabled(False)
    table.setColumnHidden(LEAD, not show_lead)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(CREATED, Qt.SortOrder.DescendingOrder)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)  # the message takes what is left
    metrics = table.fontMetrics()
    em = metrics.horizontalAdvance("M")
    return FittedColumns(
        table,
        {
            ID: (0.0, metrics.horizontalAdvance("000000") + 16),
            CREATED: (0.0, metrics.horizontalAdvance("00.00.0000 00:00") + 34),
            LEAD: (0.2, em * 9),
            SOURCE: (0.12, em * 6),
            OPERATOR: (0.18, em * 9),
            STATE: (0.0, max(metrics.horizontalAdvance(_state(t)) for t in STATES) + 28),
        },
    )
