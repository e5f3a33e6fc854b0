"""The project depends on phonenumberslite: phonenumbers without its geocoder,
carrier and time zone data. Importing those modules fails there, so nothing in
the package may use them (not even in a function that no test happens to run)."""

import ast
from pathlib import Path

import desktop_crm

MISSING_DATA = ("geocoder", "carrier", "timezone")


def _uses_of_missing_data(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            names = [f"{node.value.id}.{node.attr}"]
        found += [f"{path.name}:{node.lineno} {name}" for name in names if _lacks_data(name)]
    return found


def _lacks_data(name: str) -> bool:
    parts = name.split(".")
    return parts[0] == "phonenumbers" and len(parts) > 1 and parts[1] in MISSING_DATA


def test_nothing_uses_phone_data_that_phonenumberslite_leaves_out():
    package = Path(desktop_crm.__file__).parent
    found = [use for path in sorted(package.rglob("*.py")) for use in _uses_of_missing_data(path)]
    assert found == []
