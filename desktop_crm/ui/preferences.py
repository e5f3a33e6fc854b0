"""One person's window state and preferences (QSettings). Settings that change
what the distributor does live in the database instead.

Every key is a declared ``Option`` (Picard's ``picard.config.Option`` is the model):
a key, a type and a default. Reading returns that type; a stored value that is not
of it (edited by hand, left by an older version) falls back to the default."""

from __future__ import annotations

import datetime as dt
import logging
from enum import Enum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QMainWindow, QSplitter

from desktop_crm import APP_SLUG

ORGANIZATION = "LeadDispatcher"

log = logging.getLogger(__name__)

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


class Option(Generic[T]):
    """A declared preference. Subclasses say how a stored value becomes a ``T``
    (``decode`` raises ``TypeError`` or ``ValueError`` when it cannot)."""

    registry: ClassVar[dict[str, Option[Any]]] = {}

    def __init__(self, key: str, default: T) -> None:
        if key in Option.registry:
            raise ValueError(f"the preference {key!r} is declared twice")
        self.key = key
        self.default = default
        Option.registry[key] = self

    def decode(self, raw: object) -> T:
        raise NotImplementedError

    def encode(self, value: T) -> object:
        return value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r})"


class TextOption(Option[str]):
    def decode(self, raw: object) -> str:
        if not isinstance(raw, str):
            raise TypeError(type(raw).__name__)
        return raw


class IntOption(Option[int]):
    def decode(self, raw: object) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise TypeError(type(raw).__name__)
        return int(raw)  # an INI file gives numbers back as text


