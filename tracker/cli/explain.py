"""`tracker explain URL`: how each sentence of one entry was classified, and why."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.context import EXIT_USAGE, fail, load, open_tracker, utcnow
from tracker.cli.report import dispute_json

if TYPE_CHECKING:
    from tracker import corroborate
    from tracker.corroborate import Account, Dispute, Support
    from tracker.recognize import SentenceDecision
    from tracker.store.tables import EntryRow


def across_entries(
    accounts: list[Account],
    reports: list[corroborate.AbsenceReport],
    mine: list[Account],
    now: datetime,
) -> dict[tuple[str, date], tuple[Support, Dispute | None]]:
    """Per (official, day) of this entry's appearances: its support and any dispute."""
    from tracker import corroborate

    known = {(a.official, a.day, a.url) for a in accounts}
    everything = accounts + [a for a in mine if (a.official, a.day, a.url) not in known]
    support = corroborate.support(everything, now)
    out: dict[tuple[str, date], tuple[Support, Dispute | None]] = {}
    for a in mine:
        key = (a.official, a.day)
        if key in support and key not in out:
            out[key] = (support[key], corroborate.contradiction(support[key], reports, now))
    return out


def across_json(row: EntryRow, judgement: tuple[Support, Dispute | None] | None) -> dict[str, Any]:
    """An appearance's corroboration (its sources; the other entries) and dispute."""
    if judgement is None:
        return {"corroboration": None, "disputed": None}
    found, dispute = judgement
    return {
        "corroboration": {
            "sources": list(found.sources),
            "others": [
                {"source": a.source, "url": a.url, "published": a.published.isoformat()}
                for a in found.accounts
                if a.url != row.url
            ],
        },
        "disputed": dispute_json(dispute) if dispute is not None else None,
    }


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
    from tracker import corroborate
    from tracker.corroborate import Account
    from tracker.domain import Entry, Kind
    from tracker.store import repo
    from tracker.store.engine import session as session_for
    from tracker.store.tables import FeedRow

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
    now = utcnow()
    with session_for(tracker.engine) as session:
        feed = session.get(FeedRow, row.feed_id) if row.feed_id is not None else None
        source = corroborate.source_of(row.url, feed.url if feed else "")
        mine = [
            Account(
                d.official, d.decision.day, source, row.published, d.decision.confidence, row.url
            )
            for d in decisions
            if d.decision.kind is Kind.APPEARANCE
        ]
        days = sorted({(a.official, a.day) for a in mine})
        accounts = repo.accounts_on(session, days, now)
        reports = [
            r for o in sorted({o for o, _ in days}) for r in repo.absence_reports(session, now, o)
        ]
    judged = across_entries(accounts, reports, mine, now)

    def judge(d: SentenceDecision) -> tuple[Support, Dispute | None] | None:
        if d.decision.kind is not Kind.APPEARANCE:
            return None
        return judged.get((d.official, d.decision.day))

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
                    **across_json(row, judge(d)),
                }
                for d in decisions
            ],
        }
        from tracker.cli.tables import print_json

        print_json(payload)
        return
    typer.echo(f"{row.title}\n{row.url}\npublished {row.published:%Y-%m-%d %H:%M} UTC\n")
    if not decisions:
        typer.echo("no watched official is named in this entry")
    for d in decisions:
        where = "headline" if d.headline else "sentence"
        dated = f" {d.decision.day}" if d.decision.kind.value == "appearance" else ""
        why = f"confidence {d.decision.confidence:.2f}; {d.decision.cue}"
        typer.echo(f"{d.official}: {d.decision.kind.value.upper()}{dated} ({why})")
        typer.echo(f"  {where}: {d.sentence}")
        judgement = judge(d)
        if judgement is not None:
            found, dispute = judgement
            names = ", ".join(found.sources)
            typer.echo(
                f"  sources for {d.official} on {d.decision.day}: {len(found.sources)} ({names})"
            )
            for a in found.accounts:
                if a.url != row.url:
                    typer.echo(f"    also {a.source}: {a.url}")
            if dispute is not None:
                typer.echo(f"  DISPUTED: {dispute.reason}")
            else:
                typer.echo("  not disputed")
        typer.echo("")
