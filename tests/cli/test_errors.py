"""User errors (exit 2), a busy database (exit 3), argparse, help; nothing written on failure."""

from __future__ import annotations

import contextlib
import io
import json
import time

import pytest

from desktop_crm.app import main
from desktop_crm.cli import output
from tests.cli.helpers import PRINT_JSON, assert_user_error, count, snapshot, write_lock

HUGE = str(10**20)  # does not fit SQLite's 64-bit INTEGER

# (argv, a fragment of the message); run against the `seeded` database.
USER_ERRORS = [
    (("operator", "add", "alice"), "already exists"),
    (("operator", "add", "   "), "must not be empty"),
    (("operator", "add", "x", "--max-load", "-1"), "negative"),
    (("operator", "add", "x" * 201), "longer than"),
    (("operator", "show", "nobody"), "No operator 'nobody'"),
    (("operator", "show", "999"), "No operator '999'"),
    (("operator", "show", ""), "No operator"),
    (("operator", "set", "nobody", "--max-load", "3"), "No operator"),
    (("operator", "set", "bob", "--name", "alice"), "already exists"),
    (("operator", "set", "bob", "--name", ""), "must not be empty"),
    (("operator", "set", "bob", "--max-load", "-2"), "negative"),
    (("operator", "delete", "nobody"), "No operator"),
    (("source", "add", "Сайт"), "already exists"),
    (("source", "add", "New", "--code", "tg"), "already exists"),
    (("source", "add", "New", "--code", "123"), "not only digits"),
    (("source", "add", "New", "--code", "a b"), "without spaces"),
    (("source", "add", ""), "must not be empty"),
    (("source", "show", "nope"), "No source 'nope'"),
    (("source", "show", "99"), "No source '99'"),
    (("source", "set", "site", "--name", "Telegram bot"), "already exists"),
    (("source", "set", "site", "--code", "tg"), "already exists"),
    (("source", "set", "nope", "--name", "x"), "No source"),
    (("source", "delete", "nope"), "No source"),
    (("source", "weights", "nope", "alice=1"), "No source"),
    (("contact", "add", "--lead", "u", "--source", "nope"), "No source 'nope'"),
    (("contact", "add", "--lead", "", "--source", "tg"), "must not be empty"),
    (("contact", "add", "--lead", "   ", "--source", "tg"), "must not be empty"),
    (("contact", "add", "--lead", "u", "--source", "tg", "--key", ""), "idempotency key"),
    (("contact", "add", "--lead", "u" * 256, "--source", "tg"), "longer than"),
    (("contact", "show", "999"), "No contact #999"),
    (("contact", "show", "-1"), "No contact #-1"),
    (("contact", "close", "999"), "No contact"),
    (("contact", "reopen", "999"), "No contact"),
    (("leads", "--limit", "-1"), "negative"),
    (("settings", "--phone-region", "XX"), "phone region"),
]


@pytest.mark.parametrize(("argv", "fragment"), USER_ERRORS, ids=lambda v: " ".join(v)[:40])
def test_user_error_exits_2_with_one_line_and_writes_nothing(run, seeded, db_path, argv, fragment):
    before = snapshot(db_path)
    message = assert_user_error(run(*argv))
    assert fragment in message
    assert snapshot(db_path) == before


def test_an_unknown_source_creates_no_lead(run, run_json, seeded, db_path):
    assert_user_error(run("contact", "add", "--lead", "new-lead", "--source", "nope"))
    assert count(db_path, "lead") == 1
    assert run_json("leads", "--search", "new-lead") == []


def test_an_error_in_json_mode_is_still_one_line_on_stderr(run, seeded):
    assert "No source" in assert_user_error(run("--json", "source", "show", "nope"))


HUGE_NUMBERS = [
    ("contact", "show", HUGE),
    ("contact", "close", HUGE),
    ("operator", "show", HUGE),
    ("source", "show", HUGE),
    ("operator", "add", "big", "--max-load", HUGE),
    ("operator", "set", "bob", "--max-load", HUGE),
    ("source", "weights", "tg", f"alice={HUGE}"),
]


