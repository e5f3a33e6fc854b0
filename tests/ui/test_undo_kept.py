"""Edit > Undo survives the window being built again over the same database (a language
switch, the system's light/dark change); another database starts with an empty history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.ui.application import AppController, install_translations, remove_translations
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.operators import ACTIVE


@pytest.fixture
def controller(qapp, preferences) -> Iterator[AppController]:
    install_translations(qapp, "en")
    made = AppController(preferences)
    yield made
    if made.window is not None:
        made.window.close()
    remove_translations(qapp)


def settle(qtbot, window: MainWindow) -> None:
    def idle() -> bool:
        window.ctx.bridge.flush_now()
        return not window.ctx.runner.busy

    for _ in range(2):
        qtbot.waitUntil(idle, timeout=30_000)
        QApplication.processEvents()


def deactivate_first_operator(qtbot, window: MainWindow) -> None:
    window.show_page("operators")
    model = window.pages["operators"].table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert model.setData(
        model.index(0, ACTIVE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert window.undo_action.isEnabled()


def test_undo_is_kept_when_the_window_is_rebuilt(qtbot, controller, staffed):
    window = controller.show(staffed)
    settle(qtbot, window)
    deactivate_first_operator(qtbot, window)
    assert not all(o.active for o in staffed.operators.list())
    text = window.undo_action.text()

    controller.rebuild()  # what a new language or colour scheme does
    rebuilt = controller.window
    assert rebuilt is not window
    settle(qtbot, rebuilt)
    assert rebuilt.undo_action.isEnabled()
    assert rebuilt.undo_action.text() == text
    rebuilt.undo_action.trigger()
    assert all(o.active for o in staffed.operators.list())
    qtbot.waitUntil(lambda: "Undone" in rebuilt.statusBar().currentMessage())
    assert rebuilt.redo_action.isEnabled()


def test_another_database_starts_with_an_empty_history(qtbot, controller, tmp_path: Path):
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    open_crm(DatabaseLocation(second)).close()
    crm = open_crm(DatabaseLocation(first))
    crm.operators.create("Анна")
    window = controller.show(crm)
    settle(qtbot, window)
    deactivate_first_operator(qtbot, window)
    window.database_chosen.emit(second)
    qtbot.waitUntil(lambda: controller.window is not window)
    assert not controller.window.undo_action.isEnabled()
    assert not controller.ctx.undo.stack.canUndo()
    controller.window.close()
    controller.ctx.crm.close()
    controller.window = None
