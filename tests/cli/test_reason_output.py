"""Every reason a contact has no operator reads whole in the CLI's text output: no
stray colon, no empty brackets, whatever the reason (or none) and the message."""

import datetime as dt

import pytest

from desktop_crm.cli.output import contacts_table, leads_text
from desktop_crm.domain.distribution import Unassigned
from desktop_crm.services.dto.contacts import ContactInfo
from desktop_crm.services.dto.leads import LeadInfo
from desktop_crm.services.dto.refs import LeadRef, SourceRef
from desktop_crm.services.erasure import ERASED_REASON
from desktop_crm.services.reasons import reason_text

CREATED = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
REASONS = [*Unassigned, ERASED_REASON, None]


def unassigned(reason: str | None, message: str) -> ContactInfo:
    return ContactInfo(
        id=7,
        created_at=CREATED,
        is_active=True,
        message=message,
        lead=LeadRef(1, "+79001234567", "Иван"),
        source=SourceRef(1, "Сайт", "site"),
        operator=None,
        reason=reason,
    )


def lead_line(contact: ContactInfo) -> str:
    lead = LeadInfo(1, "+79001234567", "Иван", CREATED, 1, (contact,))
    return leads_text([lead]).splitlines()[1]


@pytest.mark.parametrize("reason", REASONS)
def test_an_unassigned_contact_without_a_message_ends_with_its_reason(reason):
    line = lead_line(unassigned(reason, ""))
    assert not line.rstrip().endswith(":"), line
    assert line.endswith(f"unassigned: {reason_text(reason)}" if reason else "unassigned")


@pytest.mark.parametrize("reason", REASONS)
def test_an_unassigned_contact_with_a_message_shows_both(reason):
    line = lead_line(unassigned(reason, "Нужна доставка"))
    assert line.endswith(": Нужна доставка")
    assert reason_text(reason) in line
    assert "unassigned: :" not in line and "unassigned:  " not in line


@pytest.mark.parametrize("reason", REASONS)
def test_the_contacts_table_names_the_reason_or_nothing(reason):
    table = contacts_table([unassigned(reason, "")])
    assert "()" not in table
    if reason:  # named (a long reason is cut at the table's cell width, like any cell)
        assert f"— ({reason_text(reason)[:40]}" in table
