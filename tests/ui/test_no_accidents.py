"""Issue 10, "nothing changes by accident": typing on a table edits nothing, edits can
be undone, messages do not move the rows, and messages follow the data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.ui.decision_view import decision_html
from desktop_crm.ui.intake import IntakeForm
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.base import ROW_ROLE
from desktop_crm.ui.models.operators import ACTIVE, MAX_LOAD
from desktop_crm.ui.models.operators import NAME as OPERATOR_NAME
from desktop_crm.ui.models.sources import CODE, OPERATORS
from desktop_crm.ui.models.sources import NAME as SOURCE_NAME
from desktop_crm.ui.models.weights import SHARE, WEIGHT, percent_text
from desktop_crm.ui.pages.registry import PAGE_CLASSES


@pytest.fixture
def window(qtbot, ctx, staffed, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.reload()
    settle()
    return win


def type_text(qtbot, text: str) -> None:
    """Type as a person does: every key goes to whatever has the focus at that moment."""
    for char in text:
        qtbot.keyClick(QApplication.focusWidget(), char)


def stored_state(crm):
    operators = [(o.name, o.active, o.max_load) for o in crm.operators.list()]
    sources = [
        (s.name, s.code, [(w.operator.name, w.weight) for w in s.weights])
        for s in crm.sources.list()
    ]
    return operators, sources


def test_no_table_in_the_window_starts_editing_on_any_key(window):
    views = window.findChildren(QAbstractItemView)
    assert views
    for view in views:
        triggers = view.editTriggers()
        assert not triggers & QAbstractItemView.EditTrigger.AnyKeyPressed, view


def focus_cell(qtbot, table: QTableView, row: int, column: int) -> None:
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(row, column))


def test_typing_on_operators_adds_an_operator_and_renames_nothing(qtbot, window, ctx, settle):
    before = stored_state(ctx.crm)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # View > Operators
    page = window.pages["operators"]
    qtbot.waitUntil(lambda: window.current_page_name() == "operators")
    focus_cell(qtbot, page.table, 0, OPERATOR_NAME)  # the table has the keyboard
    type_text(qtbot, "Olga New")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle()
    assert page.table.state() != QAbstractItemView.State.EditingState
    names = [o.name for o in ctx.crm.operators.list()]
    assert "Olga New" in names
    assert sorted(names) == sorted([o[0] for o in before[0]] + ["Olga New"])
    focus_cell(qtbot, page.table, 0, MAX_LOAD)
    type_text(qtbot, "-5")
    assert page.table.state() != QAbstractItemView.State.EditingState
    after = {o.name: o.max_load for o in ctx.crm.operators.list()}
    assert all(after[name] == limit for name, _active, limit in before[0])
    assert page.name_edit.text() == "-5"  # the keys went to the new operator's name


@pytest.mark.parametrize("which", ["sources", "weights", "grid"])
def test_typing_on_the_sources_tables_edits_nothing(qtbot, window, ctx, settle, which):
    before = stored_state(ctx.crm)
    window.show_page("sources")
    page = window.pages["sources"]
    if which == "grid":
        page.tabs.setCurrentIndex(1)
        table, column = page.grid, 0
    elif which == "weights":
        table, column = page.weights_table, WEIGHT
    else:
        table, column = page.table, SOURCE_NAME
    focus_cell(qtbot, table, 0, column)
    type_text(qtbot, "7x")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    settle()
    assert table.state() != QAbstractItemView.State.EditingState
    assert not page.weights_model.is_dirty()
    assert stored_state(ctx.crm) == before


# -- Undo and Redo ----------------------------------------------------------------------------
def row_of(model, name):
    return next(r for r in range(model.rowCount()) if model.row_at(r).name == name)


def undo(window, qtbot, settle):
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    settle()


def redo(window, qtbot, settle):
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    settle()


def test_edit_menu_has_undo_and_redo_with_the_usual_keys(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert "&Edit" in menus
    assert window.undo_action.shortcuts()[0] == QKeySequence("Ctrl+Z")
    assert {s.toString() for s in window.redo_action.shortcuts()} == {"Ctrl+Shift+Z", "Ctrl+Y"}
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_undo_and_redo_of_operator_edits(qtbot, window, ctx, settle):
    window.show_page("operators")
    model = window.pages["operators"].model
    row = row_of(model, "Борис")
    assert model.setData(model.index(row, OPERATOR_NAME), "Борис Петров")
    settle()
    row = row_of(model, "Борис Петров")
    assert model.setData(model.index(row, MAX_LOAD), 9)
    assert model.setData(
        model.index(row, ACTIVE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    settle()
    assert "Make Борис Петров inactive" in window.undo_action.text()
    focus = window.pages["operators"].table
    focus.setFocus()
    qtbot.waitUntil(focus.hasFocus)
    qtbot.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the real key
    settle()
    assert ctx.crm.operators.get("Борис Петров").active is True
    undo(window, qtbot, settle)
    assert ctx.crm.operators.get("Борис Петров").max_load == 2
    undo(window, qtbot, settle)
    assert ctx.crm.operators.get("Борис").max_load == 2
    assert not window.undo_action.isEnabled()
    redo(window, qtbot, settle)
    redo(window, qtbot, settle)
    stored = ctx.crm.operators.get("Борис Петров")
    assert (stored.max_load, stored.active) == (9, True)
    assert "Redone" in window.statusBar().currentMessage()


def test_an_undo_that_is_no_longer_valid_says_so_and_changes_nothing(
    qtbot, window, ctx, settle, monkeypatch
):
    notices = []
    monkeypatch.setattr(
        "desktop_crm.ui.main_window.notify_error", lambda _p, _t, text: notices.append(text)
    )
    crm = ctx.crm
    window.show_page("operators")  # edited where they are shown (a hidden screen waits)
    crm.operators.create("Вера", max_load=1)
    crm.sources.create("Чат", code="chat")
    crm.sources.set_weights("chat", {"Вера": 1})
    settle()
    model = window.pages["operators"].model
    other = row_of(model, "Борис")
    assert model.setData(model.index(other, MAX_LOAD), 5)  # an older, still valid edit
    assert model.setData(model.index(row_of(model, "Вера"), MAX_LOAD), 3)
    for number in range(3):  # Вера's load becomes 3: the old limit 1 cannot come back
        crm.contacts.register(ContactRequest(f"chat-{number}", "chat"))
    settle()
    undo(window, qtbot, settle)
    assert crm.operators.get("Вера").max_load == 3
    message = window.statusBar().currentMessage()
    assert "Cannot undo" in message and "cannot be lower" in message
    assert "Nothing was changed" in message and notices == [message]
    # The stack stays consistent: the refused step is gone, the older one undoes.
    assert "Борис" in window.undo_action.text()
    undo(window, qtbot, settle)
    assert crm.operators.get("Борис").max_load == 2


def test_an_operator_renamed_elsewhere_is_not_renamed_back(qtbot, window, ctx, settle):
    model = window.pages["operators"].model
    assert model.setData(model.index(row_of(model, "Борис"), OPERATOR_NAME), "Борис Б.")
    ctx.crm.operators.update("Борис Б.", name="Борис Иванов")  # someone else
    settle()
    undo(window, qtbot, settle)
    assert ctx.crm.operators.get("Борис Иванов").name == "Борис Иванов"
    assert "changed meanwhile" in window.statusBar().currentMessage()


def test_undo_and_redo_of_source_edits_and_weights(qtbot, window, ctx, settle):
    crm = ctx.crm
    window.show_page("sources")
    page = window.pages["sources"]
    model = page.sources_model
    row = row_of(model, "Сайт")
    assert model.setData(model.index(row, SOURCE_NAME), "Сайт компании")
    settle()
    assert model.setData(model.index(row_of(model, "Сайт компании"), CODE), "web")
    settle()
    undo(window, qtbot, settle)
    assert crm.sources.get("Сайт компании").code == "site"
    undo(window, qtbot, settle)
    assert crm.sources.get("site").name == "Сайт"
    redo(window, qtbot, settle)
    assert crm.sources.get("site").name == "Сайт компании"

    # The weights editor: the whole set saved at once.
    assert page.select_source(crm.sources.get("tg").id)
    settle()
    weights = page.weights_model
    assert weights.setData(weights.index(0, WEIGHT), 7)
    page.save_weights()
    settle()
    assert sorted(w.weight for w in crm.sources.get("tg").weights) == [1, 7]
    undo(window, qtbot, settle)
    assert sorted(w.weight for w in crm.sources.get("tg").weights) == [1, 1]
    redo(window, qtbot, settle)
    assert sorted(w.weight for w in crm.sources.get("tg").weights) == [1, 7]

    # The plan grid: one pair, saved at once.
    grid = page.grid_model
    site = [s.name for s in grid.sources()].index("Сайт компании")
    boris = [o.name for o in grid.operators()].index("Борис")
    assert grid.setData(grid.index(site, boris), 4)
    settle()
    stored = {w.operator.name: w.weight for w in crm.sources.get("site").weights}
    assert stored == {"Анна Смирнова": 2, "Борис": 4}
    undo(window, qtbot, settle)
    stored = {w.operator.name: w.weight for w in crm.sources.get("site").weights}
    assert stored == {"Анна Смирнова": 2}


def contacts_page(window, settle):
    window.show_page("contacts")
    page = window.pages["contacts"]
    settle()
    return page


def select_contacts(page, wanted):
    selection = page.table.selectionModel()
    selection.clearSelection()
    model = page.table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ROW_ROLE).id in wanted:
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_undo_of_close_and_reopen_single_and_several(qtbot, window, ctx, settle, monkeypatch):
    monkeypatch.setattr("desktop_crm.ui.pages.contacts.ask", lambda *_a: True)
    crm = ctx.crm
    page = contacts_page(window, settle)
    all_ids = [c.id for c in crm.contacts.page(ContactFilter())]
    select_contacts(page, all_ids[:1])
    page.close_selected()
    settle()
    select_contacts(page, all_ids[1:3])
    page.close_selected()
    settle()
    assert [crm.contacts.get(i).is_active for i in all_ids[:3]] == [False] * 3
    assert "Close 2 contact" in window.undo_action.text()
    undo(window, qtbot, settle)
    assert [crm.contacts.get(i).is_active for i in all_ids[:3]] == [False, True, True]
    undo(window, qtbot, settle)
    assert all(crm.contacts.get(i).is_active for i in all_ids[:3])
    redo(window, qtbot, settle)
    assert not crm.contacts.get(all_ids[0]).is_active
    select_contacts(page, all_ids[:1])
    page.reopen_selected()
    settle()
    assert crm.contacts.get(all_ids[0]).is_active
    undo(window, qtbot, settle)
    assert not crm.contacts.get(all_ids[0]).is_active


def test_undo_of_a_close_refused_when_the_operator_filled_up(qtbot, window, ctx, settle):
    crm = ctx.crm
    crm.operators.create("Вера", max_load=1)
    crm.sources.create("Чат", code="chat")
    crm.sources.set_weights("chat", {"Вера": 1})
    first = crm.contacts.register(ContactRequest("chat-1", "chat")).contact
    page = contacts_page(window, settle)
    select_contacts(page, [first.id])
    page.close_selected()
    settle()
    crm.contacts.register(ContactRequest("chat-2", "chat"))  # Вера is full again
    undo(window, qtbot, settle)
    assert not crm.contacts.get(first.id).is_active
    assert "Cannot undo" in window.statusBar().currentMessage()
    assert "at the limit" in window.statusBar().currentMessage()


def test_undo_of_assignments_back_to_each_previous_operator(
    qtbot, window, ctx, settle, monkeypatch
):
    crm = ctx.crm
    crm.operators.create("Вера", max_load=10)
    page = contacts_page(window, settle)
    before = {c.id: c.operator.id for c in crm.contacts.page(ContactFilter())}
    vera = crm.operators.get("Вера").id
    monkeypatch.setattr(
        "desktop_crm.ui.pages.contacts.assign_dialog.choose_operator", lambda *_a: vera
    )
    select_contacts(page, list(before))
    page.assign_selected()
    settle()
    assert {crm.contacts.get(i).operator.id for i in before} == {vera}
    assert "Assign 4 contact" in window.undo_action.text()
    undo(window, qtbot, settle)
    assert {i: crm.contacts.get(i).operator.id for i in before} == before
    redo(window, qtbot, settle)
    assert {crm.contacts.get(i).operator.id for i in before} == {vera}
    # Someone else takes one of them meanwhile: the undo changes nothing and says why.
    moved = next(iter(before))
    crm.operators.update("Анна Смирнова", max_load=10)
    crm.contacts.assign([moved], "Анна Смирнова")
    settle()
    undo(window, qtbot, settle)
    assert crm.contacts.get(moved).operator.name == "Анна Смирнова"
    others = [i for i in before if i != moved]
    assert {crm.contacts.get(i).operator.id for i in others} == {vera}
    message = window.statusBar().currentMessage()
    assert f"#{moved}" in message and "changed meanwhile" in message


def test_undo_of_an_assignment_from_the_queue_puts_it_back(qtbot, window, ctx, settle, monkeypatch):
    crm = ctx.crm
    crm.sources.create("Пусто", code="empty")
    queued = crm.contacts.register(ContactRequest("q-1", "empty")).contact
    assert queued.operator is None
    page = contacts_page(window, settle)
    boris = crm.operators.get("Борис")
    crm.operators.update("Борис", max_load=boris.load + 1)
    monkeypatch.setattr(
        "desktop_crm.ui.pages.contacts.assign_dialog.choose_operator", lambda *_a: boris.id
    )
    select_contacts(page, [queued.id])
    page.assign_selected()
    settle()
    assert crm.contacts.get(queued.id).operator.name == "Борис"
    undo(window, qtbot, settle)
    back = crm.contacts.get(queued.id)
    assert back.operator is None and back.reason == queued.reason
    history = crm.contacts.history(queued.id)
    names = {d.operator.id: d.operator.name for d in history if d.operator is not None}
    shown = decision_html(history[-1], names)
    assert "Put back to the queue from Борис (an assignment undone)." in shown


# -- Messages do not move the rows; an edited row stays put ----------------------------------
def row_top(page, table, row):
    """Where a row is drawn, in the page's coordinates."""
    rect = table.visualRect(table.model().index(row, 0))
    return table.viewport().mapTo(page, rect.topLeft())


