"""The queue: re-distribution when capacity appears, draining in bounded batches (also
from several processes at once), and manual assignment within the limits.

The database is read back with plain ``sqlite3`` where the test checks what was
committed, so the product is checked against independent code.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import Counter
from dataclasses import dataclass

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import DatabaseOpenError, LimitReached, NotFound, StoppedPartWay
from desktop_crm.services import open_crm
from desktop_crm.services.audit import Action, AuditFilter, FieldChange
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.events import Change
from desktop_crm.services.queue import DrainResult
from tests.processes import run_together
from tests.services.day_util import vip_desk

T0 = dt.datetime(2024, 5, 6, 9, 0, tzinfo=dt.UTC)


# -- helpers ---------------------------------------------------------------------------------
def register(crm, lead, source="site", minutes=None):
    """One contact; ``minutes`` after T0 as its created_at (default now)."""
    created = None if minutes is None else T0 + dt.timedelta(minutes=minutes)
    return crm.contacts.register(ContactRequest(lead, source, created_at=created)).contact


def owner(crm, contact_id):
    operator = crm.contacts.get(contact_id).operator
    return None if operator is None else operator.name


def queued(crm, source=None):
    """Queued contact ids, oldest first; only those of one source code when given."""
    return [c.id for c in crm.queue.unassigned(limit=10_000) if source in (None, c.source.code)]


def loads(crm):
    return {o.name: o.load for o in crm.operators.list()}


def kinds(crm, contact_id):
    return [d.kind for d in crm.contacts.history(contact_id)]


def sql(db_path, query, *params):
    connection = sqlite3.connect(db_path)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def redistributions_per_contact(db_path):
    return Counter(
        dict(
            sql(
                db_path,
                "SELECT contact_id, count(*) FROM decision"
                " WHERE kind = 'redistribution' GROUP BY contact_id",
            )
        )
    )


def assert_within_limits(crm):
    for operator in crm.operators.list():
        assert operator.load <= operator.max_load, operator


def fill_queue(crm, count, source="site", prefix="q"):
    """``count`` queued contacts, one minute apart (operators must be full or absent)."""
    ids = [register(crm, f"{prefix}{i}", source, minutes=i).id for i in range(count)]
    assert queued(crm, source)[-count:] == ids
    return ids


def make_room_quietly(crm, **limits):
    """Raise limits with automatic re-distribution off, so nothing is drained yet."""
    crm.queue.set_auto(False)
    for name, limit in limits.items():
        crm.operators.update(name, max_load=limit)
    crm.queue.set_auto(True)


# -- the desk: one source with a queue, and an unrelated source ---------------------------
@dataclass
class Desk:
    anna_contact: int  # Анна's one contact (she is at her limit)
    site_queue: list[int]  # oldest first
    tg_queue: list[int]


@pytest.fixture
def desk(crm):
    """«Сайт» (site): Анна (1), Борис (1), Дарья (5, inactive), all weight 1; both
    active ones are full and three contacts wait, created at +30, +10 and +20
    minutes (so the oldest first is the 2nd, 3rd, 1st). «Telegram» (tg): Глеб
    only; two contacts wait while Глеб has room (they queued before his limit
    was raised with automatic re-distribution off): a drain of everything would
    take them, a drain of site's operators must not."""
    crm.operators.create("Анна", max_load=1)
    crm.operators.create("Борис", max_load=1)
    crm.operators.create("Дарья", max_load=5, active=False)
    crm.operators.create("Глеб", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Дарья": 1})
    crm.sources.set_weights("tg", {"Глеб": 1})
    held = {c.operator.name: c.id for c in (register(crm, "a"), register(crm, "b"))}
    assert set(held) == {"Анна", "Борис"}
    late, early, middle = (register(crm, f"s{m}", minutes=m).id for m in (30, 10, 20))
    tg = [register(crm, f"t{m}", "tg", minutes=m).id for m in (0, 5)]
    make_room_quietly(crm, Глеб=5)
    assert queued(crm, "site") == [early, middle, late]
    assert queued(crm, "tg") == tg
    return Desk(held["Анна"], [early, middle, late], tg)


def close_annas(crm, desk):
    crm.contacts.close(desk.anna_contact)


def raise_boris(crm, desk):
    crm.operators.update("Борис", max_load=3)


def activate_darya(crm, desk):
    crm.operators.update("Дарья", active=True)


def add_vera(crm, desk):
    crm.operators.create("Вера", max_load=2)
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Дарья": 1, "Вера": 4})


def reassign_annas(crm, desk):
    result = crm.contacts.assign([desk.anna_contact], "Глеб")  # Глеб is not on site
    assert not result.refused


# trigger -> who gets the site queue (oldest first); None = still queued
TRIGGERS = {
    "contact closed": (close_annas, ["Анна", None, None]),
    "higher max_load": (raise_boris, ["Борис", "Борис", None]),
    "operator activated": (activate_darya, ["Дарья", "Дарья", "Дарья"]),
    "weights changed": (add_vera, ["Вера", "Вера", None]),
    "contact reassigned": (reassign_annas, ["Анна", None, None]),
}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_capacity_redistributes_the_sources_queue_oldest_first(crm, desk, db_path, trigger):
    make_room, expected = TRIGGERS[trigger]
    make_room(crm, desk)
    assert [owner(crm, c) for c in desk.site_queue] == expected
    assert queued(crm, "tg") == desk.tg_queue  # an unrelated source is not touched
    for contact_id, name in zip(desk.site_queue, expected, strict=True):
        assert kinds(crm, contact_id) == (["auto"] if name is None else ["auto", "redistribution"])
        assert (crm.contacts.get(contact_id).reason is None) == (name is not None)
    assert set(redistributions_per_contact(db_path).values()) == {1}
    assert_within_limits(crm)


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_with_auto_off_nothing_moves_until_the_queue_is_distributed(crm, desk, trigger):
    make_room, expected = TRIGGERS[trigger]
    crm.queue.set_auto(False)
    before = queued(crm)
    make_room(crm, desk)
    assert queued(crm) == before
    result = crm.queue.drain()  # "Distribute queue now": every source
    assert result.assigned == len(expected) - expected.count(None) + len(desk.tg_queue)
    assert [owner(crm, c) for c in desk.site_queue] == expected
    assert [owner(crm, c) for c in desk.tg_queue] == ["Глеб", "Глеб"]
    assert_within_limits(crm)


def test_auto_redistribution_is_on_by_default_and_the_setting_is_shared(crm, desk, db_path):
    assert crm.queue.auto_enabled()
    crm.queue.set_auto(False)
    crm.close()
    # One Crm per process at a time (the models share one DatabaseProxy): the next opens
    # after this one closed, as another process would see the file.
    second = open_crm(DatabaseLocation(db_path), random.Random(1).randint)
    try:
        assert not second.queue.auto_enabled()  # stored in the database, not in the instance
        second.contacts.close(desk.anna_contact)
        assert queued(second, "site") == desk.site_queue
        second.queue.set_auto(True)
    finally:
        second.close()
    third = open_crm(DatabaseLocation(db_path), random.Random(2).randint)
    try:
        assert third.queue.auto_enabled()
        third.operators.update("Борис", max_load=2)  # Анна's slot waited for this: two now
        early, middle, late = (owner(third, c) for c in desk.site_queue)
        assert ({early, middle}, late) == ({"Анна", "Борис"}, None)
    finally:
        third.close()


def test_a_second_database_is_refused_while_one_is_open(tmp_path):
    """The models follow one database per process: a second open must not redirect the first."""
    first = open_crm(DatabaseLocation(tmp_path / "first.sqlite3"))
    with pytest.raises(DatabaseOpenError, match="still open"):
        open_crm(DatabaseLocation(tmp_path / "second.sqlite3"))
    first.operators.create("Анна")
    first.close()
    second = open_crm(DatabaseLocation(tmp_path / "second.sqlite3"))
    second.close()
    assert sql(tmp_path / "first.sqlite3", "SELECT name FROM operator") == [("Анна",)]
    assert sql(tmp_path / "second.sqlite3", "SELECT name FROM operator") == []


def test_raising_the_limit_of_an_inactive_operator_frees_nothing(crm, desk):
    crm.operators.update("Дарья", max_load=50)
    crm.operators.update("Анна", name="Анна Петровна")  # no capacity either
    assert queued(crm, "site") == desk.site_queue


def test_capacity_on_several_sources_goes_to_their_oldest_contact(crm):
    crm.operators.create("Анна", max_load=1)
    crm.operators.create("Борис", max_load=0)
    for code in ("site", "tg", "wa"):
        crm.sources.create(code.upper(), code=code)
        crm.sources.set_weights(code, {"Анна": 1, "Борис": 1})
    crm.sources.set_weights("wa", {"Борис": 1})  # Анна is not on wa
    held = register(crm, "held", "site")
    site = register(crm, "site-late", "site", minutes=9).id
    tg = register(crm, "tg-early", "tg", minutes=3).id
    wa = register(crm, "wa-oldest", "wa", minutes=1).id
    crm.contacts.close(held.id)
    assert (owner(crm, tg), owner(crm, site), owner(crm, wa)) == ("Анна", None, None)
    crm.operators.update("Борис", max_load=2)  # Борис is on all three: the oldest two
    assert (owner(crm, wa), owner(crm, tg), owner(crm, site)) == ("Борис", "Анна", "Борис")


def test_the_queue_lists_active_unassigned_contacts_oldest_first_with_reasons(crm, desk):
    early, middle, late = desk.site_queue
    crm.contacts.close(middle)
    listed = crm.queue.unassigned()
    assert [c.id for c in listed] == [*desk.tg_queue, early, late]  # minutes 0, 5, 10, 30
    assert all(c.operator is None and c.is_active for c in listed)
    reasons = {c.id: c.reason for c in listed}
    assert reasons[early] == "none_eligible"  # two at their limit, one inactive
    assert reasons[desk.tg_queue[0]] == "all_at_limit"
    assert [c.id for c in crm.queue.unassigned(limit=2)] == desk.tg_queue


# -- draining in batches ---------------------------------------------------------------------
@pytest.fixture
def backlog(crm):
    """50 contacts queued on site; then room for 35 (Анна 20, Борис 15), auto off."""
    crm.operators.create("Анна", max_load=0)
    crm.operators.create("Борис", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 2, "Борис": 1})
    ids = fill_queue(crm, 50)
    crm.queue.set_auto(False)
    crm.operators.update("Анна", max_load=20)
    crm.operators.update("Борис", max_load=15)
    return ids


