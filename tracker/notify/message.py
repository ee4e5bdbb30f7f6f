"""Alert messages, built from decisions. Pure: the same inputs always give the same bytes.

Everything that came from a feed (names, titles, sentences, links) is untrusted: it is
flattened to one line before it can reach a header, and escaped in HTML, so a title
with CR/LF, markup or a script tag shows as text.
"""

from __future__ import annotations

import hashlib
import html
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime

from tracker.corroborate import source_of
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
    report_count: int | None = None  # how many reports there are; `reports` are the latest


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
    thread: str = ""  # a follow-up: the Message-ID of its episode's first message


def one_line(text: str, limit: int = 300) -> str:
    """Feed text bound for a header or a list line: no CR/LF, no control, bidi or
    zero-width characters (U+202E, U+200B, ...), bounded length."""
    text = str(text)
    visible = (  # printable text has no control character (category C) to drop
        text
        if text.isprintable()
        else "".join(c for c in text if c.isspace() or unicodedata.category(c)[0] != "C")
    )
    flat = " ".join(visible.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _outlet(url: str) -> str:
    """The outlet named beside a link: its registered domain."""
    return source_of(one_line(url, 2000)) if url else ""


def _cite(title: str, url: str) -> list[str]:
    """Plain-text lines naming an outlet and its link."""
    if not url:
        return [f"  — {one_line(title, 300)}"] if title else []
    outlet = _outlet(url)
    label = f"{one_line(title, 300)} ({outlet})" if title else outlet
    return [f"  — {label}", f"    {one_line(url, 1000)}"]


def _days(seconds: float) -> str:
    """Whole days completed: 'silent for 15 days' means at least 15 full days."""
    return plural(int(seconds // 86400), "day")


def message_id(official: str, kind: str, episode: str) -> str:
    """Stable per alert, so a retry after a crash is recognisably the same message."""
    digest = hashlib.sha256(f"{official}\x00{kind}\x00{episode}".encode()).hexdigest()[:24]
    return f"<tracker-{kind}-{digest}@tracker.invalid>"


def _since_then(shown: int, total: int | None) -> str:
    """'Since then (11 reports; the latest 8)': a count, never a display cap."""
    total = shown if total is None else max(total, shown)
    latest = f"; the latest {shown}" if total > shown else ""
    return f"Since then ({plural(total, 'report')}{latest})"


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
        text += ["", "Evidence:", f"  {one_line(evidence.text, 1000)}"]
        text += _cite(evidence.title, evidence.url)
    shown = context.reports[:8]
    since = _since_then(len(shown), context.report_count)
    if shown:
        text += ["", f"{since}:"]
        for r in shown:
            text.append(f"  {r.day} [{r.kind}] {one_line(r.text, 240)}")
            text += ["  " + line for line in _cite(r.title, r.url)]
    if context.recent:
        text += ["", "Recent appearances:"]
        for s in context.recent[:6]:
            text.append(f"  {s.date}  {one_line(s.text, 200)}")
            text += ["  " + line for line in _cite(s.title, s.url)]
    mute = f'tracker mute "{name}" --for 3d --reason "..."'
    text += ["", "-- ", f"To pause alerts about {name}: {mute}"]

    rows = "".join(
        f"<li><b>{_esc(str(r.day))}</b> <i>{_esc(r.kind)}</i> {_esc(r.text)}"
        f"{' (' + _link(r.url, _outlet(r.url)) + ')' if r.url else ''}</li>"
        for r in shown
    )
    timeline = "".join(
        f'<tr><td style="padding:2px 8px 2px 0;white-space:nowrap">{_esc(str(s.date))}</td>'
        f"<td>{_esc(s.text)} {'(' + _link(s.url, _outlet(s.url)) + ')' if s.url else ''}</td></tr>"
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
            f"— {_link(evidence.url, evidence.title or evidence.url)}"
            f"{' (' + _esc(_outlet(evidence.url)) + ')' if evidence.url else ''}</blockquote>"
        )
    if rows:
        section.append(f"<p>{_esc(since)}:</p><ul>{rows}</ul>")
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


def group_message_id(first: str) -> str:
    """The Message-ID of a message grouping several alerts, from the first alert's: fixed
    when the group is first sent, so a re-send carries the same one."""
    return first.replace("<tracker-", "<tracker-group-", 1)


def compose(
    parts: Sequence[Part],
    *,
    sender: str,
    recipients: Sequence[str],
    when: datetime,
    message_id: str | None = None,
) -> EmailMessage:
    """One message (plain text and HTML) for one or several alerts due together.
    Follow-ups (`Part.thread`) reply to their episode's first message."""
    if not parts:
        raise ValueError("nothing to compose")
    message = EmailMessage()
    if len(parts) == 1:
        subject = parts[0].subject
        mid = parts[0].message_id
    else:
        titles = "; ".join(p.subject.removeprefix("[tracker] ") for p in parts)
        subject = one_line(f"[tracker] {len(parts)} alerts: {titles}", 250)
        mid = group_message_id(parts[0].message_id)
    message["Subject"] = one_line(subject, 250)
    message["From"] = one_line(sender, 300)
    message["To"] = ", ".join(one_line(r, 300) for r in recipients)
    message["Date"] = format_datetime(when)
    message["Message-ID"] = one_line(message_id or mid, 300)
    threads = list(dict.fromkeys(one_line(p.thread, 300) for p in parts if p.thread))
    if len(threads) == 1:
        message["In-Reply-To"] = threads[0]
    if threads:
        message["References"] = " ".join(threads)
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
