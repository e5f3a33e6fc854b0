"""Every time the services store comes from the one injectable clock (DESIGN.md, "One
place for each rule"): the journal's entries and an import's start and end too, so a
rule that reads them agrees with the distributor when tests (or a desk) move time."""

from __future__ import annotations

import datetime as dt
import random

from desktop_crm.importing import open_table
from desktop_crm.services import open_crm
from desktop_crm.services.audit import AuditFilter

MOVED = dt.datetime(2031, 5, 17, 9, 30, tzinfo=dt.UTC)


def test_journal_entries_and_import_times_read_the_crms_clock(database_location, tmp_path):
    crm = open_crm(database_location, random.Random(7).randint, clock=lambda: MOVED)
    try:
        crm.operators.create("Анна", max_load=10)
        crm.sources.create("Сайт", code="site")
        path = tmp_path / "file.csv"
        path.write_text("phone,source\n+79001234567,site\n", encoding="utf-8")
        crm.imports.run(open_table(path))
        stamps = {entry.created_at for entry in crm.audit.entries(AuditFilter())}
        (record,) = crm.imports.list()
    finally:
        crm.close()
    assert stamps == {MOVED}
    assert record.started_at == MOVED
    assert record.finished_at == MOVED
