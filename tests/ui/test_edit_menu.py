"""Menus show every shortcut of the current screen: the screens' own keys (Delete
operator, Delete source, Save weights) sit in the Edit menu while their screen is shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_crm.ui.main_window import MainWindow
from desktop_crm.ui.pages.registry import PAGE_CLASSES
from desktop_crm.ui.shortcuts import plain_text, shortcut_conflicts


@pytest.fixture
def window(qtbot, ctx, staffed, settle):
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.reload()
    win.show()
    qtbot.waitExposed(win)
    settle()
    return win


def shown_in_menus(window: MainWindow) -> dict[QAction, str]:
    """The visible actions of the menu bar, with their top menu's title."""
    found: dict[QAction, str] = {}
    for top in window.menuBar().actions():
        stack = [top.menu()] if isinstance(top.menu(), QMenu) else []
        while stack:
            menu = stack.pop()
            for action in menu.actions():
                if isinstance(action.menu(), QMenu):
                    stack.append(action.menu())
                elif action.isVisible() and not action.isSeparator():
                    found[action] = plain_text(top.text())
    return found


def screen_shortcuts(window: MainWindow, name: str) -> list[QAction]:
    page = window.pages[name]
    return [a for a in page.findChildren(QAction) if any(not k.isEmpty() for k in a.shortcuts())]


@pytest.mark.parametrize("name", [cls.name for cls in PAGE_CLASSES])
def test_every_shortcut_of_the_current_screen_is_in_a_menu(qtbot, window, settle, name):
    window.show_page(name)
    settle()
    shown = shown_in_menus(window)
    missing = [a.text() for a in screen_shortcuts(window, name) if a not in shown]
    assert missing == []
    assert shortcut_conflicts(window) == []


def test_the_screens_edit_actions_are_in_the_edit_menu_only_on_their_screen(window, settle):
    operators = window.pages["operators"].delete_action
    sources = window.pages["sources"]
    window.show_page("operators")
    settle()
    shown = shown_in_menus(window)
    assert shown.get(operators) == "Edit"
    assert sources.delete_action not in shown and sources.save_action not in shown
    window.show_page("sources")
    settle()
    shown = shown_in_menus(window)
    assert shown.get(sources.delete_action) == "Edit"
    assert shown.get(sources.save_action) == "Edit"
    assert operators not in shown
    window.show_page("contacts")
    settle()
    assert {operators, sources.delete_action, sources.save_action}.isdisjoint(
        shown_in_menus(window)
    )


@pytest.fixture
def language(qapp):
    """Install the window's translations for a language, as the program does."""
    from desktop_crm.ui.application import install_translations, remove_translations

    yield lambda code: install_translations(qapp, code)
    remove_translations(qapp)


def _accelerator(text: str) -> str | None:
    plain = text.replace("&&", "")
    at = plain.find("&")
    return plain[at + 1].lower() if at >= 0 and at + 1 < len(plain) else None


@pytest.mark.parametrize("code", ["en", "ru"])
def test_no_two_visible_items_of_a_menu_share_an_alt_letter(
    code, language, qtbot, ctx, staffed, settle
):
    language(code)
    win = MainWindow(ctx, PAGE_CLASSES)
    qtbot.addWidget(win)
    win.reload()
    win.show()
    settle()
    for page in range(win.nav.count()):
        win.nav.setCurrentRow(page)
        for top in win.menuBar().actions():
            menu = top.menu()
            assert isinstance(menu, QMenu)
            seen: dict[str, str] = {}
            for action in menu.actions():
                letter = _accelerator(action.text())
                if letter is None or not action.isVisible():
                    continue
                assert letter not in seen, (top.text(), seen[letter], action.text())
                seen[letter] = action.text()
