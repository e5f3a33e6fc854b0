"""Names that look the same are the same: operators and sources get a normalised key
of their name (and a source of its code) with a unique index each.

The key is the name in NFKC with case folded, without invisible characters
(zero-width, byte-order mark, bidi marks and the like), with each run of
whitespace one space, trimmed: "Base", "base", "Ｂａｓｅ" and an NFD "й" meet.

A file made by an earlier version may hold names that collide under the key.
The migration must not fail on a user's file, so it renames, and logs each
change (WARNING, logger ``desktop_crm.db.migrations``):

- operators and source names: the oldest (lowest id) keeps its name, later ones
  get " (2)", " (3)", ...;
- source codes: codes are what bots send, and a code was always looked up
  before a name, so a code keeps its meaning: a later code equal to an earlier
  code gets "-2", "-3", ...; a source *name* equal to another source's code is
  renamed like a duplicate name;
- a name with nothing visible becomes "operator N" / "source N" (N its id); such
  a code is cleared.

The key rules are frozen here as they were when this migration was written;
``desktop_crm/domain/text.py`` holds the rules the program uses now.

Lead ids: this version removes invisible characters from an external id, puts it
in NFC and reads any Unicode decimal digit in a phone (``８９００…`` is
``+7900…``). Ids an earlier version stored as typed are rewritten to that form
(only ids with a non-ASCII character can change), so the next contact with the
same id finds its lead. When the rewritten id is already another lead's, the two
are one person: the contacts move to the older lead, which takes the other's name
if it had none, and the newer lead is deleted. The log names leads by number
only (no personal data). An id with nothing visible is left as it was. This step
uses the program's normaliser (``domain.external_id``): the phone rules are too
large to freeze here, and they only ever change what was not normalised yet.
"""

import logging
import re
import unicodedata

from peewee import PostgresqlDatabase, TextField

log = logging.getLogger("desktop_crm.db.migrations")


def _freed(db, lead_id):
    """A lead's id while it is freed for another lead (the lead is deleted right after).
    PostgreSQL's text holds no NUL character."""
    return f"\x01freed-{lead_id}" if isinstance(db, PostgresqlDatabase) else f"\0{lead_id}"


_IGNORABLE_RANGES = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0000, 0xE0FFF),
)


def _visible(text):
    return "".join(
        ch
        for ch in text
        if unicodedata.category(ch) != "Cf"
        and not any(low <= ord(ch) <= high for low, high in _IGNORABLE_RANGES)
    )


def _key(text):
    value = unicodedata.normalize("NFKC", _visible(text))
    value = _visible(unicodedata.normalize("NFKC", value.casefold()))
    return re.sub(r"\s+", " ", value).strip()


def _free(base, suffix, taken, *, plain=False):
    """``base`` (when ``plain``), else ``base`` + ``suffix(n)`` for the first n = 2, 3, ...,
    whose key is not taken."""
    if plain and _key(base) not in taken:
        return base
    n = 2
    while True:
        candidate = base + suffix(n)
        if _key(candidate) not in taken:
            return candidate
        n += 1


def _execute(db, sql, params=()):
    """``?`` placeholders, as this backend spells them (``%s`` on PostgreSQL)."""
    return db.execute_sql(sql.replace("?", db.param), params)


def up(migrator, db):
    migrator.migrate(
        migrator.add_column("operator", "name_key", TextField(null=True)),
        migrator.add_column("source", "name_key", TextField(null=True)),
        migrator.add_column("source", "code_key", TextField(null=True)),
    )
    _key_operators(db)
    _key_sources(db)
    _normalise_lead_ids(db)
    migrator.migrate(
        migrator.add_index("operator", ("name_key",), True),
        migrator.add_index("source", ("name_key",), True),
        migrator.add_index("source", ("code_key",), True),
    )


def _key_operators(db):
    rows = _execute(db, "SELECT id, name FROM operator ORDER BY id").fetchall()
    original = {_key(name) for _id, name in rows}
    taken: set[str] = set()
    for row_id, name in rows:
        new_name, key = name, _key(name)
        if not key:
            new_name = _free(
                f"operator {row_id}", lambda n: f" ({n})", taken | original, plain=True
            )
        elif key in taken:
            new_name = _free(name, lambda n: f" ({n})", taken | original)
        key = _key(new_name)
        taken.add(key)
        if new_name != name:
            log.warning(
                "operator #%s renamed from %r to %r: names that differ only in case, width "
                "or invisible characters are one name now",
                row_id,
                name,
                new_name,
            )
        _execute(
            db, "UPDATE operator SET name = ?, name_key = ? WHERE id = ?", (new_name, key, row_id)
        )


