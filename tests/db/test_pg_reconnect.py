"""D5 (issue 11): a connection the server closed (a restart, an administrator's
pg_terminate_backend) is opened again by the next use. A write met by it before its
commit runs once more on a new connection; a read that finds it closed at its start
runs on a new one (nothing was read yet); a read inside a write transaction is part
of that transaction and is never run again on its own."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import ConnectionLost
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.contacts import ContactRequest


def _name(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def _terminate(pg_server, url: str) -> None:
    """What a server restart does to every client: their connections end."""
    pg_server.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{_name(url)}' AND pid <> pg_backend_pid()"
    )


@pytest.fixture
def crm(pg_url) -> Iterator[Crm]:
    opened = open_crm(DatabaseLocation.postgresql(pg_url))
    opened.operators.create("Анна", max_load=5)
    opened.sources.create("Сайт", code="site")
    opened.sources.set_weights("site", {"Анна": 1})
    opened.contacts.register(ContactRequest("a@b.cc", "site"))
    yield opened
    opened.close()


def test_writes_after_the_server_closed_the_connection_run_on_a_new_one(pg_server, pg_url, crm):
    for round_ in range(2):  # and again: the reopened connection is no special case
        _terminate(pg_server, pg_url)
        crm.operators.create(f"Борис {round_}", max_load=1)
    assert [o.name for o in crm.operators.list()] == ["Анна", "Борис 0", "Борис 1"]


READS: dict[str, Callable[[Crm], object]] = {
    "operator list": lambda crm: [(o.name, o.load) for o in crm.operators.list()],
    "leads": lambda crm: [lead.external_id for lead in crm.leads.search("")],
    "stats": lambda crm: crm.stats.operators(),
    "queue": lambda crm: crm.queue.unassigned(),
    "settings": lambda crm: crm.settings.phone_region(),
}


@pytest.mark.parametrize("read", list(READS))
def test_a_read_after_the_server_closed_the_connection_runs_on_a_new_one(
    pg_server, pg_url, crm, read
):
    before = READS[read](crm)
    for _round in range(2):
        _terminate(pg_server, pg_url)
        assert READS[read](crm) == before


def test_a_read_while_the_server_stays_away_is_connection_lost(pg_server, pg_url, crm, monkeypatch):
    crm.operators.list()
    pg_server.execute(f"ALTER DATABASE {_name(pg_url)} ALLOW_CONNECTIONS false")
    try:
        _terminate(pg_server, pg_url)
        with pytest.raises(ConnectionLost, match="was lost"):
            crm.operators.list()
        # No connection left to have been lost: one attempt, not a second wait for a
        # server that does not answer.
        database, attempts = crm.storage.database, []
        real_connect = database._connect
        monkeypatch.setattr(database, "_connect", lambda: attempts.append(1) or real_connect())
        with pytest.raises(ConnectionLost, match="was lost"):
            crm.operators.list()
        assert attempts == [1]
        monkeypatch.undo()
    finally:
        pg_server.execute(f"ALTER DATABASE {_name(pg_url)} ALLOW_CONNECTIONS true")
    assert [o.name for o in crm.operators.list()] == ["Анна"]  # back: read at once


def test_a_read_inside_a_write_transaction_is_not_run_again_on_its_own(pg_server, pg_url, crm):
    """On a new connection the read would see none of the transaction's writes, and what
    followed it would run outside the transaction: the whole write fails instead."""
    went_on = []
    with pytest.raises(ConnectionLost), crm.storage.write():
        crm.operators.create("Вера", max_load=1)
        _terminate(pg_server, pg_url)
        crm.operators.list()
        went_on.append("the rest of the transaction")
    assert went_on == []
    assert [o.name for o in crm.operators.list()] == ["Анна"]  # nothing of it was kept
