"""The import benchmark's code on a tiny file, with and without the dispatcher's day
(its figures are never asserted: only that both sides import every row)."""

from __future__ import annotations

import sqlite3

import pytest

from bench.__main__ import bench_import


@pytest.mark.parametrize("day_rules", [False, True])
def test_the_import_benchmark_runs_both_sides(tmp_path, day_rules):
    figure = bench_import(tmp_path, 120, 1, day_rules=day_rules)
    assert figure["rows"] == 120 and figure["day_rules"] is day_rules
    assert float(figure["ratio"]) > 0  # type: ignore[arg-type]
    for side in ("ours", "floor"):
        connection = sqlite3.connect(tmp_path / f"{side}.sqlite3")
        (contacts,) = connection.execute("SELECT count(*) FROM contact").fetchone()
        capped = connection.execute("SELECT count(*) FROM operator WHERE daily_cap").fetchone()
        connection.close()
        assert contacts > 100  # the file's duplicates aside
        assert capped == ((3,) if day_rules else (0,))
