"""The bad-file corpus through `desktop-crm import`: every kind of malformed file
from issue 8, generated here. Each either imports with every physical record
accounted for (rows = imported + skipped + rejected_total), or is refused at
once with exit 2 and nothing written. Nothing is ever stored with U+FFFD, and
no import is left "running"."""

from __future__ import annotations

import csv
import json
import os
import socket
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop_crm.importing.csv_reader import MAX_LINE_CHARS, MAX_RECORD_LINES
from desktop_crm.importing.table import SAMPLE_BYTES
from desktop_crm.services.importer import write_rejected_rows
from tests.cli.helpers import snapshot
from tests.importing.xlsx_bombs import (
    huge_cell_xlsx,
    inline,
    many_idless_rows_xlsx,
    row_xml,
    write_xlsx_parts,
)

REPO = Path(__file__).resolve().parents[2]
HEAD = "phone,name,message\n"


def good_rows(count: int, start: int = 0) -> str:
    return "".join(f"+7901{i:07d},Имя {i},текст {i}\n" for i in range(start, start + count))


def unbalanced_quote(d: Path) -> Path:
    path = d / "unbalanced.csv"
    path.write_text(HEAD + '+79005550001,"Broken,hi\n+79005550002,Ok,yo\n', encoding="utf-8")
    return path


