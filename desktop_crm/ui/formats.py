"""Numbers and dates in the window's language: the default QLocale follows it.

Under ``LANG=C.UTF-8`` the system locale is "C": no thousands separators and
dates that read "25 11 2026". The window's language decides instead; the
system's country is kept when its language is the window's (en_GB stays en_GB).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


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
