"""The intake rules as the CLI's `contact add` and the bot pipe (`--jsonl`) give them:
the same refusal, from the same rule, whichever way a request comes."""

from __future__ import annotations

import json
import sys
import types

import pytest

from tests.cli.test_pipe import ScriptedInput, _contacts, _line
from tests.cli.test_pipe import source_id as source_id  # a fixture


def _pipe(run, monkeypatch, *requests: object) -> tuple[int, list[dict[str, object]]]:
    """The pipe run in-process on ``requests``: its exit code and its answers."""
    stdin = ScriptedInput(*(_line(request) for request in requests))
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=stdin))
    result = run("contact", "add", "--jsonl")
    assert result.err == ""
    return result.code, [json.loads(line) for line in result.out.splitlines()]


@pytest.mark.parametrize("empty", ["", "  ", ",", " , "])
def test_an_empty_tag_is_refused_by_the_pipe_as_by_contact_add(
    run,
    services,
    source_id,
    monkeypatch,
    empty,
):
    cli = run("contact", "add", "--lead", "a@example.com", "--source", "tg", "--tag", empty)
    assert cli.code == 2 and cli.err.count("\n") == 1
    code, answers = _pipe(
        run,
        monkeypatch,
        {"lead": "b@example.com", "source": "tg", "tags": [empty]},
        {"lead": "c@example.com", "source": "tg", "tags": ["kz", empty]},
        {"lead": "d@example.com", "source": "tg", "tags": []},  # no tags: fine
    )
    assert code == 2
    assert [answer["line"] for answer in answers] == [1, 2, 3]
    for answer in answers[:2]:
        assert answer["code"] == 2
        assert cli.err == f"desktop-crm: {answer['error']}\n"  # the same words
    assert answers[2].get("tags", []) == []
    assert [lead for lead, _name, _message in _contacts(services)] == ["d@example.com"]


def test_control_characters_are_refused_by_contact_add_and_the_pipe_alike(
    run, services, source_id, monkeypatch
):
    cli = run("contact", "add", "--lead", "a@example.com", "--source", "tg", "--name", "\x1b[31mX")
    assert cli.code == 2 and cli.err.count("\n") == 1 and "\x1b" not in cli.err
    code, answers = _pipe(
        run,
        monkeypatch,
        {"lead": "b@example.com", "source": "tg", "name": "\x1b[31mX"},
        {"lead": "c@example.com", "source": "tg", "message": "ding\u0007"},
        {"lead": "d@example.com", "source": "tg", "name": "\u202eАнна", "message": "a\nb"},
    )
    assert code == 2
    assert answers[0] == {"line": 1, "error": cli.err.removeprefix("desktop-crm: ")[:-1], "code": 2}
    assert answers[1]["code"] == 2 and "control character" in answers[1]["error"]
    assert answers[2]["lead"]["name"] == "Анна"
    assert _contacts(services) == [("d@example.com", "Анна", "a\nb")]
