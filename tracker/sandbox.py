"""Documents are read in worker processes with limits, never in the daemon itself.

A feed can serve a document that takes feedparser minutes to walk (an attribute bomb)
or that eats memory. Parsed in the daemon, it would stall every other feed, evaluation,
delivery and shutdown. Here each document is parsed, and its entries recognised, in a
pool of worker processes (one per core): a document that runs past its time or its
memory is killed with its worker, reported as that feed's error in one line, and the
pool starts a fresh worker. Recognition runs there too, so every core is busy.

pebble's ProcessPool gives what concurrent.futures' pool lacks: a timeout per task that
kills the worker running it, and a worker replaced when it dies.

Small documents share one task (at most `Limits.together` of them): a task's round
trip (pickling, the pipe, pebble's bookkeeping on both sides, the wake-ups of both
processes) cost more than parsing a typical feed. A small document waits a moment for
company (`Limits.gather`, 50 ms) unless a task's worth is waiting already: during a
first poll, documents come back from the network a few milliseconds apart, and taken
as they came they went to the workers one or two at a time. A task that fails as a
whole (past its time, past its memory, its worker killed) is run again one document
per task, so that the document to blame fails alone, with the message it would have had
alone, and the others are read.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import pebble

from tracker.domain import Entry, Finding, Official
from tracker.feeds.parse import FeedParseError, ParsedFeed, parse_feed

T = TypeVar("T")

MB = 1024 * 1024
BATCH_CHARS = 200_000  # entries recognised in one task, at most (or so many characters)
BATCH_ENTRIES = 100


@dataclass(frozen=True)
class Limits:
    """What one document may cost a worker. Time grows with the document's size, so a
    legitimate 5 MB feed (a few seconds of feedparser) is never cut short."""

    seconds: float = 5.0  # wall time for any document, plus:
    seconds_per_mb: float = 2.0
    memory: int = 1024 * MB  # address space a document may add to a fresh worker's
    workers: int = 0  # 0: one per core
    together: int = 32  # documents that may share one task
    together_size: int = 64 * 1024  # bytes of a document that may share its task
    gather: float = 0.05  # seconds a small document may wait for others to share its task

    def time_for(self, size: int) -> float:
        return self.seconds + self.seconds_per_mb * size / MB

    def pool_size(self) -> int:
        return self.workers or max(2, os.cpu_count() or 1)


class SandboxError(FeedParseError):
    """A document was stopped for exceeding its limits, or killed its worker."""


@dataclass(frozen=True)
class Digest:
    """A parsed feed and, for each of its entries in order, what recognition found."""

    feed: ParsedFeed
    findings: tuple[tuple[Finding, ...], ...] = field(default=())


# -- in the worker -------------------------------------------------------------------

_recognizer: Any = None  # the worker's Recognizer, built once when the worker starts


def _start_worker(officials: Sequence[Official], memory: int) -> None:
    """Limit the worker's memory and build its recogniser. Ctrl-C in a terminal reaches
    the whole process group: the parent decides what stops, not each worker."""
    global _recognizer
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from tracker.recognize import Recognizer

    _recognizer = Recognizer(officials)
    if memory > 0:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        limit = _address_space() + memory
        limit = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _address_space() -> int:
    """What this process has mapped already (Linux); 0 where /proc says nothing."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _recognize_all(entries: Sequence[Entry]) -> tuple[tuple[Finding, ...], ...]:
    return tuple(tuple(_recognizer.findings(e)) for e in entries)


def _parse(
    data: bytes, fallback_time: datetime, headers: Mapping[str, str], base_url: str, scope: str
) -> ParsedFeed:
    return parse_feed(
        data, fallback_time=fallback_time, headers=headers, base_url=base_url, scope=scope
    )


def _parse_and_recognize(
    data: bytes,
    fallback_time: datetime,
    headers: Mapping[str, str],
    base_url: str,
    scope: str,
    within: float,
) -> tuple[ParsedFeed, tuple[tuple[Finding, ...], ...] | None]:
    """A document parsed and, if it is small and parsing left most of the task's time,
    its entries recognised in the same task: one trip to a worker and back instead of
    two for a typical feed. None for the findings: recognise them in batches."""
    started = time.monotonic()
    feed = _parse(data, fallback_time, headers, base_url, scope)
    entries = [p.entry for p in feed.entries]
    if (
        len(entries) > BATCH_ENTRIES
        or sum(len(e.title) + len(e.text) for e in entries) > BATCH_CHARS
        or time.monotonic() - started > within
    ):
        return feed, None
    return feed, _recognize_all(entries)


_Args = tuple[bytes, datetime, dict[str, str], str, str, float]
_Digested = tuple[ParsedFeed, tuple[tuple[Finding, ...], ...] | None]


