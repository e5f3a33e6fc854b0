"""Exports of leads, contacts and statistics to CSV files a spreadsheet opens.

Rows stream from one read snapshot straight into the file (``desktop_crm.csv_writer``:
UTF-8 with a BOM, ``;``, formula-like cells defused, the file put in place only
when complete), so a million rows never sit in memory. Times are written in
local time as ``YYYY-MM-DD HH:MM:SS``, which spreadsheets read as date-times.

Column titles are English templates marked for translation; the window passes
``translate`` to get them in the user's language.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee as pw

from desktop_crm.csv_writer import CsvWriter
from desktop_crm.db.models import Contact, Lead, Operator, Source
from desktop_crm.db.storage import Storage
from desktop_crm.domain.times import in_zone
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.contact_views import contact_condition
from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.services.dto.stats import Statistics
from desktop_crm.services.leads import search_condition
from desktop_crm.services.search import period_condition
from desktop_crm.services.settings import phone_region
from desktop_crm.services.stats import StatsService

# Called with the number of rows written so far, every PROGRESS_EVERY rows and at
# the end; it may raise (e.g. the window's Cancel) to stop: the file is then not written.
Progress = Callable[[int], None]
Translate = Callable[[str], str]
PROGRESS_EVERY = 2_000

LEAD_COLUMNS = (
    QT_TRANSLATE_NOOP("exports", "Lead id"),
    QT_TRANSLATE_NOOP("exports", "External id"),
    QT_TRANSLATE_NOOP("exports", "Name"),
    QT_TRANSLATE_NOOP("exports", "First seen"),
    QT_TRANSLATE_NOOP("exports", "Contacts"),
    QT_TRANSLATE_NOOP("exports", "Last contact"),
)
CONTACT_COLUMNS = (
    QT_TRANSLATE_NOOP("exports", "Contact id"),
    QT_TRANSLATE_NOOP("exports", "Created"),
    QT_TRANSLATE_NOOP("exports", "Lead id"),
    QT_TRANSLATE_NOOP("exports", "External id"),
    QT_TRANSLATE_NOOP("exports", "Name"),
    QT_TRANSLATE_NOOP("exports", "Source"),
    QT_TRANSLATE_NOOP("exports", "Operator"),
    QT_TRANSLATE_NOOP("exports", "Active"),
    QT_TRANSLATE_NOOP("exports", "Message"),
)
STATS_COLUMNS = (
    QT_TRANSLATE_NOOP("exports", "Operator"),
    QT_TRANSLATE_NOOP("exports", "Active operator"),
    QT_TRANSLATE_NOOP("exports", "Load"),
    QT_TRANSLATE_NOOP("exports", "Max load"),
)
STATS_SOURCE_COLUMNS = (
    QT_TRANSLATE_NOOP("exports", "{source}: contacts"),
    QT_TRANSLATE_NOOP("exports", "{source}: active"),
)
STATS_TOTAL_COLUMNS = (
    QT_TRANSLATE_NOOP("exports", "Total contacts"),
    QT_TRANSLATE_NOOP("exports", "Total active"),
)
UNASSIGNED = QT_TRANSLATE_NOOP("exports", "Unassigned")
YES = QT_TRANSLATE_NOOP("exports", "yes")
NO = QT_TRANSLATE_NOOP("exports", "no")


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    rows: int  # data rows, the header not counted


_OFFSETS: dict[dt.datetime, dt.timedelta] = {}  # the local UTC offset of each hour (UTC)


def local_time(value: object) -> str:
    """A stored (naive UTC) time as local ``YYYY-MM-DD HH:MM:SS``; '' for none.

    The hot path of a million-row export: the offset is looked up once per hour,
    and the text is built without strftime."""
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.fromisoformat(str(value))  # raw text from the database
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    hour = value.replace(minute=0, second=0, microsecond=0)
    offset = _OFFSETS.get(hour)
    if offset is None:
        try:
            start = hour.replace(tzinfo=dt.UTC).astimezone().utcoffset()
            end = (hour + dt.timedelta(hours=1)).replace(tzinfo=dt.UTC).astimezone().utcoffset()
        except (OverflowError, ValueError, OSError):
            start = end = None  # the calendar's edge: ``in_zone`` shows it unconverted
        if start != end or start is None:  # a clock change inside this hour
            return in_zone(value).replace(tzinfo=None).isoformat(" ", "seconds")
        if len(_OFFSETS) > 100_000:
            _OFFSETS.clear()
        _OFFSETS[hour] = offset = start
    t = value + offset
    return f"{t.year:04d}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d}:{t.second:02d}"


def _same(text: str) -> str:
    return text


class ExportService:
    def __init__(self, storage: Storage, stats: StatsService) -> None:
        self._storage = storage
        self._stats = stats

    def _raw(self, query: pw.ModelSelect[Any]) -> Iterator[tuple[object, ...]]:
        """The query's rows as the database returns them, streamed from the cursor
        (peewee's per-value conversion costs more than the export itself)."""
        sql, params = query.sql()
        # peewee's stubs leave execute_sql untyped; it returns the DB-API cursor
        yield from self._storage.database.execute_sql(sql, params)  # type: ignore[no-untyped-call]

    def _check_target(self, path: str | os.PathLike[str]) -> None:
        """Never write an export over the database or its companion files."""
        target = Path(path)
        try:
            same = target.resolve() in {
                file.resolve() for file in self._storage.location.local_files()
            }
        except (OSError, RuntimeError):  # a symlink loop: the writer reports it
            same = False
        if same:
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", "{path} is the database; choose another file."),
                field="path",
                path=str(target),
            )

    def _write(
        self,
        path: str | os.PathLike[str],
        header: list[str],
        rows: Callable[[], Iterator[list[object]]],
        progress: Progress | None,
    ) -> ExportResult:
        """Stream ``rows()`` (run inside one read snapshot) to ``path``."""
        self._check_target(path)
        with CsvWriter(path) as writer:
            writer.writerow(header)
            count = 0
            with self._storage.read():
                for row in rows():
                    writer.writerow(row)
                    count += 1
                    if progress is not None and count % PROGRESS_EVERY == 0:
                        progress(count)
            if progress is not None:
                progress(count)
        return ExportResult(Path(path), count)

    def leads(
        self,
        path: str | os.PathLike[str],
        search: str = "",
        *,
        progress: Progress | None = None,
        translate: Translate = _same,
    ) -> ExportResult:
        """Every lead matching ``search`` (as the Leads screen and ``leads --search``
        find them), newest first, with its number of contacts and last contact."""

        def rows() -> Iterator[list[object]]:
            count = Contact.select(pw.fn.COUNT(Contact.id)).where(Contact.lead == Lead.id)
            last = Contact.select(pw.fn.MAX(Contact.created_at)).where(Contact.lead == Lead.id)
            query = Lead.select(
                Lead.id, Lead.external_id, Lead.name, Lead.created_at, count, last
            ).order_by(Lead.id.desc())
            condition = search_condition(search, phone_region())
            if condition is not None:
                query = query.where(condition)
            for lead_id, external_id, name, created_at, contacts, last_at in self._raw(query):
                yield [
                    lead_id,
                    external_id,
                    name,
                    local_time(created_at),
                    contacts,
                    local_time(last_at),
                ]

        return self._write(path, [translate(t) for t in LEAD_COLUMNS], rows, progress)

    def contacts(
        self,
        path: str | os.PathLike[str],
        flt: ContactFilter | None = None,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        progress: Progress | None = None,
        translate: Translate = _same,
    ) -> ExportResult:
        """Contacts matching the filter (as the Contacts screen shows them) created in
        [since, until), oldest first."""
        yes, no = translate(YES), translate(NO)

        def rows() -> Iterator[list[object]]:
            query = (
                Contact.select(
                    Contact.id,
                    Contact.created_at,
                    Lead.id,
                    Lead.external_id,
                    Lead.name,
                    Source.name,
                    Operator.name,
                    Contact.is_active,
                    Contact.message,
                )
                .join(Lead, on=(Contact.lead == Lead.id))
                .switch(Contact)
                .join(Source, on=(Contact.source == Source.id))
                .switch(Contact)
                .join(Operator, pw.JOIN.LEFT_OUTER, on=(Contact.operator == Operator.id))
                .where(contact_condition(flt or ContactFilter()) & period_condition(since, until))
                .order_by(Contact.created_at, Contact.id)
            )
            for row in self._raw(query):
                contact_id, created_at, lead_id, external_id, name, source, operator = row[:7]
                is_active, message = row[7:]
                yield [
                    contact_id,
                    local_time(created_at),
                    lead_id,
                    external_id,
                    name,
                    source,
                    operator or "",
                    yes if is_active else no,
                    message,
                ]

        return self._write(path, [translate(t) for t in CONTACT_COLUMNS], rows, progress)

    def stats(
        self,
        path: str | os.PathLike[str],
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        *,
        translate: Translate = _same,
    ) -> ExportResult:
        """Contacts per operator and source in [since, until), as ``stats`` prints them:
        one line per operator and one for the unassigned contacts."""
        self._check_target(path)
        statistics = self._stats.operators(since, until)
        return _write_stats(path, statistics, translate)


