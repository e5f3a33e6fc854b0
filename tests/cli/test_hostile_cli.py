"""What a hostile tester found on the command line (issue 13's hostile pass): values that
start with '-', options given twice, streams that cannot be written, connection strings
that hold secrets, look-alike sources, machine-relative time zones, file names that are
not UTF-8, and a few smaller refusals."""

from __future__ import annotations

import pytest

from tests.cli.helpers import assert_user_error

# -- a value starting with '-' is the option's value ---------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--message", "-Здравствуйте, перезвоните", "message"),
        ("--message", "-Здравствуйте", "message"),
        ("--message", "--", "message"),
        ("--message", "-x=5", "message"),
        ("--message", "--lead=abc", "message"),
        ("--name", "-Вася-", "name"),
        ("--mess", "-Привет", "message"),  # argparse's abbreviation, glued the same
    ],
)
def test_a_value_starting_with_a_dash_is_the_options_value(run_json, seeded, option, value, field):
    contact = run_json("contact", "add", "--lead", "+79001112233", "--source", "tg", option, value)
    got = contact["message"] if field == "message" else contact["lead"]["name"]
    assert got == value


def test_a_lead_id_starting_with_a_dash(run_json, seeded):
    contact = run_json("contact", "add", "--lead", "-abc", "--source", "tg")
    assert contact["lead"]["external_id"] == "-abc"


def test_a_global_option_value_starting_with_a_dash(run_raw, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_raw("--db", "-odd.sqlite3", "source", "add", "tg")
    assert result.code == 0, result
    assert (tmp_path / "-odd.sqlite3").exists()


def test_an_option_string_after_an_option_is_still_an_option(run, seeded):
    # "--source" is one of the parser's options: --message has no value (one line, exit 2)
    message = assert_user_error(run("contact", "add", "--lead", "x", "--message", "--source", "tg"))
    assert "--message" in message
    assert "expected one argument" in message


@pytest.mark.parametrize(
    "argv",
    [
        ("bogus",),
        ("contact", "add", "--bogus"),
        ("contact", "show", "x"),
        ("operator", "set", "bob", "--active", "--inactive"),
        ("contact", "add", "--lead", "u"),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_a_usage_error_is_one_line_naming_the_help(run, seeded, argv):
    message = assert_user_error(run(*argv))
    assert "--help" in message


# -- a single-value option given twice ---------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("contact", "add", "--lead", "a", "--lead", "b", "--source", "tg"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--key", "k1", "--key", "k2"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--source", "site"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--lead=b"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--le", "b"),
        ("operator", "add", "x", "--max-load", "1", "--max-load", "2"),
        ("source", "set", "tg", "--strategy", "round_robin", "--strategy", "least_loaded"),
        ("--as", "a", "contact", "add", "--lead", "a", "--source", "tg", "--as", "b"),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_a_single_value_option_given_twice_is_refused(run, seeded, argv):
    before = run("--json", "leads").out
    message = assert_user_error(run(*argv))
    assert "twice" in message
    assert run("--json", "leads").out == before


def test_db_given_twice_is_refused_and_writes_to_neither(run_raw, tmp_path):
    first, second = tmp_path / "g1.sqlite3", tmp_path / "g2.sqlite3"
    result = run_raw("--db", first, "source", "add", "tg", "--db", second)
    message = assert_user_error(result)
    assert "--db" in message
    assert not first.exists() and not second.exists()


def test_options_meant_to_repeat_still_repeat(run_json, seeded, services):
    with services() as crm:
        crm.operators.update("alice", skills="ru,kz")
    contact = run_json(
        "contact", "add", "--lead", "t", "--source", "tg", "--tag", "ru", "--tag", "kz"
    )
    assert contact["operator"]["name"] == "alice"
