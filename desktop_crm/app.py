"""Entry point: a CLI command when one is given, the window otherwise.

This module imports only what the interpreter has loaded already, and ``signal``: until
``main()`` has set its own Ctrl+C handler, an interrupt shows a traceback of whichever
import it hit (the program's modules take a few hundred milliseconds to load). Everything
else is imported inside ``main()``, after that handler (hostile test of imports, defect 7)."""

from __future__ import annotations

import io
import os
import signal  # loaded by every command anyway; here so that main() sets its handler first
import sys

TYPE_CHECKING = False  # not ``typing``'s: that module is not loaded yet at this point
if TYPE_CHECKING:
    import argparse
    from typing import Any

# The exit codes (README, "Exit codes"): 2 and 3 mean nothing was written.
EXIT_OK = 0
EXIT_BUG = 1  # only ever a bug: details in the log file
EXIT_USER_ERROR = 2  # CrmError.exit_code
EXIT_BUSY = 3  # DatabaseBusy.exit_code
EXIT_PART_WAY = 4  # StoppedPartWay.exit_code: some batches committed; run again to resume
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Run a command (``argv``; None: the process's own arguments) or the window.

    Ctrl+C before the command starts to work (while the modules load, the arguments are
    read) ends the process at once with the usual line and exit 130: nothing was written
    yet. From then on it is a KeyboardInterrupt that the command handles (an import keeps
    its committed batches). Called with ``argv`` (in-process: tests, benchmarks) the
    previous handler is put back on return; as the program, the quiet one stays for the
    interpreter's shutdown."""
    previous = _quiet_interrupts()
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    finally:
        if argv is not None and previous is not None:
            signal.signal(signal.SIGINT, previous)
        elif previous is not None:
            _quiet_interrupts()  # a Ctrl+C while the interpreter shuts down: no traceback


def _quiet_interrupts() -> Any:
    """Ctrl+C -> ``_interrupted_at_once``, unless it is ignored (``nohup``, a job started
    in the background: it stays ignored) or someone else handles it (an embedding
    program), or this is not the main thread. Returns the handler replaced, or None."""
    try:
        current = signal.getsignal(signal.SIGINT)
        if current is not signal.default_int_handler and current is not _interrupted_at_once:
            return None
        signal.signal(signal.SIGINT, _interrupted_at_once)
    except ValueError:  # not the main thread: Python delivers no signal there anyway
        return None
    return current


def _interrupted_at_once(_signum: int, _frame: object) -> None:
    """Ctrl+C while nothing can have been written: the usual line, exit 130, no traceback
    of a module half imported. What was printed is flushed first."""
    for stream in (sys.stdout, sys.stderr):
        try:  # noqa: SIM105  # contextlib is not loaded yet when this runs early
            stream.flush()
        except Exception:  # closed, or a flush already under way: exit anyway
            pass
    try:  # noqa: SIM105
        os.write(2, b"desktop-crm: interrupted\n")
    except OSError:
        pass
    os._exit(EXIT_INTERRUPTED)


def _main(argv: list[str]) -> int:
    import logging

    from desktop_crm.cli.parser import build_parser
    from desktop_crm.cli.streams import (
        OutputLost,
        discard_output,
        guard_errors,
        guard_output,
        readable,
    )
    from desktop_crm.errors import CrmError, StoppedPartWay
    from desktop_crm.logs import configure_logging, describe_argv, details_text

    log = logging.getLogger(__name__)
    # A stream started closed (`>&-`) or not writable (`1</dev/null`) writes into nothing,
    # as `> /dev/null` would; without this, Python sends the other stream's text there.
    stdout_closed = not _writable(sys.stdout)
    if stdout_closed:
        sys.stdout = _nowhere()
    if not _writable(sys.stderr):
        sys.stderr = _nowhere()
    elif isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr = guard_errors(sys.stderr)  # a failed write changes no exit code
    undecodable = [arg for arg in argv if not _is_text(arg)]
    if undecodable:
        shown = _one_line(os.fsencode(undecodable[0]).decode("utf-8", "backslashreplace"))
        if sys.getfilesystemencoding().lower().replace("-", "") == "utf8":
            # The locale is UTF-8: the bytes are not (a file name from a Windows zip, say).
            advice = (
                "is not valid UTF-8; if it is a file name, rename the file "
                "(e.g. convmv -f cp1251 -t utf-8 --notest FILE) and give the new name"
            )
        else:
            advice = "is not valid text in this terminal's encoding; set a UTF-8 locale " + (
                "(e.g. LANG=C.UTF-8)"
            )
        print(f"desktop-crm: an argument ({shown}) {advice}.", file=sys.stderr)
        return 2
    parser = build_parser(argv)  # only the named command's parser is built
    args = parser.parse_args(argv)
    if hasattr(args, "check_arguments"):  # rules between options (contact add --jsonl)
        args.check_arguments(args)
    configure_logging()
    if args.command is None:
        _interrupts_raise()  # the window has its own way with Ctrl+C
        return _start_gui(args)
    from desktop_crm.cli.commands import execute  # keeps `--help` fast

    if stdout_closed and getattr(args, "jsonl", False):  # a bot's answers could reach nobody
        print(
            "desktop-crm: standard output is closed: the answers could not be "
            "written; nothing was read.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    if getattr(args, "jsonl", False) and not readable(sys.stdin):  # `<&-`: no requests
        print(
            "desktop-crm: standard input is closed: there are no requests to read; "
            "nothing was written.",
            file=sys.stderr,
        )
        return EXIT_USER_ERROR
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON and Cyrillic names, whatever the locale
        sys.stdout = guard_output(sys.stdout)  # cannot be written: exit 4 (cli/streams.py)

    try:
        _interrupts_raise()  # from here a command may write: it handles Ctrl+C
        code = execute(args)
        sys.stdout.flush()  # a full disk shows here, not after the exit code is chosen
        return code
    except CrmError as error:
        if isinstance(error, OutputLost):
            discard_output(sys.stdout)
        message = str(error)
        if isinstance(error, StoppedPartWay) and not isinstance(
            error.cause, CrmError | KeyboardInterrupt
        ):  # a bug stopped a job: its traceback goes to the log
            log.error("unexpected error stopped %s", args.command, exc_info=error.cause)
            details = details_text()
            message += f" {details[0].upper()}{details[1:]}."
        print(f"desktop-crm: {_one_line(message)}", file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # e.g. `desktop-crm leads | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("desktop-crm: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:  # a bug: keep the traceback in the log, not on the user's screen
        # The command and option names only: the values may be phones, names, messages.
        log.exception(
            "unexpected error in %s",
            describe_argv(argv, (args.command, getattr(args, "action", None))),
        )
        print(
            f"desktop-crm: internal error; {details_text()}",
            file=sys.stderr,
        )
        return EXIT_BUG


def _interrupts_raise() -> None:
    """Ctrl+C raises KeyboardInterrupt again (if ``_quiet_interrupts`` took it over)."""
    try:
        if signal.getsignal(signal.SIGINT) is _interrupted_at_once:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except ValueError:  # not the main thread
        pass


def _writable(stream: object) -> bool:
    """False for a standard stream started closed, or open for reading only."""
    if stream is None:
        return False
    try:
        descriptor = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture): usable
        return True
    try:
        import fcntl
    except ImportError:  # Windows
        return True
    try:
        return fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_ACCMODE != os.O_RDONLY
    except OSError:
        return False


def _nowhere() -> io.TextIOWrapper:
    """A stream into /dev/null for the rest of the process."""
    return open(os.devnull, "w", encoding="utf-8")  # lives as long as the process


def _one_line(message: str) -> str:
    """A message as one terminal line: no control or bidi character raw (a name or a file's
    column header may hold one)."""
    from desktop_crm.domain.text import printable

    return printable(message.replace("\n", " "))


def _is_text(arg: str) -> bool:
    """False for bytes the locale could not decode (Python keeps them as surrogates)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_display() -> bool:
    """On Linux without X11/Wayland (a server, an SSH session) Qt would abort."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def _start_gui(args: argparse.Namespace) -> int:
    from desktop_crm.cli.parser import build_parser
    from desktop_crm.errors import CrmError

    if args.dispatcher is not None:  # `--as NAME`: a bad name is refused before the window
        from desktop_crm.services.audit import clean_dispatcher

        try:
            args.dispatcher = clean_dispatcher(args.dispatcher)
        except CrmError as error:
            print(f"desktop-crm: {_one_line(str(error))}", file=sys.stderr)
            return error.exit_code
    if _no_display():
        print(
            "desktop-crm: no display to open the window on; run a command instead "
            "(desktop-crm --help), or set DISPLAY.",
            file=sys.stderr,
        )
        return 2
    try:
        from desktop_crm.ui.application import run_gui
    except ImportError:
        build_parser().print_help()
        return EXIT_OK
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
