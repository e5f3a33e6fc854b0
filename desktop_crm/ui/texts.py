"""User-visible text that comes from the Qt-free core, in the user's language.

Plural texts are written ``SomeClass.tr("%n thing(s)", "", count)`` on the class:
it is the only form lupdate's Python parser extracts with plural forms (it reads
``translate(context, text, None, count)`` without them), and PySide6 takes the
class as the context at run time. PySide6's stubs declare ``tr`` for instances
only, hence the ``type: ignore[arg-type]`` at those calls.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    CrmError,
    DatabaseBusy,
    StoppedPartWay,
    stop_reason,
)
from desktop_crm.services.erasure import ERASED_TEXT
from desktop_crm.services.reasons import reason_text

ECHO_CHARS = 60  # a search text said back in a hint: at most this many characters


def erased_shown(text: str) -> str:
    """A file name or journal label with what erasure left of the person
    (``ERASED_TEXT``, stored in English in every database) in the user's language."""
    if ERASED_TEXT not in text:
        return text
    return text.replace(ERASED_TEXT, QCoreApplication.translate("texts", "[erased]"))


def echo_text(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` said back to the user ("No leads match “…”"): one line, cut with "…"
    (a pasted search may be a thousand characters long)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def error_text(error: BaseException) -> str:
    """The user's language for a ``CrmError``; its English text otherwise."""
    if isinstance(error, CrmError):
        template = QCoreApplication.translate("errors", error.template)
        params = dict(error.params)
        if isinstance(error, StoppedPartWay):  # what stopped the job, translated too
            params["reason"] = stop_reason_text(error.cause)
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return str(error)
    return str(error)


def stop_reason_text(cause: BaseException) -> str:
    """What stopped a long job part-way, in the user's language."""
    if isinstance(cause, CrmError) and not isinstance(cause, DatabaseBusy):
        return error_text(cause)
    return QCoreApplication.translate("errors", stop_reason(cause))


def reason_label(reason: str | None) -> str:
    """Why a contact has no operator, in plain words ('' when it has one)."""
    text = reason_text(reason)
    return QCoreApplication.translate("reasons", text) if text else ""


# Why a candidate could not take a contact: the decisions' pane, the Sources screen.
EXCLUSION_TEXT = {
    "weight_0": QT_TRANSLATE_NOOP("DecisionView", "weight 0"),
    "inactive": QT_TRANSLATE_NOOP("DecisionView", "inactive"),
    "at_limit": QT_TRANSLATE_NOOP("DecisionView", "at the limit"),
    "away": QT_TRANSLATE_NOOP("DecisionView", "away"),
    "off_shift": QT_TRANSLATE_NOOP("DecisionView", "off shift"),
    "no_skill": QT_TRANSLATE_NOOP("DecisionView", "lacks a skill"),
    "daily_cap": QT_TRANSLATE_NOOP("DecisionView", "daily cap reached"),
    "timed_out": QT_TRANSLATE_NOOP("DecisionView", "missed the reply deadline"),
}


def exclusion_label(excluded: str | None) -> str:
    """Why a candidate could not take the contact, in plain words ('' when it could)."""
    if excluded is None:
        return ""
    text = EXCLUSION_TEXT.get(excluded)
    return QCoreApplication.translate("DecisionView", text) if text else excluded
