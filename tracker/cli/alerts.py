"""Commands about alerts: list and retry them, mute and unmute, await a reply, test email."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer

from tracker.cli.context import (
    EXIT_ERROR,
    EXIT_PARTIAL,
    EXIT_USAGE,
    check_ids,
    fail,
    load,
    official_named,
    open_store,
    open_tracker,
    parse_step,
    parse_time,
    utcnow,
)

OFFICIAL = "The official: name, alias or surname alone; case and accents do not matter."

STATES = ("pending", "sending", "delivered", "superseded", "failed")

app = typer.Typer(
    help="Alerts and their delivery state; `tracker alerts retry` forces a retry.",
    no_args_is_help=False,
)


def _when(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if value else "-"


@app.callback(invoke_without_command=True)
def alerts(
    ctx: typer.Context,
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            help="Only alerts in this state: pending, sending, delivered, superseded, failed.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV for spreadsheets.")] = False,
) -> None:
    """Every stored alert, oldest first, with its delivery state (JSON or CSV on request).

    Example: tracker alerts --state pending
    """
    if ctx.invoked_subcommand is not None:
        return
    from tracker.cli.tables import (
        STATE_STYLES,
        check_format,
        console,
        cut,
        plural,
        print_csv,
        print_json,
    )
    from tracker.store import alert_store

    check_format(as_json, as_csv)
    if state is not None and state not in STATES:
        raise fail(f"--state: {state!r} is not one of {', '.join(STATES)}", EXIT_USAGE)
    from tracker.store.engine import session as session_for

    tracker = open_store(load(ctx), utcnow())
    with session_for(tracker.engine) as session:
        rows = alert_store.alerts(session, state)
    if as_json or as_csv:
        payload: list[dict[str, Any]] = [
            {
                "id": a.id,
                "official": name,
                "kind": a.kind,
                "episode": a.episode,
                "subject": a.subject,
                "as_of": a.as_of.isoformat(),
                "created_at": a.created_at.isoformat(),
                "state": a.state,
                "attempts": a.attempts,
                "last_error": a.last_error,
                "next_attempt_at": a.next_attempt_at.isoformat() if a.next_attempt_at else None,
                "delivered_at": a.delivered_at.isoformat() if a.delivered_at else None,
                "delivered_to": a.delivered_to,
                "message_id": a.message_id,
                "superseded_by": a.superseded_by,
                "superseded_at": a.superseded_at.isoformat() if a.superseded_at else None,
                "superseded_reason": a.superseded_reason,
                "owed": [r.strip() for r in a.owed.split(",") if r.strip()],
                "refused": a.refused.splitlines(),
            }
            for a, name in rows
        ]
        if as_csv:
            print_csv(payload)
        else:
            print_json({"alerts": payload})
        return
    from rich.text import Text

    if not rows:
        typer.echo("no alerts")
    out = console()
    for a, _name in rows:
        lead = f"#{a.id:<4} {a.state:9} {_when(a.as_of)}  "
        first = Text(lead + cut(a.subject, max(out.width - len(lead), 20)))
        start = len(f"#{a.id:<4} ")
        first.stylize(STATE_STYLES.get(a.state, ""), start, start + len(a.state))
        out.print(first)
        line = ""
        if a.state == "pending" and a.last_error:
            when = _when(a.next_attempt_at)
            line += f"\n      attempt {a.attempts} failed: {a.last_error}; next {when}"
        elif a.state == "failed":
            line += f"\n      failed for good after {plural(a.attempts, 'attempt')}: {a.last_error}"
        if a.delivered_at or (a.state == "pending" and a.delivered_to):
            for where in (a.delivered_to or "").splitlines():
                line += f"\n      delivered {_when(a.delivered_at)} -> {where}"
        if a.refused:
            for refusal in a.refused.splitlines():
                line += f"\n      refused for good: {refusal}"
        if a.state == "superseded":
            line += f"\n      {_when(a.superseded_at)}: {a.superseded_reason}"
        if line:
            typer.echo(line.removeprefix("\n"))


@app.command()
def retry(
    ctx: typer.Context,
    ids: Annotated[
        list[int] | None, typer.Argument(help="Alert ids (default: all pending).")
    ] = None,
) -> None:
    """Deliver pending alerts now, without waiting for their backoff.

    Example: tracker alerts retry
    """
    from tracker.store import alert_store
    from tracker.store.engine import session as session_for

    wanted = check_ids(ids or [], "alert id")
    tracker = open_tracker(load(ctx), utcnow())
    with session_for(tracker.engine) as session:
        count = alert_store.retry_now(session, utcnow(), wanted)
    report = tracker.deliver(utcnow())
    for alert, where in report.delivered:
        typer.echo(f"sent: {alert.subject} -> {where}")
    for alert, error in report.failed:
        typer.echo(f"NOT SENT (kept, will retry): {alert.subject}: {error}", err=True)
    for alert, reason in report.superseded:
        typer.echo(f"superseded: {alert.subject}: {reason}")
    for alert, reason in report.refused:
        typer.echo(f"REFUSED (permanent, not retried): {alert.subject}: {reason}", err=True)
    typer.echo(f"{count} pending, {len(report.delivered)} delivered, {len(report.failed)} failed")
    if report.failed or report.refused:
        raise typer.Exit(EXIT_PARTIAL)


def mute(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=OFFICIAL)],
    for_: Annotated[str, typer.Option("--for", help="How long, e.g. 3d, 12h.")] = "3d",
    reason: Annotated[str, typer.Option("--reason", help="Why (shown in status, logged).")] = "",
) -> None:
    """Pause alerts about one official; tracking goes on. Shown in status and logged.

    Example: tracker mute "Sergey Lavrov" --for 3d --reason "on holiday, known"
    """
    from tracker.store import alert_store
    from tracker.store.engine import session as session_for

    duration = parse_step(for_, "--for")
    config = load(ctx)
    official = official_named(config, name)
    tracker = open_store(config, utcnow())
    now = utcnow()
    with session_for(tracker.engine) as session:
        row = alert_store.add_mute(
            session, tracker.ids[official], now, now + duration, reason.strip()
        )
    typer.echo(
        f"muted {official} until {row.until:%Y-%m-%d %H:%M} UTC" + (f": {reason}" if reason else "")
    )


def unmute(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=OFFICIAL)],
) -> None:
    """Lift the mutes on one official.

    Example: tracker unmute "Sergey Lavrov"
    """
    from tracker.store import alert_store
    from tracker.store.engine import session as session_for

    config = load(ctx)
    official = official_named(config, name)
    tracker = open_store(config, utcnow())
    with session_for(tracker.engine) as session:
        lifted = alert_store.lift_mutes(session, tracker.ids[official], utcnow())
    typer.echo(f"unmuted {official}" if lifted else f"{official} was not muted")


def await_(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who should reply: " + OFFICIAL)],
    since: Annotated[str, typer.Option("--since", help="When the wait began (ISO time).")],
    within: Annotated[str, typer.Option("--within", help="The window, e.g. 72h.")],
    about: Annotated[
        list[str] | None,
        typer.Option("--about", help="Topic word the reply's evidence must mention (repeatable)."),
    ] = None,
) -> None:
    """Watch for an awaited reply: met by an appearance of NAME whose evidence mentions the
    topic; an alert goes out once if the window passes without one.

    Example: tracker await "Sergey Lavrov" --since 2013-02-12T12:00Z --within 72h --about Kerry
    """
    from tracker.awaits import Await
    from tracker.store import alert_store
    from tracker.store.engine import session as session_for

    start = parse_time(since, end_of_day=False, option="--since")
    assert start is not None
    window = parse_step(within, "--within")
    config = load(ctx)
    official = official_named(config, name)
    tracker = open_store(config, utcnow())
    watch = Await(official, start, window, tuple(about or ()))
    with session_for(tracker.engine) as session:
        new = alert_store.add_await(session, tracker.ids[official], watch, utcnow(), "cli")
    verb = "watching" if new else "already watching"
    topic = f" about {', '.join(watch.about)}" if watch.about else ""
    typer.echo(f"{verb} for a reply from {official}{topic} by {watch.deadline:%Y-%m-%d %H:%M} UTC")


def test_email(ctx: typer.Context) -> None:
    """Send one test message through the configured SMTP server and say exactly what failed.

    Example: tracker test-email
    """
    from tracker.notify.message import Part, compose
    from tracker.notify.smtp import DeliveryError, SmtpTransport

    config = load(ctx)
    if config.email is None:
        raise fail(f"{config.path}: no [email] section: alerts go to {config.outbox}", EXIT_USAGE)
    email = config.email
    now = utcnow()
    part = Part(
        subject="[tracker] test message",
        text=f"This is a test from tracker ({config.path}), sent {now:%Y-%m-%d %H:%M} UTC.\n",
        html="<p>This is a test from tracker.</p>",
        message_id=f"<tracker-test-{int(now.timestamp())}@tracker.invalid>",
    )
    message = compose([part], sender=email.sender, recipients=email.to, when=now)
    try:
        receipt = SmtpTransport(email).send(message, email.to)
    except DeliveryError as exc:
        raise fail(f"test email not sent: {exc}", EXIT_ERROR) from None
    refusals = [*receipt.deferred, *receipt.refused]
    for address, reply in refusals:
        typer.echo(f"test email refused for {address}: {reply}", err=True)
    if not receipt.accepted:
        raise fail("test email not sent: every recipient refused it", EXIT_ERROR)
    typer.echo(f"test email sent: {receipt.where} to {', '.join(receipt.accepted)}")
    if refusals:
        raise typer.Exit(EXIT_PARTIAL)
