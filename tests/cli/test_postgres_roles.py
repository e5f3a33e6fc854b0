"""PostgreSQL roles that may not do everything (defect 8 of the PG report): a role with
SELECT only reads a current schema with every read command and is told, for a change,
that it may not write; an empty or older schema it may not create or upgrade is
refused with the command its owner runs to do it. Real roles on the throwaway server."""

from __future__ import annotations

import io
import itertools
import json
import os
import sys
from collections.abc import Iterator

import peewee as pw
import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.storage import MIGRATIONS_DIR, SCHEMA_VERSION, known_migrations
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.cli.helpers import assert_user_error

_roles = itertools.count(1)


def _name(url: str) -> str:
    return url.split("?")[0].rsplit("/", 1)[1]


def _role(url: str) -> str:
    return url.split("//")[1].split("@")[0]


@pytest.fixture
def make_role(pg_server) -> Iterator:
    """make_role(url, *grants) -> the URL of ``url``'s database for a new login role
    given ``grants`` there (SQL after "GRANT ", or an "ALTER ROLE {role} ..."; "{role}"
    in them replaced)."""
    made: list[tuple[str, str]] = []

    def make(url: str, *grants: str) -> str:
        role = f"clerk_{os.getpid()}_{next(_roles)}"
        pg_server.execute(f"CREATE ROLE {role} LOGIN")
        made.append((role, _name(url)))
        for grant in grants:
            statement = grant.format(role=role)
            if not statement.startswith("ALTER ROLE "):
                statement = f"GRANT {statement}"
            pg_server.execute(statement, _name(url))
        return pg_server.url(_name(url), user=role)

    yield make
    for role, database in made:
        pg_server.execute(f"DROP OWNED BY {role}", database)
        pg_server.execute(f"DROP ROLE {role}")


READ_ONLY = "SELECT ON ALL TABLES IN SCHEMA public TO {role}"


@pytest.fixture
def team(pg_url) -> str:
    """Its owner's database: Анна, two sources, one contact with her, one waiting."""
    crm = open_crm(DatabaseLocation.postgresql(pg_url))
    try:
        crm.operators.create("Анна", max_load=1)
        crm.sources.create("Сайт", code="site")
        crm.sources.create("Бот", code="bot")
        crm.sources.set_weights("site", {"Анна": 1})
        crm.contacts.register(ContactRequest("a@b.cc", "site", message="привет"))
        crm.contacts.register(ContactRequest("c@d.ee", "bot", message="ждёт"))
    finally:
        crm.close()
    return pg_url


def _state(run_raw, url: str) -> list[str]:
    """Everything the owner sees, to show that nothing changed."""
    return [
        run_raw("--db", url, "--json", *argv).out
        for argv in (
            ("operator", "list"),
            ("source", "list"),
            ("leads",),
            ("queue", "list"),
            ("settings",),
            ("log",),
        )
    ]


READS = [
    ("operator", "list"),
    ("operator", "show", "Анна"),
    ("source", "list"),
    ("source", "show", "site"),
    ("contact", "show", "1"),
    ("leads",),
    ("leads", "--search", "a@b.cc"),
    ("stats",),
    ("queue", "list"),
    ("settings",),
    ("log",),
]


@pytest.mark.parametrize("argv", READS, ids=" ".join)
def test_a_select_only_role_runs_every_read_command_on_a_current_schema(
    run_raw, team, make_role, argv
):
    reader = make_role(team, READ_ONLY)
    owner = run_raw("--db", team, "--json", *argv)
    assert owner.code == 0, owner
    result = run_raw("--db", reader, "--json", *argv)
    assert (result.code, result.out, result.err) == (0, owner.out, ""), result


def test_a_select_only_role_exports(run_raw, team, make_role, tmp_path):
    reader = make_role(team, READ_ONLY)
    for what in ("leads", "contacts", "stats"):
        ours, theirs = tmp_path / f"{what}-owner.csv", tmp_path / f"{what}-reader.csv"
        assert run_raw("--db", team, "export", what, ours).code == 0
        result = run_raw("--db", reader, "export", what, theirs)
        assert result.code == 0, result
        assert theirs.read_bytes() == ours.read_bytes()


WRITES = [
    ("operator", "add", "Борис"),
    ("operator", "set", "Анна", "--max-load", "5"),
    ("source", "weights", "bot", "Анна=1"),
    ("contact", "add", "--lead", "x@y.zz", "--source", "site", "--key", "k1"),
    ("contact", "close", "1"),
    ("queue", "distribute"),
    ("settings", "--phone-region", "KZ"),
    ("lead", "erase", "a@b.cc"),
]


