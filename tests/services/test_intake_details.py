"""Details of the intake path that only show in one case each: a name given later, the
lead's last operator when contacts were dated by hand, an owner column's operator as
manual assignment sees it, the queue handing a returning lead's contacts to one operator.
Written against surviving mutants (docs/mutation.md); each test goes through the
public services."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_crm.domain.distribution import OWNER_COLUMN_NOTE, REPEAT_LEAD_NOTE
from desktop_crm.errors import InvalidValue, LimitReached
from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest, Move
from tests.services.day_util import vip_desk

from .import_files import stored, write_csv
from .test_crm_export_import import bitrix_row, write_bitrix

NOON = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)


def register(crm, lead, source="site", **kwargs):
    return crm.contacts.register(ContactRequest(lead, source, **kwargs)).contact


def candidates(decision):
    """name -> (weight, active, load, max_load, excluded) of a traced decision."""
    return {
        c.operator.name: (c.weight, c.active, c.load, c.max_load, c.excluded)
        for c in decision.candidates
    }


@pytest.fixture
def pair(crm):
    """«Сайт» (site), round robin over Анна and Борис (weight 1 each, limit 5)."""
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    crm.sources.update("site", strategy="round_robin")
    return crm


# -- a lead's name -----------------------------------------------------------------------
def test_a_later_name_names_only_its_own_lead_and_is_found_in_any_case(pair):
    register(pair, "lead-1")
    register(pair, "lead-2")
    register(pair, "lead-1", name="Олег")
    names = {lead.external_id: lead.name for lead in pair.leads.search()}
    assert names == {"lead-1": "Олег", "lead-2": ""}
    assert [lead.external_id for lead in pair.leads.search("олег")] == ["lead-1"]


def test_the_first_name_in_an_import_names_the_lead_and_later_ones_do_not(pair, tmp_path, db_path):
    register(pair, "lead-2")  # stored before the import, without a name
    path = write_csv(
        tmp_path / "names.csv",
        [
            ("lead-1", "", "Сайт", "первое", "11.03.2024 09:00"),  # a new lead, no name yet
            ("lead-1", "Олег", "Сайт", "второе", "11.03.2024 10:00"),
            ("lead-1", "Иван", "Сайт", "третье", "11.03.2024 11:00"),
            ("lead-2", "Вера", "Сайт", "первое", "11.03.2024 12:00"),
            ("lead-2", "Глеб", "Сайт", "второе", "11.03.2024 13:00"),
        ],
    )
    summary = pair.imports.run(open_table(path))
    assert summary.record.imported == 5
    assert [(s.external_id, s.name) for s in stored(db_path)] == [
        ("lead-2", "Вера"),
        *[("lead-1", "Олег")] * 3,
        *[("lead-2", "Вера")] * 2,
    ]
    leads = {lead.external_id: lead for lead in pair.leads.search()}
    assert {e: (lead.name, lead.contact_count) for e, lead in leads.items()} == {
        "lead-1": ("Олег", 3),
        "lead-2": ("Вера", 3),
    }
    assert leads["lead-1"].created_at == dt.datetime(2024, 3, 11, 9, 0, tzinfo=dt.UTC)
    assert [lead.external_id for lead in pair.leads.search("ОЛЕГ")] == ["lead-1"]


# -- a returning lead goes to its last operator --------------------------------------------
def test_the_last_operator_is_the_one_of_the_latest_dated_contact(pair):
    pair.sources.update("site", repeat_to_last=True)
    older = register(pair, "other", created_at=NOON)  # Анна's turn, then Борис's
    assert older.operator.name == "Анна"
    recent = register(pair, "lead", created_at=NOON + dt.timedelta(days=1))
    dated_back = register(pair, "lead", created_at=NOON - dt.timedelta(days=1))
    assert (recent.operator.name, dated_back.operator.name) == ("Борис", "Борис")
    pair.contacts.assign([dated_back.id], "Анна")  # the later id, the earlier date
    assert register(pair, "lead").operator.name == "Борис"  # the latest date wins


def test_between_contacts_of_the_same_moment_the_later_one_is_the_last(pair):
    pair.sources.update("site", repeat_to_last=True)
    first = register(pair, "lead", created_at=NOON)
    second = register(pair, "lead", created_at=NOON)
    assert (first.operator.name, second.operator.name) == ("Анна", "Анна")
    pair.contacts.assign([second.id], "Борис")
    assert register(pair, "lead").operator.name == "Борис"


def test_the_queue_gives_a_returning_leads_waiting_contacts_to_one_operator(crm):
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.update("site", strategy="round_robin", repeat_to_last=True)
    waiting = [register(crm, "lead"), register(crm, "lead"), register(crm, "other")]
    assert all(c.operator is None for c in waiting)
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})  # capacity: the queue drains
    owners = [crm.contacts.get(c.id).operator.name for c in waiting]
    assert owners == ["Анна", "Анна", "Борис"]


# -- by hand -----------------------------------------------------------------------------
def test_assignment_by_hand_traces_the_operators_weight_on_the_contacts_source(pair):
    pair.sources.set_weights("site", {"Анна": 1, "Борис": 3})
    contact = register(pair, "lead")
    target = "Борис" if contact.operator.name == "Анна" else "Анна"
    pair.contacts.assign([contact.id], target)
    manual = pair.contacts.history(contact.id)[-1]
    weight = {"Анна": 1, "Борис": 3}[target]
    assert candidates(manual) == {target: (weight, True, 0, 5, None)}


def owner_file(tmp_path: Path, owner: str) -> Path:
    return write_bitrix(
        tmp_path / "owners.csv",
        [
            bitrix_row(1, "Один", "", "", "", "+7 900 000-00-01", "", owner=owner),
            bitrix_row(2, "Два", "", "", "", "+7 900 000-00-02", "", owner=owner),
        ],
    )


def imported_contacts(crm):
    """The contacts of the two leads of ``owner_file``, in the file's order."""
    by_lead = {c.lead.external_id: c for lead in crm.leads.search() for c in lead.contacts}
    return by_lead["+79000000001"], by_lead["+79000000002"]


