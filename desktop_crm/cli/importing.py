"""``desktop-crm import FILE``: the same importer as the window, for scripts.

The file readers and the importer are imported inside the functions that use them: the
argument grammar (``add_parser``) is built for every command, and a bot's ``contact add``
must not pay for them (issue 13)."""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_crm.cli import output
from desktop_crm.cli.paths import path_argument
from desktop_crm.domain.text import name_key
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue, StoppedPartWay

if TYPE_CHECKING:
    from desktop_crm.importing import TableFile
    from desktop_crm.services import Crm
    from desktop_crm.services.importer import ImportProgress, ImportSummary

DELIMITERS = {",": ",", ";": ";", "|": "|", "\\t": "\t", "\t": "\t", "tab": "\t", "TAB": "\t"}


def add_parser(commands: argparse._SubParsersAction, command: object) -> None:
    p = command(commands, "import", "import contacts from a CSV/TSV/TXT/XLSX file")  # type: ignore[operator]
    p.add_argument("file", metavar="FILE", type=path_argument("FILE"))
    p.add_argument(
        "--source",
        metavar="SOURCE",
        help="source of every row (id, code or name), overriding a source column",
    )
    p.add_argument("--encoding", metavar="ENC", help="e.g. utf-8, cp1251 (default: detect)")
    p.add_argument("--delimiter", metavar="D", help="one of , ; | tab (default: detect)")
    p.add_argument(
        "--sheet", metavar="NAME", help="the sheet of a workbook to read (default: the active one)"
    )
    p.add_argument(
        "--again", action="store_true", help="import a file already imported once more, as new"
    )
    p.add_argument(
        "--map",
        metavar="FIELD=COLUMN",
        action="append",
        default=[],
        help="take FIELD (lead, name, source, message, created_at, owner) from COLUMN "
        "(a header or a 1-based number); join several with + (lead: the first non-empty; "
        "name: joined with spaces); empty = not imported; repeatable",
    )
    p.add_argument(
        "--keep-operator",
        action="store_true",
        help="give each row to the operator its owner column names (Ответственный, owner) "
        "when that operator is active and below the limit; otherwise the distributor decides",
    )
    p.add_argument(
        "--map-source",
        metavar="VALUE=SOURCE",
        action="append",
        default=[],
        help="give the rows whose source column says VALUE to SOURCE (id, code or name); "
        "repeatable",
    )
    p.add_argument(
        "--create-sources",
        action="store_true",
        help="create a source for each value of the source column that names none "
        "(and is not mapped with --map-source)",
    )
    p.add_argument(
        "--plain-ids",
        action="store_true",
        help="import ids that look like phone numbers but are not valid (8 900 12, "
        "+7 9OO 123-45-67 with letters for digits) as plain ids; otherwise such rows are "
        "rejected",
    )
    p.add_argument(
        "--rejects",
        metavar="OUT.csv",
        type=path_argument("--rejects"),
        help="write the rejected rows (with a reason column) to this CSV, to fix and import again",
    )


def summary_json(
    summary: ImportSummary, keep_operator: bool = False, created: list[str] | None = None
) -> dict[str, object]:
    from desktop_crm.importing import describe_mapping

    record = summary.record
    fresh = summary.already_imported is None
    table = summary.table
    columns = describe_mapping(table.mapping, _headers(table)) if table is not None else {}
    return {
        "file": record.file_path,
        "rows": summary.rows,
        # What this run did (a resumed import's earlier runs are in "total").
        "imported": summary.imported,
        "assigned": summary.assigned,
        "unassigned": summary.unassigned,
        "skipped": summary.skipped,
        # The first SUMMARY_REJECTS of them; rejected_total counts them all.
        "rejected": [{"line": r.line, "reason": r.reason} for r in summary.rejected]
        if fresh
        else [],
        "rejected_total": summary.rejected_total,
        # The whole import so far, this run and the interrupted runs it resumed.
        "total": {
            "rows": record.rows,
            "imported": record.imported,
            "assigned": record.assigned,
            "unassigned": record.unassigned,
            "skipped": record.skipped,
            "rejected": record.rejected,
        },
        "columns": columns,
        # How the file was read: a text file's encoding, a workbook's sheet (else null).
        "encoding": table.encoding.name if table is not None and table.encoding else None,
        "sheet": table.sheet if table is not None else None,
        "created_sources": created or [],
        "warnings": warnings(table, keep_operator) if table is not None else [],
    }


