"""Who did what: every change by hand is logged with its dispatcher, in the change's own
transaction (issue 11). Written against the ``crm`` fixture, so every backend runs them."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import pytest

from desktop_crm.domain.audit import KIND_OF
from desktop_crm.errors import ChangedMeanwhile, InvalidValue, LimitReached
from desktop_crm.services import Crm, DatabaseLocation, open_crm
from desktop_crm.services import sources as sources_module
from desktop_crm.services.audit import (
    MAX_DISPATCHER_LENGTH,
    Action,
    AuditFilter,
    AuditInfo,
    FieldChange,
    ObjectKind,
    change_text,
    clean_dispatcher,
    os_user,
)
from desktop_crm.services.contacts import ContactRequest, Move


def entries(crm: Crm, **filters: object) -> list[AuditInfo]:
    return crm.audit.entries(AuditFilter(**filters))  # type: ignore[arg-type]


def actions(crm: Crm) -> list[str]:
    """Oldest first."""
    return [e.action for e in reversed(entries(crm))]


@pytest.fixture
def anna(crm: Crm) -> Crm:
    crm.set_dispatcher("Анна")
    return crm


@pytest.fixture
def ticking(crm: Crm) -> list[dt.datetime]:
    """Each entry one minute after the one before, from 2026-03-01 10:00 UTC."""
    start = dt.datetime(2026, 3, 1, 10, 0)
    times = (start + dt.timedelta(minutes=i) for i in itertools.count())
    used: list[dt.datetime] = []

    def clock() -> dt.datetime:
        used.append(next(times))
        return used[-1]

    crm.trail.clock = clock
    return used


def test_every_action_has_its_kind_of_object() -> None:
    assert set(KIND_OF) == set(Action)


# -- the dispatcher's name -------------------------------------------------------------------
def test_names_are_trimmed_and_checked() -> None:
    assert clean_dispatcher("  Анна  Петрова \u200b") == "Анна Петрова"
    for bad in ("", "   ", "\u200b", "a\tb", "x" * (MAX_DISPATCHER_LENGTH + 1)):
        with pytest.raises(InvalidValue) as caught:
            clean_dispatcher(bad)
        assert "dispatcher name" in str(caught.value)
    assert clean_dispatcher("x" * MAX_DISPATCHER_LENGTH) == "x" * MAX_DISPATCHER_LENGTH


@pytest.mark.parametrize("bad", ["x\u2028y", "x\u2029y", "x\x85y", "x\x1b[31my"])
def test_line_and_paragraph_separators_are_refused_like_control_characters(bad: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        clean_dispatcher(bad)
    assert "control characters" in str(caught.value)


def test_invisible_format_characters_go_and_one_name_has_one_form() -> None:
    assert clean_dispatcher("Ан\u200bна\u202e") == "Анна"
    nfd, nfc = "Rene\u0301e", "Ren\u00e9e"
    assert clean_dispatcher(nfd) == clean_dispatcher(nfc) == nfc


def test_the_os_user_is_the_default_and_never_fails() -> None:
    assert os_user(lambda: " ivan ") == "ivan"

    def broken() -> str:
        raise OSError("no passwd entry")

    assert os_user(broken)  # a usable name anyway
    assert os_user(lambda: "\x1b[31m") == os_user(broken)  # not a usable name either


def test_open_crm_takes_the_dispatcher_once(db_path: Path) -> None:
    crm = open_crm(DatabaseLocation(db_path), dispatcher="  Борис ")
    try:
        assert crm.dispatcher == "Борис"
        crm.operators.create("Op")
        assert [e.dispatcher for e in entries(crm)] == ["Борис"]
    finally:
        crm.close()
    with pytest.raises(InvalidValue):
        open_crm(DatabaseLocation(db_path), dispatcher=" ")
    crm = open_crm(DatabaseLocation(db_path))  # the OS user
    try:
        assert crm.dispatcher == os_user()
    finally:
        crm.close()


def test_set_dispatcher_refuses_a_bad_name_and_keeps_the_old(crm: Crm) -> None:
    crm.set_dispatcher("Анна")
    with pytest.raises(InvalidValue):
        crm.set_dispatcher("")
    assert crm.dispatcher == "Анна"


# -- operators ---------------------------------------------------------------------------------
def test_operator_changes_are_logged(anna: Crm) -> None:
    crm = anna
    op = crm.operators.create("Ольга", max_load=5)
    crm.operators.update(op.id, name="Ольга К.", max_load=7, active=False)
    crm.operators.update(op.id, active=True)
    crm.operators.update(op.id, max_load=7)  # nothing changes: nothing logged
    crm.set_dispatcher("Борис")
    crm.operators.delete(op.id)
    assert actions(crm) == [
        Action.OPERATOR_CREATED,
        Action.OPERATOR_RENAMED,
        Action.OPERATOR_LIMIT,
        Action.OPERATOR_DEACTIVATED,
        Action.OPERATOR_ACTIVATED,
        Action.OPERATOR_DELETED,
    ]
    log = list(reversed(entries(crm)))
    assert {e.object_kind for e in log} == {ObjectKind.OPERATOR}
    assert {e.object_id for e in log} == {op.id}
    assert [e.dispatcher for e in log] == ["Анна"] * 5 + ["Борис"]
    assert log[0].label == "Ольга"
    assert log[1].label == "Ольга К."  # the name it has after the change
    assert log[1].changes == (FieldChange("name", "Ольга", "Ольга К."),)
    assert log[2].changes == (FieldChange("max_load", 5, 7),)
    assert log[3].changes == (FieldChange("active", True, False),)


# -- sources and weights ---------------------------------------------------------------------
def test_source_changes_and_weights_are_logged(anna: Crm) -> None:
    crm = anna
    a = crm.operators.create("Анна")
    b = crm.operators.create("Борис")
    src = crm.sources.create("Телеграм", code="tg")
    crm.sources.update(src.id, name="Телеграм-бот", code="", strategy="round_robin")
    crm.sources.update(src.id, repeat_to_last=True)
    crm.sources.set_weights(src.id, {a.id: 3, b.id: 1})
    crm.sources.set_weight(src.id, b.id, 2)
    crm.sources.set_weights(src.id, {a.id: 3, b.id: 2})  # the same: nothing logged
    crm.sources.set_weights(src.id, {})
    crm.sources.delete(src.id)
    source_log = list(reversed(entries(crm, object_kind="source")))
    assert [e.action for e in source_log] == [
        Action.SOURCE_CREATED,
        Action.SOURCE_RENAMED,
        Action.SOURCE_CODE,
        Action.SOURCE_STRATEGY,
        Action.SOURCE_REPEAT,
        Action.WEIGHTS,
        Action.WEIGHTS,
        Action.WEIGHTS,
        Action.SOURCE_DELETED,
    ]
    assert source_log[2].changes == (FieldChange("code", "tg", None),)
    assert source_log[3].changes == (FieldChange("strategy", "weighted_random", "round_robin"),)
    assert source_log[5].changes == (
        FieldChange("weight", None, 3, of="Анна"),
        FieldChange("weight", None, 1, of="Борис"),
    )
    assert source_log[6].changes == (FieldChange("weight", 1, 2, of="Борис"),)
    assert source_log[7].changes == (
        FieldChange("weight", 3, None, of="Анна"),
        FieldChange("weight", 2, None, of="Борис"),
    )
    assert change_text(source_log[6].changes) == "weight (Борис): 1 → 2"
    assert {e.label for e in source_log[1:]} == {"Телеграм-бот"}


# -- contacts ------------------------------------------------------------------------------
def _setup_contacts(crm: Crm) -> tuple[int, int, list[int]]:
    crm.queue.set_auto(False)  # a contact moved back to the queue stays there
    a = crm.operators.create("Анна", max_load=10).id
    b = crm.operators.create("Борис", max_load=10).id
    crm.sources.create("S", code="s")
    crm.sources.set_weights("s", {a: 1})
    ids = [crm.contacts.register(ContactRequest(f"user{i}", "s")).contact.id for i in range(3)]
    return a, b, ids


def test_registrations_are_not_logged_but_work_by_hand_is(anna: Crm) -> None:
    crm = anna
    a, b, ids = _setup_contacts(crm)
    before = len(entries(crm))
    crm.contacts.assign(ids[:2], b)
    crm.contacts.close_many(ids)
    crm.contacts.reopen(ids[0])
    crm.contacts.move([Move(ids[0], expected=b, operator=None)])
    crm.contacts.move([Move(ids[0], expected=None, operator=a)])
    log = list(reversed(entries(crm, object_kind="contact")))
    assert len(entries(crm)) == before + len(log)  # the registrations added nothing
    assert [(e.action, e.object_id) for e in log] == [
        (Action.CONTACT_ASSIGNED, ids[0]),
        (Action.CONTACT_ASSIGNED, ids[1]),
        (Action.CONTACT_CLOSED, ids[0]),
        (Action.CONTACT_CLOSED, ids[1]),
        (Action.CONTACT_CLOSED, ids[2]),
        (Action.CONTACT_REOPENED, ids[0]),
        (Action.CONTACT_MOVED, ids[0]),
        (Action.CONTACT_MOVED, ids[0]),
    ]
    assert log[0].changes == (FieldChange("operator", "Анна", "Борис"),)
    assert log[0].label == f"#{ids[0]}"
    assert log[2].changes == (FieldChange("operator", None, "Борис"),)
    assert log[4].changes == (FieldChange("operator", None, "Анна"),)
    assert log[6].changes == (FieldChange("operator", "Борис", None),)
    assert log[7].changes == (FieldChange("operator", None, "Анна"),)
    assert {e.dispatcher for e in log} == {"Анна"}


def test_closing_a_closed_contact_logs_nothing(anna: Crm) -> None:
    _a, _b, ids = _setup_contacts(anna)
    anna.contacts.close(ids[0])
    anna.contacts.close(ids[0])
    assert [e.object_id for e in entries(anna, object_kind="contact")] == [ids[0]]


# -- settings ------------------------------------------------------------------------------
def test_settings_are_logged_when_they_change(anna: Crm) -> None:
    crm = anna
    crm.settings.set_phone_region("kz")
    crm.settings.set_phone_region("KZ")
    crm.queue.set_auto(False)
    crm.queue.set_auto(False)
    log = list(reversed(entries(crm, object_kind="setting")))
    assert [(e.action, e.changes) for e in log] == [
        (Action.PHONE_REGION, (FieldChange("value", "RU", "KZ"),)),
        (Action.AUTO_REDISTRIBUTION, (FieldChange("value", True, False),)),
    ]


# -- a change and its record never part --------------------------------------------------
def test_a_refused_change_leaves_no_record(anna: Crm) -> None:
    crm = anna
    a, b, ids = _setup_contacts(crm)
    crm.operators.update(b, active=False)
    before = entries(crm)
    with pytest.raises(InvalidValue):
        crm.operators.update(a, name="New name", max_load=1)  # below its load of 3
    with pytest.raises(InvalidValue):
        crm.sources.set_weights("s", {a: 1, b: -1})
    result = crm.contacts.assign(ids, b)  # inactive: every contact refused
    assert result.refused and not result.changed
    with pytest.raises(LimitReached):
        crm.contacts.move([Move(ids[0], expected=a, operator=b)])
    with pytest.raises(ChangedMeanwhile):  # the first move fits, the second does not
        crm.contacts.move(
            [Move(ids[0], expected=a, operator=None), Move(ids[1], expected=b, operator=None)]
        )
    assert entries(crm) == before
    assert crm.operators.get(a).name == "Анна"


def test_a_failure_after_the_record_takes_the_record_back(
    anna: Crm, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record is written inside the change's transaction: when something later in
    that transaction fails, the change and its record are both rolled back."""
    src = anna.sources.create("S")
    before = entries(anna)

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("after the record")

    monkeypatch.setattr(sources_module, "_info", broken)
    with pytest.raises(RuntimeError):
        anna.sources.update(src.id, name="Renamed")
    monkeypatch.undo()
    assert entries(anna) == before
    assert anna.sources.get(src.id).name == "S"


