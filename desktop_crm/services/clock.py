"""The time every rule of the dispatcher's day reads: injectable, so that tests move
time instead of sleeping for a deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

Clock = Callable[[], dt.datetime]
"""Returns the current instant, timezone-aware (UTC)."""


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def naive_utc_now(clock: Clock) -> dt.datetime:
    """The clock's instant as the timestamp columns store it (naive UTC)."""
    return clock().astimezone(dt.UTC).replace(tzinfo=None)
