"""Running an import again (hostile test of imports, defects 4, 8 and 15): a file that
changed while it was imported, a finished file whose rows were rejected run again with
options that fix them, options checked before "already imported", and the delimiter of
the rejects file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from desktop_crm.cli import importing as cli_importing
from tests.cli.helpers import snapshot
from tests.services.import_files import many_rows, pin_batch_rows, write_csv

REJECTED_FILE = "phone,name,source\n+79008880101,A,WhatsApp\n+79008880102,B,WhatsApp\n"


@pytest.fixture
def two_sources(services):
    with services() as crm:
        crm.operators.create("Анна", max_load=1_000)
        crm.sources.create("Telegram", code="tg")
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("tg", {"Анна": 1})
        crm.sources.set_weights("site", {"Анна": 1})


def _counts(data: dict) -> tuple[int, int, int, int]:
    return data["rows"], data["imported"], data["skipped"], data["rejected_total"]


# -- defect 4: the file changes while it is imported ----------------------------------------------
def test_a_file_cut_while_imported_exits_4_and_the_full_file_resumes(
    run, run_json, two_sources, tmp_path, monkeypatch
):
    pin_batch_rows(40, monkeypatch.setattr)
    path = write_csv(tmp_path / "leads.csv", many_rows(100))
    full = path.read_bytes()

    def cut_after_the_first_batch(_progress) -> None:
        with path.open("r+b") as file:
            file.truncate(len(full) // 2)

    monkeypatch.setattr(cli_importing, "_show_progress", cut_after_the_first_batch)
    result = run("--json", "import", path)
    assert result.code == 4, result
    assert result.err.startswith('desktop-crm: "leads.csv" changed while it was imported;')
    assert "rows committed: 40" in result.err
    assert _counts(json.loads(result.out)) == (40, 40, 0, 0)

    monkeypatch.setattr(cli_importing, "_show_progress", lambda _p: None)
    path.write_bytes(full)  # the complete file again: it resumes, nothing is lost
    data = run_json("import", path)
    assert _counts(data) == (60, 60, 0, 0)
    assert data["total"]["imported"] == 100


# -- defect 8: a finished file with rejected rows, run again ---------------------------------------
def test_rejected_rows_get_a_second_chance_with_a_source_mapped(
    run, run_json, two_sources, tmp_path
):
    path = tmp_path / "ro.csv"
    path.write_text(REJECTED_FILE, encoding="utf-8")
    assert _counts(run_json("import", path)) == (2, 0, 0, 2)

    fixed = run("import", path, "--map-source", "WhatsApp=tg")
    assert fixed.code == 0, fixed
    lines = fixed.out.splitlines()
    assert lines[0].startswith("ro.csv was imported on ")
    assert lines[0].endswith(
        "with 2 rejected row(s): they were tried again; the rows stored then count as skipped."
    )
    assert lines[1] == "rows: 2, imported: 2 (assigned 2, unassigned 0), skipped: 0, rejected: 0"

    # Nothing is left to do now: every row counts as skipped, honestly.
    done = run("import", path, "--map-source", "WhatsApp=tg")
    assert "was already imported on" in done.out
    assert "rows: 2, imported: 0 (assigned 0, unassigned 0), skipped: 2, rejected: 0" in done.out


def test_a_rerun_skips_the_rows_stored_and_counts_the_rejected_again(
    run_json, two_sources, tmp_path
):
    path = tmp_path / "mixed.csv"
    path.write_text(
        "phone,name,source\n+79008880101,A,tg\n+79008880102,B,WhatsApp\n+79008880103,C,Viber\n",
        encoding="utf-8",
    )
    assert _counts(run_json("import", path)) == (3, 1, 0, 2)
    same = run_json("import", path)  # the same options: still rejected, and said so
    assert _counts(same) == (3, 0, 1, 2)
    assert [r["line"] for r in same["rejected"]] == [3, 4]
    fixed = run_json("import", path, "--map-source", "WhatsApp=site")
    assert _counts(fixed) == (3, 1, 1, 1)
    both = ("--map-source", "WhatsApp=site", "--map-source", "Viber=tg")
    assert _counts(run_json("import", path, *both)) == (3, 1, 2, 0)
    assert _counts(run_json("import", path)) == (3, 0, 3, 0)  # already imported
    leads = run_json("leads")
    assert sum(len(lead["contacts"]) for lead in leads) == 3  # none imported twice


@pytest.mark.parametrize("rejected", [False, True])
def test_an_unknown_source_exits_2_before_already_imported(
    run, run_json, run_error, two_sources, tmp_path, db_path, rejected
):
    path = tmp_path / "f.csv"
    content = REJECTED_FILE if rejected else REJECTED_FILE.replace("WhatsApp", "tg")
    path.write_text(content, encoding="utf-8")
    run_json("import", path)
    before = snapshot(db_path)
    assert run_error("import", path, "--source", "nosuch") == "desktop-crm: No source 'nosuch'."
    assert (
        run_error("import", path, "--map-source", "WhatsApp=nosuch")
        == "desktop-crm: No source 'nosuch'."
    )
    assert snapshot(db_path) == before


# -- defect 15: the rejects file's delimiter ------------------------------------------------------
@pytest.mark.parametrize(
    ("delimiter", "written"), [(",", ","), (";", ";"), ("\t", ";"), ("|", ";")]
)
def test_the_rejects_file_keeps_a_comma_or_semicolon_and_reimports(
    run_json, two_sources, tmp_path, delimiter, written
):
    """As the README says: the imported file's delimiter when it is "," or ";" (the
    fixed file goes back to the program that made the original), ";" otherwise."""
    path = tmp_path / "in.txt"
    rows = [("+79008880101", "A", "tg"), ("+79008880102", "B", "WhatsApp")]
    write_csv(path, rows, ("phone", "name", "source"), delimiter=delimiter)
    out = tmp_path / "rejects.csv"
    assert run_json("import", path, "--rejects", out)["rejected_total"] == 1
    raw = out.read_text(encoding="utf-8-sig")
    assert raw.splitlines()[0] == written.join(["phone", "name", "source", "reason"])
    with out.open(encoding="utf-8-sig", newline="") as file:
        (header, cells) = list(csv.reader(file, delimiter=written))
    fixed = Path(tmp_path / "fixed.csv")
    write_csv(fixed, [[*cells[:2], "tg", cells[3]]], header, delimiter=written)
    assert _counts(run_json("import", fixed)) == (1, 1, 0, 0)
