"""Importing a table of contacts: every row through the same intake core, exactly once.

An import commits in bounded batches. Each batch registers its rows, records
their fingerprints and rejections, and moves the import's ``rows_done`` in the
same transaction, so a kill between batches loses nothing and repeats
nothing: importing the file again resumes after the last committed batch. A
completed file is recognised by its content hash; a file overlapping earlier
imports is recognised row by row (same normalised id, source, message, and
time when the file has one).

An import's identity is the file's content and the sheet read (``sheet_key``; a text
file has none): another sheet of a workbook is a new import, the same sheet again the
same one.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee as pw

from desktop_crm.db.models import ImportReject, ImportRow, ImportRun, Operator, tuples
from desktop_crm.db.storage import BATCH_PAUSE, Storage, WaitAbandoned
from desktop_crm.domain.distribution import RandInt
from desktop_crm.domain.external_id import normalise_phone_cell
from desktop_crm.domain.text import name_key
from desktop_crm.domain.times import in_zone, too_far_ahead
from desktop_crm.errors import (
    QT_TRANSLATE_NOOP,
    AlreadyExists,
    InvalidValue,
    NotFound,
    StoppedPartWay,
)
from desktop_crm.importing import (
    Field,
    FileStamp,
    ReadOptions,
    Rejection,
    RejectsWriter,
    TableFile,
    ValidRow,
    file_sha256,
)
from desktop_crm.services.audit import Action, AuditTrail
from desktop_crm.services.clock import Clock, naive_utc_now, system_clock
from desktop_crm.services.common import aware_utc, find_source, operators_skills
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.id_problems import TEMPLATES as PHONE_LIKE_TEMPLATES
from desktop_crm.services.id_problems import phone_like_problem
from desktop_crm.services.intake import Intake, normalise
from desktop_crm.services.lookalikes import check_tags_not_like_skills, lookalikes_among
from desktop_crm.services.settings import phone_region
from desktop_crm.services.sources import SourceService

# A batch holds the write lock about BATCH_SECONDS, so other processes get their
# turn between batches; its size adapts to how fast rows go in on this machine.
BATCH_SECONDS = 0.2
BATCH_GROWTH = 1.5  # at most this many times the rows of the batch before
FIRST_BATCH_ROWS = 1_000
MIN_BATCH_ROWS = 100
MAX_BATCH_ROWS = 20_000
# A batch is also cut after this many characters of cells, so that rows with huge
# cells (each up to a 1 MB line) never pile up in memory.
MAX_BATCH_CHARS = 16_000_000

# What is kept of a rejected row: each cell up to REJECT_CELL_CHARS characters
# (longer ones are cut and say so), at most REJECT_CELLS cells.
REJECT_CELL_CHARS = 1_000
REJECT_CELLS = 256
# At most STORED_REJECTS rejected rows of one import are kept (with their cells, for
# "Save rejected rows"); past that they are counted only: a file with more is the
# wrong file, and keeping millions of them would grow the database by gigabytes.
STORED_REJECTS = 100_000
# A summary carries the first SUMMARY_REJECTS rejected rows; the total is counted.
SUMMARY_REJECTS = 1_000
REJECTS_DELIMITERS = (",", ";")  # a rejects file keeps these; anything else gets ";"

log = logging.getLogger(__name__)


class ImportStatus:
    RUNNING = "running"  # in progress, or killed (resumed by the next import of the file)
    DONE = "done"
    CANCELLED = "cancelled"  # stopped by the user (Cancel, Ctrl+C); resumable
    FAILED = "failed"  # stopped by an error; resumable


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int
    reason: str  # English; ``template``/``params`` translate it
    template: str
    params: dict[str, Any]
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """A past or running import, as the Imports screen lists it."""

    id: int
    file_name: str
    file_path: str
    content_hash: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    status: str
    source_id: int | None
    rows_done: int
    imported: int
    assigned: int
    unassigned: int
    skipped: int
    rejected: int
    headers: tuple[str, ...] = ()  # the file's header row, for a rejects file
    delimiter: str | None = None
    # The sheet read (``sheet_key``): '' for a text file, None for an import of an older
    # version whose sheet is unknown (it stands for every sheet of its file).
    sheet_key: str | None = ""
    sheet: str | None = None  # the workbook's sheet read (as recorded), None for a text file

    @property
    def rows(self) -> int:
        return self.imported + self.skipped + self.rejected

    @property
    def identity(self) -> tuple[str, str | None]:
        """What tells this import's file from others: its content and the sheet read."""
        return self.content_hash, self.sheet_key


@dataclass(frozen=True, slots=True)
class ImportProgress:
    rows: int  # rows counted so far (imported + skipped + rejected)
    imported: int
    skipped: int
    rejected: int
    fraction: float | None  # 0..1 of the file, None when unknown
    rows_per_second: float
    seconds_left: float | None


@dataclass(frozen=True, slots=True)
class RunCounts:
    """What an import had counted before this run (a resumed import's earlier runs)."""

    imported: int = 0
    assigned: int = 0
    unassigned: int = 0
    skipped: int = 0
    rejected: int = 0


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What THIS run did: ``rows`` = ``imported`` + ``skipped`` + ``rejected_total``.

    A resumed import's earlier runs are not counted again (``earlier`` holds their
    counts); ``record`` carries the import's totals. ``rejected`` holds the first
    SUMMARY_REJECTS rows this run rejected; ``rejected_total`` counts them all."""

    record: ImportRecord
    rejected: tuple[RejectedRow, ...]
    already_imported: ImportRecord | None = None  # the completed import of the same file
    resumed: bool = False
    cancelled: bool = False
    table: TableFile | None = None  # the layout imported (a resumed import's own)
    earlier: RunCounts = RunCounts()  # the import's counts before this run
    # The completed import of the same file that rejected rows: this run read the file
    # again, skipped the rows stored then (by their fingerprints) and tried the rejected
    # ones again (with this run's options: a source mapped or created since).
    retried: ImportRecord | None = None

    @property
    def rows(self) -> int:
        if self.already_imported is not None:
            return self.already_imported.rows
        return self.imported + self.skipped + self.rejected_total

    @property
    def imported(self) -> int:
        return (
            0 if self.already_imported is not None else self.record.imported - self.earlier.imported
        )

    @property
    def assigned(self) -> int:
        return (
            0 if self.already_imported is not None else self.record.assigned - self.earlier.assigned
        )

    @property
    def unassigned(self) -> int:
        if self.already_imported is not None:
            return 0
        return self.record.unassigned - self.earlier.unassigned

    @property
    def skipped(self) -> int:
        # A completed file imported again without --again: every row counts as skipped.
        if self.already_imported is not None:
            return self.already_imported.rows
        return self.record.skipped - self.earlier.skipped

    @property
    def rejected_total(self) -> int:
        if self.already_imported is not None:
            return 0
        return self.record.rejected - self.earlier.rejected


@dataclass(frozen=True, slots=True)
class ReasonCount:
    """Rows rejected for one reason (its English template); ``params`` are the first
    such row's, to show one example."""

    template: str
    params: dict[str, Any]
    rows: int
    varied: bool = False  # the rows' parameters differ (several unknown sources...)


