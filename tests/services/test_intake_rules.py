"""Intake rules the importer shares with `contact add`, the pipe and the form."""

from __future__ import annotations

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import open_table
from desktop_crm.services.contacts import ContactRequest

from .import_files import write_csv


@pytest.fixture
def desk(crm):
    crm.operators.create("Анна", max_load=10)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    return crm


@pytest.mark.parametrize("empty", ["", " ", ",", " ,, "])
def test_a_tag_value_that_names_no_tag_is_refused(desk, empty):
    with pytest.raises(InvalidValue) as refused:
        desk.contacts.register(ContactRequest("+79000000001", "site", tags=("kz", empty)))
    assert refused.value.field == "tags"
    assert "An empty tag" in str(refused.value)
    assert desk.operators.get("Анна").load == 0


def test_an_import_cell_of_commas_is_rejected_a_blank_cell_is_no_tags(desk, tmp_path):
    path = write_csv(
        tmp_path / "tags.csv",
        [("+79000000001", "site", "kz,,ru"), ("+79000000002", "site", " , "),
         ("+79000000003", "site", "  ")],
        header=("phone", "source", "tags"),
    )  # fmt: skip
    summary = desk.imports.run(open_table(path))
    assert (summary.record.imported, summary.record.rejected) == (2, 1)
    (rejected,) = summary.rejected
    assert rejected.line == 3 and rejected.reason.startswith("Bad tags")


def test_a_phone_with_the_trunk_zero_finds_the_lead_typed_without_it(desk, tmp_path):
    """ "+49 0151…", "+49 (0) 151…" and, where 00 dials abroad, "0049 0151…" are the
    person typed "+49 151…": one lead, through `register` and an import alike."""
    desk.settings.set_phone_region("DE")
    spellings = ["+49 151 23456789", "+49 0151 23456789", "+49 (0) 151 23456789"]
    leads = {
        desk.contacts.register(ContactRequest(s, "site")).contact.lead.external_id
        for s in spellings
    }
    path = write_csv(
        tmp_path / "de.csv",
        [("0049 0151 23456789", "site"), ("+44 (0)20 7946 0958", "site")],
        header=("phone", "source"),
    )
    summary = desk.imports.run(open_table(path))
    assert summary.record.imported == 2
    assert leads == {"+4915123456789"}
    stored = {lead.external_id for lead in desk.leads.search("")}
    assert stored == {"+4915123456789", "+442079460958"}


# -- control characters in a lead's name and message (domain.text.lead_name/lead_message)
@pytest.mark.parametrize(
    "name", ["\x1b[31mИван", "Ива\x07н", "Иван\x00", "Иван\x9b", "Ив\x0bан", "Иван\n\x1cПетров"]
)
def test_a_name_with_a_control_character_is_refused(desk, name):
    with pytest.raises(InvalidValue) as refused:
        desk.contacts.register(ContactRequest("+79000000001", "site", name=name))
    assert refused.value.field == "name"
    assert desk.leads.search("") == []


@pytest.mark.parametrize(
    "message", ["\x1b[31mred", "ding\x07", "nul\x00", "c1\x85", "form\x0cfeed"]
)
def test_a_message_with_a_control_character_but_tab_and_line_break_is_refused(desk, message):
    with pytest.raises(InvalidValue) as refused:
        desk.contacts.register(ContactRequest("+79000000001", "site", message=message))
    assert refused.value.field == "message"
    assert desk.leads.search("") == []


@pytest.mark.parametrize("name", ["Иван\tПетров", "Иван \r\n Петров", "\nИван\nПетров\n"])
def test_a_tab_or_line_break_in_a_name_is_one_space(desk, name):
    contact = desk.contacts.register(ContactRequest("+79000000001", "site", name=name)).contact
    assert contact.lead.name == "Иван Петров"


def test_a_bad_message_beside_a_name_of_two_lines_is_the_message_s_fault(desk):
    request = ContactRequest("+79000000001", "site", name="Иван\nПетров", message="\x1b[2J")
    with pytest.raises(InvalidValue) as refused:
        desk.contacts.register(request)
    assert refused.value.field == "message"


def test_bidi_overrides_are_removed_tabs_and_line_breaks_kept_in_a_message(desk):
    contact = desk.contacts.register(
        ContactRequest(
            "+79000000001",
            "site",
            name="\u202eИван\u202c \u2067Петров\u2069",
            message="Здравствуйте,\n\tзаказ \u202e№ 42\u202c\r\nспасибо",
        )
    ).contact
    assert contact.lead.name == "Иван Петров"
    assert contact.message == "Здравствуйте,\n\tзаказ № 42\nспасибо"


@pytest.mark.parametrize("message", ["Ab\rcd", "Ab\r\ncd", "Ab\ncd"])
def test_every_line_break_in_a_message_is_stored_as_an_import_stores_it(desk, tmp_path, message):
    """One line break, LF, whatever the path: a bare CR from a bot stayed CR while the
    same text imported became LF."""
    registered = desk.contacts.register(ContactRequest("+79000000001", "site", message=message))
    assert registered.contact.message == "Ab\ncd"
    path = tmp_path / "cr.csv"
    quoted = message.replace('"', '""')
    path.write_bytes(f'phone,source,message\r\n+79000000002,site,"{quoted}"\r\n'.encode())
    desk.imports.run(open_table(path))
    (lead,) = desk.leads.search("+79000000002")
    assert [c.message for c in lead.contacts] == ["Ab\ncd"]


def test_an_import_rejects_control_characters_and_drops_bidi_overrides(desk, tmp_path):
    path = write_csv(
        tmp_path / "names.csv",
        [
            ("+79000000001", "site", "\x1b[31mИван", "привет"),
            ("+79000000002", "site", "Bell\x07", "hi"),
            ("+79000000003", "site", "Пётр", "ding\x07"),
            ("+79000000004", "site", "\u202eАнна", "line\none \u202eтекст"),
        ],
        header=("phone", "source", "name", "message"),
    )
    summary = desk.imports.run(open_table(path))
    assert (summary.record.imported, summary.record.rejected) == (1, 3)
    assert sorted(r.line for r in summary.rejected) == [2, 3, 4]
    assert all("control character" in r.reason for r in summary.rejected)
    (lead,) = desk.leads.search("")
    assert lead.name == "Анна"
    assert lead.contacts[0].message == "line\none текст"
