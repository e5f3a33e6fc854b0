"""What erasure left of a file's name reads in the user's language: the stored marker is
``[erased]`` (the same in every database, whatever language wrote it), the window shows
it translated in the Imports list, its tool tip, the rejects heading and the journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_crm.domain.audit import ObjectKind
from desktop_crm.importing import open_table
from desktop_crm.services.audit import AuditFilter
from desktop_crm.ui.models.imports import FILE, ImportsModel
from desktop_crm.ui.models.journal import object_text


@pytest.fixture
def erased_file(ctx, tmp_path) -> None:
    """An import of a file named after a lead, then the lead erased."""
    crm = ctx.crm
    crm.operators.create("Анна", max_load=100)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    path = tmp_path / "заявка 8-900-555-12-34.csv"
    path.write_text("phone,name,source\n+79005551234,Иванов,site\n", encoding="utf-8")
    crm.imports.run(open_table(path))
    crm.erasure.erase("+79005551234")
    (record,) = crm.imports.list()
    assert record.file_name == "заявка [erased].csv"  # as stored


def test_the_imports_list_and_the_journal_show_the_marker_in_russian(
    russian, ctx, erased_file, settle
):
    model = ImportsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    name = model.index(0, FILE)
    assert name.data() == "заявка [удалено].csv"
    assert name.data(Qt.ItemDataRole.ToolTipRole).endswith("заявка [удалено].csv")
    (entry, *_) = ctx.crm.audit.entries(AuditFilter(object_kind=ObjectKind.IMPORT.value))
    assert "[удалено]" in object_text(entry) and "[erased]" not in object_text(entry)


def test_in_english_the_marker_reads_as_stored(ctx, erased_file, settle):
    model = ImportsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    assert model.index(0, FILE).data() == "заявка [erased].csv"
