import unicodedata

import pytest

from desktop_crm.db.location import DatabaseLocation
from desktop_crm.domain.eligibility import Exclusion
from desktop_crm.errors import AlreadyExists, InUse, InvalidValue, NotFound
from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.events import Change
from tests.processes import run_together


def test_operator_lifecycle(crm):
    anna = crm.operators.create("  Анна Петрова ", max_load=3)
    assert (anna.name, anna.active, anna.max_load, anna.load) == ("Анна Петрова", True, 3, 0)
    assert crm.operators.get("Анна Петрова") == anna
    assert crm.operators.get(anna.id) == anna
    changed = crm.operators.update(anna.id, name="Анна", max_load=5, active=False)
    assert (changed.name, changed.max_load, changed.active) == ("Анна", 5, False)
    assert [o.name for o in crm.operators.list()] == ["Анна"]
    crm.operators.delete("Анна")
    assert crm.operators.list() == []


def test_operator_defaults_match_the_schema(crm):
    op = crm.operators.create("Борис")
    assert (op.max_load, op.active) == (10, True)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"name": ""}, InvalidValue),
        ({"name": "   "}, InvalidValue),
        ({"name": "x" * 201}, InvalidValue),
        ({"name": "Ок", "max_load": -1}, InvalidValue),
    ],
)
def test_operator_validation(crm, kwargs, error):
    with pytest.raises(error):
        crm.operators.create(**kwargs)
    assert crm.operators.list() == []


def test_duplicate_names_are_refused(crm):
    crm.operators.create("Анна")
    with pytest.raises(AlreadyExists, match="already exists"):
        crm.operators.create("Анна")
    crm.sources.create("Сайт", code="site")
    with pytest.raises(AlreadyExists, match="name"):
        crm.sources.create("Сайт")
    with pytest.raises(AlreadyExists, match="code"):
        crm.sources.create("Другой", code="site")


def test_max_load_cannot_drop_below_the_current_load(crm):
    crm.operators.create("Анна", max_load=3)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    for i in range(2):
        crm.contacts.register(ContactRequest(f"lead-{i}", "site"))
    with pytest.raises(InvalidValue, match=r"active contacts it has now \(2\)"):
        crm.operators.update("Анна", max_load=1)
    assert crm.operators.get("Анна").max_load == 3
    assert crm.operators.update("Анна", max_load=2).max_load == 2


def test_delete_is_refused_while_contacts_refer(crm):
    crm.operators.create("Анна")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    crm.contacts.register(ContactRequest("lead", "site"))
    with pytest.raises(InUse, match="deactivate"):
        crm.operators.delete("Анна")
    with pytest.raises(InUse):
        crm.sources.delete("site")
    assert len(crm.operators.list()) == 1 and len(crm.sources.list()) == 1


def test_deleting_an_operator_without_contacts_removes_its_weights(crm):
    crm.operators.create("Анна")
    crm.operators.create("Борис")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 2})
    crm.operators.delete("Анна")
    assert [(w.operator.name, w.weight) for w in crm.sources.get("site").weights] == [("Борис", 2)]


def test_source_reference_is_id_then_code_then_name(crm):
    site = crm.sources.create("Сайт", code="site")
    bot = crm.sources.create("Бот", code="7bot")
    assert crm.sources.get(site.id).id == site.id
    assert crm.sources.get("site").id == site.id
    assert crm.sources.get("Сайт").id == site.id
    assert crm.sources.get("7bot").id == bot.id
    with pytest.raises(NotFound):
        crm.sources.get("nothing")


def test_source_code_rules(crm):
    for bad in ("12", "two words", "x" * 33):
        with pytest.raises(InvalidValue):
            crm.sources.create("Сайт", code=bad)
    site = crm.sources.create("Сайт", code="  ")
    assert site.code is None
    assert crm.sources.update(site.id, code="web").code == "web"
    assert crm.sources.update(site.id, name="Веб").code == "web"
    assert crm.sources.update(site.id, code="").code is None


