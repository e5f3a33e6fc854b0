"""The PostgreSQL backend: locations, opening, migrations (exactly once), foreign databases."""

from __future__ import annotations

import threading

import pytest

from desktop_crm.db.location import (
    DatabaseLocation,
    hide_password,
    parse_location,
    resolve_location,
    url_for_role,
)
from desktop_crm.db.storage import SCHEMA_VERSION, known_migrations, open_storage
from desktop_crm.errors import DatabaseOpenError, SqliteOnly
from desktop_crm.services import open_crm
from tests.processes import run_together

SECRET = "s3cr3t-pw"


# -- locations (no server needed) -------------------------------------------------------------
@pytest.mark.parametrize(
    "given",
    [
        f"postgresql://anna:{SECRET}@db.example/crm",
        f"postgres://anna:{SECRET}@db.example/crm",
        f"postgresql://anna@db.example/crm?password={SECRET}&sslmode=require",
    ],
)
def test_a_postgresql_url_is_shown_without_its_password(given):
    location = parse_location(given)
    assert location.kind == "postgresql"
    assert location.url.startswith("postgresql://")
    assert SECRET in location.url  # libpq gets it as given
    for shown in (str(location), location.display, repr(location), f"{location}"):
        assert SECRET not in shown
    assert str(location).startswith("postgresql://anna@db.example/crm")


def test_database_url_may_name_a_postgresql_database():
    location = resolve_location(None, {"DATABASE_URL": "postgresql://anna@host/crm"})
    assert location.kind == "postgresql" and str(location) == "postgresql://anna@host/crm"
    assert not location.is_missing()


@pytest.mark.parametrize(
    "given",
    [
        "postgresql://anna@host",
        "postgresql://anna@host/",
        "postgresql://h:port/crm",
        "postgresql://anna@h1:5432,h2:port/crm",
        "postgresql://anna@/crm?host=h1,h2&port=5432,x",
    ],
)
def test_a_bad_postgresql_url_is_a_clear_error(given):
    with pytest.raises(DatabaseOpenError) as caught:
        parse_location(given)
    assert "postgresql://" in str(caught.value)


def test_file_operations_on_a_server_database_say_they_need_a_file():
    location = parse_location(f"postgresql://anna:{SECRET}@host/crm")
    with pytest.raises(SqliteOnly) as caught:
        _ = location.path
    assert "SQLite file only" in str(caught.value) and SECRET not in str(caught.value)


def test_a_sqlite_location_is_unchanged(tmp_path):
    location = DatabaseLocation(tmp_path / "crm.sqlite3")
    assert location.kind == "sqlite" and location.path == tmp_path / "crm.sqlite3"
    assert str(location) == str(tmp_path / "crm.sqlite3")
    assert location.is_missing()


# -- a real server ----------------------------------------------------------------------------
def _history(server, database):
    return [row[0] for row in server.execute("SELECT name FROM schema_migration", database)]


def _name(url):
    return url.split("?")[0].rsplit("/", 1)[1]


def test_a_new_database_is_migrated_and_works(pg_server, pg_empty_url):
    crm = open_crm(DatabaseLocation.postgresql(pg_empty_url))
    try:
        crm.operators.create("Анна", max_load=2)
        crm.sources.create("Telegram", code="tg")
        assert [o.name for o in crm.operators.list()] == ["Анна"]
    finally:
        crm.close()
    assert sorted(_history(pg_server, _name(pg_empty_url))) == known_migrations()
    assert len(known_migrations()) == SCHEMA_VERSION
    again = open_crm(DatabaseLocation.postgresql(pg_empty_url))  # up to date: nothing to do
    try:
        assert [o.name for o in again.operators.list()] == ["Анна"]
    finally:
        again.close()
    assert len(_history(pg_server, _name(pg_empty_url))) == SCHEMA_VERSION


