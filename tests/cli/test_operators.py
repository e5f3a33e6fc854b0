"""`operator add | list | show | set | delete`."""

from __future__ import annotations

from tests.cli.helpers import snapshot

DAY = {  # what an operator without hours, absences, cap or skills shows (issue 12)
    "hours": "",
    "daily_cap": None,
    "today": 0,
    "skills": [],
    "status": "available",
    "status_until": None,
    "absences": [],
}
OPERATOR_KEYS = {"id", "name", "active", "max_load", "load", *DAY}


def test_add_prints_the_new_operator(run_json):
    alice = run_json("operator", "add", "alice")
    assert alice == {"id": 1, "name": "alice", "active": True, "max_load": 10, "load": 0} | DAY

    ivan = run_json("operator", "add", "  Иван Петров ", "--max-load", "3", "--inactive")
    assert ivan == {
        "id": 2,
        "name": "Иван Петров",
        "active": False,
        "max_load": 3,
        "load": 0,
    } | DAY | {"status": "inactive"}


def test_add_zero_limit_is_allowed(run_json):
    assert run_json("operator", "add", "zero", "--max-load", "0")["max_load"] == 0


def test_list_is_an_array_sorted_by_name_with_loads(run_json, seeded):
    operators = run_json("operator", "list")
    assert isinstance(operators, list)
    assert [o["name"] for o in operators] == ["alice", "bob", "Иван"]
    assert all(set(o) == OPERATOR_KEYS for o in operators)
    loads = {o["name"]: (o["load"], o["max_load"], o["active"]) for o in operators}
    assert loads == {"alice": (1, 2, True), "bob": (0, 1, True), "Иван": (0, 10, False)}


def test_list_of_an_empty_database_is_an_empty_array(run_json):
    assert run_json("operator", "list") == []


def test_show_by_id_and_by_name(run_json, seeded):
    by_id = run_json("operator", "show", str(seeded["ivan"]))
    by_name = run_json("operator", "show", "Иван")
    assert by_id == by_name
    assert by_id["name"] == "Иван"
    assert run_json("operator", "show", "alice")["load"] == 1


def test_set_changes_only_what_is_given(run_json, seeded):
    changed = run_json("operator", "set", "bob", "--name", "Борис", "--max-load", "5")
    assert (
        changed
        == {
            "id": seeded["bob"],
            "name": "Борис",
            "active": True,
            "max_load": 5,
            "load": 0,
        }
        | DAY
    )
    assert run_json("operator", "set", str(seeded["bob"]), "--inactive")["active"] is False
    again = run_json("operator", "set", "Борис", "--active")
    assert again["active"] is True
    assert again["max_load"] == 5
    assert again["name"] == "Борис"


def test_set_limit_down_to_the_current_load_is_allowed(run_json, seeded):
    assert run_json("operator", "set", "alice", "--max-load", "1")["max_load"] == 1


def test_set_limit_below_the_current_load_is_refused(run, run_error, seeded, db_path):
    before = snapshot(db_path)
    message = run_error("operator", "set", "alice", "--max-load", "0")
    assert "alice" in message
    assert "load limit" in message
    assert snapshot(db_path) == before


def test_delete_removes_the_operator_and_its_weights(run_json, seeded):
    run_json("source", "weights", "site", "bob=2", "alice=1")
    deleted = run_json("operator", "delete", "bob")
    assert deleted["name"] == "bob"
    assert [o["name"] for o in run_json("operator", "list")] == ["alice", "Иван"]
    site = run_json("source", "show", "site")
    assert [w["name"] for w in site["operators"]] == ["alice"]


def test_delete_an_operator_with_contacts_suggests_deactivating(run_error, seeded, db_path):
    before = snapshot(db_path)
    message = run_error("operator", "delete", "alice")
    assert "cannot be deleted" in message
    assert "deactivate" in message
    assert snapshot(db_path) == before


def test_text_output_is_a_table(run, seeded):
    result = run("operator", "list")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == [
        "id",
        "name",
        "active",
        "load",
        "max_load",
        "today",
        "skills",
        "hours",
        "status",
        "away",
    ]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[2].split() == [str(seeded["alice"]), "alice", "yes", "1", "2", "1", "available"]
    assert lines[4].split() == [str(seeded["ivan"]), "Иван", "no", "0", "10", "0", "inactive"]

    one = run("operator", "show", "bob").out.splitlines()
    assert len(one) == 3
    assert one[2].split() == [str(seeded["bob"]), "bob", "yes", "0", "1", "0", "available"]
