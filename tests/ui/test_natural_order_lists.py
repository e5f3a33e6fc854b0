"""Operators and sources are listed in natural order in the window's language wherever
one is chosen from a list, as the tables sort them ("Оператор 2" before "Оператор 10",
Ё beside Е, case aside), not in the order of their code points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui import application, assign_dialog
from desktop_crm.ui.assign_dialog import AssignDialog
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.weights import WEIGHT
from desktop_crm.ui.pages.registry import PAGE_CLASSES

OPERATORS = ["Оператор 10", "Оператор 2", "оператор 1", "Ёлкин", "Елена", "Яков", "Анна"]
NATURAL = ["Анна", "Елена", "Ёлкин", "оператор 1", "Оператор 2", "Оператор 10", "Яков"]
SOURCES = {"s10": "Источник 10", "s2": "Источник 2", "s1": "источник 1", "e": "Ёжик"}


@pytest.fixture
def window(qtbot, ctx, settle, qapp):
    application.install_translations(qapp, "ru")
    for name in OPERATORS:
        ctx.crm.operators.create(name, max_load=5)
    for code, name in SOURCES.items():
        ctx.crm.sources.create(name, code=code)
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.show()
    qtbot.waitExposed(win)
    win.reload()
    settle()
    yield win
    application.remove_translations(qapp)


def _items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) is not None]


def test_the_contacts_filters_and_the_intake_list_in_natural_order(qtbot, window, settle):
    window.show_page("contacts")
    page = window.pages["contacts"]
    qtbot.waitUntil(lambda: len(_items(page.operator_combo)) == len(OPERATORS))
    assert _items(page.operator_combo) == NATURAL
    assert _items(page.source_combo) == ["Ёжик", "источник 1", "Источник 2", "Источник 10"]
    intake = [text.split(" (")[0] for text in _items(window.intake.source)]
    assert intake == ["Ёжик", "источник 1", "Источник 2", "Источник 10"]


def test_the_weights_editor_the_plan_and_the_assign_dialog_in_natural_order(
    qtbot, window, settle, monkeypatch
):
    """Every list of operators to pick from: the weights editor's rows, the plan's columns
    and the Assign dialog's rows, as the Contacts filter lists them."""
    window.show_page("sources")
    page = window.pages["sources"]
    assert page.select_source(page.sources_model.rows()[0].id)
    settle()
    rows = page.weights_model.rows()
    assert [r.operator.name for r in rows] == NATURAL
    grid = page.grid_model
    assert [o.name for o in grid.operators()] == NATURAL
    shown = [
        str(grid.headerData(c, Qt.Orientation.Horizontal)).split("\n")[0]
        for c in range(grid.total_column())
    ]
    assert shown == NATURAL

    seen: list[list[str]] = []

    def look(parent, operators, count, tags=()):
        dialog = AssignDialog(operators, count, parent, tags)
        seen.append([o.name for o in dialog.model.rows()])
        dialog.deleteLater()
        return None

    monkeypatch.setattr(assign_dialog, "choose_operator", look)
    ctx = page.ctx
    ctx.crm.contacts.register(ContactRequest("+79001112233", "s1", name="Лид"))
    window.show_page("contacts")
    contacts = window.pages["contacts"]
    settle()
    qtbot.waitUntil(lambda: contacts.table.model().rowCount() == 1)
    contacts.table.selectRow(0)
    contacts.assign_selected()
    assert seen == [NATURAL]


def test_weights_typed_in_natural_order_are_saved_to_their_operators(qtbot, window, settle):
    """The order on screen changes nothing of what is saved: each weight goes to the
    operator on its row, by id, in the editor and in the plan alike."""
    window.show_page("sources")
    page = window.pages["sources"]
    source = next(s for s in page.sources_model.rows() if s.code == "s2")
    assert page.select_source(source.id)
    settle()
    model = page.weights_model
    wanted = {name: number + 1 for number, name in enumerate(NATURAL)}
    for row, weight_row in enumerate(model.rows()):
        assert model.setData(model.index(row, WEIGHT), wanted[weight_row.operator.name])
    page.save_weights()
    stored = page.ctx.crm.sources.get(source.id)
    assert {w.operator.name: w.weight for w in stored.weights} == wanted

    grid = page.grid_model
    settle()
    row = [s.id for s in grid.sources()].index(source.id)
    column = [o.name for o in grid.operators()].index("Ёлкин")
    assert grid.setData(grid.index(row, column), 77)
    stored = page.ctx.crm.sources.get(source.id)
    assert {w.operator.name: w.weight for w in stored.weights} == {**wanted, "Ёлкин": 77}