def _open_at_once(url, barrier, results):
    barrier.wait()
    try:
        crm = open_crm(DatabaseLocation.postgresql(url))
        crm.operators.list()
        crm.close()
        results.put("ok")
    except Exception as error:  # reported to the test, which shows it
        results.put(repr(error))


def test_clients_opening_a_fresh_database_at_once_migrate_it_exactly_once(pg_server, pg_empty_url):
    reports = run_together(_open_at_once, lambda _n: (pg_empty_url,), 4)
    assert reports == ["ok"] * 4
    history = _history(pg_server, _name(pg_empty_url))
    assert sorted(history) == known_migrations()  # each once: the names are unique


def test_a_database_of_another_program_is_refused_and_left_untouched(pg_server, pg_empty_url):
    database = _name(pg_empty_url)
    pg_server.execute("CREATE TABLE invoices (id serial PRIMARY KEY, total int)", database)
    with pytest.raises(DatabaseOpenError) as caught:
        open_storage(DatabaseLocation.postgresql(pg_empty_url))
    assert "another program" in str(caught.value)
    tables = pg_server.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", database
    )
    assert tables == [("invoices",)]


def test_a_database_from_a_newer_version_is_refused(pg_server, pg_url):
    pg_server.execute(
        "INSERT INTO schema_migration (name, applied) VALUES ('9999_future', now())",
        _name(pg_url),
    )
    with pytest.raises(DatabaseOpenError) as caught:
        open_storage(DatabaseLocation.postgresql(pg_url))
    assert "9999_future" in str(caught.value) and "update the program" in str(caught.value)


def test_a_server_that_is_down_is_one_clear_error_without_the_password(pg_server):
    url = f"postgresql://anna:{SECRET}@/crm?host={pg_server.socket_dir}/nowhere"
    with pytest.raises(DatabaseOpenError) as caught:
        open_storage(parse_location(url))
    message = str(caught.value)
    assert message.startswith("Cannot reach postgresql://anna@/crm")
    assert caught.value.exit_code == 3  # try again
    assert SECRET not in message and "\n" not in message


def _claim_in_another_connection(storage, name):
    """Claim ``name`` from a thread of its own (its own connection), then let go."""
    seen = []

    def claim():
        try:
            with storage.job_claim(name) as claimed:
                seen.append(claimed)
        finally:
            storage.close_thread_connection()

    thread = threading.Thread(target=claim)
    thread.start()
    thread.join(timeout=30)
    return seen


def test_a_job_claim_is_an_advisory_lock_held_while_the_job_runs(pg_url):
    storage = open_storage(DatabaseLocation.postgresql(pg_url))
    try:
        with storage.job_claim("import:abc") as claimed:
            assert claimed
            assert _claim_in_another_connection(storage, "import:abc") == [False]
            assert _claim_in_another_connection(storage, "import:other") == [True]
        assert _claim_in_another_connection(storage, "import:abc") == [True]  # released
    finally:
        storage.close()


# -- Cancel while a batch waits for another client's row locks ---------------------------------
def test_cancel_stops_a_drain_waiting_for_another_clients_locks(pg_url):
    """Another client holds the operators' rows (a long transaction); the drain's batch
    waits for them. Cancel must end the wait at once (not after the 60 s job wait), with
    the batch written nothing."""
    import psycopg

    from desktop_crm.services.contacts import ContactRequest

    crm = open_crm(DatabaseLocation.postgresql(pg_url))
    holder = psycopg.connect(pg_url)
    try:
        crm.operators.create("Анна", max_load=0)
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("site", {"Анна": 1})
        for i in range(3):
            crm.contacts.register(ContactRequest(f"lead{i}", "site"))
        crm.queue.set_auto(False)
        crm.operators.update("Анна", max_load=3)
        holder.execute('SELECT id FROM "operator" FOR UPDATE')  # held until rollback
        waiting = threading.Event()
        calls = []

        def cancelled() -> bool:
            calls.append(1)
            if len(calls) > 1:  # asked while the batch waits
                waiting.set()
            return len(calls) > 20

        crm.storage.job_wait = 60.0
        result = crm.queue.drain(cancelled=cancelled)
        assert waiting.is_set()
        assert (result.assigned, result.batches, result.cancelled) == (0, 0, True)
    finally:
        holder.rollback()
        holder.close()
    assert len(crm.queue.unassigned()) == 3  # nothing was written
    assert crm.queue.drain().assigned == 3  # and the next drain goes through
    crm.close()


