"""Helpers shared by the services: conversions, validation and reference lookup."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

import peewee as pw

from desktop_crm.db.models import Contact, Operator, Source, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain import text
from desktop_crm.domain.tags import tags_of
from desktop_crm.domain.text import name_key
from desktop_crm.domain.times import (
    MAX_CONTACT_YEAR,
    MIN_CONTACT_YEAR,
    contact_time_in_range,
    wall_to_utc,
)
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    AlreadyExists,
    ChangedMeanwhile,
    InvalidValue,
    NotFound,
)
from desktop_crm.services.dto.refs import OperatorRef, SourceRef
from desktop_crm.services.lookalikes import no_source_like

MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 32
MAX_COUNT = 1_000_000  # a sane ceiling for limits and weights
MAX_ID = 2**63 - 1  # the largest row id the database stores

_P = ParamSpec("_P")
_R = TypeVar("_R")


class _HasStorage(Protocol):
    _storage: Storage


_S = TypeVar("_S", bound=_HasStorage)


def retried(method: Callable[Concatenate[_S, _P], _R]) -> Callable[Concatenate[_S, _P], _R]:
    """A public service call that is one write transaction: if it meets another writer
    (a deadlock, two clients creating the same lead), the storage runs it again from the
    start (``Storage.retrying``); nothing of the failed attempt was written."""

    @functools.wraps(method)
    def run(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        return self._storage.retrying(lambda: method(self, *args, **kwargs))

    return run


def aware_utc(value: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; everything above the services sees aware ones."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def naive_utc(value: dt.datetime) -> dt.datetime:
    """Aware -> naive UTC for storage; a naive value is taken as local time (a wall
    time in a DST gap or fold by ``domain.times.wall_to_utc``, as the shifts read it)."""
    if value.tzinfo is None:
        value = wall_to_utc(value)
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def stored_time(value: dt.datetime, field: str) -> dt.datetime:
    """``naive_utc`` of a time the user gave (a filter's bound); a time that has no UTC
    equivalent (year 1 or 9999 at the edge) is the user's error, not a crash."""
    try:
        return naive_utc(value)
    except (OverflowError, ValueError):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The date {value} is out of range."),
            field=field,
            value=value.isoformat(" "),
        ) from None


def contact_time(value: dt.datetime, field: str = "created_at") -> dt.datetime:
    """A contact's time the user gave (aware, or naive local) as naive UTC for storage;
    one outside the years a contact's time can have (``domain.times``) is the user's
    error, named by those years."""
    try:
        stored = naive_utc(value)
    except (OverflowError, ValueError, OSError):
        stored = None
    if stored is None or not contact_time_in_range(stored):
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The date {value} is outside the years {first} to {last} that a contact's "
                "time can have.",
            ),
            field=field,
            value=value.isoformat(" "),
            first=MIN_CONTACT_YEAR,
            last=MAX_CONTACT_YEAR,
        )
    return stored


# Error texts name what is at fault in whole sentences, one per operator/source field,
# so that a translation reads right (no English identifier is pasted into it) and the
# CLI's English too. Keys: (what, field).
_EMPTY_NAME = {
    "operator": QT_TRANSLATE_NOOP("errors", "The operator name must not be empty."),
    "source": QT_TRANSLATE_NOOP("errors", "The source name must not be empty."),
}
_LONG_NAME = {
    "operator": QT_TRANSLATE_NOOP("errors", "The operator name is longer than {limit} characters."),
    "source": QT_TRANSLATE_NOOP("errors", "The source name is longer than {limit} characters."),
}
_CONTROL = {
    ("operator", "name"): QT_TRANSLATE_NOOP(
        "errors",
        "The operator name must not contain control characters "
        "(tab, line break, escape and the like).",
    ),
    ("source", "name"): QT_TRANSLATE_NOOP(
        "errors",
        "The source name must not contain control characters "
        "(tab, line break, escape and the like).",
    ),
    ("source", "code"): QT_TRANSLATE_NOOP(
        "errors",
        "The source code must not contain control characters "
        "(tab, line break, escape and the like).",
    ),
}
_TAKEN = {
    ("operator", "name"): QT_TRANSLATE_NOOP(
        "errors",
        "The name {value!r} already exists for operator {other!r} (names are compared "
        "ignoring case, width and invisible characters).",
    ),
    ("source", "name"): QT_TRANSLATE_NOOP(
        "errors",
        "The name {value!r} already exists for source {other!r} (names and codes are "
        "compared ignoring case, width and invisible characters).",
    ),
    ("source", "code"): QT_TRANSLATE_NOOP(
        "errors",
        "The code {value!r} already exists for source {other!r} (names and codes are "
        "compared ignoring case, width and invisible characters).",
    ),
}
_UNIQUE = {
    ("operator", "name"): QT_TRANSLATE_NOOP(
        "errors", "The name {value!r} already exists for another operator."
    ),
    ("source", "name"): QT_TRANSLATE_NOOP(
        "errors", "The name {value!r} already exists for another source."
    ),
    ("source", "code"): QT_TRANSLATE_NOOP(
        "errors", "The code {value!r} already exists for another source."
    ),
}
# check_non_negative: a load limit, or an operator's weight on a source.
MAX_LOAD = "max_load"
WEIGHT = "weight"
_NOT_WHOLE = {
    MAX_LOAD: QT_TRANSLATE_NOOP("errors", "The load limit must be a whole number."),
    WEIGHT: QT_TRANSLATE_NOOP("errors", "The weight of {operator} must be a whole number."),
}
_NEGATIVE = {
    MAX_LOAD: QT_TRANSLATE_NOOP("errors", "The load limit must not be negative (got {value})."),
    WEIGHT: QT_TRANSLATE_NOOP(
        "errors", "The weight of {operator} must not be negative (got {value})."
    ),
}
_TOO_LARGE = {
    MAX_LOAD: QT_TRANSLATE_NOOP("errors", "The load limit must be at most {limit} (got {value})."),
    WEIGHT: QT_TRANSLATE_NOOP(
        "errors", "The weight of {operator} must be at most {limit} (got {value})."
    ),
}


