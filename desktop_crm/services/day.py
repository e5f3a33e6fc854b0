"""The dispatcher's day as the eligibility rule reads it: each operator's presence now
(hours and absences, ``domain.schedule``) and its count of contacts assigned today
(the local calendar day of the configured zone, ``services.settings.zone``).

The one place that reads these facts from the database, for the Intake (every path
that decides) and for ``OperatorService`` (what the screens and the CLI show).
Inside the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache
from zoneinfo import ZoneInfo

import peewee as pw

from desktop_crm.db.models import Decision, OperatorAbsence, tuples
from desktop_crm.db.statements import in_list, run, statements
from desktop_crm.domain.schedule import Absence, Hours, Presence, day_bounds, parse_hours, presence
from desktop_crm.services.common import aware_utc


@lru_cache(maxsize=256)
def hours_of(text: str) -> Hours:
    """Stored hours (canonical text) as shifts; parsed once per text per process."""
    return parse_hours([text]) if text else ()


def naive(instant: dt.datetime) -> dt.datetime:
    """An aware instant as the timestamp columns store it (naive UTC)."""
    return instant.astimezone(dt.UTC).replace(tzinfo=None)


def absences_of(
    operator_ids: Iterable[int] | None, now: dt.datetime
) -> dict[int, list[tuple[int, Absence]]]:
    """The absences not over at ``now`` (in force or ahead) per operator: (id, absence),
    by start. ``None``: of every operator."""
    query = OperatorAbsence.select(
        OperatorAbsence.operator,
        OperatorAbsence.id,
        OperatorAbsence.starts_at,
        OperatorAbsence.ends_at,
    ).where(OperatorAbsence.ends_at.is_null() | (OperatorAbsence.ends_at > naive(now)))
    if operator_ids is not None:
        ids = sorted(set(operator_ids))
        if not ids:
            return {}
        query = query.where(OperatorAbsence.operator.in_(ids))
    found: dict[int, list[tuple[int, Absence]]] = {}
    for operator_id, absence_id, starts_at, ends_at in tuples(
        query.order_by(OperatorAbsence.starts_at, OperatorAbsence.id)
    ):
        found.setdefault(int(operator_id), []).append(
            (
                int(absence_id),
                Absence(aware_utc(starts_at), None if ends_at is None else aware_utc(ends_at)),
            )
        )
    return found


def today_counts(
    operator_ids: Iterable[int] | None, now: dt.datetime, zone: ZoneInfo
) -> dict[int, int]:
    """Contacts assigned to each operator during ``now``'s local day: its decisions that
    gave it a contact (closing or moving one away gives nothing back). Operators with
    none are absent. Over the index decision_operator_created."""
    start, end = day_bounds(now, zone)
    if operator_ids is not None:  # a registration's hot read: a compiled statement
        ids = sorted(set(operator_ids))
        if not ids:
            return {}
        sql = statements()
        text = sql.today_counts + in_list(len(ids)) + sql.group_by_operator
        rows = run(text, [naive(start), naive(end), *ids]).fetchall()
        return {int(op): int(n) for op, n in rows}
    query = Decision.select(Decision.operator, pw.fn.COUNT(Decision.id)).where(
        Decision.operator.is_null(False)
        & (Decision.created_at >= naive(start))
        & (Decision.created_at < naive(end))
    )
    return {int(op): int(n) for op, n in tuples(query.group_by(Decision.operator))}


def today_counts_kept(
    operator_ids: Iterable[int],
    now: dt.datetime,
    zone: ZoneInfo,
    kept: dict[int, int],
    kept_day: tuple[dt.datetime, dt.datetime] | None,
) -> tuple[dict[int, int], tuple[dt.datetime, dt.datetime]]:
    """``today_counts`` of every one of these operators (0 for none), taking them from
    ``kept`` (exact counts of the local day ``kept_day``, ``services.loads.Carried``)
    while ``now`` is still in that day; and the day they are of."""
    day = day_bounds(now, zone)
    known = kept if kept_day == day else {}
    ids = list(operator_ids)
    missing = [op for op in ids if op not in known]
    counted = today_counts(missing, now, zone) if missing else {}
    return {op: known[op] if op in known else counted.get(op, 0) for op in ids}, day


def presence_now(
    hours: str, absences: Iterable[Absence], now: dt.datetime, zone: ZoneInfo
) -> Presence:
    """An operator's presence at ``now`` from its stored hours and its absences."""
    return presence(now, hours_of(hours), absences, zone)
