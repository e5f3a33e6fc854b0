"""`queue list | distribute`, `contact assign`, the history in `contact show`,
`settings --auto-redistribute` and `source set --strategy / --repeat-to-last`."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.queue import QueueService
from tests.cli.helpers import count, has_offset, snapshot, write_lock

DECISION_KEYS = {
    "id",
    "created_at",
    "kind",
    "operator",
    "reason",
    "strategy",
    "candidates",
    "draws",
    "note",
}


def add(run_json, lead, source="tg"):
    return run_json("contact", "add", "--lead", lead, "--source", source)


def owner(run_json, contact_id):
    operator = run_json("contact", "show", str(contact_id))["operator"]
    return operator and operator["name"]


def queue_ids(run_json):
    return [c["id"] for c in run_json("queue", "list")]


@pytest.fixture
def queue(run_json, seeded):
    """The seed plus: tg weights alice=1, bob=0, Иван=1 (inactive); alice full (2 of 2)
    and one contact waits on tg. On site carol has room while two contacts wait
    (they queued before her limit was raised with auto off): an unrelated source."""
    run_json("source", "weights", "tg", "alice=1", "bob=0", "Иван=1")
    seeded["alice2"] = add(run_json, "second")["id"]
    waiting = add(run_json, "waits")
    assert waiting["reason"] == "none_eligible"
    run_json("operator", "add", "carol", "--max-load", "0")
    run_json("source", "weights", "site", "carol=1")
    site = [add(run_json, f"site-{n}", "site")["id"] for n in range(2)]
    run_json("settings", "--auto-redistribute", "off")
    run_json("operator", "set", "carol", "--max-load", "5")
    run_json("settings", "--auto-redistribute", "on")
    assert queue_ids(run_json) == [waiting["id"], *site]
    return seeded | {"waiting": waiting["id"], "site_queue": site}


def test_queue_list_shows_the_waiting_contacts_oldest_first_with_reasons(run, run_json, queue):
    listed = run_json("queue", "list")
    assert [c["id"] for c in listed] == [queue["waiting"], *queue["site_queue"]]
    assert [c["reason"] for c in listed] == ["none_eligible", "all_at_limit", "all_at_limit"]
    assert all(c["operator"] is None and c["is_active"] for c in listed)
    run_json("contact", "close", str(queue["site_queue"][0]))  # closed: no longer waiting
    assert [c["id"] for c in run_json("queue", "list", "--limit", "1")] == [queue["waiting"]]
    text = run("queue", "list")
    assert text.code == 0
    lines = text.out.splitlines()
    assert len(lines) == 2 + 2
    assert "(no eligible operator" in lines[2] and "(all operators are at their limit)" in lines[3]


TRIGGERS = {
    "close": (lambda q: ("contact", "close", q["contact"]), "alice"),
    "max-load": (lambda q: ("operator", "set", "alice", "--max-load", "3"), "alice"),
    "active": (lambda q: ("operator", "set", "Иван", "--active"), "Иван"),
    "weights": (lambda q: ("source", "weights", "tg", "alice=1", "bob=1"), "bob"),
    "reassign": (lambda q: ("contact", "assign", q["contact"], "bob"), "alice"),
}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_each_capacity_command_redistributes_its_sources(run_json, queue, trigger):
    command, expected = TRIGGERS[trigger]
    run_json(*command(queue))
    assert owner(run_json, queue["waiting"]) == expected
    assert queue_ids(run_json) == queue["site_queue"]  # site is not touched
    shown = run_json("contact", "show", str(queue["waiting"]))
    assert [d["kind"] for d in shown["history"]] == ["auto", "redistribution"]


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_with_auto_off_only_queue_distribute_moves_the_queue(run, run_json, queue, trigger):
    assert run_json("settings", "--auto-redistribute", "off")["auto_redistribute"] is False
    command, expected = TRIGGERS[trigger]
    run_json(*command(queue))
    assert queue_ids(run_json) == [queue["waiting"], *queue["site_queue"]]
    assert run_json("queue", "distribute")["assigned"] == 3  # tg's one and site's two
    assert owner(run_json, queue["waiting"]) == expected
    assert queue_ids(run_json) == []
    result = run("queue", "distribute")
    assert (result.code, result.out.splitlines()[0]) == (0, "assigned: 0")
    assert "moved: 0" in result.out and "closed: 0" in result.out


def test_a_busy_redistribution_does_not_undo_the_report_of_a_committed_change(
    run, queue, db_path, fast_busy, monkeypatch
):
    drain = QueueService.drain

    def drain_while_another_process_writes(self, *args, **kwargs):
        with write_lock(db_path):
            return drain(self, *args, **kwargs)

    monkeypatch.setattr(QueueService, "drain", drain_while_another_process_writes)
    result = run("--json", "contact", "close", str(queue["contact"]))
    assert count(db_path, f"contact WHERE id = {queue['contact']} AND NOT is_active") == 1
    assert result.code == 0, result  # the close stands; the queue waits for the next chance


def test_the_setting_is_shared_with_other_processes(run_json, queue, db_path):
    assert run_json("settings")["auto_redistribute"] is True  # the default
    run_json("settings", "--auto-redistribute", "off")
    crm = open_crm(DatabaseLocation(db_path))
    try:
        assert not crm.queue.auto_enabled()
        crm.contacts.close(queue["contact"])
        assert [c.id for c in crm.queue.unassigned()] == [queue["waiting"], *queue["site_queue"]]
        crm.queue.set_auto(True)
    finally:
        crm.close()
    assert run_json("settings")["auto_redistribute"] is True
    run_json("operator", "set", "alice", "--max-load", "3")
    assert queue_ids(run_json) == queue["site_queue"]  # alice took the waiting one


def test_contact_assign_moves_a_contact_within_the_limits(run_json, queue):
    assigned = run_json("contact", "assign", str(queue["waiting"]), "bob")
    assert assigned["operator"]["name"] == "bob"  # weight 0 on tg: a manual choice may
    assert "reason" not in assigned
    operators = {o["name"]: o["load"] for o in run_json("operator", "list")}
    assert operators == {"alice": 2, "bob": 1, "carol": 0, "Иван": 0}
    again = run_json("contact", "assign", str(queue["waiting"]), str(assigned["operator"]["id"]))
    assert again["operator"]["name"] == "bob"  # already his: nothing to do


@pytest.mark.parametrize(
    ("operator", "fragment"),
    [("Иван", "inactive"), ("alice", "at the limit"), ("nobody", "nobody")],
    ids=["inactive", "at limit", "unknown"],
)
def test_contact_assign_refused_exits_2_and_writes_nothing(
    run_error, queue, db_path, operator, fragment
):
    before = snapshot(db_path)
    message = run_error("contact", "assign", str(queue["waiting"]), operator)
    assert fragment in message
    assert snapshot(db_path) == before


def test_contact_show_json_has_the_history_oldest_first(run_json, run, queue):
    contact = queue["waiting"]
    run_json("operator", "set", "alice", "--max-load", "3")  # redistribution
    run_json("contact", "assign", str(contact), "bob")  # manual
    shown = run_json("contact", "show", str(contact))
    auto, again, manual = shown["history"]
    assert all(set(d) == DECISION_KEYS and has_offset(d["created_at"]) for d in shown["history"])
    assert [d["id"] for d in shown["history"]] == sorted(d["id"] for d in shown["history"])
    assert (auto["kind"], auto["operator"], auto["reason"]) == ("auto", None, "none_eligible")
    assert auto["draws"] == []
    excluded = {c["operator"]["name"]: c["excluded"] for c in auto["candidates"]}
    assert excluded == {"alice": "at_limit", "bob": "weight_0", "Иван": "inactive"}
    alice = next(c for c in again["candidates"] if c["operator"]["name"] == "alice")
    assert (alice["weight"], alice["load"], alice["max_load"], alice["excluded"]) == (1, 2, 3, None)
    assert (again["kind"], again["operator"]["name"], again["strategy"]) == (
        "redistribution",
        "alice",
        "weighted_random",
    )
    (draw,) = again["draws"]
    assert (draw["operator"]["name"], draw["accepted"], draw["r"], draw["total"]) == (
        "alice",
        True,
        1,
        1,
    )
    assert (manual["kind"], manual["operator"]["name"], manual["strategy"]) == (
        "manual",
        "bob",
        "manual",
    )
    assert manual["note"] == f"previous operator #{queue['alice']}"
    text = run("contact", "show", str(contact)).out
    assert "history:" in text
    decisions = [line.split() for line in text.splitlines() if re.match(r"  \d{4}-", line)]
    assert [words[2] for words in decisions] == [
        "auto",
        "redistribution",
        "manual",
    ]


def test_source_set_strategy_and_repeat_to_last(run, run_json, seeded):
    shown = run_json("source", "set", "tg", "--strategy", "round_robin", "--repeat-to-last")
    assert (shown["strategy"], shown["repeat_to_last"]) == ("round_robin", True)
    assert run_json("source", "show", "tg")["strategy"] == "round_robin"
    assert run_json("source", "set", "tg", "--no-repeat-to-last")["repeat_to_last"] is False
    assert run_json("source", "show", "tg")["strategy"] == "round_robin"  # kept
    result = run("source", "set", "tg", "--strategy", "fastest")
    assert result.code == 2 and "invalid choice" in result.err


def test_repeat_to_last_from_the_command_line(run_json, seeded):
    run_json("source", "weights", "tg", "alice=1", "bob=1")
    run_json("operator", "set", "bob", "--max-load", "5")
    run_json("source", "set", "tg", "--strategy", "round_robin")
    first = add(run_json, "+7 900 555-00-11")["operator"]["name"]
    assert add(run_json, "8 900 555 00 11")["operator"]["name"] != first  # the strategy
    run_json("source", "set", "tg", "--repeat-to-last")
    last = add(run_json, "89005550011")["operator"]["name"]
    assert add(run_json, "+79005550011")["operator"]["name"] == last


WEIGHTS = {"Анна": 1, "Борис": 3, "Вера": 6}


def test_round_robin_continues_from_a_service_instance_to_the_command_line(run_json, db_path):
    crm = open_crm(DatabaseLocation(db_path), random.Random(1).randint)
    try:
        for name in WEIGHTS:
            crm.operators.create(name, max_load=100)
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("site", WEIGHTS)
        crm.sources.update("site", strategy="round_robin")
        head = [
            crm.contacts.register(ContactRequest(f"head-{n}", "site")).contact.operator.name
            for n in range(4)
        ]
    finally:
        crm.close()
    tail = [add(run_json, f"tail-{n}", "site")["operator"]["name"] for n in range(16)]
    picks = head + tail
    assert Counter(picks[:10]) == Counter(picks[10:]) == WEIGHTS
