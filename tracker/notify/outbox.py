"""Stored alerts -> delivered messages, with retries, backoff, grouping and safe claims.

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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage

from sqlalchemy.engine import Engine

from tracker.notify.message import Part, compose
from tracker.notify.smtp import DeliveryError, Transport
from tracker.store import alert_store
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow


@dataclass
class DeliveryReport:
    delivered: list[tuple[AlertRow, str]] = field(default_factory=list)
    failed: list[tuple[AlertRow, str]] = field(default_factory=list)
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


def build_email(
    alerts: list[AlertRow], sender: str, recipients: tuple[str, ...], when: datetime
) -> EmailMessage:
    parts = [Part(a.subject, a.body, a.html or "", a.message_id, a.kind) for a in alerts]
    return compose(parts, sender=sender, recipients=recipients, when=when)


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
) -> DeliveryReport:
    rng = rng or random.Random()
    report = DeliveryReport()
    with session_for(engine) as session:
        due = alert_store.due_for_delivery(session, now, retry.lease)
        batches: dict[tuple[str, ...], list[AlertRow]] = defaultdict(list)
        singles: list[tuple[tuple[str, ...], list[AlertRow]]] = []
        for alert in due:
            to = tuple(r.strip() for r in alert.recipients.split(",") if r.strip()) or recipients
            if group:
                batches[to].append(alert)
            else:
                singles.append((to, [alert]))
        for to, alerts in [*batches.items(), *singles]:
            ids = [a.id for a in alerts if a.id is not None]
            token = alert_store.claim(session, ids, now, retry.lease)
            if token is None:
                continue  # another worker is sending these
            try:
                where = transport.send(build_email(alerts, sender, to, alerts[0].created_at))
            except DeliveryError as exc:
                attempts = max(a.attempts for a in alerts) + 1
                retry_at = now + retry.after(attempts, rng)
                alert_store.settle(session, ids, token, now=now, error=str(exc), retry_at=retry_at)
                report.failed += [(a, str(exc)) for a in alerts]
                continue
            alert_store.settle(session, ids, token, now=now, delivered_to=where)
            report.delivered += [(a, where) for a in alerts]
            report.messages += 1
    return report
