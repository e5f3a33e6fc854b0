"""The timers (issue 12): reply deadlines, ``contact answered``, stale contacts closed
automatically, and the run that applies what is due (``crm.timers.run_due``).

Time is a fake clock the tests move; no test sleeps for a deadline.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import random
import sqlite3
import threading
from collections import Counter

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.errors import InvalidValue, LimitReached, NotFound
from desktop_crm.services import open_crm
from desktop_crm.services.audit import AuditFilter
from desktop_crm.services.contact_views import contact_page_query
from desktop_crm.services.contacts import AUTOMATIC, ContactRequest, Move, stale_query
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.intake import Intake
from desktop_crm.services.timers import due_for_reply_query
from tests.processes import run_together
from tests.services.test_contact_search import contact_access, plan

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)
SECOND = dt.timedelta(seconds=1)


class FakeClock:
    def __init__(self, now: dt.datetime = T0) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, delta: dt.timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def crm(database_location, clock):
    instance = open_crm(database_location, random.Random(20260302).randint, clock=clock)
    yield instance
    instance.close()


@pytest.fixture
def desk(crm):
    """Source "site" (reply within 15 minutes) with Анна (limit 5) and Борис (limit 0
    for now: the contacts land on Анна)."""
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    crm.sources.update("site", reply_within=15 * 60)
    return crm


def register(crm, lead, source="site", created_at=None):
    return crm.contacts.register(ContactRequest(lead, source, created_at=created_at)).contact


def owner(crm, contact_id):
    operator = crm.contacts.get(contact_id).operator
    return None if operator is None else operator.name


def history(crm, contact_id):
    return crm.contacts.history(contact_id)


def timeouts(crm, contact_id):
    return [d for d in history(crm, contact_id) if d.kind == "timeout"]


def excluded(decision):
    return {c.operator.name: c.excluded for c in decision.candidates}


# -- reply deadlines ---------------------------------------------------------------------
def test_the_deadline_moves_the_contact_exactly_at_the_boundary_not_before(desk, clock):
    contact = register(desk, "+79001234567")
    assert owner(desk, contact.id) == "Анна"
    desk.operators.update("Борис", max_load=5)

    clock.advance(15 * MINUTE - SECOND)
    assert desk.timers.run_due().moved == 0
    assert owner(desk, contact.id) == "Анна"

    clock.advance(SECOND)
    result = desk.timers.run_due()
    assert (result.moved, result.overdue) == (1, 0)
    assert owner(desk, contact.id) == "Борис"
    (decision,) = timeouts(desk, contact.id)
    assert decision.operator.name == "Борис"
    assert excluded(decision) == {"Анна": "timed_out", "Борис": None}
    assert "missed by operator" in decision.note
    loads = {o.name: o.load for o in desk.operators.list()}
    assert loads == {"Анна": 0, "Борис": 1}


def test_a_contact_answered_in_time_stays(desk, clock):
    contact = register(desk, "+79001234567")
    desk.operators.update("Борис", max_load=5)
    clock.advance(14 * MINUTE)
    (answered,) = desk.contacts.mark_answered([contact.id])
    assert answered.first and answered.contact.answered_at == clock.now
    clock.advance(dt.timedelta(hours=5))
    assert desk.timers.run_due().moved == 0
    assert owner(desk, contact.id) == "Анна"
    assert timeouts(desk, contact.id) == []


def test_the_deadline_counts_from_the_assignment_not_from_a_files_date(desk, clock):
    contact = register(desk, "+79001234567", created_at=T0 - dt.timedelta(days=30))
    desk.operators.update("Борис", max_load=5)
    assert desk.timers.run_due().moved == 0
    clock.advance(15 * MINUTE)
    assert desk.timers.run_due().moved == 1
    assert owner(desk, contact.id) == "Борис"


def test_nobody_else_leaves_it_overdue_once_then_it_moves_when_someone_frees_up(desk, clock):
    contact = register(desk, "+79001234567")
    clock.advance(15 * MINUTE)
    result = desk.timers.run_due()
    assert (result.moved, result.overdue) == (0, 1)
    info = desk.contacts.get(contact.id)
    assert info.operator.name == "Анна" and info.overdue
    (miss,) = timeouts(desk, contact.id)
    assert miss.operator is None and miss.reason == "none_eligible"
    assert excluded(miss) == {"Анна": "timed_out", "Борис": "at_limit"}

    for _ in range(3):  # later runs try again without a new decision each time
        clock.advance(MINUTE)
        assert desk.timers.run_due().changed is False
    assert len(timeouts(desk, contact.id)) == 1
    assert [c.id for c in desk.queue.overdue()] == [contact.id]

    desk.operators.update("Борис", max_load=1)
    clock.advance(MINUTE)
    assert desk.timers.run_due().moved == 1
    info = desk.contacts.get(contact.id)
    assert info.operator.name == "Борис" and not info.overdue
    assert [d.operator.name for d in timeouts(desk, contact.id)[1:]] == ["Борис"]
    assert desk.queue.overdue() == []


def test_two_operators_timing_out_in_turn_are_both_excluded(desk, clock):
    desk.operators.create("Вера", max_load=0)
    desk.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Вера": 1})
    contact = register(desk, "+79001234567")
    desk.operators.update("Борис", max_load=1)
    clock.advance(15 * MINUTE)
    desk.timers.run_due()
    assert owner(desk, contact.id) == "Борис"

    desk.operators.update("Анна", max_load=5)  # room, but she missed it already
    clock.advance(15 * MINUTE)
    result = desk.timers.run_due()
    assert (result.moved, result.overdue) == (0, 1)
    assert owner(desk, contact.id) == "Борис"
    last = timeouts(desk, contact.id)[-1]
    assert last.reason == "none_eligible"
    assert excluded(last) == {"Анна": "timed_out", "Борис": "timed_out", "Вера": "at_limit"}

    desk.operators.update("Вера", max_load=1)
    clock.advance(MINUTE)
    assert desk.timers.run_due().moved == 1
    assert owner(desk, contact.id) == "Вера"


def test_only_timed_out_candidates_wait_as_all_timed_out(desk, clock):
    desk.sources.set_weights("site", {"Анна": 1})
    contact = register(desk, "+79001234567")
    clock.advance(15 * MINUTE)
    desk.timers.run_due()
    assert timeouts(desk, contact.id)[0].reason == "all_timed_out"


def test_moving_frees_the_late_operator_and_the_queue_drains_for_her(desk, clock):
    desk.operators.update("Анна", max_load=1)
    desk.sources.create("Чат", code="chat")
    desk.sources.set_weights("chat", {"Анна": 1})
    late = register(desk, "+79001234567")
    waiting = register(desk, "+79007654321", source="chat")
    assert waiting.operator is None
    desk.operators.update("Борис", max_load=1)
    clock.advance(15 * MINUTE)
    desk.timers.run_due()
    assert owner(desk, late.id) == "Борис"
    assert owner(desk, waiting.id) == "Анна"


def test_no_deadline_and_closed_contacts_are_left_alone(desk, clock):
    desk.operators.update("Борис", max_load=5)
    closed = register(desk, "+79001234567")
    desk.contacts.close(closed.id)
    desk.sources.create("Чат", code="chat")
    desk.sources.set_weights("chat", {"Анна": 1})
    free = register(desk, "+79007654321", source="chat")
    clock.advance(dt.timedelta(days=3))
    assert desk.timers.run_due().moved == 0
    assert owner(desk, free.id) == "Анна" and timeouts(desk, closed.id) == []


# -- contact answered ---------------------------------------------------------------------
def test_answered_keeps_the_first_time_and_clears_overdue(desk, clock):
    contact = register(desk, "+79001234567")
    clock.advance(20 * MINUTE)
    desk.timers.run_due()
    assert desk.contacts.get(contact.id).overdue
    (first,) = desk.contacts.mark_answered([contact.id])
    assert first.first and not first.contact.overdue
    answered_at = first.contact.answered_at
    clock.advance(MINUTE)
    (again,) = desk.contacts.mark_answered([contact.id])
    assert not again.first and again.contact.answered_at == answered_at


def test_a_reply_is_never_recorded_in_the_future_of_the_clock(desk, clock):
    """The computer's clock set back: the reply is recorded at the clock's now, not at the
    contact's later time (a reply the clock has not reached yet)."""
    contact = register(desk, "+79001234567")
    clock.advance(-dt.timedelta(days=1))
    (answered,) = desk.contacts.mark_answered([contact.id])
    assert answered.first and answered.contact.answered_at == clock.now


