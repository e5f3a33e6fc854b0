"""A lead's name or message stored with control or bidi characters (before the intake
refused them) is shown with those characters escaped: nothing on screen is reordered,
coloured or rung (``domain.text.on_screen``); tabs and line breaks stay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services import contacts as contact_service
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.models.contacts import LEAD, MESSAGE, ContactsModel
from desktop_crm.ui.models.leads import LeadsModel
from desktop_crm.ui.pages.contacts import ContactDetail

RAW_NAME = "\x1b[31mИван\u202eвортеП"
RAW_MESSAGE = "звоните\x07 после \u202e18:00\r\n\tспасибо"
UNSAFE = ("\x1b", "\x07", "\u202e")


@pytest.fixture
def stored_raw(crm, monkeypatch):
    """A contact stored as an older version stored it: name and message unchecked."""
    crm.operators.create("Анна", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    with monkeypatch.context() as older:
        older.setattr(contact_service, "validate_request", lambda request: request)
        request = ContactRequest("+79000000001", "site", name=RAW_NAME, message=RAW_MESSAGE)
        return crm.contacts.register(request).contact


def _safe(text: object) -> bool:
    return isinstance(text, str) and not any(char in text for char in UNSAFE)


def test_tables_and_the_detail_show_the_characters_escaped(qtbot, ctx, stored_raw, settle):
    assert stored_raw.lead.name == RAW_NAME  # what is stored stays as it is
    model = ContactsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    for column in (LEAD, MESSAGE):
        index = model.index(0, column)
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert _safe(index.data(role)), (column, role, index.data(role))
    assert "\\x1b[31mИван\\u202eвортеП" in model.index(0, LEAD).data()
    leads = LeadsModel(ctx.crm, ctx.runner)
    leads.reload()
    settle()
    for column in range(leads.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = leads.index(0, column).data(role)
            assert value is None or not isinstance(value, str) or _safe(value)
    detail = ContactDetail()
    qtbot.addWidget(detail)
    detail.show_contact(stored_raw)
    assert _safe(detail.lead.text()) and _safe(detail.message.toPlainText())
    assert "\\x07" in detail.message.toPlainText()  # said, not rung
    assert "\n\tспасибо" in detail.message.toPlainText()  # lines and tabs stay
