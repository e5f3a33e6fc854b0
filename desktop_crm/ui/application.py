"""Starting the window: translations, the crash dialog, opening the database
(with a way out when it cannot be opened), and switching databases."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop_crm import APP_NAME, APP_SLUG, resources
from desktop_crm.errors import CrmError, DatabaseDamaged
from desktop_crm.services import Crm, DatabaseLocation, maintenance, open_crm, resolve_location
from desktop_crm.ui import dialogs
from desktop_crm.ui.app_icon import install_app_icon
from desktop_crm.ui.bridge import DataBridge
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.database_file import ask_after_damage
from desktop_crm.ui.dispatcher import apply_dispatcher
from desktop_crm.ui.formats import apply_locale
from desktop_crm.ui.language import KeptState, must_wait
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.preferences import ORGANIZATION, Preferences
from desktop_crm.ui.recent import RecentDatabases
from desktop_crm.ui.smoke import arm_quit_after_first_paint
from desktop_crm.ui.tasks import TaskRunner
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.theme import SchemeFollower
from desktop_crm.ui.undo import UndoHistory

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = resources.TRANSLATIONS_DIR
# Workers (imports, queue draining, loads) run Python too: hand the GIL over every
# millisecond instead of every five, so the window's event loop never waits long.
GUI_SWITCH_INTERVAL = 0.001
WAIT_TO_REBUILD_MS = 500  # a language chosen while a dialog is open: asked again this often


_installed: list[QTranslator] = []


def install_translations(app: QApplication, language: str) -> str:
    """Load our and Qt's translations for ``language`` ('' = the system's) in place of
    those installed before; a language we have no translation for falls back to English
    (its plural forms). Qt's own dialogs and buttons (qtbase, shipped with PySide6) follow.
    Installing sends every widget a LanguageChange event. Returns the code."""
    locale = QLocale(language) if language else QLocale.system()
    code = locale.name().split("_")[0]
    if not (TRANSLATIONS_DIR / f"desktop_crm_{code}.qm").exists():
        code = "en"
    remove_translations(app)
    for name, folder in (
        (f"desktop_crm_{code}", str(TRANSLATIONS_DIR)),
        (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    apply_locale(code)  # numbers and dates in the window's language
    return code


def remove_translations(app: QApplication) -> None:
    """Take out the translators ``install_translations`` put in."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


