"""A contact's time: the range a user may give, and showing a stored one in any zone.

A contact's time lies in the years 1900 to 9000 as some zone's clock reads them (a file
dated "01.01.1900 00:00" in Moscow, 1899-12-31 21:00 in UTC, is kept): in UTC, from
1899-12-31 10:00 (1900 begins at UTC+14) to 9001-01-01 12:00 (9000 ends at UTC-12).
Both ends are far from the calendar's (years 1 and 9999), so a time inside can be shown
in every zone and moved by a reply deadline without leaving the calendar; and a real
contact has one: no spreadsheet writes a date before 1900 (its calendar starts there),
and the absences already stop at the year 9000. What it keeps out is the calendar's
edges that files use as "no date" (``9999-12-31T23:59:59Z``, ``0001-01-01``), which no
zone east (west) of UTC can show.

A wall time (a clock's reading without an offset) is one instant by one rule, for the
shifts (``domain.schedule``), an imported date and a time typed as local alike
(``wall_to_utc``): a wall time in the spring-forward gap, which no clock shows, is the
instant the clocks jump (Los Angeles, 2026-03-08 02:30 is 03:00 PDT); one the autumn
fold shows twice is its first occurrence (2026-11-01 01:30 is 01:30 PDT).
"""

from __future__ import annotations

import datetime as dt

MIN_CONTACT_YEAR = 1900
MAX_CONTACT_YEAR = 9000
_EASTMOST = dt.timedelta(hours=14)  # the zones' offsets from UTC: -12 to +14 hours
_WESTMOST = dt.timedelta(hours=12)
# naive UTC: the first instant allowed, the first after
_START = dt.datetime(MIN_CONTACT_YEAR, 1, 1) - _EASTMOST
_END = dt.datetime(MAX_CONTACT_YEAR + 1, 1, 1) + _WESTMOST


def contact_time_in_range(value: dt.datetime) -> bool:
    """Whether a contact may have this time: naive UTC (as stored) or aware."""
    if value.tzinfo is not None:
        offset = value.utcoffset()
        value = value.replace(tzinfo=None)
        if offset:
            try:
                value -= offset
            except OverflowError:  # past the calendar's edge in UTC: out of any range
                return False
    return _START <= value < _END


FUTURE_SLACK = dt.timedelta(days=1)
"""How far after now a contact's time given from outside (an import's date column) may
lie: a file written in the wall times of a zone east of the desk's, a clock a little
ahead. Later is a wrong date (a day and month swapped, 2062 for 2026), not a contact."""


def too_far_ahead(value: dt.datetime, now: dt.datetime) -> bool:
    """Whether a contact's time (naive UTC, as stored) lies more than ``FUTURE_SLACK``
    after ``now`` (naive UTC too)."""
    return value - now > FUTURE_SLACK


def wall_to_utc(naive: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """The instant (aware UTC) of wall time ``naive`` in ``zone`` (None: the process's
    local zone), by the module's rule: in a gap the instant of the jump, in a fold the
    first occurrence. ``OverflowError``/``ValueError``/``OSError`` at the calendar's
    edges, as ``astimezone`` raises them."""
    if zone is not None:
        offset = zone.utcoffset(naive)
        if offset is not None and offset == zone.utcoffset(naive.replace(fold=1)):
            return (naive - offset).replace(tzinfo=dt.UTC)  # neither a gap nor a fold
    first = _reading(naive, zone, 0)
    if _wall(first, zone) == naive:
        return first  # exists (in a fold, fold=0 is the first occurrence)
    # In a gap: the two readings use the offsets before and after the jump, which lies
    # between them. Find it to the second (zones change on whole seconds).
    low, high = sorted((first, _reading(naive, zone, 1)))
    after = high.astimezone(zone).utcoffset()
    while (high - low).total_seconds() > 1:
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == after:
            high = middle
        else:
            low = middle
    return high.replace(microsecond=0) if high.microsecond else high


def _reading(naive: dt.datetime, zone: dt.tzinfo | None, fold: int) -> dt.datetime:
    if zone is None:  # a naive value's astimezone() reads it in the local zone
        return naive.replace(fold=fold).astimezone(dt.UTC)
    return naive.replace(tzinfo=zone, fold=fold).astimezone(dt.UTC)


def _wall(instant: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    return instant.astimezone(zone).replace(tzinfo=None)


def in_zone(value: dt.datetime, zone: dt.tzinfo | None = None) -> dt.datetime:
    """A time (aware; naive is UTC, as stored) shown in ``zone`` (None: the process's
    local zone). A time the zone cannot show (stored near the calendar's edge by an older
    version or by hand) stays as it is: shown unconverted rather than failing whatever
    shows it (a command, an export, the window)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    try:
        return value.astimezone(zone)
    except (OverflowError, ValueError, OSError):  # OSError: the C library's localtime
        return value
