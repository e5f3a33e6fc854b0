"""The live board: what the dispatcher looks at first, read in one snapshot.

Per source: the contacts waiting (active, nobody has them), since when the oldest
waits, the overdue ones (their reply deadline passed and nobody else could take
them), and the operators who could take one of its waiting contacts now (skills
against each one's tags; a new untagged contact when none waits) with their room.
Per operator: the ``OperatorInfo`` the Operators screen shows (load against its
limit, today's count against its daily cap, its status now).

Everything is counted in SQL with a few grouped queries over indexes (the queue's,
and the partial index of overdue contacts), never by reading contacts into Python:
a million stored contacts cost what a few do. Whether an operator can take a
contact is ``domain.eligibility``'s answer (``can_take_now``), never re-derived here.

``alerts`` is what the window's notifications ask: contacts that crossed the
waiting threshold since the last look, and the overdue ones; ``fresh_alerts``
decides which of those are new to notify (a plain function the tests call).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

import peewee as pw

from desktop_crm.db.models import Contact, Lead, Source, SourceOperatorConfig, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain import eligibility
from desktop_crm.domain.tags import NO_TAGS, tags_of
from desktop_crm.services.clock import Clock, system_clock
from desktop_crm.services.common import aware_utc, naive_utc
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.refs import SourceRef
from desktop_crm.services.operators import OperatorService
from desktop_crm.services.settings import zone

ALERTS_SHOWN = 20  # contacts an alert lists by name; the rest are counted
OVERDUE_TRACKED = 1_000  # overdue contacts remembered as notified (they are few)

# Bare boolean columns, no bound TRUE: SQLite uses a partial index only when the
# query's terms say what the index's WHERE says (a parameter proves nothing).
_QUEUED = Contact.operator.is_null() & Contact.is_active
_OVERDUE = Contact.overdue & Contact.is_active


def can_take_now(operator: OperatorInfo, weight: int, tags: frozenset[str] = NO_TAGS) -> bool:
    """Whether the distributor could give this operator a contact with ``tags`` of a
    source where it has ``weight`` now: the one rule (``domain.eligibility.exclusion``),
    with the facts the operator's ``OperatorInfo`` carries (presence, today, caps,
    skills)."""
    return (
        eligibility.exclusion(
            weight=weight,
            active=operator.active,
            load=operator.load,
            max_load=operator.max_load,
            presence=operator.presence,
            today=operator.today,
            daily_cap=operator.daily_cap,
            skills=frozenset(operator.skills),
            tags=tags,
        )
        is None
    )


def can_take_one_of(
    operator: OperatorInfo, weight: int, waiting_tags: Collection[frozenset[str]]
) -> bool:
    """Whether the operator could take one of a source's waiting contacts now (their
    sets of tags ``waiting_tags``), or a new untagged one when none waits: what
    "available" means on the board."""
    return any(can_take_now(operator, weight, tags) for tags in waiting_tags or (NO_TAGS,))


def room_now(operator: OperatorInfo) -> int:
    """How many more contacts it may be given now (its limit and today's cap)."""
    return eligibility.room_today(
        operator.load, operator.max_load, operator.today, operator.daily_cap
    )


@dataclass(frozen=True, slots=True)
class SourceBoard:
    source: SourceRef
    waiting: int  # active contacts nobody has
    waiting_since: dt.datetime | None  # aware UTC: the oldest waiting one's last activity
    overdue: int
    available: int  # operators who could take one of its contacts now
    room: int  # how many more contacts those operators can take now, together


@dataclass(frozen=True, slots=True)
class Board:
    at: dt.datetime  # aware UTC: "now" of the snapshot (waits are counted to it)
    sources: tuple[SourceBoard, ...]
    operators: tuple[OperatorInfo, ...]
    zone: dt.tzinfo = dt.UTC  # the time zone the operators' hours are written in

    @property
    def waiting(self) -> int:
        return sum(s.waiting for s in self.sources)

    @property
    def overdue(self) -> int:
        return sum(s.overdue for s in self.sources)


class AlertKind(StrEnum):
    WAITING = "waiting"  # waited unassigned longer than the threshold
    OVERDUE = "overdue"  # its reply deadline passed and nobody else could take it


@dataclass(frozen=True, slots=True)
class Alert:
    kind: AlertKind
    contact_id: int
    created_at: dt.datetime  # aware UTC (where the contact stands in the lists)
    since: dt.datetime  # aware UTC: its last activity (the wait is counted from it)
    lead_name: str
    external_id: str
    source: SourceRef
    operator_id: int | None


@dataclass(frozen=True, slots=True)
class Alerts:
    """What needed attention at ``at``: the contacts whose wait passed the threshold
    after ``since`` (all of them when ``since`` is None; ``waiting_total`` counts
    them, ``waiting`` lists the first ``ALERTS_SHOWN``) and the overdue contacts."""

    at: dt.datetime
    since: dt.datetime | None
    waiting: tuple[Alert, ...]
    waiting_total: int
    overdue: tuple[Alert, ...]


@dataclass(frozen=True, slots=True)
class AlertState:
    """What a notifier has told already: the time it last looked (waits that passed
    the threshold before it are told) and the overdue contacts told."""

    checked_at: dt.datetime | None = None
    overdue_told: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class Fresh:
    """Alerts new to the notifier: ``count`` contacts, ``alerts`` the first of them."""

    alerts: tuple[Alert, ...] = ()
    count: int = 0


def fresh_alerts(state: AlertState, alerts: Alerts) -> tuple[Fresh, AlertState]:
    """The alerts not told yet, and the state after telling them.

    The first look (``state.checked_at`` None) tells nothing: it only notes what is
    already there (the board shows it), so each contact is told once, when it
    crosses the threshold or becomes overdue while the window is open. A waiting
    contact is new when its wait passed the threshold after the last look (the
    service asked with ``since``); an overdue one when it was not overdue then
    (one that is assigned again and later overdue again is told again)."""
    overdue_now = frozenset(a.contact_id for a in alerts.overdue)
    after = AlertState(alerts.at, overdue_now)
    if state.checked_at is None:
        return Fresh(), after
    new_overdue = tuple(a for a in alerts.overdue if a.contact_id not in state.overdue_told)
    waiting = alerts.waiting if alerts.since is not None else ()
    waiting_total = alerts.waiting_total if alerts.since is not None else 0
    overdue_ids = {a.contact_id for a in new_overdue}
    shown = new_overdue + tuple(a for a in waiting if a.contact_id not in overdue_ids)
    return Fresh(shown[:ALERTS_SHOWN], len(new_overdue) + waiting_total), after


def _alert_query(condition: pw.ColumnBase) -> pw.ModelSelect[Contact]:
    return (
        Contact.select(
            Contact.id,
            Contact.created_at,
            pw.fn.COALESCE(Contact.activity_at, Contact.created_at),
            Lead.name,
            Lead.external_id,
            Source.id,
            Source.name,
            Source.code,
            Contact.operator,
        )
        .join(Lead, on=Contact.lead == Lead.id)
        .switch(Contact)
        .join(Source, on=Contact.source == Source.id)
        .where(condition)
    )


def _alerts(kind: AlertKind, rows: Iterable[tuple[object, ...]]) -> tuple[Alert, ...]:
    alerts = []
    for contact_id, created, since, name, external_id, sid, sname, code, operator in rows:
        alerts.append(
            Alert(
                kind,
                int(contact_id),  # type: ignore[call-overload]
                aware_utc(_as_datetime(created)),
                aware_utc(_as_datetime(since)),
                str(name or ""),
                str(external_id),
                SourceRef(int(sid), str(sname), code if code is None else str(code)),  # type: ignore[call-overload]
                None if operator is None else int(operator),  # type: ignore[call-overload]
            )
        )
    return tuple(alerts)


def _as_datetime(value: object) -> dt.datetime:
    """An aggregate's time: peewee converts it on PostgreSQL; SQLite gives text."""
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


class BoardService:
    def __init__(
        self, storage: Storage, operators: OperatorService, clock: Clock = system_clock
    ) -> None:
        self._storage = storage
        self._operators = operators
        self._clock = clock

    def snapshot(self) -> Board:
        """The board now, from one read snapshot."""
        with self._storage.read():
            at = self._clock().astimezone(dt.UTC)
            operators = self._operators.list()
            tz = zone()
            sources = [
                SourceRef(i, n, c)
                for i, n, c in tuples(
                    Source.select(Source.id, Source.name, Source.code).order_by(Source.name)
                )
            ]
            waiting: dict[int, tuple[int, object]] = {}
            waiting_tags: dict[int, set[frozenset[str]]] = defaultdict(set)
            for source_id, tags, count, oldest in tuples(
                Contact.select(
                    Contact.source,
                    Contact.tags,
                    pw.fn.COUNT(Contact.id),
                    pw.fn.MIN(pw.fn.COALESCE(Contact.activity_at, Contact.created_at)),
                )
                .where(_QUEUED)
                .group_by(Contact.source, Contact.tags)
            ):
                before, since = waiting.get(source_id, (0, None))
                if since is not None and (
                    oldest is None or _as_datetime(since) < _as_datetime(oldest)
                ):
                    oldest = since
                waiting[source_id] = (before + int(count), oldest)
                waiting_tags[source_id].add(tags_of(tags or ""))
            overdue: dict[int, int] = {
                source_id: int(count)
                for source_id, count in tuples(
                    Contact.select(Contact.source, pw.fn.COUNT(Contact.id))
                    .where(_OVERDUE)
                    .group_by(Contact.source)
                )
            }
            weights: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for source_id, operator_id, weight in tuples(
                SourceOperatorConfig.select(
                    SourceOperatorConfig.source,
                    SourceOperatorConfig.operator,
                    SourceOperatorConfig.weight,
                ).where(SourceOperatorConfig.weight > 0)
            ):
                weights[source_id].append((operator_id, weight))
        by_id = {o.id: o for o in operators}
        rows = []
        for source in sources:
            count, oldest = waiting.get(source.id, (0, None))
            able = [
                by_id[operator_id]
                for operator_id, weight in weights.get(source.id, [])
                if operator_id in by_id
                and can_take_one_of(by_id[operator_id], weight, waiting_tags.get(source.id, ()))
            ]
            rows.append(
                SourceBoard(
                    source,
                    count,
                    None if oldest is None else aware_utc(_as_datetime(oldest)),
                    overdue.get(source.id, 0),
                    len(able),
                    sum(room_now(o) for o in able),
                )
            )
        return Board(at, tuple(rows), tuple(operators), tz)

    def alerts(self, threshold: dt.timedelta, since: dt.datetime | None = None) -> Alerts:
        """Contacts waiting (active, nobody has them) whose wait of ``threshold`` ended
        after ``since`` and by now (all that waited that long when ``since`` is None),
        the first ``ALERTS_SHOWN`` of them by name and all counted; and the overdue
        contacts (at most ``OVERDUE_TRACKED``)."""
        with self._storage.read():
            at = self._clock().astimezone(dt.UTC)
            since_activity = Contact.activity_at
            condition = _QUEUED & (since_activity <= naive_utc(at - threshold))
            if since is not None:
                condition &= since_activity > naive_utc(since - threshold)
            waiting = _alerts(
                AlertKind.WAITING,
                tuples(
                    _alert_query(condition)
                    .order_by(Contact.activity_at, Contact.id)
                    .limit(ALERTS_SHOWN)
                ),
            )
            total = (
                len(waiting)
                if len(waiting) < ALERTS_SHOWN
                else int(Contact.select(pw.fn.COUNT(Contact.id)).where(condition).scalar() or 0)
            )
            # The ids first, from the small partial index of overdue contacts alone
            # (joined at once, the table would be walked); then their details.
            ids = [
                i
                for (i,) in tuples(
                    Contact.select(Contact.id).where(_OVERDUE).limit(OVERDUE_TRACKED)
                )
            ]
            overdue = _alerts(
                AlertKind.OVERDUE,
                tuples(_alert_query(Contact.id.in_(ids)).order_by(Contact.id)) if ids else (),
            )
        return Alerts(at, since, waiting, total, overdue)