@dataclass(frozen=True, slots=True)
class UnknownSource:
    """A value of the file's source column that names no source: its first spelling in
    the file (values with the same name key are one) and how many rows carry it."""

    value: str
    rows: int
    # the existing source it looks like ("WhatsАpp": "WhatsApp"), else another value
    # of the file (the dialog would list two values that read the same)
    lookalike: str = ""


@dataclass(frozen=True, slots=True)
class ImportForecast:
    """What importing a file would do now, decided row by row by the import's own code
    (``ImportService.forecast``): ``rows`` = ``imported`` + ``skipped`` + ``rejected``.
    ``unknown_sources`` lists the values that name no source, mapped or not."""

    rows: int
    imported: int
    skipped: int
    rejected: int
    reasons: tuple[ReasonCount, ...]  # the rejected rows by reason, most first
    unknown_sources: tuple[UnknownSource, ...]  # in the order the file first has them
    sample: tuple[RejectedRow, ...] = ()  # the rejected rows up to ``sample_lines``
    # rows whose id looks like a phone number but is none ("8 900 12", "+7 9OO…"):
    # rejected, or imported as plain ids with ``plain_ids``
    phone_like_ids: int = 0


@dataclass
class _Counts:
    rows_done: int = 0
    imported: int = 0
    assigned: int = 0
    unassigned: int = 0
    skipped: int = 0
    rejected: int = 0
    rejects: list[tuple[object, ...]] = field(default_factory=list)
    fingerprints: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Carry:
    """What one batch's transaction counted that the next may start from: the loads
    and the rows' source ids, kept only while nobody else commits in between
    (``Storage.quiet_mark``: nobody, this connection included, wrote in between; never on
    a backend that cannot tell)."""

    mark: object | None = None
    loads: dict[int, int] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    # The file's lead ids as normalised, by their cell (``_normalised``): they depend on
    # the file and the region alone, never on what others commit, so they are kept.
    ids: dict[tuple[str, bool, str], str] = field(default_factory=dict)
    committed_at: float | None = None  # time.monotonic() when the last batch committed

    def resume(self, mark: object | None) -> bool:
        """At a transaction's start: whether what was kept still holds. It is dropped
        either way until ``keep`` (a transaction that fails keeps nothing)."""
        quiet = mark is not None and mark == self.mark
        self.mark = None
        if not quiet:
            self.loads, self.sources = {}, {}
        return quiet

    def keep(self, mark: object | None, loads: dict[int, int]) -> None:
        """After a transaction committed, with the mark and loads it ended with."""
        self.mark, self.loads = mark, loads

    def source_finder(self, find: Callable[[str], int]) -> Callable[[str], int]:
        """``find``, remembering what it found (``NotFound`` is not remembered)."""
        known = self.sources

        def cached(reference: str) -> int:
            found = known.get(reference)
            if found is None:
                found = known[reference] = find(reference)
            return found

        return cached


def _record(run: ImportRun) -> ImportRecord:
    options = json.loads(run.options or "{}")
    return ImportRecord(
        run.id,
        run.file_name,
        run.file_path,
        run.content_hash,
        aware_utc(run.started_at),
        aware_utc(run.finished_at) if run.finished_at else None,
        run.status,
        run.source_id,
        run.rows_done,
        run.imported,
        run.assigned,
        run.unassigned,
        run.skipped,
        run.rejected,
        tuple(options.get("headers") or ()),
        options.get("delimiter"),
        run.sheet_key,
        options.get("sheet"),
    )


def sheet_key(sheet: str | None) -> str:
    """What an import keeps of the sheet it read, with the file's content hash its
    identity: '' for a text file (no sheet), else a digest of the sheet's name (an
    erasure may cut a person's name out of the name, never out of the identity)."""
    return "" if sheet is None else hashlib.sha256(sheet.encode("utf-8")).hexdigest()


def import_identity(content_hash: str, sheet: str | None) -> tuple[str, str]:
    """The identity of an import of this content and sheet (``ImportRecord.identity``)."""
    return content_hash, sheet_key(sheet)


def fingerprint(external_id: str, source_id: int, message: str, created_at: object) -> int:
    """64 bits of blake2b over what makes two rows the same contact.

    Every imported row leaves its key without a time; a row with a time also
    leaves the key with it. A file with a date column is compared with times,
    a file without one by id, source and message alone.
    """
    key = f"{external_id}\x1f{source_id}\x1f{message}\x1f{created_at or ''}"
    digest = hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def options_json(
    table: TableFile,
    keep_operator: bool = False,
    source_map: Mapping[str, int] | None = None,
    plain_ids: bool = False,
) -> str:
    return json.dumps(
        {
            "encoding": table.encoding.name if table.encoding else None,
            "delimiter": table.delimiter,
            "header_line": table.header_line,
            "sheet": table.sheet,
            "mapping": {str(k): list(v) for k, v in table.mapping.groups.items()},
            "headers": list(table.headers) if table.header_line else [],
            "keep_operator": keep_operator,
            "source_map": dict(source_map or {}),
            "plain_ids": plain_ids,
        },
        ensure_ascii=False,
    )


def stored_source_map(run: ImportRun) -> dict[str, int]:
    """The source map an import started with (a resumed import keeps it)."""
    data = json.loads(run.options or "{}").get("source_map") or {}
    return {str(key): int(value) for key, value in data.items()}


def stored_options(run: ImportRun) -> ReadOptions:
    data = json.loads(run.options or "{}")
    return ReadOptions(
        encoding=data.get("encoding"),
        delimiter=data.get("delimiter"),
        header_line=data.get("header_line"),
        mapping=data.get("mapping") or None,
        sheet=data.get("sheet"),
    )


