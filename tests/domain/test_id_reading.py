"""How an id is read, and which ids look like a phone number but are none (issue 10:
"8 900 12" registered as a lead without a word)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.external_id import (
    EmptyExternalId,
    IdKind,
    PhoneProblem,
    normalise_external_id,
    read_external_id,
)


@pytest.mark.parametrize(
    ("raw", "value", "kind"),
    [
        ("8 (900) 555-44-33", "+79005554433", IdKind.PHONE),
        ("+1 212 555 0100", "+12125550100", IdKind.PHONE),
        ("Ivan@Mail.RU", "ivan@mail.ru", IdKind.EMAIL),
        ("user-123", "user-123", IdKind.PLAIN),
        ("123456789", "123456789", IdKind.PLAIN),  # a messenger id: bare digits
        ("89001234", "89001234", IdKind.PLAIN),  # bare digits are never doubtful
        ("@telegram_nick", "@telegram_nick", IdKind.PLAIN),
        ("12 34", "12 34", IdKind.PLAIN),  # too few digits to look like a phone
    ],
)
def test_ids_that_are_what_they_look_like(raw, value, kind):
    reading = read_external_id(raw, "RU")
    assert (reading.value, reading.kind, reading.problem) == (value, kind, None)


@pytest.mark.parametrize(
    ("raw", "region", "value", "its_region"),
    [
        ("+1 212 555 0100", "RU", "+12125550100", "US"),  # the number's country
        ("+7 700 123 45 67", "KZ", "+77001234567", "KZ"),  # +7 of the default region
        ("+7 900 123 45 67", "RU", "+79001234567", "RU"),
        ("030 1234567", "DE", "+49301234567", "DE"),  # national: read in the region
    ],
)
def test_a_phone_is_read_with_its_region(raw, region, value, its_region):
    reading = read_external_id(raw, region)
    assert (reading.value, reading.kind, reading.problem) == (value, IdKind.PHONE, None)
    assert reading.region == its_region


@pytest.mark.parametrize(
    "raw", ["user-123", "Ivan@Mail.RU", "123456789", "030 12345", "12 34", "+7 9OO 123-45-67"]
)
def test_an_id_read_as_no_phone_or_a_possible_one_has_no_region(raw):
    # "030 12345": a possible German number, too short to be read as a phone; no problem
    assert read_external_id(raw, "DE").region == ""


@pytest.mark.parametrize(
    ("raw", "problem", "region"),
    [
        ("8 900 12", PhoneProblem.TOO_SHORT, "RU"),
        ("+7 900 12", PhoneProblem.TOO_SHORT, "RU"),
        ("+7 900 123-45-67-89", PhoneProblem.TOO_LONG, "RU"),
        ("8 900 123 45 67 8", PhoneProblem.TOO_LONG, "RU"),
        ("123-45-67", PhoneProblem.TOO_SHORT, "RU"),  # a local number without its code
        ("+1 212 555", PhoneProblem.TOO_SHORT, "US"),
        ("+999 1234 5678", PhoneProblem.UNKNOWN_COUNTRY, ""),
        ("+99912345678", PhoneProblem.UNKNOWN_COUNTRY, ""),  # as stored: no country
        ("+7 900 123 45 67 89 01 23", PhoneProblem.TOO_LONG, "RU"),  # 16 digits
        ("+7900", PhoneProblem.TOO_SHORT, "RU"),  # a "+" makes even four digits a phone
        ("12-345", PhoneProblem.TOO_SHORT, "RU"),  # five digits with a separator
    ],
)
def test_ids_that_look_like_a_phone_but_are_none(raw, problem, region):
    reading = read_external_id(raw, "RU")
    assert reading.kind is IdKind.PLAIN
    assert reading.problem is problem
    if region:
        assert reading.region == region
    # stored as typed: what registering it "as a plain id" keeps
    assert reading.value == normalise_external_id(raw, "RU", plain=True)


def test_the_default_region_decides_national_numbers():
    assert read_external_id("030 1234567", "DE").kind is IdKind.PHONE
    reading = read_external_id("8 900 12", "KZ")
    assert (reading.problem, reading.region) == (PhoneProblem.TOO_SHORT, "KZ")


def test_a_plain_id_is_never_read_as_a_phone():
    assert normalise_external_id("8 (900) 555-44-33", "RU") == "+79005554433"
    assert normalise_external_id(" 8 (900) 555-44-33\u200b", "RU", plain=True) == (
        "8 (900) 555-44-33"
    )
    assert normalise_external_id("Ivan@Mail.RU", plain=True) == "ivan@mail.ru"
    with pytest.raises(EmptyExternalId):
        normalise_external_id(" \u200b ", plain=True)
    with pytest.raises(EmptyExternalId):
        read_external_id("  ")


@given(st.text(alphabet="0123456789 +-()8", max_size=24))
def test_reading_stores_what_normalising_stores(raw):
    try:
        expected = normalise_external_id(raw, "RU")
    except EmptyExternalId:
        return
    reading = read_external_id(raw, "RU")
    assert reading.value == expected
    if reading.problem is not None:
        assert reading.kind is IdKind.PLAIN
    if reading.kind is IdKind.PHONE:
        assert reading.value.startswith("+")
