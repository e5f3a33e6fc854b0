"""The import dialog with more rejected rows than the summary carries: the count is
the total, and "Save rejected rows" writes every one of them."""

from __future__ import annotations

import csv

import pytest

from desktop_crm.services.importer import SUMMARY_REJECTS
from desktop_crm.ui.import_dialog import ImportDialog, count_text, file_dialogs

REJECTS = SUMMARY_REJECTS + 200


@pytest.fixture
def idless_file(tmp_path):
    path = tmp_path / "idless.csv"
    rows = "".join(f",Имя {i},site,текст\n" for i in range(REJECTS))
    path.write_text("phone,name,source,message\n+79000000001,Анна,site,ok\n" + rows, "utf-8")
    return path


def test_the_dialog_counts_and_saves_every_rejected_row(
    qtbot, ctx, idless_file, tmp_path, monkeypatch
):
    ctx.crm.operators.create("Анна", max_load=10)
    ctx.crm.sources.create("Сайт", code="site")
    dialog = ImportDialog(ctx, idless_file)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state == dialog.READY, timeout=10_000)
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state == dialog.FINISHED, timeout=60_000)
    summary = dialog.summary
    assert summary is not None
    assert (summary.rejected_total, len(summary.rejected)) == (REJECTS, SUMMARY_REJECTS)
    assert dialog.count_labels["rejected"].text() == count_text(REJECTS)

    target = tmp_path / "rejects.csv"
    monkeypatch.setattr(file_dialogs, "choose_rejects_path", lambda parent, suggested: target)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.summary_message.isVisible(), timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as file:
        written = list(csv.reader(file))
    assert written[0] == ["phone", "name", "source", "message", "reason"]
    assert len(written) == REJECTS + 1
    assert written[-1][1] == f"Имя {REJECTS - 1}"
