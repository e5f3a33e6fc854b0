"""The services the window's Undo needs: moving contacts back (to their previous
operator or to the queue) only while nothing changed meanwhile and the limit holds,
all or nothing; reopening all or nothing."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from desktop_crm.errors import ChangedMeanwhile, LimitReached
from desktop_crm.services.contacts import ContactRequest, Move


@pytest.fixture
def two(crm):
    anna = crm.operators.create("Анна", max_load=2)
    boris = crm.operators.create("Борис", max_load=2)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    first = crm.contacts.register(ContactRequest("lead-1", "site")).contact
    second = crm.contacts.register(ContactRequest("lead-2", "site")).contact
    return crm, anna, boris, first, second


def operators_of(db_path, *ids):
    with closing(sqlite3.connect(db_path)) as db:
        rows = dict(db.execute("SELECT id, operator_id FROM contact"))
    return [rows[i] for i in ids]


def test_moving_back_to_the_previous_operator(two, db_path):
    crm, anna, boris, first, second = two
    crm.contacts.assign([first.id, second.id], boris.id)
    result = crm.contacts.move(
        [Move(first.id, boris.id, anna.id), Move(second.id, boris.id, anna.id)]
    )
    assert [c.operator.name for c in result.changed] == ["Анна", "Анна"]
    assert operators_of(db_path, first.id, second.id) == [anna.id, anna.id]
    assert [d.kind for d in crm.contacts.history(first.id)][-1] == "manual"


def test_a_contact_reassigned_meanwhile_is_not_moved_and_nothing_changes(two, db_path):
    crm, anna, boris, first, second = two
    crm.contacts.assign([first.id, second.id], boris.id)
    crm.contacts.assign([second.id], anna.id)  # someone else took it back meanwhile
    with pytest.raises(ChangedMeanwhile, match=f"#{second.id}.*Анна"):
        crm.contacts.move([Move(first.id, boris.id, anna.id), Move(second.id, boris.id, anna.id)])
    assert operators_of(db_path, first.id, second.id) == [boris.id, anna.id]


def test_moving_back_respects_the_limit_all_or_nothing(two, db_path):
    crm, anna, boris, first, second = two
    crm.contacts.assign([first.id, second.id], boris.id)
    crm.contacts.register(ContactRequest("lead-3", "site"))
    crm.contacts.register(ContactRequest("lead-4", "site"))  # Анна is full now
    with pytest.raises(LimitReached, match="Анна is at the limit"):
        crm.contacts.move([Move(first.id, boris.id, anna.id)])
    assert operators_of(db_path, first.id) == [boris.id]


def test_back_to_the_queue_frees_the_operator_and_says_why_it_waits(two, db_path):
    crm, _anna, boris, _first, _second = two
    crm.sources.set_weights("site", {})
    third = crm.contacts.register(ContactRequest("lead-3", "site")).contact
    assert third.operator is None
    crm.contacts.assign([third.id], boris.id)
    assert crm.operators.get("Борис").load == 1
    result = crm.contacts.move([Move(third.id, boris.id, None, third.reason)])
    (moved,) = result.changed
    assert moved.operator is None and moved.reason == third.reason
    assert crm.operators.get("Борис").load == 0
    last = crm.contacts.history(third.id)[-1]
    assert last.kind == "manual" and last.operator is None
    assert "back to the queue" in last.note
    with pytest.raises(ChangedMeanwhile, match="in the queue"):
        crm.contacts.move([Move(third.id, boris.id, None)])


def test_reopen_all_or_nothing_refuses_everything(two, db_path):
    crm, _anna, _boris, first, second = two
    crm.contacts.close_many([first.id, second.id])
    crm.contacts.register(ContactRequest("lead-3", "site"))
    crm.contacts.register(ContactRequest("lead-4", "site"))  # Анна full again
    crm.operators.update("Анна", max_load=3)  # room for one of the two
    with pytest.raises(LimitReached):
        crm.contacts.reopen_many([first.id, second.id], all_or_nothing=True)
    assert not crm.contacts.get(first.id).is_active
    result = crm.contacts.reopen_many([first.id, second.id])
    assert len(result.changed) == 1 and len(result.refused) == 1


def test_edits_with_an_expectation_refuse_what_changed_meanwhile(two):
    crm, anna, _boris, _first, _second = two
    crm.operators.update(anna.id, max_load=5, expected={"max_load": 2})
    with pytest.raises(ChangedMeanwhile, match="Анна was changed meanwhile"):
        crm.operators.update(anna.id, max_load=2, expected={"max_load": 9})
    assert crm.operators.get(anna.id).max_load == 5
    source = crm.sources.get("site")
    crm.sources.update(source.id, name="Сайт 2", expected={"name": "Сайт", "code": "site"})
    with pytest.raises(ChangedMeanwhile):
        crm.sources.update(source.id, code="web", expected={"code": "other"})
    assert crm.sources.get(source.id).code == "site"
    crm.sources.set_weights(source.id, {anna.id: 3}, expected={anna.id: 1})
    with pytest.raises(ChangedMeanwhile):
        crm.sources.set_weights(source.id, {anna.id: 1}, expected={anna.id: 1})
    assert [w.weight for w in crm.sources.get(source.id).weights] == [3]


def test_undoing_a_reopen_refuses_a_contact_moved_meanwhile(two, db_path):
    crm, _anna, boris, first, _second = two
    crm.contacts.close_many([first.id])
    reopened = crm.contacts.reopen_many([first.id]).changed
    expected = {c.id: c.operator.id for c in reopened}
    crm.contacts.assign([first.id], boris.id)  # someone else's conversation now
    with pytest.raises(ChangedMeanwhile, match="Борис"):
        crm.contacts.close_many([first.id], expected=expected)
    assert crm.contacts.get(first.id).is_active  # nothing closed


def test_undoing_a_close_refuses_a_contact_reopened_meanwhile(two, db_path):
    crm, _anna, boris, first, _second = two
    closed = crm.contacts.close_many([first.id]).changed
    expected = {c.id: c.operator.id for c in closed}
    crm.contacts.reopen_many([first.id])  # reopened by another window meanwhile
    with pytest.raises(ChangedMeanwhile, match="reopened meanwhile"):
        crm.contacts.reopen_many([first.id], all_or_nothing=True, expected=expected)
    crm.contacts.close_many([first.id])
    crm.contacts.assign([first.id], boris.id)
    with pytest.raises(ChangedMeanwhile, match="Борис"):
        crm.contacts.reopen_many([first.id], all_or_nothing=True, expected=expected)
    assert not crm.contacts.get(first.id).is_active
    # Unchanged: the undo goes through.
    expected = {first.id: boris.id}
    assert [c.id for c in crm.contacts.reopen_many([first.id], expected=expected).changed] == [
        first.id
    ]
    assert crm.contacts.get(first.id).is_active
