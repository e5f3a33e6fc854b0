"""Write the translations of ``tools/translations_ru.py`` into the .ts files.

Run after ``tools/update_translations.py`` (lupdate), which keeps translations but adds
new texts unfinished::

    python tools/update_translations.py && python tools/fill_translations.py --release

For each message of ``resources/translations/desktop_crm_{ru,en}.ts`` with a translation
in the data, the translation is written and ``type="unfinished"`` dropped; messages
without one are left as they are and counted as missing (``--strict``: exit 1 then).
The file is edited as text, so everything else (header, order, locations) stays as
lupdate wrote it. ``--release`` then compiles each .ts to .qm with the wheel's lrelease.

Three things lupdate's Python parser gets wrong are put right here, so the .qm has
every text the window asks for (``--lupdate-only`` turns this off):

* texts it does not see at all: helper calls such as ``tr(CONTEXT, "...")`` or
  ``_tr("...")``, a context held in a module constant, ``translate(..., n=len(x))``.
  They are found in the code's syntax tree (``scan_code``) and added to the .ts;
* a helper ``tr(context, text)`` read as ``tr(source, disambiguation)``: an entry in
  the nameless context that never matches at run time (``tr(context, variable)``: the
  context read as the source); it is removed;
* ``QCoreApplication.translate(ctx, "%n ...", None, count)`` extracted without plural
  forms: a message whose source has ``%n`` is written with plural forms.

lupdate undoes all three on its next run (it drops what it did not find and turns the
plural forms back into one); running this script again redoes them.
"""

from __future__ import annotations

import argparse
import ast
import html
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop_crm"
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILES = (TRANSLATIONS / "desktop_crm_ru.ts", TRANSLATIONS / "desktop_crm_en.ts")

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
CONTEXT_BLOCK = re.compile(r"<context>\n    <name>(.*?)</name>\n(.*?)</context>\n", re.S)
MESSAGE_BLOCK = re.compile(r"    <message(?P<attrs>[^>]*)>\n(?P<body>.*?)    </message>\n", re.S)
TRANSLATION = re.compile(r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</translation>)", re.S)
NUMERUS_FORM = re.compile(r"<numerusform[^>]*>(.*?)</numerusform>", re.S)
ENTITY = re.compile(r"&(?:(amp|lt|gt|quot|apos)|#x([0-9a-fA-F]+)|#([0-9]+));")

Value = str | tuple[str, ...]
Key = tuple[str, str]


# -- the .ts text ------------------------------------------------------------------------
def escape(text: str) -> str:
    """As lupdate writes text (Qt's ``protect``)."""
    out = []
    for char in text:
        code = ord(char)
        if char in "&<>\"'":
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}[char])
        elif (code < 0x20 and char not in "\t\n") or (code > 0x7F and char.isspace()):
            out.append(f"&#x{code:x};")
        else:
            out.append(char)
    return "".join(out)


def unescape(text: str) -> str:
    def entity(match: re.Match[str]) -> str:
        name, hexa, decimal = match.groups()
        if name:
            return html.unescape(f"&{name};")
        return chr(int(hexa, 16) if hexa else int(decimal))

    return ENTITY.sub(entity, text)


def _element(body: str, tag: str) -> str | None:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", body, re.S)
    return unescape(match[1]) if match else None


def placeholders(text: str) -> set[str]:
    """``{name}``-style fields and ``%n``: a translation must have the same set."""
    return set(PLACEHOLDER.findall(text))


def plural_count(ts_text: str) -> int:
    match = re.search(r'<TS[^>]*\blanguage="([A-Za-z]+)', ts_text)
    language = match[1].lower() if match else ""
    return {"ru": 3, "uk": 3, "be": 3, "en": 2, "de": 2}.get(language, 2)


