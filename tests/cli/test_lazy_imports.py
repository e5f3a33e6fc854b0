"""A command loads only what it needs (issue 13): a bot's `contact add` starts no Qt, no
spreadsheet or encoding detector, no importer, no exports, no PostgreSQL driver on
SQLite, and the phone library only for an id that looks like a phone."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from tests.cli.test_subprocess import REPO, env  # noqa: F401  # env: the clean child environment

# Modules a light command must not load (a prefix matches the package and its submodules).
HEAVY = (
    "PySide6",
    "shiboken6",
    "openpyxl",
    "charset_normalizer",
    "desktop_crm.services.importer",
    "desktop_crm.services.exports",
    "desktop_crm.importing",
    "desktop_crm.ui",
    "psycopg",
)

# ... and what a bot's `contact add` (one contact, or the --jsonl pipe) does not need
# either: the services it does not call are built, and imported, on first use
# (services/crm.py), and the other commands' modules and parsers only for them.
NOT_FOR_CONTACT_ADD = (
    *HEAVY,
    "desktop_crm.services.board",
    "desktop_crm.services.queue",
    "desktop_crm.services.operators",
    "desktop_crm.services.history",
    "desktop_crm.services.timers",
    "desktop_crm.services.stats",
    "desktop_crm.services.leads",
    "desktop_crm.services.sources",
    "desktop_crm.services.erasure",
    "desktop_crm.services.maintenance",
    "desktop_crm.db.copy",
    # Each area's result types are built where they are used (services/dto/): a contact
    # needs its own and the references, no operator's, source's, lead's, statistics',
    # decision's or list filter's; a search only for a list.
    "desktop_crm.services.dto.operators",
    "desktop_crm.services.dto.sources",
    "desktop_crm.services.dto.leads",
    "desktop_crm.services.dto.stats",
    "desktop_crm.services.dto.decisions",
    "desktop_crm.services.dto.filters",
    "desktop_crm.services.search",
    # platformdirs only for the default database or a log record, and the log's rotating
    # handler only with a first record: `--db` given and nothing logged need neither.
    "platformdirs",
    "logging.handlers",
    # argparse asks for the terminal's width without shutil (cli/parser.py).
    "shutil",
)


def _modules_after(env, *commands: list[str]) -> list[str]:  # noqa: F811
    """Run each command with ``main()`` in one fresh interpreter; the modules loaded after."""
    code = textwrap.dedent(
        f"""
        import json, sys
        from desktop_crm.app import main
        for argv in {[list(c) for c in commands]!r}:
            rc = main(argv)
            assert rc == 0, (argv, rc)
        sys.stdout.flush()
        sys.stderr.write("MODULES " + json.dumps(sorted(sys.modules)) + "\\n")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    line = result.stderr.decode().rsplit("MODULES ", 1)[1]
    return json.loads(line)


def _heavy(modules: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in heavy)]


