"""What a hostile tester found on the command line (issue 13's hostile pass): values that
start with '-', options given twice, streams that cannot be written, connection strings
that hold secrets, look-alike sources, machine-relative time zones, file names that are
not UTF-8, and a few smaller refusals."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from desktop_crm.logs import log_path
from tests.cli.helpers import assert_user_error
from tests.cli.test_subprocess import REPO, env  # noqa: F401  # env: the clean child environment

# -- a value starting with '-' is the option's value ---------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "field"),
    [
        ("--message", "-Здравствуйте, перезвоните", "message"),
        ("--message", "-Здравствуйте", "message"),
        ("--message", "--", "message"),
        ("--message", "-x=5", "message"),
        ("--message", "--lead=abc", "message"),
        ("--name", "-Вася-", "name"),
        ("--mess", "-Привет", "message"),  # argparse's abbreviation, glued the same
    ],
)
def test_a_value_starting_with_a_dash_is_the_options_value(run_json, seeded, option, value, field):
    contact = run_json("contact", "add", "--lead", "+79001112233", "--source", "tg", option, value)
    got = contact["message"] if field == "message" else contact["lead"]["name"]
    assert got == value


def test_a_lead_id_starting_with_a_dash(run_json, seeded):
    contact = run_json("contact", "add", "--lead", "-abc", "--source", "tg")
    assert contact["lead"]["external_id"] == "-abc"


def test_a_global_option_value_starting_with_a_dash(run_raw, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_raw("--db", "-odd.sqlite3", "source", "add", "tg")
    assert result.code == 0, result
    assert (tmp_path / "-odd.sqlite3").exists()


def test_an_option_string_after_an_option_is_still_an_option(run, seeded):
    # "--source" is one of the parser's options: --message has no value (one line, exit 2)
    message = assert_user_error(run("contact", "add", "--lead", "x", "--message", "--source", "tg"))
    assert "--message" in message
    assert "expected one argument" in message


@pytest.mark.parametrize(
    "argv",
    [
        ("bogus",),
        ("contact", "add", "--bogus"),
        ("contact", "show", "x"),
        ("operator", "set", "bob", "--active", "--inactive"),
        ("contact", "add", "--lead", "u"),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_a_usage_error_is_one_line_naming_the_help(run, seeded, argv):
    message = assert_user_error(run(*argv))
    assert "--help" in message


# -- a single-value option given twice ---------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ("contact", "add", "--lead", "a", "--lead", "b", "--source", "tg"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--key", "k1", "--key", "k2"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--source", "site"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--lead=b"),
        ("contact", "add", "--lead", "a", "--source", "tg", "--le", "b"),
        ("operator", "add", "x", "--max-load", "1", "--max-load", "2"),
        ("source", "set", "tg", "--strategy", "round_robin", "--strategy", "least_loaded"),
        ("--as", "a", "contact", "add", "--lead", "a", "--source", "tg", "--as", "b"),
    ],
    ids=lambda argv: " ".join(argv),
)
def test_a_single_value_option_given_twice_is_refused(run, seeded, argv):
    before = run("--json", "leads").out
    message = assert_user_error(run(*argv))
    assert "twice" in message
    assert run("--json", "leads").out == before


def test_db_given_twice_is_refused_and_writes_to_neither(run_raw, tmp_path):
    first, second = tmp_path / "g1.sqlite3", tmp_path / "g2.sqlite3"
    result = run_raw("--db", first, "source", "add", "tg", "--db", second)
    message = assert_user_error(result)
    assert "--db" in message
    assert not first.exists() and not second.exists()


@pytest.mark.parametrize("spelling", [("--tag=--",), ("--tag", "--"), ("--tag", "-x")])
def test_a_tag_of_dashes_is_a_tag(run_json, seeded, spelling):
    contact = run_json("contact", "add", "--lead", "t", "--source", "tg", *spelling)
    assert contact["operator"] is None  # nobody has that skill: it was read as a tag


def test_options_meant_to_repeat_still_repeat(run_json, seeded, services):
    with services() as crm:
        crm.operators.update("alice", skills="ru,kz")
    contact = run_json(
        "contact", "add", "--lead", "t", "--source", "tg", "--tag", "ru", "--tag", "kz"
    )
    assert contact["operator"]["name"] == "alice"


# -- streams that cannot be written -------------------------------------------------------


def _shell(line: str, child_env: dict[str, str], stdin: bytes | None = None):
    return subprocess.run(
        ["bash", "-c", line], input=stdin, cwd=REPO, env=child_env, capture_output=True,
        timeout=60,
    )  # fmt: skip


def _contact_count(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as connection:
        return int(connection.execute("SELECT count(*) FROM contact").fetchone()[0])


@pytest.fixture
def cli(db_path, services, env) -> str:  # noqa: F811
    """The command line of main.py on a database with the source tg."""
    with services() as crm:
        crm.sources.create("Telegram", code="tg")
    return f"{sys.executable} main.py --db {db_path}"


needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")


@needs_dev_full
@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "command",
    [
        "--json contact add --lead +79001112233 --source tg",
        "contact add --lead +79001112233 --source tg",
        "operator list",
        "--json leads",
    ],
)
def test_output_that_cannot_be_written_is_stopped_part_way(cli, env, db_path, command):  # noqa: F811
    result = _shell(f"{cli} {command} >/dev/full", env)
    assert result.returncode == 4, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "could not be written" in lines[0], result.stderr
    assert "internal error" not in lines[0]
    if "contact add" in command:
        assert _contact_count(db_path) == 1  # committed: a retry needs its key


@needs_dev_full
@pytest.mark.sqlite_only
def test_the_pipes_answers_that_cannot_be_written_are_stopped_part_way(cli, env, db_path):  # noqa: F811
    requests = b'{"lead": "x", "source": "tg"}\n'
    result = _shell(f"{cli} contact add --jsonl >/dev/full", env, requests)
    assert result.returncode == 4, result.stderr
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    assert _contact_count(db_path) == 1


@needs_dev_full
@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("command", "code"),
    [
        ("contact add --lead x --source nope", 2),
        ("contact add --lead x --bogus", 2),
        ("contact add --lead x --source tg", 0),
        ("contact add --lead x --source tg >/dev/full", 4),
    ],
)
def test_an_error_stream_that_cannot_be_written_changes_no_code(cli, env, command, code):  # noqa: F811
    result = _shell(f"{cli} {command} 2>/dev/full", env)
    assert result.returncode == code
    assert result.stdout == b"" or code == 0


@pytest.mark.sqlite_only
@pytest.mark.parametrize("redirect", ["<&-", "0>/dev/null"])
def test_the_pipe_with_no_stdin_reads_nothing_exit_2(cli, env, db_path, redirect):  # noqa: F811
    result = _shell(f"{cli} contact add --jsonl {redirect}", env)
    assert result.returncode == 2, result.stderr
    assert result.stderr.decode().splitlines() == [
        "desktop-crm: standard input is closed: there are no requests to read; nothing was written."
    ]
    assert _contact_count(db_path) == 0


# -- secrets in a --db value ----------------------------------------------------------------

DSN_SECRET = "S3cretPw"


def _secret_nowhere(result, secret: str = DSN_SECRET) -> str:
    line = assert_user_error(result)
    logged = log_path().read_text(encoding="utf-8") if log_path().exists() else ""
    assert secret not in line and secret not in logged, line
    return line


@pytest.mark.parametrize(
    "dsn",
    [
        f"host=db.example port=5432 dbname=crm user=anna password={DSN_SECRET}",
        f"dbname=crm password={DSN_SECRET}",
        f"  host = db.example   password = '{DSN_SECRET}'",
        f"user=anna sslpassword={DSN_SECRET} host=x",
        f"service=crm{DSN_SECRET}",
    ],
)
@pytest.mark.parametrize("command", [("source", "add", "tg"), ("operator", "list")])
def test_a_libpq_connection_string_is_refused_and_never_shown(
    run_raw, tmp_path, monkeypatch, dsn, command
):
    monkeypatch.chdir(tmp_path)
    line = _secret_nowhere(run_raw("--db", dsn, *command))
    assert "postgresql://USER@HOST/" in line
    assert list(tmp_path.iterdir()) == []  # no file named after it


def test_a_libpq_connection_string_in_database_url_is_refused(run_raw, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", f"host=db.example password={DSN_SECRET}")
    _secret_nowhere(run_raw("operator", "list"))
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_with_an_equals_sign_is_still_a_file(run_raw, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run_raw("--db", "a=b.sqlite3", "source", "add", "tg").code == 0
    assert (tmp_path / "a=b.sqlite3").exists()


@pytest.mark.parametrize("name", ["sslpassword", "SSLPASSWORD", "passfile", "my_password"])
@pytest.mark.parametrize("bad", ["bogusparam=1", "connect_timeout=x"])
def test_every_password_parameter_of_a_url_is_hidden(run_raw, name, bad):
    url = f"postgresql://disp@127.0.0.1:1/crm?{name}={DSN_SECRET}&{bad}"
    line = _secret_nowhere(run_raw("--db", url, "operator", "list"))
    assert "postgresql://disp@127.0.0.1:1/crm" in line


# -- a source name that looks like another source's code ------------------------------------


def test_a_source_name_like_another_sources_code_is_refused(run, seeded):
    message = assert_user_error(run("source", "add", "\u0422g"))  # Cyrillic Т: like "tg"
    assert "'tg'" in message and "Telegram bot" in message


# -- machine-relative time zones --------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "message"),
    [
        (
            "posix/Europe/Berlin",
            "The time zone 'posix/Europe/Berlin' is a variant of the zone files; use the "
            "zone's own name, 'Europe/Berlin'.",
        ),
        (
            "right/UTC",
            "The time zone 'right/UTC' is a variant of the zone files; use the zone's own "
            "name, 'UTC'.",
        ),
        (
            "posix/Japan",
            "The time zone 'posix/Japan' is a variant of the zone files; use the zone's own "
            "name, 'Asia/Tokyo'.",
        ),
        (
            "GMT",
            "The time zone 'GMT' is an old one-word name; use its Area/Location name, 'Etc/GMT'.",
        ),
        (
            "gmt",
            "The time zone 'gmt' is an old one-word name; use its Area/Location name, 'Etc/GMT'.",
        ),
        (
            "Japan",
            "The time zone 'Japan' is an old one-word name; use its Area/Location name, "
            "'Asia/Tokyo'.",
        ),
        (
            "EST",
            "The time zone 'EST' is an old one-word name; use its Area/Location name, "
            "'America/Panama'.",
        ),
        (
            "localtime",
            "The time zone 'localtime' follows each machine's own set-up (two machines "
            "would read one shift two ways); use an Area/Location name, e.g. "
            "Europe/Moscow, or UTC.",
        ),
        (
            "posixrules",
            "The time zone 'posixrules' follows each machine's own set-up (two machines "
            "would read one shift two ways); use an Area/Location name, e.g. "
            "Europe/Moscow, or UTC.",
        ),
        (
            "factory",
            "The time zone 'factory' is not an IANA Area/Location name; use one, e.g. "
            "Europe/Moscow, or UTC.",
        ),
    ],
    ids=lambda value: value if len(value) < 25 else "",
)
def test_a_zone_that_is_no_area_location_name_says_what_to_type(run, run_json, zone, message):
    assert assert_user_error(run("settings", "--timezone", zone)) == f"desktop-crm: {message}"
    assert run_json("settings")["timezone"] != zone
    suggested = message.rpartition(", ")[2].strip("'.")
    if "/" in suggested or suggested == "UTC":  # what the message says to type is taken
        assert run_json("settings", "--timezone", suggested)["timezone"] == suggested


@pytest.mark.parametrize(
    ("zone", "stored"),
    [("UTC", "UTC"), ("Etc/GMT+3", "Etc/GMT+3"), ("america/new_york", "America/New_York")],
)
def test_area_location_names_and_utc_are_taken(run_json, zone, stored):
    assert run_json("settings", "--timezone", zone)["timezone"] == stored


# -- file names that are not UTF-8 ------------------------------------------------------------

CP1251_NAME = "Лиды.csv".encode("cp1251").decode("utf-8", "surrogateescape")  # as Python gets it


@pytest.mark.parametrize(
    "argv",
    [("import", CP1251_NAME), ("backup", CP1251_NAME), ("export", "leads", CP1251_NAME)],
)
def test_a_file_name_that_is_not_utf8_says_so(run, seeded, argv):
    message = assert_user_error(run(*argv))
    assert "not valid UTF-8" in message and "rename" in message
    assert "LANG" not in message  # the locale is not what is wrong
    assert "\\xcb\\xe8\\xe4\\xfb.csv" in message  # the name, as its bytes


# -- smaller refusals -------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["", " ", ","])
def test_an_empty_tag_is_refused(run, seeded, tag):
    message = assert_user_error(
        run("contact", "add", "--lead", "y", "--source", "tg", "--tag", tag)
    )
    assert f"An empty tag ({tag!r})" in message  # the pipe's and the form's words too


def test_an_empty_phone_region_is_refused(run, run_json, seeded):
    assert_user_error(run("settings", "--phone-region", ""))
    assert run_json("settings")["phone_region"] == "RU"


@pytest.mark.parametrize("command", [("stats",), ("log",)])
def test_since_after_until_is_swapped_and_said(run, services, command):
    with services() as crm:
        crm.operators.create("alice")  # one entry in the log, one operator in the stats
    straight = run("--json", *command, "--since", "2000-01-01", "--until", "2999-12-31")
    swapped = run("--json", *command, "--since", "2999-12-31", "--until", "2000-01-01")
    assert swapped.code == 0, swapped
    assert swapped.out == straight.out and straight.out.strip() not in ("", "[]")
    assert swapped.err.splitlines() == [
        "desktop-crm: --since is after --until: read as --since 2000-01-01 --until 2999-12-31."
    ]


def test_the_source_delete_refusal_says_what_zero_weights_do(run, seeded):
    message = assert_user_error(run("source", "delete", "tg"))
    assert "receiving operators" not in message
    assert "weights to 0" in message


@pytest.mark.parametrize(
    "lead", ["ｅｒａｓｅｄ:3f2a", "ERASED:3f2a", "e\u200brased:3f2a", "erased\uff1a3f2a"]
)
def test_an_id_that_reads_as_erased_is_refused(run, seeded, lead):
    message = assert_user_error(run("contact", "add", "--lead", lead, "--source", "tg"))
    assert "'erased:'" in message
