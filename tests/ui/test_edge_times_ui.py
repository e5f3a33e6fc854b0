"""The window on a database holding contact times at the calendar's edge (stored by an
older version or by hand): every page opens, the times are shown unconverted, in the
zones that cannot show them. In a subprocess: the crash this guards against was a
segfault."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.models import AuditEntry, Contact, Decision, Lead
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest

REPO = Path(__file__).resolve().parents[2]
MOSCOW = "MSK-3"
NEW_YORK = "EST5EDT,M3.2.0,M11.1.0"


def _store(path: Path, moment: dt.datetime) -> None:
    """One contact and its lead, decision and journal entries, all at ``moment`` (naive
    UTC), written straight into the tables as an older version could have."""
    crm = open_crm(DatabaseLocation(path))
    try:
        crm.operators.create("Анна Смирнова-Оболенская", max_load=10)
        crm.sources.create("Telegram-бот", code="tg")
        crm.sources.set_weights("tg", {"Анна Смирнова-Оболенская": 1})
        for n in range(3):
            crm.contacts.register(
                ContactRequest(f"+7900444001{n}", "tg", name=f"Константин Будущий {n}")
            )
        crm.contacts.mark_answered([1])
        with crm.storage.write():
            Contact.update(created_at=moment, answered_at=moment).execute()
            Lead.update(created_at=moment).execute()
            Decision.update(created_at=moment).execute()
            AuditEntry.update(created_at=moment).execute()
    finally:
        crm.close()


@pytest.mark.parametrize(
    ("zone", "moment", "language", "hour"),
    [
        (MOSCOW, dt.datetime(9999, 12, 31, 23, 30), "ru", "23:30"),
        (MOSCOW, dt.datetime(9999, 12, 31, 23, 30), "en", "11:30"),
        (NEW_YORK, dt.datetime(1, 1, 1, 0, 30), "ru", "0:30"),
    ],
    ids=["moscow-9999-ru", "moscow-9999-en", "new-york-0001-ru"],
)
def test_the_window_shows_a_stored_edge_time_unconverted(tmp_path, zone, moment, language, hour):
    db = tmp_path / "edge.sqlite3"
    _store(db, moment)
    env = {**os.environ, "TZ": zone, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.edge_time_window", str(db), language, ""],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["errors"] == []
    assert {"contacts", "leads", "journal", "statistics", "board"} <= set(shown["pages"])
    for name in ("contacts", "leads", "journal"):
        assert any(hour in str(cell) for cell in shown[name]), (name, shown[name])
    assert hour in shown["created"]
    assert hour in shown["why"]
