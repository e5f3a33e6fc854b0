"""`source add | list | show | set | delete | weights`."""

from __future__ import annotations

import pytest

from tests.cli.helpers import snapshot


def weights_of(source_json):
    return {w["name"]: w["weight"] for w in source_json["operators"]}


def test_add_prints_the_new_source(run_json):
    assert run_json("source", "add", "Telegram bot", "--code", "tg") == {
        "id": 1,
        "name": "Telegram bot",
        "code": "tg",
        "strategy": "weighted_random",
        "repeat_to_last": False,
        "reply_within": None,
        "close_after": None,
        "operators": [],
    }
    assert run_json("source", "add", "Сайт")["code"] is None


def test_list_is_an_array_sorted_by_name_with_weights(run_json, seeded):
    sources = run_json("source", "list")
    assert [s["name"] for s in sources] == ["Telegram bot", "Сайт"]
    assert sources[0]["operators"] == [
        {
            "id": seeded["alice"],
            "name": "alice",
            "weight": 1,
            "active": True,
            "load": 1,
            "max_load": 2,
        },
        {"id": seeded["bob"], "name": "bob", "weight": 0, "active": True, "load": 0, "max_load": 1},
    ]
    assert sources[1]["operators"] == []


def test_show_by_id_code_and_name(run_json, seeded):
    by_id = run_json("source", "show", str(seeded["site"]))
    assert run_json("source", "show", "site") == by_id
    assert run_json("source", "show", "Сайт") == by_id
    assert by_id["name"] == "Сайт"


def test_a_code_may_not_capture_another_sources_name(run_json, run_error, db_path):
    first = run_json("source", "add", "Form", "--code", "web")
    before = snapshot(db_path)
    assert "already exists for source 'Form'" in run_error("source", "add", "WEB")
    assert "already exists for source 'Form'" in run_error("source", "add", "Src", "--code", "form")
    assert snapshot(db_path) == before
    assert run_json("source", "show", "Web")["id"] == first["id"]
    assert run_json("source", "show", "FORM")["id"] == first["id"]


def test_set_name_and_code_and_clear_the_code(run_json, seeded):
    changed = run_json("source", "set", "site", "--name", "Landing", "--code", "land")
    assert (changed["id"], changed["name"], changed["code"]) == (seeded["site"], "Landing", "land")
    assert run_json("source", "set", "land", "--name", "Лендинг")["code"] == "land"
    cleared = run_json("source", "set", "land", "--code", "")
    assert cleared["code"] is None
    assert cleared["name"] == "Лендинг"


def test_set_keeps_the_weights(run_json, seeded):
    changed = run_json("source", "set", "tg", "--name", "TG")
    assert weights_of(changed) == {"alice": 1, "bob": 0}


def test_weights_replace_the_whole_set(run_json, seeded):
    result = run_json("source", "weights", "tg", "bob=5", "Иван=2")
    assert weights_of(result) == {"bob": 5, "Иван": 2}
    assert weights_of(run_json("source", "show", "tg")) == {"bob": 5, "Иван": 2}


def test_weights_by_operator_id(run_json, seeded):
    result = run_json("source", "weights", "site", f"{seeded['bob']}=4")
    assert weights_of(result) == {"bob": 4}


def test_weights_without_pairs_clear_the_set(run_json, seeded):
    assert run_json("source", "weights", "tg")["operators"] == []
    assert run_json("source", "show", "tg")["operators"] == []


def test_weights_split_at_the_last_equals_sign(run_json):
    run_json("operator", "add", "a=b")
    run_json("source", "add", "S", "--code", "s")
    assert weights_of(run_json("source", "weights", "s", "a=b=3")) == {"a=b": 3}


@pytest.mark.parametrize(
    ("pair", "fragment"),
    [
        ("alice=-1", "negative"),
        ("alice", "OPERATOR=WEIGHT"),
        ("=3", "OPERATOR=WEIGHT"),
        ("alice=", "whole number"),
        ("alice=1.5", "whole number"),
        ("alice=x", "whole number"),
        ("nobody=1", "nobody"),
        ("999=1", "999"),
    ],
)
def test_bad_weights_change_nothing(run_error, seeded, db_path, pair, fragment):
    before = snapshot(db_path)
    message = run_error("source", "weights", "tg", "bob=3", pair)
    assert fragment in message
    assert snapshot(db_path) == before


def test_an_operator_given_twice_is_refused(run_error, seeded, db_path):
    before = snapshot(db_path)
    assert "alice" in run_error("source", "weights", "tg", "alice=1", "bob=1", "alice=2")
    assert snapshot(db_path) == before


def test_an_operator_given_by_id_and_by_name_is_refused(run, seeded, db_path):
    before = snapshot(db_path)
    result = run("source", "weights", "tg", f"{seeded['alice']}=1", "alice=5")
    assert result.code == 2
    assert snapshot(db_path) == before


def test_delete_an_unused_source(run_json, seeded):
    deleted = run_json("source", "delete", "site")
    assert deleted["name"] == "Сайт"
    assert [s["name"] for s in run_json("source", "list")] == ["Telegram bot"]


def test_delete_a_source_with_weights_but_no_contacts(run_json):
    run_json("operator", "add", "alice")
    run_json("source", "add", "S", "--code", "s")
    run_json("source", "weights", "s", "alice=1")
    run_json("source", "delete", "s")
    assert run_json("source", "list") == []
    assert run_json("operator", "delete", "alice")["name"] == "alice"


def test_delete_a_source_with_contacts_is_refused(run_error, seeded, db_path):
    before = snapshot(db_path)
    message = run_error("source", "delete", "tg")
    assert "cannot be deleted" in message
    assert "instead" in message
    assert snapshot(db_path) == before


def test_text_output_lists_weights(run, seeded):
    result = run("source", "list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "id",
        "name",
        "code",
        "reply",
        "within",
        "close",
        "after",
        "operators",
        "(weight)",
    ]
    assert "alice=1, bob=0" in lines[2]
    assert lines[3].split() == [str(seeded["site"]), "Сайт", "site", "off", "off"]
