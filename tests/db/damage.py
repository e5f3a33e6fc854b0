"""Real damage for the tests: overwrite one page of a table or an index with bytes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

GARBAGE = b"\xff"


def settle(path: Path) -> None:
    """Every committed page into the main file (no -wal left), as after a clean close."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def page_of(path: Path, name: str, *, leaf: bool) -> tuple[int, int]:
    """(page number, page size) of the root page of table/index ``name``, or with ``leaf``
    its first leaf page (reading the b-tree: https://www.sqlite.org/fileformat2.html)."""
    settle(path)
    with closing(sqlite3.connect(path)) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    data = path.read_bytes()
    page = root
    while leaf:
        start = (page - 1) * page_size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind in (0x0D, 0x0A):  # a table or index leaf
            break
        assert kind in (0x05, 0x02), f"page {page} is not a b-tree page"
        first_cell = int.from_bytes(data[header + 12 : header + 14], "big")
        page = int.from_bytes(data[start + first_cell : start + first_cell + 4], "big")
    return page, page_size


def corrupt_page(path: Path, name: str, *, leaf: bool = False) -> int:
    """Overwrite one page of ``name`` with garbage; returns the page number."""
    page, page_size = page_of(path, name, leaf=leaf)
    assert page > 1, "page 1 holds the header"
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(GARBAGE * page_size)
    return page
