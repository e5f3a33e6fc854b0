import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_crm.domain.distribution import STRATEGY_NAMES
from desktop_crm.errors import DatabaseBusy
from desktop_crm.services.events import Change
from desktop_crm.ui.models.base import RAW_ROLE
from desktop_crm.ui.models.sources import CODE, NAME, OPERATORS, STRATEGY, SourcesModel
from desktop_crm.ui.models.weight_grid import WeightGridModel
from desktop_crm.ui.models.weights import OPERATOR, SHARE, WEIGHT, WeightsModel, percent_text
from desktop_crm.ui.pages.sources import PLAN_TAB, SourcesPage


@pytest.fixture(autouse=True)
def no_real_dialogs(monkeypatch):
    """A question nobody expected fails the test instead of blocking it."""

    def unexpected(*args):
        raise AssertionError(f"unexpected question: {args[1:]}")

    monkeypatch.setattr("desktop_crm.ui.pages.sources.ask", unexpected)


def names(model, column=NAME):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def stored_weights(crm, source):
    return {w.operator.name: w.weight for w in crm.sources.get(source).weights}


def open_page(qtbot, ctx, settle):
    page = SourcesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    settle()
    return page


def select(page, name):
    page.table.selectRow(names(page.sources_proxy).index(name))
    assert page.selected_source().name == name


def weight_row(page, operator):
    return names(page.weights_model, OPERATOR).index(operator)


def set_weight(page, operator, weight):
    model = page.weights_model
    return model.setData(model.index(weight_row(page, operator), WEIGHT), weight)


def share(page, operator):
    return page.weights_model.index(weight_row(page, operator), SHARE)


def grid_cell(page, source, operator):
    grid = page.grid_model
    row = [s.name for s in grid.sources()].index(source)
    column = [o.name for o in grid.operators()].index(operator)
    return grid.index(row, column)


def test_models_pass_the_model_tester(qtmodeltester, qtbot, ctx, staffed, settle):
    page = open_page(qtbot, ctx, settle)
    assert page.weights_model.rowCount() == 2  # the first source is selected
    for model in (page.sources_model, page.weights_model, page.grid_model):
        qtmodeltester.check(model)
    ctx.crm.sources.create("ВКонтакте", code="vk")
    ctx.crm.operators.create("Вера Константинопольская-Щербакова", max_load=5)
    settle()
    for model in (page.sources_model, page.weights_model, page.grid_model):
        qtmodeltester.check(model)
    assert page.sources_model.rowCount() == 3
    assert page.weights_model.rowCount() == 3  # every operator, configured or not
    assert page.grid_model.columnCount() == 3 + 1  # the operators and the total


def test_standalone_models_pass_the_model_tester(qtmodeltester, ctx, staffed):
    sources, operators = ctx.crm.sources.list(), ctx.crm.operators.list()
    sources_model = SourcesModel(ctx.crm)
    sources_model.set_rows(sources)
    weights = WeightsModel()
    weights.set_source(sources[0], operators)
    grid = WeightGridModel(ctx.crm)
    grid.set_data(sources, operators)
    for model in (sources_model, weights, grid):
        qtmodeltester.check(model)
    assert weights.setData(weights.index(0, WEIGHT), 5)
    grid.set_data(sources[:1], operators[:1])  # fewer columns: a reset
    for model in (weights, grid):
        qtmodeltester.check(model)
    assert grid.index(0, 0).parent() == QModelIndex()


def test_empty_database_explains_what_to_do(qtbot, ctx, settle):
    page = open_page(qtbot, ctx, settle)
    assert page.sources_empty.showing_hint and "No sources yet" in page.sources_empty.text()
    assert page.weights_empty.showing_hint
    assert page.grid_empty.showing_hint
    ctx.crm.sources.create("Сайт")
    settle()
    assert not page.sources_empty.showing_hint
    assert page.selected_source().name == "Сайт"
    assert "No operators yet" in page.weights_empty.text()


