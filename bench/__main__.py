"""``make bench``: speed and memory as ratios against a plain-sqlite3 floor measured
in the same run (these machines are noisy: best of several runs, never asserted)."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.cli import _environment
from bench.datagen import OPERATORS, SOURCES, generate
from desktop_crm.services.operators import KEEP
from desktop_crm.ui.application import GUI_SWITCH_INTERVAL

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def _side(*args: object) -> dict[str, float]:
    """One side in its own process, with its compiled bytecode kept as on a user's machine
    (``bench.cli._environment``: a shell's PYTHONDONTWRITEBYTECODE would make each side
    compile every module it imports again, about 0.2 s of the import's CPU time)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.sides", *map(str, args)],
        cwd=ROOT,
        env=_environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _day_rules(crm: Any, operators: list[int], rows: int) -> None:
    """The dispatcher's day on every operator (issue 12): shifts round the clock (read and
    checked for every decision, excluding nobody), a daily cap on every third, the skills
    of the file's tags (``bench.datagen.TAGS``) on some."""
    for i, operator in enumerate(operators):
        crm.operators.set_hours(operator, ["mon-sun 00:00-24:00"])
        crm.operators.update(
            operator,
            daily_cap=rows // 25 if i % 3 == 0 else KEEP,
            skills=["vip", "en"] if i % 4 == 0 else ["vip"] if i % 2 else None,
        )


def _template(folder: Path, max_load: int, day_rules: bool = False) -> Path:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    path = folder / "template.sqlite3"
    for suffix in ("", "-wal", "-shm"):  # each benchmark starts from its own template
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    crm = open_crm(DatabaseLocation(path))
    operators = [
        crm.operators.create(f"Оператор {i}", max_load=max_load).id for i in range(OPERATORS)
    ]
    for name, code in SOURCES:
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {op: i + 1 for i, op in enumerate(operators)})
    if day_rules:
        _day_rules(crm, operators, max_load * 20)
    crm.close()
    return path


