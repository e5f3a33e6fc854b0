"""The Journal screen and the dispatcher's name in the window (issue 11: who did what)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_crm.services import Crm
from desktop_crm.services.audit import os_user
from desktop_crm.ui.application import AppController
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.models.journal import ACTION, CHANGE, DISPATCHER, OBJECT, TIME, JournalModel
from desktop_crm.ui.pages.journal import JournalPage
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.preferences import DISPATCHER as SAVED_DISPATCHER


def texts(page: JournalPage, column: int) -> list[str]:
    proxy = page.proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def _history(crm: Crm) -> None:
    """Анна adds an operator on 1 March, Борис changes its limit on 2 March and the
    phone region on 3 March (the trail's clock: naive UTC)."""
    days = iter(range(1, 4))
    crm.trail.clock = lambda: dt.datetime(2026, 3, next(days), 9, 0)
    crm.set_dispatcher("Анна")
    op = crm.operators.create("Ольга Преображенская", max_load=5)
    crm.set_dispatcher("Борис")
    crm.operators.update(op.id, max_load=7)
    crm.settings.set_phone_region("KZ")


def test_the_model_passes_the_model_tester(qtmodeltester, crm: Crm) -> None:
    _history(crm)
    model = JournalModel()
    model.set_rows(crm.audit.entries())
    qtmodeltester.check(model)


def test_the_journal_shows_who_did_what_newest_first(shown_page, crm: Crm, ctx) -> None:
    _history(crm)
    page = shown_page(JournalPage)
    assert texts(page, DISPATCHER) == ["Борис", "Борис", "Анна"]
    assert texts(page, ACTION) == ["Phone region changed", "Load limit changed", "Operator added"]
    assert texts(page, OBJECT) == [
        "Setting: Phone region",
        "Operator: Ольга Преображенская",
        "Operator: Ольга Преображенская",
    ]
    assert texts(page, CHANGE) == ["RU → KZ", "limit: 5 → 7", "limit: 5; active: yes"]
    assert not page.empty_hint.showing_hint
    tooltip = str(page.proxy.index(0, TIME).data(Qt.ItemDataRole.ToolTipRole))
    assert "9:00:00" in tooltip  # to the second (TZ=UTC in the tests)
    # sortable: the oldest first on a header click
    page.table.sortByColumn(TIME, Qt.SortOrder.AscendingOrder)
    assert texts(page, DISPATCHER) == ["Анна", "Борис", "Борис"]


def test_the_filters(shown_page, crm: Crm, settle) -> None:
    _history(crm)
    page = shown_page(JournalPage)
    combo = page.dispatcher_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Анна", "Борис"]

    combo.setCurrentIndex(combo.findData("Анна"))
    settle()
    assert texts(page, ACTION) == ["Operator added"]

    combo.setCurrentIndex(0)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("setting"))
    settle()
    assert texts(page, ACTION) == ["Phone region changed"]

    page.kind_combo.setCurrentIndex(0)
    page.since_edit.setDate(QDate(2026, 3, 2))
    page.until_edit.setDate(QDate(2026, 3, 2))
    page.since_check.setChecked(True)
    page.until_check.setChecked(True)
    settle()
    assert texts(page, ACTION) == ["Load limit changed"]

    page.since_edit.setDate(QDate(2026, 3, 10))  # after "to": the days are swapped
    settle()
    assert texts(page, ACTION) == ["Phone region changed", "Load limit changed"]

    page.until_edit.setDate(QDate(2026, 3, 20))
    settle()
    assert texts(page, ACTION) == []
    assert page.empty_hint.showing_hint
    assert "match the filter" in page.empty_hint.text()


def test_the_last_days_a_date_field_offers_do_not_crash(shown_page, crm: Crm, settle) -> None:
    _history(crm)
    page = shown_page(JournalPage)
    for edit in (page.since_edit, page.until_edit):
        edit.setDate(edit.maximumDate())
        edit.setDate(QDate(9999, 12, 31))  # typed: the field keeps to its range
    page.since_check.setChecked(True)
    page.until_check.setChecked(True)
    settle()
    assert page.current_filter().until is not None
    assert texts(page, ACTION) == []


def test_empty_state_and_refresh_when_data_changes(shown_page, crm: Crm, settle) -> None:
    page = shown_page(JournalPage)
    assert page.model.rowCount() == 0
    assert page.empty_hint.showing_hint
    assert "Nothing logged yet" in page.empty_hint.text()

    crm.set_dispatcher("Вера")
    crm.sources.create("Сайт")  # the services tell the bridge: the page reloads itself
    settle()
    assert texts(page, ACTION) == ["Source added"]
    assert not page.empty_hint.showing_hint
    combo = page.dispatcher_combo
    assert combo.findData("Вера") > 0


def test_tab_leaves_the_table(shown_page, crm: Crm, qtbot) -> None:
    _history(crm)
    page = shown_page(JournalPage)
    page.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert not page.table.hasFocus()


