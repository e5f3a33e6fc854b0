import pytest
from PySide6.QtCore import Qt

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.leads import LeadSort
from desktop_crm.ui.models.leads import EXTERNAL_ID, FIRST_SEEN, NAME, LeadsModel
from desktop_crm.ui.models.paged import PagedModel
from desktop_crm.ui.pages.leads import LeadsPage


def leads(model):
    return [model.row_at(r) for r in range(model.rowCount())]


def register(crm, external_id, source="tg", name=""):
    return crm.contacts.register(ContactRequest(external_id, source, name=name)).contact


@pytest.fixture
def page(shown_page):
    return shown_page(LeadsPage, 1000, 700)


def select_lead(page, external_id):
    row = [lead.external_id for lead in leads(page.model)].index(external_id)
    page.table.selectRow(row)


def test_model_passes_the_model_tester(qtmodeltester, ctx, staffed, settle):
    model = LeadsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    register(ctx.crm, "+79000000001", source="site")
    register(ctx.crm, "user@example.com")
    model.refresh()
    settle()
    qtmodeltester.check(model)
    assert model.rowCount() == 5
    assert model.index(0, NAME).data() == "no name"
    assert model.index(0, NAME).data(Qt.ItemDataRole.FontRole).italic()
    counts = {lead.external_id: lead.contact_count for lead in leads(model)}
    assert counts["+79000000001"] == 2


def test_paging_and_sorting_in_sql(monkeypatch, ctx, staffed, settle):
    monkeypatch.setattr(PagedModel, "page_size", 3)
    for i in range(8):
        register(ctx.crm, f"lead-{i}@example.com", name=f"{'ЯЮЭ'[i % 3]}имя {i}")
    model = LeadsModel(ctx.crm, ctx.runner)
    model.reload()
    settle()
    assert model.rowCount() == 3
    while model.canFetchMore():
        model.fetchMore()
        settle()
    rows = leads(model)
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    assert len(rows) == 12
    model.set_sort(LeadSort.NAME)
    settle()
    while model.canFetchMore():
        model.fetchMore()
        settle()
    names = [r.name.casefold() for r in leads(model)]
    assert names == sorted(names) and len(names) == 12


def test_a_phone_in_any_format_finds_the_lead(staffed, page, ctx, settle, qtbot):
    register(ctx.crm, "+7 (900) 000-00-01", source="site", name="Иван Петров")
    settle()
    page.search_edit.setText("8 900 000 00 01")  # applied after a short pause
    qtbot.waitUntil(lambda: page.model.search_text == "8 900 000 00 01", timeout=2000)
    settle()
    assert [lead.external_id for lead in leads(page.model)] == ["+79000000001"]
    assert page.count_label.text().startswith("1 lead")


def test_name_search_ignores_case_in_cyrillic(staffed, page, ctx, settle):
    page.search_edit.setText("ЛИД 2")
    page.apply_search()
    settle()
    assert [lead.name for lead in leads(page.model)] == ["Лид 2"]
    page.search_edit.setText("лид")
    page.apply_search()
    settle()
    assert page.model.rowCount() == 4
    page.search_edit.setText("нет такого")
    page.apply_search()
    settle()
    assert page.empty_hint.isVisible() and "нет такого" in page.empty_hint.text()


def test_the_selected_lead_shows_contacts_from_every_source(staffed, page, ctx, settle):
    register(ctx.crm, "8 900 000 00 01", source="site")
    settle()
    select_lead(page, "+79000000001")
    settle()
    detail = page.contacts_model
    assert detail.rowCount() == 2
    assert {detail.row_at(r).source.name for r in range(2)} == {"Telegram-бот", "Сайт"}
    assert "— 2 contact" in page.lead_title.text()

    register(ctx.crm, "+79000000001", source="tg")  # refreshes in place
    register(ctx.crm, "someone-new")  # a new lead arrives at the top
    settle()
    assert page.selected_lead().external_id == "+79000000001"
    assert leads(page.model)[0].external_id == "someone-new"
    assert detail.rowCount() == 3 and "— 3 contact" in page.lead_title.text()

    page.table.clearSelection()
    settle()
    assert page.contacts_model.rowCount() == 0
    assert page.contacts_hint.isVisible()


def test_header_clicks_choose_the_sort(staffed, page, ctx, settle):
    header = page.table.horizontalHeader()
    header.setSortIndicator(EXTERNAL_ID, Qt.SortOrder.AscendingOrder)
    settle()
    assert page.model.sort_key is LeadSort.EXTERNAL_ID
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert page.sort_combo.currentData() == LeadSort.EXTERNAL_ID.value
    ids = [lead.external_id for lead in leads(page.model)]
    assert ids == sorted(ids)
    header.setSortIndicator(EXTERNAL_ID, Qt.SortOrder.DescendingOrder)  # a second click
    settle()
    assert page.model.sort_key is LeadSort.EXTERNAL_ID and page.model.reverse
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert page.sort_combo.currentText() == "By external id, descending"
    assert [lead.external_id for lead in leads(page.model)] == sorted(ids, reverse=True)
    page.sort_combo.setCurrentIndex(page.sort_combo.findText("Oldest first"))
    settle()
    assert page.model.sort_key is LeadSort.NEWEST and page.model.reverse
    assert header.sortIndicatorSection() == FIRST_SEEN
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    firsts = [lead.created_at for lead in leads(page.model)]
    assert firsts == sorted(firsts)
    header.setSortIndicator(2, Qt.SortOrder.DescendingOrder)  # Contacts: not sortable
    assert header.sortIndicatorSection() == FIRST_SEEN
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert page.model.sort_key is LeadSort.NEWEST and page.model.reverse


def test_contact_columns_stay_fitted_after_a_restart_unless_dragged(
    staffed, page, ctx, preferences, qtbot
):
    """Saving the header on close must not freeze the fitted widths for ever: only
    widths the user dragged win over the fitted ones at the next start."""
    page.save_state(preferences)
    again = LeadsPage(ctx)
    qtbot.addWidget(again)
    again.restore_state(preferences)
    assert again.fitted_columns.active

    header = page.contacts_table.horizontalHeader()
    header.resizeSection(1, header.sectionSize(1) + 40)  # the user drags a column
    assert not page.fitted_columns.active
    page.save_state(preferences)
    dragged = LeadsPage(ctx)
    qtbot.addWidget(dragged)
    dragged.restore_state(preferences)
    assert not dragged.fitted_columns.active


def test_a_long_email_shows_whole_in_the_list_at_1280(staffed, shown_page, ctx):
    email = "konstantin.dolgorukovsky@example.com"
    register(ctx.crm, email, name="Константин Вячеславович Долгоруковский")
    page = shown_page(LeadsPage)
    header = page.table.horizontalHeader()
    needed = page.table.fontMetrics().horizontalAdvance(email) + 12  # the cell's margins
    assert header.sectionSize(EXTERNAL_ID) >= needed
    assert header.sectionSize(NAME) >= page.table.fontMetrics().horizontalAdvance("M") * 15
