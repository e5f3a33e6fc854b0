"""The argument grammar. Global options may stand before or after the command."""

from __future__ import annotations

import argparse

from desktop_crm import __version__
from desktop_crm.cli.importing import add_parser as add_import_parser
from desktop_crm.cli.maintenance import add_parsers as add_maintenance_parsers
from desktop_crm.domain.distribution import STRATEGY_NAMES


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # On subcommands the defaults are SUPPRESS, so an option given before the
    # command is not overwritten by the subparser's default.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=default,
        help="database file or sqlite:///PATH URL (default: $DATABASE_URL, "
        "else crm.sqlite3 in the user data directory)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="print JSON (UTF-8) instead of tables",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-crm",
        description="Lead Dispatcher: hands incoming lead contacts to operators. "
        "Without a command the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _global_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        group: argparse._SubParsersAction, name: str, help_text: str
    ) -> argparse.ArgumentParser:
        sub = group.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, top=False)
        return sub

    def group(name: str, help_text: str) -> argparse._SubParsersAction:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        _global_options(sub, top=False)
        return sub.add_subparsers(dest="action", metavar="ACTION", required=True)

    ops = group("operator", "manage operators")
    p = command(ops, "add", "add an operator")
    p.add_argument("name")
    p.add_argument("--max-load", type=int, default=10, metavar="N")
    p.add_argument("--inactive", action="store_true")
    command(ops, "list", "list operators with their loads")
    for action in ("show", "delete"):
        p = command(ops, action, f"{action} an operator")
        p.add_argument("operator", metavar="OPERATOR", help="id or name")
    p = command(ops, "set", "change an operator")
    p.add_argument("operator", metavar="OPERATOR", help="id or name")
    p.add_argument("--name", metavar="NEW")
    p.add_argument("--max-load", type=int, metavar="N")
    state = p.add_mutually_exclusive_group()
    state.add_argument("--active", dest="active", action="store_const", const=True)
    state.add_argument("--inactive", dest="active", action="store_const", const=False)

    src = group("source", "manage sources and their weights")
    p = command(src, "add", "add a source")
    p.add_argument("name")
    p.add_argument("--code")
    command(src, "list", "list sources with their weights")
    for action in ("show", "delete"):
        p = command(src, action, f"{action} a source")
        p.add_argument("source", metavar="SOURCE", help="id, code or name")
    p = command(src, "set", "change a source")
    p.add_argument("source", metavar="SOURCE", help="id, code or name")
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
    p = command(src, "weights", "replace the source's operators and weights (none = clear)")
    p.add_argument("source", metavar="SOURCE", help="id, code or name")
    p.add_argument("weights", nargs="*", metavar="OPERATOR=WEIGHT")

    con = group("contact", "register and work contacts")
    p = command(con, "add", "register a contact: find or create the lead, pick an operator")
    p.add_argument("--lead", required=True, metavar="EXTERNAL_ID", help="phone, e-mail or id")
    p.add_argument("--source", required=True, metavar="SOURCE", help="id, code or name")
    p.add_argument("--name", default="", help="the lead's name")
    p.add_argument("--message", default="")
    p.add_argument("--key", metavar="KEY", help="idempotency key: a retry returns the same contact")
    for action in ("show", "close", "reopen"):
        p = command(con, action, f"{action} a contact")
        p.add_argument("id", type=int, metavar="ID")
    p = command(con, "assign", "give a contact to an operator by hand (the limit holds)")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("operator", metavar="OPERATOR", help="id or name")

    queue = group("queue", "the unassigned contacts")
    p = command(queue, "list", "unassigned active contacts, oldest first, with reasons")
    p.add_argument("--limit", type=int, default=200, metavar="N")
    command(queue, "distribute", "distribute queued contacts now, while anyone can take them")

    p = command(commands, "leads", "leads, each with all its contacts")
    p.add_argument("--search", default="", metavar="TEXT", help="id (any phone format) or name")
    p.add_argument("--limit", type=int, metavar="N", help="at most N leads (newest first)")

    p = command(commands, "stats", "contacts per operator and source")
    p.add_argument("--since", metavar="DATE", help="YYYY-MM-DD or ISO date-time (local)")
    p.add_argument("--until", metavar="DATE", help="a date includes that whole day")

    add_import_parser(commands, command)

    p = command(commands, "settings", "show or change settings shared by every process")
    p.add_argument("--phone-region", metavar="XX", help="region for national phone numbers")
    p.add_argument(
        "--auto-redistribute",
        choices=("on", "off"),
        help="distribute queued contacts again whenever capacity appears (default on)",
    )

    add_maintenance_parsers(commands, command)  # check, backup, backups, restore
    return parser
