import csv
import datetime as dt
import threading

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.refs import OperatorRef, SourceRef
from desktop_crm.services.dto.stats import OperatorStats, SourceCount, Statistics
from desktop_crm.ui.models.base import RAW_ROLE
from desktop_crm.ui.models.statistics import (
    DEVIATION,
    LOAD,
    OPERATOR,
    PinnedLastProxy,
    SharesModel,
    StatisticsModel,
)
from desktop_crm.ui.pages import statistics as statistics_page
from desktop_crm.ui.pages.statistics import Period, StatisticsPage, period_range

MSK = dt.timedelta(hours=3)


@pytest.fixture
def moscow(process_zone):
    process_zone("Europe/Moscow")


@pytest.fixture
def page(qtbot, ctx, settle):
    def make():
        widget = StatisticsPage(ctx)
        qtbot.addWidget(widget)
        widget.resize(1300, 800)
        widget.show()  # a hidden page computes nothing until shown
        widget.set_period(Period.ALL)
        settle()
        return widget

    return make


def local(year, month, day):
    return dt.datetime(year, month, day, tzinfo=dt.timezone(MSK))


def column_of(model, title):
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def cell(model, name, title, role=Qt.ItemDataRole.DisplayRole):
    for row in range(model.rowCount()):
        if model.index(row, OPERATOR).data() == name:
            return model.index(row, column_of(model, title)).data(role)
    raise KeyError(name)


def stats(operators, unassigned=(), sources=()):
    return Statistics(None, None, tuple(operators), tuple(unassigned), tuple(sources))


TG, SITE = SourceRef(1, "Телеграм", "tg"), SourceRef(2, "Сайт", "site")


