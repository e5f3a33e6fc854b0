"""Imports: every file imported so far, newest first, with its counts and its
rejected rows (saved as a CSV to fix and drop again)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import resources
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.events import Change
from desktop_crm.services.importer import ImportRecord
from desktop_crm.ui import preferences as options
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.import_dialog import (
    file_dialogs,
    file_layout,
    rejects_path_for,
    save_rejected_rows,
)
from desktop_crm.ui.models.base import ROW_ROLE
from desktop_crm.ui.models.imports import (
    FILE,
    REASON,
    STARTED,
    ImportsModel,
    RejectsModel,
    file_and_sheet,
)
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.texts import erased_shown, error_text
from desktop_crm.ui.widgets import InlineMessage, make_table, sorting_proxy

SAMPLES_DIR = resources.SAMPLES_DIR


class ImportColumns(QObject):
    """The file name takes what the numbers leave. The numbers (and the start, the
    status) are as wide as their content and header; on a narrow window a header
    gives up the room kept for a sort arrow it does not show, so the file name
    shows whole and nothing scrolls sideways."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._later = QTimer(self, singleShot=True, interval=0)
        self._later.timeout.connect(self.fit)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
            signal.connect(self._later.start)
        view.horizontalHeader().sortIndicatorChanged.connect(self._later.start)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._later.start()
        return False

    def _compact(self, column: int) -> int:
        """The header's text and margins, without the sort arrow's room."""
        view, header = self._view, self._view.horizontalHeader()
        title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        return header.fontMetrics().horizontalAdvance(title) + 2 * margin + 8

    def fit(self) -> None:
        view = self._view
        header, model = view.horizontalHeader(), view.model()
        others = [c for c in range(model.columnCount()) if c != FILE]
        content = {c: view.sizeHintForColumn(c) + 4 for c in others}
        full = {c: max(content[c], header.sectionSizeHint(c)) for c in others}
        sizes = dict(full)
        names = [view.sizeHintForIndex(model.index(r, FILE)) for r in range(model.rowCount())]
        wanted = max([header.sectionSizeHint(FILE), *(n.width() + 4 for n in names)])
        room = view.viewport().width()
        if room - sum(sizes.values()) < wanted:  # the arrow's room only where it shows
            for column in others:
                if column != header.sortIndicatorSection():
                    sizes[column] = max(content[column], self._compact(column))
        for column in others:
            header.resizeSection(column, sizes[column])


