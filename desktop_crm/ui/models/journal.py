"""The Journal: the audit log's entries, newest first (read through ``crm.audit``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from desktop_crm.domain.audit import Action, ObjectKind
from desktop_crm.domain.times import in_zone
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.audit import AuditInfo, FieldChange
from desktop_crm.ui.models.base import Column, RowsModel, local_time
from desktop_crm.ui.models.sources import STRATEGY_TEXTS
from desktop_crm.ui.texts import erased_shown

TIME, DISPATCHER, ACTION, OBJECT, CHANGE = range(5)
CONTEXT = "Journal"

ACTION_TEXTS: dict[str, str] = {
    Action.OPERATOR_CREATED: QT_TRANSLATE_NOOP("Journal", "Operator added"),
    Action.OPERATOR_RENAMED: QT_TRANSLATE_NOOP("Journal", "Operator renamed"),
    Action.OPERATOR_LIMIT: QT_TRANSLATE_NOOP("Journal", "Load limit changed"),
    Action.OPERATOR_ACTIVATED: QT_TRANSLATE_NOOP("Journal", "Operator activated"),
    Action.OPERATOR_DEACTIVATED: QT_TRANSLATE_NOOP("Journal", "Operator deactivated"),
    Action.OPERATOR_DELETED: QT_TRANSLATE_NOOP("Journal", "Operator deleted"),
    Action.OPERATOR_HOURS: QT_TRANSLATE_NOOP("Journal", "Working hours changed"),
    Action.OPERATOR_AWAY: QT_TRANSLATE_NOOP("Journal", "Absence added"),
    Action.OPERATOR_BACK: QT_TRANSLATE_NOOP("Journal", "Operator back"),
    Action.OPERATOR_ABSENCE_CANCELLED: QT_TRANSLATE_NOOP("Journal", "Absence cancelled"),
    Action.OPERATOR_DAILY_CAP: QT_TRANSLATE_NOOP("Journal", "Daily cap changed"),
    Action.OPERATOR_SKILLS: QT_TRANSLATE_NOOP("Journal", "Skills changed"),
    Action.SOURCE_CREATED: QT_TRANSLATE_NOOP("Journal", "Source added"),
    Action.SOURCE_RENAMED: QT_TRANSLATE_NOOP("Journal", "Source renamed"),
    Action.SOURCE_CODE: QT_TRANSLATE_NOOP("Journal", "Source code changed"),
    Action.SOURCE_STRATEGY: QT_TRANSLATE_NOOP("Journal", "Strategy changed"),
    Action.SOURCE_REPEAT: QT_TRANSLATE_NOOP("Journal", "Returning leads setting changed"),
    Action.SOURCE_TIMERS: QT_TRANSLATE_NOOP("Journal", "Reply deadline or auto-close changed"),
    Action.SOURCE_DELETED: QT_TRANSLATE_NOOP("Journal", "Source deleted"),
    Action.WEIGHTS: QT_TRANSLATE_NOOP("Journal", "Weights changed"),
    Action.CONTACT_ASSIGNED: QT_TRANSLATE_NOOP("Journal", "Assigned by hand"),
    Action.CONTACT_MOVED: QT_TRANSLATE_NOOP("Journal", "Assignment undone or redone"),
    Action.CONTACT_CLOSED: QT_TRANSLATE_NOOP("Journal", "Contact closed"),
    Action.CONTACT_REOPENED: QT_TRANSLATE_NOOP("Journal", "Contact reopened"),
    Action.PHONE_REGION: QT_TRANSLATE_NOOP("Journal", "Phone region changed"),
    Action.AUTO_REDISTRIBUTION: QT_TRANSLATE_NOOP("Journal", "Automatic re-distribution switched"),
    Action.TIMEZONE: QT_TRANSLATE_NOOP("Journal", "Time zone changed"),
    Action.IMPORT_STARTED: QT_TRANSLATE_NOOP("Journal", "Import started"),
}

KIND_TEXTS: dict[str, str] = {
    ObjectKind.OPERATOR: QT_TRANSLATE_NOOP("Journal", "Operator"),
    ObjectKind.SOURCE: QT_TRANSLATE_NOOP("Journal", "Source"),
    ObjectKind.CONTACT: QT_TRANSLATE_NOOP("Journal", "Contact"),
    ObjectKind.SETTING: QT_TRANSLATE_NOOP("Journal", "Setting"),
    ObjectKind.IMPORT: QT_TRANSLATE_NOOP("Journal", "Import"),
}

SETTING_TEXTS: dict[str, str] = {  # the settings' keys (services/settings.py, queue.py)
    "phone_region": QT_TRANSLATE_NOOP("Journal", "Phone region"),
    "auto_redistribute": QT_TRANSLATE_NOOP("Journal", "Automatic re-distribution"),
    "timezone": QT_TRANSLATE_NOOP("Journal", "Time zone"),
}

FIELD_TEXTS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("Journal", "name"),
    "code": QT_TRANSLATE_NOOP("Journal", "code"),
    "max_load": QT_TRANSLATE_NOOP("Journal", "limit"),
    "active": QT_TRANSLATE_NOOP("Journal", "active"),
    "strategy": QT_TRANSLATE_NOOP("Journal", "strategy"),
    "repeat_to_last": QT_TRANSLATE_NOOP("Journal", "returning lead to its last operator"),
    "weight": QT_TRANSLATE_NOOP("Journal", "weight"),
    "reply_within": QT_TRANSLATE_NOOP("Journal", "reply within"),
    "close_after": QT_TRANSLATE_NOOP("Journal", "close after no activity"),
    "operator": QT_TRANSLATE_NOOP("Journal", "operator"),
    "hours": QT_TRANSLATE_NOOP("Journal", "working hours"),
    "daily_cap": QT_TRANSLATE_NOOP("Journal", "daily cap"),
    "skills": QT_TRANSLATE_NOOP("Journal", "skills"),
    "from": QT_TRANSLATE_NOOP("Journal", "from"),
    "until": QT_TRANSLATE_NOOP("Journal", "until"),
}


YES = QT_TRANSLATE_NOOP("Journal", "yes")
NO = QT_TRANSLATE_NOOP("Journal", "no")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def precise_time(value: dt.datetime) -> str:
    """The local time to the second, as the window's language writes it (a tooltip)."""
    local = in_zone(value)
    moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return QLocale().toString(moment, QLocale.FormatType.LongFormat)


