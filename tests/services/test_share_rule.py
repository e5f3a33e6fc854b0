"""The statistics' configured shares follow the domain's one share rule
(``domain.eligibility.weight_shares``): an inactive operator gets no share and does
not count in the source's total, as on the Sources screen."""

from desktop_crm.services.contacts import ContactRequest


def test_an_inactive_operator_has_no_configured_share(crm):
    crm.operators.create("Анна", max_load=10)
    crm.operators.create("Григорий Иванов", max_load=10)
    crm.operators.create("Вера", max_load=10)
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("bot", {"Анна": 1, "Григорий Иванов": 5, "Вера": 0})
    for n in range(3):
        crm.contacts.register(ContactRequest(f"+7900000000{n}", "bot"))
    crm.operators.update("Григорий Иванов", active=False)

    (bot,) = crm.stats.shares()
    shares = {o.operator.name: o for o in bot.operators}
    assert shares["Анна"].configured == 1.0
    assert shares["Григорий Иванов"].configured == 0.0
    assert shares["Вера"].configured == 0.0
    assert (shares["Анна"].active, shares["Григорий Иванов"].active) == (True, False)
    assert sum(o.delivered for o in bot.operators) == 3  # what was delivered stays


def test_nobody_active_means_no_shares_at_all(crm):
    crm.operators.create("Анна", max_load=10)
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("bot", {"Анна": 4})
    crm.operators.update("Анна", active=False)
    (bot,) = crm.stats.shares()
    assert [o.configured for o in bot.operators] == [0.0]