def clean_name(value: str, field: str, what: str) -> str:
    """A name as stored: invisible characters removed, NFC, trimmed (``domain.text``);
    refused when nothing visible is left, too long, or holding control characters.
    ``what``: 'operator' or 'source'."""
    name = text.clean_name(value or "")
    if not name:
        raise InvalidValue(_EMPTY_NAME[what], field=field)
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidValue(_LONG_NAME[what], field=field, limit=MAX_NAME_LENGTH)
    check_no_control(name, field, what)
    return name


def check_no_control(value: str, field: str, what: str) -> None:
    """Names and codes are shown in tables and terminals: no control characters."""
    if text.has_control(value):
        raise InvalidValue(_CONTROL[(what, field)], field=field)


def already_taken(field: str, what: str, value: str, other: str) -> AlreadyExists:
    """``value`` looks the same as the name or code of ``other`` (another operator or source)."""
    return AlreadyExists(_TAKEN[(what, field)], value=value, other=other)


def check_non_negative(value: int, field: str, operator: str = "") -> int:
    """A limit (``field`` MAX_LOAD) or the weight of ``operator`` (WEIGHT): a whole number
    from 0 to ``MAX_COUNT``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(_NOT_WHOLE[field], field=field, operator=operator)
    if value < 0:
        raise InvalidValue(_NEGATIVE[field], field=field, operator=operator, value=value)
    if value > MAX_COUNT:
        raise InvalidValue(
            _TOO_LARGE[field], field=field, operator=operator, value=value, limit=MAX_COUNT
        )
    return value


def operator_ref(operator: Operator) -> OperatorRef:
    return OperatorRef(operator.id, operator.name)


def source_ref(source: Source) -> SourceRef:
    return SourceRef(source.id, source.name, source.code)


def as_id(reference: int | str) -> int | None:
    """An integer (or a string of digits) is an id; one too large to be stored is -1,
    which matches nothing."""
    if isinstance(reference, int):
        value = reference
    else:
        text = reference.strip()
        if not (text.isascii() and text.isdigit()):
            return None
        value = int(text)
    return value if 0 <= value <= MAX_ID else -1


_PREFIX_RE = re.compile(r"(id|name|code):", re.IGNORECASE)


def parse_reference(reference: int | str, kinds: tuple[str, ...]) -> tuple[str, int | str]:
    """OPERATOR or SOURCE as typed: ``(kind, value)``.

    An integer or plain ASCII digits is an id; ``id:N``, ``name:TEXT`` (and for sources
    ``code:TEXT``) say which one is meant, so that a name made of digits is reachable
    (``name:123``); anything else is ``("any", text)``. ``kinds`` are the prefixes known.
    """
    if isinstance(reference, int):
        return "id", reference
    value = reference.strip()
    prefix = _PREFIX_RE.match(value)
    if prefix and prefix.group(1).lower() in kinds:
        kind, value = prefix.group(1).lower(), value[prefix.end() :].strip()
        if kind == "id":
            number = as_id(value)
            return "id", -1 if number is None else number
        return kind, value
    number = as_id(value)
    return ("id", number) if number is not None else ("any", value)


def _suggest_name(named: pw.ModelSelect[Any], reference: int | str) -> None:
    """Digits typed for a name made of digits: say how to reach it."""
    if isinstance(reference, str) and as_id(reference) is not None and named.exists():
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No id {ref}; for the one named {ref!r} write name:{ref}."),
            ref=reference.strip(),
        )


def _not_found(template: str, reference: int | str) -> NotFound:
    return NotFound(template, ref=str(reference).strip())


def find_operator(reference: int | str) -> Operator:
    """OPERATOR: an integer is an id, anything else a name (``id:``/``name:`` to say which).
    Names are found by their key, so every spelling that looks the same finds it."""
    kind, value = parse_reference(reference, ("id", "name"))
    if kind == "id":
        operator = Operator.get_or_none(Operator.id == value)
    else:
        # The exact name as well: a row a script wrote without its key is still found.
        operator = (
            Operator.select()
            .where((Operator.name_key == name_key(str(value))) | (Operator.name == value))
            .order_by(Operator.id)
            .first()
        )
    if operator is None:
        _suggest_name(
            Operator.select().where(Operator.name_key == name_key(str(reference))), reference
        )
        raise _not_found(QT_TRANSLATE_NOOP("errors", "No operator {ref!r}."), reference)
    return operator


def find_source(reference: int | str) -> Source:
    """SOURCE: an integer is an id, otherwise a code, then a name (``id:``, ``code:``,
    ``name:`` to say which); codes and names are found by their keys."""
    kind, value = parse_reference(reference, ("id", "code", "name"))
    source: Source | None = None
    if kind == "id":
        source = Source.get_or_none(Source.id == value)
    else:
        key = name_key(str(value))
        if kind in ("any", "code"):
            source = _first_source((Source.code_key == key) | (Source.code == value))
        if source is None and kind in ("any", "name"):
            source = _first_source((Source.name_key == key) | (Source.name == value))
    if source is None:
        _suggest_name(Source.select().where(Source.name_key == name_key(str(reference))), reference)
        if isinstance(reference, str) and kind in ("any", "name"):
            names = [str(name) for (name,) in tuples(Source.select(Source.name))]
            similar = no_source_like(str(value), names)
            if similar is not None:
                raise similar
        raise _not_found(QT_TRANSLATE_NOOP("errors", "No source {ref!r}."), reference)
    return source


def _first_source(condition: pw.Expression) -> Source | None:
    source: Source | None = Source.select().where(condition).order_by(Source.id).first()
    return source


def find_contacts(contact_ids: Iterable[int], locked_in: Storage | None = None) -> list[Contact]:
    """Several contacts, each once, in the given order, with their operators, read in
    one query per 500 ids; ``NotFound`` for the first that does not exist. ``locked_in``
    (a write transaction about to change them): their rows locked, read as they stand
    (``Storage.locking``)."""
    ids = list(dict.fromkeys(contact_ids))
    found: dict[int, Contact] = {}
    for start in range(0, len(ids), 500):
        chunk = [as_id(i) for i in ids[start : start + 500]]
        if locked_in is not None:  # first, alone: a locked row's outer join reads as none
            locked_in.locking(Contact.select(Contact.id).where(Contact.id.in_(chunk))).execute()
        query = (
            Contact.select(Contact, Operator)
            .join(Operator, pw.JOIN.LEFT_OUTER, on=(Contact.operator == Operator.id))
            .where(Contact.id.in_(chunk))
        )
        found.update((c.id, c) for c in query)
    for contact_id in ids:
        if as_id(contact_id) not in found:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "No contact #{id}."), id=contact_id)
    return [found[as_id(i)] for i in ids]  # type: ignore[index]


def find_contact(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == as_id(contact_id))
    if contact is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "No contact #{id}."), id=contact_id)
    return contact


def unique_violation(error: pw.IntegrityError, field: str, what: str, value: str) -> Exception:
    """Turn a UNIQUE failure into ``AlreadyExists``; leave other integrity errors alone."""
    if "unique" in str(error).lower():
        return AlreadyExists(_UNIQUE[(what, field)], value=value)
    return error


def check_unchanged(name: str, row: object, expected: Mapping[str, object]) -> None:
    """An undo restores a value only while the row still holds what the undone change
    left there (``expected``: field -> value); anything changed since, here or
    elsewhere, refuses it."""
    if any(getattr(row, field) != value for field, value in expected.items()):
        raise changed_meanwhile(name)


def changed_meanwhile(name: str) -> ChangedMeanwhile:
    return ChangedMeanwhile(QT_TRANSLATE_NOOP("errors", "{name} was changed meanwhile."), name=name)


def operators_skills(excluding: int | None = None) -> frozenset[str]:
    """Every skill some operator has (but ``excluding``), inside the caller's transaction."""
    query = Operator.select(Operator.skills).where(Operator.skills != "")
    if excluding is not None:
        query = query.where(Operator.id != excluding)
    return frozenset(tag for (text,) in tuples(query) for tag in tags_of(text))


def active_contact_tags() -> dict[str, int]:
    """Each tag active contacts carry, with how many carry it, inside the caller's
    transaction (the contacts a new skill can still matter for)."""
    counts: dict[str, int] = {}
    query = (
        Contact.select(Contact.tags, pw.fn.COUNT(Contact.id))
        .where(Contact.is_active & (Contact.tags != ""))
        .group_by(Contact.tags)
    )
    for text_, count in tuples(query):
        for tag in tags_of(text_):
            counts[tag] = counts.get(tag, 0) + int(count)
    return counts
