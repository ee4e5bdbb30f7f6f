"""What an evaluation read from history, remembered at the history's version: a status at
a million findings reads one row instead of walking every official's latest days and the
absence reports after them.

The history's version (table `history_version`, revision 0004) is counted up by triggers
in the database, in the same transaction as every change to `finding` and every change
of an entry's link or title, and keeps the latest publication or recording time ever
stored. A reading is remembered under a key (the watchlist's ids, the corrections in
force, the code of the rules, and the moment when it is not "now") with the version it
was read at, and recalled only at that same version. So it is exactly what reading
history again would give:

- **nothing changed since**: any change to findings counts the version up, committed
  with the change; the version is read before history, so a reading that saw a change
  the version did not yet show is recalled never, not wrongly;
- **the same rows admitted**: every statement of the reading admits the findings
  published and recorded by `as_of`; when `as_of` is at or after the latest time ever
  stored, every finding is admitted, whatever `as_of` (key "now"). An earlier `as_of`
  is its own key, remembered only when the caller asks (`status --as-of`), a few at a
  time;
- **the same rules**: the key holds a digest of the modules that read and judge
  (tracker/corroborate.py, tracker/evaluate.py, tracker/store/last_seen.py, this one),
  so an upgrade of tracker never recalls what older rules decided.

Without the row or its triggers (e.g. a table rebuild that dropped them) nothing is
recalled or remembered. Remembering is a courtesy: it never waits for a busy database
and a failure to write is only logged.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Boolean, String, bindparam, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from tracker.corroborate import AbsenceReport, Account, Dispute, Support
from tracker.domain import Sighting
from tracker.store.tables import UTCDateTime

log = logging.getLogger(__name__)

FORMAT = 1  # of the payload; the key changes with it
PAST_KEPT = 8  # readings of earlier moments kept (the newest written)
# the triggers revision 0004 creates, by name (not imported from it: that would load
# Alembic in every command; a revision that changes them changes these)
SQLITE_TRIGGERS = (
    "history_finding_insert",
    "history_finding_update",
    "history_finding_delete",
    "history_entry_update",
    "history_entry_delete",
)
POSTGRES_TRIGGERS = ("history_finding", "history_entry")
_RULES = ("corroborate.py", "evaluate.py", "store/last_seen.py", "store/memo.py")


@dataclass(frozen=True)
class Reading:
    """What an evaluation reads from history for the whole watchlist: per official the
    latest sighting that stands and the sources of its day; the sightings set aside as
    disputed on the way; the absence reports counted after each official's evidence,
    with the publication times they were counted after (`counted_after`, ISO text: the
    evidence may be a sighting added by hand, so the count is reused only for the same
    times)."""

    last: dict[str, Sighting]
    disputed: dict[tuple[str, date], Dispute]
    sources: dict[str, tuple[str, ...]]
    absences: dict[str, int]
    counted_after: dict[str, str]


@dataclass(frozen=True)
class Version:
    """The history's version and the latest time it holds (None: no finding yet)."""

    number: int
    latest: datetime | None

    def admits_all(self, as_of: datetime) -> bool:
        """Every finding stored is published and recorded by `as_of`."""
        return self.latest is None or as_of >= self.latest


# --- the key


@cache
def _rules_digest() -> bytes:
    """The code of the rules, so that a reading is never recalled by other rules."""
    digest = hashlib.sha256(str(FORMAT).encode())
    root = Path(__file__).resolve().parent.parent
    for name in _RULES:
        try:
            digest.update((root / name).read_bytes())
        except OSError:  # no sources installed: the version of the package stands in
            from tracker import __version__

            digest.update(f"{name} of {__version__}".encode())
    return digest.digest()


def key(
    ids: Mapping[str, int],
    aside: Collection[int],
    by_hand: Mapping[str, list[Sighting]],
    moment: datetime | None,
) -> str:
    """The key of one reading: the watchlist's ids, the corrections in force (findings
    set aside, sightings added by hand), the rules, and the moment (None: "now")."""
    digest = hashlib.sha256(_rules_digest())
    digest.update(
        orjson.dumps(
            [
                sorted(ids.items()),
                sorted(aside),
                {name: s for name, s in by_hand.items() if s},
                moment,
            ],
            option=orjson.OPT_SORT_KEYS,
        )
    )
    return digest.hexdigest()


# --- the payload: plain JSON, read back into the same dataclasses


def dump(reading: Reading) -> str:
    return orjson.dumps(
        {
            "last": reading.last,
            "disputed": list(reading.disputed.values()),
            "sources": reading.sources,
            "absences": reading.absences,
            "counted_after": reading.counted_after,
        }
    ).decode()


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(UTC)


def _sighting(d: dict[str, Any]) -> Sighting:
    return Sighting(
        official=d["official"],
        date=date.fromisoformat(d["date"]),
        seen_at=_time(d["seen_at"]),
        published=_time(d["published"]),
        url=d["url"],
        title=d["title"],
        text=d["text"],
    )


def _account(d: dict[str, Any]) -> Account:
    return Account(
        d["official"],
        date.fromisoformat(d["day"]),
        d["source"],
        _time(d["published"]),
        d["confidence"],
        d["url"],
    )