# -- reading ----------------------------------------------------------------------------
def test_filters_and_order(crm: Crm, ticking: list[dt.datetime]) -> None:
    crm.set_dispatcher("Анна")
    op = crm.operators.create("Оператор")  # 10:00
    crm.set_dispatcher("Борис")
    crm.sources.create("Источник")  # 10:01
    crm.operators.update(op.id, max_load=3)  # 10:02
    crm.set_dispatcher("анна")  # another name: compared exactly
    crm.settings.set_phone_region("KZ")  # 10:03

    assert [e.created_at.minute for e in entries(crm)] == [3, 2, 1, 0]  # newest first
    assert entries(crm)[0].created_at.tzinfo is not None
    assert [e.action for e in entries(crm, dispatcher="Борис")] == [
        Action.OPERATOR_LIMIT,
        Action.SOURCE_CREATED,
    ]
    assert len(entries(crm, dispatcher="Анна")) == 1
    assert len(entries(crm, object_kind="operator")) == 2
    utc = dt.UTC
    window = entries(
        crm,
        since=dt.datetime(2026, 3, 1, 10, 1, tzinfo=utc),
        until=dt.datetime(2026, 3, 1, 10, 3, tzinfo=utc),
    )
    assert [e.created_at.minute for e in window] == [2, 1]  # until is exclusive
    assert len(crm.audit.entries(AuditFilter(), limit=2)) == 2
    assert crm.audit.dispatchers() == ["Анна", "анна", "Борис"]


def test_many_contacts_closed_at_once_are_all_logged(crm: Crm) -> None:
    op = crm.operators.create("Op", max_load=500).id
    crm.sources.create("S", code="s")
    crm.sources.set_weights("s", {op: 1})
    rng = random.Random(1)
    ids = [
        crm.contacts.register(ContactRequest(f"u{rng.random()}", "s")).contact.id
        for _ in range(250)
    ]
    crm.contacts.close_many(ids)
    closed = crm.audit.entries(AuditFilter(object_kind="contact"), limit=1000)
    assert sorted(e.object_id for e in closed) == sorted(ids)
