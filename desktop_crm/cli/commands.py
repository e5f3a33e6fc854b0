"""Commands -> services. Each prints its result and returns the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable

from desktop_crm.cli import output
from desktop_crm.cli.importing import run_import
from desktop_crm.db.location import resolve_location
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue, StoppedPartWay
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.common import MAX_ID
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto import ContactInfo, LeadInfo, OperatorInfo, SourceInfo, Statistics
from desktop_crm.services.queue import DrainResult

Handler = Callable[[Crm, argparse.Namespace], object]


def parse_weight(text: str) -> tuple[str, int]:
    """``NAME=WEIGHT`` split at the last ``=``, so names may contain ``=``."""
    name, sep, weight = text.rpartition("=")
    if not sep or not name.strip():
        raise InvalidValue(QT_TRANSLATE_NOOP("errors", "{arg!r} is not OPERATOR=WEIGHT."), arg=text)
    try:
        value = int(weight)
    except ValueError:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The weight in {arg!r} is not a whole number."), arg=text
        ) from None
    return name.strip(), value


def parse_date(text: str | None, *, end: bool) -> dt.datetime | None:
    """A date or ISO date-time in local time; a bare date as ``--until`` means the whole day."""
    if text is None:
        return None
    text = text.strip()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        day = None
    try:
        if day is not None:
            start = dt.datetime.combine(day, dt.time())
            return start + dt.timedelta(days=1) if end else start
        return dt.datetime.fromisoformat(text)
    except OverflowError:  # the day after 9999-12-31
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The date {value} is out of range."),
            value=text,
        ) from None
    except ValueError:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors", "{value!r} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)."
            ),
            value=text,
        ) from None


def _weights(args: argparse.Namespace) -> dict[str, int]:
    pairs = [parse_weight(item) for item in args.weights]
    names = [name for name, _ in pairs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "Operator {names} given more than once."),
            names=", ".join(duplicates),
        )
    return dict(pairs)


def _contact_add(crm: Crm, args: argparse.Namespace) -> object:
    request = ContactRequest(
        external_id=args.lead,
        source=args.source,
        name=args.name,
        message=args.message,
        idempotency_key=args.key,
    )
    return crm.contacts.register(request).contact


def _source_set(crm: Crm, args: argparse.Namespace) -> object:
    changes: dict[str, object] = {
        "name": args.name,
        "strategy": args.strategy,
        "repeat_to_last": args.repeat_to_last,
    }
    if args.code is not None:
        changes["code"] = args.code
    return crm.sources.update(args.source, **changes)  # type: ignore[arg-type]


def _contact_assign(crm: Crm, args: argparse.Namespace) -> object:
    result = crm.contacts.assign([args.id], args.operator)
    if result.refused:
        raise result.refused[0][1]
    return result.changed[0] if result.changed else crm.contacts.get(args.id)


def _distribute(crm: Crm, args: argparse.Namespace) -> dict[str, object]:
    try:
        return {"assigned": crm.queue.drain().assigned}
    except StoppedPartWay as stop:  # exit 4; with --json, what was committed
        if args.json and isinstance(stop.result, DrainResult):
            output.print_json({"assigned": stop.result.assigned})
        raise


def _settings(crm: Crm, args: argparse.Namespace) -> dict[str, object]:
    if args.phone_region:
        crm.settings.set_phone_region(args.phone_region)
    if args.auto_redistribute:
        crm.queue.set_auto(args.auto_redistribute == "on")
    return {
        "phone_region": crm.settings.phone_region(),
        "auto_redistribute": crm.queue.auto_enabled(),
    }


def _limit(args: argparse.Namespace) -> int | None:
    if args.limit is None:
        return None
    if args.limit < 0:
        raise InvalidValue(QT_TRANSLATE_NOOP("errors", "--limit must not be negative."))
    return min(args.limit, MAX_ID)


Command = tuple[Handler, type]

# Each command and the type it prints, so an empty list still prints its table head.
COMMANDS: dict[tuple[str, str | None], Command] = {
    ("operator", "add"): (
        lambda crm, a: crm.operators.create(a.name, max_load=a.max_load, active=not a.inactive),
        OperatorInfo,
    ),
    ("operator", "list"): (lambda crm, a: crm.operators.list(), OperatorInfo),
    ("operator", "show"): (lambda crm, a: crm.operators.get(a.operator), OperatorInfo),
    ("operator", "delete"): (lambda crm, a: crm.operators.delete(a.operator), OperatorInfo),
    ("operator", "set"): (
        lambda crm, a: crm.operators.update(
            a.operator, name=a.name, max_load=a.max_load, active=a.active
        ),
        OperatorInfo,
    ),
    ("source", "add"): (lambda crm, a: crm.sources.create(a.name, code=a.code), SourceInfo),
    ("source", "list"): (lambda crm, a: crm.sources.list(), SourceInfo),
    ("source", "show"): (lambda crm, a: crm.sources.get(a.source), SourceInfo),
    ("source", "delete"): (lambda crm, a: crm.sources.delete(a.source), SourceInfo),
    ("source", "set"): (_source_set, SourceInfo),
    ("source", "weights"): (
        lambda crm, a: crm.sources.set_weights(a.source, _weights(a)),
        SourceInfo,
    ),
    ("contact", "add"): (_contact_add, ContactInfo),
    ("contact", "show"): (
        lambda crm, a: output.ContactDetails(
            crm.contacts.get(a.id), tuple(crm.contacts.history(a.id))
        ),
        output.ContactDetails,
    ),
    ("contact", "close"): (lambda crm, a: crm.contacts.close(a.id), ContactInfo),
    ("contact", "reopen"): (lambda crm, a: crm.contacts.reopen(a.id), ContactInfo),
    ("leads", None): (lambda crm, a: crm.leads.search(a.search, limit=_limit(a)), LeadInfo),
    ("stats", None): (
        lambda crm, a: crm.stats.operators(
            parse_date(a.since, end=False), parse_date(a.until, end=True)
        ),
        Statistics,
    ),
    ("contact", "assign"): (_contact_assign, ContactInfo),
    ("queue", "list"): (lambda crm, a: crm.queue.unassigned(limit=_limit(a) or 0), ContactInfo),
    ("queue", "distribute"): (_distribute, dict),
    ("settings", None): (_settings, dict),
}


def execute(args: argparse.Namespace) -> int:
    """Open the database, run the command, print the result. CrmError propagates."""
    crm_location = resolve_location(args.db)
    if args.command == "import":
        crm = open_crm(crm_location)
        try:
            return run_import(crm, args)
        finally:
            crm.close()
    handler, kind = COMMANDS[(args.command, getattr(args, "action", None))]
    crm = open_crm(crm_location)
    try:
        result = handler(crm, args)
    finally:
        crm.close()
    render(result, kind, as_json=args.json)
    return 0


def render(result: object, kind: type, *, as_json: bool) -> None:
    """Lists print as JSON arrays or tables; single objects as an object or a one-row table."""
    if isinstance(result, dict):
        if as_json:
            output.print_json(result)
        else:
            sys.stdout.write("".join(f"{k}: {v}\n" for k, v in result.items()))
        return
    items = result if isinstance(result, list) else [result]
    to_json, to_text = output.FORMATS[kind]
    if as_json:
        output.print_json(
            [to_json(i) for i in items] if isinstance(result, list) else to_json(result)
        )
    else:
        sys.stdout.write(to_text(items) + "\n")