def operator_row(op_id, name, tg, site=0, load=0, max_load=5, active=True):
    counts = []
    if tg:
        counts.append(SourceCount(TG, tg, tg // 2))
    if site:
        counts.append(SourceCount(SITE, site, 0))
    return OperatorStats(OperatorRef(op_id, name), active, load, max_load, tg + site, tuple(counts))


# -- the period -------------------------------------------------------------------------
def test_period_ranges_are_local_days(moscow):
    now = dt.datetime(2026, 3, 9, 22, 30, tzinfo=dt.UTC)  # already 10 March in Moscow
    assert period_range(Period.TODAY, now) == (local(2026, 3, 10), local(2026, 3, 11))
    assert period_range(Period.LAST_7_DAYS, now) == (local(2026, 3, 4), local(2026, 3, 11))
    assert period_range(Period.LAST_30_DAYS, now) == (local(2026, 2, 9), local(2026, 3, 11))
    assert period_range(Period.ALL, now) == (None, None)
    first, last = dt.date(2026, 3, 1), dt.date(2026, 3, 3)
    since, until = period_range(Period.CUSTOM, now, first, last)
    assert (since, until) == (local(2026, 3, 1), local(2026, 3, 4))
    assert since.utcoffset() == MSK and since.astimezone(dt.UTC).hour == 21  # 28 Feb 21:00 UTC
    assert period_range(Period.CUSTOM, now, last, first) == (since, until)  # either order
    assert period_range(Period.TODAY, dt.datetime(2026, 3, 9, 20, 59, tzinfo=dt.UTC))[0] == local(
        2026, 3, 9
    )


def test_period_range_in_utc_and_naive_now():
    now = dt.datetime(2026, 1, 31, 23, 59)  # naive: local time (the suite runs in UTC)
    since, until = period_range(Period.LAST_7_DAYS, now)
    assert since == dt.datetime(2026, 1, 25, tzinfo=dt.UTC)
    assert until == dt.datetime(2026, 2, 1, tzinfo=dt.UTC)
    with pytest.raises(ValueError):
        period_range(Period.CUSTOM, now)


# -- the models -------------------------------------------------------------------------
def test_statistics_model_passes_the_tester_and_updates_in_place(qtmodeltester):
    model = StatisticsModel()
    qtmodeltester.check(model)
    first = stats(
        [operator_row(1, "Анна", 9, 1, load=2), operator_row(2, "Борис", 100)],
        [SourceCount(TG, 10, 10)],
        [TG, SITE],
    )
    model.set_statistics(first)
    qtmodeltester.check(model)
    assert model.columnCount() == 5  # Operator, Load, Телеграм, Сайт, Total
    assert cell(model, "Анна", "Телеграм") == "9 (4)"
    assert cell(model, "Анна", "Load") == "2 / 5"
    assert cell(model, "Анна", "Load", RAW_ROLE) == pytest.approx(0.4)
    assert cell(model, "Unassigned", "Total") == "10 (10)"

    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom: changes.append((top.row(), bottom.row())))
    second = stats(
        [operator_row(1, "Анна", 10, 1, load=3), operator_row(2, "Борис", 100)],
        [SourceCount(TG, 10, 10)],
        [TG, SITE],
    )
    model.set_statistics(second)
    qtmodeltester.check(model)
    assert not resets and changes == [(0, 0)]  # only Анна's row changed
    assert cell(model, "Анна", "Total") == "11 (5)"

    model.set_statistics(stats([operator_row(2, "Борис", 1)], (), [TG]))  # a source went away
    qtmodeltester.check(model)
    assert resets == [1] and model.columnCount() == 4 and model.rowCount() == 2


def test_numbers_sort_as_numbers_and_unassigned_stays_last(qtmodeltester):
    model = StatisticsModel()
    model.set_statistics(
        stats(
            [
                operator_row(1, "Анна", 9),
                operator_row(2, "Борис", 100),
                operator_row(3, "Вера", 10),
            ],
            [SourceCount(TG, 1000, 0)],
            [TG],
        )
    )
    proxy = PinnedLastProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    total = model.total_column
    for order, expected in (
        (Qt.SortOrder.AscendingOrder, ["Анна", "Вера", "Борис", "Unassigned"]),
        (Qt.SortOrder.DescendingOrder, ["Борис", "Вера", "Анна", "Unassigned"]),
    ):
        proxy.sort(total, order)
        assert [proxy.index(r, OPERATOR).data() for r in range(proxy.rowCount())] == expected
    proxy.sort(OPERATOR, Qt.SortOrder.DescendingOrder)
    assert proxy.index(3, OPERATOR).data() == "Unassigned"
    proxy.sort(LOAD, Qt.SortOrder.AscendingOrder)
    assert proxy.index(3, OPERATOR).data() == "Unassigned"


def test_shares_model_passes_the_tester(qtmodeltester, ctx, staffed):
    model = SharesModel()
    qtmodeltester.check(model)
    model.set_shares(ctx.crm.stats.shares())
    qtmodeltester.check(model)
    sources = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sources == ["Telegram-бот", "Сайт"]
    tg = model.index(0, 0)
    names = [model.index(r, 0, tg).data() for r in range(model.rowCount(tg))]
    assert names == ["Анна Смирнова", "Борис"]
    assert model.index(0, 2, tg).data() == "50.0 %"
    assert model.index(0, 0, tg).parent() == tg and tg.parent() == QModelIndex()
    delivered = [model.index(r, 3, tg).data(RAW_ROLE) for r in range(2)]
    assert sum(delivered) == 4

    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    ctx.crm.contacts.register(ContactRequest("+79000000099", "tg"))
    model.set_shares(ctx.crm.stats.shares())
    qtmodeltester.check(model)
    assert not resets  # numbers only: in place
    ctx.crm.sources.set_weights("site", {"Анна Смирнова": 2, "Борис": 2})
    model.set_shares(ctx.crm.stats.shares())
    qtmodeltester.check(model)
    assert resets == [1]
    site = model.index(1, 0)
    assert model.rowCount(site) == 2
    assert model.index(0, DEVIATION, site).data() == "—"  # nothing delivered on "site"


# -- the page ---------------------------------------------------------------------------
def test_a_registered_contact_shows_up_after_the_change(qtbot, ctx, staffed, settle, page):
    statistics = page()
    model = statistics.model
    assert model.rowCount() == 3  # two operators and the unassigned row
    before = sum(model.index(r, model.total_column).data(RAW_ROLE) for r in range(3))
    assert before == 4
    statistics.table.selectRow(1)
    selected = statistics.selected_rows()[0].key
    resets = []
    model.modelReset.connect(lambda: resets.append(1))

    ctx.crm.contacts.register(ContactRequest("+79001112233", "site", name="Пётр"))
    settle()
    assert sum(model.index(r, model.total_column).data(RAW_ROLE) for r in range(3)) == 5
    site = model.source_column(ctx.crm.sources.get("site").id)
    assert sum(model.index(r, site).data(RAW_ROLE) for r in range(3)) == 1
    assert not resets
    assert statistics.selected_rows()[0].key == selected
    assert "5 contact(s)" in statistics.range_label.text()


def test_the_chart_has_a_bar_set_per_source(ctx, staffed, settle, page):
    ctx.crm.contacts.register(ContactRequest("+79001112233", "site"))
    statistics = page()
    result = ctx.crm.stats.operators()
    chart = statistics.chart
    assert not chart.showing_hint
    assert set(chart.values()) == {"Telegram-бот", "Сайт"}
    assert len(chart.series.barSets()) == 2
    assert chart.categories()[:2] == ["Анна Смирнова", "Борис"]
    for source in result.sources:
        expected = [
            next((c.total for c in o.per_source if c.source.id == source.id), 0)
            for o in result.operators
        ]
        assert chart.values()[source.name][: len(expected)] == expected
    assert sum(sum(v) for v in chart.values().values()) == 5
    # the operators' bars read top to bottom as in the table
    assert chart.category_axis.categories()[-1] == "Анна Смирнова"


def test_export_round_trips_with_cyrillic_names(
    qtbot, ctx, staffed, settle, page, tmp_path, monkeypatch
):
    target = tmp_path / "статистика.csv"
    asked = []
    monkeypatch.setattr(
        statistics_page,
        "choose_export_path",
        lambda parent, suggested: asked.append(suggested) or target,
    )
    statistics = page()
    assert statistics.page_actions()[0].shortcut().toString() == "Ctrl+E"
    statistics.page_actions()[0].trigger()
    settle()
    assert asked[0].name.startswith("statistics_") and asked[0].suffix == ".csv"
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file, delimiter=";"))
    header, *lines = rows
    assert header[:5] == ["Period", "Operator", "Active operator", "Load", "Max load"]
    assert "Telegram-бот: contacts" in header and "Сайт: active" in header
    assert header[-2:] == ["Total contacts", "Total active"]
    assert [line[1] for line in lines] == ["Анна Смирнова", "Борис", "Unassigned"]
    assert all(line[0] == "All time" for line in lines)
    tg = header.index("Telegram-бот: contacts")
    assert sum(int(line[tg]) for line in lines) == 4
    assert sum(int(line[-2]) for line in lines) == 4
    assert statistics.message.isVisible() and "Saved 3 row(s)" in statistics.message.text()


