"""`leads`, `stats` and `settings`."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from tests.cli.helpers import CONTACT_KEYS, has_offset, snapshot

PHONE_VARIANTS = ["+7 (900) 123-45-67", "8 900 123-45-67", "79001234567"]


@pytest.fixture
def local_tz_msk():
    """Local time UTC+3 (a POSIX TZ string: no tz database needed)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "MSK-3"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_phone_variants_make_one_lead(run_json):
    run_json("source", "add", "S", "--code", "s")
    for i, phone in enumerate(PHONE_VARIANTS):
        run_json("contact", "add", "--lead", phone, "--source", "s", "--message", f"m{i}")
    leads = run_json("leads")
    assert isinstance(leads, list)
    assert len(leads) == 1
    lead = leads[0]
    assert set(lead) == {"id", "external_id", "name", "created_at", "contacts"}
    assert lead["external_id"] == "+79001234567"
    assert has_offset(lead["created_at"])
    assert [c["message"] for c in lead["contacts"]] == ["m0", "m1", "m2"]  # oldest first
    for contact in lead["contacts"]:
        assert set(contact) == {*CONTACT_KEYS, "reason"} - {"lead"}
        assert has_offset(contact["created_at"])


def test_each_lead_with_all_its_contacts_from_all_sources(run_json, seeded):
    run_json("contact", "add", "--lead", "89001234567", "--source", "site")
    run_json("contact", "add", "--lead", "Ivan@Example.COM", "--source", "site", "--name", "Иван")
    leads = run_json("leads")
    assert [lead["external_id"] for lead in leads] == ["ivan@example.com", "+79001234567"]
    phone = leads[1]
    assert [c["source"]["code"] for c in phone["contacts"]] == ["tg", "site"]
    assert [c["operator"] and c["operator"]["name"] for c in phone["contacts"]] == ["alice", None]


@pytest.mark.parametrize("query", [*PHONE_VARIANTS, "+79001234567", "1234567"])
def test_search_by_phone_in_any_format(run_json, seeded, query):
    run_json("contact", "add", "--lead", "user-1", "--source", "tg", "--name", "Other")
    leads = run_json("leads", "--search", query)
    assert [lead["external_id"] for lead in leads] == ["+79001234567"]


def test_search_by_name_ignores_case(run_json, seeded):
    run_json("contact", "add", "--lead", "user-1", "--source", "tg", "--name", "Пётр Иванов")
    leads = run_json("leads", "--search", "пётр")
    assert [lead["name"] for lead in leads] == ["Пётр Иванов"]
    assert run_json("leads", "--search", "nobody") == []
    assert run_json("leads", "--search", "%") == []  # LIKE wildcards are literal


def test_limit_gives_the_newest_leads(run_json, seeded):
    for lead in ("a", "b", "c"):
        run_json("contact", "add", "--lead", lead, "--source", "site")
    assert [lead["external_id"] for lead in run_json("leads", "--limit", "2")] == ["c", "b"]


def test_leads_of_an_empty_database(run_json, run):
    assert run_json("leads") == []
    assert run("leads").code == 0


def test_leads_text_output(run, seeded):
    result = run("leads")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"#{seeded['contact']} +79001234567 — 1 contact(s)"
    assert "Telegram bot -> alice" in lines[1]


@pytest.fixture
def dated(database_location):
    """Contacts at known local times (UTC+3): 10 Mar 23:30 and 11 Mar 00:30, one each day."""
    crm = open_crm(database_location)
    try:
        alice = crm.operators.create("alice")
        crm.sources.create("S", code="s")
        crm.sources.set_weights("s", {"alice": 1})
        for stamp in ("2024-03-10T23:30:00", "2024-03-11T00:30:00"):
            created = dt.datetime.fromisoformat(stamp)  # naive = local time
            crm.contacts.register(ContactRequest("u", "s", created_at=created))
    finally:
        crm.close()
    return alice


def totals(stats):
    return [o["total"] for o in stats["operators"]]


