"""Durations as a dispatcher writes them: ``90s``, ``15m``, ``2h``, ``1d``, ``1h30m``;
``off`` for none. Stored as whole seconds (``source.reply_within``/``close_after``).

Pure: the services turn a ``DurationError`` into a clear ``InvalidValue``.
"""

from __future__ import annotations

import re

UNITS = {"d": 86_400, "h": 3_600, "m": 60, "s": 1}
OFF = "off"
MIN_SECONDS = 10
MAX_SECONDS = 365 * 86_400

_PART = re.compile(r"([0-9]{1,9})([dhms])")
_WHOLE = re.compile(r"(?:[0-9]{1,9}[dhms])+")


class DurationError(ValueError):
    """``kind``: ``format`` (not a duration), ``short`` or ``long`` (out of bounds)."""

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text
        super().__init__(f"{kind}: {text!r}")


def parse_duration(text: str) -> int | None:
    """Seconds, or None for ``off``. Units in the order d, h, m, s, each at most once,
    case-insensitive, no spaces inside (``1h30m``); a bare number is refused (which
    unit?). Bounds: ``MIN_SECONDS`` to ``MAX_SECONDS``."""
    cleaned = text.strip().casefold()
    if cleaned == OFF:
        return None
    if not _WHOLE.fullmatch(cleaned):
        raise DurationError("format", text)
    parts = _PART.findall(cleaned)
    units = [unit for _, unit in parts]
    order = list(UNITS)
    if len(set(units)) != len(units) or units != sorted(units, key=order.index):
        raise DurationError("format", text)
    seconds = sum(int(number) * UNITS[unit] for number, unit in parts)
    if seconds < MIN_SECONDS:
        raise DurationError("short", text)
    if seconds > MAX_SECONDS:
        raise DurationError("long", text)
    return seconds


def format_duration(seconds: int | None) -> str:
    """The shortest spelling ``parse_duration`` reads back: ``1h30m``, ``90s`` stays
    ``1m30s``; None is ``off``."""
    if seconds is None:
        return OFF
    if seconds == 0:
        return "0s"
    parts = []
    rest = seconds
    for unit, size in UNITS.items():
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts)
