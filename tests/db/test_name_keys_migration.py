"""Migration 0005: names that look the same become one name; an existing user's file with
look-alike names, codes equal to other sources' names, or invisible-only names upgrades
without failing, renames what collides and says so in the log."""

import logging
import sqlite3
import unicodedata

import peewee as pw
import pytest
from playhouse.migrations import Runner

from desktop_crm.db.guard import APPLICATION_ID
from desktop_crm.db.location import DatabaseLocation
from desktop_crm.db.storage import MIGRATIONS_DIR
from desktop_crm.errors import AlreadyExists
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest

NFC_YOD = unicodedata.normalize("NFC", "Йод")
NFD_YOD = unicodedata.normalize("NFD", "Йод")


def file_at_0004(path, operators, sources):
    """A file as version 0004 left it, with rows no longer allowed now."""
    database = pw.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    Runner(database, directory=str(MIGRATIONS_DIR)).up("0004_queue_and_trace")
    database.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    database.execute_sql("PRAGMA user_version = 4")
    for name in operators:
        database.execute_sql(
            "INSERT INTO operator (name, active, max_load) VALUES (?, 1, 5)", (name,)
        )
    for name, code in sources:
        database.execute_sql("INSERT INTO source (name, code) VALUES (?, ?)", (name, code))
    database.close()


def test_look_alike_names_and_codes_are_renamed_and_logged(tmp_path, caplog):
    path = tmp_path / "old.sqlite3"
    file_at_0004(
        path,
        operators=["Base", "base", "base (2)", NFC_YOD, NFD_YOD, "\u200b", "Ан\u200bна", "Анна"],
        sources=[
            ("Form", "web"),  # 1
            ("Other", "WEB"),  # 2: a code equal to another's code but for case
            ("web", None),  # 3: a name equal to another's code
            ("FORM", "f"),  # 4: a name equal to another's name but for case
            ("Src", "src"),  # 5: its own name and code may be alike
            ("\ufeff", "\u200d"),  # 6: nothing visible
        ],
    )
    # A contact on the renamed source keeps pointing at the same row.
    with sqlite3.connect(path) as c:
        c.execute("INSERT INTO lead (external_id, name, created_at) VALUES ('x', '', '2026-01-01')")
        c.execute(
            "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, message)"
            " VALUES (1, 3, 2, '2026-01-01', 1, 'hi')"
        )
    with caplog.at_level(logging.WARNING, logger="desktop_crm.db.migrations"):
        crm = open_crm(DatabaseLocation(path))
    try:
        operators = {o.id: o.name for o in crm.operators.list()}
        assert operators == {
            1: "Base",
            2: "base (3)",
            3: "base (2)",
            4: NFC_YOD,
            5: NFD_YOD + " (2)",
            6: "operator 6",
            7: "Ан\u200bна",
            8: "Анна (2)",
        }
        sources = {s.id: (s.name, s.code) for s in crm.sources.list(with_weights=False)}
        assert sources == {
            1: ("Form", "web"),
            2: ("Other", "WEB-2"),
            3: ("web (2)", None),
            4: ("FORM (2)", "f"),
            5: ("Src", "src"),
            6: ("source 6", None),
        }
        renamed = [r.getMessage() for r in caplog.records if r.name == "desktop_crm.db.migrations"]
        assert len(renamed) == 9  # 4 operators, 3 source names, 2 codes
        assert any("'base'" in m and "'base (3)'" in m for m in renamed)
        assert any("'WEB'" in m and "'WEB-2'" in m for m in renamed)
        # Afterwards the rules hold, and every spelling finds one row.
        with pytest.raises(AlreadyExists):
            crm.operators.create("BASE (3)")
        assert crm.operators.get("BASE").id == 1
        assert crm.sources.get("WEB").id == 1
        assert crm.sources.get("web-2").id == 2
        contact = crm.contacts.register(ContactRequest("y", "name:web (2)")).contact
        assert contact.source.id == 3
        assert crm.contacts.get(1).source.name == "web (2)"
    finally:
        crm.close()


