"""Names a person cannot tell apart on the screen: "WhatsАpp" (Cyrillic А) and
"WhatsApp", "Cайт" (Latin C) and "Сайт" (issue 10, a hostile tester)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.text import letter_scripts, lookalike_name, name_key, skeleton


@pytest.mark.parametrize(
    ("typed", "existing"),
    [
        ("WhatsАpp", "WhatsApp"),  # Cyrillic А
        ("Cайт", "Сайт"),  # Latin C
        ("Tеlеgrаm", "Telegram"),
        ("Αvito", "Avito"),  # Greek Alpha
        ("ОЛЬГА", "Ольга"),  # case is no difference anyway: the same key, not a look-alike
    ],
)
def test_look_alikes_share_a_skeleton(typed, existing):
    assert skeleton(typed) == skeleton(existing)


def test_the_look_alike_of_a_name_among_others():
    names = ["Telegram", "WhatsApp", "Сайт"]
    assert lookalike_name("WhatsАpp", names) == "WhatsApp"
    assert lookalike_name("Cайт", names) == "Сайт"
    assert lookalike_name("whatsapp", names) is None  # the same name, not a look-alike
    assert lookalike_name("Avito", names) is None


def test_the_scripts_a_name_mixes():
    assert letter_scripts("WhatsАpp") == ("Latin", "Cyrillic")
    assert letter_scripts("Cайт") == ("Latin", "Cyrillic")
    assert letter_scripts("Сайт 2") == ("Cyrillic",)
    assert letter_scripts("Αvito") == ("Latin", "Greek")
    # a letter the Unicode database names no script of (a Tangut ideograph) is in none
    assert letter_scripts("\U00017000 Avito") == ("Latin",)


@given(st.text(max_size=20), st.text(max_size=20))
def test_the_same_key_is_the_same_skeleton_and_never_a_look_alike(a, b):
    if name_key(a) == name_key(b):
        assert skeleton(a) == skeleton(b)
        assert lookalike_name(a, [b]) is None