def test_weights_are_a_full_overwrite(crm):
    for name in ("Анна", "Борис", "Вера"):
        crm.operators.create(name)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 3})
    info = crm.sources.set_weights("site", {"Вера": 6, "Борис": 0})
    assert {(w.operator.name, w.weight) for w in info.weights} == {("Вера", 6), ("Борис", 0)}
    assert crm.sources.set_weights("site", {}).weights == ()


def test_bad_weights_change_nothing(crm):
    crm.operators.create("Анна")
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 2})
    with pytest.raises(InvalidValue):
        crm.sources.set_weights("site", {"Анна": -1})
    with pytest.raises(NotFound):
        crm.sources.set_weights("site", {"Анна": 1, "Никто": 1})
    assert [w.weight for w in crm.sources.get("site").weights] == [2]


def test_services_announce_changes_after_commit(crm):
    seen = []
    crm.events.subscribe(seen.append)
    crm.operators.create("Анна")
    with pytest.raises(AlreadyExists):
        crm.operators.create("Анна")
    assert seen == [frozenset({Change.OPERATORS})]


def test_set_weight_changes_one_pair_and_keeps_the_rest_as_stored(crm):
    for name in ("Анна", "Борис", "Вера"):
        crm.operators.create(name)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 3})
    crm.sources.set_weight("site", "Вера", 2)  # a new pair
    crm.sources.set_weight("site", "Борис", 0)  # kept at 0
    crm.sources.set_weight("site", "Анна", 5)
    info = crm.sources.set_weight("site", "Вера", 0)
    assert {(w.operator.name, w.weight) for w in info.weights} == {
        ("Анна", 5),
        ("Борис", 0),
        ("Вера", 0),
    }
    crm.operators.create("Глеб")
    assert "Глеб" not in {
        w.operator.name for w in crm.sources.set_weight("site", "Глеб", 0).weights
    }
    with pytest.raises(InvalidValue):
        crm.sources.set_weight("site", "Анна", -1)


# --- identities that look the same are the same ---------------------------------------

NFC_YOD = unicodedata.normalize("NFC", "Йод")
NFD_YOD = unicodedata.normalize("NFD", "Йод")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Base", "base"),
        ("Base", " BASE "),
        (NFC_YOD, NFD_YOD),
        ("Анна", "Ан\u200bна"),
        ("Анна", "\ufeffанна"),
        ("Base", "Ｂａｓｅ"),
        ("Анна Петрова", "анна  петрова"),
    ],
)
def test_operator_names_that_look_the_same_are_one_name(crm, first, second):
    existing = crm.operators.create(first)
    with pytest.raises(AlreadyExists, match=repr(existing.name)):
        crm.operators.create(second)
    other = crm.operators.create("Другой")
    with pytest.raises(AlreadyExists):
        crm.operators.update(other.id, name=second)
    assert [o.name for o in crm.operators.list()] == sorted([existing.name, "Другой"])
    # ...and the look-alike spelling finds the operator
    assert crm.operators.get(second).id == existing.id


@pytest.mark.parametrize(
    ("first", "second"),
    [("Base", "base"), (NFC_YOD, NFD_YOD), ("Сайт", "Са\u200dйт\u2060"), ("Web", "ｗｅｂ")],
)
def test_source_names_that_look_the_same_are_one_name(crm, first, second):
    existing = crm.sources.create(first)
    with pytest.raises(AlreadyExists):
        crm.sources.create(second)
    other = crm.sources.create("Другой")
    with pytest.raises(AlreadyExists):
        crm.sources.update(other.id, name=second)
    assert crm.sources.get(second).id == existing.id
    assert len(crm.sources.list()) == 2


def test_renaming_to_another_spelling_of_the_own_name_is_allowed(crm):
    anna = crm.operators.create("анна")
    assert crm.operators.update(anna.id, name="Анна").name == "Анна"
    site = crm.sources.create("сайт", code="site")
    assert crm.sources.update(site.id, name="Сайт", code="SITE").code == "SITE"


def test_names_are_stored_as_seen(crm):
    anna = crm.operators.create(" \u200bАнна\u202e\u2060 ")
    assert anna.name == "Анна"
    yod = crm.sources.create(NFD_YOD, code="\ufeffyod")
    assert (yod.name, yod.code) == (NFC_YOD, "yod")