def test_drain_runs_in_bounded_batches_each_committed(crm, backlog, db_path):
    seen = []

    def progress(step):
        # Committed already, and the write lock is free between batches.
        (assigned,) = sql(db_path, "SELECT count(*) FROM contact WHERE operator_id IS NOT NULL")[0]
        connection = sqlite3.connect(db_path, isolation_level=None, timeout=0)
        connection.execute("BEGIN IMMEDIATE")
        connection.rollback()
        connection.close()
        seen.append((step.assigned, step.batches, assigned))

    result = crm.queue.drain(batch_size=10, progress=progress)
    assert (result.assigned, result.cancelled) == (35, False)
    assert result.batches == len(seen) >= 4
    assert [s[1] for s in seen] == list(range(1, len(seen) + 1))
    assert all(assigned == committed for assigned, _, committed in seen)
    steps = [b[0] - a[0] for a, b in zip([(0, 0, 0), *seen], seen, strict=False)]
    assert max(steps) <= 10 and seen[-1][0] == 35
    assert queued(crm) == backlog[35:]  # the oldest 35 were taken
    assert loads(crm) == {"Анна": 20, "Борис": 15}
    per_context = sql(
        db_path,
        "SELECT count(*) FROM decision WHERE kind = 'redistribution' GROUP BY context_id",
    )
    assert len(per_context) >= 4 and max(n for (n,) in per_context) <= 10
    assert set(redistributions_per_contact(db_path).values()) == {1}


