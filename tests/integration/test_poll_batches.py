"""Polls that finish while the work thread is busy are written together, in one
transaction (tracker/jobs.py, `Tracker._write`), on SQLite and PostgreSQL: entries
judged feed after feed as if each were stored before the next, every feed's health
recorded with one UPDATE (tracker/store/health.py), and a feed whose write fails
failing alone."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from tests.feedtools import NOW, item, rss
from tests.helpers import database_url
from tracker.config import FeedConfig, parse_config
from tracker.feeds.fetch import Fetched, FetchError
from tracker.feeds.parse import parse_feed
from tracker.jobs import FeedResult, Tracker, _Write
from tracker.sandbox import Digest
from tracker.store import repo
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for
from tracker.store.tables import EntryRow, FeedRow

STORY = "Sergey Lavrov held talks in Moscow on Monday with a delegation from the region."
TITLE = item(1)["title"]
URLS = [f"https://wire{n}.example/feed.xml" for n in range(4)]


@pytest.fixture(params=["sqlite", "postgresql"])
def tracker(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Tracker]:
    url = database_url(request, tmp_path, "batches")
    config = parse_config(
        {
            "database": url,
            "feeds": [{"url": u} for u in URLS],
            "officials": [{"name": "Sergey Lavrov", "threshold": "10d"}],
        },
        path=None,
        env={},
    )
    tracker = Tracker(config, open_engine(url), now=NOW)
    yield tracker
    tracker.close()


def _rows(tracker: Tracker) -> dict[str, FeedRow]:
    with session_for(tracker.engine) as session:
        return repo.feeds_by_url(session, URLS)


def _write(
    tracker: Tracker, n: int, body: bytes | None, *, failure: FetchError | None = None, **row: Any
) -> _Write:
    """Feed n's poll as the work thread receives it: fetched and parsed (or failed)."""
    feed: FeedConfig = tracker.config.feeds[n]
    stored = _rows(tracker)[feed.url].model_copy(update=row)
    result = FeedResult(feed.url, feed.name)
    if failure is not None:
        result.error, result.status = str(failure), "failed"
        return _Write(stored, feed, result, None, None, failure, NOW)
    assert body is not None
    fetched = Fetched(feed.url, body, {"etag": f'"e{n}"'}, bytes_received=len(body))
    parsed = parse_feed(body, fallback_time=NOW, scope=feed.url)
    found = tuple(tuple(tracker.recognizer.findings(p.entry)) for p in parsed.entries)
    return _Write(stored, feed, result, fetched, parsed, None, NOW, Digest(parsed, found))


def _commits(tracker: Tracker) -> list[int]:
    counted: list[int] = []
    event.listen(tracker.engine, "commit", lambda _conn: counted.append(1))
    return counted


def _write_together(tracker: Tracker, writes: list[_Write]) -> list[BaseException | None]:
    """Hand the writes to the tracker while its work thread is busy, then free it;
    each write's outcome (None: written)."""
    gate = threading.Event()
    tracker._work_thread.submit(gate.wait)

    async def all_of_them() -> list[BaseException | None]:
        # each waits for its own write, as refresh() does
        done = await asyncio.gather(*(tracker._write(w) for w in writes), return_exceptions=True)
        return [d if isinstance(d, BaseException) else None for d in done]

    outcomes = tracker.submit(all_of_them())
    deadline = time.monotonic() + 10
    while len(tracker._writes) < len(writes) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(tracker._writes) == len(writes)  # all waiting, none written yet
    gate.set()
    return outcomes.result(timeout=30)


