"""The translations: the .ts files are the source (edit them in Qt Linguist or by hand),
complete, in step with the code (what lupdate extracts) and with the compiled .qm files,
placeholders intact, and the .qm files say it in Russian (and English plurals).

When one fails after a change of the window's texts: run ``make translations`` (lupdate,
then lrelease), translate the new entries of ``resources/translations/desktop_crm_ru.ts``
(and the English plural forms of ``desktop_crm_en.ts``) in Qt Linguist or by hand, and run
``make translations`` again.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop_crm.ui.models.statistics import count_tooltip, csv_table

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
RU_TS = TRANSLATIONS / "desktop_crm_ru.ts"
EN_TS = TRANSLATIONS / "desktop_crm_en.ts"

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?n")
PLURAL = re.compile(r"%L?n")  # %Ln: the number with the locale's group separators
ACCELERATOR = re.compile(r"&(?!&|[a-z]+;|#)\w")  # "&File", not "&&" or "&nbsp;"
FIX = "run `make translations`, translate it in Qt Linguist, run `make translations` again"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


tool = _load("update_translations")


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
    assert not unfinished, f"{len(unfinished)} not translated, e.g. {unfinished[:5]}; {FIX}"
    empty = [m for m in found if not all(m.texts)]
    assert not empty
    # lupdate reads the helper tr(context, text) as tr(text, comment) in a nameless
    # context; such entries never match at run time: give the call a literal context.
    assert not [m for m in found if not m.context]


def test_every_english_plural_is_finished():
    found = messages(EN_TS)
    assert found
    assert all(m.numerus for m in found)  # plural forms only
    assert not [m for m in found if m.state], "unfinished English plurals"
    assert {m.key for m in found} == {m.key for m in messages(RU_TS) if PLURAL.search(m.source)}


@pytest.mark.parametrize(("path", "count"), [(RU_TS, 3), (EN_TS, 2)])
def test_plural_forms(path, count):
    for message in messages(path):
        if PLURAL.search(message.source):
            assert message.numerus, f"{message}: one text for a count"
        if message.numerus:
            assert len(message.forms) == count, message
            for form in message.forms:
                assert form.strip() and PLURAL.search(form), f"{message}: {form!r}"


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


# -- the code: what lupdate extracts --------------------------------------------------------
@pytest.mark.parametrize("name", ["desktop_crm_ru.ts", "desktop_crm_en.ts"])
def test_lupdate_finds_exactly_the_texts_of_the_ts(tmp_path, name):
    """lupdate over the code (as `make translations` runs it) neither adds a text nor drops
    one nor changes its plural flag: a new tr() without a translation fails here."""
    committed = tool.TRANSLATIONS / name
    copy = tmp_path / name
    shutil.copy(committed, copy)
    tool.lupdate(copy, *tool.OPTIONS[name], quiet=True)
    before = {m.key: m for m in messages(committed)}
    after = {m.key: m for m in messages(copy)}
    new = sorted(after.keys() - before.keys())
    assert not new, f"{name}: texts of the code not in the .ts: {new[:10]}; {FIX}"
    gone = sorted(before.keys() - after.keys())
    assert not gone, (
        f"{name}: lupdate no longer finds {gone[:10]} in the code (removed, or a context or "
        "count it cannot read); run `make translations`"
    )
    numerus = sorted(k for k in after if after[k].numerus != before[k].numerus)
    assert not numerus, f"{name}: lupdate changes the plural flag of {numerus[:10]}"
    unfinished = sorted(k for k in after if after[k].state)
    assert not unfinished, f"{name}: unfinished after lupdate: {unfinished[:10]}; {FIX}"
    assert not [k for k in after if not k[0]], "a text in no context: give it a literal one"


def _translate_calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted((ROOT / "desktop_crm").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2:
                    yield f"{where}:{node.lineno}", node


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_text_of_the_code_is_readable_by_lupdate():
    """lupdate reads only literal contexts, and a count in translate() as an encoding: a
    text it cannot read never reaches the .ts, and no other check would notice."""
    unreadable = []
    for where, call in _translate_calls():
        context, text = (_literal(a) for a in call.args[:2])
        if text is not None and context is None:
            unreadable.append(f"{where}: the context must be a literal string")
        if text is not None and "%n" in text and len(call.args) > 3:
            unreadable.append(f"{where}: a count: write SomeClass.tr({text!r}, '', n)")
    assert not unreadable, "\n".join(unreadable)


def test_lupdate_reads_qt_translate_noop_everywhere():
    """QT_TRANSLATE_NOOP in errors.py and services (a Qt-free no-op there) is extracted."""
    keys = {m.key for m in messages(RU_TS)}
    marked = {
        (_literal(call.args[0]), _literal(call.args[1]))
        for _, call in _translate_calls()
        if getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"
    }
    assert ("errors", "No contact #{id}.") in marked
    assert ("exports", "Unassigned") in marked
    assert marked <= keys, sorted(marked - keys)[:10]


@pytest.mark.parametrize("name", ["desktop_crm_ru.ts", "desktop_crm_en.ts"])
def test_qm_is_compiled_from_the_ts(tmp_path, name):
    ts = tool.TRANSLATIONS / name
    fresh = tmp_path / name.replace(".ts", ".qm")
    tool.lrelease(ts, fresh)
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        f"{ts.with_suffix('.qm').name} is stale: run `make translations`"
    )


# -- the compiled files --------------------------------------------------------------------
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
    # Texts lupdate once missed (a context in a constant, a count written as a call).
    assert translate("WeightGridModel", "Double-click to change the weight.") != (
        "Double-click to change the weight."
    )
    assert translate("ImportDialog", "about %n minute(s) left", None, 2) == (
        "осталось около 2 минут"
    )


def test_every_text_of_the_ts_is_in_the_russian_qm(russian):
    missing = sorted(
        m.key
        for m in messages(RU_TS)
        if not russian.translate(m.context, m.source, None, 2 if m.numerus else -1)
    )
    assert not missing, f"{len(missing)} texts are not in the .qm: {missing[:10]}"


def test_english_qm_gives_singular_and_plural(english):
    translate = QCoreApplication.translate
    assert translate("ContactsPage", "%n contact(s)", "", 1) == "1 contact"
    assert translate("ContactsPage", "%n contact(s)", "", 4) == "4 contacts"
    assert translate("LeadsPage", "%n lead(s)", "", 1) == "1 lead"
    assert translate("Pages", "Operators") == "Operators"  # no English text for the rest


def test_statistics_csv_header_is_russian(russian):
    """Its context was a local variable, so no tool saw these texts and they stayed English."""
    header = csv_table([], [], "")[0]
    assert header[:3] == ["Период", "Оператор", "Оператор активен"]
    assert header[-2:] == ["Всего контактов", "Всего активных"]


def test_plural_with_a_variable_count_in_both_languages(qapp, russian):
    """count_tooltip once passed its counts to translate(), which lupdate extracts
    without plural forms; through StatisticsModel.tr `make translations` keeps them."""
    assert count_tooltip(1, 1) == "1 контакт за период, из них 1 ещё активен"
    assert count_tooltip(5, 3) == "5 контактов за период, из них 3 ещё активны"
    assert count_tooltip(22, 21) == "22 контакта за период, из них 21 ещё активен"
    qapp.removeTranslator(russian)
    english = QTranslator()
    assert english.load(str(EN_TS.with_suffix(".qm")))
    qapp.installTranslator(english)
    try:
        assert count_tooltip(1, 1) == "1 contact in the period, 1 still active"
        assert count_tooltip(4, 2) == "4 contacts in the period, 2 still active"
    finally:
        qapp.removeTranslator(english)
