"""Where the database lives: ``--db PATH``, ``DATABASE_URL`` or the default file.

Two kinds: a SQLite file (a path or ``sqlite:///PATH``) and a PostgreSQL database
(``postgresql://user@host/db`` or ``postgres://...``). A PostgreSQL URL is passed to
libpq/psycopg as given, so a password may come from the URL, ``PGPASSWORD``,
``~/.pgpass`` or a service file; this module only masks it for display.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from desktop_crm import APP_SLUG
from desktop_crm.errors import QT_TRANSLATE_NOOP, DatabaseOpenError, SqliteOnly

DEFAULT_FILE_NAME = "crm.sqlite3"
ENV_VAR = "DATABASE_URL"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
_POSTGRES_SCHEMES = ("postgresql", "postgres")


@dataclass(frozen=True)
class DatabaseLocation:
    """A SQLite file (``file``) or a PostgreSQL database (``server_url``).

    ``str()`` and ``display`` never contain a password: they go into messages and logs.
    """

    file: Path | None = None
    is_default: bool = False  # the per-user file, whose folder we may create
    server_url: str | None = field(default=None, repr=False)  # may hold a password

    def __post_init__(self) -> None:
        if (self.file is None) == (self.server_url is None):
            raise ValueError("a DatabaseLocation is a file or a server URL, exactly one")

    @classmethod
    def postgresql(cls, url: str) -> DatabaseLocation:
        return cls(server_url=url)

    @property
    def kind(self) -> str:
        """``"sqlite"`` or ``"postgresql"``: for ``db/`` only (nothing above it branches)."""
        return SQLITE if self.file is not None else POSTGRESQL

    @property
    def is_file(self) -> bool:
        """A local database file: the file operations (backups, restore, the file
        dialog, checks of the file) apply to it."""
        return self.file is not None

    def is_missing(self) -> bool:
        """A database file that does not exist yet (the first command that writes
        creates it). A server's database is created on the server, never here."""
        from desktop_crm.db.guard import lexists

        return self.file is not None and not lexists(self.file)

    def local_files(self) -> list[Path]:
        """The files on this machine that hold the database (SQLite's file and its
        companions); none for a server's database."""
        if self.file is None:
            return []
        return [Path(f"{self.file}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]

    @property
    def path(self) -> Path:
        """The SQLite file. On a server database an operation that needs a file is
        refused with ``SqliteOnly`` (a clear message, exit 2)."""
        if self.file is None:
            raise SqliteOnly(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{database} is a PostgreSQL database; this works on a SQLite file only "
                    "(use PostgreSQL's own tools, such as pg_dump, instead).",
                ),
                database=self.display,
            )
        return self.file

    @property
    def url(self) -> str:
        """The URL to connect with (PostgreSQL: as given, password included)."""
        if self.server_url is not None:
            return self.server_url
        return f"sqlite:///{self.file}"

    @property
    def display(self) -> str:
        """What the user sees: the file, or the URL without its password."""
        if self.server_url is not None:
            return mask_password(self.server_url)
        return str(self.file)

    def __str__(self) -> str:
        return self.display


# libpq's connection keywords: `host=db port=5432 password=…` given where a file or a URL
# is expected is refused, not taken for a file name (that file, and the log, would hold the
# password).
_LIBPQ_KEYWORD_RE = re.compile(
    r"(?:^|\s)(?:host|hostaddr|port|dbname|user|password|passfile|require_auth|channel_binding"
    r"|connect_timeout|client_encoding|options|application_name|fallback_application_name"
    r"|keepalives\w*|tcp_user_timeout|replication|gssencmode|gsslib|gssdelegation|krbsrvname"
    r"|ssl\w*|requiressl|requirepeer|service|target_session_attrs|load_balance_hosts)\s*=",
    re.IGNORECASE,
)


def _exists(value: str) -> bool:
    try:
        return Path(value).expanduser().exists()
    except (OSError, ValueError, RuntimeError):
        return False


def secret_parameter(name: str) -> bool:
    """A URL query parameter that holds a secret: any ``…password…`` (``sslpassword``) and
    ``passfile`` (where the password lives)."""
    name = name.strip().lower()
    return "password" in name or name == "passfile"


def mask_password(url: str) -> str:
    """``postgresql://anna:secret@host/crm?password=x`` -> ``postgresql://anna@host/crm``:
    no password in the user part nor in the query (``secret_parameter``)."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            user, host = netloc.rsplit("@", 1)
            netloc = f"{user.split(':', 1)[0]}@{host}"
        query = "&".join(
            item
            for item in parts.query.split("&")
            if item and not secret_parameter(unquote(item.split("=", 1)[0]))
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    except ValueError:
        return "postgresql://…"


def url_for_role(url: str, role: str) -> str:
    """``url`` for another database role: ``postgresql://anna:pw@db/crm?user=anna`` ->
    ``postgresql://role@db/crm``, with no password (a command to show the user)."""
    parts = urlsplit(mask_password(url))
    host = parts.netloc.rsplit("@", 1)[-1]
    query = "&".join(
        item
        for item in parts.query.split("&")
        if item and unquote(item.split("=", 1)[0]).strip().lower() != "user"
    )
    return urlunsplit((parts.scheme, f"{quote(role, safe='')}@{host}", parts.path, query, ""))


def default_database_path() -> Path:
    import platformdirs  # only when no --db or DATABASE_URL names the database (issue 13)

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
    """A plain path, a ``sqlite:///path`` URL or a ``postgresql://`` URL. SQLite's
    in-memory names are refused: the program keeps its data in a file (``:memory:``
    would be a file of that name)."""
    if "://" not in value:
        if _LIBPQ_KEYWORD_RE.search(value) and not _exists(value):
            raise DatabaseOpenError(  # never echoed: it may hold a password
                QT_TRANSLATE_NOOP(
                    "errors",
                    "The database looks like a libpq key=value connection string, which is "
                    "not read here; give a URL: postgresql://USER@HOST/DATABASE (the password "
                    "in ~/.pgpass or PGPASSWORD).",
                )
            )
        return DatabaseLocation(_file_path(value, value))
    scheme = value.split("://", 1)[0].lower()
    if scheme in _POSTGRES_SCHEMES:
        return _postgres_location(value)
    if scheme != "sqlite":
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "Unsupported database URL {url!r}: use sqlite:///PATH or "
                "postgresql://USER@HOST/DATABASE.",
            ),
            url=mask_password(value),
        )
    try:
        parsed = urlsplit(value)
    except ValueError as error:  # an unbalanced IPv6 bracket
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The database URL {url!r} is not valid: {reason}."),
            url=value,
            reason=str(error),
        ) from None
    # As in SQLAlchemy and peewee: sqlite:///rel/path is relative, sqlite:////abs/path absolute.
    path = parsed.netloc + unquote(parsed.path)
    if not parsed.netloc and path.startswith("/"):
        path = path[1:]
    if not path:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The database URL {url!r} names no file."), url=value
        )
    return DatabaseLocation(_file_path(path, value))


