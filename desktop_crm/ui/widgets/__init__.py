"""Reusable widgets that any page or dialog may use; no page imports another page."""

from desktop_crm.ui.widgets.contacts_table import configure_contacts_table
from desktop_crm.ui.widgets.empty import EmptyHint
from desktop_crm.ui.widgets.labels import ClickableLabel, ElidedLabel, hint_label
from desktop_crm.ui.widgets.messages import InlineMessage
from desktop_crm.ui.widgets.tables import (
    EDIT_TRIGGERS,
    FittedColumns,
    ScrollAnchor,
    make_table,
    selected_rows,
    sorting_proxy,
    tab_leaves,
)

__all__ = [
    "EDIT_TRIGGERS",
    "ClickableLabel",
    "ElidedLabel",
    "EmptyHint",
    "FittedColumns",
    "InlineMessage",
    "ScrollAnchor",
    "configure_contacts_table",
    "hint_label",
    "make_table",
    "selected_rows",
    "sorting_proxy",
    "tab_leaves",
]
