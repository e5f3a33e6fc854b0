"""``desktop-crm import FILE``: the same importer as the window, for scripts."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_crm.cli import output
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue, StoppedPartWay
from desktop_crm.importing import ReadOptions, open_table
from desktop_crm.services import Crm
from desktop_crm.services.importer import ImportProgress, ImportSummary

DELIMITERS = {",": ",", ";": ";", "|": "|", "\\t": "\t", "\t": "\t", "tab": "\t", "TAB": "\t"}


def add_parser(commands: argparse._SubParsersAction, command: object) -> None:
    p = command(commands, "import", "import contacts from a CSV/TSV/TXT/XLSX file")  # type: ignore[operator]
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--source",
        metavar="SOURCE",
        help="source of every row (id, code or name), overriding a source column",
    )
    p.add_argument("--encoding", metavar="ENC", help="e.g. utf-8, cp1251 (default: detect)")
    p.add_argument("--delimiter", metavar="D", help="one of , ; | tab (default: detect)")
    p.add_argument(
        "--again", action="store_true", help="import a file already imported once more, as new"
    )


def summary_json(summary: ImportSummary) -> dict[str, object]:
    record = summary.record
    fresh = summary.already_imported is None
    return {
        "file": record.file_path,
        "rows": summary.rows,
        "imported": record.imported if fresh else 0,
        "assigned": record.assigned if fresh else 0,
        "unassigned": record.unassigned if fresh else 0,
        "skipped": summary.skipped,
        "rejected": [{"line": r.line, "reason": r.reason} for r in summary.rejected]
        if fresh
        else [],
    }


def summary_text(summary: ImportSummary) -> str:
    data = summary_json(summary)
    lines = []
    if summary.already_imported is not None:
        when = output.local_iso(summary.already_imported.finished_at)
        lines.append(
            f"{summary.record.file_name} was already imported on {when}; "
            "every row counted as skipped (use --again to import it once more)."
        )
    elif summary.resumed:
        lines.append("Resumed an interrupted import of this file.")
    lines.append(
        f"rows: {data['rows']}, imported: {data['imported']} "
        f"(assigned {data['assigned']}, unassigned {data['unassigned']}), "
        f"skipped: {data['skipped']}, rejected: {len(data['rejected'])}"  # type: ignore[arg-type]
    )
    lines.extend(f"  line {r.line}: {r.reason}" for r in summary.rejected[:50])
    if len(summary.rejected) > 50:
        lines.append(f"  … and {len(summary.rejected) - 50} more")
    return "\n".join(lines)


def _delimiter(value: str | None) -> str | None:
    if value is None:
        return None
    if value not in DELIMITERS:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The delimiter must be one of , ; | tab (got {value!r})."),
            field="delimiter",
            value=value,
        )
    return DELIMITERS[value]


def _show_progress(progress: ImportProgress) -> None:
    if not sys.stderr.isatty():
        return
    percent = f"{progress.fraction * 100:5.1f}%" if progress.fraction is not None else "   ?"
    left = f", {progress.seconds_left:.0f} s left" if progress.seconds_left is not None else ""
    sys.stderr.write(
        f"\r{percent}  {progress.rows} rows, {progress.rows_per_second:.0f} rows/s{left}   "
    )
    sys.stderr.flush()


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Rows make millions of short-lived tuples and no cycles: the collector only costs
    time here (~5%). Only in this one-shot process: a window must not pause it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_import(crm: Crm, args: argparse.Namespace) -> int:
    options = ReadOptions(encoding=args.encoding, delimiter=_delimiter(args.delimiter))
    table = open_table(Path(args.file), options)
    try:
        with cyclic_gc_paused():
            summary = crm.imports.run(
                table, source=args.source, again=args.again, progress=_show_progress
            )
    except StoppedPartWay as stop:  # exit 4; with --json, what was committed
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        if args.json and isinstance(stop.result, ImportSummary):
            output.print_json(summary_json(stop.result))
        raise
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if args.json:
        output.print_json(summary_json(summary))
    else:
        sys.stdout.write(summary_text(summary) + "\n")
    return 0