def test_a_reply_to_a_contact_dated_in_the_future_is_recorded_now(desk, clock):
    """A contact an older version imported with a date decades ahead: its reply is now,
    not in 2062; the contact's own date stays as stored."""
    future = dt.datetime(2062, 12, 1, 10, 0, tzinfo=dt.UTC)
    contact = register(desk, "+79001234567", created_at=future)
    clock.advance(5 * MINUTE)
    (answered,) = desk.contacts.mark_answered([contact.id])
    assert answered.contact.answered_at == clock.now
    assert desk.contacts.get(contact.id).created_at == future


def test_answered_refuses_unknown_and_closed_contacts_and_changes_nothing(desk, clock):
    one, two = register(desk, "+79001234567"), register(desk, "+79001234568")
    desk.contacts.close(two.id)
    with pytest.raises(NotFound):
        desk.contacts.mark_answered([one.id, 999_999])
    with pytest.raises(InvalidValue, match="closed"):
        desk.contacts.mark_answered([one.id, two.id])
    assert desk.contacts.get(one.id).answered_at is None


# -- stale contacts ------------------------------------------------------------------------
@pytest.fixture
def stale_desk(crm):
    crm.operators.create("Анна", max_load=1)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.update("site", close_after=2 * 3600)
    return crm


def test_a_stale_contact_is_closed_at_the_boundary_and_not_before(stale_desk, clock):
    crm = stale_desk
    contact = register(crm, "+79001234567")
    waiting = register(crm, "+79001234568")  # queued: Анна is full
    assert waiting.operator is None
    clock.advance(2 * dt.timedelta(hours=1) - SECOND)
    assert crm.timers.run_due().closed == 0
    clock.advance(SECOND)
    result = crm.timers.run_due()
    assert result.closed == 2  # the queued one had no activity either
    assert not crm.contacts.get(contact.id).is_active
    decision = history(crm, contact.id)[-1]
    assert decision.kind == "auto_close" and "no activity for 2h" in decision.note
    entries = [e for e in crm.audit.entries() if e.action == "contact_closed"]
    assert {e.dispatcher for e in entries} == {AUTOMATIC}
    assert {e.object_id for e in entries} == {contact.id, waiting.id}


