"""The window by keyboard: Tab leaves every table, Enter registers from every intake
field, the welcome screen's steps put the cursor where typing goes, and every shortcut
is listed (collected from the actions) without two of them on one key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTabWidget, QWidget

from desktop_crm.services.contacts import ContactRequest
from desktop_crm.ui.assign_dialog import AssignDialog
from desktop_crm.ui.import_dialog import ImportDialog
from desktop_crm.ui.intake import IntakeForm
from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.preferences import Preferences
from desktop_crm.ui.shortcuts import ShortcutsDialog, shortcut_conflicts


@pytest.fixture
def window(qtbot, ctx, staffed, settle):
    staffed.contacts.register(ContactRequest("no-room", "site"))  # a queued contact
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.reload()
    win.show()
    qtbot.waitExposed(win)
    settle()
    return win


def _activate(qtbot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)


def _reveal(view: QAbstractItemView) -> None:
    """Bring the tab that holds ``view`` to the front (each enclosing tab widget)."""
    child: QWidget | None = view
    while child is not None:
        parent = child.parentWidget()
        if parent is not None and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            tabs.setCurrentWidget(child)
        child = parent


def _inside(widget: QWidget | None, view: QAbstractItemView) -> bool:
    while widget is not None:
        if widget is view:
            return True
        widget = widget.parentWidget()
    return False


def _tab_leaves(qtbot, view: QAbstractItemView) -> None:
    """Focus ``view`` on a row and press Tab, then Shift+Tab: the focus goes elsewhere."""
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        qtbot.waitUntil(lambda: _inside(QApplication.focusWidget(), view), timeout=5000)
        model = view.model()
        if model is not None and model.rowCount() > 0:
            view.setCurrentIndex(model.index(0, 0))
        qtbot.keyClick(view, key)
        name = view.objectName() or type(view).__name__
        assert not _inside(QApplication.focusWidget(), view), f"{key.name} stays in {name}"


def _views_with_rows(root: QWidget) -> list[QAbstractItemView]:
    views = []
    for view in root.findChildren(QAbstractItemView):
        if view.parent() is not None and type(view).__name__ == "QComboBoxListView":
            continue  # a combo box's pop-up, not a table
        if view.focusPolicy() == Qt.FocusPolicy.ClickFocus:
            continue  # the screen list: not reached by Tab at all
        views.append(view)
    return views


def test_tab_leaves_every_table_of_the_window(qtbot, window, settle):
    _activate(qtbot, window)
    tested_with_rows = 0
    for name in window.pages:
        window.show_page(name)
        settle()
        for view in _views_with_rows(window.pages[name]):
            _reveal(view)
            settle()
            if not view.isVisible():
                continue
            if view.model() is not None and view.model().rowCount() > 0:
                tested_with_rows += 1
            _tab_leaves(qtbot, view)
    assert tested_with_rows >= 6  # contacts, leads (two), operators, sources (three), statistics


def test_tab_leaves_the_tables_of_dialogs(qtbot, ctx, staffed, settle, tmp_path):
    dialog = AssignDialog(staffed.operators.list(), 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _activate(qtbot, dialog)
    assert dialog.table.model().rowCount() > 0
    _tab_leaves(qtbot, dialog.table)
    dialog.reject()

    path = tmp_path / "leads.csv"
    path.write_text("phone,name,source,message\n+79000000009,Анна,site,ok\n,Без id,site,x\n")
    importer = ImportDialog(ctx, path)
    qtbot.addWidget(importer)
    importer.show()
    qtbot.waitUntil(lambda: importer.state == importer.READY, timeout=10_000)
    _activate(qtbot, importer)
    assert importer.preview_view.model().rowCount() > 0
    _tab_leaves(qtbot, importer.preview_view)
    qtbot.waitUntil(importer.start_button.isEnabled, timeout=30_000)  # counted
    importer.start()
    qtbot.waitUntil(lambda: importer.state == importer.FINISHED, timeout=60_000)
    assert importer.rejects_view.model().rowCount() > 0
    _tab_leaves(qtbot, importer.rejects_view)

    shortcuts = ShortcutsDialog(MainWindow(ctx, PAGE_CLASSES))
    qtbot.addWidget(shortcuts)
    shortcuts.show()
    qtbot.waitExposed(shortcuts)
    _activate(qtbot, shortcuts)
    _tab_leaves(qtbot, shortcuts.table)


# -- the intake form ------------------------------------------------------------------
@pytest.fixture
def form(qtbot, ctx, staffed):
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.mark.parametrize("field", ["external_id", "name", "source", "message"])
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_registers_from_every_intake_field(qtbot, form, ctx, field, key):
    form.external_id.setText("+7 900 111-22-33")
    form.name.setText("Вера")
    form.message.setPlainText("text")
    widget = getattr(form, field)
    widget.setFocus()
    qtbot.keyClick(widget, key)
    qtbot.waitUntil(lambda: ctx.crm.leads.find("+79001112233") is not None, timeout=5000)
    assert ctx.crm.leads.find("+79001112233").contact_count == 1
    assert form.external_id.text() == ""


def test_shift_enter_in_the_message_box_starts_a_line(qtbot, form, ctx):
    form.external_id.setText("+7 900 111-22-33")
    qtbot.keyClick(form.message, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert ctx.crm.leads.find("+79001112233") is None


def test_enter_in_the_open_source_list_chooses_without_registering(qtbot, form, ctx):
    form.external_id.setText("+7 900 111-22-33")
    form.source.setFocus()
    form.source.showPopup()
    popup = form.source.view()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    popup.setCurrentIndex(popup.model().index(1, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=5000)
    assert form.source.currentIndex() == 1
    assert ctx.crm.leads.find("+79001112233") is None


# -- the last source comes back after a restart ---------------------------------------------
def test_the_source_used_last_comes_back_after_a_restart(qtbot, ctx, staffed, tmp_path):
    first = IntakeForm(ctx)
    qtbot.addWidget(first)
    names = [first.source.itemText(i) for i in range(first.source.count())]
    assert names[0].startswith("Telegram")  # alphabetical: "Сайт" is second
    site = ctx.crm.sources.get("site").id
    first.source.setCurrentIndex(first.source.findData(site))
    first.external_id.setText("user-77")
    first.register()
    assert ctx.crm.leads.find("user-77") is not None
    ctx.preferences.sync()

    # a new process: the same settings file read afresh
    path = tmp_path / "prefs.ini"
    reread = Preferences(QSettings(str(path), QSettings.Format.IniFormat))
    ctx.preferences = reread
    second = IntakeForm(ctx)
    qtbot.addWidget(second)
    assert second.source.currentData() == site


def test_a_deleted_last_source_falls_back_to_the_first(qtbot, ctx, staffed):
    ctx.crm.sources.create("Ящик", code="box")
    first = IntakeForm(ctx)
    qtbot.addWidget(first)
    box = first.source.findData(ctx.crm.sources.get("box").id)
    first.source.setCurrentIndex(box)
    first.source.activated.emit(box)  # chosen by the user: remembered without registering
    assert ctx.preferences.last_source == ctx.crm.sources.get("box").id
    ctx.crm.sources.delete("box")
    second = IntakeForm(ctx)
    qtbot.addWidget(second)
    assert second.source.currentIndex() == 0


# -- the welcome screen ---------------------------------------------------------------------
def test_add_operators_on_the_welcome_screen_puts_the_cursor_in_the_name(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.show()
    qtbot.waitExposed(win)
    _activate(qtbot, win)
    assert win.stack.currentWidget() is win.welcome
    win.welcome.add_operators_button.click()
    operators = win.pages["operators"]
    assert win.stack.currentWidget() is operators
    qtbot.waitUntil(lambda: QApplication.focusWidget() is operators.name_edit, timeout=5000)
    qtbot.keyClicks(QApplication.focusWidget(), "Olga")
    assert operators.name_edit.text() == "Olga"


# -- shortcuts ----------------------------------------------------------------------------
def _window_shortcuts(win: MainWindow) -> set[tuple[str, str]]:
    found = set()
    for action in win.findChildren(QAction):
        for key in action.shortcuts():
            text = action.text().replace("&", "")
            found.add((text, key.toString(QKeySequence.SequenceFormat.NativeText)))
    return found


def test_help_lists_every_shortcut_of_the_window(qtbot, window):
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    entry = next(a for a in help_menu.actions() if "Keyboard shortcuts" in a.text())
    assert entry is window.shortcuts_action
    entry.trigger()
    (dialog,) = window.findChildren(ShortcutsDialog)
    qtbot.waitExposed(dialog)
    listed = set(dialog.entries())
    expected = _window_shortcuts(window)
    assert len(expected) > 15
    assert {("New contact", "Ctrl+N"), ("Delete operator", "Del"), ("Board", "Ctrl+1")} <= {
        (text, key) for text, key in expected
    }
    missing = {(t, k) for t, k in expected if (t, k) not in {(e[0], e[1]) for e in listed}}
    assert not missing
    # a screen's own shortcuts say where they work, and which menu shows them
    where = {text: (place, menu) for text, _key, place, menu in listed}
    assert where["Delete operator"] == ("Operators", "Edit")
    assert where["Save weights"] == ("Sources", "Edit")
    finds = {(place, menu) for text, _key, place, menu in listed if text == "Find"}
    assert finds == {("Contacts", "Edit"), ("Leads", "Edit")}
    assert where["Close contact"] == ("Contacts", "Contacts")
    assert where["Export leads…"] == ("Leads", "File")
    assert where["New contact"] == ("Everywhere", "Contacts")


def test_no_two_actions_share_a_shortcut_on_any_screen(qtbot, window, settle):
    for name in ["welcome", *window.pages]:
        window.show_page(name)
        settle()
        assert shortcut_conflicts(window) == [], name


def test_a_conflict_is_found(qtbot, window):
    window.show_page("contacts")
    extra = QAction("Twin", window)
    extra.setShortcut(window.new_contact_action.shortcut())
    window.addAction(extra)
    conflicts = shortcut_conflicts(window)
    assert len(conflicts) == 1
    key, names = conflicts[0]
    assert key == window.new_contact_action.shortcut().toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert sorted(names) == ["New contact", "Twin"]


def test_add_a_source_on_the_welcome_screen_puts_the_cursor_in_the_name(qtbot, ctx, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.restore_state()
    win.show()
    qtbot.waitExposed(win)
    _activate(qtbot, win)
    win.pages["sources"].tabs.setCurrentIndex(1)  # the plan, left open last time
    win.welcome.add_source_button.click()
    sources = win.pages["sources"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is sources.name_edit, timeout=5000)


# -- an id that looks like a phone but is none ---------------------------------------------
def test_a_phone_like_id_that_is_no_number_is_flagged_before_registering(qtbot, form, ctx):
    qtbot.keyClicks(form.external_id, "8 900 12")
    # flagged while typing, before anything is registered
    qtbot.waitUntil(form.plain_id_button.isVisible, timeout=5000)
    assert "too short" in form.id_message.text() and "RU" in form.id_message.text()
    form.message.setFocus()
    qtbot.keyClick(form.message, Qt.Key.Key_Return)
    assert ctx.crm.leads.find("8 900 12") is None  # Enter does not register it
    assert form.id_message.isVisible() and form.plain_id_button.isVisible()
    assert QApplication.focusWidget() is form.external_id

    form.plain_id_button.click()  # "register it anyway"
    lead = ctx.crm.leads.find("8 900 12")
    assert lead is not None and lead.external_id == "8 900 12" and lead.contact_count == 1
    assert not form.plain_id_button.isVisible() and form.external_id.text() == ""


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "8 900 12",
            "«8 900 12» похоже на номер телефона, но слишком короткое для номера (RU). "
            "Исправьте его или зарегистрируйте как обычный id.",
        ),
        (
            "+7 900 123 45 67 890",
            "«+7 900 123 45 67 890» похоже на номер телефона, но слишком длинное для номера "
            "(RU). Исправьте его или зарегистрируйте как обычный id.",
        ),
        (
            "+999 123 456 789",
            "«+999 123 456 789» похоже на номер телефона, но код страны неизвестен. "
            "Исправьте его или зарегистрируйте как обычный id.",
        ),
        (
            "+7 9OO 123-45-67",
            "«+7 9OO 123-45-67» похоже на номер телефона, но в нём буквы на месте цифр: "
            "«O» вместо 0. Исправьте его или зарегистрируйте как обычный id.",
        ),
    ],
)
def test_the_phone_like_id_flag_speaks_russian(qtbot, russian, ctx, staffed, typed, said):
    """The form's words for each problem (services/id_problems.py) reach the user
    translated: no text lost its Russian when it moved out of the form."""
    form = IntakeForm(ctx)
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClicks(form.external_id, typed)
    qtbot.waitUntil(form.plain_id_button.isVisible, timeout=5000)
    assert form.id_message.text() == said


def test_letters_in_place_of_digits_are_flagged_before_registering(qtbot, form, ctx):
    qtbot.keyClicks(form.external_id, "+7 900 123-45-67")
    qtbot.keyClick(form.external_id, Qt.Key.Key_Return)
    assert ctx.crm.leads.find("+79001234567") is not None
    # the same number with Latin capital O for zero: flagged, not a second lead
    qtbot.keyClicks(form.external_id, "+7 9OO 123-45-67")
    qtbot.waitUntil(form.plain_id_button.isVisible, timeout=5000)
    assert "looks like a phone number" in form.id_message.text()
    assert "“O” for 0" in form.id_message.text()
    qtbot.keyClick(form.external_id, Qt.Key.Key_Return)
    assert ctx.crm.leads.find("+7 9OO 123-45-67") is None
    assert form.plain_id_button.isVisible()
    form.plain_id_button.click()  # still possible on purpose
    lead = ctx.crm.leads.find("+7 9OO 123-45-67")
    assert lead is not None and lead.external_id == "+7 9OO 123-45-67"


def test_the_flag_goes_when_the_id_is_corrected(qtbot, form, ctx):
    qtbot.keyClicks(form.external_id, "+7 900 123-45-67-89")
    form.register()  # Register before the look-up: flagged all the same
    assert form.plain_id_button.isVisible() and "too long" in form.id_message.text()
    form.external_id.clear()
    qtbot.keyClicks(form.external_id, "+7 900 123-45-67")
    assert not form.plain_id_button.isVisible() and not form.id_message.isVisible()
    qtbot.keyClick(form.external_id, Qt.Key.Key_Return)
    assert ctx.crm.leads.find("+79001234567") is not None


@pytest.mark.parametrize("typed", ["8 (900) 555-44-33", "user-1", "123456789", "a@b.ru"])
def test_ids_that_are_what_they_look_like_are_not_flagged(qtbot, form, ctx, typed):
    qtbot.keyClicks(form.external_id, typed)
    form.look_up_lead()
    assert not form.plain_id_button.isVisible()
    form.register()
    assert ctx.crm.leads.find(typed) is not None


def test_tab_from_a_flagged_id_reaches_register_as_a_plain_id(qtbot, form, ctx):
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=5000)
    qtbot.keyClicks(form.external_id, "8 900 12")
    qtbot.keyClick(form.external_id, Qt.Key.Key_Return)
    assert form.plain_id_button.isVisible()
    assert QApplication.focusWidget() is form.external_id
    qtbot.keyClick(form.external_id, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.plain_id_button
    qtbot.keyClick(form.plain_id_button, Qt.Key.Key_Return)
    assert ctx.crm.leads.find("8 900 12") is not None
