"""Which stored alerts go out now, and which were overtaken. Pure: plain data and `now`.

Deliver state, not a backlog (like Alertmanager's notification log, which sends what
changed since the last successful notification). Rules, per official, route and
stream (written first, then coded below):

1. A stream is one line of news about one official: the silence lifecycle (quiet,
   silent, reminders, seen again) is one stream; each awaited reply is its own.
   Messages of a stream go to a route (its recipients) in the order their events
   happened (`as_of`, then id).
2. The latest undelivered message of a stream is its head; only the head may be sent.
3. An undelivered message before the head is superseded by it: its news was overtaken
   before it could be sent, so it is never delivered after its successor. It is
   recorded as superseded, with the reason, and the head says what the desk missed.
4. A message being sent right now (claimed, lease not run out) is left alone, and the
   head waits until that send is settled, so two messages of one stream are never in
   flight at once and a successor never overtakes its predecessor on the wire.
5. The head is sent when it is due: never tried, its retry time has come, or its
   send was abandoned (the claim's lease ran out).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

PRESENCE_KINDS = frozenset({"quiet", "silent", "repeat", "seen_again"})


@dataclass(frozen=True)
class Outgoing:
    """What planning needs of one undelivered alert."""

    id: int
    official: str
    kind: str
    episode: str
    route: str  # its recipients, as stored
    as_of: datetime
    state: str  # "pending" or "sending"
    subject: str = ""
    next_attempt_at: datetime | None = None
    claimed_at: datetime | None = None
    last_error: str | None = None

    @property
    def stream(self) -> str:
        return "presence" if self.kind in PRESENCE_KINDS else f"{self.kind[:5]}:{self.episode}"


def episode_root(kind: str, episode: str) -> str:
    """The episode a message belongs to: a reminder's ('2025-10-28#repeat2') is its
    silence's ('2025-10-28'); follow-ups thread to the first message delivered in it."""
    return episode.split("#")[0] if kind in PRESENCE_KINDS else episode


def thread_kinds(kind: str) -> frozenset[str]:
    """The kinds of messages one episode's thread is made of."""
    return PRESENCE_KINDS if kind in PRESENCE_KINDS else frozenset({"await_overdue", "await_met"})


@dataclass(frozen=True)
class Superseded:
    id: int
    by: int
    reason: str  # recorded on the superseded alert
    missed: str  # told by the successor: what the desk did not get


@dataclass(frozen=True)
class Plan:
    send: tuple[int, ...] = ()  # due now, in the order their events happened
    superseded: tuple[Superseded, ...] = ()
    held: tuple[int, ...] = ()  # heads waiting for a predecessor's send to settle


def in_flight(alert: Outgoing, now: datetime, lease: timedelta) -> bool:
    return (
        alert.state == "sending" and alert.claimed_at is not None and alert.claimed_at > now - lease
    )


def due(alert: Outgoing, now: datetime, lease: timedelta) -> bool:
    if alert.state == "sending":
        return not in_flight(alert, now, lease)
    return alert.next_attempt_at is None or alert.next_attempt_at <= now


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC")


def missed_line(alert: Outgoing) -> str:
    """One line in the successor: what the desk was not told, and why."""
    why = alert.last_error or "not sent before this message"
    return f"{alert.subject} (as of {_stamp(alert.as_of)}; not delivered: {why})"


