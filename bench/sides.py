"""One side of a benchmark, run in its own process so its peak memory is its own.

``python -m bench.sides import-ours DB CSV`` / ``import-floor DB CSV`` /
``queue-ours DB`` / ``queue-floor DB`` print {"seconds": ..., "max_rss_mb": ...}.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
import time
from pathlib import Path

from bench.memory import peak_rss_mb


def _import_ours(db: Path, csv_path: Path) -> None:
    """The whole import as a user runs it: ``desktop-crm --db DB import FILE``."""
    from desktop_crm.app import main

    code = main(["--db", str(db), "import", str(csv_path)])
    assert code == 0, code


def _import_floor(db: Path, csv_path: Path) -> None:
    from bench.floor import import_floor

    import_floor(db, csv_path)


def _queue_ours(db: Path) -> None:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm
    from desktop_crm.services.contact_views import contact_key
    from desktop_crm.services.dto.filters import ContactFilter, ContactState

    crm = open_crm(DatabaseLocation(db))
    for state in (ContactState.ALL, ContactState.UNASSIGNED, ContactState.ACTIVE):
        page = crm.contacts.page(ContactFilter(state=state), limit=200)
        for _ in range(20):  # scroll 20 pages deep
            page = crm.contacts.page(ContactFilter(state=state), after=contact_key(page[-1]))
    crm.close()


def _queue_floor(db: Path) -> None:
    connection = sqlite3.connect(db)
    conditions = ("1 = 1", "operator_id IS NULL AND is_active", "is_active")
    sql = (
        "SELECT c.*, l.external_id, l.name, s.name, s.code, o.name FROM contact c "
        "JOIN lead l ON l.id = c.lead_id JOIN source s ON s.id = c.source_id "
        "LEFT JOIN operator o ON o.id = c.operator_id WHERE {cond} "
        "ORDER BY c.created_at DESC, c.id DESC LIMIT 200"
    )
    for condition in conditions:
        rows = connection.execute(sql.format(cond=condition)).fetchall()
        after = sql.format(cond=f"{condition} AND (c.created_at, c.id) < (?, ?)")
        for _ in range(20):
            rows = connection.execute(after, (rows[-1][4], rows[-1][0])).fetchall()
    connection.close()


SIDES = {
    "import-ours": _import_ours,
    "import-floor": _import_floor,
    "queue-ours": _queue_ours,
    "queue-floor": _queue_floor,
}


def main(argv: list[str]) -> None:
    side, *paths = argv
    if side == "queue-ours":  # a window has these loaded: time the queries, not start-up
        import desktop_crm.services
        import desktop_crm.services.contact_views  # noqa: F401
    started = time.perf_counter()
    SIDES[side](*(Path(p) for p in paths))
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)  # the whole process, start-up too
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"seconds": seconds, "cpu_s": cpu, "max_rss_mb": peak_rss_mb()}))


if __name__ == "__main__":
    main(sys.argv[1:])
