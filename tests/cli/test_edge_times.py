"""Contact times at the calendar's edge (a hostile tester's import of 9999-12-31T23:30Z):
refused when given, and never a crash when an older version or a hand edit stored one."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

from desktop_crm.db.models import AuditEntry, Contact, Decision, Lead
from desktop_crm.services.contacts import ContactRequest

MOSCOW = "MSK-3"  # POSIX TZ strings need no tz data
NEW_YORK = "EST5EDT,M3.2.0,M11.1.0"
FUTURE = dt.datetime(9999, 12, 31, 23, 30)  # naive UTC, as stored: Moscow cannot show it
ANCIENT = dt.datetime(1, 1, 1, 0, 30)  # and New York cannot show this one
LIMITS_NAMED = ("1900", "9000")


@pytest.fixture
def telegram(run_json):
    run_json("operator", "add", "Анна")
    run_json("source", "add", "Telegram", "--code", "tg")
    run_json("source", "weights", "tg", "Анна=1")


def _import(run_json, tmp_path, dates: list[str]) -> dict:
    path = tmp_path / "dates.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["phone", "name", "source", "date"])
        for n, date in enumerate(dates):
            writer.writerow([f"+7900444{n:04d}", f"Лид {n}", "tg", date])
    return run_json("import", path)


OUT_OF_RANGE = [
    "9999-12-31T23:30:00Z",
    "9999-12-31T23:59:59Z",
    "9999-12-31",
    "31.12.9999 23:59",
    "9001-01-01T12:00:00Z",  # 9001 in every zone
    "9001-01-01T00:00:00-12:00",
    "0001-01-01T00:30:00Z",
    "0001-01-01",
    "1899-12-31T09:59:59Z",  # 1899 in every zone
    "1899-12-31T23:59:59+14:00",
]


@pytest.mark.parametrize("date", OUT_OF_RANGE)
def test_an_import_refuses_a_date_outside_a_contacts_years(
    run_json, telegram, tmp_path, process_zone, date
):
    process_zone("UTC0")
    data = _import(run_json, tmp_path, [date])
    assert (data["imported"], data["rejected_total"]) == (0, 1)
    (rejected,) = data["rejected"]
    assert rejected["line"] == 2
    assert f'"{date}"' in rejected["reason"]
    assert all(year in rejected["reason"] for year in LIMITS_NAMED), rejected
    assert run_json("leads") == []


def test_the_edge_years_are_kept_and_shown_in_every_zone(
    run, run_json, services, telegram, tmp_path, process_zone
):
    process_zone("UTC0")
    data = _import(run_json, tmp_path, ["1899-12-31T10:00:00Z"])  # 1900 somewhere
    assert (data["imported"], data["rejected"]) == (1, [])
    with services() as crm:  # 9000 somewhere: no import takes a date that far ahead
        last = dt.datetime(9001, 1, 1, 11, 59, 59, tzinfo=dt.UTC)
        crm.contacts.register(ContactRequest("+79004440022", "tg", created_at=last))
    for zone, shown in [
        ("UTC0", ["1899-12-31T10:00:00+00:00", "9001-01-01T11:59:59+00:00"]),
        (MOSCOW, ["1899-12-31T13:00:00+03:00", "9001-01-01T14:59:59+03:00"]),
        ("UTC+12", ["1899-12-30T22:00:00-12:00", "9000-12-31T23:59:59-12:00"]),
        ("UTC-14", ["1900-01-01T00:00:00+14:00", "9001-01-02T01:59:59+14:00"]),
    ]:
        process_zone(zone)
        got = [run_json("contact", "show", str(n))["created_at"] for n in (1, 2)]
        assert got == shown, zone


@pytest.mark.parametrize(
    ("zone", "date", "stored"),
    [
        (MOSCOW, "01.01.1900 00:00", "1899-12-31T21:00:00+00:00"),
        ("UTC-14", "1900-01-01", "1899-12-31T10:00:00+00:00"),
    ],
)
def test_a_date_inside_the_years_on_the_files_own_clock_is_kept(
    run_json, telegram, tmp_path, process_zone, zone, date, stored
):
    process_zone(zone)
    data = _import(run_json, tmp_path, [date])
    assert (data["imported"], data["rejected"]) == (1, [])
    process_zone("UTC0")
    assert run_json("contact", "show", "1")["created_at"] == stored


@pytest.mark.parametrize("date", ["31.12.9000 23:59", "9000-12-31T23:59:59-12:00"])
def test_the_last_years_of_the_range_are_in_the_future_for_an_import(
    run_json, telegram, tmp_path, process_zone, date
):
    process_zone("UTC+12")
    data = _import(run_json, tmp_path, [date])
    assert data["imported"] == 0
    ((rejected),) = data["rejected"]
    assert "in the future" in rejected["reason"], rejected


def test_a_contact_given_a_time_outside_the_range_is_the_users_error(services, telegram):
    from desktop_crm.errors import InvalidValue

    with services() as crm:
        for when in [
            dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC),
            dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.UTC),
            dt.datetime(1, 1, 1, 0, 30),  # naive: local time
            dt.datetime(9001, 1, 1, 12, tzinfo=dt.UTC),
            dt.datetime(1899, 12, 31, 9, 59, tzinfo=dt.UTC),
        ]:
            with pytest.raises(InvalidValue) as error:
                crm.contacts.register(ContactRequest("+79004440011", "tg", created_at=when))
            assert all(year in str(error.value) for year in LIMITS_NAMED), error.value
        kept = crm.contacts.register(
            ContactRequest("+79004440011", "tg", created_at=dt.datetime(1900, 1, 1, tzinfo=dt.UTC))
        )
        assert kept.contact.created_at == dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
        assert crm.contacts.get(1).id == kept.contact.id  # nothing else was stored


@pytest.fixture
def stored_at_the_edge(services, telegram):
    """stored_at_the_edge(moment): one contact, answered, whose every time is ``moment``
    (naive UTC), written straight into the tables as an older version could have."""

    def store(moment: dt.datetime) -> None:
        with services() as crm:
            crm.contacts.register(ContactRequest("+79004440011", "tg", name="Будущий"))
            crm.contacts.mark_answered([1])
            with crm.storage.write():
                Contact.update(created_at=moment, answered_at=moment).execute()
                Lead.update(created_at=moment).execute()
                Decision.update(created_at=moment).execute()
                AuditEntry.update(created_at=moment).execute()

    return store


@pytest.mark.parametrize(
    ("zone", "moment", "shown"),
    [(MOSCOW, FUTURE, "9999-12-31 23:30"), (NEW_YORK, ANCIENT, "0001-01-01 00:30")],
    ids=["moscow-9999", "new-york-0001"],
)
def test_a_stored_time_the_zone_cannot_show_is_shown_unconverted(
    run, run_json, stored_at_the_edge, process_zone, tmp_path, zone, moment, shown
):
    stored_at_the_edge(moment)
    process_zone(zone)
    iso = moment.replace(tzinfo=dt.UTC).isoformat()
    contact = run_json("contact", "show", "1")
    assert (contact["created_at"], contact["answered_at"]) == (iso, iso)
    (lead,) = run_json("leads")
    assert lead["created_at"] == iso
    assert run_json("log")  # the journal's times too
    for argv in [
        ("contact", "show", "1"),
        ("leads",),
        ("queue", "list"),
        ("stats",),
        ("log",),
    ]:
        result = run(*argv)
        assert (result.code, result.err) == (0, ""), (argv, result)
    assert shown in run("contact", "show", "1").out
    assert shown in run("leads").out
    for what in ("contacts", "leads", "stats"):
        path = tmp_path / f"{what}.csv"
        result = run("export", what, path)
        assert (result.code, result.err) == (0, ""), (what, result)
        if what != "stats":
            assert f"{shown}:00" in path.read_text(encoding="utf-8-sig"), what
    # and the contact can still be worked: closed by a command
    assert run_json("contact", "close", "1")["is_active"] is False


def test_json_output_is_still_json_with_a_stored_edge_time(run, stored_at_the_edge, process_zone):
    stored_at_the_edge(FUTURE)
    process_zone(MOSCOW)
    result = run("--json", "contact", "show", "1")
    assert json.loads(result.out)["created_at"] == "9999-12-31T23:30:00+00:00"
