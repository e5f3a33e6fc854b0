"""File > Recent databases: the last few database files opened, newest first.

The list is one person's preference (``database/recent`` in QSettings). A file that no
longer exists stays in the list greyed out (a USB disk may come back) until Clear list;
the open database is not offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from desktop_crm.ui.preferences import RECENT_DATABASES, Preferences

MAX_RECENT = 8


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


class RecentDatabases:
    """The typed list over ``Preferences``."""

    def __init__(self, preferences: Preferences) -> None:
        self._preferences = preferences

    def paths(self) -> list[Path]:
        return [Path(text) for text in self._preferences.get(RECENT_DATABASES)]

    def add(self, path: Path) -> None:
        """``path`` becomes the newest; the oldest beyond ``MAX_RECENT`` are dropped."""
        kept = [p for p in self.paths() if not _same(p, path)]
        paths = [path.absolute(), *kept][:MAX_RECENT]
        self._preferences.set(RECENT_DATABASES, [str(p) for p in paths])

    def clear(self) -> None:
        self._preferences.set(RECENT_DATABASES, [])

    def others(self, current: Path | None) -> list[Path]:
        """The list without ``current`` (the open database file; None: a server's)."""
        return [p for p in self.paths() if current is None or not _same(p, current)]


class RecentMenu(QObject):
    """The submenu; rebuilt each time it opens, so it shows what exists now."""

    chosen = Signal(object)  # Path

    def __init__(self, recent: RecentDatabases, current: Path | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._recent = recent
        self._current = current
        self.menu = QMenu(self.tr("Recent &databases"), parent)
        self.menu.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.menu.clear()
        paths = self._recent.others(self._current)
        for number, path in enumerate(paths, start=1):
            label = f"&{number} {path.name}" if number < 10 else path.name
            action = self.menu.addAction(f"{label} — {path.parent}")
            exists = path.exists()
            action.setEnabled(exists)
            action.setToolTip(
                str(path) if exists else self.tr("Not found: {path}").format(path=path)
            )
            action.triggered.connect(lambda _=False, p=path: self.chosen.emit(p))
        if not paths:
            empty = self.menu.addAction(self.tr("No recent databases"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.clear_action = self.menu.addAction(self.tr("&Clear list"))
        self.clear_action.setEnabled(bool(paths))
        self.clear_action.triggered.connect(self._clear)

    def _clear(self) -> None:
        self._recent.clear()
        self.rebuild()