@pytest.mark.parametrize("name", ["\u200b", "\ufeff \u2060", "\u200e\u200f", "\u200d"])
def test_a_name_of_only_invisible_characters_is_empty(crm, name):
    with pytest.raises(InvalidValue, match="must not be empty"):
        crm.operators.create(name)
    with pytest.raises(InvalidValue, match="must not be empty"):
        crm.sources.create(name)
    anna = crm.operators.create("Анна")
    with pytest.raises(InvalidValue, match="must not be empty"):
        crm.operators.update(anna.id, name=name)
    assert crm.operators.get(anna.id).name == "Анна"


@pytest.mark.parametrize("name", ["Анна\x1b[31m", "a\tb", "line\nbreak", "bell\x07", "c1\x9b"])
def test_control_characters_in_names_and_codes_are_refused(crm, name):
    with pytest.raises(InvalidValue, match="control characters"):
        crm.operators.create(name)
    with pytest.raises(InvalidValue, match="control characters"):
        crm.sources.create(name)
    with pytest.raises(InvalidValue):
        crm.sources.create("Сайт", code="x\x1by")
    assert crm.operators.list() == [] and crm.sources.list() == []


def test_a_code_may_not_equal_another_sources_name_or_code(crm):
    src = crm.sources.create("Src", code="main")
    with pytest.raises(AlreadyExists, match="Src"):
        crm.sources.create("Other", code="Src")  # would capture --source Src
    with pytest.raises(AlreadyExists):
        crm.sources.create("Other", code="src")
    with pytest.raises(AlreadyExists):
        crm.sources.create("Other", code="MAIN")
    with pytest.raises(AlreadyExists):
        crm.sources.create("main")  # a name equal to another source's code
    with pytest.raises(AlreadyExists):
        crm.sources.create("Ｍａｉｎ")
    other = crm.sources.create("Other", code="oth")
    with pytest.raises(AlreadyExists):
        crm.sources.update(other.id, code="SRC")
    with pytest.raises(AlreadyExists):
        crm.sources.update(other.id, name="Main")
    assert crm.sources.get("Src").id == src.id
    assert crm.sources.get("main").id == src.id
    assert crm.sources.get("oth").id == other.id
    assert crm.sources.get("OTH").id == other.id  # codes are found the same way
    # A source's own name and code may be the same.
    assert crm.sources.create("tg", code="TG").code == "TG"


def test_all_digit_and_prefixed_names_are_reachable(crm):
    first = crm.operators.create("Первый")
    numbered = crm.operators.create("123")
    prefixed = crm.operators.create("name:x")
    assert crm.operators.get(str(first.id)).id == first.id
    assert crm.operators.get(f"id:{numbered.id}").id == numbered.id
    assert crm.operators.get("name:123").id == numbered.id
    assert crm.operators.get("NAME: 123").id == numbered.id
    assert crm.operators.get("name:name:x").id == prefixed.id
    with pytest.raises(NotFound, match="write name:123"):
        crm.operators.get("123")  # plain digits are an id
    with pytest.raises(NotFound):
        crm.operators.get("id:abc")
    with pytest.raises(NotFound):
        crm.operators.get("id:٥")  # only ASCII digits are an id
    source = crm.sources.create("2024", code="y2024")
    assert crm.sources.get("name:2024").id == source.id
    assert crm.sources.get(f"id:{source.id}").id == source.id
    assert crm.sources.get("code:Y2024").id == source.id
    with pytest.raises(NotFound, match="write name:2024"):
        crm.sources.get("2024")
    with pytest.raises(NotFound):
        crm.sources.get("code:2024")
    crm.sources.set_weights("name:2024", {"name:123": 2, f"id:{first.id}": 1})
    assert {w.operator.name: w.weight for w in crm.sources.get(source.id).weights} == {
        "123": 2,
        "Первый": 1,
    }


