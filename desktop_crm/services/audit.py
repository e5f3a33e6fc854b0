"""Who did what: the dispatcher's name and the audit log.

Every change a dispatcher makes by hand (manual assignments and moves, closes,
reopens, and every setting: operators, sources, weights, strategies, the phone
region, automatic re-distribution) is recorded by the service that makes it, with
``AuditTrail.record`` inside the change's own write transaction: a change and its
record are committed together or not at all. Contacts registered by bots, the
form and imports are not logged one by one (each contact carries its own decision
trace); an import run is logged as one entry when it starts.

The services learn the dispatcher once (``open_crm(dispatcher=...)``,
``Crm.set_dispatcher``): the trail is shared by every service of one ``Crm``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_crm.db.models import AuditEntry, tuples, utcnow
from desktop_crm.db.storage import Storage
from desktop_crm.domain import text
from desktop_crm.domain.audit import KIND_OF
from desktop_crm.domain.audit import Action as Action  # re-exported: the services record it
from desktop_crm.domain.audit import ObjectKind as ObjectKind
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.common import aware_utc, stored_time

MAX_DISPATCHER_LENGTH = 64
FALLBACK_DISPATCHER = "unknown"
MAX_ENTRIES = 100_000  # the most one call reads


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One value that changed: ``field`` (name, code, max_load, active, strategy,
    repeat_to_last, weight, operator, value), ``of`` what (a weight: the operator's
    name), its old and new value (None: none)."""

    field: str
    old: Any = None
    new: Any = None
    of: str | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field, "old": self.old, "new": self.new}
        if self.of is not None:
            data["of"] = self.of
        return data


@dataclass(frozen=True, slots=True)
class AuditInfo:
    id: int
    created_at: dt.datetime  # aware, UTC
    dispatcher: str
    action: str  # an Action value (an unknown one from a newer version stays text)
    object_kind: str  # an ObjectKind value
    object_id: int | None
    label: str  # the object's name at the time
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """Times: aware, or naive local; ``until`` is exclusive."""

    dispatcher: str | None = None
    object_kind: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


# -- the dispatcher's name ----------------------------------------------------------------
def clean_dispatcher(name: str) -> str:
    """A dispatcher's name as stored: trimmed, runs of spaces as one (invisible characters
    removed, NFC), not empty, at most ``MAX_DISPATCHER_LENGTH`` characters, no control
    character and no line or paragraph separator."""
    cleaned = text.clean_name(name or "")
    breaks = _breaks_lines(cleaned)
    if not breaks:
        cleaned = " ".join(part for part in cleaned.split(" ") if part)
    if not cleaned:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The dispatcher name must not be empty."),
            field="dispatcher",
        )
    if len(cleaned) > MAX_DISPATCHER_LENGTH:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The dispatcher name is longer than {limit} characters."),
            field="dispatcher",
            limit=MAX_DISPATCHER_LENGTH,
        )
    if breaks:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                "The dispatcher name must not contain control characters "
                "(tab, line break, escape and the like).",
            ),
            field="dispatcher",
        )
    return cleaned


def _breaks_lines(name: str) -> bool:
    """A control character (Cc), or a line or paragraph separator (Zl, Zp): each would
    break the journal's one-line rows and the CLI's output. (Format characters, Cf, are
    invisible and ``clean_name`` has removed them.)"""
    return text.has_control(name) or any(unicodedata.category(ch) in ("Zl", "Zp") for ch in name)


def os_user(getuser: Callable[[], str] = getpass.getuser) -> str:
    """The name of the user running this process, as a dispatcher name; never fails
    (no login name, no passwd entry, a name that is not a usable one)."""
    try:
        return clean_dispatcher(getuser())
    except Exception:  # getpass raises OSError, KeyError or ImportError by platform
        pass
    getuid = getattr(os, "getuid", None)
    return f"uid {getuid()}" if getuid is not None else FALLBACK_DISPATCHER


# -- recording ------------------------------------------------------------------------------
INSERT_CHUNK = 100  # rows per INSERT: 7 values each, within every backend's limit


@dataclass(frozen=True, slots=True)
class Entry:
    action: Action
    object_id: int | None
    label: str
    changes: tuple[FieldChange, ...] = ()


def contact_label(contact_id: int) -> str:
    """A contact in the log: its number only (the lead's name and id are personal data
    that an erasure must be able to remove; the log keeps none)."""
    return f"#{contact_id}"


