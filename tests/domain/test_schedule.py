"""Working hours, absences and local days (``domain.schedule``), at their boundaries:
overnight shifts, both daylight saving changes in Europe/Berlin and America/New_York
(2026), and the canonical text."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.domain.schedule import (
    ALWAYS,
    MAX_SHIFTS,
    Absence,
    HoursError,
    Presence,
    Shift,
    absence_at,
    canonical_hours,
    day_bounds,
    format_hours,
    last_day,
    parse_hours,
    presence,
    wall_to_utc,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def local(zone: ZoneInfo, *args: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*args, tzinfo=zone, fold=fold).astimezone(dt.UTC)


def at(hours: str, instant: dt.datetime, zone: ZoneInfo = BERLIN) -> Presence:
    return presence(instant, parse_hours([hours]), (), zone)


# -- reading and writing SPECs ------------------------------------------------------------
@pytest.mark.parametrize(
    ("specs", "canonical"),
    [
        (["mon-fri 09:00-18:00"], "mon-fri 09:00-18:00"),
        (["sat 10:00-14:00", "mon-fri 9:00-18:00"], "mon-fri 09:00-18:00; sat 10:00-14:00"),
        (["sun 22:00-06:00"], "sun 22:00-06:00"),
        (["mon,wed,fri 08:00-12:00"], "mon,wed,fri 08:00-12:00"),
        (["sat-sun 10:00-24:00"], "sat-sun 10:00-24:00"),
        (["fri-mon 00:00-24:00"], "mon,fri-sun 00:00-24:00"),
        (["MON  09:00 - 13:00", "mon 13:00-18:00"], "mon 09:00-18:00"),  # touching: one
        (["mon 00:00-00:01; mon 00:01-00:02", "mon 00:02-00:03"], "mon 00:00-00:03"),
        (["mon 09:00-18:00", "mon 18:00-03:00"], "mon 09:00-03:00"),
        (["mon 00:00-12:00", "mon 12:00-06:00"], "mon 00:00-12:00; mon 12:00-06:00"),
        (["mon-wed,sat 07:30-08:00"], "mon-wed,sat 07:30-08:00"),
        (["mon 09:00-18:00; tue 10:00-11:00"], "mon 09:00-18:00; tue 10:00-11:00"),
        (["mon 09:59-18:00"], "mon 09:59-18:00"),
        (["mon 00:00-12:00", "mon 12:00-24:00"], "mon 00:00-24:00"),  # a whole day: one
        # specs in the order of their first day, then of their time
        (["tue 09:00-10:00", "mon 10:00-11:00"], "mon 10:00-11:00; tue 09:00-10:00"),
        (
            ["mon-tue 10:00-11:00", "mon,wed 09:00-09:30"],
            "mon,wed 09:00-09:30; mon-tue 10:00-11:00",
        ),
        ([], ""),
        (["  "], ""),
    ],
)
def test_specs_have_one_canonical_text(specs, canonical):
    assert canonical_hours(specs) == canonical
    assert canonical_hours([canonical]) == canonical


@pytest.mark.parametrize(
    ("spec", "kind", "detail"),
    [
        ("mun 09:00-18:00", "bad_day", "mun"),
        ("mon-fry 09:00-18:00", "bad_day", "mon-fry"),
        ("mon 25:00-26:00", "bad_time", "25:00"),
        ("mon 09:60-18:00", "bad_time", "09:60"),
        ("mon 24:00-06:00", "bad_time", "24:00"),
        ("mon 09:00-25:00", "bad_time", "25:00"),  # the end
        ("mon 24:30", "bad_spec", ""),
        ("mon 09:00-09:00", "empty_shift", ""),
        ("09:00-18:00", "bad_spec", ""),
        ("mon 9-18", "bad_spec", ""),
    ],
)
def test_nonsense_is_refused_with_what_is_wrong(spec, kind, detail):
    with pytest.raises(HoursError) as caught:
        parse_hours([spec])
    assert (caught.value.kind, caught.value.spec, caught.value.detail) == (kind, spec, detail)
    assert repr(spec) in str(caught.value)


@pytest.mark.parametrize(
    "specs",
    [
        ["mon 09:00-18:00", "mon 17:00-20:00"],
        ["mon-fri 09:00-18:00", "wed 08:00-10:00"],
        ["sun 22:00-06:00", "mon 05:00-07:00"],  # across the week's end
        ["mon 09:00-10:00", "mon 09:00-10:00"],
        ["mon,mon 09:00-10:00"],
        ["mon 09:00-10:01", "mon 10:00-11:00"],  # by one minute
    ],
)
def test_overlapping_shifts_are_refused(specs):
    with pytest.raises(HoursError) as caught:
        parse_hours(specs)
    assert caught.value.kind == "overlap"


@pytest.mark.parametrize(
    ("specs", "spec", "detail"),
    [
        (["mon 09:00-18:00", "mon 17:00-20:00"], "mon 17:00-20:00", "mon 09:00-18:00"),
        (["mon 09:00-10:00", "mon,tue 9:00-10:00"], "mon,tue 9:00-10:00", "mon 09:00-10:00"),
    ],
)
def test_an_overlap_names_both_specs(specs, spec, detail):
    with pytest.raises(HoursError) as caught:
        parse_hours(specs)
    assert (caught.value.kind, caught.value.spec, caught.value.detail) == ("overlap", spec, detail)


def test_touching_shifts_are_allowed():
    assert parse_hours(["sun 22:00-06:00", "mon 06:00-07:00"]) == (
        Shift(0, 360, 420),
        Shift(6, 1320, 1800),
    )


shifts = st.builds(
    lambda day, start, length: Shift(day, start, start + length),
    st.integers(0, 6),
    st.integers(0, 1439),
    st.integers(1, 1440),
)


@given(st.lists(shifts, max_size=6))
def test_the_canonical_text_reads_back_as_the_same_shifts(candidates):
    try:
        hours = parse_hours([format_hours(tuple(candidates))]) if candidates else ALWAYS
    except HoursError:
        return  # overlapping candidates: refused, nothing to compare
    assert parse_hours([format_hours(hours)]) == hours
    assert format_hours(parse_hours([format_hours(hours)])) == format_hours(hours)


# -- presence: shifts -------------------------------------------------------------------------
def test_no_hours_means_always_there():
    assert presence(utc(2026, 12, 1, 3), ALWAYS, (), BERLIN) == Presence(None, None)
    assert at("mon-sun 00:00-24:00", utc(2026, 12, 1, 3)) == Presence(None, None)


def test_shift_boundaries_start_inclusive_end_exclusive():
    # Tuesday 2026-12-01 in Berlin (UTC+1)
    hours = "mon-fri 09:00-18:00"
    assert at(hours, local(BERLIN, 2026, 12, 1, 8, 59)) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 1, 9)
    )
    assert at(hours, local(BERLIN, 2026, 12, 1, 9)) == Presence(
        None, local(BERLIN, 2026, 12, 1, 18)
    )
    assert at(hours, local(BERLIN, 2026, 12, 1, 17, 59)).exclusion is None
    assert at(hours, local(BERLIN, 2026, 12, 1, 18)) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 2, 9)
    )
    # Friday evening: the next shift is Monday's
    assert at(hours, local(BERLIN, 2026, 12, 4, 18)) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 7, 9)
    )


def test_an_overnight_shift_runs_into_the_next_day_and_the_next_week():
    hours = "sun 22:00-06:00"
    sunday = (2026, 12, 6)
    assert at(hours, local(BERLIN, *sunday, 21, 59)).exclusion is Exclusion.OFF_SHIFT
    assert at(hours, local(BERLIN, *sunday, 22)) == Presence(None, local(BERLIN, 2026, 12, 7, 6))
    assert at(hours, local(BERLIN, 2026, 12, 7, 5, 59)).exclusion is None
    assert at(hours, local(BERLIN, 2026, 12, 7, 6)) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 13, 22)
    )


def test_touching_shifts_are_one_stretch_for_until():
    hours = ["mon 22:00-24:00", "tue 00:00-06:00", "tue 06:00-08:00"]
    stamp = local(BERLIN, 2026, 11, 30, 23)  # Monday
    assert presence(stamp, parse_hours(hours), (), BERLIN) == Presence(
        None, local(BERLIN, 2026, 12, 1, 8)
    )


def test_wall_time_is_in_the_zone():
    hours = "tue 09:00-10:00"
    stamp = utc(2026, 12, 1, 8, 30)  # 09:30 in Berlin, 03:30 in New York
    assert at(hours, stamp, BERLIN).exclusion is None
    assert at(hours, stamp, NEW_YORK).exclusion is Exclusion.OFF_SHIFT
    assert at(hours, stamp, UTC).exclusion is Exclusion.OFF_SHIFT


# -- daylight saving time -------------------------------------------------------------------
def test_spring_forward_covers_the_hours_that_exist_berlin():
    # 2026-03-29 (Sunday): 02:00 CET -> 03:00 CEST, at 01:00 UTC
    hours = "sun 01:00-03:30"
    assert at(hours, utc(2026, 3, 28, 23, 59)).exclusion is Exclusion.OFF_SHIFT
    assert at(hours, utc(2026, 3, 29, 0)) == Presence(None, utc(2026, 3, 29, 1, 30))
    assert at(hours, utc(2026, 3, 29, 1, 29)).exclusion is None
    assert at(hours, utc(2026, 3, 29, 1, 30)).exclusion is Exclusion.OFF_SHIFT
    # A shift wholly inside the gap is empty that day: the next one is a week later.
    assert at("sun 02:00-02:30", utc(2026, 3, 29, 0, 59)) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 4, 5, 2)
    )
    # A shift starting in the gap starts when the clocks jump.
    assert at("sun 02:30-05:00", utc(2026, 3, 29, 0, 59)) == Presence(
        Exclusion.OFF_SHIFT, utc(2026, 3, 29, 1)
    )


def test_autumn_fold_is_counted_once_berlin():
    # 2026-10-25 (Sunday): 03:00 CEST -> 02:00 CET, at 01:00 UTC; 02:00-03:00 twice
    hours = "sun 01:00-02:30"
    first_0230 = utc(2026, 10, 25, 0, 30)  # 02:30 CEST
    assert at(hours, utc(2026, 10, 24, 23)) == Presence(None, first_0230)
    assert at(hours, utc(2026, 10, 25, 0, 29)).exclusion is None
    assert at(hours, first_0230).exclusion is Exclusion.OFF_SHIFT
    # 02:10 CET, the second time the wall shows 02:10: off shift
    assert at(hours, local(BERLIN, 2026, 10, 25, 2, 10, fold=1)).exclusion is Exclusion.OFF_SHIFT
    # a shift around the fold covers the whole repeated hour: 6 real hours
    assert at("sun 00:00-05:00", utc(2026, 10, 24, 22)) == Presence(None, utc(2026, 10, 25, 4))
    # a shift starting in the fold starts at its first occurrence
    assert at("sun 02:30-04:00", utc(2026, 10, 24, 23)) == Presence(
        Exclusion.OFF_SHIFT, utc(2026, 10, 25, 0, 30)
    )


def test_overnight_shifts_across_both_changes_new_york():
    # 2026-03-08: 02:00 EST -> 03:00 EDT (07:00 UTC); 2026-11-01: 02:00 EDT -> 01:00 EST
    hours = "sat 22:00-06:00"
    spring = at(hours, local(NEW_YORK, 2026, 3, 7, 23), NEW_YORK)
    assert spring == Presence(None, utc(2026, 3, 8, 10))  # 06:00 EDT: 7 real hours
    assert spring.until - local(NEW_YORK, 2026, 3, 7, 22) == dt.timedelta(hours=7)
    autumn = at(hours, local(NEW_YORK, 2026, 10, 31, 23), NEW_YORK)
    assert autumn == Presence(None, utc(2026, 11, 1, 11))  # 06:00 EST: 9 real hours
    assert autumn.until - local(NEW_YORK, 2026, 10, 31, 22) == dt.timedelta(hours=9)
    assert at(hours, utc(2026, 11, 1, 10, 59), NEW_YORK).exclusion is None


def test_overnight_shift_across_the_spring_change_berlin():
    hours = "sat 22:00-06:00"
    start = local(BERLIN, 2026, 3, 28, 22)
    result = at(hours, start)
    assert result.exclusion is None
    assert result.until is not None and result.until - start == dt.timedelta(hours=7)


def test_wall_times_in_a_gap_and_a_fold():
    assert wall_to_utc(dt.date(2026, 3, 29), 150, BERLIN) == utc(2026, 3, 29, 1)  # 02:30
    # to the second, wherever in the gap (02:10: not halfway between the two readings)
    for minutes in (121, 130, 170, 179):
        assert wall_to_utc(dt.date(2026, 3, 29), minutes, BERLIN) == utc(2026, 3, 29, 1)
    assert wall_to_utc(dt.date(2026, 10, 25), 150, BERLIN) == utc(2026, 10, 25, 0, 30)
    assert wall_to_utc(dt.date(2026, 3, 8), 150, NEW_YORK) == utc(2026, 3, 8, 7)


# -- local days -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("zone", "instant", "start", "hours"),
    [
        (BERLIN, utc(2026, 12, 1, 23, 30), utc(2026, 12, 1, 23), 24),  # already Wednesday
        (BERLIN, utc(2026, 12, 1, 22, 59), utc(2026, 11, 30, 23), 24),
        (BERLIN, utc(2026, 3, 29, 12), utc(2026, 3, 28, 23), 23),
        (BERLIN, utc(2026, 10, 25, 12), utc(2026, 10, 24, 22), 25),
        (NEW_YORK, utc(2026, 3, 8, 12), utc(2026, 3, 8, 5), 23),
        (NEW_YORK, utc(2026, 11, 1, 12), utc(2026, 11, 1, 4), 25),
        (UTC, utc(2026, 12, 1, 0), utc(2026, 12, 1, 0), 24),
    ],
)
def test_day_bounds_are_the_local_calendar_day(zone, instant, start, hours):
    first, end = day_bounds(instant, zone)
    assert first == start
    assert end - first == dt.timedelta(hours=hours)
    assert first <= instant < end


instants = st.datetimes(
    min_value=dt.datetime(2026, 1, 1), max_value=dt.datetime(2027, 1, 1), timezones=st.just(dt.UTC)
)


@given(instants, st.sampled_from([BERLIN, NEW_YORK, UTC, ZoneInfo("Asia/Almaty")]))
def test_every_instant_lies_in_its_day(instant, zone):
    first, end = day_bounds(instant, zone)
    assert first <= instant < end
    assert first.astimezone(zone).date() == instant.astimezone(zone).date()
    assert end.astimezone(zone).date() == instant.astimezone(zone).date() + dt.timedelta(days=1)


@given(instants, st.lists(shifts, min_size=1, max_size=4), st.sampled_from([BERLIN, NEW_YORK]))
def test_presence_holds_until_it_says(instant, candidates, zone):
    try:
        hours = parse_hours([format_hours(tuple(candidates))])
    except HoursError:
        return
    now = presence(instant, hours, (), zone)
    if now.until is None:
        return
    assert now.until > instant
    # just before "until" nothing changed; at "until" it did
    before = presence(now.until - dt.timedelta(seconds=1), hours, (), zone)
    assert before.exclusion is now.exclusion
    assert presence(now.until, hours, (), zone).exclusion is not now.exclusion


# -- absences ---------------------------------------------------------------------------------
def test_an_absence_makes_the_operator_away_until_its_end():
    absence = Absence(utc(2026, 12, 1, 10), utc(2026, 12, 3, 10))
    assert presence(utc(2026, 12, 1, 9), ALWAYS, [absence], BERLIN) == Presence(
        None,
        utc(2026, 12, 1, 10),  # there until the absence begins
    )
    assert presence(utc(2026, 12, 1, 10), ALWAYS, [absence], BERLIN) == Presence(
        Exclusion.AWAY, utc(2026, 12, 3, 10)
    )
    assert presence(utc(2026, 12, 3, 10), ALWAYS, [absence], BERLIN) == Presence(None, None)


def test_presence_lasts_until_the_next_absence_begins_if_that_comes_first():
    """Tuesday 2026-12-01 11:00 in Berlin: one hour away at 13:00 ends "on shift until
    18:00" at 13:00; so does an absence from 13:00 for someone always there; one after
    the shift's end changes nothing."""
    hours = parse_hours(["mon-fri 09:00-18:00"])
    now = local(BERLIN, 2026, 12, 1, 11)
    lunch = Absence(local(BERLIN, 2026, 12, 1, 13), local(BERLIN, 2026, 12, 1, 14))
    assert presence(now, hours, [lunch], BERLIN) == Presence(None, lunch.starts_at)
    two_days = Absence(local(BERLIN, 2026, 12, 1, 13), local(BERLIN, 2026, 12, 3))
    assert presence(now, ALWAYS, [two_days], BERLIN) == Presence(None, two_days.starts_at)
    until_back = Absence(local(BERLIN, 2026, 12, 1, 13), None)
    assert presence(now, ALWAYS, [until_back], BERLIN) == Presence(None, until_back.starts_at)
    evening = Absence(local(BERLIN, 2026, 12, 1, 19), local(BERLIN, 2026, 12, 1, 20))
    over = Absence(local(BERLIN, 2026, 12, 1, 8), local(BERLIN, 2026, 12, 1, 10))
    assert presence(now, hours, [over, evening], BERLIN) == Presence(
        None, local(BERLIN, 2026, 12, 1, 18)
    )
    empty = Absence(local(BERLIN, 2026, 12, 1, 12), local(BERLIN, 2026, 12, 1, 12))
    assert presence(now, hours, [empty], BERLIN) == Presence(None, local(BERLIN, 2026, 12, 1, 18))


