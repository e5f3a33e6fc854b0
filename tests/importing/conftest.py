"""Helpers for the importing tests: files are generated into tmp_path."""

from __future__ import annotations

from datetime import timedelta, timezone
from pathlib import Path

import pytest

from desktop_crm.importing import ParsedRow, ReadOptions, Rejection, TableFile, ValidRow

MSK = timezone(timedelta(hours=3), "MSK")


@pytest.fixture
def write(tmp_path: Path):
    """write(name, text, encoding="utf-8") -> Path; bytes are written as they are."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return _write


def read_all(path: Path, **options) -> tuple[TableFile, list[ParsedRow]]:
    options.setdefault("local_tz", MSK)
    table = TableFile.open(path, ReadOptions(**options))
    with table.read() as stream:
        return table, list(stream)


def valid(rows: list[ParsedRow]) -> list[ValidRow]:
    return [row for row in rows if isinstance(row, ValidRow)]


def rejected(rows: list[ParsedRow]) -> list[Rejection]:
    return [row for row in rows if isinstance(row, Rejection)]
