"""The window's exports (Leads and Contacts, with the current filter, in a worker)
and the Leads screen's "Erase personal data…" action."""

from __future__ import annotations

import csv
import threading

import pytest

from desktop_crm.csv_writer import CsvWriter
from desktop_crm.services import exports as exports_service
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.ui import exporting
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages import leads as leads_page
from desktop_crm.ui.pages.contacts import ContactsPage
from desktop_crm.ui.pages.leads import LeadsPage
from desktop_crm.ui.pages.registry import PAGE_CLASSES


def read(path):
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.reader(file, delimiter=";"))


ASKED: list = []


@pytest.fixture
def target(tmp_path, monkeypatch):
    path = tmp_path / "экспорт.csv"
    ASKED.clear()
    monkeypatch.setattr(
        exporting,
        "choose_csv_path",
        lambda parent, title, suggested: ASKED.append((title, suggested)) or path,
    )
    return path


def show(qtbot, widget, settle):
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.reload()
    settle()
    return widget


def test_leads_export_follows_the_search_and_covers_unloaded_rows(
    qtbot, ctx, staffed, settle, target, monkeypatch
):
    from desktop_crm.ui.models.paged import PagedModel

    monkeypatch.setattr(PagedModel, "page_size", 2)  # the export is not the loaded page
    for i in range(5):
        ctx.crm.contacts.register(ContactRequest(f"+7911000000{i}", "tg", name=f"Искомый {i}"))
    page = show(qtbot, LeadsPage(ctx), settle)
    page.search_edit.setText("искомый")
    page.apply_search()
    settle()
    assert page.export_action.isEnabled() and page.export_action.shortcut().toString() == "Ctrl+E"
    page.export_action.trigger()
    settle()
    header, *rows = read(target)
    assert header[1] == "External id"
    assert sorted(r[2] for r in rows) == [f"Искомый {i}" for i in range(5)]
    assert ASKED[0][1].name.startswith("leads_")
    assert "Saved 5 row(s)" in page.message.text()


def test_contacts_export_follows_the_filter(qtbot, ctx, staffed, settle, target):
    page = show(qtbot, ContactsPage(ctx), settle)
    ctx.crm.contacts.close(ctx.crm.contacts.page(ContactFilter())[0].id)
    index = page.state_combo.findData(ContactState.CLOSED.value)
    page.state_combo.setCurrentIndex(index)
    settle()
    page.export_button.click()
    settle()
    header, *rows = read(target)
    assert header[-1] == "Message" and len(rows) == 1 and rows[0][7] == "no"
    assert "Saved 1 row(s)" in page.message.text()


def test_an_export_can_be_cancelled_and_leaves_no_file(
    qtbot, ctx, staffed, settle, target, monkeypatch
):
    monkeypatch.setattr(exports_service, "PROGRESS_EVERY", 1)
    first_row_written = threading.Event()
    cancelled = threading.Event()
    original = CsvWriter.writerow

    def writerow(self, row):
        original(self, row)
        if self.count == 2:  # the header and one row: hold the worker until Cancel
            first_row_written.set()
            assert cancelled.wait(5)

    monkeypatch.setattr(CsvWriter, "writerow", writerow)
    page = show(qtbot, ContactsPage(ctx), settle)
    page.export_button.click()
    assert first_row_written.wait(5)
    assert page.export_button.text() == "Cancel export"
    page.export_button.click()  # cancels
    cancelled.set()
    settle()
    assert not page.exporter.running
    assert not target.exists()
    assert list(target.parent.glob("*.tmp")) == []
    assert "cancelled" in page.message.text()
    assert page.export_button.text() == "Export to CSV…"


def test_an_export_error_is_shown_inline(qtbot, ctx, staffed, settle, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "choose_csv_path", lambda *a: tmp_path)  # a folder
    page = show(qtbot, LeadsPage(ctx), settle)
    page.export_csv()
    settle()
    assert page.message.isVisible() and "folder" in page.message.text()


def test_erase_asks_names_what_happens_and_erases(qtbot, ctx, staffed, settle, monkeypatch):
    ctx.crm.contacts.register(
        ContactRequest("+79005550001", "tg", name="Секретова", message="тайна")
    )
    page = show(qtbot, LeadsPage(ctx), settle)
    assert not page.erase_action.isEnabled()  # nothing selected
    row = [page.model.row_at(r).external_id for r in range(page.model.rowCount())]
    page.table.selectRow(row.index("+79005550001"))
    assert page.erase_action.isEnabled()
    asked = []
    monkeypatch.setattr(leads_page, "confirm_erase", lambda parent, lead: asked.append(lead))
    page.erase_action.trigger()  # answered "Cancel"
    settle()
    assert asked[0].external_id == "+79005550001"
    assert ctx.crm.leads.find("+79005550001") is not None

    monkeypatch.setattr(leads_page, "confirm_erase", lambda parent, lead: True)
    page.erase_action.trigger()
    settle()
    assert ctx.crm.leads.find("+79005550001") is None
    assert "Personal data erased" in page.message.text()
    settle()
    ids = [page.model.row_at(r).external_id for r in range(page.model.rowCount())]
    assert sum(i.startswith("erased:") for i in ids) == 1 and len(ids) == 5
    page.table.selectRow([i.startswith("erased:") for i in ids].index(True))
    assert not page.erase_action.isEnabled()  # already erased


def test_the_confirmation_names_the_person_and_the_consequences(qtbot, ctx, staffed):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_crm.domain.external_id import display_external_id

    lead = ctx.crm.leads.page()[0]
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text() + " " + box.informativeText()
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert leads_page.confirm_erase(None, lead) is False
    shown = display_external_id(lead.external_id)  # "+7 900 000-00-03", as the list shows it
    assert shown in seen["text"] and "cannot be undone" in seen["text"]
    assert "statistics do not change" in seen["text"]


def test_exports_sit_in_the_file_menu(qtbot, ctx, staffed):
    window = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Export leads…" in texts and "Export contacts…" in texts
