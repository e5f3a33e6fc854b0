"""One ceiling for every limit, daily cap and weight typed in the window: the services'
``MAX_COUNT`` (1 000 000), in the add form, the in-place editors and the dialogs alike
(the Operators screen's limit box stopped at 100 000 while the CLI took 1 000 000)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSpinBox

from desktop_crm.services.common import MAX_COUNT
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


def test_an_operator_is_added_with_the_services_largest_limit(qtbot, ctx, settle):
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    page.name_edit.setText("Анна")
    _type(qtbot, page.max_load_spin, "1000000")
    assert page.max_load_spin.value() == MAX_COUNT
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert ctx.crm.operators.get("Анна").max_load == MAX_COUNT
    _type(qtbot, page.max_load_spin, "9999999")  # one more digit is not taken
    assert page.max_load_spin.value() <= MAX_COUNT


def test_the_limit_edited_in_place_takes_what_the_services_take(qtbot, ctx, settle):
    ctx.crm.operators.create("Анна", max_load=5)
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    index = page.proxy.index(0, MAX_LOAD)
    editor = _open_editor(qtbot, page.table, index)
    assert (editor.minimum(), editor.maximum()) == (0, MAX_COUNT)
    editor.selectAll()
    qtbot.keyClicks(editor, "1000000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    settle()
    assert ctx.crm.operators.get("Анна").max_load == MAX_COUNT
    assert not page.table_message.isVisible()


def test_the_daily_cap_and_the_weights_stop_at_the_same_ceiling(qtbot, ctx, staffed, settle):
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    page.table.selectRow(0)
    dialog = page.edit_day()
    assert dialog is not None
    assert dialog.daily_cap.maximum() == MAX_COUNT
    dialog.reject()

    sources = SourcesPage(ctx)
    qtbot.addWidget(sources)
    sources.show()
    sources.reload()
    settle()
    sources.table.selectRow(0)
    settle()
    weight = _open_editor(qtbot, sources.weights_table, sources.weights_model.index(0, WEIGHT))
    assert (weight.minimum(), weight.maximum()) == (0, MAX_COUNT)
    qtbot.keyClick(weight, Qt.Key.Key_Escape)
    sources.tabs.setCurrentIndex(1)
    cell = _open_editor(qtbot, sources.grid, sources.grid_model.index(0, 0))
    assert (cell.minimum(), cell.maximum()) == (0, MAX_COUNT)
