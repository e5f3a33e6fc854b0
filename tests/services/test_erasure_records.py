"""Erasure and what the import records and the journal keep of a file's name (both
backends): only the parts that name the person go, the rest of the name stays."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_crm.db.models import ImportRun
from desktop_crm.domain.audit import ObjectKind
from desktop_crm.errors import DatabaseBusy
from desktop_crm.importing import open_table
from desktop_crm.services.audit import AuditFilter
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.erasure import ErasureService

PHONE = "+79005551234"
NAME = "Иванов Пётр"

# file name -> what it reads after the person is erased
PHONE_FILES = {
    "заявка Иванов 8-900-555-12-34.csv": "заявка [erased] [erased].csv",
    "+7 (900) 555 12 34.csv": "[erased].csv",
    "клиент ８９００５５５１２３４.csv": "клиент [erased].csv",  # full-width digits
    "20261202_9005551234_итог.csv": "[erased]_итог.csv",
    "звонок 555-12-34.csv": "звонок [erased].csv",  # the number without its area code
    "тел 8900555x1234.csv": "[erased]",  # the digits split by a letter: all of it
    "ИВАНОВА и ПЕТРА.csv": "[erased] и [erased].csv",  # any case, declined, ё as е
    "Иван 89001112233 с Ивановым.csv": "Иван 89001112233 с [erased].csv",
    "Ивановский.csv": "Ивановский.csv",  # a longer word: another name
    "Сидоров 89995551234.csv": "Сидоров 89995551234.csv",  # another number stays
}


def _import(crm, folder: Path, name: str, index: int, lead: str) -> None:
    path = folder / name
    path.write_text(
        f"phone,name,source\n{lead},{NAME},site\n8900111{index:04d},Другой,site\n",
        encoding="utf-8",
    )
    assert crm.imports.run(open_table(path)).record.imported >= 1


def _setup(crm) -> None:
    crm.operators.create("Анна", max_load=1_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})


def _names_after_erasure(crm, reference: str) -> tuple[dict[str, str], dict[str, str]]:
    before = {r.id: r.file_name for r in crm.imports.list()}
    crm.erasure.erase(reference)
    records = {before[r.id]: r.file_name for r in crm.imports.list()}
    journal = {
        before[e.object_id]: e.label
        for e in crm.audit.entries(AuditFilter(object_kind=ObjectKind.IMPORT.value))
        if e.object_id is not None
    }
    return records, journal


def test_the_parts_of_file_names_that_name_a_phone_owner_read_erased(crm, tmp_path):
    _setup(crm)
    folder = tmp_path / f"{NAME} {PHONE}"
    folder.mkdir()
    for index, name in enumerate(PHONE_FILES):
        _import(crm, folder, name, index, PHONE)

    records, journal = _names_after_erasure(crm, "8 900 555 12 34")

    assert records == PHONE_FILES
    assert journal == PHONE_FILES
    paths = {r.file_path for r in crm.imports.list()}
    assert paths == {str(tmp_path / "[erased] [erased] [erased]" / n) for n in PHONE_FILES.values()}


def test_other_ids_in_any_case_and_a_short_id_as_a_whole_word(crm, tmp_path):
    _setup(crm)
    files = {
        "from Ivan.Petrov@Mail.RU (2).csv": "from [erased] (2).csv",
        "ivan.petrov@mail.ru.csv": "[erased].csv",
    }
    for index, name in enumerate(files):
        _import(crm, tmp_path, name, index, "Ivan.Petrov@mail.ru")
    records, journal = _names_after_erasure(crm, "ivan.petrov@mail.ru")
    assert records == journal == files

    crm.contacts.register(ContactRequest("@ab1", "site", "Ян"))
    short = {"@ab1 заявка.csv": "[erased] заявка.csv", "x@ab1y Ян.csv": "x@ab1y Ян.csv"}
    for index, name in enumerate(short, start=10):
        _import(crm, tmp_path, name, index, "@ab1")
    records, _journal = _names_after_erasure(crm, "@ab1")
    assert {k: v for k, v in records.items() if k in short} == short


def test_a_sheet_named_after_the_person_goes_once_its_import_is_done(crm, tmp_path):
    """An unfinished import keeps its sheet's name (the next import of the file
    finishes it there); a finished one loses the person's part of it."""
    from openpyxl import Workbook

    _setup(crm)
    paths = []
    for index in range(2):
        book = Workbook()
        sheet = book.active
        sheet.title = "Лист Иванов 9005551234"
        sheet.append(["phone", "name", "source"])
        sheet.append([PHONE, NAME, "site"])
        sheet.append([f"8900111{index:04d}", "Другой", "site"])
        path = tmp_path / f"book{index}.xlsx"
        book.save(path)
        paths.append(path)
    crm.imports.run(open_table(paths[0]))
    crm.imports.batch_rows = 1  # stopped after its first row
    crm.imports.run(open_table(paths[1]), cancelled=lambda: True)

    crm.erasure.erase(PHONE)

    done, unfinished = sorted(crm.imports.list(), key=lambda r: r.file_name)
    assert (done.status, unfinished.status) == ("done", "cancelled")
    with crm.storage.read():
        sheets = {r.id: json.loads(r.options)["sheet"] for r in ImportRun.select()}
    assert sheets == {done.id: "Лист [erased] [erased]", unfinished.id: "Лист Иванов 9005551234"}
    resumed = crm.imports.run(open_table(paths[1]))
    assert resumed.record.id == unfinished.id and resumed.record.status == "done"


