"""Contacts: register (find-or-create the lead, distribute, store), close, reopen, show."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import peewee as pw

from desktop_crm.db.models import Contact, Lead, Operator
from desktop_crm.db.statements import run, statements
from desktop_crm.db.storage import Storage
from desktop_crm.domain.distribution import Candidate, RandInt, Unassigned
from desktop_crm.domain.durations import format_duration
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.limits import (
    MAX_EXTERNAL_ID_LENGTH,
    MAX_LEAD_NAME_LENGTH,
    MAX_MESSAGE_LENGTH,
)
from desktop_crm.domain.tags import TagError, parse_given_tags, tags_of, tags_text
from desktop_crm.domain.text import (
    ControlCharacter,
    lead_message,
    lead_name,
    unstorable,
)
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    ChangedMeanwhile,
    CrmError,
    InvalidValue,
    LimitReached,
)
from desktop_crm.services.audit import Action, AuditTrail, Entry, FieldChange, contact_label
from desktop_crm.services.clock import Clock, naive_utc_now, system_clock
from desktop_crm.services.common import (
    find_contact,
    find_contacts,
    find_operator,
    operators_skills,
    retried,
)
from desktop_crm.services.config_cache import current as current_config
from desktop_crm.services.contact_views import (
    ContactKey,
    contact_count,
    contact_info,
    contact_infos,
    contact_page,
)
from desktop_crm.services.dto.contacts import AnsweredInfo, BulkResult, ContactInfo, RegisterResult
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.intake import Intake, hand_exclusion, normalise
from desktop_crm.services.intake_writer import activity_now
from desktop_crm.services.loads import keep_carried, load_of, take_carried
from desktop_crm.services.lookalikes import check_tags_not_like_skills
from desktop_crm.services.settings import phone_region

if TYPE_CHECKING:
    from desktop_crm.services.dto.decisions import DecisionInfo
    from desktop_crm.services.dto.filters import ContactCount, ContactFilter
    from desktop_crm.services.queue import CapacityHook

# The queue's, operators' and history's modules load when a call needs them: registering
# one contact does not (issue 13: a bot's `contact add` starts fast).

MAX_KEY_LENGTH = 255


@dataclass(frozen=True, slots=True)
class ContactRequest:
    """One incoming message. ``source`` is an id, a code or a name."""

    external_id: str
    source: int | str
    name: str = ""
    message: str = ""
    idempotency_key: str | None = None
    created_at: dt.datetime | None = None  # aware, or naive local; default now
    plain_id: bool = False  # the id is never read as a phone: stored as typed
    tags: tuple[str, ...] = ()  # what the contact needs (each may be comma-separated)


@dataclass(frozen=True, slots=True)
class Move:
    """One contact of ``ContactService.move``: from the operator it must have now
    (``expected``; None: the queue) to ``operator`` (None: back to the queue, waiting
    for ``reason``)."""

    contact_id: int
    expected: int | None
    operator: int | None
    reason: str | None = None


def _check_unchanged(
    contacts: Sequence[Contact], expected: Mapping[int, int | None], active: bool
) -> None:
    """Each contact still has the operator and the state an undo expects."""
    for contact in contacts:
        if contact.operator_id != expected.get(contact.id, contact.operator_id):
            raise _moved_meanwhile(contact)
        if contact.is_active != active:
            raise ChangedMeanwhile(
                QT_TRANSLATE_NOOP("errors", "Contact #{id} was reopened meanwhile.")
                if contact.is_active
                else QT_TRANSLATE_NOOP("errors", "Contact #{id} was closed meanwhile."),
                id=contact.id,
            )


def _moved_meanwhile(contact: Contact) -> ChangedMeanwhile:
    if contact.operator is None:
        return ChangedMeanwhile(
            QT_TRANSLATE_NOOP(
                "errors", "Contact #{id} was changed meanwhile (it is in the queue now)."
            ),
            id=contact.id,
        )
    return ChangedMeanwhile(
        QT_TRANSLATE_NOOP(
            "errors", "Contact #{id} was changed meanwhile (its operator is {name} now)."
        ),
        id=contact.id,
        name=contact.operator.name,
    )


_TOO_LONG = {
    "external_id": QT_TRANSLATE_NOOP("errors", "The lead's id is longer than {limit} characters."),
    "name": QT_TRANSLATE_NOOP("errors", "The lead's name is longer than {limit} characters."),
    "message": QT_TRANSLATE_NOOP("errors", "The message is longer than {limit} characters."),
}


def _too_long(field: str, limit: int) -> InvalidValue:
    return InvalidValue(_TOO_LONG[field], field=field, limit=limit)


_CONTROL = {
    "name": QT_TRANSLATE_NOOP(
        "errors",
        "The lead's name holds a control character ({char}); a name may hold none "
        "(escape, bell and the like).",
    ),
    "message": QT_TRANSLATE_NOOP(
        "errors",
        "The message holds a control character ({char}); a message may hold only tabs "
        "and line breaks.",
    ),
}


def _control_error(field: str, error: ControlCharacter) -> InvalidValue:
    return InvalidValue(_CONTROL[field], field=field, char=repr(error.char)[1:-1])


def validate_request(request: ContactRequest) -> ContactRequest:
    """Check sizes and characters; the request as stored: the name and the message by
    the rules of ``domain.text`` (``lead_name``, ``lead_message``), as the importer
    reads them. The same rules for the form, the CLI and the pipe."""
    if not request.external_id or not request.external_id.strip():
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The lead's external id must not be empty."),
            field="external_id",
        )
    texts = {
        "external_id": request.external_id,
        "name": request.name,
        "message": request.message,
        "idempotency_key": request.idempotency_key or "",
        "tags": "".join(request.tags),
    }
    for field, value in texts.items():
        if unstorable(value):
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The request holds a character that cannot be stored "
                    "(NUL or an unpaired surrogate).",
                ),
                field=field,
            )
    try:
        name = lead_name(request.name)
    except ControlCharacter as error:
        raise _control_error("name", error) from None
    try:
        message = lead_message(request.message)
    except ControlCharacter as error:
        raise _control_error("message", error) from None
    if (name, message) != (request.name, request.message):
        request = dataclasses.replace(request, name=name, message=message)
    if len(request.external_id) > MAX_EXTERNAL_ID_LENGTH:
        raise _too_long("external_id", MAX_EXTERNAL_ID_LENGTH)
    if len(request.name) > MAX_LEAD_NAME_LENGTH:
        raise _too_long("name", MAX_LEAD_NAME_LENGTH)
    if len(request.message) > MAX_MESSAGE_LENGTH:
        raise _too_long("message", MAX_MESSAGE_LENGTH)
    key = request.idempotency_key
    if key is not None and (not key.strip() or len(key) > MAX_KEY_LENGTH):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The idempotency key must be 1 to {limit} characters."),
            field="idempotency_key",
            limit=MAX_KEY_LENGTH,
        )
    return request


def payload_fingerprint(
    external_id: str, source_id: int, request: ContactRequest, tags: str = ""
) -> str:
    """What an idempotency key stands for: the normalised lead id, the source, the name,
    the message and the tags (canonical; a retry repeats them exactly; the time of a
    retry may differ). Untagged, the fingerprint is the one it always was."""
    fields: list[object] = [external_id, source_id, request.name.strip(), request.message]
    if tags:
        fields.append(tags)
    text = json.dumps(fields, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_same_payload(
    existing: Contact, payload: str, external_id: str, source_id: int, request: ContactRequest
) -> None:
    """A key reused for a different contact is refused; contacts stored before the
    fingerprint existed compare their lead, source and message."""
    if existing.idempotency_payload is not None:
        same = existing.idempotency_payload == payload
    else:
        lead_id = Lead.get_or_none(Lead.external_id == external_id)
        same = (
            lead_id is not None
            and existing.lead_id == lead_id.id
            and existing.source_id == source_id
            and existing.message == request.message
        )
    if not same:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The idempotency key {key!r} was already used for contact #{id} with a "
                "different lead, source, name, message or tags; use a new key for a new "
                "contact.",
            ),
            field="idempotency_key",
            key=request.idempotency_key,
            id=existing.id,
        )


def _inactive_error(operator: Operator) -> LimitReached:
    return LimitReached(
        QT_TRANSLATE_NOOP("errors", "{name} is inactive and takes no contacts."),
        name=operator.name,
    )


_NOT_NOW = {
    Exclusion.AWAY: QT_TRANSLATE_NOOP(
        "errors", "{name} is away; contact #{id} was not given to them."
    ),
    Exclusion.OFF_SHIFT: QT_TRANSLATE_NOOP(
        "errors", "{name} is off shift now; contact #{id} was not given to them."
    ),
    Exclusion.NO_SKILL: QT_TRANSLATE_NOOP(
        "errors",
        "{name} lacks a skill contact #{id} needs ({tags}); it was not given to them.",
    ),
    Exclusion.DAILY_CAP: QT_TRANSLATE_NOOP(
        "errors",
        "{name} has reached the daily cap ({cap}); contact #{id} was not given to them.",
    ),
}


_NOT_REOPENED = {  # every answer of hand_exclusion but AT_LIMIT (its own message)
    Exclusion.INACTIVE: QT_TRANSLATE_NOOP(
        "errors", "{name} is inactive; contact #{id} cannot be reopened to them."
    ),
    Exclusion.NO_SKILL: QT_TRANSLATE_NOOP(
        "errors",
        "{name} lacks a skill contact #{id} needs ({tags}); it cannot be reopened to them.",
    ),
    Exclusion.AWAY: QT_TRANSLATE_NOOP(
        "errors", "{name} is away; contact #{id} cannot be reopened to them now."
    ),
    Exclusion.OFF_SHIFT: QT_TRANSLATE_NOOP(
        "errors", "{name} is off shift now; contact #{id} cannot be reopened to them now."
    ),
}


def hand_refusal(
    why: Exclusion | None, operator: Operator, contact: Contact, candidate: Candidate
) -> LimitReached | None:
    """Why a choice by hand of ``operator`` for ``contact`` is refused (the rule's
    answer ``why``), or None. A closed contact is not held to the operator's limit,
    daily cap or presence (it adds no load), only to being active and skilled."""
    if why is None:
        return None
    if why is Exclusion.INACTIVE:
        return _inactive_error(operator)
    if why is Exclusion.NO_SKILL:
        missing = tags_of(contact.tags) - candidate.skills
        return LimitReached(
            _NOT_NOW[why], name=operator.name, id=contact.id, tags=", ".join(sorted(missing))
        )
    if not contact.is_active:
        return None
    if why is Exclusion.AT_LIMIT:
        return _full_error(operator, contact.id)
    if why in _NOT_NOW:
        return LimitReached(
            _NOT_NOW[why], name=operator.name, id=contact.id, cap=candidate.daily_cap
        )
    return None


def _full_error(operator: Operator, contact_id: int) -> LimitReached:
    return LimitReached(
        QT_TRANSLATE_NOOP(
            "errors",
            "{name} is at the limit ({max_load}); contact #{id} was not given to them.",
        ),
        name=operator.name,
        max_load=operator.max_load,
        id=contact_id,
    )


def _operator_entry(action: Action, contact: Contact, target: Operator | None) -> Entry:
    """``contact`` (read before the change) goes from its operator to ``target``."""
    old = contact.operator.name if contact.operator is not None else None
    new = target.name if target is not None else None
    return Entry(
        action, contact.id, contact_label(contact.id), (FieldChange("operator", old, new),)
    )


def _state_entry(action: Action, contact: Contact) -> Entry:
    """A contact closed or reopened (the action says which), with whose contact it is."""
    changes = (
        () if contact.operator is None else (FieldChange("operator", None, contact.operator.name),)
    )
    return Entry(action, contact.id, contact_label(contact.id), changes)


def stale_query(source_id: int, cutoff: dt.datetime, limit: int) -> pw.ModelSelect[Contact]:
    """Active contacts of the source with no activity since ``cutoff``, the oldest
    activity first: the partial index ``contact_active_source_activity`` (``is_active``
    as a bare column, so that SQLite sees the query implies the index's condition)."""
    return (
        Contact.select(Contact, Operator)
        .join(Operator, pw.JOIN.LEFT_OUTER, on=(Contact.operator == Operator.id))
        .where((Contact.source == source_id) & Contact.is_active & (Contact.activity_at <= cutoff))
        .order_by(Contact.activity_at, Contact.id)
        .limit(limit)
    )


def _sources_of(operator_ids: Iterable[int | None]) -> set[int]:
    """``queue.sources_of_operators``: the queue's module loads only when capacity appears."""
    from desktop_crm.services.queue import sources_of_operators

    return sources_of_operators(operator_ids)


def _close(active: Sequence[Contact], trail: AuditTrail) -> set[int]:
    """Close these active contacts (read before) inside the caller's write transaction,
    logged by ``trail``; returns the sources where capacity appears."""
    if not active:
        return set()
    Contact.update(is_active=False).where(Contact.id.in_([c.id for c in active])).execute()
    trail.record_many(_state_entry(Action.CONTACT_CLOSED, c) for c in active)
    return _sources_of(c.operator_id for c in active)


COUNT_CAP = 100_000
AUTOMATIC = "(automatic)"
"""The dispatcher the audit log names for what the timers do (``services/timers.py``):
contacts closed after no activity. No person can be called that: a dispatcher's name
is chosen by people, and this one says plainly that nobody chose."""


def _closed_error(contact: Contact) -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP("errors", "Contact #{id} is closed; reopen it first to record a reply."),
        field="id",
        id=contact.id,
    )