def test_an_owner_on_no_source_of_the_file_keeps_the_load_they_already_have(crm, tmp_path):
    crm.operators.create("Анна", max_load=9)
    crm.operators.create("Дарья", max_load=2)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Почта", code="mail")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("mail", {"Дарья": 1})
    register(crm, "earlier", "mail")  # Дарья: one contact of two
    crm.sources.set_weights("mail", {})
    summary = crm.imports.run(open_table(owner_file(tmp_path, "Дарья")), keep_operator=True)
    assert (summary.record.imported, summary.record.assigned) == (2, 2)
    first, second = imported_contacts(crm)
    assert (first.operator.name, second.operator.name) == ("Дарья", "Анна")  # then full
    assert crm.operators.get("Дарья").load == 2
    manual = crm.contacts.history(first.id)[-1]
    assert (manual.kind, manual.note) == ("manual", OWNER_COLUMN_NOTE)
    assert candidates(manual) == {"Дарья": (0, True, 1, 2, None)}


def test_an_owner_is_traced_with_their_weight_on_the_contacts_source(pair, tmp_path):
    pair.sources.set_weights("site", {"Анна": 1, "Борис": 3})
    summary = pair.imports.run(open_table(owner_file(tmp_path, "Борис")), keep_operator=True)
    assert (summary.record.imported, summary.record.assigned) == (2, 2)
    first, second = imported_contacts(pair)
    assert (first.operator.name, second.operator.name) == ("Борис", "Борис")
    traced = [candidates(pair.contacts.history(c.id)[-1]) for c in (first, second)]
    assert traced == [{"Борис": (3, True, 0, 5, None)}, {"Борис": (3, True, 1, 5, None)}]


# -- what is refused ---------------------------------------------------------------------
def test_an_id_of_invisible_characters_only_is_refused_as_empty(pair):
    with pytest.raises(InvalidValue) as refused:
        register(pair, "\u200b\u2060")
    assert refused.value.field == "external_id"
    assert str(refused.value) == "The lead's external id must not be empty."
    assert pair.leads.search() == []


def test_phone_numbers_are_read_in_the_configured_region(pair):
    pair.settings.set_phone_region("DE")
    assert register(pair, "030 1234567").lead.external_id == "+49301234567"