def test_drain_stops_between_batches_when_cancelled(crm, backlog):
    batches = []
    result = crm.queue.drain(
        batch_size=10, progress=batches.append, cancelled=lambda: len(batches) >= 2
    )
    assert (result.assigned, result.batches, result.cancelled) == (20, 2, True)
    assert queued(crm) == backlog[20:]
    assert crm.queue.drain(batch_size=10).assigned == 15  # the rest, later
    assert queued(crm) == backlog[35:]


def test_drain_of_an_empty_or_full_queue_assigns_nothing(crm, backlog):
    crm.operators.update("Анна", max_load=0, active=False)
    crm.operators.update("Борис", max_load=0)
    result = crm.queue.drain(batch_size=10)
    assert result.assigned == 0 and result.batches <= 1
    assert queued(crm) == backlog


# -- several processes draining one queue ------------------------------------------------
PROCESSES = 4
BIG_QUEUE = 300
ROOM = {"Анна": 25, "Борис": 35, "Вера": 40, "Глеб": 20}  # 120 in all


def _drain_worker(path, worker, barrier, results):
    try:
        crm = open_crm(DatabaseLocation(path), random.Random(worker).randint, busy_timeout=30)
    except Exception as error:  # reported, so a failure is not a silent wait
        results.put(repr(error))
        raise
    barrier.wait()
    try:
        result = crm.queue.drain(batch_size=7)
        results.put((result.assigned, result.batches))
    except Exception as error:
        results.put(repr(error))
        raise
    finally:
        crm.close()


