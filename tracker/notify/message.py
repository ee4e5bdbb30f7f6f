"""Alert messages, built from decisions. Pure: the same inputs always give the same bytes.

Everything that came from a feed (names, titles, sentences, links) is untrusted: it is
flattened to one line before it can reach a header, and escaped in HTML, so a title
with CR/LF, markup or a script tag shows as text.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from tracker.domain import AlertDecision, AlertKind, Sighting
from tracker.durations import format_duration


@dataclass(frozen=True)
class Report:
    """An absence report or mention since the person was last seen."""

    kind: str
    day: date
    text: str
    url: str = ""
    title: str = ""


@dataclass(frozen=True)
class Context:
    recent: tuple[Sighting, ...] = ()  # latest appearances, newest first
    reports: tuple[Report, ...] = ()  # absence reports and mentions since last seen
    previous_last_seen: date | None = None  # for "seen again": the end of the gap


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str  # a self-contained section; compose() puts sections in one document
    message_id: str


@dataclass(frozen=True)
class Part:
    """What compose() needs of a stored alert."""

    subject: str
    text: str
    html: str
    message_id: str
    kind: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def one_line(text: str, limit: int = 300) -> str:
    """Feed text bound for a header or a list line: no CR/LF, bounded length."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _days(seconds: float) -> str:
    """Whole days completed: 'silent for 15 days' means at least 15 full days."""
    days = int(seconds // 86400)
    return f"{days} day" + ("" if days == 1 else "s")


def message_id(official: str, kind: str, episode: str) -> str:
    """Stable per alert, so a retry after a crash is recognisably the same message."""
    digest = hashlib.sha256(f"{official}\x00{kind}\x00{episode}".encode()).hexdigest()[:24]
    return f"<tracker-{kind}-{digest}@tracker.invalid>"


def _esc(text: str) -> str:
    return html.escape(one_line(text, 2000), quote=True)


def _link(url: str, label: str) -> str:
    safe = one_line(url, 2000)
    if not safe.lower().startswith(("http://", "https://")):
        return _esc(label)
    return f'<a href="{html.escape(safe, quote=True)}">{_esc(label)}</a>'


def _subject(decision: AlertDecision, context: Context) -> str:
    status = decision.status
    name = one_line(decision.official, 120)
    threshold = format_duration(status.threshold)
    silent = status.silent_for.total_seconds() if status.silent_for else 0.0
    seen = status.last_seen.isoformat() if status.last_seen else "?"
    if decision.kind is AlertKind.SILENT:
        return f"[tracker] {name} silent for {_days(silent)} (threshold {threshold})"
    if decision.kind is AlertKind.REPEAT:
        return f"[tracker] still silent: {name}, {_days(silent)} (threshold {threshold})"
    if decision.kind is AlertKind.QUIET:
        return f"[tracker] {name} quiet for {_days(silent)} (threshold {threshold})"
    if decision.kind is AlertKind.SEEN_AGAIN:
        gap = ""
        if context.previous_last_seen and status.last_seen:
            gap = f" after {(status.last_seen - context.previous_last_seen).days} days"
        return f"[tracker] {name} seen again on {seen}{gap}"
    watch = decision.awaited.watch if decision.awaited else None
    window = format_duration(watch.within) if watch else "?"
    about = f" about {one_line(', '.join(watch.about), 80)}" if watch and watch.about else ""
    if decision.kind is AlertKind.AWAIT_OVERDUE:
        return f"[tracker] no reply from {name}{about} within {window}"
    return f"[tracker] {name} replied{about}, after the {window} window"


def _headline(decision: AlertDecision, context: Context) -> str:
    status = decision.status
    name = one_line(decision.official, 120)
    threshold = format_duration(status.threshold)
    silent = _days(status.silent_for.total_seconds() if status.silent_for else 0.0)
    seen = status.last_seen.isoformat() if status.last_seen else "never"
    kind = decision.kind
    if kind in (AlertKind.SILENT, AlertKind.REPEAT):
        return (
            f"{name} has not been seen in public for {silent}, past the threshold of {threshold}."
        )
    if kind is AlertKind.QUIET:
        return f"{name} has not been seen in public for {silent}; the threshold is {threshold}."
    if kind is AlertKind.SEEN_AGAIN:
        since = context.previous_last_seen.isoformat() if context.previous_last_seen else "?"
        return f"{name} was seen in public again on {seen}, after last being seen on {since}."
    watch = decision.awaited.watch if decision.awaited else None
    opened = watch.since.strftime("%Y-%m-%d %H:%M UTC") if watch else "?"
    deadline = watch.deadline.strftime("%Y-%m-%d %H:%M UTC") if watch else "?"
    if kind is AlertKind.AWAIT_OVERDUE:
        return f"No reply from {name} between {opened} and {deadline}."
    met = decision.awaited.met_by if decision.awaited else None
    when = met.date.isoformat() if met else "?"
    return f"{name} replied on {when}; the window closed at {deadline}."


def render(decision: AlertDecision, context: Context | None = None) -> Rendered:
    context = context or Context()
    status = decision.status
    name = one_line(decision.official, 120)
    subject = one_line(_subject(decision, context), 250)
    headline = _headline(decision, context)
    evidence = status.evidence
    if decision.awaited is not None and decision.awaited.met_by is not None:
        evidence = decision.awaited.met_by

    text = [headline, ""]
    text.append(f"Last seen:  {status.last_seen.isoformat() if status.last_seen else 'never'}")
    text.append(f"Threshold:  {format_duration(status.threshold)}"
                + (f" ({status.threshold_how})" if status.threshold_how else ""))  # fmt: skip
    text.append(f"As of:      {status.as_of.strftime('%Y-%m-%d %H:%M UTC')}")
    if evidence is not None:
        text += [
            "",
            "Evidence:",
            f"  {one_line(evidence.text, 1000)}",
            f"  — {one_line(evidence.title, 300)}",
            f"  {one_line(evidence.url, 1000)}",
        ]
    if context.reports:
        text += ["", f"Since then ({len(context.reports)} reports):"]
        for r in context.reports[:8]:
            text.append(f"  {r.day} [{r.kind}] {one_line(r.text, 240)}")
    if context.recent:
        text += ["", "Recent appearances:"]
        for s in context.recent[:6]:
            text.append(f"  {s.date}  {one_line(s.text, 200)}")
    mute = f'tracker mute "{name}" --for 3d --reason "..."'
    text += ["", "-- ", f"To pause alerts about {name}: {mute}"]

    rows = "".join(
        f"<li><b>{_esc(str(r.day))}</b> <i>{_esc(r.kind)}</i> {_esc(r.text)}"
        f"{' (' + _link(r.url, 'source') + ')' if r.url else ''}</li>"
        for r in context.reports[:8]
    )
    timeline = "".join(
        f'<tr><td style="padding:2px 8px 2px 0;white-space:nowrap">{_esc(str(s.date))}</td>'
        f"<td>{_esc(s.text)} {_link(s.url, '[source]') if s.url else ''}</td></tr>"
        for s in context.recent[:6]
    )
    last_seen = status.last_seen.isoformat() if status.last_seen else "never"
    how = f" <small>({_esc(status.threshold_how)})</small>" if status.threshold_how else ""
    cell = '<tr><td style="padding-right:8px">'
    section = [
        '<div style="border-left:4px solid #b00;padding:4px 12px;margin:12px 0">',
        f'<h2 style="font-size:16px;margin:4px 0">{_esc(subject.removeprefix("[tracker] "))}</h2>',
        f"<p>{_esc(headline)}</p>",
        '<table style="border-collapse:collapse;font-size:14px">',
        f"{cell}Last seen</td><td>{_esc(last_seen)}</td></tr>",
        f"{cell}Threshold</td><td>{_esc(format_duration(status.threshold))}{how}</td></tr>",
        "</table>",
    ]
    if evidence is not None:
        section.append(
            f'<blockquote style="margin:8px 0;color:#333">{_esc(evidence.text)}<br>'
            f"— {_link(evidence.url, evidence.title or evidence.url)}</blockquote>"
        )
    if rows:
        section.append(f"<p>Since then ({len(context.reports)} reports):</p><ul>{rows}</ul>")
    if timeline:
        section.append(
            f'<p>Recent appearances:</p><table style="font-size:13px">{timeline}</table>'
        )
    section.append(f'<p style="color:#666;font-size:12px">To pause: <code>{_esc(mute)}</code></p>')
    section.append("</div>")
    return Rendered(
        subject=subject,
        text="\n".join(text) + "\n",
        html="\n".join(section),
        message_id=message_id(decision.official, decision.kind.value, decision.episode),
    )


def compose(
    parts: Sequence[Part], *, sender: str, recipients: Sequence[str], when: datetime
) -> EmailMessage:
    """One message (plain text and HTML) for one or several alerts due together."""
    if not parts:
        raise ValueError("nothing to compose")
    message = EmailMessage()
    if len(parts) == 1:
        subject = parts[0].subject
        mid = parts[0].message_id
    else:
        titles = "; ".join(p.subject.removeprefix("[tracker] ") for p in parts)
        subject = one_line(f"[tracker] {len(parts)} alerts: {titles}", 250)
        digest = hashlib.sha256("".join(sorted(p.message_id for p in parts)).encode()).hexdigest()
        mid = f"<tracker-group-{digest[:24]}@tracker.invalid>"
    message["Subject"] = one_line(subject, 250)
    message["From"] = one_line(sender, 300)
    message["To"] = ", ".join(one_line(r, 300) for r in recipients)
    message["Date"] = format_datetime(when)
    message["Message-ID"] = mid
    message["X-Tracker-Alerts"] = " ".join(p.message_id for p in parts)
    message["X-Tracker-As-Of"] = when.strftime("%Y%m%dT%H%M%S")
    kinds = sorted({p.kind for p in parts if p.kind})
    if kinds:
        message["X-Tracker-Kind"] = ",".join(kinds)
    separator = "\n" + "=" * 60 + "\n\n"
    message.set_content(separator.join(p.text for p in parts))
    body = "\n".join(p.html for p in parts)
    document = (
        '<!doctype html><html><body style="font-family:sans-serif;max-width:720px">'
        f"{body}</body></html>"
    )
    message.add_alternative(document, subtype="html")
    return message
