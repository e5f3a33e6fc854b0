"""Finding leads and contacts: what a search text and a period match, in portable SQL.

One place for the rules of the search boxes (Leads and Contacts screens, ``leads
--search``, the exports that follow the screens):

- a text that is a whole phone number in any spelling (``8 900 123-45-67``) is
  the lead whose normalised id it is, found through the unique index on
  ``lead.external_id``; nothing else is searched (a table scan would be the price);
- any other text matches a lead whose id is that text normalised (an e-mail in any
  case), whose id contains it (or its digits: ``900 123`` finds ``+79001234567``; the
  first digits as dialled, ``+7 900 123`` or ``8 900 123``, too),
  or whose name contains it case-insensitively; on the Contacts screen a
  contact's message containing it matches too (as typed, in lower or upper case, or
  capitalised: see ``case_variants``). A substring cannot use an index,
  so these scan (the contact pages still walk an index in order and stop after a page);
- in names and messages ё is е (Ё is Е) on both sides: "Семенова" finds "Семёнова"
  and "Семёнова" finds "Семенова" (``fold_yo``; SQL's ``replace()`` on the column,
  which the scan reads anyway; the whole-id lookups are left alone and keep their index).
"""

from __future__ import annotations

import datetime as dt
import re

import peewee as pw

from desktop_crm.db.models import Contact, Lead
from desktop_crm.domain.external_id import (
    EmptyExternalId,
    IdKind,
    dialled_from_abroad,
    looks_like_phone,
    normalise_external_id,
    read_external_id,
)
from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue
from desktop_crm.services.common import stored_time

MAX_SEARCH_CHARS = 1_000  # far above any id or name; SQLite refuses huge LIKE patterns
MIN_DIGITS_SEARCHED = 3  # "900 1" is looked for as digits in the ids; "9" alone is not
_PHONE_PART_RE = re.compile(r"^\+?[0-9 ()\-.\u00a0\u2010-\u2014]+$")


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` taken literally (ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def contains(column: pw.Node, text: str) -> pw.Node:
    """``column LIKE '%text%'``, ASCII letters in any case: peewee's ILIKE is SQLite's
    LIKE (which folds ASCII only) and PostgreSQL's ILIKE; the pattern is a parameter in
    the backend's own placeholder."""
    pattern = pw.NodeList((pw.Value(like_pattern(text), unpack=False), pw.SQL("ESCAPE '\\'")))
    return pw.Expression(column, pw.OP.ILIKE, pattern)


_YO = str.maketrans("ёЁ", "еЕ")


def fold_yo(text: str) -> str:
    """``text`` with ё written е and Ё written Е (what the search compares)."""
    return text.translate(_YO)


def folded_yo(column: pw.Node) -> pw.Node:
    """``column`` with ё as е and Ё as Е, in SQL (``replace()``: SQLite and PostgreSQL)."""
    return pw.fn.REPLACE(pw.fn.REPLACE(column, "ё", "е"), "Ё", "Е")


def _checked(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_SEARCH_CHARS:
        raise InvalidValue(
            QT_TRANSLATE_NOOP("errors", "The search text is longer than {limit} characters."),
            field="search",
            limit=MAX_SEARCH_CHARS,
        )
    return text


def is_whole_phone(text: str, region: str) -> bool:
    """True when ``text`` is a phone number in full (a possible number, not its first
    digits: ``+7 900 123``): it is searched as a lead id only."""
    if not looks_like_phone(text):
        return False
    reading = read_external_id(text, region)
    return reading.kind is IdKind.PHONE and reading.problem is None


def lead_condition(text: str, region: str) -> pw.ColumnBase | None:
    """Leads that ``text`` finds (see the module's rules); None for an empty text."""
    text = _checked(text)
    if not text:
        return None
    try:
        normalised = normalise_external_id(text, region)
    except EmptyExternalId:
        return None
    condition: pw.ColumnBase = Lead.external_id == normalised
    if is_whole_phone(text, region):
        return condition
    condition |= contains(Lead.external_id, text)
    digits = re.sub(r"[^0-9]", "", text)
    if _PHONE_PART_RE.match(text) and len(digits) >= MIN_DIGITS_SEARCHED:
        if digits != text:
            condition |= contains(Lead.external_id, digits)  # "900 123-4" in "+79001234567"
        abroad = dialled_from_abroad(digits, region)
        if abroad is not None and not text.startswith("+"):
            condition |= contains(Lead.external_id, abroad)  # "8 900 123": "+7900123…"
    name = fold_yo(text.casefold())  # the stored copy is case-folded: only ё is left
    return condition | contains(pw.fn.REPLACE(Lead.name_folded, "ё", "е"), name)


def contact_text_condition(text: str, region: str, joined: bool = False) -> pw.ColumnBase | None:
    """Contacts of the leads ``text`` finds, or whose message contains it.

    ``joined``: the query joins each contact's ``Lead`` (a page), so the lead's rules are
    checked on the row at hand while the page walks its index, and it stops after a page;
    otherwise (a count) the matching leads are listed once. A whole phone is one lead: its
    contacts come through the ``lead_id`` index either way."""
    leads = lead_condition(text, region)
    if leads is None:
        return None
    if is_whole_phone(text, region):
        return Contact.lead.in_(Lead.select(Lead.id).where(leads))
    of_leads: pw.ColumnBase = (
        leads if joined else Contact.lead.in_(Lead.select(Lead.id).where(leads))
    )
    message = folded_yo(Contact.message)
    for spelling in case_variants(fold_yo(text.strip())):
        of_leads |= contains(message, spelling)
    return of_leads


def case_variants(text: str) -> list[str]:
    """``text`` as typed, in lower case, upper case and capitalised. SQLite's LIKE folds
    only ASCII letters and messages have no folded copy (names do: ``name_folded``),
    so "доставка" finds "Доставка" and "ДОСТАВКА", not "доСТАВка"."""
    variants = [text, text.lower(), text.upper(), text[:1].upper() + text[1:].lower()]
    return list(dict.fromkeys(variants))


def period_condition(since: dt.datetime | None, until: dt.datetime | None) -> pw.ColumnBase:
    """``since`` inclusive, ``until`` exclusive; aware or naive local."""
    condition: pw.ColumnBase = pw.SQL("1 = 1")
    if since is not None:
        condition &= Contact.created_at >= stored_time(since, "since")
    if until is not None:
        condition &= Contact.created_at < stored_time(until, "until")
    return condition
