"""Identities on the command line: plain-digit numbers, `id:`/`name:`/`code:` references,
look-alike names, and table output that never lets a control character reach the terminal."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.cli.helpers import snapshot

NOT_PLAIN = ["1_000", "٥", "５", "+5", " 5", "5 ", "1e3", "0x10", "١٠"]


def plain_number_argvs():
    return [
        lambda n: ("operator", "add", "x", "--max-load", n),
        lambda n: ("operator", "set", "bob", "--max-load", n),
        lambda n: ("operator", "set", "bob", "--daily-cap", n),
        lambda n: ("operator", "back", "bob", "--absence", n),
        lambda n: ("contact", "show", n),
        lambda n: ("contact", "close", n),
        lambda n: ("contact", "reopen", n),
        lambda n: ("contact", "assign", n, "alice"),
        lambda n: ("contact", "answered", n),
        lambda n: ("queue", "list", "--limit", n),
        lambda n: ("leads", "--limit", n),
        lambda n: ("log", "--limit", n),
        lambda n: ("source", "weights", "tg", f"alice={n}"),
    ]


@pytest.mark.parametrize("number", NOT_PLAIN)
def test_numbers_are_plain_ascii_digits(run, seeded, db_path, number):
    before = snapshot(db_path)
    for build in plain_number_argvs():
        argv = build(number)
        result = run(*argv)
        assert result.code == 2, (argv, result)
        assert result.out == ""
        assert "Traceback" not in result.err
        assert "plain digits" in result.err, (argv, result.err)
    assert snapshot(db_path) == before


def test_copy_db_batch_is_plain_digits_too(run_raw, tmp_path):
    target = tmp_path / "copy.sqlite3"
    for number in NOT_PLAIN:
        argv = ("copy-db", "--from", tmp_path / "a.sqlite3", "--to", target, "--batch", number)
        result = run_raw(*argv)
        assert result.code == 2, (number, result)
        assert "plain digits" in result.err, (number, result.err)
    assert not target.exists()


def test_a_daily_cap_below_0_is_a_malformed_argument(run_error, run_json, seeded):
    for number in ("-1", "-0007"):
        message = run_error("operator", "set", "bob", "--daily-cap", number)
        assert "--daily-cap" in message and "0 or more" in message, message
        assert message.endswith("; see `desktop-crm operator set --help`"), message
    assert run_json("operator", "show", "bob")["daily_cap"] is None


def test_plain_numbers_still_work(run_json, seeded):
    assert run_json("operator", "add", "x", "--max-load", "007")["max_load"] == 7
    assert run_json("operator", "set", "x", "--daily-cap", "040")["daily_cap"] == 40
    assert run_json("operator", "set", "x", "--daily-cap", "0")["daily_cap"] == 0
    assert run_json("operator", "set", "x", "--daily-cap", "None")["daily_cap"] is None
    assert run_json("contact", "show", str(seeded["contact"]))["id"] == seeded["contact"]
    assert len(run_json("queue", "list", "--limit", "5")) == 0
    assert run_json("source", "weights", "tg", "alice=03")["operators"][0]["weight"] == 3


def test_an_operator_named_with_digits_is_reachable_by_name(run_json, run_error, seeded):
    numbered = run_json("operator", "add", "123", "--max-load", "1")
    assert run_json("operator", "show", "name:123")["id"] == numbered["id"]
    assert run_json("operator", "show", f"id:{numbered['id']}")["name"] == "123"
    assert "write name:123" in run_error("operator", "show", "123")  # digits are an id
    run_json("operator", "set", "name:123", "--max-load", "2")
    source = run_json("source", "weights", "tg", "name:123=5", f"id:{seeded['alice']}=1")
    assert {w["name"]: w["weight"] for w in source["operators"]} == {"123": 5, "alice": 1}
    contact = run_json("contact", "add", "--lead", "u1", "--source", "site")
    assert run_json("contact", "assign", str(contact["id"]), "NAME:123")["operator"]["name"] == (
        "123"
    )
    run_json("contact", "close", str(contact["id"]))


def test_a_source_named_with_digits_is_reachable(run_json, seeded):
    source = run_json("source", "add", "2024", "--code", "y24")
    assert run_json("source", "show", "name:2024")["id"] == source["id"]
    assert run_json("source", "show", "code:Y24")["id"] == source["id"]
    assert run_json("source", "show", f"id:{source['id']}")["id"] == source["id"]
    contact = run_json("contact", "add", "--lead", "u2", "--source", "name:2024")
    assert contact["source"]["id"] == source["id"]


def test_look_alike_names_are_refused_and_found(run_json, run_error, seeded, db_path):
    before = snapshot(db_path)
    assert "already exists for operator 'alice'" in run_error("operator", "add", "ALICE")
    assert "already exists" in run_error("operator", "add", "ali\u200bce")
    assert "must not be empty" in run_error("operator", "add", "\u200b\u2060")
    assert "control characters" in run_error("operator", "add", "evil\x1b[2J")
    assert "already exists for source 'Telegram bot'" in run_error("source", "add", "ＴＧ")
    assert snapshot(db_path) == before
    assert run_json("operator", "show", "Alice")["id"] == seeded["alice"]
    assert run_json("contact", "add", "--lead", "u3", "--source", "TG")["source"]["code"] == "tg"


def test_full_width_and_invisible_phone_spellings_find_one_lead(run_json, seeded):
    first = run_json("contact", "add", "--lead", "８９００７６５４３２１", "--source", "tg")
    second = run_json("contact", "add", "--lead", "+7\u200b900 765-43-21", "--source", "tg")
    third = run_json("contact", "add", "--lead", "٨٩٠٠٧٦٥٤٣٢١", "--source", "tg")
    assert first["lead"]["external_id"] == "+79007654321"
    assert first["lead"]["id"] == second["lead"]["id"] == third["lead"]["id"]


DANGEROUS = ["\x1b[31m", "\x07", "\r", "\x08", "\x9b", "\u202e", "\u2066", "\x7f"]


@pytest.fixture
def unchecked(monkeypatch):
    """`contact add` storing the name and the message as given, as versions before the
    rule of ``domain.text.lead_name``/``lead_message`` did: what they stored is shown."""
    from desktop_crm.services import contacts

    monkeypatch.setattr(contacts, "validate_request", lambda request: request)


def test_tables_escape_control_and_bidi_characters(run, run_json, seeded, db_path, unchecked):
    name = "Eve" + "".join(DANGEROUS) + "End"
    run_json("contact", "add", "--lead", "u4", "--source", "tg", "--name", name, "--message", name)
    # An operator and a source stored by an older version, before names were checked.
    with sqlite3.connect(db_path) as c:
        c.execute(
            "INSERT INTO operator (name, active, max_load) VALUES (?, 1, 1)", ("Op\x1b]0;x\x07",)
        )
        c.execute("INSERT INTO source (name, code) VALUES (?, ?)", ("Src\u202e", "c\x1b"))
    outputs = [
        run("leads").out,
        run("queue", "list").out,
        run("operator", "list").out,
        run("source", "list").out,
        run("contact", "show", str(seeded["contact"] + 1)).out,
        run("stats").out,
    ]
    for out in outputs:
        assert out
        for ch in [*DANGEROUS, "\x1b", "\x07"]:
            assert ch not in out, (ch, out)
        assert all(ch == "\n" or ch.isprintable() for ch in out), repr(out)
    assert "Eve\\x1b[31m\\x07\\r\\x08\\x9b\\u202e\\u2066\\x7fEnd" in outputs[0]
    assert "Op\\x1b]0;x\\x07" in outputs[2]
    assert "Src\\u202e" in outputs[3] and "c\\x1b" in outputs[3]


def test_json_keeps_the_exact_text(run_json, seeded, unchecked):
    contact = run_json("contact", "add", "--lead", "u5", "--source", "tg", "--name", "A\x1bB")
    assert contact["lead"]["name"] == "A\x1bB"


def test_an_error_message_escapes_control_characters(run, seeded, tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("phone,name\n+79001112233,A\n", encoding="utf-8")
    result = run("import", rows, "--source", "tg", "--encoding", "bad\x1b[2J\u202e")
    assert result.code == 2
    assert "bad\\x1b[2J\\u202e" in result.err
    assert "\x1b" not in result.err and "\u202e" not in result.err


def test_json_escapes_what_a_terminal_acts_on_and_keeps_the_exact_text(run, seeded, unchecked):
    name = "A\x1b\x7f\x9b\u202e\u2066\u2028B"
    result = run("--json", "contact", "add", "--lead", "u7", "--source", "tg", "--name", name)
    assert result.code == 0
    for ch in name[1:-1]:
        assert ch not in result.out, repr(ch)
    assert json.loads(result.out)["lead"]["name"] == name
