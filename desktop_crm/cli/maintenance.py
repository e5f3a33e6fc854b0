"""``desktop-crm check``, ``backup``, ``backups`` and ``restore``: the database file itself."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from desktop_crm.cli import output
from desktop_crm.cli.paths import path_argument
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseDamaged

COMMANDS = ("check", "backup", "backups", "restore")


def add_parsers(commands: argparse._SubParsersAction, command: object) -> None:
    p = command(commands, "check", "check the database file for damage (SQLite integrity check)")  # type: ignore[operator]
    p.add_argument(
        "--quick", action="store_true", help="SQLite's faster quick_check (skips index contents)"
    )
    p = command(  # type: ignore[operator]
        commands, "backup", "copy the database to a new file, safely while others write"
    )
    p.add_argument(
        "file",
        metavar="FILE",
        type=path_argument("FILE"),
        help="a new file, or a folder to put it in",
    )
    command(commands, "backups", "list the automatic backups, newest first")  # type: ignore[operator]
    p = command(  # type: ignore[operator]
        commands, "restore", "replace the database by a backup; the current file is kept"
    )
    p.add_argument(
        "backup",
        metavar="BACKUP",
        type=path_argument("BACKUP"),
        help="a backup file (see desktop-crm backups)",
    )


def run(location: DatabaseLocation, args: argparse.Namespace) -> int:
    from desktop_crm.services import maintenance  # the file tools: only for these commands

    if args.command == "check":
        return _check(location, args)
    if args.command == "backup":
        report = maintenance.backup_database(location, Path(args.file).expanduser())
        _print(
            asdict(report),
            f"Backed up {report.path} to {report.backup} ({report.size} bytes).",
            args,
        )
    elif args.command == "backups":
        found = [str(p) for p in maintenance.automatic_backups(location)]
        if args.json:
            output.print_json(found)
        else:
            sys.stdout.write("".join(f"{p}\n" for p in found))
    else:
        restored = maintenance.restore_database(location, Path(args.backup).expanduser())
        kept = f"; the previous file is kept as {restored.previous}" if restored.previous else ""
        message = f"Restored {restored.path} from {restored.restored_from}{kept}."
        _print(asdict(restored), message, args)
    return 0


def _check(location: DatabaseLocation, args: argparse.Namespace) -> int:
    from desktop_crm.services import maintenance

    report = maintenance.check_database(location, quick=args.quick)
    if args.json:
        output.print_json(asdict(report))
    elif report.ok:
        sys.stdout.write(f"{report.path}: ok\n")
    else:
        sys.stdout.write("".join(f"{_printable(p)}\n" for p in report.problems))
    if report.ok:
        return 0
    raise DatabaseDamaged(
        QT_TRANSLATE_NOOP(
            "errors",
            "{path} is damaged: SQLite's check found problems (listed above). Restore a "
            "backup ('desktop-crm backups', 'desktop-crm restore BACKUP').",
        ),
        path=report.path,
    )


def _print(data: dict[str, object], text: str, args: argparse.Namespace) -> None:
    if args.json:
        output.print_json(data)
    else:
        sys.stdout.write(text + "\n")


def _printable(text: str) -> str:
    """SQLite quotes names from the file: no control character reaches the terminal."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)