def test_off_shift_lasts_until_the_operator_can_take_contacts_again():
    """Off shift "until" is when the operator is there again: an absence that covers the
    next shift's start pushes it to the absence's end (or the shift after), and one
    that begins later in that shift does not shorten it ("off shift until 08:00" read
    as if the shift began at 08:00)."""
    hours = parse_hours(["mon-fri 09:00-18:00"])
    early = local(BERLIN, 2026, 12, 1, 7)  # Tuesday
    trip = Absence(local(BERLIN, 2026, 12, 1, 8), local(BERLIN, 2026, 12, 1, 10))
    assert presence(early, hours, [trip], BERLIN) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 1, 10)
    )
    over_the_shift = Absence(local(BERLIN, 2026, 12, 1, 8), local(BERLIN, 2026, 12, 1, 20))
    assert presence(early, hours, [over_the_shift], BERLIN) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 2, 9)
    )
    later = Absence(local(BERLIN, 2026, 12, 1, 12), local(BERLIN, 2026, 12, 4))
    assert presence(early, hours, [later], BERLIN) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 1, 9)
    )
    until_back = Absence(local(BERLIN, 2026, 12, 1, 8), None)
    assert presence(early, hours, [until_back], BERLIN) == Presence(Exclusion.OFF_SHIFT, None)


