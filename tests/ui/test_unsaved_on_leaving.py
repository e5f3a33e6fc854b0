"""Unsaved weights are never thrown away without a question: closing the window
(File > Quit, Ctrl+Q) and opening another database (File > Open, Recent, Settings) ask
to save, discard or cancel, as picking another source does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.ui.application import AppController, remove_translations
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.weights import WEIGHT
from desktop_crm.ui.pages.registry import PAGE_CLASSES


class Answers:
    """The save/discard/cancel question (``ui/dialogs.ask_save``), answered by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[str] = []
        self.answer = "cancel"
        monkeypatch.setattr("desktop_crm.ui.pages.sources.ask_save", self._ask, raising=False)

    def _ask(self, _parent: object, _title: str, text: str) -> str:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def answers(monkeypatch) -> Answers:
    return Answers(monkeypatch)


@pytest.fixture
def window(qtbot, ctx, staffed, settle) -> MainWindow:
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.reload()
    settle()
    return win


def edit_a_weight(window: MainWindow, settle, weight: int = 50) -> None:
    window.show_page("sources")
    page = window.pages["sources"]
    page.table.selectRow(0)
    settle()
    model = page.weights_model
    model.setData(model.index(0, WEIGHT), weight, Qt.ItemDataRole.EditRole)
    assert model.is_dirty()


def stored_weights(crm) -> dict[str, list[int]]:
    return {s.name: sorted(w.weight for w in s.weights) for s in crm.sources.list()}


def test_quit_with_unsaved_weights_asks_and_cancel_keeps_the_window(
    qtbot, window, ctx, settle, answers
):
    edit_a_weight(window, settle)
    window.show_page("operators")
    window.quit_action.trigger()
    assert len(answers.asked) == 1
    assert window.isVisible()
    assert window.current_page_name() == "sources"  # the screen that asks is shown
    assert window.pages["sources"].weights_model.is_dirty()
    answers.answer = "discard"  # the window may now close (the test's teardown too)


def test_quit_and_save_stores_the_weights(qtbot, window, ctx, settle, answers):
    before = stored_weights(ctx.crm)
    edit_a_weight(window, settle, 50)
    answers.answer = "save"
    window.quit_action.trigger()
    assert answers.asked
    qtbot.waitUntil(lambda: not window.isVisible())
    assert stored_weights(ctx.crm) != before
    assert 50 in [w for weights in stored_weights(ctx.crm).values() for w in weights]


def test_quit_and_discard_closes_and_keeps_the_stored_weights(qtbot, window, ctx, settle, answers):
    before = stored_weights(ctx.crm)
    edit_a_weight(window, settle)
    answers.answer = "discard"
    window.close()
    assert len(answers.asked) == 1
    assert not window.isVisible()
    assert stored_weights(ctx.crm) == before


@pytest.fixture
def controller(qapp, preferences) -> Iterator[AppController]:
    made = AppController(preferences)
    yield made
    if made.ctx is not None and made.window is not None:
        made.window.close()
        made.ctx.crm.close()
    remove_translations(qapp)


def test_opening_another_database_asks_first(
    qtbot, controller, tmp_path: Path, monkeypatch, answers
):
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    other = open_crm(DatabaseLocation(second))
    other.operators.create("Вера")
    other.close()
    crm = open_crm(DatabaseLocation(first))
    crm.operators.create("Анна")
    crm.sources.create("Сайт")
    crm.sources.set_weights("Сайт", {"Анна": 1})
    window = controller.show(crm)

    def settle() -> None:
        def idle() -> bool:
            window.ctx.bridge.flush_now()
            return not window.ctx.runner.busy

        qtbot.waitUntil(idle)

    settle()
    edit_a_weight(window, settle, 7)
    window.database_chosen.emit(second)  # File > Recent databases > second.sqlite3
    assert len(answers.asked) == 1
    assert controller.window is window  # cancelled: the same window, the same database
    assert controller.ctx.crm.location.path == first
    assert window.pages["sources"].weights_model.is_dirty()

    answers.answer = "save"
    window.database_chosen.emit(second)
    qtbot.waitUntil(lambda: controller.window is not window)
    assert controller.ctx.crm.location.path == second
    controller.window.close()
    controller.ctx.crm.close()
    controller.window = None  # one database open per process: check the first one
    check = open_crm(DatabaseLocation(first))
    try:
        assert [w.weight for w in check.sources.list()[0].weights] == [7]
    finally:
        check.close()
