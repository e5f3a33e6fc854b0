"""The standard streams of a command: output that cannot be written, an error stream
that cannot be written, an input that is closed (README, "Exit codes").

- Standard output that fails (a full disk, ``> /dev/full``, an I/O error) after the
  command did its work is "stopped part-way" (exit 4), one line on stderr: what was
  committed stays, the answer was lost. (The reader going away, ``| head``, stays what
  it was: a ``BrokenPipeError`` for the caller to handle.)
- Standard error that fails changes no exit code: the message is lost, the code says it.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, TextIO, cast

from desktop_crm.errors import CrmError


class OutputLost(CrmError):
    """Standard output could not be written: what the command did stays (exit 4)."""

    exit_code = 4


class _Guarded:
    """A text stream whose failed writes are ``OutputLost`` (or, for ``quiet``, nothing);
    everything else is the stream's own."""

    def __init__(self, stream: Any, *, quiet: bool) -> None:
        self._stream = stream
        self._quiet = quiet

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except BrokenPipeError:
            if not self._quiet:
                raise
            self._drop()
            return len(text)
        except OSError as error:
            if not self._quiet:
                raise _lost(error) from error
            self._drop()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            if not self._quiet:
                raise
            self._drop()
        except OSError as error:
            if not self._quiet:
                raise _lost(error) from error
            self._drop()

    def _drop(self) -> None:
        """The rest goes to /dev/null (what is buffered too: it would fail at exit)."""
        discard_output(self._stream)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _lost(error: OSError) -> OutputLost:
    return OutputLost(
        "stopped part-way: the output could not be written ({reason}); what the command "
        "did stays, its answer was lost.",
        reason=error.strerror or type(error).__name__,
    )


def guard_output(stdout: TextIO) -> TextIO:
    """``stdout`` whose failed writes raise ``OutputLost``."""
    return cast(TextIO, _Guarded(stdout, quiet=False))


def guard_errors(stderr: TextIO) -> TextIO:
    """``stderr`` whose failed writes are dropped (the exit code says it all)."""
    return cast(TextIO, _Guarded(stderr, quiet=True))


def discard_output(stdout: Any) -> None:
    """Point standard output's descriptor at /dev/null, so that what is still buffered
    does not fail again when the process ends."""
    with contextlib.suppress(AttributeError, ValueError, OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())


def readable(stream: object) -> bool:
    """False for a standard input started closed (``<&-``), or open for writing only."""
    if stream is None:
        return False
    try:
        descriptor = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # not a file (a test's stand-in): usable
        return True
    try:
        import fcntl
    except ImportError:  # Windows
        return True
    try:
        return fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_ACCMODE != os.O_WRONLY
    except OSError:
        return False
