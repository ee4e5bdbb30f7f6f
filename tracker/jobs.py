"""The orchestrators: the only place where fetching, recognition, storage and delivery meet.

poll:     due feeds, concurrently -> fetch (conditional GET) -> parse -> full text (optional)
          -> drop duplicates -> store new entries -> recognise -> store findings -> health
evaluate: stored sightings -> statuses as of a time -> alert decisions -> stored alerts
deliver:  stored pending alerts -> transport (SMTP or .eml outbox)

Network I/O runs on one asyncio event loop owned by the Tracker (a background thread,
so the blocking methods below work from any thread and one HTTP client keeps its
connections alive across polls). Documents are parsed and recognised in the sandbox's
worker processes; storing runs on one work thread, in the order feeds arrive: the
event loop stays free for the network, and database writes never race each other.
Polls that finish while the work thread is busy are stored together, in one
transaction (`Tracker._write`).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import logging
import random
import threading
from collections.abc import Callable, Coroutine, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tracker.config import Config, FeedConfig, PollingConfig
from tracker.corroborate import source_of
from tracker.domain import Entry, Finding
from tracker.evaluate import Evaluation, Evaluator
from tracker.feeds import fulltext
from tracker.feeds.fetch import (
    USER_AGENT,
    Fetched,
    FetchError,
    FetchPolicy,
    HostClients,
    Limiter,
    Validators,
    fetch_http,
    local_path,
    public_only,
    read_local,
)
from tracker.feeds.identity import Deduper, Known, Verdict
from tracker.feeds.parse import FeedParseError, ParsedEntry, ParsedFeed
from tracker.feeds.schedule import Bounds, cache_hint, next_poll, parse_retry_after
from tracker.notify.channels import notifiers
from tracker.notify.outbox import DeliveryReport, Retry, deliver_pending
from tracker.notify.plan import Waiting
from tracker.notify.smtp import OutboxTransport, SmtpTransport, Transport
from tracker.recognize import Recognizer
from tracker.sandbox import Digest, Sandbox
from tracker.store import alert_store, health, leases, repo
from tracker.store.engine import session as session_for
from tracker.store.health import Health
from tracker.store.tables import EntryRow, FeedRow

log = logging.getLogger("tracker")

FEED_SUFFIXES = {".xml", ".rss", ".atom", ".rdf", ".feed", ".json"}
T = TypeVar("T")


@dataclass
class FeedResult:
    url: str
    name: str
    entries: int = 0
    new_entries: int = 0
    findings: int = 0
    error: str | None = None
    problem: str | None = None
    # "ok", "not_modified" (304: nothing parsed), "failed", or "skipped" (disabled,
    # or the server's Retry-After has not passed; `problem` says which)
    status: str = "ok"
    duplicates: int = 0  # entries already stored, from this feed or another
    updated: int = 0  # entries whose story changed since it was stored
    bytes_received: int = 0
    moved_to: str | None = None
    next_poll_at: datetime | None = None


@dataclass
class IngestCounts:
    seen: int = 0
    new: int = 0
    findings: int = 0
    duplicates: int = 0
    updated: int = 0


def fetch_policy(polling: PollingConfig) -> FetchPolicy:
    return FetchPolicy(
        user_agent=polling.user_agent or USER_AGENT,
        connect_timeout=polling.connect_timeout,
        read_timeout=polling.read_timeout,
        total_timeout=polling.total_timeout,
        max_bytes=polling.max_size,
        max_redirects=polling.max_redirects,
        concurrency=polling.concurrency,
        per_host=polling.per_host,
    )


def _pending(parsed: ParsedEntry, feed_id: int | None) -> Known:
    """An entry of this batch about to be stored (no id yet), for the rest of the batch."""
    e = parsed.entry
    return Known(0, parsed.key, parsed.canonical_url, parsed.fingerprint, e.title, e.text, feed_id)


WRITE_BATCH = 2_000  # entries written in one transaction, at most (or one feed's, if more)


@dataclass
class _Write:
    """A finished poll waiting for the work thread: its entries to store (when parsed
    and not full-text) and the feed's health to record."""

    row: FeedRow
    feed: FeedConfig
    result: FeedResult
    fetched: Fetched | None
    parsed: ParsedFeed | None
    failure: FetchError | None
    now: datetime
    digest: Digest | None = None  # None: health only

    def size(self) -> int:
        return len(self.digest.feed.entries) if self.digest is not None else 0


