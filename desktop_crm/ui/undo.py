"""Undo and Redo for the window: one QUndoStack, commands that go through the services.

A command is pushed after its change was made (the first ``redo`` that ``push``
calls does nothing); undo and redo then call the services like any other change,
telling them what they expect to find. When that no longer holds (a limit cannot go
below the current load, a contact was reassigned meanwhile, a name was changed
elsewhere) the service refuses and changes nothing; the command is then dropped
from the stack (``setObsolete``), so the stack never claims a state the data does
not have, and ``refused`` says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack

from desktop_crm.errors import CrmError
from desktop_crm.services import Crm
from desktop_crm.services.contacts import Move
from desktop_crm.services.dto.contacts import ContactInfo
from desktop_crm.services.dto.operators import OperatorInfo
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.texts import error_text


class UndoHistory(QObject):
    """The window's one undo stack; pages push commands, the Edit menu drives it."""

    refused = Signal(str)  # an undo or redo could not be done; nothing changed
    applied = Signal(str)  # "Undone: …" / "Redone: …"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)

    def push(self, command: ServiceCommand) -> None:
        command.history = self
        self.stack.push(command)

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def clear(self) -> None:
        self.stack.clear()

    def make_actions(self, parent: QObject) -> tuple[QAction, QAction]:
        """Edit > Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z, Ctrl+Y), named after the command."""
        actions = _EditActions(self.stack, parent)
        return actions.undo, actions.redo


class _EditActions(QObject):
    """The two actions, kept in step with the stack through its signals' arguments
    (the stack may be going away while it emits them)."""

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.undo = QAction(parent)
        self.undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo = QAction(parent)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo.triggered.connect(stack.undo)
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        self._undo_text(stack.undoText())
        self._redo_text(stack.redoText())

    def _undo_text(self, text: str) -> None:
        self.undo.setText(
            QCoreApplication.translate("UndoHistory", "&Undo {action}").format(action=text)
            if text
            else QCoreApplication.translate("UndoHistory", "&Undo")
        )

    def _redo_text(self, text: str) -> None:
        self.redo.setText(
            QCoreApplication.translate("UndoHistory", "&Redo {action}").format(action=text)
            if text
            else QCoreApplication.translate("UndoHistory", "&Redo")
        )