def test_messages_do_not_move_the_operators_rows(qtbot, window, ctx, settle):
    window.show_page("operators")
    page = window.pages["operators"]
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 2)
    before = row_top(page, page.table, 1)
    page.name_edit.setText("Борис")
    page.add_operator()  # "already exists": a red message
    QApplication.processEvents()
    assert page.form_message.isVisible()
    assert row_top(page, page.table, 1) == before
    page.form_message.clear_message()
    page.table_message.show_error("x " * 300)  # a long one
    QApplication.processEvents()
    assert row_top(page, page.table, 1) == before
    page.name_edit.setText("Вера")
    page.add_operator()  # "Added": a green one, which hides itself later
    settle()
    assert row_top(page, page.table, 1) == before


def test_messages_do_not_move_the_sources_rows(qtbot, window, ctx, settle):
    window.show_page("sources")
    page = window.pages["sources"]
    qtbot.waitUntil(lambda: page.table.model().rowCount() == 2)
    before = row_top(page, page.table, 1)
    weights_before = row_top(page, page.weights_table, 1)
    page.name_edit.setText("Сайт")
    page.add_source()
    QApplication.processEvents()
    assert page.form_message.isVisible()
    page.weights_message.show_error("Что-то пошло не так " * 20)
    page.strategy_message.show_error("Ошибка")
    QApplication.processEvents()
    assert row_top(page, page.table, 1) == before
    assert row_top(page, page.weights_table, 1) == weights_before


