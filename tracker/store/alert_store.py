"""Queries for the alert side: what was sent (the state the rules need), mutes, awaited
replies, the context an alert message shows, and claiming alerts for delivery."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, update
from sqlmodel import Session, col, select

from tracker.alerting import AlertState
from tracker.awaits import Await
from tracker.domain import AlertKind, Kind, Sighting
from tracker.notify.plan import Outcome, Superseded, Waiting, episode_root, thread_kinds
from tracker.store.corrections import standing
from tracker.store.repo import insert_or_skip, to_sighting
from tracker.store.tables import AlertRow, AwaitRow, EntryRow, FindingRow, MuteRow, OfficialRow

if TYPE_CHECKING:  # rendering is loaded by the alerts that need it, not by `status`
    from tracker.notify.message import Report

_REPEAT = re.compile(r"#repeat(\d+)$")


def alert_states(session: Session, as_of: datetime) -> dict[str, AlertState]:
    """Per official, what has been sent so far, as `alerting.decide` needs it. One query
    over the alerts' few short columns (never their bodies), for every official."""
    mutes = active_mutes(session, as_of)
    rows: dict[int, list[tuple[str, str, datetime]]] = {}
    query = (
        select(AlertRow.official_id, AlertRow.kind, AlertRow.episode, AlertRow.as_of)
        .where(AlertRow.channel == "")
        .order_by(col(AlertRow.created_at), col(AlertRow.id))
    )
    connection = session.connection()  # Core rows: no ORM loading per row
    for official_id, kind, episode, at in connection.execute(query).all():
        rows.setdefault(official_id, []).append((kind, episode, at))
    names = connection.execute(select(OfficialRow.id, OfficialRow.name)).all()
    return {name: _state(rows.get(i or 0, []), mutes.get(name)) for i, name in names}


def _state(rows: list[tuple[str, str, datetime]], mute: MuteRow | None) -> AlertState:
    """One official's state from its alerts (kind, episode, as_of), oldest first."""
    if not rows:
        return AlertState(muted_until=mute.until if mute else None)
    silent = [(e, at) for k, e, at in rows if k == AlertKind.SILENT.value]
    resolved = {e for k, e, _ in rows if k == AlertKind.SEEN_AGAIN.value}
    open_row = next(((e, at) for e, at in reversed(silent) if e not in resolved), None)
    repeats = 0
    if open_row is not None:
        for k, e, _ in rows:
            m = _REPEAT.search(e)
            if k == AlertKind.REPEAT.value and m and e.startswith(open_row[0]):
                repeats = max(repeats, int(m.group(1)))
    warned = [e for k, e, _ in rows if k == AlertKind.QUIET.value]
    return AlertState(
        open_episode=open_row[0] if open_row else None,
        opened_at=open_row[1] if open_row else None,
        repeats=repeats,
        warned_episode=warned[-1] if warned else None,
        muted_until=mute.until if mute else None,
    )


def sent_keys(session: Session, kind: AlertKind) -> set[tuple[int, str]]:
    """(official id, episode) of every stored alert of one kind."""
    rows = session.exec(
        select(AlertRow.official_id, AlertRow.episode).where(
            AlertRow.kind == kind.value, AlertRow.channel == ""
        )
    )
    return {(official_id, episode) for official_id, episode in rows.all()}


# --- mutes ---------------------------------------------------------------------------


def active_mutes(session: Session, as_of: datetime) -> dict[str, MuteRow]:
    """Per official name, the mute in force at `as_of` that lasts longest."""
    rows = session.exec(
        select(MuteRow, OfficialRow)
        .join(OfficialRow, col(OfficialRow.id) == col(MuteRow.official_id))
        .where(col(MuteRow.lifted_at).is_(None), col(MuteRow.until) > as_of)
        .where(col(MuteRow.created_at) <= as_of)
    ).all()
    out: dict[str, MuteRow] = {}
    for mute, official in rows:
        if official.name not in out or out[official.name].until < mute.until:
            out[official.name] = mute
    return out


def add_mute(
    session: Session, official_id: int, now: datetime, until: datetime, reason: str
) -> MuteRow:
    row = MuteRow(official_id=official_id, created_at=now, until=until, reason=reason)
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def lift_mutes(session: Session, official_id: int, now: datetime) -> int:
    rows = session.exec(
        select(MuteRow).where(
            MuteRow.official_id == official_id,
            col(MuteRow.lifted_at).is_(None),
            col(MuteRow.until) > now,
        )
    ).all()
    for row in rows:
        row.lifted_at = now
        session.add(row)
    session.commit()
    return len(rows)


