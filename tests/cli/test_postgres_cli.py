"""The command line on a PostgreSQL database: --db and DATABASE_URL, a server that is down,
and the password never printed nor logged."""

from __future__ import annotations

import json

import pytest

from desktop_crm.logs import log_path
from tests.cli.helpers import assert_user_error

SECRET = "s3cr3t-pw"


def _with_password(url: str) -> str:
    # Trust authentication ignores the password; it must still never show.
    return url.replace("postgresql://postgres@", f"postgresql://postgres:{SECRET}@")


def test_commands_run_on_a_postgresql_url(run_raw, pg_url):
    url = _with_password(pg_url)
    assert run_raw("--db", url, "operator", "add", "Анна", "--max-load", "2").code == 0
    assert run_raw("--db", url, "source", "add", "Telegram", "--code", "tg").code == 0
    assert run_raw("--db", url, "source", "weights", "tg", "Анна=1").code == 0
    added = run_raw(
        "--db", url, "--json", "contact", "add", "--lead", "+79001234567", "--source", "tg"
    )
    assert added.code == 0, added
    assert json.loads(added.out)["operator"]["name"] == "Анна"
    listed = run_raw("--db", url, "--json", "operator", "list")
    assert [(o["name"], o["load"]) for o in json.loads(listed.out)] == [("Анна", 1)]
    for result in (added, listed):
        assert SECRET not in result.out + result.err


