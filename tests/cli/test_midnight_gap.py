"""A day whose midnight the clocks skip (Chile, Cuba, Lebanon jump from 00:00 to 01:00):
`stats` and `export` periods end at the jump, so the last hour before it stays in its
own day (it counted in the next day: midnight was read as 23:00 of the day before)."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_crm.services.contacts import ContactRequest

SANTIAGO_LATE = dt.datetime(2027, 9, 4, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4)))


@pytest.fixture
def santiago(process_zone):
    process_zone("America/Santiago")


def test_the_last_hour_before_a_skipped_midnight_is_in_its_own_day(santiago, services, run_json):
    with services() as crm:
        crm.sources.create("Bot", code="bot")
        crm.contacts.register(ContactRequest("u1", "bot", created_at=SANTIAGO_LATE))
    day_before = run_json("stats", "--since", "2027-09-04", "--until", "2027-09-04")
    next_day = run_json("stats", "--since", "2027-09-05", "--until", "2027-09-05")
    assert [row["total"] for row in day_before["unassigned"]] == [1]
    assert next_day["unassigned"] == []
    # The period ends at the jump, and says so (it said 23:00 of the 4th).
    assert day_before["until"] == "2027-09-05T01:00:00-03:00"
    assert next_day["since"] == "2027-09-05T01:00:00-03:00"
