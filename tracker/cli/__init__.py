"""The `tracker` command line: thin commands over the jobs in tracker.jobs.

Each command module imports its heavy parts when the command runs (see context.py), so
`tracker --help` costs little more than importing typer. Help is plain click text
(rich_markup_mode=None): typer's rich help would load rich for every `--help`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main

from tracker import __version__
from tracker.cli import alerts, check, corrections, db, explain, feeds, report, setup, watch, web
from tracker.cli.context import EXIT_STORE, EXIT_USAGE, State

app = typer.Typer(
    name="tracker",
    help="Last-seen tracker: public appearances of officials in news feeds, "
    "and an alert when someone goes quiet.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tracker {__version__}")
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


app.command()(setup.init)
app.command()(watch.poll)
app.command("import")(watch.import_)
app.command()(watch.replay)
app.command()(watch.run)
app.command()(watch.rescan)
app.command()(report.status)
app.command()(report.history)
app.command()(check.check)
app.command()(explain.explain)
app.add_typer(feeds.app, name="feeds")
app.add_typer(alerts.app, name="alerts")
app.command()(alerts.mute)
app.command()(alerts.unmute)
app.command("await")(alerts.await_)
app.command("test-email")(alerts.test_email)
app.command()(web.web)
app.add_typer(corrections.app, name="correct")
app.add_typer(db.app, name="db")


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
            subcommands = getattr(command, "commands", {})
            if token in subcommands:
                command, inside = subcommands[token], True
            rest.append(token)
            i += 1
    return front + rest


def _takes_value(command: Any, token: str) -> bool:
    for param in getattr(command, "params", []):
        if token in getattr(param, "opts", ()) and not getattr(param, "is_flag", True):
            return True
    return False


def main() -> None:
    try:
        app(args=hoist_globals(sys.argv[1:]), prog_name="tracker")  # completion needs the name
    except Exception as exc:  # raised outside the commands' own handling
        from tracker.config import ConfigError  # loaded by then if it was raised
        from tracker.store.engine import StoreError

        if isinstance(exc, ConfigError | StoreError):
            print(f"tracker: {exc}", file=sys.stderr)
            sys.exit(EXIT_USAGE if isinstance(exc, ConfigError) else EXIT_STORE)
        raise