def test_a_file_without_collisions_keeps_every_name(tmp_path, caplog):
    path = tmp_path / "old.sqlite3"
    file_at_0004(path, operators=["Анна", "Борис"], sources=[("Сайт", "site"), ("Бот", None)])
    with caplog.at_level(logging.WARNING, logger="desktop_crm.db.migrations"):
        crm = open_crm(DatabaseLocation(path))
    try:
        assert [o.name for o in crm.operators.list()] == ["Анна", "Борис"]
        assert [(s.name, s.code) for s in crm.sources.list()] == [("Бот", None), ("Сайт", "site")]
        assert crm.sources.get("SITE").name == "Сайт"
        assert not [r for r in caplog.records if r.name == "desktop_crm.db.migrations"]
    finally:
        crm.close()


def test_lead_ids_stored_before_are_normalised_and_look_alikes_merged(tmp_path, caplog):
    """Ids an earlier version stored as typed (full-width digits, invisible characters,
    NFD) are rewritten to today's form, so the next contact finds its lead; a lead whose
    id becomes another lead's id is merged into it, its contacts kept."""
    path = tmp_path / "old.sqlite3"
    file_at_0004(path, operators=["Анна"], sources=[("Сайт", "site")])
    leads = [
        "+79007654321",  # 1
        "８９００７６５４３２１",  # 2: the same phone, full-width
        "user\u200b-1",  # 3
        unicodedata.normalize("NFD", "Йошкар-42"),  # 4
        "٨٩٠٠٧٦٥٤٣٢٢",  # 5: another phone, Arabic-Indic digits
        "\u200b",  # 6: nothing visible: left as it was
        "plain-id",  # 7
        "+79007654322",  # 8: lead 5's phone, stored later: merged into the older lead 5
    ]
    with sqlite3.connect(path) as c:
        for i, external_id in enumerate(leads, start=1):
            c.execute(
                "INSERT INTO lead (external_id, name, name_folded, created_at) "
                "VALUES (?, ?, ?, '2026-01-01')",
                (external_id, "" if i == 1 else f"Лид {i}", "" if i == 1 else f"лид {i}"),
            )
            c.execute(
                "INSERT INTO contact (lead_id, source_id, operator_id, created_at, is_active, "
                "message) VALUES (?, 1, NULL, '2026-01-01', 0, ?)",
                (i, f"m{i}"),
            )
    with caplog.at_level(logging.INFO, logger="desktop_crm.db.migrations"):
        crm = open_crm(DatabaseLocation(path))
    try:
        with sqlite3.connect(path) as c:
            stored = dict(c.execute("SELECT id, external_id FROM lead").fetchall())
            names = dict(c.execute("SELECT id, name FROM lead").fetchall())
            contacts = dict(c.execute("SELECT message, lead_id FROM contact").fetchall())
        assert stored == {
            1: "+79007654321",
            3: "user-1",
            4: "Йошкар-42",
            5: "+79007654322",
            6: "\u200b",
            7: "plain-id",
        }
        assert names[1] == "Лид 2"  # the merged lead had no name; the other one's is kept
        assert names[5] == "Лид 5"
        assert contacts == {
            **{"m1": 1, "m2": 1, "m3": 3, "m4": 4, "m5": 5, "m6": 6, "m7": 7},
            "m8": 5,
        }
        again = crm.contacts.register(ContactRequest("８９００７６５４３２１", "site")).contact
        assert again.lead.id == 1
        assert crm.contacts.register(ContactRequest("user-1", "site")).contact.lead.id == 3
        messages = [r.getMessage() for r in caplog.records]
        assert any("lead #2 merged into lead #1" in m for m in messages)
        assert any("lead #8 merged into lead #5" in m for m in messages)
        # The log names leads by number only: no phone, e-mail or name (personal data).
        assert not any("7900" in m or "user" in m or "Лид" in m for m in messages)
    finally:
        crm.close()
