"""The import dialog's shell: the stacked pages, the buttons, and the work behind them
(reading the file, importing it, saving its rejected rows) in workers.

The pages live in their own modules and share one ``ImportState`` that this dialog owns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.text import on_screen
from desktop_crm.errors import StoppedPartWay
from desktop_crm.importing import NO_HEADER, Field, TableFile, file_sha256, open_table
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.events import Change
from desktop_crm.services.importer import (
    ImportForecast,
    ImportProgress,
    ImportStatus,
    ImportSummary,
)
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.import_dialog import file_dialogs
from desktop_crm.ui.import_dialog import state as phases
from desktop_crm.ui.import_dialog.common import (
    PREVIEW_ROWS,
    rejects_path_for,
    save_rejected_rows,
    while_alive,
)
from desktop_crm.ui.import_dialog.failure_page import FailurePage
from desktop_crm.ui.import_dialog.progress_page import ProgressPage
from desktop_crm.ui.import_dialog.setup_page import SetupPage
from desktop_crm.ui.import_dialog.state import ImportState, LoadedFile
from desktop_crm.ui.import_dialog.summary_page import SummaryPage
from desktop_crm.ui.models.base import local_time
from desktop_crm.ui.models.imports import RUNNING_IMPORTS, rejection_reason
from desktop_crm.ui.tasks import TaskContext, TaskHandle
from desktop_crm.ui.texts import error_text, stop_reason_text

# The stacked pages, in order.
SETUP_PAGE, PROGRESS_PAGE, SUMMARY_PAGE, FAILURE_PAGE = range(4)


class ImportDialog(QDialog):
    """One file: its layout and preview, then the import's progress, then the summary.

    Non-modal: ``show()`` it and wait for ``finished``. Tests wait for
    ``state == READY``, adjust the combos and call ``start()``.
    """

    forecast_ready = Signal()  # a new forecast is shown (or none can be made)

    LOADING, FAILED, READY, IMPORTING, FINISHED = (
        phases.LOADING,
        phases.FAILED,
        phases.READY,
        phases.IMPORTING,
        phases.FINISHED,
    )

    def __init__(self, ctx: UiContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = ImportState(Path(path).resolve())
        self._generation = 0  # the latest load; older results are dropped
        self._handle: TaskHandle | None = None
        self._cancel_requested = False
        self._forecast_generation = 0  # the latest forecast; older results are dropped
        self._forecast_handle: TaskHandle | None = None

        self.setWindowTitle(self.tr("Import {file}").format(file=on_screen(self.path.name)))
        self.setObjectName("ImportDialog")
        self.resize(980, 680)
        self.setSizeGripEnabled(True)

        self.setup_page = SetupPage(self.job)
        self.progress_page = ProgressPage()
        self.summary_page = SummaryPage()
        self.failure_page = FailurePage()
        self.pages = QStackedWidget()
        for page in (self.setup_page, self.progress_page, self.summary_page, self.failure_page):
            self.pages.addWidget(page)

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

        # The pages' widgets that tests and callers reach through the dialog.
        setup = self.setup_page
        self.file_label = setup.file_label
        self.encoding_combo = setup.encoding_combo
        self.delimiter_combo = setup.delimiter_combo
        self.sheet_combo = setup.sheet_combo
        self.header_spin = setup.header_spin
        self.mapping_combos = setup.mapping_combos
        self.source_combo = setup.source_combo
        self.keep_operator_check = setup.keep_operator_check
        self.problem_message = setup.problem_message
        self.notice_message = setup.notice_message
        self.id_warning = setup.id_warning
        self.settings_message = setup.settings_message
        self.preview_model = setup.preview_model
        self.preview_view = setup.preview_view
        self.source_map_box = setup.source_map_box
        self.source_map_combos = setup.source_map_box.combos  # refreshed by forecast()
        summary = self.summary_page
        self.summary_title = summary.summary_title
        self.summary_text = summary.summary_text
        self.count_labels = summary.count_labels
        self.rejects_model = summary.rejects_model
        self.rejects_view = summary.rejects_view
        self.summary_message = summary.summary_message
        self.failure_text = self.failure_page.failure_text

        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save_rejects)
        setup.reopen_requested.connect(lambda changes: self._load(**changes))
        setup.source_changed.connect(self._update_start)
        setup.source_changed.connect(self._start_forecast)
        setup.source_map_box.changed.connect(self._start_forecast)

        ctx.bridge.changed.connect(self._data_changed)
        self._load(first=True)

    # -- the shared state, read-only from outside ----------------------------------------------
    @property
    def path(self) -> Path:
        return self.job.path

    @property
    def state(self) -> str:
        """LOADING, FAILED, READY, IMPORTING or FINISHED."""
        return self.job.phase

    @property
    def table(self) -> TableFile | None:
        return self.job.table

    @property
    def sources(self) -> list[SourceInfo]:
        return self.job.sources

    @property
    def summary(self) -> ImportSummary | None:
        return self.job.summary

    @property
    def error(self) -> str | None:
        """Why the file or the import failed."""
        return self.job.error

    @property
    def last_progress(self) -> ImportProgress | None:
        return self.job.last_progress

    @property
    def forecast(self) -> ImportForecast | None:
        """What the import will do with the choices shown (None while counting)."""
        return self.job.forecast

    # -- loading the file ----------------------------------------------------------------------
    def _load(self, first: bool = False, **changes: Any) -> None:
        """Open the file (first) or reopen it with ``changes``, in a worker."""
        self._generation += 1
        generation = self._generation
        self.job.phase = self.LOADING
        self._set_setup_enabled(False)
        self.setup_page.show_reading()
        crm = self.ctx.crm
        path, current, known_hash = self.path, self.table, self.job.content_hash

        def work(_task: TaskContext) -> LoadedFile:
            if first or current is None or known_hash is None:
                table = open_table(path)
                preview = table.preview(PREVIEW_ROWS)
                content_hash = file_sha256(path)
                return LoadedFile(
                    table,
                    preview,
                    crm.sources.list(with_weights=False),
                    crm.imports.find_previous(content_hash, table.sheet),
                    content_hash,
                )
            table = current.reopen(**changes)
            # An import is the content and the sheet: another sheet, another import.
            previous = crm.imports.find_previous(known_hash, table.sheet)
            return LoadedFile(table, table.preview(PREVIEW_ROWS), previous=previous)

        self.ctx.runner.start(
            work,
            while_alive(self, lambda loaded: self._loaded(generation, first, loaded)),
            while_alive(self, lambda error: self._load_failed(generation, first, error)),
        )

    def _loaded(self, generation: int, first: bool, loaded: LoadedFile) -> None:
        if generation != self._generation:
            return
        job = self.job
        job.table = loaded.table
        job.previous = loaded.previous
        if loaded.sources is not None:
            job.sources = loaded.sources
            job.content_hash = loaded.content_hash
        if first and loaded.table.encoding is not None:
            job.detected_encoding = loaded.table.encoding.name
        self.settings_message.clear_message()
        self.preview_model.set_preview(loaded.preview)
        self.setup_page.fill()
        job.phase = self.READY
        self._set_setup_enabled(True)
        self._update_start()
        self._start_forecast()
        self.table_loaded_hook()

    def table_loaded_hook(self) -> None:
        """Called after every (re)load; size the preview's columns to their text."""
        self.setup_page.size_columns()

    def _load_failed(self, generation: int, first: bool, error: BaseException) -> None:
        if generation != self._generation:
            return
        job = self.job
        if first or job.table is None:
            job.phase = self.FAILED
            job.error = error_text(error)
            self.failure_page.show_error(job.error)
            self.pages.setCurrentIndex(FAILURE_PAGE)
            self.start_button.hide()
            self.close_button.setText(self.tr("Close"))
            self.close_button.setDefault(True)
            self.resize(620, 260)  # a message, not a table
            return
        # A correction the file does not support: say so and keep the last good layout.
        self.settings_message.show_error(error_text(error))
        self.setup_page.fill()
        job.phase = self.READY
        self._set_setup_enabled(True)
        self._update_start()
        self.setup_page.show_preview_summary()

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
        self.job.sources = sources
        if self.table is None or self.state != self.READY:
            return
        self.setup_page.refill_sources()
        self._update_start()
        self._start_forecast()

    # -- the forecast ----------------------------------------------------------------------------
    def _start_forecast(self) -> None:
        """Count, in a worker, what importing the whole file with the choices shown will
        do (the importer's own forecast); an older count still running is cancelled."""
        self._forecast_generation += 1
        generation = self._forecast_generation
        if self._forecast_handle is not None:
            self._forecast_handle.cancel()
            self._forecast_handle = None
        job = self.job
        job.forecast = None
        table = job.table
        box = self.source_map_box
        if table is None or self.state != self.READY or job.resuming() or self.blocker():
            box.show_nothing()
            self.source_map_combos = box.combos
            self.preview_model.set_forecast(None)
            self.setup_page.show_preview_summary()
            self.forecast_ready.emit()
            return
        box.show()
        sheet = on_screen(table.sheet) if table.sheet else None
        box.show_counting(sheet=sheet)
        self.start_button.setEnabled(False)  # until the counts match the choices shown
        previous = job.previous
        again = previous is not None and previous.status == ImportStatus.DONE
        source = self.chosen_source()
        mapped, create = box.choices()
        plain_ids = box.plain_ids()
        crm = self.ctx.crm
        shown = self.preview_model.last_line

        def work(task: TaskContext) -> ImportForecast | None:
            return crm.imports.forecast(
                table,
                source=source,
                again=again,
                source_map=mapped,
                new_sources=create,
                cancelled=lambda: task.cancelled,
                sample_lines=shown,
                progress=task.report,
                plain_ids=plain_ids,
            )

        def counted(fraction: float | None) -> None:
            if generation == self._forecast_generation:
                box.show_counting(fraction, sheet)

        self._forecast_handle = self.ctx.runner.start(
            work,
            while_alive(self, lambda forecast: self._forecast_done(generation, forecast)),
            while_alive(self, lambda error: self._forecast_failed(generation, error)),
            while_alive(self, counted),
        )

    def _forecast_done(self, generation: int, forecast: ImportForecast | None) -> None:
        if generation != self._forecast_generation or forecast is None:
            return
        self._forecast_handle = None
        self.job.forecast = forecast
        table = self.job.table
        sheet = on_screen(table.sheet) if table is not None and table.sheet else None
        self.source_map_box.show_forecast(forecast, self.sources, sheet)
        self.source_map_combos = self.source_map_box.combos
        self.preview_model.set_forecast(forecast.sample)  # the preview's red rows: the same
        self.setup_page.show_preview_summary()
        self._update_start()
        self.forecast_ready.emit()

    def _forecast_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._forecast_generation:
            return
        self._forecast_handle = None
        self.source_map_box.forecast_label.setText(error_text(error))
        self._update_start()
        self.forecast_ready.emit()

    def counting(self) -> bool:
        """Whether the forecast of the choices shown is still being counted."""
        return self._forecast_handle is not None

    def _set_setup_enabled(self, enabled: bool) -> None:
        self.setup_page.set_enabled(enabled)
        if not enabled:
            self.start_button.setEnabled(False)

    # -- what stands between the user and Start ------------------------------------------------
    def chosen_source(self) -> int | None:
        return self.setup_page.chosen_source()

    def blocker(self) -> str | None:
        """Why Start is disabled, in words; None when the import can start."""
        table = self.table
        if table is None:
            return None
        if self.job.running_elsewhere():
            return self.tr("This file is being imported right now.")
        if self.job.resuming():
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
        previous = self.job.previous
        # A workbook of several sheets: the notice is about the sheet shown (each is an
        # import of its own).
        table = self.table
        sheet = (
            on_screen(table.sheet)
            if table is not None and table.sheet is not None and len(table.sheet_names) > 1
            else None
        )
        if previous is not None and previous.status == ImportStatus.DONE:
            when = local_time(previous.finished_at or previous.started_at)
            if sheet is not None:
                text = self.tr(
                    "The sheet «{sheet}» of this file was already imported on {date} (%n "
                    "row(s)). Import again to register every row once more, as new contacts.",
                    "",
                    previous.rows,
                ).format(sheet=sheet, date=when)
            else:
                text = self.tr(
                    "This file was already imported on {date} (%n row(s)). Import again to "
                    "register every row once more, as new contacts.",
                    "",
                    previous.rows,
                ).format(date=when)
            self.notice_message.show_info(text, msecs=0)
            self.start_button.setText(self.tr("Import again"))
        elif previous is not None and not self.job.running_elsewhere():
            if sheet is not None:
                text = self.tr(
                    "An interrupted import of the sheet «{sheet}» will resume after row {row}, "
                    "with the settings chosen then."
                ).format(sheet=sheet, row=previous.rows_done)
            else:
                text = self.tr(
                    "An interrupted import of this file will resume after row {row}, with the "
                    "settings chosen then."
                ).format(row=previous.rows_done)
            self.notice_message.show_info(text, msecs=0)
            self.start_button.setText(self.tr("Resume import"))
        else:
            self.notice_message.clear_message()
            self.start_button.setText(self.tr("Import"))
        self.start_button.setEnabled(
            self.state == self.READY and blocker is None and not self.counting()
        )

    # -- importing -----------------------------------------------------------------------------
    def start(self) -> None:
        """Import with the layout shown (the Import button)."""
        job = self.job
        table = job.table
        if job.phase != self.READY or table is None or self.blocker() is not None:
            return
        if self.setup_page.apply_pending() or self.counting():
            return  # the counts shown must be those of the choices shown (Enter in a field)
        previous = job.previous
        again = previous is not None and previous.status == ImportStatus.DONE
        source = self.chosen_source()
        crm = self.ctx.crm
        job.phase = self.IMPORTING
        self._cancel_requested = False
        job.last_progress = None
        job.running = job.identity()
        if job.running is not None:
            RUNNING_IMPORTS.add(job.running)
        self.progress_page.begin(table.name)
        self.pages.setCurrentIndex(PROGRESS_PAGE)
        self.start_button.hide()
        self.close_button.setText(self.tr("Cancel import"))
        self.close_button.setEnabled(True)

        keep_operator = self.setup_page.keep_operator()
        mapped, create = self.source_map_box.choices() if not job.resuming() else ({}, [])
        plain_ids = self.source_map_box.plain_ids() and not job.resuming()
        self._forecast_generation += 1  # a count still running is of no use now
        if self._forecast_handle is not None:
            self._forecast_handle.cancel()
            self._forecast_handle = None

        def work(task: TaskContext) -> ImportSummary:
            settled = crm.imports.settle_sources(crm.sources, mapped, create)
            return crm.imports.run(
                table,
                source=source,
                again=again,
                keep_operator=keep_operator,
                progress=task.report,
                cancelled=lambda: task.cancelled,
                source_map=settled,
                plain_ids=plain_ids,
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
        self.progress_page.show_stopping()

    def _progress(self, progress: ImportProgress) -> None:
        if self.state != self.IMPORTING:
            return
        self.job.last_progress = progress
        self.progress_page.show_progress(progress)
        self.progress_changed(progress)

    def progress_changed(self, progress: ImportProgress) -> None:
        """A hook after each committed batch (tests cancel from here)."""

    def _import_done(self, summary: ImportSummary) -> None:
        self._finish()
        self.job.summary = summary
        self.summary_page.show_summary(summary)
        self._show_save_button()
        self._fit_to_summary()

    def _import_failed(self, error: BaseException) -> None:
        self._finish()
        # A stop part-way says itself how much was committed; the count follows below.
        self.job.error = (
            stop_reason_text(error.cause)
            if isinstance(error, StoppedPartWay)
            else error_text(error)
        )
        done = self.last_progress.rows if self.last_progress else 0
        self.summary_page.show_stopped(self.job.error, done)
        self._show_save_button()
        self._fit_to_summary()

    def _finish(self) -> None:
        job = self.job
        job.phase = self.FINISHED
        self._handle = None
        if job.running is not None:
            RUNNING_IMPORTS.discard(job.running)
            job.running = None
        self.pages.setCurrentIndex(SUMMARY_PAGE)
        self.close_button.setEnabled(True)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setDefault(True)

    def _fit_to_summary(self) -> None:
        """The summary is a few lines, and a table only when rows were rejected: the
        dialog takes the summary's size, not the setup page's. The other pages leave
        the stack (it sizes itself by every page's height, whatever their size policy);
        the dialog never goes back to them."""
        for page in (self.setup_page, self.progress_page, self.failure_page):
            if self.pages.indexOf(page) >= 0:
                self.pages.removeWidget(page)
                page.hide()
        self.pages.setCurrentWidget(self.summary_page)
        for layout in (self.pages.layout(), self.layout()):  # their minimums, at once
            if layout is not None:
                layout.invalidate()
                layout.activate()
        hint = self.sizeHint()
        if self.summary_page.rejects_view.isVisible():
            hint = hint.expandedTo(QSize(820, 520))  # room for the rejected rows' table
        hint = hint.expandedTo(QSize(480, 0))  # the title and its counts on one line each
        screen = self.screen()
        if screen is not None:
            hint = hint.boundedTo(screen.availableGeometry().size() * 0.9)
        self.resize(hint)

    def _show_save_button(self) -> None:
        self.save_button.setVisible(bool(self.rejects_model.rows()))

    # -- saving rejected rows ------------------------------------------------------------------
    def save_rejects(self) -> None:
        rows = self.rejects_model.rows()
        table = self.table
        if not rows or table is None:
            return
        target = file_dialogs.choose_rejects_path(self, rejects_path_for(self.path))
        if target is None:
            return
        headers = table.headers if table.header_line != NO_HEADER else ()
        delimiter = table.delimiter or ";"
        self.save_button.setEnabled(False)

        def saved(count: int) -> None:
            self.save_button.setEnabled(True)
            self.summary_page.show_saved(count, target)

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.summary_page.show_save_failed(target, error_text(error))

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
            while_alive(self, saved),
            while_alive(self, failed),
        )

    # -- closing -------------------------------------------------------------------------------
    def reject(self) -> None:
        """Escape, the close button, Cancel: while importing they cancel the import."""
        if self.state == self.IMPORTING:
            self.cancel_import()
            return
        self._generation += 1  # a load still running finds nobody waiting
        self._forecast_generation += 1
        if self._forecast_handle is not None:  # a count of a file nobody will import
            self._forecast_handle.cancel()
            self._forecast_handle = None
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state == self.IMPORTING:
            event.ignore()
            self.cancel_import()
            return
        super().closeEvent(event)
