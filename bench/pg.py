"""``make bench``, the PostgreSQL side: the same work done by the program and by plain
psycopg (the floor) on one throwaway local server (the tests' starter), in the same run.

- import: ``desktop-crm --db postgresql://... import`` of the 100,000-row file vs csv +
  dict + the same lottery + ``COPY`` into the same schema;
- 8 concurrent registering clients: 8 processes, each registering its own contacts one
  transaction at a time (``crm.contacts.register``, as a bot's call does without the
  process start) vs the same transaction in plain psycopg (row locks on the source's
  operators, their loads counted, the lottery, the lead upserted, the contact inserted).

Each side runs in its own process on its own copy of a template database; best of
``repeat`` runs; ratios are reported, never asserted.

``python -m bench.pg SIDE URL [CSV]`` runs one side (used by ``bench_postgresql``).
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
import json
import multiprocessing
import random
import subprocess
import sys
import time
from pathlib import Path

from bench.datagen import OPERATORS, SOURCES
from bench.floor import _normalise, pick_operator

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 8
_numbers = itertools.count(1)


# -- the floor: plain psycopg -------------------------------------------------------------
def import_floor(url: str, csv_path: Path, seed: int = 1) -> int:
    """``bench.floor.import_floor`` with psycopg and COPY."""
    import psycopg

    rng = random.Random(seed)
    with psycopg.connect(url) as connection:
        cursor = connection.cursor()
        sources = dict((code, sid) for sid, code in cursor.execute("SELECT id, code FROM source"))
        configs: dict[int, list[tuple[int, int, int]]] = {}
        for source_id, operator_id, weight, max_load in cursor.execute(
            "SELECT c.source_id, c.operator_id, c.weight, o.max_load "
            "FROM source_operator_config c JOIN operator o ON o.id = c.operator_id "
            "WHERE o.active AND c.weight > 0 ORDER BY c.id FOR UPDATE OF o"
        ):
            configs.setdefault(source_id, []).append((operator_id, weight, max_load))
        loads = dict(
            cursor.execute(  # type: ignore[arg-type]
                "SELECT operator_id, count(*) FROM contact WHERE is_active AND operator_id "
                "IS NOT NULL GROUP BY operator_id"
            ).fetchall()
        )
        leads = dict(cursor.execute("SELECT external_id, id FROM lead").fetchall())  # type: ignore[arg-type]
        new_leads = []
        contacts = []
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with csv_path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            for external_id, name, source, message in reader:
                key = _normalise(external_id)
                lead_id = leads.get(key)
                if lead_id is None:
                    new_leads.append((key, name, name.casefold(), now))
                    lead_id = leads[key] = -len(new_leads)  # its place; the id comes later
                source_id = sources[source]
                operator_id = pick_operator(configs.get(source_id, ()), loads, rng)
                contacts.append((lead_id, source_id, operator_id, now, True, message))
        ids = [
            row[0]
            for row in cursor.execute(
                "SELECT nextval(pg_get_serial_sequence('lead', 'id')) FROM generate_series(1, %s)",
                (len(new_leads),),
            ).fetchall()
        ]
        with cursor.copy(
            "COPY lead (id, external_id, name, name_folded, created_at) FROM STDIN"
        ) as copy:
            for lead_id, row in zip(ids, new_leads, strict=True):
                copy.write_row((lead_id, *row))
        with cursor.copy(
            "COPY contact (lead_id, source_id, operator_id, created_at, is_active, message) "
            "FROM STDIN"
        ) as copy:
            for lead_ref, *rest in contacts:
                copy.write_row((lead_ref if lead_ref > 0 else ids[-lead_ref - 1], *rest))
        connection.commit()
    return len(contacts)


def _register_floor(connection: object, rng: random.Random, external_id: str, code: str) -> None:
    """One contact, one transaction, as plain psycopg would do it."""
    cursor = connection.cursor()  # type: ignore[attr-defined]
    candidates = cursor.execute(
        "SELECT o.id, c.weight, o.max_load FROM source_operator_config c "
        "JOIN operator o ON o.id = c.operator_id JOIN source s ON s.id = c.source_id "
        "WHERE s.code = %s AND o.active AND c.weight > 0 ORDER BY o.id FOR UPDATE OF o",
        (code,),
    ).fetchall()
    source_id = cursor.execute("SELECT id FROM source WHERE code = %s", (code,)).fetchone()[0]
    loads = dict(
        cursor.execute(
            "SELECT operator_id, count(*) FROM contact WHERE is_active AND operator_id = ANY(%s) "
            "GROUP BY operator_id",
            ([c[0] for c in candidates],),
        ).fetchall()
    )
    operator_id = pick_operator(candidates, loads, rng)
    key = _normalise(external_id)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    lead_id = cursor.execute(
        "INSERT INTO lead (external_id, name, name_folded, created_at) VALUES (%s, '', '', %s) "
        "ON CONFLICT (external_id) DO UPDATE SET external_id = EXCLUDED.external_id RETURNING id",
        (key, now),
    ).fetchone()[0]
    cursor.execute(
        "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message) "
        "VALUES (%s, %s, %s, %s, true, '')",
        (lead_id, source_id, operator_id, now),
    )
    connection.commit()  # type: ignore[attr-defined]


def _client(side: str, url: str, client: int, count: int, barrier: object, out: object) -> None:
    rng = random.Random(client)
    codes = [code for _, code in SOURCES]
    ids = [f"+7950{client:02d}{i:05d}" for i in range(count)]
    errors = 0
    if side == "ours":
        from desktop_crm.db.location import DatabaseLocation
        from desktop_crm.errors import CrmError
        from desktop_crm.services import open_crm
        from desktop_crm.services.contacts import ContactRequest

        crm = open_crm(DatabaseLocation.postgresql(url))
        crm.operators.list()  # connected and warm, as a running bot is
        barrier.wait()  # type: ignore[attr-defined]
        started = time.time()
        for i, external_id in enumerate(ids):
            try:
                crm.contacts.register(ContactRequest(external_id, codes[i % len(codes)]))
            except CrmError:
                errors += 1
        ended = time.time()
        crm.close()
    else:
        import psycopg

        with psycopg.connect(url) as connection:
            barrier.wait()  # type: ignore[attr-defined]
            started = time.time()
            for i, external_id in enumerate(ids):
                try:
                    _register_floor(connection, rng, external_id, codes[i % len(codes)])
                except psycopg.Error:
                    connection.rollback()
                    errors += 1
            ended = time.time()
    out.put((started, ended, errors))  # type: ignore[attr-defined]


def concurrent_clients(side: str, url: str, per_client: int) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(CLIENTS)
    out = context.Queue()
    processes = [
        context.Process(target=_client, args=(side, url, n, per_client, barrier, out))
        for n in range(CLIENTS)
    ]
    for process in processes:
        process.start()
    reports = [out.get(timeout=1800) for _ in processes]
    for process in processes:
        process.join()
    seconds = max(r[1] for r in reports) - min(r[0] for r in reports)
    return {"seconds": seconds, "errors": sum(r[2] for r in reports)}


# -- the driver ---------------------------------------------------------------------------
def _side(*args: object) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.pg", *map(str, args)],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _template(server: object, max_load: int) -> str:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    name = f"bench_template_{next(_numbers)}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE crm_template")  # type: ignore[attr-defined]
    crm = open_crm(DatabaseLocation.postgresql(server.url(name)))  # type: ignore[attr-defined]
    operators = [
        crm.operators.create(f"Оператор {i}", max_load=max_load).id for i in range(OPERATORS)
    ]
    for source_name, code in SOURCES:
        crm.sources.create(source_name, code=code)
        crm.sources.set_weights(code, {op: i + 1 for i, op in enumerate(operators)})
    crm.close()
    return name


def _fresh(server: object, template: str) -> str:
    name = f"bench_{next(_numbers)}"
    server.execute(f"CREATE DATABASE {name} TEMPLATE {template}")  # type: ignore[attr-defined]
    return server.url(name)  # type: ignore[attr-defined,no-any-return]


def _best(ours: list[dict[str, float]], floor: list[dict[str, float]]) -> dict[str, object]:
    best_ours = min(r["seconds"] for r in ours)
    best_floor = min(r["seconds"] for r in floor)
    return {
        "ours_s": round(best_ours, 3),
        "floor_s": round(best_floor, 3),
        "ratio": round(best_ours / best_floor, 2),
    }


def bench_postgresql(csv_path: Path, rows: int, repeat: int, per_client: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from tests.pg_server import throwaway_server

    results: dict[str, object] = {}
    with throwaway_server() as server:
        template = _template(server, max_load=rows // 20)
        ours, floor = [], []
        for _ in range(repeat):  # interleaved, so both sides see the same machine weather
            floor.append(_side("import-floor", _fresh(server, template), csv_path))
            ours.append(_side("import-ours", _fresh(server, template), csv_path))
        results["import"] = {"rows": rows, **_best(ours, floor)}
        template = _template(server, max_load=CLIENTS * per_client)
        ours, floor = [], []
        for _ in range(repeat):
            floor.append(_side("clients-floor", _fresh(server, template), per_client))
            ours.append(_side("clients-ours", _fresh(server, template), per_client))
        results["clients"] = {
            "clients": CLIENTS,
            "contacts_each": per_client,
            **_best(ours, floor),
            "ours_errors": max(r["errors"] for r in ours),
            "floor_errors": max(r["errors"] for r in floor),
        }
    return results


def main(argv: list[str]) -> None:
    side, url, *rest = argv
    started = time.perf_counter()
    report: dict[str, float] = {}
    if side == "import-ours":
        from desktop_crm.app import main as app_main

        code = app_main(["--db", url, "import", rest[0]])
        assert code == 0, code
    elif side == "import-floor":
        import_floor(url, Path(rest[0]))
    elif side in ("clients-ours", "clients-floor"):
        report = concurrent_clients(side.split("-")[1], url, int(rest[0]))
    else:
        raise SystemExit(f"unknown side {side!r}")
    report.setdefault("seconds", time.perf_counter() - started)
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
