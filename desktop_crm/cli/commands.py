"""Commands -> services. Each prints its result and returns the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_crm.cli import copy_db, maintenance, output
from desktop_crm.cli.parser import parse_plain_int
from desktop_crm.cli.paths import refuse_blank_paths
from desktop_crm.db.backup import publish_new_file, remove_database_files
from desktop_crm.db.guard import inspect_file
from desktop_crm.db.location import DatabaseLocation, resolve_location
from desktop_crm.db.storage import DEFAULT_BUSY_TIMEOUT, SCHEMA_VERSION, database_errors
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.text import printable
from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError, InvalidValue, StoppedPartWay
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.audit import AuditFilter, AuditInfo, clean_dispatcher
from desktop_crm.services.common import MAX_ID
from desktop_crm.services.contacts import ContactRequest

if TYPE_CHECKING:  # result types, sources and timers load only for the commands that use them
    from desktop_crm.services.dto.contacts import ContactInfo
    from desktop_crm.services.dto.operators import OperatorInfo
    from desktop_crm.services.timers import TimerResult

Handler = Callable[[Crm, argparse.Namespace], object]


def parse_weight(text: str) -> tuple[str, int]:
    """``NAME=WEIGHT`` split at the last ``=``, so names may contain ``=``."""
    name, sep, weight = text.rpartition("=")
    if not sep or not name.strip():
        raise InvalidValue(QT_TRANSLATE_NOOP("errors", "{arg!r} is not OPERATOR=WEIGHT."), arg=text)
    value = parse_plain_int(weight)
    if value is None:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors", "The weight in {arg!r} is not a whole number in plain digits 0-9."
            ),
            arg=text,
        )
    return name.strip(), value


def date_range(args: argparse.Namespace) -> tuple[dt.datetime | None, dt.datetime | None]:
    """``--since`` and ``--until``; given the wrong way round they are swapped and a line
    on stderr says so, as the window swaps its period ("↔ swapped")."""
    since, until = parse_date(args.since, end=False), parse_date(args.until, end=True)
    if since is not None and until is not None and since >= until:
        swapped = parse_date(args.until, end=False), parse_date(args.since, end=True)
        if swapped[0] is not None and swapped[1] is not None and swapped[0] < swapped[1]:
            print(
                f"desktop-crm: --since is after --until: read as --since {args.until.strip()} "
                f"--until {args.since.strip()}.",
                file=sys.stderr,
            )
            return swapped
    return since, until


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
        plain_id=args.plain_id,
        tags=tuple(args.tags),
    )
    return crm.contacts.register(request).contact


def _operator_set(crm: Crm, args: argparse.Namespace) -> OperatorInfo:
    changes: dict[str, object] = {
        "name": args.name,
        "max_load": args.max_load,
        "active": args.active,
    }
    if hasattr(args, "daily_cap"):  # given: a number, or None for `none`
        changes["daily_cap"] = args.daily_cap
    if args.skills is not None:
        changes["skills"] = args.skills
    return crm.operators.update(args.operator, **changes)  # type: ignore[arg-type]


def _operator_hours(crm: Crm, args: argparse.Namespace) -> OperatorInfo:
    """No SPEC clears the hours; a blank one given is a mistake, not a way to clear."""
    for spec in args.specs:
        if not spec.replace(";", " ").strip():
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{spec!r} is not working hours: use DAYS HH:MM-HH:MM, e.g. mon-fri "
                    "09:00-18:00.",
                ),
                field="hours",
                spec=spec,
            )
    return crm.operators.set_hours(args.operator, args.specs)


def _operator_back(crm: Crm, args: argparse.Namespace) -> OperatorInfo:
    """Back with no absence in force is no error (the operator is there), but said.
    ``--absence ID``: that absence taken back (one ahead removed, one in force ended)."""
    if args.absence is not None:
        return crm.operators.cancel_absence(args.operator, args.absence)
    was_away = crm.operators.get(args.operator).presence is Exclusion.AWAY
    info = crm.operators.set_back(args.operator)
    if not was_away:
        print(printable(f"desktop-crm: {info.name} was not away."), file=sys.stderr)
    return info


def _operator_away(crm: Crm, args: argparse.Namespace) -> OperatorInfo:
    """WHEN: a date or date and time, a wall time of the configured zone."""
    starts = parse_date(args.starts, end=False)
    until = parse_date(args.until, end=True)
    return crm.operators.set_away(args.operator, starts, until)


def _source_set(crm: Crm, args: argparse.Namespace) -> object:
    from desktop_crm.services.sources import read_duration

    changes: dict[str, object] = {
        "name": args.name,
        "strategy": args.strategy,
        "repeat_to_last": args.repeat_to_last,
    }
    if args.code is not None:
        changes["code"] = args.code
    if args.reply_within is not None:
        changes["reply_within"] = read_duration(args.reply_within, "reply_within")
    if args.close_after is not None:
        changes["close_after"] = read_duration(args.close_after, "close_after")
    return crm.sources.update(args.source, **changes)  # type: ignore[arg-type]


def _contact_assign(crm: Crm, args: argparse.Namespace) -> object:
    result = crm.contacts.assign([args.id], args.operator)
    if result.refused:
        raise result.refused[0][1]
    return result.changed[0] if result.changed else crm.contacts.get(args.id)


def _timers_json(result: TimerResult) -> dict[str, object]:
    return {
        "assigned": result.assigned,
        "moved": result.moved,
        "overdue": result.overdue,
        "closed": result.closed,
        "timers_busy": result.busy,
    }


def _distribute(crm: Crm, args: argparse.Namespace) -> dict[str, object]:
    """The timers that are due (``services/timers.py``), then the whole queue."""
    from desktop_crm.services.timers import TimerResult

    try:
        return _timers_json(crm.timers.run_due(drain=True))
    except StoppedPartWay as stop:  # exit 4; with --json, what was committed
        if args.json and isinstance(stop.result, TimerResult):
            output.print_json(_timers_json(stop.result))
        raise


def _queue_list(crm: Crm, args: argparse.Namespace) -> list[ContactInfo]:
    limit = _limit(args) or 0
    overdue = crm.queue.overdue(limit=limit)
    return overdue if args.overdue else crm.queue.unassigned(limit=limit) + overdue


def _settings(crm: Crm, args: argparse.Namespace) -> dict[str, object]:
    if args.phone_region is not None:  # "" is refused, not ignored
        crm.settings.set_phone_region(args.phone_region)
    if args.auto_redistribute:
        crm.queue.set_auto(args.auto_redistribute == "on")
    if args.timezone is not None:
        crm.settings.set_timezone(args.timezone)
    return {
        "phone_region": crm.settings.phone_region(),
        "auto_redistribute": crm.queue.auto_enabled(),
        "timezone": crm.settings.timezone(),
    }


def _limit(args: argparse.Namespace) -> int | None:
    if args.limit is None:
        return None
    if args.limit < 0:
        raise InvalidValue(QT_TRANSLATE_NOOP("errors", "--limit must not be negative."))
    return min(args.limit, MAX_ID)


def _log(crm: Crm, args: argparse.Namespace) -> list[AuditInfo]:
    since, until = date_range(args)
    flt = AuditFilter(
        dispatcher=clean_dispatcher(args.dispatcher) if args.dispatcher is not None else None,
        object_kind=args.object,
        since=since,
        until=until,
    )
    return crm.audit.entries(flt, limit=_limit(args) or 0)


# -- exports and erasure (issue 8) ------------------------------------------------------
_EXPORT_OPTIONS = {
    "leads": {"search"},
    "contacts": {"since", "until", "state", "source", "operator"},
    "stats": {"since", "until"},
}


def _export(crm: Crm, args: argparse.Namespace) -> dict[str, object]:
    allowed = _EXPORT_OPTIONS[args.what]
    for option in ("search", "since", "until", "state", "source", "operator"):
        if getattr(args, option) is not None and option not in allowed:
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", "--{option} does not apply to export {what}."),
                option=option,
                what=args.what,
            )
    since, until = date_range(args)
    if args.what == "leads":
        result = crm.exports.leads(args.file, args.search or "")
    elif args.what == "stats":
        result = crm.exports.stats(args.file, since, until)
    else:
        from desktop_crm.services.dto.filters import ContactFilter, ContactState

        flt = ContactFilter(
            state=ContactState(args.state or "all"),
            source_id=crm.sources.get(args.source).id if args.source else None,
            operator_id=crm.operators.get(args.operator).id if args.operator else None,
        )
        result = crm.exports.contacts(args.file, flt, since, until)
    return {"file": str(result.path), "rows": result.rows}


def _lead_erase(crm: Crm, args: argparse.Namespace) -> dict[str, object]:
    result = crm.erasure.erase(args.lead)
    if not result.file_clean:
        print(
            "desktop-crm: the data is erased, but another program kept the database busy, "
            "so old copies may remain in the file; to finish, run "
            f"`desktop-crm lead erase {result.external_id}` again later.",
            file=sys.stderr,
        )
    return {
        "lead_id": result.lead_id,
        "external_id": result.external_id,
        "contacts": result.contacts,
        "rejects": result.rejects,
        "already_erased": result.already_erased,
        "file_clean": result.file_clean,
        # A phone's twin stored under its bare digits: another lead, erased with it.
        "also_erased": [{"lead_id": i, "external_id": e} for i, e in result.others],
    }


Command = tuple[Handler, str]

# Each command and the name of the type it prints (``output.FORMATS``), so an empty list
# still prints its table head. Names, not the types: a command builds only its own.
COMMANDS: dict[tuple[str, str | None], Command] = {
    ("operator", "add"): (
        lambda crm, a: crm.operators.create(a.name, max_load=a.max_load, active=not a.inactive),
        "OperatorInfo",
    ),
    ("operator", "list"): (lambda crm, a: crm.operators.list(), "OperatorInfo"),
    ("operator", "show"): (lambda crm, a: crm.operators.get(a.operator), "OperatorInfo"),
    ("operator", "delete"): (lambda crm, a: crm.operators.delete(a.operator), "OperatorInfo"),
    ("operator", "set"): (_operator_set, "OperatorInfo"),
    ("operator", "hours"): (_operator_hours, "OperatorInfo"),
    ("operator", "away"): (_operator_away, "OperatorInfo"),
    ("operator", "back"): (_operator_back, "OperatorInfo"),
    ("source", "add"): (lambda crm, a: crm.sources.create(a.name, code=a.code), "SourceInfo"),
    ("source", "list"): (lambda crm, a: crm.sources.list(), "SourceInfo"),
    ("source", "show"): (lambda crm, a: crm.sources.get(a.source), "SourceInfo"),
    ("source", "delete"): (lambda crm, a: crm.sources.delete(a.source), "SourceInfo"),
    ("source", "set"): (_source_set, "SourceInfo"),
    ("source", "weights"): (
        lambda crm, a: crm.sources.set_weights(a.source, _weights(a)),
        "SourceInfo",
    ),
    ("contact", "add"): (_contact_add, "ContactInfo"),
    ("contact", "show"): (
        lambda crm, a: output.ContactDetails(
            crm.contacts.get(a.id), tuple(crm.contacts.history(a.id))
        ),
        "ContactDetails",
    ),
    ("contact", "close"): (lambda crm, a: crm.contacts.close(a.id), "ContactInfo"),
    ("contact", "reopen"): (lambda crm, a: crm.contacts.reopen(a.id), "ContactInfo"),
    ("leads", None): (lambda crm, a: crm.leads.search(a.search, limit=_limit(a)), "LeadInfo"),
    ("stats", None): (
        lambda crm, a: crm.stats.operators(*date_range(a)),
        "Statistics",
    ),
    ("contact", "assign"): (_contact_assign, "ContactInfo"),
    ("contact", "answered"): (lambda crm, a: crm.contacts.mark_answered(a.ids), "AnsweredInfo"),
    ("queue", "list"): (_queue_list, "ContactInfo"),
    ("queue", "distribute"): (_distribute, "dict"),
    ("settings", None): (_settings, "dict"),
    ("export", None): (_export, "dict"),
    ("lead", "erase"): (_lead_erase, "dict"),
    ("log", None): (_log, "AuditInfo"),
}


def execute(args: argparse.Namespace) -> int:
    """Open the database, run the command, print the result. CrmError propagates."""
    refuse_blank_paths(args)  # `backup ""` would mean the current folder
    if args.dispatcher is not None:  # a bad --as NAME is refused before anything opens
        args.dispatcher = clean_dispatcher(args.dispatcher)
    if args.command == copy_db.COMMAND:  # two databases, named by --from and --to
        return copy_db.run(args)
    crm_location = resolve_location(args.db)
    if args.command in maintenance.COMMANDS:
        return maintenance.run(crm_location, args)
    if getattr(args, "jsonl", False):  # contact add --jsonl: requests on stdin
        with database_errors(crm_location):
            from desktop_crm.cli.pipe import run_pipe

        return run_pipe(crm_location, args, open_crm)
    if crm_location.is_missing():
        return _run_on_new_file(crm_location, args, keep=not _reads_only(args))
    # Services turn damage into DatabaseDamaged; this also covers any query outside them.
    with database_errors(crm_location):
        return _run(crm_location, args)


def _run(crm_location: DatabaseLocation, args: argparse.Namespace) -> int:
    if args.command == "import":
        from desktop_crm.cli.importing import run_import  # the file readers: only here

        crm = open_crm(crm_location, dispatcher=args.dispatcher)
        try:
            return run_import(crm, args)
        finally:
            crm.close()
    result, kind, zone = _compute(crm_location, args)
    render(result, kind, as_json=args.json, zone=zone)
    return 0


def _compute(
    crm_location: DatabaseLocation, args: argparse.Namespace
) -> tuple[object, str, dt.tzinfo | None]:
    """The result, its kind and, for operators, the configured time zone (that of their
    status and absences; other times are shown in local time)."""
    handler, kind = COMMANDS[(args.command, getattr(args, "action", None))]
    crm = open_crm(crm_location, dispatcher=args.dispatcher)
    try:
        result = handler(crm, args)
        return result, kind, _zone(crm) if kind == "OperatorInfo" else None
    finally:
        crm.close()


def _zone(crm: Crm) -> dt.tzinfo:
    """The configured zone; one this machine has no data for is read as UTC (as the
    services read it)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(crm.settings.timezone())
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


