"""``desktop-crm contact add --jsonl``: a pipe for bots (issue 13).

One JSON request per line on stdin, one JSON answer per line on stdout, written and
flushed as soon as that request is committed (one transaction each): the same
``ContactService.register`` as ``contact add``, so the same validation, idempotency
keys and exit-code meanings, per line. A bot keeps one process open instead of
starting one per message.

The process reads to the end of its input; a line that fails is answered with
``{"line": N, "error": ..., "code": C}`` and the next line is read. Exit status at
the end: 0 when every request was registered, otherwise the code of the first line
that failed; 4 when the reader of the answers went away (the requests read so far
were committed, some answers were lost): README, "A pipe for bots"."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from desktop_crm.errors import CrmError

if TYPE_CHECKING:
    from desktop_crm.db.location import DatabaseLocation
    from desktop_crm.services import Crm
    from desktop_crm.services.contacts import ContactRequest

log = logging.getLogger(__name__)

MAX_LINE_BYTES = 1_000_000  # a longer line is refused without being held in memory
_CHUNK = 64 * 1024
EXIT_BAD_LINE = 2
EXIT_BUG = 1
# The reader of the answers went away: what was committed stays, answers were lost
# (README's exit codes: 4, stopped part-way).
EXIT_READER_GONE = 4

PIPE_HELP = (
    "read one JSON request per line on stdin "
    '({"lead": ..., "source": ..., "name": ..., "message": ..., "key": ..., '
    '"plain_id": ..., "tags": [...]}) and answer each on its own line of stdout as soon as it is '
    'committed: the contact as --json prints it plus "line": N, or '
    '{"line": N, "error": ..., "code": C} (codes as for contact add); blank lines are '
    "skipped; exit 0 when every request was registered, else the first failed line's code; "
    "4 when the reader of the answers went away"
)


@dataclass(frozen=True, slots=True)
class PipeField:
    """One key of a request: the ``ContactRequest`` field it fills and the JSON types it
    takes (``convert`` turns an accepted value into the field's value)."""

    attribute: str
    types: tuple[type, ...]
    described: str
    required: bool = False
    convert: Callable[[Any], object] = lambda value: value


def _source_value(value: object) -> object:
    return f"id:{value}" if isinstance(value, int) else value


def _tag_list(value: list[object]) -> tuple[str, ...]:
    if not all(isinstance(tag, str) for tag in value):
        raise BadLine('"tags" must be a list of strings')
    return tuple(value)  # type: ignore[arg-type]


# The request's keys, as `contact add`'s options: a new option is one line here.
FIELDS: dict[str, PipeField] = {
    "lead": PipeField("external_id", (str,), "a string", required=True),
    "source": PipeField(
        "source", (str, int), "a string or a whole number", required=True, convert=_source_value
    ),
    "name": PipeField("name", (str,), "a string"),
    "message": PipeField("message", (str,), "a string"),
    "key": PipeField("idempotency_key", (str,), "a string"),
    "plain_id": PipeField("plain_id", (bool,), "true or false"),
    "tags": PipeField("tags", (list,), "a list of strings", convert=lambda v: _tag_list(v)),
}


class BadLine(Exception):
    """A line that is no request (not UTF-8, not JSON, not an object, an unknown key, a
    wrong type): answered with code 2, nothing written."""


def add_pipe_options(parser: argparse.ArgumentParser) -> None:
    """``--jsonl`` on ``contact add``; without it ``--lead`` and ``--source`` are required."""
    parser.add_argument("--jsonl", action="store_true", help=PIPE_HELP)
    parser.set_defaults(check_arguments=lambda args: _check_arguments(parser, args))


def _check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if args.jsonl:
        given = [
            option
            for option, value in (
                ("--lead", args.lead),
                ("--source", args.source),
                ("--name", args.name),
                ("--message", args.message),
                ("--key", args.key),
                ("--plain-id", args.plain_id),
                ("--tag", args.tags),
            )
            if value
        ]
        if given:
            parser.error(f"--jsonl reads every request from stdin; {', '.join(given)} not allowed")
        return
    missing = [
        option
        for option, value in (("--lead", args.lead), ("--source", args.source))
        if value is None
    ]
    if missing:
        parser.error(f"the following arguments are required: {', '.join(missing)}")


def read_lines(stream: IO[bytes], limit: int = MAX_LINE_BYTES) -> Iterator[bytes | None]:
    """Each line of ``stream`` without its end of line, as soon as it is complete; ``None``
    for a line longer than ``limit`` bytes, whose rest is read and dropped in chunks."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip to the end of the huge line, a chunk at a time
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line.rstrip(b"\r\n")


def parse_request(raw: bytes | None) -> ContactRequest:
    """One line as a request; ``BadLine`` with a clear message otherwise."""
    from desktop_crm.services.contacts import ContactRequest

    if raw is None:
        raise BadLine(f"the line is longer than {MAX_LINE_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadLine(f"the line is not UTF-8 (byte {error.start + 1})") from None
    try:
        data = json.loads(text, object_pairs_hook=_object_with_unique_keys)
    except _RepeatedKey as repeated:
        raise BadLine(f"the key {repeated.args[0]!r} is given twice") from None
    except json.JSONDecodeError as error:
        raise BadLine(f"the line is not JSON: {error.msg} (column {error.colno})") from None
    except RecursionError:
        raise BadLine("the line is not JSON: nested too deep") from None
    except ValueError:  # an integer of more digits than Python converts (4,300)
        raise BadLine("the line is not JSON this reads: a number has too many digits") from None
    if not isinstance(data, dict):
        raise BadLine(f"a request is a JSON object, not {_json_kind(data)}")
    unknown = sorted(key for key in data if key not in FIELDS)
    if unknown:
        raise BadLine(
            f"unknown key {', '.join(map(repr, unknown))}; the keys are: {', '.join(FIELDS)}"
        )
    values: dict[str, object] = {}
    for key, spec in FIELDS.items():
        value = data.get(key)
        if value is None:
            if spec.required:
                raise BadLine(f'"{key}" is required')
            continue
        # bool is an int in Python; JSON's true is no source id
        if not isinstance(value, spec.types) or (
            isinstance(value, bool) and bool not in spec.types
        ):
            raise BadLine(f'"{key}" must be {spec.described}, not {_json_kind(value)}')
        values[spec.attribute] = spec.convert(value)
    return ContactRequest(**values)  # type: ignore[arg-type]


class _RepeatedKey(Exception):
    """A JSON object with a key twice: which value a bot meant is not ours to guess."""


def _object_with_unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKey(key)
            seen.add(key)
    return data


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, int | float):
        return "a number"
    return "null"


def run_pipe(
    location: DatabaseLocation, args: argparse.Namespace, open_crm: Callable[..., Crm]
) -> int:
    """Serve requests from stdin until it ends. The database must exist already (a
    source must, for any request to succeed)."""
    if location.is_missing():
        print(
            f"desktop-crm: {location.display} does not exist; create it first "
            "(desktop-crm source add ...).",
            file=sys.stderr,
        )
        return EXIT_BAD_LINE
    crm = open_crm(location, dispatcher=args.dispatcher)
    try:
        return serve(crm, sys.stdin.buffer, sys.stdout)
    except BrokenPipeError:  # the bot closed its end: tell it by the exit status
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
        with contextlib.suppress(OSError):
            print(
                "desktop-crm: stopped part-way: the reader of the answers went away "
                "(what was registered stays; send again, with their keys, the requests "
                "whose answers were not read).",
                file=sys.stderr,
            )
        return EXIT_READER_GONE
    finally:
        crm.close()


def serve(crm: Crm, requests: IO[bytes], answers: IO[str]) -> int:
    """Answer each line of ``requests`` on ``answers``; the exit status (module doc)."""
    from desktop_crm.cli.output import FORMATS, json_line
    from desktop_crm.services.dto.contacts import ContactInfo

    to_json = FORMATS[ContactInfo][0]
    status = 0
    for number, raw in enumerate(read_lines(requests), start=1):
        if raw is not None and not raw.strip():
            continue
        answer: dict[str, object]
        try:
            contact = crm.contacts.register(parse_request(raw)).contact
            answer = {"line": number, **to_json(contact)}
        except BadLine as error:
            answer = {"line": number, "error": str(error), "code": EXIT_BAD_LINE}
        except CrmError as error:
            answer = {"line": number, "error": str(error), "code": error.exit_code}
        except Exception:  # a bug: the traceback goes to the log, the pipe goes on
            from desktop_crm.logs import details_text

            log.exception("unexpected error in contact add --jsonl, line %d", number)
            answer = {
                "line": number,
                "error": f"internal error; {details_text()}",
                "code": EXIT_BUG,
            }
        code = answer.get("code")
        if status == 0 and isinstance(code, int):
            status = code
        answers.write(json_line(answer))
        answers.flush()
    return status