class ImportService:
    """``batch_rows``: commit every that many rows; ``None`` (the default) adapts the
    size so that a batch holds the write lock about ``BATCH_SECONDS``."""

    def __init__(
        self,
        storage: Storage,
        events: EventBus,
        randint: RandInt,
        batch_rows: int | None = None,
        *,
        trail: AuditTrail,
        clock: Clock = system_clock,
    ) -> None:
        self._trail = trail
        self._clock = clock
        if batch_rows is not None and batch_rows < 1:
            raise ValueError(f"batch_rows must be at least 1, not {batch_rows}")
        self._storage = storage
        self._events = events
        self._randint = randint
        self.batch_rows = batch_rows

    # -- what is known about a file ----------------------------------------------------------
    def find_previous(self, content_hash: str, sheet: str | None = None) -> ImportRecord | None:
        """The latest import of this exact content and ``sheet`` (a workbook's sheet as
        read; None for a text file)."""
        key = sheet_key(sheet)
        with self._storage.read():
            run = (
                ImportRun.select()
                .where(
                    (ImportRun.content_hash == content_hash)
                    & ((ImportRun.sheet_key == key) | ImportRun.sheet_key.is_null())
                )
                .order_by(ImportRun.id.desc())
                .first()
            )
            return None if run is None else _record(run)

    def find_previous_for(self, path: Path, sheet: str | None = None) -> ImportRecord | None:
        return self.find_previous(file_sha256(path), sheet)

    def list(self) -> list[ImportRecord]:
        with self._storage.read():
            return [_record(r) for r in ImportRun.select().order_by(ImportRun.id.desc())]

    def rejects(
        self, import_id: int, limit: int | None = None, *, after: int = 0
    ) -> builtins.list[RejectedRow]:
        """The rejected rows of an import in file order (the first ``limit`` of them);
        ``after``: only those stored after the reject with this id (one run's)."""
        with self._storage.read():
            return list(self._iter_rejects(import_id, limit, after))

    def _iter_rejects(
        self, import_id: int, limit: int | None = None, after: int = 0
    ) -> Iterator[RejectedRow]:
        query = (
            ImportReject.select()
            .where((ImportReject.import_run == import_id) & (ImportReject.id > after))
            .order_by(ImportReject.line)
        )
        if limit is not None:
            query = query.limit(limit)
        for r in query.iterator():
            yield RejectedRow(
                r.line, r.reason, r.template, json.loads(r.params), tuple(json.loads(r.cells))
            )

    def save_rejects(
        self,
        import_id: int,
        path: str | os.PathLike[str],
        *,
        reason: Callable[[RejectedRow], str] = lambda row: row.reason,
        headers: Sequence[str] | None = None,
        delimiter: str | None = None,
    ) -> int:
        """Write every rejected row of an import to ``path`` (streaming, not held in
        memory): the file the window's "Save rejected rows" writes. ``headers`` and
        ``delimiter`` default to the ones recorded with the import."""
        with self._storage.read():
            record = _record(ImportRun.get_by_id(import_id))
            if headers is None:
                headers = record.headers
            rows = self._iter_rejects(import_id)
            width = 0
            if not headers:  # pad to one width so the reason column lines up
                width = max((len(row.cells) for row in self._iter_rejects(import_id)), default=0)
            return write_rejected_rows(
                path, headers, rows, delimiter or record.delimiter or ";", reason, width
            )

    # -- running ---------------------------------------------------------------------------
    def run(
        self,
        table: TableFile,
        *,
        source: int | str | None = None,
        again: bool = False,
        keep_operator: bool = False,
        content_hash: str | None = None,
        progress: Callable[[ImportProgress], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        source_map: Mapping[str, int | str] | None = None,
        plain_ids: bool = False,
    ) -> ImportSummary:
        """Import ``table``; resume an interrupted import of the same content and sheet
        (``sheet_key``: another sheet of a workbook is another import).

        A completed import of the same content and sheet is not repeated unless ``again``:
        the summary then carries ``already_imported`` and writes nothing. When that
        import rejected rows, they get another chance instead: the file is imported as
        a new run that skips the rows stored before by their fingerprints (the summary's
        ``retried``). Either way ``source`` and ``source_map`` are checked first.
        ``keep_operator``: a row's owner column names the operator it is given to
        by hand (the rules of manual assignment: active and below the limit);
        otherwise, and for rows without one, the distributor decides.
        ``source_map``: a source column's value -> the source (id, code or name) its
        rows get instead (values compared by their name key; see ``settle_sources``).
        ``plain_ids``: ids that look like a phone number but are none ("8 900 12") go in
        as plain ids; otherwise such rows are rejected (the intake form's rule).

        Each batch waits up to the storage's ``job_wait`` for the write lock. When
        something stops the import after this run committed rows (the database stayed
        busy past the wait, Ctrl+C, an error) it raises ``StoppedPartWay`` with the
        summary of what was committed; otherwise the error itself (nothing written).
        """
        # Stamped before the hash: a file written while it is hashed or read (cut, re-saved,
        # synced) stops the import before a row read after the change is committed.
        stamp = FileStamp.of(table.path)
        content_hash = content_hash or file_sha256(table.path)
        # While one process (or thread) imports this content, another one importing it
        # too runs as an import of its own (its own record and counts; rows the first one
        # stored count as skipped) instead of taking over the first one's record and counts.
        with self._storage.job_claim(f"import:{content_hash}:{sheet_key(table.sheet)}") as claimed:
            return self._run(
                table,
                source,
                again,
                keep_operator,
                content_hash,
                claimed,
                progress,
                cancelled,
                source_map or {},
                plain_ids,
                stamp,
            )

    def _run(
        self,
        table: TableFile,
        source: int | str | None,
        again: bool,
        keep_operator: bool,
        content_hash: str,
        claimed: bool,
        progress: Callable[[ImportProgress], None] | None,
        cancelled: Callable[[], bool],
        source_map: Mapping[str, int | str],
        plain_ids: bool = False,
        stamp: FileStamp | None = None,
    ) -> ImportSummary:
        previous = self.find_previous(content_hash, table.sheet)
        retried = None
        if previous is not None and previous.status == ImportStatus.DONE and not again:
            if previous.rejected:  # a second chance for them (options fixed since?)
                retried = previous
            else:  # nothing left to do; an unknown source is refused all the same
                if source is not None:
                    self._check_source(table, source)
                self.check_source_map(source_map)
                return ImportSummary(previous, (), previous, table=table)
        # An unfinished import of this content is always finished first, with the
        # options (and the ``again``) it was started with; nothing is imported twice.
        resume = claimed and previous is not None and previous.status != ImportStatus.DONE
        if resume:
            assert previous is not None
            with self._storage.read():
                run = ImportRun.get_by_id(previous.id)
            table = table.reopen(**_options_dict(stored_options(run)))
            source_id = run.source_id
            again = run.again
            keep_operator = bool(json.loads(run.options or "{}").get("keep_operator"))
            plain_ids = bool(json.loads(run.options or "{}").get("plain_ids"))
            mapped = self.check_source_map(stored_source_map(run))  # a source deleted since?
        else:
            source_id = self._check_source(table, source)
            mapped = self.check_source_map(source_map)
        problem = table.problem
        if problem is not None:
            raise problem
        if not resume:
            run = self._start(
                table, content_hash, source_id, again, keep_operator, mapped, plain_ids
            )
        counts = _Counts(
            run.rows_done, run.imported, run.assigned, run.unassigned, run.skipped, run.rejected
        )
        earlier = RunCounts(run.imported, run.assigned, run.unassigned, run.skipped, run.rejected)
        reject_mark = self._last_reject_id(run.id) if resume else 0
        owners = keep_operator and Field.OWNER in table.mapping.groups
        try:
            stopped = self._import_rows(
                table,
                run,
                source_id,
                again,
                counts,
                progress or (lambda _p: None),
                cancelled,
                owners,
                mapped,
                plain_ids,
                stamp,
            )
            # Cancelled: a short wait; the lock may be what the user gave up on.
            with self._storage.write() if stopped else self._storage.write_batch():
                status = ImportStatus.CANCELLED if stopped else ImportStatus.DONE
                ImportRun.update(status=status, finished_at=naive_utc_now(self._clock)).where(
                    ImportRun.id == run.id
                ).execute()
                final = _record(ImportRun.get_by_id(run.id))
        except BaseException as error:
            # Never left "running" (which means in progress, or killed): Ctrl+C
            # cancels, an error fails it; either way the next import resumes it.
            interrupted = isinstance(error, KeyboardInterrupt)
            self._stop(run.id, ImportStatus.CANCELLED if interrupted else ImportStatus.FAILED)
            stop = self._stopped_part_way(run, resume, error, table, earlier, reject_mark, counts)
            if stop is None:
                raise
            raise stop from error
        self._events.emit(Change.IMPORTS)
        shown = tuple(self.rejects(run.id, SUMMARY_REJECTS, after=reject_mark))
        return ImportSummary(final, shown, None, resume, stopped, table, earlier, retried)

    def _stop(self, run_id: int, status: str) -> None:
        try:
            with self._storage.write():
                ImportRun.update(status=status, finished_at=naive_utc_now(self._clock)).where(
                    ImportRun.id == run_id
                ).execute()
        except Exception:  # the database itself failing: the original error matters more
            log.warning("Could not mark import %s as %s", run_id, status, exc_info=True)
            return
        self._events.emit(Change.IMPORTS)

    def _last_reject_id(self, import_id: int) -> int:
        with self._storage.read():
            last = (
                ImportReject.select(pw.fn.MAX(ImportReject.id))
                .where(ImportReject.import_run == import_id)
                .scalar()
            )
        return int(last or 0)

    def _stopped_part_way(
        self,
        run: ImportRun,
        resume: bool,
        error: BaseException,
        table: TableFile,
        earlier: RunCounts,
        reject_mark: int,
        counts: _Counts,
    ) -> StoppedPartWay | None:
        """``StoppedPartWay`` when this run committed rows before ``error``; None otherwise.
        ``counts``: what the committed batches counted, for a database that is gone."""
        shown: tuple[RejectedRow, ...] = ()
        try:
            with self._storage.read():
                record = _record(ImportRun.get_by_id(run.id))
        except Exception:  # the database itself failed (a lost server): what we committed
            log.warning("the import's record could not be read back", exc_info=True)
            record = dataclasses.replace(
                _record(run),
                status=ImportStatus.FAILED,
                rows_done=counts.rows_done,
                imported=counts.imported,
                assigned=counts.assigned,
                unassigned=counts.unassigned,
                skipped=counts.skipped,
                rejected=counts.rejected,
            )
        else:
            with contextlib.suppress(Exception):
                shown = tuple(self.rejects(run.id, SUMMARY_REJECTS, after=reject_mark))
        committed = record.rows_done - run.rows_done
        if committed <= 0:
            return None
        self._events.emit(Change.IMPORTS)
        summary = ImportSummary(record, shown, None, resume, True, table, earlier)
        return StoppedPartWay(
            QT_TRANSLATE_NOOP(
                "errors",
                "{reason} The import stopped part-way (rows committed: {committed}; they "
                "stay); run the same import again to resume.",
            ),
            cause=error,
            committed=committed,
            result=summary,
        )

    def _region(self) -> str:
        with self._storage.read():
            return phone_region()

    def check_source_map(self, source_map: Mapping[str, int | str]) -> dict[str, int]:
        """A source map as the import uses it: each value's name key -> the id of the
        source its rows get. A value that is empty, or a source that does not exist, is
        a user error (InvalidValue, NotFound)."""
        checked: dict[str, int] = {}
        with self._storage.read():
            for value, target in source_map.items():
                key = name_key(value)
                if not key:
                    raise InvalidValue(
                        QT_TRANSLATE_NOOP(
                            "errors", "A source value to map must not be empty ({value!r})."
                        ),
                        field="map-source",
                        value=value,
                    )
                if isinstance(target, str) and not name_key(target):
                    raise InvalidValue(
                        QT_TRANSLATE_NOOP(
                            "errors", "Say which source the value {value!r} becomes."
                        ),
                        field="map-source",
                        value=value,
                    )
                checked[key] = find_source(target).id
        return checked

    def settle_sources(
        self,
        sources: SourceService,
        source_map: Mapping[str, int | str],
        new_sources: Iterable[str] = (),
    ) -> dict[str, int]:
        """The source map to import with: ``source_map`` (a value -> an existing source,
        checked first) and each of ``new_sources`` created as a source of that name
        through the sources service and its rules (a name taken meanwhile is that
        source). The window and ``import --map-source/--create-sources`` both come here."""
        checked = self.check_source_map(source_map)
        settled = {value: checked[name_key(value)] for value in source_map}
        # All or none: one name refused (a look-alike of a source) creates no other.
        with self._storage.write():
            for value in dict.fromkeys(new_sources):
                if name_key(value) in checked:
                    raise InvalidValue(
                        QT_TRANSLATE_NOOP(
                            "errors", "The source value {value!r} is both mapped and to be created."
                        ),
                        field="map-source",
                        value=value,
                    )
                try:
                    settled[value] = sources.create(value.strip()).id
                except AlreadyExists:
                    settled[value] = sources.get(f"name:{value.strip()}").id
        return settled

    def forecast(
        self,
        table: TableFile,
        *,
        source: int | str | None = None,
        again: bool = False,
        source_map: Mapping[str, int | str] | None = None,
        new_sources: Iterable[str] = (),
        cancelled: Callable[[], bool] = lambda: False,
        sample_lines: int = 0,
        progress: Callable[[float | None], None] | None = None,
        plain_ids: bool = False,
    ) -> ImportForecast | None:
        """What ``run`` with these options would do to each row now, without writing:
        the same reading, id normalisation, source lookup and duplicate check, over the
        whole file. ``new_sources``: values that will be new sources (``settle_sources``)
        by then. None when ``cancelled`` (checked between chunks of rows).
        ``sample``: the rejected rows up to line ``sample_lines`` (the preview's), no cells.
        ``progress`` gets the fraction of the file read (None: unknown) after each chunk.
        ``phone_like_ids`` counts the rows whose id looks like a phone number but is none,
        rejected or (``plain_ids``) imported as plain ids.

        The counts equal the import's as long as the database does not change meanwhile
        (an interrupted import resumes with its own options: forecast a fresh one)."""
        if table.problem is not None:
            raise table.problem
        file_source = self._check_source(table, source)
        mapped = self.check_source_map(source_map or {})
        for number, value in enumerate(new_sources, start=1):
            mapped.setdefault(name_key(value), -number)  # no stored row has this source
        region = self._region()
        reasons: dict[str, list[Any]] = {}
        unknown: dict[str, list[Any]] = {}
        rejected = phone_like = 0
        sample: list[RejectedRow] = []

        def reject(line: int, template: str, params: dict[str, Any], _cells: Any) -> None:
            nonlocal rejected, phone_like
            if template in PHONE_LIKE_TEMPLATES:
                phone_like += 1
                if plain_ids:
                    return  # imported as a plain id: _normalised kept the row
            rejected += 1
            entry = reasons.setdefault(template, [params, 0, False])
            entry[1] += 1
            if not entry[2] and params != entry[0]:
                entry[2] = True
            if line <= sample_lines:
                sample.append(RejectedRow(line, template.format(**params), template, params, ()))

        found: dict[str, int] = {}

        def find(reference: str) -> int:
            if reference not in found:
                found[reference] = find_source(reference).id
            return found[reference]

        sources = _SourceLookup(find, file_source, mapped, unknown)
        seen: set[int] = set()  # the fingerprints this file's earlier rows would store
        known_ids: dict[tuple[str, bool, str], str] = {}
        imported = skipped = 0
        with table.read() as stream:
            rows = iter(stream)
            while True:
                if cancelled():
                    return None
                chunk, more = _take(rows, FIRST_BATCH_ROWS * 5)
                pending = _normalised(
                    chunk,
                    region,
                    reject,
                    plain_ids,
                    counted=plain_ids,
                    known=known_ids,
                    now=naive_utc_now(self._clock),
                )
                with self._storage.read():
                    ready = _keyed(pending, sources, reject)
                    compared = [_identity(key, timed) for *_, key, timed in ready]
                    # Again: the import compares with its own rows only, none at its start.
                    if not again:
                        seen.update(_known_fingerprints(self._storage, compared))
                fresh, skipped_here = _split_known(ready, seen)
                imported += len(fresh)
                skipped += skipped_here
                if progress is not None:
                    progress(stream.progress().fraction)
                if not more:
                    break
        ordered = sorted(reasons.items(), key=lambda item: -item[1][1])
        return ImportForecast(
            imported + skipped + rejected,
            imported,
            skipped,
            rejected,
            tuple(
                ReasonCount(template, params, count, varied)
                for template, (params, count, varied) in ordered
            ),
            _unknown_sources(list(unknown.values())),
            tuple(sorted(sample, key=lambda row: row.line)),
            phone_like,
        )

    def _check_source(self, table: TableFile, source: int | str | None) -> int | None:
        if source is not None:
            with self._storage.read():
                return find_source(source).id
        if Field.SOURCE not in table.mapping.columns:
            raise InvalidValue(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{file} has no source column; choose the source for the whole file.",
                ),
                field="source",
                file=table.path.name,
            )
        return None

    def _start(
        self,
        table: TableFile,
        content_hash: str,
        source_id: int | None,
        again: bool,
        keep_operator: bool,
        source_map: Mapping[str, int] | None = None,
        plain_ids: bool = False,
    ) -> ImportRun:
        with self._storage.write_batch():
            run = ImportRun.create(
                file_name=table.path.name,
                file_path=str(table.path),
                content_hash=content_hash,
                sheet_key=sheet_key(table.sheet),
                size=table.size,
                started_at=naive_utc_now(self._clock),
                status=ImportStatus.RUNNING,
                source=source_id,
                options=options_json(table, keep_operator, source_map, plain_ids),
                again=again,
            )
            # One entry per import run (its rows are not logged one by one).
            self._trail.record(Action.IMPORT_STARTED, run.id, table.path.name)
        self._events.emit(Change.IMPORTS)
        return run

    def _import_rows(
        self,
        table: TableFile,
        run: ImportRun,
        source_id: int | None,
        again: bool,
        counts: _Counts,
        progress: Callable[[ImportProgress], None],
        cancelled: Callable[[], bool],
        owners: bool = False,
        source_map: Mapping[str, int] | None = None,
        plain_ids: bool = False,
        stamp: FileStamp | None = None,
    ) -> bool:
        """Returns True when stopped by ``cancelled`` (after committing the last batch).
        ``owners``: give rows to the operator their owner column names (keep_operator).
        ``stamp``: the file as it was hashed; FileChanged once it is no longer so."""
        started = time.monotonic()
        first_rows = counts.imported + counts.skipped + counts.rejected
        fixed = self.batch_rows
        batch_rows = fixed or FIRST_BATCH_ROWS
        carry = _Carry()
        with table.read(skip=counts.rows_done) as stream:
            rows = iter(stream)
            while True:
                committed = dataclasses.replace(counts, rejects=[], fingerprints=[])
                try:
                    with self._storage.cancellable(cancelled):
                        more, locked = self._batch(
                            rows,
                            batch_rows,
                            run.id,
                            source_id,
                            again,
                            counts,
                            owners,
                            source_map,
                            plain_ids,
                            carry,
                            stamp,
                        )
                except BaseException as error:
                    # The batch that failed counts nothing: ``counts`` stays what the
                    # committed batches counted (the summary of a lost server's import).
                    _restore(counts, committed)
                    if isinstance(error, WaitAbandoned):  # cancelled waiting for the lock
                        return True
                    raise
                if fixed is None:
                    batch_rows = next_batch_rows(batch_rows, locked)
                self._events.emit(Change.CONTACTS, Change.LEADS, Change.LOADS, Change.IMPORTS)
                elapsed = max(time.monotonic() - started, 1e-6)
                total = counts.imported + counts.skipped + counts.rejected
                rate = (total - first_rows) / elapsed
                fraction = stream.progress().fraction
                left = elapsed * (1 - fraction) / fraction if fraction else None
                progress(
                    ImportProgress(
                        total,
                        counts.imported,
                        counts.skipped,
                        counts.rejected,
                        fraction,
                        rate,
                        left,
                    )
                )
                if not more:
                    return False
                if cancelled():
                    return True

    def _batch(
        self,
        rows: Iterator[ValidRow | Rejection],
        size: int,
        run_id: int,
        file_source: int | None,
        again: bool,
        counts: _Counts,
        owners: bool = False,
        source_map: Mapping[str, int] | None = None,
        plain_ids: bool = False,
        carry: _Carry | None = None,
        stamp: FileStamp | None = None,
    ) -> tuple[bool, float]:
        """Import the next batch of rows in one write transaction. Returns whether rows
        may follow, and how long the write lock was held.

        The rows are read and parsed before the write lock is taken; inside it,
        leads and fingerprints are looked up for the whole batch at once. ``stamp``:
        the file must still be as it was hashed once the batch is read (an end of the
        file included: a file cut short ends early), or nothing of the batch is written.
        """
        try:
            chunk, full = _take(rows, size)
        except Exception:
            if stamp is not None:
                stamp.check()  # a reader failing on a file cut short: FileChanged says why
            raise
        if stamp is not None:
            stamp.check()  # FileChanged
        if not chunk:
            return False, 0.0
        counts.rejects.clear()
        counts.fingerprints.clear()
        region = self._region()

        def reject(line: int, template: str, params: dict[str, Any], cells: Any) -> None:
            _reject(counts, run_id, line, template, params, cells)

        known = carry.ids if carry is not None else None
        now = naive_utc_now(self._clock)
        pending = _normalised(chunk, region, reject, plain_ids, known=known, now=now)  # unlocked
        before = dataclasses.replace(counts, rejects=list(counts.rejects), fingerprints=[])

        def attempt() -> float:
            """The batch's transaction; run again from ``before`` if it met another writer
            (``Storage.retrying``)."""
            _restore(counts, before)
            return self._write_batch(
                pending, intake_args, counts, reject, run_id, again, owners, carry or _Carry()
            )

        intake_args = (region, file_source, source_map, chunk[-1].index + 1)
        # The lock has been free since the last batch committed, while this one was read:
        # other writers' turn; a pause of its own only when the reading took less time.
        committed_at = carry.committed_at if carry is not None else None
        if committed_at is not None:
            free = time.monotonic() - committed_at
            if free < BATCH_PAUSE:
                self._storage.pause_between_batches(already_free=free)
        return full, self._storage.retrying(attempt)

    def _write_batch(
        self,
        pending: Sequence[tuple[ValidRow, str]],
        intake_args: tuple[str, int | None, Mapping[str, int] | None, int],
        counts: _Counts,
        reject: Reject,
        run_id: int,
        again: bool,
        owners: bool,
        carry: _Carry,
    ) -> float:
        """One batch's write transaction; returns how long it held the lock. ``carry``:
        what the previous batch counted, used when nobody else committed since."""
        region, file_source, source_map, rows_done = intake_args
        storage = self._storage
        with storage.write_batch():
            locked_at = time.monotonic()  # the lock is held from here, not while waiting
            intake = Intake(storage, self._randint, region, self._clock)
            if carry.resume(storage.quiet_mark()):
                intake.assume_loads(carry.loads)
            find = carry.source_finder(intake.source_id)
            sources = _SourceLookup(find, file_source, source_map)
            operators = _OwnerLookup() if owners else None
            ready = _keyed(pending, sources, reject)
            intake.lock_sources({item[2] for item in ready})  # all at once, in id order
            intake.prefetch_leads(item[1] for item in ready)
            compared = [_identity(key, timed) for *_, key, timed in ready]
            # Again: only the rows this run stored count (its fingerprints point to it).
            known = _known_fingerprints(self._storage, compared, run_id if again else None)
            fresh, skipped = _split_known(ready, known)
            register = intake.register
            imported = assigned = 0
            fingerprints = counts.fingerprints
            for row, external_id, source_id, key, timed in fresh:
                created_at = row.created_at
                registered = register(
                    external_id=external_id,
                    source_id=source_id,
                    name=row.name,
                    message=row.message,
                    created_at=created_at.replace(tzinfo=dt.UTC) if created_at else None,
                    owner=operators.resolve(row.owner) if operators and row.owner else None,
                    tags=row.tags,
                )
                imported += 1
                if registered.decision.operator_id is not None:
                    assigned += 1
                fingerprints.append((key, run_id))
                if timed is not None:
                    fingerprints.append((timed, run_id))
            counts.imported += imported
            counts.assigned += assigned
            counts.unassigned += imported - assigned
            counts.skipped += skipped
            intake.flush()
            counts.rows_done = rows_done
            if counts.fingerprints:
                storage.insert_many(_fingerprint_sql(storage.database), counts.fingerprints)
            if counts.rejects:
                storage.insert_many(_reject_sql(), counts.rejects)
            ImportRun.update(
                rows_done=counts.rows_done,
                imported=counts.imported,
                assigned=counts.assigned,
                unassigned=counts.unassigned,
                skipped=counts.skipped,
                rejected=counts.rejected,
            ).where(ImportRun.id == run_id).execute()
            ended = storage.quiet_mark(), intake.known_loads()
        carry.keep(*ended)  # committed
        carry.committed_at = time.monotonic()
        return time.monotonic() - locked_at


