"""A decision that found nobody is kept while the source's candidates stay as they were
(most contacts of a full source during an import meet the same decision); any change of
a candidate's load makes the next contact decide afresh."""

from __future__ import annotations

import random

from desktop_crm.db.models import Contact
from desktop_crm.domain.distribution import Unassigned
from desktop_crm.services.intake import Intake


def test_a_source_full_for_a_while_takes_contacts_again_once_room_is_made(crm):
    anna = crm.operators.create("Анна", max_load=1).id
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    with crm.storage.write():
        intake = Intake(crm.storage, random.Random(1).randint, "RU")
        source = intake.source_id("site")
        first = intake.register(external_id="lead-1", source_id=source)
        queued = [intake.register(external_id=f"lead-{i}", source_id=source) for i in (2, 3)]
        # Анна's contact goes back to the queue by hand: her load is 0 again.
        intake.unassign_by_hand(
            Contact(id=first.contact_id, operator=anna, is_active=True), "by hand"
        )
        after = intake.register(external_id="lead-4", source_id=source)
        intake.flush()
    assert first.decision.operator_id == anna
    assert [r.decision.operator_id for r in queued] == [None, None]
    assert [r.decision.reason for r in queued] == [Unassigned.ALL_AT_LIMIT] * 2
    assert after.decision.operator_id == anna
    traced = crm.contacts.history(queued[1].contact_id)
    assert [(d.operator, d.reason) for d in traced] == [(None, Unassigned.ALL_AT_LIMIT)]