# -- a database file is created only by a command that writes and succeeds ----------------
READ_COMMANDS = {
    ("operator", "list"),
    ("operator", "show"),
    ("source", "list"),
    ("source", "show"),
    ("contact", "show"),
    ("leads", None),
    ("stats", None),
    ("queue", "list"),
    ("export", None),
    ("log", None),
}


def _reads_only(args: argparse.Namespace) -> bool:
    key = (args.command, getattr(args, "action", None))
    if key == ("settings", None):
        return args.phone_region is None and not args.auto_redistribute and args.timezone is None
    return key in READ_COMMANDS


def _run_on_new_file(
    crm_location: DatabaseLocation, args: argparse.Namespace, *, keep: bool
) -> int:
    """Build the new database in a hidden file beside it and link it into place only when
    the command writes and succeeded (or committed something), so a refused command
    creates nothing; a command that only reads answers as for an empty database and
    creates nothing either. If another process created the file meanwhile, the command
    runs again on that file."""
    path = crm_location.path
    if crm_location.is_default:  # the program's data folder, made as by any other command
        from desktop_crm.db.sqlite_storage import create_default_folder

        create_default_folder(crm_location)
    # A missing folder, or the name of a database's -wal or -jobs file: said, not created.
    inspect_file(path, SCHEMA_VERSION, DEFAULT_BUSY_TIMEOUT)
    if not keep:
        return _read_missing_file(crm_location, args)
    temp = DatabaseLocation(
        path.with_name(f".{path.name}.new-{os.getpid()}"), is_default=crm_location.is_default
    )
    remove_database_files(temp.path)
    try:
        try:
            if args.command == "import":
                code = _run(temp, args)
            else:
                result, kind, zone = _compute(temp, args)
        except CrmError as error:
            if error.exit_code in (2, 3):  # nothing was written
                remove_database_files(temp.path)
            else:
                publish_new_file(temp.path, path)
            raise
    except CrmError as error:  # the user's file, never the hidden one, in the message
        raise _naming(error, temp.path, path) from None
    except BaseException:
        publish_new_file(temp.path, path)  # whatever was committed is kept
        raise
    if not publish_new_file(temp.path, path):
        if args.command == "import":
            raise NewFileRace(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path} was created by another process meanwhile; this import was kept "
                    "in {temp}. Import the file again into {path}.",
                ),
                path=str(path),
                temp=str(temp.path),
            )
        remove_database_files(temp.path)
        return _run(crm_location, args)
    if args.command == "import":
        return code
    render(result, kind, as_json=args.json, zone=zone)
    return 0


