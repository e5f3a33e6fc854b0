"""Texts in the user's language: Qt's own buttons and dialogs, titles, English plural
forms, and the services' error messages read in Russian with no English word pasted in
(while the CLI's English stays whole)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from desktop_crm.errors import CrmError
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.decisions import CandidateInfo, DecisionInfo
from desktop_crm.services.dto.refs import OperatorRef
from desktop_crm.services.importer import ImportRecord, ImportStatus
from desktop_crm.ui import application
from desktop_crm.ui.application import install_translations, remove_translations
from desktop_crm.ui.assign_dialog import state_tooltip
from desktop_crm.ui.decision_view import history_html
from desktop_crm.ui.models.imports import status_tooltip
from desktop_crm.ui.texts import error_text

LATIN_WORD = re.compile(r"[A-Za-z_]{2,}")


@pytest.fixture
def language(qapp) -> Iterator[object]:
    """Install the window's translations for a language, as the program does; removed after."""

    def install(code: str) -> str:
        return install_translations(qapp, code)

    yield install
    remove_translations(qapp)


def test_qt_dialog_buttons_are_russian(language):
    language("ru")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
    )
    texts = sorted(button.text().replace("&", "") for button in box.buttons())
    assert texts == sorted(["OK", "Отмена", "Сохранить"])
    language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    texts = [button.text() for button in box.buttons()]
    assert texts == ["Cancel"]  # the Russian translators are gone, not stacked


def test_database_file_dialog_titles_are_translated(language, monkeypatch):
    language("ru")
    titles: list[str] = []

    filters: list[str] = []

    def fake(parent, title, directory, filter_text, *args, **kwargs):
        titles.append(title)
        filters.append(filter_text)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    application.choose_database_file(None, create=False)
    application.choose_database_file(None, create=True)
    assert titles == ["Открыть базу данных", "Новая база данных"]
    assert all("Все файлы (*)" in f and "All files" not in f for f in filters)


def test_english_plurals_of_loads(language, staffed):
    language("en")
    staffed.operators.update("Борис", max_load=5)
    boris = staffed.operators.get("Борис")
    count = f"{boris.load} active contact" + ("" if boris.load == 1 else "s")
    assert state_tooltip(boris) == f"Борис has {count} and can take {5 - boris.load} more."
    decision = DecisionInfo(
        id=1,
        created_at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
        kind="manual",
        operator=OperatorRef(boris.id, boris.name),
        reason=None,
        strategy="weighted",
        candidates=(CandidateInfo(OperatorRef(boris.id, boris.name), 1, True, 1, 5, None),),
        draws=(),
        note="",
    )
    text = history_html([decision])
    assert "had 1 active contact of 5 then." in text
    assert "contact(s)" not in text


@pytest.mark.parametrize(
    ("make", "english"),
    [
        (lambda crm: crm.operators.create("  "), "The operator name must not be empty."),
        (lambda crm: crm.sources.create("\u200b"), "The source name must not be empty."),
        (lambda crm: crm.operators.create("A" * 300), "The operator name is longer than"),
        (lambda crm: crm.operators.create("a\tb"), "The operator name must not contain"),
        (lambda crm: crm.sources.create("S", code="a\x1bb"), "The source code must not contain"),
        (lambda crm: crm.operators.create("Анна Смирнова"), "already exists for operator"),
        (lambda crm: crm.sources.create("TG"), "already exists for source"),
        (lambda crm: crm.operators.create("Вера", max_load=-1), "The load limit must not be"),
        (
            lambda crm: crm.sources.set_weight("tg", "Борис", -2),
            "The weight of Борис must not be negative",
        ),
        (
            lambda crm: crm.sources.set_weights("tg", {"Борис": 10**9}),
            "The weight of Борис must be at most",
        ),
        (
            lambda crm: crm.contacts.register(ContactRequest("x", "tg", message="m" * 100_000)),
            "The message is longer than",
        ),
        (
            lambda crm: crm.operators.update("Борис", max_load=0),
            "The load limit of Борис cannot be lower than the active contacts it has now",
        ),
        (
            lambda crm: crm.sources.delete("tg"),
            "Telegram-бот cannot be deleted: contacts refer to it (4);",  # no "has 1 contacts"
        ),
    ],
)
def test_errors_read_in_russian_without_english_words(language, staffed, make, english):
    with pytest.raises(CrmError) as caught:
        make(staffed)
    error = caught.value
    assert english in str(error)  # the CLI's text
    language("ru")
    text = error_text(error)
    # the values the user typed, and the name on a keyboard key
    for value in ("Анна Смирнова", "Борис", "Telegram-бот", "tg", "TG", "Escape"):
        text = text.replace(value, "")
    assert not LATIN_WORD.search(text), text


def test_window_titles_have_no_english_in_russian(language, tmp_path: Path):
    """QFileDialog titles in the controller come through the translator (a literal text
    per title; lupdate cannot read a conditional expression)."""
    language("ru")
    assert QApplication.translate("Application", "Open database") == "Открыть базу данных"


def test_an_interrupted_import_says_its_rows_in_english_plural(language):
    language("en")
    record = ImportRecord(
        id=1,
        file_name="a.csv",
        file_path="/tmp/a.csv",
        content_hash="x",
        started_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        finished_at=None,
        status=ImportStatus.CANCELLED,
        source_id=None,
        rows_done=1,
        imported=1,
        assigned=1,
        unassigned=0,
        skipped=0,
        rejected=0,
    )
    assert status_tooltip(record) == "Stopped after 1 row; import the file again to finish it."
    language("ru")
    assert status_tooltip(record).startswith("Остановлен после 1 строки;")
