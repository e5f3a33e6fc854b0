"""The configuration a process keeps between transactions, and when it must read it again.

What the distributor reads as configuration (sources by reference, a source's
candidates with their operators' limits, hours, caps and skills, absences, settings
such as the phone region and the time zone) changes rarely; loads and today's counts
change with every contact and are never kept here. Every change of that configuration,
by any process, sets the database's configuration revision (migration 0011, triggers in
the changing transaction). Each transaction that uses the kept configuration first
reads the revision (``current``, one small query): the same revision, the same
configuration; another one, everything kept is dropped and read again on demand.

A value is kept only when the revision is still the snapshot's after it was read: a
transaction that changed the configuration itself (not committed yet, perhaps never)
reads its own changes but keeps none of them.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from desktop_crm.db.statements import run, statements
from desktop_crm.db.storage import Storage

T = TypeVar("T")


class ConfigSnapshot:
    """The configuration as of one revision, filled on demand."""

    def __init__(self, storage: Storage, revision: int) -> None:
        self._storage = storage
        self.revision = revision
        self._values: dict[Hashable, object] = {}

    def peek(self, key: Hashable) -> object | None:
        """The kept value of ``key``, or None."""
        return self._values.get(key)

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        """The kept value of ``key``, else ``load()`` (inside the caller's transaction),
        kept when the revision has not moved meanwhile."""
        try:
            return cast(T, self._values[key])
        except KeyError:
            pass
        value = load()
        if read_revision(self._storage) == self.revision:
            self._values[key] = value
        return value


_snapshots: weakref.WeakKeyDictionary[Storage, ConfigSnapshot] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def read_revision(storage: Storage) -> int:
    """The database's configuration revision, inside the caller's transaction."""
    return int(run(statements(storage.database).config_revision).fetchone()[0])


def current(storage: Storage) -> ConfigSnapshot:
    """The configuration of ``storage`` as of now; inside the caller's transaction."""
    revision = read_revision(storage)
    snapshot = _snapshots.get(storage)
    if snapshot is None or snapshot.revision != revision:
        snapshot = ConfigSnapshot(storage, revision)
        with _lock:
            _snapshots[storage] = snapshot
    return snapshot