def test_an_idempotency_key_reused_with_another_name_is_refused(pair):
    request = ContactRequest("lead", "site", name="Иван", idempotency_key="msg-1")
    first = pair.contacts.register(request).contact
    assert pair.contacts.register(request).contact == first  # a retry
    with pytest.raises(InvalidValue) as refused:
        pair.contacts.register(replace(request, name="Пётр"))
    assert refused.value.field == "idempotency_key"


def test_an_id_with_control_characters_is_refused(pair):
    with pytest.raises(InvalidValue) as refused:
        register(pair, "lead\x1b[31m")
    assert refused.value.field == "external_id"
    assert str(refused.value) == (
        "The lead's external id must not contain control characters "
        "(escape, line break and the like)."
    )


def test_the_prefix_of_erased_leads_is_refused_in_any_case(pair):
    with pytest.raises(InvalidValue) as refused:
        register(pair, "Erased:17")
    assert refused.value.field == "external_id"
    assert str(refused.value) == "A lead's external id may not start with 'erased:' (erased leads)."
    assert pair.leads.search() == []


# -- each source's own settings ------------------------------------------------------------
def test_each_source_is_distributed_by_its_own_strategy(pair):
    pair.sources.update("site", strategy="weighted_random")
    pair.sources.create("Почта", code="mail")
    pair.sources.set_weights("mail", {"Анна": 1, "Борис": 1})
    pair.sources.update("mail", strategy="round_robin")
    owners = [register(pair, f"lead-{i}", "mail").operator.name for i in range(6)]
    assert owners == ["Анна", "Борис"] * 3


def test_the_trace_lists_candidates_in_the_order_they_joined_the_source(crm):
    crm.operators.create("Анна")
    crm.operators.create("Борис")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weight("site", "Борис", 1)
    crm.sources.set_weight("site", "Анна", 1)
    (decision,) = crm.contacts.history(register(crm, "lead").id)
    assert [c.operator.name for c in decision.candidates] == ["Борис", "Анна"]


def test_a_round_robin_source_keeps_its_turn_after_an_import_that_began_elsewhere(pair, tmp_path):
    pair.sources.create("Почта", code="mail")  # weighted random
    pair.sources.set_weights("mail", {"Анна": 1, "Борис": 1})
    path = write_csv(
        tmp_path / "two.csv",
        [
            ("lead-1", "", "Почта", "первое", "11.03.2024 09:00"),
            ("lead-2", "", "Сайт", "второе", "11.03.2024 10:00"),
        ],
    )
    assert pair.imports.run(open_table(path)).record.imported == 2
    (imported,) = [
        c for lead in pair.leads.search("") for c in lead.contacts if c.source.code == "site"
    ]
    after = register(pair, "lead-3")
    assert {imported.operator.name, after.operator.name} == {"Анна", "Борис"}  # turns alternate


# -- time: missed reply deadlines, stale contacts, the overdue list -------------------------
# (services/timers.py applies them; these tests read what it leaves through the services)
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
DEADLINE = dt.timedelta(minutes=15)


class _Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> _Clock:
    return _Clock()


@pytest.fixture
def timed(database_location, clock):
    """A CRM on ``clock``: «Сайт» (site) by least load, a reply within 15 minutes, Анна
    (limit 5) and Борис (limit 0 for now: the contacts land on Анна)."""
    instance = open_crm(database_location, random.Random(20260302).randint, clock=clock)
    instance.operators.create("Анна", max_load=5)
    instance.operators.create("Борис", max_load=0)
    instance.sources.create("Сайт", code="site")
    instance.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    instance.sources.update("site", strategy="least_loaded", reply_within=15 * 60)
    yield instance
    instance.close()


def ids(crm):
    return {o.name: o.id for o in crm.operators.list()}


def loads(crm):
    return {o.name: o.load for o in crm.operators.list()}


def traced(crm, contact_id, kind):
    return [d for d in crm.contacts.history(contact_id) if d.kind == kind]


def draws(decision):
    return [(d.operator.name, d.accepted, d.r, d.total, d.note) for d in decision.draws]