# --- awaited replies -----------------------------------------------------------------


def add_await(session: Session, official_id: int, watch: Await, now: datetime, source: str) -> bool:
    """Store a watch unless the same one exists (stored by another process meanwhile
    included); True if it was new."""
    values = {
        "official_id": official_id,
        "key": watch.key,
        "since": watch.since,
        "within_seconds": int(watch.within.total_seconds()),
        "about": "|".join(watch.about),
        "source": source,
        "created_at": now,
    }
    table = AwaitRow.__table__  # type: ignore[attr-defined]
    stored = session.execute(insert_or_skip(session, table, "id"), values).scalar_one_or_none()
    session.commit()
    return stored is not None


def awaits(session: Session) -> list[tuple[Await, int]]:
    rows = session.exec(
        select(AwaitRow, OfficialRow).join(
            OfficialRow, col(OfficialRow.id) == col(AwaitRow.official_id)
        )
    ).all()
    return [
        (
            Await(
                official=official.name,
                since=row.since,
                within=timedelta(seconds=row.within_seconds),
                about=tuple(a for a in row.about.split("|") if a),
            ),
            official.id or 0,
        )
        for row, official in rows
    ]


# --- what an alert shows -------------------------------------------------------------


def sightings(
    session: Session,
    official_id: int,
    name: str,
    as_of: datetime,
    *,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[Sighting]:
    """Appearances known by `as_of`, newest first; optionally only those seen since `since`."""
    query = (
        select(FindingRow, EntryRow)
        .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
        .where(
            FindingRow.official_id == official_id,
            FindingRow.kind == Kind.APPEARANCE.value,
            col(FindingRow.published) <= as_of,
            # implied (an appearance is never seen after it was published), and what
            # leads SQLite down ix_finding_official_kind_seen, in this order, instead
            # of sorting every appearance the official has
            col(FindingRow.seen_at) <= as_of,
            standing(session),
        )
        .order_by(col(FindingRow.seen_at).desc(), col(FindingRow.id).desc())
    )
    if since is not None:
        query = query.where(col(FindingRow.seen_at) >= since)
    if limit is not None:
        query = query.limit(limit)
    return [to_sighting(f, e, name) for f, e in session.exec(query).all()]


def reports_since(
    session: Session, official_id: int, after: datetime | None, as_of: datetime, limit: int = 8
) -> tuple[int, list[Report]]:
    """Absence reports and mentions published after `after`: how many (counted in the
    index: a long silence has many), and the latest few, the only rows read."""
    where = [
        FindingRow.official_id == official_id,
        col(FindingRow.kind).in_([Kind.ABSENCE.value, Kind.MENTION.value]),
        col(FindingRow.published) <= as_of,
        standing(session),
    ]
    if after is not None:
        where.append(col(FindingRow.published) > after)
    from tracker.notify.message import Report

    count = session.exec(select(func.count()).select_from(FindingRow).where(*where)).one()
    latest = (
        select(FindingRow, EntryRow)
        .join(EntryRow, col(EntryRow.id) == col(FindingRow.entry_id))
        .where(*where)
        .order_by(col(FindingRow.published).desc(), col(FindingRow.id).desc())
        .limit(limit)
    )
    reports = [Report(f.kind, f.day, f.sentence, e.url, e.title) for f, e in session.exec(latest)]
    return int(count), reports


# --- delivery ------------------------------------------------------------------------


def undelivered(session: Session) -> list[AlertRow]:
    """Every alert not yet delivered or superseded, in the order their events happened."""
    return list(
        session.exec(
            select(AlertRow)
            .where(col(AlertRow.state).in_(["pending", "sending"]))
            .order_by(col(AlertRow.as_of), col(AlertRow.id))
        ).all()
    )


def supersede(
    session: Session,
    overtaken: Sequence[Superseded],
    *,
    now: datetime,
    lease: timedelta,
) -> list[AlertRow]:
    """Record alerts as superseded (conditionally: only if no one is sending them), and
    tell each successor what its desk missed. The alerts superseded by us."""
    done: list[AlertRow] = []
    for item in overtaken:
        result = session.exec(
            update(AlertRow)
            .where(col(AlertRow.id) == item.id)
            .where(_claimable(now, lease))
            .values(
                state="superseded",
                claim=None,
                superseded_by=item.by,
                superseded_at=now,
                superseded_reason=item.reason,
            )
        )
        if result.rowcount != 1:
            session.rollback()
            continue
        row = session.get(AlertRow, item.id)
        successor = session.get(AlertRow, item.by)
        if row is None or successor is None:
            session.rollback()
            continue
        lines = [line for line in (row.missed, item.missed) if line]
        successor.missed = "\n".join([*([successor.missed] if successor.missed else []), *lines])
        session.add(successor)
        session.commit()
        session.refresh(row)
        done.append(row)
    return done


def _claimable(now: datetime, lease: timedelta) -> Any:
    return or_(
        col(AlertRow.state) == "pending",
        (col(AlertRow.state) == "sending") & (col(AlertRow.claimed_at) <= now - lease),
    )


def claim(
    session: Session,
    ids: Sequence[int],
    now: datetime,
    lease: timedelta,
    message_id: str | None = None,
) -> str | None:
    """Mark alerts as being sent by us, in the message `message_id`, with a conditional
    UPDATE: if another worker got any of them first, the claim fails and nothing is sent
    twice."""
    token = uuid.uuid4().hex
    values: dict[str, Any] = {"state": "sending", "claim": token, "claimed_at": now}
    if message_id is not None:
        values["sent_message_id"] = message_id
    result = session.exec(
        update(AlertRow)
        .where(col(AlertRow.id).in_(list(ids)))
        .where(_claimable(now, lease))
        .values(**values)
    )
    if result.rowcount != len(ids):
        session.rollback()
        return None
    session.commit()
    return token


def settle(
    session: Session,
    ids: Sequence[int],
    token: str,
    *,
    now: datetime,
    result: Outcome,
    where: str = "",
    retry_at: datetime | None = None,
) -> None:
    """Record the outcome of a send we claimed: delivered (to every recipient still
    owed), pending again for the recipients to retry, or failed for good."""
    rows = session.exec(
        select(AlertRow).where(col(AlertRow.id).in_(list(ids)), AlertRow.claim == token)
    ).all()
    for row in rows:
        row.attempts += 1
        row.claim = None
        row.state = result.state
        row.last_error = result.error[:1000] if result.error else None
        if result.refused:
            row.refused = "\n".join(x for x in (row.refused, *result.refused) if x)
        if where:
            row.delivered_to = "\n".join(x for x in (row.delivered_to, where) if x)[-2000:]
        if result.state == "delivered":
            row.delivered_at = now
            row.owed = ""
        elif result.state == "pending":
            row.owed = ", ".join(result.owed) or row.owed
            row.next_attempt_at = retry_at
        session.add(row)
    session.commit()


def official_names(session: Session) -> dict[int, str]:
    return {o.id or 0: o.name for o in session.exec(select(OfficialRow)).all()}


def thread_of(session: Session, alert: AlertRow) -> str:
    """The Message-ID of the first message delivered in this alert's episode to its
    route ('' if there is none yet): what a follow-up replies to."""
    root = episode_root(alert.kind, alert.episode)
    first = session.exec(
        select(AlertRow)
        .where(
            AlertRow.official_id == alert.official_id,
            AlertRow.recipients == alert.recipients,
            AlertRow.state == "delivered",
            col(AlertRow.kind).in_(sorted(thread_kinds(alert.kind))),
            or_(col(AlertRow.episode) == root, col(AlertRow.episode).startswith(f"{root}#")),
            col(AlertRow.id) != alert.id,
        )
        .order_by(col(AlertRow.delivered_at), col(AlertRow.id))
    ).first()
    if first is None:
        return ""
    return first.sent_message_id or first.message_id


def alerts(session: Session, state: str | None = None) -> list[tuple[AlertRow, str]]:
    query = (
        select(AlertRow, OfficialRow)
        .join(OfficialRow, col(OfficialRow.id) == col(AlertRow.official_id))
        .order_by(col(AlertRow.created_at), col(AlertRow.id))
    )
    if state is not None:
        query = query.where(AlertRow.state == state)
    return [(a, o.name) for a, o in session.exec(query).all()]


def waiting(session: Session) -> list[Waiting]:
    """Alerts not delivered yet (pending or being sent) and those that failed for good,
    oldest first."""
    return [
        Waiting(
            a.id or 0,
            name,
            a.kind,
            a.subject,
            a.state,
            a.attempts,
            a.last_error,
            a.next_attempt_at,
        )
        for state in ("pending", "sending", "failed")
        for a, name in alerts(session, state)
    ]


def retry_now(session: Session, now: datetime, ids: Sequence[int] = ()) -> int:
    """Make pending alerts due at once (all, or the ones named)."""
    query = select(AlertRow).where(AlertRow.state == "pending")
    if ids:
        query = query.where(col(AlertRow.id).in_(list(ids)))
    rows = session.exec(query).all()
    for row in rows:
        row.next_attempt_at = now
        session.add(row)
    session.commit()
    return len(rows)
