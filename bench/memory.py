"""A benchmark process's own peak memory."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_mb() -> float:
    """This process's peak memory: VmHWM (Linux), which starts afresh at exec, unlike
    ``ru_maxrss``, which keeps the parent's peak across fork and exec (so every side
    started from one parent reported the parent's peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
