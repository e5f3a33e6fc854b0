"""Where the resources folder is (translations, icons, samples, the desktop entry).

The product keeps them in the top-level ``resources/``; the one place that knows where
that folder ends up when the program runs:

- an installed wheel: inside the package, ``desktop_crm/_resources/`` (pyproject.toml
  maps ``resources/`` there);
- the PyInstaller bundle: ``resources/`` in the bundle's folder, ``sys._MEIPASS``
  (packaging/bundle_contents.py places it);
- a source checkout, and the editable install ``make test`` uses: ``resources/`` next
  to the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
WHEEL_FOLDER = "_resources"  # pyproject.toml, [tool.setuptools] package-dir


def folder() -> Path:
    """The resources folder of the running program (module docstring)."""
    installed = PACKAGE_DIR / WHEEL_FOLDER
    if installed.is_dir():
        return installed
    bundle = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle, str):
        return Path(bundle) / "resources"
    return PACKAGE_DIR.parent / "resources"


FOLDER = folder()
TRANSLATIONS_DIR = FOLDER / "translations"
ICONS_DIR = FOLDER / "icons"
SAMPLES_DIR = FOLDER / "samples"