def _restore(counts: _Counts, saved: _Counts) -> None:
    """``counts`` as they were before a batch's transaction (lists copied)."""
    for name in ("rows_done", "imported", "assigned", "unassigned", "skipped", "rejected"):
        setattr(counts, name, getattr(saved, name))
    counts.rejects[:] = saved.rejects
    counts.fingerprints.clear()


def next_batch_rows(rows: int, locked: float) -> int:
    """The size of the batch after one of ``rows`` rows that held the write lock
    ``locked`` seconds: aimed at ``BATCH_SECONDS``, within the bounds. It grows by half
    at most: one fast batch on a busy machine must not make the next one hold the lock
    for a second."""
    scaled = min(rows * BATCH_SECONDS / max(locked, 1e-3), rows * BATCH_GROWTH)
    return int(min(max(scaled, MIN_BATCH_ROWS), MAX_BATCH_ROWS))


class _SourceLookup:
    """The source chosen for the whole file, else the source the user mapped the row's
    value to, else the row's own (id, code or name); unknown ones are remembered.

    ``unknown``, when given, counts the rows of each value that names no source (by the
    value's name key: its first spelling and its rows), mapped or not: the forecast's."""

    def __init__(
        self,
        find: Callable[[str], int],
        file_source: int | None,
        source_map: Mapping[str, int] | None = None,
        unknown: dict[str, list[Any]] | None = None,
    ) -> None:
        self._find = find
        self._file_source = file_source
        self._override = file_source is not None  # a chosen source applies to every row
        self._map = source_map or {}
        self._unknown: dict[str, NotFound] = {}
        self._counted = unknown

    def resolve(self, reference: str | None) -> int:
        if not reference:
            if self._file_source is None:
                raise InvalidValue(
                    QT_TRANSLATE_NOOP("errors", "The row names no source."), field="source"
                )
            return self._file_source
        if self._override:
            return self._file_source  # type: ignore[return-value]
        mapped = self._map.get(name_key(reference)) if self._map else None
        if mapped is not None and self._counted is None:
            return mapped
        try:
            found = self._lookup(reference)
        except NotFound as error:
            if self._counted is not None:
                lookalike = str(error.params.get("lookalike", ""))
                entry = self._counted.setdefault(name_key(reference), [reference, 0, lookalike])
                entry[1] += 1
            if mapped is not None:
                return mapped
            raise
        return found if mapped is None else mapped

    def _lookup(self, reference: str) -> int:
        if reference in self._unknown:
            raise self._unknown[reference]
        try:
            return self._find(reference)
        except NotFound as error:
            self._unknown[reference] = error
            raise


