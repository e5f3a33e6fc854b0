"""The parser built for one command line (only the commands it names, issue 13) reads
that command line exactly as the whole grammar does: the same values, the same help,
the same errors and exit codes."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from desktop_crm.cli.parser import build_parser

COMMAND_LINES = [
    ["--db", "x.sqlite3", "--json", "contact", "add", "--lead", "a@b.c", "--source", "tg"],
    ["contact", "add", "--jsonl", "--db", "x.sqlite3"],
    ["contact", "add", "--lead", "operator", "--source", "source", "--tag", "ru,kz"],
    ["operator", "add", "Иван", "--max-load", "3"],
    ["operator", "set", "Иван", "--inactive", "--daily-cap", "none"],
    ["source", "set", "tg", "--reply-within", "-5m", "--no-repeat-to-last"],
    ["source", "weights", "tg", "Иван=1", "Пётр=2"],
    ["queue", "list", "--overdue"],
    ["leads", "--search", "ivan", "--limit", "5"],
    ["stats", "--since", "2026-01-01"],
    ["export", "contacts", "out.csv", "--state", "active"],
    ["log", "--object", "operator"],
    ["settings", "--auto-redistribute", "off"],
    ["copy-db", "--from", "a.sqlite3", "--to", "b.sqlite3"],
    ["backups"],
    ["import", "in.csv"],
    ["lead", "erase", "id:3"],
    [],
    ["--as", "Анна"],
    # help and errors: printed and exited the same way
    ["--help"],
    ["contact", "--help"],
    ["contact", "add", "--help"],
    ["operator", "hours", "--help"],
    ["--version"],
    ["frobnicate"],
    ["contact"],
    ["contact", "frob"],
    ["contact", "add", "--bogus"],
    ["contact", "close", "x"],
    ["source", "set", "tg", "--strategy", "nope"],
    ["operator", "set", "a", "--active", "--inactive"],
    ["--db"],
]


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = parser.parse_args(argv)
            result: object = {k: v for k, v in vars(args).items() if k != "check_arguments"}
        except SystemExit as stop:
            result = ("exit", stop.code)
    return result, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_the_parser_for_a_command_line_reads_it_as_the_whole_grammar(argv, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # help is wrapped to the terminal: the same for both
    whole = _parse(build_parser(), argv)
    assert _parse(build_parser(argv), argv) == whole


def test_only_the_named_command_is_built():
    """The other commands are listed by name and help only (building all 34 sub-commands
    was about a tenth of a bot's `contact add`)."""
    argv = ["contact", "add", "--lead", "a@b.c", "--source", "tg"]
    parser = build_parser(argv)
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    built = [
        name for name, sub in commands.choices.items() if isinstance(sub, argparse.ArgumentParser)
    ]
    assert built == ["contact"]
    assert len(commands.choices) == len(_commands_of(build_parser()).choices)
    (actions,) = [
        a for a in commands.choices["contact"]._actions if isinstance(a, argparse._SubParsersAction)
    ]
    assert [n for n, s in actions.choices.items() if isinstance(s, argparse.ArgumentParser)] == [
        "add"
    ]


def _commands_of(parser: argparse.ArgumentParser) -> argparse._SubParsersAction:
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return commands
