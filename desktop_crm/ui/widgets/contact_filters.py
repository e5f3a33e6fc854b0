"""The Contacts screen's search bar: a search box and a period of days.

The bar only collects what the user asked for; ``services.search`` decides what a
text matches and the page asks the services with a ``ContactFilter``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLineEdit, QWidget

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

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit, 1)
        layout.addSpacing(8)
        layout.addWidget(self.since_check)
        layout.addWidget(self.since_edit)
        layout.addWidget(self.until_check)
        layout.addWidget(self.until_edit)

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
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setEnabled(False)
        edit.setMinimumDate(QDate(2000, 1, 1))
        return edit

    def _date_changed(self, _day: QDate) -> None:
        if self.since_check.isChecked() or self.until_check.isChecked():
            self.apply_now()

    def apply_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    # -- what was asked ----------------------------------------------------------------
    def text(self) -> str:
        return self.search_edit.text().strip()

    def since(self) -> dt.datetime | None:
        """The start of the "from" day, or None."""
        if not self.since_check.isChecked():
            return None
        return _local_midnight(self.since_edit.date())

    def until(self) -> dt.datetime | None:
        """The start of the day after the "to" day (exclusive), or None."""
        if not self.until_check.isChecked():
            return None
        return _local_midnight(self.until_edit.date().addDays(1))

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
