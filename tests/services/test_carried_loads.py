"""A registration keeps what it counted (loads, today's counts, the configuration) for
the next registration on the same connection, and reads it all afresh as soon as
anything else wrote meanwhile: another connection's commit, or this connection's own
write outside a registration (``services/loads.py``, ``Storage.unchanged_since_last_write``).

Each test registers on one open ``Crm``, changes the database in between, on a second
connection (a thread of its own) or on the same one, and checks that the next decision
follows the change. On both backends (PostgreSQL never keeps anything)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.services import Crm
from desktop_crm.services.contacts import ContactRequest
from tests.services.day_util import FakeClock, crm_at

_counter = iter(range(1_000_000))


def _register(crm: Crm, source: str = "tg") -> tuple[int, str | None]:
    """A new lead's contact: (its id, its operator's name or None)."""
    contact = crm.contacts.register(ContactRequest(f"lead-{next(_counter)}@example.com", source))
    info = contact.contact
    return info.id, None if info.operator is None else info.operator.name


def _on_another_connection(crm: Crm, work: Callable[[Crm], object]) -> None:
    """``work`` on a connection of its own (peewee's are per thread), committed."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work(crm)
        except BaseException as error:  # re-raised in the test's thread
            failures.append(error)
        finally:
            crm.storage.close_thread_connection()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    assert not thread.is_alive()
    if failures:
        raise failures[0]


@pytest.fixture
def desk(crm: Crm) -> Crm:
    """Анна (limit 2) takes every contact of ``tg``; Борис is there with weight 0."""
    crm.operators.create("Анна", max_load=2)
    crm.operators.create("Борис", max_load=5)
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Анна": 1, "Борис": 0})
    return crm


def test_a_contact_closed_by_another_connection_frees_its_slot_at_once(desk):
    first, operator = _register(desk)
    assert operator == "Анна"
    assert _register(desk)[1] == "Анна"  # Анна is at her limit (nobody queued)
    _on_another_connection(desk, lambda crm: crm.contacts.close(first))
    assert _register(desk)[1] == "Анна"
    assert _register(desk)[1] is None


def test_contacts_registered_by_another_connection_count_at_once(desk):
    assert _register(desk)[1] == "Анна"
    _on_another_connection(desk, _register)  # Анна: 2 of 2
    assert _register(desk)[1] is None  # never a third
    assert desk.operators.get("Анна").load == 2


def test_a_contact_closed_by_hand_on_the_same_connection_is_seen(desk):
    first, _operator = _register(desk)
    assert _register(desk)[1] == "Анна"
    desk.contacts.close(first)  # the same connection, between two registrations
    assert _register(desk)[1] == "Анна"
    assert _register(desk)[1] is None


def test_a_contact_moved_by_hand_on_the_same_connection_is_seen(desk):
    _register(desk)
    second, _operator = _register(desk)
    desk.contacts.assign([second], "Борис")  # Анна has room for one again
    assert _register(desk)[1] == "Анна"
    assert _register(desk)[1] is None


def test_an_operator_deactivated_by_another_connection_gets_nothing(desk):
    desk.operators.update("Анна", max_load=5)  # room for the queued one too
    assert _register(desk)[1] == "Анна"
    _on_another_connection(desk, lambda crm: crm.operators.update("Анна", active=False))
    assert _register(desk)[1] is None
    _on_another_connection(desk, lambda crm: crm.operators.update("Анна", active=True))
    assert _register(desk)[1] == "Анна"


def test_a_weight_changed_by_another_connection_is_followed(desk):
    assert _register(desk)[1] == "Анна"
    _on_another_connection(desk, lambda crm: crm.sources.set_weights("tg", {"Анна": 0, "Борис": 1}))
    assert _register(desk)[1] == "Борис"


def test_an_absence_set_by_another_connection_is_followed(desk):
    desk.operators.update("Анна", max_load=5)  # room for the queued one too
    assert _register(desk)[1] == "Анна"
    _on_another_connection(desk, lambda crm: crm.operators.set_away("Анна"))
    assert _register(desk)[1] is None
    _on_another_connection(desk, lambda crm: crm.operators.set_back("Анна"))
    assert _register(desk)[1] == "Анна"


def test_a_daily_cap_counts_another_connections_contacts(desk):
    desk.operators.update("Анна", max_load=100, daily_cap=2)
    assert _register(desk)[1] == "Анна"
    _on_another_connection(desk, _register)  # her second today
    assert _register(desk)[1] is None


def test_a_limit_lowered_by_another_connection_is_followed(desk):
    assert _register(desk)[1] == "Анна"
    _on_another_connection(desk, lambda crm: crm.operators.update("Анна", max_load=1))
    assert _register(desk)[1] is None


def test_a_registration_rolled_back_counts_nothing(desk, monkeypatch):
    """A registration that wrote its rows and then failed leaves no load behind."""
    import desktop_crm.services.contacts as contacts

    real = contacts.contact_info
    calls = iter(range(100))

    def failing_once(contact_id: int):
        if next(calls) == 1:
            raise RuntimeError("the answer could not be read")
        return real(contact_id)

    monkeypatch.setattr(contacts, "contact_info", failing_once)
    assert _register(desk)[1] == "Анна"
    with pytest.raises(RuntimeError):
        _register(desk)  # rolled back: Анна still has one
    assert _register(desk)[1] == "Анна"
    assert _register(desk)[1] is None


# -- what depends on the time is computed at each request's own time --------------------
BERLIN = ZoneInfo("Europe/Berlin")


def _berlin(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN).astimezone(dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(_berlin(2026, 12, 1, 17, 59))  # Tuesday


@pytest.fixture
def timed_desk(database_location, clock) -> Iterator[Crm]:
    """As ``desk``, in Berlin's time, on a clock the test moves."""
    with crm_at(database_location, clock) as crm:
        crm.settings.set_timezone("Europe/Berlin")
        crm.operators.create("Анна", max_load=100)
        crm.operators.create("Борис", max_load=100)
        crm.sources.create("Telegram", code="tg")
        crm.sources.set_weights("tg", {"Анна": 1, "Борис": 0})
        yield crm


def test_a_shift_ending_between_two_registrations_is_followed(timed_desk, clock):
    timed_desk.operators.set_hours("Анна", ["mon-fri 09:00-18:00"])
    assert _register(timed_desk)[1] == "Анна"
    clock.set(_berlin(2026, 12, 1, 18, 0))  # nothing written meanwhile: only the time moved
    contact_id, operator = _register(timed_desk)
    assert operator is None
    excluded = {
        c.operator.name: c.excluded for c in timed_desk.contacts.history(contact_id)[-1].candidates
    }
    assert excluded["Анна"] == "off_shift"


def test_a_daily_cap_starts_again_at_midnight_in_the_configured_zone(timed_desk, clock):
    timed_desk.operators.update("Анна", daily_cap=1)
    clock.set(_berlin(2026, 12, 1, 23, 59))
    assert _register(timed_desk)[1] == "Анна"
    assert _register(timed_desk)[1] is None  # her one for today
    clock.set(_berlin(2026, 12, 2, 0, 0))
    assert _register(timed_desk)[1] == "Анна"
    assert _register(timed_desk)[1] is None


def test_each_decision_refers_to_the_candidates_as_they_stood(desk):
    """Registrations in a row may share one decision context; one that follows a change
    (another connection's new weights) refers to the candidates as they are then."""
    desk.operators.update("Анна", max_load=10)
    first, _ = _register(desk)
    second, _ = _register(desk)
    _on_another_connection(desk, lambda crm: crm.sources.set_weights("tg", {"Анна": 3, "Борис": 0}))
    third, _ = _register(desk)

    def weights(contact_id: int) -> dict[str, int]:
        candidates = desk.contacts.history(contact_id)[-1].candidates
        return {c.operator.name: c.weight for c in candidates}

    assert weights(first) == weights(second) == {"Анна": 1, "Борис": 0}
    assert weights(third) == {"Анна": 3, "Борис": 0}


def test_a_registration_inside_a_transaction_rolled_back_later_counts_nothing(desk):
    """A registration nested in a caller's own transaction keeps nothing: that
    transaction may still roll it back."""
    assert _register(desk)[1] == "Анна"
    with desk.storage.database.atomic() as outer:
        assert _register(desk)[1] == "Анна"
        outer.rollback()
    assert _register(desk)[1] == "Анна"  # the one rolled back left her room
    assert _register(desk)[1] is None
