"""The queue of files to import: dropped on the window or chosen with File > Import…,
each gets its own import dialog once the previous one is closed."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from desktop_crm.ui.context import UiContext
from desktop_crm.ui.import_dialog import file_dialogs
from desktop_crm.ui.import_dialog.common import is_supported, split_urls
from desktop_crm.ui.import_dialog.dialog import ImportDialog

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
        self.open_files(file_dialogs.choose_import_files(self.window))

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
