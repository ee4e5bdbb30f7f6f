"""Re-reading stored entries: after an official joins the watchlist, or the rules improve,
the findings of entries already stored are recomputed from their text.

Findings are derived data (entries are the record), so they are replaced, a batch of
entries at a time, one transaction per batch; alerts already sent are not touched.

Recognition is nearly all of a rescan's cost, so on a large database it runs in the
sandbox's worker processes (one per core), a few batches ahead of the writes: the
workers read batch N+1 while this process writes batch N. An entry that recognition
cannot read (an error, its time or memory limit) keeps the findings it had, is named
in one line, and the rest of its batch is written as usual.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, update
from sqlalchemy import select as sa_select
from sqlmodel import col, select

from tracker.corroborate import source_of
from tracker.domain import Entry, Finding
from tracker.jobs import Tracker
from tracker.sandbox import BATCH_CHARS, BATCH_ENTRIES, SandboxError
from tracker.store import repo
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FindingRow, OfficialRow

Found = tuple[tuple[Finding, ...], ...]
# Recognition of a batch of entries, started now, its findings (per entry, in order) later.
Recognition = Callable[[Sequence[Entry]], "concurrent.futures.Future[Found]"]

AHEAD = 3  # batches in flight at most (read and being recognised, not yet written)


class RescanError(Exception):
    """Recognition failed for every entry of a batch: something is wrong with the
    workers, not with one entry."""


@dataclass(frozen=True)
class Rescanned:
    entries: int
    findings: int
    # one line per entry that could not be read (its findings were left as they were)
    failed: tuple[str, ...] = ()


def in_process(tracker: Tracker) -> Recognition:
    """Recognition in this process, at once (small rescans, and the reference for the
    workers' results)."""

    def recognize(entries: Sequence[Entry]) -> concurrent.futures.Future[Found]:
        future: concurrent.futures.Future[Found] = concurrent.futures.Future()
        try:
            future.set_result(tuple(tuple(tracker.recognizer.findings(e)) for e in entries))
        except Exception as exc:  # reported per entry by the caller
            future.set_exception(exc)
        return future

    return recognize


def in_workers(tracker: Tracker, ahead: int = AHEAD) -> Recognition:
    """Recognition in the sandbox's worker processes, with their limits. A batch that
    gets no answer in a generous time (its limits, as if each of its tasks waited behind
    `ahead` batches, plus a minute) fails rather than waits for ever: a worker that dies
    while it receives a task can leave that task unanswered."""
    limits = tracker.sandbox.limits

    def recognize(entries: Sequence[Entry]) -> concurrent.futures.Future[Found]:
        size = sum(len(e.title) + len(e.text) for e in entries)
        tasks = -(-len(entries) // BATCH_ENTRIES) + size // BATCH_CHARS
        patience = 60 + (ahead + 1) * (limits.seconds * tasks + limits.time_for(size))
        return tracker.submit(_patiently(tracker.sandbox.recognize(entries), patience))

    return recognize


async def _patiently(recognition: Awaitable[Found], seconds: float) -> Found:
    try:
        return await asyncio.wait_for(recognition, seconds)
    except TimeoutError:
        raise SandboxError(
            f"recognition got no answer from the workers in {seconds:.0f} s"
        ) from None


def rescan(
    tracker: Tracker,
    names: Sequence[str] = (),
    batch: int = 500,
    *,
    recognition: Recognition | None = None,
    ahead: int = AHEAD,
) -> Rescanned:
    """Recompute the findings of every stored entry for `names` (default: everyone).

    Per batch of entries (by id): one read of their text, recognition, one ranged DELETE
    of their findings (of the officials re-read, when not everyone), one executemany of
    the new rows, one UPDATE marking them read, one commit. Recognition runs in the
    workers when there is more than a batch to read (default), up to `ahead` batches
    before the writes."""
    wanted = set(names) or set(tracker.ids)
    ids = {name: official_id for name, official_id in tracker.ids.items() if name in wanted}
    everyone = ids == tracker.ids
    entries = findings = 0
    failed: list[str] = []
    last_id = 0
    in_flight: deque[tuple[Sequence[Any], concurrent.futures.Future[Found]]] = deque()
    with session_for(tracker.engine) as session:
        feeds = {f.id: f.url for f in repo.feeds(session)}
        if everyone:
            # tracker.ids holds every official row, so "everyone's" is every finding
            everyone = set(ids.values()) >= set(session.exec(select(OfficialRow.id)).all())
        if recognition is None:
            stored = session.execute(sa_select(func.count()).select_from(EntryRow)).scalar()
            pooled = (stored or 0) > batch
            recognition = in_workers(tracker, ahead) if pooled else in_process(tracker)
        try:
            while True:
                while len(in_flight) < max(1, ahead):
                    rows = session.execute(
                        sa_select(*_COLUMNS)
                        .where(col(EntryRow.id) > last_id)
                        .order_by(col(EntryRow.id))
                        .limit(batch)
                    ).all()
                    if not rows:
                        break
                    last_id = rows[-1].id
                    in_flight.append((rows, recognition([_entry(row) for row in rows])))
                if not in_flight:
                    break
                rows, future = in_flight[0]
                found, bad = _outcome(rows, future, recognition)
                in_flight.popleft()
                failed += bad.values()
                new: list[dict[str, object]] = []
                for row, entry_found in zip(rows, found, strict=True):
                    if row.id in bad:
                        continue
                    kept = [f for f in entry_found if f.official in ids]
                    source = source_of(row.url, feeds.get(row.feed_id, ""))
                    stored_entry = repo.StoredEntry(row.id, row.published)
                    new += repo.finding_rows(stored_entry, kept, ids, source=source)
                stale = delete(FindingRow).where(
                    col(FindingRow.entry_id).between(rows[0].id, rows[-1].id)
                )
                if bad:
                    stale = stale.where(col(FindingRow.entry_id).not_in(sorted(bad)))
                if not everyone:
                    stale = stale.where(col(FindingRow.official_id).in_(sorted(ids.values())))
                session.execute(stale)
                findings += repo.insert_findings(session, new)
                unread = [row.id for row in rows if not row.recognized and row.id not in bad]
                if unread and ids == tracker.ids:
                    session.execute(
                        update(EntryRow).where(col(EntryRow.id).in_(unread)).values(recognized=True)
                    )
                entries += len(rows) - len(bad)
                session.commit()
        finally:
            for _rows, future in in_flight:  # stopped early: drop what the workers queued
                future.cancel()
    return Rescanned(entries, findings, tuple(failed))


def _entry(row: Any) -> Entry:
    return Entry(row.title, row.text, row.published, row.url, row.guid)


def _outcome(
    rows: Sequence[Any], future: concurrent.futures.Future[Found], recognition: Recognition
) -> tuple[Found, dict[int, str]]:
    """The batch's findings, and a line for each entry that could not be read (by id).

    When the batch fails, each of its entries is recognised again on its own, so that the
    line names the entry at fault and the others are not lost with it."""
    try:
        return future.result(), {}
    except Exception:  # which entry: asked one by one below
        pass
    alone = [recognition([_entry(row)]) for row in rows]
    found: list[tuple[Finding, ...]] = []
    bad: dict[int, str] = {}
    try:
        for row, one in zip(rows, alone, strict=True):
            try:
                found.append(one.result()[0])
            except Exception as exc:  # reported, one line per entry
                found.append(())
                where = row.url or row.guid
                bad[row.id] = f"entry {row.id} ({where}): {_reason(exc)}; its findings were kept"
    finally:
        for one in alone:  # interrupted: nothing left queued in the workers
            one.cancel()
    if len(bad) == len(rows) > 1:
        raise RescanError(
            f"recognition failed for every entry of ids {rows[0].id}-{rows[-1].id}: "
            f"{_reason(_first_error(alone))}"
        )
    return tuple(found), bad


def _first_error(futures: Sequence[concurrent.futures.Future[Found]]) -> BaseException:
    for future in futures:
        error = future.exception()
        if error is not None:
            return error
    raise AssertionError("no error")


def _reason(exc: BaseException) -> str:
    if isinstance(exc, SandboxError):
        return str(exc)
    return f"recognition failed: {type(exc).__name__}: {exc}"


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
