"""An operator's load: the number of its active contacts, counted over an index."""

from __future__ import annotations

from collections.abc import Iterable

import peewee as pw

from desktop_crm.db.models import Contact, tuples
from desktop_crm.db.statements import in_list, run, statements


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
