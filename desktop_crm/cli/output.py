"""Printing results: JSON shapes (as the original API had them) and readable tables."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from desktop_crm.domain.durations import format_duration
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.schedule import last_day
from desktop_crm.domain.text import printable
from desktop_crm.domain.times import in_zone, wall_to_utc
from desktop_crm.services.audit import change_text
from desktop_crm.services.reasons import reason_text

if TYPE_CHECKING:  # the result types: each command builds only its own (``FORMATS``)
    from desktop_crm.services.audit import AuditInfo
    from desktop_crm.services.dto.contacts import AnsweredInfo, ContactInfo
    from desktop_crm.services.dto.decisions import DecisionInfo
    from desktop_crm.services.dto.leads import LeadInfo
    from desktop_crm.services.dto.operators import OperatorInfo
    from desktop_crm.services.dto.sources import SourceInfo
    from desktop_crm.services.dto.stats import Statistics

Json = dict[str, Any]


def local_iso(value: dt.datetime | None) -> str | None:
    """ISO 8601 in local time with its offset. The services give aware times; a naive one
    here is the user's own local time (a period's bound as typed), not UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        try:
            value = wall_to_utc(value)  # as the services read it (a skipped midnight: the jump)
        except (OverflowError, ValueError, OSError):
            value = value.replace(tzinfo=dt.UTC)  # at the calendar's edge: shown as it is
    return in_zone(value).isoformat(timespec="seconds")


def contact_json(contact: ContactInfo, with_lead: bool = True) -> Json:
    data: Json = {
        "id": contact.id,
        "created_at": local_iso(contact.created_at),
        "is_active": contact.is_active,
        "message": contact.message,
    }
    if with_lead:
        data["lead"] = {
            "id": contact.lead.id,
            "external_id": contact.lead.external_id,
            "name": contact.lead.name,
        }
    data["source"] = {
        "id": contact.source.id,
        "name": contact.source.name,
        "code": contact.source.code,
    }
    data["operator"] = (
        None
        if contact.operator is None
        else {"id": contact.operator.id, "name": contact.operator.name}
    )
    if contact.operator is None:
        data["reason"] = contact.reason
    data["answered_at"] = local_iso(contact.answered_at)
    data["overdue"] = contact.overdue
    if contact.tags:  # untagged contacts keep the original API's shape
        data["tags"] = list(contact.tags)
    return data


def operator_status(operator: OperatorInfo) -> tuple[str, dt.datetime | None]:
    """(status now, until when): available, inactive, away, off_shift, daily_cap,
    at_limit, as the eligibility rule says for an untagged contact by hand."""
    why = operator.exclusion
    if why is None:
        return "available", operator.presence_until
    if why in (Exclusion.AWAY, Exclusion.OFF_SHIFT):
        return why.value, operator.presence_until
    return why.value, None


def zone_iso(value: dt.datetime | None, zone: dt.tzinfo | None) -> str | None:
    """ISO 8601 in ``zone`` (the configured one: a time of the day's rules); None: local.
    A moment the zone cannot show (the far edge of the calendar) stays in UTC."""
    return None if value is None else in_zone(value, zone).isoformat(timespec="seconds")


def operator_json(operator: OperatorInfo, zone: dt.tzinfo | None = None) -> Json:
    """``zone``: the configured time zone, that of status_until and the absences."""
    status, until = operator_status(operator)
    return {
        "id": operator.id,
        "name": operator.name,
        "active": operator.active,
        "max_load": operator.max_load,
        "load": operator.load,
        "hours": operator.hours,
        "daily_cap": operator.daily_cap,
        "today": operator.today,
        "skills": list(operator.skills),
        "status": status,
        "status_until": zone_iso(until, zone),
        "absences": [
            {"id": a.id, "from": zone_iso(a.starts_at, zone), "until": zone_iso(a.ends_at, zone)}
            for a in operator.absences
        ],
    }


_STATUS_TEXT = {
    "available": "available",
    Exclusion.INACTIVE.value: "inactive",
    Exclusion.AWAY.value: "away",
    Exclusion.OFF_SHIFT.value: "off shift",
    Exclusion.DAILY_CAP.value: "daily cap reached",
    Exclusion.AT_LIMIT.value: "at limit",
}