def _unknown_sources(entries: list[list[Any]]) -> tuple[UnknownSource, ...]:
    """The forecast's values that name no source; one that looks like no existing source
    may look like another value of the file (``lookalikes_among``)."""
    among = lookalikes_among([value for value, _rows, _lookalike in entries])
    return tuple(
        UnknownSource(value, rows, lookalike or among.get(value, ""))
        for value, rows, lookalike in entries
    )


class _OwnerLookup:
    """Operators by name as an export's owner column spells them: the same name key as
    every other lookup of an operator by name (case, width, Unicode form, spacing and
    invisible characters aside: "  борис " is Борис)."""

    def __init__(self) -> None:
        self._by_key: dict[str, int] = {
            key: operator_id
            for operator_id, key in tuples(Operator.select(Operator.id, Operator.name_key))
        }

    def resolve(self, name: str) -> int | None:
        return self._by_key.get(name_key(name))


@functools.lru_cache(maxsize=8)
def _fingerprint_sql(database: object) -> str:
    """INSERT ... and a fingerprint already there (an import run with ``again``) now
    points to this run, so that the run's own later batches find it. ``database``: the
    cache's key only (peewee writes the placeholders of the backend the proxy is bound to)."""
    sql, _ = (
        ImportRow.insert(fingerprint=0, import_run=0)
        .on_conflict(
            conflict_target=[ImportRow.fingerprint],
            update={ImportRow.import_run: pw.EXCLUDED.import_run},
        )
        .sql()
    )
    return sql