def test_activity_postpones_the_close_and_a_files_old_date_is_no_activity(stale_desk, clock):
    crm = stale_desk
    old = register(crm, "+79001234567", created_at=T0 - dt.timedelta(days=90))
    clock.advance(dt.timedelta(hours=1))
    crm.contacts.mark_answered([old.id])
    clock.advance(dt.timedelta(hours=1, minutes=59))
    assert crm.timers.run_due().closed == 0
    clock.advance(MINUTE)
    assert crm.timers.run_due().closed == 1


def _answer(crm, first, waiting):
    crm.contacts.mark_answered([first.id])
    return first


def _reopen(crm, first, waiting):
    crm.queue.set_auto(False)  # Анна's freed slot stays free for it
    crm.contacts.close(first.id)
    crm.contacts.reopen(first.id)
    return first


def _assign(crm, first, waiting):
    crm.queue.set_auto(False)
    crm.operators.update("Борис", max_load=1)
    crm.contacts.assign([waiting.id], "Борис")
    return waiting


def _back_to_the_queue(crm, first, waiting):
    crm.queue.set_auto(False)
    anna = crm.operators.get("Анна").id
    crm.contacts.move([Move(first.id, expected=anna, operator=None)])
    return first


def _queue(crm, first, waiting):
    crm.operators.update("Борис", max_load=1)  # capacity: the queue hands it out at once
    assert owner(crm, waiting.id) == "Борис"
    return waiting


