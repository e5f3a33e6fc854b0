"""A small Qt-free observer: services announce what changed after they commit."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from enum import StrEnum

log = logging.getLogger(__name__)


class Change(StrEnum):
    OPERATORS = "operators"
    SOURCES = "sources"
    CONTACTS = "contacts"
    # Contacts opened, closed or moved: operators' loads changed, not the operators
    # themselves (their names, limits, state), so a list of operators stays as it was.
    LOADS = "loads"
    LEADS = "leads"
    SETTINGS = "settings"
    IMPORTS = "imports"
    EXTERNAL = "external"  # another process wrote; anything may have changed


Listener = Callable[[frozenset[Change]], None]


class EventBus:
    """Listeners are called synchronously on the thread that committed."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def emit(self, *changes: Change) -> None:
        with self._lock:
            listeners = list(self._listeners)
        kinds = frozenset(changes)
        for listener in listeners:
            try:
                listener(kinds)
            except Exception:  # one broken view must not undo a committed change
                log.exception("change listener failed")
