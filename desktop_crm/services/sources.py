"""Sources (bots, forms, channels) and their operators' weights."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import peewee as pw

from desktop_crm.db.models import Contact, Operator, Source, SourceOperatorConfig, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain import text
from desktop_crm.domain.distribution import STRATEGY_NAMES
from desktop_crm.domain.durations import (
    MAX_SECONDS,
    MIN_SECONDS,
    DurationError,
    format_duration,
    parse_duration,
)
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.text import name_key
from desktop_crm.errors import QT_TRANSLATE_NOOP, InUse, InvalidValue
from desktop_crm.services.audit import Action, AuditTrail, FieldChange, weight_changes
from desktop_crm.services.clock import Clock, system_clock
from desktop_crm.services.common import (
    MAX_CODE_LENGTH,
    WEIGHT,
    already_taken,
    changed_meanwhile,
    check_no_control,
    check_non_negative,
    check_unchanged,
    clean_name,
    find_operator,
    find_source,
    operator_ref,
    retried,
    unique_violation,
)
from desktop_crm.services.day import absences_of, presence_now, today_counts
from desktop_crm.services.dto.sources import SourceInfo, WeightInfo
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.loads import loads_of
from desktop_crm.services.lookalikes import check_source_not_lookalike
from desktop_crm.services.queue import CapacityHook
from desktop_crm.services.settings import zone

_KEEP = object()


def clean_code(code: str | None) -> str | None:
    """A short code: optional, no spaces, not all digits (digits mean an id); invisible
    characters removed and NFC, like names."""
    if code is None:
        return None
    code = text.clean_name(code)
    if not code:
        return None
    check_no_control(code, "code", "source")
    if len(code) > MAX_CODE_LENGTH or any(ch.isspace() for ch in code) or code.isdigit():
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The code {code!r} must be up to {limit} characters without spaces, "
                "and not only digits.",
            ),
            field="code",
            code=code,
            limit=MAX_CODE_LENGTH,
        )
    return code


def check_strategy(strategy: str) -> str:
    if strategy not in STRATEGY_NAMES:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "Unknown strategy {value!r}; use one of {names}."),
            field="strategy",
            value=strategy,
            names=", ".join(STRATEGY_NAMES),
        )
    return strategy


_DURATION_ERRORS = {
    "format": QT_TRANSLATE_NOOP(
        "errors",
        "{value!r} is not a duration: use a number with a unit, such as 90s, 15m, 2h, 1d "
        "or 1h30m, or off.",
    ),
    "short": QT_TRANSLATE_NOOP("errors", "{value!r} is too short: at least {minimum}."),
    "long": QT_TRANSLATE_NOOP("errors", "{value!r} is too long: at most {maximum}."),
}


def read_duration(text: str, field: str) -> int | None:
    """A duration as typed (``domain.durations``): seconds, or None for ``off``;
    anything else is ``InvalidValue`` naming ``field`` (reply_within, close_after)."""
    try:
        return parse_duration(text)
    except DurationError as error:
        raise InvalidValue(
            _DURATION_ERRORS[error.kind],
            field=field,
            value=text,
            minimum=format_duration(MIN_SECONDS),
            maximum=format_duration(MAX_SECONDS),
        ) from None


def check_duration(seconds: int | None, field: str) -> int | None:
    """Seconds given as a number (the window, an undo): within the same bounds."""
    if seconds is None:
        return None
    return read_duration(format_duration(seconds), field)


DayFacts = Mapping[int, tuple[Exclusion | None, int]]
"""Per operator id: its presence now (away, off shift, or None) and today's count."""


def _day_facts(operator_ids: Iterable[int] | None, now: dt.datetime) -> DayFacts:
    """What the distributor reads of each operator's day (``services/day.py``); None:
    of every operator."""
    ids = None if operator_ids is None else list(operator_ids)
    tz = zone()
    counts = today_counts(ids, now, tz)
    away = absences_of(ids, now)
    hours = Operator.select(Operator.id, Operator.hours)
    if ids is not None:
        hours = hours.where(Operator.id.in_(ids))
    return {
        int(i): (
            presence_now(h or "", [a for _, a in away.get(int(i), ())], now, tz).exclusion,
            counts.get(int(i), 0),
        )
        for i, h in tuples(hours)
    }


