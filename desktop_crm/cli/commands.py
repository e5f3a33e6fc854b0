"""Commands -> services. Each prints its result and returns the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable

from desktop_crm.cli import output
from desktop_crm.db.location import resolve_location
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.contacts import ContactRequest

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
    try:
        if len(text.strip()) == 10:
            day = dt.date.fromisoformat(text.strip())
            start = dt.datetime.combine(day, dt.time())
            return start + dt.timedelta(days=1) if end else start
        return dt.datetime.fromisoformat(text.strip())
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


HANDLERS: dict[tuple[str, str | None], Handler] = {
    ("operator", "add"): lambda crm, a: crm.operators.create(
        a.name, max_load=a.max_load, active=not a.inactive
    ),
    ("operator", "list"): lambda crm, a: crm.operators.list(),
    ("operator", "show"): lambda crm, a: crm.operators.get(a.operator),
    ("operator", "delete"): lambda crm, a: crm.operators.delete(a.operator),
    ("operator", "set"): lambda crm, a: crm.operators.update(
        a.operator, name=a.name, max_load=a.max_load, active=a.active
    ),
    ("source", "add"): lambda crm, a: crm.sources.create(a.name, code=a.code),
    ("source", "list"): lambda crm, a: crm.sources.list(),
    ("source", "show"): lambda crm, a: crm.sources.get(a.source),
    ("source", "delete"): lambda crm, a: crm.sources.delete(a.source),
    ("source", "set"): lambda crm, a: (
        crm.sources.update(a.source, name=a.name, code=a.code)
        if a.code is not None
        else crm.sources.update(a.source, name=a.name)
    ),
    ("source", "weights"): lambda crm, a: crm.sources.set_weights(a.source, _weights(a)),
    ("contact", "add"): _contact_add,
    ("contact", "show"): lambda crm, a: crm.contacts.get(a.id),
    ("contact", "close"): lambda crm, a: crm.contacts.close(a.id),
    ("contact", "reopen"): lambda crm, a: crm.contacts.reopen(a.id),
    ("leads", None): lambda crm, a: crm.leads.search(a.search, limit=a.limit),
    ("stats", None): lambda crm, a: crm.stats.operators(
        parse_date(a.since, end=False), parse_date(a.until, end=True)
    ),
    ("settings", None): lambda crm, a: (
        {"phone_region": crm.settings.set_phone_region(a.phone_region)}
        if a.phone_region
        else {"phone_region": crm.settings.phone_region()}
    ),
}


def execute(args: argparse.Namespace) -> int:
    """Open the database, run the command, print the result. CrmError propagates."""
    handler = HANDLERS[(args.command, getattr(args, "action", None))]
    if args.command == "leads" and args.limit is not None and args.limit < 0:
        raise InvalidValue(QT_TRANSLATE_NOOP("errors", "--limit must not be negative."))
    crm = open_crm(resolve_location(args.db))
    try:
        result = handler(crm, args)
    finally:
        crm.close()
    render(result, as_json=args.json)
    return 0


def render(result: object, *, as_json: bool) -> None:
    """Lists print as JSON arrays or tables; single objects as an object or a one-row table."""
    items = result if isinstance(result, list) else [result]
    if isinstance(result, dict):
        if as_json:
            output.print_json(result)
        else:
            sys.stdout.write("".join(f"{k}: {v}\n" for k, v in result.items()))
        return
    kind = type(items[0]) if items else _EMPTY_LIST_KIND
    to_json, to_text = output.FORMATS[kind]
    if as_json:
        output.print_json(
            [to_json(i) for i in items] if isinstance(result, list) else to_json(result)
        )
    else:
        sys.stdout.write(to_text(items) + "\n")


# An empty list comes only from the list commands; an empty table is printed for them.
_EMPTY_LIST_KIND = type(None)
