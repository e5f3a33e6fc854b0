"""The import dialog on a file with an absurd number of columns (hostile test of imports,
defect 13: 100,000 header cells froze the window for 23 s). What the GUI thread builds is
capped: the preview shows the first columns and says so, the column lists hold the first
columns and the ones the mapping chose."""

from __future__ import annotations

import re

import pytest

from desktop_crm.importing.fields import Field
from desktop_crm.ui.import_dialog.setup_page import LISTED_COLUMNS
from desktop_crm.ui.models.imports import PREVIEW_COLUMNS
from tests.ui.test_import_ui import (  # noqa: F401  # sample_sources: a fixture
    contact_count,
    open_dialog,
    run_import,
    sample_sources,
)

WIDTH = 20_000


def wide_file(path, id_last: bool = False):
    filler = [f"c{n}" for n in range(WIDTH - 3)]
    header = (
        [*filler, "source", "name", "phone"] if id_last else ["phone", "name", "source", *filler]
    )
    cells = ["" for _ in filler]
    row = (
        [*cells, "tg", "Лид", "+79001234567"] if id_last else ["+79001234567", "Лид", "tg", *cells]
    )
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("sample_sources")
@pytest.mark.parametrize("id_last", [False, True], ids=["first columns", "last columns"])
def test_a_file_of_20000_columns_shows_the_first_and_imports(qtbot, ctx, tmp_path, id_last):
    dialog = open_dialog(qtbot, ctx, wide_file(tmp_path / "wide.csv", id_last))
    assert dialog.state == dialog.READY
    assert dialog.preview_model.columnCount() == PREVIEW_COLUMNS
    status = dialog.setup_page.preview_status.text()
    assert re.search(rf"the first {PREVIEW_COLUMNS} of 20\D?000 column", status), status
    for target, combo in dialog.mapping_combos.items():
        assert combo.count() <= LISTED_COLUMNS + 2, target
    chosen = dialog.mapping_combos[Field.EXTERNAL_ID]
    assert chosen.currentText() == "phone"
    assert chosen.currentData() == (WIDTH - 1 if id_last else 0)
    run_import(qtbot, dialog)
    assert dialog.summary.record.imported == 1 and contact_count(ctx.crm) == 1
