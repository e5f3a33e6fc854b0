"""Several OS processes at once, released together by a start barrier."""

import random
import sqlite3
from collections import Counter

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.storage import SCHEMA_VERSION, known_migrations
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.processes import run_together

PROCESSES = 4
PER_PROCESS = 40
LIMITS = {"Анна": 7, "Борис": 11, "Вера": 13, "Глеб": 0}


def _open_only(path, barrier, results):
    barrier.wait()
    try:
        crm = open_crm(DatabaseLocation(path), busy_timeout=30)
        crm.close()
    except Exception as error:  # reported, so a failure is not a silent two-minute wait
        results.put(repr(error))
        raise
    results.put("ok")


def _register_many(location, worker, barrier, results):
    try:
        crm = open_crm(location, random.Random(worker).randint, busy_timeout=30)
    except Exception as error:  # reported, so a failure is not a silent two-minute wait
        results.put(repr(error))
        raise
    barrier.wait()
    owners = []
    for i in range(PER_PROCESS):
        request = ContactRequest(
            f"+7900{worker:03d}{i:04d}", "site", idempotency_key=f"{worker}-{i}"
        )
        contact = crm.contacts.register(request).contact
        owners.append(contact.operator.name if contact.operator else None)
    crm.close()
    results.put(owners)


def test_processes_opening_a_fresh_file_at_once_migrate_it_once(tmp_path):
    path = tmp_path / "fresh.sqlite3"
    assert run_together(_open_only, lambda n: (path,), PROCESSES) == ["ok"] * PROCESSES
    with sqlite3.connect(path) as connection:
        names = [r[0] for r in connection.execute("SELECT name FROM schema_migration")]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    assert sorted(names) == known_migrations()
    assert version == SCHEMA_VERSION


def test_concurrent_registration_never_exceeds_limits(database_location):
    crm = open_crm(database_location)
    for name, limit in LIMITS.items():
        crm.operators.create(name, max_load=limit)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {name: 1 for name in LIMITS})

    owners = [
        o
        for batch in run_together(_register_many, lambda n: (database_location, n), PROCESSES)
        for o in batch
    ]

    total = PROCESSES * PER_PROCESS
    assert len(owners) == total
    capacity = sum(LIMITS.values())
    assert Counter(owners) == {**{n: v for n, v in LIMITS.items() if v}, None: total - capacity}
    loads = {o.name: o.load for o in crm.operators.list()}
    assert loads == LIMITS  # every operator exactly at its limit, none over
    leads = crm.leads.search()
    assert len(leads) == total  # every contact stored exactly once
    assert all(lead.contact_count == 1 for lead in leads)
    unassigned = [c for lead in leads for c in lead.contacts if c.operator is None]
    assert {c.reason for c in unassigned} == {"all_at_limit"}
    crm.close()
