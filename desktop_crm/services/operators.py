"""Operators: create, list, show, edit, delete; their hours, absences, daily caps and
skills (the dispatcher's day: ``domain.schedule``, ``domain.tags``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

import peewee as pw

from desktop_crm.db.models import Contact, Operator, OperatorAbsence, SourceOperatorConfig, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain.eligibility import within_limit
from desktop_crm.domain.schedule import (
    MAX_ABSENCE_YEAR,
    Absence,
    HoursError,
    absence_time_in_range,
    canonical_hours,
    wall_to_utc,
)
from desktop_crm.domain.tags import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    TagError,
    canonical_tags,
    tags_of,
)
from desktop_crm.domain.text import name_key
from desktop_crm.errors import QT_TRANSLATE_NOOP, InUse, InvalidValue, NotFound
from desktop_crm.services.audit import Action, AuditTrail, FieldChange
from desktop_crm.services.clock import Clock, system_clock
from desktop_crm.services.common import (
    MAX_COUNT,
    MAX_LOAD,
    active_contact_tags,
    already_taken,
    as_id,
    aware_utc,
    check_non_negative,
    check_unchanged,
    clean_name,
    find_operator,
    operators_skills,
    retried,
    unique_violation,
)
from desktop_crm.services.day import absences_of, naive, presence_now, today_counts
from desktop_crm.services.dto.operators import AbsenceInfo, OperatorInfo
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.loads import load_of, loads_of
from desktop_crm.services.lookalikes import (
    check_no_lookalike_pair,
    check_not_lookalike,
    check_skills_not_like_tags,
    check_tags_not_like_skills,
)
from desktop_crm.services.queue import CapacityHook, sources_of_operators
from desktop_crm.services.settings import settled_zone, zone

DEFAULT_MAX_LOAD = 10
KEEP = object()  # ``update``: leave this field as it is
DAILY_CAP = "daily_cap"
SKILLS = "skills"
HOURS = "hours"


def _info(
    operator: Operator,
    load: int,
    now: dt.datetime | None = None,
    tz: ZoneInfo | None = None,
    today: int = 0,
    absences: Iterable[tuple[int, Absence]] = (),
) -> OperatorInfo:
    """``now`` and ``tz``: its presence then (None: a deleted operator, nothing more)."""
    kept = tuple(absences)
    there = None
    if now is not None and tz is not None:
        there = presence_now(operator.hours, [a for _, a in kept], now, tz)
    return OperatorInfo(
        operator.id,
        operator.name,
        operator.active,
        operator.max_load,
        load,
        hours=operator.hours or "",
        daily_cap=operator.daily_cap,
        skills=tuple(sorted(tags_of(operator.skills or ""))),
        today=today,
        presence=None if there is None else there.exclusion,
        presence_until=None if there is None else there.until,
        absences=tuple(AbsenceInfo(i, a.starts_at, a.ends_at) for i, a in kept),
    )


def check_daily_cap(value: int | None) -> int | None:
    """None (no cap) or a whole number >= 0 (0: nothing today)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > MAX_COUNT:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The daily cap must be a whole number from 0 to {limit}, or none.",
            ),
            field=DAILY_CAP,
            limit=MAX_COUNT,
        )
    return value


def tag_error(error: TagError, field: str) -> InvalidValue:
    """A ``domain.tags`` refusal as the user's error; ``field``: skills or tags."""
    if error.kind == "too_long":
        return InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The tag {tag!r} is longer than {limit} characters."),
            field=field,
            tag=error.tag,
            limit=MAX_TAG_LENGTH,
        )
    if error.kind == "empty":
        return InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors", "An empty tag ({tag!r}) was given; leave it out for no tags."
            ),
            field=field,
            tag=error.tag,
        )
    if error.kind == "too_many":
        return InvalidValue(
            QT_TRANSLATE_NOOP("errors", "At most {limit} tags are allowed ({count} given)."),
            field=field,
            limit=MAX_TAGS,
            count=error.tag,
        )
    return InvalidValue(
        QT_TRANSLATE_NOOP(
            "errors",
            "The tag {tag!r} must not contain control or invisible characters or a comma.",
        ),
        field=field,
        tag=error.tag,
    )