def test_a_missed_deadline_is_traced_whole_and_the_loads_follow_each_move(timed, clock):
    first, second, third = (register(timed, f"lead-{i}") for i in range(3))
    timed.operators.update("Борис", max_load=1)
    clock.now += DEADLINE
    result = timed.timers.run_due()
    assert (result.moved, result.overdue) == (1, 2)
    anna = ids(timed)["Анна"]

    (moved,) = traced(timed, first.id, "timeout")
    assert (moved.operator.name, moved.reason, moved.strategy) == ("Борис", None, "least_loaded")
    assert candidates(moved) == {
        "Анна": (1, True, 3, 5, "timed_out"),
        "Борис": (1, True, 0, 1, None),
    }
    assert draws(moved) == [("Борис", True, None, None, "load 0 of 1")]
    assert moved.note == f"reply deadline missed by operator #{anna}"
    assert moved.created_at == clock.now

    # The next contact of the same run meets the loads as the move left them.
    (stays,) = traced(timed, second.id, "timeout")
    assert (stays.operator, stays.reason, stays.strategy) == (None, "none_eligible", "least_loaded")
    assert candidates(stays) == {
        "Анна": (1, True, 2, 5, "timed_out"),
        "Борис": (1, True, 1, 1, "at_limit"),
    }
    assert stays.draws == ()
    assert stays.note == (
        f"reply deadline missed by operator #{anna}; nobody else can take it: it stays, overdue"
    )
    assert [d.kind for d in timed.contacts.history(third.id)] == ["auto", "timeout"]

    assert {c.id: c.operator.name for c in map(timed.contacts.get, (first.id, second.id))} == {
        first.id: "Борис",
        second.id: "Анна",
    }
    assert loads(timed) == {"Анна": 2, "Борис": 1}
    overdue = timed.queue.overdue()
    assert [(c.id, c.operator.name, c.overdue) for c in overdue] == [
        (second.id, "Анна", True),
        (third.id, "Анна", True),
    ]
    assert [c.id for c in timed.queue.overdue(limit=1)] == [second.id]


def test_a_returning_leads_contacts_follow_the_operator_a_timeout_gave_the_first(timed, clock):
    """Least load would give the second contact to Вера; the lead's last operator (the
    one the first contact just moved to, in the same run) takes it."""
    timed.operators.create("Вера", max_load=0)
    timed.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Вера": 1})
    timed.sources.update("site", repeat_to_last=True)
    first = register(timed, "+79001234567")
    second = register(timed, "+79001234567")
    timed.operators.update("Борис", max_load=2)
    timed.operators.update("Вера", max_load=10)
    timed.sources.create("Другой", code="other")
    timed.sources.set_weights("other", {"Вера": 1})
    register(timed, "lead-v1", source="other")
    register(timed, "lead-v2", source="other")  # Вера: 2 of 10, less than Борис's 1 of 2
    clock.now += DEADLINE
    assert timed.timers.run_due().moved == 2
    assert [timed.contacts.get(c.id).operator.name for c in (first, second)] == ["Борис"] * 2
    (decision,) = traced(timed, second.id, "timeout")
    assert draws(decision) == [("Борис", True, None, None, REPEAT_LEAD_NOTE)]
    assert loads(timed) == {"Анна": 0, "Борис": 2, "Вера": 2}


def test_a_timeout_respects_the_contacts_tags_and_traces_why_the_others_cannot(timed, clock):
    timed.operators.update("Анна", skills="vip")
    contact = register(timed, "lead-1", tags=("vip",))
    timed.operators.update("Борис", max_load=5)  # free, but without the skill
    clock.now += DEADLINE
    result = timed.timers.run_due()
    assert (result.moved, result.overdue) == (0, 1)
    (decision,) = traced(timed, contact.id, "timeout")
    assert (decision.operator, decision.reason) == (None, "none_eligible")
    assert candidates(decision) == {
        "Анна": (1, True, 1, 5, "timed_out"),
        "Борис": (1, True, 0, 5, "no_skill"),
    }
    assert timed.contacts.get(contact.id).operator.name == "Анна"


def test_a_stale_contact_is_closed_and_traced_as_an_automatic_close(timed, clock):
    timed.sources.update("site", reply_within=None, close_after=2 * 3600)
    contact = register(timed, "lead-1")
    clock.now += dt.timedelta(hours=2)
    assert timed.timers.run_due().closed == 1
    assert not timed.contacts.get(contact.id).is_active
    auto, closed = timed.contacts.history(contact.id)
    assert auto.kind == "auto"
    assert (closed.kind, closed.operator, closed.reason, closed.strategy) == (
        "auto_close",
        None,
        None,
        "auto_close",
    )
    assert (closed.candidates, closed.draws) == ((), ())
    assert closed.note == "closed automatically: no activity for 2h"
    assert closed.created_at == clock.now
    assert loads(timed) == {"Анна": 0, "Борис": 0}