@pytest.mark.parametrize(
    "given",
    [
        "postgresql://anna:p%40ss%2Fw%3Ard%20x@db.example/crm",
        "postgresql://anna@db.example:5432/crm?user=anna@corp&sslmode=require",
        "postgresql://db.example:5432/crm?user=anna@corp",
        "postgresql://anna@/crm?host=/var/run/postgresql",
        # several hosts, as libpq tries them in turn (a primary and its standby)
        "postgresql://anna@db1.example:5432,db2.example:5433/crm",
        "postgresql://anna@db1.example,db2.example/crm?target_session_attrs=read-write",
        "postgresql://anna@/crm?host=db1.example,db2.example&port=5432,5433",
    ],
)
def test_a_well_formed_url_with_encoded_or_query_characters_is_accepted(given):
    assert parse_location(given).kind == "postgresql"


def test_every_form_of_the_password_is_hidden_in_a_message():
    url = "postgresql://anna:p%40ss%20w@db.example/crm?password=q%2Fx"
    text = "bad p%40ss%20w, p@ss w, p%40ss%20w; q%2Fx, q/x, q%2Fx"
    hidden = hide_password(text, url)
    for form in ("p@ss", "p%40ss", "q/x", "q%2Fx"):
        assert form not in hidden
    assert hidden.startswith("bad ***")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://anna:s3cr3t@db.example:5433/crm", "postgresql://owner@db.example:5433/crm"),
        ("postgres://db.example/crm?user=anna&sslmode=require", "postgres://owner@db.example/crm?sslmode=require"),
        ("postgresql:///crm?host=/run/pg&password=s3cr3t", "postgresql://owner@/crm?host=/run/pg"),
    ],
)  # fmt: skip
def test_the_url_for_another_role_names_it_and_holds_no_password(given, expected):
    assert url_for_role(given, "owner") == expected


@pytest.mark.parametrize(
    "message",
    [
        "connection failed: FATAL:  sorry, too many clients already",
        'FATAL:  too many connections for role "reader"',
        "FATAL:  remaining connection slots are reserved for non-replication superuser connections",
        "FATAL:  the database system is starting up",
        "FATAL:  the database system is shutting down",
        "FATAL:  the database system is not yet accepting connections",
        "FATAL:  the database system is in recovery mode",
    ],
)
def test_a_server_starting_stopping_or_full_is_away_not_refused(message):
    """psycopg gives these no SQLSTATE at connect time: the words tell them (exit 3)."""
    from desktop_crm.db.postgres_storage import _unreachable
    from desktop_crm.errors import ServerUnreachable

    error = _unreachable(DatabaseLocation.postgresql("postgresql://anna@/crm"), Exception(message))
    assert isinstance(error, ServerUnreachable) and error.exit_code == 3


@pytest.mark.parametrize(
    "message",
    [
        'FATAL:  password authentication failed for user "anna"',
        'FATAL:  database "crm" does not exist',
        'FATAL:  role "anna" does not exist',
        'could not translate host name "nosuch.invalid" to address: Name or service not known',
        'FATAL:  pg_hba.conf rejects connection for host "127.0.0.1", user "rejected"',
    ],
)
def test_a_wrong_address_role_or_database_is_refused(message):
    from desktop_crm.db.postgres_storage import _unreachable
    from desktop_crm.errors import ServerUnreachable

    error = _unreachable(DatabaseLocation.postgresql("postgresql://anna@/crm"), Exception(message))
    assert not isinstance(error, ServerUnreachable) and error.exit_code == 2
