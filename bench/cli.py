"""What a bot pays (issue 13): one ``desktop-crm --json contact add`` process per message
against a Python process that inserts one lead and contact with plain ``sqlite3``, and
the ``contact add --jsonl`` pipe's throughput against one process per message.

``python -m bench --only cli`` runs it; ``python -m bench.cli floor DB EXTERNAL_ID`` is the
floor's process. This module imports only the standard library at its top, so the floor's
process starts as lean as a bot's own script would."""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OPERATORS = 5
SOURCE_CODE = "tg"


def make_database(folder: Path, name: str = "cli.sqlite3") -> Path:
    """A database with five operators (room for a million) on one source ``tg``."""
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    path = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    crm = open_crm(DatabaseLocation(path))
    try:
        for i in range(OPERATORS):
            crm.operators.create(f"Оператор {i}", max_load=1_000_000)
        crm.sources.create("Telegram", code=SOURCE_CODE)
        crm.sources.set_weights(SOURCE_CODE, {f"Оператор {i}": i + 1 for i in range(OPERATORS)})
    finally:
        crm.close()
    return path


def cli_command() -> list[str]:
    """The console script bots call, else the module (as the tests find it)."""
    import shutil

    script = shutil.which("desktop-crm", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, str(ROOT / "main.py")]


def _environment() -> dict[str, str]:
    """As on a user's machine: Python keeps its compiled bytecode (a development shell's
    PYTHONDONTWRITEBYTECODE would make every process compile every module again)."""
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _timed_cpu(command: list[str], stdin: bytes | None = None) -> tuple[float, bytes, float]:
    """Wall seconds, stdout and the process's CPU seconds (user + system; 0 where the
    platform cannot say). On a shared machine the CPU time moves far less with the load."""
    import subprocess

    before = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        command, input=stdin, cwd=ROOT, env=_environment(), capture_output=True, check=False
    )
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - before
    if result.returncode != 0:
        raise RuntimeError(f"{command[:3]}... exited {result.returncode}: {result.stderr[-500:]!r}")
    return seconds, result.stdout, cpu


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def floor_insert(db: Path, external_id: str) -> None:
    """The floor: one lead (found or created) and one contact given to a weighted pick
    of the source's operators, in one IMMEDIATE transaction, with ``sqlite3``."""
    connection = _floor_connection(db)
    _floor_transaction(connection, external_id)
    connection.close()


def floor_pipe(db: Path, messages: int) -> None:
    """The pipe's floor: ``floor_insert``'s transaction ``messages`` times in one process
    (one transaction per contact, as the pipe), reading nothing from stdin."""
    connection = _floor_connection(db)
    for i in range(messages):
        _floor_transaction(connection, f"bot-{i}")
    connection.close()


def _floor_connection(db: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db, isolation_level=None, timeout=5)
    connection.execute("PRAGMA foreign_keys = 1")
    connection.execute("PRAGMA synchronous = normal")
    return connection


def _floor_transaction(connection: sqlite3.Connection, external_id: str) -> None:
    import random

    connection.execute("BEGIN IMMEDIATE")
    source_id = connection.execute("SELECT id FROM source WHERE code = ?", (SOURCE_CODE,))
    source = source_id.fetchone()[0]
    configs = connection.execute(
        "SELECT c.operator_id, c.weight FROM source_operator_config c "
        "JOIN operator o ON o.id = c.operator_id "
        "WHERE c.source_id = ? AND c.weight > 0 AND o.active AND o.max_load > "
        "(SELECT count(*) FROM contact WHERE operator_id = o.id AND is_active) ORDER BY c.id",
        (source,),
    ).fetchall()
    operator = None
    if configs:
        r, running = random.randint(1, sum(w for _, w in configs)), 0
        for operator_id, weight in configs:
            running += weight
            if running >= r:
                operator = operator_id
                break
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    row = connection.execute("SELECT id FROM lead WHERE external_id = ?", (external_id,))
    found = row.fetchone()
    if found is None:
        lead = connection.execute(
            "INSERT INTO lead (external_id, name, name_folded, created_at) VALUES (?, '', '', ?)",
            (external_id, now),
        ).lastrowid
    else:
        lead = found[0]
    connection.execute(
        "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message) "
        "VALUES (?, ?, ?, ?, 1, '')",
        (lead, source, operator, now),
    )
    connection.execute("COMMIT")


