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
