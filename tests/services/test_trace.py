"""Every decision traced: when, the kind, the outcome or the reason, the candidates with
their weight, load, limit and exclusion, and the draw (with any redraws)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.domain.distribution import (
    REPEAT_LEAD_NOTE,
    Candidate,
    Exclusion,
    SmoothRoundRobin,
    WeightedLottery,
    distribute,
)
from desktop_crm.errors import NotFound
from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest

from .import_files import HEADER, row, write_csv

# Configured on site, in this order: (name, weight, max_load, active)
SITE = (("Анна", 1, 3, True), ("Борис", 3, 2, True), ("Вера", 2, 5, False), ("Глеб", 0, 5, True))
NAMES = [name for name, *_ in SITE]


@pytest.fixture
def site(crm):
    """«Сайт» (site) with SITE; Дарья (limit 4) is on no source."""
    for name, _weight, limit, active in SITE:
        crm.operators.create(name, max_load=limit, active=active)
    crm.operators.create("Дарья", max_load=4)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {name: weight for name, weight, *_ in SITE})
    return crm


def register(crm, lead, source="site"):
    return crm.contacts.register(ContactRequest(lead, source)).contact


def only(history):
    (decision,) = history
    return decision


def table(decision):
    """name -> (weight, active, load, max_load, excluded), in the recorded order."""
    return {
        c.operator.name: (c.weight, c.active, c.load, c.max_load, c.excluded)
        for c in decision.candidates
    }


def expected_table(loads):
    """SITE as a decision sees it with these loads (independent of the product's rules)."""
    rows = {}
    for name, weight, limit, active in SITE:
        load = loads.get(name, 0)
        excluded = (
            "weight_0"
            if weight == 0
            else "inactive"
            if not active
            else "at_limit"
            if load >= limit
            else None
        )
        rows[name] = (weight, active, load, limit, excluded)
    return rows


def walk(decision, r):
    """The lottery's winner for ``r`` among the decision's eligible candidates."""
    running = 0
    for c in decision.candidates:
        if c.excluded is None:
            running += c.weight
            if running >= r:
                return c.operator.name
    raise AssertionError(f"r={r} beyond the eligible weight {running}")


def assert_lottery_draw(decision):
    (draw,) = decision.draws
    eligible = sum(c.weight for c in decision.candidates if c.excluded is None)
    assert draw.accepted and draw.total == eligible and 1 <= draw.r <= draw.total
    assert walk(decision, draw.r) == draw.operator.name == decision.operator.name


def test_an_assigned_contact_has_one_auto_entry_with_the_evidence(site):
    before = dt.datetime.now(dt.UTC)
    contact = register(site, "lead-1")
    decision = only(site.contacts.history(contact.id))
    assert before - dt.timedelta(seconds=1) <= decision.created_at <= dt.datetime.now(dt.UTC)
    assert (decision.kind, decision.reason, decision.strategy) == ("auto", None, "weighted_random")
    assert decision.operator == contact.operator
    assert list(table(decision)) == NAMES  # configuration order: the lottery walks it
    assert table(decision) == expected_table({})
    assert_lottery_draw(decision)
    assert decision.note == ""


def test_loads_in_the_trace_follow_a_sequence_of_contacts(site):
    loads: Counter[str] = Counter()
    for i in range(6):  # room for 3 + 2: the sixth waits
        contact = register(site, f"lead-{i}")
        decision = only(site.contacts.history(contact.id))
        assert table(decision) == expected_table(loads)
        if contact.operator is None:
            assert i == 5
            assert decision.reason == contact.reason == "none_eligible"
            assert decision.operator is None and decision.draws == ()
        else:
            assert_lottery_draw(decision)
            loads[contact.operator.name] += 1
    assert loads == {"Анна": 3, "Борис": 2}


def test_an_unassigned_contact_shows_every_exclusion_and_its_queue_reason(site):
    site.sources.create("Почта", code="mail")
    site.sources.set_weights("mail", {"Вера": 4, "Глеб": 0})
    contact = register(site, "lead", "mail")
    decision = only(site.contacts.history(contact.id))
    assert (decision.operator, decision.reason, decision.draws) == (None, "none_eligible", ())
    assert table(decision) == {
        "Вера": (4, False, 0, 5, "inactive"),
        "Глеб": (0, True, 0, 5, "weight_0"),
    }
    (listed,) = site.queue.unassigned()
    assert (listed.id, listed.reason) == (contact.id, "none_eligible")


@pytest.mark.parametrize("batch", [None, 3], ids=["one batch", "batches of 3"])
def test_imported_contacts_are_traced_with_exact_loads(site, tmp_path, batch):
    site.imports.batch_rows = batch
    path = write_csv(tmp_path / "leads.csv", [row(n) for n in range(8)], HEADER)
    summary = site.imports.run(open_table(path))
    assert (summary.record.imported, summary.record.assigned) == (8, 5)
    loads: Counter[str] = Counter()
    contacts = sorted(
        (c for lead in site.leads.search() for c in lead.contacts), key=lambda c: c.id
    )
    assert len(contacts) == 8
    for contact in contacts:
        decision = only(site.contacts.history(contact.id))
        assert decision.kind == "auto"
        assert table(decision) == expected_table(loads)
        if contact.operator is None:
            assert decision.reason == contact.reason == "none_eligible"
        else:
            assert_lottery_draw(decision)
            loads[contact.operator.name] += 1
    assert loads == {"Анна": 3, "Борис": 2}


def test_redistribution_is_traced_after_the_first_decision(site):
    held = [register(site, f"lead-{i}") for i in range(5)]
    waiting = register(site, "waits")
    site.operators.update("Анна", max_load=4)  # capacity: the waiting contact goes to Анна
    first, second = site.contacts.history(waiting.id)
    assert (first.kind, first.operator, first.reason) == ("auto", None, "none_eligible")
    assert (second.kind, second.operator.name, second.reason) == ("redistribution", "Анна", None)
    assert first.id < second.id and first.created_at <= second.created_at
    assert table(second)["Анна"] == (1, True, 3, 4, None)  # the new limit, the load before
    assert table(second)["Борис"] == (3, True, 2, 2, "at_limit")
    assert_lottery_draw(second)
    assert all(len(site.contacts.history(c.id)) == 1 for c in held)


def test_manual_actions_are_traced_with_the_chosen_operator(site):
    contact = register(site, "lead")
    previous = contact.operator
    site.contacts.assign([contact.id], "Глеб")  # weight 0 on site: the dispatcher may
    site.contacts.assign([contact.id], "Дарья")  # on no source at all
    auto, to_gleb, to_darya = site.contacts.history(contact.id)
    assert auto.kind == "auto"
    assert [d.kind for d in (to_gleb, to_darya)] == ["manual", "manual"]
    assert [d.strategy for d in (to_gleb, to_darya)] == ["manual", "manual"]
    assert table(to_gleb) == {"Глеб": (0, True, 0, 5, None)}
    assert table(to_darya) == {"Дарья": (0, True, 0, 4, None)}
    assert to_gleb.note == f"previous operator #{previous.id}"
    (draw,) = to_darya.draws
    assert (draw.operator.name, draw.accepted, draw.r, draw.total) == ("Дарья", True, None, None)
    assert auto.created_at <= to_gleb.created_at <= to_darya.created_at


def test_manual_assignment_from_the_queue_is_traced(site):
    site.sources.create("Почта", code="mail")
    contact = register(site, "lead", "mail")  # no operators: it waits
    register(site, "other")  # Анна's or Борис's: a load to show, or not
    load = site.operators.get("Анна").load
    site.contacts.assign([contact.id], "Анна")
    assert site.queue.unassigned() == []
    auto, manual = site.contacts.history(contact.id)
    assert (auto.reason, auto.candidates) == ("no_operators", ())
    assert manual.operator.name == "Анна" and manual.note == "from the queue"
    assert table(manual) == {"Анна": (0, True, load, 3, None)}


def test_the_trace_keeps_the_settings_as_they_were(site):
    contact = register(site, "lead")
    recorded = site.contacts.history(contact.id)
    site.operators.update("Анна", max_load=9, active=False)
    site.sources.set_weights("site", {"Борис": 7})
    site.operators.delete("Глеб")  # had no contacts; the trace still shows him
    (decision,) = site.contacts.history(contact.id)
    assert decision.draws == recorded[0].draws
    assert list(table(decision).values()) == list(expected_table({}).values())
    assert [c.operator.id for c in decision.candidates] == [
        c.operator.id for c in recorded[0].candidates
    ]


# -- redraws after a re-check ------------------------------------------------------------------
def scripted(*values):
    """A randint that returns these values in turn and checks the range asked for."""
    queue = list(values)
    calls = []

    def randint(a, b):
        calls.append((a, b))
        value = queue.pop(0)
        assert a <= value <= b
        return value

    randint.calls = calls
    return randint


def refusing(*operator_ids):
    """A re-check that refuses each of these operators once (another writer filled them)."""
    pending = list(operator_ids)

    def still_has_room(operator_id):
        if operator_id in pending:
            pending.remove(operator_id)
            return False
        return True

    return still_has_room


POOL = (
    Candidate(1, 5, True, 0, 3),
    Candidate(2, 3, True, 1, 3),
    Candidate(3, 2, True, 2, 3),
    Candidate(4, 4, False, 0, 3),
)


def test_a_refused_winner_is_redrawn_among_the_rest_and_both_draws_are_kept():
    randint = scripted(2, 4)  # r=2 of 10 -> operator 1; then r=4 of 5 -> operator 3
    decision = distribute(POOL, WeightedLottery(randint), refusing(1))
    assert randint.calls == [(1, 10), (1, 5)]
    assert [(d.operator_id, d.accepted, d.r, d.total) for d in decision.draws] == [
        (1, False, 2, 10),
        (3, True, 4, 5),
    ]
    assert decision.operator_id == 3 and decision.reason is None
    assert decision.excluded == {1: Exclusion.AT_LIMIT, 4: Exclusion.INACTIVE}
    assert decision.candidates == POOL  # as they stood before the re-check


def test_a_refused_repeat_lead_operator_falls_back_to_the_strategy():
    decision = distribute(POOL, WeightedLottery(scripted(1)), refusing(2), preferred=2)
    assert [(d.operator_id, d.accepted, d.note) for d in decision.draws] == [
        (2, False, REPEAT_LEAD_NOTE),
        (1, True, ""),
    ]
    assert decision.draws[1].total == 7  # 5 + 2: the refused operator left the pool
    assert decision.excluded[2] is Exclusion.AT_LIMIT


def test_a_round_robin_redraw_advances_the_state_only_for_the_winner():
    strategy = SmoothRoundRobin({})
    decision = distribute(POOL[:3], strategy, refusing(1))
    assert [(d.operator_id, d.accepted) for d in decision.draws] == [(1, False), (2, True)]
    assert strategy.current == {2: 3 - 5, 3: 2}  # the pool without 1: weights 3 + 2


def test_history_of_an_unknown_contact(site):
    with pytest.raises(NotFound):
        site.contacts.history(12345)


def test_fixed_seed_makes_the_trace_reproducible(tmp_path):
    """Two databases, same seed, same actions: the same draws (nothing else is random)."""
    draws = []
    for name in ("one", "two"):
        crm = open_crm(DatabaseLocation(tmp_path / f"{name}.sqlite3"), random.Random(3).randint)
        try:
            crm.operators.create("Анна", max_load=50)
            crm.operators.create("Борис", max_load=50)
            crm.sources.create("S", code="s")
            crm.sources.set_weights("s", {"Анна": 1, "Борис": 2})
            ids = [register(crm, f"l{i}", "s").id for i in range(20)]
            draws.append([crm.contacts.history(i)[0].draws[0].r for i in ids])
        finally:
            crm.close()
    assert draws[0] == draws[1]
