"""The one CSV writer: UTF-8 with a BOM, formula cells neutralised, plain numbers kept,
the file replaced only when complete, special targets refused."""

from __future__ import annotations

import csv
import io
import os
import stat
import time

import pytest

from desktop_crm.csv_writer import CsvWriter, safe_cell, unescape_cell, write_csv
from desktop_crm.errors import CrmError
from desktop_crm.importing import RejectsWriter


def read_back(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel detects UTF-8 by the BOM
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1+1", "'  =1+1"),
        ("\uff1d1+1", "'\uff1d1+1"),  # a full-width equals sign
        ("-", "'-"),
        ("+7 (900) 555-00-01", "'+7 (900) 555-00-01"),
        # plain numbers stay as they are: phones in E.164 and signed numbers
        ("+79001234567", "+79001234567"),
        ("-5", "-5"),
        ("-1,5", "-1,5"),
        ("+3.25", "+3.25"),
        # ordinary text untouched
        ("Анна", "Анна"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cells_that_would_run_as_formulas_are_prefixed_plain_numbers_are_not(
    tmp_path, value, written
):
    out = tmp_path / "out.csv"
    write_csv(out, [["h"], [value]])
    assert read_back(out)[1] == [written]


def test_numbers_and_none_are_written_as_numbers_and_empty_cells():
    assert safe_cell(-5) == -5
    assert safe_cell(2.5) == 2.5
    assert safe_cell(None) == ""
    assert safe_cell(True) == "true"


def test_cyrillic_survives_and_quoting_is_csv(tmp_path):
    out = tmp_path / "out.csv"
    assert write_csv(out, [["Имя", "Сообщение"], ["Ёжик", 'a;b "c"\nd']]) == 2
    assert read_back(out) == [["Имя", "Сообщение"], ["Ёжик", 'a;b "c"\nd']]


def test_a_failed_export_keeps_the_old_file_and_leaves_no_temporary(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), CsvWriter(out) as writer:
        writer.writerow(["new"])
        raise RuntimeError("stopped")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_the_new_file_is_readable_by_its_owner_only(tmp_path):
    out = tmp_path / "out.csv"
    write_csv(out, [["x"]])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_special_targets_are_refused(tmp_path):
    with pytest.raises(CrmError, match="folder"):
        write_csv(tmp_path, [["x"]])
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(CrmError, match="not a regular file"):
        write_csv(fifo, [["x"]])  # would otherwise hang until someone reads
    with pytest.raises(CrmError, match="Cannot write"):
        write_csv(tmp_path / "missing" / "out.csv", [["x"]])


def test_rejects_file_neutralises_formulas_too(tmp_path):
    out = tmp_path / "rejected.csv"
    with RejectsWriter(out, ["phone", "name", "message"]) as writer:
        writer.write(["+79005550001", '=HYPERLINK("http://x","click")', "-1"], "@reason")
    assert read_back(out) == [
        ["phone", "name", "message", "reason"],
        ["+79005550001", '\'=HYPERLINK("http://x","click")', "-1", "'@reason"],
    ]


def test_a_symlink_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_csv(link, [["new"]])
    assert link.is_symlink()
    assert read_back(real) == [["new"]]
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to(tmp_path / "nowhere" / "x.csv")
    with pytest.raises(CrmError, match="link to nothing"):
        write_csv(dangling, [["x"]])


@pytest.mark.parametrize(
    "value", ["=1+1", "+7 (900) 555-00-01", "  =x", "@a", "-", "'", "'x", "''=1", "plain", ""]
)
def test_unescape_reverses_safe_cell(value):
    assert unescape_cell(str(safe_cell(value))) == value


def test_temporaries_of_killed_exports_are_removed_live_ones_kept(tmp_path):
    out = tmp_path / "out.csv"
    stale = tmp_path / ".out.csv.abc123.tmp"
    live = tmp_path / ".out.csv.def456.tmp"
    other = tmp_path / ".other.csv.abc123.tmp"
    for path in (stale, live, other):
        path.write_text("+79005550001", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    write_csv(out, [["x"]])
    assert not stale.exists()
    assert live.exists() and other.exists()  # another export may still be writing


def test_a_database_is_never_replaced_by_a_csv(tmp_path):
    import sqlite3

    database = tmp_path / "backup.sqlite3"
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    before = database.read_bytes()
    with pytest.raises(CrmError, match="it is a database"):
        write_csv(database, [["x"]])
    with pytest.raises(CrmError, match="it is a database"):
        RejectsWriter(database, ["phone"])
    assert database.read_bytes() == before
