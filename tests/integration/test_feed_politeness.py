"""Polite and cheap polling against a real server on loopback: conditional GET,
Retry-After, backoff, 410, permanent redirects, hints, limits and keep-alive."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, Request, Route
from tests.feedtools import GOOD, NOW, feed_row, item, make_tracker, rss
from tracker.feeds.fetch import Limiter, make_client
from tracker.jobs import FeedResult


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer(hosts=("127.0.0.1", "127.0.0.2")) as srv:
        yield srv


def test_an_unchanged_feed_answers_304_and_is_not_parsed(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/f.xml"] = Route(body=GOOD, etag='"v1"')
    tracker = make_tracker(tmp_path, [server.url("/f.xml")])
    try:
        first = tracker.poll(NOW)[0]
        second = tracker.poll(NOW + timedelta(minutes=15))[0]
    finally:
        tracker.close()
    assert first.status == "ok" and first.new_entries == 1 and first.bytes_received == len(GOOD)
    assert second.status == "not_modified" and second.entries == 0 and second.bytes_received == 0
    assert server.requests[1].headers["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(
    tmp_path: Path, server: FeedServer
) -> None:
    stamp = format_datetime(NOW, usegmt=True)

    def answer(request: Request) -> Route:
        if request.headers.get("if-modified-since") == stamp:
            return Route(304)
        return Route(body=GOOD, headers={"Last-Modified": stamp})

    server.routes["/lm.xml"] = answer
    tracker = make_tracker(tmp_path, [server.url("/lm.xml")])
    try:
        assert tracker.poll(NOW)[0].status == "ok"
        assert tracker.poll(NOW + timedelta(hours=1))[0].status == "not_modified"
    finally:
        tracker.close()


def test_requests_name_the_tracker_and_accept_compression(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/gz.xml"] = Route(body=GOOD, gzip=True)
    tracker = make_tracker(
        tmp_path,
        [server.url("/gz.xml")],
        polling={"user_agent": "tracker at Example News (+mailto:desk@example.org)"},
    )
    try:
        result = tracker.poll(NOW)[0]
    finally:
        tracker.close()
    headers = server.requests[0].headers
    assert headers["user-agent"] == "tracker at Example News (+mailto:desk@example.org)"
    assert "gzip" in headers["accept-encoding"]
    assert result.new_entries == 1 and result.bytes_received < len(GOOD)


def test_retry_after_is_honoured_before_polling_again(tmp_path: Path, server: FeedServer) -> None:
    server.routes["/busy.xml"] = Route(429, b"", headers={"Retry-After": "120"})
    url = server.url("/busy.xml")
    tracker = make_tracker(tmp_path, [url])
    try:
        tracker.poll(NOW)
        assert feed_row(tracker, url).retry_until == NOW + timedelta(seconds=120)
        early = tracker.poll(NOW + timedelta(seconds=60))[0]
        assert early.status == "skipped" and "asked to wait" in (early.problem or "")
        assert server.hits["/busy.xml"] == 1
        server.routes["/busy.xml"] = Route(body=GOOD)
        later = tracker.poll(NOW + timedelta(seconds=121))[0]
        assert later.new_entries == 1 and feed_row(tracker, url).retry_until is None
    finally:
        tracker.close()


def test_a_failing_feed_backs_off_exponentially_with_jitter(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/down.xml"] = Route(500, b"")
    url = server.url("/down.xml")
    tracker = make_tracker(tmp_path, [{"url": url, "interval": "15m"}])
    waits = []
    try:
        now = NOW
        for _ in range(5):
            tracker.poll(now, due_only=True)
            due = feed_row(tracker, url).next_poll_at
            assert due is not None
            assert tracker.poll(due - timedelta(seconds=1), due_only=True) == []  # not due yet
            waits.append((due - now) / timedelta(minutes=15))
            now = due
    finally:
        tracker.close()
    assert server.hits["/down.xml"] == 5
    for wait, base in zip(waits, [1, 2, 4, 8, 16], strict=True):
        assert base <= wait <= base * 1.2 or (base == 1 and wait == 1)


def test_410_gone_disables_the_feed_until_enabled(tmp_path: Path, server: FeedServer) -> None:
    server.routes["/gone.xml"] = Route(410, b"")
    url = server.url("/gone.xml")
    tracker = make_tracker(tmp_path, [url])
    try:
        tracker.poll(NOW)
        skipped = tracker.poll(NOW + timedelta(days=1))[0]
    finally:
        tracker.close()
    assert skipped.status == "skipped" and "410 Gone" in (skipped.problem or "")
    assert server.hits["/gone.xml"] == 1


def test_a_permanent_redirect_moves_the_feed_and_a_temporary_one_does_not(
    tmp_path: Path, server: FeedServer
) -> None:
    server.routes["/old.xml"] = Route(301, headers={"Location": "/new.xml"})
    server.routes["/tmp.xml"] = Route(302, headers={"Location": "/new.xml"})
    server.routes["/new.xml"] = Route(body=GOOD)
    old, temporary = server.url("/old.xml"), server.url("/tmp.xml")
    tracker = make_tracker(tmp_path, [old, temporary])
    try:
        first = {r.url: r for r in tracker.poll(NOW)}
        tracker.poll(NOW + timedelta(hours=1))
        assert first[old].moved_to == server.url("/new.xml")
        assert feed_row(tracker, old).fetch_url == server.url("/new.xml")
        assert feed_row(tracker, temporary).fetch_url is None
    finally:
        tracker.close()
    assert server.hits["/old.xml"] == 1 and server.hits["/tmp.xml"] == 2


@pytest.mark.parametrize(
    ("extra", "interval", "expected"),
    [
        ("<ttl>120</ttl>", "15m", timedelta(hours=2)),
        ("<ttl>10080</ttl>", "15m", timedelta(hours=6)),  # a week, bounded by max_interval
        ("<ttl>5</ttl>", "15m", timedelta(minutes=15)),  # never faster than configured
    ],
)
def test_a_feeds_ttl_stretches_its_interval_within_bounds(
    tmp_path: Path, server: FeedServer, extra: str, interval: str, expected: timedelta
) -> None:
    server.routes["/ttl.xml"] = Route(body=rss([item(1)], extra=extra))
    url = server.url("/ttl.xml")
    tracker = make_tracker(tmp_path, [{"url": url, "interval": interval}])
    try:
        tracker.poll(NOW)
        assert feed_row(tracker, url).next_poll_at == NOW + expected
    finally:
        tracker.close()


def test_the_per_host_limit_holds_while_other_hosts_proceed(
    tmp_path: Path, server: FeedServer
) -> None:
    for n in range(6):
        server.routes[f"/slow{n}.xml"] = Route(body=rss([item(n)]), delay=0.3)
    urls = [
        server.url(f"/slow{n}.xml", host) for host in ("127.0.0.1", "127.0.0.2") for n in range(6)
    ]
    tracker = make_tracker(tmp_path, urls, polling={"per_host": 2, "concurrency": 10})
    try:
        started = time.monotonic()
        results = tracker.poll(NOW)
        elapsed = time.monotonic() - started
    finally:
        tracker.close()
    assert all(r.error is None for r in results)
    assert server.max_in_flight["127.0.0.1"] == 2 and server.max_in_flight["127.0.0.2"] == 2
    assert 0.85 < elapsed < 2.5  # 6 feeds a host, 2 at a time, 0.3 s each: ~0.9 s


def test_connections_are_kept_alive_across_feeds(tmp_path: Path, server: FeedServer) -> None:
    for n in range(8):
        server.routes[f"/k{n}.xml"] = Route(body=rss([item(n)]))
    tracker = make_tracker(
        tmp_path, [server.url(f"/k{n}.xml") for n in range(8)], polling={"per_host": 1}
    )
    try:
        tracker.poll(NOW)
    finally:
        tracker.close()
    assert server.hits.total() == 8 and server.connections == 1


def test_a_slow_feed_never_delays_the_others(tmp_path: Path, server: FeedServer) -> None:
    """The daemon's tick: every due feed is its own task."""
    server.routes["/slow.xml"] = Route(body=rss([item(1)]), delay=1.2)
    server.routes["/fast.xml"] = Route(body=rss([item(2)]))
    slow, fast = server.url("/slow.xml"), server.url("/fast.xml")
    tracker = make_tracker(tmp_path, [slow, fast])

    async def tick() -> tuple[FeedResult, bool, float]:
        running: dict[str, asyncio.Task[FeedResult]] = {}
        async with make_client(tracker.policy) as client:
            started = time.monotonic()
            assert await tracker.start_due(NOW, client, Limiter(10, 4), running) == 2
            fast_result = await running[fast]
            took = time.monotonic() - started
            slow_still_running = slow in running
            await running[slow]
        return fast_result, slow_still_running, took

    try:
        fast_result, slow_running, took = tracker.run(tick())
    finally:
        tracker.close()
    assert fast_result.new_entries == 1 and slow_running and took < 0.8
