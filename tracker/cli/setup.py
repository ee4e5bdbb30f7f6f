"""`tracker init`: a commented starter config."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tracker.cli.context import EXIT_USAGE, fail, get_state

STARTER = """\
# tracker configuration. Reference: docs/configuration.md
# Durations: "90m", "72h", "10d", "2w". Relative paths resolve against this file's folder.

# Any SQLAlchemy URL; the env var TRACKER_DATABASE_URL overrides it.
# PostgreSQL: "postgresql+psycopg://user@host/dbname"
database = "sqlite:///tracker.db"

# Where alert emails are written as .eml files when [email] is not set.
outbox = "outbox"

[defaults]
threshold = "7d"        # silence after which an official counts as silent
interval = "15m"        # how often each feed is polled
evaluate_every = "5m"   # how often the daemon evaluates silences and sends alerts

# One [[feeds]] table per feed: http(s) URL, file:// URL or local path.
[[feeds]]
url = "https://feeds.bbci.co.uk/news/world/rss.xml"
name = "BBC World"
# interval = "30m"

# One [[officials]] table per watched person.
[[officials]]
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov", "Сергей Лавров"]
roles = ["Russian Foreign Minister", "Russia's foreign minister"]
# short = ["Lavrov"]    # surnames that count once the full name appears (default: last word)
threshold = "10d"

# How alerts behave (docs/alerts.md). threshold = "adaptive" on an official learns
# their rhythm instead of a fixed threshold.
# [alerts]
# repeat_every = "7d"    # reminders while someone stays silent; "0" turns them off
# early_warning = 0.75   # a "quiet" warning at this share of the threshold; 0 = off
# group = true           # alerts due together go out as one message

# Awaited replies: met by an appearance mentioning the topic within the window.
# [[awaits]]
# official = "Sergey Lavrov"
# since = "2013-02-12T12:00:00Z"
# within = "72h"
# about = ["Kerry"]

# Uncomment to send alerts by SMTP instead of writing them to the outbox folder.
# [email]
# host = "smtp.example.org"
# port = 587
# security = "starttls"                  # "starttls" | "ssl" | "none"
# username = "tracker"
# password_env = "TRACKER_SMTP_PASSWORD" # the password is read from this env var
# from = "tracker@example.org"
# to = ["desk@example.org"]
"""


def init(
    ctx: typer.Context,
    path: Annotated[
        Path | None, typer.Argument(help="Where to write it (default: the config location).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter config.

    Example: tracker init ./tracker.toml
    """
    from tracker.config import find_config_path

    target = path or find_config_path(get_state(ctx).config_path)
    if target.exists() and not force:
        raise fail(f"{target}: already exists (use --force to overwrite)", EXIT_USAGE)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(STARTER, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{target}: cannot write: {exc.strerror or exc}", EXIT_USAGE) from None
    typer.echo(f"wrote {target}")
