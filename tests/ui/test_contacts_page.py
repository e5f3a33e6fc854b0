import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.events import Change
from desktop_crm.ui.models.base import ROW_ROLE
from desktop_crm.ui.models.contacts import CREATED, OPERATOR, STATE, ContactsModel
from desktop_crm.ui.models.paged import PagedModel
from desktop_crm.ui.pages.contacts import ContactsPage


def contacts(model):
    return [model.row_at(r) for r in range(model.rowCount())]


def ids(model):
    return [c.id for c in contacts(model)]


def load_all(model, settle):
    settle()
    while model.canFetchMore():
        model.fetchMore()
        settle()


def register(crm, external_id, source="tg", name="", minutes_ago=None):
    created = None
    if minutes_ago is not None:
        created = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago)
    return crm.contacts.register(
        ContactRequest(external_id, source, name=name, message="Привет", created_at=created)
    ).contact


def choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def select_ids(page, wanted):
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row, contact in enumerate(contacts(page.model)):
        if contact.id in wanted:
            selection.select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


@pytest.fixture
def page(shown_page):
    return shown_page(ContactsPage, 1100, 700)


def test_model_passes_the_model_tester(qtmodeltester, ctx, staffed, settle):
    model = ContactsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    for i in range(3):  # the fifth and later find everybody at the limit
        register(ctx.crm, f"+7911000000{i}")
    model.refresh()
    settle()
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    unassigned = [r for r in range(7) if model.row_at(r).operator is None]
    assert unassigned
    index = model.index(unassigned[0], OPERATOR)
    assert index.data().startswith("— unassigned: all operators are at their limit")
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "at their limit" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, STATE).data() == "Active"


def test_pages_come_newest_first_until_exhausted(monkeypatch, ctx, staffed, settle):
    monkeypatch.setattr(PagedModel, "page_size", 5)
    for i in range(19):
        register(ctx.crm, f"+7922000{i:04d}", source="site", minutes_ago=i % 4)
    expected = [c.id for c in ctx.crm.contacts.page(ContactFilter(), limit=1000)]
    assert len(expected) == 23
    model = ContactsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    assert model.rowCount() == 5 and model.canFetchMore()
    load_all(model, settle)
    assert ids(model) == expected  # newest first, no duplicates
    assert model.exhausted
    created = [c.created_at for c in contacts(model)]
    assert created == sorted(created, reverse=True)

    model.set_newest_first(False)
    load_all(model, settle)
    assert ids(model) == expected[::-1]
    # Everything loaded, oldest first: a new contact still shows up at the end.
    new = register(ctx.crm, "+79229999999")
    model.refresh()
    settle()
    assert ids(model)[-1] == new.id and len(set(ids(model))) == 24


class HeldRunner:
    """Runs tasks only when the test says so, in the order it chooses."""

    def __init__(self):
        self.tasks = []

    def start(self, work, on_success=None, on_error=None, on_progress=None):
        self.tasks.append((work, on_success))

    def finish(self, number):
        work, on_success = self.tasks[number]
        on_success(work(None))


def test_a_late_result_after_a_filter_change_is_dropped(monkeypatch, ctx, staffed):
    monkeypatch.setattr(PagedModel, "page_size", 3)
    runner = HeldRunner()
    model = ContactsModel(ctx.crm, runner)
    model.set_filter(ContactFilter(state=ContactState.ACTIVE))  # task 0
    model.set_filter(ContactFilter(state=ContactState.ALL))  # task 1 starts over
    runner.finish(0)  # the stale page arrives: dropped, and the model is still loading
    assert model.rowCount() == 0 and model.busy
    model.fetchMore()  # the view asks while task 1 is in flight: nothing new starts
    assert len(runner.tasks) == 2
    runner.finish(1)
    assert ids(model) == [4, 3, 2] and not model.busy
    model.fetchMore()
    runner.finish(2)
    assert ids(model) == [4, 3, 2, 1] and model.exhausted


def test_filters_by_state_source_and_operator(staffed, page, ctx, settle):
    for i in range(3):
        register(ctx.crm, f"+7933000000{i}")  # the team is full: unassigned
    register(ctx.crm, "+79330000009", source="site")
    settle()
    assert page.model.rowCount() == 8
    assert page.source_combo.count() == 3 and page.operator_combo.count() == 3

    choose(page.state_combo, ContactState.UNASSIGNED.value)
    settle()
    rows = contacts(page.model)
    expected = ctx.crm.contacts.page(ContactFilter(state=ContactState.UNASSIGNED))
    assert [c.id for c in rows] == [c.id for c in expected] and len(rows) >= 2
    assert all(c.operator is None and c.is_active for c in rows)
    texts = [page.model.index(r, OPERATOR).data() for r in range(len(rows))]
    assert all("all operators are at their limit" in t for t in texts)
    page.table.selectRow(0)
    assert page.detail.reason.text() == "All operators are at their limit."
    assert page.detail.operator.text() == "nobody (unassigned)"

    choose(page.state_combo, ContactState.ALL.value)
    choose(page.source_combo, ctx.crm.sources.get("site").id)
    settle()
    assert {c.source.name for c in contacts(page.model)} == {"Сайт"}
    borys = ctx.crm.operators.get("Борис").id
    choose(page.source_combo, None)
    choose(page.operator_combo, borys)
    settle()
    rows = contacts(page.model)
    assert rows and all(c.operator and c.operator.id == borys for c in rows)

    choose(page.source_combo, ctx.crm.sources.get("site").id)  # Борис has no weight there
    settle()
    assert page.model.rowCount() == 0
    assert page.empty_hint.isVisible() and "match the filter" in page.empty_hint.text()


