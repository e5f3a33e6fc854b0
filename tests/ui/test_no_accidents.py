"""Issue 10, "nothing changes by accident": typing on a table edits nothing, edits can
be undone, messages do not move the rows, and messages follow the data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTableView

from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.operators import MAX_LOAD
from desktop_crm.ui.models.operators import NAME as OPERATOR_NAME
from desktop_crm.ui.models.sources import NAME as SOURCE_NAME
from desktop_crm.ui.models.weights import WEIGHT
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
    window.show_page("operators")
    page = window.pages["operators"]
    focus_cell(qtbot, page.table, 0, OPERATOR_NAME)
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
