"""The log file, in the user's log directory. Unexpected errors land here with tracebacks.

The log is private: its folder is 0700 and every log file (rotations included) 0600,
on POSIX systems; files left by earlier versions are tightened when logging starts.
It must never hold personal data: callers log what a command was (``describe_argv``),
never the values a user gave it; as a second line of defence the file's formatter
masks e-mail addresses and phone-like numbers in every message and traceback.
"""

from __future__ import annotations

import contextlib
import io
import logging
import logging.handlers
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import platformdirs

from desktop_crm import APP_SLUG

LOG_FILE_NAME = "desktop-crm.log"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 3
FOLDER_MODE = 0o700
FILE_MODE = 0o600
_OPTION = re.compile(r"--?[A-Za-z][A-Za-z0-9-]*")


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False)) / LOG_FILE_NAME


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


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates every log file (the first one and each after a rotation) as 0600."""

    def _open(self) -> io.TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        if hasattr(os, "fchmod"):
            with contextlib.suppress(OSError):
                os.fchmod(descriptor, FILE_MODE)  # a file an earlier version created
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)


def _tighten(folder: Path) -> None:
    """Make the folder 0700 and the log files in it 0600 (POSIX; best effort)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        folder.chmod(FOLDER_MODE)
    for path in folder.glob(f"{LOG_FILE_NAME}*"):
        with contextlib.suppress(OSError):
            path.chmod(FILE_MODE)


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the directory is not writable."""
    path = log_path()
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:  # called again (tests, a reopened window): one file handler
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    try:
        path.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        _tighten(path.parent)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError:
        # No log file: errors are reported to the user already; without a handler Python
        # would print every logged error a second time on stderr ("last resort").
        if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
            root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(
        _RedactingFormatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
    return path
