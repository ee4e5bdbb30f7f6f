"""`tracker feeds`: the feeds and their health; add, remove, enable; OPML import and export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.context import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    Store,
    fail,
    load,
    open_store,
    open_tracker,
    parse_step,
    utcnow,
)

if TYPE_CHECKING:
    from tracker.feeds.fetch import Fetched
    from tracker.feeds.parse import ParsedFeed
    from tracker.jobs import Tracker
    from tracker.store.tables import FeedRow

app = typer.Typer(
    help="The feeds and their health, worst first; add, remove, enable; OPML import and export.",
    no_args_is_help=False,
)


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "-"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rows(tracker: Store, include_all: bool) -> list[tuple[Any, FeedRow]]:
    from tracker.feeds.health import worst_first
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    declared = {f.url for f in tracker.config.feeds}
    with session_for(tracker.engine) as session:
        rows = repo.feeds(session) if include_all else repo.polled_feeds(session)
    if not include_all:  # a feed deleted from the config file is no longer polled
        rows = [r for r in rows if r.source == "added" or r.url in declared]
    return worst_first(rows)


def _as_json(h: Any, r: FeedRow) -> dict[str, Any]:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "name": r.name,
        "url": r.url,
        "fetch_url": r.fetch_url or r.url,
        "source": r.source,
        "state": h.state,
        "consecutive_failures": r.consecutive_failures,
        "last_error": r.disabled_reason if r.disabled_at else r.last_error,
        "last_status": r.last_status,
        "last_polled_at": iso(r.last_polled_at),
        "last_success_at": iso(r.last_success_at),
        "next_poll_at": iso(r.next_poll_at),
        "retry_until": iso(r.retry_until),
        "disabled_at": iso(r.disabled_at),
        "entries_seen": r.entries_seen,
        "category": r.category,
    }


@app.callback(invoke_without_command=True)
def list_feeds(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV for spreadsheets.")] = False,
    include_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Also backfill files, removed feeds and feeds no longer in the config."
        ),
    ] = False,
) -> None:
    """The feeds and their health, worst first: disabled, failing, warning, new, ok.

    Example: tracker feeds --json
    """
    if ctx.invoked_subcommand is not None:
        return
    from tracker.cli.tables import check_format, print_csv, print_json, print_table

    check_format(as_json, as_csv)
    tracker = open_store(load(ctx), utcnow())
    judged = _rows(tracker, include_all)
    if as_json:
        print_json({"feeds": [_as_json(h, r) for h, r in judged]})
        return
    if as_csv:
        print_csv([_as_json(h, r) for h, r in judged])
        return
    if not judged:
        typer.echo("no feeds (add [[feeds]] to the config, or: tracker feeds add URL)")
        return
    header = ("STATE", "FEED", "FAILS", "LAST SUCCESS", "NEXT POLL", "ENTRIES", "LAST ERROR")
    table = []
    for h, r in judged:
        error = r.disabled_reason if r.disabled_at else r.last_error
        table.append(
            (
                h.state,
                _cut(r.name or r.url, 40),
                str(r.consecutive_failures),
                _when(r.last_success_at),
                _when(r.retry_until if r.retry_until and not r.disabled_at else r.next_poll_at)
                if not r.disabled_at
                else "-",
                str(r.entries_seen),
                _cut(error or "", 80) or "-",
            )
        )
    print_table(header, table, free=len(header) - 1, state=0)
    bad = sum(1 for h, _ in judged if h.state in {"disabled", "failing"})
    typer.echo(f"\n{len(judged)} feeds, {bad} failing or disabled")


async def _get(tracker: Tracker, url: str) -> Fetched:
    from tracker.feeds.fetch import fetch_http, make_client

    async with make_client(tracker.policy) as client:
        return await fetch_http(client, url, policy=tracker.policy)


def _as_feed(fetched: Fetched) -> ParsedFeed | None:
    from tracker.feeds.parse import FeedParseError, parse_feed

    try:
        parsed = parse_feed(fetched.data, fallback_time=utcnow(), headers=fetched.headers)
    except FeedParseError:
        return None
    return parsed if parsed.version else None


@app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="A feed URL, or a web page that links its feeds.")],
    name: Annotated[
        str | None, typer.Option("--name", help="Shown in output (default: the feed's title).")
    ] = None,
    interval: Annotated[
        str | None,
        typer.Option("--interval", help="Poll interval, e.g. 30m (default: defaults.interval)."),
    ] = None,
    category: Annotated[
        str, typer.Option("--category", help="A folder, kept in OPML exports.")
    ] = "",
    full_text: Annotated[
        bool, typer.Option("--fulltext", help="Fetch each new article's page for its main text.")
    ] = False,
) -> None:
    """Add a feed to poll. Given a web page, finds the feed it links with
    <link rel="alternate">; when it links several, lists them to choose from.

    Example: tracker feeds add https://www.example.org/news
    """
    from tracker.feeds.discover import discover_feeds
    from tracker.feeds.fetch import FetchError
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    config = load(ctx)
    seconds = int(parse_step(interval, "--interval").total_seconds()) if interval else None
    if not url.lower().startswith(("http://", "https://")):
        raise fail(
            f"{url}: give an http(s) URL (local files go through `tracker import`)", EXIT_USAGE
        )
    if url in {f.url for f in config.feeds}:
        raise fail(f"{url} is already in the config file", EXIT_USAGE)
    tracker = open_tracker(config, utcnow())
    try:
        fetched = tracker.run(_get(tracker, url))
        parsed = _as_feed(fetched)
        if parsed is None:
            found = discover_feeds(fetched.data, fetched.url)
            if not found:
                raise fail(f"{url}: not a feed, and the page links no feed", EXIT_USAGE)
            if len(found) > 1:
                typer.echo(f"{url} links {len(found)} feeds; add one of them:", err=True)
                for f in found:
                    typer.echo(
                        f"  {f.url}  ({f.kind}{': ' + f.title if f.title else ''})", err=True
                    )
                raise typer.Exit(EXIT_USAGE)
            url = found[0].url
            fetched = tracker.run(_get(tracker, url))
            parsed = _as_feed(fetched)
            if parsed is None:
                raise fail(f"{url}: linked as a feed, but not a feed", EXIT_USAGE)
    except FetchError as exc:  # 4xx: the URL is wrong; else try again later
        wrong = exc.status is not None and 400 <= exc.status < 500
        raise fail(f"{url}: {exc}", EXIT_USAGE if wrong else EXIT_PARTIAL) from None
    if url in {f.url for f in config.feeds}:
        raise fail(f"{url} is already in the config file", EXIT_USAGE)
    with session_for(tracker.engine) as session:
        row, new = repo.add_feed(
            session,
            url,
            name=name or parsed.title or url,
            category=category,
            site_url=parsed.site_url,
            interval_seconds=seconds,
            fulltext=full_text,
        )
    if not new:
        typer.echo(f"already polled: {row.name} <{row.url}>")
        return
    typer.echo(
        f"added {row.name} <{row.url}> ({len(parsed.entries)} entries now;"
        " polled from the next poll)"
    )


def _find(tracker: Store, url: str) -> FeedRow:
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    with session_for(tracker.engine) as session:
        row = repo.feed_by_url(session, url)
    if row is None:
        raise fail(f"no such feed: {url}", EXIT_USAGE)
    return row


@app.command("remove")
def remove(ctx: typer.Context, url: Annotated[str, typer.Argument(help="The feed's URL.")]) -> None:
    """Stop polling a feed added with `tracker feeds add` or OPML import. Its entries stay.

    Example: tracker feeds remove https://www.example.org/feed.xml
    """
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    config = load(ctx)
    tracker = open_store(config, utcnow())
    row = _find(tracker, url)
    if row.url in {f.url for f in config.feeds}:
        raise fail(
            f"{url} is declared in the config file {config.path}: remove it there", EXIT_USAGE
        )
    if row.source != "added":
        raise fail(f"{url} is not a polled feed", EXIT_USAGE)
    with session_for(tracker.engine) as session:
        repo.remove_feed(session, row)
    typer.echo(f"removed {row.name} <{row.url}>")


@app.command("enable")
def enable(ctx: typer.Context, url: Annotated[str, typer.Argument(help="The feed's URL.")]) -> None:
    """Poll a disabled feed again (one that answered 410 Gone), and forget any wait
    the server asked for.

    Example: tracker feeds enable https://www.example.org/feed.xml
    """
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    tracker = open_store(load(ctx), utcnow())
    row = _find(tracker, url)
    with session_for(tracker.engine) as session:
        repo.enable_feed(session, row)
    typer.echo(f"enabled {row.name} <{row.url}>: polled on the next poll")


@app.command("import")
def import_opml(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="An OPML file, as feed readers export.")],
) -> None:
    """Add every feed of an OPML file (folders become categories).

    Example: tracker feeds import subscriptions.opml
    """
    from tracker.feeds.opml import OpmlError, parse_opml
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    config = load(ctx)
    try:
        found = parse_opml(path.read_bytes())
    except OSError as exc:
        raise fail(f"{path}: {exc.strerror or exc}", EXIT_USAGE) from None
    except OpmlError as exc:
        raise fail(f"{path}: {exc}", EXIT_USAGE) from None
    tracker = open_store(config, utcnow())
    declared = {f.url for f in config.feeds}
    added = present = skipped = 0
    with session_for(tracker.engine) as session:
        for feed in found:
            if not feed.url.lower().startswith(("http://", "https://")):
                typer.echo(f"  skipped (not http or https): {feed.url}", err=True)
                skipped += 1
                continue
            if feed.url in declared:
                present += 1
                continue
            _row, new = repo.add_feed(
                session,
                feed.url,
                name=feed.title or feed.url,
                category=feed.category,
                site_url=feed.site_url,
            )
            added, present = added + new, present + (not new)
    typer.echo(f"{path}: {added} feeds added, {present} already present, {skipped} skipped")


@app.command("export")
def export(
    ctx: typer.Context,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
) -> None:
    """Write every polled feed (config and added) as OPML 2.0, for other feed readers.

    Example: tracker feeds export -o subscriptions.opml
    """
    from tracker.feeds.opml import OpmlFeed, export_opml
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    config = load(ctx)
    tracker = open_tracker(config, utcnow())
    with session_for(tracker.engine) as session:
        rows = {r.url: r for r in repo.polled_feeds(session)}
    feeds = []
    for target in tracker.feed_targets():
        row = rows.get(target.url)
        feeds.append(
            OpmlFeed(
                url=(row.fetch_url if row and row.fetch_url else target.url),
                title=target.name,
                site_url=row.site_url if row else "",
                category=target.category,
            )
        )
    data = export_opml(feeds, title="tracker feeds", now=utcnow())
    if output is None:
        typer.echo(data.decode("utf-8"), nl=False)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise fail(f"{output}: {exc.strerror or exc}", EXIT_USAGE) from None
    typer.echo(f"{len(feeds)} feeds written to {output}", err=True)