def test_processes_draining_one_queue_at_once_keep_every_limit(tmp_path):
    path = tmp_path / "shared.sqlite3"
    crm = open_crm(DatabaseLocation(path), random.Random(7).randint)
    for name in ROOM:
        crm.operators.create(name, max_load=0)
    crm.operators.create("Дмитрий", max_load=500, active=False)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {**dict.fromkeys(ROOM, 1), "Дмитрий": 3})
    ids = fill_queue(crm, BIG_QUEUE)
    crm.queue.set_auto(False)  # the workers drain, not the limit changes
    for name, limit in ROOM.items():
        crm.operators.update(name, max_load=limit)
    assert len(queued(crm)) == BIG_QUEUE

    reports = run_together(_drain_worker, lambda n: (path, n), PROCESSES)
    assert all(isinstance(r, tuple) for r in reports), reports

    capacity = sum(ROOM.values())
    assert sum(assigned for assigned, _ in reports) == capacity
    assert loads(crm) == {**ROOM, "Дмитрий": 0}  # every operator exactly at its limit
    per_contact = redistributions_per_contact(path)
    assert set(per_contact.values()) == {1}  # nobody assigned twice
    assert sorted(per_contact) == ids[:capacity]  # the oldest first, across the processes
    assert queued(crm) == ids[capacity:]  # the rest still queued, none lost
    assert sql(path, "SELECT count(*) FROM contact") == [(BIG_QUEUE,)]
    crm.close()


# -- manual assignment -----------------------------------------------------------------------
@pytest.fixture
def team(crm):
    """On site: Анна and Борис (limit 2, weight 1, one contact each), Вера (limit 3,
    weight 0), Глеб (inactive, weight 1). Дарья (limit 1) is on no source."""
    for name, limit in (("Анна", 1), ("Борис", 1), ("Вера", 3), ("Глеб", 5), ("Дарья", 1)):
        crm.operators.create(name, max_load=limit, active=name != "Глеб")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Вера": 0, "Глеб": 1})
    held = {c.operator.name: c.id for c in (register(crm, "a"), register(crm, "b"))}
    crm.operators.update("Анна", max_load=2)
    crm.operators.update("Борис", max_load=2)
    return held


def fill_anna_and_boris(crm):
    """Both at their limit of 2; returns a contact that then waits in the queue."""
    register(crm, "fill-1"), register(crm, "fill-2")
    waiting = register(crm, "waits")
    assert waiting.reason == "none_eligible"
    return waiting.id


