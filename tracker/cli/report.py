"""Commands that answer questions: status, history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Any

import typer

from tracker.cli.context import load, official_named, open_store, parse_time, utcnow

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlmodel import Session

    from tracker.corroborate import Dispute
    from tracker.domain import Kind, OfficialStatus
    from tracker.evaluate import Evaluation
    from tracker.notify.plan import Waiting
    from tracker.store import corrections, repo


def _days(value: Any) -> float | None:
    return None if value is None else round(value.total_seconds() / 86400, 2)


def dispute_json(d: Dispute) -> dict[str, Any]:
    """A disputed sighting: which one, and the report that contradicts it."""
    first = d.sighting.accounts[0]
    r = d.report
    return {
        "date": d.day.isoformat(),
        "url": first.url,
        "source": first.source,
        "reason": d.reason,
        "contradicted_by": {
            "url": r.url,
            "source": r.source,
            "published": r.published.isoformat(),
            "since": r.since.isoformat() if r.since else None,
            "text": r.text,
        },
    }


def status_json(evaluation: Evaluation) -> dict[str, Any]:
    def one(s: OfficialStatus) -> dict[str, Any]:
        e = s.evidence
        sources = evaluation.sources.get(s.name, ())
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
            "last_seen_sources": len(sources),
            "last_seen_source_names": list(sources),
            "disputed": [dispute_json(d) for d in evaluation.disputed.get(s.name, [])],
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
        "undelivered": [waiting_json(w) for w in evaluation.undelivered],
    }


def waiting_json(w: Waiting) -> dict[str, Any]:
    return {
        "id": w.id,
        "official": w.official,
        "kind": w.kind,
        "subject": w.subject,
        "state": w.state,
        "attempts": w.attempts,
        "last_error": w.last_error,
        "next_attempt_at": w.next_attempt_at.isoformat() if w.next_attempt_at else None,
    }


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


HEADER = (
    "OFFICIAL",
    "STATUS",
    "LAST SEEN",
    "SOURCES",
    "SILENT",
    "THRESHOLD",
    "ABSENCES",
    "EVIDENCE",
)


def silence_text(silent_for: timedelta | None) -> str:
    """'12 days', '1 day', '5 hours', '-': whole units, the largest that fits."""
    from tracker.cli.tables import plural

    if silent_for is None:
        return "-"
    seconds = int(silent_for.total_seconds())
    for unit, size in (("day", 86400), ("hour", 3600)):
        if seconds >= size:
            return plural(seconds // size, unit)
    return plural(max(seconds // 60, 0), "minute")


def print_status_table(evaluation: Evaluation) -> None:
    """The table, most urgent first; a muted official says so in its row and goes after
    those not muted (it is not what needs attention). Footnotes below it."""
    from tracker.cli.tables import print_table
    from tracker.durations import format_duration
    from tracker.notify.plan import waiting_line

    mutes = evaluation.mutes
    ordered = [s for s in evaluation.statuses if s.name not in mutes]
    ordered += [s for s in evaluation.statuses if s.name in mutes]
    rows = []
    for s in ordered:
        evidence = _cut(s.evidence.text, 60) if s.evidence else "-"
        sources = len(evaluation.sources.get(s.name, ()))
        disputed = len(evaluation.disputed.get(s.name, []))
        rows.append(
            (
                s.name,
                "muted" if s.name in mutes else s.status.value,
                s.last_seen.isoformat() if s.last_seen else "-",
                (str(sources) if sources else "-") + (f", {disputed} disputed" if disputed else ""),
                silence_text(s.silent_for),
                format_duration(s.threshold),
                str(evaluation.absences.get(s.name, 0) or "-"),
                evidence,
            )
        )
    typer.echo(f"as of {evaluation.as_of:%Y-%m-%d %H:%M} UTC")
    print_table(HEADER, rows, free=len(HEADER) - 1, state=1)
    adaptive = [s for s in evaluation.statuses if s.threshold_how.startswith("adaptive")]
    for s in adaptive:
        typer.echo(f"threshold of {s.name}: {s.threshold_how}")
    for name, disputes in sorted(evaluation.disputed.items()):
        for d in disputes:
            typer.echo(f"disputed: {name} seen {d.day}, set aside: {d.reason}")
    for name, mute in sorted(evaluation.mutes.items()):
        why = f": {mute.reason}" if mute.reason else ""
        typer.echo(f"muted: {name} until {mute.until:%Y-%m-%d %H:%M} UTC{why}")
    for w in evaluation.undelivered:
        typer.echo(f"undelivered: {waiting_line(w)}")
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
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV for spreadsheets.")] = False,
) -> None:
    """Who has gone quiet: a table sorted by urgency (sized to the terminal), JSON or CSV.

    Example: tracker status --as-of 2025-11-12 --json
    """
    from tracker.cli.tables import check_format, plural, print_csv, print_json
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    check_format(as_json, as_csv)
    config = load(ctx)
    when = parse_time(as_of) or utcnow()
    tracker = open_store(config, utcnow())
    # a moment asked for is likely asked again (tracker/store/memo.py)
    evaluation = tracker.statuses(when, remember_past=as_of is not None)
    if as_json:
        print_json(status_json(evaluation))
        return
    if as_csv:
        print_csv(status_json(evaluation)["officials"])
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
            f"\nwarning: {plural(len(failing), 'feed')} failing or disabled (see `tracker feeds`);"
            f" e.g. {worst.name}: {worst.disabled_reason or worst.last_error}"
        )


def by_hand_item(c: corrections.Listed) -> repo.HistoryItem:
    """A sighting added by hand, as history lists the recorded ones."""
    from tracker.domain import Kind
    from tracker.store import corrections, repo

    sighting = corrections.to_sighting(c.row, c.official)
    return repo.HistoryItem(
        official=c.official,
        kind=Kind.APPEARANCE.value,
        day=sighting.date.isoformat(),
        url=sighting.url,
        title=sighting.title,
        text=sighting.text,
        cue="by hand",
        confidence=1.0,
        published=sighting.published,
        source=c.row.source or "by hand",
    )


def corrected_history(
    session: Session, name: str | None, kinds: Sequence[Kind]
) -> list[tuple[repo.HistoryItem, corrections.Listed | None]]:
    """The recorded findings, each with the correction in force that sets it aside (if
    any), and the sightings added by hand (with theirs), oldest first."""
    from tracker.store import corrections, repo

    items = repo.history(session, name, kinds)
    found = [
        c
        for c in corrections.listed(session)
        if name is None or c.official.casefold() == name.casefold()
    ]
    verdicts = corrections.verdicts(items, found)
    rows = [(i, verdicts.get(i.finding_id)) for i in items]
    rows += [(by_hand_item(c), c) for c in found if c.row.action == corrections.ADD]
    return sorted(rows, key=lambda row: row[0].day)


def history(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(help="Only this official: name, alias or surname; any case or accents."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="Also show absence reports and mentions.")
    ] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV for spreadsheets.")] = False,
    ids: Annotated[
        bool, typer.Option("--ids", help="Show finding and entry ids (for tracker correct).")
    ] = False,
) -> None:
    """The recorded appearances with their evidence, oldest first; corrections by hand
    where they apply (a rejected sighting is marked, not hidden; one added by hand shown).

    Example: tracker history "Sergey Lavrov" --json
    """
    from tracker import corroborate
    from tracker.cli.tables import check_format, cut, print_csv, print_json, width
    from tracker.corroborate import Account
    from tracker.domain import Kind
    from tracker.store import corrections, repo
    from tracker.store.engine import session as session_for

    check_format(as_json, as_csv)
    config = load(ctx)
    if name is not None:
        name = official_named(config, name)
    now = utcnow()
    tracker = open_store(config, now)
    kinds = (Kind.APPEARANCE, Kind.ABSENCE, Kind.MENTION) if mentions else (Kind.APPEARANCE,)
    with session_for(tracker.engine) as session:
        rows = corrected_history(session, name, kinds)
        reports = repo.absence_reports(session, now, name)
    accounts = [
        Account(i.official, date.fromisoformat(i.day), i.source, i.published, i.confidence, i.url)
        for i, c in rows
        if i.kind == Kind.APPEARANCE.value and c is None
    ]
    support = corroborate.support(accounts, now)
    disputes = corroborate.disputes(accounts, reports, now)

    def judged(i: repo.HistoryItem) -> tuple[int | None, Dispute | None]:
        if i.kind != Kind.APPEARANCE.value:
            return None, None
        key = (i.official, date.fromisoformat(i.day))
        found = support.get(key)
        return (len(found.sources) if found else 1), disputes.get(key)

    if as_json or as_csv:
        payload = []
        for i, c in rows:
            sources, dispute = judged(i) if c is None else (None, None)
            payload.append(
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
                    "source": i.source,
                    "sources": sources,
                    "since": i.since,
                    "disputed": dispute is not None,
                    "disputed_reason": dispute.reason if dispute else None,
                    "contradicted_by": dispute_json(dispute)["contradicted_by"]
                    if dispute
                    else None,
                    "by_hand": c is not None and c.row.action == corrections.ADD,
                    "correction": c.as_json() if c is not None else None,
                }
            )
            if ids:  # only when asked: rescan makes findings anew, with new ids
                payload[-1] |= {"finding_id": i.finding_id or None, "entry_id": i.entry_id or None}
        if as_csv:
            print_csv(payload)
            return
        key = "appearances" if not mentions else "findings"
        body: dict[str, Any] = {key: payload}
        if mentions:
            body["appearances"] = [p for p in payload if p["kind"] == Kind.APPEARANCE.value]
        print_json(body)
        return
    room = min(200, width() - 4)
    for i, c in rows:
        sources, dispute = judged(i) if c is None else (None, None)
        tag = "" if i.kind == Kind.APPEARANCE.value else f" [{i.kind}]"
        if sources is not None and sources > 1:
            tag += f" ({sources} sources)"
        if dispute is not None:
            tag += " [DISPUTED]"
        if c is not None:
            tag += {"add": " [BY HAND]", "reject": " [REJECTED]"}.get(c.row.action, " [NOT ABOUT]")
        where = f" [finding #{i.finding_id}, entry #{i.entry_id}]" if ids and i.finding_id else ""
        typer.echo(
            f"{i.day}  {i.official}{tag}\n    {cut(i.text, room)}\n    {i.title} <{i.url}>{where}"
        )
        if dispute is not None:
            typer.echo(f"    disputed: {dispute.reason}")
        if c is not None:
            typer.echo(f"    correction {c.describe()}")
    if not rows:
        typer.echo("no appearances recorded" + (f" for {name}" if name else ""))
