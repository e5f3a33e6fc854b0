"""domain/times.py: the years a contact's time may have, and showing a stored time in a
zone that cannot show it."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_crm.domain.times import contact_time_in_range, in_zone

EAST = dt.timezone(dt.timedelta(hours=14))
WEST = dt.timezone(dt.timedelta(hours=-12))


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        (dt.datetime(1899, 12, 31, 10, 0), True),  # 1900-01-01 00:00 at UTC+14
        (dt.datetime(1899, 12, 31, 9, 59, 59, 999999), False),
        (dt.datetime(9001, 1, 1, 11, 59, 59, 999999), True),  # 9000-12-31 at UTC-12
        (dt.datetime(9001, 1, 1, 12, 0), False),
        (dt.datetime(1900, 1, 1, 0, 0, tzinfo=EAST), True),
        (dt.datetime(1899, 12, 31, 23, 59, tzinfo=EAST), False),
        (dt.datetime(9000, 12, 31, 23, 59, 59, tzinfo=WEST), True),
        (dt.datetime(9001, 1, 1, 0, 0, tzinfo=WEST), False),
        (dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC), False),
        (dt.datetime(9999, 12, 31, 23, 30, tzinfo=WEST), False),  # past the calendar in UTC
        (dt.datetime(1, 1, 1, 0, 30, tzinfo=EAST), False),
        (dt.datetime(2026, 12, 2, 8, 0), True),
    ],
)
def test_the_years_a_contacts_time_may_have(value, kept):
    assert contact_time_in_range(value) is kept


def test_a_time_the_zone_can_show_is_converted():
    value = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
    assert in_zone(value, EAST) == value
    assert in_zone(value, EAST).utcoffset() == dt.timedelta(hours=14)
    assert in_zone(dt.datetime(2026, 12, 2, 8, 0), EAST).hour == 22  # naive is UTC


@pytest.mark.parametrize(
    ("value", "zone"),
    [
        (dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC), EAST),
        (dt.datetime(1, 1, 1, 0, 30, tzinfo=dt.UTC), WEST),
    ],
)
def test_a_time_the_zone_cannot_show_stays_in_utc(value, zone):
    assert in_zone(value, zone) is value
    assert in_zone(value.replace(tzinfo=None), zone) == value


def test_one_rule_reads_wall_times_for_the_shifts_and_the_imports():
    """A wall time in the spring gap is the instant of the jump, one in the autumn fold
    its first occurrence: ``schedule.wall_to_utc`` (shifts) is ``times.wall_to_utc``."""
    import datetime as dt
    from zoneinfo import ZoneInfo

    from desktop_crm.domain import schedule, times

    zone = ZoneInfo("America/Los_Angeles")
    gap = dt.datetime(2026, 3, 8, 2, 30)
    jump = dt.datetime(2026, 3, 8, 10, 0, tzinfo=dt.UTC)  # 03:00 PDT
    assert times.wall_to_utc(gap, zone) == jump
    assert schedule.wall_to_utc(gap.date(), 150, zone) == jump
    fold = dt.datetime(2026, 11, 1, 1, 30)
    first = dt.datetime(2026, 11, 1, 8, 30, tzinfo=dt.UTC)  # 01:30 PDT
    assert times.wall_to_utc(fold, zone) == first
    assert schedule.wall_to_utc(fold.date(), 90, zone) == first
    plain = dt.datetime(2026, 7, 1, 12, 0)
    assert times.wall_to_utc(plain, zone) == dt.datetime(2026, 7, 1, 19, 0, tzinfo=dt.UTC)