def _weights(source_id: int, day: DayFacts | None = None) -> tuple[WeightInfo, ...]:
    """The source's weights; with ``day`` (``_day_facts``) as the distributor sees them
    now, else (an audit's before and after) without the operators' day."""
    rows = list(
        SourceOperatorConfig.select(SourceOperatorConfig, Operator)
        .join(Operator)
        .where(SourceOperatorConfig.source == source_id)
        .order_by(SourceOperatorConfig.id)
    )
    loads = loads_of(r.operator.id for r in rows)
    facts = day or {}
    return tuple(
        WeightInfo(
            operator_ref(r.operator),
            r.weight,
            r.operator.active,
            loads.get(r.operator.id, 0),
            r.operator.max_load,
            presence=facts.get(r.operator.id, (None, 0))[0],
            today=facts.get(r.operator.id, (None, 0))[1],
            daily_cap=r.operator.daily_cap,
        )
        for r in rows
    )


def _weighted(source_id: int) -> list[int]:
    query = SourceOperatorConfig.select(SourceOperatorConfig.operator).where(
        SourceOperatorConfig.source == source_id
    )
    return [int(i) for (i,) in tuples(query)]


def _info(source: Source, day: DayFacts | None = None) -> SourceInfo:
    """The source; with its weights when ``day`` is given (``_day_facts``)."""
    weights = () if day is None else _weights(source.id, day)
    return SourceInfo(
        source.id,
        source.name,
        source.code,
        weights,
        source.strategy,
        source.repeat_to_last,
        source.reply_within,
        source.close_after,
    )


def _check_free(source: Source) -> None:
    """A source's name and code each look different from every other source's name and
    code (so ``--source X`` can mean only one source); under the write lock, with the
    unique indexes as the backstop."""
    keys = [source.name_key] + ([source.code_key] if source.code_key else [])
    query = Source.select().where(Source.name_key.in_(keys) | Source.code_key.in_(keys))
    if source.id is not None:
        query = query.where(Source.id != source.id)
    for other in query.order_by(Source.id):
        if source.code_key and source.code_key in (other.name_key, other.code_key):
            raise already_taken("code", "source", source.code or "", other.name)
        raise already_taken("name", "source", source.name, other.name)


def _check_unlike(source: Source, *, name: bool, code: bool) -> None:
    """The source's new name and code (those ``name``, ``code`` say changed) look unlike
    every other source's name and code (``lookalikes.check_source_not_lookalike``)."""
    if not (name or (code and source.code)):
        return
    query = Source.select(Source.name, Source.code)
    if source.id is not None:
        query = query.where(Source.id != source.id)
    others = [
        (str(other), str(other_code) if other_code else None) for other, other_code in tuples(query)
    ]
    if name:
        check_source_not_lookalike("name", source.name, others)
    if code and source.code:
        check_source_not_lookalike("code", source.code, others)


def _duration_or_none(seconds: int | None) -> str | None:
    return None if seconds is None else format_duration(seconds)