def test_manual_assignment_from_the_queue_and_reassignment(crm, team):
    waiting = fill_anna_and_boris(crm)
    # Вера has weight 0 on site, Дарья is on no source: the dispatcher may still choose them.
    result = crm.contacts.assign([waiting], "Вера")
    assert [c.operator.name for c in result.changed] == ["Вера"] and not result.refused
    assert crm.contacts.get(waiting).reason is None
    assert queued(crm) == []
    moved = crm.contacts.assign([team["Анна"]], "Дарья").changed[0]
    assert moved.operator.name == "Дарья"
    assert loads(crm) == {"Анна": 1, "Борис": 2, "Вера": 1, "Глеб": 0, "Дарья": 1}
    assert kinds(crm, waiting) == ["auto", "manual"]
    assert kinds(crm, team["Анна"]) == ["auto", "manual"]
    assert crm.contacts.assign([team["Анна"]], "Дарья").refused == ()  # already hers
    assert kinds(crm, team["Анна"]) == ["auto", "manual"]


@pytest.mark.parametrize(
    ("operator", "fragment"),
    [("Глеб", "inactive"), ("Анна", "at the limit")],
    ids=["inactive", "at limit"],
)
def test_an_operator_who_cannot_take_it_is_refused_with_the_reason(
    crm, team, db_path, operator, fragment
):
    crm.operators.update("Анна", max_load=1)  # at her limit now
    contact = team["Борис"]
    before = (loads(crm), kinds(crm, contact), sql(db_path, "SELECT * FROM contact"))
    result = crm.contacts.assign([contact], operator)
    assert result.changed == ()
    ((refused_id, error),) = result.refused
    assert refused_id == contact
    assert isinstance(error, LimitReached) and fragment in str(error)
    assert (loads(crm), kinds(crm, contact), sql(db_path, "SELECT * FROM contact")) == before


def test_several_at_once_those_that_fit_are_assigned_the_rest_refused(crm, team):
    crm.queue.set_auto(False)
    contacts = [register(crm, f"m{i}").id for i in range(4)]  # two fit, two wait
    crm.operators.update("Вера", max_load=2)
    result = crm.contacts.assign(contacts, "Вера")
    assert [c.id for c in result.changed] == contacts[:2]  # in the given order
    assert [contact_id for contact_id, _ in result.refused] == contacts[2:]
    for contact_id, error in result.refused:
        assert isinstance(error, LimitReached)
        assert f"#{contact_id}" in str(error) and "at the limit" in str(error)
        assert kinds(crm, contact_id) == ["auto"]
    assert [owner(crm, c) for c in contacts[:2]] == ["Вера", "Вера"]
    assert loads(crm)["Вера"] == 2
    assert_within_limits(crm)


@pytest.mark.parametrize("auto", [True, False], ids=["auto on", "auto off"])
def test_reassigning_frees_the_previous_operators_slot(crm, team, auto):
    waiting = fill_anna_and_boris(crm)
    crm.queue.set_auto(auto)
    assert not crm.contacts.assign([team["Анна"]], "Дарья").refused
    assert owner(crm, team["Анна"]) == "Дарья"
    assert owner(crm, waiting) == ("Анна" if auto else None)
    assert kinds(crm, waiting) == (["auto", "redistribution"] if auto else ["auto"])
    assert_within_limits(crm)


def test_a_closed_contact_moves_without_taking_a_slot(crm, team):
    crm.operators.update("Дарья", max_load=0)
    crm.contacts.close(team["Анна"])
    result = crm.contacts.assign([team["Анна"]], "Дарья")
    assert not result.refused and owner(crm, team["Анна"]) == "Дарья"
    assert loads(crm)["Дарья"] == 0
    with pytest.raises(LimitReached):
        crm.contacts.reopen(team["Анна"])  # the limit still holds when it comes back


def test_unknown_operator_or_contact_changes_nothing(crm, team, db_path):
    before = sql(db_path, "SELECT * FROM contact")
    with pytest.raises(NotFound):
        crm.contacts.assign([team["Анна"]], "Никто")
    with pytest.raises(NotFound):
        crm.contacts.assign([team["Анна"], 999_999], "Дарья")
    assert sql(db_path, "SELECT * FROM contact") == before


