"""Read a date/time cell into a naive UTC datetime.

Accepted: ISO 8601 (``T`` or space, optional seconds/fraction, ``Z`` or an
offset), ``dd.mm.yyyy``, ``dd/mm/yyyy``, ``dd-mm-yyyy``, ``yyyy-mm-dd`` and
``yyyy/mm/dd``, each optionally followed by ``H:MM`` or ``H:MM:SS`` (Russian
Excel writes ``05.03.2024 9:05``). XLSX datetime cells reach us as ISO text
(see ``xlsx_reader``). A value without an offset is local time: the system's
zone, or the zone the caller injects; one in a daylight-saving gap or fold is read by
``domain.times.wall_to_utc`` (the instant of the jump; the first occurrence).
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

from desktop_crm.domain.times import wall_to_utc

# Compiled once: this runs for every row of a 100k-row import.
_DAY_FIRST_RE = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?"
)
_YEAR_FIRST_RE = re.compile(
    r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?)?"
)


class DateOutOfCalendar(ValueError):
    """A date read, but at the calendar's edge: it has no UTC time in this zone."""


_CACHE_SIZE = 4096  # date-only columns repeat a lot; a bounded memo skips re-parsing


class DateParser:
    """Parses date cells; ``local_tz=None`` means the system's local time zone.

    One parser serves one import: it memoises recent values (the result of a
    string never changes for a given zone).
    """

    __slots__ = ("_cache", "_local_tz")

    def __init__(self, local_tz: tzinfo | None = None) -> None:
        self._local_tz = local_tz
        self._cache: dict[str, datetime] = {}

    def parse(self, text: str) -> datetime:
        """Return naive UTC; raise ValueError for anything that is not a date."""
        cache = self._cache
        value = cache.get(text)
        if value is None:
            value = self._to_utc(_parse_wall_time(text.strip()), text)
            if len(cache) >= _CACHE_SIZE:
                cache.clear()
            cache[text] = value
        return value

    def _to_utc(self, value: datetime, text: str) -> datetime:
        try:
            if value.tzinfo is not None:
                offset = value.utcoffset()
                return (value - offset if offset else value).replace(tzinfo=None)
            # A wall time in a DST gap or fold: the one rule of the shifts too.
            return wall_to_utc(value, self._local_tz).replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):  # years at the edges; OSError on Windows
            raise DateOutOfCalendar(text) from None


def _parse_wall_time(text: str) -> datetime:
    # Fast paths through the C ISO parser: ISO itself (and what xlsx cells
    # become), and dd.mm.yyyy[ HH:MM[:SS]] rearranged into ISO. The regexes
    # below catch the rest (one-digit day or month, odd separators).
    if len(text) >= 10:
        separator = text[2]
        if text[4] == "-" and text[7] == "-":
            iso = text
        elif separator in "./-" and text[5] == separator:
            rest = text[10:]
            if len(rest) > 2 and rest[2] == ":":  # " 9:05" -> " 09:05", as Excel writes it
                rest = rest[0] + "0" + rest[1:]
            iso = f"{text[6:10]}-{text[3:5]}-{text[:2]}{rest}"
        else:
            iso = ""
        # Python's parser takes any character between date and time; we take " " or "T".
        if iso and (len(iso) == 10 or iso[10] in " Tt"):
            try:
                return datetime.fromisoformat(iso)
            except ValueError:
                pass
    match = _DAY_FIRST_RE.fullmatch(text)
    if match is not None:
        day, month, year, hour, minute, second, fraction = match.groups()
    else:
        match = _YEAR_FIRST_RE.fullmatch(text)
        if match is None:
            raise ValueError(text)
        year, month, day, hour, minute, second, fraction = match.groups()
    if hour is None:
        return datetime(int(year), int(month), int(day))
    return datetime(
        int(year),
        int(month),
        int(day),
        int(hour),
        int(minute),
        int(second) if second else 0,
        int(fraction.ljust(6, "0")) if fraction else 0,
    )
