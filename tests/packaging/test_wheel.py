"""The wheel (`make dist`: dist/desktop_crm-*.whl) carries the translations, icons and
samples of resources/, and the code finds them once the wheel is installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

pytestmark = pytest.mark.slow

PIP = (sys.executable, "-m", "pip", "--quiet", "--disable-pip-version-check")
PACKAGE_PREFIX = "desktop_crm/_resources/"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (a build leaves build/ and
    *.egg-info/ behind, which must not land in the checkout the other tests run from)."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("desktop_crm", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    out = base / "out"
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", str(out), str(source)],
        check=True,
        timeout=240,
    )
    (built,) = out.glob("desktop_crm-*.whl")
    return built


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_carries_the_translations_icons_and_samples(wheel: Path):
    names = wheel_names(wheel)
    expected = [
        *(f"translations/{p.name}" for p in (ROOT / "resources/translations").glob("*.qm")),
        *(f"icons/{p.name}" for p in (ROOT / "resources/icons").iterdir()),
        *(f"samples/{p.name}" for p in (ROOT / "resources/samples").iterdir()),
        "linux/lead-dispatcher.desktop",
    ]
    assert len(expected) > 10
    assert {PACKAGE_PREFIX + name for name in expected} - names == set()


def test_the_wheel_carries_every_package_and_migration(wheel: Path):
    names = wheel_names(wheel)
    modules = {
        str(path.relative_to(ROOT).as_posix())
        for path in (ROOT / "desktop_crm").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert modules - names == set()


def test_an_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    subprocess.run(
        [*PIP, "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        timeout=240,
    )
    script = (
        "import json, desktop_crm\n"
        "from desktop_crm import resources\n"
        "from desktop_crm.ui import application, app_icon, theme\n"
        "from desktop_crm.ui.pages import imports\n"
        "print(json.dumps({'package': desktop_crm.__file__,\n"
        "    'translations': str(application.TRANSLATIONS_DIR),\n"
        "    'icons': [str(app_icon.ICONS_DIR), str(theme.ICONS_DIR)],\n"
        "    'samples': str(imports.SAMPLES_DIR), 'folder': str(resources.folder())}))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,  # not the checkout, whose desktop_crm/ would come first
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    found = json.loads(done.stdout)
    package = target / "desktop_crm"
    assert Path(found["package"]).parent == package
    translations = Path(found["translations"])
    assert translations == package / "_resources" / "translations"
    assert (translations / "desktop_crm_ru.qm").is_file()
    assert all(Path(icons) == package / "_resources" / "icons" for icons in found["icons"])
    assert Path(found["samples"]) == package / "_resources" / "samples"
    assert (Path(found["samples"]) / "contacts_utf8.csv").is_file()
