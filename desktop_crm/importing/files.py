"""Open an import file for reading, refusing anything that is not a regular file.

A FIFO would block ``open()`` forever and a device never ends, so the file is
opened without blocking and checked with ``fstat`` on that very descriptor
(no window between a check and the open); a directory, FIFO, device or socket
is refused with ``NotARegularFile`` before a byte is read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_crm.errors import QT_TRANSLATE_NOOP
from desktop_crm.importing.errors import FileChanged, UnreadableFile


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


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What the system says of a file without reading it: its size, the times of its last
    write and of its last change of any kind (which nobody can set back, unlike the
    modification time), and which file the path names. A file whose stamp is the same
    was not written meanwhile; the importer takes one before hashing a file and compares
    it after reading each batch (``check``)."""

    path: str
    size: int
    modified_ns: int
    changed_ns: int
    inode: int
    device: int

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> FileStamp | None:
        """The stamp of ``path`` now; None when it cannot be read (gone, no access)."""
        try:
            found = os.stat(path)
        except OSError:
            return None
        return cls(
            os.fspath(path),
            found.st_size,
            found.st_mtime_ns,
            found.st_ctime_ns,
            found.st_ino,
            found.st_dev,
        )

    def check(self) -> None:
        """Raise FileChanged when the file is no longer as stamped (or gone)."""
        if FileStamp.of(self.path) != self:
            raise FileChanged(Path(self.path).name)
