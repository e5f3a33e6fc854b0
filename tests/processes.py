"""Several real OS processes released together by a start barrier (spawned, never
forked from the test process)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any


def run_together(
    target: Callable[..., None], args_of_worker: Callable[[int], tuple[Any, ...]], count: int
) -> list[Any]:
    """Start ``count`` processes of ``target(*args_of_worker(n), barrier, results)``; each
    puts one report on ``results``. Returns the reports once every process exited cleanly."""
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(count), context.Queue()
    processes = [
        context.Process(target=target, args=(*args_of_worker(n), barrier, results))
        for n in range(count)
    ]
    for process in processes:
        process.start()
    reports = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(timeout=60)
        assert process.exitcode == 0, reports
    return reports