@pytest.mark.parametrize("activity", [_answer, _reopen, _assign, _back_to_the_queue, _queue])
def test_a_clock_set_back_never_moves_the_last_activity_back(stale_desk, clock, activity):
    """Close after 2 h. A reply, a reopen or an assignment (by hand, by the queue) made
    while the clock is behind (set back, a team's machine with a skewed clock) keeps the
    later activity stored: the contact is closed 2 h after that, not earlier."""
    crm = stale_desk
    crm.operators.create("Борис", max_load=0)
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    first = register(crm, "+79001234567")  # Анна's (limit 1)
    waiting = register(crm, "+79001234568")  # queued
    clock.advance(-dt.timedelta(hours=1))
    touched = activity(crm, first, waiting)
    clock.advance(dt.timedelta(hours=3) - SECOND)
    assert crm.timers.run_due().closed == 0
    assert crm.contacts.get(touched.id).is_active
    clock.advance(SECOND)
    crm.timers.run_due()
    assert not crm.contacts.get(touched.id).is_active


def test_closing_a_stale_contact_frees_capacity_for_the_queue(stale_desk, clock):
    crm = stale_desk
    crm.sources.update("site", close_after=None)
    crm.sources.create("Чат", code="chat")
    crm.sources.set_weights("chat", {"Анна": 1})
    crm.sources.update("chat", close_after=3600)
    held = register(crm, "+79001234567", source="chat")
    clock.advance(dt.timedelta(minutes=30))
    waiting = register(crm, "+79001234568")
    assert waiting.operator is None
    clock.advance(dt.timedelta(minutes=30))
    crm.timers.run_due()
    assert not crm.contacts.get(held.id).is_active
    assert owner(crm, waiting.id) == "Анна"


def test_the_queue_drains_by_the_setting_or_always_when_asked(desk, clock):
    waiting = register(desk, "+79001234567")
    desk.operators.update("Анна", max_load=1)
    desk.queue.set_auto(False)
    other = register(desk, "+79001234568")
    assert other.operator is None
    desk.operators.update("Борис", max_load=1)  # capacity; auto off: nothing moves
    assert desk.timers.run_due().assigned == 0
    assert desk.timers.run_due(drain=True).assigned == 1
    assert owner(desk, other.id) == "Борис"
    assert owner(desk, waiting.id) == "Анна"


def test_the_overdue_filter_lists_active_overdue_contacts(desk, clock):
    contact = register(desk, "+79001234567")
    clock.advance(15 * MINUTE)
    desk.timers.run_due()
    page = desk.contacts.page(ContactFilter(state=ContactState.OVERDUE))
    assert [c.id for c in page] == [contact.id]
    assert desk.contacts.count(ContactFilter(state=ContactState.OVERDUE)).count == 1


# -- several processes at once ----------------------------------------------------------
DUE = 60
LATER = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)


def later() -> dt.datetime:
    return LATER


def _timers_worker(path, worker, barrier, results):
    try:
        crm = open_crm(
            DatabaseLocation(path), random.Random(worker).randint, busy_timeout=30, clock=later
        )
    except Exception as error:
        results.put(repr(error))
        raise
    barrier.wait()
    try:
        result = crm.timers.run_due(drain=True, batch_size=7)
        results.put((result.moved, result.overdue, result.busy))
    except Exception as error:
        results.put(repr(error))
        raise
    finally:
        crm.close()


def test_processes_running_the_timers_at_once_move_each_contact_once(tmp_path):
    path = tmp_path / "shared.sqlite3"
    crm = open_crm(DatabaseLocation(path), random.Random(3).randint)
    crm.operators.create("Анна", max_load=DUE)
    for name in ("Борис", "Вера"):
        crm.operators.create(name, max_load=0)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Вера": 1})
    crm.sources.update("site", reply_within=60)
    for n in range(DUE):
        register(crm, f"lead-{n}")
    crm.queue.set_auto(False)
    crm.operators.update("Борис", max_load=25)
    crm.operators.update("Вера", max_load=20)
    crm.close()

    reports = run_together(_timers_worker, lambda n: (path, n), 4)
    assert all(isinstance(r, tuple) for r in reports), reports
    assert sum(r[0] for r in reports) == 45
    assert sum(r[1] for r in reports) == 15

    connection = sqlite3.connect(path)
    try:
        per_contact = Counter(
            contact
            for (contact,) in connection.execute(
                "SELECT contact_id FROM decision WHERE kind = 'timeout'"
            )
        )
        loads = dict(
            connection.execute(
                "SELECT o.name, count(c.id) FROM operator o LEFT JOIN contact c"
                " ON c.operator_id = o.id AND c.is_active GROUP BY o.name"
            )
        )
        overdue = connection.execute("SELECT count(*) FROM contact WHERE overdue").fetchone()
    finally:
        connection.close()
    assert len(per_contact) == DUE and set(per_contact.values()) == {1}
    assert loads == {"Анна": 15, "Борис": 25, "Вера": 20}
    assert overdue == (15,)


