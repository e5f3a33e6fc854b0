"""The facade the CLI, the window and the importer hold: one open database, every service."""

from __future__ import annotations

import logging
import random
from functools import cached_property
from typing import TYPE_CHECKING

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.models import Operator, Source
from desktop_crm.db.storage import DEFAULT_BUSY_TIMEOUT, DEFAULT_JOB_WAIT, Storage, open_storage
from desktop_crm.domain.distribution import RandInt
from desktop_crm.errors import DatabaseBusy, StoppedPartWay
from desktop_crm.services.audit import AuditTrail, os_user
from desktop_crm.services.clock import Clock, naive_utc_now, system_clock
from desktop_crm.services.events import EventBus

if TYPE_CHECKING:  # each built on first use: a bot's `contact add` loads only what it needs
    from desktop_crm.services.audit import AuditService
    from desktop_crm.services.board import BoardService
    from desktop_crm.services.contacts import ContactService
    from desktop_crm.services.erasure import ErasureService
    from desktop_crm.services.exports import ExportService
    from desktop_crm.services.importer import ImportService
    from desktop_crm.services.leads import LeadService
    from desktop_crm.services.operators import OperatorService
    from desktop_crm.services.queue import CapacityHook, QueueService
    from desktop_crm.services.settings import SettingsService
    from desktop_crm.services.sources import SourceService
    from desktop_crm.services.stats import StatsService
    from desktop_crm.services.timers import TimerService

log = logging.getLogger(__name__)


class Crm:
    def __init__(
        self,
        storage: Storage,
        randint: RandInt | None = None,
        dispatcher: str | None = None,
        clock: Clock = system_clock,
    ) -> None:
        """``dispatcher``: who makes the changes (the audit log); None: the OS user.
        ``clock``: the time every rule reads (tests move it instead of sleeping)."""
        self.storage = storage
        self.clock = clock
        self.events = EventBus()
        randint = randint or random.Random().randint  # seeded from os.urandom
        self._randint = randint
        # One trail for every service: the dispatcher is set here once (services/audit.py).
        self.trail = AuditTrail(
            os_user() if dispatcher is None else dispatcher, clock=lambda: naive_utc_now(clock)
        )
        # What to do when capacity appears: drain now (the CLI); the window drains in a worker.
        self.capacity_handler: CapacityHook = lambda sources: self.queue.drain(sources)

    # Each service is built, and its module imported, when first used (issue 13): a
    # command that registers one contact loads neither the board, the statistics, the
    # timers nor the importer (file readers, encoding detection), exports or erasure.
    @cached_property
    def audit(self) -> AuditService:
        from desktop_crm.services.audit import AuditService

        return AuditService(self.storage, self.trail)

    @cached_property
    def queue(self) -> QueueService:
        from desktop_crm.services.queue import QueueService

        return QueueService(self.storage, self.events, self._randint, self.trail, self.clock)

    @cached_property
    def operators(self) -> OperatorService:
        from desktop_crm.services.operators import OperatorService

        return OperatorService(
            self.storage, self.events, self._capacity_appeared, trail=self.trail, clock=self.clock
        )

    @cached_property
    def sources(self) -> SourceService:
        from desktop_crm.services.sources import SourceService

        return SourceService(
            self.storage, self.events, self._capacity_appeared, trail=self.trail, clock=self.clock
        )

    @cached_property
    def contacts(self) -> ContactService:
        from desktop_crm.services.contacts import ContactService

        return ContactService(
            self.storage,
            self.events,
            self._randint,
            self._capacity_appeared,
            trail=self.trail,
            clock=self.clock,
        )

    @cached_property
    def leads(self) -> LeadService:
        from desktop_crm.services.leads import LeadService

        return LeadService(self.storage)

    @cached_property
    def stats(self) -> StatsService:
        from desktop_crm.services.stats import StatsService

        return StatsService(self.storage, self.sources)

    @cached_property
    def settings(self) -> SettingsService:
        from desktop_crm.services.settings import SettingsService

        return SettingsService(
            self.storage,
            self.events,
            self.trail,
            lambda: self._capacity_appeared(self.queue.sources_with_queue()),
        )

    @cached_property
    def timers(self) -> TimerService:
        from desktop_crm.services.timers import TimerService

        return TimerService(
            self.storage,
            self.events,
            self._randint,
            self.contacts,
            self.queue,
            self._capacity_appeared,
            self.clock,
        )

    @cached_property
    def board(self) -> BoardService:
        from desktop_crm.services.board import BoardService

        return BoardService(self.storage, self.operators, self.clock)

    @cached_property
    def imports(self) -> ImportService:
        from desktop_crm.services.importer import ImportService

        return ImportService(
            self.storage, self.events, self._randint, trail=self.trail, clock=self.clock
        )

    @cached_property
    def exports(self) -> ExportService:
        from desktop_crm.services.exports import ExportService

        return ExportService(self.storage, self.stats)

    @cached_property
    def erasure(self) -> ErasureService:
        from desktop_crm.services.erasure import ErasureService

        return ErasureService(self.storage, self.events)

    def _capacity_appeared(self, source_ids: set[int]) -> None:
        """After a committed change: best effort. If the database is busy now, the
        queue waits for the next change or "distribute now"; the change itself stands."""
        try:
            if source_ids and self.queue.auto_enabled():
                self.capacity_handler(source_ids)
        except DatabaseBusy:
            log.warning("the queue was not distributed: the database stayed busy")
        except StoppedPartWay as stop:
            if isinstance(stop.cause, KeyboardInterrupt):
                raise
            log.warning("the queue was distributed part-way: %s", stop)

    def is_empty(self) -> bool:
        """No operators and no sources yet: the window greets the user instead."""
        with self.storage.read():
            return not Operator.select().exists() and not Source.select().exists()

    def check_file(self) -> None:
        """``DatabaseOpenError`` when the database file was deleted or another put in its
        place since it was opened (one stat(); the window asks at every poll)."""
        self.storage.refuse_if_replaced()

    def data_version(self) -> int:
        """A number that changes when another process commits (SQLite's data_version;
        on PostgreSQL, the notifications heard): the window polls it to refresh."""
        return self.storage.data_version()

    def close_thread_connection(self) -> None:
        """Close the calling thread's database connection (a worker thread, when done)."""
        self.storage.close_thread_connection()

    @property
    def dispatcher(self) -> str:
        """Who makes this Crm's changes, as the audit log records them."""
        return self.trail.dispatcher

    def set_dispatcher(self, name: str) -> str:
        """Change who makes the changes from now on (``InvalidValue`` for a bad name)."""
        return self.trail.set_dispatcher(name)

    @property
    def location(self) -> DatabaseLocation:
        return self.storage.location

    def close(self) -> None:
        self.storage.close()


def open_crm(
    location: DatabaseLocation,
    randint: RandInt | None = None,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    job_wait: float = DEFAULT_JOB_WAIT,
    dispatcher: str | None = None,
    clock: Clock = system_clock,
) -> Crm:
    """``busy_timeout``: how long one change waits for another process's write lock;
    ``job_wait``: how long each batch of an import or a queue drain waits for it;
    ``dispatcher``: who makes the changes (the audit log; None: the OS user)."""
    trail = AuditTrail(os_user() if dispatcher is None else dispatcher)  # checked first
    return Crm(open_storage(location, busy_timeout, job_wait), randint, trail.dispatcher, clock)