def canonical_skills(values: Iterable[str] | str, field: str = SKILLS) -> str:
    """Tags as typed (comma-separated) -> their canonical text, or ``InvalidValue``."""
    try:
        return canonical_tags(values)
    except TagError as error:
        raise tag_error(error, field) from None


_HOURS_ERRORS = {
    "bad_spec": QT_TRANSLATE_NOOP(
        "errors",
        "{spec!r} is not working hours: use DAYS HH:MM-HH:MM, e.g. mon-fri 09:00-18:00.",
    ),
    "bad_day": QT_TRANSLATE_NOOP(
        "errors",
        "{detail!r} in {spec!r} is not a day (mon, tue, wed, thu, fri, sat, sun or "
        "пн, вт, ср, чт, пт, сб, вс).",
    ),
    "bad_time": QT_TRANSLATE_NOOP(
        "errors", "{detail!r} in {spec!r} is not a time of day (00:00 to 24:00)."
    ),
    "empty_shift": QT_TRANSLATE_NOOP(
        "errors", "The shift {spec!r} starts when it ends (a whole day is 00:00-24:00)."
    ),
    "overlap": QT_TRANSLATE_NOOP("errors", "The shifts {spec!r} and {detail!r} overlap."),
    "too_many": QT_TRANSLATE_NOOP(
        "errors", "Working hours may have at most {detail} shifts (a day's touching ones are one)."
    ),
}


def canonical_hours_of(specs: Iterable[str]) -> str:
    """SPECs -> the canonical text, or ``InvalidValue`` saying what is wrong."""
    try:
        return canonical_hours(specs)
    except HoursError as error:
        raise InvalidValue(
            _HOURS_ERRORS[error.kind], field=HOURS, spec=error.spec, detail=error.detail
        ) from None


def instant(value: dt.datetime | dt.date, tz: ZoneInfo, field: str) -> dt.datetime:
    """A time the dispatcher gave: aware as it is; naive (or a date: its midnight) as a
    wall time in the configured zone. Aware UTC; on the zone's calendar by the end of
    the year ``MAX_ABSENCE_YEAR`` (``domain.schedule.absence_time_in_range``)."""
    try:
        if isinstance(value, dt.datetime):
            wall = value.astimezone(tz).replace(tzinfo=None) if value.tzinfo else value
        else:
            wall = dt.datetime.combine(value, dt.time())
        if not absence_time_in_range(wall):
            # Named by its year: the time here may be one the program computed (the
            # midnight after a day given as "through"), which the user never typed.
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", "An absence cannot go past the year {year}."),
                field=field,
                year=MAX_ABSENCE_YEAR,
            )
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            return value.astimezone(dt.UTC)
        return wall_to_utc(wall.date(), wall.hour * 60 + wall.minute, tz) + dt.timedelta(
            seconds=wall.second, microseconds=wall.microsecond
        )
    except (OverflowError, ValueError):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The date {value} is out of range."),
            field=field,
            value=value.isoformat(),
        ) from None


def _check_name_free(name: str, own_id: int | None) -> None:
    """Names are unique by their key (case, width, NFC/NFD and invisible characters do
    not count); called under the write lock, with the unique index as the backstop."""
    query = Operator.select().where(Operator.name_key == name_key(name))
    if own_id is not None:
        query = query.where(Operator.id != own_id)
    other = query.first()
    if other is not None:
        raise already_taken("name", "operator", name, other.name)


