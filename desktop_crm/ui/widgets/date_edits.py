"""Date fields that take a date typed as the window writes it.

Qt's date fields move to the next part by themselves once a part is full ("05" of a day),
and a separator typed then ("05." in "05.12.2026") moves once more: the month was
skipped and "05.12.2026 09:30" became 05.03.2026, silently (an absence booked on the
wrong day). Here a separator typed right after the field has passed that very
separator is taken as already done, so typing the whole date, with or without its
separators and with one or two digits per part, gives the date typed. Both fields are
written as the window writes dates, with the whole year (``ui.formats``), and a date
pasted in ISO (as the command line writes it) is read too.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit

from desktop_crm.ui.formats import date_input_format, date_time_input_format

_TYPING = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier)


def _passed_already(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Whether ``event`` types the separator the field's cursor has just gone past."""
    typed = event.text()
    if len(typed) != 1 or typed.isalnum() or event.modifiers() not in _TYPING:
        return False
    line = edit.lineEdit()
    at = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
    shown = line.text()
    if at <= 0 or at > len(shown):
        return False
    before = shown[at - 1]
    return before == typed or (before.isspace() and typed.isspace())


# What may be pasted besides the field's own format: ISO, as the command line and the
# exports write times, and the Russian short form whatever the window's language.
_PASTED_FORMATS = (
    "yyyy-MM-dd HH:mm",
    "yyyy-MM-ddTHH:mm",
    "yyyy-MM-dd HH:mm:ss",
    "yyyy-MM-ddTHH:mm:ss",
    "yyyy-MM-dd",
    "dd.MM.yyyy HH:mm",
    "dd.MM.yyyy",
)


def _pasted(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Paste (Ctrl+V) of a date written another usual way (ISO: ``2026-12-05 09:30``),
    which the field's own check refused silently: read and set; False when the text is
    no date in any of those forms (the field then does what it always does)."""
    if not event.matches(QKeySequence.StandardKey.Paste):
        return False
    text = QGuiApplication.clipboard().text().strip()
    for pattern in (edit.displayFormat(), *_PASTED_FORMATS):
        moment = QDateTime.fromString(text, pattern)
        if moment.isValid():
            edit.setDateTime(moment)
            return True
    return False


class TypedDateTimeEdit(QDateTimeEdit):
    def __init__(self, moment: QDateTime) -> None:
        super().__init__(moment)
        self.setDisplayFormat(date_time_input_format())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _passed_already(self, event) or _pasted(self, event):
            event.accept()
            return
        super().keyPressEvent(event)


class TypedDateEdit(QDateEdit):
    def __init__(self, day: QDate) -> None:
        super().__init__(day)
        self.setDisplayFormat(date_input_format())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _passed_already(self, event) or _pasted(self, event):
            event.accept()
            return
        super().keyPressEvent(event)
