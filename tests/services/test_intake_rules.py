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
