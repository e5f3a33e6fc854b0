"""The queue: unassigned active contacts, distributed again when capacity appears.

Draining runs in bounded batches, each its own write transaction that picks
the oldest queued contacts (after those this drain already tried) again inside
the lock, so several processes may drain at once: no limit is exceeded and no
contact is assigned twice.

Time brings capacity too (a shift starts, an absence ends, a new day resets the
daily caps): every batch reads the operators' day afresh at its clock's now, so
``drain()`` over all sources, run by the periodic tick, distributes whoever can be
taken now and restates why the others wait (per contact's tags).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import peewee as pw

from desktop_crm.db.models import Contact, SourceOperatorConfig, tuples
from desktop_crm.db.storage import Storage, WaitAbandoned
from desktop_crm.domain.distribution import RandInt
from desktop_crm.domain.tags import tags_of
from desktop_crm.errors import QT_TRANSLATE_NOOP, StoppedPartWay
from desktop_crm.services.audit import Action, AuditTrail
from desktop_crm.services.clock import Clock, system_clock
from desktop_crm.services.common import retried
from desktop_crm.services.contact_views import contact_page
from desktop_crm.services.dto.contacts import ContactInfo
from desktop_crm.services.dto.filters import ContactFilter, ContactState
from desktop_crm.services.events import Change, EventBus
from desktop_crm.services.intake import Intake
from desktop_crm.services.settings import phone_region, read_setting, write_setting

AUTO_REDISTRIBUTE = "auto_redistribute"

CapacityHook = Callable[[set[int]], object]
"""Told the sources where capacity appeared (after the commit that freed it)."""
DRAIN_BATCH = 200  # contacts per write transaction


@dataclass(frozen=True, slots=True)
class DrainProgress:
    assigned: int
    batches: int


@dataclass(frozen=True, slots=True)
class DrainResult:
    assigned: int
    batches: int
    cancelled: bool = False


def sources_of_operators(operator_ids: Iterable[int | None]) -> set[int]:
    """Sources on which these operators have a positive weight (inside a transaction)."""
    ids = [i for i in operator_ids if i is not None]
    if not ids:
        return set()
    query = SourceOperatorConfig.select(SourceOperatorConfig.source).where(
        SourceOperatorConfig.operator.in_(ids) & (SourceOperatorConfig.weight > 0)
    )
    return {source_id for (source_id,) in tuples(query)}


Cursor = tuple[dt.datetime, int] | None
"""Where a drain got to: the (created_at, id) of the last queued contact it tried."""


def _queued(
    source_ids: set[int], limit: int, after: Cursor = None
) -> list[tuple[int, int, int, str, dt.datetime]]:
    """The oldest queued contacts of these sources after ``after``: (contact, lead,
    source, tags, created_at)."""
    condition = (
        Contact.operator.is_null()
        & (Contact.is_active == True)  # noqa: E712
        & Contact.source.in_(sorted(source_ids))
    )
    if after is not None:
        created, contact_id = after
        condition &= (Contact.created_at > created) | (
            (Contact.created_at == created) & (Contact.id > contact_id)
        )
    query = (
        Contact.select(Contact.id, Contact.lead, Contact.source, Contact.tags, Contact.created_at)
        .where(condition)
        .order_by(Contact.created_at, Contact.id)
        .limit(limit)
    )
    return list(tuples(query))


def _waiting(source_id: int) -> pw.Expression:
    return (
        (Contact.source == source_id) & Contact.operator.is_null() & (Contact.is_active == True)  # noqa: E712
    )


def _restate_reason(source_id: int, reason: str, tags: str = "") -> None:
    """The queued contacts of a source with these tags (canonical) wait for ``reason``."""
    Contact.update(unassigned_reason=reason).where(
        _waiting(source_id)
        & (Contact.tags == tags)
        & ((Contact.unassigned_reason != reason) | Contact.unassigned_reason.is_null())
    ).execute()


def _restate_reasons(intake: Intake, source_id: int, untagged: bool) -> None:
    """Those who wait on the source say why as things stand now: per set of tags, since
    the reason can differ per contact (no skill for one, the limit for another)."""
    if untagged:
        _restate_reason(source_id, intake.nobody_reason(source_id))
    query = (
        Contact.select(Contact.tags).where(_waiting(source_id) & (Contact.tags != "")).distinct()
    )
    for (tags,) in tuples(query):
        if untagged or not intake.has_eligible(source_id, tags_of(tags)):
            _restate_reason(source_id, intake.nobody_reason(source_id, tags_of(tags)), tags)


class QueueService:
    def __init__(
        self,
        storage: Storage,
        events: EventBus,
        randint: RandInt,
        trail: AuditTrail,
        clock: Clock = system_clock,
    ) -> None:
        self._storage = storage
        self._events = events
        self._randint = randint
        self._trail = trail
        self._clock = clock

    # -- the setting ---------------------------------------------------------------------
    def auto_enabled(self) -> bool:
        with self._storage.read():
            return read_setting(AUTO_REDISTRIBUTE, "1") == "1"

    def set_auto(self, enabled: bool) -> bool:
        """Automatic re-distribution for every process using this database."""
        with self._storage.write():
            old = read_setting(AUTO_REDISTRIBUTE, "1") == "1"
            write_setting(AUTO_REDISTRIBUTE, "1" if enabled else "0")
            self._trail.changed(
                Action.AUTO_REDISTRIBUTION, None, AUTO_REDISTRIBUTE, "value", old, enabled
            )
        self._events.emit(Change.SETTINGS)
        return enabled

    # -- reading -----------------------------------------------------------------------------
    def unassigned(self, limit: int = 200) -> list[ContactInfo]:
        """The queue, oldest first, each with its reason."""
        with self._storage.read():
            return contact_page(
                ContactFilter(state=ContactState.UNASSIGNED), newest_first=False, limit=limit
            )

    def overdue(self, limit: int = 200) -> list[ContactInfo]:
        """Contacts whose reply deadline passed while nobody else could take them
        (``services/timers.py``), still with their operator, oldest first."""
        with self._storage.read():
            return contact_page(
                ContactFilter(state=ContactState.OVERDUE), newest_first=False, limit=limit
            )

    def sources_with_queue(self) -> set[int]:
        with self._storage.read():
            query = (
                Contact.select(Contact.source)
                .where(Contact.operator.is_null() & (Contact.is_active == True))  # noqa: E712
                .distinct()
            )
            return {source_id for (source_id,) in tuples(query)}

    # -- draining ----------------------------------------------------------------------------
    def drain(
        self,
        source_ids: Iterable[int] | None = None,
        progress: Callable[[DrainProgress], None] | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        batch_size: int = DRAIN_BATCH,
    ) -> DrainResult:
        """Distribute queued contacts of these sources (all when None), oldest first,
        until nobody eligible is left. Each batch commits on its own and waits up to the
        storage's ``job_wait`` for the write lock; between batches other writers get in.

        Raises ``StoppedPartWay`` (its ``result`` a ``DrainResult``) when something stops
        the drain after contacts were assigned; otherwise the error itself (nothing written).
        """
        pending = set(source_ids) if source_ids is not None else self.sources_with_queue()
        assigned = batches = 0
        cursor: Cursor = None
        try:
            while pending:
                if cancelled():
                    return DrainResult(assigned, batches, cancelled=True)
                try:
                    with self._storage.cancellable(cancelled):
                        done, pending, cursor = self._drain_batch(pending, batch_size, cursor)
                except WaitAbandoned:  # cancelled while waiting for the lock
                    return DrainResult(assigned, batches, cancelled=True)
                batches += 1
                assigned += done
                if done:
                    self._events.emit(Change.CONTACTS, Change.LOADS, Change.LEADS)
                if progress is not None:
                    progress(DrainProgress(assigned, batches))
                if pending:
                    self._storage.pause_between_batches()
        except BaseException as error:
            if not assigned:
                raise
            raise StoppedPartWay(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{reason} Distributing the queue stopped part-way (contacts assigned: "
                    "{committed}; they stay); run it again to continue.",
                ),
                cause=error,
                committed=assigned,
                result=DrainResult(assigned, batches, cancelled=True),
            ) from error
        return DrainResult(assigned, batches)

    @retried
    def _drain_batch(
        self, pending: set[int], batch_size: int, after: Cursor = None
    ) -> tuple[int, set[int], Cursor]:
        """One transaction over the queued contacts after ``after``: returns how many
        were assigned, the sources still open and where it got to.

        A source is open while someone could take an untagged contact there. A tagged
        contact nobody can take (no operator there has its skills) waits without
        closing its source: the contacts after it are still tried, and the cursor
        keeps the drain from meeting it again."""
        assigned = 0
        with self._storage.write_batch():
            intake = Intake(self._storage, self._randint, phone_region(), self._clock)
            open_sources = {s for s in pending if intake.has_eligible(s)}
            closed = pending - open_sources
            queued = _queued(open_sources, batch_size, after) if open_sources else []
            stuck: set[int] = set()  # open sources where a tagged contact stays
            for contact_id, lead_id, source_id, tags, _created in queued:
                if source_id not in open_sources:
                    continue
                needs = tags_of(tags)
                decision = intake.redistribute(contact_id, lead_id, source_id, needs)
                if decision.operator_id is not None:
                    assigned += 1
                elif needs and intake.has_eligible(source_id):
                    stuck.add(source_id)  # nobody for these tags; others may still fit
                else:
                    open_sources.discard(source_id)  # full now: its later contacts wait
                    closed.add(source_id)
            intake.flush()
            for source_id in closed:  # those who wait say why as things stand now
                _restate_reasons(intake, source_id, untagged=True)
            for source_id in stuck - closed:
                _restate_reasons(intake, source_id, untagged=False)
            if len(queued) < batch_size:  # every queued contact of these sources was seen
                open_sources = set()
            cursor = (queued[-1][4], queued[-1][0]) if queued else after
        return assigned, open_sources, cursor
