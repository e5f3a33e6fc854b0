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