def test_the_journal_is_a_screen_of_the_window(qtbot, ctx, settle) -> None:
    window = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(window)
    window.restore_state()
    window.reload()
    window.show_page("journal")
    settle()
    assert window.current_page_name() == "journal"
    assert isinstance(window.pages["journal"], JournalPage)


# -- the dispatcher's name in the window -----------------------------------------------------
@pytest.fixture
def controller(qapp, preferences):
    made = AppController(preferences)
    yield made
    if made.ctx is not None and made.window is not None:
        made.window.close()
        made.ctx.bridge.stop()
        made.ctx.runner.cancel_all()
        made.ctx.runner.wait_idle()


def test_the_window_uses_the_os_user_until_a_name_is_set(
    qtbot, controller: AppController, crm: Crm, preferences, settle
) -> None:
    window = controller.show(crm)
    assert crm.dispatcher == os_user()

    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.dispatcher.text() == ""
    assert dialog.dispatcher.placeholderText() == os_user()
    dialog.dispatcher.setText("  Анна Петрова ")
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert crm.dispatcher == "Анна Петрова"
    assert preferences.dispatcher == "Анна Петрова"

    crm.operators.create("Op")
    assert crm.audit.entries()[0].dispatcher == "Анна Петрова"

    # the next window over a database (a restart, File > Open) uses the saved name
    crm.set_dispatcher("someone else")
    controller.rebuild()
    assert crm.dispatcher == "Анна Петрова"


def test_a_bad_name_is_said_in_the_dialog_and_nothing_is_saved(
    qtbot, controller: AppController, crm: Crm, preferences
) -> None:
    window = controller.show(crm)
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    dialog.dispatcher.setText("x" * 80)
    dialog.region.setText("KZ")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    QApplication.processEvents()
    assert dialog.isVisible()
    assert "dispatcher name" in dialog.message.text()
    assert preferences.dispatcher == ""
    assert crm.dispatcher == os_user()
    assert crm.settings.phone_region() == "RU"  # nothing half-applied
    dialog.reject()


def test_a_stored_name_that_is_not_usable_falls_back_to_the_os_user(
    controller: AppController, crm: Crm, preferences
) -> None:
    preferences.dispatcher = "\x1b[31m"
    controller.show(crm)
    assert crm.dispatcher == os_user()


# -- `desktop-crm --as NAME` with no command: the window's name for this session ------------------
def test_as_names_the_dispatcher_for_the_session_without_saving_it(
    qtbot, controller: AppController, crm: Crm, preferences
) -> None:
    preferences.dispatcher = "Борис"  # chosen in Settings earlier
    preferences.use_dispatcher_for_session("Анна")
    window = controller.show(crm)
    assert crm.dispatcher == "Анна"
    crm.operators.create("Op")
    assert crm.audit.entries()[0].dispatcher == "Анна"
    controller.rebuild()  # a new language: still this session's name
    assert crm.dispatcher == "Анна"
    assert preferences.get(SAVED_DISPATCHER) == "Борис"  # not saved

    # a name chosen in Settings later is saved and used, as without --as
    window = controller.window
    assert window is not None
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.dispatcher.text() == "Анна"
    dialog.dispatcher.setText("Вера")
    with qtbot.waitSignal(dialog.finished):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert crm.dispatcher == "Вера"
    assert preferences.get(SAVED_DISPATCHER) == "Вера"
    controller.rebuild()
    assert crm.dispatcher == "Вера"


@pytest.mark.parametrize("bad", ["bad\x01name", "x\u2028y", "x" * 81, " "])
def test_a_bad_as_name_exits_2_before_the_window_opens(
    bad: str, db_path, monkeypatch, capsys
) -> None:
    from desktop_crm import app
    from desktop_crm.ui import application

    opened: list[object] = []
    monkeypatch.setattr(application, "run_gui", lambda args: opened.append(args) or 0)
    monkeypatch.setattr(app, "_no_display", lambda: False)
    assert app.main(["--db", str(db_path), "--as", bad]) == 2
    assert opened == []
    assert "dispatcher name" in capsys.readouterr().err


def test_a_good_as_name_reaches_the_window_cleaned(db_path, monkeypatch) -> None:
    from desktop_crm import app
    from desktop_crm.ui import application

    opened: list[str] = []
    monkeypatch.setattr(application, "run_gui", lambda args: opened.append(args.dispatcher) or 0)
    monkeypatch.setattr(app, "_no_display", lambda: False)
    assert app.main(["--db", str(db_path), "--as", "  Анна  Петрова "]) == 0
    assert opened == ["Анна Петрова"]


def test_a_long_name_does_not_widen_the_journal(shown_page, crm: Crm) -> None:
    long_name = "Анастасия Владимировна Преображенская-Длиннофамильная-Щербакова"
    crm.set_dispatcher(long_name)
    page = shown_page(JournalPage)
    assert page.me_label.sizeHint().width() < 320
    assert "Анаст" in page.me_label.text()  # its start shows, elided
