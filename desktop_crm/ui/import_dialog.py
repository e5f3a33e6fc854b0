"""Importing contact files: the dialog that shows and corrects a file's layout,
runs the import in a worker and sums it up, and the launcher that turns drops
and File > Import into a queue of such dialogs."""

from __future__ import annotations

import codecs
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import QT_TRANSLATE_NOOP, CrmError, StoppedPartWay
from desktop_crm.importing import (
    NO_HEADER,
    SUPPORTED_SUFFIXES,
    Field,
    Preview,
    TableFile,
    TableKind,
    file_sha256,
    open_table,
)
from desktop_crm.services.dto import SourceInfo
from desktop_crm.services.events import Change
from desktop_crm.services.importer import (
    ImportProgress,
    ImportRecord,
    ImportStatus,
    ImportSummary,
    RejectedRow,
    write_rejected_rows,
)
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.models.base import local_time
from desktop_crm.ui.models.imports import (
    RUNNING_IMPORTS,
    PreviewModel,
    RejectsModel,
    column_title,
    field_label,
    rejection_reason,
)
from desktop_crm.ui.tasks import TaskContext, TaskHandle
from desktop_crm.ui.texts import error_text, stop_reason_text
from desktop_crm.ui.widgets import InlineMessage, make_table

PREVIEW_ROWS = 50
REOPEN_DELAY_MS = 400  # the header spin box: wait until the user stops clicking
# Offered besides the detected encoding (Python codec names).
ENCODINGS: tuple[str, ...] = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "cp1251",
    "koi8-r",
    "cp866",
    "latin-1",
)
DELIMITERS: tuple[tuple[str, str], ...] = (
    (",", QT_TRANSLATE_NOOP("ImportDialog", "Comma ( , )")),
    (";", QT_TRANSLATE_NOOP("ImportDialog", "Semicolon ( ; )")),
    ("\t", QT_TRANSLATE_NOOP("ImportDialog", "Tab")),
    ("|", QT_TRANSLATE_NOOP("ImportDialog", "Vertical bar ( | )")),
)
NOT_IMPORTED = -1  # a mapping combo's "(not imported)"
FILE_FILTER = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)


# -- the seams tests patch ---------------------------------------------------------------------
def choose_rejects_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save rejected rows; None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportDialog", "Save rejected rows"),
        str(suggested),
        QCoreApplication.translate("ImportDialog", "CSV files (*.csv);;All files (*)"),
    )
    return Path(path) if path else None


