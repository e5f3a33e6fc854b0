"""Numbers and dates in the window's language: the default QLocale follows it.

Under ``LANG=C.UTF-8`` the system locale is "C": no thousands separators and
dates that read "25 11 2026". The window's language decides instead; the
system's country is kept when its language is the window's (en_GB stays en_GB).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import QCollator, QDate, QDateTime, QLocale, Qt, QTime

from desktop_crm.domain.times import in_zone


def window_locale(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for numbers and dates of a window in ``language`` ("ru", "en")."""
    system = system if system is not None else QLocale.system()
    wanted = QLocale(language)
    if system.language() == wanted.language():
        return system
    return wanted


def apply_locale(language: str) -> QLocale:
    """Make the window language's locale the default (QLocale() everywhere)."""
    locale = window_locale(language)
    QLocale.setDefault(locale)
    return locale


def number_text(value: float, decimals: int = 0) -> str:
    """A count (or a figure with ``decimals``) as the window's language writes it: digits
    grouped ("2 996 997" in Russian, "2,996,997" in English), a decimal comma in Russian.
    The one way the window writes a number; tables keep the number itself to sort by."""
    if decimals == 0:
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", decimals)


def ratio_text(part: int, whole: int) -> str:
    """ "3 / 10": a load against its limit, today's contacts against the daily cap."""
    return f"{number_text(part)} / {number_text(whole)}"


def local_time(value: dt.datetime | None) -> str:
    """A stored UTC time in local time, written as the window's language writes it
    (QLocale's short format: "25.11.2026 14:05" in Russian, "11/25/26 2:05 PM" in US
    English) rather than one fixed pattern for every language."""
    if value is None:
        return ""
    local = in_zone(value)  # unconverted if the zone cannot show it (the calendar's edge)
    moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def date_time_input_format() -> str:
    """The display format of a date-and-time field: the window language's short format
    as ``local_time`` writes it ("25.11.2026 14:05"; "11/25/2026 2:05 PM"), with the
    whole year, so that any year can be typed ("11/25/26" would be only this century's)."""
    pattern = QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy", 1)
    return pattern


def date_input_format() -> str:
    """The display format of a date field: the window language's short date with the
    whole year ("25.11.2026"; "11/25/2026": "11/25/26" would take only this century's)."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy", 1)
    return pattern


_collators: dict[str, QCollator] = {}


def _collator() -> QCollator:
    """The default locale's collator in numeric mode ("Оператор 2" before "Оператор 10"),
    case-insensitive; one per locale (the window's language can change)."""
    name = QLocale().name()
    collator = _collators.get(name)
    if collator is None:
        collator = QCollator(QLocale())
        collator.setNumericMode(True)
        collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        _collators[name] = collator
    return collator


T = TypeVar("T")


def natural_sorted(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` in the natural order of their names, as ``natural_less`` sorts tables
    (the services list names in code-point order: "Ёлкин" before "Анна")."""
    collator = _collator()
    return sorted(items, key=lambda item: collator.sortKey(name(item)))


def natural_less(left: object, right: object) -> bool:
    """Names in natural order (numbers within them as numbers, in the window's
    alphabet); other values (numbers, times) as they compare; None first."""
    if isinstance(left, str) and isinstance(right, str):
        return _collator().compare(left, right) < 0
    if left is None or right is None:
        return left is None and right is not None
    try:
        return bool(left < right)  # type: ignore[operator]
    except TypeError:
        return str(left) < str(right)
