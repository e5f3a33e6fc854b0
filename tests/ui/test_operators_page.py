from PySide6.QtCore import QModelIndex, Qt

from desktop_crm.ui.models.operators import ACTIVE, LOAD, MAX_LOAD, NAME, OperatorsModel
from desktop_crm.ui.pages.operators import OperatorsPage


def names(model):
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, ctx, staffed, settle):
    model = OperatorsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    qtmodeltester.check(model)
    assert model.index(0, LOAD).data() in {"3 / 3", "1 / 2", "0 / 2", "2 / 3", "1 / 3", "2 / 2"}
    ctx.crm.operators.create("Вера")
    model.reload()
    settle()
    qtmodeltester.check(model)
    assert model.rowCount() == 3


def test_add_rename_limit_and_deactivate_through_the_widgets(qtbot, ctx, settle):
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    settle()
    page.name_edit.setText("Анна")
    page.max_load_spin.setValue(4)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert names(page.proxy) == ["Анна"]
    assert ctx.crm.operators.get("Анна").max_load == 4

    model = page.model
    assert model.setData(model.index(0, NAME), "Анна Петрова")
    assert model.setData(model.index(0, MAX_LOAD), 7)
    assert model.setData(
        model.index(0, ACTIVE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    stored = ctx.crm.operators.get("Анна Петрова")
    assert (stored.max_load, stored.active) == (7, False)


def test_errors_appear_where_the_user_typed(qtbot, ctx, settle):
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.name_edit.setText("   ")
    page.add_operator()
    assert page.form_message.isVisible()
    assert "empty" in page.form_message.text()
    ctx.crm.operators.create("Анна")
    ctx.crm.operators.create("Борис")
    page.reload()
    settle()
    row = names(page.model).index("Борис")
    assert not page.model.setData(page.model.index(row, NAME), "Анна")
    assert page.table_message.isVisible() and "already exists" in page.table_message.text()
    assert sorted(o.name for o in ctx.crm.operators.list()) == ["Анна", "Борис"]


def test_refresh_after_a_change_keeps_the_selection(qtbot, ctx, staffed, settle):
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.reload()
    settle()
    page.table.selectRow(1)
    selected = page.selected_operator().name
    ctx.crm.operators.update(selected, max_load=9)  # emits a change; the page reloads
    settle()
    assert page.selected_operator().name == selected
    assert page.selected_operator().max_load == 9


def test_delete_asks_and_explains_refusals(qtbot, ctx, staffed, settle, monkeypatch):
    monkeypatch.setattr("desktop_crm.ui.pages.operators.ask", lambda *a: True)
    page = OperatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    page.table.selectRow(names(page.proxy).index("Анна Смирнова"))
    page.delete_selected()
    assert "deactivate" in page.table_message.text()
    ctx.crm.operators.create("Вера")
    settle()
    page.table.selectRow(names(page.proxy).index("Вера"))
    page.delete_selected()
    settle()
    assert "Вера" not in names(page.proxy)
    assert page.model.index(0, 0).parent() == QModelIndex()