def status_text(operator: OperatorInfo, zone: dt.tzinfo | None = None) -> str:
    """``away until 2026-12-03 12:00``, ``away until back``, ``off shift until ...``,
    ``available until 18:00`` (the shift's end)..., in ``zone``."""
    status, until = operator_status(operator)
    text = _STATUS_TEXT.get(status, status)
    if until is not None:
        if status == Exclusion.AWAY.value and _last_day(until, zone) is not None:
            return f"{text} {_absence_end(until, zone)}"
        return f"{text} until {_moment(until, zone)}"
    if status == Exclusion.AWAY.value:
        return f"{text} until back"
    return text


def _absence_text(operator: OperatorInfo, zone: dt.tzinfo | None) -> str:
    return ", ".join(
        f"{_moment(a.starts_at, zone)} – {_absence_end(a.ends_at, zone)}" for a in operator.absences
    )


def _moment(value: dt.datetime, zone: dt.tzinfo | None) -> str:
    return _minutes(in_zone(value, zone))


def _absence_end(value: dt.datetime | None, zone: dt.tzinfo | None) -> str:
    """``back``; an end at the zone's midnight as the day before, inclusive (``--until
    2026-12-14`` is through that day); else the moment."""
    if value is None:
        return "back"
    through = _last_day(value, zone)
    return _moment(value, zone) if through is None else f"through {through.isoformat()}"


def _last_day(end: dt.datetime, zone: dt.tzinfo | None) -> dt.date | None:
    try:
        return last_day(end, zone or in_zone(end, zone).tzinfo or dt.UTC)
    except (OverflowError, ValueError):  # at the calendar's edge: shown as the moment
        return None


def source_json(source: SourceInfo) -> Json:
    return {
        "id": source.id,
        "name": source.name,
        "code": source.code,
        "strategy": source.strategy,
        "repeat_to_last": source.repeat_to_last,
        "reply_within": source.reply_within,  # seconds; None: off
        "close_after": source.close_after,
        "operators": [
            {
                "id": w.operator.id,
                "name": w.operator.name,
                "weight": w.weight,
                "active": w.active,
                "load": w.load,
                "max_load": w.max_load,
            }
            for w in source.weights
        ],
    }


def lead_json(lead: LeadInfo) -> Json:
    return {
        "id": lead.id,
        "external_id": lead.external_id,
        "name": lead.name,
        "created_at": local_iso(lead.created_at),
        "contacts": [contact_json(c, with_lead=False) for c in lead.contacts],
    }


def stats_json(stats: Statistics) -> Json:
    def counts(items: Sequence[Any]) -> list[Json]:
        return [
            {
                "source": {"id": c.source.id, "name": c.source.name, "code": c.source.code},
                "total": c.total,
                "active": c.active,
            }
            for c in items
        ]

    return {
        "since": local_iso(stats.since),
        "until": local_iso(stats.until),
        "operators": [
            {
                "id": o.operator.id,
                "name": o.operator.name,
                "active": o.active,
                "load": o.load,
                "max_load": o.max_load,
                "total": o.total,
                "sources": counts(o.per_source),
            }
            for o in stats.operators
        ],
        "unassigned": counts(stats.unassigned),
    }


# json escapes C0 controls itself; these it would write raw although a terminal acts on
# them: DEL, C1 controls, bidi controls, line and paragraph separators.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def print_json(data: object, stream: TextIO | None = None) -> None:
    """UTF-8 JSON; characters a terminal would act on are written as ``\\uXXXX`` escapes,
    so the parsed text is exactly the stored one."""
    stream = stream or sys.stdout  # looked up now: tests and callers may redirect it
    for chunk in json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data):
        stream.write(_JSON_UNSAFE.sub(_json_escape, chunk))  # chunk by chunk, as json.dump
    stream.write("\n")


