"""`tracker web`: serve the read-only dashboard (tracker/web/) with uvicorn.

Starlette, Jinja2 and uvicorn are imported inside the command, so that the other
commands start without them."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from tracker.cli.context import EXIT_STORE, EXIT_USAGE, fail, load, parse_time, utcnow

MIN_TOKEN = 16


def web(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on; beyond loopback a token is required."),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=1, max=65535)] = 8080,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="TRACKER_WEB_TOKEN",
            help=f"Require this token (at least {MIN_TOKEN} characters) on every request.",
            show_envvar=True,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Answer as of this moment instead of now (e.g. a demo)."),
    ] = None,
) -> None:
    """The desk's dashboard in a browser: board, timelines, feeds, alerts, awaited replies.

    Example: tracker web --port 8080   (then open http://127.0.0.1:8080/)
    """
    from tracker.web.guard import LOOPBACK_NAMES, Guard, is_loopback

    config = load(ctx)
    moment = parse_time(as_of)
    token = token.strip() if token else None
    loopback = is_loopback(host)
    if not loopback and not token:
        raise fail(
            f"--host {host} is reachable from other machines: give --token "
            "(or TRACKER_WEB_TOKEN), see docs/web.md",
            EXIT_USAGE,
        )
    if token is not None and len(token) < MIN_TOKEN:
        raise fail(
            f"--token: too short ({len(token)} characters, at least {MIN_TOKEN})", EXIT_USAGE
        )
    from tracker.store.engine import StoreError, open_engine  # not for --help

    try:
        engine = open_engine(config.database)
    except StoreError as exc:
        raise fail(str(exc), EXIT_STORE) from None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as exc:
        sock.close()
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}", EXIT_USAGE) from None
    import uvicorn

    from tracker.web.app import Site, create_app
    from tracker.web.pages import Desk

    hosts = (LOOPBACK_NAMES | {host.strip("[]").lower()}) if loopback else None
    site = Site(Desk(config, engine), Guard(token, hosts), utcnow, moment)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(
        f"serving the dashboard on http://{shown}:{port}/"
        + (" (token required)" if token else "")
        + (f", as of {moment:%Y-%m-%d %H:%M} UTC" if moment else ""),
    )
    server = uvicorn.Server(
        uvicorn.Config(create_app(site), log_level="warning", access_log=False, lifespan="off")
    )
    try:
        server.run(sockets=[sock])
    finally:
        engine.dispose()
