"""`desktop-crm import` of the files a hostile tester attacked imports with (issue 13):
short cp1251 files, Excel error cells, `_x000D_` escapes, encrypted and many-sheet
workbooks."""

from __future__ import annotations

from tests.services.import_files import stored


def test_a_short_cp1251_file_is_stored_in_cyrillic_and_the_summary_names_the_encoding(
    run, run_json, seeded, tmp_path, db_path
):
    path = tmp_path / "excel.csv"
    text = "lead_external_id;lead_name;source_id;message\r\n" + "".join(
        f"+7900123456{n};{name};tg;\r\n" for n, name in enumerate(["Иван", "Олег", "Анна"])
    )
    path.write_bytes(text.encode("cp1251"))
    result = run("import", path)
    assert result.code == 0, result
    assert "encoding: cp1251" in result.out.splitlines()
    assert sorted(s.name for s in stored(db_path) if s.name) == ["Анна", "Иван", "Олег"]
    again = tmp_path / "one.csv"
    again.write_bytes("phone;name;source\r\n+79001234570;Пётр;tg\r\n".encode("cp1251"))
    data = run_json("import", again)
    assert (data["encoding"], data["sheet"]) == ("cp1251", None)
    assert "Пётр" in [s.name for s in stored(db_path)]


def _na_workbook(path):
    from tests.importing.xlsx_bombs import inline, row_xml, write_xlsx_parts

    header = row_xml(
        1, [inline("A", 1, "Телефон"), inline("B", 1, "Имя"), inline("C", 1, "Источник")]
    )
    rows = [
        row_xml(
            n,
            [
                f'<c r="A{n}" t="e"><f>VLOOKUP(B{n},Sheet2!A:B,2,0)</f><v>#N/A</v></c>',
                inline("B", n, name),
                inline("C", n, "tg"),
            ],
        )
        for n, name in [(2, "Анна"), (3, "Борис"), (4, "Вера")]
    ]
    return write_xlsx_parts(path, [header, *rows])


def test_excel_errors_in_the_id_column_are_rejected_not_one_lead(
    run_json, seeded, tmp_path, db_path
):
    before = stored(db_path)
    data = run_json("import", _na_workbook(tmp_path / "na.xlsx"))
    assert (data["rows"], data["imported"], data["skipped"], data["rejected_total"]) == (3, 0, 0, 3)
    assert {r["reason"] for r in data["rejected"]} == {
        'No lead id: the column "Телефон" holds the Excel error #N/A, not a value.'
    }
    assert stored(db_path) == before


def test_an_encrypted_workbook_says_so(run_error, seeded, tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    message = run_error("import", path)
    assert "password-protected" in message and '".xls"' not in message


def _two_sheets(path):
    from openpyxl import Workbook

    book = Workbook()
    march = book.active
    march.title = "Март"
    march.append(["phone", "name", "source"])
    march.append(["+79007770061", "March", "tg"])
    april = book.create_sheet("Апрель")
    april.append(["phone", "name", "source"])
    april.append(["+79007770062", "April", "tg"])
    book.save(path)
    return path


def test_a_workbook_with_several_sheets_says_which_was_read(run, run_json, seeded, tmp_path):
    path = _two_sheets(tmp_path / "months.xlsx")
    data = run_json("import", path)
    assert (data["sheet"], data["imported"]) == ("Март", 1)
    assert data["warnings"] == [
        'only the sheet "Март" of the workbook was read; its other sheets ("Апрель") were '
        "not: import each with --sheet NAME."
    ]
    result = run("import", path, "--sheet", "Апрель", "--again")
    assert result.code == 0, result
    lines = result.out.splitlines()
    assert "sheet: Апрель" in lines
    assert lines[0].startswith("rows: 1, imported: 1")
    assert any('other sheets ("Март")' in line for line in lines)


def test_another_sheet_needs_no_again_and_the_same_sheet_is_recognised(run, seeded, tmp_path):
    """An import is the file's content and its sheet (issue: a second sheet was refused
    as already imported unless --again, which re-imported rows as well)."""
    path = _two_sheets(tmp_path / "months.xlsx")
    assert run("import", path).code == 0  # «Март»
    april = run("import", path, "--sheet", "Апрель")
    assert april.code == 0, april
    assert april.out.splitlines()[0].startswith("rows: 1, imported: 1")
    for sheet in ("Апрель", "Март"):
        again = run("import", path, "--sheet", sheet)
        assert again.code == 0, again
        first = again.out.splitlines()[0]
        assert first.startswith(f'months.xlsx (sheet "{sheet}") was already imported on'), first
        assert again.out.splitlines()[1].startswith("rows: 1, imported: 0")


def test_an_unknown_sheet_names_the_sheets_there_are(run_error, seeded, tmp_path):
    message = run_error("import", _two_sheets(tmp_path / "months.xlsx"), "--sheet", "Май")
    assert message == 'desktop-crm: The workbook has no sheet "Май"; its sheets: "Март", "Апрель".'


def test_a_one_sheet_workbook_warns_about_no_sheet(run_json, seeded, tmp_path):
    from tests.services.import_files import write_xlsx

    path = write_xlsx(
        tmp_path / "one.xlsx", [("+79007770063", "One", "tg")], ("phone", "name", "source")
    )
    assert run_json("import", path)["warnings"] == []