class SourceService:
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

    def _day(self, operator_ids: Iterable[int] | None) -> DayFacts:
        return _day_facts(operator_ids, self._clock().astimezone(dt.UTC))

    @retried
    def create(self, name: str, code: str | None = None) -> SourceInfo:
        name = clean_name(name, "name", "source")
        code = clean_code(code)
        with self._storage.write():
            source = Source(name=name, code=code)
            _check_unlike(source, name=True, code=True)  # same key: _save's AlreadyExists
            source = self._save(source)
            self._trail.record(
                Action.SOURCE_CREATED,
                source.id,
                source.name,
                [FieldChange("code", None, source.code)] if source.code else [],
            )
        self._events.emit(Change.SOURCES)
        return _info(source)

    def list(self, with_weights: bool = True) -> list[SourceInfo]:
        with self._storage.read():
            day = self._day(None) if with_weights else None
            return [_info(s, day) for s in Source.select().order_by(Source.name)]

    def get(self, reference: int | str) -> SourceInfo:
        with self._storage.read():
            source = find_source(reference)
            return _info(source, self._day(_weighted(source.id)))

    @retried
    def update(
        self,
        reference: int | str,
        *,
        name: str | None = None,
        code: object = _KEEP,
        strategy: str | None = None,
        repeat_to_last: bool | None = None,
        reply_within: object = _KEEP,
        close_after: object = _KEEP,
        expected: Mapping[str, object] | None = None,
    ) -> SourceInfo:
        """``code=None`` or ``""`` clears the code; leaving it out keeps it. ``strategy``:
        how operators are picked; ``repeat_to_last``: a returning lead goes to the
        operator who handled it last, when that operator is eligible. ``reply_within``
        and ``close_after``: seconds (``read_duration`` reads a typed one), None turns
        it off, leaving it out keeps it (``services/timers.py`` applies them).
        ``expected`` (an undo): the fields as they must be now, or ``ChangedMeanwhile``."""
        with self._storage.write():
            source = find_source(reference)
            if expected is not None:
                check_unchanged(source.name, source, expected)
            before = (source.name, source.code, source.strategy, source.repeat_to_last)
            timers = (source.reply_within, source.close_after)
            if name is not None:
                source.name = clean_name(name, "name", "source")
            if code is not _KEEP:
                source.code = clean_code(code)  # type: ignore[arg-type]
            if strategy is not None and strategy != source.strategy:
                source.strategy = check_strategy(strategy)
                # A new sequence starts: round-robin state from before means nothing now.
                SourceOperatorConfig.update(rr_current=0).where(
                    SourceOperatorConfig.source == source.id
                ).execute()
            if repeat_to_last is not None:
                source.repeat_to_last = repeat_to_last
            if reply_within is not _KEEP:
                source.reply_within = check_duration(reply_within, "reply_within")  # type: ignore[arg-type]
                if source.reply_within is None:  # no deadline: nothing of it is overdue
                    Contact.update(overdue=False).where(
                        (Contact.source == source.id) & Contact.is_active & Contact.overdue
                    ).execute()
            if close_after is not _KEEP:
                source.close_after = check_duration(close_after, "close_after")  # type: ignore[arg-type]
            _check_unlike(source, name=source.name != before[0], code=source.code != before[1])
            self._save(source)
            self._audit_update(source, *before)
            self._audit_timers(source, *timers)
            info = _info(source, self._day(_weighted(source.id)))
        self._events.emit(Change.SOURCES)
        return info

    def _audit_update(
        self, source: Source, name: str, code: str | None, strategy: str, repeat: bool
    ) -> None:
        """One entry per kind of change, labelled with the name the source has now."""
        trail, src_id, label = self._trail, source.id, source.name
        trail.changed(Action.SOURCE_RENAMED, src_id, label, "name", name, source.name)
        trail.changed(Action.SOURCE_CODE, src_id, label, "code", code, source.code)
        trail.changed(Action.SOURCE_STRATEGY, src_id, label, "strategy", strategy, source.strategy)
        trail.changed(
            Action.SOURCE_REPEAT, src_id, label, "repeat_to_last", repeat, source.repeat_to_last
        )

    def _audit_timers(
        self, source: Source, reply_within: int | None, close_after: int | None
    ) -> None:
        """One entry for the source's timers, values as typed (``15m``; None: off)."""
        changes = [
            FieldChange(field, _duration_or_none(old), _duration_or_none(new))
            for field, old, new in (
                ("reply_within", reply_within, source.reply_within),
                ("close_after", close_after, source.close_after),
            )
            if old != new
        ]
        if changes:
            self._trail.record(Action.SOURCE_TIMERS, source.id, source.name, changes)

    @retried
    def delete(self, reference: int | str) -> SourceInfo:
        """Only a source no contact refers to; its weights go with it."""
        with self._storage.write():
            source = find_source(reference)
            contacts = Contact.select().where(Contact.source == source.id).count()
            if contacts:
                raise InUse(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{name} cannot be deleted: contacts refer to it ({count}); set all "
                        "its weights to 0 instead, so that its new contacts go to no operator.",
                    ),
                    name=source.name,
                    count=contacts,
                )
            info = _info(source)
            SourceOperatorConfig.delete().where(SourceOperatorConfig.source == source.id).execute()
            source.delete_instance()
            self._trail.record(Action.SOURCE_DELETED, source.id, source.name)
        self._events.emit(Change.SOURCES)
        return info

    @retried
    def set_weights(
        self,
        reference: int | str,
        weights: Mapping[int, int] | Mapping[str, int],
        expected: Mapping[int, int] | None = None,
    ) -> SourceInfo:
        """Replace the source's whole operator set (the original PUT); empty clears it.
        ``expected`` (an undo): the stored set as it must be now (operator id -> weight),
        or ``ChangedMeanwhile`` and nothing changes."""
        with self._storage.write():
            source = find_source(reference)
            before = _weights(source.id)
            stored = {w.operator.id: w.weight for w in before}
            if expected is not None and stored != dict(expected):
                raise changed_meanwhile(source.name)
            resolved: dict[int, int] = {}
            for operator_reference, weight in weights.items():
                operator = find_operator(operator_reference)
                if operator.id in resolved:
                    raise InvalidValue(
                        QT_TRANSLATE_NOOP("errors", "Operator {name} is given more than once."),
                        field="weights",
                        name=operator.name,
                    )
                resolved[operator.id] = check_non_negative(weight, WEIGHT, operator.name)
            SourceOperatorConfig.delete().where(SourceOperatorConfig.source == source.id).execute()
            if resolved:
                SourceOperatorConfig.insert_many(
                    [
                        {"source": source.id, "operator": op_id, "weight": weight}
                        for op_id, weight in resolved.items()
                    ]
                ).execute()
            info = _info(source, self._day(_weighted(source.id)))
            self._audit_weights(source, before, stored, info)
        self._events.emit(Change.SOURCES)
        self._on_capacity({source.id})
        return info

    def _audit_weights(
        self,
        source: Source,
        before: tuple[WeightInfo, ...],
        stored: Mapping[int, int],
        info: SourceInfo,
    ) -> None:
        names = {w.operator.id: w.operator.name for w in (*before, *info.weights)}
        new = {w.operator.id: w.weight for w in info.weights}
        changes = weight_changes(dict(stored), new, names)
        if changes:
            self._trail.record(Action.WEIGHTS, source.id, source.name, changes)

    def set_weight(self, reference: int | str, operator: int | str, weight: int) -> SourceInfo:
        """Change one (source, operator) pair and leave the rest of the set as it is
        stored now, so that an edit in the plan cannot undo another process's change.
        Weight 0 keeps an existing pair at 0 and adds no new one."""
        with self._storage.write():
            source = find_source(reference)
            target = find_operator(operator)
            check_non_negative(weight, WEIGHT, target.name)
            before = _weights(source.id)
            stored = {w.operator.id: w.weight for w in before}
            updated = (
                SourceOperatorConfig.update(weight=weight)
                .where(
                    (SourceOperatorConfig.source == source.id)
                    & (SourceOperatorConfig.operator == target.id)
                )
                .execute()
            )
            if not updated and weight > 0:
                SourceOperatorConfig.create(source=source.id, operator=target.id, weight=weight)
            info = _info(source, self._day(_weighted(source.id)))
            self._audit_weights(source, before, stored, info)
        self._events.emit(Change.SOURCES)
        self._on_capacity({source.id})
        return info

    def _save(self, source: Source) -> Source:
        source.name_key = name_key(source.name)
        source.code_key = name_key(source.code) if source.code else None
        _check_free(source)
        try:
            with self._storage.database.atomic():
                source.save()
        except pw.IntegrityError as error:
            field, value = ("code", source.code) if "code" in str(error) else ("name", source.name)
            raise unique_violation(error, field, "source", str(value)) from error
        return source
