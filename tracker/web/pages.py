"""What each page of the dashboard shows, as plain JSON-able data: the HTML page renders
it and its JSON twin returns it as is, so the two cannot disagree.

Read-only: every call opens its own short-lived session and never writes. Statuses come
from the same evaluation as `tracker status` (tracker/evaluate.py) and are shaped by the
same function as `tracker status --json` (tracker/cli/report.py)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import select

from tracker import corroborate
from tracker.cli.report import corrected_history, status_json
from tracker.config import Config
from tracker.corroborate import Account
from tracker.domain import Kind
from tracker.evaluate import Evaluation, Evaluator
from tracker.feeds.health import worst_first
from tracker.moments import check_day, check_id
from tracker.store import alert_store, corrections, repo
from tracker.store.corrections import CorrectionError
from tracker.store.engine import session as session_for
from tracker.store.tables import AlertRow, CorrectionRow, EntryRow, FindingRow, OfficialRow
from tracker.web import timeline


def slug(name: str) -> str:
    """'Jean-Noël Barrot' -> 'jean-noel-barrot': the official's part of the page's URL."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class Desk:
    """The dashboard's read-only view of one tracker: its config and its database."""

    config: Config
    engine: Engine

    @property
    def slugs(self) -> dict[str, str]:
        """slug -> official name, unique (a clash or a name with no Latin letters gets
        its position on the watchlist)."""
        out: dict[str, str] = {}
        for i, official in enumerate(self.config.officials, start=1):
            key = slug(official.name) or f"official-{i}"
            out[key if key not in out else f"{key}-{i}"] = official.name
        return out

    def _ids(self) -> dict[str, int]:
        """Official name -> id as stored. An official not stored yet (the config gained
        them since the last poll) gets 0, which matches no row: nothing recorded."""
        with session_for(self.engine) as session:
            stored = {o.name: o.id for o in session.exec(select(OfficialRow)).all()}
        return {o.name: stored.get(o.name) or 0 for o in self.config.officials}

    def evaluation(self, as_of: datetime) -> Evaluation:
        return Evaluator(self.config, self.engine, self._ids()).statuses(as_of)

    def board(self, as_of: datetime) -> dict[str, Any]:
        """`tracker status --json`, each official with the slug of their page."""
        body = status_json(self.evaluation(as_of))
        by_name = {name: key for key, name in self.slugs.items()}
        for row in body["officials"]:
            row["slug"] = by_name.get(row["name"])
        return body

    def official(
        self, key: str, as_of: datetime, start: date | None = None, end: date | None = None
    ) -> dict[str, Any] | None:
        """One official: their status, the timeline from their first record (or `start`)
        to `as_of` (or `end`), and every record with its evidence; None if unknown."""
        name = self.slugs.get(key)
        if name is None:
            return None
        board = self.board(as_of)
        status = next(o for o in board["officials"] if o["name"] == name)
        kinds = (Kind.APPEARANCE, Kind.ABSENCE, Kind.MENTION)
        with session_for(self.engine) as session:
            rows = [
                (i, c)
                for i, c in corrected_history(session, name, kinds)
                if i.published <= as_of and date.fromisoformat(i.day) <= as_of.date()
            ]
            reports = repo.absence_reports(session, as_of, name)
            log = corrections.listed(session, official_id=self._ids()[name], include_removed=True)
        items = [i for i, _ in rows]
        standing = [i for i, c in rows if c is None]  # what no correction sets aside
        accounts = [
            Account(i.official, day, i.source, i.published, i.confidence, i.url)
            for i in standing
            if i.kind == Kind.APPEARANCE.value
            for day in [date.fromisoformat(i.day)]
        ]
        by_hand = [
            date.fromisoformat(i.day)
            for i, c in rows
            if c is not None and c.row.action == corrections.ADD
        ]
        disputes = corroborate.disputes(accounts, reports, as_of)
        support = corroborate.support(accounts, as_of)
        disputed = {day for (_, day) in disputes}
        seen = [a.day for a in accounts if a.day not in disputed] + by_hand
        threshold = timedelta(days=status["threshold_days"] or 0)
        first = min((date.fromisoformat(i.day) for i in items), default=as_of.date())

        def days_of(kind: Kind) -> list[date]:
            return [date.fromisoformat(i.day) for i in standing if i.kind == kind.value]

        chart = timeline.Chart(
            name=name,
            start=start or first,
            end=end or as_of.date(),
            days=timeline.counts_by_day(
                seen + [a.day for a in accounts if a.day in disputed],
                days_of(Kind.ABSENCE),
                days_of(Kind.MENTION),
            ),
            silences=timeline.silences(seen, threshold, end or as_of.date()),
            threshold=threshold,
            disputed=sorted(disputed),
        )
        evidence = []
        for i, c in reversed(rows):  # newest first
            key_day = (i.official, date.fromisoformat(i.day))
            judged = i.kind == Kind.APPEARANCE.value and c is None
            dispute = disputes.get(key_day) if judged else None
            found = support.get(key_day) if judged else None
            evidence.append(
                {
                    "date": i.day,
                    "kind": i.kind,
                    "source": i.source,
                    "url": i.url,
                    "title": i.title,
                    "text": i.text,
                    "cue": i.cue,
                    "confidence": i.confidence,
                    "published": i.published.isoformat(),
                    "since": i.since,
                    "sources": len(found.sources) if found else None,
                    "disputed": dispute is not None,
                    "disputed_reason": dispute.reason if dispute else None,
                    "finding_id": i.finding_id or None,
                    "entry_id": i.entry_id or None,
                    "by_hand": c is not None and c.row.action == corrections.ADD,
                    "correction": c.as_json() if c is not None else None,
                }
            )
        return {
            "as_of": board["as_of"],
            "slug": key,
            "official": status,
            "awaits": [a for a in board["awaits"] if a["official"] == name],
            "timeline": {
                "from": chart.start.isoformat(),
                "to": chart.end.isoformat(),
                "threshold_days": status["threshold_days"],
                "days": [
                    {
                        "date": d.day.isoformat(),
                        "appearances": d.appearances,
                        "absences": d.absences,
                        "mentions": d.mentions,
                    }
                    for d in chart.days
                ],
                "silences": [
                    {
                        "from": s.start.isoformat(),
                        "to": _iso(s.end),
                        "silent_from": s.crossed.isoformat(),
                        "days": s.days,
                    }
                    for s in chart.silences
                ],
                "disputed": [d.isoformat() for d in chart.disputed],
            },
            "evidence": evidence,
            "corrections": [c.as_json() for c in reversed(log)],
            "svg": timeline.svg(chart),
        }

    def correct(self, key: str, fields: dict[str, str], now: datetime) -> corrections.Listed:
        """A correction posted from an official's page: the dashboard's only write.
        Raises CorrectionError with one line naming what is wrong."""
        name = self.slugs.get(key)
        official_id = self._ids().get(name or "", 0)
        if name is None or not official_id:
            raise CorrectionError(f"no official {key!r} with records")
        author = " ".join(fields.get("by", "").split())[:200]
        if not author:
            raise CorrectionError("by: say who corrects (your name)")
        reason = fields.get("reason", "").strip()
        action = fields.get("action", "")
        with session_for(self.engine) as session:
            if action == corrections.REJECT:
                finding = session.get(FindingRow, _number(fields, "finding"))
                if finding is None or finding.official_id != official_id:
                    raise CorrectionError(f"finding: no such finding of {name}")
                if not reason:
                    raise CorrectionError("reason: say why the sighting is wrong")
                return corrections.reject(
                    session, finding.id or 0, reason=reason, author=author, now=now
                )
            if action == corrections.NOT_ABOUT:
                entry = session.get(EntryRow, _number(fields, "entry"))
                if entry is None:
                    raise CorrectionError("entry: no such entry")
                return corrections.not_about(
                    session, entry, official_id, reason=reason, author=author, now=now
                )
            if action == corrections.ADD:
                try:
                    day = check_day(date.fromisoformat(fields.get("day", "").strip()))
                except ValueError:
                    raise CorrectionError(f"day: bad date {fields.get('day')!r}") from None
                source, note = fields.get("source", "").strip(), fields.get("note", "").strip()
                if not (source or note):
                    raise CorrectionError("say where or what: source or note")
                return corrections.add(
                    session,
                    official_id,
                    day,
                    source=source[:300],
                    note=note,
                    url=fields.get("url", "").strip()[:2000],
                    reason=reason,
                    author=author,
                    now=now,
                )
            if action == "remove":
                number = _number(fields, "correction")
                row = session.get(CorrectionRow, number)
                if row is None or row.official_id != official_id:
                    raise CorrectionError(f"correction: no correction #{number} of {name}")
                return corrections.remove(session, number, author=author, reason=reason, now=now)
        raise CorrectionError(f"action: unknown {action!r} (reject, not_about, add, remove)")

    def feeds(self) -> dict[str, Any]:
        """Every stored feed and its health, worst first (as `tracker feeds --all`)."""
        with session_for(self.engine) as session:
            rows = repo.feeds(session)
        judged = worst_first(rows)
        return {
            "feeds": [
                {
                    "name": r.name or r.url,
                    "url": r.url,
                    "source": r.source,
                    "state": h.state,
                    "consecutive_failures": r.consecutive_failures,
                    "last_error": r.disabled_reason if r.disabled_at else r.last_error,
                    "last_status": r.last_status,
                    "last_polled_at": _iso(r.last_polled_at),
                    "last_success_at": _iso(r.last_success_at),
                    "next_poll_at": _iso(r.next_poll_at),
                    "entries_seen": r.entries_seen,
                }
                for h, r in judged
            ]
        }

    def alert_rows(self) -> list[tuple[AlertRow, str]]:
        """Every stored alert with its official's name, newest first."""
        with session_for(self.engine) as session:
            return list(reversed(alert_store.alerts(session)))

    def alerts(self) -> dict[str, Any]:
        """Every alert with its delivery state, newest first (as `tracker alerts`)."""
        by_name = {name: key for key, name in self.slugs.items()}
        return {
            "alerts": [
                {
                    "id": a.id,
                    "official": name,
                    "slug": by_name.get(name),
                    "kind": a.kind,
                    "subject": a.subject,
                    "as_of": a.as_of.isoformat(),
                    "created_at": a.created_at.isoformat(),
                    "state": a.state,
                    "channel": a.channel or "email",
                    "attempts": a.attempts,
                    "last_error": a.last_error,
                    "next_attempt_at": _iso(a.next_attempt_at),
                    "delivered_at": _iso(a.delivered_at),
                    "delivered_to": a.delivered_to,
                    "superseded_reason": a.superseded_reason,
                }
                for a, name in self.alert_rows()
            ]
        }

    def awaits(self, as_of: datetime) -> dict[str, Any]:
        """Awaited replies and where each stands as of `as_of`."""
        board = self.board(as_of)
        return {"as_of": board["as_of"], "awaits": board["awaits"]}


def _number(fields: dict[str, str], name: str) -> int:
    try:
        return check_id(int(fields.get(name, "")))
    except ValueError:
        raise CorrectionError(f"{name}: not an id: {fields.get(name)!r}") from None