def _known_fingerprints(storage: Storage, keys: list[int], run_id: int | None = None) -> set[int]:
    """Which of ``keys`` were stored before: by any import, or (``run_id``) by that one."""
    if run_id is None:
        rows = storage.select_in(ImportRow, ("fingerprint",), "fingerprint", keys)
        return {int(key) for (key,) in rows}  # type: ignore[call-overload]
    rows = storage.select_in(ImportRow, ("fingerprint", "import_run"), "fingerprint", keys)
    return {int(key) for key, run in rows if run == run_id}  # type: ignore[call-overload]


Reject = Callable[[int, str, dict[str, Any], Any], None]  # line, template, params, cells
_KNOWN_IDS = 50_000  # the ids ``_normalised`` remembers at most (about 8 MB), then afresh
_Keyed = tuple[ValidRow, str, int, int, int | None]  # row, id, source, key, timed key


REASON_IN_THE_FUTURE = QT_TRANSLATE_NOOP(
    "errors",
    "The date {value} is in the future: a contact cannot come more than a day after now "
    "(a day and a month swapped?).",
)


def _normalised(
    chunk: Iterable[ValidRow | Rejection],
    region: str,
    reject: Reject,
    plain_ids: bool = False,
    *,
    counted: bool = False,
    known: dict[tuple[str, bool, str], str] | None = None,
    now: dt.datetime | None = None,
) -> list[tuple[ValidRow, str]]:
    """The rows with their normalised lead ids; the others go to ``reject``.
    (The first step of every row, the import's and the forecast's.) An id that looks
    like a phone number but is none is rejected unless ``plain_ids``; ``counted``: such
    a row is told to ``reject`` all the same and kept (the forecast counts them).
    ``known``: the ids already normalised by this file's earlier batches, by their cell
    (a returning lead's id is worked out once per form, not once per row); it grows.
    ``now`` (naive UTC): a row dated more than a day after it is rejected
    (``domain.times.too_far_ahead``)."""
    pending: list[tuple[ValidRow, str]] = []
    passed = known if known is not None else {}
    if len(passed) > _KNOWN_IDS:
        passed.clear()
    for row in chunk:
        if isinstance(row, Rejection):
            reject(row.line, row.template, row.params, row.cells)
            continue
        if now is not None and row.created_at is not None and too_far_ahead(row.created_at, now):
            shown = in_zone(row.created_at.replace(tzinfo=dt.UTC)).strftime("%Y-%m-%d %H:%M")
            reject(row.line, REASON_IN_THE_FUTURE, {"value": shown}, row.cells)
            continue
        cell = (row.external_id, row.id_is_phone, region)
        normalised = passed.get(cell)
        if normalised is not None:
            pending.append((row, normalised))
            continue
        try:
            raw_id = row.external_id
            if row.id_is_phone:  # a phone column: "9007654321" is +79007654321 there
                raw_id = normalise_phone_cell(raw_id, region)
            normalised = normalise(raw_id, region)
            problem = None
            if not plain_ids or counted:
                problem = phone_like_problem(raw_id, normalised, region)
                if problem is not None:
                    reject(row.line, problem.template, problem.params, row.cells)
                    if not plain_ids:
                        continue
            if problem is None:  # only what passed whole: a problem is told on every row
                passed[cell] = normalised
            pending.append((row, normalised))
        except InvalidValue as error:
            reject(row.line, error.template, error.params, row.cells)
    return pending


