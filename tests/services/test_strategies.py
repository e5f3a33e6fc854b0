"""Strategies per source (weighted lottery, smooth round-robin, least loaded), repeat
leads, and configured against delivered shares, all through the services.

Sequences are compared with independent reference implementations written here,
and the database is read back with plain ``sqlite3``.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
from collections import Counter
from fractions import Fraction

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.domain.distribution import REPEAT_LEAD_NOTE
from desktop_crm.errors import InvalidValue
from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.processes import run_together
from tests.stats_util import chi_square

BIG = 100_000
WEIGHTS = {"Анна": 1, "Борис": 3, "Вера": 6}  # one full cycle = 10 contacts


# -- references and helpers -------------------------------------------------------------------
def smooth_round_robin(weights, count):
    """nginx's smooth weighted round-robin from a fresh state; ties go to the first."""
    names, total = list(weights), sum(weights.values())
    current = dict.fromkeys(names, 0)
    picks = []
    for _ in range(count):
        for name in names:
            current[name] += weights[name]
        best = max(names, key=lambda n: (current[n], -names.index(n)))
        current[best] -= total
        picks.append(best)
    return picks


def least_loaded(operators, loads, count):
    """operators: [(name, weight, max_load)] in configuration order; the lowest
    load/max_load first, then the larger weight, then the order."""
    loads = dict(loads)
    picks = []
    for _ in range(count):
        free = [(n, w, m) for n, w, m in operators if w > 0 and loads.get(n, 0) < m]
        if not free:
            picks.append(None)
            continue
        name = min(
            free, key=lambda o: (Fraction(loads.get(o[0], 0), o[2]), -o[1], operators.index(o))
        )[0]
        loads[name] = loads.get(name, 0) + 1
        picks.append(name)
    return picks


def owners_in_order(db_path, source="site"):
    """Operator names of the source's contacts in the order they were decided (by id)."""
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute(
            "SELECT o.name FROM contact c JOIN source s ON s.id = c.source_id"
            " LEFT JOIN operator o ON o.id = c.operator_id WHERE s.code = ? ORDER BY c.id",
            (source,),
        ).fetchall()
    finally:
        connection.close()
    return [name for (name,) in rows]


def assert_exact_cycles(picks, weights):
    cycle = sum(weights.values())
    for start in range(0, len(picks) - cycle + 1, cycle):
        assert Counter(picks[start : start + cycle]) == weights, start
    counts: Counter[str] = Counter()
    for n, name in enumerate(picks, 1):  # never more than one contact off the share
        counts[name] += 1
        for other, weight in weights.items():
            assert abs(counts[other] - Fraction(n * weight, cycle)) < 1


def register(crm, lead, source="site"):
    return crm.contacts.register(ContactRequest(lead, source)).contact


def setup_source(crm, weights, strategy=None, limit=BIG, code="site"):
    for name in weights:
        crm.operators.create(name, max_load=limit)
    crm.sources.create(code.upper(), code=code)
    crm.sources.set_weights(code, weights)
    if strategy:
        crm.sources.update(code, strategy=strategy)


def write_leads(path, leads, source="site"):
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["phone", "name", "source", "message"])
        for n, lead in enumerate(leads):
            writer.writerow([lead, "", source, f"message {n}"])
    return path


def import_leads(crm, tmp_path, leads, name="leads.csv"):
    summary = crm.imports.run(open_table(write_leads(tmp_path / name, leads)))
    assert summary.record.imported == len(leads)
    return summary


# -- weighted random -------------------------------------------------------------------------------
LOTTERY_CONTACTS = 12_000


def test_weighted_random_follows_the_weights_over_many_contacts(crm, db_path, tmp_path):
    setup_source(crm, WEIGHTS)
    assert crm.sources.get("site").strategy == "weighted_random"  # the default
    import_leads(crm, tmp_path, [f"user-{n}" for n in range(LOTTERY_CONTACTS)])
    observed = Counter(owners_in_order(db_path))
    counts = [observed[name] for name in WEIGHTS]
    assert sum(counts) == LOTTERY_CONTACTS
    _, p_value = chi_square(counts, list(WEIGHTS.values()))
    assert p_value > 0.01, counts
    _, p_equal = chi_square(counts, [1, 1, 1])
    assert p_equal < 1e-9  # the test would notice shares that ignore the weights
    (shares,) = crm.stats.shares()
    assert [(o.operator.name, o.weight, o.delivered) for o in shares.operators] == [
        (name, weight, observed[name]) for name, weight in WEIGHTS.items()
    ]
    assert [o.configured for o in shares.operators] == [0.1, 0.3, 0.6]
    for share in shares.operators:
        assert share.delivered_share == pytest.approx(share.configured, abs=0.015)
    assert shares.unassigned == 0


