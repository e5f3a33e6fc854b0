"""Working the queue in the window: "why this operator?" from the trace, and assigning
contacts by hand (the dialog and the page)."""

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop_crm.domain.distribution import REPEAT_LEAD_NOTE
from desktop_crm.errors import DatabaseBusy
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.decisions import CandidateInfo, DecisionInfo, DrawInfo
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.refs import OperatorRef
from desktop_crm.ui import assign_dialog
from desktop_crm.ui.assign_dialog import NAME, STATE, AssignDialog, OperatorChoiceModel
from desktop_crm.ui.decision_view import draw_text, history_html
from desktop_crm.ui.models.base import local_time
from desktop_crm.ui.pages.contacts import ContactsPage


def register(crm, external_id, source="tg"):
    return crm.contacts.register(ContactRequest(external_id, source, message="Привет")).contact


def rows(page):
    return [page.model.row_at(r) for r in range(page.model.rowCount())]


def select_ids(page, wanted):
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row, contact in enumerate(rows(page)):
        if contact.id in wanted:
            selection.select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def why_text(page):
    assert page.detail.why.isVisibleTo(page)
    return page.detail.why.toPlainText()


@pytest.fixture
def page(shown_page):
    return shown_page(ContactsPage, 1100, 760)


@pytest.fixture
def full_team(staffed):
    """Анна (limit 3) and Борис (limit 2) both full; the later tg contacts wait."""
    for i in range(3):
        register(staffed, f"+7911000000{i}")
    assert staffed.operators.get("Анна Смирнова").headroom == 0
    assert staffed.operators.get("Борис").headroom == 0
    return staffed


def operator_id(crm, name):
    return crm.operators.get(name).id


# -- "why this operator?" -----------------------------------------------------------------------
def test_an_assigned_contact_shows_its_candidates_and_the_lottery(staffed, page, ctx):
    contact = rows(page)[-1]  # the first registered: everybody had room
    select_ids(page, {contact.id})
    (decision,) = ctx.crm.contacts.history(contact.id)
    text = why_text(page)
    assert page.detail.why.decisions == (decision,)
    assert local_time(decision.created_at) in text
    assert f"Assigned automatically → {contact.operator.name}" in text
    assert "Strategy: Weighted random (lottery)" in text
    for candidate in decision.candidates:  # the table: operator, weight, load of limit
        assert candidate.operator.name in text
        assert f"{candidate.load} of {candidate.max_load}" in text
    (draw,) = decision.draws
    assert (draw.r, draw.total) != (None, None)
    assert f"lottery: r = {draw.r} of {draw.total} → {contact.operator.name}" in text
    assert "✓ chosen" in text
    # Titled, below the fields at the pane's whole width (issue 10: readable on a laptop).
    assert page.detail.why_label.text() == "Why this operator?"
    assert page.detail.why_label.isVisibleTo(page) and page.detail.why.isVisibleTo(page)


def test_an_unassigned_contact_says_why_in_plain_words(full_team, page, ctx):
    waiting = [c for c in rows(page) if c.operator is None]
    assert waiting
    select_ids(page, {waiting[0].id})
    text = why_text(page)
    assert "Assigned automatically → nobody: all operators are at their limit" in text
    assert text.count("at the limit") >= 2  # each candidate's exclusion
    assert "Анна Смирнова" in text and "3 of 3" in text and "2 of 2" in text
    assert "no draw: nobody could take it" in text
    assert "lottery:" not in text  # no draw was made


def test_a_redistributed_contact_has_two_decisions_and_refreshes_in_place(
    full_team, page, ctx, settle
):
    waiting = next(c for c in rows(page) if c.operator is None)
    select_ids(page, {waiting.id})
    assert len(page.detail.why.decisions) == 1
    ctx.crm.operators.update("Борис", max_load=5)  # room: the queue drains (automatic)
    settle()
    assert ctx.crm.contacts.get(waiting.id).operator.name == "Борис"
    first, second = page.detail.why.decisions  # the same contact, read again
    assert (first.kind, second.kind) == ("auto", "redistribution")
    text = why_text(page)
    assert text.index("Assigned automatically → nobody") < text.index("Re-distributed → Борис")
    draw = second.draws[-1]
    assert f"lottery: r = {draw.r} of {draw.total} → Борис" in text
    assert page.detail.operator.text() == "Борис"


def test_a_manual_assignment_says_where_the_contact_came_from(staffed, page, ctx, settle):
    contact = next(c for c in rows(page) if c.operator is not None)
    other = "Борис" if contact.operator.name == "Анна Смирнова" else "Анна Смирнова"
    ctx.crm.operators.update(other, max_load=10)
    ctx.crm.contacts.assign([contact.id], other)
    settle()
    select_ids(page, {contact.id})
    text = why_text(page)
    assert f"Assigned by hand → {other}" in text
    assert f"Taken from {contact.operator.name}." in text
    assert "Strategy" in text.split("Assigned by hand")[0]  # the automatic one above
    assert "lottery:" not in text.split("Assigned by hand")[1]  # the dispatcher chose


