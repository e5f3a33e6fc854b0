"""``make stress``: the invariants under concurrent writers and under SIGKILL.

Two experiments, each checked afterwards with plain ``sqlite3`` (not through the
code under test):

- **concurrency**: ``--writers`` processes register contacts through the CLI
  (``desktop-crm --json contact add --key ...``, as a bot does), while one
  process imports a file, one closes contacts and drains the queue, and one
  raises and lowers limits. Afterwards: no operator over ``max_load`` (also
  sampled while they run), every key and every imported row stored exactly
  once, every exit code one the README documents.
- **kill trials**: an import, a queue drain and a migration are killed with
  SIGKILL at a random moment and run again; afterwards every row is stored
  exactly once, no limit is broken and the schema is complete.

The figures go to ``bench/out/stress.json``; ``docs/RELIABILITY.md`` quotes the
last run. ``tests/test_stress_tool.py`` runs it on a tiny size so it cannot rot.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
LIMITS = {"Анна": 9, "Борис": 14, "Вера": 21, "Глеб": 0}
# Exit codes the README documents for a command that may meet a busy database.
DOCUMENTED = {0, 3, 4}


def cli(db: Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


def popen(db: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--db", str(db), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def prepare(db: Path) -> None:
    """Operators, two sources with weights, automatic re-distribution on."""
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    crm = open_crm(DatabaseLocation(db))
    for name, limit in LIMITS.items():
        crm.operators.create(name, max_load=limit)
    for name, code in (("Сайт", "site"), ("Telegram-бот", "tg")):
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {n: i + 1 for i, n in enumerate(LIMITS)})
    crm.close()


def check(result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 0:
        raise SystemExit(f"set-up failed ({result.returncode}): {result.stderr.strip()}")


def write_import_file(path: Path, rows: int, tag: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["phone", "name", "source", "message"])
        for n in range(rows):
            writer.writerow([f"+7901{n:07d}", f"Клиент {n}", "site", f"{tag}-{n}"])
    return path


def over_limit(db: Path) -> list[tuple[str, int, int]]:
    """Operators holding more active contacts than their limit, read in one snapshot."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute(
            "SELECT o.name, COUNT(c.id), o.max_load FROM operator o "
            "JOIN contact c ON c.operator_id = o.id AND c.is_active "
            "GROUP BY o.id HAVING COUNT(c.id) > o.max_load"
        ).fetchall()


def message_counts(db: Path, prefix: str) -> Counter[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
        rows = connection.execute(
            "SELECT message FROM contact WHERE message LIKE ? || '%'", (prefix,)
        ).fetchall()
    return Counter(message for (message,) in rows)


# --- concurrency -------------------------------------------------------------------


@dataclass
class ConcurrencyReport:
    writers: int
    contacts_per_writer: int
    import_rows: int
    seconds: float = 0.0
    exit_codes: dict[str, int] = field(default_factory=dict)
    undocumented_exits: int = 0
    limit_violations_seen: int = 0
    snapshots: int = 0
    keys_missing: int = 0
    keys_doubled: int = 0
    import_missing: int = 0
    import_doubled: int = 0


def _writer(db: Path, worker: int, count: int, codes: Counter[int], lock: threading.Lock) -> None:
    rng = random.Random(worker)
    for i in range(count):
        while True:  # a bot retries a busy database with the same key
            result = cli(
                db,
                "--json",
                "contact",
                "add",
                "--lead",
                f"+7902{worker:03d}{rng.randrange(10_000):04d}",
                "--source",
                rng.choice(("site", "tg")),
                "--message",
                f"w{worker}-{i}",
                "--key",
                f"w{worker}-{i}",
            )
            with lock:
                codes[result.returncode] += 1
            if result.returncode != 3:
                break


def _closer(db: Path, stop: threading.Event, codes: Counter[int], lock: threading.Lock) -> None:
    rng = random.Random(99)
    while not stop.is_set():
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30) as connection:
            ids = [r[0] for r in connection.execute("SELECT id FROM contact WHERE is_active")]
        for command in (
            ("contact", "close", str(rng.choice(ids))) if ids else None,
            ("queue", "distribute"),
        ):
            if command:
                result = cli(db, *command)
                with lock:
                    codes[result.returncode] += 1


