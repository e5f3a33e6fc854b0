"""Issue 12's hostile findings on the CLI side: times of the day's rules in the configured
zone (not the process's), absurd absence starts, blank hours, Russian day names, and the
messages a dispatcher gets for the odd cases."""

from __future__ import annotations

import pytest


@pytest.fixture
def berlin(run_json):
    run_json("settings", "--timezone", "Europe/Berlin")
    run_json("operator", "add", "alice")


def test_absences_and_status_are_shown_in_the_configured_zone(berlin, run, run_json, process_zone):
    process_zone("MSK-3")  # the process is in UTC+3, the hours in Berlin (UTC+1 in winter)
    run_json("operator", "away", "alice", "--until", "2999-01-01T10:00")
    info = run_json("operator", "show", "alice")
    assert info["status_until"] == "2999-01-01T10:00:00+01:00"
    text = run("operator", "list").out
    assert "away until 2999-01-01 10:00" in text
    assert "Europe/Berlin" in text  # the zone is said once
    run_json("operator", "back", "alice")
    run_json("operator", "away", "alice", "--from", "2999-01-05T08:00", "--until", "2999-01-06")
    absence = run_json("operator", "show", "alice")["absences"][0]
    assert absence["from"] == "2999-01-05T08:00:00+01:00"
    assert absence["until"] == "2999-01-07T00:00:00+01:00"


def test_an_absence_through_a_date_is_shown_as_that_day(berlin, run, run_json, process_zone):
    process_zone("UTC0")
    run_json("operator", "away", "alice", "--from", "2999-01-05", "--until", "2999-01-06")
    text = run("operator", "show", "alice").out
    assert "2999-01-05 00:00 – through 2999-01-06" in text


def test_an_absurd_start_is_refused_and_the_display_never_overflows(
    berlin, run, run_json, run_error, process_zone
):
    message = run_error("operator", "away", "alice", "--from", "9999-12-31T23:59")
    assert "cannot go past the year 9000" in message
    assert "out of range" in run_error("operator", "away", "alice", "--until", "9999-12-31")
    run_json("settings", "--timezone", "Pacific/Kiritimati")
    run_json("operator", "away", "alice", "--from", "8999-12-31T23:59")
    process_zone("UTC0")
    assert run("operator", "list").code == 0
    assert run_json("operator", "show", "alice")["absences"][0]["from"].startswith("8999-12-31")


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Pacific/Kiritimati", "Etc/GMT+12"])
def test_an_absence_stops_at_the_year_9000_as_typed_in_any_zone(
    berlin, run, run_json, run_error, zone
):
    """The last day is 9000-12-31 on the configured zone's calendar, east of UTC (the
    wall time is earlier in UTC) as west: a day or a minute later is refused, nothing
    is stored."""
    run_json("settings", "--timezone", zone)
    for late in ("9001-01-01", "9001-01-01T00:01", "9001-06-01T12:00"):
        assert "cannot go past the year 9000" in run_error(
            "operator", "away", "alice", "--until", late
        )
        message = run_error("operator", "away", "alice", "--from", late, "--until", "9001-12-31")
        assert "cannot go past the year 9000" in message
    assert run_json("operator", "show", "alice")["absences"] == []
    run_json("operator", "away", "alice", "--until", "9000-12-31")
    run_json(
        "operator", "away", "alice", "--from", "9000-12-31T23:00", "--until", "9001-01-01T00:00"
    )
    absences = run_json("operator", "show", "alice")["absences"]
    assert [a["until"][:16] for a in absences] == ["9001-01-01T00:00", "9001-01-01T00:00"]


def test_blank_hours_are_refused_clearing_is_no_spec(berlin, run_json, run_error):
    run_json("operator", "hours", "alice", "mon 09:00-18:00")
    assert "not working hours" in run_error("operator", "hours", "alice", " ; ")
    assert "not working hours" in run_error("operator", "hours", "alice", "  ")
    assert run_json("operator", "show", "alice")["hours"] == "mon 09:00-18:00"
    assert run_json("operator", "hours", "alice")["hours"] == ""


def test_back_when_not_away_says_so(berlin, run):
    result = run("operator", "back", "alice")
    assert result.code == 0
    assert "alice was not away" in result.err


def test_an_absence_ending_in_the_past_must_end_in_the_future(berlin, run_error):
    message = run_error("operator", "away", "alice", "--until", "2001-01-01T10:00")
    assert "must end in the future" in message


def test_a_negative_reply_deadline_gets_the_duration_message(run_json, run_error):
    run_json("source", "add", "Bot", "--code", "bot")
    message = run_error("source", "set", "bot", "--reply-within", "-5m")
    assert "expected one argument" not in message
    assert "-5m" in message
    assert "expected one argument" not in run_error("source", "set", "bot", "--close-after", "-1h")


def test_russian_day_names_are_accepted_and_stored_in_english(berlin, run_json, run_error):
    info = run_json("operator", "hours", "alice", "пн-пт 09:00-18:00", "Сб 10:00-14:00")
    assert info["hours"] == "mon-fri 09:00-18:00; sat 10:00-14:00"
    info = run_json("operator", "hours", "alice", "вс 10:00-12:00", "понедельник 10:00-12:00")
    assert info["hours"] == "mon,sun 10:00-12:00"
    message = run_error("operator", "hours", "alice", "xyz 09:00-18:00")
    assert "mon" in message and "пн" in message


def test_too_many_shifts_are_refused_and_touching_ones_are_one(berlin, run_json, run_error):
    many = [f"mon-fri {h:02d}:00-{h:02d}:30" for h in range(24)]  # 120 shifts
    assert "at most 100 shifts" in run_error("operator", "hours", "alice", *many)
    touching = run_json("operator", "hours", "alice", "mon 00:00-00:01; mon 00:01-00:02")
    assert touching["hours"] == "mon 00:00-00:02"


def test_a_date_absence_reads_through_that_day_in_the_status_too(berlin, run, run_json):
    run_json("operator", "away", "alice", "--until", "2999-01-06")  # from now
    text = run("operator", "list").out
    assert "away through 2999-01-06" in text and "00:00" not in text.split("alice", 1)[1]


def test_a_date_absence_ending_where_midnight_is_skipped_reads_through_that_day(
    run, run_json, process_zone
):
    """Chile's clocks jump from 00:00 to 01:00 on 5 Sep 2027: an absence "until" 4 Sep
    ends at 01:00, the first instant of the 5th, and still reads through the 4th."""
    process_zone("UTC0")
    run_json("settings", "--timezone", "America/Santiago")
    run_json("operator", "add", "sofia")
    run_json("operator", "away", "sofia", "--from", "2027-09-01", "--until", "2027-09-04")
    text = run("operator", "show", "sofia").out
    assert "through 2027-09-04" in text, text


def test_an_absence_too_far_off_is_refused_naming_the_limit_not_an_inner_date(
    berlin, run_json, run_error
):
    """`--until 9999-12-30` means through that day; the refusal says how far an absence
    may go, not the midnight after the day that the program computed from it."""
    message = run_error("operator", "away", "alice", "--until", "9999-12-30")
    assert "9000" in message
    assert "9999-12-31" not in message and "T00:00" not in message
    assert "9000" in run_error("operator", "away", "alice", "--from", "9500-01-01T10:00")
    # the last day it names is accepted, in the zone furthest behind UTC as well
    run_json("settings", "--timezone", "Etc/GMT+12")
    run_json("operator", "away", "alice", "--until", "9000-12-31")