class ServiceCommand(QUndoCommand):
    """A change already made through the services; undo/redo make it through them."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.history: UndoHistory | None = None
        self._pushed = False

    def revert(self) -> None:
        raise NotImplementedError

    def apply(self) -> None:
        raise NotImplementedError

    def undo(self) -> None:
        self._attempt(
            self.revert,
            QCoreApplication.translate("UndoHistory", "Undone: {action}"),
            QCoreApplication.translate(
                "UndoHistory", "Cannot undo “{action}”: {reason} Nothing was changed."
            ),
        )

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(): the change is made already
            self._pushed = True
            return
        self._attempt(
            self.apply,
            QCoreApplication.translate("UndoHistory", "Redone: {action}"),
            QCoreApplication.translate(
                "UndoHistory", "Cannot redo “{action}”: {reason} Nothing was changed."
            ),
        )

    def _attempt(self, action: Callable[[], None], done: str, refused: str) -> None:
        try:
            action()
        except CrmError as error:
            self.setObsolete(True)  # the stack drops it: it no longer describes the data
            if self.history is not None:
                reason = error_text(error).rstrip()
                if not reason.endswith((".", "!", "?")):
                    reason += "."
                self.history.refused.emit(refused.format(action=self.text(), reason=reason))
            return
        if self.history is not None:
            self.history.applied.emit(done.format(action=self.text()))


# -- operators ------------------------------------------------------------------------------
OPERATOR_FIELDS = ("name", "max_load", "active")


def operator_edit_text(before: OperatorInfo, after: OperatorInfo) -> str:
    if before.name != after.name:
        return QCoreApplication.translate("UndoHistory", "Rename {old} to {new}").format(
            old=before.name, new=after.name
        )
    if before.max_load != after.max_load:
        return QCoreApplication.translate(
            "UndoHistory", "Change the limit of {name} to {limit}"
        ).format(name=after.name, limit=number_text(after.max_load))
    if after.active:
        return QCoreApplication.translate("UndoHistory", "Make {name} active").format(
            name=after.name
        )
    return QCoreApplication.translate("UndoHistory", "Make {name} inactive").format(name=after.name)


class OperatorEdit(ServiceCommand):
    """A name, limit or active flag edited in place."""

    def __init__(self, crm: Crm, before: OperatorInfo, after: OperatorInfo) -> None:
        super().__init__(operator_edit_text(before, after))
        self._crm = crm
        self._id = after.id
        fields = [f for f in OPERATOR_FIELDS if getattr(before, f) != getattr(after, f)]
        self._before = {f: getattr(before, f) for f in fields}
        self._after = {f: getattr(after, f) for f in fields}

    def _set(self, values: Mapping[str, object], expected: Mapping[str, object]) -> None:
        self._crm.operators.update(self._id, expected=expected, **values)  # type: ignore[arg-type]

    def revert(self) -> None:
        self._set(self._before, self._after)

    def apply(self) -> None:
        self._set(self._after, self._before)


# -- sources --------------------------------------------------------------------------------
SOURCE_FIELDS = ("name", "code", "strategy", "repeat_to_last")


def source_edit_text(before: SourceInfo, after: SourceInfo) -> str:
    if before.name != after.name:
        return QCoreApplication.translate("UndoHistory", "Rename source {old} to {new}").format(
            old=before.name, new=after.name
        )
    if before.code != after.code:
        return QCoreApplication.translate("UndoHistory", "Change the code of {name}").format(
            name=after.name
        )
    if before.strategy != after.strategy:
        return QCoreApplication.translate("UndoHistory", "Change the strategy of {name}").format(
            name=after.name
        )
    if after.repeat_to_last:
        return QCoreApplication.translate(
            "UndoHistory", "Send returning leads of {name} to their last operator"
        ).format(name=after.name)
    return QCoreApplication.translate(
        "UndoHistory", "Stop sending returning leads of {name} to their last operator"
    ).format(name=after.name)


class SourceEdit(ServiceCommand):
    """A source's name or code edited in place, its strategy or returning-lead rule
    changed."""

    def __init__(self, crm: Crm, before: SourceInfo, after: SourceInfo) -> None:
        super().__init__(source_edit_text(before, after))
        self._crm = crm
        self._id = after.id
        fields = [f for f in SOURCE_FIELDS if getattr(before, f) != getattr(after, f)]
        self._before = {f: getattr(before, f) for f in fields}
        self._after = {f: getattr(after, f) for f in fields}

    def _set(self, values: Mapping[str, object], expected: Mapping[str, object]) -> None:
        self._crm.sources.update(self._id, expected=expected, **values)  # type: ignore[arg-type]

    def revert(self) -> None:
        self._set(self._before, self._after)

    def apply(self) -> None:
        self._set(self._after, self._before)


def stored_weights(source: SourceInfo) -> dict[int, int]:
    return {w.operator.id: w.weight for w in source.weights}


class WeightsEdit(ServiceCommand):
    """A source's weights saved (the editor's whole set, or one cell of the plan)."""

    def __init__(self, crm: Crm, before: Mapping[int, int], after: SourceInfo) -> None:
        super().__init__(
            QCoreApplication.translate("UndoHistory", "Change the weights of {name}").format(
                name=after.name
            )
        )
        self._crm = crm
        self._id = after.id
        self._before = dict(before)
        self._after = stored_weights(after)

    def revert(self) -> None:
        self._crm.sources.set_weights(self._id, self._before, expected=self._after)

    def apply(self) -> None:
        self._crm.sources.set_weights(self._id, self._after, expected=self._before)


# -- contacts -------------------------------------------------------------------------------
class CloseContacts(ServiceCommand):
    """Contacts closed; undo reopens them while each is still closed with the operator
    it had (redo closes them while each is still active with it)."""

    def __init__(self, crm: Crm, closed: Sequence[ContactInfo]) -> None:
        count = len(closed)
        super().__init__(UndoHistory.tr("Close %n contact(s)", "", count))  # type: ignore[arg-type]
        self._crm = crm
        self._operators = _operators_of(closed)

    def revert(self) -> None:
        self._crm.contacts.reopen_many(
            list(self._operators), all_or_nothing=True, expected=self._operators
        )

    def apply(self) -> None:
        self._crm.contacts.close_many(list(self._operators), expected=self._operators)


class ReopenContacts(ServiceCommand):
    """Contacts reopened; undo closes them while each is still active with the operator
    it had (not a contact someone has moved since)."""

    def __init__(self, crm: Crm, reopened: Sequence[ContactInfo]) -> None:
        count = len(reopened)
        super().__init__(UndoHistory.tr("Reopen %n contact(s)", "", count))  # type: ignore[arg-type]
        self._crm = crm
        self._operators = _operators_of(reopened)

    def revert(self) -> None:
        self._crm.contacts.close_many(list(self._operators), expected=self._operators)

    def apply(self) -> None:
        self._crm.contacts.reopen_many(
            list(self._operators), all_or_nothing=True, expected=self._operators
        )


def _operators_of(contacts: Sequence[ContactInfo]) -> dict[int, int | None]:
    return {c.id: c.operator.id if c.operator is not None else None for c in contacts}


class AssignContacts(ServiceCommand):
    """Contacts given to an operator by hand; undo gives each back to the operator it
    had (or to the queue), while nobody has moved it since."""

    def __init__(self, crm: Crm, moves: Sequence[Move], operator_name: str) -> None:
        count = len(moves)
        text = UndoHistory.tr("Assign %n contact(s) to {name}", "", count)  # type: ignore[arg-type]
        text = text.format(name=operator_name)
        super().__init__(text)
        self._crm = crm
        self._moves = list(moves)  # expected = where it was, operator = where it went

    def revert(self) -> None:
        back = [Move(m.contact_id, m.operator, m.expected, m.reason) for m in self._moves]
        self._crm.contacts.move(back)

    def apply(self) -> None:
        self._crm.contacts.move(self._moves)
