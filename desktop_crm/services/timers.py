"""The timers: what time alone makes due (issue 12).

- A reply deadline (``source.reply_within``): an active contact with an operator, not
  marked answered (``ContactService.mark_answered``) within that time of its
  assignment, is taken from its operator and distributed again among the others
  through the one ``Intake`` (the late operator, and everyone who missed this
  contact's deadline before, excluded as ``timed_out``), traced as a decision of kind
  ``timeout``. When nobody else can take it, it stays, marked ``overdue``, and every
  later run tries again; that first miss is traced once, not at every run.
- Auto-close (``source.close_after``): an active contact without activity
  (registered, assigned, answered) for that long is closed by the same close as by
  hand (``ContactService.close_stale``), traced as ``auto_close`` and logged as done
  by ``AUTOMATIC``.
- Then the queue drains (time brings capacity: a shift starts, an absence ends, a day
  begins).

``run_due`` works in bounded write transactions of at most ``TIMER_BATCH`` contacts,
each retried on a conflict, and reads only active contacts through partial indexes
(migration 0009). One process applies the deadlines and closes at a time
(``Storage.job_claim``): another that runs meanwhile skips them (``busy``) and only
drains the queue, which is safe with several processes at once. Every time comes from
the injected clock, so tests move time instead of sleeping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import peewee as pw

from desktop_crm.db.models import Contact, Decision, Source, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain.distribution import RandInt
from desktop_crm.domain.tags import tags_of
from desktop_crm.errors import StoppedPartWay
from desktop_crm.services.clock import Clock, system_clock
from desktop_crm.services.common import retried
from desktop_crm.services.contacts import ContactService
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.intake import Intake
from desktop_crm.services.queue import (
    CapacityHook,
    DrainResult,
    QueueService,
    sources_of_operators,
)
from desktop_crm.services.settings import phone_region
from desktop_crm.services.trace import DecisionKind, read_details

TIMER_BATCH = 200  # contacts per write transaction
JOB = "timers"  # the job claim: one process applies deadlines and closes at a time


@dataclass(frozen=True, slots=True)
class TimerResult:
    """What one run did: contacts ``moved`` to another operator after a missed reply
    deadline, newly ``overdue`` (missed, and nobody else could take them), ``closed``
    as stale, ``assigned`` from the queue; ``busy``: another process was applying the
    deadlines and closes, so this run only drained the queue."""

    moved: int = 0
    overdue: int = 0
    closed: int = 0
    assigned: int = 0
    busy: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.moved or self.overdue or self.closed or self.assigned)


def _timed_out_before(contact_ids: Sequence[int]) -> dict[int, frozenset[int]]:
    """Who missed each contact's reply deadline before (its earlier timeout decisions)."""
    found: dict[int, set[int]] = {}
    if not contact_ids:
        return {}
    query = Decision.select(Decision.contact, Decision.extra).where(
        Decision.contact.in_(list(contact_ids)) & (Decision.kind == DecisionKind.TIMEOUT)
    )
    for contact_id, extra in tuples(query):
        found.setdefault(int(contact_id), set()).update(read_details(extra).timed_out)
    return {contact_id: frozenset(ids) for contact_id, ids in found.items()}


def due_for_reply_query(
    source_id: int, cutoff: dt.datetime, after: tuple[dt.datetime, int] | None, limit: int
) -> pw.ModelSelect[Contact]:
    """Active, assigned, unanswered contacts of the source assigned at or before
    ``cutoff``, by assignment time: the partial index ``contact_unanswered_source_assigned``
    (its terms written as bare columns, so that SQLite sees the query implies them)."""
    query = Contact.select().where(
        (Contact.source == source_id)
        & Contact.is_active
        & Contact.answered_at.is_null()
        & Contact.operator.is_null(False)
        & (Contact.assigned_at <= cutoff)
    )
    if after is not None:
        query = query.where(pw.Tuple(Contact.assigned_at, Contact.id) > pw.Tuple(*after))
    return query.order_by(Contact.assigned_at, Contact.id).limit(limit)


