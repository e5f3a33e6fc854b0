"""Imports: the past imports (newest first), one import's rejected rows, and the
preview of a file in the import dialog."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_crm.domain.text import on_screen
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.importing import NO_HEADER, Field, Preview, RawRecord, Rejection
from desktop_crm.services import Crm
from desktop_crm.services.importer import ImportRecord, ImportStatus, RejectedRow
from desktop_crm.ui.models.base import RAW_ROLE, Column, Index, RowsModel, local_time
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.texts import erased_shown

REJECTED_BACKGROUND = QColor("#fdecea")
REJECTED_FOREGROUND = QColor("#a40000")
DIM_FOREGROUND = QColor("#808080")
MAX_CELL_CHARS = 200  # a preview cell shows this much; the tooltip has the rest

# The identities (content hash, sheet key: ``ImportRecord.identity``) of the imports this
# window is running now: their status "running" means "in progress", any other "running"
# one was interrupted.
RUNNING_IMPORTS: set[tuple[str, str | None]] = set()

FIELD_LABELS: dict[Field, str] = {
    Field.EXTERNAL_ID: QT_TRANSLATE_NOOP("Import", "External id"),
    Field.NAME: QT_TRANSLATE_NOOP("Import", "Name"),
    Field.SOURCE: QT_TRANSLATE_NOOP("Import", "Source"),
    Field.MESSAGE: QT_TRANSLATE_NOOP("Import", "Message"),
    Field.CREATED_AT: QT_TRANSLATE_NOOP("Import", "Date"),
    Field.OWNER: QT_TRANSLATE_NOOP("Import", "Owner"),
    Field.TAGS: QT_TRANSLATE_NOOP("Import", "Tags"),
}
# The same fields as the preview's column headers show them: "Телефон → external id".
FIELD_HEADER_LABELS: dict[Field, str] = {
    Field.EXTERNAL_ID: QT_TRANSLATE_NOOP("Import", "external id"),
    Field.NAME: QT_TRANSLATE_NOOP("Import", "name"),
    Field.SOURCE: QT_TRANSLATE_NOOP("Import", "source"),
    Field.MESSAGE: QT_TRANSLATE_NOOP("Import", "message"),
    Field.CREATED_AT: QT_TRANSLATE_NOOP("Import", "date"),
    Field.OWNER: QT_TRANSLATE_NOOP("Import", "owner"),
    Field.TAGS: QT_TRANSLATE_NOOP("Import", "tags"),
}


def field_label(target: Field) -> str:
    return QCoreApplication.translate("Import", FIELD_LABELS[target])


def column_title(headers: tuple[str, ...] | list[str], column: int) -> str:
    """A column's header text as shown (escaped: ``on_screen``), or "Column N"
    (1-based) when it has none."""
    if column < len(headers) and headers[column].strip():
        return on_screen(headers[column].strip())
    return QCoreApplication.translate("Import", "Column {number}").format(number=column + 1)


def reason_text(template: str, params: Mapping[str, Any], reason: str) -> str:
    """Why a row was refused, in the user's language.

    The readers' reasons live in the "importing" context, the services' in
    "errors"; without a translation the English ``reason`` is shown as is.
    """
    for context in ("importing", "errors"):
        translated = QCoreApplication.translate(context, template)
        if translated != template:
            try:
                return translated.format(**params)
            except (KeyError, IndexError, ValueError):  # a broken placeholder
                return reason
    return reason


def rejection_reason(row: Rejection | RejectedRow) -> str:
    return reason_text(row.template, row.params, row.reason)


def one_line(text: str) -> str:
    """A cell on one line, escaped for the screen (``on_screen``: a bidi override or an
    escape in a file must not reorder or colour the table): line breaks become ⏎, long
    text is cut short."""
    flat = on_screen(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ⏎ ")
    return flat if len(flat) <= MAX_CELL_CHARS else flat[: MAX_CELL_CHARS - 1] + "…"


def file_and_sheet(record: ImportRecord, path: bool = False) -> str:
    """The file's name (``path``: its whole path), and the sheet read of a workbook (each
    sheet is an import), escaped for the screen (``on_screen``: a bidi override in a
    sheet's name reorders what follows it)."""
    file = on_screen(record.file_path if path else record.file_name)
    if record.sheet:
        return f"{file} — {on_screen(record.sheet)}"
    return file


def status_text(record: ImportRecord) -> str:
    if record.status == ImportStatus.DONE:
        return QCoreApplication.translate("ImportsModel", "done")
    if record.status == ImportStatus.CANCELLED:
        return QCoreApplication.translate("ImportsModel", "cancelled")
    if record.identity in RUNNING_IMPORTS:
        return QCoreApplication.translate("ImportsModel", "importing…")
    return QCoreApplication.translate("ImportsModel", "interrupted")


def status_tooltip(record: ImportRecord) -> str | None:
    if record.status == ImportStatus.DONE:
        return None
    if record.status == ImportStatus.RUNNING and record.identity in RUNNING_IMPORTS:
        return None
    rows = record.rows_done  # a plain name: lupdate reads the context right
    return ImportsModel.tr(
        "Stopped after %n row(s); import the file again to finish it.",  # type: ignore[arg-type]
        "",
        rows,  # type: ignore[arg-type]
    )


def _number(title: str, attribute: str) -> Column[ImportRecord]:
    def value(record: ImportRecord) -> int:
        return int(getattr(record, attribute))

    return Column(title, value, value, align_right=True)


FILE, STARTED, STATUS, ROWS, IMPORTED, ASSIGNED, UNASSIGNED, SKIPPED, REJECTED = range(9)


class ImportsModel(RowsModel[ImportRecord]):
    """Past imports, newest first; refreshed in place."""

    context = "ImportsModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("ImportsModel", "File"),
            lambda r: erased_shown(file_and_sheet(r)),
            lambda r: file_and_sheet(r).casefold(),
            tooltip=lambda r: erased_shown(file_and_sheet(r, path=True)),
        ),
        Column(
            QT_TRANSLATE_NOOP("ImportsModel", "Started"),
            lambda r: local_time(r.started_at),
            lambda r: r.started_at.timestamp(),
        ),
        Column(
            QT_TRANSLATE_NOOP("ImportsModel", "Status"),
            status_text,
            lambda r: r.status,
            tooltip=status_tooltip,
        ),
        _number(QT_TRANSLATE_NOOP("ImportsModel", "Rows"), "rows"),
        _number(QT_TRANSLATE_NOOP("ImportsModel", "Imported"), "imported"),
        _number(QT_TRANSLATE_NOOP("ImportsModel", "Assigned"), "assigned"),
        _number(QT_TRANSLATE_NOOP("ImportsModel", "Unassigned"), "unassigned"),
        _number(QT_TRANSLATE_NOOP("ImportsModel", "Skipped"), "skipped"),
        _number(QT_TRANSLATE_NOOP("ImportsModel", "Rejected"), "rejected"),
    )

    def __init__(self, crm: Crm, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self._crm = crm
        self._runner = runner
        self._loading = False
        self._again = False

    def reload(self) -> None:
        """Reload in a worker; a reload asked for while one runs follows it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._runner.start(lambda ctx: self._crm.imports.list(), self._loaded, self._failed)

    def _loaded(self, records: list[ImportRecord]) -> None:
        self.set_rows(records)
        self._done()

    def _failed(self, _error: BaseException) -> None:
        self._done()  # busy database: the next change or poll tries again

    def _done(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()


LINE, REASON, CELLS = range(3)


class RejectsModel(RowsModel[RejectedRow]):
    """One import's rejected rows: the line, why, and what the row held."""

    context = "RejectsModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("RejectsModel", "Line"),
            lambda r: r.line,
            lambda r: r.line,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("RejectsModel", "Reason"),
            rejection_reason,
            rejection_reason,
            tooltip=rejection_reason,
        ),
        Column(
            QT_TRANSLATE_NOOP("RejectsModel", "Row"),
            lambda r: one_line(" ; ".join(r.cells)),
            lambda r: " ; ".join(r.cells),
            tooltip=lambda r: on_screen("\n".join(r.cells)),
        ),
    )

    def key(self, row: RejectedRow) -> Hashable:
        return row.line


