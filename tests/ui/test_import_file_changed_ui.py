"""The import dialog on a file that changes while it is imported (hostile test of imports,
defect 4): it stops saying so, what was committed stays, and the restored file resumes."""

from __future__ import annotations

import pytest

from tests.ui.test_import_ui import (  # noqa: F401  # sample_sources: a fixture
    contact_count,
    contacts_file,
    open_dialog,
    run_import,
    sample_sources,
    small_batches,
)


@pytest.mark.usefixtures("sample_sources")
def test_a_file_cut_while_imported_stops_and_the_restored_file_resumes(qtbot, ctx, tmp_path):
    handled = small_batches(ctx.crm)
    path = contacts_file(tmp_path / "cut.csv", 300)
    full = path.read_bytes()
    dialog = open_dialog(qtbot, ctx, path)

    def cut(_progress) -> None:
        if path.stat().st_size == len(full):
            with path.open("r+b") as file:
                file.truncate(len(full) // 2)
        handled.set()

    dialog.progress_changed = cut
    run_import(qtbot, dialog)
    assert dialog.summary_title.text() == "The import stopped"
    text = dialog.summary_text.text()
    assert text.startswith('"cut.csv" changed while it was imported;'), text
    committed = contact_count(ctx.crm)
    assert 0 < committed < 150  # what was read before the cut; nothing after it

    path.write_bytes(full)
    resumed = open_dialog(qtbot, ctx, path)
    assert f"resume after row {committed}" in resumed.notice_message.text()
    run_import(qtbot, resumed)
    assert resumed.summary.resumed and resumed.summary.record.imported == 300
    assert contact_count(ctx.crm) == 300
