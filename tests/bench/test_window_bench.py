"""The window benchmark (bench/window.py) runs whole on a tiny database, so that it
cannot rot; only that every figure is a number is checked (timings are never asserted)."""

from __future__ import annotations

import json
import sqlite3
from numbers import Real

from bench import million
from bench.__main__ import merge_results
from bench.window import bench_window, table


def test_the_whole_window_benchmark_runs_on_a_tiny_database(qapp, tmp_path):
    cache = tmp_path / "cache"
    figures = bench_window(cache, tmp_path, contacts=300, repeat=1, registrations=5)
    assert {
        "window.start",
        "window.start_rss",
        "window.open_leads",
        "window.open_contacts",
        "window.leads_ctrl_end",
        "window.contacts_ctrl_end",
        "window.leads_sort_name",
        "window.leads_sort_name_reverse",
        "window.contacts_sort_created_oldest",
        "window.leads_search_name",
        "window.contacts_search_name",
        "window.statistics_all",
        "window.statistics_month",
        "stats.aggregate_all",
        "stats.aggregate_month",
        "window.register_p95",
    } <= set(figures)
    for name, figure in figures.items():
        assert isinstance(figure["value"], Real), name
        for key in ("floor", "ratio"):
            assert key not in figure or isinstance(figure[key], Real), (name, key)
    assert "window.register_p95" in table(figures)


def test_the_cached_database_is_built_once_and_again_for_another_schema(tmp_path, monkeypatch):
    path = million.cached(tmp_path, 200)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM contact").fetchone() == (200,)
        leads = connection.execute("SELECT count(*) FROM lead").fetchone()[0]
        loads = connection.execute(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM contact WHERE is_active "
            "AND operator_id IS NOT NULL GROUP BY operator_id)"
        ).fetchone()[0]
    connection.close()
    assert 30 <= leads <= 100
    assert loads is None or loads <= million.MAX_LOAD
    built = path.stat().st_mtime_ns
    assert million.cached(tmp_path, 200).stat().st_mtime_ns == built  # from the cache
    stamp = tmp_path / "window-200.json"
    stamp.write_text(json.dumps({**json.loads(stamp.read_text()), "schema": -1}))
    million.cached(tmp_path, 200)
    assert json.loads(stamp.read_text())["schema"] != -1  # built again


def test_results_are_merged_by_key(tmp_path):
    path = tmp_path / "results.json"
    path.write_text(json.dumps({"cli.contact_add": {"value": 1}, "window.start": {"value": 9}}))
    merge_results(path, {"window.start": {"value": 2}})
    assert json.loads(path.read_text()) == {
        "cli.contact_add": {"value": 1},
        "window.start": {"value": 2},
    }
