"""Phones shown for people: one rule (``display_external_id``), and showing never
changes which lead an id is."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.external_id import display_external_id, normalise_external_id


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+79001234567", "+7 900 123-45-67"),
        ("+74951234567", "+7 495 123-45-67"),
        ("+14155552671", "+1 415-555-2671"),
        ("+442079460958", "+44 20 7946 0958"),
        ("+380441234567", "+380 44 123 4567"),
    ],
)
def test_a_stored_phone_is_shown_in_the_international_format(stored, shown):
    assert display_external_id(stored) == shown


@pytest.mark.parametrize(
    "stored",
    ["user@example.com", "tg:12345", "5000000001", "+7900", "+", "+7 900 123", "erased:ab12", ""],
)
def test_other_ids_are_shown_as_stored(stored):
    assert display_external_id(stored) == stored


@given(st.text(alphabet="+0123456789", min_size=1, max_size=16))
def test_the_shown_phone_is_the_same_lead(stored):
    try:
        canonical = normalise_external_id(stored)
    except ValueError:
        return
    assert normalise_external_id(display_external_id(canonical)) == canonical