@pytest.fixture
def database(tmp_path, env):  # noqa: F811
    """A database with a source ``tg``, made in another process."""
    db = str(tmp_path / "crm.sqlite3")
    result = subprocess.run(
        [sys.executable, "main.py", "--db", db, "source", "add", "Telegram", "--code", "tg"],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    return db


@pytest.mark.parametrize(
    "lead",
    ["ivan@example.com", "user-123456", "tg:987654321"],
)
def test_contact_add_loads_nothing_heavy_and_no_phone_library(env, database, lead):  # noqa: F811
    modules = _modules_after(
        env, ["--db", database, "--json", "contact", "add", "--lead", lead, "--source", "tg"]
    )
    assert _heavy(modules, NOT_FOR_CONTACT_ADD) == []
    assert [m for m in modules if m.startswith("phonenumbers")] == []


def test_a_phone_loads_the_phone_library(env, database):  # noqa: F811
    """The other side of the check above: the cheap test lets a phone through (a Russian
    number in a common spelling takes a fast path of its own; a British one cannot)."""
    argv = ["--db", database, "--json", "contact", "add", "--source", "tg"]
    modules = _modules_after(env, [*argv, "--lead", "8 (900) 123-45-67"])
    assert [m for m in modules if m.startswith("phonenumbers")] == []
    modules = _modules_after(env, [*argv, "--lead", "+44 20 7946 0958"])
    assert "phonenumbers" in modules
    assert _heavy(modules) == []


def test_other_light_commands_load_nothing_heavy(env, database):  # noqa: F811
    db = ["--db", database, "--json"]
    modules = _modules_after(
        env,
        [*db, "operator", "add", "Иван"],
        [*db, "source", "weights", "tg", "Иван=1"],
        [*db, "contact", "add", "--jsonl"],  # stdin: empty
        [*db, "contact", "add", "--lead", "a@b.c", "--source", "tg"],
        [*db, "operator", "list"],
        [*db, "source", "list"],
        [*db, "queue", "list"],
        [*db, "contact", "close", "1"],
    )
    assert _heavy(modules) == []


def test_the_pipe_loads_only_what_registering_needs(env, database):  # noqa: F811
    modules = _modules_after(env, ["--db", database, "contact", "add", "--jsonl"])  # stdin: empty
    assert _heavy(modules, NOT_FOR_CONTACT_ADD) == []


def test_import_still_loads_the_importer(env, database, tmp_path):  # noqa: F811
    """The lazy parts load when a command needs them."""
    table = tmp_path / "in.csv"
    table.write_text("phone,source\n+79001234567,tg\n", encoding="utf-8")
    modules = _modules_after(env, ["--db", database, "--json", "import", str(table)])
    assert "desktop_crm.services.importer" in modules
    assert "charset_normalizer" not in modules  # UTF-8 is told without the detector


def test_a_file_in_another_encoding_loads_the_detector(env, database, tmp_path):  # noqa: F811
    table = tmp_path / "in.csv"
    table.write_bytes("телефон,источник,имя\n+79001234567,tg,Анна Ёлкина\n".encode("cp1251"))
    modules = _modules_after(env, ["--db", database, "--json", "import", str(table)])
    assert "charset_normalizer" in modules


def test_the_default_database_loads_platformdirs(env):  # noqa: F811
    """The other side of the check above: without --db the default location is read."""
    modules = _modules_after(env, ["--json", "operator", "list"])  # no file: nothing created
    assert "platformdirs" in modules


def test_the_output_module_opens_no_facade_and_builds_no_result_type(env):  # noqa: F811
    """Printing and one service module load neither the whole services facade (the
    default database's location, the services) nor result types a command may not print."""
    code = (
        "import json, sys, desktop_crm.cli.output, desktop_crm.services.audit;"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    modules = json.loads(result.stdout)
    assert "desktop_crm.services.crm" not in modules
    assert "platformdirs" not in modules
    assert [m for m in modules if m.startswith("desktop_crm.services.dto.")] == [
        "desktop_crm.services.dto.refs"
    ]


def test_every_command_prints_a_type_the_output_knows_by_its_own_name():
    """The commands name the type they print (not the type itself, so that a command
    builds only its own): each name is a format's, and each format's name its type's."""
    import importlib
    import pkgutil

    from desktop_crm.cli import commands, output
    from desktop_crm.services import audit, dto
    from desktop_crm.services.dto.contacts import ContactInfo

    kinds = {kind for _handler, kind in commands.COMMANDS.values()} - {"dict"}
    assert kinds == set(output.FORMATS)
    types = {"AuditInfo": audit.AuditInfo, "ContactDetails": output.ContactDetails}
    for module in pkgutil.iter_modules(dto.__path__):
        found = vars(importlib.import_module(f"{dto.__name__}.{module.name}"))
        types.update({k: v for k, v in found.items() if isinstance(v, type)})
    for name in output.FORMATS:
        assert types[name].__name__ == name
    assert output.FORMATS[ContactInfo] is output.FORMATS["ContactInfo"]


def test_the_first_command_on_a_new_file_loads_no_postgresql_driver(env, tmp_path):  # noqa: F811
    """Creating and migrating a SQLite file (peewee's migrator imports every backend's
    module) costs it no PostgreSQL driver either: a first start stays quick."""
    db = str(tmp_path / "new.sqlite3")
    modules = _modules_after(env, ["--db", db, "--json", "source", "add", "Telegram"])
    assert "playhouse.migrations" in modules  # it did migrate a new file
    assert _heavy(modules) == []
