"""An import's identity is the file's content and the sheet read (a text file has none):
another sheet of a workbook imported before is a new import, the same sheet again is
recognised (refused as done, resumed when unfinished)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_crm.importing import ReadOptions, open_table
from desktop_crm.services.importer import ImportStatus

from .import_files import HEADER, many_rows, row

JANUARY, FEBRUARY = "Январь", "Февраль"


@pytest.fixture
def roomy(crm):
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    return crm


def months(path: Path, february_rows: int = 3) -> Path:
    """«Январь» (active): leads 0-1; «Февраль»: leads 100 on, ``february_rows`` of them,
    and lead 0's January row again (imported before: skipped)."""
    book = Workbook()
    january = book.active
    january.title = JANUARY
    january.append(list(HEADER))
    for n in range(2):
        january.append(list(row(n)))
    february = book.create_sheet(FEBRUARY)
    february.append(list(HEADER))
    for cells in many_rows(february_rows + 100)[100:]:
        february.append(list(cells))
    february.append(list(row(0)))
    book.save(path)
    return path


def sheet(path: Path, name: str | None = None):
    return open_table(path, ReadOptions(sheet=name))


def test_another_sheet_is_a_new_import_and_the_same_sheet_is_recognised(roomy, tmp_path):
    crm = roomy
    path = months(tmp_path / "book.xlsx")
    first = crm.imports.run(sheet(path))
    assert (first.table.sheet, first.imported) == (JANUARY, 2)

    second = crm.imports.run(sheet(path, FEBRUARY))  # no `again` needed
    assert second.already_imported is None
    assert second.record.id != first.record.id
    assert (second.imported, second.skipped) == (3, 1)  # lead 0's row was imported before

    for name, record in ((FEBRUARY, second.record), (JANUARY, first.record), (None, first.record)):
        again = crm.imports.run(sheet(path, name))
        assert again.already_imported is not None and again.already_imported.id == record.id
        assert (again.imported, again.skipped) == (0, record.rows)
    assert len(crm.imports.list()) == 2


def test_an_unfinished_sheet_is_resumed_only_by_that_sheet(roomy, tmp_path):
    crm = roomy
    path = months(tmp_path / "book.xlsx", february_rows=10)
    crm.imports.batch_rows = 4
    stopped = crm.imports.run(sheet(path, FEBRUARY), cancelled=lambda: True)
    assert stopped.cancelled and stopped.record.rows_done == 4

    january = crm.imports.run(sheet(path))  # the active sheet: a new import of its own
    assert not january.resumed
    assert january.record.id != stopped.record.id
    assert (january.table.sheet, january.imported) == (JANUARY, 2)

    resumed = crm.imports.run(sheet(path, FEBRUARY))
    assert resumed.resumed and resumed.record.id == stopped.record.id
    assert resumed.record.status == ImportStatus.DONE
    assert (resumed.record.imported, resumed.record.skipped) == (10, 1)


def test_previous_imports_are_found_per_sheet(roomy, tmp_path):
    crm = roomy
    path = months(tmp_path / "book.xlsx")
    done = crm.imports.run(sheet(path, FEBRUARY)).record
    assert crm.imports.find_previous(done.content_hash, FEBRUARY) == done
    assert crm.imports.find_previous(done.content_hash, JANUARY) is None
    assert crm.imports.find_previous_for(path, FEBRUARY) == done
    assert crm.imports.find_previous_for(path, JANUARY) is None
