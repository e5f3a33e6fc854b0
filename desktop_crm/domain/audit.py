"""The audit log's vocabulary: what a dispatcher can do, and to what kind of object.

Plain data (no I/O): the services record these, the CLI's grammar and the window's
filters offer them."""

from __future__ import annotations

from enum import StrEnum


class ObjectKind(StrEnum):
    OPERATOR = "operator"
    SOURCE = "source"
    CONTACT = "contact"
    SETTING = "setting"
    IMPORT = "import"


class Action(StrEnum):
    """The fixed vocabulary of the log (stored by value)."""

    OPERATOR_CREATED = "operator_created"
    OPERATOR_RENAMED = "operator_renamed"
    OPERATOR_LIMIT = "operator_limit_changed"
    OPERATOR_ACTIVATED = "operator_activated"
    OPERATOR_DEACTIVATED = "operator_deactivated"
    OPERATOR_DELETED = "operator_deleted"
    OPERATOR_HOURS = "operator_hours_changed"
    OPERATOR_AWAY = "operator_away"
    OPERATOR_BACK = "operator_back"
    OPERATOR_ABSENCE_CANCELLED = "operator_absence_cancelled"
    OPERATOR_DAILY_CAP = "operator_daily_cap_changed"
    OPERATOR_SKILLS = "operator_skills_changed"
    SOURCE_CREATED = "source_created"
    SOURCE_RENAMED = "source_renamed"
    SOURCE_CODE = "source_code_changed"
    SOURCE_STRATEGY = "source_strategy_changed"
    SOURCE_REPEAT = "source_repeat_changed"
    SOURCE_TIMERS = "source_timers_changed"  # reply deadline, auto-close after
    SOURCE_DELETED = "source_deleted"
    WEIGHTS = "weights_changed"
    CONTACT_ASSIGNED = "contact_assigned"
    CONTACT_MOVED = "contact_moved"  # an undo or redo of an assignment
    CONTACT_CLOSED = "contact_closed"
    CONTACT_REOPENED = "contact_reopened"
    PHONE_REGION = "phone_region_changed"
    AUTO_REDISTRIBUTION = "auto_redistribution_changed"
    TIMEZONE = "timezone_changed"
    IMPORT_STARTED = "import_started"


_BY_KIND: dict[ObjectKind, tuple[Action, ...]] = {
    ObjectKind.OPERATOR: (
        Action.OPERATOR_CREATED,
        Action.OPERATOR_RENAMED,
        Action.OPERATOR_LIMIT,
        Action.OPERATOR_ACTIVATED,
        Action.OPERATOR_DEACTIVATED,
        Action.OPERATOR_DELETED,
        Action.OPERATOR_HOURS,
        Action.OPERATOR_AWAY,
        Action.OPERATOR_BACK,
        Action.OPERATOR_ABSENCE_CANCELLED,
        Action.OPERATOR_DAILY_CAP,
        Action.OPERATOR_SKILLS,
    ),
    ObjectKind.SOURCE: (
        Action.SOURCE_CREATED,
        Action.SOURCE_RENAMED,
        Action.SOURCE_CODE,
        Action.SOURCE_STRATEGY,
        Action.SOURCE_REPEAT,
        Action.SOURCE_TIMERS,
        Action.SOURCE_DELETED,
        Action.WEIGHTS,
    ),
    ObjectKind.CONTACT: (
        Action.CONTACT_ASSIGNED,
        Action.CONTACT_MOVED,
        Action.CONTACT_CLOSED,
        Action.CONTACT_REOPENED,
    ),
    ObjectKind.SETTING: (Action.PHONE_REGION, Action.AUTO_REDISTRIBUTION, Action.TIMEZONE),
    ObjectKind.IMPORT: (Action.IMPORT_STARTED,),
}
KIND_OF: dict[Action, ObjectKind] = {
    action: kind for kind, members in _BY_KIND.items() for action in members
}