def summary_text(
    summary: ImportSummary, keep_operator: bool = False, created: list[str] | None = None
) -> str:
    data = summary_json(summary, keep_operator, created)
    lines = [f"created source: {name}" for name in created or ()]
    if summary.already_imported is not None:
        when = output.local_iso(summary.already_imported.finished_at)
        table = summary.table
        what = summary.record.file_name
        if table is not None and table.sheet is not None and table.other_sheets:
            what = f'{what} (sheet "{table.sheet}")'  # each sheet is an import of its own
        lines.append(
            f"{what} was already imported on {when}; "
            "every row counted as skipped (use --again to import it once more)."
        )
    elif summary.retried is not None:
        when = output.local_iso(summary.retried.finished_at)
        lines.append(
            f"{summary.record.file_name} was imported on {when} with "
            f"{summary.retried.rejected} rejected row(s): they were tried again; "
            "the rows stored then count as skipped."
        )
    elif summary.resumed:
        lines.append("Resumed an interrupted import of this file.")
    lines.append(
        f"rows: {data['rows']}, imported: {data['imported']} "
        f"(assigned {data['assigned']}, unassigned {data['unassigned']}), "
        f"skipped: {data['skipped']}, rejected: {data['rejected_total']}"
    )
    if summary.resumed and summary.already_imported is None:
        total: dict[str, int] = data["total"]  # type: ignore[assignment]
        lines.append(
            f"total of the import: rows: {total['rows']}, imported: {total['imported']}, "
            f"skipped: {total['skipped']}, rejected: {total['rejected']}"
        )
    if summary.already_imported is None:
        lines.extend(f"  line {r.line}: {r.reason}" for r in summary.rejected[:50])
        if summary.rejected_total > 50:
            lines.append(f"  … and {summary.rejected_total - 50} more")
    if data["encoding"]:
        lines.append(f"encoding: {data['encoding']}")
    if data["sheet"]:
        lines.append(f"sheet: {data['sheet']}")
    columns: dict[str, list[str]] = data["columns"]  # type: ignore[assignment]
    if columns:
        lines.append(
            "columns: "
            + "; ".join(f"{key}={'+'.join(names)}" for key, names in columns.items() if names)
        )
    lines.extend(f"warning: {warning}" for warning in data["warnings"])  # type: ignore[attr-defined]
    return "\n".join(lines)


def warnings(table: TableFile, keep_operator: bool) -> list[str]:
    """What a script should know about how the file was read (English)."""
    from desktop_crm.importing import Field, describe_mapping

    found = []
    mapping = table.mapping
    if mapping.row_id_only:
        column = describe_mapping(mapping, _headers(table))["lead"][0]
        found.append(
            f'the lead id comes from the column "{column}", which looks like the exporting '
            "system's row number: every row becomes a lead of its own. "
            "Map a phone or e-mail column with --map lead=COLUMN."
        )
    if table.other_sheets:
        shown = ", ".join(f'"{name}"' for name in table.other_sheets)
        found.append(
            f'only the sheet "{table.sheet}" of the workbook was read; its other sheets '
            f"({shown}) were not: import each with --sheet NAME."
        )
    if keep_operator and Field.OWNER not in mapping.groups:
        found.append(
            "--keep-operator: the file has no owner column (map one with --map owner=COLUMN); "
            "the distributor decided every row."
        )
    return found


def _headers(table: TableFile) -> tuple[str, ...]:
    from desktop_crm.importing import NO_HEADER

    return table.headers if table.header_line != NO_HEADER else ()


def apply_map(table: TableFile, options: list[str]) -> TableFile:
    """``--map FIELD=COLUMN[+COLUMN...]`` over the detected mapping (other fields stay)."""
    from desktop_crm.importing import FIELD_ALIASES, FIELD_KEYS, Field

    if not options:
        return table
    headers = _headers(table)
    groups: dict[str, list[int]] = {k.value: list(v) for k, v in table.mapping.groups.items()}
    for option in options:
        key, sep, spec = option.partition("=")
        if not sep:
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors", "--map takes FIELD=COLUMN or FIELD=COLUMN+COLUMN, not {value!r}."
                ),
                field="map",
                value=option,
            )
        target = FIELD_ALIASES.get(key.strip().lower())
        if target is None:
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors", 'Unknown field "{value}" for --map; the fields are: {fields}.'
                ),
                field="map",
                value=key.strip(),
                fields=", ".join(FIELD_KEYS.values()),
            )
        if not spec.strip():
            if target is Field.EXTERNAL_ID:
                raise InvalidValue(
                    QT_TRANSLATE_NOOP("errors", "The lead's id column cannot be left out."),
                    field="map",
                )
            groups.pop(target.value, None)
            continue
        groups[target.value] = _columns(table, headers, spec)
    return table.reopen(mapping=groups)