absence_hours = st.integers(min_value=-48, max_value=24 * 14)


@given(
    instants,
    st.lists(shifts, max_size=3),
    st.lists(st.tuples(absence_hours, st.one_of(st.none(), absence_hours)), max_size=3),
    st.sampled_from([BERLIN, NEW_YORK]),
)
def test_presence_with_absences_holds_until_it_says(instant, candidates, spans, zone):
    """Whatever the hours and absences, nothing changes before "until" and something
    does at it: the next change, be it the shift's end or an absence's start; off shift,
    the moment the operator is there again."""
    try:
        hours = parse_hours([format_hours(tuple(candidates))]) if candidates else ALWAYS
    except HoursError:
        return
    base = instant.replace(minute=0, second=0, microsecond=0)
    absences = [
        Absence(
            base + dt.timedelta(hours=start),
            None if length is None else base + dt.timedelta(hours=start + abs(length) + 1),
        )
        for start, length in spans
    ]
    now = presence(instant, hours, absences, zone)
    if now.until is None:
        return
    assert now.until > instant
    before = presence(now.until - dt.timedelta(seconds=1), hours, absences, zone)
    after = presence(now.until, hours, absences, zone)
    if now.exclusion is Exclusion.OFF_SHIFT:  # until there again, away on the way or not
        assert before.exclusion is not None and after.exclusion is None
    else:
        assert before == Presence(now.exclusion, now.until)
        assert after.exclusion is not now.exclusion