@pytest.mark.parametrize("argv", WRITES, ids=" ".join)
def test_a_select_only_role_is_told_it_may_not_write_and_nothing_changes(
    run_raw, team, make_role, argv
):
    roomy = run_raw("--db", team, "operator", "set", "Анна", "--max-load", "2")
    assert roomy.code == 0, roomy  # room for the waiting contact: distribute would write
    reader = make_role(team, READ_ONLY)
    role = _role(reader)
    before = _state(run_raw, team)
    line = assert_user_error(run_raw("--db", reader, *argv))
    assert f"The database role {role} may not write to" in line, line
    assert "nothing was written" in line, line
    assert _state(run_raw, team) == before


def test_the_pipe_answers_each_line_of_a_select_only_role_with_code_2(
    run_raw, team, make_role, monkeypatch
):
    reader = make_role(team, READ_ONLY)
    before = _state(run_raw, team)
    lines = [{"lead": "x@y.zz", "source": "site", "key": "k1"}, {"lead": "z@y.zz", "source": "bot"}]
    stdin = io.TextIOWrapper(io.BytesIO(b"".join(json.dumps(x).encode() + b"\n" for x in lines)))
    monkeypatch.setattr(sys, "stdin", stdin)
    result = run_raw("--db", reader, "contact", "add", "--jsonl")
    assert result.code == 2, result
    answers = [json.loads(line) for line in result.out.splitlines()]
    assert [(a["line"], a["code"]) for a in answers] == [(1, 2), (2, 2)], answers
    assert all("may not write" in a["error"] for a in answers), answers
    assert _state(run_raw, team) == before


def _tables(pg_server, url: str) -> list[str]:
    rows = pg_server.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1", _name(url)
    )
    return [str(row[0]) for row in rows]


@pytest.mark.parametrize("argv", [("operator", "list"), ("stats",), ("operator", "add", "Анна")])
def test_an_empty_database_a_role_may_not_create_tables_in_says_who_creates_them_and_how(
    run_raw, pg_server, pg_empty_url, make_role, argv
):
    reader = make_role(pg_empty_url)  # PostgreSQL 15: no CREATE on public but for its owner
    line = assert_user_error(run_raw("--db", reader, *argv))
    assert "has no tables yet" in line and "may not create them" in line, line
    owner_url = pg_server.url(_name(pg_empty_url))  # the database's owner: postgres
    assert f"desktop-crm --db {owner_url} settings" in line, line
    assert _tables(pg_server, pg_empty_url) == []
    # Done as it says, the role reads.
    done = run_raw("--db", owner_url, "settings")
    assert done.code == 0, done
    pg_server.execute(f"GRANT {READ_ONLY.format(role=_role(reader))}", _name(pg_empty_url))
    assert run_raw("--db", reader, "operator", "list").code == 0


def _older(pg_server, url: str, applied: int) -> None:
    """The database as an older version left it: its first ``applied`` migrations."""
    from playhouse.migrations import Runner  # type: ignore[import-untyped]

    database = pw.PostgresqlDatabase(url, prefer_psycopg3=True)
    try:
        runner = Runner(database, directory=str(MIGRATIONS_DIR), table_name="schema_migration")
        runner.up(target=known_migrations()[applied - 1])
    finally:
        database.close()


@pytest.mark.parametrize(
    "grants",
    [
        (READ_ONLY,),
        (  # may write every row, but owns no table
            "CREATE ON SCHEMA public TO {role}",
            "SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
            "USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}",
        ),
        (READ_ONLY, "ALTER ROLE {role} SET default_transaction_read_only = on"),
    ],
    ids=["select only", "writer, not owner", "read-only transactions"],
)
def test_an_older_schema_a_role_may_not_upgrade_says_who_upgrades_it_and_how(
    run_raw, pg_server, pg_empty_url, make_role, grants
):
    older = SCHEMA_VERSION - 2
    _older(pg_server, pg_empty_url, older)
    clerk = make_role(pg_empty_url, *grants)
    tables = _tables(pg_server, pg_empty_url)
    for argv in (("operator", "list"), ("contact", "add", "--lead", "a@b.cc", "--source", "x")):
        line = assert_user_error(run_raw("--db", clerk, *argv))
        assert f"has schema version {older}; this version needs {SCHEMA_VERSION}" in line, line
        assert "may not upgrade it" in line, line
        assert f"desktop-crm --db {pg_server.url(_name(pg_empty_url))} settings" in line, line
    assert _tables(pg_server, pg_empty_url) == tables
    history = pg_server.execute("SELECT count(*) FROM schema_migration", _name(pg_empty_url))
    assert history == [(older,)]


def test_a_role_that_may_not_read_a_table_is_told_what_to_grant(
    run_raw, pg_server, team, make_role
):
    """A table added by an upgrade after the grant was given, say."""
    reader = make_role(team, READ_ONLY)
    role = _role(reader)
    pg_server.execute(f'REVOKE SELECT ON "operator" FROM {role}', _name(team))
    line = assert_user_error(run_raw("--db", reader, "operator", "list"))
    assert f"The database role {role} may not read" in line, line
    assert "permission denied for table operator" in line, line
    assert f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}" in line, line