def test_a_failed_read_is_shown_in_the_section(staffed, page, ctx, monkeypatch):
    def busy(_contact_id):
        raise DatabaseBusy("The database is busy.")

    monkeypatch.setattr(page.detail, "_history", busy)
    select_ids(page, {rows(page)[0].id})
    assert "could not be read" in why_text(page)


def ref(operator_id, name):
    return OperatorRef(operator_id, name)


def test_redraws_and_the_other_strategies_in_plain_words(qapp):
    anna, boris = ref(1, "Анна"), ref(2, "Борис")
    decision = DecisionInfo(
        id=1,
        created_at=dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC),
        kind="auto",
        operator=boris,
        reason=None,
        strategy="weighted_random",
        candidates=(
            CandidateInfo(anna, 5, True, 0, 3, "at_limit"),
            CandidateInfo(boris, 3, True, 1, 3, None),
            CandidateInfo(ref(3, "Вера"), 2, False, 0, 3, "inactive"),
            CandidateInfo(ref(4, "Глеб"), 0, True, 0, 3, "weight_0"),
        ),
        draws=(DrawInfo(anna, False, 2, 8, ""), DrawInfo(boris, True, 1, 3, "")),
        note="",
    )
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(history_html([decision]))
    text = document.toPlainText()
    assert "lottery: r = 2 of 8 → Анна — refused at re-check" in text
    assert "then lottery: r = 1 of 3 → Борис" in text
    assert "at the limit at the re-check" in text
    assert "inactive" in text and "weight 0" in text
    assert draw_text(DrawInfo(anna, True, None, 6, "current weight 4 of 6")) == (
        "round-robin: current weight 4 of 6"
    )
    assert draw_text(DrawInfo(anna, True, None, None, "load 1 of 10")) == (
        "least loaded: load 1 of 10"
    )
    assert draw_text(DrawInfo(anna, True, None, None, REPEAT_LEAD_NOTE)) == (
        "returning lead: the operator who handled it last"
    )
    assert "No decision" in history_html([])


# -- assigning by hand: the page ----------------------------------------------------------------
@pytest.fixture
def chooser(monkeypatch):
    """Stands in for the dialog: answers with ``chooser.answer``, records what it was shown."""

    class Chooser:
        def __init__(self):
            self.answer = None
            self.calls = []

        def __call__(self, parent, operators, count, contact_tags=()):
            self.calls.append(([o.name for o in operators], count))
            self.tags = list(contact_tags)
            return self.answer

    fake = Chooser()
    monkeypatch.setattr(assign_dialog, "choose_operator", fake)
    return fake


def test_assigning_to_an_operator_at_the_limit_is_refused_with_the_message(
    full_team, page, ctx, settle, chooser
):
    waiting = next(c for c in rows(page) if c.operator is None)
    select_ids(page, {waiting.id})
    chooser.answer = operator_id(ctx.crm, "Борис")
    page.assign_action.trigger()
    settle()
    assert chooser.calls == [(["Анна Смирнова", "Борис"], 1)]
    assert chooser.tags == [frozenset(waiting.tags)]  # the dialog weighs skills by them
    text = page.message.text()
    assert page.message.isVisible()
    assert "1 contact(s) could not be assigned" in text
    assert f"Борис is at the limit (2); contact #{waiting.id} was not given to them." in text
    assert "Assigned" not in text
    assert ctx.crm.contacts.get(waiting.id).operator is None


def test_several_at_once_some_fit_and_the_rest_are_refused(staffed, page, ctx, settle, chooser):
    anna = [c.id for c in rows(page) if c.operator and c.operator.name == "Анна Смирнова"]
    boris = ctx.crm.operators.get("Борис")
    assert len(anna) >= 2 and boris.headroom < len(anna)
    room = boris.headroom + 1
    ctx.crm.operators.update("Борис", max_load=boris.max_load + 1)
    settle()
    select_ids(page, set(anna))
    assert page.assign_button.text() == f"Assign {len(anna)} contact(s) to…"
    chooser.answer = boris.id
    page.assign_button.click()
    settle()
    assert chooser.calls == [(["Анна Смирнова", "Борис"], len(anna))]
    refused = len(anna) - room
    text = page.message.text()
    assert text.startswith(f"Assigned {room} contact(s) to Борис.")
    assert f"{refused} contact(s) could not be assigned" in text
    assert text.count("• Борис is at the limit") == refused
    owners = [ctx.crm.contacts.get(i).operator.name for i in anna]
    assert owners.count("Борис") == room and owners.count("Анна Смирнова") == refused
    # refreshed in place: the table and the why-section show the new owner
    moved = next(i for i in anna if ctx.crm.contacts.get(i).operator.name == "Борис")
    select_ids(page, {moved})
    assert "Assigned by hand → Борис" in why_text(page)