class OperatorService:
    def __init__(
        self,
        storage: Storage,
        events: EventBus,
        on_capacity: CapacityHook = lambda _s: None,
        *,
        trail: AuditTrail,
        clock: Clock = system_clock,
    ) -> None:
        self._storage = storage
        self._events = events
        self._on_capacity = on_capacity
        self._trail = trail
        self._clock = clock

    def _now(self) -> dt.datetime:
        return self._clock().astimezone(dt.UTC)

    def _full(self, operators: list[Operator], loads: Mapping[int, int]) -> list[OperatorInfo]:
        """Inside a transaction: the operators with their day (presence, today)."""
        now, tz = self._now(), zone()
        ids = [o.id for o in operators]
        counts = today_counts(ids, now, tz)
        away = absences_of(ids, now)
        return [
            _info(o, loads.get(o.id, 0), now, tz, counts.get(o.id, 0), away.get(o.id, ()))
            for o in operators
        ]

    @retried
    def create(
        self, name: str, max_load: int = DEFAULT_MAX_LOAD, active: bool = True
    ) -> OperatorInfo:
        name = clean_name(name, "name", "operator")
        check_non_negative(max_load, MAX_LOAD)
        with self._storage.write():
            _check_name_free(name, None)
            check_not_lookalike(
                "operator", name, [str(n) for (n,) in tuples(Operator.select(Operator.name))]
            )
            try:
                with self._storage.database.atomic():
                    operator = Operator.create(
                        name=name, name_key=name_key(name), max_load=max_load, active=active
                    )
            except pw.IntegrityError as error:
                raise unique_violation(error, "name", "operator", name) from error
            self._trail.record(
                Action.OPERATOR_CREATED,
                operator.id,
                operator.name,
                [
                    FieldChange("max_load", None, operator.max_load),
                    FieldChange("active", None, operator.active),
                ],
            )
        self._events.emit(Change.OPERATORS)
        return _info(operator, 0)

    def list(self, with_loads: bool = True) -> list[OperatorInfo]:
        """Every operator by name. ``with_loads=False``: names, limits, state, hours,
        caps and skills only, for a list to pick from (the window's filters): the
        loads, today's counts and absences are not read (0, 0 and none), since
        counting the loads reads every open contact."""
        with self._storage.read():
            operators = list(Operator.select().order_by(Operator.name))
            if not with_loads:
                return [_info(o, 0) for o in operators]
            return self._full(operators, loads_of())

    def get(self, reference: int | str) -> OperatorInfo:
        with self._storage.read():
            operator = find_operator(reference)
            return self._full([operator], {operator.id: load_of(operator.id)})[0]

    @retried
    def update(
        self,
        reference: int | str,
        *,
        name: str | None = None,
        max_load: int | None = None,
        active: bool | None = None,
        daily_cap: int | object | None = KEEP,
        skills: Iterable[str] | str | None = None,
        expected: Mapping[str, object] | None = None,
    ) -> OperatorInfo:
        """``expected`` (an undo): the fields as they must be now (``name``, ``max_load``,
        ``active``); otherwise ``ChangedMeanwhile`` and nothing changes. ``daily_cap``:
        None clears it (``KEEP``: unchanged); ``skills``: tags, each possibly
        comma-separated ('' or () clears; None: unchanged)."""
        set_cap = daily_cap is not KEEP
        cap = check_daily_cap(daily_cap) if set_cap else None  # type: ignore[arg-type]
        new_skills = None if skills is None else canonical_skills(skills)
        with self._storage.write():
            operator = find_operator(reference)
            # Its load must not grow between the count and the new limit (PostgreSQL:
            # the row lock every load-adding writer takes; as Intake.lock_operators).
            self._storage.lock_operators([operator.id])
            operator = find_operator(operator.id)
            if expected is not None:
                check_unchanged(operator.name, operator, expected)
            load = load_of(operator.id)
            was_active, old_limit, old_name = operator.active, operator.max_load, operator.name
            if name is not None:
                operator.name = clean_name(name, "name", "operator")
                operator.name_key = name_key(operator.name)
                _check_name_free(operator.name, operator.id)
            if max_load is not None:
                check_non_negative(max_load, MAX_LOAD)
                if not within_limit(load, max_load):
                    # Lowering below the current load would break the one invariant.
                    raise InvalidValue(
                        QT_TRANSLATE_NOOP(
                            "errors",
                            "The load limit of {name} cannot be lower than the active "
                            "contacts it has now ({load}). Close or reassign contacts first.",
                        ),
                        field="max_load",
                        name=operator.name,
                        load=load,
                    )
                operator.max_load = max_load
            if active is not None:
                operator.active = active
            old_cap, old_skills = operator.daily_cap, operator.skills
            if set_cap:
                operator.daily_cap = cap
            if new_skills is not None:
                if new_skills != old_skills:
                    others = operators_skills(excluding=operator.id)
                    check_tags_not_like_skills(tags_of(new_skills), others, SKILLS)
                    check_no_lookalike_pair(tags_of(new_skills), SKILLS)
                    # a skill new to the desk, against the tags waiting contacts carry
                    added = tags_of(new_skills) - tags_of(old_skills) - others
                    if added:
                        check_skills_not_like_tags(added, active_contact_tags(), SKILLS)
                operator.skills = new_skills
            try:
                with self._storage.database.atomic():
                    operator.save()
            except pw.IntegrityError as error:
                raise unique_violation(error, "name", "operator", operator.name) from error
            self._audit_update(operator, old_name, old_limit, was_active)
            trail, op_id, label = self._trail, operator.id, operator.name
            trail.changed(
                Action.OPERATOR_DAILY_CAP, op_id, label, DAILY_CAP, old_cap, operator.daily_cap
            )
            trail.changed(Action.OPERATOR_SKILLS, op_id, label, SKILLS, old_skills, operator.skills)
            # More room lets the queue move; less room changes why the queue waits.
            changed = (
                operator.active != was_active
                or operator.max_load != old_limit
                or operator.daily_cap != old_cap
                or operator.skills != old_skills
            )
            freed = sources_of_operators([operator.id]) if changed else set()
            info = self._full([operator], {operator.id: load})[0]
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        self._on_capacity(freed)
        return info

    @retried
    def delete(self, reference: int | str) -> OperatorInfo:
        """Only an operator no contact refers to; its weights go with it."""
        with self._storage.write():
            operator = find_operator(reference)
            contacts = Contact.select().where(Contact.operator == operator.id).count()
            if contacts:
                raise InUse(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{name} cannot be deleted: contacts refer to it ({count}); "
                        "deactivate the operator instead.",
                    ),
                    name=operator.name,
                    count=contacts,
                )
            SourceOperatorConfig.delete().where(
                SourceOperatorConfig.operator == operator.id
            ).execute()
            operator.delete_instance()
            self._trail.record(Action.OPERATOR_DELETED, operator.id, operator.name)
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        return _info(operator, 0)

    # -- the dispatcher's day ----------------------------------------------------------------
    @retried
    def set_hours(self, reference: int | str, specs: Iterable[str]) -> OperatorInfo:
        """Working hours from SPECs (``domain.schedule``); none: always available. Time
        may bring capacity now (a shift begins): the queue is told."""
        hours = canonical_hours_of(specs)
        with self._storage.write():
            operator = find_operator(reference)
            old = operator.hours or ""
            if old != hours:
                Operator.update(hours=hours).where(Operator.id == operator.id).execute()
                operator.hours = hours
                self._trail.changed(
                    Action.OPERATOR_HOURS, operator.id, operator.name, HOURS, old, hours
                )
            freed = sources_of_operators([operator.id]) if old != hours else set()
            info = self._full([operator], {operator.id: load_of(operator.id)})[0]
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        self._on_capacity(freed)
        return info

    @retried
    def set_away(
        self,
        reference: int | str,
        starts: dt.datetime | dt.date | None = None,
        until: dt.datetime | dt.date | None = None,
    ) -> OperatorInfo:
        """An absence from ``starts`` (default now) until ``until`` (default: until
        ``set_back``). Naive times and dates are wall times of the configured zone.
        Absences already over are pruned."""
        now = self._now()
        with self._storage.write():
            tz = settled_zone()  # the wall times typed are read in it from now on
            begin = now if starts is None else instant(starts, tz, "from")
            end = None if until is None else instant(until, tz, "until")
            if end is not None and end <= begin and starts is not None:
                raise InvalidValue(
                    QT_TRANSLATE_NOOP("errors", "An absence must end after it starts."),
                    field="until",
                )
            if end is not None and end <= now:  # also with no start given (it is now)
                raise InvalidValue(
                    QT_TRANSLATE_NOOP("errors", "An absence must end in the future."),
                    field="until",
                )
            operator = find_operator(reference)
            OperatorAbsence.delete().where(
                (OperatorAbsence.operator == operator.id)
                & OperatorAbsence.ends_at.is_null(False)
                & (OperatorAbsence.ends_at <= naive(now))
            ).execute()
            OperatorAbsence.create(
                operator=operator.id,
                starts_at=naive(begin),
                ends_at=None if end is None else naive(end),
            )
            self._trail.record(
                Action.OPERATOR_AWAY,
                operator.id,
                operator.name,
                [
                    FieldChange("from", None, begin.isoformat(timespec="seconds")),
                    FieldChange(
                        "until", None, None if end is None else end.isoformat(timespec="seconds")
                    ),
                ],
            )
            changed = sources_of_operators([operator.id])  # why the queue waits may change
            info = self._full([operator], {operator.id: load_of(operator.id)})[0]
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        self._on_capacity(changed)
        return info

    @retried
    def set_back(self, reference: int | str) -> OperatorInfo:
        """End the absence in force now (absences ahead stay); the queue is told."""
        now = self._now()
        with self._storage.write():
            operator = find_operator(reference)
            in_force = (
                (OperatorAbsence.operator == operator.id)
                & (OperatorAbsence.starts_at <= naive(now))
                & (OperatorAbsence.ends_at.is_null() | (OperatorAbsence.ends_at > naive(now)))
            )
            ended = OperatorAbsence.update(ends_at=naive(now)).where(in_force).execute()
            if ended:
                self._trail.record(
                    Action.OPERATOR_BACK,
                    operator.id,
                    operator.name,
                    [FieldChange("until", None, now.isoformat(timespec="seconds"))],
                )
            freed = sources_of_operators([operator.id]) if ended else set()
            info = self._full([operator], {operator.id: load_of(operator.id)})[0]
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        self._on_capacity(freed)
        return info

    @retried
    def cancel_absence(self, reference: int | str, absence_id: int) -> OperatorInfo:
        """Take back one of the operator's absences not over yet: one ahead is removed,
        the one in force ends now (as ``set_back``); the queue is told. ``NotFound``
        for an absence that is not the operator's, or already over (history stays)."""
        now = self._now()
        with self._storage.write():
            operator = find_operator(reference)
            absence = OperatorAbsence.get_or_none(
                (OperatorAbsence.id == as_id(absence_id))
                & (OperatorAbsence.operator == operator.id)
                & (OperatorAbsence.ends_at.is_null() | (OperatorAbsence.ends_at > naive(now)))
            )
            if absence is None:
                raise NotFound(
                    QT_TRANSLATE_NOOP("errors", "{name} has no absence #{id} ahead or now."),
                    name=operator.name,
                    id=absence_id,
                )
            starts, ends = aware_utc(absence.starts_at), absence.ends_at
            in_force = starts <= now
            if in_force:
                OperatorAbsence.update(ends_at=naive(now)).where(
                    OperatorAbsence.id == absence.id
                ).execute()
            else:
                absence.delete_instance()
            until = None if ends is None else aware_utc(ends).isoformat(timespec="seconds")
            if in_force:  # history that ends now: only its end changes
                changes = [FieldChange("until", until, now.isoformat(timespec="seconds"))]
            else:
                changes = [
                    FieldChange("from", starts.isoformat(timespec="seconds"), None),
                    FieldChange("until", until, None),
                ]
            self._trail.record(
                Action.OPERATOR_ABSENCE_CANCELLED, operator.id, operator.name, changes
            )
            freed = sources_of_operators([operator.id]) if in_force else set()
            info = self._full([operator], {operator.id: load_of(operator.id)})[0]
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        self._on_capacity(freed)
        return info

    def _audit_update(
        self, operator: Operator, old_name: str, old_limit: int, was_active: bool
    ) -> None:
        """One entry per kind of change, labelled with the name the operator has now."""
        trail, op_id, label = self._trail, operator.id, operator.name
        trail.changed(Action.OPERATOR_RENAMED, op_id, label, "name", old_name, operator.name)
        trail.changed(Action.OPERATOR_LIMIT, op_id, label, "max_load", old_limit, operator.max_load)
        if operator.active != was_active:
            action = Action.OPERATOR_ACTIVATED if operator.active else Action.OPERATOR_DEACTIVATED
            trail.record(action, op_id, label, [FieldChange("active", was_active, operator.active)])
