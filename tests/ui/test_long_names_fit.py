"""The longest names still fit a 1280 px wide laptop screen: every screen's minimum
width with them stays within it (a source's 72-character name in the weights title
pushed the intake form's Register button off-screen); what is cut shows whole in the
tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.assign_dialog import AssignDialog
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.weights import OPERATOR
from desktop_crm.ui.pages.registry import PAGE_CLASSES

LONG_OPERATOR = "Александра Константиновна Долгорукова-Оболенская-Святополк-Мирская"
LONG_SOURCE = "Сайт — форма обратной связи на странице «Контакты» главного офиса Москва"
OTHER_SOURCE = "Телеграм-бот «Консультант по кредитам и ипотеке для физических лиц» №1"
LONG_LEAD = "Елизавета-Александра Святославовна Долгорукова-Оболенская"
SCREEN_WIDTH = 1280


@pytest.fixture
def long_names(crm):
    operators = [f"{LONG_OPERATOR} {n}" for n in (1, 2, 3)]
    for name in operators:
        crm.operators.create(name, max_load=999_999)
    crm.sources.create(OTHER_SOURCE, code="tgbotconsultantcreditsmortgage01")
    crm.sources.create(LONG_SOURCE, code="site")
    for code in ("tgbotconsultantcreditsmortgage01", "site"):
        crm.sources.set_weights(code, {operators[0]: 999_999, operators[1]: 1})
    for number in range(5):
        crm.contacts.register(
            ContactRequest(
                f"+7900000{number:04d}",
                "tgbotconsultantcreditsmortgage01",
                name=f"{LONG_LEAD} {number}",
                message="Здравствуйте! " * 20,
            )
        )
    return crm


@pytest.fixture
def window(qtbot, ctx, long_names, settle) -> MainWindow:
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(SCREEN_WIDTH, 800)
    win.show()
    qtbot.waitExposed(win)
    win.reload()
    settle()
    return win


def test_the_weights_title_of_a_long_source_name_is_cut_and_the_window_fits(qtbot, window, settle):
    window.show_page("sources")
    page = window.pages["sources"]
    page.table.selectRow(0)  # by name: the site's
    settle()
    QCoreApplication.processEvents()
    assert page.selected_source().name == LONG_SOURCE
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH
    assert window.width() <= SCREEN_WIDTH
    # The title does not set the editor's width: the name is cut, whole in the tooltip.
    assert page.weights_title.minimumSizeHint().width() < 200
    assert LONG_SOURCE in page.weights_title.toolTip()
    assert page.weights_title.text() != page.weights_title.toolTip()


@pytest.mark.parametrize("name", [p.name for p in PAGE_CLASSES])
def test_every_screen_fits_with_the_longest_names(qtbot, window, settle, name):
    window.show_page(name)
    page = window.pages[name]
    table = getattr(page, "table", None)
    if table is not None and table.model() is not None and table.model().rowCount():
        table.selectRow(0)
    settle()
    QCoreApplication.processEvents()
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH, name
    assert window.width() <= SCREEN_WIDTH, name


def shown_names(view, column: int) -> list[str]:
    """The names as the view draws them in ``column``'s width (cut by its elide mode)."""
    model = view.model()
    width = view.columnWidth(column) - 12  # the cell's margins
    metrics = view.fontMetrics()
    return [
        metrics.elidedText(str(model.index(row, column).data()), view.textElideMode(), width)
        for row in range(model.rowCount())
    ]


def test_long_operator_names_that_differ_at_the_end_look_different_in_the_assign_dialog(
    qtbot, crm, long_names
):
    dialog = AssignDialog(crm.operators.list(), 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    names = shown_names(dialog.table, 0)
    assert len(names) == 3
    assert all(name != f"{LONG_OPERATOR} 1" for name in names)  # the column is too narrow
    assert len(set(names)) == 3, names


def test_long_operator_names_that_differ_at_the_end_look_different_in_the_weights(
    qtbot, window, settle
):
    window.show_page("sources")
    page = window.pages["sources"]
    page.table.selectRow(0)
    settle()
    QCoreApplication.processEvents()
    names = shown_names(page.weights_table, OPERATOR)
    assert len(set(names)) == len(names) == 3, names


def test_long_operator_names_that_differ_at_the_end_look_different_on_operators(
    qtbot, window, settle
):
    window.show_page("operators")
    settle()
    view = window.pages["operators"].table
    qtbot.waitUntil(lambda: view.model().rowCount() >= 3)
    names = [name for name in shown_names(view, 0) if name.startswith("Александра")]
    assert len(names) == 3 and all("…" in name for name in names), names  # too narrow
    assert len(set(names)) == 3, names