def test_the_bare_digits_twin_and_a_decomposed_file_name(crm, tmp_path):
    """A lead stored under the bare national digits is the phone's twin: its digits in
    any spelling go too. A file name in decomposed Unicode (as macOS writes it) is
    matched as well."""
    _setup(crm)
    crm.contacts.register(ContactRequest("9005551234", "site", NAME))
    assert crm.leads.find("9005551234") is not None
    files = {
        "звонок 8 (900) 555-12-34.csv": "звонок [erased].csv",
        "заявка Пе\u0308тра.csv": "заявка [erased].csv",
        "заявка Петровой.csv": "заявка Петровой.csv",  # not a word of the name
    }
    for index, name in enumerate(files):
        _import(crm, tmp_path, name, index, f"8900222{index:04d}")

    records, journal = _names_after_erasure(crm, "+79005551234")

    assert records == journal == files


def test_a_phone_and_its_bare_digits_twin_are_erased_in_one_transaction(crm, monkeypatch):
    """`lead erase` of a phone erases its twin too, atomically: when the twin's part
    fails (busy), the phone's lead is not erased either, as the CLI's exit 3 says
    ("nothing was written"); the same call again erases both."""
    _setup(crm)
    ids = [
        crm.contacts.register(ContactRequest(lead, "site", NAME, message)).contact.id
        for lead, message in ((PHONE, "первое"), ("9005551234", "второе"))
    ]
    erase_one = ErasureService._erase
    erased: list[str] = []

    def busy_on_the_second(self, lead, prescan):
        erased.append(lead.external_id)
        if len(erased) == 2:
            raise DatabaseBusy("The database is busy.")
        return erase_one(self, lead, prescan)

    monkeypatch.setattr(ErasureService, "_erase", busy_on_the_second)
    with pytest.raises(DatabaseBusy):
        crm.erasure.erase(PHONE)
    assert sorted(erased) == sorted([PHONE, "9005551234"])
    for lead_id in (PHONE, "9005551234"):
        lead = crm.leads.find(lead_id)
        assert lead is not None and lead.name == NAME, lead_id
    assert [crm.contacts.get(i).message for i in ids] == ["первое", "второе"]

    monkeypatch.undo()
    result = crm.erasure.erase(PHONE)
    assert (result.contacts, result.already_erased) == (2, False)
    assert crm.leads.find(PHONE) is None and crm.leads.find("9005551234") is None
    assert [crm.contacts.get(i).message for i in ids] == ["", ""]


def test_the_result_names_every_lead_erased(crm):
    """Whoever records an erasure learns each lead's new id: the phone's twin is a
    second lead (its own contacts, its own ``erased:`` id), not counted into the first."""
    _setup(crm)
    first = crm.contacts.register(ContactRequest(PHONE, "site", NAME)).contact.lead.id
    twin = crm.contacts.register(ContactRequest("9005551234", "site", NAME)).contact.lead.id
    result = crm.erasure.erase(PHONE)
    assert result.lead_id == first
    ((other_id, other_placeholder),) = result.others
    assert other_id == twin and other_placeholder.startswith("erased:")
    assert other_placeholder != result.external_id
