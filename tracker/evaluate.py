"""The evaluation job: stored sightings -> statuses as of a time -> alert decisions ->
stored alerts, each rendered and routed before anyone tries to deliver it.

The only place where silence, thresholds, awaited replies, alert rules and storage meet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy.engine import Engine
from sqlmodel import Session

from tracker import alerting, corroborate, silence
from tracker.awaits import Await, AwaitPhase, AwaitStatus, await_status
from tracker.config import Config
from tracker.domain import AlertDecision, AlertKind, Kind, OfficialStatus, Sighting
from tracker.notify.plan import Waiting
from tracker.store import alert_store, corrections, last_seen, memo, repo
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow, MuteRow
from tracker.thresholds import threshold_for


@dataclass
class Evaluation:
    as_of: datetime
    statuses: list[OfficialStatus]
    alerts: list[AlertRow] = field(default_factory=list)
    absences: dict[str, int] = field(default_factory=dict)
    mutes: dict[str, MuteRow] = field(default_factory=dict)
    awaits: list[AwaitStatus] = field(default_factory=list)
    # per official: the independent sources of the last-seen day, and the later
    # sightings set aside as disputed (tracker/corroborate.py), oldest first
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
    disputed: dict[str, list[corroborate.Dispute]] = field(default_factory=dict)
    # alerts not delivered yet (whatever `as_of`: this is the delivery state now)
    undelivered: list[Waiting] = field(default_factory=list)

    @property
    def open_awaits(self) -> list[AwaitStatus]:
        return [a for a in self.awaits if a.phase in (AwaitPhase.OPEN, AwaitPhase.OVERDUE)]


class Evaluator:
    def __init__(self, config: Config, engine: Engine, ids: dict[str, int]) -> None:
        self.config = config
        self.engine = engine
        self.ids = ids
        self.policy = alerting.Policy(
            repeat_every=config.alerts.repeat_every, early_warning=config.alerts.early_warning
        )

    @classmethod
    def opened(cls, config: Config, engine: Engine, now: datetime) -> Evaluator:
        """The config's officials, awaited replies and feeds made rows (once), and the
        evaluator over them: every command that opens a database starts here, so a read
        command answers exactly as the daemon would."""
        with session_for(engine) as session:
            ids = repo.sync_officials(session, config.officials, now)
        evaluator = cls(config, engine, ids)
        evaluator.sync_awaits(now)
        with session_for(engine) as session:
            repo.sync_config_feeds(session, [(f.url, f.name, f.category) for f in config.feeds])
        return evaluator

    def sync_awaits(self, now: datetime) -> None:
        """Awaited replies declared in the config become stored watches (once)."""
        with session_for(self.engine) as session:
            for w in self.config.awaits:
                watch = Await(w.official, w.since, w.within, w.about)
                alert_store.add_await(session, self.ids[w.official], watch, now, "config")

    def statuses(
        self,
        as_of: datetime,
        *,
        watching_since: datetime | None = None,
        remember_past: bool = False,
    ) -> Evaluation:
        """Statuses as of `as_of`. What they read from history is remembered at the
        history's version (tracker/store/memo.py) and recalled while nothing changed:
        always for "now" (an `as_of` at or after everything stored), for an earlier
        moment only with `remember_past` (a person asking `status --as-of`; replay's
        moments are each asked once)."""
        adaptive = self.config.alerts.adaptive
        with session_for(self.engine) as session:
            # corrections by hand, read once: the findings they set aside are left out
            # of every statement below; the sightings added by hand count beside the rest
            corrected = corrections.in_force(session, as_of)
            at = memo.version(session)  # before history: see tracker/store/memo.py
            memo_key, reading, moment = None, None, None
            if at is not None:
                moment = None if at.admits_all(as_of) else as_of
                memo_key = memo.key(self.ids, corrected.aside, corrected.by_hand, moment)
                reading = memo.recall(session, memo_key, at)
            if reading is None:
                last, disputes, support = self._last_seen(session, as_of, corrected.aside)
                last_sources = {
                    name: support[(name, s.date)].sources
                    for name, s in last.items()
                    if (name, s.date) in support
                }
            else:
                last, disputes, last_sources = reading.last, reading.disputed, reading.sources
            since = watching_since or repo.coverage_start(session)
            learning = {o.name: self.ids[o.name] for o in self.config.officials if o.adaptive}
            start = (as_of - adaptive.window).date()
            seen_days = (
                last_seen.days_seen(session, learning, start, as_of, corrected.aside)
                if learning
                else {}
            )
            statuses: list[OfficialStatus] = []
            for official in self.config.officials:
                hand = corrected.by_hand.get(official.name, [])
                days = seen_days.get(official.name, [])
                if hand and official.adaptive:
                    days = sorted(set(days) | {s.date for s in hand if s.date >= start})
                threshold = threshold_for(
                    official.threshold, adaptive if official.adaptive else None, days, as_of
                )
                status = silence.evaluate(
                    official,
                    ([last[official.name]] if official.name in last else []) + hand,
                    as_of,
                    watching_since=since,
                    threshold=threshold.value,
                    threshold_how=threshold.how,
                )
                statuses.append(status)
            seen = {s.name: s.evidence for s in statuses if s.evidence is not None}
            after = {name: s.published.isoformat() for name, s in seen.items()}
            if reading is not None and reading.counted_after == after:
                absences = reading.absences
            else:
                absences = last_seen.count_since(
                    session,
                    self.ids,
                    Kind.ABSENCE,
                    {name: s.published for name, s in seen.items()},
                    as_of,
                    corrected.aside,
                )
            mutes = alert_store.active_mutes(session, as_of)
            undelivered = alert_store.waiting(session)
            awaited = [
                await_status(
                    watch,
                    alert_store.sightings(
                        session, official_id, watch.official, as_of, since=watch.since
                    )
                    + [
                        s
                        for s in corrected.by_hand.get(watch.official, [])
                        if s.seen_at >= watch.since
                    ],
                    as_of,
                )
                for watch, official_id in alert_store.awaits(session)
                # a window that closed before watching began cannot be judged
                if watch.since <= as_of and (since is None or since <= watch.deadline)
            ]
        wanted = moment is None or remember_past
        if reading is None and at is not None and memo_key is not None and wanted:
            kept = memo.Reading(last, disputes, last_sources, absences, after)
            memo.remember(self.engine, memo_key, at, kept, past=moment is not None)
        set_aside: dict[str, list[corroborate.Dispute]] = {}
        for (name, day), dispute in sorted(disputes.items()):
            if name not in seen or seen[name].date < day:
                set_aside.setdefault(name, []).append(dispute)
        return Evaluation(
            as_of=as_of,
            statuses=silence.by_urgency(statuses),
            absences=absences,
            mutes=mutes,
            awaits=awaited,
            sources=self._sources(seen, last, last_sources),
            disputed=set_aside,
            undelivered=undelivered,
        )

    @staticmethod
    def _sources(
        seen: dict[str, Sighting],
        last: dict[str, Sighting],
        last_sources: dict[str, tuple[str, ...]],
    ) -> dict[str, tuple[str, ...]]:
        """Per official, who reported the last-seen day: its sources, or "added by hand"."""
        out: dict[str, tuple[str, ...]] = {}
        for name, s in seen.items():
            if last.get(name) is not s:
                out[name] = ("added by hand",)
            elif name in last_sources:
                out[name] = last_sources[name]
        return out

    def _last_seen(
        self, session: Session, as_of: datetime, aside: frozenset[int], most: int = 8
    ) -> tuple[
        dict[str, Sighting],
        dict[tuple[str, date], corroborate.Dispute],
        dict[tuple[str, date], corroborate.Support],
    ]:
        """Per official, the latest sighting known by `as_of` that is not disputed; the
        disputed ones passed over on the way; the support of every day looked at.

        The first round takes every official's latest day, with its appearances, and
        the absence reports that may cover it: two statements for the whole watchlist,
        and most officials are done. Those whose latest day is disputed are walked back,
        all together, two days in the next round, then twice as many each round (at most
        `most`) until one is not: most disputed sightings stand alone, so the next day
        usually settles it, and a long run of them still takes few rounds. Whether a day
        is disputed depends only on that day's appearances and the reports covering it, so an
        official is read back only as far as its latest undisputed day, never its whole
        history. The findings in `aside` (set aside by corrections) are never read."""
        last: dict[str, Sighting] = {}
        disputed: dict[tuple[str, date], corroborate.Dispute] = {}
        support: dict[tuple[str, date], corroborate.Support] = {}
        pending: dict[str, date | None] = {o.name: None for o in self.config.officials}
        count = 1
        while pending:
            latest = last_seen.latest_appearances(session, self.ids, pending, as_of, count, aside)
            days, rows = latest.days, latest.appearances
            accounts = [a.account() for a in rows]
            by_day: dict[tuple[str, date], list[last_seen.Appearance]] = {}
            for a in rows:
                by_day.setdefault((a.official, a.day), []).append(a)
            supported = corroborate.support(accounts, as_of)
            # only a lone sighting can be disputed: the reports of those days alone
            lone = {
                name: [
                    d
                    for d in ds
                    if (name, d) in supported and not supported[(name, d)].corroborated
                ]
                for name, ds in days.items()
            }
            reports = last_seen.covering_reports(session, self.ids, lone, as_of, aside)
            found = corroborate.disputes(accounts, reports, as_of, supported)
            support.update(supported)
            pending = {}
            for name, ds in days.items():
                seen = next((d for d in ds if (name, d) not in found), None)
                disputed.update(
                    {(name, d): found[(name, d)] for d in ds if seen is None or d > seen}
                )
                if seen is not None:
                    sighting = last_seen.evidence(by_day.get((name, seen), []))
                    if sighting is not None:
                        last[name] = sighting
                elif len(ds) == count:
                    pending[name] = ds[-1]  # all disputed: look further back
            count = min(2 * count, most)
        return last, disputed, support

    def evaluate(
        self, as_of: datetime, now: datetime, *, watching_since: datetime | None = None
    ) -> Evaluation:
        """Statuses as of `as_of`, and the alerts they make due, stored before delivery."""
        evaluation = self.statuses(as_of, watching_since=watching_since)
        by_name = {s.name: s for s in evaluation.statuses}
        with session_for(self.engine) as session:
            states = alert_store.alert_states(session, as_of)
            decisions: list[AlertDecision] = []
            for status in evaluation.statuses:
                state = states.get(status.name, alerting.AlertState())
                decision = alerting.decide(status, state, as_of, self.policy)
                if decision is not None:
                    decisions.append(decision)
            overdue = alert_store.sent_keys(session, AlertKind.AWAIT_OVERDUE)
            closed = alert_store.sent_keys(session, AlertKind.AWAIT_MET)
            for awaited in evaluation.awaits:
                name = awaited.watch.official
                key = (self.ids[name], awaited.watch.key)
                if alerting.muted(states.get(name, alerting.AlertState()), as_of):
                    continue
                decision = alerting.decide_await(
                    awaited, by_name[name], key in overdue, key in closed
                )
                if decision is not None:
                    decisions.append(decision)
            for decision in decisions:
                # the official's own disputed sightings, left out of its timeline
                aside = {d.day for d in evaluation.disputed.get(decision.official, [])}
                row = self._alert_row(session, decision, as_of, now, aside)
                if repo.add_alert(session, row):
                    evaluation.alerts.append(row)
                    for copy in self._channel_rows(row, decision):
                        repo.add_alert(session, copy)
        return evaluation

    def _channel_rows(self, row: AlertRow, decision: AlertDecision) -> list[AlertRow]:
        """The same alert for each [[notify]] route that wants this official: its own
        row, so that it has its own delivery state, claims, retries and supersession."""
        from tracker.notify.message import message_id  # only when alerting: not for `status`

        official = next(o for o in self.config.officials if o.name == decision.official)
        return [
            AlertRow(
                **row.model_dump(exclude={"id", "episode", "message_id", "recipients", "channel"}),
                episode=f"{route.name}:{row.episode}",
                message_id=message_id(
                    decision.official, decision.kind.value, f"{route.name}:{row.episode}"
                ),
                recipients=f"notify:{route.name}",
                channel=route.name,
            )
            for route in self.config.notify
            if route.wants(official.group)
        ]

    def _alert_row(
        self,
        session: Session,
        decision: AlertDecision,
        as_of: datetime,
        now: datetime,
        aside: set[date],
    ) -> AlertRow:
        """The message of one decision; `aside` are the days of its official's disputed
        sightings, left out of its timeline of recent appearances."""
        from tracker.notify.message import Context, render  # only when alerting

        official_id = self.ids[decision.official]
        status = decision.status
        previous = None
        if decision.kind is AlertKind.SEEN_AGAIN:
            try:
                previous = date.fromisoformat(decision.episode.split("#")[0])
            except ValueError:
                previous = None
        after = status.evidence.published if status.evidence else None
        if decision.kind is AlertKind.SEEN_AGAIN and previous is not None:
            # the reports of the gap: everything since the previous sighting's day
            after = datetime.combine(previous, time.max, tzinfo=UTC)
        count, reports = alert_store.reports_since(session, official_id, after, as_of)
        recent = [
            s
            for s in alert_store.sightings(
                session, official_id, decision.official, as_of, limit=6 + len(aside)
            )
            if s.date not in aside
        ][:6]
        rendered = render(
            decision, Context(tuple(recent), tuple(reports), previous, report_count=count)
        )
        official = next(o for o in self.config.officials if o.name == decision.official)
        email = self.config.email
        recipients = email.recipients_for(official.group) if email else ()
        return AlertRow(
            official_id=official_id,
            kind=decision.kind.value,
            episode=decision.episode,
            created_at=now,
            as_of=as_of,
            subject=rendered.subject,
            body=rendered.text,
            html=rendered.html,
            message_id=rendered.message_id,
            recipients=", ".join(recipients),
        )