def test_cancelling_the_choice_changes_nothing(staffed, page, ctx, settle, chooser):
    contact = rows(page)[0]
    select_ids(page, {contact.id})
    chooser.answer = None
    page.assign_selected()
    settle()
    assert len(chooser.calls) == 1 and not page.message.isVisible()
    assert ctx.crm.contacts.get(contact.id) == contact


def test_assigning_with_no_operators_says_so(ctx, page, settle, chooser):
    ctx.crm.sources.create("Почта", code="mail")
    register(ctx.crm, "lead", "mail")
    settle()
    select_ids(page, {rows(page)[0].id})  # not selectRow: a stale Shift from a key click
    page.assign_selected()
    assert chooser.calls == []
    assert "No operators yet" in page.message.text()


# -- the dialog -------------------------------------------------------------------------------
OPERATORS = [
    OperatorInfo(1, "Анна", True, 10, 3),
    OperatorInfo(2, "Борис", False, 5, 0),
    OperatorInfo(3, "Вера", True, 2, 2),
    OperatorInfo(4, "Глеб", True, 4, 3),
]


def test_the_dialog_lists_everybody_and_disables_who_cannot_take_it(qtbot, qtmodeltester):
    dialog = AssignDialog(OPERATORS, 2)
    qtbot.addWidget(dialog)
    model = dialog.model
    qtmodeltester.check(model)
    assert isinstance(model, OperatorChoiceModel)
    assert [model.index(r, NAME).data() for r in range(4)] == ["Анна", "Борис", "Вера", "Глеб"]
    assert [model.index(r, STATE).data() for r in range(4)] == [
        "7 free of 10",
        "inactive",
        "at the limit (2)",
        "1 free of 4",
    ]
    enabled = [
        bool(model.flags(model.index(r, NAME)) & Qt.ItemFlag.ItemIsEnabled) for r in range(4)
    ]
    assert enabled == [True, False, False, True]
    assert "inactive" in model.index(1, STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert "limit" in model.index(2, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.note.isVisibleTo(dialog)

    assert dialog.operator_id() == 1  # the first who can take it is chosen
    assert dialog.ok_button.isEnabled() and dialog.warning.isHidden()
    assert not dialog.select_operator(2) and not dialog.select_operator(3)
    assert dialog.operator_id() == 1
    assert dialog.select_operator(4)
    assert dialog.operator_id() == 4
    assert dialog.warning.isVisibleTo(dialog) and "room for 1 more" in dialog.warning.text()


def test_the_dialog_with_nobody_available_cannot_be_accepted(qtbot):
    dialog = AssignDialog(OPERATORS[1:3], 1)
    qtbot.addWidget(dialog)
    assert dialog.operator_id() is None
    assert not dialog.ok_button.isEnabled()


SKILLED = [
    OperatorInfo(1, "Анна", True, 10, 0, skills=("vip",)),
    OperatorInfo(2, "Борис", True, 10, 0),
    OperatorInfo(3, "Вера", True, 10, 0, skills=("en", "vip")),
]


def test_the_dialog_disables_who_lacks_a_skill_every_selected_contact_needs(qtbot):
    dialog = AssignDialog(SKILLED, 2, contact_tags=[frozenset({"vip"}), frozenset({"vip", "en"})])
    qtbot.addWidget(dialog)
    model = dialog.model
    enabled = [model.available(r) for r in range(3)]
    assert enabled == [True, False, True]  # Борис has no skill any of them needs
    assert model.index(1, STATE).data() == "lacks a skill"
    assert "vip" in model.index(1, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert dialog.note.isVisibleTo(dialog) and "skill" in dialog.note.text()
    assert dialog.operator_id() == 1 and dialog.warning.isVisibleTo(dialog)
    assert "lacks a skill 1 of them needs" in dialog.warning.text()  # the "en" contact
    assert dialog.select_operator(3) and dialog.warning.isHidden()


def test_the_dialog_for_untagged_contacts_ignores_skills(qtbot):
    dialog = AssignDialog(SKILLED, 1, contact_tags=[frozenset()])
    qtbot.addWidget(dialog)
    assert [dialog.model.available(r) for r in range(3)] == [True, True, True]
    assert not dialog.note.isVisibleTo(dialog)


def test_choose_operator_returns_the_choice_or_none(qtbot, monkeypatch):
    answers = iter([AssignDialog.DialogCode.Accepted, AssignDialog.DialogCode.Rejected])
    monkeypatch.setattr(AssignDialog, "exec", lambda self: next(answers))
    assert assign_dialog.choose_operator(None, OPERATORS, 1) == 1
    assert assign_dialog.choose_operator(None, OPERATORS, 1) is None