# -- back to the queue by hand ----------------------------------------------------------------
def test_a_contact_put_back_by_hand_is_traced_and_frees_its_place_in_the_same_call(crm):
    """Анна (limit 1) gives her contact back to the queue and takes the waiting one in
    one call: the place the first frees is counted before the second is given to her.
    (Automatic re-distribution off: the queue does not restate the reason given.)"""
    crm.queue.set_auto(False)
    crm.operators.create("Анна", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    held, waiting = register(crm, "lead-1"), register(crm, "lead-2")
    anna = ids(crm)["Анна"]
    assert (held.operator.id, waiting.operator) == (anna, None)
    crm.contacts.move(
        [
            Move(held.id, expected=anna, operator=None, reason="no_operators"),
            Move(waiting.id, expected=None, operator=anna),
        ]
    )
    back = crm.contacts.get(held.id)
    assert (back.operator, back.reason, back.is_active) == (None, "no_operators", True)
    assert crm.contacts.get(waiting.id).operator.name == "Анна"
    assert [c.id for c in crm.queue.unassigned()] == [held.id]
    assert loads(crm) == {"Анна": 1}

    auto, manual = crm.contacts.history(held.id)
    assert auto.operator.name == "Анна"
    assert (manual.kind, manual.operator, manual.reason, manual.strategy) == (
        "manual",
        None,
        "no_operators",
        "manual",
    )
    assert (manual.candidates, manual.draws) == ((), ())
    assert manual.note == f"back to the queue from operator #{anna}"
    (by_hand,) = [d for d in crm.contacts.history(waiting.id) if d.kind == "manual"]
    assert candidates(by_hand) == {"Анна": (1, True, 0, 1, None)}
    assert by_hand.note == "from the queue"


def test_a_closed_contact_put_back_by_hand_frees_no_place(crm):
    crm.operators.create("Анна", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    closed = register(crm, "lead-1")
    crm.contacts.close_many([closed.id])
    held, waiting = register(crm, "lead-2"), register(crm, "lead-3")
    anna = ids(crm)["Анна"]
    assert (held.operator.id, waiting.operator) == (anna, None)
    with pytest.raises(LimitReached):
        crm.contacts.move(
            [
                Move(closed.id, expected=anna, operator=None),
                Move(waiting.id, expected=None, operator=anna),
            ]
        )
    assert crm.contacts.get(closed.id).operator.name == "Анна"  # nothing changed
    crm.contacts.move([Move(closed.id, expected=anna, operator=None)])
    (_auto, back) = crm.contacts.history(closed.id)
    assert (back.kind, back.operator, back.reason) == ("manual", None, "none_eligible")
    assert loads(crm) == {"Анна": 1}


@pytest.fixture
def by_hand(crm):
    """Анна (limit 1, weight 0: only a choice by hand gives her contacts) and Борис
    (limit 1) on «Сайт»: a closed contact of Борис's, an active one, one in the queue."""
    crm.operators.create("Анна", max_load=1)
    crm.operators.create("Борис", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 0, "Борис": 1})
    closed = register(crm, "lead-1")
    crm.contacts.close_many([closed.id])
    held, waiting = register(crm, "lead-2"), register(crm, "lead-3")
    assert (held.operator.name, waiting.operator) == ("Борис", None)
    return crm, closed, held, waiting


def test_a_closed_contact_given_by_hand_adds_no_load_in_the_same_call(by_hand):
    crm, closed, _held, waiting = by_hand
    anna = ids(crm)["Анна"]
    boris = ids(crm)["Борис"]
    crm.contacts.move(
        [Move(closed.id, expected=boris, operator=anna), Move(waiting.id, None, operator=anna)]
    )
    assert [crm.contacts.get(c.id).operator.name for c in (closed, waiting)] == ["Анна"] * 2
    assert loads(crm) == {"Анна": 1, "Борис": 1}


def test_a_closed_contact_given_by_hand_counts_towards_the_daily_cap_in_the_same_call(by_hand):
    crm, closed, _held, waiting = by_hand
    crm.operators.update("Анна", daily_cap=1)
    anna = ids(crm)["Анна"]
    boris = ids(crm)["Борис"]
    with pytest.raises(LimitReached):
        crm.contacts.move(
            [Move(closed.id, expected=boris, operator=anna), Move(waiting.id, None, operator=anna)]
        )
    assert crm.contacts.get(waiting.id).operator is None  # all or nothing
    crm.contacts.move([Move(closed.id, expected=boris, operator=anna)])
    with pytest.raises(LimitReached):  # as the stored decisions count it afterwards
        crm.contacts.move([Move(waiting.id, None, operator=anna)])


def test_a_contact_moved_by_hand_frees_its_operators_place_in_the_same_call(by_hand):
    crm, _closed, held, waiting = by_hand
    anna = ids(crm)["Анна"]
    boris = ids(crm)["Борис"]
    crm.contacts.move(
        [Move(held.id, expected=boris, operator=anna), Move(waiting.id, None, operator=boris)]
    )
    assert [crm.contacts.get(c.id).operator.name for c in (held, waiting)] == ["Анна", "Борис"]
    assert loads(crm) == {"Анна": 1, "Борис": 1}
    (moved,) = [d for d in crm.contacts.history(held.id) if d.kind == "manual"]
    assert moved.note == f"previous operator #{boris}"
    (taken,) = [d for d in crm.contacts.history(waiting.id) if d.kind == "manual"]
    assert candidates(taken) == {"Борис": (1, True, 0, 1, None)}


def test_a_choice_by_hand_is_refused_off_shift_away_at_the_daily_cap_or_without_the_skill(
    timed,
):
    """Вера is on no source (no weight): a choice by hand reads her day all the same."""
    timed.operators.create("Вера", max_load=5)
    first, second = register(timed, "lead-1"), register(timed, "lead-2", tags=("vip",))

    def refused(contact):
        result = timed.contacts.assign([contact.id], "Вера")
        return [contact_id for contact_id, _error in result.refused]

    timed.operators.update("Вера", active=False)
    assert refused(first) == [first.id]
    timed.operators.update("Вера", active=True, max_load=0)
    assert refused(first) == [first.id]
    timed.operators.update("Вера", max_load=5)
    timed.operators.set_hours("Вера", ["tue 10:00-12:00"])  # T0 is a Monday
    assert refused(first) == [first.id]
    timed.operators.set_hours("Вера", [])
    timed.operators.set_away("Вера")
    assert refused(first) == [first.id]
    timed.operators.set_back("Вера")
    timed.operators.update("Вера", skills="kz")
    assert refused(second) == [second.id]
    timed.operators.update("Вера", daily_cap=1)
    assert refused(first) == []  # her first today
    timed.operators.update("Вера", skills="kz,vip")
    assert refused(second) == [second.id]  # the cap: one a day
    timed.operators.update("Вера", daily_cap=2)
    assert refused(second) == []
    assert [timed.contacts.get(c.id).operator.name for c in (first, second)] == ["Вера"] * 2


def test_a_decision_that_excluded_by_skill_and_daily_cap_keeps_both_reasons(timed):
    """The trace keeps the contact's tags and the counts of the day when they excluded
    someone, so that it reads back each candidate's own reason."""
    timed.operators.update("Анна", skills="kz,vip", daily_cap=1)
    timed.operators.update("Борис", max_load=5, skills="kz")
    first = register(timed, "lead-1", tags=("kz",))
    second = register(timed, "lead-2", tags=("vip", "kz"))
    assert (first.operator.name, second.operator) == ("Анна", None)
    assert timed.contacts.get(second.id).reason == "none_eligible"
    (decision,) = timed.contacts.history(second.id)
    assert candidates(decision) == {
        "Анна": (1, True, 1, 5, "daily_cap"),
        "Борис": (1, True, 0, 5, "no_skill"),
    }
    (plain,) = timed.contacts.history(first.id)
    assert candidates(plain) == {"Анна": (1, True, 0, 5, None), "Борис": (1, True, 0, 5, None)}


def test_the_overdue_list_shows_at_most_200_contacts_by_default(timed, clock):
    timed.operators.update("Анна", max_load=300)
    ids = [register(timed, f"lead-{i}").id for i in range(201)]
    clock.now += DEADLINE
    assert timed.timers.run_due().overdue == 201
    assert [c.id for c in timed.queue.overdue()] == ids[:200]


def test_an_owner_without_the_skills_a_row_needs_leaves_it_to_the_distributor(pair, tmp_path):
    pair.operators.update("Анна", skills="vip")
    path = write_csv(
        tmp_path / "owners.csv",
        [
            ("+79000000001", "", "Сайт", "", "11.03.2024 09:00", "Борис", "vip"),
            ("+79000000002", "", "Сайт", "", "11.03.2024 10:00", "Борис", ""),
        ],
        header=("phone", "name", "source", "message", "date", "owner", "tags"),
    )
    summary = pair.imports.run(open_table(path), keep_operator=True)
    assert (summary.record.imported, summary.record.assigned) == (2, 2)
    first, second = imported_contacts(pair)
    assert (first.operator.name, second.operator.name) == ("Анна", "Борис")
    assert [d.kind for d in pair.contacts.history(first.id)] == ["auto"]
    assert [d.kind for d in pair.contacts.history(second.id)] == ["manual"]


def test_a_tagged_contact_taken_from_the_queue_keeps_why_the_others_could_not(crm):
    vip_desk(crm)
    crm.operators.set_away("Анна")
    contact = register(crm, "lead-1", tags=("vip",))
    crm.operators.set_back("Анна")
    assert crm.contacts.get(contact.id).operator.name == "Анна"
    _auto, again = crm.contacts.history(contact.id)
    assert again.kind == "redistribution"
    assert candidates(again) == {
        "Анна": (1, True, 0, 5, None),
        "Борис": (1, True, 0, 5, "no_skill"),
    }


def test_a_contact_given_out_later_counts_its_reply_deadline_from_then(timed, clock):
    """Queued for an hour, then given to Анна when she has room: her reply deadline
    starts at that moment (not at the contact's creation); missed, it is overdue; moved
    to Борис later, it is no longer overdue and his deadline starts at the move."""
    timed.operators.update("Анна", max_load=0)
    contact = register(timed, "lead-late")
    assert timed.contacts.get(contact.id).operator is None
    clock.now += dt.timedelta(hours=1)
    timed.operators.update("Анна", max_load=5)  # capacity: the queue is given out now
    assert timed.contacts.get(contact.id).operator.name == "Анна"

    clock.now += DEADLINE - dt.timedelta(seconds=1)
    assert (timed.timers.run_due().moved, timed.contacts.get(contact.id).overdue) == (0, False)
    clock.now += dt.timedelta(seconds=1)
    assert timed.timers.run_due().overdue == 1  # nobody else can take it: it stays, overdue
    assert timed.contacts.get(contact.id).overdue

    clock.now += dt.timedelta(minutes=5)
    timed.operators.update("Борис", max_load=1)
    timed.timers.run_due()
    moved = timed.contacts.get(contact.id)
    assert (moved.operator.name, moved.overdue) == ("Борис", False)
    clock.now += DEADLINE - dt.timedelta(seconds=1)
    assert timed.timers.run_due().moved == 0  # Борис's deadline counts from the move
    assert timed.contacts.get(contact.id).operator.name == "Борис"


def test_a_contact_given_out_later_is_idle_from_then_for_the_auto_close(timed, clock):
    """Queued for an hour, given out when Анна has room: "no activity for 90 min" counts
    from that moment, so it is closed 90 minutes after it, not 30."""
    timed.sources.update("site", reply_within=None, close_after=90 * 60)
    timed.operators.update("Анна", max_load=0)
    contact = register(timed, "lead-late")
    clock.now += dt.timedelta(hours=1)
    timed.operators.update("Анна", max_load=5)
    assert timed.contacts.get(contact.id).operator.name == "Анна"
    clock.now += dt.timedelta(minutes=90) - dt.timedelta(seconds=1)
    timed.timers.run_due()
    assert timed.contacts.get(contact.id).is_active
    clock.now += dt.timedelta(seconds=1)
    timed.timers.run_due()
    assert not timed.contacts.get(contact.id).is_active
