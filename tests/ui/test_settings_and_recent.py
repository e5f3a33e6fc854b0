"""File > Settings… (language, phone region, automatic re-distribution, the database file)
and File > Recent databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from desktop_crm.services import DatabaseLocation, open_crm
from desktop_crm.ui import application
from desktop_crm.ui.application import AppController, remove_translations
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.recent import MAX_RECENT, RecentDatabases
from desktop_crm.ui.settings_dialog import SettingsDialog


@pytest.fixture
def window(qtbot, ctx, settle) -> MainWindow:
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    settle()
    return win


def _ok(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# -- the settings dialog ----------------------------------------------------------------
def test_settings_shortcut_and_menu(window):
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    file_menu = window.menuBar().actions()[0].menu()
    assert window.settings_action in file_menu.actions()


def test_settings_round_trip(qtbot, window, ctx, crm, preferences):
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.region.text() == crm.settings.phone_region() == "RU"
    assert dialog.auto.isChecked() == crm.queue.auto_enabled() is True
    assert dialog.language.currentData() == ""
    assert dialog.database.currentData() == str(crm.location.path)

    dialog.region.setText("kz")
    dialog.auto.setChecked(False)
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    with (
        qtbot.waitSignal(window.language_chosen) as language,
        qtbot.waitSignal(dialog.finished),
    ):
        _ok(dialog)
    assert language.args == ["ru"]
    # the database's settings went through the services: every process sees them
    assert crm.settings.phone_region() == "KZ"
    assert crm.queue.auto_enabled() is False
    qtbot.waitUntil(lambda: not window.auto_action.isChecked())  # the menu follows

    again = window.open_settings()
    assert again.region.text() == "KZ"
    assert not again.auto.isChecked()
    again.reject()


def test_a_wrong_region_is_said_in_the_dialog_and_nothing_is_saved(qtbot, window, crm):
    dialog = window.open_settings()
    dialog.region.setText("ZZ")
    dialog.auto.setChecked(False)
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "ZZ" in dialog.message.text()
    assert crm.settings.phone_region() == "RU"
    dialog.reject()


def test_settings_offer_the_recent_databases(qtbot, window, ctx, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite3"
    other.touch()
    gone = tmp_path / "gone.sqlite3"
    recent = RecentDatabases(ctx.preferences)
    recent.add(gone)
    recent.add(other)
    recent.add(ctx.crm.location.path)
    dialog = window.open_settings()
    paths = [dialog.database.itemData(i) for i in range(dialog.database.count())]
    assert paths == [str(ctx.crm.location.path), str(other), str(gone)]
    assert not dialog.database.model().item(2).isEnabled()  # missing: greyed
    dialog.database.setCurrentIndex(1)
    with qtbot.waitSignal(window.database_chosen) as chosen:
        _ok(dialog)
    assert chosen.args == [other]

    browsed = tmp_path / "browsed.sqlite3"
    monkeypatch.setattr(application, "choose_database_file", lambda *a, **k: browsed)
    dialog = window.open_settings()
    dialog.browse.click()
    assert dialog.chosen_database() == browsed


# -- the recent list ----------------------------------------------------------------------
def test_recent_list_newest_first_without_doubles_and_capped(preferences, tmp_path):
    recent = RecentDatabases(preferences)
    assert recent.paths() == []
    for i in range(MAX_RECENT + 3):
        recent.add(tmp_path / f"{i}.sqlite3")
    recent.add(tmp_path / "sub" / ".." / "2.sqlite3")  # the same file again
    paths = recent.paths()
    assert len(paths) == MAX_RECENT
    assert paths[0].name == "2.sqlite3"
    assert [p.name for p in paths].count("2.sqlite3") == 1
    assert paths[1].name == f"{MAX_RECENT + 2}.sqlite3"
    recent.clear()
    assert recent.paths() == []


def test_recent_list_survives_a_restart(tmp_path):
    settings = str(tmp_path / "prefs.ini")
    RecentDatabases(Preferences(QSettings(settings, QSettings.Format.IniFormat))).add(
        tmp_path / "a.sqlite3"
    )
    again = Preferences(QSettings(settings, QSettings.Format.IniFormat))
    assert RecentDatabases(again).paths() == [tmp_path / "a.sqlite3"]


def test_recent_menu_greys_missing_files_and_clears(window, ctx, tmp_path):
    here = tmp_path / "here.sqlite3"
    here.touch()
    recent = RecentDatabases(ctx.preferences)
    recent.add(tmp_path / "missing.sqlite3")
    recent.add(here)
    window.recent.rebuild()
    actions = [a for a in window.recent.menu.actions() if not a.isSeparator()]
    labels = [a.text() for a in actions]
    assert labels[0].startswith("&1 here.sqlite3")
    assert labels[1].startswith("&2 missing.sqlite3")
    assert actions[0].isEnabled() and not actions[1].isEnabled()
    assert str(ctx.crm.location.path.name) not in " ".join(labels)  # the open one is not offered
    window.recent.clear_action.trigger()
    assert recent.paths() == []
    actions = [a for a in window.recent.menu.actions() if not a.isSeparator()]
    assert [a.isEnabled() for a in actions] == [False, False]  # "No recent databases", Clear


@pytest.fixture
def controller(qapp, preferences) -> Iterator[AppController]:
    made = AppController(preferences)
    yield made
    if made.ctx is not None and made.window is not None:
        made.window.close()
        made.ctx.crm.close()
    remove_translations(qapp)


def test_opening_a_recent_database_switches_the_window(qtbot, controller, tmp_path: Path):
    first = tmp_path / "first.sqlite3"
    second = tmp_path / "second.sqlite3"
    crm = open_crm(DatabaseLocation(second))
    crm.operators.create("Вера")
    crm.close()
    controller.show(open_crm(DatabaseLocation(first)))
    controller.window.close()
    controller.ctx.crm.close()
    window = controller.show(open_crm(DatabaseLocation(second)))
    window.close()
    controller.ctx.crm.close()
    window = controller.show(open_crm(DatabaseLocation(first)))
    assert RecentDatabases(controller.preferences).paths()[:2] == [first, second]

    action = next(a for a in window.recent.menu.actions() if "second.sqlite3" in a.text())
    action.trigger()
    qtbot.waitUntil(lambda: controller.window is not window)
    assert controller.ctx.crm.location.path == second
    assert [o.name for o in controller.ctx.crm.operators.list()] == ["Вера"]
    assert RecentDatabases(controller.preferences).paths()[0] == second


def test_the_time_zone_is_chosen_in_settings_for_everyone(qtbot, window, crm):
    """The hours dialog sends the dispatcher to File > Settings for the time zone."""
    dialog = window.open_settings()
    assert dialog.timezone.currentText() == crm.settings.timezone()
    assert dialog.timezone.findText("Europe/Moscow") >= 0  # every IANA name is offered
    dialog.timezone.setEditText("asia/almaty")  # typed: its proper spelling is stored
    with qtbot.waitSignal(dialog.finished):
        _ok(dialog)
    assert crm.settings.timezone() == "Asia/Almaty"
    again = window.open_settings()
    assert again.timezone.currentText() == "Asia/Almaty"
    again.reject()


def test_an_unknown_time_zone_is_said_and_nothing_is_saved(qtbot, window, crm):
    before = crm.settings.timezone()
    dialog = window.open_settings()
    dialog.region.setText("KZ")
    dialog.timezone.setEditText("Mars/Olympus")
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.message.isVisible() and "Mars/Olympus" in dialog.message.text()
    assert dialog.focusWidget() in (dialog.timezone, dialog.timezone.lineEdit())
    assert crm.settings.timezone() == before
    assert crm.settings.phone_region() == "RU"  # nothing of the dialog was saved
    dialog.reject()
