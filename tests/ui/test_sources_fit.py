"""The Sources screen at 1280×800, in Russian and in English, with long source and
operator names and limits and weights near the ceiling (999 999): every column header
reads whole, and the load bars show their numbers whole (the text that does not fit a
bar is said shorter, whole in the tooltip), as do the Board's and the Operators'."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, Qt, QTranslator
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QSpinBox, QStyleOptionViewItem, QTableView

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.application import PAGE_CLASSES
from desktop_crm.ui.delegates import LoadBarDelegate
from desktop_crm.ui.formats import apply_locale, number_text
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.board import O_LOAD
from desktop_crm.ui.models.operators import LOAD as OPERATORS_LOAD
from desktop_crm.ui.models.weights import LOAD, WEIGHT
from desktop_crm.ui.pages.sources_layout import title_width

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LONG_OPERATOR = "Александра Константиновна Долгорукова-Оболенская"
SOURCES = {
    "tgbotconsultantcreditsmortgage01": (
        "Телеграм-бот «Консультант по кредитам и ипотеке для физических лиц» №1"
    ),
    "site": "Сайт — форма обратной связи на странице «Контакты» главного офиса Москва",
    "wa": "WhatsApp",
}


@pytest.fixture(params=["ru", "en"])
def language(request, qapp) -> Iterator[str]:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / f"desktop_crm_{request.param}.qm"))
    qapp.installTranslator(translator)
    apply_locale(request.param)
    yield request.param
    qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot, ctx, settle, language) -> MainWindow:
    crm = ctx.crm
    limits = {LONG_OPERATOR: 999_999, "Анна": 999_999, "Борис": 1_000_000, "Яна": 10, "ёж": 3}
    for name, limit in limits.items():
        crm.operators.create(name, max_load=limit)
    for code, name in SOURCES.items():
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {n: 999_999 for n in limits})
    for number in range(12):
        crm.contacts.register(ContactRequest(f"+7900000{number:04d}", "site", name="Лид"))
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    win.show()
    win.resize(1280, 800)
    win.intake_dock.setVisible(True)
    settle()
    return win


def show(window: MainWindow, name: str, settle) -> None:
    window.show_page(name)
    settle()
    QApplication.processEvents()


def headers_read_whole(view: QTableView) -> None:
    header = view.horizontalHeader()
    model = view.model()
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal)).split("\n")[0]
        wanted = title_width(header, column)
        assert wanted <= header.sectionSize(column), (title, wanted, header.sectionSize(column))
    assert header.length() <= view.viewport().width(), "sideways scrolling"


def bar_texts_fit(view: QTableView, column: int) -> None:
    delegate = view.itemDelegateForColumn(column)
    assert isinstance(delegate, LoadBarDelegate)
    model = view.model()
    metrics = QFontMetrics(view.font())
    for row in range(model.rowCount()):
        index = model.index(row, column)
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(index)
        option.font = view.font()
        shown = delegate.bar_text(option, index)
        full = str(index.data())
        numbers = full.split(" · ")[0]  # "999 999 / 999 999"
        assert shown.startswith(numbers), (shown, full)
        assert metrics.horizontalAdvance(shown) <= delegate.text_room(option), (shown, full)
        if shown != full:
            assert full in str(index.data(Qt.ItemDataRole.ToolTipRole))


def _sources_with_the_first_selected(window, settle):
    """The Sources screen shown, its first source selected and its weights loaded."""
    show(window, "sources", settle)
    page = window.pages["sources"]
    flags = QItemSelectionModel.SelectionFlag
    page.table.selectionModel().select(
        page.table.model().index(0, 0), flags.ClearAndSelect | flags.Rows
    )
    settle()
    QApplication.processEvents()
    return page


def test_every_header_on_sources_reads_whole(qtbot, window, settle):
    page = _sources_with_the_first_selected(window, settle)
    headers_read_whole(page.table)
    headers_read_whole(page.weights_table)
    page.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    grid = page.grid
    header = grid.horizontalHeader()
    metrics = QFontMetrics(header.font())
    for column in range(grid.model().columnCount()):
        lines = str(grid.model().headerData(column, Qt.Orientation.Horizontal)).split("\n")
        for line in lines[1:] if len(lines) > 1 else lines:  # the total, and each headroom
            room = header.sectionSize(column) - 2 * header.PADDING
            assert metrics.horizontalAdvance(line) <= room, line


def test_the_weights_editor_load_bars_show_their_numbers_whole(qtbot, window, settle):
    page = _sources_with_the_first_selected(window, settle)
    assert page.weights_model.rowCount() == 5
    bar_texts_fit(page.weights_table, LOAD)
    small = next(
        page.weights_model.index(r, LOAD)
        for r in range(5)
        if page.weights_model.rows()[r].operator.name == "Яна"
    )
    option = QStyleOptionViewItem()
    option.rect = page.weights_table.visualRect(small)
    option.font = page.weights_table.font()
    delegate = page.weights_table.itemDelegateForColumn(LOAD)
    assert delegate.bar_text(option, small) == small.data()  # room for all of it: all of it


def test_the_board_and_the_operators_load_bars_show_their_numbers_whole(qtbot, window, settle):
    show(window, "board", settle)
    bar_texts_fit(window.pages["board"].operators_table, O_LOAD)
    show(window, "operators", settle)
    bar_texts_fit(window.pages["operators"].table, OPERATORS_LOAD)


def test_the_weight_column_shows_the_ceiling_whole_and_as_it_is_typed(
    qtbot, window, settle, language
):
    """1 000 000 read "1 …00" and the editor cut the 7th digit under its arrows: the
    Weight column is as wide as the ceiling and its editor need, and no wider (the
    operators' names have the rest)."""
    crm = window.ctx.crm
    crm.sources.set_weights("site", {LONG_OPERATOR: 1_000_000, "Анна": 999_999, "Яна": 7})
    show(window, "sources", settle)
    page = window.pages["sources"]
    page.select_source(crm.sources.get("site").id)
    settle()
    view = page.weights_table
    model = view.model()
    shown = {model.index(r, WEIGHT).data() for r in range(model.rowCount())}
    assert number_text(1_000_000) in shown
    width = view.columnWidth(WEIGHT)
    assert width >= view.sizeHintForColumn(WEIGHT)  # no cell's number elided

    row = next(r for r in range(model.rowCount()) if model.index(r, WEIGHT).data() == "7")
    view.setCurrentIndex(model.index(row, WEIGHT))
    view.edit(model.index(row, WEIGHT))
    QApplication.processEvents()
    editor = view.indexWidget(model.index(row, WEIGHT))
    assert isinstance(editor, QSpinBox)
    editor.selectAll()
    qtbot.keyClicks(editor, "1000000")
    assert editor.text() == "1000000"
    assert editor.width() >= editor.sizeHint().width()  # seven digits beside the arrows
    # The weight typed so far is in the cell under the editor ("1 000 000", live): by the
    # arrows the editor shows itself, not the cell's last digit ("100000|0").
    left = editor.lineEdit().geometry().right() + 1
    arrows = QRect(left, 0, editor.width() - left, editor.height())
    rgb = QImage.Format.Format_RGB32
    seen = view.viewport().grab(arrows.translated(editor.pos())).toImage().convertToFormat(rgb)
    assert seen == editor.grab(arrows).toImage().convertToFormat(rgb)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)

    needed = max(view.sizeHintForColumn(WEIGHT), editor.sizeHint().width())
    assert width <= max(needed, view.horizontalHeader().sectionSizeHint(WEIGHT)) + 8
    headers_read_whole(view)
