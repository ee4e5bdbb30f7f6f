"""Channels other than email: Apprise (Slack, Matrix, Teams, Telegram, ntfy, Discord, ...)
and a generic JSON webhook. Adapters: they take a Note (what a message says) and either
return a Receipt or raise DeliveryError (`permanent` when retrying cannot help).

A route's URL may carry a secret (a token in the path), so it never appears in an error,
a log line or `delivered_to`: the route is named by its `name`.

The webhook payload is versioned (`"version": 1`) and only ever gains fields; see
docs/alerts.md#channels.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import httpx

from tracker.config import NotifyConfig
from tracker.notify.message import Part, compose
from tracker.notify.plan import Receipt
from tracker.notify.smtp import DeliveryError, Transport

PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class NoteAlert:
    official: str
    kind: str
    episode: str  # the alert's own episode (without the route's prefix)
    as_of: str  # ISO-8601
    subject: str
    text: str
    missed: tuple[str, ...] = ()  # superseded messages this one says were not delivered
    html: str = ""  # a self-contained HTML section, for channels that show HTML
    message_id: str = ""  # the alert's own
    thread: str = ""  # the Message-ID of its episode's first message, for follow-ups


@dataclass(frozen=True)
class Note:
    """One message to a channel: one alert, or several due together."""

    message_id: str
    subject: str
    text: str
    alerts: tuple[NoteAlert, ...]
    in_reply_to: str = ""  # the episode's first message, for follow-ups
    recipients: tuple[str, ...] = ()  # email: the route (To:)
    envelope: tuple[str, ...] = ()  # email: the recipients still owed (RCPT TO)
    when: datetime | None = None  # when its first alert was stored (Date:)

    def payload(self) -> dict[str, Any]:
        """The webhook body, version 1."""
        return {
            "version": PAYLOAD_VERSION,
            "message_id": self.message_id,
            "in_reply_to": self.in_reply_to or None,
            "subject": self.subject,
            "text": self.text,
            "alerts": [
                {
                    "official": a.official,
                    "kind": a.kind,
                    "episode": a.episode,
                    "as_of": a.as_of,
                    "subject": a.subject,
                    "text": a.text,
                    "missed": list(a.missed),
                }
                for a in self.alerts
            ],
        }


class Notifier(Protocol):
    """One channel. The outbox hands each a Note; it renders its own format, delivers,
    and says who took it (Receipt) or raises DeliveryError."""

    def notify(self, note: Note) -> Receipt:
        """Deliver one message; say where it went (never a secret URL)."""
        ...


class EmailNotifier:
    """Email as a channel: the Note as one MIME message (plain text and HTML, threaded),
    through an SMTP server or into the .eml outbox (tracker/notify/smtp.py)."""

    def __init__(self, transport: Transport, sender: str) -> None:
        self.transport = transport
        self.sender = sender

    def notify(self, note: Note) -> Receipt:
        parts = [
            Part(a.subject, a.text, a.html, a.message_id, a.kind, thread=a.thread)
            for a in note.alerts
        ]
        message = compose(
            parts,
            sender=self.sender,
            recipients=note.recipients,
            when=note.when or datetime.now(UTC),
            message_id=note.message_id,
        )
        return self.transport.send(message, note.envelope or note.recipients)


def _url(route: NotifyConfig, env: dict[str, str]) -> str:
    try:
        url = route.resolve_url(env)
    except OSError as exc:
        raise DeliveryError(
            f"notify {route.name}: URL file: {exc.strerror or exc}", permanent=True
        ) from None
    if not url:
        raise DeliveryError(f"notify {route.name}: {route.url_env} is not set", permanent=True)
    return url


class _Route:
    """A [[notify]] route; its URL is read from the environment or a file when sending."""

    def __init__(self, route: NotifyConfig, env: dict[str, str] | None = None) -> None:
        self.name = route.name
        self.route = route
        self._env = env if env is not None else dict(os.environ)


class WebhookNotifier(_Route):
    """POSTs the versioned JSON payload; 2xx is delivered, 408/429/5xx and network
    errors are retried, other 4xx are permanent."""

    def notify(self, note: Note) -> Receipt:
        where = f"webhook {self.name}"
        url = _url(self.route, self._env)
        headers = {"Idempotency-Key": note.message_id, "User-Agent": "tracker"}
        try:
            response = httpx.post(
                url, json=note.payload(), headers=headers, timeout=self.route.timeout
            )
        except httpx.TimeoutException:
            raise DeliveryError(f"{where}: timed out after {self.route.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise DeliveryError(f"{where}: {type(exc).__name__}") from None
        if response.is_success:
            return Receipt(where, accepted=(self.name,))
        code = response.status_code
        permanent = 400 <= code < 500 and code not in (408, 429)
        raise DeliveryError(f"{where}: HTTP {code}", permanent=permanent)


class AppriseNotifier(_Route):
    """Through Apprise (https://github.com/caronc/apprise): one URL per route, any of
    the services it supports. Apprise says only whether it worked, so a failure is
    retried."""

    def notify(self, note: Note) -> Receipt:
        import apprise  # imported when used: it loads many plugins

        where = f"apprise {self.name}"
        client = apprise.Apprise()
        if not client.add(_url(self.route, self._env)):
            raise DeliveryError(f"{where}: Apprise does not accept this URL", permanent=True)
        if not client.notify(body=note.text, title=note.subject):
            raise DeliveryError(f"{where}: the notification failed")
        return Receipt(where, accepted=(self.name,))


def notifiers(routes: Sequence[NotifyConfig]) -> dict[str, Notifier]:
    made: dict[str, Notifier] = {}
    for route in routes:
        made[route.name] = (
            WebhookNotifier(route) if route.kind == "webhook" else AppriseNotifier(route)
        )
    return made
