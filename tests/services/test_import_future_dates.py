"""A contact cannot come from the future: an import's date more than a day after now
(a day and month swapped, a typo, 2062 for 2026) is a rejected row, not a contact whose
reply would be recorded decades ahead. Up to a day ahead passes: a file written with
the wall times of a zone east of the desk's, a clock a little ahead."""

from __future__ import annotations

import datetime as dt
import random

from desktop_crm.importing import open_table
from desktop_crm.services import open_crm

NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


def test_a_date_more_than_a_day_ahead_is_rejected_and_a_nearer_one_kept(
    database_location, tmp_path
):
    crm = open_crm(database_location, random.Random(3).randint, clock=lambda: NOW)
    try:
        crm.operators.create("Анна", max_load=10)
        crm.sources.create("Сайт", code="site")
        crm.sources.set_weights("site", {"Анна": 1})
        path = tmp_path / "dates.csv"
        path.write_text(
            "phone,source,date\n"
            "+79001110001,site,2062-12-01T10:00:00Z\n"
            "+79001110002,site,2026-12-03T11:00:00Z\n"  # 23 hours ahead: kept
            "+79001110003,site,2026-12-03T12:00:01Z\n"  # a day and a second: rejected
            "+79001110004,site,2026-12-01T09:00:00Z\n",
            encoding="utf-8",
        )
        summary = crm.imports.run(open_table(path)).record
        (record,) = crm.imports.list()
        rejects = crm.imports.rejects(record.id)
    finally:
        crm.close()
    assert (summary.imported, summary.rejected) == (2, 2)
    assert [r.line for r in rejects] == [2, 4]
    assert all("in the future" in r.reason for r in rejects), rejects
