"""The intake form: type a contact in by hand. Ctrl+N focuses it; Enter registers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.external_id import IdReading
from desktop_crm.domain.text import on_screen
from desktop_crm.errors import CrmError, InvalidValue
from desktop_crm.services.contacts import ContactRequest
from desktop_crm.services.dto.contacts import ContactInfo
from desktop_crm.services.dto.sources import SourceInfo
from desktop_crm.services.events import Change
from desktop_crm.services.id_problems import FORM_TEMPLATES, LOOKALIKE
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.formats import natural_sorted
from desktop_crm.ui.refresh_errors import refresh_slot
from desktop_crm.ui.texts import error_text, reason_label
from desktop_crm.ui.widgets import InlineMessage

LOOKUP_DELAY_MS = 250


class _EnterSubmits(QObject):
    """Enter registers from the source box and the message box (Shift+Enter starts a
    new line there); the line edits say so with ``returnPressed``. Enter in the source
    box's open list only chooses the source: that list is a widget of its own."""

    def __init__(self, form: IntakeForm) -> None:
        super().__init__(form)
        self._form = form

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self._form.register()
            return True
        return False


class IntakeForm(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.external_id = QLineEdit(placeholderText=self.tr("phone, e-mail or messenger id"))
        self.lead_status = QLabel()
        self.lead_status.setWordWrap(True)
        self.lead_status.setStyleSheet("color: palette(mid);")
        self.id_message = InlineMessage()
        self.plain_id_button = QPushButton(self.tr("Register as a plain id"))
        self.plain_id_button.setToolTip(
            self.tr("Keep the id exactly as typed: it is not read as a phone number")
        )
        self.plain_id_button.setAutoDefault(True)  # Enter presses it once Tab reached it
        self.plain_id_button.hide()
        self.name = QLineEdit(placeholderText=self.tr("optional"))
        self.source = QComboBox()
        self.source.setMinimumContentsLength(12)
        self.source.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.tags = QLineEdit(placeholderText=self.tr("optional, e.g. kz, vip"))
        self.tags.setToolTip(
            self.tr(
                "What the contact needs, separated by commas: it goes only to an operator "
                "who has every one of these skills."
            )
        )
        self.message = QPlainTextEdit()
        self.message.setPlaceholderText(self.tr("What the lead wrote (Shift+Enter: new line)"))
        self.message.setTabChangesFocus(True)
        self.message.setMaximumHeight(90)
        enter_submits = _EnterSubmits(self)
        self.message.installEventFilter(enter_submits)
        self.source.installEventFilter(enter_submits)
        self.register_button = QPushButton(self.tr("Register"))
        self.register_button.setDefault(True)
        self.outcome = InlineMessage()
        self._waiting: int | None = None  # the contact the outcome says is unassigned

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: a narrow dock leaves the contacts table its columns.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.tr("External id:"), self.external_id)
        form.addRow("", self.lead_status)
        form.addRow("", self.id_message)
        form.addRow("", self.plain_id_button)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Message:"), self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.register_button)
        layout.addWidget(self.outcome)
        layout.addStretch(1)

        self._lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self._lookup_timer.timeout.connect(self.look_up_lead)
        self.external_id.textEdited.connect(self._id_edited)
        self.external_id.returnPressed.connect(self.register)
        self.name.returnPressed.connect(self.register)
        self.tags.returnPressed.connect(self.register)
        self.register_button.clicked.connect(self.register)
        self.plain_id_button.clicked.connect(self.register_plain_id)
        self.source.activated.connect(self._source_chosen)
        ctx.bridge.changed.connect(self._data_changed)
        self.reload_sources()

    # -- sources -----------------------------------------------------------------
    def reload_sources(self) -> None:
        current = self.source.currentData()
        if current is None:  # the first load: the source used last, before a restart too
            current = self.ctx.preferences.last_source or None
        sources: list[SourceInfo] = self.ctx.crm.sources.list(with_weights=False)
        self.source.clear()
        for source in natural_sorted(sources, lambda s: s.name):
            label = f"{source.name} ({source.code})" if source.code else source.name
            self.source.addItem(label, source.id)
        if current is not None and (index := self.source.findData(current)) >= 0:
            self.source.setCurrentIndex(index)
        self.register_button.setEnabled(bool(sources))
        no_source = self.tr("Add a source first (Sources screen).")
        if not sources:
            self.lead_status.setText(no_source)
        elif self.lead_status.text() == no_source:
            self.lead_status.clear()
            self.look_up_lead()

    def _source_chosen(self, _index: int) -> None:
        source_id = self.source.currentData()
        if source_id is not None:
            self.ctx.preferences.last_source = int(source_id)

    @refresh_slot
    def _data_changed(self, changes: frozenset[Change]) -> None:
        if changes & {Change.SOURCES, Change.EXTERNAL}:
            self.reload_sources()
        if changes & {Change.CONTACTS, Change.LEADS, Change.EXTERNAL}:
            self.look_up_lead()
            self._follow_waiting()

    def _follow_waiting(self) -> None:
        """The outcome follows its contact: once the queue or someone gives the contact
        left unassigned an operator, the message says who has it."""
        if self._waiting is None or not self.outcome.isVisible():
            return
        try:
            contact = self.ctx.crm.contacts.get(self._waiting)
        except CrmError:
            return  # busy, or erased: the next change asks again
        if contact.operator is not None:
            self._show_outcome(contact)

    # -- lead lookup while typing ----------------------------------------------------
    def _id_edited(self) -> None:
        self._clear_id_flag()
        self._lookup_timer.start()

    def look_up_lead(self) -> None:
        text = self.external_id.text().strip()
        if not text:
            self.lead_status.clear()
            return
        try:
            lead = self.ctx.crm.leads.find(text)
            reading = self.ctx.crm.leads.read_id(text)
        except CrmError:
            return  # busy: the next keystroke or change asks again
        if reading is not None and reading.problem is not None:
            self._flag_id(reading)
        if lead is None:
            self.lead_status.setText(self.tr("New lead"))
            return
        who = on_screen(lead.name or lead.external_id)
        contacts = self.tr("%n contact(s)", "", lead.contact_count)
        self.lead_status.setText(
            self.tr("Known lead: {who} ({id}), {contacts}").format(
                who=who, id=lead.external_id, contacts=contacts
            )
        )

    # -- registering -----------------------------------------------------------------
    def focus_form(self) -> None:
        self.external_id.setFocus()
        self.external_id.selectAll()

    # -- an id that looks like a phone but is none ---------------------------------------
    def _flag_id(self, reading: IdReading) -> None:
        """Say before registering that the id looks like a phone number but is none
        (the services' rule and words, for the database's phone region); offer the plain id."""
        if reading.problem is None:
            return
        letters = ", ".join(
            QCoreApplication.translate("errors", LOOKALIKE).format(letter=letter, digit=digit)
            for letter, digit in reading.lookalikes
        )
        text = QCoreApplication.translate("errors", FORM_TEMPLATES[reading.problem])
        self.id_message.show_error(
            text.format(id=reading.value, region=reading.region, letters=letters)
        )
        self.plain_id_button.show()
        self._clear_outcome()  # the outcome was about the previous contact

    def _clear_outcome(self) -> None:
        self._waiting = None
        self.outcome.clear_message()

    def _clear_id_flag(self) -> None:
        self.id_message.clear_message()
        self.plain_id_button.hide()

    def _doubtful_id(self) -> IdReading | None:
        """The reading of the typed id when it looks like a phone but is none."""
        try:
            reading = self.ctx.crm.leads.read_id(self.external_id.text())
        except CrmError:
            return None  # busy: registering says so
        return reading if reading is not None and reading.problem is not None else None

    def register_plain_id(self) -> None:
        """Register the typed id as it is, not read as a phone number."""
        self._register(plain_id=True)

    def register(self) -> None:
        """Register the contact; an id that looks like a phone but is none is flagged
        first and registered only by ``register_plain_id``."""
        doubtful = self._doubtful_id()
        if doubtful is not None:
            self._flag_id(doubtful)
            self.external_id.setFocus()
            return
        self._register(plain_id=False)

    def _register(self, plain_id: bool) -> None:
        self._waiting = None
        source_id = self.source.currentData()
        if source_id is None:
            self.outcome.show_error(self.tr("Choose a source."))
            return
        request = ContactRequest(
            external_id=self.external_id.text(),
            source=int(source_id),
            name=self.name.text(),
            message=self.message.toPlainText().strip(),
            plain_id=plain_id,
            tags=(self.tags.text(),) if self.tags.text().strip() else (),
        )
        try:
            contact = self.ctx.crm.contacts.register(request).contact
        except InvalidValue as error:
            target = self.id_message if error.field == "external_id" else self.outcome
            target.show_error(error_text(error))
            if error.field == "external_id":
                self._clear_outcome()  # the outcome was about the previous contact
                self.external_id.setFocus()
            elif error.field == "tags":
                self.tags.setFocus()
            return
        except CrmError as error:
            self.outcome.show_error(error_text(error))
            return
        self.ctx.preferences.last_source = int(source_id)
        self._show_outcome(contact)
        self._clear_id_flag()
        self.external_id.clear()
        self.name.clear()
        self.tags.clear()
        self.message.clear()
        self.lead_status.clear()
        self.focus_form()

    def _show_outcome(self, contact: ContactInfo) -> None:
        self._waiting = None if contact.operator is not None else contact.id
        if contact.operator is not None:
            text = self.tr("Contact #{id} went to {operator}.").format(
                id=contact.id, operator=contact.operator.name
            )
            self.outcome.show_info(text, msecs=0)
        else:
            reason = reason_label(contact.reason)
            text = self.tr("Contact #{id} left unassigned: {reason}.").format(
                id=contact.id, reason=reason
            )
            self.outcome.show_error(text)
