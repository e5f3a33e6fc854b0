"""The bot benchmarks (``python -m bench --only cli``) run on a tiny size, so they cannot
rot; their figures are only read by people (README, "Speed"), never asserted here."""

from __future__ import annotations

from bench.cli import bench_cli


def test_the_cli_benchmarks_run_and_return_figures(tmp_path):
    results = bench_cli(tmp_path, repeat=2, messages=3)
    assert set(results) == {"cli_contact_add", "cli_pipe"}
    for figure in results.values():
        for key in ("value", "floor", "ratio"):
            assert isinstance(figure[key], int | float) and figure[key] > 0, figure
        assert isinstance(figure["unit"], str)
