"""The stress tool (``make stress``) runs on a tiny size, so it cannot rot; its
figures are only read by people (docs/RELIABILITY.md), never asserted here except
the invariants themselves."""

import json

from bench import stress


def test_the_stress_tool_runs_and_finds_the_invariants_intact(tmp_path):
    out = tmp_path / "stress.json"
    code = stress.main(
        [
            "--writers", "2",
            "--per-writer", "2",
            "--import-rows", "300",
            "--kill-trials", "3",
            "--kill-rows", "600",
            "--out", str(out),
        ]
    )  # fmt: skip
    report = json.loads(out.read_text(encoding="utf-8"))
    assert code == 0, report
    assert report["kills"]["trials"] == 3
    assert report["kills"]["by_kind"] == {"import": 1, "drain": 1, "migration": 1}
    assert report["concurrency"]["snapshots"] > 0
