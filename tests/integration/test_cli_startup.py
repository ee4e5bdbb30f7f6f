"""The CLI loads only what a command needs: `--help`, `--version`, `status` and `history`
start without the HTTP client, the feed parser, the scheduler, Apprise or the recogniser,
and on a database at the newest schema revision without Alembic and the migrations.

Each command runs as a user runs it (`python -X importtime -m tracker ...`, a fresh
interpreter) and the modules it imported are read from the interpreter's own report.
"""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
import typer.main
from typer.testing import CliRunner

from tests.helpers import SEEDS, child_env, run_cli
from tracker import startup
from tracker.cli import COMMANDS, VERSION, app, main

IMPORTTIME = ("-X", "importtime")
FORBIDDEN = (
    "httpx",
    "feedparser",
    "apscheduler",
    "apprise",
    "tracker.recognize",
    "tracker.feeds",
    "alembic",  # the database is at head: the start-up check needs no migration tool
    "tracker.store.migrations",
    "tracker.store.migrate",
)


def imported(result_stderr: str) -> set[str]:
    """Module names from `-X importtime` lines: `import time: self | cumulative | name`."""
    names = set()
    for line in result_stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            if name != "imported package":
                names.add(name)
    return names


def forbidden_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))


@pytest.fixture(scope="module")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real SQLite database with entries and findings, from one of the demo's feeds."""
    folder = tmp_path_factory.mktemp("startup")
    config = folder / "tracker.toml"
    config.write_text(
        'database = "sqlite:///small.db"\noutbox = "outbox"\n\n'
        '[[officials]]\nname = "Sergey Lavrov"\n\n'
        '[[officials]]\nname = "Maria Zakharova"\n',
        encoding="utf-8",
    )
    done = run_cli("--config", str(config), "import", "--no-alerts", str(SEEDS / "northwire.rss"))
    assert done.returncode == 0, done.stderr
    history = run_cli("--config", str(config), "history", "--json")
    assert json.loads(history.stdout)["appearances"], "the fixture should hold appearances"
    return config


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["--version"],
        ["status", "--help"],
    ],
    ids=" ".join,
)
def test_help_and_version_load_nothing_heavy(args: list[str]) -> None:
    done = run_cli(*args, python_options=IMPORTTIME)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = imported(done.stderr)
    assert "typer" in modules  # the report was read
    assert forbidden_in(modules) == []
    assert "sqlalchemy" not in modules and "sqlmodel" not in modules


# what the root command itself needs; context.py (datetime, dataclasses) waits for a command
ROOT_MODULES = {"tracker", "tracker.__main__", "tracker.cli", "tracker.cli.lazy"}
ROOT_MODULES |= {"tracker.cli.state", "tracker.startup"}


@pytest.mark.parametrize(
    "args", [["--help"], ["--version"], []], ids=["--help", "--version", "no arguments"]
)
def test_top_level_help_and_version_import_only_the_root_modules(args: list[str]) -> None:
    done = run_cli(*args, python_options=IMPORTTIME)
    assert done.returncode in (0, 2), done.stderr[-2000:]  # no arguments: the help, exit 2
    ours = {m for m in imported(done.stderr) if m == "tracker" or m.startswith("tracker.")}
    assert ours and ours <= ROOT_MODULES, sorted(ours - ROOT_MODULES)


COMMAND_MODULES = sorted({entry.target.partition(":")[0] for entry in COMMANDS.values()})


def command_modules_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m in COMMAND_MODULES)


@pytest.mark.parametrize(
    ("args", "env", "modules"),
    [
        (["--help"], {}, []),
        (["--version"], {}, []),
        (
            [],
            {"_TRACKER_COMPLETE": "complete_bash", "COMP_WORDS": "tracker ", "COMP_CWORD": "1"},
            [],
        ),
        (["status", "--help"], {}, ["tracker.cli.report"]),
        (["feeds", "--help"], {}, ["tracker.cli.feeds"]),
        (["check", "--help"], {}, ["tracker.cli.check"]),
    ],
    ids=[
        "--help",
        "--version",
        "completion of command names",
        "status --help",
        "feeds --help",
        "check --help",
    ],
)
def test_only_the_named_command_module_is_imported(
    args: list[str], env: dict[str, str], modules: list[str]
) -> None:
    """The top-level list and shell completion come from the registrations; a command's
    module is imported when the command is named."""
    done = run_cli(*args, env=env, python_options=IMPORTTIME)
    assert done.returncode == 0, done.stderr[-2000:]
    assert command_modules_in(imported(done.stderr)) == modules


def test_top_level_help_and_completion_list_every_registered_command() -> None:
    listing = run_cli("--help").stdout.split("Commands:")[1]
    listed = [line.split()[0] for line in listing.splitlines() if line.strip()]
    assert listed == list(COMMANDS)
    completion = {"_TRACKER_COMPLETE": "complete_bash", "COMP_WORDS": "tracker ", "COMP_CWORD": "1"}
    assert set(run_cli(env=completion).stdout.split()) == set(COMMANDS)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_registered_command_builds_with_a_one_line_summary(name: str) -> None:
    group = typer.main.get_command(app)
    built = group.get_command(typer.Context(group), name)  # type: ignore[attr-defined]
    assert built is not None and built.name == name and built.help
    assert built.get_short_help_str(limit=200) == COMMANDS[name].summary
    assert 0 < len(COMMANDS[name].summary) <= 60