def test_away_wins_over_off_shift_and_until_back_has_no_end():
    hours = parse_hours(["mon-fri 09:00-18:00"])
    back_later = Absence(utc(2026, 12, 1), None)
    assert presence(utc(2026, 12, 6), hours, [back_later], BERLIN) == Presence(Exclusion.AWAY, None)


def test_absences_starting_at_once_are_read_in_the_order_given():
    start = utc(2026, 12, 1)
    back_later = Absence(start, None)
    two_days = Absence(start, utc(2026, 12, 3))
    assert presence(utc(2026, 12, 2), ALWAYS, [back_later, two_days], BERLIN) == Presence(
        Exclusion.AWAY, None
    )


def test_shifts_of_every_day_that_leave_a_gap_are_not_always():
    hours = parse_hours(["mon-sun 12:00-24:00"])
    assert presence(local(BERLIN, 2026, 12, 7, 6), hours, (), BERLIN) == Presence(
        Exclusion.OFF_SHIFT, local(BERLIN, 2026, 12, 7, 12)
    )


def test_overlapping_absences_are_one_from_the_first_start():
    first = Absence(utc(2026, 12, 1), utc(2026, 12, 3))
    second = Absence(utc(2026, 12, 2), utc(2026, 12, 5))
    assert absence_at(utc(2026, 12, 1, 5), [second, first]) == Absence(
        utc(2026, 12, 1), utc(2026, 12, 5)
    )