def test_add_rename_and_recode_in_place(qtbot, ctx, settle):
    page = open_page(qtbot, ctx, settle)
    page.name_edit.setText("Telegram-бот «Консультант»")
    page.code_edit.setText("tg")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert names(page.sources_proxy) == ["Telegram-бот «Консультант»"]
    assert page.selected_source().code == "tg"
    assert page.name_edit.text() == "" and page.form_message.isVisible()

    model = page.sources_model
    assert model.setData(model.index(0, NAME), "Telegram")
    assert model.setData(model.index(0, CODE), "tg-bot")
    assert ctx.crm.sources.get("tg-bot").name == "Telegram"
    assert model.setData(model.index(0, CODE), "")  # clears the code
    assert ctx.crm.sources.get("Telegram").code is None
    assert "no operators" in model.index(0, OPERATORS).data().casefold()


def test_invalid_input_is_explained_and_changes_nothing(qtbot, ctx, settle):
    ctx.crm.sources.create("Сайт", code="site")
    page = open_page(qtbot, ctx, settle)
    model = page.sources_model
    for bad in ("12", "two words"):
        assert not model.setData(model.index(0, CODE), bad)
        assert page.table_message.isVisible() and "digits" in page.table_message.text()
    assert ctx.crm.sources.get("Сайт").code == "site"

    page.name_edit.setText("Форма")
    page.code_edit.setText("007")
    page.add_source()
    assert "digits" in page.form_message.text()
    page.name_edit.setText("сайт ")
    page.code_edit.setText("")
    ctx.crm.sources.create("Чат")
    page.name_edit.setText("Чат")
    page.add_source()
    assert "already exists" in page.form_message.text()
    assert sorted(s.name for s in ctx.crm.sources.list()) == ["Сайт", "Чат"]


def test_delete_asks_and_explains_refusals(qtbot, ctx, staffed, settle, monkeypatch):
    monkeypatch.setattr("desktop_crm.ui.pages.sources.ask", lambda *a: True)
    page = open_page(qtbot, ctx, settle)
    select(page, "Telegram-бот")
    page.delete_selected()
    assert "cannot be deleted" in page.table_message.text()
    select(page, "Сайт")
    page.delete_selected()
    settle()
    assert names(page.sources_proxy) == ["Telegram-бот"]
    assert [s.name for s in ctx.crm.sources.list()] == ["Telegram-бот"]
    assert page.selected_source().name == "Telegram-бот"  # the editor moved on
    assert page.weights_model.source.name == "Telegram-бот"


def test_weights_editor_shows_shares_saves_and_reverts(qtbot, ctx, staffed, settle):
    page = open_page(qtbot, ctx, settle)
    select(page, "Telegram-бот")
    assert share(page, "Борис").data() == percent_text(0.5)
    assert not page.save_button.isEnabled() and page.dirty_label.isHidden()

    assert set_weight(page, "Борис", 3)
    assert share(page, "Борис").data() == percent_text(0.75)  # live, before saving
    assert share(page, "Анна Смирнова").data(RAW_ROLE) == 0.25
    assert page.save_button.isEnabled() and not page.dirty_label.isHidden()
    assert stored_weights(ctx.crm, "tg") == {"Анна Смирнова": 1, "Борис": 1}
    assert not set_weight(page, "Борис", -1)  # never negative
    assert not set_weight(page, "Борис", 10_000_001)

    page.save_action.trigger()  # Ctrl+S
    assert stored_weights(ctx.crm, "tg") == {"Анна Смирнова": 1, "Борис": 3}
    assert not page.weights_model.is_dirty() and not page.save_button.isEnabled()

    assert set_weight(page, "Анна Смирнова", 9)
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.weights_model.is_dirty() is False
    assert page.weights_model.index(weight_row(page, "Анна Смирнова"), WEIGHT).data() == "1"


def test_saving_zero_keeps_configured_pairs_only(qtbot, ctx, staffed, settle):
    page = open_page(qtbot, ctx, settle)
    select(page, "Сайт")  # only Анна is configured
    assert set_weight(page, "Борис", 4)
    assert set_weight(page, "Борис", 0)  # back to "never"; was never stored
    assert set_weight(page, "Анна Смирнова", 0)  # stored before: kept, as an explicit 0
    assert set_weight(page, "Анна Смирнова", 0)
    assert page.weights_model.is_dirty()
    page.save_weights()
    assert stored_weights(ctx.crm, "site") == {"Анна Смирнова": 0}
    assert share(page, "Анна Смирнова").data() == "—"


