"""The hours dialog of the Operators screen: hours checked as typed, refused input said
in the dialog and nothing saved, absences added and ended, cap and skills; by keyboard."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from PySide6.QtCore import QDate, QDateTime, QItemSelectionModel, Qt, QTime
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from desktop_crm.domain.schedule import MAX_ABSENCE_YEAR
from desktop_crm.services import open_crm
from desktop_crm.ui.formats import apply_locale
from desktop_crm.ui.operator_day_dialog import NO_CAP, OperatorDayDialog
from desktop_crm.ui.pages.operators import OperatorsPage

NOON = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)  # 12:00 in Moscow


class FakeClock:
    def __init__(self) -> None:
        self.at = NOON

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def crm(database_location):
    instance = open_crm(database_location, random.Random(3).randint, clock=FakeClock())
    instance.settings.set_timezone("Europe/Moscow")
    instance.operators.create("Анна Смирнова", max_load=5)
    yield instance
    instance.close()


def _select_the_operator(qtbot, page: OperatorsPage) -> None:
    """Select the one row through the view's selection model. (``selectRow`` asks the
    view's ``selectionCommand``, which reads the application's keyboard modifiers: an
    earlier test's key event with Shift or Ctrl, in the same worker of a parallel run,
    left them set, and it selected nothing while the row was there.)"""
    view = page.table
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and view.model().rowCount() == 1)
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().select(view.model().index(0, 0), flags.ClearAndSelect | flags.Rows)
    assert page.selected_operator() is not None, (
        view.selectionModel().selectedRows(),
        view.horizontalHeader().count(),
        view.horizontalHeader().hiddenSectionCount(),
        view.selectionMode(),
    )


@pytest.fixture
def dialog(qtbot, shown_page):
    page = shown_page(OperatorsPage)
    _select_the_operator(qtbot, page)
    opened = page.edit_day()
    assert isinstance(opened, OperatorDayDialog)
    qtbot.waitExposed(opened)
    return opened


def test_hours_are_checked_as_typed_and_a_bad_one_is_not_saved(qtbot, dialog, crm):
    assert dialog.hours_check.text() == "Always available (no hours)."
    dialog.hours.setFocus()
    qtbot.keyClicks(dialog.hours, "mon-fri 25:00-18:00")
    assert "'25:00' in 'mon-fri 25:00-18:00' is not a time of day" in dialog.hours_check.text()
    qtbot.keyClick(dialog.hours, Qt.Key.Key_Return)  # OK, by keyboard
    assert dialog.isVisible()  # refused: it stays, and nothing is saved
    assert crm.operators.get("Анна Смирнова").hours == ""
    dialog.hours.clear()
    qtbot.keyClicks(dialog.hours, "sat 10:00-14:00; mon-fri 9:00-18:00")
    assert dialog.hours_check.text() == "Reads as: mon-fri 09:00-18:00; sat 10:00-14:00"
    dialog.daily_cap.setValue(40)
    dialog.skills.setText("RU, kz")
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.hours, Qt.Key.Key_Return)
    anna = crm.operators.get("Анна Смирнова")
    assert (anna.hours, anna.daily_cap, anna.skills) == (
        "mon-fri 09:00-18:00; sat 10:00-14:00",
        40,
        ("kz", "ru"),
    )


def test_a_bad_skill_is_said_and_no_cap_clears_it(qtbot, crm):
    crm.operators.update("Анна Смирнова", daily_cap=10)
    dialog = OperatorDayDialog(crm, crm.operators.get("Анна Смирнова"))
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.daily_cap.value() == 10
    dialog.skills.setText("ru, " + "x" * 100)
    assert "longer than" in dialog.skills_check.text()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    dialog.skills.setText("")
    dialog.daily_cap.setValue(NO_CAP)
    assert dialog.daily_cap.text() == "no cap"
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert crm.operators.get("Анна Смирнова").daily_cap is None


def test_absences_are_added_and_ended_at_once(qtbot, dialog, crm):
    assert dialog.status.text() == "Now: available"
    assert not dialog.back_now.isEnabled()
    dialog.until_back.setChecked(True)
    assert not dialog.away_until.isEnabled()
    dialog.add_absence.click()
    assert dialog.status.text() == "Now: away until back"
    assert dialog.absences.item(0).text() == "from 12:00 until back"
    assert crm.operators.get("Анна Смирнова").presence is not None
    assert dialog.back_now.isEnabled()
    dialog.back_now.click()
    assert dialog.status.text() == "Now: available"
    assert crm.operators.get("Анна Смирнова").presence is None


def test_an_absence_ahead_is_removed_from_the_list_by_button_or_delete_key(qtbot, dialog, crm):
    assert not dialog.remove_absence.isEnabled()  # "none" is no absence
    dialog.absences.setCurrentRow(0)
    assert not dialog.remove_absence.isEnabled()
    for days in (3, 5):
        start = dialog.away_from.dateTime()
        dialog.away_from.setDateTime(start.addDays(days))
        dialog.away_until.setDateTime(start.addDays(days + 1))
        dialog.add_absence.click()
        dialog.away_from.setDateTime(start)
    assert len(crm.operators.get("Анна Смирнова").absences) == 2
    assert not dialog.remove_absence.isEnabled()
    dialog.absences.setCurrentRow(1)
    assert dialog.remove_absence.isEnabled()
    dialog.remove_absence.click()
    (kept,) = crm.operators.get("Анна Смирнова").absences
    assert dialog.absence_message.text() == "Absence removed."
    assert (
        dialog.absences.count() == 1
        and dialog.absences.item(0).data(Qt.ItemDataRole.UserRole) == kept.id
    )
    dialog.absences.setFocus()
    dialog.absences.setCurrentRow(0)
    qtbot.waitUntil(dialog.absences.hasFocus)
    qtbot.keyClick(dialog.absences, Qt.Key.Key_Delete)
    assert crm.operators.get("Анна Смирнова").absences == ()
    assert dialog.absences.item(0).text() == "none" and not dialog.remove_absence.isEnabled()


def test_a_refused_remove_shows_the_absences_as_they_now_are(qtbot, dialog, crm):
    start = dialog.away_from.dateTime()
    dialog.away_from.setDateTime(start.addDays(3))
    dialog.away_until.setDateTime(start.addDays(4))
    dialog.add_absence.click()
    (planned,) = crm.operators.get("Анна Смирнова").absences
    crm.operators.cancel_absence("Анна Смирнова", planned.id)  # elsewhere, meanwhile
    dialog.absences.setCurrentRow(0)
    dialog.remove_absence.click()
    assert "no absence" in dialog.absence_message.text()
    assert dialog.absences.item(0).text() == "none" and not dialog.remove_absence.isEnabled()


def test_an_absence_ending_before_it_starts_is_refused_in_the_dialog(qtbot, dialog, crm):
    dialog.away_until.setDateTime(dialog.away_from.dateTime().addDays(-1))
    dialog.add_absence.click()
    assert dialog.absence_message.text() == "An absence must end after it starts."
    assert crm.operators.get("Анна Смирнова").absences == ()


def test_the_date_fields_stop_where_an_absence_may_end(qtbot, dialog, crm):
    """Nobody can type a date the services refuse as too far off (9999 would be)."""
    for edit in (dialog.away_from, dialog.away_until):
        assert edit.maximumDate() == QDate(MAX_ABSENCE_YEAR, 12, 31)
    dialog.away_until.setDateTime(QDateTime(QDate(9999, 12, 30), QTime(0, 0)))
    assert dialog.away_until.date().year() == MAX_ABSENCE_YEAR
    dialog.add_absence.click()
    assert [a.ends_at.year for a in crm.operators.get("Анна Смирнова").absences] == [
        MAX_ABSENCE_YEAR
    ]


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text)
    return match.group(1).lower() if match else None


def test_every_field_has_its_own_alt_letter(dialog):
    letters = [
        _mnemonic(w.text())
        for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
        if w.isVisible() and _mnemonic(w.text())
    ]
    assert len(letters) >= 7
    assert len(letters) == len(set(letters)), letters
    for label in dialog.findChildren(QLabel):
        if _mnemonic(label.text()):
            assert label.buddy() is not None, label.text()


def test_alt_letters_reach_the_fields(qtbot, dialog):
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.skills
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.hours


def test_the_hours_field_shows_an_example_and_russian_days_read(qtbot, dialog):
    assert dialog.hours.placeholderText() == "e.g. mon-fri 09:00-18:00; sat 10:00-14:00"
    dialog.hours.setText("пн-пт 09:00-18:00; сб 10:00-14:00")
    assert dialog.hours_check.text() == "Reads as: mon-fri 09:00-18:00; sat 10:00-14:00"


def test_absences_show_another_year_and_a_date_as_the_day_it_runs_through(qtbot, crm, shown_page):
    crm.operators.set_away("Анна Смирнова", dt.date(2026, 12, 10), dt.date(2026, 12, 15))
    crm.operators.set_away("Анна Смирнова", dt.datetime(2027, 1, 5, 9, 30))
    page = shown_page(OperatorsPage)
    _select_the_operator(qtbot, page)
    opened = page.edit_day()
    assert isinstance(opened, OperatorDayDialog)
    texts = [opened.absences.item(i).text() for i in range(opened.absences.count())]
    assert texts == ["from 10 Dec through 14 Dec", "from 5 Jan 2027 09:30 until back"]
    opened.reject()


@pytest.mark.parametrize(
    ("language", "shown"),
    [("ru", "01.12.2026 12:00"), ("en", "12/1/2026 12:00\u202fPM")],
)
def test_the_date_fields_write_dates_as_the_window_does(qtbot, shown_page, crm, language, shown):
    """Not ISO ("2026-12-01 12:00"): the window language's date and time, as the Contacts
    table writes them ("01.12.2026 12:00", "12/1/26 12:00 PM"), with the whole year to
    type in; a moment typed that way is the one saved."""
    apply_locale(language)
    page = shown_page(OperatorsPage)
    _select_the_operator(qtbot, page)
    dialog = page.edit_day()
    qtbot.waitExposed(dialog)
    assert dialog.away_from.text() == shown
    moment = dt.datetime(2026, 12, 5, 6, 30, tzinfo=dt.UTC)  # 09:30 in Moscow
    typed = dialog.away_from.textFromDateTime(QDateTime(QDate(2026, 12, 5), QTime(9, 30)))
    line = dialog.away_from.findChild(QLineEdit)
    line.setText(typed)  # what the user typed over the field
    dialog.away_from.interpretText()
    dialog.until_back.setChecked(True)
    dialog.add_absence.click()
    (absence,) = crm.operators.get("Анна Смирнова").absences
    assert absence.starts_at == moment


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("ru", "05.01.2027 09:30"),
        ("ru", "5.1.2027 9:30"),
        ("ru", "05012027 0930"),
        ("en", "1/5/2027 9:30 AM"),
    ],
)
def test_a_date_typed_key_by_key_is_the_one_saved(qtbot, shown_page, crm, language, typed):
    """Typed as a person types it, a key at a time, separators included: Qt's field moved
    on by itself after a full part and the typed separator skipped the next one
    ("05.12.2026 09:30" was booked on 05.03.2026, "12/5/2026" in the year 5202). Now is
    1 December 2026: a month skipped would stay 12."""
    apply_locale(language)
    page = shown_page(OperatorsPage)
    _select_the_operator(qtbot, page)
    dialog = page.edit_day()
    qtbot.waitExposed(dialog)
    field = dialog.away_from
    field.setFocus()
    field.setSelectedSection(field.sectionAt(0))
    qtbot.keyClicks(field, typed)
    dialog.until_back.setChecked(True)
    dialog.add_absence.click()
    (absence,) = crm.operators.get("Анна Смирнова").absences
    assert absence.starts_at == dt.datetime(2027, 1, 5, 6, 30, tzinfo=dt.UTC)  # 09:30 MSK
