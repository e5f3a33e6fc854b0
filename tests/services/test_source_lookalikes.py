"""Names and codes are one namespace for ``--source``: a source's name or code may not
look like another source's name or code (hostile pass: "Тg" with a Cyrillic Т was
accepted beside the code "tg", and `--source Тg` and `--source Tg` then meant two
sources)."""

from __future__ import annotations

import pytest

from desktop_crm.errors import AlreadyExists

CYRILLIC_TG = "\u0422g"  # Т (Cyrillic) + g


@pytest.fixture
def telegram(crm):
    return crm.sources.create("Telegram-бот", code="tg")


@pytest.mark.parametrize(
    ("name", "code"),
    [
        (CYRILLIC_TG, None),  # a name like another's code
        ("Tеlegram-бот", None),  # a name like another's name (Cyrillic е)
        ("Другой", CYRILLIC_TG),  # a code like another's code
        ("Другой", "Tеlegram-бот"),  # a code like another's name
    ],
)
def test_a_new_source_looking_like_another_is_refused(crm, telegram, name, code):
    with pytest.raises(AlreadyExists, match="look the same"):
        crm.sources.create(name, code=code)
    assert [s.name for s in crm.sources.list()] == ["Telegram-бот"]


@pytest.mark.parametrize(
    "change",
    [{"name": CYRILLIC_TG}, {"code": CYRILLIC_TG}, {"code": "Tеlegram-бот"}],
)
def test_a_renamed_source_looking_like_another_is_refused(crm, telegram, change):
    other = crm.sources.create("Сайт", code="site")
    with pytest.raises(AlreadyExists, match="look the same"):
        crm.sources.update(other.id, **change)
    again = crm.sources.get(other.id)
    assert (again.name, again.code) == ("Сайт", "site")


def test_a_source_may_look_like_itself(crm, telegram):
    # its own name and code do not count: "tg" renamed to a look-alike of its own code
    changed = crm.sources.update(telegram.id, name=CYRILLIC_TG)
    assert changed.name == CYRILLIC_TG


def test_clearly_different_names_and_codes_are_fine(crm, telegram):
    assert crm.sources.create("tgx", code="tg2").code == "tg2"
    assert crm.sources.create("Телеграм", code="тг").code == "тг"  # one alphabet each