def translation_element(value: Value | None, numerus: bool, unfinished: bool = False) -> str:
    attrs = ' type="unfinished"' if unfinished else ""
    if numerus:
        forms = value if isinstance(value, tuple) else ()
        inner = "".join(f"            <numerusform>{escape(f)}</numerusform>\n" for f in forms)
        return f"<translation{attrs}>\n{inner}        </translation>"
    text = escape(value) if isinstance(value, str) else ""
    return f"<translation{attrs}>{text}</translation>"


# -- texts in the code that lupdate misses ------------------------------------------------
@dataclass(frozen=True)
class Found:
    context: str
    source: str
    path: Path
    line: int


def _string(node: ast.expr, constants: Mapping[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    return None


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"``: a context held in a constant."""
    found = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and (value := _string(node.value, {})) is not None
        ):
            found[node.targets[0].id] = value
    return found


Helper = tuple[str | None, int | None, int]  # fixed context or its argument; text argument


def _helpers(tree: ast.Module, constants: Mapping[str, str]) -> dict[str, Helper]:
    """Module functions ending in ``return <x>.translate(context, text, ...)`` where the
    text is a parameter: calls of them are translations too."""
    found: dict[str, Helper] = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.body):
            continue
        last = node.body[-1]
        if not (isinstance(last, ast.Return) and isinstance(call := last.value, ast.Call)):
            continue
        if not (
            isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) >= 2
        ):
            continue
        params = [a.arg for a in node.args.args]
        context, text = call.args[:2]
        if not (isinstance(text, ast.Name) and text.id in params):
            continue
        if isinstance(context, ast.Name) and context.id in params:
            found[node.name] = (None, params.index(context.id), params.index(text.id))
        elif (value := _string(context, constants)) is not None:
            found[node.name] = (value, None, params.index(text.id))
    return found


