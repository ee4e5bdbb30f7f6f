"""Alert text, built from a decision. Pure: the same decision always renders the same."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from tracker.domain import AlertDecision, AlertKind
from tracker.durations import format_duration


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    message_id: str


def _one_line(text: str, limit: int = 300) -> str:
    """Feed text goes into headers and list lines: no CR/LF, bounded length."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _days(seconds: float) -> str:
    """Whole days completed: 'silent for 15 days' means at least 15 full days."""
    days = int(seconds // 86400)
    return f"{days} day" + ("" if days == 1 else "s")


def message_id(official: str, kind: str, episode: str) -> str:
    """Stable per alert, so a retry after a crash is recognisably the same message."""
    digest = hashlib.sha256(f"{official}\x00{kind}\x00{episode}".encode()).hexdigest()[:24]
    return f"<tracker-{kind}-{digest}@tracker.invalid>"


def render(decision: AlertDecision, previous_last_seen: date | None = None) -> Rendered:
    status = decision.status
    name = _one_line(decision.official, 120)
    threshold = format_duration(status.threshold)
    evidence = status.evidence
    lines: list[str] = []
    if decision.kind is AlertKind.SILENT:
        silent = status.silent_for.total_seconds() if status.silent_for else 0.0
        subject = f"[tracker] {name} silent for {_days(silent)} (threshold {threshold})"
        lines += [
            f"{name} has not been seen in public for {_days(silent)}, "
            f"past the threshold of {threshold}.",
            "",
            f"Last seen:  {status.last_seen.isoformat() if status.last_seen else 'never'}",
            f"As of:      {status.as_of.strftime('%Y-%m-%d %H:%M UTC')}",
        ]
    else:
        gap = ""
        if previous_last_seen and status.last_seen:
            gap = f" after {(status.last_seen - previous_last_seen).days} days"
        seen = status.last_seen.isoformat() if status.last_seen else "?"
        subject = f"[tracker] {name} seen again on {seen}{gap}"
        lines += [
            f"{name} was seen in public again on {seen}{gap}.",
            "",
            f"Previously last seen: {previous_last_seen or '?'}",
            f"As of:                {status.as_of.strftime('%Y-%m-%d %H:%M UTC')}",
        ]
    if evidence is not None:
        lines += [
            "",
            "Evidence:",
            f"  {_one_line(evidence.text, 1000)}",
            f"  — {_one_line(evidence.title, 300)}",
            f"  {_one_line(evidence.url, 1000)}",
        ]
    lines += ["", "-- ", "Sent by tracker. `tracker status` shows everyone on the watchlist."]
    return Rendered(
        subject=_one_line(subject, 250),
        body="\n".join(lines) + "\n",
        message_id=message_id(decision.official, decision.kind.value, decision.episode),
    )
