"""`source set --reply-within / --close-after`, `contact answered`, `queue distribute`
applying what is due, `queue list` with overdue contacts, and the new kinds in
`contact show` (issue 12). Time passes by setting up the past with a clock an hour or
two back (the CLI itself reads the system clock); nothing sleeps."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import pytest

from desktop_crm.services import open_crm
from desktop_crm.services.contacts import AUTOMATIC, ContactRequest


@pytest.fixture
def past(database_location):
    """past(hours) -> a ``Crm`` whose clock stands that many hours ago."""

    @contextmanager
    def _open(hours: float):
        moment = dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours)
        crm = open_crm(database_location, clock=lambda: moment)
        try:
            yield crm
        finally:
            crm.close()

    return _open


# -- source set --------------------------------------------------------------------------
def test_source_set_stores_shows_and_clears_the_timers(run_json, run, seeded):
    source = run_json("source", "set", "tg", "--reply-within", "15m", "--close-after", "1h30m")
    assert (source["reply_within"], source["close_after"]) == (900, 5400)
    shown = run("source", "show", "tg").out
    assert "15m" in shown and "1h30m" in shown
    listed = run_json("source", "list")
    assert {s["code"]: s["reply_within"] for s in listed} == {"tg": 900, "site": None}
    cleared = run_json("source", "set", "tg", "--reply-within", "off")
    assert (cleared["reply_within"], cleared["close_after"]) == (None, 5400)
    (entry, first) = run_json("log", "--object", "source", "--limit", "2")
    assert entry["action"] == first["action"] == "source_timers_changed"
    assert entry["changes"] == [{"field": "reply_within", "old": "15m", "new": None}]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("15", "not a duration"),
        ("1.5h", "not a duration"),
        ("5s", "at least 10s"),
        ("400d", "at most 365d"),
    ],
)
def test_a_bad_duration_is_refused_with_a_clear_message(run_error, run_json, seeded, value, words):
    message = run_error("source", "set", "tg", "--reply-within", value)
    assert words in message
    assert run_json("source", "show", "tg")["reply_within"] is None


# -- contact answered ---------------------------------------------------------------------
def test_contact_answered_records_the_first_reply_once(run_json, run, seeded):
    contact = seeded["contact"]
    (first,) = run_json("contact", "answered", str(contact))
    assert first["first_reply"] is True and first["answered_at"] is not None
    (again,) = run_json("contact", "answered", str(contact))
    assert again["first_reply"] is False and again["answered_at"] == first["answered_at"]
    text = run("contact", "answered", str(contact))
    assert text.code == 0 and "the first time is kept" in text.out


def test_contact_answered_refuses_unknown_and_closed_contacts(run_json, run_error, seeded):
    assert "No contact #999" in run_error("contact", "answered", str(seeded["contact"]), "999")
    run_json("contact", "close", str(seeded["contact"]))
    assert "is closed" in run_error("contact", "answered", str(seeded["contact"]))


# -- queue distribute applies what is due -----------------------------------------------------
def test_distribute_moves_a_contact_whose_deadline_passed(run_json, run, seeded, past):
    run_json("source", "weights", "tg", "alice=1", "bob=1")
    run_json("source", "set", "tg", "--reply-within", "15m")
    run_json("operator", "set", "bob", "--max-load", "0")
    with past(1) as crm:
        late = crm.contacts.register(ContactRequest("+79005550001", "tg")).contact
    assert late.operator is not None and late.operator.name == "alice"
    run_json("operator", "set", "bob", "--max-load", "1")

    done = run_json("queue", "distribute")
    assert (done["moved"], done["overdue"], done["closed"]) == (1, 0, 0)
    shown = run_json("contact", "show", str(late.id))
    assert shown["operator"]["name"] == "bob"
    timeout = shown["history"][-1]
    assert timeout["kind"] == "timeout"
    excluded = {c["operator"]["name"]: c["excluded"] for c in timeout["candidates"]}
    assert excluded["alice"] == "timed_out"
    text = run("contact", "show", str(late.id)).out
    assert "timeout" in text and "excluded: timed_out" in text


def test_an_overdue_contact_shows_in_the_queue_list(run_json, run, seeded, past):
    run_json("source", "set", "tg", "--reply-within", "15m")
    with past(1) as crm:
        late = crm.contacts.register(ContactRequest("+79005550001", "tg")).contact
    done = run_json("queue", "distribute")
    assert (done["moved"], done["overdue"]) == (0, 1)
    listed = run_json("queue", "list")
    assert {c["id"]: c["overdue"] for c in listed}[late.id] is True
    assert [c["id"] for c in run_json("queue", "list", "--overdue")] == [late.id]
    assert "alice (overdue)" in run("queue", "list", "--overdue").out
    assert run_json("queue", "distribute")["overdue"] == 0  # recorded once
    run_json("contact", "answered", str(late.id))
    assert run_json("queue", "list", "--overdue") == []


def test_distribute_closes_stale_contacts_as_the_system(run_json, run, seeded, past):
    run_json("source", "set", "tg", "--close-after", "1h")
    with past(2) as crm:
        stale = crm.contacts.register(ContactRequest("+79005550001", "tg")).contact
    fresh = run_json("contact", "add", "--lead", "+79005550002", "--source", "tg")
    text = run("queue", "distribute")
    assert text.code == 0 and "closed: 1" in text.out  # the seed's contact is recent
    assert run_json("contact", "show", str(stale.id))["is_active"] is False
    assert run_json("contact", "show", str(fresh["id"]))["is_active"] is True
    closes = [e for e in run_json("log", "--object", "contact") if e["action"] == "contact_closed"]
    assert {e["dispatcher"] for e in closes} == {AUTOMATIC}
    history = run_json("contact", "show", str(stale.id))["history"]
    assert history[-1]["kind"] == "auto_close" and "no activity for 1h" in history[-1]["note"]
