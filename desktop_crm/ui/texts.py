"""User-visible text that comes from the Qt-free core, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_crm.errors import CrmError, StoppedPartWay, stop_reason
from desktop_crm.services.reasons import reason_text


def error_text(error: BaseException) -> str:
    """The user's language for a ``CrmError``; its English text otherwise."""
    if isinstance(error, CrmError):
        template = QCoreApplication.translate("errors", error.template)
        params = dict(error.params)
        if isinstance(error, StoppedPartWay):  # what stopped the job, translated too
            cause = error.cause
            params["reason"] = (
                error_text(cause)
                if isinstance(cause, CrmError)
                else QCoreApplication.translate("errors", stop_reason(cause))
            )
        try:
            return template.format(**params)
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return str(error)
    return str(error)


def reason_label(reason: str | None) -> str:
    """Why a contact has no operator, in plain words ('' when it has one)."""
    text = reason_text(reason)
    return QCoreApplication.translate("reasons", text) if text else ""
