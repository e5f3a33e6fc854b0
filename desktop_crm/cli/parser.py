"""The argument grammar. Global options may stand before or after the command."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, cast

from desktop_crm import __version__
from desktop_crm.cli.copy_db import add_parser as add_copy_db_parser
from desktop_crm.cli.importing import add_parser as add_import_parser
from desktop_crm.cli.maintenance import add_parsers as add_maintenance_parsers
from desktop_crm.cli.paths import path_argument
from desktop_crm.cli.pipe import add_pipe_options
from desktop_crm.domain.audit import ObjectKind
from desktop_crm.domain.distribution import STRATEGY_NAMES

_PLAIN_INT_RE = re.compile(r"-?[0-9]{1,100}")
REFERENCE_HELP = "id or name; id:N or name:TEXT to say which (a name of digits: name:123)"
SOURCE_HELP = "id, code or name; id:N, code:TEXT or name:TEXT to say which"
EXPORT_KINDS = ("leads", "contacts", "stats")
CONTACT_STATES = ("all", "active", "closed", "unassigned")


def parse_plain_int(text: str) -> int | None:
    """A whole number written in plain ASCII digits (an optional minus first); ``None``
    otherwise. ``int()`` would also take ``1_000``, ``٥``, ``５`` and surrounding spaces."""
    return int(text) if _PLAIN_INT_RE.fullmatch(text) else None


def plain_int(text: str) -> int:
    """argparse type: a number on the command line is plain ASCII digits."""
    value = parse_plain_int(text)
    if value is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number in plain digits 0-9")
    return value


def daily_cap(text: str) -> int | None:
    """argparse type of ``--daily-cap``: a whole number 0 or more in plain digits (as
    ``plain_int``), or ``none`` for no cap. The option's default is SUPPRESS: not given
    is not the same as ``none``."""
    if text.casefold() == "none":
        return None
    value = parse_plain_int(text)
    if value is None or value < 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is neither a whole number 0 or more in plain digits 0-9 nor none"
        )
    return value


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On subcommands the defaults are SUPPRESS, so an option given before the
    # command is not overwritten by the subparser's default.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file, sqlite:///PATH or postgresql://USER@HOST/DB URL "
        "(default: $DATABASE_URL, else crm.sqlite3 in the user data directory)",
    )
    parser.add_argument(
        "--as",
        dest="dispatcher",
        metavar="NAME",
        default=default,
        help="your name in the audit log (`desktop-crm log`); default: the OS user",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print JSON (UTF-8) instead of tables",
    )


def glue_dash_values(parser: argparse.ArgumentParser, argv: Sequence[str]) -> list[str]:
    """``--message -Здравствуйте`` as ``--message=-Здравствуйте``, for every option of
    ``parser`` that takes one value: argparse takes a value starting with '-' for an
    option and answers "expected one argument" (a bot passing user text as ``--message
    "$TEXT"`` lost the contact). A following word that is itself one of the parser's
    option strings stays an option."""
    glued: list[str] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            glued.extend(argv[index:])
            break
        following = argv[index + 1] if index + 1 < len(argv) else None
        if (
            following is not None
            and following.startswith("-")
            and following not in parser._option_string_actions
            and _takes_one_value(parser, arg)
        ):
            glued.append(f"{arg}={following}")
            index += 2
            continue
        glued.append(arg)
        index += 1
    return glued


def _takes_one_value(parser: argparse.ArgumentParser, arg: str) -> bool:
    """True when ``arg`` names (exactly, or as argparse's unique abbreviation) an option of
    ``parser`` that takes exactly one value."""
    actions = parser._option_string_actions
    action = actions.get(arg)
    if action is None and parser.allow_abbrev and arg.startswith("--") and "=" not in arg:
        matches = {id(found): found for name, found in actions.items() if name.startswith(arg)}
        action = next(iter(matches.values())) if len(matches) == 1 else None
    return action is not None and action.nargs is None


_GIVEN = "_given_once"  # dest -> the option string that set it, per parser level


class _StoreOnce(argparse._StoreAction):
    """``store``, refusing the option given a second time (``--lead a --lead b`` kept b
    silently; the pipe refuses a key given twice too). Options meant to repeat
    (``--tag``) use ``append``."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        given: dict[str, str] = namespace.__dict__.setdefault(_GIVEN, {})
        if self.dest in given:
            raise argparse.ArgumentError(self, "given twice; give it once")
        given[self.dest] = option_string or self.dest
        super().__call__(parser, namespace, _dashes(parser, self, values), option_string)


class _Append(argparse._AppendAction):
    """``append`` (``--tag``, meant to repeat), taking ``--tag=--`` as the text "--"."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        super().__call__(parser, namespace, _dashes(parser, self, values), option_string)


def _dashes(parser: argparse.ArgumentParser, action: argparse.Action, values: Any) -> Any:
    """``--message=--`` (or ``--message --``, glued): argparse drops the "--" and gives an
    empty list; the value is the text "--"."""
    if action.nargs is None and values == []:
        values = parser._get_value(action, "--")
        parser._check_value(action, values)
    return values


def terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, read as shutil reads it (``COLUMNS``, then
    the terminal, then 80) without importing shutil and with it bz2, lzma and fnmatch:
    argparse asks for the width at every argument a parser adds, and a bot's ``contact
    add`` never prints help (issue 13)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, as wide as it would be (``terminal_columns``)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        if width is None:  # what argparse does, but without shutil
            width = terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)  # sub-parsers too
        super().__init__(*args, **kwargs)
        self.register("action", None, _StoreOnce)  # a single-value option: once
        self.register("action", "store", _StoreOnce)
        self.register("action", "append", _Append)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        args = glue_dash_values(self, sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """One line on stderr, exit 2 (README, "Exit codes"): the error and where the help
        is, instead of argparse's usage block."""
        from desktop_crm.domain.text import printable

        text = printable(f"{message}; see `{self.prog} --help`".replace("\n", " "))
        self.exit(2, f"desktop-crm: {text}\n")


class _Commands(argparse._SubParsersAction):
    """Sub-commands, some of them listed by name and help only (``add_unbuilt``)."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        # The command's options are parsed into a namespace of their own: a global option
        # given before the command and again after it (`--db a contact add --db b`) is
        # given twice all the same.
        before: dict[str, str] | None = getattr(namespace, _GIVEN, None)
        super().__call__(parser, namespace, values, option_string)
        after: dict[str, str] | None = getattr(namespace, _GIVEN, None)
        if before and after is not None and after is not before:
            for dest, option in after.items():
                if dest in before:
                    raise argparse.ArgumentError(
                        None, f"argument {option}: given twice; give it once"
                    )
            setattr(namespace, _GIVEN, {**before, **after})

    def add_unbuilt(self, name: str, help_text: str) -> None:
        """List ``name`` in the help and among the valid choices without building its
        parser: the command line being parsed does not name it, so it is never chosen."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_text))
        self._name_parser_map[name] = _UNBUILT


class _Unbuilt:
    """What ``command`` and ``group`` give for a command not named on this command line:
    every option added to it goes nowhere."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        return None

    def add_mutually_exclusive_group(self, **kwargs: object) -> _Unbuilt:
        return self

    def set_defaults(self, **kwargs: object) -> None:
        return None


_UNBUILT = cast(argparse.ArgumentParser, _Unbuilt())
_UNBUILT_GROUP = cast(argparse._SubParsersAction, _UNBUILT)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole grammar; given ``argv``, only the parsers of the commands it names are
    built (issue 13: a bot's `contact add` does not build 34 sub-commands). The others
    are listed by name and help alone, so `--help`, the "invalid choice" error and every
    exit code read the same: a command argparse can choose is one of ``argv``'s words."""
    named = None if argv is None else set(argv)
    parser = _Parser(
        prog="desktop-crm",
        description="Lead Dispatcher: hands incoming lead contacts to operators. "
        "Without a command the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", action=_Commands)

    def command(
        group: argparse._SubParsersAction, name: str, help_text: str
    ) -> argparse.ArgumentParser:
        if group is _UNBUILT_GROUP:  # an action of a command not named
            return _UNBUILT
        if named is not None and name not in named:
            cast(_Commands, group).add_unbuilt(name, help_text)
            return _UNBUILT
        sub = group.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, top=False)
        return sub

    def group(name: str, help_text: str) -> argparse._SubParsersAction:
        sub = command(commands, name, help_text)
        if sub is _UNBUILT:
            return _UNBUILT_GROUP
        return sub.add_subparsers(dest="action", metavar="ACTION", required=True, action=_Commands)

    ops = group("operator", "manage operators")
    p = command(ops, "add", "add an operator")
    p.add_argument("name")
    p.add_argument("--max-load", type=plain_int, default=10, metavar="N")
    p.add_argument("--inactive", action="store_true")
    command(ops, "list", "list operators with their loads")
    for action in ("show", "delete"):
        p = command(ops, action, f"{action} an operator")
        p.add_argument("operator", metavar="OPERATOR", help=REFERENCE_HELP)
    p = command(ops, "set", "change an operator")
    p.add_argument("operator", metavar="OPERATOR", help=REFERENCE_HELP)
    p.add_argument("--name", metavar="NEW")
    p.add_argument("--max-load", type=plain_int, metavar="N")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--active", dest="active", action="store_const", const=True)
    state.add_argument("--inactive", dest="active", action="store_const", const=False)
    p.add_argument(
        "--daily-cap",
        type=daily_cap,
        default=argparse.SUPPRESS,
        metavar="N",
        help="at most N contacts assigned per calendar day (settings --timezone); none clears",
    )
    p.add_argument(
        "--skills",
        metavar="TAGS",
        help="comma-separated tags, e.g. ru,kz: a tagged contact goes only to operators "
        "having every tag; an empty string clears",
    )
    p = command(ops, "hours", "set working hours (no SPEC: always available)")
    p.add_argument("operator", metavar="OPERATOR", help=REFERENCE_HELP)
    p.add_argument(
        "specs",
        nargs="*",
        metavar="SPEC",
        help="DAYS HH:MM-HH:MM in the time zone of `settings --timezone`, e.g. "
        "'mon-fri 09:00-18:00' 'sat 10:00-14:00'; overnight: 'sun 22:00-06:00'",
    )
    p = command(ops, "away", "mark an operator absent (default: from now until back)")
    p.add_argument("operator", metavar="OPERATOR", help=REFERENCE_HELP)
    p.add_argument(
        "--from", dest="starts", metavar="WHEN", help="YYYY-MM-DD or YYYY-MM-DDTHH:MM (the zone's)"
    )
    p.add_argument(
        "--until", metavar="WHEN", help="YYYY-MM-DD (through that day) or YYYY-MM-DDTHH:MM"
    )
    p = command(ops, "back", "end an operator's absence now (absences ahead stay)")
    p.add_argument("operator", metavar="OPERATOR", help=REFERENCE_HELP)
    p.add_argument(
        "--absence",
        type=plain_int,
        metavar="ID",
        help="take back this absence instead (its id in `operator show --json`): "
        "one ahead is removed, the one in force ends now",
    )

    src = group("source", "manage sources and their weights")
    p = command(src, "add", "add a source")
    p.add_argument("name")
    p.add_argument("--code")
    command(src, "list", "list sources with their weights")
    for action in ("show", "delete"):
        p = command(src, action, f"{action} a source")
        p.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    p = command(src, "set", "change a source")
    p.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    p.add_argument("--name", metavar="NEW")
    p.add_argument("--code", help="new code; an empty string clears it")
    p.add_argument(
        "--strategy",
        choices=STRATEGY_NAMES,
        help="how operators are picked (default weighted_random, the original lottery)",
    )
    repeat = p.add_mutually_exclusive_group()
    repeat.add_argument(
        "--repeat-to-last",
        dest="repeat_to_last",
        action="store_const",
        const=True,
        help="a returning lead goes to the operator who handled it last, when eligible",
    )
    repeat.add_argument(
        "--no-repeat-to-last", dest="repeat_to_last", action="store_const", const=False
    )
    p.add_argument(
        "--reply-within",
        metavar="DURATION",
        help="reply deadline: a contact not marked answered that long after its assignment "
        "goes to another operator (90s, 15m, 2h, 1d, 1h30m; off)",
    )
    p.add_argument(
        "--close-after",
        metavar="DURATION",
        help="close active contacts with no activity for that long (15m, 2h, 7d; off)",
    )
    p = command(src, "weights", "replace the source's operators and weights (none = clear)")
    p.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    p.add_argument("weights", nargs="*", metavar="OPERATOR=WEIGHT")

    con = group("contact", "register and work contacts")
    p = command(con, "add", "register a contact: find or create the lead, pick an operator")
    p.add_argument("--lead", metavar="EXTERNAL_ID", help="phone, e-mail or id (required)")
    p.add_argument("--source", metavar="SOURCE", help=SOURCE_HELP + " (required)")
    p.add_argument("--name", default="", help="the lead's name")
    p.add_argument("--message", default="")
    p.add_argument("--key", metavar="KEY", help="idempotency key: a retry returns the same contact")
    p.add_argument(
        "--plain-id",
        action="store_true",
        help="store the lead id as typed, never read as a phone number",
    )
    add_pipe_options(p)  # --jsonl: one request per line on stdin (cli/pipe.py)
    p.add_argument(
        "--tag",
        dest="tags",
        action="append",
        default=[],
        metavar="TAG",
        help="what the contact needs (repeatable, or comma-separated): only operators "
        "with every tag among their skills take it",
    )
    for action in ("show", "close", "reopen"):
        p = command(con, action, f"{action} a contact")
        p.add_argument("id", type=plain_int, metavar="ID")
    p = command(
        con,
        "answered",
        "record the first reply to contacts (a later call keeps the first time)",
    )
    p.add_argument("ids", type=plain_int, nargs="+", metavar="ID")
    p = command(con, "assign", "give a contact to an operator by hand (the limit holds)")
    p.add_argument("id", type=plain_int, metavar="ID")
    p.add_argument("operator", metavar="OPERATOR", help=REFERENCE_HELP)

    queue = group("queue", "the unassigned contacts")
    p = command(
        queue,
        "list",
        "unassigned active contacts with reasons, then overdue ones (reply deadline "
        "missed, nobody else free), oldest first",
    )
    p.add_argument("--limit", type=plain_int, default=200, metavar="N", help="of each kind")
    p.add_argument("--overdue", action="store_true", help="only the overdue contacts")
    command(
        queue,
        "distribute",
        "apply the reply deadlines and auto-closes that are due, then distribute queued "
        "contacts while anyone can take them (run it every minute without a window)",
    )

    p = command(commands, "leads", "leads, each with all its contacts")
    p.add_argument("--search", default="", metavar="TEXT", help="id (any phone format) or name")
    p.add_argument("--limit", type=plain_int, metavar="N", help="at most N leads (newest first)")

    p = command(commands, "stats", "contacts per operator and source")
    p.add_argument("--since", metavar="DATE", help="YYYY-MM-DD or ISO date-time (local)")
    p.add_argument("--until", metavar="DATE", help="a date includes that whole day")

    add_import_parser(commands, command)

    # -- exports and erasure (issue 8) ----------------------------------------------------
    p = command(
        commands,
        "export",
        "write leads, contacts or statistics to a CSV file (UTF-8 with BOM, ';')",
    )
    p.add_argument("what", choices=EXPORT_KINDS, help="what to export")
    p.add_argument(
        "file",
        metavar="FILE",
        type=path_argument("FILE"),
        help="the CSV file to write (replaced if it exists)",
    )
    p.add_argument("--search", metavar="TEXT", help="leads: id (any phone format) or name")
    p.add_argument("--since", metavar="DATE", help="contacts, stats: YYYY-MM-DD or ISO (local)")
    p.add_argument("--until", metavar="DATE", help="contacts, stats: a date includes that day")
    p.add_argument("--state", choices=CONTACT_STATES, help="contacts: which contacts (default all)")
    p.add_argument("--source", metavar="SOURCE", help="contacts: of this source; " + SOURCE_HELP)
    p.add_argument(
        "--operator", metavar="OPERATOR", help="contacts: of this operator; " + REFERENCE_HELP
    )
    lead = group("lead", "a lead's personal data")
    p = command(
        lead,
        "erase",
        "erase a person: id, name and messages anonymised everywhere; counts stay",
    )
    p.add_argument(
        "lead",
        metavar="LEAD",
        help="external id in any spelling, its erased:... id, or id:N (the lead's number)",
    )

    p = command(commands, "settings", "show or change settings shared by every process")
    p.add_argument("--phone-region", metavar="XX", help="region for national phone numbers")
    p.add_argument(
        "--timezone",
        metavar="ZONE",
        help="IANA time zone of working hours, absences and daily caps, e.g. Europe/Moscow "
        "(default: the system's)",
    )
    p.add_argument(
        "--auto-redistribute",
        choices=("on", "off"),
        help="distribute queued contacts again whenever capacity appears (default on)",
    )

    p = command(commands, "log", "the audit log: who changed what and when, newest first")
    p.add_argument("--since", metavar="DATE", help="YYYY-MM-DD or ISO date-time (local)")
    p.add_argument("--until", metavar="DATE", help="a date includes that whole day")
    p.add_argument("--dispatcher", metavar="NAME", help="only the changes this dispatcher made")
    p.add_argument(
        "--object",
        choices=[kind.value for kind in ObjectKind],
        help="only changes to this kind of object",
    )
    p.add_argument("--limit", type=plain_int, default=100, metavar="N", help="default 100")

    add_maintenance_parsers(commands, command)  # check, backup, backups, restore
    add_copy_db_parser(commands, command)  # copy-db --from --to
    return parser