# -- opening a database --------------------------------------------------------------
def ask_after_open_failure(parent: QWidget | None, message: str) -> str:
    """'open', 'new' or 'quit'. The seam tests patch."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QApplication.translate("Application", "Cannot open the database"))
    box.setText(message)
    box.setInformativeText(
        QApplication.translate("Application", "The file was not changed. Pick another one?")
    )
    open_button = box.addButton(
        QApplication.translate("Application", "Open another file…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    new_button = box.addButton(
        QApplication.translate("Application", "Create a new database…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QApplication.translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "open" if clicked is open_button else "new" if clicked is new_button else "quit"


def ask_after_server_failure(parent: QWidget | None, message: str) -> str:
    """'retry', 'open' or 'quit' for a server's database (PostgreSQL) that cannot be
    opened: it is no file to pick again. The seam tests patch."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QApplication.translate("Application", "Cannot open the database"))
    box.setText(message)
    box.setInformativeText(
        QApplication.translate(
            "Application",
            "Nothing was changed. Try again (once the server is up), or open a database "
            "file instead?",
        )
    )
    retry_button = box.addButton(
        QApplication.translate("Application", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    open_button = box.addButton(
        QApplication.translate("Application", "Open a file…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QApplication.translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry_button)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry_button else "open" if clicked is open_button else "quit"


def choose_database_file(parent: QWidget | None, create: bool) -> Path | None:
    """A file dialog; None when cancelled. The seam tests patch."""
    title = (
        QApplication.translate("Application", "New database")
        if create
        else QApplication.translate("Application", "Open database")
    )
    filters = QApplication.translate(
        "Application", "Lead Dispatcher databases (*.sqlite3 *.sqlite *.db);;All files (*)"
    )
    if create:
        path, _ = QFileDialog.getSaveFileName(parent, title, "crm.sqlite3", filters)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(path) if path else None


def open_interactively(
    location: DatabaseLocation, opener: Callable[[DatabaseLocation], Crm] = open_crm
) -> Crm | None:
    """Open ``location``; when it fails, say why and let the user pick another file or quit
    (a server's database: try it again, or open a file). A damaged file also offers to
    restore its latest automatic backup."""
    while True:
        try:
            return opener(location)
        except DatabaseDamaged as error:
            log.warning("cannot open %s: %s", location, error)
            backups = maintenance.restorable_backups(location)
            if backups:
                choice = ask_after_damage(None, error_text(error), backups[0])
                if choice == "restore":
                    restore_backup(None, location, backups[0])
                    continue
            else:
                choice = ask_after_open_failure(None, error_text(error))
        except CrmError as error:
            log.warning("cannot open %s: %s", location, error)
            if location.is_file:
                choice = ask_after_open_failure(None, error_text(error))
            else:
                choice = ask_after_server_failure(None, error_text(error))
        if choice == "quit":
            return None
        if choice == "retry":
            continue
        path = choose_database_file(None, create=choice == "new")
        if path is not None:
            location = DatabaseLocation(path)


def restore_backup(parent: QWidget | None, location: DatabaseLocation, backup: Path) -> bool:
    """Restore ``backup`` into ``location`` (the current file is kept); say so if it fails."""
    try:
        maintenance.restore_database(location, backup)
    except CrmError as error:
        log.warning("cannot restore %s from %s: %s", location, backup, error)
        QMessageBox.warning(
            parent,
            QApplication.translate("Application", "Cannot restore the backup"),
            error_text(error),
        )
        return False
    log.info("restored %s from %s", location, backup)
    return True


# -- the controller ---------------------------------------------------------------------
class AppController:
    """Owns the open database and its window; File > New/Open replace both."""

    def __init__(self, preferences: Preferences) -> None:
        self.preferences = preferences
        self.window: MainWindow | None = None
        self.ctx: UiContext | None = None

    def show(self, crm: Crm, undo: UndoHistory | None = None) -> MainWindow:
        """The window over ``crm``; ``undo``: the history to keep (the same database
        rebuilt), else a new one starts empty."""
        apply_dispatcher(crm, self.preferences)  # who makes the changes (the audit log)
        runner = TaskRunner(crm.close_thread_connection)
        ctx = UiContext(crm, runner, DataBridge(crm), self.preferences, undo or UndoHistory())
        window = MainWindow(ctx, PAGE_CLASSES)
        window.new_database_requested.connect(lambda: self.switch(create=True))
        window.open_database_requested.connect(lambda: self.switch(create=False))
        window.database_file.open_requested.connect(lambda: self.switch(create=False))
        window.database_file.restore_requested.connect(self.restore)
        window.database_chosen.connect(self.open_path)
        window.reopen_requested.connect(self.reopen)
        window.language_chosen.connect(self.set_language)
        window.restore_state()
        window.reload()
        window.show()
        window.database_file.start_check()  # SQLite's quick check, in the background
        window.timers.start()  # reply deadlines, auto-close, the queue (ui/timers.py)
        if crm.location.file is not None:  # a server's database is no recent file
            self.preferences.last_database = str(crm.location.file)
            RecentDatabases(self.preferences).add(crm.location.file)
        self.window, self.ctx = window, ctx
        return window

    def switch(self, create: bool) -> None:
        """Replace the open database: one is open per process, so the current one is
        closed first and opened again if the new one cannot be."""
        path = choose_database_file(self.window, create)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> None:
        """Switch the window to the database file ``path`` (File > Open, Recent, Settings)."""
        window, ctx = self.window, self.ctx
        if ctx is None or window is None:
            return
        current = ctx.crm.location.file
        if current is not None and path.resolve() == current.resolve():
            return
        try:
            maintenance.ensure_openable(path)  # reads only
        except CrmError as error:
            self._cannot_open(window, error)
            return
        if not window.may_close():  # unsaved weights: saved, discarded, or stay here
            return
        old_location = ctx.crm.location
        window.close()
        ctx.crm.close()
        try:
            crm = open_crm(DatabaseLocation(path))
        except CrmError as error:
            self._cannot_open(None, error)
            crm = open_interactively(old_location)  # type: ignore[assignment]
            if crm is None:
                QApplication.quit()
                return
        self.show(crm)

    def set_language(self, code: str) -> None:
        """Apply a language at once: later, as the menu or dialog that asked has closed."""
        QTimer.singleShot(0, lambda: self.apply_language(code))

    def apply_language(self, code: str) -> None:
        """Install the translations and rebuild the window in them, keeping its screen,
        selection, geometry and layout (ui/language.py)."""
        self.preferences.language = code
        window = self.window
        if window is not None and must_wait(window):  # a dialog, a job, unsaved weights
            window.statusBar().showMessage(
                QApplication.translate(
                    "Application",
                    "The language changes once the open dialogs are closed, running jobs "
                    "have finished and the weights are saved or reverted.",
                )
            )
            QTimer.singleShot(WAIT_TO_REBUILD_MS, lambda: self._language_again(code))
            return
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translations(app, code)
        self.rebuild()

    def _language_again(self, code: str) -> None:
        if code == self.preferences.language:  # not changed again meanwhile
            self.apply_language(code)

    def rebuild_when_free(self) -> None:
        """Rebuild for a new colour scheme, once no dialog, job or unsaved edit is open."""
        if self.window is not None and must_wait(self.window):
            QTimer.singleShot(WAIT_TO_REBUILD_MS, self.rebuild_when_free)
            return
        self.rebuild()

    def rebuild(self) -> None:
        """Build the window again over the same database (a new language, a new colour
        scheme), keeping what the user sees."""
        window, ctx = self.window, self.ctx
        if window is None or ctx is None:
            return
        kept = KeptState.of(window)
        window.save_state()
        new_window = self.show(ctx.crm, ctx.undo)  # Edit > Undo still knows the edits
        kept.restore(new_window)
        window.close()
        window.deleteLater()

    def reopen(self) -> None:
        """Open the database again: the file now at its path (it was replaced under the
        window; one that is gone is created anew, as opening a missing file does)."""
        window, ctx = self.window, self.ctx
        if ctx is None or window is None or not window.may_close():
            return
        location = ctx.crm.location
        window.close()
        ctx.runner.cancel_all()
        ctx.runner.wait_idle()
        ctx.crm.close()
        crm = open_interactively(location)
        if crm is None:
            QApplication.quit()
            return
        self.show(crm)

    def restore(self, backup: Path) -> None:
        """Close the database, restore ``backup`` into its file, and open it again."""
        window, ctx = self.window, self.ctx
        if ctx is None or window is None:
            return
        if not window.may_close():
            return
        location = ctx.crm.location
        window.close()
        ctx.runner.cancel_all()
        ctx.runner.wait_idle()
        ctx.crm.close()
        restore_backup(None, location, backup)
        crm = open_interactively(location)
        if crm is None:
            QApplication.quit()
            return
        self.show(crm)

    @staticmethod
    def _cannot_open(parent: QWidget | None, error: CrmError) -> None:
        QMessageBox.warning(
            parent,
            QApplication.translate("Application", "Cannot open the database"),
            error_text(error),
        )


# -- crashes ----------------------------------------------------------------------------------
def install_crash_handler() -> None:
    """An unexpected error is logged with its traceback and shown in a dialog; what was
    already committed stays committed, and the window keeps running."""

    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(value, CrmError):  # the user's or the database's, not a bug
            log.warning("%s", value)
            QMessageBox.warning(QApplication.activeWindow(), APP_NAME, error_text(value))
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        show_crash(value)

    sys.excepthook = handle


def show_crash(error: BaseException) -> None:
    dialogs.show_crash(QApplication.activeWindow(), error)


def run_gui(args: argparse.Namespace) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_SLUG)
    app.setApplicationDisplayName(APP_NAME)
    install_app_icon(app)  # the window's and every dialog's
    preferences = Preferences()
    if args.dispatcher is not None:  # checked by the caller (app.py): a bad name exits 2
        preferences.use_dispatcher_for_session(args.dispatcher)
    install_translations(app, preferences.language)
    install_crash_handler()
    controller = AppController(preferences)
    SchemeFollower(app, controller.rebuild_when_free)  # light or dark, as the system says
    try:
        location = resolve_location(args.db)
    except CrmError as error:
        QMessageBox.warning(None, APP_NAME, error_text(error))
        return 2
    crm = open_interactively(location)
    if crm is None:
        return 1
    window = controller.show(crm)
    arm_quit_after_first_paint(app, window)  # DESKTOP_CRM_QUIT_AFTER_PAINT: a smoke start
    return app.exec()
