"""Operator status texts on the Board and the Operators screen, with a fake clock in a
configured time zone (Europe/Moscow, UTC+3)."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from desktop_crm.services import open_crm
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.models.board import O_NAME, O_STATUS, O_TODAY, S_AVAILABLE, S_ROOM, S_SOURCE
from desktop_crm.ui.models.operators import STATUS
from desktop_crm.ui.models.sources import OPERATORS
from desktop_crm.ui.operator_status import status_text
from desktop_crm.ui.pages.board import BoardPage
from desktop_crm.ui.pages.operators import OperatorsPage
from desktop_crm.ui.pages.sources import SourcesPage

MOSCOW = dt.timezone(dt.timedelta(hours=3))
# Tuesday 1 December 2026, 12:00 in Moscow
NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=MOSCOW)


class FakeClock:
    def __init__(self) -> None:
        self.at = NOON

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def crm(database_location, clock):
    instance = open_crm(database_location, random.Random(3).randint, clock=clock)
    instance.settings.set_timezone("Europe/Moscow")
    yield instance
    instance.close()


def _status(crm, name, clock):
    operator = crm.operators.get(name)
    return status_text(operator, clock.at, ZoneInfo("Europe/Moscow"))


def test_status_texts(crm, clock):
    crm.operators.create("Дневная")
    crm.operators.set_hours("Дневная", ["mon-fri 09:00-18:00"])
    assert _status(crm, "Дневная", clock) == "on shift until 18:00"
    clock.at = NOON.replace(hour=19)
    assert _status(crm, "Дневная", clock) == "off shift until 2 Dec 09:00"
    clock.at = NOON.replace(hour=7)
    assert _status(crm, "Дневная", clock) == "off shift until 09:00"  # the same day
    clock.at = NOON
    crm.operators.set_away("Дневная", until=dt.datetime(2026, 12, 5, 9, 0))
    assert _status(crm, "Дневная", clock) == "away until 5 Dec 09:00"
    crm.operators.set_back("Дневная")
    crm.operators.set_away("Дневная")
    assert _status(crm, "Дневная", clock) == "away until back"

    crm.operators.create("С лимитом", max_load=1)
    crm.operators.update("С лимитом", daily_cap=1)
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("bot", {"С лимитом": 1})
    assert _status(crm, "С лимитом", clock) == "available"
    crm.contacts.register(ContactRequest("+79000000001", "bot"))
    assert _status(crm, "С лимитом", clock) == "daily cap reached (1 / 1)"
    crm.operators.update("С лимитом", daily_cap=None)
    assert _status(crm, "С лимитом", clock) == "at the limit (1 / 1)"
    crm.operators.update("С лимитом", active=False)
    assert _status(crm, "С лимитом", clock) == "inactive"


def test_an_absence_booked_for_later_ends_the_status_when_it_begins(crm, clock):
    """12:00: the shift runs to 18:00 but an hour away begins at 14:00; someone always
    there is away from 14:00 for two days. Both statuses end at 14:00."""
    crm.operators.create("Дневная")
    crm.operators.set_hours("Дневная", ["mon-fri 09:00-18:00"])
    crm.operators.set_away("Дневная", dt.datetime(2026, 12, 1, 14), dt.datetime(2026, 12, 1, 15))
    assert _status(crm, "Дневная", clock) == "available until 14:00"
    crm.operators.create("Всегда")
    crm.operators.set_away("Всегда", dt.datetime(2026, 12, 1, 14), dt.date(2026, 12, 3))
    assert _status(crm, "Всегда", clock) == "available until 14:00"
    clock.at = NOON.replace(hour=15)
    assert _status(crm, "Дневная", clock) == "on shift until 18:00"


def test_the_board_counts_only_operators_there_now(qtbot, shown_page, crm, clock):
    crm.operators.create("Анна", max_load=5)
    crm.operators.create("Борис", max_load=5)
    crm.operators.create("Вера", max_load=5)
    crm.sources.create("Бот", code="bot")
    crm.sources.set_weights("bot", {"Анна": 1, "Борис": 1, "Вера": 1})
    crm.operators.set_hours("Борис", ["mon-fri 14:00-22:00"])  # from 14:00
    crm.operators.set_away("Вера", until=dt.date(2026, 12, 7))
    crm.operators.update("Анна", daily_cap=3)
    crm.contacts.register(ContactRequest("+79000000001", "bot"))
    page = shown_page(BoardPage)
    table = page.operators_table
    qtbot.waitUntil(lambda: table.model().rowCount() == 3)
    shown = {
        table.model().index(r, O_NAME).data(): (
            table.model().index(r, O_STATUS).data(),
            table.model().index(r, O_TODAY).data(),
        )
        for r in range(3)
    }
    assert shown == {
        "Анна": ("available", "1 / 3"),
        "Борис": ("off shift until 14:00", "0"),
        "Вера": ("away through 6 Dec", "0"),  # until the 7th: as the hours dialog says
    }
    sources = page.sources_table.model()
    assert sources.index(0, S_SOURCE).data() == "Бот"
    # Анна only; her room is what is left of today's cap (2), not of her limit (4)
    assert (sources.index(0, S_AVAILABLE).data(), sources.index(0, S_ROOM).data()) == ("1", "2")


def test_the_operators_screen_follows_time_alone(qtbot, shown_page, crm, clock):
    crm.operators.create("Борис", max_load=5)
    crm.operators.set_hours("Борис", ["mon-fri 14:00-22:00"])
    page = shown_page(OperatorsPage)
    model = page.table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.index(0, STATUS).data() == "off shift until 14:00"
    assert page.tick.isActive()  # while shown
    clock.at = NOON.replace(hour=14, minute=30)
    page.tick.timeout.emit()  # a minute later
    qtbot.waitUntil(lambda: model.index(0, STATUS).data() == "on shift until 22:00")


def test_the_sources_screen_follows_time_alone(qtbot, shown_page, crm, clock):
    """Its "nobody can take contacts" warning depends on who is away or off shift now."""
    crm.operators.create("Борис", max_load=5)
    crm.operators.set_hours("Борис", ["mon-fri 14:00-22:00"])
    crm.sources.create("Сайт", code="site")
    crm.sources.set_weights("site", {"Борис": 1})
    page = shown_page(SourcesPage)
    index = page.sources_model.index(0, OPERATORS)
    qtbot.waitUntil(lambda: "off shift" in (index.data(Qt.ItemDataRole.ToolTipRole) or ""))
    assert page.tick.isActive()  # while shown
    clock.at = NOON.replace(hour=14, minute=30)
    page.tick.timeout.emit()  # a minute later
    qtbot.waitUntil(lambda: "off shift" not in index.data(Qt.ItemDataRole.ToolTipRole))
    assert "None of them" not in index.data(Qt.ItemDataRole.ToolTipRole)
    page.hide()
    assert not page.tick.isActive()


class _Elapsed:
    """A QElapsedTimer stand-in: ``ms`` since the page last read what time changes."""

    def __init__(self, ms: int) -> None:
        self.ms = ms

    def isValid(self) -> bool:
        return True

    def hasExpired(self, timeout: int) -> bool:
        return self.ms > timeout

    def elapsed(self) -> int:
        return self.ms

    def start(self) -> None:
        self.ms = 0


def test_shown_again_within_the_interval_the_tick_comes_when_the_interval_ends(
    qtbot, shown_page, crm
):
    """Read 40 s ago, hidden and shown again: the next read comes in the 20 s left, not a
    whole interval later (the Board showed minute-old waits); then every interval."""
    page = shown_page(OperatorsPage)
    page.hide()
    page._since_tick = _Elapsed(40_000)
    page.show()
    assert page.tick.isActive()
    assert page.tick.interval() == 20_000  # what is left of the 60 s
    page.tick.timeout.emit()
    assert page.tick.interval() == page.time_tick_ms