def _calls(node: ast.AST, cls: str | None) -> Iterator[tuple[ast.Call, str | None]]:
    """Every call with the name of the class it is written in (``self.tr``'s context)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.ClassDef):
            yield from _calls(child, child.name)
            continue
        if isinstance(child, ast.Call):
            yield child, cls
        yield from _calls(child, cls)


def scan_code(package: Path = PACKAGE) -> list[Found]:
    """The (context, source) of every translatable literal in the package: ``translate``,
    ``QT_TRANSLATE_NOOP``, ``self.tr`` and calls of translate helpers (also imported ones)."""
    trees = {}
    for path in sorted(package.rglob("*.py")):
        module = ".".join(path.relative_to(package.parent).with_suffix("").parts)
        trees[module.removesuffix(".__init__")] = (path, ast.parse(path.read_bytes()))
    constants = {module: _constants(tree) for module, (_, tree) in trees.items()}
    helpers = {module: _helpers(tree, constants[module]) for module, (_, tree) in trees.items()}
    found = []
    for module, (path, tree) in trees.items():
        consts, local = constants[module], dict(helpers[module])
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module in helpers:
                for alias in node.names:
                    if alias.name in helpers[node.module]:
                        local[alias.asname or alias.name] = helpers[node.module][alias.name]
        for call, cls in _calls(tree, None):
            func, args = call.func, call.args
            pair: tuple[str | None, str | None] | None = None
            translate = isinstance(func, ast.Attribute) and func.attr == "translate"
            noop = isinstance(func, ast.Name) and func.id == "QT_TRANSLATE_NOOP"
            if (translate or noop) and len(args) >= 2:
                pair = _string(args[0], consts), _string(args[1], {})
            elif isinstance(func, ast.Attribute) and func.attr == "tr" and args and cls:
                pair = cls, _string(args[0], {})
            elif isinstance(func, ast.Name) and func.id in local:
                fixed, context_arg, text_arg = local[func.id]
                if len(args) > text_arg:
                    context = fixed
                    if context_arg is not None and len(args) > context_arg:
                        context = _string(args[context_arg], consts)
                    pair = context, _string(args[text_arg], {})
            if pair and pair[0] is not None and pair[1] is not None:
                found.append(Found(pair[0], pair[1], path, call.lineno))
    return found


# -- filling ---------------------------------------------------------------------------
@dataclass
class Report:
    filled: int = 0  # written now (new or changed)
    unchanged: int = 0  # already as in the data
    kept: int = 0  # finished in the file, not in the data: left alone
    numerus_fixed: int = 0  # written with plural forms though lupdate extracted one
    added: int = 0  # texts lupdate does not see, added from the code
    misread_removed: int = 0  # nameless-context copies of helper calls
    missing: list[Key] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.filled} filled, {self.unchanged} unchanged, {self.kept} kept, "
            f"{self.added} added from the code, {self.numerus_fixed} given plural forms, "
            f"{self.misread_removed} misread copies removed, {len(self.missing)} missing"
        )


def _check(key: Key, value: Value, numerus: bool, forms: int) -> str | None:
    """Why ``value`` cannot be written for ``key`` (None: it can)."""
    if numerus != isinstance(value, tuple):
        return "plural forms expected" if numerus else "one text expected, not plural forms"
    texts = value if isinstance(value, tuple) else (value,)
    if numerus and len(texts) != forms:
        return f"{forms} plural forms expected, got {len(texts)}"
    if not all(texts):
        return "empty translation"
    for text in texts:
        if placeholders(text) != placeholders(key[1]):
            return f"placeholders {sorted(placeholders(text))} != {sorted(placeholders(key[1]))}"
    return None


def _location(found: Found, ts_dir: Path) -> str:
    filename = Path(os.path.relpath(found.path, ts_dir)).as_posix()
    return f'        <location filename="{escape(filename)}" line="{found.line}"/>\n'


def fill_text(
    text: str,
    translations: Mapping[Key, Value],
    found: Sequence[Found] = (),
    ts_dir: Path = TRANSLATIONS,
    plural_only: bool = False,
) -> tuple[str, Report]:
    """``text`` of a .ts file with the translations written in; ``found``: texts of the
    code (``scan_code``) to add when missing; ``plural_only``: add only ``%n`` ones."""
    report = Report()
    forms = plural_count(text)
    code_texts = {(f.context, f.source) for f in found}
    misreadable = code_texts | translations.keys()  # tr(context, text) read as (text, comment)
    contexts = {context for context, _ in misreadable}  # tr(context, variable) read as (context)
    present: set[Key] = set()

    def message(match: re.Match[str], context: str) -> str:
        attrs, body = match["attrs"], match["body"]
        source, comment = _element(body, "source"), _element(body, "comment")
        if source is None:
            return match[0]
        if not context and (
            (source, comment) in misreadable or (comment is None and source in contexts)
        ):
            report.misread_removed += 1
            return ""
        key = (context, source)
        present.add(key)
        translation = TRANSLATION.search(body)
        if translation is None:
            return match[0]
        state = re.search(r'type="(\w+)"', translation["attrs"])
        if state and state[1] in ("vanished", "obsolete"):
            return match[0]
        numerus = 'numerus="yes"' in attrs
        value = translations.get(key)
        if value is None:
            if state:
                report.missing.append(key)
            else:
                report.kept += 1
            return match[0]
        if not numerus and "%n" in source and isinstance(value, tuple):
            numerus = True
            report.numerus_fixed += 1
            attrs = ' numerus="yes"'
        problem = _check(key, value, numerus, forms)
        if problem:
            report.errors.append(f"{context} | {source!r}: {problem}")
            if state:
                report.missing.append(key)
            return match[0]
        new = translation_element(value, numerus)
        if new == translation[0] and attrs == match["attrs"]:
            report.unchanged += 1
            return match[0]
        report.filled += 1
        body = body[: translation.start()] + new + body[translation.end() :]
        return f"    <message{attrs}>\n{body}    </message>\n"

    def context_block(match: re.Match[str]) -> str:
        name = unescape(match[1])
        messages = MESSAGE_BLOCK.sub(lambda m: message(m, name), match[2])
        if not MESSAGE_BLOCK.search(messages):
            return ""
        return f"<context>\n    <name>{match[1]}</name>\n{messages}</context>\n"

    text = CONTEXT_BLOCK.sub(context_block, text)

    # What the code asks for and lupdate did not extract.
    additions: dict[str, dict[str, list[Found]]] = {}
    for item in found:
        key = (item.context, item.source)
        if key in present or (plural_only and "%n" not in item.source):
            continue
        additions.setdefault(item.context, {}).setdefault(item.source, []).append(item)
    for context in sorted(additions):
        blocks = []
        for source, places in additions[context].items():
            key = (context, source)
            value = translations.get(key)
            numerus = "%n" in source
            problem = _check(key, value, numerus, forms) if value is not None else "missing"
            if problem != "missing" and problem is not None:
                report.errors.append(f"{context} | {source!r}: {problem}")
            if problem is not None:
                report.missing.append(key)
                value = tuple("" for _ in range(forms)) if numerus else ""
            report.added += 1
            locations = "".join(_location(p, ts_dir) for p in places)
            element = translation_element(value, numerus, unfinished=problem is not None)
            tag = '<message numerus="yes">' if numerus else "<message>"
            blocks.append(
                f"    {tag}\n{locations}"
                f"        <source>{escape(source)}</source>\n        {element}\n    </message>\n"
            )
        text = _insert(text, context, "".join(blocks))
    return text, report


def _insert(text: str, context: str, blocks: str) -> str:
    """Append message blocks to ``context``, creating it in name order if need be."""
    for match in CONTEXT_BLOCK.finditer(text):
        name = unescape(match[1])
        if name == context:
            end = match.end() - len("</context>\n")
            return text[:end] + blocks + text[end:]
        if name > context:
            new = f"<context>\n    <name>{escape(context)}</name>\n{blocks}</context>\n"
            return text[: match.start()] + new + text[match.start() :]
    end = text.rindex("</TS>")
    new = f"<context>\n    <name>{escape(context)}</name>\n{blocks}</context>\n"
    return text[:end] + new + text[end:]


# -- the command -----------------------------------------------------------------------
def load_data() -> tuple[dict[Key, Value], dict[Key, Value]]:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import translations_ru
    finally:
        sys.path.pop(0)
    return dict(translations_ru.RUSSIAN), dict(translations_ru.ENGLISH)


def tool(name: str) -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / name


def lrelease(ts: Path) -> None:
    subprocess.run(
        [str(tool("lrelease")), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
    )


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ts", nargs="*", type=Path, help="the .ts files (default: ru and en)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any text is missing")
    parser.add_argument("--release", action="store_true", help="compile the .qm files after")
    parser.add_argument(
        "--lupdate-only",
        action="store_true",
        help="only fill what lupdate extracted: no texts added from the code",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missing text")
    args = parser.parse_args(None if argv is None else list(argv))

    russian, english = load_data()
    found = [] if args.lupdate_only else scan_code()
    code_texts = {(f.context, f.source) for f in found}
    failed = False
    for ts in args.ts or TS_FILES:
        text = ts.read_text(encoding="utf-8")
        english_file = re.search(r'<TS[^>]*\blanguage="en', text) is not None
        data = english if english_file else russian
        new, report = fill_text(text, data, found, ts.resolve().parent, plural_only=english_file)
        if new != text:
            ts.write_text(new, encoding="utf-8", newline="\n")
        print(f"{ts.name}: {report.summary()}")
        for error in report.errors:
            print(f"  error: {error}")
        shown = report.missing if args.verbose else report.missing[:20]
        for context, source in shown:
            print(f"  missing: {context} | {source!r}")
        if len(shown) < len(report.missing):
            print(f"  … {len(report.missing) - len(shown)} more (--verbose lists them)")
        if found:
            unused = sorted(
                key
                for key in data
                if key not in code_texts and f"<source>{escape(key[1])}</source>" not in new
            )
            if unused:
                print(f"  {len(unused)} translation(s) no longer used by the code")
        failed = failed or bool(report.missing or report.errors)
        if args.release:
            lrelease(ts)
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
