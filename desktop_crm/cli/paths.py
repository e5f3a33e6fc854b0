"""Arguments that name a file or folder: an empty one ("" or spaces, a script's empty
variable) would mean the current folder, so it is refused with one line, exit 2."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from desktop_crm.errors import QT_TRANSLATE_NOOP, InvalidValue


class _BlankPath(str):
    """A path argument that names no file: refused by ``refuse_blank_paths`` before any
    command runs (argparse's own error would print the usage as well)."""

    label = "FILE"


def path_argument(label: str) -> Callable[[str], str]:
    """argparse type of an argument that names a file or folder; ``label`` is how the
    help names it (FILE, --rejects, --to)."""

    def read(text: str) -> str:
        if text.strip():
            return text
        blank = _BlankPath(text)
        blank.label = label
        return blank

    return read


def refuse_blank_paths(args: argparse.Namespace) -> None:
    """Raise ``InvalidValue`` when a path argument is empty or blank."""
    for value in vars(args).values():
        if isinstance(value, _BlankPath):
            raise InvalidValue(
                QT_TRANSLATE_NOOP("errors", "An empty {name} names no file; give a file name."),
                field=value.label,
                name=value.label,
            )