@pytest.mark.parametrize(
    ("typo", "suggested"), [("stauts", "'status'"), ("feed", "'feeds'"), ("mut", "'mute'")]
)
def test_a_mistyped_command_suggests_the_registered_name(typo: str, suggested: str) -> None:
    done = run_cli(typo)
    assert done.returncode == 2
    assert f"No such command '{typo}'. Did you mean {suggested}" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["status", "--json"],
        ["status", "--as-of", "2025-11-12"],
        ["history"],
        ["history", "Sergey Lavrov", "--mentions"],
        ["history", "--json"],
    ],
    ids=" ".join,
)
def test_read_commands_load_no_fetching_or_recognition(small_db: Path, args: list[str]) -> None:
    done = run_cli("--config", str(small_db), *args, python_options=IMPORTTIME)
    assert done.returncode == 0, done.stderr[-2000:]
    modules = imported(done.stderr)
    assert "tracker.store.engine" in modules  # it did open the database
    assert forbidden_in(modules) == []


def test_commands_that_fetch_still_load_what_they_need(small_db: Path) -> None:
    """The guard reads the report correctly: `explain` does load the recogniser."""
    history = json.loads(run_cli("--config", str(small_db), "history", "--json").stdout)
    url = history["appearances"][0]["url"]
    done = run_cli("--config", str(small_db), "explain", url, python_options=IMPORTTIME)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "tracker.recognize" in forbidden_in(imported(done.stderr))


@pytest.fixture
def collector() -> Iterator[None]:
    """The test process's collector as it was, whatever a command left (tracker/startup.py)."""
    yield
    startup.end()
    gc.unfreeze()
    gc.enable()


@pytest.mark.parametrize(
    ("args", "running"),
    [
        (["init", "{folder}/new.toml"], True),  # not a read command: resumed before it runs
        (["--config", "{config}", "status"], True),  # resumed once the store is open
        (["--config", "{config}", "history", "--json"], True),
        (["--config", "{folder}/missing.toml", "status"], False),  # never got that far
    ],
    ids=["init", "status", "history", "status, no config"],
)
def test_the_collector_is_paused_only_while_a_command_starts(
    small_db: Path, tmp_path: Path, collector: None, args: list[str], running: bool
) -> None:
    """Paused as `tracker` starts (tracker/__main__.py), on again with what start-up made
    frozen once the command has what it needs: a command never does its work without it."""
    filled = [a.format(folder=tmp_path, config=small_db) for a in args]
    startup.pause()
    frozen = gc.get_freeze_count()
    result = CliRunner().invoke(app, filled)
    assert result.exit_code == (0 if running else 2), result.output
    assert gc.isenabled() is running
    assert (gc.get_freeze_count() > frozen) is running


def test_main_leaves_the_collector_running(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], collector: None
) -> None:
    """Also when it answers before typer runs (`--version`) or the command fails."""
    for argv, code in ((["tracker", "--version"], None), (["tracker", "--bogus"], 2)):
        monkeypatch.setattr(sys, "argv", argv)
        try:
            main()
            exited = None
        except SystemExit as exc:
            exited = exc.code
        assert exited == code
        assert gc.isenabled()
    assert capsys.readouterr().out.startswith(VERSION)


# a tracker run with an atexit handler of its own: it prints only if the teardown runs
WITH_TEARDOWN_MARK = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('teardown ran', file=sys.stderr))\n"
    "from tracker.__main__ import run\n"
    "run()\n"
)


@pytest.mark.parametrize(
    ("args", "code", "quick"),
    [
        (["--config", "{config}", "status", "--json"], 0, True),
        (["--config", "{config}", "history", "--json"], 0, True),
        (["--help"], 0, True),
        (["--version"], 0, True),
        (["--config", "{folder}/missing.toml", "status", "--json"], 2, True),
        (["--config", "{config}", "feeds", "--json"], 0, False),
        (["--config", "{config}", "alerts", "--json"], 0, False),
    ],
    ids=["status", "history", "--help", "--version", "status, no config", "feeds", "alerts"],
)
def test_read_commands_end_without_the_teardown_and_lose_no_output(
    small_db: Path, tmp_path: Path, args: list[str], code: int, quick: bool
) -> None:
    """status, history, check, --help and --version end at once (tracker/startup.py):
    their output whole, their exit code kept, the database closed; others as ever."""
    config = tmp_path / small_db.name  # a copy of its own: nothing else holds it open
    shutil.copy(small_db, config)
    source, copy = (
        sqlite3.connect(small_db.parent / "small.db"),
        sqlite3.connect(tmp_path / "small.db"),
    )
    source.backup(copy)  # what is in its write-ahead log too
    source.close()
    copy.close()
    filled = [a.format(folder=tmp_path, config=config) for a in args]
    done = subprocess.run(
        [sys.executable, "-c", WITH_TEARDOWN_MARK, *filled],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == code, done.stderr[-2000:]
    assert ("teardown ran" in done.stderr) is not quick, done.stderr[-2000:]
    if "--json" in args and code == 0:
        assert json.loads(done.stdout)  # all of it, flushed
    elif code == 0:
        assert done.stdout.strip()
    else:
        assert "config file not found" in done.stderr
    # the connections were closed: SQLite removed its write-ahead log
    assert not (tmp_path / "small.db-wal").exists()
