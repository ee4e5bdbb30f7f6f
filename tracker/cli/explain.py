"""`tracker explain URL`: how each sentence of one entry was classified, and why."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from tracker.cli.context import EXIT_USAGE, fail, load, open_tracker, utcnow
from tracker.domain import Entry
from tracker.store import repo
from tracker.store.engine import session as session_for


def explain(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="The entry's link or guid, as stored.")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
) -> None:
    """Show for one stored entry how each sentence naming a watched official was
    classified (appearance, absence or mention), the cue that decided it, the date
    and the confidence.

    Example: tracker explain https://northwire.example/world/2025/11/10/questions-mount
    """
    config = load(ctx)
    tracker = open_tracker(config, utcnow())
    with session_for(tracker.engine) as session:
        rows = repo.entries_by_url(session, url)
    if not rows:
        raise fail(
            f"no stored entry has the link or guid {url!r} (import or poll it first)", EXIT_USAGE
        )
    row = rows[0]
    entry = Entry(
        title=row.title, text=row.text, published=row.published, url=row.url, guid=row.guid
    )
    decisions = tracker.recognizer.explain(entry)
    if as_json:
        payload: dict[str, Any] = {
            "url": row.url,
            "title": row.title,
            "published": row.published.isoformat(),
            "sentences": [
                {
                    "official": d.official,
                    "sentence": d.sentence,
                    "headline": d.headline,
                    "kind": d.decision.kind.value,
                    "date": d.decision.day.isoformat(),
                    "precision": d.decision.precision,
                    "cue": d.decision.cue,
                    "confidence": d.decision.confidence,
                }
                for d in decisions
            ],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{row.title}\n{row.url}\npublished {row.published:%Y-%m-%d %H:%M} UTC\n")
    if not decisions:
        typer.echo("no watched official is named in this entry")
    for d in decisions:
        where = "headline" if d.headline else "sentence"
        dated = f" {d.decision.day}" if d.decision.kind.value == "appearance" else ""
        why = f"confidence {d.decision.confidence:.2f}; {d.decision.cue}"
        typer.echo(f"{d.official}: {d.decision.kind.value.upper()}{dated} ({why})")
        typer.echo(f"  {where}: {d.sentence}\n")