def action_text(action: str) -> str:
    known = ACTION_TEXTS.get(action)
    return _tr(known) if known else action  # a newer version's action: as stored


def kind_text(kind: str) -> str:
    known = KIND_TEXTS.get(kind)
    return _tr(known) if known else kind


def object_text(entry: AuditInfo) -> str:
    label = erased_shown(entry.label)
    if entry.object_kind == ObjectKind.SETTING:
        known = SETTING_TEXTS.get(label)
        label = _tr(known) if known else label
    if not label:
        return kind_text(entry.object_kind)
    separator = " " if label.startswith("#") else ": "  # "Contact #12", "Operator: Анна"
    return f"{kind_text(entry.object_kind)}{separator}{label}"


def value_text(field: str, value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _tr(YES) if value else _tr(NO)
    if field == "strategy" and value in STRATEGY_TEXTS:
        return QCoreApplication.translate("Strategies", STRATEGY_TEXTS[value][1])
    return str(value)


def change_text(changes: tuple[FieldChange, ...]) -> str:
    """``limit: 5 → 7; weight (Борис): 1 → 3`` in the window's language."""
    parts = []
    for change in changes:
        known = FIELD_TEXTS.get(change.field)
        field = _tr(known) if known else ("" if change.field == "value" else change.field)
        if change.of is not None:
            field = f"{field} ({change.of})"
        new = value_text(change.field, change.new)
        if change.old is None and change.field != "weight":  # a new value, none before
            value = new
        else:
            value = f"{value_text(change.field, change.old)} → {new}"
        parts.append(f"{field}: {value}" if field else value)
    return "; ".join(parts)


class JournalModel(RowsModel[AuditInfo]):
    context = CONTEXT
    columns = (
        Column(
            QT_TRANSLATE_NOOP("Journal", "Time"),
            lambda e: local_time(e.created_at),
            lambda e: e.created_at,
            tooltip=lambda e: precise_time(e.created_at),
        ),
        Column(
            QT_TRANSLATE_NOOP("Journal", "Dispatcher"),
            lambda e: e.dispatcher,
            tooltip=lambda e: e.dispatcher,
        ),
        Column(QT_TRANSLATE_NOOP("Journal", "Action"), lambda e: action_text(e.action)),
        Column(
            QT_TRANSLATE_NOOP("Journal", "Object"),
            object_text,
            tooltip=object_text,
        ),
        Column(
            QT_TRANSLATE_NOOP("Journal", "Change"),
            lambda e: change_text(e.changes),
            tooltip=lambda e: change_text(e.changes).replace("; ", "\n") or None,
        ),
    )