class BoolOption(Option[bool]):
    def decode(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.lower() in ("true", "false"):  # an INI file's text
            return raw.lower() == "true"
        raise TypeError(type(raw).__name__)


class BytesOption(Option[QByteArray | None]):
    """Saved state of a window, header or splitter (``None``: nothing saved)."""

    def __init__(self, key: str) -> None:
        super().__init__(key, None)

    def decode(self, raw: object) -> QByteArray | None:
        if not isinstance(raw, QByteArray):
            raise TypeError(type(raw).__name__)
        return raw


class DateOption(Option[dt.date | None]):
    """A day, stored as ISO text (``None``: not chosen)."""

    def __init__(self, key: str) -> None:
        super().__init__(key, None)

    def decode(self, raw: object) -> dt.date | None:
        if not isinstance(raw, str):
            raise TypeError(type(raw).__name__)
        return dt.date.fromisoformat(raw)

    def encode(self, value: dt.date | None) -> object:
        return value.isoformat() if value is not None else None


class EnumOption(Option[E]):
    """One of an enum's members, stored by its value."""

    def __init__(self, key: str, default: E) -> None:
        super().__init__(key, default)
        self._enum = type(default)

    def decode(self, raw: object) -> E:
        if not isinstance(raw, str | int):
            raise TypeError(type(raw).__name__)
        return self._enum(raw)

    def encode(self, value: E) -> object:
        return value.value


class PathListOption(Option[list[str]]):
    """A list of file paths (QSettings gives a one-element list back as a plain text)."""

    def decode(self, raw: object) -> list[str]:
        if isinstance(raw, str):
            return [raw] if raw else []
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            raise TypeError(type(raw).__name__)
        return list(raw)

    def encode(self, value: list[str]) -> object:
        return list(value) if value else None


# -- every key this application stores ---------------------------------------------------
LANGUAGE = TextOption("language", "")  # '' follows the system; else a code like 'ru'
LAST_DATABASE = TextOption("database/last", "")
RECENT_DATABASES = PathListOption("database/recent", [])  # newest first (ui/recent.py)
LAST_PAGE = TextOption("window/last_page", "")
WINDOW_GEOMETRY = BytesOption("window/geometry")
WINDOW_STATE = BytesOption("window/state")
EXPORT_FOLDER = TextOption("exports/folder", "")  # '' = the home folder
STATISTICS_EXPORT_FOLDER = TextOption("statistics/export_folder", "")
STATISTICS_FIRST_DAY = DateOption("statistics/first")
STATISTICS_LAST_DAY = DateOption("statistics/last")
SOURCES_CURRENT_TAB = IntOption("sources/tab", 0)
INTAKE_LAST_SOURCE = IntOption("intake/last_source", 0)  # a source id; 0: none yet
# Who this person is in the audit log ('' = the OS user); checked by services.audit.
DISPATCHER = TextOption("audit/dispatcher", "")
# Tray notifications (ui/tray.py): on or off, and how long a contact may wait unassigned.
NOTIFICATIONS = BoolOption("notifications/enabled", True)
NOTIFY_WAIT_MINUTES = IntOption("notifications/wait_minutes", 10)

CONTACTS_HEADER = BytesOption("contacts/header")
IMPORTS_HEADER = BytesOption("imports/header")
JOURNAL_HEADER = BytesOption("journal/header")
LEADS_HEADER = BytesOption("leads/header")
LEADS_CONTACTS_HEADER = BytesOption("leads/contacts_header")
OPERATORS_HEADER = BytesOption("operators/header")
SOURCES_HEADER = BytesOption("sources/header")
SOURCES_WEIGHTS_HEADER = BytesOption("sources/weights_header")

MAIN_SPLITTER = BytesOption("splitters/main")
BOARD_SPLITTER = BytesOption("splitters/board")
CONTACTS_SPLITTER = BytesOption("splitters/contacts")
IMPORTS_SPLITTER = BytesOption("splitters/imports")
LEADS_SPLITTER = BytesOption("splitters/leads")
SOURCES_SPLITTER = BytesOption("splitters/sources")
STATISTICS_SPLITTER = BytesOption("splitters/statistics")
STATISTICS_LOWER_SPLITTER = BytesOption("splitters/statistics/lower")


class Preferences:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(ORGANIZATION, APP_SLUG)
        self._session_dispatcher: str | None = None  # `--as NAME`: never saved

    # -- typed values ----------------------------------------------------------------
    def get(self, option: Option[T]) -> T:
        raw = self._settings.value(option.key)
        if raw is None:
            return option.default
        try:
            return option.decode(raw)
        except (TypeError, ValueError) as error:
            log.warning("ignoring the stored preference %s: %s", option.key, type(error).__name__)
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        stored = option.encode(value)
        if stored is None:
            self._settings.remove(option.key)
        else:
            self._settings.setValue(option.key, stored)

    # -- window, header and splitter state --------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        self.set(WINDOW_GEOMETRY, window.saveGeometry())
        self.set(WINDOW_STATE, window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        """False when nothing usable was stored (the caller picks a default size)."""
        geometry = self.get(WINDOW_GEOMETRY)
        state = self.get(WINDOW_STATE)
        restored = geometry is not None and window.restoreGeometry(geometry)
        if state is not None:
            window.restoreState(state)
        return bool(restored)

    def save_splitter(self, option: BytesOption, splitter: QSplitter) -> None:
        self.set(option, splitter.saveState())

    def restore_splitter(self, option: BytesOption, splitter: QSplitter) -> bool:
        state = self.get(option)
        return state is not None and splitter.restoreState(state)

    def save_header(self, option: BytesOption, header: QHeaderView) -> None:
        self.set(option, header.saveState())

    def restore_header(
        self, option: BytesOption, header: QHeaderView, *, silently: bool = False
    ) -> bool:
        """True when saved column widths were restored; ``silently``: the header emits
        nothing while they are."""
        state = self.get(option)
        if state is None:
            return False
        blocked = header.blockSignals(True) if silently else header.signalsBlocked()
        try:
            return header.restoreState(state)
        finally:
            header.blockSignals(blocked)

    # -- simple values ---------------------------------------------------------------
    @property
    def last_page(self) -> str:
        return self.get(LAST_PAGE)

    @last_page.setter
    def last_page(self, name: str) -> None:
        self.set(LAST_PAGE, name)

    @property
    def language(self) -> str:
        """'' follows the system; otherwise a language code such as 'ru' or 'en'."""
        return self.get(LANGUAGE)

    @language.setter
    def language(self, code: str) -> None:
        self.set(LANGUAGE, code)

    @property
    def last_database(self) -> str:
        return self.get(LAST_DATABASE)

    @last_database.setter
    def last_database(self, path: str) -> None:
        self.set(LAST_DATABASE, path)

    @property
    def last_source(self) -> int:
        """The id of the source the intake form used last (0: none yet)."""
        return self.get(INTAKE_LAST_SOURCE)

    @last_source.setter
    def last_source(self, source_id: int) -> None:
        self.set(INTAKE_LAST_SOURCE, source_id)

    @property
    def dispatcher(self) -> str:
        """This person's name in the audit log ('' = the OS user's name): the one given
        with ``--as`` for this session, else the one saved."""
        if self._session_dispatcher is not None:
            return self._session_dispatcher
        return self.get(DISPATCHER)

    @dispatcher.setter
    def dispatcher(self, name: str) -> None:
        """Save ``name``; it replaces a session's ``--as`` name too."""
        self._session_dispatcher = None
        self.set(DISPATCHER, name)

    def use_dispatcher_for_session(self, name: str) -> None:
        """``desktop-crm --as NAME``: ``name`` until the process ends (or a name is saved),
        in place of the saved one, which stays as it is."""
        self._session_dispatcher = name

    def sync(self) -> None:
        self._settings.sync()
