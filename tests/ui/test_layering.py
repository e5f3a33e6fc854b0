"""The window's code keeps its layers: checked on the syntax tree, so it cannot come back."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop_crm.ui

UI_DIR = Path(desktop_crm.ui.__file__).parent


def imported_modules(path: Path, package: str | None = None) -> set[str]:
    """Every module a file imports, absolute (relative imports resolved against
    ``package``, by default the file's own package)."""
    if package is None:
        package = ".".join(path.relative_to(UI_DIR.parents[1]).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_imported_modules_sees_every_form(tmp_path: Path) -> None:
    pages = UI_DIR / "pages"
    found = imported_modules(pages / "base.py")
    assert "desktop_crm.ui.context" in found
    # The checker itself must see relative and plain imports (or the tests below prove nothing).
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from . import contacts\nfrom .leads import X\nimport desktop_crm.db.storage\n"
    )
    found = imported_modules(probe, package="desktop_crm.ui.pages")
    assert {"desktop_crm.ui.pages.contacts", "desktop_crm.ui.pages.leads"} <= found
    assert "desktop_crm.db.storage" in found


def test_no_page_imports_another_page() -> None:
    pages = UI_DIR / "pages"
    allowed = {"desktop_crm.ui.pages", "desktop_crm.ui.pages.base"}
    offenders = {}
    for path in sorted(pages.glob("*.py")):
        if path.name in {"__init__.py", "base.py", "registry.py"}:
            continue  # the base class and the list of pages are not pages
        own = f"desktop_crm.ui.pages.{path.stem}"
        bad = {
            name
            for name in imported_modules(path)
            if name.startswith("desktop_crm.ui.pages")
            and name not in allowed
            and not name.startswith(("desktop_crm.ui.pages.base.", own))
        }
        if bad:
            offenders[path.name] = sorted(bad)
    assert not offenders, f"pages import other pages (use ui/widgets/): {offenders}"


def test_no_ui_module_imports_the_database_layer() -> None:
    offenders = {
        str(path.relative_to(UI_DIR)): sorted(
            name
            for name in imported_modules(path)
            if name == "desktop_crm.db" or name.startswith("desktop_crm.db.")
        )
        for path in sorted(UI_DIR.rglob("*.py"))
    }
    offenders = {name: found for name, found in offenders.items() if found}
    assert not offenders, f"ui/ goes through services, never db/: {offenders}"


def storage_uses(source: str) -> list[int]:
    """The lines of ``source`` that reach an object's ``storage`` (``crm.storage``, also
    through ``getattr(crm, "storage")``)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Attribute) and node.attr == "storage") or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"getattr", "setattr", "hasattr"}
            and any(isinstance(a, ast.Constant) and a.value == "storage" for a in node.args)
        ):
            lines.append(node.lineno)
    return sorted(lines)


def test_no_ui_module_reaches_into_the_crms_storage() -> None:
    """``Crm.storage`` is the database layer under the facade: the window asks ``Crm``
    (``data_version``, ``close_thread_connection``), never its storage."""
    probe = "a = crm.storage.data_version()\nb = self._crm.storage\nc = getattr(crm, 'storage')\n"
    assert storage_uses(probe) == [1, 2, 3]  # the checker sees every form
    offenders = {
        str(path.relative_to(UI_DIR)): storage_uses(path.read_text(encoding="utf-8"))
        for path in sorted(UI_DIR.rglob("*.py"))
    }
    offenders = {name: lines for name, lines in offenders.items() if lines}
    assert not offenders, f"ui/ reaches crm.storage (lines): {offenders}"


def test_the_id_problem_texts_live_in_services_only() -> None:
    """What is wrong with an id that looks like a phone number is worded in
    services/id_problems.py, for the import and the intake form alike; no ui module
    writes its own copy."""
    probe = (
        'def f():\n    """It looks like a phone number."""\n'
        '    return tr("x looks like a phone number")\n'
    )
    assert text_lines(probe, "looks like a phone number") == [3]  # the checker sees it
    offenders = {
        str(path.relative_to(UI_DIR)): text_lines(
            path.read_text(encoding="utf-8"), "looks like a phone number"
        )
        for path in sorted(UI_DIR.rglob("*.py"))
    }
    offenders = {name: lines for name, lines in offenders.items() if lines}
    assert not offenders, f"ui/ words the id problems itself (lines): {offenders}"


def text_lines(source: str, words: str) -> list[int]:
    """The lines of the string constants of ``source`` containing ``words`` (docstrings,
    which describe and show nothing, left out)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and words in node.value
        and id(node) not in docstrings
    )


def test_import_dialog_pages_import_no_other_page() -> None:
    """One module per page of the import dialog: a page imports neither another page nor
    the launcher, and takes from the dialog's module only the class that names the
    "ImportDialog" translation context of its plural texts."""
    package = UI_DIR / "import_dialog"
    pages = sorted(package.glob("*_page.py"))
    assert {path.stem for path in pages} >= {
        "setup_page",
        "progress_page",
        "summary_page",
        "failure_page",
    }
    forbidden = {f"desktop_crm.ui.import_dialog.{path.stem}" for path in pages}
    forbidden.add("desktop_crm.ui.import_dialog.launcher")
    shell = "desktop_crm.ui.import_dialog.dialog"
    offenders = {}
    for path in pages:
        own = f"desktop_crm.ui.import_dialog.{path.stem}"
        bad = {
            name
            for name in imported_modules(path)
            if (name.startswith(tuple(forbidden)) and not name.startswith(own))
            or (name.startswith(shell) and name not in {shell, f"{shell}.ImportDialog"})
        }
        if bad:
            offenders[path.name] = sorted(bad)
    assert not offenders, f"import-dialog pages import each other: {offenders}"
