"""How an operator stands now and how long something has waited, in the user's words.

The services answer (``OperatorInfo.exclusion``: ``domain.eligibility``'s rule, with
its presence from ``domain.schedule``); these functions only word the answer, for the
Board and the Operators screen alike. Times are shown in the zone the hours are
written in (the database's time zone setting), which ``zone`` carries.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTime

from desktop_crm.domain import schedule
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.ui.formats import number_text, ratio_text
from desktop_crm.ui.theme import Tone, color


def moment_text(
    when: dt.datetime, now: dt.datetime | None = None, zone: dt.tzinfo | None = None
) -> str:
    """``when`` in ``zone`` (None: this computer's): "09:00" on ``now``'s day, else
    "5 Dec 09:00" ("5 Jan 2027 09:00" in another year than ``now``'s) in the window's
    language."""
    local = when.astimezone(zone)
    locale = QLocale()
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if now is not None and now.astimezone(zone).date() == local.date():
        return time
    return f"{day_text(local.date(), now, zone)} {time}"


def day_text(day: dt.date, now: dt.datetime | None = None, zone: dt.tzinfo | None = None) -> str:
    """ "5 Dec", with the year when it is not ``now``'s (in ``zone``)."""
    same_year = now is not None and now.astimezone(zone).year == day.year
    pattern = "d MMM" if same_year else "d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def last_day(end: dt.datetime, zone: dt.tzinfo | None = None) -> dt.date | None:
    """``domain.schedule.last_day`` in ``zone`` (None: this computer's)."""
    return schedule.last_day(end, zone or end.astimezone().tzinfo or dt.UTC)


def status_text(
    operator: OperatorInfo, now: dt.datetime | None = None, zone: dt.tzinfo | None = None
) -> str:
    """ "on shift until 18:00", "available until 13:00" (an absence begins then),
    "off shift until 09:00", "away until 5 Dec 09:00",
    "away through 6 Dec" (an end at midnight),
    "daily cap reached (40 / 40)", "at the limit (10 / 10)", "inactive", "available"."""
    why = operator.exclusion
    until = operator.presence_until
    if why is None:
        if until is None:
            return QCoreApplication.translate("OperatorStatus", "available")
        if operator.hours and not any(a.starts_at == until for a in operator.absences):
            return QCoreApplication.translate("OperatorStatus", "on shift until {time}").format(
                time=moment_text(until, now, zone)
            )
        # An absence booked ahead begins before the shift ends (or someone always there
        # goes away): what changes then is being there, not the shift.
        return QCoreApplication.translate("OperatorStatus", "available until {time}").format(
            time=moment_text(until, now, zone)
        )
    if why == Exclusion.INACTIVE:
        return QCoreApplication.translate("OperatorStatus", "inactive")
    if why == Exclusion.AWAY:
        if until is None:
            return QCoreApplication.translate("OperatorStatus", "away until back")
        through = last_day(until, zone)
        if through is not None:  # given as a date: the day it runs through, as the dialog
            return QCoreApplication.translate("OperatorStatus", "away through {day}").format(
                day=day_text(through, now, zone)
            )
        return QCoreApplication.translate("OperatorStatus", "away until {time}").format(
            time=moment_text(until, now, zone)
        )
    if why == Exclusion.OFF_SHIFT:
        if until is None:
            return QCoreApplication.translate("OperatorStatus", "off shift")
        return QCoreApplication.translate("OperatorStatus", "off shift until {time}").format(
            time=moment_text(until, now, zone)
        )
    if why == Exclusion.DAILY_CAP:
        return QCoreApplication.translate(
            "OperatorStatus", "daily cap reached ({today} / {cap})"
        ).format(today=number_text(operator.today), cap=number_text(operator.daily_cap or 0))
    if why == Exclusion.AT_LIMIT:
        return QCoreApplication.translate(
            "OperatorStatus", "at the limit ({load} / {limit})"
        ).format(load=number_text(operator.load), limit=number_text(operator.max_load))
    return str(why)


def status_tone(operator: OperatorInfo) -> Tone | None:
    """The colour the status is written in: none when available, dim when inactive or
    not at work, a warning when full."""
    why = operator.exclusion
    if why is None:
        return None
    if why in (Exclusion.INACTIVE, Exclusion.AWAY, Exclusion.OFF_SHIFT):
        return Tone.DIM
    return Tone.WARN


NOT_A_STATUS_ROLE = object()
"""What ``status_data`` returns for a role the Status column leaves to its model."""


def status_data(
    operator: OperatorInfo, role: int, at: dt.datetime | None, zone: dt.tzinfo | None
) -> Any:
    """The Status column's text and colour, alike on the Board and the Operators screen."""
    if role == Qt.ItemDataRole.DisplayRole:
        return status_text(operator, at, zone)
    if role == Qt.ItemDataRole.ForegroundRole:
        tone = status_tone(operator)
        return None if tone is None else color(tone)
    return NOT_A_STATUS_ROLE


def today_text(operator: OperatorInfo) -> str:
    """Contacts given today, against the daily cap when it has one: "12 / 40"."""
    if operator.daily_cap is None:
        return number_text(operator.today)
    return ratio_text(operator.today, operator.daily_cap)


def wait_text(seconds: float) -> str:
    """A wait as "12 min", "1 h 05 min", "3 d 4 h" (under a minute: "< 1 min")."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return QCoreApplication.translate("OperatorStatus", "< 1 min")
    if minutes < 60:
        return QCoreApplication.translate("OperatorStatus", "{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return QCoreApplication.translate("OperatorStatus", "{hours} h {minutes:02d} min").format(
            hours=hours, minutes=minutes
        )
    days, hours = divmod(hours, 24)
    return QCoreApplication.translate("OperatorStatus", "{days} d {hours} h").format(
        days=days, hours=hours
    )
