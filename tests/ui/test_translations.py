"""The translations: complete, consistent with the code and with tools/translations_ru.py,
placeholders intact, and the compiled .qm files say it in Russian (and English plurals).

When one fails after a change of the window's texts: add the translation to
``tools/translations_ru.py`` and run
``python tools/update_translations.py && python tools/fill_translations.py --release``.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
RU_TS = TRANSLATIONS / "desktop_crm_ru.ts"
EN_TS = TRANSLATIONS / "desktop_crm_en.ts"
TOOLS = Path(PySide6.__file__).resolve().parent

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
ACCELERATOR = re.compile(r"&(?!&|[a-z]+;|#)\w")  # "&File", not "&&" or "&nbsp;"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fill = _load("fill_translations")
data = _load("translations_ru")


class Message:
    def __init__(self, context: str, element: ET.Element) -> None:
        self.context = context
        self.source = element.findtext("source") or ""
        self.comment = element.findtext("comment")
        self.numerus = element.get("numerus") == "yes"
        translation = element.find("translation")
        assert translation is not None
        self.state = translation.get("type")
        self.forms = [f.text or "" for f in translation.iter("numerusform")]
        self.text = translation.text or ""

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.source

    @property
    def texts(self) -> list[str]:
        return self.forms if self.numerus else [self.text]

    def __repr__(self) -> str:
        return f"{self.context} | {self.source!r}"


def messages(path: Path) -> list[Message]:
    root = ET.parse(path).getroot()
    return [
        Message(context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


# -- the .ts files -------------------------------------------------------------------------
def test_every_russian_message_is_finished():
    found = messages(RU_TS)
    assert len(found) > 400
    unfinished = [m for m in found if m.state in ("unfinished", "vanished", "obsolete")]
    assert not unfinished, f"{len(unfinished)} not translated, e.g. {unfinished[:5]}"
    empty = [m for m in found if not all(m.texts)]
    assert not empty
    # lupdate reads the helper tr(context, text) as tr(text, comment) in a nameless
    # context; such entries never match at run time (fill_translations.py removes them).
    assert not [m for m in found if not m.context]


def test_every_english_plural_is_finished():
    found = messages(EN_TS)
    assert found
    assert all(m.numerus for m in found)  # plural forms only
    assert not [m for m in found if m.state], "unfinished English plurals"
    assert {m.key for m in found} == {m.key for m in messages(RU_TS) if "%n" in m.source}


@pytest.mark.parametrize(("path", "count"), [(RU_TS, 3), (EN_TS, 2)])
def test_plural_forms(path, count):
    for message in messages(path):
        if "%n" in message.source:
            assert message.numerus, f"{message}: one text for a count"
        if message.numerus:
            assert len(message.forms) == count, message
            for form in message.forms:
                assert form.strip() and "%n" in form, f"{message}: {form!r}"


@pytest.mark.parametrize("path", [RU_TS, EN_TS])
def test_placeholders_are_kept(path):
    wrong = [
        (m, text)
        for m in messages(path)
        for text in m.texts
        if placeholders(text) != placeholders(m.source)
    ]
    assert not wrong


def test_menu_accelerators_and_ellipses_are_kept():
    for message in messages(RU_TS):
        for text in message.texts:
            if ACCELERATOR.search(message.source):
                assert len(ACCELERATOR.findall(text)) == 1, f"{message}: {text!r}"
            if message.source.endswith("…"):
                assert text.endswith("…"), f"{message}: {text!r}"
            assert "..." not in text, message


def test_ts_matches_the_translation_data():
    """The data module is the source: a change there must be written into the .ts."""
    for path, table in ((RU_TS, data.RUSSIAN), (EN_TS, data.ENGLISH)):
        for message in messages(path):
            expected = table.get(message.key)
            assert expected is not None, f"{message}: not in tools/translations_ru.py"
            got = tuple(message.forms) if message.numerus else message.text
            assert got == expected, f"{message}: re-run tools/fill_translations.py"


# -- the code ---------------------------------------------------------------------------------
def _lupdate(ts: Path, *options: str) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_crm").rglob("*.py"))
    subprocess.run(
        [str(TOOLS / "lupdate"), *options, "-no-obsolete", *sources, "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=60,
    )


def test_ts_is_up_to_date_with_the_code(tmp_path):
    """lupdate over the code finds nothing that the committed .ts lacks a translation for."""
    for committed, options in (
        (RU_TS, ("-target-language", "ru_RU")),
        (EN_TS, ("-target-language", "en_US", "-pluralonly")),
    ):
        copy = tmp_path / committed.name
        shutil.copy(committed, copy)
        _lupdate(copy, *options)
        finished = {m.key for m in messages(committed) if not m.state}
        new = [
            m
            for m in messages(copy)
            if m.state == "unfinished" and m.context and m.key not in finished
        ]
        assert not new, f"{committed.name}: new texts without a translation: {new}"


def test_code_scan_finds_the_texts_lupdate_sees():
    """The scan that adds what lupdate misses finds at least everything lupdate finds."""
    scanned = {(f.context, f.source) for f in fill.scan_code()}
    assert ("Pages", "Operators") in scanned
    assert ("errors", "No contact #{id}.") in scanned  # QT_TRANSLATE_NOOP
    assert ("MainWindow", "&File") in scanned  # self.tr
    lupdate_keys = {m.key for m in messages(RU_TS) if m.context}
    assert lupdate_keys <= scanned | set(data.RUSSIAN)


# -- the compiled files --------------------------------------------------------------------
@pytest.fixture
def russian(qapp) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(RU_TS.with_suffix(".qm")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def english(qapp) -> Iterator[QTranslator]:
    translator = QTranslator()
    assert translator.load(str(EN_TS.with_suffix(".qm")))
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def test_russian_qm_translates(russian):
    translate = QCoreApplication.translate
    assert translate("Pages", "Operators") == "Операторы"
    assert translate("MainWindow", "&File") == "&Файл"
    assert [translate("ContactsPage", "%n contact(s)", "", n) for n in (1, 3, 5, 21)] == [
        "1 контакт",
        "3 контакта",
        "5 контактов",
        "21 контакт",
    ]
    # Texts lupdate cannot see: a helper with the context in a constant, n = a call.
    assert translate("WeightGridModel", "Double-click to change the weight.") != (
        "Double-click to change the weight."
    )
    assert translate("ImportDialog", "about %n minute(s) left", None, 2) == (
        "осталось около 2 минут"
    )


def test_every_text_of_the_code_is_in_the_russian_qm(russian):
    missing = sorted(
        {
            (f.context, f.source)
            for f in fill.scan_code()
            if not russian.translate(f.context, f.source, None, 2 if "%n" in f.source else -1)
        }
    )
    assert not missing, f"{len(missing)} texts of the code are not translated: {missing[:10]}"


def test_english_qm_gives_singular_and_plural(english):
    translate = QCoreApplication.translate
    assert translate("ContactsPage", "%n contact(s)", "", 1) == "1 contact"
    assert translate("ContactsPage", "%n contact(s)", "", 4) == "4 contacts"
    assert translate("LeadsPage", "%n lead(s)", "", 1) == "1 lead"
    assert translate("Pages", "Operators") == "Operators"  # no English text for the rest


# -- the tool ---------------------------------------------------------------------------------
TS_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru_RU">\n'
)


def _ts(*contexts: str) -> str:
    return TS_HEAD + "".join(contexts) + "</TS>\n"


def _context(name: str, *bodies: str) -> str:
    return f"<context>\n    <name>{name}</name>\n" + "".join(bodies) + "</context>\n"


def _message(source: str, translation: str, numerus: bool = False, comment: str = "") -> str:
    tag = '<message numerus="yes">' if numerus else "<message>"
    note = f"        <comment>{comment}</comment>\n" if comment else ""
    return (
        f'    {tag}\n        <location filename="../../x.py" line="1"/>\n'
        f"        <source>{source}</source>\n{note}        {translation}\n    </message>\n"
    )


UNFINISHED = '<translation type="unfinished"></translation>'


def test_fill_writes_known_texts_and_leaves_the_rest():
    text = _ts(
        _context("C", _message("It&apos;s &lt;b&gt;", UNFINISHED), _message("Other", UNFINISHED))
    )
    new, report = fill.fill_text(text, {("C", "It's <b>"): "Это «<b>»"})
    assert "<translation>Это «&lt;b&gt;»</translation>" in new
    assert report.filled == 1
    assert report.missing == [("C", "Other")]
    assert new.startswith(TS_HEAD)
    assert fill.fill_text(new, {("C", "It's <b>"): "Это «<b>»"})[0] == new  # re-runnable


def test_fill_refuses_broken_placeholders_and_wrong_form_counts():
    text = _ts(_context("C", _message("Hi {name}", UNFINISHED), _message("%n x", UNFINISHED, True)))
    new, report = fill.fill_text(text, {("C", "Hi {name}"): "Привет {имя}", ("C", "%n x"): ("%n",)})
    assert new == text
    assert len(report.errors) == 2
    assert len(report.missing) == 2


def test_fill_repairs_what_lupdate_misreads(tmp_path):
    code = tmp_path / "pkg" / "m.py"
    code.parent.mkdir()
    code.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        'CONTEXT = "Model"\n'
        "def tr(context, text):\n"
        "    return QCoreApplication.translate(context, text)\n"
        'a = tr("Model", "Seen by nobody")\n'
        'b = QCoreApplication.translate(CONTEXT, "%n row(s)", None, len([]))\n',
        encoding="utf-8",
    )
    found = fill.scan_code(code.parent)
    assert {(f.context, f.source) for f in found} == {
        ("Model", "Seen by nobody"),
        ("Model", "%n row(s)"),
    }
    misread = _context("", _message("Model", UNFINISHED, comment="Seen by nobody"))
    plain_count = _context("Other", _message("%n item(s)", UNFINISHED))  # lupdate lost plurals
    table = {
        ("Model", "Seen by nobody"): "Никем не замечен",
        ("Model", "%n row(s)"): ("%n строка", "%n строки", "%n строк"),
        ("Other", "%n item(s)"): ("%n штука", "%n штуки", "%n штук"),
    }
    new, report = fill.fill_text(_ts(misread, plain_count), table, found, tmp_path)
    assert report.misread_removed == 1
    assert report.added == 2
    assert report.numerus_fixed == 1
    assert not report.missing
    result = {m.key: m for m in _parse(new)}
    assert set(result) == {
        ("Model", "Seen by nobody"),
        ("Model", "%n row(s)"),
        ("Other", "%n item(s)"),
    }
    assert result["Model", "%n row(s)"].forms == ["%n строка", "%n строки", "%n строк"]
    assert result["Other", "%n item(s)"].numerus
    assert 'filename="pkg/m.py" line="6"' in new


def _parse(text: str) -> list[Message]:
    root = ET.fromstring(text.split("\n", 2)[2])
    return [
        Message(context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]
