"""Operators: create, list, show, edit, delete."""

from __future__ import annotations

from collections.abc import Mapping

import peewee as pw

from desktop_crm.db.models import Contact, Operator, SourceOperatorConfig, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain.eligibility import within_limit
from desktop_crm.domain.text import name_key
from desktop_crm.errors import QT_TRANSLATE_NOOP, InUse, InvalidValue
from desktop_crm.services.audit import Action, AuditTrail, FieldChange
from desktop_crm.services.common import (
    MAX_LOAD,
    already_taken,
    check_non_negative,
    check_unchanged,
    clean_name,
    find_operator,
    retried,
    unique_violation,
)
from desktop_crm.services.dto import OperatorInfo
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.loads import load_of, loads_of
from desktop_crm.services.lookalikes import check_not_lookalike
from desktop_crm.services.queue import CapacityHook, sources_of_operators

DEFAULT_MAX_LOAD = 10


def _info(operator: Operator, load: int) -> OperatorInfo:
    return OperatorInfo(operator.id, operator.name, operator.active, operator.max_load, load)


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
    ) -> None:
        self._storage = storage
        self._events = events
        self._on_capacity = on_capacity
        self._trail = trail

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

    def list(self) -> list[OperatorInfo]:
        with self._storage.read():
            operators = list(Operator.select().order_by(Operator.name))
            loads = loads_of()
        return [_info(o, loads.get(o.id, 0)) for o in operators]

    def get(self, reference: int | str) -> OperatorInfo:
        with self._storage.read():
            operator = find_operator(reference)
            return _info(operator, load_of(operator.id))

    @retried
    def update(
        self,
        reference: int | str,
        *,
        name: str | None = None,
        max_load: int | None = None,
        active: bool | None = None,
        expected: Mapping[str, object] | None = None,
    ) -> OperatorInfo:
        """``expected`` (an undo): the fields as they must be now (``name``, ``max_load``,
        ``active``); otherwise ``ChangedMeanwhile`` and nothing changes."""
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
            try:
                with self._storage.database.atomic():
                    operator.save()
            except pw.IntegrityError as error:
                raise unique_violation(error, "name", "operator", operator.name) from error
            self._audit_update(operator, old_name, old_limit, was_active)
            # More room lets the queue move; less room changes why the queue waits.
            changed = operator.active != was_active or operator.max_load != old_limit
            freed = sources_of_operators([operator.id]) if changed else set()
        self._events.emit(Change.OPERATORS, Change.SOURCES)
        self._on_capacity(freed)
        return _info(operator, load)

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