def _fresh(template: Path, folder: Path, name: str) -> Path:
    target = folder / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def bench_import(
    folder: Path, rows: int, repeat: int, day_rules: bool = False
) -> dict[str, object]:
    """``day_rules``: shifts, daily caps and skills configured and a tags column (the
    floor reads the same file and ignores them)."""
    name = "contacts-rules.csv" if day_rules else "contacts.csv"
    csv_path = generate(folder / name, rows, tags=day_rules)
    template = _template(folder, max_load=rows // 20, day_rules=day_rules)
    ours, floor = [], []
    for _ in range(repeat):  # interleaved, so both sides see the same machine weather
        floor.append(_side("import-floor", _fresh(template, folder, "floor.sqlite3"), csv_path))
        ours.append(_side("import-ours", _fresh(template, folder, "ours.sqlite3"), csv_path))
    best_ours = min(r["seconds"] for r in ours)
    best_floor = min(r["seconds"] for r in floor)
    # CPU time (user + system) of each whole process: on a shared machine the wall clock
    # mostly measures the other jobs; the CPU time much less so.
    cpu_ours = min(r["cpu_s"] for r in ours)
    cpu_floor = min(r["cpu_s"] for r in floor)
    return {
        "rows": rows,
        "day_rules": day_rules,
        "ours_s": round(best_ours, 3),
        "floor_s": round(best_floor, 3),
        "ratio": round(best_ours / best_floor, 2),
        "ours_cpu_s": round(cpu_ours, 3),
        "floor_cpu_s": round(cpu_floor, 3),
        "cpu_ratio": round(cpu_ours / cpu_floor, 2),
        "goal": "<= 2.0",
        "ours_rss_mb": min(r["max_rss_mb"] for r in ours),
        "floor_rss_mb": min(r["max_rss_mb"] for r in floor),
    }


def _million(folder: Path, contacts: int) -> Path:
    """A database with ``contacts`` contacts, written directly (the setup, not the subject)."""
    path = _fresh(_template(folder, max_load=contacts), folder, "million.sqlite3")
    rng = random.Random(3)
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("BEGIN")
    leads = contacts // 3
    connection.executemany(
        "INSERT INTO lead (id, external_id, name, name_folded, created_at) VALUES (?, ?, ?, ?, ?)",
        (
            (i, f"+7900{i:07d}", f"Лид {i}", f"лид {i}", "2026-01-01 00:00:00")
            for i in range(1, leads + 1)
        ),
    )

    def rows():
        for i in range(1, contacts + 1):
            operator = None if rng.random() < 0.2 else rng.randint(1, OPERATORS)
            day = 1 + i * 300 // contacts
            stamp = f"2026-{1 + day // 29:02d}-{1 + day % 28:02d} {i % 24:02d}:{i % 60:02d}:00"
            active = 1 if rng.random() < 0.3 else 0
            yield (rng.randint(1, leads), rng.randint(1, len(SOURCES)), operator, stamp, active, "")

    connection.executemany(
        "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        rows(),
    )
    connection.execute("COMMIT")
    connection.execute("ANALYZE")
    connection.close()
    return path


def bench_queue(folder: Path, contacts: int, repeat: int) -> dict[str, object]:
    path = _million(folder, contacts)
    ours = [_side("queue-ours", path) for _ in range(repeat)]
    floor = [_side("queue-floor", path) for _ in range(repeat)]
    best_ours = min(r["seconds"] for r in ours)
    best_floor = min(r["seconds"] for r in floor)
    return {
        "contacts": contacts,
        "what": "63 keyset pages of 200 rows (3 filters x 21 pages deep)",
        "ours_s": round(best_ours, 3),
        "floor_s": round(best_floor, 3),
        "ratio": round(best_ours / best_floor, 2),
    }


def bench_gui_gap(folder: Path, rows: int) -> dict[str, object]:
    """The longest gap between event-loop ticks while the window imports the file."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.importing import open_table
    from desktop_crm.services import open_crm
    from desktop_crm.ui.bridge import DataBridge
    from desktop_crm.ui.context import UiContext
    from desktop_crm.ui.main_window import MainWindow
    from desktop_crm.ui.pages.registry import PAGE_CLASSES
    from desktop_crm.ui.preferences import Preferences
    from desktop_crm.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # as run_gui does
    csv_path = folder / "contacts.csv"
    if not csv_path.exists():
        generate(csv_path, rows)
    db = _fresh(_template(folder, max_load=rows // 20), folder, "gui.sqlite3")
    crm = open_crm(DatabaseLocation(db))
    runner = TaskRunner(crm.storage.close_thread_connection)
    prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
    window = MainWindow(UiContext(crm, runner, DataBridge(crm), prefs), PAGE_CLASSES)
    window.restore_state()
    window.reload()
    window.show()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    done: list[object] = []
    table = open_table(csv_path)
    started = time.perf_counter()
    timer.start()
    runner.start(lambda ctx: crm.imports.run(table), done.append, done.append)
    while not done:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    seconds = time.perf_counter() - started
    window.close()
    crm.close()
    return {
        "rows": rows,
        "import_s": round(seconds, 2),
        "max_gap_ms": max(gaps) if gaps else None,
        "goal": "< 100 ms",
        "ticks": len(gaps),
    }


def _postgresql(folder: Path, args: argparse.Namespace) -> dict[str, object]:
    """The same import and 8 registering clients on a throwaway local server (bench/pg.py)."""
    from bench.pg import bench_postgresql
    from tests.pg_server import ServerUnavailable

    csv_path = folder / "contacts.csv"
    if not csv_path.exists():
        generate(csv_path, args.rows)
    try:
        return bench_postgresql(csv_path, args.rows, args.repeat, args.per_client)
    except ServerUnavailable as error:
        return {"skipped": str(error)}


def merge_results(path: Path, results: dict[str, object]) -> None:
    """Write ``results`` into ``path``, keeping the keys of other runs (and other parts)."""
    try:
        merged = json.loads(path.read_text()) if path.exists() else {}
    except ValueError:
        merged = {}
    merged.update(results)
    path.write_text(json.dumps(merged, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--contacts", type=int, default=int(os.environ.get("CRM_BENCH_CONTACTS", 1_000_000))
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--only",
        choices=["import", "import-rules", "queue", "gui", "postgresql", "cli", "window"],
    )
    parser.add_argument("--messages", type=int, default=5000, help="cli: requests through the pipe")
    parser.add_argument("--per-client", type=int, default=200, help="PostgreSQL: contacts each")
    parser.add_argument("--registrations", type=int, default=1_000, help="window: form registers")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="crm-bench-") as tmp:
        folder = Path(tmp)
        if args.only in (None, "import"):
            results["import"] = bench_import(folder, args.rows, args.repeat)
            print("import:", json.dumps(results["import"], ensure_ascii=False), flush=True)
        if args.only in (None, "import-rules"):  # shifts, caps, skills and tags
            figure = bench_import(folder, args.rows, args.repeat, day_rules=True)
            results["import_day_rules"] = figure
            print("import with day rules:", json.dumps(figure, ensure_ascii=False), flush=True)
        if args.only in (None, "gui"):
            results["gui_import"] = bench_gui_gap(folder, args.rows)
            print("gui import:", json.dumps(results["gui_import"]), flush=True)
        if args.only in (None, "postgresql"):
            results["postgresql"] = _postgresql(folder, args)
            print("postgresql:", json.dumps(results["postgresql"]), flush=True)
        if args.only in (None, "cli"):  # a bot's process per message, and the pipe
            from bench.cli import bench_cli

            for name, figure in bench_cli(folder, max(args.repeat, 10), args.messages).items():
                results[name] = figure
                print(f"{name}:", json.dumps(figure, ensure_ascii=False), flush=True)
        if args.only in (None, "queue"):
            results["queue"] = bench_queue(folder, args.contacts, args.repeat)
            print("queue:", json.dumps(results["queue"], ensure_ascii=False), flush=True)
        if args.only in (None, "window"):  # bench/window.py: flat rows, merged by key
            from bench.window import bench_window, table

            rows = bench_window(OUT, folder, args.contacts, args.repeat, args.registrations)
            results.update(rows)
            print(table(rows), flush=True)
    merge_results(OUT / "results.json", results)
    print(f"written to {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
