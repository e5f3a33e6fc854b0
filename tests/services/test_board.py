"""The live board's snapshot and the notifications' alerts, with a clock the tests move."""

from __future__ import annotations

import datetime as dt
import random
import re

import peewee as pw
import pytest

from desktop_crm.db.models import Contact
from desktop_crm.services import board, open_crm
from desktop_crm.services.board import (
    ALERTS_SHOWN,
    AlertKind,
    AlertState,
    fresh_alerts,
)
from desktop_crm.services.contacts import ContactRequest

T0 = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
MINUTE = dt.timedelta(minutes=1)


class FakeClock:
    def __init__(self, at: dt.datetime = T0) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at

    def advance(self, delta: dt.timedelta) -> None:
        self.at += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def crm(database_location, clock):
    instance = open_crm(database_location, random.Random(7).randint, clock=clock)
    yield instance
    instance.close()


def register(crm, phone: str, source: str) -> int:
    return crm.contacts.register(ContactRequest(phone, source)).contact.id


def mark_overdue(crm, *contact_ids: int) -> None:
    with crm.storage.write():
        Contact.update(overdue=True).where(Contact.id.in_(contact_ids)).execute()


@pytest.fixture
def day(crm, clock):
    """Anna (room 1 of 2) and Boris (inactive) on the bot; the site has Anna only at
    weight 0 and two waiting contacts; Vera is full on the form."""
    crm.operators.create("Анна", max_load=2)
    crm.operators.create("Борис", max_load=5)
    crm.operators.create("Вера", max_load=1)
    crm.sources.create("Бот", code="bot")
    crm.sources.create("Сайт", code="site")
    crm.sources.create("Форма", code="form")
    crm.sources.set_weights("bot", {"Анна": 1, "Борис": 1})
    crm.sources.set_weights("site", {"Анна": 0})
    crm.sources.set_weights("form", {"Вера": 1})
    crm.operators.update("Борис", active=False)
    register(crm, "+79000000001", "bot")  # Anna's
    first = register(crm, "+79000000002", "site")  # waits since T0
    clock.advance(5 * MINUTE)
    register(crm, "+79000000003", "site")
    register(crm, "+79000000004", "form")  # Vera's: now full
    waiting_form = register(crm, "+79000000005", "form")
    return {"first": first, "waiting_form": waiting_form}


def test_the_board_counts_the_queue_overdue_and_who_can_take_contacts_now(crm, clock, day):
    clock.advance(7 * MINUTE)
    board = crm.board.snapshot()
    assert board.at == T0 + 12 * MINUTE
    rows = {row.source.name: row for row in board.sources}
    assert list(rows) == ["Бот", "Сайт", "Форма"]  # by name
    bot, site, form = rows["Бот"], rows["Сайт"], rows["Форма"]
    assert (bot.waiting, bot.waiting_since, bot.overdue) == (0, None, 0)
    assert (bot.available, bot.room) == (1, 1)  # Anna 1/2; Boris is inactive
    assert (site.waiting, site.waiting_since) == (2, T0)  # the oldest: 12 minutes
    assert (site.available, site.room) == (0, 0)  # Anna has weight 0 there
    assert (form.waiting, form.available, form.room) == (1, 0, 0)  # Vera is full
    assert form.waiting_since == T0 + 5 * MINUTE
    assert board.waiting == 3
    operators = {o.name: o for o in board.operators}
    assert (operators["Анна"].load, operators["Анна"].max_load) == (1, 2)
    assert (operators["Вера"].load, operators["Вера"].has_room) == (1, False)


def test_overdue_contacts_count_on_their_source(crm, day):
    anna_contact = 1  # the bot's, Anna's
    mark_overdue(crm, anna_contact)
    board = crm.board.snapshot()
    assert {r.source.name: r.overdue for r in board.sources} == {"Бот": 1, "Сайт": 0, "Форма": 0}
    assert board.overdue == 1
    crm.contacts.close_many([anna_contact])  # closed: no longer overdue on the board
    assert crm.board.snapshot().overdue == 0


def test_capacity_changes_what_the_board_says(crm, day):
    crm.operators.update("Борис", active=True)
    bot = next(r for r in crm.board.snapshot().sources if r.source.name == "Бот")
    assert (bot.available, bot.room) == (2, 1 + 5)


def test_alerts_list_contacts_waiting_longer_than_the_threshold(crm, clock, day):
    clock.advance(6 * MINUTE)  # the site's first waited 11 min, the others 6
    alerts = crm.board.alerts(10 * MINUTE)
    assert [a.contact_id for a in alerts.waiting] == [day["first"]]
    assert alerts.waiting_total == 1
    alert = alerts.waiting[0]
    assert (alert.kind, alert.source.name, alert.since) == (AlertKind.WAITING, "Сайт", T0)
    assert alert.operator_id is None
    # since: only waits that passed the threshold after it
    assert crm.board.alerts(10 * MINUTE, since=clock.at).waiting == ()
    clock.advance(5 * MINUTE)
    later = crm.board.alerts(10 * MINUTE, since=clock.at - 5 * MINUTE)
    assert {a.contact_id for a in later.waiting} == {day["waiting_form"], day["first"] + 1}