def plan(alerts: Sequence[Outgoing], now: datetime, lease: timedelta) -> Plan:
    """Rules 1-5 over every undelivered alert."""
    streams: dict[tuple[str, str, str], list[Outgoing]] = {}
    for alert in sorted(alerts, key=lambda a: (a.as_of, a.id)):
        streams.setdefault((alert.official, alert.route, alert.stream), []).append(alert)
    send: list[Outgoing] = []
    superseded: list[Superseded] = []
    held: list[int] = []
    for line in streams.values():
        head, earlier = line[-1], line[:-1]
        flying = [a for a in earlier if in_flight(a, now, lease)]
        for alert in earlier:
            if alert in flying:
                continue
            reason = f"superseded by #{head.id} ({head.subject}) before it could be delivered" + (
                f"; last error: {alert.last_error}" if alert.last_error else ""
            )
            superseded.append(Superseded(alert.id, head.id, reason, missed_line(alert)))
        if flying or in_flight(head, now, lease):
            if flying:
                held.append(head.id)
            continue
        if due(head, now, lease):
            send.append(head)
    send.sort(key=lambda a: (a.as_of, a.id))
    return Plan(tuple(a.id for a in send), tuple(superseded), tuple(held))


def missed_note(lines: Sequence[str]) -> str:
    """The paragraph a successor opens with when earlier messages were superseded."""
    if not lines:
        return ""
    head = "Not delivered before this message, which supersedes it:"
    if len(lines) > 1:
        head = f"Not delivered before this message, which supersedes them ({len(lines)}):"
    return "\n".join([head, *(f"  - {line}" for line in lines)]) + "\n\n"


def missed_html(lines: Sequence[str]) -> str:
    """The same, as an HTML section."""
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(line, quote=True)}</li>" for line in lines)
    return (
        '<div style="border-left:4px solid #888;padding:4px 12px;margin:12px 0">'
        "<p>Not delivered before this message, which supersedes "
        f"{'them' if len(lines) > 1 else 'it'}:</p><ul>{items}</ul></div>\n"
    )


@dataclass(frozen=True)
class Waiting:
    """An alert not delivered yet, as `status`, `poll` and the daemon show it."""

    id: int
    official: str
    kind: str
    subject: str
    state: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None


def waiting_line(alert: Waiting) -> str:
    """'#3 [tracker] ... (attempt 2 failed: ...; next try 2025-11-08 12:00 UTC)'."""
    if alert.state == "failed":
        how = f"failed for good, not retried: {alert.last_error or 'unknown error'}"
    elif alert.state == "sending":
        how = "being sent"
    elif alert.attempts == 0:
        how = "not tried yet"
    else:
        how = f"attempt {alert.attempts} failed: {alert.last_error or 'unknown error'}"
    if alert.state == "pending" and alert.next_attempt_at is not None:
        how += f"; next try {alert.next_attempt_at.strftime('%Y-%m-%d %H:%M:%S UTC')}"
    return f"#{alert.id} {alert.subject} ({how})"


@dataclass(frozen=True)
class Receipt:
    """What a transport says about the recipients of one message it handed over."""

    where: str
    accepted: tuple[str, ...] = ()
    deferred: tuple[tuple[str, str], ...] = ()  # temporary refusals (4xx): address, reply
    refused: tuple[tuple[str, str], ...] = ()  # permanent refusals (5xx): address, reply


@dataclass(frozen=True)
class Outcome:
    """What a receipt makes of the alerts in the message."""

    state: str  # "delivered", "pending" (some recipients to retry) or "failed"
    owed: tuple[str, ...] = ()  # recipients still to deliver to
    error: str | None = None  # why some recipients did not get it (kept on the alert)
    refused: tuple[str, ...] = ()  # 'address: reply', permanent: reported, not retried


def outcome(receipt: Receipt) -> Outcome:
    """Per recipient: accepted is done; a temporary refusal is retried for that
    recipient only; a permanent one is recorded and reported, never retried."""
    refused = tuple(f"{a}: {r}" for a, r in receipt.refused)
    deferred = "; ".join(f"{a}: {r}" for a, r in receipt.deferred)
    error = "; ".join(x for x in (deferred, "; ".join(refused)) if x) or None
    if receipt.deferred:
        return Outcome("pending", tuple(a for a, _ in receipt.deferred), error, refused)
    if receipt.accepted:
        return Outcome("delivered", (), error, refused)
    return Outcome("failed", (), error or f"{receipt.where}: no recipient", refused)