def test_filter_choices_refresh_in_place_keeping_the_choice(staffed, page, ctx, settle):
    site = ctx.crm.sources.get("site").id
    choose(page.source_combo, site)
    settle()
    ctx.crm.sources.create("WhatsApp", code="wa")
    ctx.crm.operators.update("Борис", active=False)
    settle()
    assert page.source_combo.count() == 4 and page.source_combo.currentData() == site
    texts = [page.operator_combo.itemText(i) for i in range(page.operator_combo.count())]
    assert "Борис (inactive)" in texts
    assert page.model.filter.source_id == site


def test_close_and_reopen_several_with_a_refusal(staffed, page, ctx, settle, monkeypatch):
    asked = []
    monkeypatch.setattr(
        "desktop_crm.ui.pages.contacts.ask", lambda *args: asked.append(args[2]) or True
    )
    anna = [c.id for c in contacts(page.model) if c.operator and c.operator.name == "Анна Смирнова"]
    assert len(anna) >= 2
    select_ids(page, set(anna))
    assert page.close_action.isEnabled() and not page.reopen_action.isEnabled()
    page.close_action.trigger()
    settle()
    assert asked and str(len(anna)) in asked[0]
    assert page.message.text().startswith(f"Closed {len(anna)} contact")
    assert all(not ctx.crm.contacts.get(i).is_active for i in anna)
    assert all(not c.is_active for c in page.selected_contacts())  # refreshed in place
    assert page.reopen_action.isEnabled() and not page.close_action.isEnabled()

    ctx.crm.operators.update("Анна Смирнова", max_load=1)
    settle()
    page.reopen_selected()
    settle()
    text = page.message.text()
    assert text.startswith("Reopened 1 contact")
    assert f"{len(anna) - 1} contact" in text and "could not be reopened" in text
    assert "is at the limit (1)" in text
    assert sum(ctx.crm.contacts.get(i).is_active for i in anna) == 1


def test_a_new_contact_slides_in_at_the_top_keeping_the_selection(staffed, page, ctx, settle):
    page.table.selectRow(2)
    chosen = page.selected_contacts()[0]
    new = register(ctx.crm, "+79440000000", name="Новый")  # the bridge tells the page
    settle()
    assert ids(page.model)[0] == new.id
    assert [c.id for c in page.selected_contacts()] == [chosen.id]
    assert page.detail.title.text() == f"Contact #{chosen.id}"

    ctx.bridge.changed.emit(frozenset({Change.EXTERNAL}))  # another process wrote
    settle()
    assert [c.id for c in page.selected_contacts()] == [chosen.id]


def test_rows_arriving_above_keep_the_scrolled_view_still(staffed, page, ctx, settle):
    ctx.crm.operators.update("Анна Смирнова", max_load=1000)
    for i in range(60):
        register(ctx.crm, f"+7955000{i:04d}", source="site")
    settle()
    page.resize(900, 420)
    load_all(page.model, settle)
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = page.model.row_at(page.table.rowAt(0)).id
    offset = page.table.rowViewportPosition(page.table.rowAt(0))
    for i in range(3):
        register(ctx.crm, f"+7966000000{i}", source="site")
    settle()
    assert ids(page.model)[:3] == sorted(ids(page.model)[:3], reverse=True)
    row = ids(page.model).index(top)
    assert page.table.rowAt(0) == row
    assert page.table.rowViewportPosition(row) == offset

    bar.setValue(0)  # at the top the new rows show up where the user looks
    newest = register(ctx.crm, "+79660000009", source="site")
    settle()
    assert page.model.row_at(page.table.rowAt(0)).id == newest.id


def test_created_header_and_order_combo_sort_in_sql(staffed, page, ctx, settle):
    newest = ids(page.model)
    header = page.table.horizontalHeader()
    header.setSortIndicator(CREATED, Qt.SortOrder.AscendingOrder)
    settle()
    assert ids(page.model) == newest[::-1]
    assert page.order_combo.currentData() is False
    header.setSortIndicator(OPERATOR, Qt.SortOrder.AscendingOrder)  # not sortable
    settle()
    assert header.sortIndicatorSection() == CREATED
    assert ids(page.model) == newest[::-1]
    choose(page.order_combo, True)
    settle()
    assert ids(page.model) == newest
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_actions_for_the_menu(staffed, page, ctx, settle, qtbot):
    assign, close, reopen, answered = page.page_actions()
    assert answered.shortcut() == QKeySequence("Ctrl+Shift+Y")
    assert assign.shortcut() == QKeySequence("Ctrl+Shift+A")
    assert close.shortcut() == QKeySequence("Ctrl+Shift+C")
    assert reopen.shortcut() == QKeySequence("Ctrl+Shift+R")
    assert not assign.isEnabled() and not close.isEnabled() and not reopen.isEnabled()
    assert not answered.isEnabled()
    page.table.selectRow(0)
    assert close.isEnabled() and assign.isEnabled() and answered.isEnabled()
    assert page.table.selectionModel().selectedRows()[0].data(ROW_ROLE).is_active
    chosen = page.selected_contacts()[0].id
    page.table.setFocus()
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    settle()
    assert not ctx.crm.contacts.get(chosen).is_active
    assert reopen.isEnabled()
    page.hide()  # another screen is showing: the menu items do nothing
    assert not close.isEnabled() and not assign.isEnabled()


def test_empty_database_shows_a_hint(page, settle):
    assert page.model.rowCount() == 0
    assert page.empty_hint.isVisible() and "No contacts yet" in page.empty_hint.text()
    assert page.count_label.text().startswith("0 contact")  # numerus: "contact(s)" untranslated
