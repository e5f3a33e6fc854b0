"""Bare digits in a phone column, the bare-digit spelling of a phone, blank-looking
characters, and the fast path of name cleaning."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.external_id import (
    national_spelling,
    normalise_external_id,
    normalise_phone_cell,
)
from desktop_crm.domain.text import clean_name, is_invisible, name_key, strip_invisible


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9007654321", "+79007654321"),
        ("4951234567", "+74951234567"),
        ("900 765 43 21", "+79007654321"),
        ("89007654321", "+79007654321"),
        ("123456", "123456"),  # not a valid Russian number: kept
        ("1234567890", "1234567890"),
        ("a@B.ru", "a@b.ru"),
    ],
)
def test_a_phone_column_reads_bare_national_digits_as_a_phone(raw, expected):
    assert normalise_phone_cell(raw, "RU") == expected
    assert normalise_external_id(normalise_phone_cell(raw, "RU"), "RU") == expected


def test_a_phone_cell_reads_only_ascii_digits_as_bare_national_digits():
    # letters are no digits, even where phonenumbers would read them ("FUN" as 386)
    assert normalise_phone_cell("9007654FUN", "RU") == "9007654FUN"
    # up to 15 digits: an international call prefix and a country code in one cell
    assert normalise_phone_cell("004915123456789", "DE") == "+4915123456789"


def test_a_phone_cell_that_is_no_bare_number_is_read_in_the_region():
    assert normalise_phone_cell("030 1234567", "DE") == "+49301234567"
    assert normalise_phone_cell("030 1234567", "RU") == "+70301234567"


def test_bare_digits_elsewhere_stay_a_plain_id():
    assert normalise_external_id("9007654321", "RU") == "9007654321"


def test_the_bare_digit_spelling_of_a_phone():
    assert national_spelling("+79007654321", "RU") == "9007654321"
    assert national_spelling("+14155550100", "RU") is None  # another country
    assert national_spelling("9007654321", "RU") is None
    # only a stored E.164 id has one: "+" and digits, nothing else
    assert national_spelling("+7 900 765-43-21", "RU") is None
    assert national_spelling("+ 79007654321", "RU") is None


@pytest.mark.parametrize("blank", ["\u2800", "\u3164", "\u115f", "\u1160", "\uffa0"])
def test_blank_looking_characters_are_invisible(blank):
    assert is_invisible(blank)
    assert clean_name(f"{blank}{blank}") == ""
    assert clean_name(f"А{blank}нна") == "Анна"
    assert name_key(blank) == ""


def test_a_leading_byte_order_mark_is_not_part_of_a_name():
    assert clean_name("\ufeffПётр Петров") == "Пётр Петров"


def _slow_clean(text: str) -> str:
    # The rule without the fast path: drop invisibles (joiners kept), NFC, trim.
    name = text
    while True:
        kept = "".join(ch for ch in name if ch in "\u200c\u200d" or not is_invisible(ch))
        cleaned = unicodedata.normalize("NFC", kept).strip().strip("\u200c\u200d").strip()
        if cleaned == name:
            return name
        name = cleaned


@given(
    st.text(
        alphabet=st.sampled_from(
            [*"абвгдёЙйe\u0301 .,-'()№", "\u3164", "\u2800", "\ufeff", "\u200b", "\uffa0"]
        ),
        max_size=20,
    )
)
def test_the_fast_path_cleans_as_the_rule_says(text):
    assert not any(is_invisible(ch) for ch in strip_invisible(text))
    cleaned = clean_name(text)
    assert not any(is_invisible(ch) for ch in cleaned)
    assert clean_name(cleaned) == cleaned
    assert cleaned == _slow_clean(text)