def test_export_failure_is_shown_inline(qtbot, ctx, staffed, settle, page, tmp_path, monkeypatch):
    monkeypatch.setattr(statistics_page, "choose_export_path", lambda *a: tmp_path)  # a folder
    statistics = page()
    statistics.export_csv()
    settle()
    assert statistics.message.isVisible() and "Could not save" in statistics.message.text()
    monkeypatch.setattr(statistics_page, "choose_export_path", lambda *a: None)  # cancelled
    statistics.message.clear_message()
    statistics.export_csv()
    settle()
    assert not statistics.message.isVisible()


def test_formula_like_names_are_defused_in_the_export(ctx, settle, page, tmp_path, monkeypatch):
    ctx.crm.operators.create("=HYPERLINK(1)")
    target = tmp_path / "s.csv"
    monkeypatch.setattr(statistics_page, "choose_export_path", lambda *a: target)
    statistics = page()
    statistics.export_csv()
    settle()
    with target.open(encoding="utf-8-sig", newline="") as file:
        names = [line[1] for line in csv.reader(file, delimiter=";")]
    assert "'=HYPERLINK(1)" in names


def test_empty_database_shows_the_hint(ctx, settle, page):
    statistics = page()
    assert statistics.chart.showing_hint and statistics.chart.hint.isVisible()
    assert "add operators and sources" in statistics.chart.hint.text()
    assert statistics.model.rowCount() == 1  # the unassigned row only
    assert statistics.shares_model.rowCount() == 0


