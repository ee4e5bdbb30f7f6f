"""Stored alerts -> delivered messages. An alert is marked delivered only after the
transport accepted it; a failure leaves it pending with the reason, for the next pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime

from sqlalchemy.engine import Engine
from sqlmodel import select

from tracker.notify.smtp import DeliveryError, Transport
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow


@dataclass
class DeliveryReport:
    delivered: list[tuple[AlertRow, str]] = field(default_factory=list)
    failed: list[tuple[AlertRow, str]] = field(default_factory=list)


def build_email(alert: AlertRow, sender: str, recipients: tuple[str, ...]) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = alert.subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = format_datetime(alert.created_at)
    message["Message-ID"] = alert.message_id
    message["X-Tracker-Kind"] = alert.kind
    message["X-Tracker-As-Of"] = alert.as_of.strftime("%Y%m%dT%H%M%S")
    message.set_content(alert.body)
    return message


def deliver_pending(
    engine: Engine,
    transport: Transport,
    *,
    sender: str,
    recipients: tuple[str, ...],
    now: datetime,
) -> DeliveryReport:
    report = DeliveryReport()
    with session_for(engine) as session:
        pending = session.exec(
            select(AlertRow)
            .where(AlertRow.state == "pending")
            .order_by(AlertRow.created_at, AlertRow.id)  # type: ignore[arg-type]
        ).all()
        for alert in pending:
            try:
                where = transport.send(build_email(alert, sender, recipients))
            except DeliveryError as exc:
                alert.attempts += 1
                alert.last_error = str(exc)[:1000]  # stays pending: retried on the next pass
                session.add(alert)
                session.commit()
                report.failed.append((alert, str(exc)))
                continue
            alert.attempts += 1
            alert.state = "delivered"
            alert.delivered_at = now
            alert.delivered_to = where[:2000]
            alert.last_error = None
            session.add(alert)
            session.commit()
            report.delivered.append((alert, where))
    return report
