"""The dispatcher's window: a screen list on the left, the screen, the intake dock."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import APP_NAME, __version__
from desktop_crm.services.board import Alert, AlertKind
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.events import Change
from desktop_crm.services.queue import DrainResult
from desktop_crm.ui import theme
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.database_file import DatabaseFileActions
from desktop_crm.ui.dialogs import notify_error, show_info
from desktop_crm.ui.file_lost import FileLostBanner
from desktop_crm.ui.import_dialog import ImportLauncher
from desktop_crm.ui.intake import IntakeForm
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.pages.welcome import WelcomePage
from desktop_crm.ui.preferences import MAIN_SPLITTER
from desktop_crm.ui.queue_drainer import QueueDrainer
from desktop_crm.ui.recent import RecentDatabases, RecentMenu
from desktop_crm.ui.refresh_errors import refresh_slot
from desktop_crm.ui.settings_dialog import LANGUAGES, SettingsDialog, language_label
from desktop_crm.ui.shortcuts import show_shortcuts
from desktop_crm.ui.status_messages import StatusMessages
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.timers import TimerRunner
from desktop_crm.ui.tray import TrayNotifications, system_tray
from desktop_crm.ui.wheel_guard import install_wheel_guard

FILE_MENU_PAGES = frozenset({"statistics"})
FIRST_PAGE = "board"  # the window opens on it when the database is not empty


class MainWindow(QMainWindow):
    new_database_requested = Signal()
    open_database_requested = Signal()
    reopen_requested = Signal()  # the same database file again (it was replaced)
    import_requested = Signal()
    language_chosen = Signal(str)  # the application applies it (ui/application.py)
    database_chosen = Signal(object)  # a Path: File > Recent, Settings

    def __init__(
        self, ctx: UiContext, page_classes: Sequence[type[Page]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        install_wheel_guard()  # a wheel over an unfocused box scrolls, never changes it
        # The file's name; the platform adds the application's display name once.
        self.setWindowFilePath(str(ctx.crm.location))
        self.setObjectName("MainWindow")

        self.pages: dict[str, Page] = {}
        self.stack = QStackedWidget()
        self.nav = QListWidget()
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(260)
        # Not focused on start-up: a focused list with no current row selects its first
        # row, which would leave the welcome screen. Ctrl+1… switch screens by keyboard.
        self.nav.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.welcome = WelcomePage(ctx)
        self.stack.addWidget(self.welcome)
        for page_class in page_classes:
            page = page_class(ctx)
            self.pages[page.name] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(page.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, page.name)
            item.setIcon(theme.icon(f"page-{page.name}", self.palette()))  # resources/icons/
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([150, 1000])  # the narrowest: a laptop needs the width
        # The file deleted or replaced under the window: said above the screens.
        self.file_lost = FileLostBanner(ctx.bridge, ctx.crm.location.file)
        self.file_lost.reopen_requested.connect(self.reopen_requested)
        self.file_lost.open_other_requested.connect(self.open_database_requested)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.file_lost)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.intake = IntakeForm(ctx)
        self.intake_dock = QDockWidget(self.tr("New contact"), self)
        self.intake_dock.setObjectName("IntakeDock")
        self.intake_dock.setWidget(self.intake)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.intake_dock)

        self.database_label = QLabel(str(ctx.crm.location))
        self.queue_label = QLabel()
        self.statusBar().addWidget(self.queue_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.drainer = QueueDrainer(ctx, self)
        self.drainer.install()
        self.drainer.started.connect(lambda: self._show_drain(0))
        self.drainer.progressed.connect(self._show_drain)
        self.drainer.finished.connect(self._drain_finished)
        self.timers = TimerRunner(ctx, self)  # deadlines and auto-close; started when shown

        self.database_file = DatabaseFileActions(ctx, self)  # backup, quick check
        self._build_menus()
        self.welcome.go_to.connect(self._start_step)
        self.welcome.new_contact_requested.connect(self.new_contact)
        self.welcome.import_requested.connect(self.import_requested)
        ctx.bridge.changed.connect(self._data_changed)

        # -- importing files: File > Import…, drops, pages' buttons (ui/import_dialog/) --
        self.importer = ImportLauncher(ctx, self)
        self.setAcceptDrops(True)
        self.import_requested.connect(self.importer.choose_files)
        for page in self.pages.values():
            page_import = getattr(page, "import_requested", None)
            if page_import is not None:
                page_import.connect(self.import_requested)
            open_contacts = getattr(page, "open_contacts", None)  # the Board
            if open_contacts is not None:
                open_contacts.connect(self.show_contacts)

        # -- tray notifications (ui/tray.py); nothing where the system has no tray --
        self.notifications = TrayNotifications(ctx, system_tray(self), self)
        self.notifications.contact_chosen.connect(self.show_alert)
        self.notifications.window_wanted.connect(self.bring_forward)

    # -- menus -------------------------------------------------------------------
    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.new_database_action = self._action(self.tr("&New database…"), "Ctrl+Shift+N")
        self.open_database_action = self._action(
            self.tr("&Open database…"), QKeySequence.StandardKey.Open
        )
        self.backup_action = self._action(self.tr("&Back up database…"))
        self.settings_action = self._action(self.tr("&Settings…"), "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.open_settings)
        self.recent = RecentMenu(
            RecentDatabases(self.ctx.preferences), self.ctx.crm.location.file, self
        )
        self.recent.chosen.connect(self.database_chosen)
        self.import_action = self._action(self.tr("&Import contacts…"), "Ctrl+I")
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        for action in (self.new_database_action, self.open_database_action):
            file_menu.addAction(action)
        file_menu.addMenu(self.recent.menu)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        self._file_page_actions = file_menu.addSeparator()  # exports go here
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.new_database_action.triggered.connect(self.new_database_requested)
        self.open_database_action.triggered.connect(self.open_database_requested)
        self.backup_action.triggered.connect(self.database_file.back_up)
        self.import_action.triggered.connect(self.import_requested)
        self.quit_action.triggered.connect(self.close)

        edit_menu = menu.addMenu(self.tr("&Edit"))
        self.undo_action, self.redo_action = self.ctx.undo.make_actions(self)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self._edit_page_actions = {p.name: p.edit_actions() for p in self.pages.values()}
        for actions in self._edit_page_actions.values():
            if actions:
                edit_menu.addSeparator()
                edit_menu.addActions(actions)
        self.stack.currentChanged.connect(self._show_edit_actions)
        self._show_edit_actions()
        self.ctx.undo.refused.connect(self._undo_refused)
        self.status_messages = StatusMessages(self.statusBar(), self.ctx.bridge)
        self.ctx.undo.applied.connect(self._undo_applied)  # a method: gone with the window

        contacts_menu = menu.addMenu(self.tr("&Contacts"))
        self.new_contact_action = self._action(
            self.tr("&New contact"), QKeySequence.StandardKey.New
        )
        self.new_contact_action.triggered.connect(self.new_contact)
        contacts_menu.addAction(self.new_contact_action)
        self.distribute_action = self._action(self.tr("&Distribute queue now"), "Ctrl+D")
        self.distribute_action.setToolTip(
            self.tr("Give queued contacts to operators who have room, oldest first")
        )
        self.distribute_action.triggered.connect(lambda: self.drainer.request(None))
        self.auto_action = self._action(self.tr("Auto&matic re-distribution"))
        self.auto_action.setCheckable(True)
        self.auto_action.setToolTip(
            self.tr("Distribute queued contacts whenever an operator gets room (all users)")
        )
        self.auto_action.setChecked(self.ctx.crm.queue.auto_enabled())
        self.auto_action.toggled.connect(self._set_auto)
        contacts_menu.addAction(self.distribute_action)
        contacts_menu.addAction(self.auto_action)
        for page in self.pages.values():
            file_menu.insertActions(self._file_page_actions, page.export_actions())
            actions = page.page_actions()
            if not actions:
                continue
            if page.name in FILE_MENU_PAGES:  # an export belongs with the other file actions
                file_menu.insertActions(self._file_page_actions, actions)
                continue
            contacts_menu.addSeparator()
            for action in actions:
                contacts_menu.addAction(action)

        view_menu = menu.addMenu(self.tr("&View"))
        for number, page in enumerate(self.pages.values(), start=1):
            action = self._action(page.translated_title(), f"Ctrl+{number}")
            action.triggered.connect(lambda _=False, name=page.name: self.show_page(name))
            view_menu.addAction(action)
        view_menu.addSeparator()
        dock_action = self.intake_dock.toggleViewAction()
        dock_action.setText(self.tr("Intake &form"))
        view_menu.addAction(dock_action)
        self.refresh_action = self._action(self.tr("&Refresh"), QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(
            lambda: self.ctx.bridge.changed.emit(frozenset({Change.EXTERNAL}))
        )
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        current = self.ctx.preferences.language
        for code, label in LANGUAGES:
            action = language_menu.addAction(language_label(label))
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._language_chosen)

        help_menu = menu.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), QKeySequence.StandardKey.HelpContents
        )
        self.shortcuts_action.triggered.connect(lambda: show_shortcuts(self))
        help_menu.addAction(self.shortcuts_action)
        self.about_action = self._action(self.tr("&About"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _show_edit_actions(self) -> None:
        """The Edit menu shows the current screen's own keys only (the others' would
        act on a hidden screen)."""
        current = self.stack.currentWidget()
        for name, actions in self._edit_page_actions.items():
            for action in actions:
                action.setVisible(self.pages[name] is current)

    def _undo_applied(self, text: str) -> None:
        self.status_messages.show(text, 5_000)

    def _undo_refused(self, text: str) -> None:
        self.status_messages.show_until_change(text, 15_000)
        notify_error(self, self.tr("Undo"), text)

    # -- navigation ----------------------------------------------------------------
    def show_page(self, name: str) -> None:
        if name == "welcome":
            blocked = self.nav.blockSignals(True)
            self.nav.setCurrentRow(-1)
            self.nav.blockSignals(blocked)
            self.stack.setCurrentWidget(self.welcome)
            return
        names = list(self.pages)
        if not names:
            return
        if name not in names:  # a page of an older version, or none remembered
            name = names[0]
        self.nav.setCurrentRow(names.index(name))
        self.stack.setCurrentWidget(self.pages[name])

    def _start_step(self, name: str) -> None:
        """A step of the welcome screen: its screen, with the cursor where one types."""
        self.show_page(name)
        if name in self.pages:
            self.pages[name].focus_entry()

    def current_page_name(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, Page) else ""

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self.stack.setCurrentWidget(list(self.pages.values())[row])

    def show_contacts(self, flt: ContactFilter) -> None:
        """The Contacts screen with ``flt``'s state, source and operator (the Board)."""
        contacts = self.pages.get("contacts")
        if contacts is not None:
            self.show_page("contacts")
            contacts.show_filter(flt)  # type: ignore[attr-defined]

    def show_alert(self, alert: Alert) -> None:
        """A notification was clicked: its contact, selected on the Contacts screen."""
        contacts = self.pages.get("contacts")
        if contacts is None:
            return
        if alert.kind == AlertKind.OVERDUE:
            flt = ContactFilter(ContactState.ACTIVE, alert.source.id, alert.operator_id)
        else:
            flt = ContactFilter(ContactState.UNASSIGNED, alert.source.id)
        self.bring_forward()
        self.show_page("contacts")
        contacts.reveal(flt, alert.contact_id)  # type: ignore[attr-defined]

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()

    def new_contact(self) -> None:
        self.intake_dock.show()
        self.intake_dock.raise_()
        self.intake.focus_form()

    def show_about(self) -> None:
        show_info(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr(
                "{app} {version}\n\nHands incoming lead contacts to operators by the weights "
                "set for each source, within each operator's load limit.\n\nDatabase: {path}"
            ).format(app=APP_NAME, version=__version__, path=self.ctx.crm.location),
        )

    def _language_chosen(self, action: QAction) -> None:
        code = str(action.data() or "")
        if code != self.ctx.preferences.language:
            self.language_chosen.emit(code)  # applied at once: the window is rebuilt

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.ctx, self)
        dialog.language_chosen.connect(self.language_chosen)
        dialog.database_chosen.connect(self.database_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # -- the queue -------------------------------------------------------------------
    def _set_auto(self, enabled: bool) -> None:
        if enabled != self.ctx.crm.queue.auto_enabled():
            self.ctx.crm.queue.set_auto(enabled)
        if enabled:
            self.drainer.request(None)  # whatever waited while it was off

    def _show_drain(self, assigned: int) -> None:
        self.queue_label.setText(
            self.tr("Distributing the queue… %n contact(s) assigned", "", assigned)
        )

    def _drain_finished(self, result: object) -> None:
        if isinstance(result, DrainResult):
            self.queue_label.setText(
                self.tr("Queue distributed: %n contact(s) assigned", "", result.assigned)
                if result.assigned
                else ""
            )
        else:
            self.queue_label.setText(error_text(result))  # type: ignore[arg-type]

    # -- data ------------------------------------------------------------------------
    def reload(self) -> None:
        for page in self.pages.values():
            page.reload()

    def is_database_empty(self) -> bool:
        return self.ctx.crm.is_empty()  # two indexed EXISTS: fine on the GUI thread

    @refresh_slot
    def _data_changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.SETTINGS, Change.EXTERNAL}:
            enabled = self.ctx.crm.queue.auto_enabled()
            if enabled != self.auto_action.isChecked():
                blocked = self.auto_action.blockSignals(True)
                self.auto_action.setChecked(enabled)
                self.auto_action.blockSignals(blocked)
        on_welcome = self.stack.currentWidget() is self.welcome
        if (
            on_welcome
            and changes & {Change.CONTACTS, Change.EXTERNAL}
            and not self.is_database_empty()
        ):
            self.show_page(self.ctx.preferences.last_page or "contacts")

    # -- dropped files: the importer decides (ui/import_dialog/) ------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.importer.drag_enter(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.importer.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.importer.drop(event)

    # -- state -----------------------------------------------------------------------
    def restore_state(self) -> None:
        prefs = self.ctx.preferences
        if not prefs.restore_window(self):
            self.resize(1280, 800)
            self.resizeDocks([self.intake_dock], [1], Qt.Orientation.Horizontal)  # narrowest
        prefs.restore_splitter(MAIN_SPLITTER, self.splitter)
        for page in self.pages.values():
            page.restore_state(prefs)
        if self.is_database_empty():
            self.show_page("welcome")
        elif FIRST_PAGE in self.pages:  # the first screen of the day
            self.show_page(FIRST_PAGE)
        else:
            self.show_page(prefs.last_page or next(iter(self.pages), ""))

    def save_state(self) -> None:
        prefs = self.ctx.preferences
        prefs.save_window(self)
        prefs.save_splitter(MAIN_SPLITTER, self.splitter)
        if self.current_page_name():
            prefs.last_page = self.current_page_name()
        for page in self.pages.values():
            page.save_state(prefs)
        prefs.sync()

    def may_close(self) -> bool:
        """Each screen with unsaved edits is shown and asks: save, discard or cancel.
        False: cancelled (the window stays open on the same database)."""
        for page in self.pages.values():
            if page.has_unsaved():
                self.show_page(page.name)
                if not page.settle_unsaved():
                    return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close():
            event.ignore()
            return
        self.save_state()
        self.ctx.bridge.stop()
        self.notifications.stop()
        self.drainer.cancel()
        self.timers.stop()
        self.ctx.runner.cancel_all()
        self.ctx.runner.wait_idle()
        super().closeEvent(event)