def test_a_shift_of_the_local_day_before_counts_far_west_of_utc():
    zone = ZoneInfo("Etc/GMT+12")  # UTC-12: the UTC date is already the next day
    hours = parse_hours(["sun 21:00-20:59"])  # until Monday 20:59
    monday_evening = dt.datetime(2026, 12, 7, 20, 0, tzinfo=zone)
    assert presence(monday_evening, hours, (), zone) == Presence(
        None, dt.datetime(2026, 12, 7, 20, 59, tzinfo=zone)
    )


def test_touching_absences_are_one():
    first = Absence(utc(2026, 12, 1), utc(2026, 12, 2))
    second = Absence(utc(2026, 12, 2), utc(2026, 12, 4))
    later = Absence(utc(2026, 12, 10), None)
    assert presence(utc(2026, 12, 1, 5), ALWAYS, [later, second, first], BERLIN) == Presence(
        Exclusion.AWAY, utc(2026, 12, 4)
    )


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("пн-пт 09:00-18:00", "mon-fri 09:00-18:00"),
        ("СБ 10:00-14:00", "sat 10:00-14:00"),
        ("пт-пн 22:00-06:00", "mon,fri-sun 22:00-06:00"),
        ("понедельник,среда 09:00-10:00", "mon,wed 09:00-10:00"),
        ("вс 10:00-12:00; mon 10:00-12:00", "mon,sun 10:00-12:00"),
    ],
)
def test_russian_day_names_read_as_the_english_ones(russian: str, english: str) -> None:
    assert canonical_hours([russian]) == english


