"""Refresh the translation sources and compile them: ``make translations``.

pyside6-lupdate collects every ``tr()``/``translate()``/``QT_TRANSLATE_NOOP`` text
of the package into ``resources/translations/desktop_crm_ru.ts`` (Russian, kept
translations stay) and ``desktop_crm_en.ts`` (English plural forms only); then
pyside6-lrelease compiles both to ``.qm``, which the window loads.
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


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))


def lupdate(ts: Path, *options: str) -> None:
    subprocess.run(
        [str(TOOLS / "lupdate"), *options, "-no-obsolete", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
    )


def lrelease(ts: Path) -> None:
    subprocess.run(
        [str(TOOLS / "lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
        cwd=ROOT,
        check=True,
    )


def main() -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    russian = TRANSLATIONS / "desktop_crm_ru.ts"
    english = TRANSLATIONS / "desktop_crm_en.ts"
    lupdate(russian, "-target-language", "ru_RU")
    lupdate(english, "-target-language", "en_US", "-pluralonly")
    for ts in (russian, english):
        lrelease(ts)


if __name__ == "__main__":
    main()