def test_polls_finished_together_commit_once_judged_as_if_one_after_another(
    tracker: Tracker,
) -> None:
    _rows(tracker)  # the rows exist before the poll, as in poll()
    commits = _commits(tracker)
    updated = item(1, STORY + " Updated.", link="https://wire0.example/1")
    # feed 1 repeats feed 0's story under feed 0's link; feed 3 is gone
    writes = [
        _write(tracker, 0, rss([item(1, STORY, link="https://wire0.example/1")])),
        _write(
            tracker, 1, rss([item(7, STORY, link="https://wire0.example/1", title=TITLE), item(2)])
        ),
        _write(tracker, 2, rss([item(3)]), lease_owner=9),
        _write(tracker, 3, None, failure=FetchError("HTTP 410 Gone", status=410)),
    ]
    assert _write_together(tracker, writes) == [None] * 4
    assert len(commits) == 1
    results = [w.result for w in writes]
    assert [(r.new_entries, r.duplicates) for r in results] == [(1, 0), (1, 1), (1, 0), (0, 0)]
    assert all(r.findings > 0 for r in results[:3]) and results[3].findings == 0
    rows = _rows(tracker)
    wire0, wire3 = rows[URLS[0]], rows[URLS[3]]
    assert (wire0.entries_seen, wire0.etag, wire0.title, wire0.last_polled_at) == (
        1,
        '"e0"',
        "Wire",
        NOW,
    )
    assert wire0.next_poll_at is not None and wire0.next_poll_at > NOW
    assert (wire3.consecutive_failures, wire3.last_status) == (1, 410)
    assert wire3.disabled_at == NOW and wire3.last_error == "HTTP 410 Gone"

    # the next round: feed 0's story updated, and feed 2 sends the new version under
    # another link: a duplicate of the updated story, as when stored one after the other
    again = [
        _write(tracker, 0, rss([updated])),
        _write(tracker, 2, rss([item(9, STORY + " Updated.", title=updated["title"])])),
    ]
    assert _write_together(tracker, again) == [None, None]
    assert [(w.result.updated, w.result.new_entries, w.result.duplicates) for w in again] == [
        (1, 0, 0),
        (0, 0, 1),
    ]
    assert _rows(tracker)[URLS[0]].entries_seen == 1


def test_a_poll_whose_write_fails_fails_alone_and_the_others_are_stored(
    tracker: Tracker,
) -> None:
    rows = _rows(tracker)
    with session_for(tracker.engine) as session:  # another worker holds feed 2's lease
        row = session.get(FeedRow, rows[URLS[2]].id)
        assert row is not None
        row.lease_owner, row.lease_until = 7, NOW + timedelta(minutes=5)
        row.title = "Kept title"
        session.add(row)
        session.commit()
    writes = [
        _write(tracker, 0, rss([item(1)])),
        _write(tracker, 1, rss([item(2)]), id=10**6),  # no such feed: its entries cannot be stored
        _write(tracker, 2, rss([item(3)])),
    ]
    tracker.worker = 8  # our lease on feed 2 ran out: worker 7 claimed it meanwhile
    first, failed, third = _write_together(tracker, writes)
    assert first is None and third is None and isinstance(failed, IntegrityError)
    assert [w.result.new_entries for w in (writes[0], writes[2])] == [1, 1]
    with session_for(tracker.engine) as session:
        urls = {e.url for e in session.exec(select(EntryRow)).all()}
    assert urls == {item(1)["link"], item(3)["link"]}
    after = _rows(tracker)
    assert after[URLS[0]].entries_seen == 1 and after[URLS[2]].entries_seen == 1
    assert after[URLS[1]].last_polled_at is None  # its poll is reported as failed instead
    assert (after[URLS[2]].lease_owner, after[URLS[2]].title) == (7, "Kept title")


def test_a_write_once_the_work_thread_has_stopped_fails_at_once(tracker: Tracker) -> None:
    _rows(tracker)
    tracker._work_thread.shutdown()  # as close() does: nothing will write any more
    write = _write(tracker, 0, rss([item(1)]))

    async def one() -> None:
        await asyncio.wait_for(tracker._write(write), 10)

    with pytest.raises(RuntimeError, match="shutdown"):
        tracker.run(one())
    assert tracker._writes == []  # and the next write is not left waiting behind it
