import random

import phonenumbers
import pytest

from desktop_crm.domain.external_id import (
    EmptyExternalId,
    is_valid_region,
    looks_like_phone,
    normalise_external_id,
)


@pytest.mark.parametrize(
    "raw",
    [
        "+7 (900) 123-45-67",
        "8 900 123-45-67",
        "+79001234567",
        "79001234567",
        "89001234567",
        " 8(900)1234567 ",
        "+7-900-123-45-67",
        "8 900 123 45 67",
    ],
)
def test_phone_variants_are_one_lead(raw):
    assert normalise_external_id(raw) == "+79001234567"


@pytest.mark.parametrize(
    "raw", ["5512345678", "user-123", "tg:5512", "12345", "123456789012", "id 42"]
)
def test_messenger_ids_and_other_values_stay_as_they_are(raw):
    assert normalise_external_id(raw) == raw


@pytest.mark.parametrize(
    "raw", ["tel:+79001234567", "TEL:+7 900 123-45-67", "tel: 8 (900) 123-45-67"]
)
def test_a_tel_link_is_the_phone_it_dials(raw):
    """A phone copied from a web page or a vCard is a ``tel:`` link (RFC 3966)."""
    assert normalise_external_id(raw) == "+79001234567"
    assert looks_like_phone(raw)


@pytest.mark.parametrize("raw", ["tel:abc", "tel:", "hotel:+79001234567", "8-900-111-22-33 доб. 5"])
def test_what_is_no_tel_link_to_a_phone_stays_as_typed(raw):
    """An extension is kept: behind one office number sit different people."""
    assert normalise_external_id(raw) == raw


def test_email_is_trimmed_and_lower_cased():
    assert normalise_external_id("  Ivan.Petrov@Mail.RU ") == "ivan.petrov@mail.ru"


def test_empty_id_is_refused():
    with pytest.raises(EmptyExternalId):
        normalise_external_id("   ")


def test_region_decides_national_numbers():
    assert normalise_external_id("+1 (212) 555-1234") == "+12125551234"
    assert normalise_external_id("(212) 555-1234", "US") == "+12125551234"
    assert normalise_external_id("8 (017) 123-45-67", "BY") == "+375171234567"


def test_phone_detection_rules():
    assert looks_like_phone("+44 20 7946 0958")
    assert looks_like_phone("(900) 123-45-67")
    assert not looks_like_phone("123-45-67")  # punctuation but fewer than 10 digits
    assert not looks_like_phone("5512345678")  # bare digits, not 11 starting 7/8
    assert not looks_like_phone("95512345678")


def test_fast_path_agrees_with_phonenumbers():
    """Wherever phonenumbers knows the number is valid, the fast path gives the same E.164.

    (For numbers outside Russia's ranges phonenumbers reads ``7XXXXXXXXXX`` as a
    national number and prints 12 digits; the fast path keeps the 7 as the
    country code, which is what an 11-digit Russian-style id means.)"""
    rng = random.Random(42)
    checked = 0
    formats = [
        "+7 ({a}) {b}-{c}-{d}",
        "8 {a} {b}-{c}-{d}",
        "7{a}{b}{c}{d}",
        "8({a}){b}{c}{d}",
        "+7{a}{b}{c}{d}",
    ]
    for _ in range(4_000):
        a = (
            rng.choice(["900", "912", "495", "812", "999", "953"])
            if rng.random() < 0.5
            else (f"{rng.randint(0, 999):03d}")
        )
        b = f"{rng.randint(0, 999):03d}"
        c = f"{rng.randint(0, 99):02d}"
        d = f"{rng.randint(0, 99):02d}"
        raw = rng.choice(formats).format(a=a, b=b, c=c, d=d)
        parsed = phonenumbers.parse(raw, "RU")
        if not phonenumbers.is_valid_number(parsed):
            continue
        expected = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        assert normalise_external_id(raw) == expected, raw
        checked += 1
    assert checked > 200


@pytest.mark.parametrize(
    "raw",
    [
        "+8 900 123-45-67",  # no country code 8: no phone, kept as typed
        "+8 700 123-45-67",
        "1 700 123 45 67",  # 11 digits, but a national RU number starts with 7 or 8
        "+7 900 123 45 678",  # 12 digits: too long for +7
        "8 900 123 45 678",
    ],
)
def test_numbers_the_fast_path_must_not_rewrite_stay_as_typed(raw):
    assert normalise_external_id(raw) == raw


