"""The log file, in the user's log directory. Unexpected errors land here with tracebacks."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from desktop_crm import APP_SLUG

LOG_FILE_NAME = "desktop-crm.log"


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_SLUG, appauthor=False)) / LOG_FILE_NAME


def configure_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the directory is not writable."""
    path = log_path()
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:  # called again (tests, a reopened window): one file handler
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
    return path
