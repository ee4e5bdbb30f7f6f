"""Re-reading stored entries: after an official joins the watchlist, or the rules improve,
the findings of entries already stored are recomputed from their text.

Findings are derived data (entries are the record), so they are replaced, a batch of
entries at a time, one transaction per batch; alerts already sent are not touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from tracker.corroborate import source_of
from tracker.domain import Entry
from tracker.jobs import Tracker
from tracker.store import repo
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FindingRow, OfficialRow


@dataclass(frozen=True)
class Rescanned:
    entries: int
    findings: int


def rescan(tracker: Tracker, names: Sequence[str] = (), batch: int = 500) -> Rescanned:
    """Recompute the findings of every stored entry for `names` (default: everyone).

    Per batch of entries (by id): one read of their text, recognition, one ranged DELETE
    of their findings (of the officials re-read, when not everyone), one executemany of
    the new rows, one UPDATE marking them read, one commit. Recognition is what is left."""
    wanted = set(names) or set(tracker.ids)
    ids = {name: official_id for name, official_id in tracker.ids.items() if name in wanted}
    everyone = ids == tracker.ids
    entries = findings = 0
    last_id = 0
    with session_for(tracker.engine) as session:
        feeds = {f.id: f.url for f in repo.feeds(session)}
        if everyone:
            # tracker.ids holds every official row, so "everyone's" is every finding
            everyone = set(ids.values()) >= set(session.exec(select(OfficialRow.id)).all())
        while True:
            rows = session.execute(
                sa_select(*_COLUMNS)
                .where(col(EntryRow.id) > last_id)
                .order_by(col(EntryRow.id))
                .limit(batch)
            ).all()
            if not rows:
                break
            first, last_id = rows[0].id, rows[-1].id
            new: list[dict[str, object]] = []
            for row in rows:
                entry = Entry(row.title, row.text, row.published, row.url, row.guid)
                found = [f for f in tracker.recognizer.findings(entry) if f.official in ids]
                source = source_of(row.url, feeds.get(row.feed_id, ""))
                stored = repo.StoredEntry(row.id, row.published)
                new += repo.finding_rows(stored, found, ids, source=source)
            stale = delete(FindingRow).where(col(FindingRow.entry_id).between(first, last_id))
            if not everyone:
                stale = stale.where(col(FindingRow.official_id).in_(sorted(ids.values())))
            session.execute(stale)
            findings += repo.insert_findings(session, new)
            unread = [row.id for row in rows if not row.recognized]
            if unread and ids == tracker.ids:
                session.execute(
                    update(EntryRow).where(col(EntryRow.id).in_(unread)).values(recognized=True)
                )
            entries += len(rows)
            session.commit()
    return Rescanned(entries, findings)


_COLUMNS = tuple(
    col(c)
    for c in (
        EntryRow.id,
        EntryRow.title,
        EntryRow.text,
        EntryRow.published,
        EntryRow.url,
        EntryRow.guid,
        EntryRow.feed_id,
        EntryRow.recognized,
    )
)
