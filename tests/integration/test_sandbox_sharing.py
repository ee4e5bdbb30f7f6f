"""Small documents waiting for a worker share one task (tracker/sandbox.py), and sharing
changes nothing but the count of tasks: each document reads as it would alone, and one
that breaks its task (past its time) or cannot be read fails alone, with the message it
would have had alone, while the others sharing its task are read.

Real worker processes, real documents; the attribute bomb is test_sandbox's."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.integration.test_sandbox import attribute_bomb
from tracker.config import parse_config
from tracker.domain import Official
from tracker.jobs import FeedResult, Tracker
from tracker.sandbox import MB, Digest, Limits, Sandbox, SandboxError
from tracker.store.engine import open_engine

NOW = datetime(2025, 11, 10, tzinfo=UTC)
OFFICIALS = [Official("Sergey Lavrov"), Official("Choe Son Hui")]


def _feed(n: int) -> bytes:
    """A small feed of its own: the n-th story, naming someone in its own way."""
    who = ("Sergey Lavrov", "Choe Son Hui", "the foreign minister")[n % 3]
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Desk {n}</title><link>https://desk{n}.example/</link>"
        f"<item><title>{who} opens talks, round {n}</title>"
        f"<link>https://desk{n}.example/story/{n}</link><guid>desk-{n}</guid>"
        f"<pubDate>Mon, {1 + n % 27:02d} Sep 2025 10:00:00 +0000</pubDate>"
        f"<description>{who} met the delegation in Geneva on day {n}.</description></item>"
        "</channel></rss>"
    ).encode()


async def _all(sandbox: Sandbox, documents: list[bytes]) -> list[Digest | BaseException]:
    return list(
        await asyncio.gather(
            *(
                sandbox.digest(d, fallback_time=NOW, scope=f"feed{i}")
                for i, d in enumerate(documents)
            ),
            return_exceptions=True,
        )
    )


def _alone(documents: list[bytes], limits: Limits) -> list[Digest | BaseException]:
    """The same documents, one task each, one after the other."""
    sandbox = Sandbox(OFFICIALS, limits)
    out: list[Digest | BaseException] = []
    try:
        for i, d in enumerate(documents):
            try:
                out.append(asyncio.run(sandbox.digest(d, fallback_time=NOW, scope=f"feed{i}")))
            except Exception as exc:
                out.append(exc)
    finally:
        sandbox.close()
    return out


def test_documents_waiting_together_share_tasks_and_read_as_they_would_alone() -> None:
    documents = [_feed(n) for n in range(40)]
    sandbox = Sandbox(OFFICIALS, Limits(workers=1))
    try:
        shared = asyncio.run(_all(sandbox, documents))
        tasks = sandbox.tasks
    finally:
        sandbox.close()
    alone = _alone(documents, Limits(workers=1, together=1))
    assert all(isinstance(d, Digest) for d in shared), shared
    assert shared == alone  # the same entries, texts, dates and findings, in order
    assert sum(len(fs) for d in shared if isinstance(d, Digest) for fs in d.findings) >= 26
    assert tasks < len(documents) / 2, f"{tasks} tasks for {len(documents)} documents"


def test_documents_arriving_apart_within_the_gathering_time_share_one_task() -> None:
    # a first poll: documents come back from the network a few milliseconds apart
    documents = [_feed(n) for n in range(12)]

    async def trickle(sandbox: Sandbox) -> list[Digest | BaseException]:
        asked = []
        for i, d in enumerate(documents):
            asked.append(
                asyncio.ensure_future(sandbox.digest(d, fallback_time=NOW, scope=f"feed{i}"))
            )
            await asyncio.sleep(0.01)
        return list(await asyncio.gather(*asked, return_exceptions=True))

    sandbox = Sandbox(OFFICIALS, Limits(workers=1, gather=2.0))
    try:
        shared = asyncio.run(trickle(sandbox))
        tasks = sandbox.tasks
    finally:
        sandbox.close()
    assert shared == _alone(documents, Limits(workers=1, together=1))
    assert tasks == 1, f"{tasks} tasks for {len(documents)} documents"


def test_a_full_task_leaves_without_waiting_for_the_gathering_time() -> None:
    documents = [_feed(n) for n in range(8)]
    sandbox = Sandbox(OFFICIALS, Limits(workers=1, together=4, gather=600.0))
    try:
        # never left: wait_for gives up long before the gathering time is over
        shared = asyncio.run(asyncio.wait_for(_all(sandbox, documents), 120))
        tasks = sandbox.tasks
    finally:
        sandbox.close()
    assert all(isinstance(d, Digest) for d in shared), shared
    assert tasks == 2


def test_a_sandbox_outliving_its_event_loop_still_gathers_on_the_next() -> None:
    # the first loop ends with its wake-up still pending (its task left full)
    sandbox = Sandbox(OFFICIALS, Limits(workers=1, together=4, gather=1.0))
    try:
        first = asyncio.run(_all(sandbox, [_feed(n) for n in range(4)]))
        second = asyncio.run(asyncio.wait_for(_all(sandbox, [_feed(4)]), 60))
    finally:
        sandbox.close()
    assert all(isinstance(d, Digest) for d in first + second), (first, second)


def test_import_reads_its_files_without_waiting_for_company(tmp_path: Path) -> None:
    # import keeps a few files ahead: waiting for company, it would wait on every file
    for n in range(6):
        (tmp_path / f"feed{n}.xml").write_bytes(_feed(n))
    config = parse_config({"officials": [{"name": o.name} for o in OFFICIALS]}, path=None, env={})
    tracker = Tracker(config, open_engine(f"sqlite:///{tmp_path / 't.db'}"), now=NOW)
    tracker.sandbox = Sandbox(OFFICIALS, Limits(workers=1, gather=600.0))
    done: list[list[FeedResult]] = []
    try:
        worker = threading.Thread(
            target=lambda: done.append(tracker.import_paths([tmp_path], NOW)), daemon=True
        )
        worker.start()
        worker.join(120)  # never returns before the gathering time if it waits
        assert done, "import waited for company"
    finally:
        tracker.close()
    assert [r.new_entries for r in done[0]] == [1] * 6


def test_a_document_past_its_time_in_a_shared_task_fails_alone_and_the_rest_are_read() -> None:
    limits = Limits(seconds=1.0, seconds_per_mb=0.0, workers=1, together_size=2 * MB)
    bomb = attribute_bomb()
    documents = [_feed(n) for n in range(5)] + [bomb] + [_feed(n) for n in range(5, 12)]
    sandbox = Sandbox(OFFICIALS, limits)
    try:
        started = time.monotonic()
        shared = asyncio.run(_all(sandbox, documents))
        elapsed = time.monotonic() - started
    finally:
        sandbox.close()
    alone = _alone(documents, limits)
    failed = shared[5]
    assert isinstance(failed, SandboxError) and isinstance(alone[5], SandboxError)
    assert str(failed).startswith("parsing took longer than 1 s (1.3 MB)")
    assert str(failed) == str(alone[5])  # its message alone
    good = [d for i, d in enumerate(shared) if i != 5]
    assert all(isinstance(d, Digest) for d in good), good
    assert good == [d for i, d in enumerate(alone) if i != 5]
    # the bomb shared a task: stopped once with the others, then once alone
    assert elapsed >= 2.0, f"{elapsed:.1f} s: the bomb never shared a task"
    assert elapsed < 30, f"{elapsed:.1f} s"


def test_an_unreadable_document_in_a_shared_task_fails_alone_with_its_own_error() -> None:
    junk = b"\x00\x01 this is not a feed \xff"
    documents = [_feed(0), _feed(1), junk, _feed(2), _feed(3), junk, _feed(4)]
    sandbox = Sandbox(OFFICIALS, Limits(workers=1))
    try:
        shared = asyncio.run(_all(sandbox, documents))
    finally:
        sandbox.close()
    alone = _alone(documents, Limits(workers=1, together=1))
    for i, (a, b) in enumerate(zip(shared, alone, strict=True)):
        if isinstance(b, BaseException):
            assert type(a) is type(b) and str(a) == str(b), (i, a, b)
        else:
            assert a == b, i
    assert sum(isinstance(d, Digest) for d in shared) == 5


def test_a_poll_cancelled_while_waiting_leaves_the_others_read() -> None:
    documents = [_feed(n) for n in range(16)]

    async def scenario(sandbox: Sandbox) -> list[Digest | BaseException]:
        tasks = [
            asyncio.ensure_future(sandbox.digest(d, fallback_time=NOW, scope=f"feed{i}"))
            for i, d in enumerate(documents)
        ]
        await asyncio.sleep(0)  # all asked; most wait for the one worker
        tasks[10].cancel()
        return list(await asyncio.gather(*tasks, return_exceptions=True))

    sandbox = Sandbox(OFFICIALS, Limits(workers=1))
    try:
        out = asyncio.run(scenario(sandbox))
        assert isinstance(out[10], asyncio.CancelledError)
        assert all(isinstance(d, Digest) for i, d in enumerate(out) if i != 10), out
        # and the sandbox goes on serving
        again = asyncio.run(_all(sandbox, documents[:3]))
        assert all(isinstance(d, Digest) for d in again)
    finally:
        sandbox.close()


def test_a_closed_sandbox_refuses_documents_with_one_line() -> None:
    sandbox = Sandbox(OFFICIALS, Limits(workers=1))
    sandbox.close()
    with pytest.raises(SandboxError, match="shutting down"):
        asyncio.run(sandbox.digest(_feed(0), fallback_time=NOW))


def test_closing_the_sandbox_fails_every_waiting_document_at_once() -> None:
    # The daemon closes the sandbox from its main thread while polls wait on the loop's
    # thread: nothing may wait for a worker that is gone.
    limits = Limits(seconds=60.0, seconds_per_mb=0.0, workers=1, together_size=2 * MB)
    documents = [attribute_bomb(), attribute_bomb()] + [_feed(n) for n in range(10)]
    sandbox = Sandbox(OFFICIALS, limits)

    async def scenario() -> list[Digest | BaseException]:
        asked = asyncio.ensure_future(_all(sandbox, documents))
        await asyncio.sleep(1.0)  # the bombs hold the worker; the rest wait
        assert not asked.done()
        await asyncio.get_running_loop().run_in_executor(None, sandbox.close)
        return await asyncio.wait_for(asked, 15)

    started = time.monotonic()
    out = asyncio.run(scenario())
    assert time.monotonic() - started < 15
    assert all(isinstance(d, BaseException) for d in out), out
    assert any(isinstance(d, SandboxError) and "shutting down" in str(d) for d in out), out