def test_turning_the_deadline_off_clears_overdue(desk, clock):
    contact = register(desk, "+79001234567")
    clock.advance(15 * MINUTE)
    assert desk.timers.run_due().overdue == 1
    desk.sources.update("site", reply_within=None)
    assert not desk.contacts.get(contact.id).overdue
    assert desk.queue.overdue() == []


# -- the plans: only active contacts, through the partial indexes ---------------------------
@pytest.mark.sqlite_only
def test_the_timers_queries_walk_the_partial_indexes(crm):
    cutoff = T0.replace(tzinfo=None)
    due = contact_access(plan(crm, due_for_reply_query(1, cutoff, (cutoff, 5), 200)))
    assert due and all("contact_unanswered_source_assigned" in step for step in due), due
    stale = contact_access(plan(crm, stale_query(1, cutoff, 200)))
    assert stale and all("contact_active_source_activity" in step for step in stale), stale
    overdue_page = contact_page_query(ContactFilter(state=ContactState.OVERDUE), False)
    overdue = contact_access(plan(crm, overdue_page))
    assert overdue and all("contact_overdue_created" in step for step in overdue), overdue


def test_an_imported_files_old_dates_are_no_activity(stale_desk, clock, tmp_path):
    from desktop_crm.importing import open_table
    from tests.services.import_files import many_rows, write_csv

    crm = stale_desk
    crm.operators.update("Анна", max_load=10)
    file = write_csv(tmp_path / "old.csv", many_rows(3, source="site"))  # dated 2024
    summary = crm.imports.run(open_table(file), source="site")
    assert summary.imported == 3
    active = ContactFilter(state=ContactState.ACTIVE)
    assert all(c.created_at.year == 2024 for c in crm.contacts.page(active))
    clock.advance(dt.timedelta(hours=2) - SECOND)
    assert crm.timers.run_due().closed == 0  # counted from the import, not from 2024
    clock.advance(SECOND)
    assert crm.timers.run_due().closed == 3


# -- found by the hostile pass ---------------------------------------------------------------
def test_a_reopened_contact_is_active_now_and_its_reply_deadline_restarts(crm, clock):
    """Reopening is activity: an old contact reopened is not closed as stale, nor taken
    from its operator for a deadline that ran out while it was closed."""
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.update("site", close_after=3600, reply_within=10 * 60)
    contact = register(crm, "+79001234567")
    crm.contacts.close(contact.id)
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    clock.advance(dt.timedelta(days=2))
    crm.contacts.reopen(contact.id)
    clock.advance(30 * SECOND)
    result = crm.timers.run_due()
    assert (result.closed, result.moved, result.overdue) == (0, 0, 0)
    reopened = crm.contacts.get(contact.id)
    assert reopened.is_active and owner(crm, contact.id) == "Анна"
    clock.advance(10 * MINUTE)  # the deadline counts from the reopening
    assert crm.timers.run_due().moved == 1
    assert owner(crm, contact.id) == "Борис"


