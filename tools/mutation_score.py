"""Print the mutation score of the last `mutmut run` (``make mutation``), per area.

Reads mutmut's own result files (``mutants/**/*.py.meta``); docs/mutation.md says
what the areas' goals are and which surviving mutants are equivalent.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

AREAS = {  # area -> (path prefix, goal: share of mutants killed)
    "domain": ("desktop_crm/domain/", 0.90),
    "services": ("desktop_crm/services/", 0.80),
}
# Neither killed nor survived: a mutant no selected test reaches counts as survived;
# one that was not run (yet) or skipped is left out of the score.
NOT_SCORED = {"not checked", "skipped", "check was interrupted by user"}
KILLED = {"killed", "timeout", "caught by type check", "segfault"}


def main(root: Path = Path("mutants")) -> int:
    counts: dict[str, Counter[str]] = {area: Counter() for area in AREAS}
    by_file: dict[str, Counter[str]] = {}
    for meta in sorted(root.glob("desktop_crm/**/*.py.meta")):
        source = meta.relative_to(root).as_posix().removesuffix(".meta")
        area = next((a for a, (prefix, _) in AREAS.items() if source.startswith(prefix)), None)
        if area is None:
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        for code in codes.values():
            counts[area][status_by_exit_code[code]] += 1
            by_file.setdefault(source, Counter())[status_by_exit_code[code]] += 1
    for source, statuses in by_file.items():  # per module, for docs/mutation.md's table
        print(f"  {source:40} " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    failed = False
    for area, (prefix, goal) in AREAS.items():
        statuses = counts[area]
        scored = {s: n for s, n in statuses.items() if s not in NOT_SCORED}
        total = sum(scored.values())
        killed = sum(n for s, n in scored.items() if s in KILLED)
        score = killed / total if total else 0.0
        mark = "ok" if score >= goal else "BELOW GOAL"
        if not total:  # nothing of the area checked yet (a run of another area): no score
            print(f"{area:9} {prefix:24} not run")
            continue
        print(
            f"{area:9} {prefix:24} {killed}/{total} killed = {score:.1%} "
            f"(goal {goal:.0%}: {mark}); "
            + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items()))
        )
        failed |= score < goal
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
