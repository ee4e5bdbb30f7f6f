"""Stored alerts -> delivered messages, with retries, backoff, grouping and safe claims.

- Per official, route and stream, only the latest undelivered message goes out; the
  ones it overtook are superseded, and it says what the desk missed (plan.py).
- Alerts due in one pass go out as one message per recipient list (when grouping is on).
- Before sending, the alerts are claimed with a conditional UPDATE; a second worker, or
  a second daemon, finds them taken and sends nothing.
- An alert is marked delivered only after the transport accepted it. On failure it goes
  back to pending with the reason and a retry time (exponential backoff with jitter).
- A send abandoned mid-way (the process was killed) is picked up again once its claim's
  lease has run out; the Message-ID is the same, so a duplicate is recognisable.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from tracker.notify.channels import EmailNotifier, Note, NoteAlert, Notifier
from tracker.notify.message import group_message_id
from tracker.notify.plan import Outcome, Outgoing, missed_html, missed_note, outcome, plan
from tracker.notify.smtp import DeliveryError, Transport
from tracker.store import alert_store
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow


@dataclass
class DeliveryReport:
    delivered: list[tuple[AlertRow, str]] = field(default_factory=list)
    failed: list[tuple[AlertRow, str]] = field(default_factory=list)
    superseded: list[tuple[AlertRow, str]] = field(default_factory=list)
    # permanent: recipients refused for good, messages failed for good (not retried)
    refused: list[tuple[AlertRow, str]] = field(default_factory=list)
    messages: int = 0


@dataclass(frozen=True)
class Retry:
    first: timedelta = timedelta(minutes=1)
    most: timedelta = timedelta(hours=1)
    lease: timedelta = timedelta(minutes=10)

    def after(self, attempts: int, rng: random.Random) -> timedelta:
        """Exponential backoff with full jitter in its upper half."""
        base: timedelta = min(self.first * (2 ** max(attempts - 1, 0)), self.most)
        return timedelta(seconds=base.total_seconds() * (0.5 + rng.random() / 2))


def messages(alerts: list[AlertRow], *, group: bool) -> list[tuple[str, list[AlertRow]]]:
    """Alerts for one route -> messages, each with its Message-ID. Alerts tried before go
    again in the message they were first tried in, under its Message-ID; the others
    form one new message (grouping on) or one each."""
    out: dict[str, list[AlertRow]] = {}
    fresh: list[AlertRow] = []
    for alert in alerts:
        if alert.sent_message_id:
            out.setdefault(alert.sent_message_id, []).append(alert)
        else:
            fresh.append(alert)
    chunks = [fresh] if group and fresh else [[a] for a in fresh]
    for chunk in chunks:
        first = chunk[0].message_id
        out[first if len(chunk) == 1 else group_message_id(first)] = chunk
    return list(out.items())


CHANNEL = "notify:"  # the route of an alert for a [[notify]] channel: "notify:NAME"


def _notifier(channels: Mapping[str, Notifier] | None, route: str) -> Notifier:
    name = route.removeprefix(CHANNEL)
    found = (channels or {}).get(name)
    if found is None:
        raise DeliveryError(f"notify {name}: no such [[notify]] route in the config")
    return found


def build_note(
    alerts: list[AlertRow],
    *,
    message_id: str,
    threads: dict[int, str] | None = None,
    names: dict[int, str] | None = None,
    recipients: tuple[str, ...] = (),
    envelope: tuple[str, ...] = (),
) -> Note:
    """The message of alerts going out together, for any channel; `threads` maps an
    alert id to the Message-ID its follow-up replies to."""
    threads, names = threads or {}, names or {}
    items = tuple(
        NoteAlert(
            official=names.get(a.official_id, ""),
            kind=a.kind,
            episode=a.episode.removeprefix(f"{a.channel}:") if a.channel else a.episode,
            as_of=a.as_of.isoformat(),
            subject=a.subject,
            text=missed_note(a.missed.splitlines()) + a.body,
            missed=tuple(a.missed.splitlines()),
            html=missed_html(a.missed.splitlines()) + (a.html or ""),
            message_id=a.message_id,
            thread=threads.get(a.id or 0, ""),
        )
        for a in alerts
    )
    subject = alerts[0].subject
    if len(alerts) > 1:
        subject = f"[tracker] {len(alerts)} alerts: " + "; ".join(
            a.subject.removeprefix("[tracker] ") for a in alerts
        )
    return Note(
        message_id=message_id,
        subject=subject,
        text=("\n" + "=" * 60 + "\n\n").join(i.text for i in items),
        alerts=items,
        in_reply_to=next((i.thread for i in items if i.thread), ""),
        recipients=recipients,
        envelope=envelope,
        when=alerts[0].created_at,
    )


def _route(alert: AlertRow, default: tuple[str, ...], *, owed: bool = False) -> tuple[str, ...]:
    """Its recipients: the route it was stored with (else `default`), or with `owed`
    the ones it still owes after a temporary refusal."""
    chosen = alert.owed if owed and alert.owed else alert.recipients
    return tuple(r.strip() for r in chosen.split(",") if r.strip()) or default


def outgoing(alert: AlertRow, route: tuple[str, ...]) -> Outgoing:
    return Outgoing(
        id=alert.id or 0,
        official=str(alert.official_id),
        kind=alert.kind,
        episode=alert.episode,
        route=", ".join(route),
        as_of=alert.as_of,
        state=alert.state,
        subject=alert.subject,
        next_attempt_at=alert.next_attempt_at,
        claimed_at=alert.claimed_at,
        last_error=alert.last_error,
    )


def deliver_pending(
    engine: Engine,
    transport: Transport,
    *,
    sender: str,
    recipients: tuple[str, ...],
    now: datetime,
    group: bool = True,
    retry: Retry = Retry(),
    rng: random.Random | None = None,
    channels: Mapping[str, Notifier] | None = None,
) -> DeliveryReport:
    """Supersede what was overtaken, then send what is due (tracker/notify/plan.py)."""
    rng = rng or random.Random()
    report = DeliveryReport()
    email = EmailNotifier(transport, sender)
    with session_for(engine) as session:
        rows = {a.id: a for a in alert_store.undelivered(session) if a.id is not None}
        routes = {i: _route(a, recipients) for i, a in rows.items()}
        decided = plan([outgoing(a, routes[i]) for i, a in rows.items()], now, retry.lease)
        gone = alert_store.supersede(session, decided.superseded, now=now, lease=retry.lease)
        report.superseded += [(a, a.superseded_reason or "") for a in gone]
        # the To: header is the route; the envelope, the recipients still owed
        batches: dict[tuple[tuple[str, ...], tuple[str, ...]], list[AlertRow]] = defaultdict(list)
        for i in decided.send:
            batches[(routes[i], _route(rows[i], routes[i], owed=True))].append(rows[i])
        for (to, envelope), batch in batches.items():
            for mid, alerts in messages(batch, group=group):
                ids = [a.id for a in alerts if a.id is not None]
                token = alert_store.claim(session, ids, now, retry.lease, mid)
                if token is None:
                    continue  # another worker is sending these
                for alert in alerts:
                    session.refresh(alert)  # a successor's note may have been added meanwhile
                attempts = max(a.attempts for a in alerts) + 1
                retry_at = now + retry.after(attempts, rng)
                note = build_note(
                    alerts,
                    message_id=mid,
                    threads={a.id or 0: alert_store.thread_of(session, a) for a in alerts},
                    names=alert_store.official_names(session),
                    recipients=to,
                    envelope=envelope,
                )
                try:
                    notifier = _notifier(channels, to[0]) if to[0].startswith(CHANNEL) else email
                    receipt = notifier.notify(note)
                except DeliveryError as exc:
                    state = "failed" if exc.permanent else "pending"
                    result = Outcome(state, (), str(exc))
                    alert_store.settle(
                        session, ids, token, now=now, result=result, retry_at=retry_at
                    )
                    (report.refused if exc.permanent else report.failed).extend(
                        (a, str(exc)) for a in alerts
                    )
                    continue
                result = outcome(receipt)
                where = f"{receipt.where} to {', '.join(receipt.accepted)}"
                alert_store.settle(
                    session,
                    ids,
                    token,
                    now=now,
                    result=result,
                    where=where if receipt.accepted else "",
                    retry_at=retry_at,
                )
                if receipt.accepted:
                    report.delivered += [(a, where) for a in alerts]
                    report.messages += 1
                if result.state == "pending":
                    report.failed += [(a, result.error or "") for a in alerts]
                report.refused += [(a, r) for a in alerts for r in result.refused]
                if result.state == "failed" and not result.refused:
                    report.refused += [(a, result.error or "") for a in alerts]
    return report
