"""Working hours and absences: whether an operator is there at an instant.

SPEC (one or more, as ``operator hours`` takes them): ``DAYS START-END``.

- DAYS: ``mon`` ``tue`` ``wed`` ``thu`` ``fri`` ``sat`` ``sun``, a range ``mon-fri``
  (a range may wrap: ``fri-mon`` is fri, sat, sun, mon), or a comma list of both
  (``mon,wed,fri``, ``mon-wed,sat``). Russian names are read too: ``пн`` ``вт`` ``ср``
  ``чт`` ``пт`` ``сб`` ``вс`` and the full ``понедельник`` .. ``воскресенье``
  (``пн-пт 09:00-18:00``); the canonical text is always in English.
- START and END: ``HH:MM`` (``9:00`` too); ``24:00`` only as an end. An END not after
  START is on the next day: ``sun 22:00-06:00`` runs from Sunday 22:00 to Monday 06:00.
  START == END is an error (say ``00:00-24:00`` for a whole day).
- Shifts must not overlap (an overlap is almost surely a typo and would make "until"
  ambiguous); they may touch: ``mon 09:00-13:00`` and ``mon 13:00-18:00`` are one
  shift (stored as ``mon 09:00-18:00``); ``mon 22:00-24:00`` and ``tue 00:00-06:00``
  stay two shifts but are one stretch. At most ``MAX_SHIFTS`` shifts.
- The canonical text (stored in ``operator.hours``; '' = no hours = always there)
  groups the days of each time span, ranges for runs of two or more days, specs
  joined by ``"; "``: ``mon-fri 09:00-18:00; sat 10:00-14:00``. It parses back to
  the same shifts: ``parse_hours(format_hours(s)) == s``.

Time zones and daylight saving time. A shift is defined in local wall time of the
configured zone: a shift of local date D starts at wall time (D, START) and ends at
(D or D+1, END). Each of these two wall times is read as ONE instant:

- a wall time that does not exist (the spring-forward gap) is the instant the clocks
  jump; so on Europe/Berlin's 2026-03-29 ``sun 01:00-03:30`` runs from 01:00 CET to
  03:30 CEST: the 1.5 real hours that exist; ``sun 02:00-02:30`` is empty that day;
- a wall time that occurs twice (the autumn fold) is its FIRST occurrence; so on
  2026-10-25 ``sun 01:00-02:30`` ends at the first 02:30 (CEST) and the repeated
  02:00-02:30 (CET) is off shift: the fold is counted once, never twice;
  ``sun 00:00-05:00`` covers the whole repeated hour (6 real hours).

The shift covers the real time between those two instants; an overnight shift
across a change is handled the same way (``sat 22:00-06:00`` on the night to
Sunday 2026-03-29 in Berlin lasts 7 real hours, on the night to 2026-10-25 9).
``day_bounds`` reads local midnights by the same rule (a 23- or 25-hour day).

Absences are instants (aware UTC): from ``starts_at`` until ``ends_at`` (None: until
the operator is back). Pure functions; nothing from the project but ``domain``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from desktop_crm.domain import times
from desktop_crm.domain.eligibility import Exclusion

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
RU_DAYS = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
_RU_FULL_DAYS = (
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
)
_DAY_NUMBERS = {
    name: number for names in (DAYS, RU_DAYS, _RU_FULL_DAYS) for number, name in enumerate(names)
}
MINUTES_PER_DAY = 24 * 60
MAX_SHIFTS = 100  # a week of working hours needs far fewer; more is a mistake or abuse
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
SPEC_SEPARATOR = "; "


class HoursError(ValueError):
    """A SPEC that cannot be read. ``kind`` says what is wrong (``bad_spec``,
    ``bad_day``, ``bad_time``, ``empty_shift``, ``overlap``, ``too_many``: more than
    ``MAX_SHIFTS``, the number in ``detail``), ``spec`` the SPEC as
    given and ``detail`` the part at fault (the other SPEC for an overlap)."""

    def __init__(self, kind: str, spec: str, detail: str = "") -> None:
        self.kind = kind
        self.spec = spec
        self.detail = detail
        super().__init__(f"{kind}: {spec!r} {detail!r}")


class Shift(NamedTuple):
    """``day``: 0 = Monday; ``start`` minutes after local midnight (0..1439); ``end``
    minutes after that day's midnight, ``start < end <= start + 1440`` (past 1440:
    on the next day)."""

    day: int
    start: int
    end: int


Hours = tuple[Shift, ...]
"""Sorted shifts; () = always there."""

ALWAYS: Hours = ()

_SPEC_RE = re.compile(r"^\s*(\S+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def _days(text: str, spec: str) -> list[int]:
    days: list[int] = []
    for part in text.split(","):
        first, dash, last = (word.strip() for word in part.strip().lower().partition("-"))
        if first not in _DAY_NUMBERS or (dash and last not in _DAY_NUMBERS):
            raise HoursError("bad_day", spec, part.strip())
        a = _DAY_NUMBERS[first]
        b = _DAY_NUMBERS[last] if dash else a
        span = (b - a) % 7
        days.extend((a + i) % 7 for i in range(span + 1))
    return days


def _minutes(hours: str, minutes: str, spec: str, *, end: bool) -> int:
    h, m = int(hours), int(minutes)
    value = h * 60 + m
    if m > 59 or h > 24 or (h == 24 and (m or not end)):
        raise HoursError("bad_time", spec, f"{hours}:{minutes}")
    return value


def _parse_one(spec: str) -> list[Shift]:
    match = _SPEC_RE.match(spec)
    if match is None:
        raise HoursError("bad_spec", spec)
    days_text, h1, m1, h2, m2 = match.groups()
    days = _days(days_text, spec)
    start = _minutes(h1, m1, spec, end=False)
    end = _minutes(h2, m2, spec, end=True)
    if start == end:
        raise HoursError("empty_shift", spec)
    if end < start:
        end += MINUTES_PER_DAY
    return [Shift(day, start, end) for day in days]


def parse_hours(specs: Iterable[str]) -> Hours:
    """Shifts from SPECs (each may hold several joined by ``;``, as stored); raises
    ``HoursError``. No SPEC (or only blank ones): ``ALWAYS``."""
    found: list[tuple[Shift, str]] = []
    for given in specs:
        for spec in given.split(";"):
            if spec.strip():
                found.extend((shift, spec.strip()) for shift in _parse_one(spec))
    shifts: dict[Shift, str] = {}
    for shift, spec in found:
        if shift in shifts:
            raise HoursError("overlap", spec, shifts[shift])
        shifts[shift] = spec
    ordered = sorted(shifts)
    _check_overlaps(ordered, shifts)
    merged = _merge_touching(ordered)
    if len(merged) > MAX_SHIFTS:
        raise HoursError("too_many", "", str(MAX_SHIFTS))
    return tuple(merged)


def _merge_touching(ordered: Sequence[Shift]) -> list[Shift]:
    """Shifts of one day where one ends as the next starts are one shift (``mon
    09:00-13:00`` and ``mon 13:00-18:00`` read as ``mon 09:00-18:00``) while it lasts
    at most a day; ``ordered`` does not overlap."""
    merged: list[Shift] = []
    for shift in ordered:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.day == shift.day
            and last.end == shift.start
            and shift.end - last.start <= MINUTES_PER_DAY
        ):
            merged[-1] = Shift(last.day, last.start, shift.end)
        else:
            merged.append(shift)
    return merged


def _check_overlaps(ordered: Sequence[Shift], specs: dict[Shift, str]) -> None:
    """On the weekly circle: each shift must end before (or when) the next one starts."""
    if len(ordered) < 2:
        return
    spans = [(s.day * MINUTES_PER_DAY + s.start, s.day * MINUTES_PER_DAY + s.end) for s in ordered]
    for i, (_start, end) in enumerate(spans):
        j = (i + 1) % len(spans)
        next_start = spans[j][0] + (MINUTES_PER_WEEK if j == 0 else 0)
        if end > next_start:
            raise HoursError("overlap", specs[ordered[j]], specs[ordered[i]])


def _clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_list(days: Sequence[int]) -> str:
    """Sorted days as ranges of two or more consecutive days and single days."""
    parts: list[str] = []
    run = [days[0]]
    for day in days[1:]:
        if day == run[-1] + 1:
            run.append(day)
        else:
            parts.append(_run_text(run))
            run = [day]
    parts.append(_run_text(run))
    return ",".join(parts)


def _run_text(run: Sequence[int]) -> str:
    return DAYS[run[0]] if len(run) == 1 else f"{DAYS[run[0]]}-{DAYS[run[-1]]}"


def format_hours(hours: Hours) -> str:
    """The canonical text ('' for ``ALWAYS``); see the module's notes."""
    groups: dict[tuple[int, int], list[int]] = {}
    for shift in sorted(hours):
        groups.setdefault((shift.start, shift.end), []).append(shift.day)
    ordered = sorted(groups.items(), key=lambda item: (item[1][0], item[0]))
    return SPEC_SEPARATOR.join(
        f"{_day_list(days)} {_clock(start)}-{_clock(end % MINUTES_PER_DAY or MINUTES_PER_DAY)}"
        for (start, end), days in ordered
    )