def test_database_url_names_a_postgresql_database(run_raw, pg_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", pg_url.replace("postgresql://", "postgres://"))
    assert run_raw("operator", "add", "alice").code == 0
    assert [o["name"] for o in json.loads(run_raw("--json", "operator", "list").out)] == ["alice"]


def test_a_server_that_is_down_is_one_line_exit_3_without_the_password(run_raw, pg_server):
    """Down, or not there yet: try again (a bot told 2, "refused", would drop its message)."""
    url = f"postgresql://anna:{SECRET}@/crm?host={pg_server.socket_dir}/gone"
    line = assert_user_error(run_raw("--db", url, "operator", "list"), code=3)
    assert "Cannot reach postgresql://anna@/crm" in line and SECRET not in line
    assert "Try again" in line
    answer = run_raw("--db", url, "contact", "add", "--jsonl")  # the pipe: before a line
    assert answer.code == 3 and "Cannot reach" in answer.err, answer


def test_a_database_that_does_not_exist_is_a_users_error_exit_2(run_raw, pg_server):
    url = f"postgresql://postgres@/no_such_crm?host={pg_server.socket_dir}"
    line = assert_user_error(run_raw("--db", url, "operator", "list"))
    assert "Cannot open postgresql://postgres@/no_such_crm" in line and "does not exist" in line
    # The log file opens with its first record: a user's error may leave none.
    assert not log_path().exists() or SECRET not in log_path().read_text(encoding="utf-8")


def test_file_commands_on_a_server_database_say_they_need_a_file(run_raw, pg_url, tmp_path):
    url = _with_password(pg_url)
    for argv in (
        ("check",),
        ("backup", tmp_path / "b.sqlite3"),
        ("backups",),
        ("restore", tmp_path / "x"),
    ):
        line = assert_user_error(run_raw("--db", url, *argv))
        assert "SQLite file only" in line and "pg_dump" in line and SECRET not in line


def _nowhere(result, *secrets: str) -> str:
    """One clear line, exit 2, and no form of the password on stderr nor in the log."""
    line = assert_user_error(result)
    logged = log_path().read_text(encoding="utf-8") if log_path().exists() else ""
    for secret in secrets:
        assert secret not in line and secret not in logged, (secret, line)
    return line


@pytest.mark.parametrize(
    ("userinfo", "query", "secrets"),
    [
        ("disp:SECRET%ZZ", "", ("SECRET",)),
        ("disp", "&password=SECRET%ZQ", ("SECRET",)),
        ("disp:SECRET T", "", ("SECRET",)),
    ],
)
def test_a_password_libpq_cannot_parse_is_a_clear_error_and_never_shown(
    run_raw, pg_server, userinfo, query, secrets
):
    url = f"postgresql://{userinfo}@/crm?host={pg_server.socket_dir}{query}"
    line = _nowhere(run_raw("--db", url, "operator", "list"), *secrets)
    assert "postgresql://disp@" in line or "percent-encoded" in line


@pytest.mark.parametrize(
    ("url", "secrets"),
    [
        ("postgresql://disp:p@ss:w/o%rd#1@127.0.0.1:55432/crm", ("p@ss", "ss:w", "o%rd", "rd#1")),
        ("postgresql://user:pa@ss@host/db", ("pa@ss", "ss@host")),
        ("postgresql://user:pa/ss@host/db", ("pa/ss", "ss@host")),
        ("postgresql://user:pa#ss@host/db", ("pa#ss", "ss@host")),
    ],
)
def test_a_password_with_unencoded_special_characters_is_never_echoed(run_raw, url, secrets):
    line = _nowhere(run_raw("--db", url, "operator", "list"), *secrets)
    assert "must be percent-encoded" in line and "%40" in line


@pytest.mark.parametrize("query", ["bogusparam=1", "connect_timeout=x"])
def test_a_bad_query_parameter_is_a_clear_error(run_raw, pg_server, query):
    url = f"postgresql://disp:{SECRET}@/crm?host={pg_server.socket_dir}&{query}"
    line = _nowhere(run_raw("--db", url, "operator", "list"), SECRET)
    assert query.split("=")[0] in line


def test_a_read_only_role_writing_is_permission_denied_nothing_written(run_raw, pg_url, pg_server):
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    pg_server.execute("DROP ROLE IF EXISTS reader; CREATE ROLE reader LOGIN")
    pg_server.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader", database)
    try:
        url = pg_url.replace("postgresql://postgres@", "postgresql://reader@")
        line = assert_user_error(run_raw("--db", url, "operator", "add", "Zed"))
        assert "permission denied" in line.lower() and "nothing was written" in line
        assert run_raw("--db", pg_url, "--json", "operator", "list").out.strip() == "[]"
    finally:
        pg_server.execute("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM reader", database)
        pg_server.execute("DROP ROLE reader")


def test_a_url_of_several_hosts_is_read_as_libpq_reads_it(run_raw, pg_url, pg_server):
    """A primary and its standby in one URL: libpq tries the hosts in turn (the first
    here is not there); the URL's check refused the list as a bad port."""
    url = pg_url.replace(
        f"host={pg_server.socket_dir}",
        f"host={pg_server.socket_dir}/gone,{pg_server.socket_dir}&port=5432,5432",
    )
    assert url != pg_url
    assert run_raw("--db", url, "operator", "add", "alice").code == 0
    assert [
        o["name"] for o in json.loads(run_raw("--db", url, "--json", "operator", "list").out)
    ] == ["alice"]


@pytest.mark.parametrize(
    "argv", [("leads",), ("operator", "list"), ("lead", "erase", "+79005550003")], ids=" ".join
)
def test_a_table_locked_by_another_client_is_busy_after_the_wait(run_raw, pg_url, fast_busy, argv):
    """A read (and an erasure's read first) waited for ever behind another client's
    table lock (a VACUUM FULL, a migration); a change gave exit 3 after the wait."""
    import psycopg

    assert run_raw("--db", pg_url, "source", "add", "web").code == 0
    added = run_raw("--db", pg_url, "contact", "add", "--lead", "+79005550003", "--source", "web")
    assert added.code == 0, added
    with psycopg.connect(pg_url) as locker:
        locker.execute("LOCK TABLE lead, operator IN ACCESS EXCLUSIVE MODE")
        result = run_raw("--db", pg_url, *argv)
        locker.rollback()
    line = assert_user_error(result, code=3)
    assert "busy" in line, line
