"""A benchmark side's peak memory is its own, not the process that started it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The parent holds 300 MB while it forks and execs the child: ru_maxrss would report it.
PARENT = """
import subprocess, sys
ballast = bytearray(300 * 1024 * 1024)
ballast[::4096] = b"x" * len(ballast[::4096])
child = "from bench.memory import peak_rss_mb; print(peak_rss_mb())"
print(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                     check=True).stdout.strip())
"""


def test_a_child_reports_its_own_peak_not_its_parents():
    done = subprocess.run(
        [sys.executable, "-c", PARENT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert float(done.stdout) < 100, done.stdout
