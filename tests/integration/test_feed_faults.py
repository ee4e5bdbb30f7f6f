"""Every way a feed server can misbehave, against a real server on 127.0.0.1.

In each case the poll ends in bounded time, the healthy feed polled alongside is
ingested, and the faulty feed's health holds a one-line reason.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, Route
from tests.feedtools import GOOD, NOW, entry_count, feed_row, item, make_tracker, rss
from tests.helpers import free_port

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<rss version="2.0"><channel><title>Bomb</title>
<item><title>&g;</title><description>boom</description></item>
<item><title>Sergey Lavrov speaks</title><guid>bomb-2</guid>
<description>Sergey Lavrov spoke in Moscow on Monday.</description></item>
</channel></rss>"""

# Declared UTF-8, but the bytes are windows-1251 (a Russian agency's feed).
WRONG_CHARSET = (
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>ТАСС</title>'
    "<item><title>Сергей Лавров провел переговоры</title><guid>cp1251-1</guid>"
    "<description>Сергей Лавров провел переговоры в Москве в понедельник.</description>"
    "</item></channel></rss>"
).encode("cp1251")

INVALID_XML = rss([item(7)]).replace(b"</channel></rss>", b"<item><title>half an item")


@dataclass(frozen=True)
class Fault:
    name: str
    route: Route | None  # None: nothing listens
    reason: str  # expected in the one-line reason
    state: str  # "failing" (nothing read), "warning" (entries read, problem noted), "disabled"
    entries: int = 0  # entries the faulty feed still yields


FAULTS = [
    Fault("not found", Route(404, b"no"), "HTTP 404 Not Found", "failing"),
    Fault("gone", Route(410, b"gone"), "HTTP 410 Gone", "disabled"),
    Fault(
        "rate limited",
        Route(429, b"slow down", headers={"Retry-After": "120"}),
        "HTTP 429 Too Many Requests",
        "failing",
    ),
    Fault("server error", Route(500, b"oops"), "HTTP 500 Internal Server Error", "failing"),
    Fault("connection refused", None, "cannot connect to 127.0.0.1:", "failing"),
    Fault("reset mid-body", Route(body=GOOD, reset_after=40), "connection", "failing"),
    Fault("drips a byte a second", Route(body=GOOD, drip=1.0), "total time limit", "failing"),
    Fault(
        "far over the size limit",
        Route(body=b"<rss>" + b"x" * 8_000_000, length=False),
        "response too large",
        "failing",
    ),
    Fault(
        "declares a size over the limit",
        Route(body=b"<rss>" + b"x" * 8_000_000),
        "response too large",
        "failing",
    ),
    Fault(
        "bad gzip",
        Route(body=b"\x1f\x8b\x08\x00garbage", headers={"Content-Encoding": "gzip"}),
        "bad compressed body",
        "failing",
    ),
    Fault("redirect loop", Route(302, headers={"Location": "/loop-b"}), "redirect loop", "failing"),
    Fault("invalid XML", Route(body=INVALID_XML), "malformed feed", "warning", entries=1),
    Fault("entity expansion bomb", Route(body=BOMB), "malformed feed", "warning", entries=2),
    Fault(
        "wrong declared charset",
        Route(body=WRONG_CHARSET, headers={"Content-Type": "application/rss+xml; charset=utf-8"}),
        "malformed feed",
        "warning",
        entries=1,
    ),
]


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with FeedServer() as srv:
        srv.routes["/good.xml"] = Route(body=GOOD)
        srv.routes["/loop-b"] = Route(302, headers={"Location": "/fault"})
        yield srv


@pytest.mark.parametrize("fault", FAULTS, ids=[f.name for f in FAULTS])
def test_a_faulty_feed_is_named_in_bounded_time_and_the_healthy_one_is_ingested(
    tmp_path: Path, server: FeedServer, fault: Fault
) -> None:
    if fault.route is None:
        faulty = f"http://127.0.0.1:{free_port()}/feed.xml"
    else:
        server.routes["/fault"] = fault.route
        faulty = server.url("/fault")
    good = server.url("/good.xml")
    tracker = make_tracker(tmp_path, [faulty, good])
    try:
        started = time.monotonic()
        results = {r.url: r for r in tracker.poll(NOW)}
        elapsed = time.monotonic() - started

        assert elapsed < 5, f"poll took {elapsed:.1f}s"
        assert results[good].error is None and results[good].new_entries == 1
        bad = results[faulty]
        reason = bad.error or bad.problem or ""
        assert fault.reason in reason, reason
        assert bad.entries == fault.entries
        row = feed_row(tracker, faulty)
        health = row.disabled_reason if fault.state == "disabled" else row.last_error
        assert health and "\n" not in health and fault.reason.split()[0] in health
        if fault.state == "warning":
            assert row.consecutive_failures == 0 and row.last_success_at == NOW
        else:
            assert row.consecutive_failures == 1 and row.last_success_at is None
        assert (row.disabled_at is not None) == (fault.state == "disabled")
        assert entry_count(tracker) == 1 + fault.entries
    finally:
        tracker.close()


def test_all_faults_at_once_cost_no_more_than_the_slowest(
    tmp_path: Path, server: FeedServer
) -> None:
    """Polled together, the faults run side by side: the poll takes about as long as
    the slowest one (the drip, cut at the 2.5 s total limit), not their sum."""
    urls = []
    for fault in FAULTS:
        if fault.route is not None:
            path = "/all/" + fault.name.replace(" ", "-")
            server.routes[path] = fault.route
            urls.append(server.url(path))
    server.routes["/fault"] = Route(302, headers={"Location": "/loop-b"})
    tracker = make_tracker(tmp_path, [*urls, server.url("/good.xml")])
    try:
        started = time.monotonic()
        results = tracker.poll(NOW)
        elapsed = time.monotonic() - started
    finally:
        tracker.close()
    assert elapsed < 5, f"poll took {elapsed:.1f}s"
    assert [r.new_entries for r in results if r.url.endswith("/good.xml")] == [1]
    assert all(r.error or r.problem for r in results if not r.url.endswith("/good.xml"))