def _limits(db: Path, stop: threading.Event, codes: Counter[int], lock: threading.Lock) -> None:
    rng = random.Random(7)
    while not stop.is_set():
        name = rng.choice([n for n, v in LIMITS.items() if v])
        result = cli(db, "operator", "set", name, "--max-load", str(rng.randrange(5, 30)))
        with lock:  # lowering below the current load is refused (exit 2): that is the rule
            codes[result.returncode if result.returncode != 2 else 0] += 1


def concurrency(folder: Path, writers: int, per_writer: int, import_rows: int) -> ConcurrencyReport:
    db = folder / "concurrency.sqlite3"
    prepare(db)
    file = write_import_file(folder / "concurrent.csv", import_rows, "imp")
    report = ConcurrencyReport(writers, per_writer, import_rows)
    codes: Counter[int] = Counter()
    lock = threading.Lock()
    stop = threading.Event()
    violations: list[object] = []

    def sample() -> None:
        while not stop.is_set():
            violations.extend(over_limit(db))
            report.snapshots += 1
            time.sleep(0.05)

    started = time.perf_counter()
    background = [
        threading.Thread(target=sample),
        threading.Thread(target=_closer, args=(db, stop, codes, lock)),
        threading.Thread(target=_limits, args=(db, stop, codes, lock)),
    ]
    for thread in background:
        thread.start()
    importer = popen(db, "import", str(file))
    threads = [
        threading.Thread(target=_writer, args=(db, n, per_writer, codes, lock))
        for n in range(writers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    while True:  # the import resumes until it is complete
        importer.wait()
        with lock:
            codes[importer.returncode] += 1
        if importer.returncode == 0:
            break
        importer = popen(db, "import", str(file))
    stop.set()
    for thread in background:
        thread.join()
    report.seconds = round(time.perf_counter() - started, 1)

    violations.extend(over_limit(db))
    report.limit_violations_seen = len(violations)
    report.exit_codes = {str(code): n for code, n in sorted(codes.items())}
    report.undocumented_exits = sum(n for code, n in codes.items() if code not in DOCUMENTED)
    keys = message_counts(db, "w")
    expected = {f"w{w}-{i}" for w in range(writers) for i in range(per_writer)}
    report.keys_missing = len(expected - set(keys))
    report.keys_doubled = sum(1 for n in keys.values() if n > 1)
    imported = message_counts(db, "imp-")
    report.import_missing = import_rows - len(imported)
    report.import_doubled = sum(1 for n in imported.values() if n > 1)
    return report


# --- kill trials -------------------------------------------------------------------


@dataclass
class KillReport:
    trials: int = 0
    killed_mid_run: int = 0  # trials whose process was still working when killed
    exactly_once: int = 0
    failures: list[str] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)


KILLED: list[bool] = []  # one entry per trial: was the process killed mid-run


def _kill_after(process: subprocess.Popen[str], seconds: float) -> None:
    """SIGKILL ``process`` after ``seconds`` unless it ended first."""
    try:
        process.wait(timeout=seconds)
        KILLED.append(False)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        KILLED.append(True)


def _until_done(db: Path, *args: str) -> None:
    for _ in range(20):
        result = cli(db, *args)
        if result.returncode == 0:
            return
    raise RuntimeError(f"{args} never finished: {result.returncode} {result.stderr.strip()}")


def _import_trial(template: Path, folder: Path, file: Path, rows: int, delay: float) -> str | None:
    db = folder / "kill-import.sqlite3"
    _copy(template, db)
    _kill_after(popen(db, "import", str(file)), delay)
    _until_done(db, "import", str(file))
    counts = message_counts(db, "kill-")
    if len(counts) != rows or any(n != 1 for n in counts.values()):
        return f"import: {len(counts)} of {rows} rows, {sum(counts.values())} contacts"
    violations = over_limit(db)
    return f"import: over the limit {violations}" if violations else None


def _drain_trial(template: Path, folder: Path, file: Path, rows: int, delay: float) -> str | None:
    db = folder / "kill-drain.sqlite3"
    _copy(template, db)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE operator SET max_load = 0")  # everything queues
    check(cli(db, "settings", "--auto-redistribute", "off"))
    _until_done(db, "import", str(file))
    for name in LIMITS:  # room for half of the queue
        check(cli(db, "operator", "set", name, "--max-load", str(rows // 8)))
    _kill_after(popen(db, "queue", "distribute"), delay)
    _until_done(db, "queue", "distribute")
    with sqlite3.connect(db) as connection:
        queued = connection.execute(
            "SELECT COUNT(*) FROM contact WHERE operator_id IS NULL AND is_active"
        ).fetchone()[0]
        assigned_twice = connection.execute(
            "SELECT COUNT(*) FROM (SELECT contact_id FROM decision WHERE operator_id IS NOT NULL "
            "AND kind = 'redistribution' GROUP BY contact_id HAVING COUNT(*) > 1)"
        ).fetchone()[0]
    capacity = len(LIMITS) * (rows // 8)
    if queued != max(0, rows - capacity) or assigned_twice:
        return f"drain: {queued} still queued, {assigned_twice} assigned twice"
    violations = over_limit(db)
    return f"drain: over the limit {violations}" if violations else None


def _migration_trial(
    template: Path, folder: Path, file: Path, rows: int, delay: float
) -> str | None:
    """A file as the first migration left it, with ``rows`` contacts, so that the
    table rebuilds of the later migrations take long enough to be killed in."""
    import peewee as pw
    from playhouse.migrations import Runner

    from desktop_crm.db.guard import APPLICATION_ID
    from desktop_crm.db.storage import MIGRATIONS_DIR, known_migrations

    db = folder / "kill-migration.sqlite3"
    _copy(None, db)
    database = pw.SqliteDatabase(str(db))
    Runner(database, directory=str(MIGRATIONS_DIR)).up(known_migrations()[0])
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql("PRAGMA user_version = 1")
    database.execute_sql("INSERT INTO operator (name, active, max_load) VALUES ('Анна', 1, 5)")
    database.execute_sql("INSERT INTO source (name, code) VALUES ('Сайт', 'site')")
    with database.atomic():
        cursor = database.cursor()
        cursor.executemany(
            "INSERT INTO lead (external_id, name, created_at) VALUES (?, '', '2026-01-01')",
            [(f"+7903{n:07d}",) for n in range(rows)],
        )
        cursor.executemany(
            "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message)"
            " VALUES (?, 1, NULL, '2026-01-01', 1, ?)",
            [(n + 1, f"kill-{n}") for n in range(rows)],
        )
    database.close()
    _kill_after(popen(db, "operator", "list"), delay / 4)
    result = cli(db, "--json", "operator", "list")
    with sqlite3.connect(db) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    if result.returncode != 0 or version != len(known_migrations()):
        return f"migration: exit {result.returncode}, version {version}"
    if [o["name"] for o in json.loads(result.stdout)] != ["Анна"]:
        return f"migration: operators {result.stdout.strip()}"
    counts = message_counts(db, "kill-")
    if len(counts) != rows or any(n != 1 for n in counts.values()):
        return f"migration: {len(counts)} of {rows} contacts after the upgrade"
    return None


def _copy(template: Path | None, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    if template is not None:
        target.write_bytes(template.read_bytes())


def kill_trials(folder: Path, trials: int, rows: int) -> KillReport:
    template = folder / "kill-template.sqlite3"
    prepare(template)
    file = write_import_file(folder / "kill.csv", rows, "kill")
    kinds = (("import", _import_trial), ("drain", _drain_trial), ("migration", _migration_trial))
    rng = random.Random(21)
    report = KillReport()
    for trial in range(trials):
        kind, run = kinds[trial % len(kinds)]
        failure = run(template, folder, file, rows, rng.uniform(0.3, 2.5))
        report.trials += 1
        report.by_kind[kind] = report.by_kind.get(kind, 0) + 1
        report.killed_mid_run += KILLED[-1]
        if failure:
            report.failures.append(failure)
        else:
            report.exactly_once += 1
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.stress", description=__doc__)
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--per-writer", type=int, default=40)
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--kill-trials", type=int, default=21)
    parser.add_argument("--kill-rows", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=OUT / "stress.json")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = {
            "date": time.strftime("%Y-%m-%d"),
            "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
            "concurrency": asdict(
                concurrency(folder, args.writers, args.per_writer, args.import_rows)
            ),
            "kills": asdict(kill_trials(folder, args.kill_trials, args.kill_rows)),
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    c, k = report["concurrency"], report["kills"]
    broken = (
        c["limit_violations_seen"]
        + c["keys_missing"]
        + c["keys_doubled"]
        + c["import_missing"]
        + c["import_doubled"]
        + c["undocumented_exits"]
        + len(k["failures"])
    )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
