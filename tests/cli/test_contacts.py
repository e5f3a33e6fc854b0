"""`contact add | show | close | reopen` and the contact JSON of the original API."""

from __future__ import annotations

import pytest

from tests.cli.helpers import CONTACT_KEYS, count, has_offset, snapshot


def add(run_json, lead="+79001234567", source="tg", *extra):
    return run_json("contact", "add", "--lead", lead, "--source", source, *extra)


def test_add_prints_the_contact_as_the_original_api(run_json, seeded):
    contact = add(
        run_json, "user-42", "Telegram bot", "--name", "Пётр", "--message", "Хочу узнать детали"
    )
    assert set(contact) == CONTACT_KEYS  # no "reason" when an operator took it
    assert contact["is_active"] is True
    assert contact["message"] == "Хочу узнать детали"
    assert has_offset(contact["created_at"])
    assert contact["lead"] == {
        "id": contact["lead"]["id"],
        "external_id": "user-42",
        "name": "Пётр",
    }
    assert contact["source"] == {"id": seeded["tg"], "name": "Telegram bot", "code": "tg"}
    assert contact["operator"] == {"id": seeded["alice"], "name": "alice"}


def test_source_by_id(run_json, seeded):
    run_json("source", "weights", "site", "bob=1")
    contact = add(run_json, "x", str(seeded["site"]))
    assert contact["source"]["code"] == "site"
    assert contact["operator"]["name"] == "bob"


# Each case: commands that prepare source "site", then the expected reason.
REASONS = [
    ([], "no_operators"),
    ([("source", "weights", "site", "alice=0", "bob=0")], "all_weight_0"),
    ([("source", "weights", "site", "Иван=3")], "all_inactive"),
    (
        [("operator", "set", "bob", "--max-load", "0"), ("source", "weights", "site", "bob=1")],
        "all_at_limit",
    ),
    ([("source", "weights", "site", "alice=0", "Иван=1")], "none_eligible"),
]


@pytest.mark.parametrize(("setup", "reason"), REASONS, ids=[r for _, r in REASONS])
def test_unassigned_contact_has_null_operator_and_a_reason(run_json, seeded, setup, reason):
    for command in setup:
        run_json(*command)
    contact = add(run_json, "user-1", "site")
    assert set(contact) == {*CONTACT_KEYS, "reason"}
    assert contact["operator"] is None
    assert contact["reason"] == reason
    shown = run_json("contact", "show", str(contact["id"]))
    assert {k: v for k, v in shown.items() if k != "history"} == contact
    (decision,) = shown["history"]
    assert (decision["kind"], decision["operator"], decision["reason"]) == ("auto", None, reason)


def test_limits_are_kept_and_the_rest_stays_unassigned(run_json, seeded):
    # alice: limit 2, load 1 from the seed; bob has weight 0 on tg.
    second = add(run_json, "a")
    third = add(run_json, "b")
    assert second["operator"]["name"] == "alice"
    assert third["operator"] is None
    assert third["reason"] == "none_eligible"  # alice at her limit, bob weight 0
    assert run_json("operator", "show", "alice")["load"] == 2
    run_json("source", "weights", "tg", "alice=1")
    assert add(run_json, "c")["reason"] == "all_at_limit"


def test_show_prints_the_same_object(run_json, seeded):
    shown = run_json("contact", "show", str(seeded["contact"]))
    assert set(shown) == {*CONTACT_KEYS, "history"}  # add's object plus the decisions
    assert shown["id"] == seeded["contact"]
    assert shown["lead"]["external_id"] == "+79001234567"


def test_close_frees_the_slot_and_closing_again_changes_nothing(run_json, seeded, db_path):
    closed = run_json("contact", "close", str(seeded["contact"]))
    assert closed["is_active"] is False
    assert closed["operator"]["name"] == "alice"  # the history keeps its operator
    assert run_json("operator", "show", "alice")["load"] == 0

    before = snapshot(db_path)
    assert run_json("contact", "close", str(seeded["contact"])) == closed
    assert snapshot(db_path) == before


def test_reopen(run_json, seeded, db_path):
    contact_id = str(seeded["contact"])
    before = snapshot(db_path)
    assert run_json("contact", "reopen", contact_id)["is_active"] is True  # already open
    assert snapshot(db_path) == before

    run_json("contact", "close", contact_id)
    reopened = run_json("contact", "reopen", contact_id)
    assert reopened["is_active"] is True
    assert run_json("operator", "show", "alice")["load"] == 1


def test_reopen_at_the_limit_is_refused(run_json, run_error, seeded, db_path):
    run_json("contact", "close", str(seeded["contact"]))
    add(run_json, "a")
    add(run_json, "b")  # alice is at her limit (2) again
    before = snapshot(db_path)
    message = run_error("contact", "reopen", str(seeded["contact"]))
    assert "limit" in message
    assert "alice" in message
    assert snapshot(db_path) == before


def test_reopen_an_unassigned_contact(run_json, seeded):
    contact = add(run_json, "x", "site")
    run_json("contact", "close", str(contact["id"]))
    assert run_json("contact", "reopen", str(contact["id"]))["is_active"] is True


def test_idempotency_key_returns_the_same_contact(run_json, seeded, db_path):
    first = add(run_json, "user-7", "tg", "--key", "msg-0001", "--message", "привет")
    before = snapshot(db_path)
    again = add(run_json, "user-7", "tg", "--key", "msg-0001", "--message", "привет")
    assert again == first
    assert snapshot(db_path) == before
    assert count(db_path, "contact") == 2  # the seed's and this one

    other = add(run_json, "user-7", "tg", "--key", "msg-0002")
    assert other["id"] != first["id"]
    assert count(db_path, "contact") == 3


def test_a_lead_keeps_its_first_name(run_json, seeded):
    add(run_json, "u", "tg")
    assert add(run_json, "u", "tg", "--name", "Анна")["lead"]["name"] == "Анна"
    assert add(run_json, "u", "tg", "--name", "Other")["lead"]["name"] == "Анна"


def test_text_output_is_a_one_row_table(run, seeded):
    result = run("contact", "add", "--lead", "u", "--source", "site", "--message", "hi")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["id", "created", "active", "lead", "source", "operator", "message"]
    assert len(lines) == 3
    assert "no operators configured" in lines[2]
    assert lines[2].rstrip().endswith("hi")


def test_plain_id_keeps_a_phone_like_id_as_typed(run_json, seeded):
    assert add(run_json, "8 (900) 555-44-33")["lead"]["external_id"] == "+79005554433"
    plain = add(run_json, "8 (900) 555-44-33", "tg", "--plain-id")
    assert plain["lead"]["external_id"] == "8 (900) 555-44-33"
    assert add(run_json, "8 900 12", "tg", "--plain-id")["lead"]["external_id"] == "8 900 12"
