"""Old messages go: a refused undo's status message goes with the next change; the
intake form's outcome goes when the next id is flagged or refused."""

from __future__ import annotations

import pytest

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.intake import IntakeForm
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES


@pytest.fixture
def window(qtbot, ctx, staffed, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.reload()
    settle()
    return win


@pytest.fixture
def form(qtbot, ctx, staffed):
    widget = IntakeForm(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def refused_undo(window, ctx, settle, monkeypatch):
    """Close a contact, fill its operator up, and undo the close: refused."""
    monkeypatch.setattr("desktop_crm.ui.main_window.notify_error", lambda *_a: None)
    crm = ctx.crm
    crm.operators.create("Вера", max_load=1)
    crm.sources.create("Чат", code="chat")
    crm.sources.set_weights("chat", {"Вера": 1})
    first = crm.contacts.register(ContactRequest("chat-1", "chat")).contact
    window.show_page("contacts")
    page = window.pages["contacts"]
    settle()
    page.table.selectionModel().clearSelection()
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).id == first.id:
            page.table.selectRow(row)
    page.close_selected()
    settle()
    crm.contacts.register(ContactRequest("chat-2", "chat"))  # Вера is full again
    window.undo_action.trigger()
    settle()
    assert "Cannot undo" in window.statusBar().currentMessage()


def test_a_refused_undo_message_goes_with_the_next_change(qtbot, window, ctx, settle, monkeypatch):
    refused_undo(window, ctx, settle, monkeypatch)
    settle()  # nothing else happened: the message stays
    assert "Cannot undo" in window.statusBar().currentMessage()
    ctx.crm.operators.create("Григорий", max_load=2)  # an unrelated change
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=5000)


def test_a_new_flagged_id_clears_the_previous_outcome(qtbot, form, ctx):
    ctx.crm.operators.update("Анна Смирнова", active=False)
    ctx.crm.operators.update("Борис", active=False)
    form.reload_sources()
    form.external_id.setText("+7 900 555-44-33")
    form.register()
    assert form.outcome.isVisible() and "unassigned" in form.outcome.text()
    qtbot.keyClicks(form.external_id, "+7 900 123-45-67-89")
    qtbot.waitUntil(form.plain_id_button.isVisible, timeout=5000)
    assert "too long" in form.id_message.text()
    assert not form.outcome.isVisible()


def test_a_refused_id_clears_the_previous_outcome(qtbot, form, ctx):
    form.external_id.setText("+7 900 555-44-33")
    form.register()
    assert form.outcome.isVisible() and "went to" in form.outcome.text()
    form.external_id.setText("   ")
    form.register()
    assert form.id_message.isVisible()
    assert not form.outcome.isVisible()
