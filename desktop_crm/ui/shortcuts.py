"""Help > Keyboard shortcuts: every shortcut of the window, collected from its actions
(so the list cannot drift from what the keys do), and the check that no two actions
that can be live at once share a key (Qt would then run neither)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.widgets import tab_leaves

WIDGET_CONTEXTS = (
    Qt.ShortcutContext.WidgetShortcut,
    Qt.ShortcutContext.WidgetWithChildrenShortcut,
)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic markers ('&File' -> 'File', '&&' -> '&')."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def key_text(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.NativeText)


@dataclass(frozen=True, slots=True)
class ShortcutEntry:
    text: str  # what the key does
    key: str  # the key as the platform writes it
    place: str  # the screen where it works, or "Everywhere"
    menu: str  # the menu that shows it ('' when none does)


def _menus(window: QMainWindow) -> Iterator[tuple[str, QAction]]:
    """Every action of the menu bar with the title of its top menu, in menu order."""
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        title = plain_text(top.text())
        stack = [menu]
        while stack:
            current = stack.pop(0)
            for action in current.actions():
                submenu = action.menu()
                if isinstance(submenu, QMenu):
                    stack.append(submenu)
                elif not action.isSeparator():
                    yield title, action


def _screen_of(widget: QWidget | None) -> str:
    while widget is not None:
        if isinstance(widget, Page):
            return widget.translated_title()
        widget = widget.parentWidget()
    return ""


def _widgets_of(action: QAction) -> list[QWidget]:
    """The widgets (not menus) an action was added to."""
    return [
        obj
        for obj in action.associatedObjects()
        if isinstance(obj, QWidget) and not isinstance(obj, QMenu | QMenuBar)
    ]


def _place(action: QAction) -> str:
    """The screen an action belongs to (its own, or the one it was added to)."""
    parent = action.parent()
    if screen := _screen_of(parent if isinstance(parent, QWidget) else None):
        return screen
    for widget in _widgets_of(action):
        if screen := _screen_of(widget):
            return screen
    return QCoreApplication.translate("ShortcutsDialog", "Everywhere")


def shortcut_entries(window: QMainWindow) -> list[ShortcutEntry]:
    """What each key does: the menus' actions first (in menu order), then the actions
    that live on a screen or a widget only."""
    entries: list[ShortcutEntry] = []
    seen: set[int] = set()

    def add(action: QAction, menu_title: str | None) -> None:
        if id(action) in seen:
            return
        seen.add(id(action))
        for key in action.shortcuts():
            if not key.isEmpty():
                entries.append(
                    ShortcutEntry(
                        plain_text(action.text()), key_text(key), _place(action), menu_title or ""
                    )
                )

    for title, action in _menus(window):
        add(action, title)
    for action in _actions(window):
        add(action, None)
    return entries


# -- conflicts ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Live:
    name: str
    key: str  # portable text: one spelling per key
    scopes: tuple[QWidget, ...]  # where it is live: the window, or the widgets it sits on


def _menu_reaches_a_visible_bar(menu: QMenu, depth: int = 0) -> bool:
    if depth > 10:
        return False
    for obj in menu.menuAction().associatedObjects():
        if isinstance(obj, QMenuBar) and obj.isVisible():
            return True
        if isinstance(obj, QMenu) and _menu_reaches_a_visible_bar(obj, depth + 1):
            return True
    return False


def _action_scopes(action: QAction, window: QWidget) -> tuple[QWidget, ...]:
    """Where Qt would treat ``action``'s shortcut as live (none: it never is now)."""
    if not action.isEnabled():
        return ()
    widgets = [w for w in _widgets_of(action) if w.isVisible()]
    if action.shortcutContext() in WIDGET_CONTEXTS:
        return tuple(widgets)
    in_bar = any(
        isinstance(obj, QMenu) and _menu_reaches_a_visible_bar(obj)
        for obj in action.associatedObjects()
    )
    return (window,) if widgets or in_bar else ()


def _actions(window: QWidget) -> Iterator[QAction]:
    """The window's actions, without those Qt deletes meanwhile (the menu bar's
    overflow menu rebuilds its actions while the menus are looked at)."""
    for action in window.findChildren(QAction):
        if isValid(action):
            yield action


def _live_shortcuts(window: QWidget) -> list[_Live]:
    live: list[_Live] = []
    for action in _actions(window):
        scopes = _action_scopes(action, window)
        for key in action.shortcuts():
            if scopes and not key.isEmpty():
                live.append(
                    _Live(plain_text(action.text()), key.toString(), scopes)  # portable
                )
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget) or not parent.isVisible():
            continue
        scope: QWidget = parent if shortcut.context() in WIDGET_CONTEXTS else window
        name = shortcut.whatsThis() or shortcut.objectName() or type(parent).__name__
        for key in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
            if not key.isEmpty():
                live.append(_Live(name, key.toString(), (scope,)))
    return live


def _overlap(first: tuple[QWidget, ...], second: tuple[QWidget, ...]) -> bool:
    """True when some focus would make both live: one scope holds the other."""
    return any(a is b or a.isAncestorOf(b) or b.isAncestorOf(a) for a in first for b in second)


def shortcut_conflicts(window: QWidget) -> list[tuple[str, list[str]]]:
    """Keys that two live actions (or shortcuts) share where both could fire, as
    (key, the actions' names); empty when every key is unambiguous right now."""
    by_key: dict[str, list[_Live]] = {}
    for entry in _live_shortcuts(window):
        by_key.setdefault(entry.key, []).append(entry)
    conflicts: list[tuple[str, list[str]]] = []
    for key, entries in by_key.items():
        clashing: set[str] = set()
        for i, first in enumerate(entries):
            for second in entries[i + 1 :]:
                if _overlap(first.scopes, second.scopes):
                    clashing.update((first.name, second.name))
        if clashing:
            native = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
            conflicts.append((native, sorted(clashing)))
    return conflicts


# -- the dialog -------------------------------------------------------------------------
class ShortcutsDialog(QDialog):
    """The window's shortcuts in a table: what, which key, where it works."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setObjectName("ShortcutsDialog")
        self._entries = shortcut_entries(window)
        self.table = QTreeWidget()
        tab_leaves(self.table)
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels(
            [self.tr("Action"), self.tr("Shortcut"), self.tr("Where"), self.tr("Menu")]
        )
        for entry in self._entries:
            row = QTreeWidgetItem([entry.text, entry.key, entry.place, entry.menu])
            self.table.addTopLevelItem(row)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        rows = max(len(self._entries), 1)
        height = self.table.sizeHintForRow(0) * min(rows + 2, 24) + 80
        self.resize(720, min(max(height, 300), 720))

    def entries(self) -> list[tuple[str, str, str, str]]:
        """The rows as shown: (what, key, where, menu)."""
        return [(e.text, e.key, e.place, e.menu) for e in self._entries]


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    """Open the list beside the window (not modal: one can try the keys meanwhile)."""
    existing = window.findChild(ShortcutsDialog)
    if existing is not None:
        existing.close()
        existing.deleteLater()
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