def test_switching_with_unsaved_weights_asks(qtbot, ctx, staffed, settle, monkeypatch):
    answers = []
    monkeypatch.setattr("desktop_crm.ui.pages.sources.ask", lambda *a: answers.pop(0))
    page = open_page(qtbot, ctx, settle)
    select(page, "Telegram-бот")
    assert set_weight(page, "Борис", 7)
    answers.append(False)
    page.table.selectRow(names(page.sources_proxy).index("Сайт"))
    assert page.selected_source().name == "Telegram-бот"  # stayed
    assert page.weights_model.is_dirty()
    answers.append(True)
    select(page, "Сайт")
    assert page.weights_model.source.name == "Сайт"
    assert not page.weights_model.is_dirty()
    assert not answers
    assert stored_weights(ctx.crm, "tg") == {"Анна Смирнова": 1, "Борис": 1}


def test_grid_edits_one_pair_and_shows_headroom(qtbot, ctx, staffed, settle):
    page = open_page(qtbot, ctx, settle)
    page.tabs.setCurrentIndex(PLAN_TAB)
    grid = page.grid_model
    for column, operator in enumerate(ctx.crm.operators.list()):
        header = grid.headerData(column, Qt.Orientation.Horizontal)
        free = operator.max_load - operator.load
        assert header == f"{operator.name}\n{free} free of {operator.max_load}"
        assert operator.name in grid.headerData(
            column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
    assert grid_cell(page, "Сайт", "Борис").data() == "—"
    total = grid.index(0, grid.columnCount() - 1)
    assert grid.headerData(grid.columnCount() - 1, Qt.Orientation.Horizontal) == "Total weight"

    assert grid.setData(grid_cell(page, "Сайт", "Борис"), 4)
    assert stored_weights(ctx.crm, "site") == {"Анна Смирнова": 2, "Борис": 4}
    assert stored_weights(ctx.crm, "tg") == {"Анна Смирнова": 1, "Борис": 1}
    assert grid_cell(page, "Сайт", "Борис").data() == "4"
    assert not grid.setData(grid_cell(page, "Сайт", "Борис"), -3)
    assert not grid.setData(total, 5)  # the total is not editable
    settle()
    site_row = [s.name for s in grid.sources()].index("Сайт")
    assert grid.index(site_row, grid.columnCount() - 1).data() == "6"
    select(page, "Сайт")
    assert page.weights_model.index(weight_row(page, "Борис"), WEIGHT).data() == "4"


def test_grid_edit_of_the_edited_source_keeps_the_editor_in_step(qtbot, ctx, staffed, settle):
    page = open_page(qtbot, ctx, settle)
    select(page, "Сайт")
    assert page.grid_model.setData(grid_cell(page, "Сайт", "Борис"), 2)
    assert page.weights_model.index(weight_row(page, "Борис"), WEIGHT).data() == "2"
    assert not page.weights_model.is_dirty()


def test_refresh_keeps_the_selection_and_unsaved_weights(qtbot, ctx, staffed, settle):
    page = open_page(qtbot, ctx, settle)
    select(page, "Сайт")
    assert set_weight(page, "Борис", 5)
    ctx.crm.operators.update("Борис", max_load=9)  # emits a change; the page reloads
    ctx.crm.sources.create("Альфа")  # sorts before the selected one
    settle()
    assert page.selected_source().name == "Сайт"
    assert page.weights_model.is_dirty()
    row = weight_row(page, "Борис")
    assert page.weights_model.index(row, WEIGHT).data() == "5"
    assert page.weights_model.row_at(row).operator.max_load == 9
    column = [o.name for o in page.grid_model.operators()].index("Борис")
    assert "free of 9" in page.grid_model.headerData(column, Qt.Orientation.Horizontal)


def test_source_deleted_elsewhere_drops_the_editor(qtbot, ctx, staffed, settle):
    ctx.crm.sources.create("Пустой")
    page = open_page(qtbot, ctx, settle)
    select(page, "Пустой")
    assert set_weight(page, "Борис", 5)
    ctx.crm.sources.delete("Пустой")
    settle()
    assert page.weights_model.source is not None
    assert page.weights_model.source.name != "Пустой"
    assert "deleted elsewhere" in page.weights_message.text()


def test_state_is_saved_and_restored(qtbot, ctx, staffed, settle, preferences):
    page = open_page(qtbot, ctx, settle)
    page.tabs.setCurrentIndex(PLAN_TAB)
    page.save_state(preferences)
    again = SourcesPage(ctx)
    qtbot.addWidget(again)
    again.restore_state(preferences)
    assert again.tabs.currentIndex() == PLAN_TAB


# -- the strategy ---------------------------------------------------------------------------------
def test_strategy_and_repeat_rule_save_at_once_and_follow_other_changes(
    qtbot, ctx, staffed, settle
):
    page = open_page(qtbot, ctx, settle)
    select(page, "Сайт")
    combo, check = page.strategy_combo, page.repeat_check
    assert [combo.itemData(i) for i in range(combo.count())] == list(STRATEGY_NAMES)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Weighted random (lottery)",
        "Smooth round-robin",
        "Least loaded",
    ]
    assert all(combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count()))
    assert combo.currentData() == "weighted_random" and not check.isChecked()
    assert combo.isEnabled() and check.isEnabled()

    combo.setCurrentIndex(combo.findData("round_robin"))
    assert ctx.crm.sources.get("site").strategy == "round_robin"
    check.click()
    assert ctx.crm.sources.get("site").repeat_to_last is True
    assert ctx.crm.sources.get("tg").strategy == "weighted_random"  # only the selected one
    settle()
    row = page.sources_model.row_of(ctx.crm.sources.get("site").id)
    assert page.sources_model.index(row, STRATEGY).data() == "Round-robin + repeat"
    assert "turns" in page.sources_model.index(row, STRATEGY).data(Qt.ItemDataRole.ToolTipRole)
    assert "turns" in page.weights_hint.text()  # what the weights mean now

    select(page, "Telegram-бот")  # another source: its own settings
    assert combo.currentData() == "weighted_random" and not check.isChecked()
    select(page, "Сайт")
    assert combo.currentData() == "round_robin" and check.isChecked()

    ctx.crm.sources.update("site", strategy="least_loaded", repeat_to_last=False)  # elsewhere
    ctx.bridge.changed.emit(frozenset({Change.EXTERNAL}))
    settle()
    assert combo.currentData() == "least_loaded" and not check.isChecked()
    assert page.sources_model.index(row, STRATEGY).data() == "Least loaded"
    assert not page.strategy_message.isVisible()


