"""An operator's load: the number of its active contacts, counted over an index; and
what a registration counted, kept for the next one on the same connection (``Carried``).

A bot's pipe registers one contact per transaction, thousands a second, on one
connection: counting every candidate's load again each time grows with the active
contacts. So a registration leaves what it read and counted behind (the loads with its
own assignment, today's counts and the day they are of, the configuration snapshot,
the decision context each source's decisions refer to),
with the storage's mark of the database as it left it (``Storage.write_mark``). The
next registration on that connection takes it only when the storage says nothing has
changed since (``Storage.unchanged_since``: that transaction committed, no other
connection committed, this connection wrote nothing else); otherwise it reads
everything afresh. What depends on the time (presence now, which day it is in the
configured zone) is computed from the kept facts at each request's own time.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import peewee as pw

from desktop_crm.db.models import Contact, tuples
from desktop_crm.db.statements import in_list, run, statements
from desktop_crm.db.storage import Storage

if TYPE_CHECKING:
    from desktop_crm.services.config_cache import ConfigSnapshot


def load_of(operator_id: int) -> int:
    count: int = (
        Contact.select(pw.fn.COUNT(Contact.id))
        .where((Contact.operator == operator_id) & (Contact.is_active == True))  # noqa: E712
        .scalar()
    )
    return count


def loads_of(operator_ids: Iterable[int] | None = None) -> dict[int, int]:
    """Loads of the given operators (all when None); operators without contacts are absent.
    A registration's hot read: the given operators' loads by a compiled statement."""
    if operator_ids is not None:
        ids = list(operator_ids)
        if not ids:
            return {}
        sql = statements()
        text = sql.loads_of + in_list(len(ids)) + ")"
        return {int(op): int(n) for op, n in run(text, [True, *ids]).fetchall() if n}
    query = Contact.select(Contact.operator, pw.fn.COUNT(Contact.id)).where(
        Contact.is_active == True,  # noqa: E712
        Contact.operator.is_null(False),
    )
    return dict(tuples(query.group_by(Contact.operator)))


@dataclass(frozen=True, slots=True)
class Carried:
    """What one registration counted, exact as its transaction committed."""

    mark: object  # Storage.write_mark() after the transaction's last write
    config: ConfigSnapshot
    loads: dict[int, int]  # operator -> active contacts (the operators it counted)
    today: dict[int, int]  # operator -> contacts given during ``day`` (capped ones)
    day: tuple[dt.datetime, dt.datetime] | None  # the local day ``today`` counts
    # source -> (what its decision context stored, comparable; the context's id): the
    # next registration's decisions refer to the same row while nothing in it changed
    contexts: dict[int, tuple[tuple[object, ...], int]]


_carried = threading.local()  # per thread, i.e. per connection: (storage, Carried)


def take_carried(storage: Storage) -> Carried | None:
    """Inside a write transaction, before it writes: what this connection's previous
    registration left, when the database is still exactly as it left it; None
    otherwise (read everything afresh). Taken either way: ``keep_carried`` leaves the next."""
    kept: tuple[Storage, Carried] | None = getattr(_carried, "kept", None)
    _carried.kept = None
    if kept is None or kept[0] is not storage or not storage.unchanged_since(kept[1].mark):
        return None
    return kept[1]


def keep_carried(storage: Storage, carried: Carried | None) -> None:
    """Leave ``carried`` for this connection's next registration (None: nothing)."""
    _carried.kept = None if carried is None else (storage, carried)
