import pytest

from desktop_crm.errors import AlreadyExists, InUse, InvalidValue, NotFound
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.events import Change


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
    with pytest.raises(InvalidValue, match="2 active contacts"):
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
    bot = crm.sources.create("site")  # a name equal to another source's code
    assert crm.sources.get(site.id).id == site.id
    assert crm.sources.get("site").id == site.id  # the code wins over the name
    assert crm.sources.get(bot.id).name == "site"
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
