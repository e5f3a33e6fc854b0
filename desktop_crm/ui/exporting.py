"""Exporting a screen's rows to CSV from the window: ask where, then stream the rows
in a worker (the services' exports, with the screen's current filter); progress and
the outcome show in the page's inline message. Cancel stops the worker between
rows and leaves no file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from desktop_crm.services.exports import ExportResult, Progress, Translate
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.preferences import EXPORT_FOLDER
from desktop_crm.ui.tasks import Cancelled, TaskContext, TaskHandle
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.widgets import InlineMessage

ExportWork = Callable[[Path, Progress, Translate], ExportResult]


def choose_csv_path(parent: QWidget | None, title: str, suggested: Path) -> Path | None:
    """Ask where to save the CSV file (tests patch this)."""
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested),
        QCoreApplication.translate("Exports", "CSV files (*.csv)"),
    )
    if not path:
        return None
    chosen = Path(path)
    return chosen if chosen.suffix else chosen.with_suffix(".csv")


def translate_export(text: str) -> str:
    """Column titles of the services' exports in the user's language."""
    return QCoreApplication.translate("exports", text)


class CsvExporter(QObject):
    """One export at a time for a page; the page passes the work with its filter.
    While it runs, the page's export ``button`` reads "Cancel export" and cancels it."""

    def __init__(
        self,
        ctx: UiContext,
        message: InlineMessage,
        parent: QWidget,
        button: QPushButton | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.message = message
        self.button = button
        self._button_text = button.text() if button is not None else ""
        self._task: TaskHandle | None = None
        self.last_result: ExportResult | None = None

    def _set_running(self, task: TaskHandle | None) -> None:
        self._task = task
        if self.button is not None:
            self.button.setText(self.tr("Cancel export") if task else self._button_text)

    @property
    def running(self) -> bool:
        return self._task is not None

    def export_or_cancel(self, title: str, suggested_name: str, work: ExportWork) -> None:
        """The button: start an export, or cancel the one running."""
        if self._task is not None:
            self.cancel()
        else:
            self.export(title, suggested_name, work)

    def export(self, title: str, suggested_name: str, work: ExportWork) -> None:
        if self._task is not None:
            self.message.show_error(self.tr("An export is already running."))
            return
        folder = self.ctx.preferences.get(EXPORT_FOLDER) or Path.home()
        parent = self.parent()
        path = choose_csv_path(
            parent if isinstance(parent, QWidget) else None,
            title,
            Path(str(folder)) / suggested_name,
        )
        if path is None:
            return
        self.ctx.preferences.set(EXPORT_FOLDER, str(path.parent))
        self.message.show_info(self.tr("Exporting to {path}…").format(path=path), 0)

        def job(task: TaskContext) -> ExportResult:
            def progress(rows: int) -> None:
                task.check_cancelled()
                task.report(rows)

            return work(path, progress, translate_export)

        self._set_running(self.ctx.runner.start(job, self._done, self._failed, self._progress))

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _progress(self, rows: object) -> None:
        if self._task is not None and isinstance(rows, int):
            self.message.show_info(self.tr("Exporting… %n row(s) written.", "", rows), 0)

    def _done(self, result: ExportResult) -> None:
        self._set_running(None)
        self.last_result = result
        self.message.show_info(
            self.tr("Saved %n row(s) to {path}.", "", result.rows).format(path=result.path),
            10_000,
        )

    def _failed(self, error: BaseException) -> None:
        self._set_running(None)
        if isinstance(error, Cancelled):
            self.message.show_info(self.tr("The export was cancelled; no file was written."))
        else:
            self.message.show_error(error_text(error))
