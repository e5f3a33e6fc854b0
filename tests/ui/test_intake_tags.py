"""The intake form's Tags field: a tagged contact goes only to an operator with every
skill; a bad tag is said where it was typed and nothing is registered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_crm.services.dto.filters import ContactFilter
from desktop_crm.ui.intake import IntakeForm

ALL = ContactFilter()


def _form(qtbot, ctx):
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    form.source.setCurrentIndex(form.source.findData(ctx.crm.sources.get("tg").id))
    return form


def test_tags_send_the_contact_to_an_operator_with_the_skills(qtbot, ctx, staffed):
    ctx.crm.operators.update("Борис", skills="kz, vip", max_load=10)
    form = _form(qtbot, ctx)
    for i in range(3):  # Анна lacks the skills: always Борис
        qtbot.keyClicks(form.external_id, f"+7 900 555 44 3{i}")
        qtbot.keyClicks(form.tags, "KZ, vip")
        qtbot.keyClick(form.tags, Qt.Key.Key_Return)
        assert "went to Борис" in form.outcome.text(), form.outcome.text()
        assert form.tags.text() == ""  # cleared with the rest
    tagged = [c for c in ctx.crm.contacts.page(ALL) if c.tags]
    assert len(tagged) == 3
    assert {(c.tags, c.operator.name if c.operator else None) for c in tagged} == {
        (("kz", "vip"), "Борис")
    }


def test_a_bad_tag_is_said_and_nothing_is_registered(qtbot, ctx, staffed):
    form = _form(qtbot, ctx)
    before = ctx.crm.contacts.count(ALL).count
    qtbot.keyClicks(form.external_id, "+7 900 555 44 39")
    form.tags.setText("x" * 100)
    qtbot.keyClick(form.tags, Qt.Key.Key_Return)
    assert "longer than" in form.outcome.text()
    assert form.tags.text() == "x" * 100  # kept, to be corrected
    assert ctx.crm.contacts.count(ALL).count == before


def test_a_tag_like_a_skill_is_said_and_nothing_is_registered(qtbot, ctx, staffed):
    ctx.crm.operators.update("Борис", skills="vip", max_load=10)
    form = _form(qtbot, ctx)
    before = ctx.crm.contacts.count(ALL).count
    qtbot.keyClicks(form.external_id, "+7 900 555 44 38")
    form.tags.setText("v\u0456p")  # a Cyrillic і (set: QTest cannot type it)
    qtbot.keyClick(form.tags, Qt.Key.Key_Return)
    assert "looks like the skill 'vip' but is not it" in form.outcome.text()
    assert form.tags.text() == "v\u0456p"  # kept, to be corrected
    assert ctx.crm.contacts.count(ALL).count == before


def test_a_tags_field_of_commas_only_is_said_and_nothing_is_registered(qtbot, ctx, staffed):
    """A blank field is no tags; "," names no tag: refused as `--tag ,` and the pipe's
    `"tags": [","]` are (``domain.tags.parse_given_tags``)."""
    form = _form(qtbot, ctx)
    before = ctx.crm.contacts.count(ALL).count
    qtbot.keyClicks(form.external_id, "+7 900 555 44 37")
    qtbot.keyClicks(form.tags, " , ")
    qtbot.keyClick(form.tags, Qt.Key.Key_Return)
    assert "An empty tag" in form.outcome.text(), form.outcome.text()
    assert form.tags.text() == " , "  # kept, to be corrected
    assert ctx.crm.contacts.count(ALL).count == before
    form.tags.setText("   ")  # blank: no tags
    qtbot.keyClick(form.tags, Qt.Key.Key_Return)
    assert ctx.crm.contacts.count(ALL).count == before + 1


def test_a_name_with_a_control_character_is_said_and_nothing_is_registered(qtbot, ctx, staffed):
    form = _form(qtbot, ctx)
    before = ctx.crm.contacts.count(ALL).count
    qtbot.keyClicks(form.external_id, "+7 900 555 44 36")
    form.name.setText("\x1b[31mИван")  # pasted: QTest cannot type it
    qtbot.keyClick(form.external_id, Qt.Key.Key_Return)
    assert "control character" in form.outcome.text(), form.outcome.text()
    assert "\x1b" not in form.outcome.text()
    assert ctx.crm.contacts.count(ALL).count == before
