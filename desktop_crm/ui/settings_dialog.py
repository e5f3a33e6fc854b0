"""File > Settings… (Ctrl+,): language, phone region, time zone, automatic
re-distribution and the database file, in one place.

The phone region, the time zone and automatic re-distribution are the database's settings (every
process agrees on them): they are read and saved through the services. The language is
this person's preference; the window applies it at once. Choosing another database file
(one of the recent ones, or any other) switches the window to it as File > Open does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.services.audit import MAX_DISPATCHER_LENGTH, os_user
from desktop_crm.services.events import Change
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.dispatcher import choose_dispatcher
from desktop_crm.ui.recent import RecentDatabases
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.tray_settings import notification_fields, save_notifications
from desktop_crm.ui.widgets.messages import InlineMessage

# Language names are shown in their own language, so anyone can find theirs.
LANGUAGES = (("", ""), ("ru", "Русский"), ("en", "English"))


def language_label(name: str) -> str:
    return name or QCoreApplication.translate("SettingsDialog", "System default")


class SettingsDialog(QDialog):
    """Saves what changed when OK is pressed; ``language_chosen`` and ``database_chosen``
    tell the window what it must apply itself."""

    language_chosen = Signal(str)
    database_chosen = Signal(object)  # Path

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("SettingsDialog")

        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(language_label(name), code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.preferences.language)))

        self.region = QLineEdit(ctx.crm.settings.phone_region())
        self.region.setMaxLength(3)
        self.region.setMaximumWidth(80)
        self.region.setToolTip(
            self.tr(
                "The country whose national phone numbers leads write without a country code "
                "(two letters, e.g. RU, KZ, BY). Saved in the database, for every user."
            )
        )

        # Operators' hours, absences and daily caps are read in this zone (services/settings.py).
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.addItems(ctx.crm.settings.known_timezones())
        self.timezone.setCurrentText(ctx.crm.settings.timezone())
        self.timezone.setMaxVisibleItems(15)
        completer = QCompleter(self.timezone.model(), self.timezone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone.setCompleter(completer)
        self.timezone.setToolTip(
            self.tr(
                "Operators' working hours, absences and daily caps are read in this time zone "
                "(e.g. Europe/Moscow, Asia/Almaty). Saved in the database, for every user."
            )
        )

        self.auto = QCheckBox(self.tr("Distribute queued contacts when an operator gets room"))
        self.auto.setChecked(ctx.crm.queue.auto_enabled())
        self.auto.setToolTip(self.tr("Saved in the database, for every user."))

        self.dispatcher = QLineEdit(ctx.preferences.dispatcher)
        self.dispatcher.setMaxLength(MAX_DISPATCHER_LENGTH + 10)  # longer: the services say why
        self.dispatcher.setPlaceholderText(os_user())
        self.dispatcher.setClearButtonEnabled(True)
        self.dispatcher.setToolTip(
            self.tr(
                "Your changes are recorded in the Journal under this name. Empty: your user "
                "name on this computer. Saved on this computer only."
            )
        )

        self.notify, self.notify_minutes, notify_row = notification_fields(ctx.preferences)

        self.database = QComboBox()
        self.database.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.database.setMinimumContentsLength(30)
        self.database.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._current = ctx.crm.location.file  # None: a database on a server
        if self._current is None:
            self.database.addItem(str(ctx.crm.location), "")
        else:
            self._add_database(self._current)
        for path in RecentDatabases(ctx.preferences).others(self._current):
            self._add_database(path)
        self.database.setCurrentIndex(0)
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.clicked.connect(self._browse)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(self.browse)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Your &name in the journal:"), self.dispatcher)
        form.addRow(self.tr("&Phone region:"), self.region)
        form.addRow(self.tr("&Time zone:"), self.timezone)
        form.addRow(self.auto)  # its text says it all, the whole width for it
        form.addRow(notify_row)
        database_label = QLabel(self.tr("&Database file:"))
        database_label.setBuddy(self.database)
        form.addRow(database_label, database_row)
        note = QLabel(
            self.tr(
                "The phone region, the time zone and automatic re-distribution are stored in "
                "the database and apply to everyone who works with it."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")

        self.message = InlineMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)

    def _add_database(self, path: Path) -> None:
        text = str(path) if path.exists() else self.tr("{path} (not found)").format(path=path)
        self.database.addItem(text, str(path))
        if not path.exists():
            item = self.database.model().item(self.database.count() - 1)  # type: ignore[attr-defined]
            item.setEnabled(False)

    def _browse(self) -> None:
        from desktop_crm.ui import application  # the one file dialog seam; imports the window

        path = application.choose_database_file(self, create=False)
        if path is None:
            return
        index = self.database.findData(str(path))
        if index < 0:
            self._add_database(path)
            index = self.database.count() - 1
        self.database.setCurrentIndex(index)

    def chosen_database(self) -> Path | None:
        """The file chosen, when it is not the open one."""
        data = str(self.database.currentData() or "")
        if not data:
            return None
        path = Path(data)
        return None if path == self._current else path

    def apply(self) -> None:
        """Save the database's settings through the services; on an error say so and stay."""
        crm = self.ctx.crm
        try:
            if self.dispatcher.text().strip() != self.ctx.preferences.dispatcher:
                choose_dispatcher(crm, self.ctx.preferences, self.dispatcher.text())
                self.ctx.bridge.changed.emit(frozenset({Change.SETTINGS}))
        except CrmError as error:
            self.message.show_error(error_text(error))
            self.dispatcher.setFocus()
            return
        try:  # the time zone first: a wrong one is said before anything else is saved
            if self.timezone.currentText().strip() != crm.settings.timezone():
                crm.settings.set_timezone(self.timezone.currentText())
        except CrmError as error:
            self.message.show_error(error_text(error))
            self.timezone.setFocus()
            return
        try:
            if self.region.text().strip().upper() != crm.settings.phone_region():
                crm.settings.set_phone_region(self.region.text())
            if self.auto.isChecked() != crm.queue.auto_enabled():
                crm.queue.set_auto(self.auto.isChecked())
        except CrmError as error:
            self.message.show_error(error_text(error))
            self.region.setFocus()
            return
        save_notifications(self.ctx.preferences, self.notify, self.notify_minutes)
        self.accept()
        language = str(self.language.currentData() or "")
        if language != self.ctx.preferences.language:
            self.language_chosen.emit(language)
        database = self.chosen_database()
        if database is not None:
            self.database_chosen.emit(database)
