"""Counts are written with the window language's digit groups wherever the window shows
them ("2 996 997" in Russian, "2,996,997" in English), as Statistics writes them: the
Board, the load bars, the Operators screen, the weights editor, the plan and the Assign
dialog (they printed "2996997")."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.decisions import DrawInfo
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.refs import OperatorRef
from desktop_crm.ui import application
from desktop_crm.ui.assign_dialog import AssignDialog
from desktop_crm.ui.decision_view import draw_text
from desktop_crm.ui.formats import apply_locale, number_text
from desktop_crm.ui.models.board import O_LOAD, O_TODAY, S_ROOM, S_WAITING
from desktop_crm.ui.models.operators import LOAD, MAX_LOAD, TODAY
from desktop_crm.ui.models.weights import WEIGHT
from desktop_crm.ui.pages.board import BoardPage
from desktop_crm.ui.pages.operators import OperatorsPage
from desktop_crm.ui.pages.sources import SourcesPage
from desktop_crm.ui.undo import operator_edit_text

NBSP = "\u00a0"
RAW = ("999999", "500000", "2996997", "1000000", "999996")


@pytest.fixture(params=["ru", "en"])
def language(request, qapp):
    application.install_translations(qapp, request.param)
    apply_locale(request.param)
    yield request.param
    application.remove_translations(qapp)


def grouped(language: str, digits: str) -> str:
    """'2996997' as the language writes it."""
    text = f"{int(digits):,}"
    return text.replace(",", NBSP) if language == "ru" else text


@pytest.fixture
def big(crm):
    crm.operators.create("Анна", max_load=999_999)
    crm.operators.create("Борис", max_load=1_000_000)
    crm.operators.update("Анна", daily_cap=500_000)
    crm.sources.create("Телеграм", code="tg")
    crm.sources.set_weights("tg", {"Анна": 999_999, "Борис": 1_000_000})
    crm.sources.set_weights("tg", {"Анна": 999_999})
    for number in range(3):
        crm.contacts.register(ContactRequest(f"+7900000000{number}", "tg", name="Лид"))
    return crm


def texts(model, column: int, role=Qt.ItemDataRole.DisplayRole) -> list[str]:
    return [str(model.index(row, column).data(role)) for row in range(model.rowCount())]


def no_raw(*shown: str) -> None:
    for text in shown:
        assert not any(raw in text for raw in RAW), text


def test_the_one_helper_groups_digits_by_the_window_language(qapp):
    apply_locale("ru")
    assert number_text(2_996_997) == f"2{NBSP}996{NBSP}997"
    assert number_text(12.5, 1) == "12,5"
    apply_locale("en")
    assert number_text(2_996_997) == "2,996,997"


def test_the_board_groups_the_waiting_the_room_the_loads_and_today(
    qtbot, ctx, big, shown_page, monkeypatch, language
):
    real = big.board.snapshot

    def many_waiting():
        board = real()
        sources = tuple(
            dataclasses.replace(s, waiting=2_996_997, room=1_000_000) for s in board.sources
        )
        return dataclasses.replace(board, sources=sources)

    monkeypatch.setattr(big.board, "snapshot", many_waiting)
    page = shown_page(BoardPage)
    summary = page.summary.text()
    assert grouped(language, "2996997") in summary
    assert texts(page.sources_model, S_WAITING) == [grouped(language, "2996997")]
    assert texts(page.sources_model, S_ROOM) == [grouped(language, "1000000")]
    loads = texts(page.operators_model, O_LOAD)
    assert f"3 / {grouped(language, '999999')}" in loads
    assert f"0 / {grouped(language, '1000000')}" in loads
    assert f"3 / {grouped(language, '500000')}" in texts(page.operators_model, O_TODAY)
    no_raw(summary, *loads, *texts(page.sources_model, S_WAITING))
    # Sorting still goes by the numbers, not the text.
    assert page.sources_model.index(0, S_WAITING).data(Qt.ItemDataRole.UserRole + 1) == 2_996_997


def test_the_operators_screen_groups_loads_and_limits(qtbot, ctx, big, shown_page, language):
    page = shown_page(OperatorsPage)
    model = page.model
    assert f"3 / {grouped(language, '999999')}" in texts(model, LOAD)
    assert grouped(language, "1000000") in texts(model, MAX_LOAD)
    assert model.index(0, MAX_LOAD).data(Qt.ItemDataRole.EditRole) in (999_999, 1_000_000)
    no_raw(*texts(model, LOAD), *texts(model, MAX_LOAD), *texts(model, TODAY))


def test_the_weights_editor_and_the_plan_group_weights_loads_and_room(
    qtbot, ctx, big, shown_page, language
):
    page = shown_page(SourcesPage)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.weights_model.rowCount() == 2)
    weights = page.weights_model
    shown = texts(weights, WEIGHT) + texts(weights, 2)  # the weights, the load bars
    assert grouped(language, "999999") in texts(weights, WEIGHT)
    assert any(f"3 / {grouped(language, '999999')}" in text for text in shown)
    assert grouped(language, "999999") in page.total_label.text()
    tips = texts(weights, WEIGHT, Qt.ItemDataRole.ToolTipRole) + texts(
        weights, 4, Qt.ItemDataRole.ToolTipRole
    )
    no_raw(*shown, page.total_label.text(), *tips)

    grid = page.grid_model
    headers = [
        str(grid.headerData(c, Qt.Orientation.Horizontal)) for c in range(grid.columnCount())
    ]
    cells = texts(grid, 0) + texts(grid, 1) + texts(grid, grid.total_column())
    tips = [
        str(grid.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole))
        for c in range(grid.total_column())
    ] + texts(grid, 0, Qt.ItemDataRole.ToolTipRole)
    assert grouped(language, "999999") in cells
    assert any(grouped(language, "999996") in header for header in headers)
    no_raw(*headers, *cells, *tips)
    summary = page.sources_model.index(0, 2)
    no_raw(str(summary.data()), str(summary.data(Qt.ItemDataRole.ToolTipRole)))


def test_the_assign_dialog_groups_the_room(qtbot, big, language):
    dialog = AssignDialog(big.operators.list(), 1_234_567)
    qtbot.addWidget(dialog)
    model = dialog.model
    rooms = texts(model, 1)
    assert any(grouped(language, "999996") in text for text in rooms)
    tips = texts(model, 1, Qt.ItemDataRole.ToolTipRole)
    no_raw(*rooms, *tips, dialog.warning.text())
    assert grouped(language, "1234567") in dialog.intro.text()


def test_why_a_contact_went_where_and_the_undo_name_group_them_too(qapp, language):
    """The Contacts screen's decision view and the Edit menu's undo text write the same
    numbers the same way."""
    anna = OperatorRef(1, "Анна")
    lottery = DrawInfo(anna, True, 999_999, 1_000_000, "")
    assert draw_text(lottery).endswith(
        f"{grouped(language, '999999')} {'из' if language == 'ru' else 'of'} "
        f"{grouped(language, '1000000')}"
    )
    least = DrawInfo(anna, True, None, None, "load 999996 of 999999")
    no_raw(draw_text(least))
    before = OperatorInfo(1, "Анна", True, 5, 0)
    text = operator_edit_text(before, dataclasses.replace(before, max_load=1_000_000))
    assert grouped(language, "1000000") in text
