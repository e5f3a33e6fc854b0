"""The import's work per row: what a file repeats is worked out once (issue 13's
import at 2x its floor), with the same result as working it out every time."""

from __future__ import annotations

from collections import Counter

import pytest

import desktop_crm.importing.rows as rows_module
import desktop_crm.services.importer as importer_module
from desktop_crm.importing import open_table
from desktop_crm.services.contacts import ContactRequest

from .import_files import HEADER, e164, phone, stored, when, write_csv

BATCH = 4


@pytest.fixture
def roomy(crm):
    """One operator with room for everything on «Сайт» (site), small batches."""
    crm.operators.create("Анна", max_load=100_000)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.imports.batch_rows = BATCH
    return crm


def counting(monkeypatch, module, name: str) -> Counter[tuple[object, ...]]:
    """Count the calls of ``module.name`` by their arguments, calling it still."""
    calls: Counter[tuple[object, ...]] = Counter()
    real = getattr(module, name)

    def counted(*args: object, **kwargs: object) -> object:
        calls[args] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_returning_leads_id_is_normalised_once_per_import(roomy, db_path, tmp_path, monkeypatch):
    # Three leads, each in two forms, coming back across batches of four rows.
    leads = [(n, style) for _ in range(4) for n in (1, 2, 3) for style in (0, 1)]
    path = write_csv(
        tmp_path / "returning.csv",
        [
            (phone(n, style), f"Lead {n}", "site", f"m{i}", when(i))
            for i, (n, style) in enumerate(leads)
        ],
        HEADER,
    )
    calls = counting(monkeypatch, importer_module, "normalise")
    summary = roomy.imports.run(open_table(path))
    assert (summary.imported, summary.rejected_total) == (24, 0)
    assert sum(calls.values()) == 6  # one per distinct form, not one per row
    assert [s.external_id for s in stored(db_path)] == [e164(n) for n, _style in leads]


def test_a_repeated_id_that_is_refused_is_refused_on_every_row(roomy, tmp_path):
    # Only what passed is remembered: each row with the bad id is reported on its own line.
    bad = "+7 (900) 12"  # looks like a phone and is none
    path = write_csv(
        tmp_path / "bad.csv",
        [(bad if i % 2 else phone(i), "", "site", f"m{i}", when(i)) for i in range(10)],
        HEADER,
    )
    summary = roomy.imports.run(open_table(path))
    assert summary.imported == 5
    assert [r.line for r in summary.rejected] == [3, 5, 7, 9, 11]


def test_a_repeated_name_is_cleaned_once_per_file(roomy, db_path, tmp_path, monkeypatch):
    names = ["Иван Петров", "\ufeffМария\u200b Иванова", "Иван Петров", "John Smith"] * 3
    path = write_csv(
        tmp_path / "names.csv",
        [(phone(i), name, "site", f"m{i}", when(i)) for i, name in enumerate(names)],
        HEADER,
    )
    calls = counting(monkeypatch, rows_module, "lead_name")
    roomy.imports.run(open_table(path))
    assert sorted(calls.values()) == [1, 1, 1]  # each of the three names once
    assert [s.name for s in stored(db_path)] == [
        "Иван Петров",
        "Мария Иванова",
        "Иван Петров",
        "John Smith",
    ] * 3


@pytest.mark.parametrize(("pause", "pauses"), [(0.0, 0), (3600.0, 2)])
def test_a_batch_pauses_only_when_its_reading_left_the_lock_free_too_briefly(
    roomy, tmp_path, monkeypatch, pause, pauses
):
    # Between two batches the lock is free while the next one is read; a pause of its
    # own only tops that up to BATCH_PAUSE (here: never needed, or always).
    path = write_csv(
        tmp_path / "three.csv",
        [(phone(i), "", "site", f"m{i}", when(i)) for i in range(3 * BATCH)],
        HEADER,
    )
    storage = type(roomy.imports._storage)
    calls: list[None] = []
    real = storage.pause_between_batches
    monkeypatch.setattr(
        storage, "pause_between_batches", lambda self, **kw: calls.append(real(self, **kw))
    )
    monkeypatch.setattr(importer_module, "BATCH_PAUSE", pause)
    summary = roomy.imports.run(open_table(path))
    assert summary.imported == 3 * BATCH
    assert len(calls) == pauses


def test_a_batch_pause_tops_up_the_time_the_lock_was_already_free(roomy, tmp_path, monkeypatch):
    """The pause sleeps what is left of BATCH_PAUSE after reading the batch, not all of it
    again (each batch of a big file would wait longer than it needs)."""
    from desktop_crm.db import storage as storage_module

    path = write_csv(
        tmp_path / "three.csv",
        [(phone(i), "", "site", f"m{i}", when(i)) for i in range(3 * BATCH)],
        HEADER,
    )
    slept: list[float] = []
    monkeypatch.setattr(storage_module.time, "sleep", slept.append)
    monkeypatch.setattr(importer_module, "BATCH_PAUSE", 3600.0)
    monkeypatch.setattr(storage_module, "BATCH_PAUSE", 3600.0)
    assert roomy.imports.run(open_table(path)).imported == 3 * BATCH
    pauses = [s for s in slept if s > 1_000]
    assert len(pauses) == 2
    assert all(3600.0 - 60 < s < 3600.0 for s in pauses)  # less the time already free


def test_writes_through_the_same_crm_between_batches_are_counted(crm, tmp_path):
    """A progress callback registering through the importing ``Crm`` (the same
    connection, whose own commits never move SQLite's data version): the next batch counts
    the loads again, and Анна's limit holds."""
    crm.queue.set_auto(False)
    crm.operators.create("Анна", max_load=10)
    crm.sources.create("Telegram", code="tg")
    crm.sources.set_weights("tg", {"Анна": 1})
    path = tmp_path / "rows.csv"
    path.write_text("phone,source\n" + "".join(f"+7900100{i:04d},tg\n" for i in range(40)))
    crm.imports.batch_rows = 5
    calls = []

    def progress(_step):
        calls.append(crm.contacts.register(ContactRequest(f"cb{len(calls)}", "tg")).contact)

    crm.imports.run(open_table(path), progress=progress)
    assert calls and crm.operators.get("Анна").load == 10
