"""The configuration revision (migration 0011) that lets a process keep the distributor's
configuration between transactions: every change of that configuration moves it, in
the changing transaction; registering contacts does not (else nothing could be kept).
How an open pipe follows another process's changes: tests/cli/test_pipe_config.py."""

from __future__ import annotations

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import Crm, open_crm
from desktop_crm.services.config_cache import read_revision
from desktop_crm.services.contacts import ContactRequest


def _revision(crm: Crm) -> int:
    with crm.storage.read():
        return read_revision(crm.storage)


def _register(crm: Crm, lead: str) -> str | None:
    info = crm.contacts.register(ContactRequest(external_id=lead, source="tg")).contact
    return None if info.operator is None else info.operator.name


def test_every_configuration_change_moves_the_revision(crm):
    changes = [
        lambda: crm.operators.create("Анна", max_load=5),
        lambda: crm.sources.create("Telegram", code="tg"),
        lambda: crm.sources.set_weights("tg", {"Анна": 2}),
        lambda: crm.operators.update("Анна", max_load=7),
        lambda: crm.operators.set_hours("Анна", ["mon-sun 00:00-24:00"]),
        lambda: crm.operators.set_away("Анна"),
        lambda: crm.operators.set_back("Анна"),
        lambda: crm.sources.update("tg", strategy="round_robin"),
        lambda: crm.settings.set_phone_region("KZ"),
    ]
    seen = {_revision(crm)}
    for change in changes:
        change()
        revision = _revision(crm)
        assert revision not in seen, change
        seen.add(revision)


def test_registering_keeps_the_revision_even_on_a_round_robin_source(crm):
    crm.operators.create("Анна", max_load=50)
    crm.operators.create("Борис", max_load=50)
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Анна": 2, "Борис": 1})
    crm.sources.update("tg", strategy="round_robin")
    crm.settings.set_timezone("Europe/Moscow")
    before = _revision(crm)
    picked = [_register(crm, f"lead-{i}@example.com") for i in range(6)]
    assert _revision(crm) == before
    # the round-robin state is read afresh each time, never kept: the exact cycle
    assert picked == ["Анна", "Борис", "Анна", "Анна", "Борис", "Анна"]


def test_a_change_is_followed_at_once_by_the_same_process(crm):
    crm.operators.create("Анна", max_load=1)
    crm.operators.create("Борис", max_load=50)
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Анна": 1})
    assert _register(crm, "a@example.com") == "Анна"
    assert _register(crm, "b@example.com") is None  # Анна is full
    crm.operators.update("Анна", max_load=3)  # the queued contact takes one more place
    assert _register(crm, "c@example.com") == "Анна"
    assert _register(crm, "e@example.com") is None
    crm.sources.set_weights("tg", {"Анна": 0, "Борис": 1})
    assert _register(crm, "d@example.com") == "Борис"


@pytest.mark.sqlite_only
def test_two_new_or_upgraded_databases_never_start_at_the_same_revision(tmp_path):
    """A process keeps its configuration while the revision stays: a backup restored
    under it (upgraded to this schema in a copy first) must not arrive at the revision
    the process kept, as two databases both starting at 0 would."""
    revisions = set()
    for name in ("a", "b", "c"):
        crm = open_crm(DatabaseLocation(tmp_path / f"{name}.sqlite3"))
        try:
            revisions.add(_revision(crm))
        finally:
            crm.close()
    assert len(revisions) == 3
