"""A file that changes while it is imported (re-saved, synced, truncated) stops the import:
what was committed stays, the run is left to resume, and importing the file again does the
right thing: the same content resumes, another content is a new file (hostile test, defect 4)."""

from __future__ import annotations

import os

import pytest

from desktop_crm.errors import StoppedPartWay
from desktop_crm.importing import FileChanged, open_table
from desktop_crm.services.importer import ImportStatus

from .import_files import many_rows, write_csv

ROWS = 350


@pytest.fixture
def roomy(crm):
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.imports.batch_rows = 100
    return crm


def _import_changing(crm, path, change, after_batches: int = 1):
    """Import ``path``; ``change()`` runs once ``after_batches`` batches committed."""
    batches = 0

    def progress(_progress) -> None:
        nonlocal batches
        batches += 1
        if batches == after_batches:
            change()

    return crm.imports.run(open_table(path), progress=progress)


def _cut(path, size: int) -> None:
    with path.open("r+b") as file:
        file.truncate(size)


def test_a_file_cut_while_imported_stops_and_the_full_file_resumes(roomy, tmp_path):
    path = write_csv(tmp_path / "f.csv", many_rows(ROWS))
    full = path.read_bytes()
    with pytest.raises(StoppedPartWay) as stop:
        _import_changing(roomy, path, lambda: _cut(path, len(full) * 2 // 3))
    assert isinstance(stop.value.cause, FileChanged)
    assert stop.value.committed == 100  # the batch read before the cut stays; none after
    assert "changed while it was imported" in str(stop.value)
    (record,) = roomy.imports.list()
    assert record.status == ImportStatus.FAILED
    assert (record.rows_done, record.imported) == (100, 100)

    path.write_bytes(full)  # the complete file again: the same content resumes
    summary = roomy.imports.run(open_table(path))
    assert summary.already_imported is None and summary.resumed
    assert (summary.imported, summary.record.imported) == (ROWS - 100, ROWS)
    assert summary.record.status == ImportStatus.DONE


def test_a_cut_at_a_batch_boundary_is_noticed_too(roomy, tmp_path):
    """The next batch reads nothing: an early end of the file is no end of the import."""
    path = write_csv(tmp_path / "f.csv", many_rows(ROWS))
    full = path.read_bytes()
    first_200 = len(b"".join(full.splitlines(keepends=True)[:201]))  # the header and 200 rows
    with pytest.raises(StoppedPartWay) as stop:
        _import_changing(roomy, path, lambda: _cut(path, first_200), after_batches=2)
    assert isinstance(stop.value.cause, FileChanged) and stop.value.committed == 200
    path.write_bytes(full)
    summary = roomy.imports.run(open_table(path))
    assert summary.resumed and summary.record.imported == ROWS


def test_a_file_changed_to_other_content_imports_as_a_new_file(roomy, tmp_path):
    path = write_csv(tmp_path / "f.csv", many_rows(ROWS))
    shorter = write_csv(tmp_path / "shorter.csv", many_rows(250)).read_bytes()
    with pytest.raises(StoppedPartWay):
        _import_changing(roomy, path, lambda: path.write_bytes(shorter))
    summary = roomy.imports.run(open_table(path))  # the new content: a file of its own
    assert summary.already_imported is None and not summary.resumed
    assert (summary.rows, summary.imported, summary.skipped) == (250, 150, 100)
    assert [r.status for r in roomy.imports.list()] == [ImportStatus.DONE, ImportStatus.FAILED]


def test_the_same_size_rewritten_is_noticed_by_its_time(roomy, tmp_path):
    path = write_csv(tmp_path / "f.csv", many_rows(ROWS))
    full = path.read_bytes()

    def rewrite() -> None:
        path.write_bytes(full.replace(b"message 300", b"MESSAGE 300"))
        stat = os.stat(path)
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))

    with pytest.raises(StoppedPartWay) as stop:
        _import_changing(roomy, path, rewrite)
    assert isinstance(stop.value.cause, FileChanged)


def test_a_change_before_the_first_batch_commits_nothing(roomy, tmp_path, monkeypatch):
    """Changed between the hash and the first rows: refused outright (exit 2), and the
    file is imported whole when run again."""
    path = write_csv(tmp_path / "f.csv", many_rows(ROWS))
    full = path.read_bytes()
    table = open_table(path)
    from desktop_crm.services import importer

    hashed = importer.file_sha256

    def hash_then_cut(target):
        digest = hashed(target)
        _cut(path, 1_000)
        return digest

    monkeypatch.setattr(importer, "file_sha256", hash_then_cut)
    with pytest.raises(FileChanged):
        roomy.imports.run(table)
    monkeypatch.setattr(importer, "file_sha256", hashed)
    path.write_bytes(full)
    summary = roomy.imports.run(open_table(path))
    assert summary.record.imported == ROWS and summary.record.status == ImportStatus.DONE


def test_a_reader_failing_on_a_changed_file_says_the_file_changed(roomy, tmp_path, monkeypatch):
    """A workbook cut short can break its reader before a batch ends: the reason given is
    the change, not an internal error."""
    from desktop_crm.services import importer

    path = write_csv(tmp_path / "f.csv", many_rows(ROWS))
    take = importer._take
    calls = []

    def take_then_break(rows, size):
        calls.append(size)
        if len(calls) == 2:
            _cut(path, 10)
            raise OSError("unexpected end of data")
        return take(rows, size)

    monkeypatch.setattr(importer, "_take", take_then_break)
    with pytest.raises(StoppedPartWay) as stop:
        roomy.imports.run(open_table(path))
    assert isinstance(stop.value.cause, FileChanged) and stop.value.committed == 100
