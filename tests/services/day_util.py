"""A clock the tests move (no test sleeps for a deadline) and a ``Crm`` that reads it."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.services import Crm, open_crm


class FakeClock:
    """Callable like ``system_clock``; ``set`` / ``advance`` move it."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start.astimezone(dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, instant: dt.datetime) -> None:
        self.now = instant.astimezone(dt.UTC)

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@contextmanager
def crm_at(location: DatabaseLocation, clock: FakeClock, seed: int = 20261201) -> Iterator[Crm]:
    crm = open_crm(location, random.Random(seed).randint, clock=clock)
    try:
        yield crm
    finally:
        crm.close()


def vip_desk(crm) -> None:
    """Source "site": Анна (skill vip) and Борис (none), weight 1 each, limit 5."""
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.operators.update("Анна", skills="vip")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1})