def choose_import_files(parent: QWidget | None) -> list[Path]:
    """Files to import (File > Import…); [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("ImportDialog", "Import contacts"),
        "",
        QCoreApplication.translate(
            "ImportDialog", "Contact tables ({patterns});;All files (*)"
        ).format(patterns=FILE_FILTER),
    )
    return [Path(path) for path in paths]


# -- small helpers -----------------------------------------------------------------------------
def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file()


def split_urls(urls: Iterable[QUrl]) -> tuple[list[Path], list[str]]:
    """Dropped URLs -> (local files we can import, names of everything else)."""
    files: list[Path] = []
    ignored: list[str] = []
    for url in urls:
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if is_supported(path):
                files.append(path)
            else:
                ignored.append(path.name or str(path))
        else:
            ignored.append(url.toDisplayString())
    return files, ignored


def rejects_path_for(file_path: Path) -> Path:
    return file_path.with_name(f"{file_path.stem}_rejected.csv")


def save_rejected_rows(
    path: Path, headers: Sequence[str], rows: Sequence[RejectedRow], delimiter: str = ";"
) -> int:
    """Write ``rows`` to a CSV the user can fix and drop again; returns how many.

    Without headers the cells are padded to one width so the reason column lines up.
    """
    width = max((len(row.cells) for row in rows), default=0)
    return write_rejected_rows(path, headers, rows, delimiter, rejection_reason, width)


def file_layout(path: Path) -> tuple[tuple[str, ...], str]:
    """The headers and delimiter of a file imported earlier, for its rejects file
    ((), ";" when it is gone or unreadable now). Runs in a worker."""
    try:
        table = open_table(path)
    except (CrmError, OSError):
        return (), ";"
    headers = table.headers if table.header_line != NO_HEADER else ()
    return headers, table.delimiter or ";"


def count_text(n: int) -> str:
    return QLocale().toString(n)


def seconds_text(seconds: float) -> str:
    if seconds < 60:
        return ImportDialog.tr("about %n second(s) left", "", max(1, round(seconds)))  # type: ignore[arg-type]
    return ImportDialog.tr("about %n minute(s) left", "", round(seconds / 60))  # type: ignore[arg-type]


def same_codec(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    try:
        return codecs.lookup(a).name == codecs.lookup(b).name
    except LookupError:
        return False


@dataclass(frozen=True)
class LoadedFile:
    """What the worker found: the layout, the preview, and (first time) the rest."""

    table: TableFile
    preview: Preview
    sources: list[SourceInfo] | None = None  # None: unchanged (a reopen)
    previous: ImportRecord | None = None
    content_hash: str | None = None


class ImportDialog(QDialog):
    """One file: its layout and preview, then the import's progress, then the summary.

    Non-modal: ``show()`` it and wait for ``finished``. Tests wait for
    ``state == READY``, adjust the combos and call ``start()``.
    """

    LOADING, FAILED, READY, IMPORTING, FINISHED = (
        "loading",
        "failed",
        "ready",
        "importing",
        "finished",
    )

    def __init__(self, ctx: UiContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path = Path(path).resolve()
        self.state = self.LOADING
        self.table: TableFile | None = None
        self.sources: list[SourceInfo] = []
        self.previous: ImportRecord | None = None
        self.content_hash: str | None = None
        self.summary: ImportSummary | None = None
        self.error: str | None = None  # why the file or the import failed
        self.last_progress: ImportProgress | None = None
        self._detected_encoding: str | None = None
        self._generation = 0  # the latest load; older results are dropped
        self._updating = False  # filling the controls: their signals mean nothing
        self._handle: TaskHandle | None = None
        self._cancel_requested = False

        self.setWindowTitle(self.tr("Import {file}").format(file=self.path.name))
        self.setObjectName("ImportDialog")
        self.resize(980, 680)
        self.setSizeGripEnabled(True)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_setup())
        self.pages.addWidget(self._build_progress())
        self.pages.addWidget(self._build_summary())
        self.pages.addWidget(self._build_failure())

        self.save_button = QPushButton(self.tr("Save rejected rows…"))
        self.save_button.hide()
        self.start_button = QPushButton(self.tr("Import"))
        self.start_button.setDefault(True)
        self.start_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)

        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_rejects)
        self._reopen_timer = QTimer(self, singleShot=True, interval=REOPEN_DELAY_MS)
        self._reopen_timer.timeout.connect(self._header_line_chosen)

        ctx.bridge.changed.connect(self._data_changed)
        self._load(first=True)

    # -- building ------------------------------------------------------------------------------
    def _build_setup(self) -> QWidget:
        page = QWidget()
        self.file_label = QLabel()
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.encoding_combo = QComboBox()
        self.encoding_combo.setMinimumContentsLength(14)
        self.delimiter_combo = QComboBox()
        for value, label in DELIMITERS:
            self.delimiter_combo.addItem(self.tr(label), value)
        self.header_spin = QSpinBox(minimum=NO_HEADER, maximum=100_000)
        self.header_spin.setSpecialValueText(self.tr("no header"))
        self.header_spin.setToolTip(
            self.tr("The line that holds the column names; 0 = the file has no header line.")
        )
        self.sheet_combo = QComboBox()
        self.encoding_label = QLabel(self.tr("Encoding:"))
        self.delimiter_label = QLabel(self.tr("Delimiter:"))
        self.sheet_label = QLabel(self.tr("Sheet:"))
        self.sheet_label.hide()  # shown for workbooks with several sheets
        self.sheet_combo.hide()

        layout_box = QGroupBox(self.tr("How the file is read"))
        read_row = QHBoxLayout(layout_box)
        for caption, widget in (
            (self.encoding_label, self.encoding_combo),
            (self.delimiter_label, self.delimiter_combo),
            (self.sheet_label, self.sheet_combo),
            (QLabel(self.tr("Header line:")), self.header_spin),
        ):
            caption.setContentsMargins(12, 0, 0, 0)  # hidden pairs leave no gap behind
            read_row.addWidget(caption)
            read_row.addWidget(widget)
        read_row.addStretch(1)

        mapping_box = QGroupBox(self.tr("Which column holds what"))
        grid = QGridLayout(mapping_box)
        self.mapping_combos: dict[Field, QComboBox] = {}
        for position, target in enumerate(Field):
            combo = QComboBox()
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            heading = QLabel(field_label(target) + (" *" if target is Field.EXTERNAL_ID else ""))
            grid.addWidget(heading, 0, position)
            grid.addWidget(combo, 1, position)
            grid.setColumnStretch(position, 1)
            self.mapping_combos[target] = combo
            combo.currentIndexChanged.connect(self._mapping_chosen)
        self.mapping_combos[Field.EXTERNAL_ID].setToolTip(
            self.tr("The lead's phone, e-mail or messenger id: required.")
        )
        self.source_combo = QComboBox()
        self.source_combo.setMinimumContentsLength(18)
        self.source_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        grid.addWidget(QLabel(self.tr("Source of the rows:")), 2, 0)
        grid.addWidget(self.source_combo, 2, 1, 1, 2)
        self.keep_operator_check = QCheckBox(
            self.tr("Give each row to the operator in its Owner column")
        )
        self.keep_operator_check.setToolTip(
            self.tr(
                "When an operator of that name exists, is active and below the limit, the "
                "row's contact goes to them, as if assigned by hand; otherwise the "
                "distributor decides as usual."
            )
        )
        self.keep_operator_check.hide()  # shown when the file has an owner column
        grid.addWidget(self.keep_operator_check, 2, 3, 1, 3)

        self.problem_message = InlineMessage()
        self.notice_message = InlineMessage()
        self.id_warning = InlineMessage()
        self.settings_message = InlineMessage()

        self.preview_model = PreviewModel(self)
        self.preview_view = make_table(sortable=False)
        self.preview_view.setModel(self.preview_model)
        self.preview_view.verticalHeader().setVisible(True)
        self.preview_view.horizontalHeader().setStretchLastSection(False)
        self.preview_view.horizontalHeader().setDefaultSectionSize(170)
        self.preview_status = QLabel()
        self.preview_status.setStyleSheet("color: palette(mid);")

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file_label)
        layout.addWidget(layout_box)
        layout.addWidget(mapping_box)
        layout.addWidget(self.settings_message)
        layout.addWidget(self.problem_message)
        layout.addWidget(self.id_warning)
        layout.addWidget(self.notice_message)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(self.preview_status)

        self.encoding_combo.currentIndexChanged.connect(self._encoding_chosen)
        self.delimiter_combo.currentIndexChanged.connect(self._delimiter_chosen)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.header_spin.valueChanged.connect(self._header_spin_changed)
        self.source_combo.currentIndexChanged.connect(self._source_chosen)
        return page

    def _build_progress(self) -> QWidget:
        page = QWidget()
        self.progress_title = QLabel()
        font = self.progress_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.progress_title.setFont(font)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 0)  # busy until the first batch says how far
        self.progress_bar.setTextVisible(True)
        self.progress_rows = QLabel()
        self.progress_counts = QLabel()
        self.progress_counts.setStyleSheet("color: palette(mid);")
        self.progress_hint = QLabel(
            self.tr(
                "Rows are committed in batches: Cancel keeps every row committed so far, "
                "and importing the file again continues where it stopped. "
                "You can keep working in the window meanwhile."
            )
        )
        self.progress_hint.setWordWrap(True)
        self.progress_hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_title)
        layout.addSpacing(8)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_rows)
        layout.addWidget(self.progress_counts)
        layout.addSpacing(16)
        layout.addWidget(self.progress_hint)
        layout.addStretch(2)
        return page

    def _build_summary(self) -> QWidget:
        page = QWidget()
        self.summary_title = QLabel()
        self.summary_title.setWordWrap(True)
        font = self.summary_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.summary_title.setFont(font)
        self.summary_text = QLabel()
        self.summary_text.setWordWrap(True)
        self.summary_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.count_labels: dict[str, QLabel] = {}
        counts = QGridLayout()
        for row, (key, title) in enumerate(
            (
                ("rows", self.tr("Rows read:")),
                ("imported", self.tr("Imported:")),
                ("skipped", self.tr("Skipped (imported before):")),
                ("rejected", self.tr("Rejected:")),
            )
        ):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            counts.addWidget(QLabel(title), row, 0)
            counts.addWidget(value, row, 1)
            self.count_labels[key] = value
        counts.setColumnStretch(1, 1)

        self.rejects_title = QLabel(self.tr("Rejected rows"))
        bold = QFont(self.rejects_title.font())
        bold.setBold(True)
        self.rejects_title.setFont(bold)
        self.rejects_model = RejectsModel(self)
        self.rejects_view = make_table(sortable=False)
        self.rejects_view.setModel(self.rejects_model)
        self.rejects_view.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Interactive
        )
        self.rejects_view.horizontalHeader().resizeSection(0, 70)
        self.rejects_view.horizontalHeader().resizeSection(1, 420)
        self.summary_message = InlineMessage()

        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_text)
        layout.addSpacing(8)
        layout.addLayout(counts)
        layout.addSpacing(8)
        layout.addWidget(self.rejects_title)
        layout.addWidget(self.rejects_view, 1)
        layout.addWidget(self.summary_message)
        self._summary_stretch = QWidget()
        layout.addWidget(self._summary_stretch, 1)
        return page

    def _build_failure(self) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48)
        )
        self.failure_text = QLabel()
        self.failure_text.setWordWrap(True)
        self.failure_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.failure_text, 1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    # -- loading the file ----------------------------------------------------------------------
    def _load(self, first: bool = False, **changes: Any) -> None:
        """Open the file (first) or reopen it with ``changes``, in a worker."""
        self._generation += 1
        generation = self._generation
        self.state = self.LOADING
        self._set_setup_enabled(False)
        self.preview_status.setText(self.tr("Reading the file…"))
        crm = self.ctx.crm
        path, current = self.path, self.table

        def work(_task: TaskContext) -> LoadedFile:
            if first or current is None:
                table = open_table(path)
                preview = table.preview(PREVIEW_ROWS)
                content_hash = file_sha256(path)
                return LoadedFile(
                    table,
                    preview,
                    crm.sources.list(with_weights=False),
                    crm.imports.find_previous(content_hash),
                    content_hash,
                )
            table = current.reopen(**changes)
            return LoadedFile(table, table.preview(PREVIEW_ROWS))

        self.ctx.runner.start(
            work,
            _while_alive(self, lambda loaded: self._loaded(generation, first, loaded)),
            _while_alive(self, lambda error: self._load_failed(generation, first, error)),
        )

    def _loaded(self, generation: int, first: bool, loaded: LoadedFile) -> None:
        if generation != self._generation:
            return
        self.table = loaded.table
        if loaded.sources is not None:
            self.sources = loaded.sources
            self.previous = loaded.previous
            self.content_hash = loaded.content_hash
        if first and loaded.table.encoding is not None:
            self._detected_encoding = loaded.table.encoding.name
        self.settings_message.clear_message()
        self.preview_model.set_preview(loaded.preview)
        self._fill_controls()
        self.state = self.READY
        self._set_setup_enabled(True)
        self._update_start()
        self.table_loaded_hook()

    def table_loaded_hook(self) -> None:
        """Called after every (re)load; size the preview's columns to their text."""
        view = self.preview_view
        view.resizeColumnsToContents()
        for column in range(self.preview_model.columnCount()):
            view.setColumnWidth(column, min(max(view.columnWidth(column), 90), 320))

    def _load_failed(self, generation: int, first: bool, error: BaseException) -> None:
        if generation != self._generation:
            return
        if first or self.table is None:
            self.state = self.FAILED
            self.error = error_text(error)
            self.failure_text.setText(self.error)
            self.pages.setCurrentIndex(3)
            self.start_button.hide()
            self.close_button.setText(self.tr("Close"))
            self.close_button.setDefault(True)
            self.resize(620, 260)  # a message, not a table
            return
        # A correction the file does not support: say so and keep the last good layout.
        self.settings_message.show_error(error_text(error))
        self._fill_controls()
        self.state = self.READY
        self._set_setup_enabled(True)
        self._update_start()
        self.preview_status.setText(self._preview_summary())

    def _data_changed(self, changes: frozenset[Change]) -> None:
        """A source added elsewhere (the dialog is not modal) shows up in the list."""
        if self.state not in (self.LOADING, self.READY):
            return
        if changes & {Change.SOURCES, Change.EXTERNAL}:
            crm = self.ctx.crm
            self.ctx.runner.start(
                lambda _task: crm.sources.list(with_weights=False), self._sources_loaded
            )

    def _sources_loaded(self, sources: list[SourceInfo]) -> None:
        self.sources = sources
        if self.table is None or self.state != self.READY:
            return
        self._updating = True
        try:
            self._fill_sources(self.table)
        finally:
            self._updating = False
        self._update_start()

    # -- the controls --------------------------------------------------------------------------
    def _fill_controls(self) -> None:
        table = self.table
        if table is None:
            return
        self._updating = True
        try:
            size = QLocale().formattedDataSize(table.size)
            self.file_label.setText(
                self.tr("<b>{name}</b> &nbsp;·&nbsp; {size} &nbsp;·&nbsp; {folder}").format(
                    name=_html(table.name), size=size, folder=_html(str(table.path.parent))
                )
            )
            text = table.kind is TableKind.TEXT
            for widget in (
                self.encoding_label,
                self.encoding_combo,
                self.delimiter_label,
                self.delimiter_combo,
            ):
                widget.setVisible(text)
            many_sheets = len(table.sheet_names) > 1
            self.sheet_label.setVisible(many_sheets)
            self.sheet_combo.setVisible(many_sheets)
            if text:
                self._fill_encodings(table)
                index = self.delimiter_combo.findData(table.delimiter)
                if index < 0:
                    self.delimiter_combo.addItem(repr(table.delimiter), table.delimiter)
                    index = self.delimiter_combo.count() - 1
                self.delimiter_combo.setCurrentIndex(index)
            if many_sheets:
                self.sheet_combo.clear()
                self.sheet_combo.addItems(list(table.sheet_names))
                self.sheet_combo.setCurrentText(table.sheet or "")
            self.header_spin.setValue(table.header_line)
            self._fill_mapping(table)
            self._fill_sources(table)
            self.keep_operator_check.setVisible(Field.OWNER in table.mapping.groups)
        finally:
            self._updating = False
        self._warn_about_the_id(table)
        self.preview_status.setText(self._preview_summary())

    def _warn_about_the_id(self, table: TableFile) -> None:
        """A file whose only id is the exporting system's row number ("ID", "№")."""
        if not table.mapping.row_id_only or self._resuming():
            self.id_warning.clear_message()
            return
        headers = table.headers if table.header_line != NO_HEADER else ()
        column = column_title(headers, table.mapping.get(Field.EXTERNAL_ID) or 0)
        self.id_warning.show_error(
            self.tr(
                "The lead's id comes from the column «{column}», which looks like the "
                "exporting system's row number, not a phone or e-mail: every row will become "
                "a lead of its own. Choose the column with the phone or e-mail as the "
                "external id if the file has one."
            ).format(column=column)
        )

    def _fill_encodings(self, table: TableFile) -> None:
        combo = self.encoding_combo
        combo.clear()
        detected = self._detected_encoding
        if detected:
            combo.addItem(self.tr("{encoding} (detected)").format(encoding=detected), None)
        for name in ENCODINGS:
            if not same_codec(name, detected):
                combo.addItem(name, name)
        current = table.encoding.name if table.encoding else None
        if table.options.encoding is None or same_codec(current, detected):
            combo.setCurrentIndex(0)
            return
        for index in range(combo.count()):
            if same_codec(combo.itemData(index), current):
                combo.setCurrentIndex(index)
                return
        combo.addItem(str(current), current)
        combo.setCurrentIndex(combo.count() - 1)

    def _fill_mapping(self, table: TableFile) -> None:
        headers = table.headers if table.header_line != NO_HEADER else ()
        for target, combo in self.mapping_combos.items():
            combo.clear()
            combo.addItem(self.tr("(not imported)"), NOT_IMPORTED)
            group = table.mapping.group(target)
            if len(group) > 1:  # several columns: one entry for all of them
                titles = [column_title(headers, column) for column in group]
                joiner = " + " if target is Field.NAME else self.tr(", else ")
                combo.addItem(joiner.join(titles), list(group))
                combo.setItemData(
                    combo.count() - 1,
                    self.tr("The first non-empty of these columns")
                    if target is Field.EXTERNAL_ID
                    else self.tr("These columns joined with spaces"),
                    Qt.ItemDataRole.ToolTipRole,
                )
            for column in range(table.column_count):
                combo.addItem(column_title(headers, column), column)
            if len(group) > 1:
                combo.setCurrentIndex(1)
            else:
                chosen = table.mapping.get(target)
                combo.setCurrentIndex(0 if chosen is None else max(combo.findData(chosen), 0))

    def _fill_sources(self, table: TableFile) -> None:
        combo = self.source_combo
        previous = combo.currentData()
        combo.clear()
        if Field.SOURCE in table.mapping.columns:
            combo.addItem(self.tr("From the file's Source column"), None)
            combo.setToolTip(self.tr("Rows with an empty source cell get the source chosen here."))
        else:
            combo.addItem(self.tr("Choose the source…"), None)
            combo.setToolTip(
                self.tr("The file has no Source column: every row gets the source chosen here.")
            )
        for source in self.sources:
            label = f"{source.name} ({source.code})" if source.code else source.name
            combo.addItem(label, source.id)
        index = combo.findData(previous) if previous is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _set_setup_enabled(self, enabled: bool) -> None:
        resuming = self._resuming()
        for widget in (
            self.encoding_combo,
            self.delimiter_combo,
            self.sheet_combo,
            self.header_spin,
            self.source_combo,
            self.keep_operator_check,
            *self.mapping_combos.values(),
        ):
            widget.setEnabled(enabled and not resuming)
        if not enabled:
            self.start_button.setEnabled(False)

    def _encoding_chosen(self, _index: int) -> None:
        if not self._updating and self.table is not None:
            self._load(encoding=self.encoding_combo.currentData(), mapping=None)

    def _delimiter_chosen(self, _index: int) -> None:
        if not self._updating and self.table is not None:
            self._load(delimiter=self.delimiter_combo.currentData(), mapping=None)

    def _sheet_chosen(self, _index: int) -> None:
        if not self._updating and self.table is not None:
            self._load(sheet=self.sheet_combo.currentText(), header_line=None, mapping=None)

    def _header_spin_changed(self, _value: int) -> None:
        if not self._updating:
            self._reopen_timer.start()

    def _header_line_chosen(self) -> None:
        if self.table is not None and self.header_spin.value() != self.table.header_line:
            self._load(header_line=self.header_spin.value(), mapping=None)

    def _mapping_chosen(self, _index: int) -> None:
        if self._updating or self.table is None:
            return
        mapping: dict[str, list[int]] = {}
        for target, combo in self.mapping_combos.items():
            value = combo.currentData()
            if value is None or value == NOT_IMPORTED:
                continue
            mapping[target.value] = [int(c) for c in value] if isinstance(value, list) else [value]
        self._load(mapping=mapping)

    def _source_chosen(self, _index: int) -> None:
        if not self._updating:
            self._update_start()

    # -- what stands between the user and Start ------------------------------------------------
    def _resuming(self) -> bool:
        previous = self.previous
        return previous is not None and previous.status != ImportStatus.DONE

    def _running_elsewhere(self) -> bool:
        return (
            self.previous is not None
            and self.previous.status == ImportStatus.RUNNING
            and self.content_hash in RUNNING_IMPORTS
        )

    def chosen_source(self) -> int | None:
        value = self.source_combo.currentData()
        return int(value) if value is not None else None

    def blocker(self) -> str | None:
        """Why Start is disabled, in words; None when the import can start."""
        table = self.table
        if table is None:
            return None
        if self._running_elsewhere():
            return self.tr("This file is being imported right now.")
        if self._resuming():
            return None  # the import continues with the layout chosen the first time
        if table.problem is not None:
            return error_text(table.problem)
        if Field.SOURCE not in table.mapping.columns and self.chosen_source() is None:
            if not self.sources:
                return self.tr(
                    "The file has no Source column and there are no sources yet: add one on "
                    "the Sources screen, or choose the column that holds the source."
                )
            return self.tr("The file has no Source column: choose the source of its rows.")
        return None

    def _update_start(self) -> None:
        blocker = self.blocker() if self.state == self.READY else None
        if blocker:
            self.problem_message.show_error(blocker)
        else:
            self.problem_message.clear_message()
        previous = self.previous
        if previous is not None and previous.status == ImportStatus.DONE:
            when = local_time(previous.finished_at or previous.started_at)
            self.notice_message.show_info(
                self.tr(
                    "This file was already imported on {date} (%n row(s)). Import again to "
                    "register every row once more, as new contacts.",
                    "",
                    previous.rows,
                ).format(date=when),
                msecs=0,
            )
            self.start_button.setText(self.tr("Import again"))
        elif previous is not None and not self._running_elsewhere():
            self.notice_message.show_info(
                self.tr(
                    "An interrupted import of this file will resume after row {row}, with the "
                    "settings chosen then."
                ).format(row=previous.rows_done),
                msecs=0,
            )
            self.start_button.setText(self.tr("Resume import"))
        else:
            self.notice_message.clear_message()
            self.start_button.setText(self.tr("Import"))
        self.start_button.setEnabled(self.state == self.READY and blocker is None)

    def _preview_summary(self) -> str:
        model = self.preview_model
        text = self.tr("The first %n row(s) of the file.", "", model.data_rows)
        if model.rejected_rows:
            text += " " + self.tr(
                "%n of them would be rejected (in red; hover for the reason).",
                "",
                model.rejected_rows,
            )
        return text

    # -- importing -----------------------------------------------------------------------------
    def start(self) -> None:
        """Import with the layout shown (the Import button)."""
        table = self.table
        if self.state != self.READY or table is None or self.blocker() is not None:
            return
        previous = self.previous
        again = previous is not None and previous.status == ImportStatus.DONE
        source = self.chosen_source()
        crm = self.ctx.crm
        self.state = self.IMPORTING
        self._cancel_requested = False
        self.last_progress = None
        if self.content_hash:
            RUNNING_IMPORTS.add(self.content_hash)
        self.progress_title.setText(self.tr("Importing {file}…").format(file=table.name))
        self.progress_bar.setRange(0, 0)
        self.progress_rows.setText(self.tr("Starting…"))
        self.progress_counts.clear()
        self.pages.setCurrentIndex(1)
        self.start_button.hide()
        self.close_button.setText(self.tr("Cancel import"))
        self.close_button.setEnabled(True)

        keep_operator = self.keep_operator_check.isChecked() and Field.OWNER in table.mapping.groups

        def work(task: TaskContext) -> ImportSummary:
            return crm.imports.run(
                table,
                source=source,
                again=again,
                keep_operator=keep_operator,
                progress=task.report,
                cancelled=lambda: task.cancelled,
            )

        self._handle = self.ctx.runner.start(
            work, self._import_done, self._import_failed, self._progress
        )

    def cancel_import(self) -> None:
        """Stop after the batch being committed; what was committed stays."""
        if self.state != self.IMPORTING or self._handle is None:
            return
        self._cancel_requested = True
        self._handle.cancel()
        self.close_button.setEnabled(False)
        self.close_button.setText(self.tr("Cancelling…"))
        self.progress_hint.setText(self.tr("Stopping after the batch being written…"))

    def _progress(self, progress: ImportProgress) -> None:
        if self.state != self.IMPORTING:
            return
        self.last_progress = progress
        if progress.fraction is None:
            self.progress_bar.setRange(0, 0)
        else:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(round(progress.fraction * 1000))
        parts = [
            self.tr("%n row(s) done", "", progress.rows),
            self.tr("{rate} rows/s").format(rate=count_text(round(progress.rows_per_second))),
        ]
        if progress.seconds_left is not None:
            parts.append(seconds_text(progress.seconds_left))
        self.progress_rows.setText("  ·  ".join(parts))
        self.progress_counts.setText(
            self.tr("imported {imported}, skipped {skipped}, rejected {rejected}").format(
                imported=count_text(progress.imported),
                skipped=count_text(progress.skipped),
                rejected=count_text(progress.rejected),
            )
        )
        self.progress_changed(progress)

    def progress_changed(self, progress: ImportProgress) -> None:
        """A hook after each committed batch (tests cancel from here)."""

    def _import_done(self, summary: ImportSummary) -> None:
        self._finish()
        self.summary = summary
        self._show_summary(summary)

    def _import_failed(self, error: BaseException) -> None:
        self._finish()
        # A stop part-way says itself how much was committed; the count follows below.
        self.error = (
            stop_reason_text(error.cause)
            if isinstance(error, StoppedPartWay)
            else error_text(error)
        )
        done = self.last_progress.rows if self.last_progress else 0
        self.summary_title.setText(self.tr("The import stopped"))
        self.summary_text.setText(
            self.error
            + "\n\n"
            + self.tr(
                "%n row(s) were committed before that and stay; importing the file again "
                "continues after them.",
                "",
                done,
            )
        )
        for label in self.count_labels.values():
            label.setText("—")  # unknown here; the Imports screen has what was committed
        self._show_rejects(())

    def _finish(self) -> None:
        self.state = self.FINISHED
        self._handle = None
        if self.content_hash:
            RUNNING_IMPORTS.discard(self.content_hash)
        self.pages.setCurrentIndex(2)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)

    def _show_summary(self, summary: ImportSummary) -> None:
        record = summary.record
        name = record.file_name
        fresh = summary.already_imported is None
        if not fresh:
            assert summary.already_imported is not None
            when = local_time(
                summary.already_imported.finished_at or summary.already_imported.started_at
            )
            self.summary_title.setText(self.tr("{file} was imported before").format(file=name))
            self.summary_text.setText(
                self.tr("It was already imported on {date}; nothing was imported again.").format(
                    date=when
                )
            )
        elif summary.cancelled:
            self.summary_title.setText(self.tr("Import of {file} cancelled").format(file=name))
            self.summary_text.setText(
                self.tr(
                    "%n row(s) were committed and stay. Import the file again to continue "
                    "where it stopped.",
                    "",
                    record.rows,
                )
            )
        else:
            self.summary_title.setText(self.tr("Imported {file}").format(file=name))
            self.summary_text.setText(
                self.tr(
                    "Resumed the interrupted import and finished it. The counts below are "
                    "this run's; the whole import: {rows} rows, {imported} imported, "
                    "{skipped} skipped, {rejected} rejected."
                ).format(
                    rows=count_text(record.rows),
                    imported=count_text(record.imported),
                    skipped=count_text(record.skipped),
                    rejected=count_text(record.rejected),
                )
                if summary.resumed
                else ""
            )
        self.summary_text.setVisible(bool(self.summary_text.text()))
        # This run's counts (a resumed import's earlier runs are not counted again).
        self.count_labels["rows"].setText(count_text(summary.rows))
        self.count_labels["imported"].setText(
            self.tr("{imported} (assigned {assigned}, unassigned {unassigned})").format(
                imported=count_text(summary.imported),
                assigned=count_text(summary.assigned),
                unassigned=count_text(summary.unassigned),
            )
        )
        self.count_labels["skipped"].setText(count_text(summary.skipped))
        rejected = summary.rejected if fresh else ()
        # The summary holds the first rejected rows; the total is counted.
        self.count_labels["rejected"].setText(count_text(summary.rejected_total))
        self._show_rejects(rejected)

    def _show_rejects(self, rows: Sequence[RejectedRow]) -> None:
        self.rejects_model.set_rows(list(rows))
        shown = bool(rows)
        self.rejects_title.setVisible(shown)
        self.rejects_view.setVisible(shown)
        self._summary_stretch.setVisible(not shown)
        self.save_button.setVisible(shown)
        if shown:
            self.rejects_view.resizeColumnToContents(0)

    # -- saving rejected rows ------------------------------------------------------------------
    def save_rejects(self) -> None:
        rows = self.rejects_model.rows()
        table = self.table
        if not rows or table is None:
            return
        target = choose_rejects_path(self, rejects_path_for(self.path))
        if target is None:
            return
        headers = table.headers if table.header_line != NO_HEADER else ()
        delimiter = table.delimiter or ";"
        self.save_button.setEnabled(False)

        def saved(count: int) -> None:
            self.save_button.setEnabled(True)
            self.summary_message.show_info(
                self.tr(
                    "Saved %n row(s) to {path}. Fix them and drop the file onto the window again.",
                    "",
                    count,
                ).format(path=target),
                msecs=0,
            )

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.summary_message.show_error(
                self.tr("Cannot save {path}: {error}").format(path=target, error=error_text(error))
            )

        summary = self.summary
        crm = self.ctx.crm

        def work(_task: object) -> int:
            if summary is not None and summary.rejected_total > len(rows):
                # More than the summary shows: every one of them, from the database.
                return crm.imports.save_rejects(
                    summary.record.id,
                    target,
                    reason=rejection_reason,
                    headers=headers,
                    delimiter=delimiter,
                )
            return save_rejected_rows(target, headers, rows, delimiter)

        self.ctx.runner.start(
            work,
            _while_alive(self, saved),
            _while_alive(self, failed),
        )

    # -- closing -------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape, the close button, Cancel: while importing they cancel the import."""
        if self.state == self.IMPORTING:
            self.cancel_import()
            return
        self._generation += 1  # a load still running finds nobody waiting
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state == self.IMPORTING:
            event.ignore()
            self.cancel_import()
            return
        super().closeEvent(event)


