"""First start on an empty database: what to do, and demo data to look around."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.services.demo import load_demo_data
from desktop_crm.ui.context import UiContext
from desktop_crm.ui.pages.base import Page
from desktop_crm.ui.texts import error_text
from desktop_crm.ui.widgets import InlineMessage


class WelcomePage(Page):
    name = "welcome"
    title = QT_TRANSLATE_NOOP("Pages", "Start")

    go_to = Signal(str)  # a page name
    new_contact_requested = Signal()
    import_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        heading = QLabel(self.tr("Welcome to Lead Dispatcher"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            self.tr(
                "This database is empty. Set it up in three steps, or load demo data "
                "to look around first."
            )
        )
        intro.setWordWrap(True)

        steps = QVBoxLayout()
        for number, (text, button_text, slot) in enumerate(
            (
                (
                    self.tr("Add the operators who handle contacts, with their load limits."),
                    self.tr("Add operators"),
                    lambda: self.go_to.emit("operators"),
                ),
                (
                    self.tr("Add a source (a bot, a form, a channel) and give operators weights."),
                    self.tr("Add a source"),
                    lambda: self.go_to.emit("sources"),
                ),
                (
                    self.tr(
                        "Register contacts by hand, drop CSV/XLSX files, or let bots call "
                        "the command line."
                    ),
                    self.tr("Register a contact"),
                    self.new_contact_requested.emit,
                ),
            ),
            start=1,
        ):
            row = QHBoxLayout()
            label = QLabel(f"<b>{number}.</b> {text}")
            label.setWordWrap(True)
            button = QPushButton(button_text)
            button.clicked.connect(slot)
            if number == 1:
                self.add_operators_button = button
            elif number == 2:
                self.add_source_button = button
            row.addWidget(label, 1)
            row.addWidget(button)
            if number == 3:
                import_button = QPushButton(self.tr("Import a file…"))
                import_button.clicked.connect(self.import_requested.emit)
                row.addWidget(import_button)
            steps.addLayout(row)

        self.demo_button = QPushButton(self.tr("Load demo data"))
        self.demo_button.clicked.connect(self.load_demo)
        self.message = InlineMessage()

        content = QWidget()
        content.setMaximumWidth(820)
        layout = QVBoxLayout(content)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(16)
        layout.addLayout(steps)
        layout.addSpacing(16)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addWidget(content)
        outer.addStretch(1)

    def load_demo(self) -> None:
        self.demo_button.setEnabled(False)
        self.message.show_info(self.tr("Loading demo data…"), msecs=0)

        def failed(error: BaseException) -> None:
            self.demo_button.setEnabled(True)
            self.message.show_error(error_text(error))

        def done(count: int) -> None:
            self.demo_button.setEnabled(True)
            self.message.show_info(self.tr("Loaded %n demo contact(s).", "", count))
            self.go_to.emit("contacts")

        self.ctx.runner.start(lambda ctx: load_demo_data(self.ctx.crm), done, failed)