@pytest.mark.parametrize("argv", HUGE_NUMBERS, ids=lambda v: " ".join(v[:2]))
def test_a_huge_number_is_a_user_error(run, seeded, db_path, argv):
    before = snapshot(db_path)
    assert_user_error(run(*argv))
    assert snapshot(db_path) == before


def test_an_undecodable_argument_is_a_user_error(run, seeded):
    name = "Телеграм".encode().decode("ascii", "surrogateescape")
    assert_user_error(run("source", "show", name))


ARGPARSE_ERRORS = [
    ("operator", "add"),
    ("operator", "add", "x", "--max-load", "many"),
    ("operator", "set", "bob", "--active", "--inactive"),
    ("operator",),
    ("contact", "show", "x"),
    ("contact", "show"),
    ("contact", "add", "--lead", "u"),
    ("contact", "add", "--source", "tg"),
    ("leads", "--limit", "two"),
    ("bogus",),
    ("operator", "list", "--bogus"),
]


@pytest.mark.parametrize("argv", ARGPARSE_ERRORS, ids=lambda v: " ".join(v))
def test_malformed_arguments_exit_2_with_one_line(run, seeded, db_path, argv):
    before = snapshot(db_path)
    message = assert_user_error(run(*argv))  # one line, not argparse's usage block
    assert message.endswith(" --help`")
    assert snapshot(db_path) == before


def test_a_malformed_argument_does_not_even_create_the_database(run, db_path):
    assert run("operator", "add", "x", "--max-load", "many").code == 2
    assert not db_path.exists()


def test_help_without_a_command(run_raw):
    result = run_raw("--help")
    assert result.code == 0
    assert result.out.startswith("usage: desktop-crm")
    for command in ("operator", "source", "contact", "leads", "stats", "settings"):
        assert command in result.out
    assert "--db" in result.out
    assert "--json" in result.out


def test_help_of_a_command(run_raw):
    result = run_raw("source", "weights", "--help")
    assert result.code == 0
    assert "OPERATOR=WEIGHT" in result.out


def test_version(run_raw):
    result = run_raw("--version")
    assert result.code == 0
    assert result.out.startswith("desktop-crm ")


# --- a busy database: exit 3, nothing written ---------------------------------

BUSY_WRITES = [
    ("operator", "add", "carol"),
    ("operator", "set", "bob", "--max-load", "5"),
    ("source", "weights", "tg"),
    ("contact", "add", "--lead", "u", "--source", "tg", "--key", "k"),
    ("contact", "close", "1"),
    ("settings", "--phone-region", "KZ"),
]


@pytest.mark.parametrize("argv", BUSY_WRITES, ids=lambda v: " ".join(v[:2]))
def test_a_busy_database_exits_3_and_writes_nothing(run, seeded, db_path, fast_busy, argv):
    before = snapshot(db_path)
    started = time.monotonic()
    with write_lock(db_path):
        result = run(*argv)
    assert time.monotonic() - started < 3  # the patched timeout, not the default 5 s
    message = assert_user_error(result, code=3)
    assert "try again" in message.lower()
    assert snapshot(db_path) == before
    assert run(*argv).code == 0  # once the lock is gone the same command works


def test_reading_while_another_process_writes(run, seeded, db_path, fast_busy):
    with write_lock(db_path):
        result = run("--json", "operator", "list")
    assert result.code == 0
    assert [o["name"] for o in json.loads(result.out)] == ["alice", "bob", "Иван"]


def test_json_follows_a_redirected_stdout(seeded, db_path, monkeypatch):
    monkeypatch.setattr(output, "print_json", PRINT_JSON)  # the product's, not the shim
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["--db", str(db_path), "--json", "operator", "list"])
    assert code == 0
    assert json.loads(buffer.getvalue())[0]["name"] == "alice"
