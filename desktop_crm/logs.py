"""The log file, in the user's log directory. Unexpected errors land here with tracebacks.

The log is private: its folder is 0700 and every log file (rotations included) 0600,
on POSIX systems; files left by earlier versions are tightened when the file opens.
The file opens with the first record (most commands log nothing, and a bot's ``contact
add`` should not pay for the rotating handler's and platformdirs' imports; issue 13).
It must never hold personal data: callers log what a command was (``describe_argv``),
never the values a user gave it; as a second line of defence the file's formatter
masks e-mail addresses and phone-like numbers in every message and traceback.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_crm import APP_SLUG

if TYPE_CHECKING:
    import logging.handlers

LOG_FILE_NAME = "desktop-crm.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 3
FOLDER_MODE = 0o700
FILE_MODE = 0o600
_OPTION = re.compile(r"--?[A-Za-z][A-Za-z0-9-]*")


def log_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False)) / LOG_FILE_NAME


def details_text() -> str:
    """Where a bug's details are, for the one line a user sees: the log file, unless it
    could not be written (then saying so, rather than pointing at nothing)."""
    path = log_path()
    handlers = logging.getLogger().handlers
    if any(isinstance(h, _LogFile) and h.unwritable for h in handlers):
        return f"the log file {path} could not be written, so no details were kept"
    return f"details are in {path}"


def describe_argv(argv: Sequence[str], command: Sequence[str | None] = ()) -> str:
    """What the command line was, without a single value: the command words and the
    option names (``contact add --lead --source --name``). Values, positional
    arguments and anything after ``--`` are left out: they may be phones, names, messages."""
    words = [word for word in command if word]
    for arg in argv:
        if arg == "--":
            break
        name = arg.split("=", 1)[0]
        if _OPTION.fullmatch(name):
            words.append(name)
    return " ".join(words) or "(no command)"


# Defence in depth for messages the program does not control (an exception's text in
# a traceback may quote a value): e-mail addresses and phone-like digit runs (10 or
# more digits, as a phone in any spelling has) are masked. Dates and times have
# fewer digits per run and stay readable.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d(?:[ ()\-.]{0,2}\d){9,}")
REDACTED = "<redacted>"


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _phone(match: re.Match[str]) -> str:
    text = match.group()
    return text if _ISO_DATE.match(text) else REDACTED  # "2026-12-01 11" is a time


def redact(text: str) -> str:
    return _PHONE.sub(_phone, _EMAIL.sub(REDACTED, text))


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached the raw traceback
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = redact(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: Any) -> str:
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return redact(super().formatStack(stack_info))


def _tighten(folder: Path) -> None:
    """Make the folder 0700 and the log files in it 0600 (POSIX; best effort)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        folder.chmod(FOLDER_MODE)
    for path in folder.glob(f"{LOG_FILE_NAME}*"):
        with contextlib.suppress(OSError):
            path.chmod(FILE_MODE)


def _private_rotating_file(path: Path) -> logging.handlers.RotatingFileHandler:
    """A rotating handler that creates every log file (the first one and each after a
    rotation) as 0600."""
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        failed = False  # a record could not be written (the disk full, say)

        def handleError(self, record: logging.LogRecord) -> None:
            self.failed = True  # no "--- Logging error ---" on the user's terminal

        def _open(self) -> io.TextIOWrapper:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
            descriptor = os.open(self.baseFilename, flags, FILE_MODE)
            if hasattr(os, "fchmod"):
                with contextlib.suppress(OSError):
                    os.fchmod(descriptor, FILE_MODE)  # a file an earlier version created
            return open(descriptor, "a", encoding=self.encoding, errors=self.errors)

    return PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )


class _LogFile(logging.Handler):
    """The log file, opened with the first record it gets. A folder that cannot be
    written leaves it without a file: errors are reported to the user already, and this
    handler (a handler all the same) keeps Python from printing every logged error a
    second time on stderr ("last resort")."""

    def __init__(self) -> None:
        super().__init__()
        self._file: logging.Handler | None = None
        self._unwritable = False

    @property
    def unwritable(self) -> bool:
        return self._unwritable

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            if self._unwritable:
                return
            path = log_path()
            try:
                path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
                _tighten(path.parent)
                self._file = _private_rotating_file(path)
            except OSError:
                self._unwritable = True
                return
            self._file.setFormatter(
                _RedactingFormatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
            )
        self._file.emit(record)
        if getattr(self._file, "failed", False):  # it cannot be written: stop trying
            self._unwritable = True
            self.close_file()

    def flush(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError, ValueError):
                self._file.flush()

    def close_file(self) -> None:
        if self._file is not None:
            file, self._file = self._file, None
            with contextlib.suppress(OSError, ValueError):
                file.close()

    def close(self) -> None:
        self.close_file()
        super().close()


def configure_logging(level: int = logging.INFO) -> None:
    """Log to a rotating file in the user's log directory (opened by the first record)."""
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, _LogFile) for h in root.handlers):  # called again: one file
        root.addHandler(_LogFile())
