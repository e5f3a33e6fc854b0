"""Ids shaped like a phone number with letters where digits would be ("+7 9OO 123-45-67"
with Latin O for zero) are flagged like "8 900 12" is (issue 10, a hostile tester)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.external_id import (
    IdKind,
    PhoneProblem,
    normalise_external_id,
    read_external_id,
)


@pytest.mark.parametrize(
    ("raw", "lookalikes"),
    [
        ("+7 9OO 123-45-67", (("O", "0"),)),  # Latin capital O
        ("+7 9оо 123-45-67", (("о", "0"),)),  # Cyrillic small o
        ("8 900 l23-45-67", (("l", "1"),)),
        ("8 (9OO) I23-45-67", (("O", "0"), ("I", "1"))),
        ("+7 900 12З-45-67", (("З", "3"),)),  # Cyrillic Ze
        ("8-900-123-45-б7", (("б", "6"),)),
        ("+7 900 |23 45 67", (("|", "1"),)),
        ("8 9OO 12", (("O", "0"),)),  # short as well: the letters are what to fix first
        ("+79O", (("O", "0"),)),  # a "+" makes even three digits look like a phone
        ("12-3O5", (("O", "0"),)),  # five digits with a separator
        ("+7 9OO 123 45 67 890 1", (("O", "0"),)),  # 15 digits: E.164's most
    ],
)
def test_letters_in_place_of_digits_are_flagged(raw, lookalikes):
    reading = read_external_id(raw, "RU")
    assert reading.kind is IdKind.PLAIN
    assert reading.problem is PhoneProblem.LETTERS_FOR_DIGITS
    assert reading.region == ""
    assert reading.lookalikes == lookalikes
    # stored as typed when registered anyway, as a plain id
    assert reading.value == normalise_external_id(raw, "RU", plain=True)


@pytest.mark.parametrize(
    "raw",
    [
        "Olga",
        "Oleg Ivanov",
        "Ольга",
        "ivan.ollo@mail.ru",
        "@olga_1990",
        "tg:olga",
        "tg:123456789",
        "wa:+79001234567",
        "id-100500",
        "Boo 12",  # too few digits for a phone
        "Olo-lol-lo",  # letters only: a word, not a number
        "+OOO-OOO",
        "+7 OO1",  # as many letters as digits: a word as much as a number
        "8 OOO 12",
        "8900l234567",  # bare digits and a letter: no separators, no "+"
        "+7 9OO 123 45 67 890 12",  # 16 digits: no phone
        "user-123",
        "vk.com/id123",
    ],
)
def test_ids_that_are_no_mistyped_phone_are_not_flagged(raw):
    assert read_external_id(raw, "RU").problem is None


_LETTERS = st.characters(whitelist_categories=("Lu", "Ll"))
_HANDLE = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzOol_0123456789."), min_size=1)


@given(
    st.one_of(
        st.builds(lambda a, b: f"{a}@{b}.ru", _HANDLE, _HANDLE),  # bare e-mails
        st.builds(lambda a: f"@{a}", _HANDLE),  # messenger handles
        st.builds(lambda a: f"tg:{a}", _HANDLE),
        st.builds(lambda a, b: f"{a} {b}", st.text(_LETTERS, min_size=1), st.text(_LETTERS)),
        st.text(_LETTERS, min_size=1),  # names
    )
)
def test_e_mails_handles_and_names_are_never_letters_for_digits(raw):
    try:
        reading = read_external_id(raw, "RU")
    except ValueError:
        return
    assert reading.problem is not PhoneProblem.LETTERS_FOR_DIGITS
    assert reading.lookalikes == ()