def json_line(data: object) -> str:
    """``data`` as one line of JSON and its newline (``contact add --jsonl``), with the
    escapes of ``print_json``: no raw line separator can split it."""
    return _JSON_UNSAFE.sub(_json_escape, json.dumps(data, ensure_ascii=False)) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [_width(h) for h in headers]
    for row in cells:
        widths = [max(w, _width(c)) for w, c in zip(widths, row, strict=True)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True))

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(row) for row in cells)
    return "\n".join(s.rstrip() for s in out)


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        return _minutes(in_zone(value))
    text = _inline(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _minutes(value: dt.datetime) -> str:
    """``YYYY-MM-DD HH:MM`` (strftime writes the year 1 as "1")."""
    return value.replace(tzinfo=None).isoformat(" ", "minutes")


def _inline(value: object) -> str:
    """One line of text for a terminal: line breaks become spaces, control and bidi
    characters are shown escaped (a name must not drive the terminal)."""
    return printable(str(value).replace("\r\n", " ").replace("\n", " "))


def operators_table(operators: Sequence[OperatorInfo], zone: dt.tzinfo | None = None) -> str:
    """``zone``: the configured time zone, that of the status and away columns (said
    under the table when a time is shown)."""
    table = format_table(
        ["id", "name", "active", "load", "max_load", "today", "skills", "hours", "status", "away"],
        [
            [
                o.id,
                o.name,
                o.active,
                o.load,
                o.max_load,
                f"{o.today}/{o.daily_cap}" if o.daily_cap is not None else o.today,
                ",".join(o.skills),
                o.hours,
                status_text(o, zone),
                _absence_text(o, zone),
            ]
            for o in operators
        ],
    )
    if zone is None or not any(o.presence_until or o.absences for o in operators):
        return table
    return f"{table}\n(times in {zone})"


def sources_table(sources: Sequence[SourceInfo]) -> str:
    return format_table(
        ["id", "name", "code", "reply within", "close after", "operators (weight)"],
        [
            [
                s.id,
                s.name,
                s.code,
                format_duration(s.reply_within),
                format_duration(s.close_after),
                ", ".join(f"{w.operator.name}={w.weight}" for w in s.weights),
            ]
            for s in sources
        ],
    )


def contacts_table(contacts: Sequence[ContactInfo]) -> str:
    tagged = any(c.tags for c in contacts)  # the column only when someone has tags
    return format_table(
        ["id", "created", "active", "lead", "source", "operator", "message"]
        + (["tags"] if tagged else []),
        [
            [
                c.id,
                c.created_at,
                c.is_active,
                f"{c.lead.external_id} {c.lead.name}".strip(),
                c.source.name,
                _holder(c),
                c.message,
            ]
            + ([",".join(c.tags)] if tagged else [])
            for c in contacts
        ],
    )


def _holder(contact: ContactInfo) -> str:
    """The operator column: the operator (overdue: its reply deadline passed and nobody
    else could take it), or nobody with the reason."""
    if contact.operator is None:
        return _nobody("—", contact.reason)
    return f"{contact.operator.name} (overdue)" if contact.overdue else contact.operator.name


def answered_json(item: AnsweredInfo) -> Json:
    return contact_json(item.contact) | {"first_reply": item.first}


def answered_table(items: Sequence[AnsweredInfo]) -> str:
    return format_table(
        ["id", "answered", "operator", "note"],
        [
            [
                i.contact.id,
                i.contact.answered_at,
                _holder(i.contact),
                "first reply recorded" if i.first else "answered before; the first time is kept",
            ]
            for i in items
        ],
    )


def leads_text(leads: Sequence[LeadInfo]) -> str:
    blocks = []
    for lead in leads:
        title = f"#{lead.id} {_inline(lead.external_id)} {_inline(lead.name)}".rstrip()
        blocks.append(f"{title} — {lead.contact_count} contact(s)")
        for c in lead.contacts:
            who = _inline(c.operator.name) if c.operator else _unassigned(c.reason)
            state = "" if c.is_active else " [closed]"
            message = f": {_cell(c.message)}" if c.message.strip() else ""
            blocks.append(
                f"  #{c.id} {_cell(c.created_at)} {_inline(c.source.name)} -> {who}{state}{message}"
            )
    return "\n".join(blocks) if blocks else "No leads."


def _unassigned(reason: str | None) -> str:
    """ "unassigned: <why>", or "unassigned" alone when no reason is recorded."""
    text = _inline(reason_text(reason))
    return f"unassigned: {text}" if text else "unassigned"


def _nobody(word: str, reason: str | None) -> str:
    """``word`` with the reason in brackets, or ``word`` alone when none is recorded."""
    text = _inline(reason_text(reason))
    return f"{word} ({text})" if text else word


def stats_table(stats: Statistics) -> str:
    rows: list[list[object]] = []
    for o in stats.operators:
        rows.append([o.operator.name, "(all)", o.total, f"{o.load}/{o.max_load}"])
        rows.extend([["", c.source.name, c.total, c.active] for c in o.per_source])
    rows.extend([["(unassigned)", c.source.name, c.total, c.active] for c in stats.unassigned])
    return format_table(["operator", "source", "contacts", "active / load"], rows)


@dataclass(frozen=True)
class ContactDetails:
    """``contact show``: the contact and every decision about it."""

    contact: ContactInfo
    history: tuple[DecisionInfo, ...]


def decision_json(decision: DecisionInfo) -> Json:
    return {
        "id": decision.id,
        "created_at": local_iso(decision.created_at),
        "kind": decision.kind,
        "operator": None
        if decision.operator is None
        else {"id": decision.operator.id, "name": decision.operator.name},
        "reason": decision.reason,
        "strategy": decision.strategy,
        "candidates": [
            {
                "operator": {"id": c.operator.id, "name": c.operator.name},
                "weight": c.weight,
                "active": c.active,
                "load": c.load,
                "max_load": c.max_load,
                "excluded": c.excluded,
            }
            for c in decision.candidates
        ],
        "draws": [
            {
                "operator": {"id": d.operator.id, "name": d.operator.name},
                "accepted": d.accepted,
                "r": d.r,
                "total": d.total,
                "note": d.note,
            }
            for d in decision.draws
        ],
        "note": decision.note,
    }


def details_json(details: ContactDetails) -> Json:
    return contact_json(details.contact) | {"history": [decision_json(d) for d in details.history]}


def decision_text(decision: DecisionInfo) -> str:
    who = decision.operator.name if decision.operator else _nobody("nobody", decision.reason)
    if decision.kind == "auto_close":
        who = "closed"
    lines = [f"  {_cell(decision.created_at)} {decision.kind} [{decision.strategy}] -> {who}"]
    for c in decision.candidates:
        state = f" — excluded: {c.excluded}" if c.excluded else ""
        lines.append(f"    {c.operator.name}: weight {c.weight}, load {c.load}/{c.max_load}{state}")
    for d in decision.draws:
        drawn = f"r={d.r} of {d.total}" if d.r is not None else d.note or "chosen"
        verdict = "accepted" if d.accepted else "refused at re-check"
        lines.append(f"    pick {d.operator.name}: {drawn}, {verdict}")
    if decision.note:
        lines.append(f"    note: {decision.note}")
    return "\n".join(lines)


def details_text(items: Sequence[ContactDetails]) -> str:
    details = items[0]
    return "\n".join(
        [contacts_table([details.contact]), "history:"]
        + [decision_text(d) for d in details.history]
    )


def audit_json(entry: AuditInfo) -> Json:
    return {
        "id": entry.id,
        "time": local_iso(entry.created_at),
        "dispatcher": entry.dispatcher,
        "action": entry.action,
        "object": {"kind": entry.object_kind, "id": entry.object_id, "label": entry.label},
        "changes": [change.as_json() for change in entry.changes],
    }


def audit_table(entries: Sequence[AuditInfo]) -> str:
    if not entries:
        return "No changes logged."
    return format_table(
        ["time", "dispatcher", "action", "object", "change"],
        [
            [
                e.created_at,
                e.dispatcher,
                e.action.replace("_", " "),
                f"{e.object_kind} {e.label}".strip(),
                change_text(e.changes),
            ]
            for e in entries
        ],
    )


Format = tuple[Callable[[Any], Json], Callable[[Sequence[Any]], str]]


def _safe(to_text: Callable[[Sequence[Any]], str]) -> Callable[[Sequence[Any]], str]:
    """Whatever a text format writes reaches the terminal with no control character raw."""
    return lambda items: printable(to_text(items))


def operator_formats(zone: dt.tzinfo | None) -> Format:
    """Operators' JSON and table with the day's-rules times in ``zone``."""
    return (
        lambda operator: operator_json(operator, zone),
        _safe(lambda items: operators_table(items, zone)),
    )


class _Formats(dict[str, Format]):
    """Each result type's formats by the type's name, so this module builds no result
    type (a command imports only its own: issue 13); the type itself finds them too."""

    def __getitem__(self, kind: str | type) -> Format:
        return super().__getitem__(kind if isinstance(kind, str) else kind.__name__)


FORMATS = _Formats(
    {
        "OperatorInfo": (operator_json, _safe(operators_table)),
        "SourceInfo": (source_json, _safe(sources_table)),
        "ContactInfo": (contact_json, _safe(contacts_table)),
        "ContactDetails": (details_json, _safe(details_text)),
        "LeadInfo": (lead_json, _safe(leads_text)),
        "Statistics": (stats_json, _safe(lambda items: stats_table(items[0]))),
        "AuditInfo": (audit_json, _safe(audit_table)),
        "AnsweredInfo": (answered_json, _safe(answered_table)),
    }
)
