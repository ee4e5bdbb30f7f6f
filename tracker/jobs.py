"""The orchestrators: the only place where fetching, recognition, storage and delivery meet.

poll:     fetch each feed -> parse -> store new entries -> recognise -> store findings
evaluate: stored sightings -> statuses as of a time -> alert decisions -> stored alerts
deliver:  stored pending alerts -> transport (SMTP or .eml outbox)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import httpx
from sqlalchemy.engine import Engine

from tracker import alerting, silence
from tracker.config import Config, FeedConfig
from tracker.domain import AlertDecision, Kind, OfficialStatus
from tracker.feeds.fetch import USER_AGENT, FetchError, fetch, local_path
from tracker.feeds.parse import FeedParseError, ParsedEntry, parse_feed
from tracker.notify.message import render
from tracker.notify.outbox import DeliveryReport, deliver_pending
from tracker.notify.smtp import OutboxTransport, SmtpTransport, Transport
from tracker.recognize import Recognizer
from tracker.store import repo
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow, FeedRow

log = logging.getLogger("tracker")

FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".feed"}


@dataclass
class FeedResult:
    url: str
    name: str
    entries: int = 0
    new_entries: int = 0
    findings: int = 0
    error: str | None = None
    problem: str | None = None


@dataclass
class Evaluation:
    as_of: datetime
    statuses: list[OfficialStatus]
    alerts: list[AlertRow] = field(default_factory=list)
    absences: dict[str, int] = field(default_factory=dict)


class Tracker:
    """One configured tracker: its engine, its recogniser and the jobs over them."""

    def __init__(self, config: Config, engine: Engine, *, now: datetime) -> None:
        self.config = config
        self.engine = engine
        self.recognizer = Recognizer(config.officials)
        self.by_name = {o.name: o for o in config.officials}
        with session_for(engine) as session:
            self.ids = repo.sync_officials(session, config.officials, now)

    def close(self) -> None:
        self.engine.dispose()

    # -- ingest ------------------------------------------------------------------

    def ingest_entries(
        self,
        feed: FeedRow,
        entries: Iterable[ParsedEntry],
        fetched_at: datetime,
    ) -> tuple[int, int, int]:
        """Store new entries and their findings; return (seen, new, findings)."""
        seen = new = findings = 0
        batch = list(entries)
        with session_for(self.engine) as session:
            known = repo.known_keys(session, [p.key for p in batch])
            for parsed in batch:
                seen += 1
                if parsed.key in known:
                    continue
                known.add(parsed.key)  # the same entry twice in one feed
                row = repo.add_entry(session, feed.id, parsed, fetched_at)
                if row is None:
                    continue
                new += 1
                found = self.recognizer.findings(parsed.entry)
                findings += repo.add_findings(session, row, found, self.ids)
            session.commit()
        return seen, new, findings

    def poll_feed(
        self, feed: FeedConfig, now: datetime, client: httpx.Client | None = None
    ) -> FeedResult:
        """Fetch, parse and ingest one feed; every failure ends up in the feed's health."""
        result = FeedResult(url=feed.url, name=feed.name)
        with session_for(self.engine) as session:
            row = repo.get_feed(session, feed.url, feed.name)
        try:
            fetched = fetch(feed.url, client=client)
            parsed = parse_feed(
                fetched.data,
                fallback_time=now,
                headers=fetched.headers,
                base_url=fetched.url if "://" in fetched.url else "",
            )
            result.problem = parsed.problem
            result.entries, result.new_entries, result.findings = self.ingest_entries(
                row, parsed.entries, now
            )
            if parsed.title and not row.title:
                row.title = parsed.title[:500]
        except (FetchError, FeedParseError) as exc:
            result.error = str(exc)
        except Exception as exc:  # one bad feed must never stop the others
            log.exception("unexpected error polling %s", feed.url)
            result.error = f"internal error: {type(exc).__name__}: {exc}"
        self._record_health(row, result, now)
        return result

    def _record_health(self, row: FeedRow, result: FeedResult, now: datetime) -> None:
        with session_for(self.engine) as session:
            fresh = session.get(FeedRow, row.id)
            if fresh is None:
                return
            fresh.last_polled_at = now
            fresh.title = fresh.title or row.title
            if result.error:
                fresh.consecutive_failures += 1
                fresh.last_error = result.error[:1000]
            else:
                fresh.consecutive_failures = 0
                fresh.last_success_at = now
                fresh.last_error = result.problem[:1000] if result.problem else None
                fresh.entries_seen += result.new_entries
            session.add(fresh)
            session.commit()

    def poll(self, now: datetime, feeds: Sequence[FeedConfig] | None = None) -> list[FeedResult]:
        targets = self.config.feeds if feeds is None else feeds
        with httpx.Client(
            timeout=httpx.Timeout(30.0, connect=10.0),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        ) as client:
            return [self.poll_feed(feed, now, client) for feed in targets]

    def import_paths(self, paths: Sequence[Path], now: datetime) -> list[FeedResult]:
        """Local feed files through the same pipeline as polling (backfill, replay)."""
        return [
            self.poll_feed(FeedConfig(url=str(p), name=p.name, interval=self.config.interval), now)
            for p in expand_paths(paths)
        ]

    # -- evaluate ----------------------------------------------------------------

    def statuses(self, as_of: datetime, *, watching_since: datetime | None = None) -> Evaluation:
        with session_for(self.engine) as session:
            last = repo.last_sightings(session, as_of)
            since = watching_since or repo.coverage_start(session)
            statuses = [
                silence.evaluate(
                    official,
                    [last[official.name]] if official.name in last else [],
                    as_of,
                    watching_since=since,
                )
                for official in self.config.officials
            ]
            absences = repo.count_findings_since(
                session,
                Kind.ABSENCE,
                {name: s.published for name, s in last.items()},
                as_of,
            )
        return Evaluation(as_of=as_of, statuses=silence.by_urgency(statuses), absences=absences)

    def evaluate(
        self, as_of: datetime, now: datetime, *, watching_since: datetime | None = None
    ) -> Evaluation:
        """Statuses as of `as_of`, and the alerts they make due, stored before delivery."""
        evaluation = self.statuses(as_of, watching_since=watching_since)
        with session_for(self.engine) as session:
            open_episodes = repo.open_episodes(session)
            for status in evaluation.statuses:
                state = alerting.AlertState(open_episode=open_episodes.get(status.name))
                decision = alerting.decide(status, state)
                if decision is None:
                    continue
                row = self._alert_row(decision, as_of, now)
                if repo.add_alert(session, row):
                    evaluation.alerts.append(row)
        return evaluation

    def _alert_row(self, decision: AlertDecision, as_of: datetime, now: datetime) -> AlertRow:
        previous = None
        if decision.kind.value == "seen_again":
            try:
                previous = date.fromisoformat(decision.episode)
            except ValueError:
                previous = None
        rendered = render(decision, previous_last_seen=previous)
        return AlertRow(
            official_id=self.ids[decision.official],
            kind=decision.kind.value,
            episode=decision.episode,
            created_at=now,
            as_of=as_of,
            subject=rendered.subject,
            body=rendered.body,
            message_id=rendered.message_id,
        )

    # -- deliver -----------------------------------------------------------------

    def transport(self) -> Transport:
        if self.config.email is not None:
            return SmtpTransport(self.config.email)
        return OutboxTransport(self.config.outbox)

    def deliver(self, now: datetime, transport: Transport | None = None) -> DeliveryReport:
        email = self.config.email
        sender = email.sender if email else "tracker@localhost"
        recipients = email.to if email else ("desk@localhost",)
        return deliver_pending(
            self.engine,
            transport or self.transport(),
            sender=sender,
            recipients=recipients,
            now=now,
        )


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given; folders expanded to the feed files inside them, sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FEED_SUFFIXES
            )
        else:
            out.append(path)
    return [p.resolve() if local_path(str(p)) is not None else p for p in out]