def canonical_hours(specs: Iterable[str]) -> str:
    """SPECs as stored (``HoursError`` for a bad one)."""
    return format_hours(parse_hours(specs))


# -- wall time and instants -------------------------------------------------------------
def wall_to_utc(day: dt.date, minutes: int, zone: dt.tzinfo) -> dt.datetime:
    """The instant of local wall time ``minutes`` after ``day``'s midnight (may pass
    1440): a time in a spring gap is the instant of the jump, a time in an autumn
    fold its first occurrence (``domain.times.wall_to_utc``, the one rule for every
    wall time). Aware UTC."""
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    return times.wall_to_utc(naive, zone)


def last_day(end: dt.datetime, zone: dt.tzinfo) -> dt.date | None:
    """The day an absence ending at ``end`` runs through, when it ends as a day of
    ``zone`` begins (at midnight, or at the jump where a spring change skips midnight):
    the day before, as ``--until 2026-12-14`` is through the 14th. None for an end at
    any other moment."""
    day = end.astimezone(zone).date()
    if day == dt.date.min or end != wall_to_utc(day, 0, zone):
        return None
    return day - dt.timedelta(days=1)


def local_date(at: dt.datetime, zone: ZoneInfo) -> dt.date:
    return at.astimezone(zone).date()


def day_bounds(at: dt.datetime, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The local calendar day holding ``at``: (its first instant, the next day's), aware
    UTC; 23 or 25 hours long on a daylight saving change."""
    day = local_date(at, zone)
    return wall_to_utc(day, 0, zone), wall_to_utc(day + dt.timedelta(days=1), 0, zone)


def occurrences(
    hours: Hours, zone: ZoneInfo, first: dt.date, days: int
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The shifts of local dates ``first`` .. ``first + days - 1`` as instants
    (start, end), sorted; empty ones (inside a gap) left out."""
    found: list[tuple[dt.datetime, dt.datetime]] = []
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        weekday = day.weekday()
        for shift in hours:
            if shift.day == weekday:
                start = wall_to_utc(day, shift.start, zone)
                end = wall_to_utc(day, shift.end, zone)
                if start < end:
                    found.append((start, end))
    found.sort()
    return found


# -- presence ---------------------------------------------------------------------------
class Absence(NamedTuple):
    """Aware instants; ``ends_at`` None: until the operator is back."""

    starts_at: dt.datetime
    ends_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class Presence:
    """``exclusion``: ``AWAY``, ``OFF_SHIFT`` or None (there). ``until``: when that
    changes (the absence's end, the next shift's start, the shift's end, or an absence
    ahead beginning before them); None: not by itself (away until back; always there
    with no absence ahead)."""

    exclusion: Exclusion | None
    until: dt.datetime | None


THERE = Presence(None, None)
MAX_ABSENCE_YEAR = 9000  # far enough for "until further notice", far from the calendar's end
_ABSENCE_WALL_END = dt.datetime(MAX_ABSENCE_YEAR + 1, 1, 1)  # "through 9000-12-31" ends here


def absence_time_in_range(wall: dt.datetime) -> bool:
    """Whether an absence may begin or end at this wall time of the configured zone
    (naive, as the dispatcher typed it): by the end of the year ``MAX_ABSENCE_YEAR`` on
    that zone's calendar, the midnight ending it included, whatever the zone's offset
    (shown in any zone, such a time stays far inside the calendar)."""
    return wall <= _ABSENCE_WALL_END


_LOOK_AHEAD_DAYS = 16  # two weeks and more: the next shift of any non-empty hours


def absence_at(at: dt.datetime, absences: Iterable[Absence]) -> Absence | None:
    """The absence in force at ``at`` (overlapping and touching ones merged), or None."""
    ordered = sorted(absences, key=lambda a: a.starts_at)
    current: Absence | None = None
    for absence in ordered:
        if current is None:
            if absence.starts_at <= at and (absence.ends_at is None or at < absence.ends_at):
                current = absence
            continue
        if current.ends_at is None:
            break
        continues = absence.starts_at <= current.ends_at
        if continues and (absence.ends_at is None or absence.ends_at > current.ends_at):
            current = Absence(current.starts_at, absence.ends_at)
    return current


def presence(
    at: dt.datetime, hours: Hours, absences: Iterable[Absence], zone: ZoneInfo
) -> Presence:
    """Whether the operator is there at ``at`` (aware): away (an absence covers it),
    off shift (outside its hours), or there; and until when. There: until the shift's
    end or an absence booked ahead begins, whichever comes first. Off shift: until the
    operator is there again (an absence over the next shift's start pushes it on; None
    when one lasts until back). Away: until the absence ends."""
    kept = list(absences)
    absence = absence_at(at, kept)
    if absence is not None:
        return Presence(Exclusion.AWAY, absence.ends_at)
    by_hours = _by_hours(at, hours, zone)
    if by_hours.exclusion is Exclusion.OFF_SHIFT:
        return Presence(Exclusion.OFF_SHIFT, _there_again(by_hours.until, hours, kept, zone))
    ahead = _next_absence_start(at, kept)
    if ahead is not None and (by_hours.until is None or ahead < by_hours.until):
        return Presence(by_hours.exclusion, ahead)
    return by_hours


def _there_again(
    start: dt.datetime | None, hours: Hours, absences: list[Absence], zone: ZoneInfo
) -> dt.datetime | None:
    """The first instant from a shift's ``start`` on at which no absence covers the
    operator and a shift does; None when there is none ahead (an absence until back,
    no shift in the weeks looked at)."""
    moment = start
    for _ in range(_MAX_HOPS):
        if moment is None:
            return None
        covering = absence_at(moment, absences)
        if covering is None:
            return moment
        if covering.ends_at is None:
            return None
        moment = covering.ends_at
        by_hours = _by_hours(moment, hours, zone)
        if by_hours.exclusion is Exclusion.OFF_SHIFT:
            moment = by_hours.until  # the absence ends off shift: the next shift's start
    return None


_MAX_HOPS = 100  # absences back to back beyond this: no time said, rather than a search


def _by_hours(at: dt.datetime, hours: Hours, zone: ZoneInfo) -> Presence:
    """Presence at ``at`` by the working hours alone."""
    if not hours or _always(hours):
        return THERE
    spans = occurrences(hours, zone, local_date(at, zone) - dt.timedelta(days=1), _LOOK_AHEAD_DAYS)
    for index, (start, end) in enumerate(spans):
        if start <= at < end:
            for next_start, next_end in spans[index + 1 :]:
                if next_start > end:
                    break
                end = max(end, next_end)  # touching shifts are one stretch
            return Presence(None, end)
        if start > at:
            return Presence(Exclusion.OFF_SHIFT, start)
    return Presence(Exclusion.OFF_SHIFT, None)  # only empty shifts (gaps) ahead


def _next_absence_start(at: dt.datetime, absences: Iterable[Absence]) -> dt.datetime | None:
    """When the first absence after ``at`` begins (an empty one, ending as it starts,
    covers no instant and counts for nothing)."""
    starts = [
        a.starts_at
        for a in absences
        if a.starts_at > at and (a.ends_at is None or a.ends_at > a.starts_at)
    ]
    return min(starts, default=None)


def _always(hours: Hours) -> bool:
    """Shifts that cover the whole week without a break (they cannot overlap)."""
    return sum(s.end - s.start for s in hours) >= MINUTES_PER_WEEK
