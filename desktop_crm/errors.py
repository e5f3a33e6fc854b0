"""Errors a user can cause. Each carries a clear message; a traceback is only ever a bug.

Messages are English templates marked with ``QT_TRANSLATE_NOOP`` so that the
window can show them translated (``ui`` calls ``QCoreApplication.translate``
on ``template``) while this module stays free of Qt.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


class CrmError(Exception):
    """A problem the user can fix. ``str(error)`` is the English message."""

    exit_code = 2

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))

    @property
    def message(self) -> str:
        return str(self)


class NotFound(CrmError):
    """A referenced operator, source, contact or lead does not exist."""


class AlreadyExists(CrmError):
    """A unique name, code or id is taken."""


class InvalidValue(CrmError):
    """A value is malformed or out of range. ``field`` names the input at fault."""

    def __init__(self, template: str, *, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(template, field=field, **params)


class InUse(CrmError):
    """The object is referenced and cannot be deleted."""


class LimitReached(CrmError):
    """An operator is at max_load (or cannot take contacts for another reason)."""


class ChangedMeanwhile(CrmError):
    """What a change (an undo) expects to find was changed since, here or elsewhere."""


class DatabaseBusy(CrmError):
    """Another process held the write lock past the timeout; nothing was written."""

    exit_code = 3


class ConnectionLost(DatabaseBusy):
    """The server closed a connection that was open (a restart, a crash, an administrator)
    or stayed unreachable after it: what the transaction did was not committed; the same
    request can be sent again (exit 3, as busy)."""


class DatabaseOpenError(CrmError):
    """The database cannot be opened: missing directory, not a database, foreign, newer."""


class ServerUnreachable(DatabaseOpenError):
    """No connection to the database server could be opened because it is not there now
    (down, starting, out of room for clients): nothing was written, and the same command
    can run again once it is up (exit 3, as busy; a wrong address, role or database name
    stays exit 2)."""

    exit_code = 3


class DatabaseDamaged(DatabaseOpenError):
    """SQLite found the file corrupt ("malformed", "not a database") when opening or later."""


class SqliteOnly(CrmError):
    """An operation on the database file (backup, restore, check) asked of a server
    database (PostgreSQL has its own tools for that)."""


class DatabaseReadOnly(CrmError):
    """The database file (or its folder, for the -wal file) cannot be written."""


class DatabaseWriteFailed(CrmError):
    """SQLite could not write the file: the disk is full, the file may not grow (a quota,
    a size limit) or the disk reported an I/O error. The transaction was rolled back.

    Exit 3, as busy: the request was sound and nothing was written, so it is to be sent
    again once there is room; a bot told 2 ("refused") would drop the contact."""

    exit_code = 3


class StoppedPartWay(CrmError):
    """A long job (an import, distributing the queue) committed some batches, then stopped:
    the database stayed busy past the wait, it was interrupted, or an error came up.

    What was committed stays and running the job again continues after it. ``cause`` is
    what stopped it, ``committed`` how many rows (contacts) this run committed, and
    ``result`` what the job reports for them (an ``ImportSummary``, a ``DrainResult``).
    """

    exit_code = 4

    def __init__(
        self,
        template: str,
        *,
        cause: BaseException,
        committed: int,
        result: object = None,
        **params: Any,
    ) -> None:
        self.cause = cause
        self.committed = committed
        self.result = result
        super().__init__(template, reason=stop_reason(cause), committed=committed, **params)


def stop_reason(cause: BaseException) -> str:
    """What stopped a job, in one English sentence."""
    if isinstance(cause, ConnectionLost):
        return QT_TRANSLATE_NOOP("errors", "The connection to the database was lost.")
    if isinstance(cause, DatabaseBusy):  # its own text says nothing was written: not so here
        return QT_TRANSLATE_NOOP("errors", "The database stayed busy past the wait.")
    if isinstance(cause, CrmError):
        return str(cause)
    if isinstance(cause, KeyboardInterrupt):
        return QT_TRANSLATE_NOOP("errors", "Interrupted.")
    return QT_TRANSLATE_NOOP("errors", "An internal error stopped it.")
