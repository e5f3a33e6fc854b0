"""One line of the ``--jsonl`` pipe read as a request (``cli.pipe.parse_request``): what
a bot's malformed line is told, without a process per case."""

from __future__ import annotations

import pytest

from desktop_crm.cli.pipe import BadLine, parse_request


@pytest.mark.parametrize(
    "line",
    [
        b'{"lead": "a@example.com", "lead": "b@example.com", "source": "tg"}',
        b'{"lead": "a@example.com", "source": "tg", "source": "web"}',
        b'{"lead": "a@example.com", "source": "tg", "key": "m-1", "key": "m-1"}',
    ],
)
def test_a_key_given_twice_is_refused_not_the_last_one_taken(line: bytes) -> None:
    """Which of two values a bot meant is not ours to guess (Python's json keeps the last,
    other readers the first): the request is refused and nothing is stored."""
    with pytest.raises(BadLine, match="given twice"):
        parse_request(line)


def test_a_well_formed_request_is_read() -> None:
    request = parse_request(b'{"lead": "a@example.com", "source": "tg", "name": "\\u0418"}')
    assert (request.external_id, request.source, request.name) == ("a@example.com", "tg", "И")