def _key_sources(db):
    rows = _execute(db, "SELECT id, name, code FROM source ORDER BY id").fetchall()
    original = {_key(name) for _id, name, _code in rows}
    original |= {_key(code) for _id, _name, code in rows if code is not None}
    codes: dict[str, int] = {}  # code key -> source id
    for row_id, _name, code in rows:
        if code is None:
            continue
        new_code, key = code, _key(code)
        if not key:
            new_code = None
        elif key in codes:
            new_code = _free(code, lambda n: f"-{n}", set(codes) | original)
        if new_code != code:
            log.warning(
                "source #%s: code %r changed to %r: codes that differ only in case, width "
                "or invisible characters are one code now",
                row_id,
                code,
                new_code,
            )
        if new_code is not None:
            codes[_key(new_code)] = row_id
        _execute(
            db,
            "UPDATE source SET code = ?, code_key = ? WHERE id = ?",
            (new_code, None if new_code is None else _key(new_code), row_id),
        )
    names: set[str] = set()
    for row_id, name, _code in rows:
        new_name, key = name, _key(name)
        taken = names | {k for k, owner in codes.items() if owner != row_id}
        if not key:
            new_name = _free(
                f"source {row_id}", lambda n: f" ({n})", taken | original | set(codes), plain=True
            )
        elif key in taken:
            new_name = _free(name, lambda n: f" ({n})", taken | original | set(codes))
        key = _key(new_name)
        names.add(key)
        if new_name != name:
            log.warning(
                "source #%s renamed from %r to %r: a source name may not look the same as "
                "another source's name or code",
                row_id,
                name,
                new_name,
            )
        _execute(
            db, "UPDATE source SET name = ?, name_key = ? WHERE id = ?", (new_name, key, row_id)
        )


def _normalise_lead_ids(db):
    from desktop_crm.domain.external_id import EmptyExternalId, normalise_external_id

    row = _execute(db, "SELECT value FROM setting WHERE key = 'phone_region'").fetchone()
    region = row[0] if row else "RU"
    changes = []
    for lead_id, external_id in _execute(db, "SELECT id, external_id FROM lead ORDER BY id"):
        if external_id.isascii():
            continue  # nothing in the new rules changes an ASCII id
        try:
            normalised = normalise_external_id(external_id, region)
        except EmptyExternalId:
            log.warning("lead #%s: its external id has nothing visible; left as it was", lead_id)
            continue
        if normalised != external_id:
            changes.append((lead_id, normalised))
    for lead_id, normalised in changes:
        owner = _execute(
            db, "SELECT id FROM lead WHERE external_id = ? AND id != ?", (normalised, lead_id)
        ).fetchone()
        if owner is None:
            _execute(db, "UPDATE lead SET external_id = ? WHERE id = ?", (normalised, lead_id))
            log.info("lead #%s: external id normalised (invisible characters, digits)", lead_id)
            continue
        keep, drop = sorted((owner[0], lead_id))
        if keep == lead_id:  # the older lead takes the id; free it from the newer first
            _execute(db, "UPDATE lead SET external_id = ? WHERE id = ?", (_freed(db, drop), drop))
            _execute(db, "UPDATE lead SET external_id = ? WHERE id = ?", (normalised, keep))
        _execute(db, "UPDATE contact SET lead_id = ? WHERE lead_id = ?", (keep, drop))
        _execute(
            db,
            "UPDATE lead SET name = (SELECT name FROM lead WHERE id = ?), "
            "name_folded = (SELECT name_folded FROM lead WHERE id = ?) "
            "WHERE id = ? AND name = ''",
            (drop, drop, keep),
        )
        _execute(db, "DELETE FROM lead WHERE id = ?", (drop,))
        log.warning("lead #%s merged into lead #%s: their external ids are one id now", drop, keep)


def down(migrator, db):
    migrator.migrate(
        migrator.drop_index("source", "source_code_key"),
        migrator.drop_index("source", "source_name_key"),
        migrator.drop_index("operator", "operator_name_key"),
        migrator.drop_column("source", "code_key"),
        migrator.drop_column("source", "name_key"),
        migrator.drop_column("operator", "name_key"),
    )