def _keyed(
    pending: Iterable[tuple[ValidRow, str]], sources: _SourceLookup, reject: Reject
) -> list[_Keyed]:
    """The rows with their sources and fingerprints; a row without a source, or tagged
    like an operator's skill without being it, is rejected."""
    ready: list[_Keyed] = []
    skills = functools.cache(operators_skills)  # read once per batch, if a row has tags
    for row, external_id in pending:
        try:
            source_id = sources.resolve(row.source)
            if row.tags:
                check_tags_not_like_skills(row.tags, skills(), "tags")
        except (InvalidValue, NotFound) as error:
            reject(row.line, error.template, error.params, row.cells)
            continue
        key = fingerprint(external_id, source_id, row.message, None)
        timed = (
            fingerprint(external_id, source_id, row.message, row.created_at)
            if row.created_at is not None
            else None
        )
        ready.append((row, external_id, source_id, key, timed))
    return ready


def _identity(key: int, timed: int | None) -> int:
    """Compared by the time when the row has one, otherwise without."""
    return key if timed is None else timed


def _split_known(ready: Iterable[_Keyed], known: set[int]) -> tuple[list[_Keyed], int]:
    """The rows to import, and how many are skipped: a row whose fingerprint is
    ``known`` was imported before. A row kept adds the fingerprints it will store, so a
    repeated row later in the file is a duplicate too, in this batch or a later one."""
    fresh: list[_Keyed] = []
    skipped = 0
    for item in ready:
        key, timed = item[3], item[4]
        if _identity(key, timed) in known:
            skipped += 1
            continue
        known.add(key)
        if timed is not None:
            known.add(timed)
        fresh.append(item)
    return fresh, skipped


