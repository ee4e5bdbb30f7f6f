"""Commands that answer questions: status, history."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from tracker.cli.context import load, open_tracker, parse_time, utcnow
from tracker.domain import Kind, OfficialStatus
from tracker.durations import format_duration
from tracker.evaluate import Evaluation
from tracker.store import repo
from tracker.store.engine import session as session_for


def _days(value: Any) -> float | None:
    return None if value is None else round(value.total_seconds() / 86400, 2)


def status_json(evaluation: Evaluation) -> dict[str, Any]:
    def one(s: OfficialStatus) -> dict[str, Any]:
        e = s.evidence
        return {
            "name": s.name,
            "status": s.status.value,
            "last_seen": s.last_seen.isoformat() if s.last_seen else None,
            "silent_for_days": _days(s.silent_for),
            "threshold_days": _days(s.threshold),
            "evidence": {"url": e.url, "title": e.title, "text": e.text} if e else None,
            "absences_since_last_seen": evaluation.absences.get(s.name, 0),
            "watching_since": s.watching_since.isoformat() if s.watching_since else None,
            "threshold": s.threshold_how,
            "muted_until": mutes[s.name].until.isoformat() if s.name in mutes else None,
            "mute_reason": mutes[s.name].reason if s.name in mutes else None,
        }

    mutes = evaluation.mutes
    return {
        "as_of": evaluation.as_of.isoformat(),
        "officials": [one(s) for s in evaluation.statuses],
        "awaits": [
            {
                "official": a.watch.official,
                "since": a.watch.since.isoformat(),
                "deadline": a.watch.deadline.isoformat(),
                "about": list(a.watch.about),
                "phase": a.phase.value,
                "met_on": a.met_by.date.isoformat() if a.met_by else None,
            }
            for a in evaluation.awaits
        ],
    }


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_status_table(evaluation: Evaluation) -> None:
    rows = [("OFFICIAL", "STATUS", "LAST SEEN", "SILENT", "THRESHOLD", "ABSENCES", "EVIDENCE")]
    for s in evaluation.statuses:
        silent = f"{s.silent_for.total_seconds() / 86400:.1f}d" if s.silent_for is not None else "-"
        evidence = _cut(s.evidence.text, 60) if s.evidence else "-"
        rows.append(
            (
                s.name,
                s.status.value,
                s.last_seen.isoformat() if s.last_seen else "-",
                silent,
                format_duration(s.threshold),
                str(evaluation.absences.get(s.name, 0) or "-"),
                evidence,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    typer.echo(f"as of {evaluation.as_of:%Y-%m-%d %H:%M} UTC")
    for r in rows:
        typer.echo("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
    adaptive = [s for s in evaluation.statuses if s.threshold_how.startswith("adaptive")]
    for s in adaptive:
        typer.echo(f"threshold of {s.name}: {s.threshold_how}")
    for name, mute in sorted(evaluation.mutes.items()):
        why = f": {mute.reason}" if mute.reason else ""
        typer.echo(f"muted: {name} until {mute.until:%Y-%m-%d %H:%M} UTC{why}")
    for a in evaluation.open_awaits:
        topic = f" about {', '.join(a.watch.about)}" if a.watch.about else ""
        state = "OVERDUE" if a.phase.value == "overdue" else "open"
        typer.echo(
            f"awaiting ({state}): a reply from {a.watch.official}{topic}, "
            f"since {a.watch.since:%Y-%m-%d %H:%M}, due {a.watch.deadline:%Y-%m-%d %H:%M} UTC"
        )


def status(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Answer as the tracker would have then (YYYY-MM-DD = end of day)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
) -> None:
    """Who has gone quiet: a table sorted by urgency, or JSON.

    Example: tracker status --as-of 2025-11-12 --json
    """
    config = load(ctx)
    when = parse_time(as_of) or utcnow()
    tracker = open_tracker(config, utcnow())
    evaluation = tracker.statuses(when)
    if as_json:
        typer.echo(json.dumps(status_json(evaluation), ensure_ascii=False, indent=2))
        return
    print_status_table(evaluation)
    with session_for(tracker.engine) as session:
        failing = [
            f
            for f in repo.polled_feeds(session)
            if f.consecutive_failures > 0 or f.disabled_at is not None
        ]
    if failing:
        worst = max(failing, key=lambda f: f.consecutive_failures)
        typer.echo(
            f"\nwarning: {len(failing)} feed(s) failing or disabled (see `tracker feeds`);"
            f" e.g. {worst.name}: {worst.disabled_reason or worst.last_error}"
        )


def history(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="Only this official.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="Also show absence reports and mentions.")
    ] = False,
) -> None:
    """The recorded appearances with their evidence, oldest first.

    Example: tracker history "Sergey Lavrov" --json
    """
    config = load(ctx)
    tracker = open_tracker(config, utcnow())
    kinds = (Kind.APPEARANCE, Kind.ABSENCE, Kind.MENTION) if mentions else (Kind.APPEARANCE,)
    with session_for(tracker.engine) as session:
        items = repo.history(session, name, kinds)
    if name is not None and name.casefold() not in {o.name.casefold() for o in config.officials}:
        typer.echo(f"tracker: warning: {name!r} is not on the watchlist", err=True)
    if as_json:
        payload = [
            {
                "official": i.official,
                "date": i.day,
                "url": i.url,
                "title": i.title,
                "text": i.text,
                "kind": i.kind,
                "cue": i.cue,
                "confidence": i.confidence,
                "published": i.published.isoformat(),
            }
            for i in items
        ]
        key = "appearances" if not mentions else "findings"
        body: dict[str, Any] = {key: payload}
        if mentions:
            body["appearances"] = [p for p in payload if p["kind"] == Kind.APPEARANCE.value]
        typer.echo(json.dumps(body, ensure_ascii=False, indent=2))
        return
    for i in items:
        tag = "" if i.kind == Kind.APPEARANCE.value else f" [{i.kind}]"
        typer.echo(f"{i.day}  {i.official}{tag}\n    {_cut(i.text, 200)}\n    {i.title} <{i.url}>")
    if not items:
        typer.echo("no appearances recorded" + (f" for {name}" if name else ""))