# The preview shows at most this many columns of a file (the first ones): a header of
# 100,000 cells would otherwise take the GUI thread half a minute to lay out.
PREVIEW_COLUMNS = 200


class PreviewModel(QAbstractTableModel):
    """The first rows of a file as the importer would read them (the first
    PREVIEW_COLUMNS columns; ``file_columns`` says how many the file has).

    Lines above the header (a title line...) come first, dimmed; rows the
    reader would refuse are tinted red with the reason as their tooltip. The
    column headers say which field each column feeds: "Телефон → external id".
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[RawRecord] = []
        self._leading = 0  # how many of _records lie above the header
        self._headers: tuple[str, ...] = ()
        self._fields: dict[int, Field] = {}
        self._reasons: dict[int, str] = {}  # line -> why the reader refuses it
        self._read_reasons: dict[int, str] = {}  # the reader's own, before any forecast
        self._width = 0
        self._file_width = 0  # the file's columns, of which _width are shown

    def set_preview(self, preview: Preview | None) -> None:
        self.beginResetModel()
        if preview is None:
            self._records, self._leading, self._headers = [], 0, ()
            self._fields, self._reasons, self._width, self._file_width = {}, {}, 0, 0
        else:
            table = preview.table
            self._records = [*preview.leading, *preview.rows]
            self._leading = len(preview.leading)
            self._headers = table.headers if table.header_line != NO_HEADER else ()
            self._fields = {
                column: target for target, group in table.mapping.groups.items() for column in group
            }
            self._reasons = {
                row.line: rejection_reason(row)
                for row in preview.checked
                if isinstance(row, Rejection)
            }
            self._read_reasons = dict(self._reasons)
            widest = max((len(record.cells) for record in self._records), default=0)
            self._file_width = max(table.column_count, widest)
            self._width = min(self._file_width, PREVIEW_COLUMNS)
        self.endResetModel()

    def set_forecast(self, rejected: Iterable[RejectedRow] | None) -> None:
        """The rows the import will reject, as its forecast says (None: the reader's own
        refusals only); they are tinted and counted like the reader's."""
        reasons = dict(self._read_reasons)
        if rejected is not None:
            reasons.update((row.line, rejection_reason(row)) for row in rejected)
        if reasons == self._reasons:
            return
        self._reasons = reasons
        if self._records and self._width:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._records) - 1, self._width - 1)
            )

    @property
    def last_line(self) -> int:
        """The file line of the last row shown (0 without rows)."""
        return self._records[-1].line if self._records else 0

    # -- what the dialog asks --------------------------------------------------------------
    @property
    def file_columns(self) -> int:
        """The columns of the file; the first ``columnCount()`` of them are shown."""
        return self._file_width

    @property
    def data_rows(self) -> int:
        return len(self._records) - self._leading

    @property
    def rejected_rows(self) -> int:
        return len(self._reasons)

    def is_leading(self, row: int) -> bool:
        return row < self._leading

    def reason(self, row: int) -> str | None:
        if row < self._leading or row >= len(self._records):
            return None
        return self._reasons.get(self._records[row].line)

    def header_text(self, column: int) -> str:
        title = column_title(self._headers, column)
        target = self._fields.get(column)
        if target is None:
            return title
        return f"{title} → {QCoreApplication.translate('Import', FIELD_HEADER_LABELS[target])}"

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < self._width:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header_text(section)
            if role == Qt.ItemDataRole.FontRole and section in self._fields:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if not 0 <= section < len(self._records):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._records[section].line  # the line in the file
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Import", "Line {line} of the file").format(
                line=self._records[section].line
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        row, column = index.row(), index.column()
        cells = self._records[row].cells
        value = cells[column] if column < len(cells) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(value)
        if role == RAW_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            reason = self.reason(row)
            if reason:
                return reason
            if row < self._leading:
                return QCoreApplication.translate("Import", "Above the header: not imported.")
            return on_screen(value) if len(value) > MAX_CELL_CHARS or "\n" in value else None
        if role == Qt.ItemDataRole.BackgroundRole and self.reason(row):
            return QBrush(REJECTED_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.reason(row):
                return QBrush(REJECTED_FOREGROUND)
            if row < self._leading:
                return QBrush(DIM_FOREGROUND)
        if role == Qt.ItemDataRole.FontRole and row < self._leading:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
