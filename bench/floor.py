"""The plain-sqlite3 floor for an import: what the same rows cost with no framework.

csv module, a minimal id normalisation, lead lookup in a dict, loads kept in
memory, one transaction, executemany; into a database with the app's own
schema and indexes, so both sides do the same storage work.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sqlite3
from collections.abc import Sequence
from pathlib import Path


def _normalise(raw: str) -> str:
    value = raw.strip()
    if "@" in value:
        return value.lower()
    digits = "".join(ch for ch in value if ch.isdigit())
    if value.startswith("+") or (len(digits) == 11 and digits[0] in "78" and not value.isdigit()):
        return "+7" + digits[1:]
    if value.isdigit() and len(value) == 11 and value[0] in "78":
        return "+7" + digits[1:]
    return value


def pick_operator(
    configs: Sequence[tuple[int, int, int]], loads: dict[int, int], rng: random.Random
) -> int | None:
    """The floor's distribution: a weighted draw among (operator, weight, max_load) below
    their limit; the winner's load counted. None when nobody has room."""
    pool = [c for c in configs if loads.get(c[0], 0) < c[2]]
    if not pool:
        return None
    r = rng.randint(1, sum(c[1] for c in pool))
    running = 0
    for operator_id, weight, _limit in pool:
        running += weight
        if running >= r:
            loads[operator_id] = loads.get(operator_id, 0) + 1
            return operator_id
    return None


def import_floor(db_path: Path, csv_path: Path, seed: int = 1) -> int:
    """Import ``csv_path`` into ``db_path`` (already migrated, operators and sources set)."""
    rng = random.Random(seed)
    connection = sqlite3.connect(db_path, isolation_level=None)
    cursor = connection.cursor()
    cursor.execute("BEGIN IMMEDIATE")
    sources = {code: sid for sid, code in cursor.execute("SELECT id, code FROM source")}
    configs: dict[int, list[tuple[int, int, int]]] = {}
    for source_id, operator_id, weight, max_load in cursor.execute(
        "SELECT c.source_id, c.operator_id, c.weight, o.max_load FROM source_operator_config c "
        "JOIN operator o ON o.id = c.operator_id WHERE o.active AND c.weight > 0 ORDER BY c.id"
    ):
        configs.setdefault(source_id, []).append((operator_id, weight, max_load))
    loads = dict(
        cursor.execute(
            "SELECT operator_id, count(*) FROM contact WHERE is_active AND operator_id "
            "IS NOT NULL GROUP BY operator_id"
        )
    )
    leads = dict(cursor.execute("SELECT external_id, id FROM lead"))
    next_lead = (cursor.execute("SELECT max(id) FROM lead").fetchone()[0] or 0) + 1
    new_leads = []
    contacts = []
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        for external_id, name, source, message, *_tags in reader:  # the floor has no rules
            key = _normalise(external_id)
            lead_id = leads.get(key)
            if lead_id is None:
                lead_id = leads[key] = next_lead
                next_lead += 1
                new_leads.append((lead_id, key, name, name.casefold(), now))
            source_id = sources[source]
            operator_id = pick_operator(configs.get(source_id, ()), loads, rng)
            contacts.append((lead_id, source_id, operator_id, now, 1, message))
    cursor.executemany(
        "INSERT INTO lead (id, external_id, name, name_folded, created_at) VALUES (?, ?, ?, ?, ?)",
        new_leads,
    )
    cursor.executemany(
        "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        contacts,
    )
    cursor.execute("COMMIT")
    connection.close()
    return len(contacts)
