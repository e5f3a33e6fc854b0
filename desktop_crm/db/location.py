"""Where the database lives: ``--db PATH``, ``DATABASE_URL`` or the default file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import platformdirs

from desktop_crm import APP_SLUG
from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseOpenError

DEFAULT_FILE_NAME = "crm.sqlite3"
ENV_VAR = "DATABASE_URL"


@dataclass(frozen=True)
class DatabaseLocation:
    """A SQLite file for now; PostgreSQL arrives behind the same type later."""

    path: Path
    is_default: bool = False  # the per-user file, whose folder we may create

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def __str__(self) -> str:
        return str(self.path)


def default_database_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_SLUG, appauthor=False)) / DEFAULT_FILE_NAME


def resolve_location(
    db_option: str | None, environ: dict[str, str] | os._Environ[str] | None = None
) -> DatabaseLocation:
    """``--db`` wins over ``DATABASE_URL``, which wins over the default file.

    An empty ``--db`` is refused (a script's empty variable must not silently mean the
    user's real database); an empty or blank ``DATABASE_URL`` counts as unset."""
    environ = os.environ if environ is None else environ
    if db_option is not None:
        if not db_option.strip():
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "errors", "An empty --db names no file; give a database file or leave it out."
                )
            )
        return parse_location(db_option)
    url = environ.get(ENV_VAR, "").strip()
    if url:
        return parse_location(url)
    return DatabaseLocation(default_database_path(), is_default=True)


def parse_location(value: str) -> DatabaseLocation:
    """A plain path or a ``sqlite:///path`` URL. SQLite's in-memory names are refused:
    the program keeps its data in a file (``:memory:`` would be a file of that name)."""
    if "://" not in value:
        return DatabaseLocation(_file_path(value, value))
    parsed = urlparse(value)
    if parsed.scheme != "sqlite":
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors", "Unsupported database URL {url!r}: only sqlite:///PATH is supported."
            ),
            url=value,
        )
    # As in SQLAlchemy and peewee: sqlite:///rel/path is relative, sqlite:////abs/path absolute.
    path = parsed.netloc + unquote(parsed.path)
    if not parsed.netloc and path.startswith("/"):
        path = path[1:]
    if not path:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The database URL {url!r} names no file."), url=value
        )
    return DatabaseLocation(_file_path(path, value))


def _file_path(path: str, given: str) -> Path:
    if path.strip() == ":memory:" or path.startswith("file::memory:"):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{given!r} is an in-memory database; Lead Dispatcher keeps its data in a file: "
                "give a file name.",
            ),
            given=given,
        )
    return Path(path).expanduser()