def test_a_contact_is_not_reopened_to_an_operator_who_is_away_or_off_shift(crm, clock):
    crm.operators.create("Анна", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    one, two = register(crm, "+79001234567"), register(crm, "+79001234568")
    crm.contacts.close(one.id)
    crm.contacts.close(two.id)
    crm.operators.set_away("Анна")
    with pytest.raises(LimitReached, match="away"):
        crm.contacts.reopen(one.id)
    assert not crm.contacts.get(one.id).is_active
    crm.operators.set_back("Анна")
    crm.operators.set_hours("Анна", ["mon-fri 09:00-10:00"])  # T0 is Monday 09:00 UTC
    clock.advance(2 * dt.timedelta(hours=1))
    with pytest.raises(LimitReached, match="off shift"):
        crm.contacts.reopen(two.id)
    assert not crm.contacts.get(two.id).is_active


def test_answered_needs_an_operator(crm, clock):
    """A first reply comes from an operator: a queued contact cannot have one (else its
    deadline would never apply once someone takes it)."""
    crm.operators.create("Анна", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.operators.update("Анна", skills="kz")
    crm.sources.update("site", reply_within=10 * 60)
    queued = crm.contacts.register(ContactRequest("+79001234567", "site", tags=("ru",))).contact
    assert queued.operator is None
    with pytest.raises(InvalidValue, match="no operator"):
        crm.contacts.mark_answered([queued.id])
    assert crm.contacts.get(queued.id).answered_at is None


# -- PostgreSQL: a change by hand while the timers decide ---------------------------------------
def _waits_for_a_lock(pg_server, database: str) -> bool:
    return bool(
        pg_server.execute(
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'",
            database,
        )
    )


def _by_hand(pg_url: str, action: str, contact_id: int) -> None:  # another process
    crm = open_crm(DatabaseLocation.postgresql(pg_url))  # (one open database per process)
    try:
        if action == "close":
            crm.contacts.close(contact_id)
        else:
            with contextlib.suppress(InvalidValue):  # closed meanwhile: refused, as it should
                crm.contacts.mark_answered([contact_id])
    finally:
        crm.close()


def _interleave(crm, pg_server, pg_url, monkeypatch, pause_at: str, action: str, contact_id):
    """The timers' run paused once it has read what is due (at ``Intake.<pause_at>``);
    meanwhile another process does ``action`` by hand to the contact; then both finish,
    whichever order the database lets them go in."""
    database = pg_url.split("?")[0].rsplit("/", 1)[1]
    deciding, go = threading.Event(), threading.Event()
    original = getattr(Intake, pause_at)

    def paused(self, *args, **kwargs):
        deciding.set()
        go.wait(60)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Intake, pause_at, paused)
    run = threading.Thread(target=crm.timers.run_due)
    run.start()
    try:
        assert deciding.wait(60)
        hand = multiprocessing.get_context("spawn").Process(
            target=_by_hand, args=(pg_url, action, contact_id)
        )
        hand.start()
        for _ in range(1200):  # until it is done, or waits for the timers' lock
            hand.join(0.05)
            if hand.exitcode is not None or _waits_for_a_lock(pg_server, database):
                break
    finally:
        go.set()
        run.join(60)
    hand.join(60)
    assert not run.is_alive() and hand.exitcode == 0


@pytest.fixture
def pg_crm(pg_url, clock):
    crm = open_crm(DatabaseLocation.postgresql(pg_url), random.Random(1).randint, clock=clock)
    yield crm
    crm.close()


def test_a_contact_closed_by_hand_while_the_timers_decide_is_not_moved_afterwards(
    pg_crm, pg_server, pg_url, clock, monkeypatch
):
    """The timers read the due contacts and then move them; a dispatcher closing one of
    them in between (another process) must either come first, so the timers no longer
    see it, or after, closing it where the timers put it — never a closed contact that the
    timers then hand to somebody else, with the audit naming the operator it left."""
    crm = pg_crm
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.update("site", reply_within=15 * 60)
    contact = register(crm, "+79001234567")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
    clock.advance(15 * MINUTE)

    _interleave(crm, pg_server, pg_url, monkeypatch, "timeout", "close", contact.id)

    info = crm.contacts.get(contact.id)
    assert not info.is_active
    (closed,) = [
        e
        for e in crm.audit.entries(AuditFilter(object_kind="contact"))
        if e.action == "contact_closed"
    ]
    (left_with,) = [c.new for c in closed.changes if c.field == "operator"]
    assert info.operator is not None and info.operator.name == left_with


def test_a_contact_answered_while_the_timers_close_stale_ones_is_not_closed_after_its_reply(
    pg_crm, pg_server, pg_url, clock, monkeypatch
):
    """A reply recorded while the auto-close is deciding is activity: either the reply
    comes first and the contact is no longer stale, or it comes after the close and is
    refused (a closed contact) — never a contact closed for no activity right after its
    reply was recorded."""
    crm = pg_crm
    crm.operators.create("Анна", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.sources.update("site", close_after=2 * 3600)
    contact = register(crm, "+79001234567")
    clock.advance(2 * 3600 * SECOND)

    _interleave(crm, pg_server, pg_url, monkeypatch, "trace_auto_close", "answer", contact.id)

    info = crm.contacts.get(contact.id)
    assert info.is_active or info.answered_at is None