class TimerService:
    def __init__(
        self,
        storage: Storage,
        events: EventBus,
        randint: RandInt,
        contacts: ContactService,
        queue: QueueService,
        on_capacity: CapacityHook = lambda _sources: None,
        clock: Clock = system_clock,
    ) -> None:
        self._storage = storage
        self._events = events
        self._randint = randint
        self._contacts = contacts
        self._queue = queue
        self._on_capacity = on_capacity
        self._clock = clock

    def run_due(
        self,
        *,
        drain: bool | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        batch_size: int = TIMER_BATCH,
    ) -> TimerResult:
        """Apply every auto-close and reply deadline that is due, then drain the queue
        (``drain``: None follows the automatic re-distribution setting; ``queue
        distribute`` always drains)."""
        moved = overdue = closed = 0
        busy = False
        with self._storage.job_claim(JOB) as claimed:
            if claimed:
                with self._storage.read():
                    rows = list(
                        tuples(
                            Source.select(Source.id, Source.reply_within, Source.close_after)
                            .where(
                                Source.reply_within.is_null(False)
                                | Source.close_after.is_null(False)
                            )
                            .order_by(Source.id)
                        )
                    )
                for source_id, _reply, close_after in rows:
                    if close_after is not None:
                        closed += self._close_stale(source_id, close_after, batch_size, cancelled)
                for source_id, reply_within, _close in rows:
                    if reply_within is not None:
                        m, o = self._deadlines(source_id, reply_within, batch_size, cancelled)
                        moved, overdue = moved + m, overdue + o
            else:
                busy = True
        if drain is None:
            drain = self._queue.auto_enabled()
        assigned = 0
        if drain and not cancelled():
            try:
                assigned = self._queue.drain(cancelled=cancelled).assigned
            except StoppedPartWay as stop:  # what this run did, with the part of the drain
                done = stop.result.assigned if isinstance(stop.result, DrainResult) else 0
                stop.result = TimerResult(moved, overdue, closed, done, busy)
                raise
        return TimerResult(moved, overdue, closed, assigned, busy)

    def _close_stale(
        self, source_id: int, seconds: int, batch_size: int, cancelled: Callable[[], bool]
    ) -> int:
        total = 0
        while not cancelled():
            done = self._contacts.close_stale(source_id, seconds, batch_size)
            total += done
            if done < batch_size:
                break
            self._storage.pause_between_batches()
        return total

    def _deadlines(
        self, source_id: int, seconds: int, batch_size: int, cancelled: Callable[[], bool]
    ) -> tuple[int, int]:
        moved = overdue = 0
        after: tuple[dt.datetime, int] | None = None
        while not cancelled():
            m, o, after, freed = self._deadline_batch(source_id, seconds, after, batch_size)
            moved, overdue = moved + m, overdue + o
            if m or o:
                self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
            if freed:
                self._on_capacity(freed)
            if after is None:
                break
            self._storage.pause_between_batches()
        return moved, overdue

    @retried
    def _deadline_batch(
        self,
        source_id: int,
        seconds: int,
        after: tuple[dt.datetime, int] | None,
        batch_size: int,
    ) -> tuple[int, int, tuple[dt.datetime, int] | None, set[int]]:
        """One transaction: (moved, newly overdue, where the next batch starts or None
        when every due contact was seen, the sources where capacity appeared)."""
        moved = overdue = 0
        late: set[int] = set()
        with self._storage.write_batch():
            intake = Intake(self._storage, self._randint, phone_region(), self._clock)
            intake.lock_sources([source_id])  # before the contacts and loads are read
            cutoff = intake.now - dt.timedelta(seconds=seconds)
            # Locked: a contact closed or answered by hand meanwhile is read as it is now.
            due = list(
                self._storage.locking(due_for_reply_query(source_id, cutoff, after, batch_size))
            )
            before = _timed_out_before([c.id for c in due])
            newly_overdue: list[int] = []
            for contact in due:
                assert contact.operator_id is not None  # the query's condition
                timed_out = before.get(contact.id, frozenset()) | {contact.operator_id}
                tags = tags_of(contact.tags)
                decision = intake.timeout(contact, timed_out, tags)
                if decision.operator_id is not None:
                    intake.trace_timeout(contact, decision, timed_out, tags)
                    late.add(contact.operator_id)
                    moved += 1
                elif not contact.overdue:  # the first miss; later runs try again quietly
                    intake.trace_timeout(contact, decision, timed_out, tags)
                    newly_overdue.append(contact.id)
            intake.flush()
            if newly_overdue:
                Contact.update(overdue=True).where(Contact.id.in_(newly_overdue)).execute()
                overdue = len(newly_overdue)
            freed = sources_of_operators(late)
        next_after = None
        if len(due) == batch_size:  # there may be more: the next batch starts after this one
            last = due[-1]
            assert last.assigned_at is not None  # the query's condition
            next_after = (last.assigned_at, last.id)
        return moved, overdue, next_after, freed