def _no_operator_error(contact: Contact) -> InvalidValue:
    return InvalidValue(
        QT_TRANSLATE_NOOP(
            "errors",
            "Contact #{id} has no operator yet; a reply is recorded once an operator has it.",
        ),
        field="id",
        id=contact.id,
    )


def parse_tags_of(values: Sequence[str], field: str = "tags") -> frozenset[str]:
    """A contact's tags as typed, parsed (``InvalidValue`` naming ``field``); each value
    must name a tag (``domain.tags.parse_given_tags``)."""
    try:
        return parse_given_tags(values)
    except TagError as error:
        from desktop_crm.services.operators import tag_error

        raise tag_error(error, field) from None


class ContactService:
    def __init__(
        self,
        storage: Storage,
        events: EventBus,
        randint: RandInt,
        on_capacity: CapacityHook = lambda _sources: None,
        *,
        trail: AuditTrail,
        clock: Clock = system_clock,
    ) -> None:
        self._storage = storage
        self._events = events
        self._randint = randint
        self._on_capacity = on_capacity
        self._trail = trail
        self._clock = clock

    @retried
    def register(self, request: ContactRequest) -> RegisterResult:
        """Find or create the lead, pick the operator, store the contact: one transaction."""
        request = validate_request(request)
        tags = parse_tags_of(request.tags)
        with self._storage.write():
            # what the previous registration here counted, if nothing changed since
            carried = take_carried(self._storage)
            config = current_config(self._storage) if carried is None else carried.config
            region = phone_region(config)
            if tags:
                skills = config.get(("operators_skills",), operators_skills)
                check_tags_not_like_skills(tags, skills, "tags")
            intake = Intake(self._storage, self._randint, region, self._clock, config, carried)
            external_id = normalise(request.external_id, region, plain=request.plain_id)
            source_id = intake.source_id(request.source)
            payload = None
            if request.idempotency_key is not None:
                payload = payload_fingerprint(external_id, source_id, request, tags_text(tags))
                key = (request.idempotency_key,)
                if run(statements().contact_by_key, key).fetchone() is not None:
                    existing = Contact.get(Contact.idempotency_key == request.idempotency_key)
                    _check_same_payload(existing, payload, external_id, source_id, request)
                    return RegisterResult(self._info(existing.id), created=False)
            registered = intake.register(
                external_id=external_id,
                source_id=source_id,
                name=request.name,
                message=request.message,
                created_at=request.created_at,
                idempotency_key=request.idempotency_key,
                idempotency_payload=payload,
                tags=tags,
            )
            intake.flush()
            info = self._info(registered.contact_id)
            keep_carried(self._storage, intake.carry())
        self._events.emit(Change.CONTACTS, Change.LEADS, Change.LOADS)
        return RegisterResult(info, created=True)

    def get(self, contact_id: int) -> ContactInfo:
        with self._storage.read():
            return self._info(find_contact(contact_id).id)

    def page(
        self,
        flt: ContactFilter,
        newest_first: bool = True,
        after: ContactKey | None = None,
        through: ContactKey | None = None,
        limit: int = 200,
    ) -> list[ContactInfo]:
        """A keyset page of the queue (see ``contact_page``)."""
        with self._storage.read():
            return contact_page(flt, newest_first, after, through, limit)

    def count(self, flt: ContactFilter, cap: int = COUNT_CAP) -> ContactCount:
        """How many contacts match ``flt``; past ``cap`` only "more than ``cap``" (a
        count reads every matching index entry, and a screen needs no exact million)."""
        with self._storage.read():
            return contact_count(flt, cap)

    def close(self, contact_id: int) -> ContactInfo:
        """Frees the operator's slot. Closing a closed contact changes nothing."""
        result = self.close_many([contact_id])
        return result.changed[0]

    @retried
    def close_many(
        self, contact_ids: Sequence[int], expected: Mapping[int, int | None] | None = None
    ) -> BulkResult:
        """Close several contacts in one transaction (unknown ids refuse the whole call).
        ``expected`` (undoing a reopen): each contact must still be active with the
        operator it had then (contact id → operator id), else ``ChangedMeanwhile`` and
        nothing is closed."""
        with self._storage.write():
            contacts = find_contacts(contact_ids, locked_in=self._storage)
            if expected is not None:
                _check_unchanged(contacts, expected, active=True)
            active = [c for c in contacts if c.is_active]
            freed = _close(active, self._trail)
            infos = tuple(contact_infos(c.id for c in contacts))
        if active:
            self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
            self._on_capacity(freed)
        return BulkResult(infos)

    @retried
    def close_stale(self, source_id: int, seconds: int, limit: int) -> int:
        """The timers' auto-close (``services/timers.py``): close up to ``limit`` active
        contacts of the source with no activity for ``seconds`` (``activity_at +
        seconds <= now``), the oldest activity first, in one write transaction, the
        same close as by hand (capacity events follow); each traced as an
        ``auto_close`` decision and logged as done by ``AUTOMATIC``. Returns how many."""
        with self._storage.write_batch():
            now = naive_utc_now(self._clock)
            cutoff = now - dt.timedelta(seconds=seconds)
            # Locked, then read whole: one closed or active again by hand meanwhile is left.
            query = stale_query(source_id, cutoff, limit).select(Contact.id)
            stale = find_contacts([c.id for c in self._storage.locking(query)])
            if not stale:
                return 0
            intake = Intake(self._storage, self._randint, phone_region(), self._clock)
            note = f"closed automatically: no activity for {format_duration(seconds)}"
            for contact in stale:
                intake.trace_auto_close(contact, note)
            intake.flush()
            automatic = AuditTrail(AUTOMATIC, self._trail.clock)
            freed = _close(stale, automatic)
        self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
        self._on_capacity(freed)
        return len(stale)

    @retried
    def mark_answered(self, contact_ids: Sequence[int]) -> list[AnsweredInfo]:
        """A bot reports the first reply: ``answered_at`` is set the first time only
        (later calls keep it and say so), the contact's activity is now and it is no
        longer overdue (its reply deadline is met). All or nothing: an unknown contact
        is ``NotFound``, a closed one or one without an operator (a reply comes from
        its operator) ``InvalidValue``, and nothing changes."""
        with self._storage.write():
            contacts = find_contacts(contact_ids, locked_in=self._storage)
            for contact in contacts:
                if not contact.is_active:
                    raise _closed_error(contact)
                if contact.operator_id is None:
                    raise _no_operator_error(contact)
            now = naive_utc_now(self._clock)
            ids = [c.id for c in contacts]
            first = [c.id for c in contacts if c.answered_at is None]
            if first:  # now, as the clock reads it: never in its future, whatever the
                # contact's own time (a clock set back, a file's date years ahead)
                Contact.update(answered_at=now).where(Contact.id.in_(first)).execute()
            Contact.update(activity_at=activity_now(now), overdue=False).where(
                Contact.id.in_(ids)
            ).execute()
            infos = contact_infos(ids)
        self._events.emit(Change.CONTACTS)
        firsts = set(first)
        return [AnsweredInfo(info, info.id in firsts) for info in infos]

    @retried
    def assign(self, contact_ids: Sequence[int], operator: int | str) -> BulkResult:
        """Give contacts to an operator by hand. The limit holds here too: those that do
        not fit are refused with the reason; an inactive operator takes none."""
        refused: list[tuple[int, CrmError]] = []
        changed: list[int] = []
        entries: list[Entry] = []
        with self._storage.write():
            target = find_operator(operator)
            intake = Intake(self._storage, self._randint, phone_region(), self._clock)
            intake.lock_operators([target.id])
            target = find_operator(target.id)  # its limit as it stands under the lock
            contacts = find_contacts(contact_ids, locked_in=self._storage)  # twice is once
            previous: set[int] = set()
            for contact in contacts:
                if contact.operator_id == target.id:
                    continue
                candidate = intake.hand_candidate(target.id, contact.source_id)
                assert candidate is not None, "locked and read in this transaction"
                why = hand_exclusion(candidate, tags_of(contact.tags))
                refusal = hand_refusal(why, target, contact, candidate)
                if refusal is not None:
                    refused.append((contact.id, refusal))
                    continue
                intake.assign_by_hand(contact, candidate)
                entries.append(_operator_entry(Action.CONTACT_ASSIGNED, contact, target))
                if contact.is_active and contact.operator_id is not None:
                    previous.add(contact.operator_id)
                changed.append(contact.id)
            intake.flush()
            self._trail.record_many(entries)
            refused_ids = {contact_id for contact_id, _ in refused}
            infos = tuple(contact_infos(c.id for c in contacts if c.id not in refused_ids))
            freed = _sources_of(previous)
        if changed:
            self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
            self._on_capacity(freed)
        return BulkResult(infos, tuple(refused))

    @retried
    def move(self, moves: Sequence[Move]) -> BulkResult:
        """Undo (or redo) assignments by hand, all or nothing: each contact goes to its
        operator, or back to the queue, only if it still has the operator it is expected
        to have (``ChangedMeanwhile`` otherwise) and the operator may take it by hand
        (the same rule as ``assign``: ``LimitReached``). Traced as manual decisions."""
        changed: list[int] = []
        freed_operators: set[int] = set()
        queued: set[int] = set()
        entries: list[Entry] = []
        with self._storage.write():
            intake = Intake(self._storage, self._randint, phone_region(), self._clock)
            targets = {m.operator for m in moves if m.operator is not None}
            intake.lock_operators(find_operator(t).id for t in targets)
            found = find_contacts((m.contact_id for m in moves), locked_in=self._storage)
            contacts = {c.id: c for c in found}
            for move in moves:
                contact = contacts[move.contact_id]
                previous = contact.operator_id
                if previous != move.expected:
                    raise _moved_meanwhile(contact)
                if move.operator == previous:
                    continue
                if move.operator is None:
                    intake.unassign_by_hand(contact, move.reason or Unassigned.NONE_ELIGIBLE)
                    entries.append(_operator_entry(Action.CONTACT_MOVED, contact, None))
                    if contact.is_active:
                        queued.add(contact.source_id)
                else:
                    target = find_operator(move.operator)
                    candidate = intake.hand_candidate(target.id, contact.source_id)
                    assert candidate is not None, "locked and read in this transaction"
                    why = hand_exclusion(candidate, tags_of(contact.tags))
                    refusal = hand_refusal(why, target, contact, candidate)
                    if refusal is not None:
                        raise refusal
                    intake.assign_by_hand(contact, candidate)
                    entries.append(_operator_entry(Action.CONTACT_MOVED, contact, target))
                if contact.is_active and previous is not None:
                    freed_operators.add(previous)
                changed.append(contact.id)
            intake.flush()
            self._trail.record_many(entries)
            infos = tuple(contact_infos(contacts))
            freed = _sources_of(freed_operators) | queued
        if changed:
            self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
            self._on_capacity(freed)
        return BulkResult(infos)

    def history(self, contact_id: int) -> list[DecisionInfo]:
        """Every decision about the contact, oldest first: why it has its operator."""
        with self._storage.read():
            find_contact(contact_id)
            from desktop_crm.services.history import decision_history

            return decision_history(contact_id)

    def reopen(self, contact_id: int) -> ContactInfo:
        """Only while its operator is below the limit."""
        result = self.reopen_many([contact_id])
        if result.refused:
            raise result.refused[0][1]
        return result.changed[0]

    @retried
    def reopen_many(
        self,
        contact_ids: Sequence[int],
        all_or_nothing: bool = False,
        expected: Mapping[int, int | None] | None = None,
    ) -> BulkResult:
        """Reopen those whose operator has room (in the given order); report the rest.
        A reopened contact without an operator joins the queue (and is distributed
        when someone has room). ``all_or_nothing`` (undoing a close): the first refusal
        is raised and nothing is reopened. ``expected``: each contact must still be
        closed with the operator it had (contact id → operator id), else
        ``ChangedMeanwhile`` and nothing is reopened."""
        changed: list[int] = []
        refused: list[tuple[int, LimitReached]] = []
        queued: set[int] = set()
        with self._storage.write():
            intake = Intake(self._storage, self._randint, phone_region(), self._clock)
            contacts = find_contacts(contact_ids)
            owners = {c.operator_id for c in contacts if not c.is_active and c.operator_id}
            if owners:  # as Intake.lock_operators: before their loads and limits are read
                self._storage.lock_operators(sorted(owners))
                contacts = find_contacts(contact_ids, locked_in=self._storage)
            if expected is not None:
                _check_unchanged(contacts, expected, active=False)
            loads: dict[int, int] = {}
            for contact in contacts:
                if contact.is_active:
                    continue
                operator = contact.operator
                if operator is not None:
                    load = loads.setdefault(operator.id, load_of(operator.id))
                    refusal = self._reopen_refusal(intake, contact, operator, load)
                    if refusal is not None:
                        if all_or_nothing:
                            raise refusal
                        refused.append((contact.id, refusal))
                        continue
                    loads[operator.id] = load + 1
                else:
                    queued.add(contact.source_id)
                changed.append(contact.id)
            if changed:
                # Reopening is activity, and its reply deadline starts afresh.
                now = intake.now
                Contact.update(is_active=True, activity_at=activity_now(now), overdue=False).where(
                    Contact.id.in_(changed)
                ).execute()
                Contact.update(assigned_at=now).where(
                    Contact.id.in_(changed) & Contact.operator.is_null(False)
                ).execute()
                reopened = set(changed)
                self._trail.record_many(
                    _state_entry(Action.CONTACT_REOPENED, c) for c in contacts if c.id in reopened
                )
            refused_ids = {contact_id for contact_id, _ in refused}
            infos = tuple(contact_infos(c.id for c in contacts if c.id not in refused_ids))
        if changed:
            self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
            self._on_capacity(queued)
        return BulkResult(infos, tuple(refused))

    def _reopen_refusal(
        self, intake: Intake, contact: Contact, operator: Operator, load: int
    ) -> LimitReached | None:
        """Reopening gives the contact back to its operator: not a new assignment (no
        weight, no daily cap), but the one rule's other facts hold as for a choice by
        hand (active, there now, the contact's skills, room). ``load``: the operator's,
        with the contacts this call reopened already."""
        candidate = intake.hand_candidate(operator.id, contact.source_id)
        if candidate is None:  # the operator row is locked by the contact: never gone
            return self._limit_error(contact, operator)
        facts = candidate._replace(load=load, today=0, daily_cap=None)
        tags = tags_of(contact.tags)
        why = hand_exclusion(facts, tags)
        if why is None:
            return None
        if why is Exclusion.AT_LIMIT:
            return self._limit_error(contact, operator)
        if why is Exclusion.NO_SKILL:
            return LimitReached(
                _NOT_REOPENED[why],
                name=operator.name,
                id=contact.id,
                tags=", ".join(sorted(tags - candidate.skills)),
            )
        return LimitReached(_NOT_REOPENED[why], name=operator.name, id=contact.id)

    @staticmethod
    def _limit_error(contact: Contact, operator: Operator) -> LimitReached:
        return LimitReached(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} is at the limit ({max_load}); contact #{id} cannot "
                "be reopened. Close another contact or raise the limit.",
            ),
            name=operator.name,
            max_load=operator.max_load,
            id=contact.id,
        )

    @staticmethod
    def _info(contact_id: int) -> ContactInfo:
        info = contact_info(contact_id)
        assert info is not None, "the contact was just read in this transaction"
        return info