def test_stats_per_operator_and_source(run_json, seeded):
    run_json("contact", "add", "--lead", "x", "--source", "site")
    stats = run_json("stats")
    assert stats["since"] is None
    assert stats["until"] is None
    by_name = {o["name"]: o for o in stats["operators"]}
    assert set(by_name) == {"alice", "bob", "Иван"}
    alice = by_name["alice"]
    assert (alice["total"], alice["load"], alice["max_load"], alice["active"]) == (1, 1, 2, True)
    assert alice["sources"] == [
        {
            "source": {"id": seeded["tg"], "name": "Telegram bot", "code": "tg"},
            "total": 1,
            "active": 1,
        }
    ]
    assert by_name["bob"]["sources"] == []
    assert stats["unassigned"] == [
        {"source": {"id": seeded["site"], "name": "Сайт", "code": "site"}, "total": 1, "active": 1}
    ]


@pytest.mark.usefixtures("local_tz_msk")
def test_stats_period_in_local_days(run_json, dated):
    # A bare date as --until includes that whole (local) day.
    assert totals(run_json("stats", "--until", "2024-03-10")) == [1]
    assert totals(run_json("stats", "--since", "2024-03-11")) == [1]
    assert totals(run_json("stats", "--since", "2024-03-10", "--until", "2024-03-11")) == [2]
    assert totals(run_json("stats", "--since", "2024-03-12")) == [0]
    # A date-time --until is exclusive, to the minute.
    assert totals(run_json("stats", "--until", "2024-03-11T00:30")) == [1]
    assert totals(run_json("stats", "--until", "2024-03-11T00:31")) == [2]
    # With an explicit offset: 2024-03-10T21:00Z is 2024-03-11T00:00 local.
    assert totals(run_json("stats", "--since", "2024-03-10T21:00:00+00:00")) == [1]

    stats = run_json("stats", "--since", "2024-03-10", "--until", "2024-03-10")
    assert stats["since"] == "2024-03-10T00:00:00+03:00"
    assert stats["until"] == "2024-03-11T00:00:00+03:00"


@pytest.mark.usefixtures("local_tz_msk")
def test_times_are_printed_in_local_time_with_the_offset(run_json, dated):
    contacts = run_json("leads")[0]["contacts"]
    assert [c["created_at"] for c in contacts] == [
        "2024-03-10T23:30:00+03:00",
        "2024-03-11T00:30:00+03:00",
    ]


@pytest.mark.usefixtures("local_tz_msk")
def test_a_basic_format_date_as_until_includes_the_day(run_json, dated):
    """20240310 is an ISO 8601 date (basic format): as --until it is a date, so the day
    is included (README: "`--until` date includes the day"), as 2024-03-10 would be."""
    stats = run_json("stats", "--until", "20240310")
    assert stats == run_json("stats", "--until", "2024-03-10")
    assert stats["until"] == "2024-03-11T00:00:00+03:00"
    assert totals(stats) == [1]  # 23:30 on the 10th; 00:30 on the 11th is after


@pytest.mark.parametrize(
    "args",
    [
        ("--since", "yesterday"),
        ("--until", "2024-13-01"),
        ("--since", "2024-02-30"),
        ("--until", ""),
        ("--since", "2024-03-10", "--until", "10.03.2024"),
    ],
)
def test_stats_bad_date(run_error, seeded, db_path, args):
    before = snapshot(db_path)
    assert "is not a date" in run_error("stats", *args)
    assert snapshot(db_path) == before


def test_stats_text_output(run, seeded):
    result = run("stats")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["operator", "source", "contacts", "active", "/", "load"]
    assert lines[2].split() == ["alice", "(all)", "1", "1/2"]
    assert lines[3].split() == ["Telegram", "bot", "1", "1"]


def test_settings_show_and_change_the_phone_region(run_json, run):
    shown = run_json("settings")
    assert shown == {"phone_region": "RU", "auto_redistribute": True, "timezone": shown["timezone"]}
    assert run_json("settings", "--phone-region", "kz")["phone_region"] == "KZ"
    assert run_json("settings")["phone_region"] == "KZ"
    result = run("settings")
    assert (result.code, result.out) == (
        0,
        f"phone_region: KZ\nauto_redistribute: True\ntimezone: {shown['timezone']}\n",
    )


def test_settings_unknown_region(run_json, run_error, db_path):
    run_json("settings", "--auto-redistribute", "on")  # a write: creates the database
    before = snapshot(db_path)
    assert "ZZ" in run_error("settings", "--phone-region", "zz")
    assert snapshot(db_path) == before