def _while_alive(widget: QWidget, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """``callback``, skipped once the dialog is gone (a result that arrives after Close)."""

    def call(value: Any) -> None:
        if shiboken6.isValid(widget):
            callback(value)

    return call


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


DialogFactory = Callable[[UiContext, Path, QWidget | None], QDialog]


class ImportLauncher(QObject):
    """Files to import (dropped on the window, chosen with File > Import…) wait in
    a queue; each gets its own dialog once the previous one is closed."""

    def __init__(self, ctx: UiContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.dialog_factory: DialogFactory = ImportDialog  # tests patch this
        self.current: QDialog | None = None
        self.ignored: list[str] = []  # what the last drop could not import
        self._queue: deque[Path] = deque()

    @property
    def pending(self) -> list[Path]:
        return list(self._queue)

    # -- where files come from -----------------------------------------------------------------
    def choose_files(self) -> None:
        self.open_files(choose_import_files(self.window))

    def open_files(self, paths: Iterable[Path]) -> None:
        """Queue ``paths`` (supported files only) and open the next dialog."""
        current = getattr(self.current, "path", None)
        added = 0
        for name in paths:
            path = Path(name).resolve()
            if not is_supported(path) or path == current or path in self._queue:
                continue
            self._queue.append(path)
            added += 1
        if self.current is None:
            self._next()
        elif added:
            self._status(
                ImportDialog.tr(
                    "%n file(s) waiting: each opens when the dialog before it is closed.",  # type: ignore[arg-type]
                    "",
                    len(self._queue),  # type: ignore[arg-type]
                )
            )

    # -- drag and drop (the window forwards its events) ----------------------------------------
    def accepts(self, event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return False
        files, _ = split_urls(data.urls())
        return bool(files)

    def drag_enter(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self.accepts(event):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def drop(self, event: QDropEvent) -> None:
        data = event.mimeData()
        files, ignored = (
            split_urls(data.urls()) if data is not None and data.hasUrls() else ([], [])
        )
        if not files:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.ignored = ignored
        if ignored:
            self._status(
                QCoreApplication.translate(
                    "ImportDialog",
                    "Not imported (only CSV, TSV, TXT and XLSX files can be): {names}",
                ).format(names=", ".join(ignored))
            )
        # Open the dialog after the drop returns, so the file manager is not kept waiting.
        QTimer.singleShot(0, lambda: self.open_files(files))

    # -- the queue -----------------------------------------------------------------------------
    def _next(self) -> None:
        if self.current is not None or not self._queue:
            return
        path = self._queue.popleft()
        dialog = self.dialog_factory(self.ctx, path, self.window)
        self.current = dialog
        dialog.finished.connect(self._dialog_finished)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _dialog_finished(self, _result: int = 0) -> None:
        dialog, self.current = self.current, None
        if dialog is not None:
            dialog.deleteLater()
        QTimer.singleShot(0, self._next)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)