def _postgres_location(value: str) -> DatabaseLocation:
    """Checked as libpq will read it (psycopg's parser), so that a URL libpq cannot read is
    a clear error here, before any connection, and never echoes its password."""
    if _ambiguous_userinfo(value):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database URL is not valid: a password with @ : / # % or spaces must be "
                "percent-encoded (e.g. @ as %40), or kept in ~/.pgpass / PGPASSWORD.",
            )
        )
    shown = mask_password(value)
    try:
        parts = urlsplit(value)
        if "," not in parts.netloc:  # several hosts: libpq's own list, checked below
            parts.port  # noqa: B018  # raises ValueError on a bad port
    except ValueError as error:
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "The database URL {url!r} is not valid: {reason}."),
            url=shown,
            reason=hide_password(str(error).replace(value, shown), value),
        ) from None
    if not parts.path.strip("/"):
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP(
                "errors",
                "The database URL {url!r} names no database; give postgresql://USER@HOST/DATABASE.",
            ),
            url=shown,
        )
    # peewee hands libpq the URL only when it starts with postgresql://.
    url = "postgresql://" + value.split("://", 1)[1]
    _check_conninfo(url, shown)
    return DatabaseLocation.postgresql(url)


# Connection options libpq reads as integers (it refuses the connection otherwise).
_INTEGER_OPTIONS = (
    "port",
    "connect_timeout",
    "keepalives",
    "keepalives_idle",
    "keepalives_interval",
    "keepalives_count",
    "tcp_user_timeout",
)