class ImportsPage(Page):
    name = "imports"
    title = QT_TRANSLATE_NOOP("Pages", "Imports")

    import_requested = Signal()  # the window opens File > Import…

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ImportsModel(ctx.crm, ctx.runner, self)
        self.proxy = sorting_proxy(self)
        self.proxy.setSourceModel(self.model)
        self._rejects_for: int | None = None  # the import whose rejects are shown
        self._rejects_generation = 0

        self.import_button = QPushButton(self.tr("Import a file…"))
        self.import_button.setToolTip(self.tr("Or drop CSV/XLSX files onto the window (Ctrl+I)"))
        self.save_button = QPushButton(self.tr("Save rejected rows…"))
        self.save_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addStretch(1)
        top.addWidget(self.save_button)

        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(STARTED, Qt.SortOrder.DescendingOrder)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a name keeps its end
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.columns = ImportColumns(self.table)

        self.rejects_model = RejectsModel(self)
        self.rejects_view = make_table(self, sortable=False)
        self.rejects_view.setModel(self.rejects_model)
        self.rejects_view.horizontalHeader().resizeSection(0, 70)
        self.rejects_view.horizontalHeader().resizeSection(REASON, 380)
        self.rejects_label = QLabel()
        self.rejects_label.setStyleSheet("color: palette(mid);")
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.rejects_label)
        details_layout.addWidget(self.rejects_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        samples = (
            self.tr("<br><br>Sample files to try are in <code>{folder}</code>.").format(
                folder=SAMPLES_DIR
            )
            if SAMPLES_DIR.is_dir()
            else ""
        )
        self.empty_hint = QLabel(
            self.tr(
                "<h3>No imports yet</h3>Drop CSV or Excel files (.csv, .tsv, .txt, .xlsx) onto "
                "the window, or choose <b>File › Import contacts…</b> (Ctrl+I). Each file "
                "shows its columns and first rows before anything is imported; every row "
                "is registered exactly once, and a cancelled import continues where it "
                "stopped."
            )
            + samples
        )
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_hint.setContentsMargins(48, 24, 48, 24)
        self.body = QStackedWidget()
        self.body.addWidget(self.empty_hint)
        self.body.addWidget(self.splitter)

        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.message)

        self.import_button.clicked.connect(self.import_requested)
        self.save_button.clicked.connect(self.save_rejects)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.rowsInserted.connect(self._rows_changed)
        self.model.rowsRemoved.connect(self._rows_changed)
        self.model.modelReset.connect(self._rows_changed)
        self.model.dataChanged.connect(self._records_changed)
        self._rows_changed()

    # -- data --------------------------------------------------------------------------------
    def reload(self) -> None:
        self.model.reload()

    def on_data_changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.IMPORTS, Change.EXTERNAL}:
            self.model.reload()

    def selected_import(self) -> ImportRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select_import(self, import_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == import_id:
                # Not selectRow(): that one follows the keyboard modifiers held right now.
                selection = self.table.selectionModel()
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                selection.select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return

    def _rows_changed(self) -> None:
        self.body.setCurrentIndex(1 if self.model.rowCount() else 0)
        self._selection_changed()

    def _records_changed(self) -> None:
        record = self.selected_import()
        # The selected import moved on (it is running): its rejected rows may have grown.
        if record is not None and record.rejected != self.rejects_model.rowCount():
            self._load_rejects(record)
        self.save_button.setEnabled(record is not None and record.rejected > 0)

    def _selection_changed(self) -> None:
        record = self.selected_import()
        self.save_button.setEnabled(record is not None and record.rejected > 0)
        if record is None:
            self._rejects_for = None
            self._rejects_generation += 1
            self.rejects_model.set_rows([])
            self.rejects_label.setText(self.tr("Select an import to see its rejected rows."))
            return
        if record.id != self._rejects_for:
            self._load_rejects(record)

    def _load_rejects(self, record: ImportRecord) -> None:
        self._rejects_for = record.id
        self._rejects_generation += 1
        generation = self._rejects_generation
        crm = self.ctx.crm

        def loaded(rows: list) -> None:
            if generation != self._rejects_generation:
                return
            self.rejects_model.set_rows(rows)
            if rows:
                self.rejects_label.setText(
                    self.tr("Rejected rows of {file}: %n", "", len(rows)).format(
                        file=erased_shown(file_and_sheet(record))
                    )
                )
            else:
                self.rejects_label.setText(
                    self.tr("{file}: no rejected rows.").format(
                        file=erased_shown(file_and_sheet(record))
                    )
                )

        self.ctx.runner.start(
            lambda _task: crm.imports.rejects(record.id),
            loaded,
            lambda error: self.message.show_error(error_text(error)),
        )

    # -- actions -------------------------------------------------------------------------------
    def save_rejects(self) -> None:
        record = self.selected_import()
        if record is None or not record.rejected:
            return
        source_path = Path(record.file_path)
        target = file_dialogs.choose_rejects_path(self, rejects_path_for(source_path))
        if target is None:
            return
        crm = self.ctx.crm
        self.save_button.setEnabled(False)

        def work(_task: object) -> int:
            rows = crm.imports.rejects(record.id)
            if record.headers:  # recorded with the import: the file may be gone
                headers, delimiter = record.headers, record.delimiter or ";"
            else:
                headers, delimiter = file_layout(source_path)
            return save_rejected_rows(target, headers, rows, delimiter)

        def saved(count: int) -> None:
            self._selection_changed()
            self.message.show_info(
                self.tr(
                    "Saved %n rejected row(s) to {path}. Fix them and drop the file onto the "
                    "window again.",
                    "",
                    count,
                ).format(path=target),
                msecs=15_000,
            )

        def failed(error: BaseException) -> None:
            self._selection_changed()
            self.message.show_error(
                self.tr("Cannot save {path}: {error}").format(path=target, error=error_text(error))
            )

        self.ctx.runner.start(work, saved, failed)

    # -- state ---------------------------------------------------------------------------------
    def save_state(self, preferences: Preferences) -> None:
        preferences.save_header(options.IMPORTS_HEADER, self.table.horizontalHeader())
        preferences.save_splitter(options.IMPORTS_SPLITTER, self.splitter)

    def restore_state(self, preferences: Preferences) -> None:
        preferences.restore_header(options.IMPORTS_HEADER, self.table.horizontalHeader())
        preferences.restore_splitter(options.IMPORTS_SPLITTER, self.splitter)
