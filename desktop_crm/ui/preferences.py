"""One person's window state and preferences (QSettings). Settings that change
what the distributor does live in the database instead."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from desktop_crm import APP_SLUG

ORGANIZATION = "LeadDispatcher"


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANIZATION, APP_SLUG)

    # -- window state ----------------------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        self._settings.setValue("window/geometry", window.saveGeometry())
        self._settings.setValue("window/state", window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        """False when nothing usable was stored (the caller picks a default size)."""
        geometry = self._settings.value("window/geometry")
        state = self._settings.value("window/state")
        restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            window.restoreState(state)
        return bool(restored)

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self._settings.setValue(f"splitters/{name}", splitter.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        state = self._settings.value(f"splitters/{name}")
        return isinstance(state, QByteArray) and splitter.restoreState(state)

    # -- simple values ---------------------------------------------------------
    @property
    def last_page(self) -> str:
        return str(self._settings.value("window/last_page", "") or "")

    @last_page.setter
    def last_page(self, name: str) -> None:
        self._settings.setValue("window/last_page", name)

    @property
    def language(self) -> str:
        """'' follows the system; otherwise a language code such as 'ru' or 'en'."""
        return str(self._settings.value("language", "") or "")

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("language", code)

    @property
    def last_database(self) -> str:
        return str(self._settings.value("database/last", "") or "")

    @last_database.setter
    def last_database(self, path: str) -> None:
        self._settings.setValue("database/last", path)

    def value(self, key: str, default: object = None) -> object:
        return self._settings.value(key, default)

    def set_value(self, key: str, value: object) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
