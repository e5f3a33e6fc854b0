"""``desktop-crm copy-db --from SOURCE --to TARGET``: a whole database into an empty one."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop_crm.cli.paths import path_argument

if TYPE_CHECKING:  # imported when the command runs: the parser is built for every command
    from desktop_crm.db.copy import CopyReport

COMMAND = "copy-db"
_PLURAL = {
    "operator": "operators",
    "source": "sources",
    "source_operator_config": "weights",
    "lead": "leads",
    "contact": "contacts",
    "setting": "settings",
    "import_run": "imports",
    "import_row": "imported row marks",
    "import_reject": "rejected rows",
    "decision_context": "decision contexts",
    "decision": "decisions",
    "audit_entry": "journal entries",
    "operator_absence": "absences",
}


def add_parser(commands: argparse._SubParsersAction, command: object) -> None:
    # Here, not at the top: parser.py imports this module before it defines plain_int.
    from desktop_crm.cli.parser import plain_int

    p = command(  # type: ignore[operator]
        commands,
        COMMAND,
        "copy every row of a database into an empty one, ids intact "
        "(SQLite file -> PostgreSQL and back)",
    )
    p.add_argument(
        "--from",
        dest="source",
        required=True,
        metavar="DATABASE",
        type=path_argument("--from"),
        help="a SQLite file or sqlite:///PATH, or postgresql://USER@HOST/DB",
    )
    p.add_argument(
        "--to",
        dest="target",
        required=True,
        metavar="DATABASE",
        type=path_argument("--to"),
        help="an empty (or new) database: a file, sqlite:///PATH or postgresql://...",
    )
    p.add_argument(
        "--batch", type=plain_int, metavar="N", help=argparse.SUPPRESS
    )  # default: DEFAULT_BATCH


def run(args: argparse.Namespace) -> int:
    from desktop_crm.cli import output
    from desktop_crm.db.copy import DEFAULT_BATCH, copy_database
    from desktop_crm.db.location import parse_location

    source, target = parse_location(args.source), parse_location(args.target)
    batch = DEFAULT_BATCH if args.batch is None else max(1, args.batch)
    report = copy_database(source, target, _progress, batch_size=batch)
    if args.json:
        output.print_json({"from": report.source, "to": report.target, "rows": dict(report.counts)})
    else:
        sys.stdout.write(summary(report) + "\n")
    return 0


def summary(report: CopyReport) -> str:
    order = list(_PLURAL)  # the user's things first, the bookkeeping after
    counts = sorted(report.counts, key=lambda c: order.index(c[0]) if c[0] in order else 99)
    parts = ", ".join(f"{n} {_PLURAL.get(table, table)}" for table, n in counts)
    return f"Copied {report.source} to {report.target}: {parts}; counts verified."


def _progress(table: str, done: int, total: int) -> None:
    from desktop_crm.db.copy import DEFAULT_BATCH

    if total > DEFAULT_BATCH or done < total:  # a big table: say how far it is
        print(f"copy-db: {table} {done}/{total}", file=sys.stderr, flush=True)