def _parse_and_recognize_each(
    many: Sequence[_Args],
) -> list[_Digested | BaseException]:
    """Several documents in one task: each one's result, or the exception it raised
    (a document that cannot be read fails alone, as in a task of its own). Running out
    of memory fails the task: the parent then reads each document alone."""
    out: list[_Digested | BaseException] = []
    for args in many:
        try:
            out.append(_parse_and_recognize(*args))
        except MemoryError:
            raise
        except Exception as exc:
            out.append(exc)
    return out


def _extract(data: bytes, url: str) -> str:
    from tracker.feeds import fulltext

    return fulltext.extract_text(data, url) or ""


# -- in the daemon ---------------------------------------------------------------------


class Sandbox:
    """The pool, started on first use; `close()` kills whatever is still running."""

    def __init__(self, officials: Sequence[Official], limits: Limits | None = None) -> None:
        self.officials = tuple(officials)
        self.limits = limits or Limits()
        self._pool: pebble.ProcessPool | None = None
        self._lock = threading.Lock()
        self._closed = False
        # small documents waiting to share a task (on the event loop's thread only)
        # (arguments, answer, when it stops waiting for company, whether it waits at all)
        self._waiting: deque[tuple[_Args, asyncio.Future[_Digested], float, bool]] = deque()
        self._hurried = 0  # of them, how many do not wait
        # _dispatch again when the oldest has waited, on the loop that asked (a sandbox
        # may outlive a loop: asyncio.run per call)
        self._wake: tuple[asyncio.AbstractEventLoop, asyncio.TimerHandle] | None = None
        self._flying = 0  # tasks of them scheduled and not yet answered
        self._flights: set[asyncio.Task[None]] = set()
        self.tasks = 0  # tasks scheduled so far (what sharing saves shows here)

    def _get_pool(self) -> pebble.ProcessPool:
        with self._lock:
            if self._closed:
                raise SandboxError("shutting down")
            if self._pool is None:
                # forkserver: workers are forked from a clean single-threaded server,
                # never from the daemon with its threads and open connections. The
                # server imports the parser and the recogniser once, so a new worker
                # starts in milliseconds. (Not the main module: under `python -m
                # tracker` workers never import it, and the CLI is not needed there.)
                # tracker.forkserver imports this module and makes the workers ignore
                # Ctrl-C from birth.
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["tracker.forkserver"])
                _start_forkserver()
                self._pool = pebble.ProcessPool(
                    max_workers=self.limits.pool_size(),
                    initializer=_start_worker,
                    initargs=(self.officials, self.limits.memory),
                    context=context,
                )
            return self._pool

    async def _run(self, what: str, size: int, fn: Callable[..., T], *args: Any) -> T:
        seconds = self.limits.time_for(size)
        future = self._get_pool().schedule(fn, args=args, timeout=seconds)
        self.tasks += 1
        try:
            return await asyncio.wrap_future(future)
        except concurrent.futures.TimeoutError:
            raise SandboxError(
                f"{what} took longer than {seconds:.0f} s ({_size(size)}); stopped"
            ) from None
        except MemoryError:
            raise SandboxError(
                f"{what} needed more than {_size(self.limits.memory)} of memory "
                f"({_size(size)}); stopped"
            ) from None
        except pebble.ProcessExpired as exc:
            raise SandboxError(
                f"{what} killed its worker process (exit code {exc.exitcode})"
            ) from None
        except BrokenProcessPool:  # a worker died before taking its task: start afresh
            self._discard()
            raise SandboxError(f"{what} killed its worker process; workers restarted") from None
        except asyncio.CancelledError:
            future.cancel()  # type: ignore[no-untyped-call]  # pebble stops its worker
            raise

    async def digest(
        self,
        data: bytes,
        *,
        fallback_time: datetime,
        headers: Mapping[str, str] | None = None,
        base_url: str = "",
        scope: str = "",
        recognize: bool = True,
        wait: bool = True,
    ) -> Digest:
        """parse_feed() and, unless told not to, recognition of every entry (in the same
        task for a typical feed; a long one is recognised in batches afterwards).

        `wait=False`: a small document does not wait for company (import, which keeps
        only a few files ahead, would wait for every one)."""
        args = (data, fallback_time, dict(headers or {}), base_url, scope)
        if not recognize:
            return Digest(await self._run("parsing", len(data), _parse, *args))
        within = self.limits.time_for(len(data)) / 2  # the rest is recognition's
        if len(data) <= self.limits.together_size and self.limits.together > 1:
            feed, found = await self._together((*args, within), wait)
        else:
            feed, found = await self._run("parsing", len(data), _parse_and_recognize, *args, within)
        if found is None:
            found = await self.recognize([p.entry for p in feed.entries])
        return Digest(feed, found)

    async def _together(self, args: _Args, wait: bool = True) -> _Digested:
        """A small document's digest, in a task shared with the others waiting then."""
        if self._closed:
            raise SandboxError("shutting down")
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[_Digested] = loop.create_future()
        self._waiting.append((args, answer, loop.time() + self.limits.gather, wait))
        self._hurried += not wait
        self._dispatch()
        return await answer

    def _dispatch(self) -> None:
        """Schedule what waits, a task per worker and one more in reserve (so that no
        worker idles between two tasks), each task as soon as it is full or its oldest
        document has waited `Limits.gather`; the rest waits, and is taken together when
        a task comes back or that time is up."""
        loop = asyncio.get_running_loop()
        while self._waiting and self._flying <= self.limits.pool_size():
            ready_at = self._waiting[0][2]  # the oldest's: the earliest of those that wait
            full = len(self._waiting) >= self.limits.together
            if not (full or self._hurried or loop.time() >= ready_at):
                if self._wake is None or self._wake[0] is not loop:
                    self._wake = (loop, loop.call_at(ready_at, self._woken))
                return
            batch: list[tuple[_Args, asyncio.Future[_Digested]]] = []
            while self._waiting and len(batch) < self.limits.together:
                args, answer, _, wait = self._waiting.popleft()
                self._hurried -= not wait
                if not answer.done():  # its poll was cancelled meanwhile
                    batch.append((args, answer))
            if not batch:
                return
            self._flying += 1
            flight = asyncio.ensure_future(self._fly(batch))
            self._flights.add(flight)
            flight.add_done_callback(self._flights.discard)

    def _woken(self) -> None:
        self._wake = None
        self._dispatch()

    def _fail_waiting(self) -> None:
        while self._waiting:
            _, answer, _, _ = self._waiting.popleft()
            if not answer.done():
                answer.set_exception(SandboxError("shutting down"))
        self._hurried = 0

    async def _fly(self, batch: list[tuple[_Args, asyncio.Future[_Digested]]]) -> None:
        outcomes: list[_Digested | BaseException]
        try:
            outcomes = await self._together_or_alone([args for args, _ in batch])
        except BaseException as exc:  # cancelled with the loop: so are its documents
            outcomes = [exc] * len(batch)
            if not isinstance(exc, Exception):
                for _, answer in batch:
                    answer.cancel()
                raise
        finally:
            self._flying -= 1
            if self._closed:  # close() came from another thread: what waits fails now
                self._fail_waiting()
            else:
                self._dispatch()
        for (_, answer), outcome in zip(batch, outcomes, strict=True):
            if answer.done():
                continue
            if isinstance(outcome, BaseException):
                answer.set_exception(outcome)
            else:
                answer.set_result(outcome)

    async def _together_or_alone(self, many: list[_Args]) -> list[_Digested | BaseException]:
        """The documents' digests in one task; if that task fails as a whole, each in
        its own task, so that the one to blame fails alone."""
        if len(many) > 1:
            size = sum(len(args[0]) for args in many)
            try:
                return await self._run("parsing", size, _parse_and_recognize_each, many)
            except Exception:  # past its time or memory, its worker killed, ...
                pass
        return list(
            await asyncio.gather(
                *(self._run("parsing", len(a[0]), _parse_and_recognize, *a) for a in many),
                return_exceptions=True,
            )
        )

    async def extract(self, data: bytes, url: str) -> str:
        """The main text of an article page (full-text feeds)."""
        return await self._run("full-text extraction", len(data), _extract, data, url)

    async def recognize(self, entries: Sequence[Entry]) -> tuple[tuple[Finding, ...], ...]:
        """Findings of each entry, in order. A long feed is cut into batches that the
        workers read side by side, each batch with its own time limit."""
        batches: list[tuple[list[Entry], int]] = []
        for entry in entries:
            if not batches or batches[-1][1] >= BATCH_CHARS or len(batches[-1][0]) >= BATCH_ENTRIES:
                batches.append(([], 0))
            batch, size = batches[-1]
            batch.append(entry)
            batches[-1] = (batch, size + len(entry.title) + len(entry.text))
        parts = await asyncio.gather(
            *(self._run("recognition", size, _recognize_all, batch) for batch, size in batches)
        )
        return tuple(found for part in parts for found in part)

    def _discard(self, closing: bool = False) -> None:
        """Stop the pool (its workers are killed); the next task starts a fresh one,
        unless the sandbox is closing."""
        with self._lock:
            pool, self._pool = self._pool, None
            self._closed = self._closed or closing
        if pool is not None:
            pool.stop()  # type: ignore[no-untyped-call]
            if closing:
                pool.join(timeout=5)

    def close(self) -> None:
        self._discard(closing=True)


def _start_forkserver() -> None:
    """Start the forkserver ignoring SIGINT from its first instruction, when we can.

    A terminal's Ctrl-C goes to the whole process group. Started by pebble's thread, the
    forkserver catches it until tracker.forkserver has run; caught while it preloads, it
    printed a KeyboardInterrupt traceback and died, and the pool waited for workers it
    could no longer fork. An ignored SIGINT is inherited through exec and Python keeps it
    ignored, so the server and every worker it forks are deaf to it; the parent decides
    what stops. Only the main thread may change a handler: elsewhere tracker.forkserver's
    first line is the guard."""
    if threading.current_thread() is not threading.main_thread():
        return
    from multiprocessing import forkserver

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def _size(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"