def test_the_recorded_draws_are_uniform_and_explain_every_winner(crm, db_path, tmp_path):
    setup_source(crm, WEIGHTS)
    import_leads(crm, tmp_path, [f"user-{n}" for n in range(3_000)])
    connection = sqlite3.connect(db_path)
    try:
        rows = connection.execute(
            "SELECT o.name, d.r, d.total FROM decision d JOIN operator o ON o.id = d.operator_id"
        ).fetchall()
    finally:
        connection.close()
    assert len(rows) == 3_000 and {total for *_, total in rows} == {10}
    bands = {"Анна": range(1, 2), "Борис": range(2, 5), "Вера": range(5, 11)}
    assert all(r in bands[name] for name, r, _ in rows)  # the first running sum >= r
    by_r = Counter(r for _, r, _ in rows)
    _, p_value = chi_square([by_r[r] for r in range(1, 11)], [1] * 10)
    assert p_value > 0.01


# -- smooth weighted round-robin ---------------------------------------------------------------
def test_round_robin_is_exact_over_every_full_cycle(crm, db_path):
    setup_source(crm, WEIGHTS, "round_robin")
    contacts = [register(crm, f"user-{n}") for n in range(35)]
    picks = [c.operator.name for c in contacts]
    assert picks == smooth_round_robin(WEIGHTS, 35)
    assert_exact_cycles(picks, WEIGHTS)
    decision = crm.contacts.history(contacts[0].id)[0]
    (draw,) = decision.draws
    assert (decision.strategy, draw.r, draw.total) == ("round_robin", None, 10)
    assert draw.note.startswith("current weight")


def test_round_robin_continues_across_instances_and_the_importer(crm, db_path, tmp_path):
    setup_source(crm, WEIGHTS, "round_robin")
    for n in range(4):  # part of a cycle in one instance
        register(crm, f"first-{n}")
    crm.close()
    second = open_crm(DatabaseLocation(db_path), random.Random(2).randint)
    try:
        assert second.sources.get("site").strategy == "round_robin"  # stored in the database
        for n in range(9):
            register(second, f"second-{n}")
        import_leads(second, tmp_path, [f"file-{n}" for n in range(17)])  # one transaction
    finally:
        second.close()
    picks = owners_in_order(db_path)
    assert picks == smooth_round_robin(WEIGHTS, 30)
    assert_exact_cycles(picks, WEIGHTS)


def test_round_robin_is_kept_by_redistribution(crm, db_path):
    setup_source(crm, WEIGHTS, "round_robin", limit=0)
    waiting = [register(crm, f"user-{n}").id for n in range(12)]
    crm.queue.set_auto(False)
    for name in WEIGHTS:
        crm.operators.update(name, max_load=BIG)
    assert crm.queue.drain(batch_size=5).assigned == 12
    crm.queue.set_auto(True)
    more = [register(crm, f"late-{n}").id for n in range(8)]
    picks = [crm.contacts.get(i).operator.name for i in waiting + more]
    assert picks == smooth_round_robin(WEIGHTS, 20)
    assert_exact_cycles(picks, WEIGHTS)


PROCESSES = 4
PER_PROCESS = 15  # 60 in all: six full cycles


def _register_round_robin(path, worker, barrier, results):
    try:
        crm = open_crm(DatabaseLocation(path), random.Random(worker).randint, busy_timeout=30)
    except Exception as error:  # reported, so a failure is not a silent wait
        results.put(repr(error))
        raise
    barrier.wait()
    try:
        for n in range(PER_PROCESS):
            register(crm, f"w{worker}-{n}")
        results.put("ok")
    except Exception as error:
        results.put(repr(error))
        raise
    finally:
        crm.close()