class AuditTrail:
    """Writes log entries in the caller's write transaction as ``dispatcher``."""

    def __init__(self, dispatcher: str, clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.dispatcher = clean_dispatcher(dispatcher)
        self.clock = clock  # naive UTC, as every stored time; tests set their own

    def set_dispatcher(self, name: str) -> str:
        self.dispatcher = clean_dispatcher(name)
        return self.dispatcher

    def record(
        self,
        action: Action,
        object_id: int | None,
        label: str,
        changes: Iterable[FieldChange] = (),
    ) -> None:
        """Inside the caller's write transaction."""
        self.record_many([Entry(action, object_id, label, tuple(changes))])

    def record_many(self, entries: Iterable[Entry]) -> None:
        """Several entries (a bulk close, assignment...) in bounded multi-row inserts,
        inside the caller's write transaction."""
        now, who = self.clock(), self.dispatcher
        rows = [
            {
                "created_at": now,
                "dispatcher": who,
                "action": e.action.value,
                "object_kind": KIND_OF[e.action].value,
                "object_id": e.object_id,
                "label": e.label,
                "details": json.dumps([c.as_json() for c in e.changes], ensure_ascii=False),
            }
            for e in entries
        ]
        for start in range(0, len(rows), INSERT_CHUNK):
            AuditEntry.insert_many(rows[start : start + INSERT_CHUNK]).execute()

    def changed(
        self,
        action: Action,
        object_id: int | None,
        label: str,
        field: str,
        old: Any,
        new: Any,
    ) -> None:
        """Record ``action`` when ``old`` and ``new`` differ."""
        if old != new:
            self.record(action, object_id, label, [FieldChange(field, old, new)])


def _changes(details: str) -> tuple[FieldChange, ...]:
    try:
        items = json.loads(details)
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(
        FieldChange(str(i.get("field", "")), i.get("old"), i.get("new"), i.get("of"))
        for i in items
        if isinstance(i, dict)
    )


def _info(row: tuple[Any, ...]) -> AuditInfo:
    entry_id, created_at, dispatcher, action, kind, object_id, label, details = row
    return AuditInfo(
        entry_id,
        aware_utc(created_at),
        dispatcher,
        action,
        kind,
        object_id,
        label,
        _changes(details),
    )


class AuditService:
    """Reading the log."""

    def __init__(self, storage: Storage, trail: AuditTrail) -> None:
        self._storage = storage
        self._trail = trail

    @property
    def dispatcher(self) -> str:
        return self._trail.dispatcher

    def entries(self, flt: AuditFilter = AuditFilter(), limit: int = 1000) -> list[AuditInfo]:
        """Newest first, at most ``limit`` (filtered and cut in SQL, along the time index)."""
        query = AuditEntry.select(
            AuditEntry.id,
            AuditEntry.created_at,
            AuditEntry.dispatcher,
            AuditEntry.action,
            AuditEntry.object_kind,
            AuditEntry.object_id,
            AuditEntry.label,
            AuditEntry.details,
        )
        if flt.dispatcher is not None:
            query = query.where(AuditEntry.dispatcher == flt.dispatcher)
        if flt.object_kind is not None:
            query = query.where(AuditEntry.object_kind == flt.object_kind)
        if flt.since is not None:
            query = query.where(AuditEntry.created_at >= stored_time(flt.since, "since"))
        if flt.until is not None:
            query = query.where(AuditEntry.created_at < stored_time(flt.until, "until"))
        query = query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(
            max(0, min(limit, MAX_ENTRIES))
        )
        with self._storage.read():
            return [_info(row) for row in tuples(query)]

    def dispatchers(self) -> list[str]:
        """Every name in the log, sorted."""
        query = AuditEntry.select(AuditEntry.dispatcher).distinct()
        with self._storage.read():
            names = [str(name) for (name,) in tuples(query)]
        return sorted(names, key=lambda n: (text.name_key(n), n))


def weight_changes(
    old: dict[int, int], new: dict[int, int], names: dict[int, str]
) -> list[FieldChange]:
    """The weights that differ between two sets (operator id -> weight; absent: None)."""
    return [
        FieldChange("weight", old.get(op_id), new.get(op_id), of=names.get(op_id, f"#{op_id}"))
        for op_id in sorted(set(old) | set(new), key=lambda i: names.get(i, ""))
        if old.get(op_id) != new.get(op_id)
    ]


def value_text(value: Any) -> str:
    """A logged value in plain English (the CLI; the window translates its own)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def change_text(changes: Sequence[FieldChange]) -> str:
    """``name: Анна → Анна К.; weight (Борис): 1 → 3`` (the CLI's column)."""
    parts = []
    for change in changes:
        field = change.field.replace("_", " ")
        if change.of is not None:
            field = f"{field} ({change.of})"
        if change.old is None and change.new is None:
            parts.append(field)
        elif change.old is None and change.field != "weight":  # a new value, none before
            parts.append(f"{field}: {value_text(change.new)}")
        else:
            parts.append(f"{field}: {value_text(change.old)} → {value_text(change.new)}")
    return "; ".join(parts)
