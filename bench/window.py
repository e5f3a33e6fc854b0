"""The window on a million contacts: each action timed on the GUI thread until the
view shows its result, with the real pages of the real ``MainWindow``.

``python -m bench --only window`` (part of ``make bench``); ``--contacts N`` or
``CRM_BENCH_CONTACTS`` picks the size (tests/bench runs it on a few hundred). The
database is built once and cached (bench/million.py). Every figure is the best of
``repeat`` tries in milliseconds unless its unit says otherwise; floors are plain
``sqlite3`` doing the same work in the same run. Nothing is asserted.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics as stats
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import million
from bench.memory import peak_rss_mb

ROOT = Path(__file__).resolve().parents[1]
GOAL_MS = 200.0
Figure = dict[str, Any]


# -- measuring helpers -----------------------------------------------------------------
def _pump(app: Any, until: Callable[[], bool], timeout: float = 120.0) -> None:
    """Let the event loop run (the workers' results arrive as queued signals) until
    ``until()``; a short sleep between rounds leaves the CPU to the worker threads."""
    deadline = time.perf_counter() + timeout
    while True:
        app.processEvents()
        if until():
            app.processEvents()  # the view lays out and paints what arrived
            return
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not show the result in time")
        time.sleep(0.0002)


def _settle(app: Any, runner: Any) -> None:
    """Until no task runs and no queued result waits (after an action's side work)."""
    quiet = 0
    while quiet < 3:
        app.processEvents()
        if runner.busy:
            quiet = 0
            time.sleep(0.001)  # the GUI thread stays free, as in the real event loop
        else:
            quiet += 1


def _best(tries: list[float]) -> float:
    return round(min(tries), 1)


def _timed(app: Any, runner: Any, action: Callable[[], None], *steps: Callable[[], bool]) -> float:
    """Milliseconds from ``action`` until each of ``steps`` holds in turn (the last one's)."""
    return _timed_steps(app, runner, action, *steps)[-1]


def _timed_steps(
    app: Any, runner: Any, action: Callable[[], None], *steps: Callable[[], bool]
) -> list[float]:
    _settle(app, runner)
    started = time.perf_counter()
    action()
    times = []
    for step in steps:
        _pump(app, step)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _action(name: str, tries: list[float]) -> tuple[str, Figure]:
    value = _best(tries)
    if name.endswith("_count"):  # counted in a worker after the rows are shown
        return name, {"value": value, "unit": "ms", "goal": "none (a worker, after the rows)"}
    return name, {
        "value": value,
        "unit": "ms",
        "goal": f"< {GOAL_MS:.0f} ms",
        "ok": value < GOAL_MS,
    }


# -- window start (its own process: its peak memory is its own) ----------------------------
def start_side(db: Path, prefs: Path) -> dict[str, float]:
    """``python -m bench.window start DB PREFS``: the window as run_gui builds it, timed
    from before the imports to the current page showing its first rows."""
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm
    from desktop_crm.ui.bridge import DataBridge
    from desktop_crm.ui.context import UiContext
    from desktop_crm.ui.main_window import MainWindow
    from desktop_crm.ui.models.paged import PagedModel
    from desktop_crm.ui.pages.registry import PAGE_CLASSES
    from desktop_crm.ui.preferences import Preferences
    from desktop_crm.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    crm = open_crm(DatabaseLocation(db))
    runner = TaskRunner(crm.storage.close_thread_connection)
    preferences = Preferences(QSettings(str(prefs), QSettings.Format.IniFormat))
    window = MainWindow(UiContext(crm, runner, DataBridge(crm), preferences), PAGE_CLASSES)
    window.restore_state()
    window.reload()
    window.show()
    page = window.stack.currentWidget()
    models = page.findChildren(PagedModel) if page is not None else []
    shown = [m for m in models if getattr(m, "filter", True) is not None]

    def ready() -> bool:
        return all(not m.busy and m.rowCount() > 0 for m in shown) if shown else True

    _pump(app, ready)
    seconds = time.perf_counter() - started
    _settle(app, runner)  # the other pages' first loads too
    max_rss_mb = peak_rss_mb()
    window.close()
    crm.close()
    return {"seconds": seconds, "max_rss_mb": max_rss_mb}


def _start(db: Path, prefs: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.window", "start", str(db), str(prefs)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def bench_start(db: Path, empty: Path, folder: Path, repeat: int) -> dict[str, Figure]:
    prefs = folder / "start-prefs.ini"
    prefs.write_text("[General]\nwindow\\last_page=contacts\n")
    full, bare = [], []
    for _ in range(repeat):  # interleaved: both see the same machine weather
        bare.append(_start(empty, prefs))
        full.append(_start(db, prefs))
    full_s = min(r["seconds"] for r in full)
    bare_s = min(r["seconds"] for r in bare)
    full_mb = min(r["max_rss_mb"] for r in full)
    bare_mb = min(r["max_rss_mb"] for r in bare)
    return {
        "window.start": {
            "value": round(full_s, 3),
            "floor": round(bare_s, 3),
            "ratio": round(full_s / bare_s, 2),
            "unit": "s",
            "goal": "<= empty + 1 s",
            "ok": full_s - bare_s <= 1.0,
        },
        "window.start_rss": {
            "value": full_mb,
            "floor": bare_mb,
            "ratio": round(full_mb / bare_mb, 2),
            "unit": "MB",
            "goal": "< 300 MB",
            "ok": full_mb < 300,
        },
    }


# -- the actions ---------------------------------------------------------------------------
class Window:
    """The real main window on a database, with helpers to wait for its pages."""

    def __init__(self, db: Path, folder: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from desktop_crm.db.location import DatabaseLocation
        from desktop_crm.services import open_crm
        from desktop_crm.ui.application import GUI_SWITCH_INTERVAL
        from desktop_crm.ui.bridge import DataBridge
        from desktop_crm.ui.context import UiContext
        from desktop_crm.ui.main_window import MainWindow
        from desktop_crm.ui.pages.registry import PAGE_CLASSES
        from desktop_crm.ui.preferences import Preferences
        from desktop_crm.ui.tasks import TaskRunner

        self.app = QApplication.instance() or QApplication([])
        sys.setswitchinterval(GUI_SWITCH_INTERVAL)  # as run_gui does
        self.crm = open_crm(DatabaseLocation(db))
        self.runner = TaskRunner(self.crm.storage.close_thread_connection)
        prefs = Preferences(QSettings(str(folder / "prefs.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(
            UiContext(self.crm, self.runner, DataBridge(self.crm), prefs), PAGE_CLASSES
        )
        self.window.restore_state()
        self.window.resize(1280, 800)
        self.window.reload()
        self.window.show()
        self.settle()

    def settle(self) -> None:
        _settle(self.app, self.runner)

    def timed(self, action: Callable[[], None], *steps: Callable[[], bool]) -> float:
        return _timed(self.app, self.runner, action, *steps)

    def timed_steps(self, action: Callable[[], None], *steps: Callable[[], bool]) -> list[float]:
        return _timed_steps(self.app, self.runner, action, *steps)

    def close(self) -> None:
        self.settle()
        self.window.close()
        self.crm.close()


def _loaded(model: Any) -> Callable[[], bool]:
    return lambda: not model.busy and model.rowCount() > 0


def _counted(model: Any) -> Callable[[], bool]:
    return lambda: not model.busy and model.total is not None


def bench_actions(w: Window, repeat: int, search_id: str, search_name: str) -> dict[str, Figure]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop_crm.services.dto.leads import LeadSort
    from desktop_crm.ui.models.contacts import CREATED

    leads = w.window.pages["leads"]
    contacts = w.window.pages["contacts"]
    figures: dict[str, Figure] = {}
    tries: dict[str, list[float]] = {}
    gaps = GapMeter()

    during = {"longest": 0, "action": ""}  # which action the longest block fell in

    def add(name: str, value: float) -> None:
        tries.setdefault(name, []).append(value)
        if gaps.longest > during["longest"]:  # it grew while this action was timed
            during.update(longest=gaps.longest, action=name)

    for _ in range(repeat):
        # Opening a screen: it is shown and reads its list afresh.
        add(
            "window.open_leads",
            w.timed(lambda: (w.window.show_page("leads"), leads.reload()), _loaded(leads.model)),
        )
        add(
            "window.open_contacts",
            w.timed(
                lambda: (w.window.show_page("contacts"), contacts.reload()),
                lambda: _loaded(contacts.model)() and _counted(contacts.model)(),
            ),
        )
        # Ctrl+End: the last loaded row, and the next page loads behind it.
        for page_name, page in (("leads", leads), ("contacts", contacts)):
            w.window.show_page(page_name)
            page.table.setFocus()
            before = [0]

            def press(page: Any = page, before: list[int] = before) -> None:
                before[0] = page.model.rowCount()
                QTest.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

            add(
                f"window.{page_name}_ctrl_end",
                w.timed(
                    press,
                    lambda page=page, before=before: (
                        not page.model.busy
                        and (page.model.rowCount() > before[0] or page.model.exhausted)
                    ),
                ),
            )
        # Sorting: every sortable column, every direction the header offers.
        w.window.show_page("leads")
        for sort in (LeadSort.NAME, LeadSort.EXTERNAL_ID, LeadSort.NEWEST):
            for reverse in (False, True):
                add(
                    f"window.leads_sort_{sort.value}{'_reverse' if reverse else ''}",
                    w.timed(
                        lambda sort=sort, reverse=reverse: leads.set_sort(sort, reverse),
                        _loaded(leads.model),
                    ),
                )
        w.window.show_page("contacts")
        for newest_first, label in ((False, "oldest"), (True, "newest")):
            add(
                f"window.contacts_sort_created_{label}",
                w.timed(
                    lambda n=newest_first: contacts.table.horizontalHeader().setSortIndicator(
                        CREATED,
                        Qt.SortOrder.DescendingOrder if n else Qt.SortOrder.AscendingOrder,
                    ),
                    _loaded(contacts.model),
                ),
            )
        # Searching: a phone in another spelling, a part of a Cyrillic name.
        w.window.show_page("leads")
        for label, text in (("id", search_id), ("name", search_name)):
            add(
                f"window.leads_search_{label}",
                w.timed(
                    lambda text=text: (leads.search_edit.setText(text), leads.apply_search()),
                    _loaded(leads.model),
                ),
            )
        w.timed(lambda: (leads.search_edit.setText(""), leads.apply_search()), _loaded(leads.model))
        w.window.show_page("contacts")
        for label, text in (("id", search_id), ("name", search_name)):
            # The rows, then the total below them (counted in a worker after the rows).
            rows_ms, count_ms = w.timed_steps(
                lambda text=text: (
                    contacts.search_bar.search_edit.setText(text),
                    contacts.search_bar.apply_now(),
                ),
                lambda text=text: (
                    contacts.model.filter is not None
                    and contacts.model.filter.text == text
                    and _loaded(contacts.model)()
                ),
                _counted(contacts.model),
            )
            add(f"window.contacts_search_{label}", rows_ms)
            add(f"window.contacts_search_{label}_count", count_ms)
        w.timed(
            lambda: (contacts.search_bar.search_edit.setText(""), contacts.search_bar.apply_now()),
            lambda: (
                contacts.model.filter is not None
                and not contacts.model.filter.text
                and _loaded(contacts.model)()
            ),
        )
    gaps.stop()
    for name, values in tries.items():
        figures.update([_action(name, values)])
    figures["window.gui_longest_block"] = {
        "value": gaps.longest,
        "unit": "ms",
        "goal": f"< {GOAL_MS:.0f} ms",
        "ok": gaps.longest < GOAL_MS,
        "what": "the longest the GUI thread was busy at once during all of the above",
        "during": during["action"],
    }
    return figures


class GapMeter:
    """The longest time between two ticks of a 5 ms timer: how long the GUI thread was
    busy at once (a page laying out rows, a model taking a result in)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self._clock = QElapsedTimer()
        self._clock.start()
        self._last = 0
        self.longest = 0
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = self._clock.elapsed()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> None:
        self._timer.stop()


def _statistics_shown(page: Any) -> Callable[[], bool]:
    return lambda: not page._running and page.result is not None


def bench_statistics(w: Window, db: Path, repeat: int) -> dict[str, Figure]:
    """The screen for all time and for one month; the service's aggregate paired with
    the same aggregate in plain sqlite3."""
    from desktop_crm.ui.pages.statistics import Period, local_midnight

    page = w.window.pages["statistics"]
    w.window.show_page("statistics")
    first, last = _busiest_month(db)
    tries: dict[str, list[float]] = {"all": [], "month": [], "all_again": [], "month_again": []}
    for _ in range(repeat):
        # Counted afresh (as after any change of the data: the page forgets its results).
        page.forget_results()
        page.result = None
        tries["all"].append(w.timed(lambda: page.set_period(Period.ALL), _statistics_shown(page)))
        page.result = None
        tries["month"].append(
            w.timed(lambda: page.set_period(Period.CUSTOM, first, last), _statistics_shown(page))
        )
        # Back to a period seen since the last change: shown from what was counted.
        page.result = None
        tries["all_again"].append(
            w.timed(lambda: page.set_period(Period.ALL), _statistics_shown(page))
        )
        page.result = None
        tries["month_again"].append(
            w.timed(lambda: page.set_period(Period.CUSTOM, first, last), _statistics_shown(page))
        )
    figures = dict(
        [
            _action("window.statistics_all", tries["all"]),
            _action("window.statistics_month", tries["month"]),
            _action("window.statistics_all_again", tries["all_again"]),
            _action("window.statistics_month_again", tries["month_again"]),
        ]
    )
    import datetime as dt

    since = local_midnight(first)
    until = local_midnight(last + dt.timedelta(days=1))
    for label, period in (("all", (None, None)), ("month", (since, until))):
        ours, floor = [], []
        for _ in range(repeat):
            started = time.perf_counter()
            w.crm.stats.overview(*period)
            ours.append(time.perf_counter() - started)
            floor.append(_statistics_floor(db, *period))
        figures[f"stats.aggregate_{label}"] = {
            "value": round(min(ours) * 1000, 1),
            "floor": round(min(floor) * 1000, 1),
            "ratio": round(min(ours) / min(floor), 2),
            "unit": "ms",
            "goal": "<= 3x",
            "ok": min(ours) / min(floor) <= 3,
        }
    return figures


def _busiest_month(db: Path) -> tuple[Any, Any]:
    import datetime as dt

    connection = sqlite3.connect(db)
    newest = connection.execute("SELECT max(created_at) FROM contact").fetchone()[0]
    connection.close()
    day = dt.datetime.fromisoformat(newest).date().replace(day=1) - dt.timedelta(days=1)
    return day.replace(day=1), day  # the last whole month


def _statistics_floor(db: Path, since: Any, until: Any) -> float:
    """What the screen needs, in plain sqlite3: the counts per operator and source (with
    the open ones), the loads, the operators and sources (a fresh connection, as the
    service's read opens a transaction)."""
    from desktop_crm.services.common import stored_time

    condition, params = "1 = 1", []
    if since is not None:
        condition += " AND created_at >= ?"
        params.append(stored_time(since, "since").isoformat(" "))
    if until is not None:
        condition += " AND created_at < ?"
        params.append(stored_time(until, "until").isoformat(" "))
    connection = sqlite3.connect(db)
    started = time.perf_counter()
    connection.execute("BEGIN")
    connection.execute("SELECT * FROM source ORDER BY name").fetchall()
    connection.execute("SELECT * FROM operator ORDER BY name").fetchall()
    connection.execute("SELECT * FROM source_operator_config").fetchall()
    connection.execute(
        "SELECT operator_id, count(*) FROM contact WHERE is_active AND operator_id IS NOT NULL "
        "GROUP BY operator_id"
    ).fetchall()
    connection.execute(
        "SELECT operator_id, source_id, count(id), sum(is_active) FROM contact "
        f"WHERE {condition} GROUP BY operator_id, source_id",
        params,
    ).fetchall()
    connection.execute("COMMIT")
    seconds = time.perf_counter() - started
    connection.close()
    return seconds


def _p95(values: list[float]) -> float:
    return stats.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def bench_register(w: Window, db: Path, count: int) -> dict[str, Figure]:
    """The intake form's Register, ``count`` times (each waits for the window to take in
    the change), against a plain-sqlite3 insert of one lead and contact."""
    form = w.window.intake
    w.window.show_page("contacts")
    times = []
    for i in range(count):
        form.external_id.setText(
            f"+7 (999) {i // 10_000:03d}-{i % 10_000 // 100:02d}-{i % 100:02d}"
        )
        form.name.setText(f"Александра Преображенская {i}")
        form.message.setPlainText("Перезвоните, пожалуйста")
        started = time.perf_counter()
        form.register()
        times.append((time.perf_counter() - started) * 1000)
        w.settle()  # the pages refresh in between, as they would between two people typing
    floor = _register_floor(db, count)
    ours = _p95(times)
    return {
        "window.register_p95": {
            "value": round(ours, 2),
            "floor": round(floor, 2),
            "ratio": round(ours / floor, 2),
            "unit": "ms",
            "goal": "<= 3x",
            "ok": ours / floor <= 3,
            "median": round(stats.median(times), 2),
        }
    }


def _register_floor(db: Path, count: int) -> float:
    """p95 of plain sqlite3 registering one contact in one write transaction, as
    bench/pg.py's floor does on PostgreSQL: the source's candidates, their loads, the
    weighted pick (bench/floor.py), the lead upserted, the contact inserted."""
    import random

    from bench.floor import pick_operator

    rng = random.Random(5)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 5000")
    times = []
    for i in range(count):
        external_id = f"+7998{i:07d}"
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        candidates = connection.execute(
            "SELECT o.id, c.weight, o.max_load FROM source_operator_config c "
            "JOIN operator o ON o.id = c.operator_id JOIN source s ON s.id = c.source_id "
            "WHERE s.code = ? AND o.active AND c.weight > 0 ORDER BY o.id",
            ("tg",),
        ).fetchall()
        source_id = connection.execute("SELECT id FROM source WHERE code = 'tg'").fetchone()[0]
        ids = [c[0] for c in candidates]
        loads = dict(
            connection.execute(
                "SELECT operator_id, count(*) FROM contact WHERE is_active = 1 AND operator_id IN "
                f"({', '.join('?' * len(ids))}) GROUP BY operator_id",
                ids,
            ).fetchall()
        )
        operator_id = pick_operator(candidates, loads, rng)
        lead_id = connection.execute(
            "INSERT INTO lead (external_id, name, name_folded, created_at) "
            "VALUES (?, 'Лид', 'лид', datetime('now')) ON CONFLICT (external_id) "
            "DO UPDATE SET external_id = excluded.external_id RETURNING id",
            (external_id,),
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, "
            "message) VALUES (?, ?, ?, datetime('now'), 1, ?)",
            (lead_id, source_id, operator_id, "Перезвоните, пожалуйста"),
        )
        connection.execute("COMMIT")
        times.append((time.perf_counter() - started) * 1000)
    connection.close()
    return _p95(times)


def _empty_database(folder: Path) -> Path:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import open_crm

    path = folder / "empty.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_crm(DatabaseLocation(path)).close()
    return path


def bench_window(
    cache_folder: Path, folder: Path, contacts: int, repeat: int, registrations: int
) -> dict[str, Figure]:
    """Every figure of the window benchmark, keyed by name (``results.json``'s rows)."""
    started = time.perf_counter()
    cache = million.cached(cache_folder, contacts)
    built_s = time.perf_counter() - started
    db = million.working_copy(cache, folder)
    figures: dict[str, Figure] = {}
    figures.update(bench_start(db, _empty_database(folder), folder, repeat))
    w = Window(db, folder)
    try:
        connection = sqlite3.connect(db)
        phone = connection.execute(
            "SELECT external_id FROM lead WHERE external_id LIKE '+7%' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        connection.close()
        spelled = f"8 ({phone[2:5]}) {phone[5:8]}-{phone[8:10]}-{phone[10:]}"
        figures.update(bench_actions(w, repeat, spelled, "Преображенская"))
        figures.update(bench_statistics(w, db, repeat))
        figures.update(bench_register(w, db, registrations))
    finally:
        w.close()
    figures["window.database"] = {
        "value": contacts,
        "unit": "contacts",
        "build_s": round(built_s, 1),
    }
    return figures


def table(figures: dict[str, Figure]) -> str:
    """The rows as a plain table: name, value, floor, ratio, goal, met."""
    lines = [f"{'benchmark':34} {'value':>10} {'floor':>10} {'ratio':>6}  goal"]
    for name, figure in figures.items():
        floor = figure.get("floor")
        ratio = figure.get("ratio")
        ok = figure.get("ok")
        mark = "" if ok is None else (" ok" if ok else " MISSED")
        lines.append(
            f"{name:34} {figure['value']:>10} {'' if floor is None else floor:>10} "
            f"{'' if ratio is None else ratio:>6}  {figure.get('unit', '')}"
            f" {figure.get('goal', '')}{mark}"
            + (f" (during {figure['during']})" if figure.get("during") else "")
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if argv and argv[0] == "start":
        print(json.dumps(start_side(Path(argv[1]), Path(argv[2]))))
        return
    raise SystemExit("usage: python -m bench.window start DB PREFS (else: python -m bench)")


if __name__ == "__main__":
    main(sys.argv[1:])