def _write_stats(
    path: str | os.PathLike[str], statistics: Statistics, translate: Translate
) -> ExportResult:
    sources = statistics.sources
    header = [translate(t) for t in STATS_COLUMNS]
    for source in sources:
        header += [translate(t).format(source=source.name) for t in STATS_SOURCE_COLUMNS]
    header += [translate(t) for t in STATS_TOTAL_COLUMNS]
    yes, no = translate(YES), translate(NO)
    lines: list[list[object]] = []
    for row in statistics.operators:
        counts = {c.source.id: c for c in row.per_source}
        line: list[object] = [row.operator.name, yes if row.active else no, row.load, row.max_load]
        for source in sources:
            count = counts.get(source.id)
            line += [count.total if count else 0, count.active if count else 0]
        line += [row.total, sum(c.active for c in row.per_source)]
        lines.append(line)
    unassigned = {c.source.id: c for c in statistics.unassigned}
    line = [translate(UNASSIGNED), "", "", ""]
    for source in sources:
        count = unassigned.get(source.id)
        line += [count.total if count else 0, count.active if count else 0]
    line += [
        sum(c.total for c in statistics.unassigned),
        sum(c.active for c in statistics.unassigned),
    ]
    lines.append(line)
    with CsvWriter(path) as writer:
        writer.writerow(header)
        writer.writerows(lines)
    return ExportResult(Path(path), len(lines))
