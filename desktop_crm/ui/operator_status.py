"""How an operator stands now and how long something has waited, in the user's words.

The services answer (``OperatorInfo.exclusion``: ``domain.eligibility``'s rule); these
functions only word the answer, for the Board and the Operators screen alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.services.dto import OperatorInfo
from desktop_crm.ui.theme import Tone

CONTEXT = "OperatorStatus"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def status_text(operator: OperatorInfo) -> str:
    """ "available", "inactive", "at the limit (10 / 10)"…: why it can or cannot be given
    a contact now."""
    why = operator.exclusion
    if why is None:
        return _tr("available")
    if why == Exclusion.INACTIVE:
        return _tr("inactive")
    if why == Exclusion.AT_LIMIT:
        return _tr("at the limit ({load} / {limit})").format(
            load=operator.load, limit=operator.max_load
        )
    return str(why)


def status_tone(operator: OperatorInfo) -> Tone | None:
    """The colour the status is written in: none when available, dim when inactive."""
    why = operator.exclusion
    if why is None:
        return None
    return Tone.DIM if why == Exclusion.INACTIVE else Tone.WARN


def wait_text(seconds: float) -> str:
    """A wait as "12 min", "1 h 05 min", "3 d 4 h" (under a minute: "< 1 min")."""
    minutes = int(seconds // 60)
    if minutes < 1:
        return _tr("< 1 min")
    if minutes < 60:
        return _tr("{minutes} min").format(minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return _tr("{hours} h {minutes:02d} min").format(hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    return _tr("{days} d {hours} h").format(days=days, hours=hours)
