"""The Board's two tables: the sources (the queue, overdue, who can take contacts now)
and the operators (status, today against the daily cap, load against the limit)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.board import Board, SourceBoard
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.models.base import Column, Index, RowsModel
from desktop_crm.ui.models.operators import load_text  # "3 / 10", as on the Operators screen
from desktop_crm.ui.operator_status import (
    NOT_A_STATUS_ROLE,
    status_data,
    status_text,
    today_text,
    wait_text,
)
from desktop_crm.ui.theme import Tone, color

S_SOURCE, S_WAITING, S_OLDEST, S_OVERDUE, S_AVAILABLE, S_ROOM = range(6)
O_NAME, O_STATUS, O_TODAY, O_LOAD = range(4)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A source's line of the board, with its oldest wait counted to the board's time."""

    board: SourceBoard
    wait: float | None  # seconds; None when nothing waits

    @property
    def id(self) -> int:
        return self.board.source.id


def source_rows(board: Board) -> list[SourceRow]:
    return [
        SourceRow(
            s,
            None if s.waiting_since is None else (board.at - s.waiting_since).total_seconds(),
        )
        for s in board.sources
    ]


def _oldest(row: SourceRow) -> str:
    return "" if row.wait is None else wait_text(row.wait)


def _available_tip(_row: SourceRow) -> str:
    return QCoreApplication.translate(
        "BoardModels",
        "Operators who could be given one of this source's waiting contacts now (their "
        "skills count); with none waiting, a new contact without tags",
    )


class SourceBoardModel(RowsModel[SourceRow]):
    context = "BoardModels"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Source"),
            lambda r: r.board.source.name,
            lambda r: r.board.source.name.casefold(),
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Waiting"),
            lambda r: number_text(r.board.waiting),
            lambda r: r.board.waiting,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Oldest wait"),
            _oldest,
            lambda r: -1.0 if r.wait is None else r.wait,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Overdue"),
            lambda r: number_text(r.board.overdue),
            lambda r: r.board.overdue,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Operators available"),
            lambda r: number_text(r.board.available),
            lambda r: r.board.available,
            align_right=True,
            tooltip=_available_tip,
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Room"),
            lambda r: number_text(r.board.room),
            lambda r: r.board.room,
            align_right=True,
        ),
    )

    def key(self, row: SourceRow) -> Hashable:
        return row.id

    def set_board(self, board: Board) -> None:
        self.set_rows(source_rows(board))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self._rows[index.row()]
            if index.column() == S_OVERDUE and row.board.overdue:
                return color(Tone.BAD)
            if index.column() in (S_WAITING, S_OLDEST) and row.board.waiting:
                return color(Tone.WARN)
            if index.column() in (S_AVAILABLE, S_ROOM) and not row.board.room:
                return color(Tone.DIM)
            return None
        return super().data(index, role)


class OperatorBoardModel(RowsModel[OperatorInfo]):
    context = "BoardModels"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Operator"),
            lambda o: o.name,
            lambda o: o.name.casefold(),
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Status"),
            status_text,  # at the board's time, in its zone: see ``data``
            lambda o: (o.exclusion is not None, str(o.exclusion or "")),
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Today"),
            today_text,
            lambda o: o.today,
            align_right=True,
        ),
        Column(
            QT_TRANSLATE_NOOP("BoardModels", "Load"),
            load_text,
            lambda o: o.load_fraction,
            align_right=True,
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.at: dt.datetime | None = None
        self.zone: dt.tzinfo | None = None

    def set_board(self, board: Board) -> None:
        self.at, self.zone = board.at, board.zone
        self.set_rows(board.operators)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() != O_STATUS or index.row() >= len(self._rows):
            return super().data(index, role)
        value = status_data(self._rows[index.row()], role, self.at, self.zone)
        return super().data(index, role) if value is NOT_A_STATUS_ROLE else value
