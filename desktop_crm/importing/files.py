"""Open an import file for reading, refusing anything that is not a regular file.

A FIFO would block ``open()`` forever and a device never ends, so the file is
opened without blocking and checked with ``fstat`` on that very descriptor
(no window between a check and the open); a directory, FIFO, device or socket
is refused with ``NotARegularFile`` before a byte is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.importing.errors import UnreadableFile


class NotARegularFile(UnreadableFile):
    def __init__(self, name: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "errors",
                '"{name}" is not a regular file (a folder, pipe, device or socket); '
                "only files can be imported.",
            ),
            name=name,
        )


def open_regular(path: str | os.PathLike[str], buffering: int = -1) -> BinaryIO:
    """``open(path, "rb")`` for regular files only; UnreadableFile otherwise."""
    name = Path(path).name or os.fspath(path)
    try:
        before = os.stat(path)
    except OSError as error:
        raise UnreadableFile.cannot_open(name, error) from error
    if not stat.S_ISREG(before.st_mode):
        raise NotARegularFile(name)  # never opened: a FIFO's open() would block
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise UnreadableFile.cannot_open(name, error) from error
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between stat and open
            raise NotARegularFile(name)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, "rb", buffering=buffering)
    except BaseException:
        os.close(fd)
        raise
