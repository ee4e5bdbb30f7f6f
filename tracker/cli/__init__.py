"""The `tracker` command line: thin commands over the jobs in tracker.jobs.

Commands are registered below by name, module path and one-line summary (tracker/cli/lazy.py):
a command's module is imported only when that command runs or its own `--help` is asked, and
each command module imports its heavy parts when the command runs (see context.py), so
`tracker --help` costs little more than importing typer. Help is plain click text
(rich_markup_mode=None): typer's rich help would load rich for every `--help`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main

from tracker import __version__, startup
from tracker.cli.lazy import Lazy, LazyGroup
from tracker.cli.state import EXIT_STORE, EXIT_USAGE, State

COMMANDS: dict[str, Lazy] = {}


def command(name: str, target: str, summary: str) -> None:
    """Register `tracker NAME`: `target` is "module:function" of tracker.cli (or a
    `typer.Typer` of subcommands); `summary`, one short line, is listed by `tracker --help`
    and shell completion, which import no command module."""
    COMMANDS[name] = Lazy(f"tracker.cli.{target}", summary)


class TrackerGroup(LazyGroup):
    registry = COMMANDS


app = typer.Typer(
    cls=TrackerGroup,
    name="tracker",
    help="Last-seen tracker: public appearances of officials in news feeds, "
    "and an alert when someone goes quiet.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
)


VERSION = f"tracker {__version__}"


def _version(value: bool) -> None:
    if value:
        typer.echo(VERSION)
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            help="Config file (else $TRACKER_CONFIG, else ~/.config/tracker/tracker.toml).",
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More logging.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show version.")
    ] = False,
) -> None:
    ctx.obj = State(config_path=config, verbose=verbose)
    if ctx.invoked_subcommand not in OPEN_FIRST:
        startup.resume()
    else:
        startup.allow_quick_exit()  # they leave nothing to finish (tracker/startup.py)


# Commands that end the start-up pause themselves (tracker/startup.py), once their
# imports are done and the store is open (open_store): short read commands, whose
# evaluation then runs without the collector scanning what start-up made. Every other
# command collects as usual from its first line. These also end without the
# interpreter's teardown (startup.finish): they leave nothing to finish.
OPEN_FIRST = frozenset({"status", "history", "check"})


# One line per command, in the order `tracker --help` lists them: its name, "module:function"
# in tracker.cli (or a typer.Typer of subcommands), and its summary for that list.
command("init", "setup:init", "Write a commented starter config.")
command("poll", "watch:poll", "One pass: fetch every feed, record, evaluate, alert.")
command("import", "watch:import_", "Run local feed files through the polling pipeline.")
command("replay", "watch:replay", "Backtest: replay stored entries, print status changes.")
command("run", "watch:run", "The daemon: poll feeds when due, evaluate and alert.")
command("rescan", "watch:rescan", "Re-read every stored entry with the current rules.")
command("status", "report:status", "Who has gone quiet, sorted by urgency.")
command("history", "report:history", "The recorded appearances with their evidence.")
command("check", "check:check", "One line and an exit code for monitoring.")
command("explain", "explain:explain", "How each sentence of a stored entry was classified.")
command("mute", "alerts:mute", "Pause alerts about one official; tracking goes on.")
command("unmute", "alerts:unmute", "Lift the mutes on one official.")
command("await", "alerts:await_", "Watch for an awaited reply from an official.")
command("test-email", "alerts:test_email", "Send one test message through the SMTP server.")
command("web", "web:web", "The desk's dashboard in a browser.")
command("feeds", "feeds:app", "The feeds and their health; add, remove, OPML.")
command("alerts", "alerts:app", "Alerts and their delivery state; retry.")
command("correct", "corrections:app", "Corrections by hand: reject, mark, add; list, remove.")
command("db", "db:app", "The schema revision; upgrade, downgrade, history.")
command("workers", "workers:workers", "The tracker run workers, their heartbeats, the leader.")


GLOBAL_FLAGS = ("-v", "--verbose")
GLOBAL_VALUED = ("-c", "--config")


def hoist_globals(args: list[str]) -> list[str]:
    """`tracker status --config x.toml -v` read as `tracker --config x.toml -v status`:
    the global options may come after the command too. The command's own options keep
    their values (`--reason -v` stays a reason); nothing after `--` moves."""
    if not any(a in GLOBAL_FLAGS + GLOBAL_VALUED or a.startswith("--config=") for a in args):
        return args
    command: Any = typer.main.get_command(app)
    front: list[str] = []
    rest: list[str] = []
    inside = False  # past the command's name
    i = 0
    while i < len(args):
        token = args[i]
        if token == "--":
            rest += args[i:]
            break
        if inside and (token in GLOBAL_FLAGS or token.startswith("--config=")):
            front.append(token)
            i += 1
        elif inside and token in GLOBAL_VALUED and i + 1 < len(args):
            front += args[i : i + 2]
            i += 2
        elif token.startswith("-"):
            rest.append(token)
            i += 1
            if "=" not in token and _takes_value(command, token) and i < len(args):
                rest.append(args[i])
                i += 1
        else:
            found = _subcommand(command, token)
            if found is not None:
                command, inside = found, True
            rest.append(token)
            i += 1
    return front + rest


def _subcommand(command: Any, name: str) -> Any:
    """The group's command NAME, built if it is lazy; None if `command` is not a group."""
    if not hasattr(command, "list_commands") or name not in command.list_commands(None):
        return None
    return command.get_command(typer.Context(command), name)


def _takes_value(command: Any, token: str) -> bool:
    for param in getattr(command, "params", []):
        if token in getattr(param, "opts", ()) and not getattr(param, "is_flag", True):
            return True
    return False


def main() -> None:
    startup.pause()  # from here if not already (tracker/__main__.py pauses before typer)
    try:
        if sys.argv[1:] == ["--version"]:  # alone: answered before typer builds the group
            print(VERSION)
            startup.allow_quick_exit()
            return
        if sys.argv[1:] in ([], ["--help"]):  # the help alone
            startup.allow_quick_exit()
        app(args=hoist_globals(sys.argv[1:]), prog_name="tracker")  # completion needs the name
    except Exception as exc:  # raised outside the commands' own handling
        from tracker.config import ConfigError  # loaded by then if it was raised
        from tracker.store.engine import StoreError

        if isinstance(exc, ConfigError | StoreError):
            print(f"tracker: {exc}", file=sys.stderr)
            sys.exit(EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_STORE)
        raise
    finally:
        startup.end()
