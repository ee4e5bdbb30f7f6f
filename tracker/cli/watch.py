"""Commands that take in news: poll, import, replay, run."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tracker.cli.context import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    fail,
    get_state,
    load,
    official_named,
    open_tracker,
    parse_step,
    parse_time,
    setup_logging,
    utcnow,
)
from tracker.cli.corrections import carry_into
from tracker.cli.report import print_status_table

if TYPE_CHECKING:
    from tracker.jobs import FeedResult, Tracker
    from tracker.replay import Sent, StatusChange

MANY_FILES = 50
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Evaluate as of this time (YYYY-MM-DD = end of that day, UTC); "
        "entries published later are stored but do not count yet.",
    ),
]


def _feed_line(r: FeedResult) -> str:
    note = f" (warning: {r.problem})" if r.problem else ""
    if r.status == "not_modified":
        return f"  {r.name}: not modified"
    extra = f", {r.duplicates} duplicates" if r.duplicates else ""
    extra += f", {r.updated} updated" if r.updated else ""
    moved = f" (moved permanently to {r.moved_to})" if r.moved_to else ""
    return (
        f"  {r.name}: {r.entries} entries, {r.new_entries} new{extra}, {r.findings} findings"
        f"{note}{moved}"
    )


def _print_feed_results(results: list[FeedResult], *, quiet: bool = False) -> int:
    """One line per feed (failures on stderr); with `quiet`, only failures. Failures counted."""
    failed = 0
    for r in results:
        if r.error:
            failed += 1
            typer.echo(f"  FAILED {r.name}: {r.error}", err=True)
        elif r.status == "skipped":
            typer.echo(f"  skipped {r.name}: {r.problem}")
        elif not quiet:
            typer.echo(_feed_line(r))
    tried = [r for r in results if r.status != "skipped"]
    if len(tried) > 1 and all(r.error and r.error.startswith("cannot ") for r in tried):
        typer.echo(
            f"tracker: no feed could be reached ({len(tried)} of {len(tried)} failed to"
            " connect): is the network up?",
            err=True,
        )
    return failed


def _evaluate_and_deliver(tracker: Tracker, as_of_text: str | None) -> int:
    from tracker.notify.plan import waiting_line

    now = utcnow()
    as_of = parse_time(as_of_text) or now
    evaluation = tracker.evaluate(as_of, now)
    for alert in evaluation.alerts:
        typer.echo(f"  alert: {alert.subject}")
    report = tracker.deliver(utcnow())
    for alert, where in report.delivered:
        typer.echo(f"  sent: {alert.subject} -> {where}")
    for alert, error in report.failed:
        typer.echo(f"  NOT SENT (kept, will retry): {alert.subject}: {error}", err=True)
    for alert, reason in report.superseded:
        typer.echo(f"  superseded: {alert.subject}: {reason}")
    for alert, reason in report.refused:
        typer.echo(f"  REFUSED (permanent, not retried): {alert.subject}: {reason}", err=True)
    waiting = [w for w in tracker.waiting() if w.state == "pending"]
    for w in waiting:
        typer.echo(f"  UNDELIVERED (kept, will retry): {waiting_line(w)}", err=True)
    return len(waiting) + len(report.refused)


def _evaluate_quietly(tracker: Tracker, as_of_text: str | None) -> None:
    """Statuses as of the time, summed up in one line; no alert is stored or sent.
    Backfill is history, not news: an official silent in old files is no alert today."""
    from tracker.domain import Status

    evaluation = tracker.statuses(parse_time(as_of_text) or utcnow())
    counts = {s: sum(1 for o in evaluation.statuses if o.status is s) for s in Status}
    typer.echo(
        f"evaluated as of {evaluation.as_of:%Y-%m-%d %H:%M} UTC: "
        + ", ".join(f"{n} {s.value}" for s, n in counts.items())
        + "; no alerts stored or sent (use --alerts to store and send them)"
    )


def poll(
    ctx: typer.Context,
    as_of: AsOf = None,
    due: Annotated[
        bool,
        typer.Option(
            "--due",
            help="Only feeds whose next poll time has come (for cron: honours "
            "intervals, the feeds' own hints and backoff).",
        ),
    ] = False,
) -> None:
    """One pass: fetch every feed (concurrently), record, evaluate, alert.

    Example: tracker poll --as-of 2025-11-12
    """
    config = load(ctx)
    parse_time(as_of)  # reject a bad --as-of before any work
    tracker = open_tracker(config, utcnow())
    typer.echo(f"polling {len(tracker.feed_targets())} feeds" + (" (those due)" if due else ""))
    failed = _print_feed_results(tracker.poll(utcnow(), due_only=due))
    undelivered = _evaluate_and_deliver(tracker, as_of)
    if failed or undelivered:
        raise typer.Exit(EXIT_PARTIAL)


def import_(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Feed files (RSS/Atom) or folders.")],
    as_of: AsOf = None,
    alerts: Annotated[
        bool,
        typer.Option("--alerts", help="Also store and send the alerts the evaluation makes due."),
    ] = False,
    no_alerts: Annotated[
        bool, typer.Option("--no-alerts", help="Only record; do not evaluate either.")
    ] = False,
) -> None:
    """Run local feed files through the same pipeline as polling (backfill): stores
    and evaluates, but stores and sends no alert unless --alerts is given. Takes
    many files and folders; shows a progress bar on a terminal. With more than 50 files
    only failures are listed, then a summary (with --verbose, every file by its path).

    Example: tracker import seeds/
    """
    from tracker.jobs import expand_paths

    if alerts and no_alerts:
        raise fail("--alerts and --no-alerts: choose one", EXIT_USAGE)
    config = load(ctx)
    parse_time(as_of)
    tracker = open_tracker(config, utcnow())
    files = expand_paths(paths)
    if not files:
        raise fail("no feed files found in " + ", ".join(map(str, paths)), EXIT_USAGE)
    quiet = len(files) > MANY_FILES
    with typer.progressbar(
        length=len(files), label=f"importing {len(files)} files", file=sys.stderr
    ) as bar:
        results = tracker.import_paths(files, utcnow(), on_file=lambda _r: bar.update(1))
    if get_state(ctx).verbose:  # every file, named by its path
        results = [replace(r, name=r.url) for r in results]
    failed = _print_feed_results(results, quiet=quiet and not get_state(ctx).verbose)
    new = sum(r.new_entries for r in results)
    typer.echo(
        f"imported {len(results)} files: {sum(r.entries for r in results)} entries, {new} new, "
        f"{sum(r.findings for r in results)} findings, {failed} files failed"
        + (f", {sum(1 for r in results if r.problem)} with warnings" if quiet else "")
    )
    undelivered = 0
    if alerts:
        undelivered = _evaluate_and_deliver(tracker, as_of)
    elif not no_alerts:
        _evaluate_quietly(tracker, as_of)
    if failed or undelivered:
        raise typer.Exit(EXIT_PARTIAL)


def replay(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Feed files (RSS/Atom) or folders.")],
    from_: Annotated[
        str | None, typer.Option("--from", help="Start (default: the first entry's day).")
    ] = None,
    to: Annotated[str | None, typer.Option("--to", help="End (default: the last entry).")] = None,
    step: Annotated[str, typer.Option("--step", help="Clock step, e.g. 1d, 6h.")] = "1d",
    outbox: Annotated[
        Path | None,
        typer.Option("--outbox", help="Where messages go (default: the config's outbox)."),
    ] = None,
    database: Annotated[
        str | None,
        typer.Option("--database", help="Keep the replay in this database (default: memory)."),
    ] = None,
    notify: Annotated[
        bool,
        typer.Option("--notify", help="Also deliver to the config's [[notify]] routes."),
    ] = False,
) -> None:
    """Backtest: replay entries in publication order, stepping the clock, and print when
    each status changed and which messages went out. Never sends SMTP: messages are
    written as .eml files to the outbox. With --notify, the [[notify]] routes (Apprise,
    webhooks) get them for real.

    Example: tracker --config config/demo.toml replay seeds/ --from 2025-10-01
    """
    from tracker.domain import Status
    from tracker.notify.smtp import OutboxTransport
    from tracker.replay import replay as run_replay

    config = load(ctx)
    start = parse_time(from_, end_of_day=False, option="--from")
    end = parse_time(to, option="--to")
    step_delta = parse_step(step)
    if start and end and end <= start:
        raise fail("--to must be after --from", EXIT_USAGE)
    folder = (outbox or config.outbox).resolve()
    if not notify:
        config = replace(config, notify=())
    tracker = open_tracker(config, utcnow(), database=database or "sqlite://")
    carried = carry_into(config, tracker.ids, tracker.engine, database or "sqlite://")
    if carried:
        from sqlalchemy.engine import make_url

        from tracker.cli.tables import plural

        shown = make_url(config.database).render_as_string(hide_password=True)
        typer.echo(f"{plural(carried, 'correction')} by hand carried over from {shown}")

    def on_change(change: StatusChange) -> None:
        s = change.after
        before = change.before.status.value if change.before else "unseen"
        detail = f"last seen {s.last_seen}" if s.last_seen else "never seen"
        if s.status is Status.SILENT and s.silent_for is not None:
            detail += f", silent {s.silent_for.total_seconds() / 86400:.1f} days"
        typer.echo(f"{change.at:%Y-%m-%d %H:%M}  {s.name}: {before} -> {s.status.value} ({detail})")

    def on_sent(sent: Sent) -> None:
        label = "NOTIFY" if sent.where.startswith(("webhook ", "apprise ")) else "EMAIL"
        typer.echo(f"{sent.at:%Y-%m-%d %H:%M}  {label} {sent.subject}\n{'':18}-> {sent.where}")

    result = run_replay(
        tracker,
        paths,
        start=start,
        end=end,
        step=step_delta,
        transport=OutboxTransport(folder),
        now=utcnow(),
        on_change=on_change,
        on_sent=on_sent,
    )
    for problem in result.problems:
        typer.echo(f"warning: {problem}", err=True)
    typer.echo(
        f"\nreplayed {result.entries} entries from {result.start:%Y-%m-%d} to {result.end:%Y-%m-%d}"
        f" in {result.steps} steps of {step}"
        + (f"; {result.outside_window} outside the window" if result.outside_window else "")
        + (f"; {result.skipped_undated} undated skipped" if result.skipped_undated else "")
    )
    if result.final is not None:
        typer.echo("")
        print_status_table(result.final)
    typer.echo(f"\nemails written to {folder}")


def rescan(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None, typer.Argument(help="Only these officials (default: everyone).")
    ] = None,
) -> None:
    """Re-read every stored entry with the current watchlist and rules: after adding an
    official, or after an upgrade. Alerts already sent are left alone.

    Example: tracker rescan "Maxim Oreshkin"
    """
    from tracker.rescan import RescanError
    from tracker.rescan import rescan as run_rescan

    config = load(ctx)
    chosen = [official_named(config, name) for name in names or []]
    tracker = open_tracker(config, utcnow())
    try:  # closing stops the recognition workers, also on Ctrl-C
        result = run_rescan(tracker, chosen)
    except RescanError as exc:
        raise fail(
            f"rescan stopped: {exc} (the batches before it were rescanned)", EXIT_PARTIAL
        ) from None
    finally:
        tracker.close()
    typer.echo(f"rescanned {result.entries} entries: {result.findings} findings")
    for line in result.failed:
        typer.echo(f"tracker: {line}", err=True)
    if result.failed:
        raise typer.Exit(EXIT_PARTIAL)


def run(
    ctx: typer.Context,
    log_format: Annotated[
        str,
        typer.Option(
            "--log-format", help="text (default), or json: one object per line for log shippers."
        ),
    ] = "text",
) -> None:
    """The daemon: poll each feed when it is due (concurrently; a slow feed never
    delays the others), evaluate and alert regularly. Stops cleanly on SIGINT/SIGTERM.

    Example: tracker --config config/tracker.toml run
    """
    from tracker.daemon import run_daemon

    config = load(ctx)
    setup_logging(get_state(ctx).verbose, log_format)
    tracker = open_tracker(config, utcnow())
    if not tracker.feed_targets():
        raise fail(
            f"{config.path}: no feeds (add [[feeds]], or: tracker feeds add URL)", EXIT_USAGE
        )
    run_daemon(tracker)
