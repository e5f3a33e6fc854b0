"""Eight processes at once on one database, on both backends: registering, importing,
closing (which re-distributes the queue) and watching. The invariants: no operator ever
over its limit, no contact lost, none stored twice, and no error reaches anyone (a
PostgreSQL deadlock or create race is re-run invisibly)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from tests.processes import run_together
from tests.services.import_files import e164, row, write_csv

# Three sources whose operators overlap, so writers on different sources share some
# operators (their locks must never form a circle) and not others.
LIMITS = {"Анна": 9, "Борис": 6, "Вера": 12, "Глеб": 4}
SOURCES = {"a": ("Анна", "Борис", "Вера"), "b": ("Вера", "Глеб"), "c": ("Глеб", "Борис")}
REGISTRARS, IMPORTERS, CLOSERS = 3, 2, 2
PER_REGISTRAR = 25
PER_FILE = 120
CLOSES = 12


def _register(location, worker, barrier, results):
    crm = open_crm(location, random.Random(worker).randint, busy_timeout=30, job_wait=60)
    barrier.wait()
    try:
        for i in range(PER_REGISTRAR):
            source = "abc"[(worker + i) % 3]
            # Every registrar also registers the same few new leads: find-or-create races.
            lead = f"+7999000{i % 5:04d}" if i % 4 == 0 else f"+7900{worker:03d}{i:04d}"
            crm.contacts.register(ContactRequest(lead, source, idempotency_key=f"r{worker}-{i}"))
        results.put("ok")
    except Exception as error:
        results.put(repr(error))
    finally:
        crm.close()


def _import(location, path, barrier, results):
    crm = open_crm(location, random.Random(str(path)).randint, busy_timeout=30, job_wait=60)
    crm.imports.batch_rows = 20
    barrier.wait()
    try:
        summary = crm.imports.run(open_table(path))
        results.put(("ok", summary.record.imported))
    except Exception as error:
        results.put(repr(error))
    finally:
        crm.close()


def _close(location, worker, barrier, results):
    crm = open_crm(location, random.Random(worker).randint, busy_timeout=30, job_wait=60)
    barrier.wait()
    closed = 0
    try:
        for _ in range(CLOSES * 5):
            page = crm.contacts.page(ContactFilter(ContactState.ACTIVE), limit=50)
            active = [c.id for c in page if c.operator is not None]
            if active:
                crm.contacts.close(random.Random(worker + closed).choice(active))  # drains
                closed += 1
            if closed >= CLOSES:
                break
        results.put("ok")
    except Exception as error:
        results.put(repr(error))
    finally:
        crm.close()


def _watch(location, _worker, barrier, results):
    """Samples every operator's load in one snapshot while the others write."""
    crm = open_crm(location, busy_timeout=30)
    barrier.wait()
    over = []
    try:
        for _ in range(60):
            for operator in crm.operators.list():
                if operator.load > operator.max_load:
                    over.append((operator.name, operator.load, operator.max_load))
        results.put(("watched", over))
    except Exception as error:
        results.put(repr(error))
    finally:
        crm.close()


@pytest.mark.slow
def test_eight_writers_at_once_keep_every_invariant(crm, database_location, tmp_path):
    for name, limit in LIMITS.items():
        crm.operators.create(name, max_load=limit)
    for code, names in SOURCES.items():
        crm.sources.create(f"Source {code}", code=code)
        crm.sources.set_weights(code, dict.fromkeys(names, 1))
    files = []
    for f in range(IMPORTERS):
        base = 10_000 * (f + 1)
        rows = [row(base + n, source="abc"[n % 3]) for n in range(PER_FILE)]
        shared = [row(n % 5 + 500, source="abc"[n % 3], message=f"{f}.{n}") for n in range(10)]
        rows += shared  # leads that the other file and each other's rows share
        files.append(write_csv(tmp_path / f"file{f}.csv", rows))
    crm.close()

    jobs = (
        [(_register, n) for n in range(REGISTRARS)]
        + [(_import, path) for path in files]
        + [(_close, 100 + n) for n in range(CLOSERS)]
        + [(_watch, 0)]
    )
    assert len(jobs) == 8

    reports = run_together(
        _dispatch, lambda n: (database_location, jobs[n][0].__name__, jobs[n][1]), 8
    )
    errors = [r for r in reports if isinstance(r, str) and r != "ok"]
    assert errors == []
    watched = [r[1] for r in reports if isinstance(r, tuple) and r[0] == "watched"]
    assert watched == [[]]  # no operator seen over its limit at any sample
    imported = sum(r[1] for r in reports if isinstance(r, tuple) and r[0] == "ok")

    check = open_crm(database_location)
    try:
        operators = {o.name: o for o in check.operators.list()}
        assert all(o.load <= o.max_load for o in operators.values()), operators
        leads = check.leads.search()
        contacts = [c for lead in leads for c in lead.contacts]
        # Every contact handed in is stored once: registered ones by their key, imported
        # ones by their row (a shared lead collects several contacts, never two leads).
        assert len(contacts) == REGISTRARS * PER_REGISTRAR + imported
        assert imported == IMPORTERS * (PER_FILE + 10)
        ids = Counter(lead.external_id for lead in leads)
        assert max(ids.values()) == 1  # no lead stored twice
        for f in range(IMPORTERS):
            assert e164(10_000 * (f + 1)) in ids
        assert len({c.id for c in contacts}) == len(contacts)
        # Everything that waits, waits because nobody eligible had room.
        assert all(c.operator is not None or not c.is_active or c.reason for c in contacts)
    finally:
        check.close()


def _dispatch(location, name, arg, barrier, results):
    """Each worker reports exactly once, also when it fails before the start (the
    others then stop waiting at the barrier instead of hanging)."""
    work = {"_register": _register, "_import": _import, "_close": _close, "_watch": _watch}
    try:
        work[name](location, arg, _Start(barrier), results)
    except Exception as error:
        results.put(repr(error))


class _Start:
    def __init__(self, barrier):
        self._barrier = barrier

    def wait(self):
        self._barrier.wait(timeout=60)


def test_single_registrations_get_consecutive_ids(crm):
    """Ids come from the backend (PostgreSQL: the sequence) a block at a time, but a
    transaction that adds one contact reserves one id: no gaps between single ones."""
    crm.operators.create("Анна", max_load=10)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    ids = [
        crm.contacts.register(ContactRequest(f"+7900000{n:04d}", "site")).contact.id
        for n in range(5)
    ]
    assert ids == list(range(ids[0], ids[0] + 5))
