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
    assert set(table.mapping.columns) == set(Field) - {Field.OWNER, Field.TAGS}  # no such columns
    assert 20 <= len(rows) <= 50
    assert len(rejected(rows)) == refused
    assert all(r.code is RejectCode.NO_ID for r in rejected(rows))
    good = valid(rows)
    assert {row.source for row in good} <= SOURCES
    assert all(row.created_at is not None and row.name for row in good)
    assert max(Counter(row.name for row in good).values()) > 1  # some leads write again
    assert len(file_sha256(SAMPLES / name)) == 64


# -- other CRMs' exports (tools/make_crm_samples.py writes them) --------------------------------
CRM_SAMPLES = {
    "bitrix24_leads.csv": {
        "layout": ("cp1251", ";", 1),
        "lead": ("Рабочий телефон", "Мобильный телефон", "Рабочий e-mail"),
        "name": ("Имя", "Отчество", "Фамилия"),
        "owner": ("Ответственный",),
        "source": ("Источник",),
        "rows": 8,
        "rejected": 1,
    },
    "amocrm_deals.csv": {
        "layout": ("utf-8-sig", ";", 1),
        "lead": ("Рабочий телефон (контакт)", "Мобильный телефон (контакт)",
                 "Рабочий email (контакт)"),
        "name": ("Основной контакт",),
        "owner": ("Ответственный",),
        "source": (),
        "rows": 5,
        "rejected": 0,
    },
    "clients_handmade.xlsx": {
        "layout": (None, None, 3),
        "lead": ("Моб. телефон", "E-mail"),
        "name": ("Имя", "Отчество", "Фамилия"),
        "owner": ("Менеджер",),
        "source": ("Канал",),
        "rows": 6,
        "rejected": 1,
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CRM_SAMPLES))
def test_crm_export_samples_map_the_person_not_the_row(name):
    expected = CRM_SAMPLES[name]
    table, rows = read_all(SAMPLES / name)
    encoding = table.encoding.name if table.encoding else None
    assert (encoding, table.delimiter, table.header_line) == expected["layout"]
    mapping = table.mapping
    assert not mapping.row_id_only  # the file has "ID" or "№", and phones beside it
    headers = table.headers
    for key, target in (("lead", Field.EXTERNAL_ID), ("name", Field.NAME),
                        ("owner", Field.OWNER), ("source", Field.SOURCE)):  # fmt: skip
        assert tuple(headers[c] for c in mapping.group(target)) == expected[key], key
    assert len(rows) == expected["rows"]
    assert len(rejected(rows)) == expected["rejected"]
    assert all(r.code is RejectCode.NO_ID for r in rejected(rows))
    good = valid(rows)
    assert all(row.created_at is not None and row.name for row in good)
    assert not any(row.external_id.isdigit() and len(row.external_id) < 9 for row in good)


def test_the_crm_samples_are_what_the_generator_writes(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_crm_samples", SAMPLES.parents[1] / "tools" / "make_crm_samples.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "SAMPLES", tmp_path)
    module.main()
    for name in ("bitrix24_leads.csv", "amocrm_deals.csv"):
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), name
    _, fresh = read_all(tmp_path / "clients_handmade.xlsx")
    _, committed = read_all(SAMPLES / "clients_handmade.xlsx")
    assert [r.cells for r in fresh] == [r.cells for r in committed]
