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
    """``--db`` wins over ``DATABASE_URL``, which wins over the default file."""
    environ = os.environ if environ is None else environ
    if db_option:
        return parse_location(db_option)
    url = environ.get(ENV_VAR, "").strip()
    if url:
        return parse_location(url)
    return DatabaseLocation(default_database_path(), is_default=True)


def parse_location(value: str) -> DatabaseLocation:
    """A plain path or a ``sqlite:///path`` URL."""
    if "://" not in value:
        return DatabaseLocation(Path(value).expanduser())
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
    return DatabaseLocation(Path(path).expanduser())
