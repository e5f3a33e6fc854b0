"""Dates typed key by key, separators included, as the window writes them: every date
field of the window (the Contacts filters, the Journal, Statistics, the Hours dialog:
tests/ui/test_operator_day_dialog.py) takes the date typed. Qt's own field moved on by
itself after a full part and the typed separator then skipped the next part."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QGuiApplication, QKeySequence

from desktop_crm.ui.formats import apply_locale
from desktop_crm.ui.pages.journal import JournalPage
from desktop_crm.ui.pages.statistics import StatisticsPage
from desktop_crm.ui.widgets.contact_filters import ContactSearchBar
from desktop_crm.ui.widgets.date_edits import TypedDateEdit, TypedDateTimeEdit

START = QDateTime(QDate(2026, 3, 20), QTime(12, 0))


@pytest.mark.parametrize(
    ("pattern", "typed", "expected"),
    [
        ("dd.MM.yyyy HH:mm", "05.12.2026 09:30", "2026-12-05 09:30"),
        ("dd.MM.yyyy HH:mm", "5.12.2026 9:30", "2026-12-05 09:30"),
        ("dd.MM.yyyy HH:mm", "05122026 0930", "2026-12-05 09:30"),
        ("dd.MM.yyyy HH:mm", "1.1.2027 0:05", "2027-01-01 00:05"),
        ("dd.MM.yyyy HH:mm", "05.12.2026", "2026-12-05 12:00"),
        ("M/d/yyyy h:mm AP", "12/5/2026 9:30 AM", "2026-12-05 09:30"),
        ("M/d/yyyy h:mm AP", "1/1/2027 12:00 PM", "2027-01-01 12:00"),
        ("M/d/yyyy h:mm AP", "12/25/2026 11:45 PM", "2026-12-25 23:45"),
        ("yyyy-MM-dd HH:mm", "2026-12-05 09:30", "2026-12-05 09:30"),
    ],
)
def test_a_date_and_time_typed_key_by_key(qtbot, pattern, typed, expected):
    field = TypedDateTimeEdit(START)
    qtbot.addWidget(field)
    field.setDisplayFormat(pattern)
    field.show()
    field.setFocus()
    field.setSelectedSection(field.sectionAt(0))
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.dateTime().toString("yyyy-MM-dd HH:mm") == expected


@pytest.mark.parametrize(
    ("language", "typed"), [("ru", "05.01.2027"), ("ru", "5.1.2027"), ("en", "1/5/2027")]
)
def test_every_date_filter_takes_the_date_typed(qtbot, ctx, language, typed):
    apply_locale(language)
    filters = ContactSearchBar()
    journal = JournalPage(ctx)
    statistics = StatisticsPage(ctx)
    fields = [
        filters.since_edit,
        filters.until_edit,
        journal.since_edit,
        journal.until_edit,
        statistics.first_edit,
        statistics.last_edit,
    ]
    for widget in (filters, journal, statistics):
        qtbot.addWidget(widget)
    for field in fields:
        field.setEnabled(True)
        field.setDate(QDate(2026, 12, 1))
        field.show()
        field.setFocus()
        field.setSelectedSection(field.sectionAt(0))
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert field.date() == QDate(2027, 1, 5), (field, field.text())


def test_a_date_field_alone_takes_the_date_typed(qtbot):
    field = TypedDateEdit(QDate(2026, 3, 20))
    qtbot.addWidget(field)
    field.setDisplayFormat("dd.MM.yyyy")
    field.show()
    field.setFocus()
    field.setSelectedSection(field.sectionAt(0))
    qtbot.keyClicks(field, "07.11.2026")
    assert field.date() == QDate(2026, 11, 7)


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        ("2026-12-05 09:30", "2026-12-05 09:30"),
        ("2026-12-05T09:30:00", "2026-12-05 09:30"),
        ("05.12.2026 09:30", "2026-12-05 09:30"),
        ("12/5/2026 9:30 AM", "2026-12-05 09:30"),  # the field's own format
    ],
)
def test_a_date_pasted_in_iso_or_the_fields_own_form_is_read(qtbot, pasted, expected):
    """Pasted from the command line's output (ISO): the field's own check refused it
    silently and kept its old date."""
    field = TypedDateTimeEdit(START)
    qtbot.addWidget(field)
    field.setDisplayFormat("M/d/yyyy h:mm AP")
    field.show()
    field.setFocus()
    QGuiApplication.clipboard().setText(pasted)
    qtbot.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert field.dateTime().toString("yyyy-MM-dd HH:mm") == expected


def test_a_pasted_text_that_is_no_date_changes_nothing(qtbot):
    field = TypedDateTimeEdit(START)
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    QGuiApplication.clipboard().setText("завтра утром")
    qtbot.keySequence(field, QKeySequence(QKeySequence.StandardKey.Paste))
    assert field.dateTime() == START
