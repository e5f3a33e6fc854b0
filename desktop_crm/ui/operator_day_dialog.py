"""An operator's day: working hours, absences, daily cap and skills, in one dialog.

Hours are typed as the command line takes them (``mon-fri 09:00-18:00; sat 10:00-14:00``)
and checked as they are typed: the line below says how they read, or what is wrong,
before anything is saved. Absences are added (from, until or "until back") and ended
("Back now") at once; hours, the cap and skills are saved with OK. Everything goes
through ``OperatorService``; its refusals are said in the dialog, which stays open.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.schedule import MAX_ABSENCE_YEAR
from desktop_crm.errors import CrmError
from desktop_crm.services import Crm
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.operators import canonical_hours_of, canonical_skills
from desktop_crm.ui.delegates import count_spin
from desktop_crm.ui.operator_status import day_text, last_day, moment_text, status_text
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.theme import Tone, css
from desktop_crm.ui.widgets import InlineMessage
from desktop_crm.ui.widgets.date_edits import TypedDateTimeEdit

NO_CAP = -1  # the spin box's "no cap"


def _wall(value: QDateTime) -> dt.datetime:
    """The date and time shown (a wall time of the database's zone), naive."""
    day, time = value.date(), value.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


class OperatorDayDialog(QDialog):
    def __init__(self, crm: Crm, operator: OperatorInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.crm = crm
        self.operator = operator
        self.setObjectName("OperatorDayDialog")
        self.setWindowTitle(self.tr("{name}: hours and absences").format(name=operator.name))
        zone_name = crm.settings.timezone()
        self.zone = ZoneInfo(zone_name)
        self.status = QLabel()
        self.status.setWordWrap(True)

        # -- hours, cap, skills (saved with OK) ------------------------------------------
        self.hours = QLineEdit(operator.hours)
        self.hours.setPlaceholderText(self.tr("e.g. mon-fri 09:00-18:00; sat 10:00-14:00"))
        self.hours.setClearButtonEnabled(True)
        self.hours.setToolTip(
            self.tr(
                "Days and times, several separated by “;”. Days: mon tue wed thu fri sat sun, "
                "a range (mon-fri) or a list (mon,wed,fri). A shift that ends before it starts "
                "runs overnight (sun 22:00-06:00). Empty: always available."
            )
        )
        self.hours_check = QLabel()
        self.hours_check.setWordWrap(True)
        self.daily_cap = count_spin(minimum=NO_CAP)
        self.daily_cap.setSpecialValueText(self.tr("no cap"))
        self.daily_cap.setValue(NO_CAP if operator.daily_cap is None else operator.daily_cap)
        self.daily_cap.setToolTip(
            self.tr(
                "At most this many contacts a calendar day; closing a contact does not give "
                "the day's slot back."
            )
        )
        self.skills = QLineEdit(", ".join(operator.skills))
        self.skills.setPlaceholderText(self.tr("none, e.g. ru, kz, vip"))
        self.skills.setToolTip(
            self.tr("A contact with tags goes only to operators who have every one of them.")
        )
        self.skills_check = QLabel()
        self.skills_check.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("&Working hours:"), self.hours)
        form.addRow("", self.hours_check)
        self._row(form, self.tr("Daily ca&p:"), self.daily_cap)
        self._row(form, self.tr("S&kills:"), self.skills)
        form.addRow("", self.skills_check)
        zone_note = QLabel(
            self.tr("Times are in the {zone} time zone (File › Settings… to change it).").format(
                zone=zone_name
            )
        )
        zone_note.setWordWrap(True)
        zone_note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", zone_note)

        # -- absences (saved at once) --------------------------------------------------
        self.absences = QListWidget()
        self.absences.setMaximumHeight(self.fontMetrics().lineSpacing() * 5)
        now = QDateTime(self._now_wall())
        self.away_from = TypedDateTimeEdit(now)
        self.away_until = TypedDateTimeEdit(now.addDays(1))
        for edit in (self.away_from, self.away_until):
            edit.setCalendarPopup(True)
            edit.setMaximumDate(QDate(MAX_ABSENCE_YEAR, 12, 31))  # the services' limit
        self.until_back = QCheckBox(self.tr("until &back"))
        self.until_back.setToolTip(self.tr("No end: until “Back now” is pressed"))
        self.until_back.toggled.connect(lambda on: self.away_until.setEnabled(not on))
        self.add_absence = QPushButton(self.tr("&Add absence"))
        self.back_now = QPushButton(self.tr("Back &now"))
        self.back_now.setToolTip(self.tr("End the absence in force now"))
        self.remove_absence = QPushButton(self.tr("&Remove"))
        self.remove_absence.setToolTip(
            self.tr("Take back the selected absence: one ahead is removed, one in force ends now")
        )
        QShortcut(QKeySequence.StandardKey.Delete, self.absences, self.take_back).setContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        away_row = QHBoxLayout()
        from_label = QLabel(self.tr("Away &from:"))
        from_label.setBuddy(self.away_from)
        until_label = QLabel(self.tr("&until:"))
        until_label.setBuddy(self.away_until)
        for widget in (from_label, self.away_from, until_label, self.away_until, self.until_back):
            away_row.addWidget(widget)
        away_row.addStretch(1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_absence)
        buttons_row.addWidget(self.back_now)
        buttons_row.addWidget(self.remove_absence)
        buttons_row.addStretch(1)
        self.absence_message = InlineMessage()
        absences_box = QGroupBox(self.tr("Absences (now and ahead)"))
        box_layout = QVBoxLayout(absences_box)
        box_layout.addWidget(self.absences)
        box_layout.addLayout(away_row)
        box_layout.addLayout(buttons_row)
        box_layout.addWidget(self.absence_message)

        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(absences_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

        self.hours.textChanged.connect(self._check_hours)
        self.skills.textChanged.connect(self._check_skills)
        self.add_absence.clicked.connect(self.add_away)
        self.back_now.clicked.connect(self.come_back)
        self.remove_absence.clicked.connect(self.take_back)
        self.absences.currentRowChanged.connect(self._absence_chosen)
        self._check_hours()
        self._check_skills()
        self._show_operator(operator)

    @staticmethod
    def _row(form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)

    def _now_wall(self) -> QDateTime:
        local = self.crm.clock().astimezone(self.zone)
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    # -- what it says ------------------------------------------------------------------
    def _show_operator(self, operator: OperatorInfo) -> None:
        self.operator = operator
        now = self.crm.clock()
        self.status.setText(
            self.tr("Now: {status}").format(status=status_text(operator, now, self.zone))
        )
        self.absences.clear()
        for absence in operator.absences:
            start = moment_text(absence.starts_at, now, self.zone)
            if absence.starts_at.astimezone(self.zone).time() == dt.time():  # from a date
                start = day_text(absence.starts_at.astimezone(self.zone).date(), now, self.zone)
            if absence.ends_at is None:
                text = self.tr("from {start} until back").format(start=start)
            elif (through := last_day(absence.ends_at, self.zone)) is not None:
                text = self.tr("from {start} through {day}").format(
                    start=start, day=day_text(through, now, self.zone)
                )
            else:
                end = moment_text(absence.ends_at, now, self.zone)
                text = self.tr("from {start} until {end}").format(start=start, end=end)
            item = QListWidgetItem(text, self.absences)
            item.setData(Qt.ItemDataRole.UserRole, absence.id)
        if not operator.absences:
            self.absences.addItem(self.tr("none"))
        self.absences.setCurrentRow(-1)
        self.back_now.setEnabled(operator.presence == Exclusion.AWAY)
        self._absence_chosen()

    def _check_hours(self) -> bool:
        text = self.hours.text().strip()
        try:
            canonical = canonical_hours_of([text])
        except CrmError as error:
            self._say(self.hours_check, error_text(error), error=True)
            return False
        if canonical:
            self._say(self.hours_check, self.tr("Reads as: {hours}").format(hours=canonical))
        else:
            self._say(self.hours_check, self.tr("Always available (no hours)."))
        return True

    def _check_skills(self) -> bool:
        try:
            canonical_skills(self.skills.text())
        except CrmError as error:
            self._say(self.skills_check, error_text(error), error=True)
            return False
        self._say(self.skills_check, "")
        return True

    @staticmethod
    def _say(label: QLabel, text: str, error: bool = False) -> None:
        label.setText(text)
        label.setStyleSheet(
            f"color: {css(Tone.BAD)};" if error else "color: palette(placeholder-text);"
        )

    # -- absences, at once ----------------------------------------------------------------
    def add_away(self) -> None:
        until = None if self.until_back.isChecked() else _wall(self.away_until.dateTime())
        try:
            operator = self.crm.operators.set_away(
                self.operator.id, _wall(self.away_from.dateTime()), until
            )
        except CrmError as error:
            self.absence_message.show_error(error_text(error))
            self.away_until.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.absence_message.show_info(self.tr("Absence added."))
        self._show_operator(operator)

    def _chosen_absence(self) -> int | None:
        item = self.absences.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _absence_chosen(self, *_args: object) -> None:
        self.remove_absence.setEnabled(self._chosen_absence() is not None)

    def take_back(self) -> None:
        """The selected absence: removed when ahead, ended now when in force."""
        absence_id = self._chosen_absence()
        if absence_id is None:
            return
        try:
            operator = self.crm.operators.cancel_absence(self.operator.id, absence_id)
        except CrmError as error:
            self.absence_message.show_error(error_text(error))
            self._reread()  # taken back or over meanwhile: show what there is now
            return
        self.absence_message.show_info(self.tr("Absence removed."))
        self._show_operator(operator)

    def _reread(self) -> None:
        with contextlib.suppress(CrmError):  # the message already says what went wrong
            self._show_operator(self.crm.operators.get(self.operator.id))

    def come_back(self) -> None:
        try:
            operator = self.crm.operators.set_back(self.operator.id)
        except CrmError as error:
            self.absence_message.show_error(error_text(error))
            return
        self.absence_message.show_info(self.tr("Back now."))
        self._show_operator(operator)

    # -- OK -----------------------------------------------------------------------------
    def apply(self) -> None:
        """Save the hours, the cap and the skills that changed; on a refusal say why and
        stay."""
        if not self._check_hours():
            self.hours.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self._check_skills():
            self.skills.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        operator = self.operator
        self.daily_cap.interpretText()  # a number typed above the ceiling is the ceiling
        cap = None if self.daily_cap.value() == NO_CAP else self.daily_cap.value()
        try:
            if canonical_hours_of([self.hours.text()]) != operator.hours:
                operator = self.crm.operators.set_hours(operator.id, [self.hours.text()])
            skills = canonical_skills(self.skills.text())
            if cap != operator.daily_cap or skills != ",".join(operator.skills):
                operator = self.crm.operators.update(
                    operator.id, daily_cap=cap, skills=self.skills.text()
                )
        except CrmError as error:
            self.message.show_error(error_text(error))
            return
        self.operator = operator
        self.accept()
