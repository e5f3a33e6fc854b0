"""One ceiling for every limit, daily cap and weight typed in the window: the services'
``MAX_COUNT`` (1 000 000), in the add form, the in-place editors and the dialogs alike
(the Operators screen's limit box stopped at 100 000 while the CLI took 1 000 000)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSpinBox, QToolTip

from desktop_crm.services.common import MAX_COUNT
from desktop_crm.ui.delegates import count_spin
from desktop_crm.ui.formats import apply_locale, number_text
from desktop_crm.ui.models.operators import MAX_LOAD
from desktop_crm.ui.models.weights import WEIGHT
from desktop_crm.ui.pages.operators import OperatorsPage
from desktop_crm.ui.pages.sources import SourcesPage


def _type(qtbot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    spin.interpretText()


def _open_editor(qtbot, view, index) -> QSpinBox:
    view.setCurrentIndex(index)
    view.edit(index)
    QCoreApplication.processEvents()
    editor = view.indexWidget(index)
    assert isinstance(editor, QSpinBox)
    return editor


def test_an_operator_is_added_with_the_services_largest_limit(qtbot, ctx, settle, shown_page):
    page = shown_page(OperatorsPage)
    page.name_edit.setText("Анна")
    _type(qtbot, page.max_load_spin, "1000000")
    assert page.max_load_spin.value() == MAX_COUNT
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert ctx.crm.operators.get("Анна").max_load == MAX_COUNT
    _type(qtbot, page.max_load_spin, "9999999")  # one more digit is not taken
    assert page.max_load_spin.value() <= MAX_COUNT


def test_the_limit_edited_in_place_takes_what_the_services_take(qtbot, ctx, settle, shown_page):
    ctx.crm.operators.create("Анна", max_load=5)
    page = shown_page(OperatorsPage)
    index = page.proxy.index(0, MAX_LOAD)
    editor = _open_editor(qtbot, page.table, index)
    assert (editor.minimum(), editor.maximum()) == (0, MAX_COUNT)
    editor.selectAll()
    qtbot.keyClicks(editor, "1000000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert ctx.crm.operators.get("Анна").max_load == MAX_COUNT
    assert not page.table_message.isVisible()


def test_the_daily_cap_and_the_weights_stop_at_the_same_ceiling(
    qtbot, ctx, staffed, settle, shown_page
):
    page = shown_page(OperatorsPage)
    page.table.selectRow(0)
    dialog = page.edit_day()
    assert dialog is not None
    assert dialog.daily_cap.maximum() == MAX_COUNT
    dialog.reject()

    sources = shown_page(SourcesPage)
    sources.table.selectRow(0)
    settle()
    weight = _open_editor(qtbot, sources.weights_table, sources.weights_model.index(0, WEIGHT))
    assert (weight.minimum(), weight.maximum()) == (0, MAX_COUNT)
    qtbot.keyClick(weight, Qt.Key.Key_Escape)
    sources.tabs.setCurrentIndex(1)
    cell = _open_editor(qtbot, sources.grid, sources.grid_model.index(0, 0))
    assert (cell.minimum(), cell.maximum()) == (0, MAX_COUNT)


# -- a number typed above the ceiling becomes the ceiling, never a number not typed ------
# (Qt refused the digit that crossed it: "2000000" and Enter stored 200 000, silently)

ABOVE = "2000000"


def _type_above(qtbot, spin: QSpinBox, text: str = ABOVE) -> None:
    """Type ``text`` over the box's value; it is kept as typed, and the box says why it
    will not be taken whole."""
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    assert spin.text() == text  # no digit refused while typing
    assert QToolTip.isVisible() and QToolTip.text() == f"At most {number_text(MAX_COUNT)}"


def test_a_limit_typed_above_the_ceiling_in_place_is_stored_as_the_ceiling(
    qtbot, ctx, settle, shown_page
):
    ctx.crm.operators.create("Анна", max_load=5)
    page = shown_page(OperatorsPage)
    editor = _open_editor(qtbot, page.table, page.proxy.index(0, MAX_LOAD))
    _type_above(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert ctx.crm.operators.get("Анна").max_load == MAX_COUNT
    assert not page.table_message.isVisible()
    assert not QToolTip.isVisible()  # the editor closed, and its note with it


def test_a_limit_typed_above_the_ceiling_in_the_add_form_is_the_ceiling(
    qtbot, ctx, settle, shown_page
):
    page = shown_page(OperatorsPage)
    page.name_edit.setText("Борис")
    page.max_load_spin.setFocus()
    _type_above(qtbot, page.max_load_spin, "1500000")
    page.add_button.click()  # as by its shortcut: the box keeps the focus
    assert ctx.crm.operators.get("Борис").max_load == MAX_COUNT
    assert page.max_load_spin.value() == MAX_COUNT


def test_a_daily_cap_typed_above_the_ceiling_is_saved_as_the_ceiling(
    qtbot, ctx, staffed, settle, shown_page
):
    page = shown_page(OperatorsPage)
    page.table.selectRow(0)
    name = page.selected_operator().name
    dialog = page.edit_day()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.daily_cap.setFocus()
    _type_above(qtbot, dialog.daily_cap)
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.daily_cap, Qt.Key.Key_Return)  # OK, by keyboard
    assert ctx.crm.operators.get(name).daily_cap == MAX_COUNT


def test_a_weight_and_a_plan_cell_typed_above_the_ceiling_are_the_ceiling(
    qtbot, ctx, staffed, settle, shown_page
):
    sources = shown_page(SourcesPage)
    sources.table.selectRow(0)
    settle()
    source = sources.selected_source().name
    index = sources.weights_model.index(0, WEIGHT)
    operator = sources.weights_model.rows()[0].operator.name
    weight = _open_editor(qtbot, sources.weights_table, index)
    _type_above(qtbot, weight)
    qtbot.keyClick(weight, Qt.Key.Key_Return)
    settle()  # the view commits and closes the editor
    assert index.data(Qt.ItemDataRole.EditRole) == MAX_COUNT  # not yet saved
    sources.save_weights()
    assert {w.operator.name: w.weight for w in ctx.crm.sources.get(source).weights}[
        operator
    ] == MAX_COUNT

    sources.tabs.setCurrentIndex(1)
    grid = sources.grid_model
    cell = _open_editor(qtbot, sources.grid, grid.index(1, 1))
    _type_above(qtbot, cell)
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    settle()
    plan_source, plan_operator = grid.sources()[1].name, grid.operators()[1].name
    assert {w.operator.name: w.weight for w in ctx.crm.sources.get(plan_source).weights}[
        plan_operator
    ] == MAX_COUNT


def test_the_ceiling_is_said_in_the_windows_language(qtbot, russian):
    apply_locale("ru")
    spin = count_spin()
    qtbot.addWidget(spin)
    spin.show()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1 500 000")
    assert QToolTip.text() == "Не больше 1\u00a0000\u00a0000"
    spin.interpretText()
    assert spin.value() == MAX_COUNT
