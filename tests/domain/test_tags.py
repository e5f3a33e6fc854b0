"""Tags and skills (``domain.tags``): one normalisation for a contact's tags and an
operator's skills, and the skills rule of ``domain.eligibility``."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.eligibility import Exclusion, exclusion
from desktop_crm.domain.tags import (
    MAX_TAG_LENGTH,
    MAX_TAGS,
    TagError,
    canonical_tags,
    parse_tags,
    tags_of,
    tags_text,
)
from desktop_crm.domain.text import has_control, is_invisible


@pytest.mark.parametrize(
    ("values", "canonical"),
    [
        ("kz", "kz"),
        ("ru,kz", "kz,ru"),
        (["KZ", " ru ", "kz"], "kz,ru"),
        ("ru,,kz,", "kz,ru"),
        ("", ""),
        ([], ""),
        ("Ｋｚ", "kz"),  # full width
        ("Straße", "strasse"),
        ("north   west", "north west"),
        ("Казахский", "казахский"),
    ],
)
def test_tags_are_folded_sorted_and_joined(values, canonical):
    assert canonical_tags(values) == canonical
    assert tags_of(canonical) == parse_tags(values)


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ("k\x1bz", "control"),
        ("k\u200bz", "control"),  # zero-width space
        ("a\tb", "control"),
        ("x" * (MAX_TAG_LENGTH + 1), "too_long"),
        (",".join(f"t{i}" for i in range(MAX_TAGS + 1)), "too_many"),
        ("a\uff0cb", "control"),  # a full-width comma would fold into the separator
    ],
)
def test_bad_tags_are_refused(values, kind):
    with pytest.raises(TagError) as caught:
        parse_tags(values)
    assert caught.value.kind == kind
    # the item at fault as given (the count for too many), for the message
    expected = str(MAX_TAGS + 1) if kind == "too_many" else values
    assert caught.value.tag == expected
    assert repr(expected) in str(caught.value)


def test_the_item_at_fault_is_named_among_others():
    with pytest.raises(TagError) as caught:
        parse_tags(["vip", "ru, k\x1bz"])
    assert caught.value.tag == " k\x1bz"


def test_folding_makes_no_control_or_invisible_character():
    # why a tag is checked for them only as typed: no code point folds into one
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            continue
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", char).casefold())
        if folded == char or has_control(char) or is_invisible(char):
            continue
        assert not has_control(folded), hex(code)
        assert not any(is_invisible(ch) for ch in folded), hex(code)


def test_the_limits_themselves_are_allowed():
    assert len(parse_tags("x" * MAX_TAG_LENGTH)) == 1
    assert len(parse_tags([f"t{i}" for i in range(MAX_TAGS)])) == MAX_TAGS


@given(st.lists(st.text(alphabet=st.characters(categories=["L", "N"]), max_size=8), max_size=8))
def test_canonical_text_reads_back(values):
    try:
        tags = parse_tags(values)
    except TagError:
        return
    assert parse_tags(tags_text(tags)) == tags
    assert tags_of(tags_text(tags)) == tags


@pytest.mark.parametrize(
    ("skills", "tags", "why"),
    [
        ("", "", None),
        ("ru", "", None),
        ("", "kz", Exclusion.NO_SKILL),
        ("kz,ru", "kz", None),
        ("kz,ru", "kz,ru", None),
        ("ru", "kz,ru", Exclusion.NO_SKILL),
    ],
)
def test_a_tagged_contact_needs_every_tag_among_the_skills(skills, tags, why):
    assert (
        exclusion(active=True, load=0, max_load=1, skills=tags_of(skills), tags=tags_of(tags))
        is why
    )