@pytest.mark.parametrize("limit", [1, 2])
def test_a_contact_selected_twice_is_assigned_once(crm, team, limit):
    contact = register(crm, "twice").id
    crm.operators.update("Дарья", max_load=limit)
    result = crm.contacts.assign([contact, contact], "Дарья")
    assert owner(crm, contact) == "Дарья"
    assert not result.refused
    assert kinds(crm, contact).count("manual") == 1
    assert loads(crm)["Дарья"] == 1


# -- what a drain reports, announces and says when it stops ---------------------------------
def test_each_drain_batch_that_assigns_announces_contacts_operators_and_leads(crm, backlog):
    seen = []
    crm.events.subscribe(seen.append)
    result = crm.queue.drain(batch_size=20)  # 20, then 15: room for 35 in all
    assert (result.assigned, result.batches) == (35, 2)
    everything = frozenset({Change.CONTACTS, Change.LOADS, Change.LEADS})
    assert seen == [everything, everything]
    seen.clear()
    assert crm.queue.drain(batch_size=20).assigned == 0  # everyone is full now
    assert seen == []


def test_switching_automatic_redistribution_announces_a_settings_change(crm):
    seen = []
    crm.events.subscribe(seen.append)
    assert crm.queue.set_auto(False) is False
    assert crm.queue.auto_enabled() is False
    assert seen == [frozenset({Change.SETTINGS})]


def test_a_drain_stopped_after_a_batch_keeps_it_and_says_how_many(crm, backlog):
    def progress(step):
        raise OSError("the disk went away")  # anything that stops the job after a batch

    with pytest.raises(StoppedPartWay) as stopped:
        crm.queue.drain(batch_size=10, progress=progress)
    error = stopped.value
    assert (error.committed, error.result) == (10, DrainResult(10, 1, cancelled=True))
    assert isinstance(error.cause, OSError) and error.__cause__ is error.cause
    assert error.exit_code == 4
    assert str(error) == (
        "An internal error stopped it. Distributing the queue stopped part-way (contacts "
        "assigned: 10; they stay); run it again to continue."
    )
    assert queued(crm) == backlog[10:]  # the committed batch stays


def test_a_drain_stopped_before_it_assigned_anything_raises_the_cause_itself(crm, backlog):
    def cancelled():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        crm.queue.drain(batch_size=10, cancelled=cancelled)
    assert queued(crm) == backlog


def test_cancel_while_waiting_for_the_write_lock_returns_what_was_assigned(crm, backlog, db_path):
    """Another process holds the write lock after the first batch; Cancel must not wait for
    it (the storage's job wait is long), and the first batch is reported."""
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0)
    calls = []

    def progress(step):
        holder.execute("BEGIN IMMEDIATE")

    def cancelled():
        calls.append(1)
        return len(calls) >= 3  # 1: before batch 1, 2: before batch 2, 3: while it waits

    crm.storage.job_wait = 5.0  # without the cancel check the drain would stop as busy
    try:
        result = crm.queue.drain(batch_size=10, progress=progress, cancelled=cancelled)
    finally:
        holder.rollback()
        holder.close()
    assert result == DrainResult(10, 1, cancelled=True)
    assert queued(crm) == backlog[10:]


def test_the_queue_lists_at_most_200_contacts_by_default(crm):
    crm.sources.create("Сайт", code="site")
    ids = [register(crm, f"q{i}", minutes=i).id for i in range(201)]
    assert [c.id for c in crm.queue.unassigned()] == ids[:200]


def test_only_sources_with_active_unassigned_contacts_have_a_queue(crm):
    crm.operators.create("Анна", max_load=5)
    site, tg, mail = (crm.sources.create(n, code=n) for n in ("site", "tg", "mail"))
    crm.sources.set_weights("site", {"Анна": 1})
    register(crm, "assigned", "site")  # active but assigned
    closed = register(crm, "closed", "mail")  # unassigned but closed
    crm.contacts.close(closed.id)
    register(crm, "waiting", "tg")  # nobody on tg: it waits
    assert crm.queue.sources_with_queue() == {tg.id}
    assert site.id != mail.id