def test_each_contact_is_told_once_and_the_first_look_tells_nothing(crm, clock, day):
    state = AlertState()
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    assert fresh.count == 0  # the first look notes what is there (the board shows it)
    clock.advance(30 * MINUTE)
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    # the site's first had waited a minute at the first look; the two registered just
    # before it had not, and are told now
    assert fresh.count == 2
    assert {a.contact_id for a in fresh.alerts} == {day["first"] + 1, day["waiting_form"]}
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    assert fresh.count == 0
    new = register(crm, "+79000000006", "site")
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    assert fresh.count == 0  # not a minute yet
    clock.advance(MINUTE)
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    assert (fresh.count, [a.contact_id for a in fresh.alerts]) == (1, [new])
    clock.advance(MINUTE)
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    assert fresh.count == 0  # told once


def test_overdue_contacts_are_told_once_until_they_recover(crm, clock, day):
    state = AlertState()
    _, state = fresh_alerts(state, crm.board.alerts(10 * MINUTE, since=state.checked_at))
    mark_overdue(crm, 1)
    fresh, state = fresh_alerts(state, crm.board.alerts(10 * MINUTE, since=state.checked_at))
    assert [(a.kind, a.contact_id) for a in fresh.alerts] == [(AlertKind.OVERDUE, 1)]
    assert fresh.alerts[0].operator_id is not None
    fresh, state = fresh_alerts(state, crm.board.alerts(10 * MINUTE, since=state.checked_at))
    assert fresh.count == 0
    with crm.storage.write():
        Contact.update(overdue=False).where(Contact.id == 1).execute()
    _, state = fresh_alerts(state, crm.board.alerts(10 * MINUTE, since=state.checked_at))
    mark_overdue(crm, 1)  # overdue again later: told again
    fresh, state = fresh_alerts(state, crm.board.alerts(10 * MINUTE, since=state.checked_at))
    assert fresh.count == 1


def test_many_waiting_contacts_are_counted_and_a_few_listed(crm, clock, day):
    state = AlertState()
    _, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    for i in range(ALERTS_SHOWN + 5):
        register(crm, f"+7901000{i:04d}", "site")
    clock.advance(2 * MINUTE)
    fresh, state = fresh_alerts(state, crm.board.alerts(MINUTE, since=state.checked_at))
    assert fresh.count == ALERTS_SHOWN + 5 + 2  # and the two of the day that crossed too
    assert len(fresh.alerts) == ALERTS_SHOWN


def _plan(crm, query) -> str:
    sql, params = query.sql()
    with crm.storage.read():
        rows = crm.storage.database.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.mark.sqlite_only  # SQLite's query plans
def test_the_board_reads_the_queue_and_overdue_contacts_over_indexes(crm):
    queue = Contact.select(Contact.source, pw.fn.COUNT(Contact.id)).where(board._QUEUED)
    overdue = Contact.select(Contact.id).where(board._OVERDUE)
    assert re.search(r"USING (COVERING )?INDEX", _plan(crm, queue.group_by(Contact.source)))
    assert "contact_overdue_source" in _plan(crm, overdue)
    # the whole partial index of overdue contacts (a few), never the whole table
    assert _plan(crm, overdue) == "SCAN t1 USING INDEX contact_overdue_source"


def test_available_asks_the_skills_of_the_contacts_waiting_on_the_source(crm):
    """ "Operators available" counts those who could take one of the source's waiting
    contacts now by the one rule, skills too (a source with none waiting: a new
    untagged contact). Anna has no skill; Boris has kz; Vera has kz and vip."""
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=3)
    crm.operators.create("Вера", max_load=2)
    crm.operators.update("Борис", skills="kz")
    crm.operators.update("Вера", skills="kz, vip")
    for code in ("kz", "mix", "new"):
        crm.sources.create(code.upper(), code=code)
        crm.sources.set_weights(code, {"Анна": 1, "Борис": 1, "Вера": 1})
    crm.queue.set_auto(False)  # what waits stays in the queue
    crm.operators.update("Вера", active=False)  # everything tagged waits
    crm.operators.update("Борис", active=False)
    for i, tags in enumerate([("kz",), ("kz",)]):
        crm.contacts.register(ContactRequest(f"+7900000001{i}", "kz", tags=tags))
    crm.contacts.register(ContactRequest("+79000000020", "mix", tags=("vip",)))
    crm.operators.update("Борис", active=True)
    crm.operators.update("Вера", active=True)
    by_code = {row.source.code: row for row in crm.board.snapshot().sources}
    kz, mix, new = by_code["kz"], by_code["mix"], by_code["new"]
    assert kz.waiting == 2 and (kz.available, kz.room) == (2, 3 + 2)  # Boris, Vera
    assert mix.waiting == 1 and (mix.available, mix.room) == (1, 2)  # Vera alone
    assert new.waiting == 0 and (new.available, new.room) == (3, 5 + 3 + 2)  # untagged
    crm.operators.update("Вера", max_load=0)  # now nobody can take the vip contact
    mix = {r.source.code: r for r in crm.board.snapshot().sources}["mix"]
    assert (mix.available, mix.room) == (0, 0)
