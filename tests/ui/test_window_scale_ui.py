"""What keeps the Contacts table fast on a million contacts (bench/window.py measures
it): fitting its columns reads the rows on screen, not every row loaded so far."""

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.models.contacts import ID
from desktop_crm.ui.pages.contacts import ContactsPage


class _CountingRows(list):
    """The model's rows, noting which ones are read."""

    def __init__(self, rows):
        super().__init__(rows)
        self.read = []

    def __getitem__(self, index):
        if isinstance(index, int):
            self.read.append(index)
        return super().__getitem__(index)


def _reads_while_fitting(page):
    rows = page.model._rows = _CountingRows(page.model._rows)
    page.fitted_columns.fit()
    page.model._rows = list(rows)
    return rows.read


def test_fitting_the_columns_reads_the_rows_on_screen_only(staffed, shown_page, ctx, settle):
    for i in range(460):  # with the fixture's 4: more than two pages of 200
        ctx.crm.contacts.register(ContactRequest(f"lead-{i}", "site", name=f"Лид {i}"))
    page = shown_page(ContactsPage, 1100, 700)
    model = page.model
    loaded_first = model.rowCount()
    first_page = _reads_while_fitting(page)
    while model.canFetchMore():
        model.fetchMore()
        settle()
    assert model.rowCount() == 464 > loaded_first
    everything = _reads_while_fitting(page)
    on_screen = page.table.rowAt(page.table.viewport().height() - 1) + 1
    assert 0 < on_screen < loaded_first
    below = {row for row in everything if row >= on_screen}
    assert len(below) <= 1  # only the row with the largest number, for its width
    assert len(everything) <= len(first_page)


def test_the_id_column_fits_the_widest_id_loaded(staffed, shown_page, ctx, settle):
    for i in range(30):
        ctx.crm.contacts.register(ContactRequest(f"lead-{i}", "site"))
    page = shown_page(ContactsPage, 1100, 700)
    page.set_newest_first(False)  # the largest numbers last, below the screen
    settle()
    table = page.table
    widest = max(
        table.sizeHintForIndex(page.model.index(row, ID)).width()
        for row in range(page.model.rowCount())
    )
    assert table.horizontalHeader().sectionSize(ID) >= widest
