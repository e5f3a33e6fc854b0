"""Helpers shared by the services: conversions, validation and reference lookup."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import peewee as pw

from desktop_crm.db.models import Contact, Operator, Source
from desktop_crm.errors import QT_TRANSLATE_NOOP, AlreadyExists, InvalidValue, NotFound
from desktop_crm.services.dto import OperatorRef, SourceRef

MAX_NAME_LENGTH = 200
MAX_CODE_LENGTH = 32
MAX_COUNT = 1_000_000  # a sane ceiling for limits and weights
MAX_ID = 2**63 - 1  # the largest row id the database stores


def aware_utc(value: dt.datetime) -> dt.datetime:
    """Stored times are naive UTC; everything above the services sees aware ones."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def naive_utc(value: dt.datetime) -> dt.datetime:
    """Aware -> naive UTC for storage; a naive value is taken as local time."""
    if value.tzinfo is None:
        value = value.astimezone()  # interprets naive as local time
    return value.astimezone(dt.UTC).replace(tzinfo=None)


def clean_name(value: str, field: str, what: str) -> str:
    name = (value or "").strip()
    if not name:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The {what} name must not be empty."),
            field=field,
            what=what,
        )
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The {what} name is longer than {limit} characters."),
            field=field,
            what=what,
            limit=MAX_NAME_LENGTH,
        )
    return name


def check_non_negative(value: int, field: str) -> int:
    """A limit or a weight: a whole number from 0 to ``MAX_COUNT``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "{field} must be a whole number."), field=field
        )
    if value < 0:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "{field} must not be negative (got {value})."),
            field=field,
            value=value,
        )
    if value > MAX_COUNT:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "{field} must be at most {limit} (got {value})."),
            field=field,
            value=value,
            limit=MAX_COUNT,
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


def find_operator(reference: int | str) -> Operator:
    """OPERATOR: an integer is an id, anything else a name."""
    operator_id = as_id(reference)
    query = (
        Operator.select().where(Operator.id == operator_id)
        if operator_id is not None
        else Operator.select().where(Operator.name == str(reference).strip())
    )
    operator = query.first()
    if operator is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No operator {ref!r}."), ref=str(reference).strip()
        )
    return operator


def find_source(reference: int | str) -> Source:
    """SOURCE: an integer is an id, otherwise a code, then a name."""
    source_id = as_id(reference)
    if source_id is not None:
        source = Source.get_or_none(Source.id == source_id)
    else:
        text = str(reference).strip()
        source = Source.get_or_none(Source.code == text) or Source.get_or_none(Source.name == text)
    if source is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("errors", "No source {ref!r}."), ref=str(reference).strip()
        )
    return source


def find_contacts(contact_ids: Iterable[int]) -> list[Contact]:
    """Several contacts, each once, in the given order, with their operators, read in
    one query per 500 ids; ``NotFound`` for the first that does not exist."""
    ids = list(dict.fromkeys(contact_ids))
    found: dict[int, Contact] = {}
    for start in range(0, len(ids), 500):
        chunk = [as_id(i) for i in ids[start : start + 500]]
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
        return AlreadyExists(
            QT_TRANSLATE_NOOP("errors", "The {field} {value!r} already exists for another {what}."),
            what=what,
            field=field,
            value=value,
        )
    return error
