"""The database file in the window: File > Back up database…, the quick check after
opening, and what to do about a damaged file (restore the latest automatic backup).

Everything here calls ``services.maintenance``; the work runs in the task pool, never
on the GUI thread. The small ``choose_…``/``ask_…`` functions are the seams tests patch.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.services import maintenance
from desktop_crm.services.maintenance import BackupReport, CheckReport
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.dialogs import show_error, show_info
from desktop_crm.ui.texts import error_text


def choose_backup_file(parent: QWidget | None, suggested: str) -> Path | None:
    """A save dialog for a new file; None when cancelled. The seam tests patch."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QApplication.translate("DatabaseFile", "Back up database"),
        suggested,
        QApplication.translate("DatabaseFile", "SQLite databases (*.sqlite3);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,  # a backup never overwrites
    )
    return Path(path) if path else None


def ask_after_damage(parent: QWidget | None, message: str, backup: Path | None) -> str:
    """'restore' (the latest automatic backup), 'open' (another file), 'new', 'continue'
    or 'quit'. ``continue`` is offered only when a window is open. The seam tests patch."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("DatabaseFile", "The database is damaged"))
    box.setText(message)
    if backup is not None:
        box.setInformativeText(
            QApplication.translate(
                "DatabaseFile",
                "You can restore the latest automatic backup ({name}); the damaged file is "
                "kept beside the backups. Changes made after that backup are not in it.",
            ).format(name=backup.name)
        )
    else:
        box.setInformativeText(
            QApplication.translate("DatabaseFile", "There is no automatic backup of this file.")
        )
    buttons: dict[object, str] = {}
    if backup is not None:
        buttons[
            box.addButton(
                QApplication.translate("DatabaseFile", "Restore the backup"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        ] = "restore"
    buttons[
        box.addButton(
            QApplication.translate("DatabaseFile", "Open another file…"),
            QMessageBox.ButtonRole.ActionRole,
        )
    ] = "open"
    if parent is None:
        buttons[
            box.addButton(
                QApplication.translate("DatabaseFile", "Create a new database…"),
                QMessageBox.ButtonRole.ActionRole,
            )
        ] = "new"
        buttons[
            box.addButton(
                QApplication.translate("DatabaseFile", "Quit"), QMessageBox.ButtonRole.RejectRole
            )
        ] = "quit"
    else:
        buttons[
            box.addButton(
                QApplication.translate("DatabaseFile", "Continue"),
                QMessageBox.ButtonRole.RejectRole,
            )
        ] = "continue"
    box.exec()
    return buttons.get(box.clickedButton(), "quit" if parent is None else "continue")


class DatabaseFileActions(QObject):
    """Backs up the open database and checks it in the background."""

    checked = Signal(object)  # CheckReport, after the quick check
    backed_up = Signal(object)  # BackupReport
    restore_requested = Signal(object)  # Path of the backup to restore
    open_requested = Signal()

    def __init__(self, ctx: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window

    # -- backup ---------------------------------------------------------------------------
    def back_up(self) -> None:
        location = self.ctx.crm.location
        try:
            suggested = str(location.path.with_name(f"{location.path.stem}-backup.sqlite3"))
        except CrmError as error:  # a server's database: its own tools back it up
            show_error(
                self.window,
                QApplication.translate("DatabaseFile", "Back up database"),
                error_text(error),
            )
            return
        target = choose_backup_file(self.window, suggested)
        if target is None:
            return
        self.ctx.runner.start(
            lambda _task: maintenance.backup_database(location, target),
            self._backed_up,
            lambda error: show_error(
                self.window,
                QApplication.translate("DatabaseFile", "Back up database"),
                error_text(error),
            ),
        )

    def _backed_up(self, report: BackupReport) -> None:
        show_info(
            self.window,
            QApplication.translate("DatabaseFile", "Back up database"),
            QApplication.translate("DatabaseFile", "The database was copied to {path}.").format(
                path=report.backup
            ),
        )
        self.backed_up.emit(report)

    # -- the quick check after opening --------------------------------------------------------
    def start_check(self) -> None:
        location = self.ctx.crm.location
        self.ctx.runner.start(
            lambda _task: maintenance.check_database(location, quick=True),
            self._checked,
            lambda error: None,  # the file cannot be read now: the screens will say so
        )

    def _checked(self, report: CheckReport) -> None:
        self.checked.emit(report)
        if report.ok:
            return
        backups = maintenance.restorable_backups(self.ctx.crm.location)
        message = QApplication.translate(
            "DatabaseFile",
            "SQLite's check found damage in {path}:\n{problems}\n\nSome screens may fail to "
            "load and new data may be lost. Restore a backup soon.",
        ).format(path=report.path, problems="\n".join(report.problems[:5]))
        choice = ask_after_damage(self.window, message, backups[0] if backups else None)
        if choice == "restore" and backups:
            self.restore_requested.emit(backups[0])
        elif choice == "open":
            self.open_requested.emit()
