"""Statistics: contacts per operator per source, loads, unassigned per source. Aggregates in SQL."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import peewee as pw

from desktop_crm.db.models import Contact, Operator, Source, tuples
from desktop_crm.db.storage import Storage
from desktop_crm.domain.eligibility import weight_shares
from desktop_crm.services.common import operator_ref, source_ref
from desktop_crm.services.dto.refs import SourceRef
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.dto.stats import (
    OperatorShare,
    OperatorStats,
    SourceCount,
    SourceShares,
    Statistics,
)
from desktop_crm.services.loads import loads_of
from desktop_crm.services.search import period_condition
from desktop_crm.services.sources import SourceService


def shares(statistics: Statistics, sources: list[SourceInfo]) -> list[SourceShares]:
    """Per source: each configured operator's weight share (``weight_shares``: none for
    an inactive operator) against its delivered share."""
    delivered: dict[tuple[int, int], int] = {}
    for row in statistics.operators:
        for count in row.per_source:
            delivered[(count.source.id, row.operator.id)] = count.total
    unassigned = {c.source.id: c.total for c in statistics.unassigned}
    result = []
    for source in sources:
        configured = weight_shares({w.operator.id: (w.weight, w.active) for w in source.weights})
        assigned = sum(n for (source_id, _), n in delivered.items() if source_id == source.id)
        result.append(
            SourceShares(
                SourceRef(source.id, source.name, source.code),
                tuple(
                    OperatorShare(
                        w.operator,
                        w.weight,
                        configured[w.operator.id],
                        delivered.get((source.id, w.operator.id), 0),
                        delivered.get((source.id, w.operator.id), 0) / assigned
                        if assigned
                        else 0.0,
                        w.active,
                    )
                    for w in source.weights
                ),
                unassigned.get(source.id, 0),
            )
        )
    return result


def counts_query(since: dt.datetime | None, until: dt.datetime | None) -> pw.ModelSelect[Contact]:
    """Contacts per (operator, source, open or not) in a period: for all time one walk of
    the covering index ``(operator_id, is_active, source_id)`` in GROUP BY order
    (migrations 0010, 0012), for a period a range of ``(operator_id, created_at)`` per operator.
    Grouping by ``is_active`` too costs less than summing an expression per contact."""
    return (
        Contact.select(
            Contact.operator, Contact.source, Contact.is_active, pw.fn.COUNT(pw.SQL("*"))
        )
        .where(period_condition(since, until))
        .group_by(Contact.operator, Contact.source, Contact.is_active)
    )


class StatsService:
    def __init__(self, storage: Storage, sources: SourceService) -> None:
        self._storage = storage
        self._sources = sources

    def shares(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> list[SourceShares]:
        """Configured weight shares against delivered shares, per source, for a period."""
        return self.overview(since, until)[1]

    def overview(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> tuple[Statistics, list[SourceShares]]:
        """The counts and the shares from one snapshot, counting the contacts once."""
        with self._storage.read():
            statistics = self.operators(since, until)
            return statistics, shares(statistics, self._sources.list())

    def operators(
        self, since: dt.datetime | None = None, until: dt.datetime | None = None
    ) -> Statistics:
        with self._storage.read():
            sources = {s.id: source_ref(s) for s in Source.select().order_by(Source.name)}
            operators = list(Operator.select().order_by(Operator.name))
            loads = loads_of()
            counted: dict[tuple[int | None, int], list[int]] = {}
            for operator_id, source_id, is_active, count in tuples(counts_query(since, until)):
                total_active = counted.setdefault((operator_id, source_id), [0, 0])
                total_active[0] += count
                if is_active:
                    total_active[1] += count
            per_operator: dict[int | None, list[SourceCount]] = defaultdict(list)
            for (operator_id, source_id), (total, active) in counted.items():
                per_operator[operator_id].append(SourceCount(sources[source_id], total, active))
        order = {source_id: index for index, source_id in enumerate(sources)}

        def ordered(counts: list[SourceCount]) -> tuple[SourceCount, ...]:
            return tuple(sorted(counts, key=lambda c: order[c.source.id]))

        rows = tuple(
            OperatorStats(
                operator_ref(op),
                op.active,
                loads.get(op.id, 0),
                op.max_load,
                sum(c.total for c in per_operator[op.id]),
                ordered(per_operator[op.id]),
            )
            for op in operators
        )
        return Statistics(since, until, rows, ordered(per_operator[None]), tuple(sources.values()))