@pytest.mark.parametrize("spec", ["пон 09:00-10:00", "пн-xx 09:00-10:00", "вск 09:00-10:00"])
def test_an_unknown_day_is_a_bad_day_in_either_language(spec: str) -> None:
    with pytest.raises(HoursError) as caught:
        parse_hours([spec])
    assert caught.value.kind == "bad_day"


def test_too_many_shifts_are_refused():
    many = [f"mon {h:02d}:{m:02d}-{h:02d}:{m + 1:02d}" for h in range(24) for m in range(0, 58, 2)]
    with pytest.raises(HoursError) as caught:
        parse_hours(many)
    assert (caught.value.kind, caught.value.spec) == ("too_many", "")
    assert caught.value.detail == str(MAX_SHIFTS)
    assert len(parse_hours(many[:MAX_SHIFTS])) == MAX_SHIFTS


def test_an_absence_inside_another_keeps_the_longer_end_and_an_open_one_extends_it():
    week = Absence(utc(2026, 12, 1), utc(2026, 12, 8))
    inside = Absence(utc(2026, 12, 2), utc(2026, 12, 3))
    assert absence_at(utc(2026, 12, 1, 5), [week, inside]) == week
    until_back = Absence(utc(2026, 12, 4), None)
    assert absence_at(utc(2026, 12, 1, 5), [week, inside, until_back]) == Absence(
        utc(2026, 12, 1), None
    )


@pytest.mark.parametrize(
    ("zone", "end_utc", "through"),
    [
        ("Europe/Berlin", dt.datetime(2026, 12, 13, 23, 0, tzinfo=dt.UTC), dt.date(2026, 12, 13)),
        # Santiago skips 00:00-01:00 on 5 Sep 2027: the day begins at 01:00 (04:00 UTC)
        ("America/Santiago", dt.datetime(2027, 9, 5, 4, 0, tzinfo=dt.UTC), dt.date(2027, 9, 4)),
        ("Europe/Berlin", dt.datetime(2026, 12, 14, 8, 0, tzinfo=dt.UTC), None),  # 09:00
        ("America/Santiago", dt.datetime(2027, 9, 5, 3, 0, tzinfo=dt.UTC), None),  # the 4th, 23:00
    ],
)
def test_an_end_as_a_local_day_begins_is_through_the_day_before(zone, end_utc, through):
    assert last_day(end_utc, ZoneInfo(zone)) == through