def bench_contact_add(folder: Path, repeat: int = 10) -> dict[str, object]:
    """Whole processes, interleaved, median of ``repeat`` each."""
    import statistics

    ours_db = make_database(folder, "cli-ours.sqlite3")
    floor_db = make_database(folder, "cli-floor.sqlite3")
    ours_cmd = [*cli_command(), "--db", str(ours_db), "--json", "contact", "add"]
    floor_cmd = [sys.executable, "-m", "bench.cli", "floor", str(floor_db)]
    _timed_cpu([*floor_cmd, "warm-up@example.com"])  # bytecode written, files in the page cache
    _timed_cpu([*ours_cmd, "--lead", "warm-up@example.com", "--source", SOURCE_CODE])
    ours, floor, ours_cpu, floor_cpu = [], [], [], []
    for i in range(repeat):
        lead = f"user-{i}@example.com"
        seconds, _, cpu = _timed_cpu([*floor_cmd, lead])
        floor.append(seconds)
        floor_cpu.append(cpu)
        seconds, _, cpu = _timed_cpu([*ours_cmd, "--lead", lead, "--source", SOURCE_CODE])
        ours.append(seconds)
        ours_cpu.append(cpu)
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    cpu_s, floor_cpu_s = statistics.median(ours_cpu), statistics.median(floor_cpu)
    return {
        "value": round(ours_s * 1000, 1),
        "floor": round(floor_s * 1000, 1),
        "ratio": round(ours_s / floor_s, 2),
        "unit": "ms per process (median)",
        "goal": "<= 3.0",
        "runs": repeat,
        # The same processes' CPU time (user + system), the figure a loaded machine moves least.
        "cpu_ms": round(cpu_s * 1000, 1),
        "floor_cpu_ms": round(floor_cpu_s * 1000, 1),
        "cpu_ratio": round(cpu_s / floor_cpu_s, 2) if floor_cpu_s else None,
    }


def bench_pipe(folder: Path, messages: int = 5000, per_process_s: float | None = None) -> dict:
    """``contact add --jsonl`` fed ``messages`` requests (one transaction each), the whole
    process timed; against one process per message (``per_process_s``: the median of
    ``bench_contact_add``, measured here when not given) and against plain ``sqlite3``
    doing the same transactions in one process (``floor_pipe``: the rate a bot's own
    script could reach without the app, no decision trace)."""
    import json

    db = make_database(folder, "cli-pipe.sqlite3")
    lines = b"".join(
        json.dumps({"lead": f"bot-{i}", "source": SOURCE_CODE, "message": "Привет"}).encode()
        + b"\n"
        for i in range(messages)
    )
    seconds, out, cpu = _timed_cpu(
        [*cli_command(), "--db", str(db), "contact", "add", "--jsonl"], lines
    )
    answered = out.count(b"\n")
    if answered != messages or b'"error"' in out:
        raise RuntimeError(f"the pipe answered {answered} of {messages} requests with errors")
    floor_db = make_database(folder, "cli-pipe-floor.sqlite3")
    floor_s, _, floor_cpu = _timed_cpu(
        [sys.executable, "-m", "bench.cli", "floor-pipe", str(floor_db), str(messages)]
    )
    if per_process_s is None:
        per_process_s = float(bench_contact_add(folder, 3)["value"]) / 1000  # type: ignore[arg-type]
    rate = messages / seconds
    per_process_rate = 1 / per_process_s
    floor_rate = messages / floor_s
    return {
        "value": round(rate),
        "floor": round(per_process_rate, 1),
        "ratio": round(rate / per_process_rate, 1),
        "unit": "contacts/s (the floor: one process per message)",
        "goal": ">= 2000/s and >= 10x",
        "messages": messages,
        "seconds": round(seconds, 3),
        "sqlite3_floor": round(floor_rate),
        "sqlite3_ratio": round(floor_rate / rate, 2),
        # Per CPU second of the process (user + system): what the rate would be on an
        # idle core, and the same ratio to the plain-sqlite3 floor.
        "cpu_rate": round(messages / cpu) if cpu else None,
        "sqlite3_cpu_rate": round(messages / floor_cpu) if floor_cpu else None,
        "sqlite3_cpu_ratio": round(cpu / floor_cpu, 2) if floor_cpu else None,
    }


def bench_cli(folder: Path, repeat: int = 10, messages: int = 5000) -> dict[str, object]:
    """Both figures, each with the machine's load average (1 min) when it was taken: the
    machine may be shared, and the ratios are the figures to compare."""
    import os

    contact_add = bench_contact_add(folder, repeat) | {"load": round(os.getloadavg()[0], 1)}
    per_process_s = float(contact_add["value"]) / 1000  # type: ignore[arg-type]
    pipe = bench_pipe(folder, messages, per_process_s)
    return {
        "cli_contact_add": contact_add,
        "cli_pipe": pipe | {"load": round(os.getloadavg()[0], 1)},
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["floor"]:
        floor_insert(Path(sys.argv[2]), sys.argv[3])
    elif sys.argv[1:2] == ["floor-pipe"]:
        floor_pipe(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        import json

        print(json.dumps(bench_cli(Path(sys.argv[1])), ensure_ascii=False, indent=2))
