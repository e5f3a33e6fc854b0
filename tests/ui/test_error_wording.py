"""Error messages of the Qt-free core name what is at fault in whole sentences: no
English field key pasted into a Russian sentence ("Для поля «external_id» ...")."""

from __future__ import annotations

import re

import pytest

from desktop_crm.errors import InvalidValue
from desktop_crm.importing import Field
from desktop_crm.importing.mapping import mapping_from_indexes
from desktop_crm.ui.texts import error_text

LATIN = re.compile(r"[A-Za-z]")
HEADERS = ["Телефон", "Имя"]


def mapping_errors(target: Field) -> list[InvalidValue]:
    errors = []
    for columns in ([], 7):
        with pytest.raises(InvalidValue) as caught:
            mapping_from_indexes({target: columns}, HEADERS, column_count=2)
        errors.append(caught.value)
    return errors


@pytest.mark.parametrize("target", list(Field))
def test_mapping_errors_name_the_field_in_words(qapp, target):
    for error in mapping_errors(target):
        assert "_" not in error_text(error)  # "external_id", "created_at"


@pytest.mark.parametrize("target", list(Field))
def test_mapping_errors_are_all_russian(russian, target):
    for error in mapping_errors(target):
        text = error_text(error).replace("ID", "")  # "Внешний ID", as the dialog says
        assert not LATIN.search(text), text


def test_each_field_has_its_own_sentence(qapp):
    texts = [error_text(mapping_errors(target)[0]) for target in Field]
    assert len(set(texts)) == len(texts)