def test_the_database_refuses_a_look_alike_name_too(crm):
    """A writer that skips the service (another version, a script) still meets the index."""
    import peewee as pw

    crm.operators.create("Base")
    crm.sources.create("Site", code="web")
    with pytest.raises(pw.IntegrityError):
        crm.storage.database.execute_sql(
            "INSERT INTO operator (name, name_key, active, max_load) "
            "VALUES ('BASE', 'base', TRUE, 1)"
        )
    with pytest.raises(pw.IntegrityError):
        crm.storage.database.execute_sql(
            "INSERT INTO source (name, name_key, code, code_key) VALUES ('x', 'x', 'WEB', 'web')"
        )


LOOK_ALIKES = ["Base", "base", "BASE", "Ｂａｓｅ", "Ba\u200bse", " bAse\u2060"]


def _create_look_alike(path, worker, barrier, results):
    try:
        crm = open_crm(DatabaseLocation(path), busy_timeout=30)
    except Exception as error:  # reported, so a failure is not a silent two-minute wait
        results.put(repr(error))
        raise
    barrier.wait()
    try:
        name = LOOK_ALIKES[worker // 2]
        if worker % 2:
            crm.sources.create(f"Бот {worker}", code=name.strip().replace("\u200b", ""))
        else:
            crm.operators.create(name)
            crm.sources.create(name)
        results.put("created")
    except AlreadyExists:
        results.put("exists")
    except Exception as error:
        results.put(repr(error))
    finally:
        crm.close()


def test_processes_racing_with_look_alike_names_create_one(tmp_path):
    """Other processes writing at the same moment meet the same rule: one operator named
    "base", one source whose name or code looks like "base"."""
    path = tmp_path / "race.sqlite3"
    open_crm(DatabaseLocation(path)).close()
    reports = run_together(_create_look_alike, lambda n: (path, n), 2 * len(LOOK_ALIKES))
    assert set(reports) <= {"created", "exists"}, reports
    crm = open_crm(DatabaseLocation(path))
    try:
        assert len(crm.operators.list()) == 1
        assert len(crm.sources.list()) == 1
    finally:
        crm.close()


def test_a_sources_weights_say_who_is_away_or_capped_now_as_the_distributor_would(crm):
    """The Sources screen warns when nobody weighted on a source can take contacts: its
    weights must leave out whom the distributor leaves out, away and capped included."""
    for name in ("Анна", "Борис", "Вера"):
        crm.operators.create(name, max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1, "Борис": 1, "Вера": 1})
    crm.operators.set_away("Анна")
    crm.operators.update("Борис", daily_cap=0)

    for source in (crm.sources.get("site"), *crm.sources.list()):
        why = {w.operator.name: w.exclusion for w in source.weights}
        assert why == {"Анна": Exclusion.AWAY, "Борис": Exclusion.DAILY_CAP, "Вера": None}

    crm.operators.update("Вера", active=False)
    assert all(w.exclusion is not None for w in crm.sources.get("site").weights)
    contact = crm.contacts.register(ContactRequest("+79001234567", "site")).contact
    assert contact.operator is None  # what the screen then warns about


def test_a_contact_announces_loads_and_an_operator_change_announces_operators(crm):
    crm.operators.create("Анна", max_load=5)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Анна": 1})
    seen = []
    crm.events.subscribe(seen.append)
    contact = crm.contacts.register(ContactRequest("+79001234567", "site")).contact
    crm.contacts.close(contact.id)
    assert seen == [frozenset({Change.CONTACTS, Change.LEADS, Change.LOADS})] * 2
    seen.clear()
    crm.operators.update("Анна", name="Анна Петрова")
    assert len(seen) == 1 and Change.OPERATORS in seen[0]


def test_the_list_to_pick_from_names_every_operator_without_their_loads(crm):
    crm.operators.create("Борис", max_load=2)
    crm.operators.create("Анна", max_load=5, active=False)
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Борис": 1})
    crm.contacts.register(ContactRequest("+79001234567", "site"))
    full = crm.operators.list()
    names = crm.operators.list(with_loads=False)
    assert [(o.id, o.name, o.active, o.max_load) for o in names] == [
        (o.id, o.name, o.active, o.max_load) for o in full
    ]
    assert [o.load for o in full] == [0, 1]
    assert [o.load for o in names] == [0, 0]  # not counted
