"""Storage: peewee models, opening and guarding the database file, migrations.

peewee imports every database driver it finds when it is first imported; psycopg alone
costs a command on a SQLite file more time than the rest of the program. So peewee is
first imported here with the PostgreSQL drivers hidden, as if they were not installed,
and ``load_postgresql_driver`` hands psycopg to peewee when a PostgreSQL database is
opened (``postgres_storage``, ``copy``): a bot's ``contact add`` on a file never loads it
(issue 13)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_POSTGRESQL_DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


@contextmanager
def postgresql_drivers_hidden() -> Iterator[None]:
    """Imports inside see no PostgreSQL driver that is not loaded yet, as if it were not
    installed (peewee and its migrator catch the ImportError); afterwards they are
    importable again."""
    hidden = [name for name in _POSTGRESQL_DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` raises ImportError
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


def _import_peewee_without_postgresql_drivers() -> None:
    if "peewee" in sys.modules:
        return
    with postgresql_drivers_hidden():
        import peewee  # noqa: F401


def load_postgresql_driver() -> None:
    """Give peewee psycopg (3) as its own import would have: before a PostgreSQL
    database is opened. Does nothing when peewee already has it; without psycopg
    installed, peewee says so when it connects."""
    import peewee

    module: Any = peewee
    if module.psycopg is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    module.psycopg = psycopg
    module.TransactionStatus = TransactionStatus
    module.Json_pg3 = Json
    module.Jsonb_pg3 = Jsonb
    # What peewee's Psycopg3Adapter sets in its class body when psycopg is there.
    adapter = module.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN


_import_peewee_without_postgresql_drivers()
