import pytest

from desktop_crm.domain.durations import (
    MAX_SECONDS,
    MIN_SECONDS,
    DurationError,
    format_duration,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("15m", 900),
        ("2h", 7200),
        ("1d", 86_400),
        ("1h30m", 5400),
        ("1d2h3m4s", 93_784),
        (" 15M ", 900),
        ("10s", MIN_SECONDS),
        ("365d", MAX_SECONDS),
    ],
)
def test_parses(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["off", "OFF", " off "])
def test_off_is_none(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    "text", ["", "15", "m", "1.5h", "-5m", "1h 30m", "30m1h", "1h1h", "15 minutes", "٥m", "1w"]
)
def test_refuses_what_is_not_a_duration(text: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert caught.value.kind == "format"
    assert caught.value.text == text  # as typed, for the message
    assert repr(text) in str(caught.value)


def test_bounds() -> None:
    with pytest.raises(DurationError) as short:
        parse_duration("9s")
    assert (short.value.kind, short.value.text) == ("short", "9s")
    with pytest.raises(DurationError) as long:
        parse_duration("365d1s")
    assert (long.value.kind, long.value.text) == ("long", "365d1s")


def test_no_time_and_one_second_have_a_spelling_too() -> None:
    assert format_duration(0) == "0s"
    assert format_duration(1) == "1s"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "off"),
        (90, "1m30s"),
        (900, "15m"),
        (5400, "1h30m"),
        (86_400, "1d"),
        (93_784, "1d2h3m4s"),
    ],
)
def test_formats_and_reads_back(seconds: int | None, text: str) -> None:
    assert format_duration(seconds) == text
    assert parse_duration(text) == seconds
