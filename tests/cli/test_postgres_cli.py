"""The command line on a PostgreSQL database: --db and DATABASE_URL, a server that is down,
and the password never printed nor logged."""

from __future__ import annotations

import json

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


def test_a_server_that_is_down_is_one_line_exit_2_without_the_password(run_raw, pg_server):
    url = f"postgresql://anna:{SECRET}@/crm?host={pg_server.socket_dir}/gone"
    line = assert_user_error(run_raw("--db", url, "operator", "list"))
    assert "Cannot open postgresql://anna@/crm" in line and SECRET not in line
    assert SECRET not in log_path().read_text(encoding="utf-8")


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