def test_capacity_counts_only_for_sources_where_the_operator_has_weight(crm):
    crm.operators.create("Анна", max_load=0)
    site = crm.sources.create("site", code="site")
    crm.sources.create("tg", code="tg")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("tg", {"Анна": 0})  # on tg, but with no share
    told = []
    crm.capacity_handler = told.append
    crm.operators.update("Анна", max_load=3)
    assert told == [{site.id}]


def test_a_source_that_fills_up_mid_batch_leaves_the_other_sources_contacts_their_turn(crm):
    """Queue oldest first: site, site, site, tg. Анна (site) has room for one: the second
    and third site contacts wait, and tg's contact, later in the same batch, is still
    assigned."""
    crm.operators.create("Анна", max_load=0)
    crm.operators.create("Глеб", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.set_weights("tg", {"Глеб": 1})
    site = [register(crm, f"s{m}", "site", minutes=m).id for m in (0, 1, 2)]
    tg = register(crm, "t3", "tg", minutes=3).id
    make_room_quietly(crm, Анна=1, Глеб=1)
    result = crm.queue.drain(batch_size=10)
    assert (result.assigned, result.batches) == (2, 1)
    assert (owner(crm, site[0]), owner(crm, tg)) == ("Анна", "Глеб")
    assert queued(crm) == site[1:]


def test_a_tagged_contact_that_still_waits_says_why_as_things_stand_after_a_drain(crm):
    """Both away: the contacts wait "all away". Борис comes back; the drain gives him the
    untagged contact but not the vip one (no skill), whose reason is restated: Анна
    away, Борис without the skill."""
    vip_desk(crm)
    crm.operators.set_away("Анна")
    crm.operators.set_away("Борис")

    def add(lead, *tags):
        return crm.contacts.register(ContactRequest(lead, "site", tags=tags)).contact

    vip, plain = add("lead-1", "vip"), add("lead-2")
    assert [crm.contacts.get(c.id).reason for c in (vip, plain)] == ["all_away"] * 2
    crm.operators.set_back("Борис")
    assert owner(crm, plain.id) == "Борис"
    waiting = crm.contacts.get(vip.id)
    assert (waiting.operator, waiting.reason) == (None, "none_eligible")
    assert queued(crm) == [vip.id]


def test_switching_automatic_redistribution_is_logged_with_the_value_before_and_after(crm):
    crm.queue.set_auto(False)  # on by default, never stored yet
    crm.queue.set_auto(True)
    log = crm.audit.entries(AuditFilter(object_kind="setting"))
    assert [(e.action, e.changes) for e in reversed(log)] == [
        (Action.AUTO_REDISTRIBUTION, (FieldChange("value", True, False),)),
        (Action.AUTO_REDISTRIBUTION, (FieldChange("value", False, True),)),
    ]


def test_a_drain_over_several_batches_passes_tagged_contacts_that_stay_once(crm):
    """Five contacts ask for a skill nobody on the source has and three do not, most of
    them created at the same second. A drain two at a time must walk past the five once
    each (its cursor orders by time, then id) and give Борис the three others, in order:
    neither meeting a waiting one again nor skipping one that shares its time."""
    crm.operators.create("Борис", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Борис": 1})

    def add(lead, minutes, *tags):
        created = T0 + dt.timedelta(minutes=minutes)
        request = ContactRequest(lead, "site", created_at=created, tags=tags)
        return crm.contacts.register(request).contact.id

    tagged = [add(f"k{i}", 0, "kz") for i in range(5)]
    plain = [add("p0", 0), add("p1", 1), add("p2", 1)]
    assert queued(crm) == tagged + plain
    make_room_quietly(crm, Борис=3)
    result = crm.queue.drain(batch_size=2)
    assert result.assigned == 3
    assert result.batches <= 5  # eight contacts two at a time, and the last look
    assert [owner(crm, c) for c in plain] == ["Борис"] * 3
    assert queued(crm) == tagged
    assert [kinds(crm, c).count("redistribution") for c in tagged + plain] == [0] * 5 + [1] * 3
