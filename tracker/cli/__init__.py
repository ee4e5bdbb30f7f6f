"""The `tracker` command line: thin commands over the jobs in tracker.jobs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from tracker import __version__
from tracker.cli import alerts, explain, feeds, report, setup, watch, web
from tracker.cli.context import EXIT_STORE, EXIT_USAGE, State
from tracker.config import ConfigError
from tracker.store.engine import StoreError

app = typer.Typer(
    name="tracker",
    help="Last-seen tracker: public appearances of officials in news feeds, "
    "and an alert when someone goes quiet.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
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
app.command()(explain.explain)
app.add_typer(feeds.app, name="feeds")
app.add_typer(alerts.app, name="alerts")
app.command()(alerts.mute)
app.command()(alerts.unmute)
app.command("await")(alerts.await_)
app.command("test-email")(alerts.test_email)
app.command()(web.web)


def main() -> None:
    try:
        app()
    except ConfigError as exc:  # raised outside the commands' own handling
        print(f"tracker: {exc}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except StoreError as exc:
        print(f"tracker: {exc}", file=sys.stderr)
        sys.exit(EXIT_STORE)
