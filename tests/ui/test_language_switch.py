"""View > Language applies at once: the window is built again in the new language and
keeps its screen, its tables' selection and its geometry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_crm.ui.application import AppController, install_translations, remove_translations
from desktop_crm.ui.main_window import MainWindow


@pytest.fixture
def controller(qapp, preferences) -> Iterator[AppController]:
    install_translations(qapp, "en")
    made = AppController(preferences)
    yield made
    if made.window is not None:
        made.window.close()
    remove_translations(qapp)


def _settle(qtbot, window: MainWindow) -> None:
    def idle() -> bool:
        window.ctx.bridge.flush_now()
        return not window.ctx.runner.busy

    for _ in range(2):
        qtbot.waitUntil(idle, timeout=30_000)
        QApplication.processEvents()


def _menu_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def _choose(window: MainWindow, code: str) -> None:
    next(a for a in window.language_group.actions() if a.data() == code).trigger()


def test_switching_the_language_applies_at_once(qtbot, controller, staffed, preferences):
    window = controller.show(staffed)
    window.resize(1600, 900)
    _settle(qtbot, window)
    window.show_page("operators")
    table = window.pages["operators"].table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    table.selectionModel().setCurrentIndex(
        table.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert _menu_texts(window)[0] == "&File"
    assert window.nav.item(3).text() == "Operators"
    contacts_count = window.pages["contacts"].count_label
    qtbot.waitUntil(lambda: contacts_count.text() == "4 contacts")

    _choose(window, "ru")
    qtbot.waitUntil(lambda: controller.window is not window)
    new = controller.window
    assert new is not None
    _settle(qtbot, new)
    assert preferences.language == "ru"
    # menus, screens' titles, a table's headers, a status text, Qt's own buttons
    assert _menu_texts(new)[:3] == ["&Файл", "&Правка", "&Контакты"]
    assert [new.nav.item(i).text() for i in range(1, 4)] == ["Контакты", "Лиды", "Операторы"]
    operators = new.pages["operators"].table
    header = operators.model().headerData(0, operators.horizontalHeader().orientation())
    assert header == "Имя"
    qtbot.waitUntil(lambda: new.pages["contacts"].count_label.text() == "4 контакта")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Отмена"
    # what the user was looking at stays
    assert new.current_page_name() == "operators"
    qtbot.waitUntil(lambda: operators.selectionModel().isRowSelected(1))
    assert operators.currentIndex().row() == 1
    assert (new.width(), new.height()) == (1600, 900)
    assert not shiboken6.isValid(window)  # the old window is gone

    _choose(new, "en")
    qtbot.waitUntil(lambda: controller.window is not new)
    assert controller.window is not None
    assert _menu_texts(controller.window)[0] == "&File"
    assert preferences.language == "en"


def test_switching_waits_for_an_open_dialog_and_keeps_the_typed_form(
    qtbot, controller, staffed, preferences
):
    window = controller.show(staffed)
    _settle(qtbot, window)
    window.intake.external_id.setText("+7 900 111-22-33")
    window.intake.message.setPlainText("Перезвоните после обеда")
    window.intake.tags.setText("kz, vip")
    dialog = window.open_settings()  # any dialog of the window: an import, an assignment
    qtbot.waitExposed(dialog)
    _choose(window, "ru")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    assert controller.window is window  # nothing rebuilt under an open dialog
    assert _menu_texts(window)[0] == "&File"  # and no half-translated window
    assert preferences.language == "ru"
    dialog.reject()
    qtbot.waitUntil(lambda: controller.window is not window, timeout=5_000)
    new = controller.window
    assert new is not None
    assert _menu_texts(new)[0] == "&Файл"
    assert new.intake.external_id.text() == "+7 900 111-22-33"
    assert new.intake.message.toPlainText() == "Перезвоните после обеда"
    assert new.intake.tags.text() == "kz, vip"