def test_processes_registering_at_once_share_one_round_robin_sequence(tmp_path):
    path = tmp_path / "shared.sqlite3"
    crm = open_crm(DatabaseLocation(path))
    setup_source(crm, WEIGHTS, "round_robin")
    crm.close()
    reports = run_together(_register_round_robin, lambda n: (path, n), PROCESSES)
    assert reports == ["ok"] * PROCESSES
    picks = owners_in_order(path)
    total = PROCESSES * PER_PROCESS
    assert Counter(picks) == {name: weight * total // 10 for name, weight in WEIGHTS.items()}
    assert picks == smooth_round_robin(WEIGHTS, total)  # one sequence, whoever registered
    assert_exact_cycles(picks, WEIGHTS)


# -- least loaded -------------------------------------------------------------------------------
# (name, weight, max_load) in configuration order; Дарья is inactive, Егор has weight 0.
LEAST = [("Анна", 1, 2), ("Борис", 1, 4), ("Вера", 2, 4), ("Глеб", 1, 6)]


@pytest.fixture
def least(crm):
    for name, _weight, limit in LEAST:
        crm.operators.create(name, max_load=limit)
    crm.operators.create("Дарья", max_load=50, active=False)
    crm.operators.create("Егор", max_load=50)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {**{n: w for n, w, _ in LEAST}, "Дарья": 9, "Егор": 0})
    crm.sources.update("site", strategy="least_loaded")
    crm.sources.create("Другой", code="other")  # Глеб's load from another source counts
    crm.sources.set_weights("other", {"Глеб": 1})
    for n in range(3):
        register(crm, f"other-{n}", "other")
    return crm


@pytest.mark.parametrize("path", ["register", "import"])
def test_least_loaded_takes_the_lowest_load_share_and_weight_breaks_ties(
    least, tmp_path, db_path, path
):
    count = 2 + 4 + 4 + 3 + 1  # the room left, and one more
    expected = least_loaded(LEAST, {"Глеб": 3}, count)
    assert expected[-1] is None and expected[:3] == ["Вера", "Анна", "Борис"]
    if path == "register":
        for n in range(count):
            register(least, f"user-{n}")
    else:
        import_leads(least, tmp_path, [f"user-{n}" for n in range(count)])
    assert owners_in_order(db_path) == expected
    loads = {o.name: o.load for o in least.operators.list()}
    assert loads == {"Анна": 2, "Борис": 4, "Вера": 4, "Глеб": 6, "Дарья": 0, "Егор": 0}
    (waiting,) = least.queue.unassigned()
    assert waiting.reason == "none_eligible"
    decision = least.contacts.history(waiting.id - 1)[0]
    assert decision.strategy == "least_loaded" and decision.draws[0].note.startswith("load ")


def test_strategy_is_validated_and_stored_for_every_instance(crm, db_path):
    setup_source(crm, WEIGHTS)
    with pytest.raises(InvalidValue):
        crm.sources.update("site", strategy="fastest")
    assert crm.sources.get("site").strategy == "weighted_random"
    crm.sources.update("site", strategy="least_loaded", repeat_to_last=True)
    crm.close()
    other = open_crm(DatabaseLocation(db_path))
    try:
        info = other.sources.get("site")
        assert (info.strategy, info.repeat_to_last) == ("least_loaded", True)
    finally:
        other.close()


# -- repeat leads -------------------------------------------------------------------------------
@pytest.fixture
def alternating(crm):
    """«Сайт» (site) by round-robin between Анна and Борис (1:1): a new lead alternates;
    Вера (limit 5) is on «Telegram» (tg) only."""
    setup_source(crm, {"Анна": 1, "Борис": 1}, "round_robin", limit=5)
    crm.operators.create("Вера", max_load=5)
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Вера": 1})
    return crm


def names(contacts):
    return [c.operator and c.operator.name for c in contacts]


def test_by_default_a_returning_lead_goes_through_the_strategy(alternating):
    assert not alternating.sources.get("site").repeat_to_last
    assert names(register(alternating, "+79001112233") for _ in range(3)) == [
        "Анна",
        "Борис",
        "Анна",
    ]


def test_repeat_to_last_sends_a_returning_lead_to_its_last_operator(alternating):
    alternating.sources.update("site", repeat_to_last=True)
    first = register(alternating, "+79001112233")
    again = [register(alternating, "8 900 111-22-33") for _ in range(2)]  # the same lead
    assert names([first, *again]) == ["Анна"] * 3
    decision = alternating.contacts.history(again[0].id)[0]
    (draw,) = decision.draws
    assert (draw.operator.name, draw.accepted, draw.note) == ("Анна", True, REPEAT_LEAD_NOTE)
    assert register(alternating, "new lead").operator.name == "Борис"


def make_inactive(crm):
    crm.operators.update("Анна", active=False)