def quote_in_20k(d: Path) -> Path:
    lines = good_rows(20_000).splitlines()
    lines[4_999] = '+79010004999,"Имя,текст'
    path = d / "big.csv"
    path.write_text(HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def quote_swallowing_lines(d: Path) -> Path:
    path = d / "swallow.csv"
    body = good_rows(MAX_RECORD_LINES + 10, 1)
    path.write_text(HEAD + '+79000000000,"opens,x\n' + body, encoding="utf-8")
    return path


def quotes_pairing_up(d: Path) -> Path:
    path = d / "pairs.csv"
    text = HEAD + '+79000000001,"Анна,a\n+79000000002,"Борис,b\n+79000000003,Вера,c\n'
    path.write_text(text, encoding="utf-8")
    return path


def cp1251_after_utf8(d: Path) -> Path:
    path = d / "mixed.csv"
    head = (HEAD + good_rows(2_000)).encode()
    assert len(head) > SAMPLE_BYTES
    tail = "+79000000001,Ольга,привет\n+79000000002,Olga,hello\n".encode("cp1251")
    path.write_bytes(head + tail)
    return path


def nul_after_sample(d: Path) -> Path:
    path = d / "nul.csv"
    path.write_bytes((HEAD + good_rows(2_000)).encode() + b"+79000000001,a\x00b,c\n")
    return path


def line_above_the_limit(d: Path) -> Path:
    path = d / "long.csv"
    text = HEAD + '+79000000001,"' + "x" * MAX_LINE_CHARS + "\n+79000000002,b,c\n"
    path.write_text(text, encoding="utf-8")
    return path


def xlsx_huge_cell(d: Path) -> Path:
    return huge_cell_xlsx(d / "cell.xlsx", 3_000_000)


def xlsx_huge_shared_string(d: Path) -> Path:
    return huge_cell_xlsx(d / "shared.xlsx", 3_000_000, shared=True)


def xlsx_idless_rows(d: Path) -> Path:
    return many_idless_rows_xlsx(d / "idless.xlsx", 20_000)


def xlsx_with_entities(d: Path) -> Path:
    header = row_xml(1, [inline("A", 1, "phone")])
    path = write_xlsx_parts(d / "laughs.xlsx", [header])
    # Rewrite the sheet with a DOCTYPE declaring an entity: refused, never expanded.
    import zipfile

    data = {}
    with zipfile.ZipFile(path) as book:
        for name in book.namelist():
            data[name] = book.read(name)
    sheet = data["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("?>", '?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>', 1)
    data["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, content in data.items():
            book.writestr(name, content)
    return path


def binary(d: Path) -> Path:
    path = d / "binary.csv"
    path.write_bytes(bytes(range(256)) * 10)
    return path


def empty(d: Path) -> Path:
    path = d / "empty.csv"
    path.write_bytes(b"")
    return path


def directory(d: Path) -> Path:
    path = d / "folder.csv"
    path.mkdir()
    return path


def unix_socket(d: Path) -> Path:
    path = d / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


def device(_d: Path) -> Path:
    return Path("/dev/null")


# name -> (make, exit code, rows, imported, rejected)
CORPUS: dict[str, tuple[Callable[[Path], Path], int, int, int, int]] = {
    "unbalanced quote (issue example)": (unbalanced_quote, 0, 2, 1, 1),
    "unbalanced quote in 20k rows": (quote_in_20k, 0, 20_000, 19_999, 1),
    "quote swallowing lines": (quote_swallowing_lines, 0, MAX_RECORD_LINES + 11, 1_010, 1),
    "quotes pairing up": (quotes_pairing_up, 0, 3, 1, 2),
    "cp1251 after 64 KB of UTF-8": (cp1251_after_utf8, 0, 2_002, 2_001, 1),
    "NUL after 64 KB": (nul_after_sample, 0, 2_001, 2_000, 1),
    "line just above 1 MB": (line_above_the_limit, 0, 2, 1, 1),
    "xlsx with a huge cell": (xlsx_huge_cell, 0, 2, 1, 1),
    "xlsx with a huge shared string": (xlsx_huge_shared_string, 0, 2, 1, 1),
    "xlsx with id-less rows": (xlsx_idless_rows, 0, 20_000, 0, 20_000),
    "xlsx with entities": (xlsx_with_entities, 2, 0, 0, 0),
    "binary": (binary, 2, 0, 0, 0),
    "empty": (empty, 2, 0, 0, 0),
    "directory": (directory, 2, 0, 0, 0),
    "socket": (unix_socket, 2, 0, 0, 0),
    "device": (device, 2, 0, 0, 0),
}


@pytest.fixture
def site(run_json):
    run_json("operator", "add", "alice", "--max-load", "100000")
    run_json("source", "add", "Сайт", "--code", "site")
    run_json("source", "weights", "site", "alice=1")


def text_columns(db_path: Path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        values: list[str] = []
        for sql in (
            "SELECT external_id, name FROM lead",
            "SELECT message, '' FROM contact",
            "SELECT reason, cells FROM import_reject",
        ):
            for a, b in connection.execute(sql):
                values.extend([a or "", b or ""])
        return values
    finally:
        connection.close()


def statuses(db_path: Path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        return [s for (s,) in connection.execute("SELECT status FROM import_run")]
    finally:
        connection.close()


@pytest.mark.parametrize("kind", list(CORPUS))
def test_the_bad_file_corpus(kind, tmp_path, run, site, db_path):
    make, code, rows, imported, rejected = CORPUS[kind]
    path = make(tmp_path)
    before = snapshot(db_path)
    result = run("--json", "import", path, "--source", "site")
    assert result.code == code, result
    assert "Traceback" not in result.err
    if code:
        assert result.out == "" and len(result.err.splitlines()) == 1, result
        assert snapshot(db_path) == before  # refused before anything was written
        return
    data = json.loads(result.out)
    assert data["rows"] == data["imported"] + data["skipped"] + data["rejected_total"]
    assert (data["rows"], data["imported"], data["rejected_total"]) == (rows, imported, rejected)
    assert len(data["rejected"]) == min(rejected, 1_000)
    assert statuses(db_path) == ["done"]
    assert not any("\ufffd" in value for value in text_columns(db_path))
    assert all(len(value) < 300_000 for value in text_columns(db_path))  # cells capped


def test_rejects_option_writes_what_the_window_writes(
    tmp_path, run, run_json, site, database_location
):
    path = unbalanced_quote(tmp_path)
    out = tmp_path / "out" / "rejects.csv"
    out.parent.mkdir()
    data = run_json("import", path, "--source", "site", "--rejects", out)
    assert data["rejected_total"] == 1
    with out.open(encoding="utf-8-sig", newline="") as file:
        written = list(csv.reader(file, delimiter=","))
    assert written[0] == ["phone", "name", "message", "reason"]
    assert written[1][:2] == ["+79005550001", "Broken,hi"]
    assert written[1][-1].startswith("A quoted field opens on this line")
    # The same bytes as the window's writer gives for the same rejected rows.
    from desktop_crm.services import open_crm

    crm = open_crm(database_location)
    try:
        window = tmp_path / "window.csv"
        (record,) = crm.imports.list()
        write_rejected_rows(window, record.headers, crm.imports.rejects(record.id), ",")
    finally:
        crm.close()
    assert out.read_bytes() == window.read_bytes()


def test_rejects_option_for_a_file_already_imported_writes_only_the_header(
    tmp_path, run_json, site
):
    path = unbalanced_quote(tmp_path)
    run_json("import", path, "--source", "site")
    out = tmp_path / "again.csv"
    # Its rejected row is tried again (and rejected again): the file holds it.
    data = run_json("import", path, "--source", "site", "--rejects", out)
    assert (data["imported"], data["skipped"], data["rejected_total"]) == (0, 1, 1)
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == 2
    # Fixed in the file: a new content, whose stored row is skipped.
    path.write_text(path.read_text(encoding="utf-8").replace("Broken,", 'Broken",'))
    run_json("import", path, "--source", "site")
    data = run_json("import", path, "--source", "site", "--rejects", out)
    assert (data["imported"], data["skipped"], data["rejected_total"]) == (0, 2, 0)
    assert out.read_text(encoding="utf-8-sig").splitlines() == ["phone,name,message,reason"]


@pytest.mark.parametrize("target", ["missing-folder/out.csv", ".", "crm.sqlite3", "fifo.csv"])
def test_an_unwritable_rejects_target_is_refused_before_importing(
    tmp_path, run, run_error, site, db_path, target
):
    path = unbalanced_quote(tmp_path)
    os.mkfifo(tmp_path / "fifo.csv")  # opening it to write would block
    before = snapshot(db_path)
    message = run_error("import", path, "--source", "site", "--rejects", tmp_path / target)
    assert "Cannot write the rejected rows" in message
    assert snapshot(db_path) == before


def test_the_import_file_itself_is_refused_as_rejects_target(tmp_path, run_error, site):
    path = unbalanced_quote(tmp_path)
    original = path.read_bytes()
    run_error("import", path, "--source", "site", "--rejects", path)
    assert path.read_bytes() == original


# -- in a process of its own: a FIFO must not hang, memory stays bounded ---------------------
def cli(db: Path, *args: object, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    script = textwrap.dedent(
        """
        import sys
        from desktop_crm.app import main
        code = main(sys.argv[1:])
        # VmHWM: the peak of this program's own memory. (getrusage's ru_maxrss keeps
        # the peak of the process before exec, i.e. of the pytest that forked it.)
        with open("/proc/self/status") as status:
            line = next(l for l in status if l.startswith("VmHWM:"))
        sys.stderr.write(f"peak-mb {int(line.split()[1]) // 1024}\\n")
        sys.exit(code)
        """
    )
    return subprocess.run(
        [sys.executable, "-c", script, "--db", str(db), *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def peak_mb(result: subprocess.CompletedProcess[str]) -> int:
    return int(result.stderr.rsplit("peak-mb ", 1)[1].split()[0])


def test_a_fifo_is_refused_at_once_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = cli(tmp_path / "crm.sqlite3", "import", fifo, "--source", "x", timeout=60)
    assert result.returncode == 2, result.stderr
    assert "is not a regular file" in result.stderr


def test_a_decompression_bomb_imports_in_bounded_memory(tmp_path):
    db = tmp_path / "crm.sqlite3"
    assert cli(db, "source", "add", "Сайт", "--code", "site").returncode == 0
    bomb = huge_cell_xlsx(tmp_path / "bomb.xlsx", 150_000_000, shared=True)
    assert bomb.stat().st_size < 2_000_000  # 300 MB of text in a small file
    result = cli(db, "--json", "import", bomb, "--source", "site", timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["rows"], data["imported"], data["rejected_total"]) == (2, 1, 1)
    assert "The cell C2 holds 150000000 characters" in data["rejected"][0]["reason"]
    assert peak_mb(result) < 200  # openpyxl held the whole string (and more) here
    assert db.stat().st_size < 5_000_000


def test_a_300_mb_line_imports_in_bounded_memory(tmp_path):
    db = tmp_path / "crm.sqlite3"
    assert cli(db, "source", "add", "Сайт", "--code", "site").returncode == 0
    path = tmp_path / "one-line.csv"
    with path.open("wb") as file:
        file.write(b'phone,name,message\n+79000000001,a,"')
        block = b"x" * (1 << 20)
        for _ in range(300):
            file.write(block)
        file.write(b"\n+79000000002,b,c\n")
    result = cli(db, "--json", "import", path, "--source", "site", timeout=300)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["rows"], data["imported"], data["rejected_total"]) == (2, 1, 1)
    assert data["rejected"][0] == {"line": 2, "reason": "The line is longer than 1 MB."}
    assert peak_mb(result) < 150


def test_a_workbook_damaged_mid_way_leaves_a_failed_import_not_a_running_one(
    tmp_path, run, run_json, site, db_path
):
    rows = [row_xml(1, [inline("A", 1, "phone"), inline("B", 1, "name")])]
    rows += [
        row_xml(n, [inline("A", n, f"+7900{n:07d}"), inline("B", n, "x")]) for n in range(2, 3_000)
    ]
    rows.append("<row r='3000'><c></row>")  # broken XML after 2,998 good rows
    path = write_xlsx_parts(tmp_path / "damaged.xlsx", rows)
    result = run("--json", "import", path, "--source", "site")
    assert result.code != 0 and "Traceback" not in result.err
    assert "is not a table" in result.err and len(result.err.splitlines()) == 1
    assert statuses(db_path) == ["failed"]
