"""Operators and sources are listed in natural order in the window's language wherever
one is chosen from a list, as the tables sort them ("Оператор 2" before "Оператор 10",
Ё beside Е, case aside), not in the order of their code points."""

from __future__ import annotations

import pytest

from desktop_crm.ui import application
from desktop_crm.ui.main_window import MainWindow
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