def make_full(crm):
    crm.operators.update("Анна", max_load=1)


def make_weight_0(crm):
    crm.sources.set_weights("site", {"Анна": 0, "Борис": 1})


@pytest.mark.parametrize("ineligible", [make_inactive, make_full, make_weight_0])
def test_an_ineligible_last_operator_sends_the_lead_through_the_strategy(alternating, ineligible):
    alternating.sources.update("site", repeat_to_last=True)
    assert register(alternating, "lead").operator.name == "Анна"
    ineligible(alternating)
    again = register(alternating, "lead")
    assert again.operator.name == "Борис"
    (decision,) = alternating.contacts.history(again.id)
    (draw,) = decision.draws  # the strategy's pick, no repeat-lead draw
    assert draw.note.startswith("current weight")


def test_the_last_operator_is_whoever_handled_the_lead_last(alternating):
    alternating.sources.update("site", repeat_to_last=True)
    first = register(alternating, "lead")
    alternating.contacts.assign([first.id], "Борис")  # the dispatcher moved it
    assert register(alternating, "lead").operator.name == "Борис"
    on_tg = register(alternating, "lead", "tg")  # then Вера handled it on tg
    assert on_tg.operator.name == "Вера"
    assert register(alternating, "lead").operator.name in ("Анна", "Борис")  # Вера: not on site
    alternating.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Вера": 1})
    register(alternating, "lead", "tg")
    assert register(alternating, "lead").operator.name == "Вера"


def test_repeat_leads_within_one_imported_batch(crm, tmp_path):
    """A file where every lead writes twice: the second row finds the first row's
    operator although neither is committed yet."""
    setup_source(crm, {"Анна": 1, "Борис": 1})  # the lottery: any pair could split

    def pairs_kept(prefix):
        leads = [f"{prefix}-{n}" for n in range(20)]
        import_leads(crm, tmp_path, leads + leads, f"{prefix}.csv")
        owners = [
            {c.operator.name for c in lead.contacts}
            for lead in crm.leads.search()
            if lead.external_id.startswith(prefix)
        ]
        assert len(owners) == len(leads)
        return sum(len(names) == 1 for names in owners)

    assert pairs_kept("off") < 20  # without the option some pairs split
    crm.sources.update("site", repeat_to_last=True)
    assert pairs_kept("on") == 20


def test_redistribution_prefers_the_last_operator_too(alternating):
    alternating.sources.update("site", repeat_to_last=True)
    for name in ("Анна", "Борис"):
        alternating.operators.update(name, max_load=1)
    assert names([register(alternating, "lead"), register(alternating, "other")]) == [
        "Анна",
        "Борис",
    ]
    waiting = register(alternating, "lead")
    assert waiting.operator is None
    alternating.queue.set_auto(False)
    alternating.operators.update("Борис", max_load=2)
    alternating.operators.update("Анна", max_load=2)
    alternating.queue.drain()
    assert alternating.contacts.get(waiting.id).operator.name == "Анна"
    decision = alternating.contacts.history(waiting.id)[-1]
    assert decision.kind == "redistribution" and decision.draws[0].note == REPEAT_LEAD_NOTE


# -- configured against delivered shares --------------------------------------------------------
def test_shares_per_source_configured_against_delivered(crm, tmp_path):
    setup_source(crm, WEIGHTS, "round_robin")
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Анна": 1, "Борис": 0})
    crm.sources.create("Почта", code="mail")  # nobody configured
    for n in range(20):
        register(crm, f"site-{n}")
    for n in range(3):
        register(crm, f"tg-{n}", "tg")
        register(crm, f"mail-{n}", "mail")
    shares = {s.source.code: s for s in crm.stats.shares()}
    site = shares["site"]
    assert [(o.operator.name, o.weight, o.delivered) for o in site.operators] == [
        ("Анна", 1, 2),
        ("Борис", 3, 6),
        ("Вера", 6, 12),
    ]
    for share in site.operators:  # round-robin over whole cycles: exactly as configured
        assert share.delivered_share == pytest.approx(share.configured)
    tg = shares["tg"]
    assert [(o.configured, o.delivered, o.delivered_share) for o in tg.operators] == [
        (1.0, 3, 1.0),
        (0.0, 0, 0.0),
    ]
    assert (shares["mail"].operators, shares["mail"].unassigned, site.unassigned) == ((), 3, 0)
    later = crm.stats.shares(since=dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
    assert all(o.delivered == 0 for s in later for o in s.operators)
