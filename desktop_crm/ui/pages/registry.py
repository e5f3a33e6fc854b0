"""The screens, in the order of the navigation list (Ctrl+1, Ctrl+2, ...)."""

from __future__ import annotations

from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.pages.board import BoardPage
from desktop_crm.ui.pages.contacts import ContactsPage
from desktop_crm.ui.pages.imports import ImportsPage
from desktop_crm.ui.pages.journal import JournalPage
from desktop_crm.ui.pages.leads import LeadsPage
from desktop_crm.ui.pages.operators import OperatorsPage
from desktop_crm.ui.pages.sources import SourcesPage
from desktop_crm.ui.pages.statistics import StatisticsPage

PAGE_CLASSES: list[type[Page]] = [
    BoardPage,  # the first screen of the day
    ContactsPage,
    LeadsPage,
    OperatorsPage,
    SourcesPage,
    StatisticsPage,
    ImportsPage,
    JournalPage,
]
