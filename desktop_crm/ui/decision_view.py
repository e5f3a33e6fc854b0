""" "Why this operator?": a contact's decision trace in plain words, oldest first.

Each decision shows when it was made (local time), its kind, the outcome (the operator,
or nobody and why), the strategy, the candidates as the decision saw them (weight,
load against the limit, why one could not take it) and the draw with any redraws.
The text comes from ``contacts.history``; nothing here queries the database.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from desktop_crm.domain.distribution import OWNER_COLUMN_NOTE, REPEAT_LEAD_NOTE
from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.dto.decisions import CandidateInfo, DecisionInfo, DrawInfo
from desktop_crm.services.dto.refs import OperatorRef
from desktop_crm.ui.formats import number_text
from desktop_crm.ui.models.base import local_time
from desktop_crm.ui.models.sources import strategy_label
from desktop_crm.ui.texts import exclusion_label, reason_label
from desktop_crm.ui.theme import Tone, css

KIND_TEXT = {
    "auto": QT_TRANSLATE_NOOP("DecisionView", "Assigned automatically"),
    "redistribution": QT_TRANSLATE_NOOP("DecisionView", "Re-distributed"),
    "manual": QT_TRANSLATE_NOOP("DecisionView", "Assigned by hand"),
    "timeout": QT_TRANSLATE_NOOP("DecisionView", "Reply deadline missed"),
    "auto_close": QT_TRANSLATE_NOOP("DecisionView", "Closed automatically"),
}

# The notes the core writes in English, read back to be said in the user's language.
ROUND_ROBIN_NOTE = re.compile(r"current weight (-?\d+) of (-?\d+)")
LEAST_LOADED_NOTE = re.compile(r"load (\d+) of (\d+)")
PREVIOUS_OPERATOR_NOTE = re.compile(r"previous operator #(\d+)")
FROM_QUEUE_NOTE = "from the queue"
BACK_TO_QUEUE_NOTE = re.compile(r"back to the queue from operator #(\d+)")  # an undone assignment
# services/intake.py: a missed reply deadline, and a stale contact closed (services/timers.py)
TIMEOUT_NOTE = re.compile(r"reply deadline missed by operator #(\d+)(; nobody else .*)?")
AUTO_CLOSE_NOTE = re.compile(r"closed automatically: no activity for (\S+)")

NAME_CHARS = 30  # an operator's name in the candidates table, at most
MAX_LINES = 14  # the view asks for at most this height; a longer trace scrolls
LAST_ANCHOR = "last"  # the newest decision: what explains the operator now


def _tr(text: str) -> str:
    return QCoreApplication.translate("DecisionView", text)


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def kind_label(kind: str) -> str:
    text = KIND_TEXT.get(kind)
    return _tr(text) if text else kind


def outcome_text(decision: DecisionInfo) -> str:
    if decision.operator is not None:
        return decision.operator.name
    reason = reason_label(decision.reason) or QCoreApplication.translate(
        "DecisionView", "no reason recorded"
    )
    return QCoreApplication.translate("DecisionView", "nobody: {reason}").format(reason=reason)


def draw_text(draw: DrawInfo) -> str:
    """How the strategy picked: "lottery: r = 7 of 10", or its note in plain words."""
    if draw.r is not None and draw.total is not None:
        return QCoreApplication.translate("DecisionView", "lottery: r = {r} of {total}").format(
            r=number_text(draw.r), total=number_text(draw.total)
        )
    if draw.note == REPEAT_LEAD_NOTE:
        return QCoreApplication.translate(
            "DecisionView", "returning lead: the operator who handled it last"
        )
    match = ROUND_ROBIN_NOTE.fullmatch(draw.note)
    if match:
        return QCoreApplication.translate(
            "DecisionView", "round-robin: current weight {value} of {total}"
        ).format(value=number_text(int(match[1])), total=number_text(int(match[2])))
    match = LEAST_LOADED_NOTE.fullmatch(draw.note)
    if match:
        return QCoreApplication.translate(
            "DecisionView", "least loaded: load {load} of {max_load}"
        ).format(load=number_text(int(match[1])), max_load=number_text(int(match[2])))
    return draw.note or QCoreApplication.translate("DecisionView", "chosen")


def manual_note_text(note: str, names: dict[int, str]) -> str:
    """Where a contact given by hand came from: the queue, or another operator."""
    if note == FROM_QUEUE_NOTE:
        return QCoreApplication.translate("DecisionView", "Taken from the queue.")
    if note == OWNER_COLUMN_NOTE:
        return QCoreApplication.translate(
            "DecisionView", "Given by the owner column of an imported file."
        )
    match = BACK_TO_QUEUE_NOTE.fullmatch(note)
    if match:
        operator_id = int(match[1])
        name = names.get(operator_id, f"#{operator_id}")
        return QCoreApplication.translate(
            "DecisionView", "Put back to the queue from {name} (an assignment undone)."
        ).format(name=name)
    match = PREVIOUS_OPERATOR_NOTE.fullmatch(note)
    if match:
        operator_id = int(match[1])
        name = names.get(operator_id, f"#{operator_id}")
        return QCoreApplication.translate("DecisionView", "Taken from {name}.").format(name=name)
    return note


def timer_note_text(note: str, names: dict[int, str]) -> str:
    """A timer's note (a missed reply deadline, an auto-close) in the user's language."""
    match = TIMEOUT_NOTE.fullmatch(note)
    if match:
        operator_id = int(match[1])
        name = names.get(operator_id, f"#{operator_id}")
        if match[2]:
            return QCoreApplication.translate(
                "DecisionView",
                "{name} missed the reply deadline; nobody else could take it, so it "
                "stays with them, overdue.",
            ).format(name=name)
        return QCoreApplication.translate(
            "DecisionView", "{name} missed the reply deadline."
        ).format(name=name)
    match = AUTO_CLOSE_NOTE.fullmatch(note)
    if match:
        return QCoreApplication.translate(
            "DecisionView", "No activity for {duration}: closed automatically."
        ).format(duration=match[1])
    return note


def _names(decisions: Sequence[DecisionInfo]) -> dict[int, str]:
    """Operator names the trace itself knows (a manual note keeps only an id)."""
    refs: list[OperatorRef] = []
    for decision in decisions:
        refs += [c.operator for c in decision.candidates]
        refs += [d.operator for d in decision.draws]
        if decision.operator is not None:
            refs.append(decision.operator)
    return {ref.id: ref.name for ref in refs}


def _elide(name: str) -> str:
    """A very long name, cut to keep the table narrow."""
    return name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"


def _candidates_table(decision: DecisionInfo) -> str:
    refused = {d.operator.id for d in decision.draws if not d.accepted}
    head = "".join(
        f'<th align="{align}" style="color:{css(Tone.DIM)}; font-weight:normal; '
        f'white-space:nowrap;">{_e(title)}</th>'
        for title, align in (
            (QCoreApplication.translate("DecisionView", "Operator"), "left"),
            (QCoreApplication.translate("DecisionView", "Weight"), "right"),
            (QCoreApplication.translate("DecisionView", "Load"), "right"),
            ("", "left"),
        )
    )
    rows = [f"<tr>{head}</tr>"]
    for candidate in decision.candidates:
        rows.append(_candidate_row(decision, candidate, refused))
    return (
        '<table cellspacing="0" cellpadding="1" style="margin-left:12px; margin-top:2px;">'
        + "".join(rows)
        + "</table>"
    )


def _candidate_row(decision: DecisionInfo, candidate: CandidateInfo, refused: set[int]) -> str:
    operator = candidate.operator
    won = decision.operator is not None and decision.operator.id == operator.id
    if candidate.excluded == "at_limit" and operator.id in refused:
        why = QCoreApplication.translate("DecisionView", "at the limit at the re-check")
        colour = css(Tone.WARN)
    elif candidate.excluded is not None:
        why = exclusion_label(candidate.excluded)
        colour = css(Tone.WARN)
    elif won:
        why = "✓ " + QCoreApplication.translate("DecisionView", "chosen")
        colour = css(Tone.GOOD)
    else:
        why, colour = "", css(Tone.DIM)
    name = _e(_elide(operator.name))
    name = f"<b>{name}</b>" if won else name
    load = QCoreApplication.translate("DecisionView", "{load} of {max_load}").format(
        load=number_text(candidate.load), max_load=number_text(candidate.max_load)
    )
    weight = number_text(candidate.weight)
    return (
        f'<tr><td style="padding-right:14px; white-space:nowrap;">{name}</td>'
        f'<td align="right" style="padding-right:14px; white-space:nowrap;">{weight}</td>'
        f'<td align="right" style="padding-right:14px; white-space:nowrap;">{_e(load)}</td>'
        f'<td style="color:{colour}; white-space:nowrap;">{_e(why)}</td></tr>'
    )


def _draw_lines(decision: DecisionInfo) -> list[str]:
    if decision.kind == "manual":
        return []  # the dispatcher chose: there was no draw to show
    lines = []
    for number, draw in enumerate(decision.draws):
        text = _e(draw_text(draw)) + " → " + _e(draw.operator.name)
        if not draw.accepted:
            refused = QCoreApplication.translate("DecisionView", "refused at re-check")
            text += f' <span style="color:{css(Tone.WARN)};">— {_e(refused)}</span>'
        if number:
            text = _e(QCoreApplication.translate("DecisionView", "then")) + " " + text
        lines.append(text)
    if not decision.draws and decision.operator is None and decision.candidates:
        lines.append(
            _e(QCoreApplication.translate("DecisionView", "no draw: nobody could take it"))
        )
    return lines


def decision_html(decision: DecisionInfo, names: dict[int, str] | None = None) -> str:
    """One decision as a small block of rich text."""
    names = names if names is not None else _names([decision])
    when = local_time(decision.created_at)
    outcome = _e(outcome_text(decision))
    if decision.kind == "auto_close":
        outcome = _e(QCoreApplication.translate("DecisionView", "closed"))
    elif decision.operator is not None:
        outcome = f"<b>{outcome}</b>"
    else:
        outcome = f'<span style="color:{css(Tone.WARN)};">{outcome}</span>'
    dim = css(Tone.DIM)
    parts = [
        f'<p style="margin-top:6px; margin-bottom:0;"><span style="color:{dim};">{_e(when)}</span>'
        f" · <b>{_e(kind_label(decision.kind))}</b> → {outcome}</p>"
    ]
    details: list[str] = []
    if decision.kind == "manual":
        if decision.note:
            details.append(_e(manual_note_text(decision.note, names)))
        for candidate in decision.candidates:
            load = candidate.load  # a plain name: lupdate reads the context right
            details.append(
                _e(
                    DecisionView.tr(
                        "{name} had %Ln active contact(s) of {max_load} then.",  # type: ignore[arg-type]
                        "",
                        load,  # type: ignore[arg-type]
                    ).format(name=candidate.operator.name, max_load=number_text(candidate.max_load))
                )
            )
    elif decision.kind == "auto_close":
        details.append(_e(timer_note_text(decision.note, names)))
    else:
        details.append(
            _e(
                QCoreApplication.translate("DecisionView", "Strategy: {strategy}").format(
                    strategy=strategy_label(decision.strategy)
                )
            )
        )
        if decision.note:
            details.append(_e(timer_note_text(decision.note, names)))
    body = "".join(
        f'<p style="margin:0 0 0 12px;">{line}</p>' for line in details
    )  # indented under the title line
    if decision.kind != "manual" and decision.candidates:
        body += _candidates_table(decision)
    body += "".join(f'<p style="margin:0 0 0 12px;">{line}</p>' for line in _draw_lines(decision))
    return "".join(parts) + body


def history_html(decisions: Sequence[DecisionInfo]) -> str:
    """Every decision about a contact, oldest first."""
    if not decisions:
        text = QCoreApplication.translate(
            "DecisionView", "No decision was recorded for this contact."
        )
        return f'<p style="color:{css(Tone.DIM)};">{_e(text)}</p>'
    names = _names(decisions)
    return "".join(
        f'<a name="{LAST_ANCHOR if number == len(decisions) - 1 else f"d{number}"}"></a>'
        + decision_html(d, names)
        for number, d in enumerate(decisions)
    )


class DecisionView(QTextBrowser):
    """The trace of one contact; refreshing the same contact keeps the scroll position."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMinimumHeight(self.fontMetrics().height() * 5)
        self.document().setDocumentMargin(4)
        self._contact_id: int | None = None
        self._shown: object = None  # the decisions (or the error text) on screen
        self.decisions: tuple[DecisionInfo, ...] = ()

    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def sizeHint(self) -> QSize:
        """As high as the explanation (up to ``MAX_LINES``): the pane opens to fit it."""
        hint = super().sizeHint()
        lines = self.fontMetrics().lineSpacing()
        text = round(self.document().size().height()) + 2 * self.frameWidth() + 4
        return QSize(hint.width(), max(self.minimumHeight(), min(text, lines * MAX_LINES)))

    def show_history(self, contact_id: int, decisions: Sequence[DecisionInfo]) -> None:
        decisions = tuple(decisions)
        grew = contact_id == self._contact_id and len(decisions) > len(self.decisions)
        self.decisions = decisions
        self._set(contact_id, decisions, history_html(decisions), to_last=grew)

    def show_error(self, contact_id: int, text: str) -> None:
        self.decisions = ()
        message = QCoreApplication.translate(
            "DecisionView", "The explanation could not be read: {error}"
        ).format(error=text)
        self._set(contact_id, text, f'<p style="color:{css(Tone.WARN)};">{_e(message)}</p>')

    def clear_history(self) -> None:
        self._contact_id, self._shown, self.decisions = None, None, ()
        self.clear()

    def _set(self, contact_id: int, shown: object, text: str, to_last: bool = False) -> None:
        same = contact_id == self._contact_id
        if same and shown == self._shown:
            return  # nothing new: the user's scroll position and selection stay
        bar = self.verticalScrollBar()
        position = bar.value()
        self._contact_id, self._shown = contact_id, shown
        self.setHtml(text)
        self.updateGeometry()  # its height follows the text (sizeHint)
        if same and not to_last:
            bar.setValue(min(position, bar.maximum()))
        elif len(self.decisions) > 1:
            self.scrollToAnchor(LAST_ANCHOR)  # the newest decision; the earlier ones above
        else:
            bar.setValue(0)
