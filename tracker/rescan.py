"""Re-reading stored entries: after an official joins the watchlist, or the rules improve,
the findings of entries already stored are recomputed from their text.

Findings are derived data (entries are the record), so they are replaced, entry by
entry, one transaction per batch; alerts already sent are not touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import col, select

from tracker.corroborate import source_of
from tracker.domain import Entry
from tracker.jobs import Tracker
from tracker.store import repo
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FindingRow


@dataclass(frozen=True)
class Rescanned:
    entries: int
    findings: int


def rescan(tracker: Tracker, names: Sequence[str] = (), batch: int = 500) -> Rescanned:
    """Recompute the findings of every stored entry for `names` (default: everyone)."""
    wanted = set(names) or set(tracker.ids)
    ids = {name: official_id for name, official_id in tracker.ids.items() if name in wanted}
    entries = findings = 0
    last_id = 0
    with session_for(tracker.engine) as session:
        feeds = {f.id: f.url for f in repo.feeds(session)}
        while True:
            rows = session.exec(
                select(EntryRow)
                .where(col(EntryRow.id) > last_id)
                .order_by(col(EntryRow.id))
                .limit(batch)
            ).all()
            if not rows:
                break
            for row in rows:
                entry = Entry(row.title, row.text, row.published, row.url, row.guid)
                found = [f for f in tracker.recognizer.findings(entry) if f.official in ids]
                session.exec(
                    delete(FindingRow).where(
                        col(FindingRow.entry_id) == row.id,
                        col(FindingRow.official_id).in_(list(ids.values())),
                    )
                )
                source = source_of(row.url, feeds.get(row.feed_id, ""))
                findings += repo.add_findings(session, row, found, ids, source=source)
                if not row.recognized and ids == tracker.ids:
                    row.recognized = True
                    session.add(row)
                entries += 1
            session.commit()
            last_id = rows[-1].id or last_id
    return Rescanned(entries, findings)