def _read_missing_file(crm_location: DatabaseLocation, args: argparse.Namespace) -> int:
    """A command that only reads, on a file that does not exist: it answers from an empty
    database in a private temporary folder, removed afterwards, so it works beside a
    folder nobody may write and leaves nothing anywhere."""
    path = crm_location.path
    import tempfile  # here: it loads shutil, which a bot's `contact add` does not need

    with tempfile.TemporaryDirectory(prefix="desktop-crm-") as folder:
        temp = DatabaseLocation(Path(folder) / path.name)
        try:
            result, kind, zone = _compute(temp, args)
        except CrmError as error:
            raise _naming(error, temp.path, path) from None
    render(result, kind, as_json=args.json, zone=zone)
    return 0


def _naming(error: CrmError, temp: Path, path: Path) -> CrmError:
    """``error`` with the hidden file ``temp`` named as the user's ``path``."""
    hidden, shown = str(temp), str(path)
    if hidden in str(error):
        error.params = {
            key: value.replace(hidden, shown) if isinstance(value, str) else value
            for key, value in error.params.items()
        }
        error.args = (error.template.format(**error.params),)
    return error


class NewFileRace(CrmError):
    exit_code = 3


def render(result: object, kind: str, *, as_json: bool, zone: dt.tzinfo | None = None) -> None:
    """Lists print as JSON arrays or tables; single objects as an object or a one-row table.
    ``zone``: operators' times of the day's rules are shown in it."""
    if isinstance(result, dict):
        if as_json:
            output.print_json(result)
        else:
            sys.stdout.write(printable("".join(f"{k}: {v}\n" for k, v in result.items())))
        return
    items = result if isinstance(result, list) else [result]
    to_json, to_text = output.FORMATS[kind]
    if kind == "OperatorInfo":
        to_json, to_text = output.operator_formats(zone)
    if as_json:
        output.print_json(
            [to_json(i) for i in items] if isinstance(result, list) else to_json(result)
        )
    else:
        sys.stdout.write(to_text(items) + "\n")