def _report(d: dict[str, Any]) -> AbsenceReport:
    since = d["since"]
    return AbsenceReport(
        d["official"],
        date.fromisoformat(since) if since is not None else None,
        _time(d["published"]),
        d["source"],
        d["confidence"],
        d["url"],
        d["text"],
    )


def _dispute(d: dict[str, Any]) -> Dispute:
    s = d["sighting"]
    support = Support(
        s["official"],
        date.fromisoformat(s["day"]),
        tuple(s["sources"]),
        s["confidence"],
        tuple(_account(a) for a in s["accounts"]),
    )
    return Dispute(support, tuple(_report(r) for r in d["reports"]), d["rule"])


def load(payload: str) -> Reading:
    data = orjson.loads(payload)
    disputes = [_dispute(d) for d in data["disputed"]]
    return Reading(
        last={name: _sighting(s) for name, s in data["last"].items()},
        disputed={(d.official, d.day): d for d in disputes},
        sources={name: tuple(s) for name, s in data["sources"].items()},
        absences=dict(data["absences"]),
        counted_after=dict(data["counted_after"]),
    )


# --- the database


def _postgres(bind: Any) -> bool:
    return bool(bind.dialect.name == "postgresql")


@cache
def _version_statement(postgres: bool) -> Any:
    names = POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS
    listed = ", ".join(f"'{n}'" for n in names)
    triggers = (
        f"SELECT count(*) FROM pg_trigger WHERE tgname IN ({listed})"
        if postgres
        else f"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({listed})"
    )
    return text(
        f"SELECT version, latest, ({triggers}) AS triggers FROM history_version WHERE id = 1"
    ).columns(latest=UTCDateTime())


def version(session: Session) -> Version | None:
    """The history's version now; None when it is not kept (no row, or its triggers are
    missing), and then nothing may be recalled."""
    conn = session.connection()
    postgres = _postgres(conn)
    try:
        row = conn.execute(_version_statement(postgres)).first()
    except DBAPIError:  # no such table: a database this code did not migrate
        session.rollback()
        return None
    expected = len(POSTGRES_TRIGGERS if postgres else SQLITE_TRIGGERS)
    if row is None or row.triggers != expected:
        return None
    return Version(int(row.version), row.latest)


_RECALL = text("SELECT payload FROM evaluation_memo WHERE key = :key AND version = :version")


def recall(session: Session, memo_key: str, at: Version) -> Reading | None:
    """The reading remembered under `memo_key` at this version of history, if any."""
    row = session.connection().execute(_RECALL, {"key": memo_key, "version": at.number}).first()
    if row is None:
        return None
    try:
        return load(row[0])
    except (ValueError, KeyError, TypeError) as exc:  # written by hand, or cut short
        log.warning("evaluation memo %s unreadable, read again from history: %s", memo_key, exc)
        return None


_REMEMBER = text(
    "INSERT INTO evaluation_memo (key, version, past, written_at, payload)"
    " VALUES (:key, :version, :past, :written_at, :payload)"
    " ON CONFLICT (key) DO UPDATE SET version = excluded.version, past = excluded.past,"
    " written_at = excluded.written_at, payload = excluded.payload"
).bindparams(
    bindparam("key", type_=String),
    bindparam("past", type_=Boolean),
    bindparam("written_at", type_=UTCDateTime()),
)
_FORGET_STALE = text("DELETE FROM evaluation_memo WHERE version <> :version")
_FORGET_PAST = text(
    "DELETE FROM evaluation_memo WHERE past AND key NOT IN"
    " (SELECT key FROM evaluation_memo WHERE past ORDER BY written_at DESC LIMIT :kept)"
)


def remember(engine: Engine, memo_key: str, at: Version, reading: Reading, *, past: bool) -> bool:
    """Keep `reading` under `memo_key` at version `at`, and forget the readings of other
    versions (and past ones beyond PAST_KEPT). Never waits for another writer: a busy
    or read-only database keeps nothing, and says so in the log only."""
    postgres = _postgres(engine)
    params = {
        "key": memo_key,
        "version": at.number,
        "past": past,
        "written_at": datetime.now(UTC),
        "payload": dump(reading),
    }
    try:
        with engine.connect() as conn:
            patience = None
            if not postgres:
                patience = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
                conn.exec_driver_sql("PRAGMA busy_timeout=0")
            else:
                conn.exec_driver_sql("SET LOCAL lock_timeout = '100ms'")
            try:
                conn.execute(_FORGET_STALE, {"version": at.number})
                conn.execute(_REMEMBER, params)
                if past:
                    conn.execute(_FORGET_PAST, {"kept": PAST_KEPT})
                conn.commit()
            finally:
                conn.rollback()  # nothing, after the commit; all of it, after a failure
                if patience is not None:
                    conn.exec_driver_sql(f"PRAGMA busy_timeout={int(patience)}")
                    conn.commit()
    except DBAPIError as exc:
        log.debug("evaluation memo not kept: %s", str(exc.orig).strip().splitlines()[:1])
        return False
    return True