def test_an_edited_limit_keeps_its_row_until_the_next_sort(qtbot, window, ctx, settle):
    window.show_page("operators")
    page = window.pages["operators"]
    page.table.sortByColumn(MAX_LOAD, Qt.SortOrder.AscendingOrder)
    settle()
    proxy = page.proxy
    order = [proxy.index(r, OPERATOR_NAME).data() for r in range(proxy.rowCount())]
    assert order == ["Борис", "Анна Смирнова"]  # limits 2 and 3
    assert proxy.setData(proxy.index(0, MAX_LOAD), 50)
    settle()  # the change comes back from the database too
    assert [proxy.index(r, OPERATOR_NAME).data() for r in range(proxy.rowCount())] == order
    assert proxy.index(0, MAX_LOAD).data() == "50"  # shown as the window writes numbers
    page.table.sortByColumn(MAX_LOAD, Qt.SortOrder.AscendingOrder)  # asked: sorted now
    assert [proxy.index(r, OPERATOR_NAME).data() for r in range(proxy.rowCount())] == [
        "Анна Смирнова",
        "Борис",
    ]


# -- Messages follow the data they describe ---------------------------------------------------
def test_unassigned_outcome_follows_its_contact(qtbot, ctx, settle):
    crm = ctx.crm
    crm.operators.create("Анна", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.contacts.register(ContactRequest("first", "site"))  # Анна is full now
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.external_id.setText("second")
    form.register()
    text = form.outcome.text()
    assert "left unassigned" in text
    contact_id = int(text.split("#")[1].split()[0])
    crm.operators.update("Анна", max_load=2)
    crm.queue.drain()  # the queue gives it to Анна
    settle()
    qtbot.waitUntil(lambda: "left unassigned" not in form.outcome.text())
    assert f"Contact #{contact_id} went to Анна" in form.outcome.text()


def test_add_a_source_first_goes_once_a_source_exists(qtbot, ctx, settle):
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    assert "Add a source first" in form.lead_status.text()
    ctx.crm.sources.create("Сайт")
    settle()
    qtbot.waitUntil(lambda: "Add a source first" not in form.lead_status.text())
    assert form.register_button.isEnabled()


def test_sources_count_and_share_only_who_really_gets_contacts(qtbot, window, ctx, settle):
    crm = ctx.crm
    crm.operators.create("Неактивная", max_load=5, active=False)
    crm.sources.create("Чат", code="chat")
    crm.sources.set_weights("chat", {"Неактивная": 5})
    window.show_page("sources")
    page = window.pages["sources"]
    settle()
    assert page.select_source(crm.sources.get("chat").id)
    settle()
    assert "0 operator" in page.total_label.text()  # not "1 operator gets contacts"
    weights = page.weights_model
    rows = {r.operator.name: r for r in weights.rows()}
    share_of = lambda name: weights.index(weights.rows().index(rows[name]), SHARE).data()  # noqa: E731
    assert share_of("Неактивная") == "—"
    assert weights.setData(weights.index(weights.rows().index(rows["Анна Смирнова"]), WEIGHT), 3)
    rows = {r.operator.name: r for r in weights.rows()}
    assert share_of("Анна Смирнова") == percent_text(1.0)  # not 3 / 8 = 37.5 %
    assert share_of("Неактивная") == "—"  # not 62.5 %
    expected = 1 if ctx.crm.operators.get("Анна Смирнова").has_room else 0
    assert f"{expected} operator" in page.total_label.text()
    tooltip = page.sources_model.index(
        page.sources_model.row_of(crm.sources.get("chat").id), OPERATORS
    ).data(Qt.ItemDataRole.ToolTipRole)
    assert "Неактивная: 5 (0 %)" in tooltip
