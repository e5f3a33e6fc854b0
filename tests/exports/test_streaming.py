"""Exports stream: rows reach the file while the query is still being read, and
memory does not grow with the number of rows."""

from __future__ import annotations

import sqlite3
import tracemalloc

from desktop_crm.services import exports


def _add_leads(db_path, count: int, start: int = 0) -> None:
    connection = sqlite3.connect(db_path)
    with connection:
        connection.executemany(
            "INSERT INTO lead (external_id, name, name_folded, created_at) VALUES (?, ?, ?, ?)",
            [
                (f"user-{i}", f"Имя {i}" * 3, f"имя {i}" * 3, "2024-01-01 00:00:00")
                for i in range(start, start + count)
            ],
        )
    connection.close()


def test_rows_reach_the_file_while_the_export_runs(crm, db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(exports, "PROGRESS_EVERY", 1_000)
    _add_leads(db_path, 5_000)
    out = tmp_path / "leads.csv"
    sizes = []

    def progress(rows: int) -> None:
        [temp] = tmp_path.glob(".leads.csv.*.tmp")
        sizes.append((rows, temp.stat().st_size))

    assert crm.exports.leads(out, progress=progress).rows == 5_000
    assert sizes[0][0] == 1_000 and 0 < sizes[0][1] < sizes[-2][1] < out.stat().st_size


def test_memory_does_not_grow_with_the_rows(crm, db_path, tmp_path):
    def peak_of_export() -> int:
        tracemalloc.start()
        try:
            crm.exports.leads(tmp_path / "leads.csv")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    _add_leads(db_path, 2_000)
    small = peak_of_export()
    _add_leads(db_path, 38_000, start=2_000)
    large = peak_of_export()
    assert large < small * 2 + 200_000  # 20 times the rows, about the same memory