def _settle_soon(done: asyncio.Future[None], outcome: BaseException | None) -> None:
    """From any thread: the poll waiting on `done` learns how its write went (unless
    its event loop is gone)."""
    with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
        done.get_loop().call_soon_threadsafe(_settle, done, outcome)


def _settle(done: asyncio.Future[None], outcome: BaseException | None) -> None:
    if done.done():  # the poll was cancelled meanwhile
        return
    if outcome is None:
        done.set_result(None)
    else:
        done.set_exception(outcome)


def _forget(running: dict[str, Any], url: str, _task: object) -> None:
    running.pop(url, None)


def _join(*problems: str | None) -> str | None:
    return "; ".join(p for p in problems if p) or None


class Tracker:
    """One configured tracker: its engine, its recogniser and the jobs over them."""

    def __init__(
        self, config: Config, engine: Engine, *, now: datetime, rng: random.Random | None = None
    ) -> None:
        self.config = config
        self.engine = engine
        self.sandbox = Sandbox(config.officials)
        self.by_name = {o.name: o for o in config.officials}
        self.policy = fetch_policy(config.polling)
        self.bounds = Bounds(config.polling.max_interval, config.polling.max_backoff)
        self._rng = rng or random.Random()
        # set by `tracker run` to its worker row's id: due feeds are then claimed with a
        # lease in its name before they are fetched (tracker/store/leases.py)
        self.worker: int | None = None
        self.lease = timedelta(seconds=config.polling.total_timeout + config.polling.lease_margin)
        self._work_thread = ThreadPoolExecutor(1, thread_name_prefix="tracker-work")
        self._writes: list[tuple[_Write, asyncio.Future[None]]] = []  # see _write
        self._writes_lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: threading.Thread | None = None
        self._loop_lock = threading.Lock()
        self.evaluator = Evaluator.opened(config, engine, now)
        self.ids = self.evaluator.ids

    @functools.cached_property
    def recognizer(self) -> Recognizer:
        """In-process recognition (rescan, explain, entries stored by older versions);
        fetched feeds are recognised in the sandbox's workers."""
        return Recognizer(self.config.officials)

    def close(self) -> None:
        self.sandbox.close()  # first: whatever still waits on a worker fails at once
        with self._loop_lock:
            loop, thread, self._loop, self._loop_thread = self._loop, self._loop_thread, None, None
        if loop is not None and thread is not None:
            loop.call_soon_threadsafe(loop.stop)
            thread.join()
            loop.close()
        self._work_thread.shutdown(wait=True)
        self.engine.dispose()

    # -- the event loop ------------------------------------------------------------

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The tracker's event loop, started on first use in a daemon thread."""
        with self._loop_lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="tracker-io", daemon=True)
                thread.start()
                self._loop, self._loop_thread = loop, thread
            return self._loop

    def submit(self, coro: Coroutine[Any, Any, T]) -> concurrent.futures.Future[T]:
        """Run a coroutine on the tracker's loop without waiting for it."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the tracker's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    async def _work(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Parsing and storing, one at a time, off the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._work_thread, functools.partial(fn, *args, **kwargs))

    # -- which feeds ---------------------------------------------------------------

    def feed_targets(self) -> list[FeedConfig]:
        """What `poll` polls: the config's feeds, then those added with `tracker feeds`."""
        declared = {f.url for f in self.config.feeds}
        with session_for(self.engine) as session:
            added = [r for r in repo.added_feeds(session) if r.url not in declared]
        return [
            *self.config.feeds,
            *(
                FeedConfig(
                    url=r.url,
                    name=r.name or r.url,
                    interval=timedelta(seconds=r.interval_seconds)
                    if r.interval_seconds
                    else self.config.interval,
                    fulltext=r.fulltext,
                    category=r.category,
                )
                for r in added
            ),
        ]

    def _rows_for(self, feeds: Sequence[FeedConfig]) -> dict[str, FeedRow]:
        """The feeds' rows; feeds not yet stored get an "import" row (never polled)."""
        with session_for(self.engine) as session:
            return repo.ensure_feeds(session, [(f.url, f.name) for f in feeds])

    def _due_rows(self, feeds: Sequence[FeedConfig], now: datetime) -> dict[str, FeedRow]:
        with session_for(self.engine) as session:
            return repo.due_feeds(session, [f.url for f in feeds], now)

    def _claim(
        self, feeds: Sequence[FeedConfig], now: datetime, owner: int, limit: int
    ) -> dict[str, FeedRow]:
        with session_for(self.engine) as session:
            return leases.claim_due(
                session,
                [f.url for f in feeds],
                owner=owner,
                now=now,
                until=now + self.lease,
                limit=limit,
            )

    def renew_leases(self, urls: Sequence[str], now: datetime) -> int:
        """The worker's heartbeat: the feeds it is still polling stay its own for one
        more lease."""
        if self.worker is None or not urls:
            return 0
        with session_for(self.engine) as session:
            return leases.renew(session, urls, owner=self.worker, until=now + self.lease)

    def _skip_reason(self, row: FeedRow, now: datetime, due_only: bool) -> str | None:
        """Why not to poll this feed now ('' = silently not due), or None to poll it."""
        if row.disabled_at is not None:
            return f"disabled since {row.disabled_at:%Y-%m-%d %H:%M}: {row.disabled_reason}"
        if row.retry_until is not None and row.retry_until > now:
            return f"the server asked to wait until {row.retry_until:%Y-%m-%d %H:%M:%S} UTC"
        if due_only and row.next_poll_at is not None and row.next_poll_at > now:
            return ""
        return None

    # -- ingest --------------------------------------------------------------------

    def ingest_entries(
        self,
        feed: FeedRow,
        entries: Iterable[ParsedEntry],
        fetched_at: datetime,
    ) -> tuple[int, int, int]:
        """Store new entries and their findings; return (seen, new, findings)."""
        counts = self.ingest(feed, entries, fetched_at)
        return counts.seen, counts.new, counts.findings

    def ingest(
        self,
        feed: FeedRow,
        entries: Iterable[ParsedEntry],
        fetched_at: datetime,
        findings: Sequence[Sequence[Finding]] | None = None,
    ) -> IngestCounts:
        """Store what is new, update what changed, skip what is already known (the rules
        are in tracker.feeds.identity); recognise new and changed text. One transaction.

        `findings`, when given, are the entries' findings already recognised (in order);
        else they are recognised here."""
        with session_for(self.engine) as session:
            counts = self._ingest(session, feed, list(entries), fetched_at, findings)
            session.commit()
        return counts

    def _ingest(
        self,
        session: Session,
        feed: FeedRow,
        batch: list[ParsedEntry],
        fetched_at: datetime,
        findings: Sequence[Sequence[Finding]] | None = None,
    ) -> IngestCounts:
        """ingest() inside the caller's transaction (the caller commits)."""
        return self._ingest_many(session, [(feed, batch, fetched_at, findings)])[0]

    def _ingest_many(
        self,
        session: Session,
        jobs: Sequence[
            tuple[FeedRow, list[ParsedEntry], datetime, Sequence[Sequence[Finding]] | None]
        ],
    ) -> list[IngestCounts]:
        """Several feeds' ingest() in the caller's transaction, with one lookup of the
        stored entries they may repeat, one insert of their new entries and one of their
        findings. Judged feed after feed, as if each were stored before the next."""
        dedupe = self._deduper(session, [p for _, batch, _, _ in jobs for p in batch])
        all_counts: list[IngestCounts] = []
        fresh: list[tuple[int, ParsedEntry]] = []  # (job, entry) to insert
        later: list[tuple[list[tuple[ParsedEntry, int]], list[int]]] = []
        found_in: list[Callable[[ParsedEntry], list[Finding]]] = []
        for feed, batch, _, findings in jobs:
            counts = IngestCounts()
            found_in.append(self._finder(batch, findings))
            handled: set[str] = set()  # the same entry twice in one feed
            changed: list[tuple[ParsedEntry, int]] = []
            revised: list[Known] = []  # changed stories, as the next feeds will see them
            known: list[int] = []  # stored entries met again
            for parsed in batch:
                counts.seen += 1
                verdict, match = self._judge(dedupe, parsed, feed.id)
                if parsed.key in handled or verdict is Verdict.DUPLICATE:
                    counts.duplicates += 1
                    if match is not None and match.id:
                        known.append(match.id)
                    continue
                handled.add(parsed.key)
                if verdict is Verdict.UPDATED and match is not None:
                    changed.append((parsed, match.id))
                    revised.append(replace(_pending(parsed, match.feed_id), id=match.id))
                else:
                    fresh.append((len(all_counts), parsed))
                    dedupe.remember(_pending(parsed, feed.id))
            for item in revised:
                dedupe.remember(item)
            all_counts.append(counts)
            later.append((changed, known))
        stored = repo.store_entries(
            session, [(jobs[n][0].id, parsed, jobs[n][2]) for n, parsed in fresh]
        )
        rows: list[dict[str, Any]] = []
        for (n, parsed), row in zip(fresh, stored, strict=True):
            counts = all_counts[n]
            if row is None:
                counts.duplicates += 1
                continue
            counts.new += 1
            found = found_in[n](parsed)
            if not found:  # most entries name nobody: no source to work out
                continue
            source = source_of(parsed.entry.url, jobs[n][0].url)
            more = repo.finding_rows(row, found, self.ids, source=source)
            counts.findings += len(more)
            rows += more
        repo.insert_findings(session, rows)
        for (feed, _, fetched_at, _), counts, (changed, known), finder in zip(
            jobs, all_counts, later, found_in, strict=True
        ):
            for parsed, entry_id in changed:
                updated = repo.update_entry(session, entry_id, parsed, fetched_at)
                if updated is None:
                    continue
                counts.updated += 1
                counts.findings += self._recognize_again(
                    session, updated, parsed.entry, feed, finder(parsed)
                )
            for stale in repo.unrecognized(session, known):
                entry = Entry(stale.title, stale.text, stale.published, stale.url, stale.guid)
                counts.findings += self._recognize_again(session, stale, entry, feed)
        return all_counts

    def _finder(
        self, batch: Sequence[ParsedEntry], findings: Sequence[Sequence[Finding]] | None
    ) -> Callable[[ParsedEntry], list[Finding]]:
        """An entry's findings: those recognised already (given in order), else now."""
        ready = dict(zip(map(id, batch), findings, strict=True)) if findings else {}

        def found_in(parsed: ParsedEntry) -> list[Finding]:
            done = ready.get(id(parsed))
            return list(done) if done is not None else self.recognizer.findings(parsed.entry)

        return found_in

    def _recognize_again(
        self,
        session: Session,
        row: EntryRow,
        entry: Entry,
        feed: FeedRow,
        found: list[Finding] | None = None,
    ) -> int:
        """Findings of a stored entry's (new) text, beside those it has; marks it read."""
        skip = repo.finding_keys(session, row.id or 0)
        found = self.recognizer.findings(entry) if found is None else found
        source = source_of(row.url, feed.url)
        added = repo.add_findings(session, row, found, self.ids, source=source, skip=skip)
        row.recognized = True
        session.add(row)
        return added

    @staticmethod
    def _deduper(session: Any, batch: Sequence[ParsedEntry]) -> Deduper:
        return Deduper(
            repo.matching_entries(
                session,
                [p.key for p in batch],
                [p.canonical_url for p in batch],
                [p.fingerprint for p in batch if p.distinctive],
            )
        )

    @staticmethod
    def _judge(
        dedupe: Deduper, parsed: ParsedEntry, feed_id: int | None
    ) -> tuple[Verdict, Known | None]:
        return dedupe.judge(
            key=parsed.key,
            url=parsed.canonical_url,
            title=parsed.entry.title,
            print_=parsed.fingerprint,
            is_distinctive=parsed.distinctive,
            feed_id=feed_id,
        )

    def _needing_text(self, feed: FeedRow, batch: Sequence[ParsedEntry]) -> set[str]:
        """Keys of the entries that would be stored or updated (full text is fetched for those)."""
        with session_for(self.engine) as session:
            dedupe = self._deduper(session, batch)
        return {p.key for p in batch if self._judge(dedupe, p, feed.id)[0] is not Verdict.DUPLICATE}

    # -- poll ----------------------------------------------------------------------

    def poll(
        self, now: datetime, feeds: Sequence[FeedConfig] | None = None, *, due_only: bool = False
    ) -> list[FeedResult]:
        """Poll feeds concurrently (default: every configured and added feed)."""
        return self.run(self.poll_async(now, feeds, due_only=due_only))

    def poll_feed(
        self,
        feed: FeedConfig,
        now: datetime,
        client: httpx.AsyncClient | HostClients | None = None,
    ) -> FeedResult:
        """Fetch, parse and ingest one feed; every failure ends up in the feed's health.

        `client` may be an AsyncClient (or HostClients) to reuse; it is used on the
        tracker's event loop.
        """
        return self.run(self.poll_async(now, [feed], client=client))[0]

    async def poll_async(
        self,
        now: datetime,
        feeds: Sequence[FeedConfig] | None = None,
        *,
        due_only: bool = False,
        client: httpx.AsyncClient | HostClients | None = None,
    ) -> list[FeedResult]:
        """Poll feeds concurrently within the policy's limits; results in feed order.

        Disabled feeds and feeds whose Retry-After has not passed are skipped (with a
        result saying why); with `due_only`, so are feeds whose next poll is later.
        """
        targets = list(await self._work(self.feed_targets) if feeds is None else feeds)
        rows = await self._work(self._rows_for, targets)
        results: dict[str, FeedResult] = {}
        chosen: list[FeedConfig] = []
        for feed in targets:
            reason = self._skip_reason(rows[feed.url], now, due_only)
            if reason is None:
                chosen.append(feed)
            elif reason:
                results[feed.url] = FeedResult(
                    feed.url, feed.name, status="skipped", problem=reason
                )
        own = client is None
        http = client or HostClients(self.policy)
        try:
            limiter = Limiter(self.policy.concurrency, self.policy.per_host)
            polled = await asyncio.gather(
                *(self.refresh(f, rows[f.url], now, http, limiter) for f in chosen)
            )
        finally:
            if own:
                await http.aclose()
        results.update((r.url, r) for r in polled)
        return [results[f.url] for f in targets if f.url in results]

    async def start_due(
        self,
        now: datetime,
        client: httpx.AsyncClient | HostClients,
        limiter: Limiter,
        running: dict[str, asyncio.Task[FeedResult]],
    ) -> int:
        """Start polling every feed that is due and not still running (the daemon's tick).

        Each feed is its own task: a slow feed never delays the others. `running` maps
        URLs to their tasks; finished tasks remove themselves. Returns how many started.
        As a worker (`self.worker` set), it starts only the feeds it claims, as many as
        it has free request slots, so that workers sharing a database share the feeds.
        """
        # not on the work thread: behind a queue of entries to store, the claim would run
        # late, and its lease (counted from `now`) would be shorter than it says
        targets = [f for f in await asyncio.to_thread(self.feed_targets) if f.url not in running]
        if self.worker is None:
            rows = await asyncio.to_thread(self._due_rows, targets, now)
        else:
            room = self.policy.concurrency - len(running)
            claim = self._claim
            rows = await asyncio.to_thread(claim, targets, now, self.worker, room) if room else {}
        started = 0
        for feed in targets:
            if feed.url not in rows:
                continue
            task = asyncio.create_task(self.refresh(feed, rows[feed.url], now, client, limiter))
            running[feed.url] = task
            task.add_done_callback(functools.partial(_forget, running, feed.url))
            started += 1
        return started

    async def refresh(
        self,
        feed: FeedConfig,
        row: FeedRow,
        now: datetime,
        client: httpx.AsyncClient | HostClients,
        limiter: Limiter,
        ahead: asyncio.Task[tuple[Fetched, Digest]] | None = None,
    ) -> FeedResult:
        """One feed, start to finish (miniflux's RefreshFeed). Never raises.

        `ahead`, for local files, is the file already being read and parsed (import
        parses the next files while this one is stored)."""
        result = FeedResult(url=feed.url, name=feed.name)
        fetched: Fetched | None = None
        parsed: ParsedFeed | None = None
        failure: FetchError | None = None
        early: Digest | None = None
        recorded = False
        try:
            path = local_path(feed.url)
            if ahead is not None:
                fetched, early = await ahead
            elif path is not None:
                fetched = await self._work(read_local, path, self.policy.max_bytes)
            else:
                fetched = await fetch_http(
                    client,
                    row.fetch_url or feed.url,
                    policy=self.policy,
                    validators=Validators(row.etag, row.last_modified),
                    limiter=limiter,
                )
            result.bytes_received = fetched.bytes_received
            result.moved_to = fetched.moved_to
            if fetched.not_modified:
                result.status = "not_modified"
            elif not feed.fulltext:  # parse and recognise in a worker, then store
                digest = early or await self._digest(feed, fetched, now)
                parsed = digest.feed
                await self._write(_Write(row, feed, result, fetched, parsed, None, now, digest))
                recorded = True
            else:
                parsed = (await self._digest(feed, fetched, now, recognize=False)).feed
                result.problem = parsed.problem
                entries = await self._with_fulltext(row, parsed.entries, client, limiter, result)
                found = await self.sandbox.recognize([p.entry for p in entries])
                self._count(result, await self._work(self.ingest, row, entries, now, found))
        except FetchError as exc:
            failure, result.error = exc, str(exc)
        except FeedParseError as exc:
            result.error = str(exc)
        except Exception as exc:  # one bad feed must never stop the others
            log.exception("unexpected error polling %s", feed.url)
            result.error = f"internal error: {type(exc).__name__}: {exc}"
        if result.error:
            result.status = "failed"
        try:
            if not recorded:
                await self._write(_Write(row, feed, result, fetched, parsed, failure, now))
        except Exception:  # health is bookkeeping: losing it must not lose the poll
            log.exception("could not record the health of %s", feed.url)
        return result

    async def _read_ahead(self, feed: FeedConfig, now: datetime) -> tuple[Fetched, Digest]:
        path = local_path(feed.url)
        assert path is not None, "only local files are read ahead"
        fetched = await asyncio.to_thread(read_local, path, self.policy.max_bytes)
        return fetched, await self._digest(feed, fetched, now, wait=False)

    async def _digest(
        self,
        feed: FeedConfig,
        fetched: Fetched,
        now: datetime,
        *,
        recognize: bool = True,
        wait: bool = True,
    ) -> Digest:
        return await self.sandbox.digest(
            fetched.data,
            fallback_time=now,
            headers=fetched.headers,
            base_url=fetched.url if "://" in fetched.url else "",
            scope=feed.url,
            recognize=recognize,
            wait=wait,
        )

    @staticmethod
    def _count(result: FeedResult, counts: IngestCounts) -> None:
        result.entries, result.new_entries = counts.seen, counts.new
        result.findings, result.duplicates = counts.findings, counts.duplicates
        result.updated = counts.updated

    async def _write(self, item: _Write) -> None:
        """Store a poll's entries (if any) and record its health, on the work thread.
        Polls that finish while the thread is busy wait for it together and are then
        written in one transaction (a feed's entries and its next poll time commit
        together, as always): fewer statements and commits per feed."""
        loop = asyncio.get_running_loop()
        done: asyncio.Future[None] = loop.create_future()
        with self._writes_lock:
            self._writes.append((item, done))
            first = len(self._writes) == 1
        if first:
            self._submit_writes()
        await done

    def _submit_writes(self) -> None:
        """Have the work thread write the polls waiting; if it cannot (the tracker is
        closing), they fail at once instead of waiting forever."""
        try:
            self._work_thread.submit(self._write_waiting)
        except RuntimeError as exc:
            with self._writes_lock:
                waiting, self._writes = self._writes, []
            for _, done in waiting:
                _settle_soon(done, exc)

    def _write_waiting(self) -> None:
        """On the work thread: the polls waiting to be written, a bounded batch of them."""
        with self._writes_lock:
            size, taken = 0, 0
            for item, _ in self._writes:
                if taken and size + item.size() > WRITE_BATCH:
                    break
                size, taken = size + item.size(), taken + 1
            batch, self._writes = self._writes[:taken], self._writes[taken:]
            more = bool(self._writes)
        if more:  # the rest, after this batch (nobody else will ask)
            self._submit_writes()
        outcomes: list[BaseException | None] = [None] * len(batch)
        try:
            outcomes = self._write_batch([item for item, _ in batch])
        except BaseException as exc:  # never leave a poll waiting forever
            outcomes = [exc] * len(batch)
            raise
        finally:
            for (_, done), outcome in zip(batch, outcomes, strict=True):
                _settle_soon(done, outcome)

    def _write_batch(self, batch: Sequence[_Write]) -> list[BaseException | None]:
        """Write the batch in one transaction; if that fails, each poll in its own, so
        that one feed's failure is that feed's alone."""
        failed = self._commit(batch)
        if failed is None or len(batch) == 1:
            return [failed] * len(batch)
        return [self._commit([item]) for item in batch]

    def _commit(self, batch: Sequence[_Write]) -> BaseException | None:
        """Write these polls in one transaction: None, or why it failed (rolled back)."""
        try:
            with session_for(self.engine) as session:
                self._write_all(session, batch)
                session.commit()
        except Exception as exc:
            return exc
        return None

    def _write_all(self, session: Session, batch: Sequence[_Write]) -> None:
        """Entries and health of these polls, in the caller's transaction."""
        stores = [item for item in batch if item.digest is not None]
        jobs = [
            (i.row, list(i.digest.feed.entries), i.now, i.digest.findings)
            for i in stores
            if i.digest is not None
        ]
        for item, counts in zip(stores, self._ingest_many(session, jobs), strict=True):
            item.result.problem = item.parsed.problem if item.parsed else None
            self._count(item.result, counts)
        failed = [i.row.id for i in batch if i.result.error and i.row.id is not None]
        before = health.failures(session, failed) if failed else {}
        outcomes = []
        for item in batch:
            if item.row.id is None or (item.result.error and item.row.id not in before):
                continue  # no row (any more)
            outcomes.append(self._health(item, before.get(item.row.id, 0)))
        health.record(session, outcomes)

    async def _with_fulltext(
        self,
        row: FeedRow,
        entries: list[ParsedEntry],
        client: httpx.AsyncClient | HostClients,
        limiter: Limiter,
        result: FeedResult,
    ) -> list[ParsedEntry]:
        """Replace teasers by the article's main text, for new and changed entries only."""
        if not fulltext.available():
            result.problem = _join(
                result.problem, "full text needs trafilatura (tracker[fulltext])"
            )
            return entries
        wanted = await self._work(self._needing_text, row, entries)
        failures: list[str] = []
        guard = None if self.config.polling.fulltext_private else public_only

        async def one(parsed: ParsedEntry) -> ParsedEntry:
            url = parsed.entry.url
            if parsed.key not in wanted or not url.lower().startswith(("http://", "https://")):
                return parsed
            try:
                page = await fetch_http(
                    client, url, policy=self.policy, limiter=limiter, guard=guard
                )
                text = await self.sandbox.extract(page.data, page.url)
            except FetchError as exc:
                failures.append(f"{url}: {exc}")
                return parsed
            except Exception as exc:  # an extractor bug must not lose the teaser
                failures.append(f"{url}: {type(exc).__name__}: {exc}")
                return parsed
            if text and len(text) > len(parsed.entry.text):
                return replace(parsed, entry=replace(parsed.entry, text=text))
            return parsed

        out = list(await asyncio.gather(*(one(p) for p in entries)))
        if failures:
            result.problem = _join(
                result.problem, f"full text failed for {len(failures)} article(s): {failures[0]}"
            )
        return out

    def _health(self, item: _Write, failures: int) -> Health:
        """What a poll says of its feed's health, and when to poll it next; `failures`
        is the feed's count of consecutive failures before this poll."""
        result, fetched, parsed, failure, now = (
            item.result,
            item.fetched,
            item.parsed,
            item.failure,
            item.now,
        )
        changes: dict[str, Any] = {}
        fill: dict[str, str] = {}
        retry_after = None
        hint = cache_hint(fetched.headers) if fetched else None
        if parsed is not None:
            fill = {"title": parsed.title[:500], "site_url": parsed.site_url}
            hint = parsed.hint or hint
        if result.error:
            failures += 1
            changes["last_error"] = result.error[:1000]
            changes["last_status"] = failure.status if failure else None
            if failure is not None and failure.status == 410:
                changes["disabled_at"] = now
                changes["disabled_reason"] = "HTTP 410 Gone: the publisher removed the feed"
            if failure is not None and failure.status in (429, 503):
                retry_after = parse_retry_after(failure.retry_after, now)
                if retry_after is not None:
                    changes["retry_until"] = now + min(retry_after, self.bounds.max_backoff)
        else:
            failures = 0
            changes["last_success_at"] = now
            changes["last_error"] = result.problem[:1000] if result.problem else None
            changes["retry_until"] = None
            if fetched is not None:
                changes["last_status"] = fetched.status
                if not fetched.not_modified and "://" in fetched.url:
                    changes["etag"] = (fetched.headers.get("etag") or "")[:500] or None
                    modified = fetched.headers.get("last-modified") or ""
                    changes["last_modified"] = modified[:100] or None
                if fetched.moved_to:
                    changes["fetch_url"] = fetched.moved_to[:2000]
        result.next_poll_at = next_poll(
            now,
            item.feed.interval,
            failures=failures,
            hint=hint,
            retry_after=retry_after,
            jitter=self._rng.random(),
            bounds=self.bounds,
        )
        assert item.row.id is not None
        return Health(
            feed_id=item.row.id,
            polled_at=now,
            failures=failures,
            next_poll_at=result.next_poll_at,
            new_entries=0 if result.error else result.new_entries,
            lease_owner=self.worker,  # released with the next poll time: one write
            changes=changes,
            fill=fill,
        )

    # -- backfill ------------------------------------------------------------------

    def import_paths(
        self,
        paths: Sequence[Path],
        now: datetime,
        *,
        on_file: Callable[[FeedResult], None] | None = None,
    ) -> list[FeedResult]:
        """Local feed files through the same pipeline as polling (backfill), one by one."""
        files = expand_paths(paths)

        feeds = [FeedConfig(str(p), p.name, self.config.interval) for p in files]

        async def run_all() -> list[FeedResult]:
            out: list[FeedResult] = []
            limiter = Limiter(1, 1)
            rows = await self._work(self._rows_for, feeds)
            window = self.sandbox.limits.pool_size() + 1  # files parsed ahead, at most
            ahead: dict[int, asyncio.Task[tuple[Fetched, Digest]]] = {}

            def read(i: int) -> None:
                if i < len(feeds):
                    ahead[i] = asyncio.create_task(self._read_ahead(feeds[i], now))

            for i in range(window):
                read(i)
            async with HostClients(self.policy) as client:  # for local files none is made
                for i, feed in enumerate(feeds):  # stored in order, whatever parses first
                    task = ahead.pop(i)
                    result = await self.refresh(feed, rows[feed.url], now, client, limiter, task)
                    read(i + window)
                    out.append(result)
                    if on_file is not None:
                        on_file(result)
            return out

        return self.run(run_all())

    # -- evaluate ----------------------------------------------------------------

    def statuses(self, as_of: datetime, *, watching_since: datetime | None = None) -> Evaluation:
        return self.evaluator.statuses(as_of, watching_since=watching_since)

    def evaluate(
        self, as_of: datetime, now: datetime, *, watching_since: datetime | None = None
    ) -> Evaluation:
        """Statuses as of `as_of`, and the alerts they make due, stored before delivery."""
        return self.evaluator.evaluate(as_of, now, watching_since=watching_since)

    # -- deliver -----------------------------------------------------------------

    def transport(self) -> Transport:
        if self.config.email is not None:
            return SmtpTransport(self.config.email)
        return OutboxTransport(self.config.outbox)

    def waiting(self) -> list[Waiting]:
        """Alerts not delivered yet: pending (with their last error and next try) or
        being sent."""
        with session_for(self.engine) as s:
            return alert_store.waiting(s)

    def deliver(self, now: datetime, transport: Transport | None = None) -> DeliveryReport:
        email = self.config.email
        alerts = self.config.alerts
        return deliver_pending(
            self.engine,
            transport or self.transport(),
            sender=email.sender if email else "tracker@localhost",
            recipients=email.to if email else ("desk@localhost",),
            now=now,
            group=alerts.group,
            retry=Retry(alerts.retry_min, alerts.retry_max, alerts.lease),
            rng=self._rng,
            channels=notifiers(self.config.notify),
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