def _check_conninfo(url: str, shown: str) -> None:
    from psycopg import Error
    from psycopg.conninfo import conninfo_to_dict

    try:
        options = conninfo_to_dict(url)
    except Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise DatabaseOpenError(
            QT_TRANSLATE_NOOP("errors", "Cannot open {path}: {reason}."),
            path=shown,
            reason=hide_password(reason, url).rstrip("."),
        ) from None
    for name in _INTEGER_OPTIONS:
        given = options.get(name)
        if not isinstance(given, str):
            continue
        # A port per host ("5432,5433"; an empty one is the default port).
        values = given.split(",") if name == "port" else [given]
        bad = next(
            (
                value
                for value in values
                if not value.strip().lstrip("-").isdigit() and (value.strip() or name != "port")
            ),
            None,
        )
        if bad is not None:
            raise DatabaseOpenError(
                QT_TRANSLATE_NOOP(
                    "errors", "Cannot open {path}: {option} must be a whole number, not {value!r}."
                ),
                path=shown,
                option=name,
                value=hide_password(bad, url),
            )


def _ambiguous_userinfo(value: str) -> bool:
    """A password that holds an unencoded ``@ : / # ?``, a space or a bad ``%`` escape: the
    URL's parts cannot be told apart, and any echo of them may show the password."""
    rest = value.split("://", 1)[1]
    if "@" not in rest:
        return False
    head = rest.split("@", 1)[0]
    authority = re.split(r"[/?#]", head, maxsplit=1)[0]
    if authority != head and ":" in authority and not authority.rsplit(":", 1)[1].isdigit():
        return True  # the first @ is inside the password, after a / ? or # (not host:port/…)
    if rest.split("?", 1)[0].count("@") > 1:
        return True  # an @ in the password, or in the host: which one is which?
    try:
        netloc = urlsplit(value).netloc
    except ValueError:  # an unbalanced IPv6 bracket: the URL's own check says so
        return False
    if netloc.count("@") > 1:
        return True
    if "@" not in netloc:
        return False
    userinfo = netloc.rsplit("@", 1)[0]
    return userinfo.count(":") > 1 or any(c.isspace() for c in userinfo) or _bad_escape(userinfo)


def _bad_escape(text: str) -> bool:
    return re.search(r"%(?![0-9A-Fa-f]{2})", text) is not None


def _passwords(url: str) -> set[str]:
    """Every form a password of ``url`` may take in a message: as typed, percent-decoded
    and percent-encoded."""
    found: set[str] = set()
    try:
        rest = url.split("://", 1)[1]
        netloc = rest.split("/", 1)[0].split("?", 1)[0]
        if "@" in netloc and ":" in netloc.rsplit("@", 1)[0]:
            found.add(netloc.rsplit("@", 1)[0].split(":", 1)[1])
        query = rest.split("?", 1)[1] if "?" in rest else ""
        for item in query.split("&"):
            key, _, given = item.partition("=")
            if secret_parameter(unquote(key)) and given:
                found.add(given)
    except (IndexError, ValueError):
        pass
    forms = set(found)
    for password in found:
        forms.update(
            {unquote(password), quote(password, safe=""), quote(unquote(password), safe="")}
        )
    return {form for form in forms if form}


def hide_password(text: str, url: str) -> str:
    """``text`` (a message of libpq, psycopg or ``urllib``) with every form of ``url``'s
    password replaced by ``***``."""
    for password in sorted(_passwords(url), key=len, reverse=True):
        text = text.replace(password, "***")
    return text


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