def _take(
    rows: Iterator[ValidRow | Rejection], size: int
) -> tuple[list[ValidRow | Rejection], bool]:
    """The next ``size`` rows, fewer when their cells pass MAX_BATCH_CHARS (a row of
    a million empty cells weighs as much as one of long ones). The flag says whether
    more rows may follow (the batch is full, by count or by size)."""
    chunk: list[ValidRow | Rejection] = []
    chars = 0
    for row in rows:
        chunk.append(row)
        cells = row.cells
        chars += sum(map(len, cells)) + 16 * len(cells)  # a cell costs its slot too
        if len(chunk) >= size or chars > MAX_BATCH_CHARS:
            return chunk, True
    return chunk, False


def capped_cells(cells: Iterable[str]) -> list[str]:
    """A rejected row's cells as stored: each cut to REJECT_CELL_CHARS (saying so),
    at most REJECT_CELLS of them."""
    kept: list[str] = []
    for count, cell in enumerate(cells):
        if count == REJECT_CELLS:
            kept.append("… [more cells cut]")
            break
        if len(cell) > REJECT_CELL_CHARS:
            cell = f"{cell[:REJECT_CELL_CHARS]}… [cut: {len(cell)} characters]"
        kept.append(cell)
    return kept


def write_rejected_rows(
    path: str | os.PathLike[str],
    headers: Sequence[str],
    rows: Iterable[RejectedRow],
    delimiter: str = ";",
    reason: Callable[[RejectedRow], str] = lambda row: row.reason,
    width: int = 0,
) -> int:
    """Write rejected rows to a CSV the user can fix and drop again (RejectsWriter);
    without headers the cells are padded to ``width``. Returns how many."""
    if delimiter not in REJECTS_DELIMITERS:
        delimiter = ";"
    with RejectsWriter(path, list(headers), delimiter=delimiter) as writer:
        for row in rows:
            cells = list(row.cells)
            if not headers and len(cells) < width:
                cells.extend([""] * (width - len(cells)))
            writer.write(cells, reason(row))
        return writer.count


def _reject_sql() -> str:
    sql, _ = ImportReject.insert(
        import_run=0, line=0, reason="", template="", params="", cells=""
    ).sql()
    return sql


_PARAMS_JSON: dict[tuple[tuple[str, Any], ...], str] = {}


def _params_json(params: dict[str, Any]) -> str:
    """JSON of a reason's parameters; the few distinct ones of a file are cached."""
    try:
        key = tuple(params.items())
        cached = _PARAMS_JSON.get(key)
    except TypeError:  # an unhashable value
        return json.dumps(params, ensure_ascii=False, default=str)
    if cached is None:
        cached = json.dumps(params, ensure_ascii=False, default=str)
        if len(_PARAMS_JSON) < 1_000:
            _PARAMS_JSON[key] = cached
    return cached


def _reject(
    counts: _Counts, run_id: int, line: int, template: str, params: dict[str, Any], cells: Any
) -> None:
    counts.rejected += 1
    if counts.rejected > STORED_REJECTS:
        return
    counts.rejects.append(
        (
            run_id,
            line,
            template.format(**params),
            template,
            _params_json(params),
            json.dumps(capped_cells(cells), ensure_ascii=False),
        )
    )


def _options_dict(options: ReadOptions) -> dict[str, Any]:
    return {
        "encoding": options.encoding,
        "delimiter": options.delimiter,
        "header_line": options.header_line,
        "mapping": options.mapping,
        "sheet": options.sheet,
    }
