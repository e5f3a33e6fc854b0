"""`import FILE --map-source VALUE=SOURCE --create-sources`: the window's source map on
the command line, through the same services, checked before anything is written."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.cli.helpers import snapshot
from tests.services.import_files import row, stored, write_csv


@pytest.fixture
def file(tmp_path: Path, run_json) -> Path:
    run_json("operator", "add", "alice", "--max-load", "100")
    run_json("source", "add", "Website", "--code", "web")
    run_json("source", "weights", "web", "alice=1")
    rows = [
        row(1, source="Website"),
        row(2, source="Сайт"),
        row(3, source="Avito"),
        row(4, source="сайт"),
        row(5, source="Avito"),
    ]
    return write_csv(tmp_path / "leads.csv", rows)


def test_without_a_map_the_unknown_values_are_rejected(run_json, file: Path) -> None:
    data = run_json("import", file)
    assert (data["imported"], data["rejected_total"]) == (1, 4)


def test_a_mapped_value_goes_to_its_source(run_json, file: Path, db_path: Path) -> None:
    data = run_json("import", file, "--map-source", "Сайт=web", "--map-source", "Avito=Website")
    assert (data["imported"], data["rejected_total"]) == (5, 0)
    assert data["created_sources"] == []
    assert Counter(c.source for c in stored(db_path)) == Counter({"Website": 5})


def test_create_sources_makes_the_unmapped_ones(run_json, file: Path, db_path: Path) -> None:
    data = run_json("import", file, "--map-source", "Avito=web", "--create-sources")
    assert (data["imported"], data["rejected_total"]) == (5, 0)
    assert data["created_sources"] == ["Сайт"]
    assert Counter(c.source for c in stored(db_path)) == Counter({"Website": 3, "Сайт": 2})
    names = [s["name"] for s in run_json("source", "list")]
    assert sorted(names) == ["Website", "Сайт"]


def test_the_text_summary_names_the_created_sources(run, file: Path) -> None:
    result = run("import", file, "--create-sources")
    assert result.code == 0, result
    assert "created source: Сайт" in result.out
    assert "created source: Avito" in result.out


@pytest.mark.parametrize(
    "options",
    [
        ("--map-source", "Сайт"),  # no "="
        ("--map-source", "Сайт=Nowhere"),  # no such source
        ("--map-source", "=web"),  # no value
        ("--map-source", "Сайт= "),  # no source
        ("--map-source", "Сайт=Nowhere", "--create-sources"),
        (
            "--map-source",
            "Сайт=web",
            "--map-source",
            "сайт=web",
            "--create-sources",
            "--map-source",
            "Avito=",
        ),
    ],
)
def test_a_bad_mapping_exits_2_and_writes_nothing(
    run, file: Path, db_path: Path, options: tuple[str, ...]
) -> None:
    before = snapshot(db_path)
    result = run("import", file, *options)
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert snapshot(db_path) == before


def test_phone_like_ids_are_rejected_unless_plain_ids(
    run_json, tmp_path: Path, db_path: Path
) -> None:
    run_json("operator", "add", "alice", "--max-load", "100")
    run_json("source", "add", "Website", "--code", "web")
    rows = [
        ("+7 900 123-45-67", "A", "Website", "hi", ""),
        ("8 900 12", "B", "Website", "hi", ""),
        ("+7 9OO 123-45-67", "C", "Website", "hi", ""),
    ]
    file = write_csv(tmp_path / "ids.csv", rows)
    data = run_json("import", file)
    assert (data["imported"], data["rejected_total"]) == (1, 2)
    again = run_json("import", file, "--again", "--plain-ids")
    assert (again["imported"], again["rejected_total"]) == (3, 0)
    ids = {contact.external_id for contact in stored(db_path)}
    assert {"8 900 12", "+7 9OO 123-45-67", "+79001234567"} <= ids


def test_a_look_alike_source_value_is_named_in_the_import_s_words(
    run, run_json, tmp_path: Path
) -> None:
    run_json("source", "add", "WhatsApp")
    file = write_csv(tmp_path / "alike.csv", [row(1, source="WhatsАpp")])  # Cyrillic А
    result = run("import", file)
    assert result.code == 0, result
    assert "looks like 'WhatsApp' (mixes Latin and Cyrillic letters)" in result.out


def test_sources_to_create_are_all_created_or_none(run, tmp_path: Path, db_path: Path) -> None:
    """One value of the file cannot become a source (it looks like «Website»): the other,
    checked first, must not be created either (exit 2 means nothing was written)."""
    run("operator", "add", "alice")
    run("source", "add", "Website", "--code", "web")
    rows = [row(1, source="Avito"), row(2, source="Websitе")]  # a Cyrillic е
    file = write_csv(tmp_path / "two.csv", rows)
    before = snapshot(db_path)
    result = run("import", file, "--create-sources")
    assert result.code == 2, result
    assert "Website" in result.err
    assert snapshot(db_path) == before