def test_a_period_without_contacts_shows_the_hint(ctx, staffed, settle, page):
    statistics = page()
    assert not statistics.chart.showing_hint
    statistics.set_period(Period.CUSTOM, dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    settle()
    assert statistics.first_edit.isVisible() and statistics.last_edit.isVisible()
    assert statistics.chart.showing_hint
    assert "No contacts in this period" in statistics.chart.hint.text()
    assert statistics.model.index(0, statistics.model.total_column).data(RAW_ROLE) == 0
    statistics.set_period(Period.TODAY)
    settle()
    assert not statistics.first_edit.isVisible()
    assert not statistics.chart.showing_hint


def test_changes_during_a_computation_coalesce(qtbot, ctx, staffed, settle, page, monkeypatch):
    statistics = page()
    ctx.bridge.stop()  # only the refreshes below
    settle()
    calls, gate = [], threading.Event()
    real = statistics_page.compute

    def slow(crm, since, until):
        calls.append(since)
        gate.wait(5)
        return real(crm, since, until)

    monkeypatch.setattr(statistics_page, "compute", slow)
    statistics.refresh()
    qtbot.waitUntil(lambda: len(calls) == 1)
    for _ in range(5):
        statistics.refresh()
    gate.set()
    settle()
    assert len(calls) == 2  # the running one, and one more for everything after it


def test_a_hidden_page_computes_when_shown(qtbot, ctx, staffed, settle):
    statistics = StatisticsPage(ctx)
    qtbot.addWidget(statistics)
    statistics.reload()
    settle()
    assert statistics.result is None and not ctx.runner.busy
    statistics.show()
    qtbot.waitUntil(lambda: statistics.result is not None, timeout=30_000)
    assert statistics.export_action.isEnabled()
    statistics.hide()
    assert not statistics.export_action.isEnabled()


def test_state_keeps_the_period(qtbot, ctx, settle, preferences, tmp_path):
    first = StatisticsPage(ctx)
    qtbot.addWidget(first)
    first.set_period(Period.CUSTOM, dt.date(2026, 2, 1), dt.date(2026, 2, 14))
    first.save_state(preferences)
    second = StatisticsPage(ctx)
    qtbot.addWidget(second)
    second.restore_state(preferences)
    assert second.period() == Period.CUSTOM
    assert second.custom_days() == (dt.date(2026, 2, 1), dt.date(2026, 2, 14))
    assert second.days() == (dt.date(2026, 2, 1), dt.date(2026, 2, 14))
    QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat).setValue(
        "statistics/period", "nonsense"
    )  # edited by hand: the default period, no error
    second.restore_state(preferences)
    assert second.period() == Period.LAST_7_DAYS


def test_shares_show_an_inactive_operator_without_a_share(ctx, staffed):
    ctx.crm.operators.update("Борис", active=False)
    model = SharesModel()
    model.set_shares(ctx.crm.stats.shares())
    tg = model.index(0, 0)
    assert model.index(0, 0, tg).data() == "Анна Смирнова"
    assert model.index(0, 2, tg).data() == "100.0 %"
    assert model.index(1, 0, tg).data() == "Борис (inactive)"
    assert model.index(1, 2, tg).data() == "0.0 %"


def test_a_chart_deleted_right_after_a_resize_is_not_laid_out_again(qtbot):
    """A resize asks for the labels to be laid out at the next turn of the event loop;
    a chart deleted before that turn (a page closed at once) must not be touched."""
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from desktop_crm.ui.charts import StackedBarChart

    chart = StackedBarChart()
    chart.set_data(["Анна", "Борис"], [("Новые", [1, 2])])
    chart.resize(400, 300)
    chart.show()
    chart.resize(500, 320)  # the layout pass is queued
    shiboken6.delete(chart)
    QApplication.processEvents()  # the queued pass comes due; an exception in it fails