def _columns(table: TableFile, headers: tuple[str, ...], spec: str) -> list[int]:
    from desktop_crm.importing import find_column

    whole = find_column(headers, spec, 0, loose=False)  # a header that itself holds a "+"
    if whole is not None:
        return [whole]
    columns = []
    for name in spec.split("+"):
        column = find_column(headers, name, table.column_count)
        if column is None:
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors", 'No column "{value}" in {file}; its columns are: {columns}.'
                ),
                field="map",
                value=name.strip(),
                file=table.name,
                columns=", ".join(describe_columns(table)),
            )
        columns.append(column)
    return columns


def describe_columns(table: TableFile) -> list[str]:
    """The file's columns as --map accepts them: headers, or numbers without one."""
    headers = _headers(table)
    return [
        headers[column].strip()
        if column < len(headers) and headers[column].strip()
        else str(column + 1)
        for column in range(table.column_count)
    ]


def parse_source_map(options: list[str]) -> dict[str, str]:
    """``--map-source VALUE=SOURCE`` options; the service checks the values and sources."""
    mapping: dict[str, str] = {}
    for option in options:
        value, sep, target = option.rpartition("=")
        if not sep:
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", "--map-source takes VALUE=SOURCE, not {value!r}."),
                field="map-source",
                value=option,
            )
        mapping[value] = target
    return mapping


def settled_sources(
    crm: Crm, table: TableFile, args: argparse.Namespace
) -> tuple[dict[str, int], list[str]]:
    """The source map to import with, and the names of the sources created for it."""
    wanted = parse_source_map(args.map_source)
    if not args.create_sources:
        return crm.imports.settle_sources(crm.sources, wanted), []
    crm.imports.check_source_map(wanted)  # a bad mapping: nothing read, nothing created
    forecast = crm.imports.forecast(table, source=args.source, source_map=wanted)
    mapped = {name_key(value) for value in wanted}
    assert forecast is not None  # never cancelled here
    new = [u.value for u in forecast.unknown_sources if name_key(u.value) not in mapped]
    return crm.imports.settle_sources(crm.sources, wanted, new), new


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


def _write_rejects(crm: Crm, summary: ImportSummary, target: Path) -> None:
    """Every rejected row of this import (none when the file was imported before)."""
    from desktop_crm.services.importer import write_rejected_rows

    record = summary.record
    try:
        if summary.already_imported is None:
            crm.imports.save_rejects(record.id, target)
        else:
            write_rejected_rows(target, record.headers, (), record.delimiter or ";")
    except OSError as error:
        raise InvalidValue(
            QT_TRANSLATE_NOOP(
                "errors",
                'The import is done, but the rejected rows could not be written to "{value}": '
                "{error}.",
            ),
            field="rejects",
            value=str(target),
            error=error.strerror or str(error),
        ) from error


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


def _rejects_target(value: str | None, source: Path) -> Path | None:
    """Checked before anything is imported: a rejects file that cannot be written, the
    file being imported, a database, or anything but a regular file (a FIFO would
    block) is a user error, exit 2."""
    from desktop_crm.csv_writer import belongs_to_a_database

    if value is None:
        return None
    target = Path(value)
    parent = target.parent
    usable = parent.is_dir() and os.access(parent, os.W_OK)
    try:
        if usable and (target.exists() or target.is_symlink()):
            usable = (
                stat.S_ISREG(target.stat().st_mode)
                and target.resolve() != source.resolve()
                and not _is_sqlite(target)
            )
        usable = usable and not belongs_to_a_database(target)
    except OSError:
        usable = False
    if not usable:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", 'Cannot write the rejected rows to "{value}".'),
            field="rejects",
            value=value,
        )
    return target


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(16) == b"SQLite format 3\x00"


def run_import(crm: Crm, args: argparse.Namespace) -> int:
    from desktop_crm.importing import ReadOptions, open_table
    from desktop_crm.services.importer import ImportSummary

    options = ReadOptions(
        encoding=args.encoding, delimiter=_delimiter(args.delimiter), sheet=args.sheet
    )
    rejects = _rejects_target(args.rejects, Path(args.file))
    table = apply_map(open_table(Path(args.file), options), args.map)
    source_map, created = settled_sources(crm, table, args)
    try:
        with cyclic_gc_paused():
            summary = crm.imports.run(
                table,
                source=args.source,
                again=args.again,
                keep_operator=args.keep_operator,
                progress=_show_progress,
                source_map=source_map,
                plain_ids=args.plain_ids,
            )
    except StoppedPartWay as stop:  # exit 4; with --json, what was committed
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        if args.json and isinstance(stop.result, ImportSummary):
            output.print_json(summary_json(stop.result))
        raise
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if rejects is not None:
        _write_rejects(crm, summary, rejects)
    if args.json:
        output.print_json(summary_json(summary, args.keep_operator, created))
    else:
        text = summary_text(summary, args.keep_operator, created)
        sys.stdout.write(output.printable(text) + "\n")
    return 0
