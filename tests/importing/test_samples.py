"""The sample files a new user drops onto the window must import as documented."""

from collections import Counter
from pathlib import Path

import pytest

from desktop_crm.importing import Field, IdKind, RejectCode, file_sha256

from .conftest import read_all, rejected, valid

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
SOURCES = {"Telegram-бот", "Сайт", "WhatsApp", "tg", "site", "wa"}


@pytest.mark.parametrize(
    ("name", "encoding", "delimiter", "header_line", "id_kind", "refused"),
    [
        ("contacts_utf8.csv", "utf-8", ",", 1, IdKind.ID, 0),
        ("contacts_cp1251_excel.csv", "cp1251", ";", 2, IdKind.PHONE, 1),
        ("contacts.xlsx", None, None, 3, IdKind.PHONE, 0),
    ],
)
def test_sample_files(name, encoding, delimiter, header_line, id_kind, refused):
    table, rows = read_all(SAMPLES / name)
    assert (table.encoding.name if table.encoding else None) == encoding
    assert (table.delimiter, table.header_line, table.mapping.id_kind) == (
        delimiter,
        header_line,
        id_kind,
    )
    assert set(table.mapping.columns) == set(Field) - {Field.OWNER}  # no owner column
    assert 20 <= len(rows) <= 50
    assert len(rejected(rows)) == refused
    assert all(r.code is RejectCode.NO_ID for r in rejected(rows))
    good = valid(rows)
    assert {row.source for row in good} <= SOURCES
    assert all(row.created_at is not None and row.name for row in good)
    assert max(Counter(row.name for row in good).values()) > 1  # some leads write again
    assert len(file_sha256(SAMPLES / name)) == 64