def test_a_refused_strategy_change_shows_the_error_and_goes_back(
    qtbot, ctx, staffed, settle, monkeypatch
):
    page = open_page(qtbot, ctx, settle)
    select(page, "Сайт")

    def refuse(*args, **kwargs):
        raise DatabaseBusy("The database is busy; try again.")

    monkeypatch.setattr(ctx.crm.sources, "update", refuse)
    page.strategy_combo.setCurrentIndex(page.strategy_combo.findData("least_loaded"))
    assert page.strategy_message.isVisible()
    assert "busy" in page.strategy_message.text()
    assert page.strategy_combo.currentData() == "weighted_random"  # what is stored
    page.repeat_check.click()
    assert not page.repeat_check.isChecked()


def test_strategy_controls_wait_for_a_source(qtbot, ctx, settle):
    page = open_page(qtbot, ctx, settle)
    assert not page.strategy_combo.isEnabled() and not page.repeat_check.isEnabled()


def test_weights_hint_names_everyone_the_distributor_passes_over(qtbot, ctx, staffed, settle):
    """The hint under the weights names every reason a new contact skips an operator, in
    the words the decision view uses (a new rule in domain.eligibility must appear here)."""
    from desktop_crm.domain.eligibility import Exclusion
    from desktop_crm.ui.texts import exclusion_label

    page = open_page(qtbot, ctx, settle)
    select(page, "Сайт")
    not_for_a_new_contact = {Exclusion.WEIGHT_0, Exclusion.TIMED_OUT}  # 0 is said; a move's own
    for strategy in STRATEGY_NAMES:
        page.strategy_combo.setCurrentIndex(page.strategy_combo.findData(strategy))
        hint = page.weights_hint.text()
        for reason in set(Exclusion) - not_for_a_new_contact:
            assert exclusion_label(reason) in hint, (strategy, reason)
