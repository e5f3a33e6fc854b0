"""``make translations``: pyside6-lupdate, then pyside6-lrelease; nothing else.

The ``.ts`` files in ``resources/translations`` are the source of every translation: edit
them in Qt Linguist (or any ``.ts`` tool, or by hand), then run ``make translations``.

lupdate collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` text of the package
into ``desktop_crm_ru.ts`` (Russian; kept translations stay, new texts come in unfinished,
texts gone from the code are dropped) and ``desktop_crm_en.ts`` (English plural forms
only); lrelease compiles both to ``.qm``, which the window loads.

What lupdate's Python parser reads: a literal context, ``self.tr(text, "", n)`` or
``SomeClass.tr(text, "", n)`` for a plural with any count, and
``QCoreApplication.translate("Context", text)`` without a count (it reads a count
variable there as an encoding and extracts the text without plural forms).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop_crm"
TRANSLATIONS = ROOT / "resources" / "translations"
# The tools shipped inside the wheel (the pyside6-lupdate wrapper is broken in some releases).
TOOLS = Path(PySide6.__file__).resolve().parent
OPTIONS: dict[str, tuple[str, ...]] = {
    "desktop_crm_ru.ts": ("-target-language", "ru_RU"),
    "desktop_crm_en.ts": ("-target-language", "en_US", "-pluralonly"),
}


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))


def lupdate(ts: Path, *options: str, quiet: bool = False) -> None:
    """Refresh ``ts`` from the code (locations relative to ``ts``)."""
    subprocess.run(
        [
            str(TOOLS / "lupdate"),
            *(("-silent",) if quiet else ()),
            *options,
            "-no-obsolete",
            *sources(),
            "-ts",
            str(ts),
        ],
        cwd=ROOT,
        check=True,
        capture_output=quiet,
        timeout=120,
    )


def lrelease(ts: Path, qm: Path | None = None) -> None:
    subprocess.run(
        [str(TOOLS / "lrelease"), "-silent", str(ts), "-qm", str(qm or ts.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
        timeout=120,
    )


def main() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for name, options in OPTIONS.items():
        lupdate(TRANSLATIONS / name, *options)
    for name in OPTIONS:
        lrelease(TRANSLATIONS / name)


if __name__ == "__main__":
    main()