def test_a_plus_makes_any_short_number_a_phone():
    assert looks_like_phone("+123")
    assert not looks_like_phone("(12) 3")


def test_an_email_is_split_at_its_last_at_sign():
    assert normalise_external_id("@Ann@Example.com") == "@ann@example.com"
    assert normalise_external_id("Ann@Example@") == "Ann@Example@"  # no domain: no e-mail
    assert normalise_external_id("Ann Lee@Example.com") == "Ann Lee@Example.com"  # a space


def test_regions_are_known_in_any_case():
    assert is_valid_region("ru") and is_valid_region("KZ")
    assert not is_valid_region("XX")


# The national trunk 0 written after the country code ("+49 0151…", "+44 (0)20…") or
# after the international prefix 00 where that is how one dials abroad: one lead with the
# number written without it. Where the 0 belongs to the number (Italy), it stays.
TRUNK_ZERO = [
    ("+49 151 23456789", "DE", ["+49 0151 23456789", "+49 (0) 151 23456789",
                                "+49(0)151-23456789", "0049 0151 23456789",
                                "0049 (0)151 23456789", "00 49 (0) 151 234 567 89"]),
    ("+49 151 2345678", "DE", ["+49 0151 2345678", "+49 (0) 151 2345678",
                               "0049 0151 2345678"]),
    ("+44 20 7946 0958", "GB", ["+44 (0)20 7946 0958", "+44 020 7946 0958",
                                "0044 (0)20 7946 0958", "0044 020 7946 0958"]),
    ("+43 664 1234567", "AT", ["+43 (0)664 1234567", "0043 0664 1234567"]),
    ("+41 79 123 45 67", "CH", ["+41 (0)79 123 45 67", "0041 079 123 45 67"]),
    ("+33 6 12 34 56 78", "FR", ["+33 (0)6 12 34 56 78", "0033 06 12 34 56 78"]),
    ("+31 6 12345678", "NL", ["+31 (0)6 12345678", "0031 06 12345678"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("plain", "region", "spellings"), TRUNK_ZERO, ids=[case[1] for case in TRUNK_ZERO]
)
def test_a_trunk_zero_after_the_country_code_is_one_lead_with_the_number_without_it(
    plain, region, spellings
):
    stored = normalise_external_id(plain, region)
    assert stored == "+" + "".join(ch for ch in plain if ch.isdigit())
    for spelling in spellings:
        assert normalise_external_id(spelling, region) == stored, spelling
        assert normalise_external_id(stored, region) == stored  # idempotent
    for spelling in spellings:  # written with +, the phone region does not matter
        if spelling.startswith("+"):
            assert normalise_external_id(spelling, "RU") == stored, spelling


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("+39 06 1234 5678", "+390612345678"),  # Italy: the 0 is part of the number
        ("0039 06 1234 5678", "+390612345678"),
        ("+7 812 123-45-67", "+78121234567"),  # Russia: +7 8… is a number starting 8
        ("+7 (800) 555-35-35", "+78005553535"),
        ("8 812 123 45 67", "+78121234567"),  # the national 8 before 812
        ("8 (800) 555-35-35", "+78005553535"),
    ],
)
def test_a_zero_or_eight_that_belongs_to_the_number_stays(raw, stored):
    region = "IT" if raw.lstrip("+0").startswith("39") else "RU"
    assert normalise_external_id(raw, region) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0044 7911 123456", "+447911123456"),
        ("0039 333 123 4567", "+393331234567"),
        ("0033 6 12 34 56 78", "+33612345678"),
        ("0049 0151 23456789", "+4915123456789"),
        ("00 7 900 123 45 67", "+79001234567"),
    ],
)
def test_a_number_dialled_with_00_is_international_in_a_region_that_dials_otherwise(typed, stored):
    """Russia dials abroad with 8 10, but people write 00 (every mobile takes it): a
    number that starts with 00 is that country's, never a national number of the region
    ("0044 7911 123456" became the invented "+700447911123456")."""
    assert normalise_external_id(typed, "RU") == stored
    assert normalise_external_id(typed, "DE") == stored  # where 00 is the way out anyway
    assert normalise_external_id(stored, "RU") == stored


def test_00_and_digits_that_make_no_valid_number_stay_as_typed():
    assert normalise_external_id("00 12 34", "RU") == "00 12 34"
    assert normalise_external_id("0079001234567", "RU") == "0079001234567"  # bare digits: an id
