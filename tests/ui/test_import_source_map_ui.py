"""The import dialog's forecast and source map: the values of the file's Source column
that name no source are listed, each can be given to a source or created as one, and
the counts shown before the import are the import's; the summary fits its content."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from desktop_crm.ui.import_dialog import ImportDialog
from desktop_crm.ui.import_dialog.source_map import CREATE, REJECT

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
CP1251_SAMPLE = SAMPLES / "contacts_cp1251_excel.csv"


@pytest.fixture
def telegram_only(crm):
    """Only «Telegram-бот» of the samples' sources, and «Website»: «Сайт» and
    «WhatsApp» name no source."""
    crm.operators.create("Анна", max_load=100)
    for name, code in (("Telegram-бот", "tg"), ("Website", "web")):
        crm.sources.create(name, code=code)
        crm.sources.set_weights(code, {"Анна": 1})
    return crm


def open_dialog(qtbot, ctx, path: Path) -> ImportDialog:
    dialog = ImportDialog(ctx, path)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.forecast_ready, timeout=30_000):
        dialog.show()
    qtbot.waitUntil(lambda: dialog.forecast is not None, timeout=30_000)
    return dialog


def choose(qtbot, dialog: ImportDialog, value: str, data: object) -> None:
    combo = dialog.source_map_combos[value]
    with qtbot.waitSignal(dialog.forecast_ready, timeout=30_000):
        combo.setCurrentIndex(combo.findData(data))
    qtbot.waitUntil(lambda: dialog.forecast is not None, timeout=30_000)


def run_import(qtbot, dialog: ImportDialog) -> None:
    assert dialog.blocker() is None, dialog.blocker()
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=30_000)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.state == dialog.FINISHED, timeout=60_000)


def counts(dialog: ImportDialog) -> tuple[int, int, int, int]:
    forecast = dialog.forecast
    assert forecast is not None
    return forecast.rows, forecast.imported, forecast.skipped, forecast.rejected


def done(dialog: ImportDialog) -> tuple[int, int, int, int]:
    summary = dialog.summary
    assert summary is not None
    return summary.rows, summary.imported, summary.skipped, summary.rejected_total


def test_the_dialog_lists_the_sample_s_source_values_that_name_no_source(qtbot, ctx, telegram_only):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    assert list(dialog.source_map_combos) == ["Сайт", "WhatsApp"]
    assert all(c.currentData() == REJECT for c in dialog.source_map_combos.values())
    assert dialog.source_map_box.isVisible()
    text = dialog.source_map_box.forecast_label.text()
    rows, imported, skipped, rejected = counts(dialog)
    assert (rows, imported + skipped) == (30, 11)  # only Telegram-бот's rows
    assert rejected == 19
    assert "19" in text and "No source" in text and "and the like" in text
    # The preview (the whole sample) tints the same rows red, and says so.
    assert dialog.preview_model.rejected_rows == 19
    assert "19 of them would be rejected" in dialog.setup_page.preview_status.text()
    run_import(qtbot, dialog)
    assert done(dialog) == counts(dialog)


def test_one_value_mapped_to_a_source_and_one_created(qtbot, ctx, telegram_only, settle):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    choose(qtbot, dialog, "Сайт", telegram_only.sources.get("web").id)
    choose(qtbot, dialog, "WhatsApp", CREATE)
    assert counts(dialog) == (30, 29, 0, 1)  # the row without a phone stays rejected
    assert dialog.preview_model.rejected_rows == 1
    assert telegram_only.sources.get("name:Website").id  # nothing created before Import
    assert "WhatsApp" not in [s.name for s in telegram_only.sources.list()]
    expected = counts(dialog)
    run_import(qtbot, dialog)
    assert done(dialog) == expected
    settle()
    created = telegram_only.sources.get("name:WhatsApp")
    stats = {s.name: s for s in telegram_only.sources.list()}
    assert created.id == stats["WhatsApp"].id


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["phone", "name", "source", "message"])
        writer.writerows(rows)
    return path


def test_predicted_counts_equal_the_import_s_with_duplicates_and_bad_rows(
    qtbot, ctx, telegram_only, tmp_path
):
    earlier = write_rows(tmp_path / "earlier.csv", [["+7 900 000-00-01", "A", "tg", "hi"]])
    first = open_dialog(qtbot, ctx, earlier)
    run_import(qtbot, first)
    rows = [
        ["+7 900 000-00-01", "A", "tg", "hi"],  # imported before: skipped
        ["8 900 000-00-02", "B", "Avito", "hello"],
        ["+79000000002", "B", "avito", "hello"],  # the same row, another spelling
        ["", "C", "tg", "no id"],  # rejected
        ["8 900 12", "D", "tg", "too short"],  # a phone that is none: rejected
        ["+7 900 000-00-03", "E", "Сайт", "site"],
    ]
    dialog = open_dialog(qtbot, ctx, write_rows(tmp_path / "new.csv", rows))
    assert list(dialog.source_map_combos) == ["Avito", "Сайт"]
    choose(qtbot, dialog, "Avito", CREATE)
    expected = counts(dialog)
    run_import(qtbot, dialog)
    assert done(dialog) == expected
    assert expected[0] == 6 and expected[2] >= 2  # the file's repeat and the earlier row


def test_a_short_summary_is_a_small_box(qtbot, ctx, telegram_only, tmp_path):
    path = write_rows(tmp_path / "one.csv", [["+7 900 000-00-01", "A", "tg", "hi"]])
    dialog = open_dialog(qtbot, ctx, path)
    run_import(qtbot, dialog)
    hint = dialog.sizeHint()
    assert hint.width() < 700 and hint.height() < 420, hint
    qtbot.waitUntil(lambda: dialog.height() < 450 and dialog.width() < 760)
    for label in dialog.count_labels.values():  # every count reads whole
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_ids_that_look_like_phones_are_rejected_unless_the_box_is_ticked(
    qtbot, ctx, telegram_only, tmp_path
):
    rows = [
        ["+7 900 000-00-01", "A", "tg", "hi"],
        ["8 900 12", "B", "tg", "too short"],
        ["+7 9OO 000-00-03", "C", "tg", "Latin O for zero"],
    ]
    dialog = open_dialog(qtbot, ctx, write_rows(tmp_path / "ids.csv", rows))
    dialog_check = dialog.source_map_box.plain_ids_check
    assert dialog_check.isVisible() and not dialog_check.isChecked()
    assert "(2 row" in dialog_check.text()
    assert counts(dialog) == (3, 1, 0, 2)
    assert "looks like a phone number" in dialog.source_map_box.forecast_label.text()
    with qtbot.waitSignal(dialog.forecast_ready, timeout=30_000):
        dialog_check.setChecked(True)
    qtbot.waitUntil(lambda: dialog.forecast is not None, timeout=30_000)
    assert counts(dialog) == (3, 3, 0, 0)
    assert dialog_check.isVisible()  # still there to untick
    run_import(qtbot, dialog)
    assert done(dialog) == (3, 3, 0, 0)
    plain = telegram_only.leads.find("+7 9OO 000-00-03")
    assert plain is not None and plain.external_id == "+7 9OO 000-00-03"


def test_the_plain_ids_box_is_hidden_when_every_id_is_fine(qtbot, ctx, telegram_only):
    dialog = open_dialog(qtbot, ctx, CP1251_SAMPLE)
    assert not dialog.source_map_box.plain_ids_check.isVisible()


def test_a_look_alike_source_value_is_explained_and_given_to_its_source(
    qtbot, ctx, telegram_only, tmp_path
):
    telegram_only.sources.create("WhatsApp")
    rows = [
        ["+7 900 000-00-01", "A", "WhatsАpp", "Cyrillic А"],
        ["+7 900 000-00-02", "B", "Avito", "unknown"],
    ]
    dialog = open_dialog(qtbot, ctx, write_rows(tmp_path / "alike.csv", rows))
    whatsapp = telegram_only.sources.get("name:WhatsApp").id
    combo = dialog.source_map_combos["WhatsАpp"]
    qtbot.waitUntil(lambda: counts(dialog) == (2, 1, 0, 1), timeout=30_000)
    assert combo.currentData() == whatsapp  # pre-selected: the source it looks like
    assert dialog.source_map_combos["Avito"].currentData() == REJECT
    label = dialog.source_map_box._form.labelForField(combo).text()
    assert "looks like «WhatsApp» (mixes Latin and Cyrillic letters)" in label
    run_import(qtbot, dialog)
    assert done(dialog) == (2, 1, 0, 1)
    assert "WhatsАpp" not in [s.name for s in telegram_only.sources.list()]


def test_values_that_read_the_same_are_told_apart_and_a_long_one_fits_its_line(
    qtbot, ctx, telegram_only, tmp_path
):
    """No source "WhatsApp" at all, the file spells it twice (one with a Cyrillic А): the
    mixed one says which it looks like. A long value is cut to one line, whole in its tool
    tip (a wrapped label was given one line's height and cut off)."""
    long_value = "Канал в Одноклассниках для пенсионеров Северо-Западного округа " * 2
    rows = [
        ["+7 900 000-00-01", "A", "WhatsАpp", "Cyrillic А"],
        ["+7 900 000-00-02", "B", "WhatsApp", "Latin"],
        ["+7 900 000-00-03", "C", long_value.strip(), "long"],
    ]
    dialog = open_dialog(qtbot, ctx, write_rows(tmp_path / "alike.csv", rows))
    form = dialog.source_map_box._form

    def label(value):
        return form.labelForField(dialog.source_map_combos[value])

    assert "looks like «WhatsApp» (mixes Latin and Cyrillic letters)" in label("WhatsАpp").text()
    assert "looks like" not in label("WhatsApp").text()
    long_label = label(long_value.strip())
    assert long_label.toolTip() == long_value.strip()
    assert "…" in long_label.text() and long_value.strip() not in long_label.text()
    assert not long_label.wordWrap()
