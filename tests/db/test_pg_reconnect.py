"""D5 (issue 11): a connection the server closed (a restart, an administrator's
pg_terminate_backend) is opened again by the next use; at most the use that met the
closed connection fails, as a user error."""

from __future__ import annotations

import contextlib

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import CrmError
from desktop_crm.services import open_crm


def test_a_connection_the_server_closed_is_opened_again(pg_server, pg_url) -> None:
    crm = open_crm(DatabaseLocation.postgresql(pg_url))
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    try:
        crm.operators.create("Анна", max_load=1)
        for _round in range(2):  # and again: the reopened connection is no special case
            pg_server.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()",
                database,
            )
            with contextlib.suppress(CrmError):  # the use that met it may say so
                crm.operators.list()
            names = [o.name for o in crm.operators.list()]
            assert names == ["Анна"] + [f"Борис {n}" for n in range(_round)]
            crm.operators.create(f"Борис {_round}", max_load=1)
    finally:
        crm.close()
