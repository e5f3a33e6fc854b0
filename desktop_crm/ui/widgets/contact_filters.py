"""The Contacts screen's search bar: a search box and a period of days.

The bar only collects what the user asked for; ``services.search`` decides what a
text matches and the page asks the services with a ``ContactFilter``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop_crm.ui.widgets.date_edits import TypedDateEdit

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs
DEFAULT_DAYS = 7  # a period switched on starts a week back


def _local_midnight(day: QDate) -> dt.datetime:
    """The start of ``day`` in local time, aware (stored times are UTC)."""
    naive = dt.datetime(day.year(), day.month(), day.day())
    return naive.astimezone()


def find_action(parent: QWidget, edit: QLineEdit) -> QAction:
    """Ctrl+F (the platform's Find key) anywhere on ``parent`` puts the cursor in ``edit``."""
    action = QAction(QCoreApplication.translate("ContactSearchBar", "&Find"), parent)
    action.setShortcut(QKeySequence.StandardKey.Find)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def focus() -> None:
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()

    action.triggered.connect(focus)
    parent.addAction(action)
    return action


class ContactSearchBar(QWidget):
    """Search text, "from" day and "to" day (both inclusive, local days).

    A "from" day after the "to" day is taken the other way round (the earlier day is
    the start), and a note beside the days says so.

    ``changed`` fires when the search should run again: at once for Enter and the
    days, after a short pause while typing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Search: phone, id, name, message"))
        self.search_edit.setToolTip(
            self.tr(
                "A whole phone number (8 900 123-45-67, +7 900 1234567…) finds its lead's "
                "contacts at once. Other text finds contacts whose lead id or name contains "
                "it, or whose message contains it; on a very large database that takes a "
                "moment. (Ctrl+F)"
            )
        )
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("From:"))
        self.since_check.setToolTip(self.tr("Only contacts created on this day or later"))
        self.since_edit = self._date_edit(today.addDays(-DEFAULT_DAYS))
        self.until_check = QCheckBox(self.tr("to:"))
        self.until_check.setToolTip(self.tr("Only contacts created on this day or earlier"))
        self.until_edit = self._date_edit(today)
        self.reversed_note = QLabel(self.tr("↔ swapped"))
        self.reversed_note.setToolTip(
            self.tr(
                "The “from” day is after the “to” day: the contacts between the two "
                "days are shown, the earlier day first."
            )
        )
        self.reversed_note.setStyleSheet("color: palette(placeholder-text);")
        self.reversed_note.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit, 1)
        layout.addSpacing(8)
        layout.addWidget(self.since_check)
        layout.addWidget(self.since_edit)
        layout.addWidget(self.until_check)
        layout.addWidget(self.until_edit)
        layout.addWidget(self.reversed_note)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.search_edit.returnPressed.connect(self.apply_now)
        for check, edit in (
            (self.since_check, self.since_edit),
            (self.until_check, self.until_edit),
        ):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply_now)
            edit.dateChanged.connect(self._date_changed)

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = TypedDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        edit.setMinimumDate(QDate(2000, 1, 1))
        return edit

    def _date_changed(self, _day: QDate) -> None:
        if self.since_check.isChecked() or self.until_check.isChecked():
            self.apply_now()

    def apply_now(self) -> None:
        self._timer.stop()
        self.reversed_note.setVisible(self.is_reversed())
        self.changed.emit()

    # -- what was asked ----------------------------------------------------------------
    def text(self) -> str:
        return self.search_edit.text().strip()

    def is_reversed(self) -> bool:
        """True when both days are set and the "from" day is after the "to" day."""
        return (
            self.since_check.isChecked()
            and self.until_check.isChecked()
            and self.since_edit.date() > self.until_edit.date()
        )

    def _days(self) -> tuple[QDate, QDate]:
        """The "from" and "to" days, the earlier first."""
        since, until = self.since_edit.date(), self.until_edit.date()
        return (until, since) if self.is_reversed() else (since, until)

    def since(self) -> dt.datetime | None:
        """The start of the "from" day (the earlier of the two), or None."""
        if not self.since_check.isChecked():
            return None
        return _local_midnight(self._days()[0])

    def until(self) -> dt.datetime | None:
        """The start of the day after the "to" day (the later one; exclusive), or None."""
        if not self.until_check.isChecked():
            return None
        return _local_midnight(self._days()[1].addDays(1))

    def set_period(self, since: QDate | None, until: QDate | None) -> None:
        """Choose the days (None: no bound); one ``changed``."""
        for check, edit, day in (
            (self.since_check, self.since_edit, since),
            (self.until_check, self.until_edit, until),
        ):
            blocked = (check.blockSignals(True), edit.blockSignals(True))
            if day is not None:
                edit.setDate(day)
            check.setChecked(day is not None)
            edit.setEnabled(day is not None)
            check.blockSignals(blocked[0])
            edit.blockSignals(blocked[1])
        self.apply_now()

    def is_empty(self) -> bool:
        return not self.text() and self.since() is None and self.until() is None


__all__ = ["ContactSearchBar"]
