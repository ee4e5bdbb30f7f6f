"""Polling 500 feeds, 100 ms away each: concurrent vs one at a time, and the re-poll cost.

The feeds are served by tests/feedserver.py in a separate process, spread over 50
loopback addresses (127.0.0.1-50, ten feeds each, as a deployment spreads over many
publishers), each answer delayed by 100 ms. Both polls start from a fresh database
and do the same work: fetch, parse, dedupe, recognise, store, record health.

- concurrent: the default manners (per_host 2) with concurrency 50;
- sequential: concurrency 1, per_host 1 (the baseline);
- re-poll: the same feeds, unchanged, polled again: every answer must be 304, and
  nothing is parsed. Bytes are what the server sent (status lines, headers, bodies).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from tests.benchmarks.timing import compare, report
from tracker.config import parse_config
from tracker.jobs import Tracker
from tracker.store.engine import open_engine

FEEDS, HOSTS, LATENCY = 500, 50, 0.1
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1"))  # the sequential poll alone takes ~1 min
NOW = datetime(2025, 11, 5, tzinfo=UTC)
WORDS = [
    "ministers", "officials", "talks", "agreement", "statement", "capital", "region",
    "security", "trade", "energy", "delegation", "summit", "negotiations", "spokesman",
    "reporters", "week", "government", "parliament", "vote",
]  # fmt: skip


def feed_body(n: int, rng: random.Random) -> bytes:
    """Three entries of about 800 characters; one feed in ten names the watched official."""
    items = []
    for i in range(3):
        words = " ".join(rng.choice(WORDS) for _ in range(110))
        if n % 10 == 0 and i == 0:
            words = f"Sergey Lavrov held talks in Moscow on Monday. {words}"
        items.append(
            f"<item><title>Feed {n} story {i}: {escape(' '.join(words.split()[:6]))}</title>"
            f"<link>https://pub{n % HOSTS}.example/{n}/{i}</link><guid>https://pub{n % HOSTS}.example/{n}/{i}</guid>"
            f"<pubDate>Mon, 03 Nov 2025 1{i}:00:00 +0000</pubDate><description>{escape(words)}</description></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {n}</title><link>https://pub{n}.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def hosts() -> tuple[str, ...]:
    return tuple(f"127.0.0.{i}" for i in range(1, HOSTS + 1))


def serve(
    control: Connection, port_out: Connection, feeds: int = FEEDS, latency: float = LATENCY
) -> None:
    """The server process: answers feeds until told to stop; reports its counters."""
    from tests.feedserver import FeedServer, Route

    rng = random.Random(4)
    with FeedServer(hosts=hosts()) as server:
        for n in range(feeds):
            server.routes[f"/feed{n}.xml"] = Route(
                body=feed_body(n, rng), etag=f'"v{n}"', delay=latency
            )
        port_out.send(server.port)
        while True:
            command = control.recv()
            if command == "stop":
                break
            if command == "stats":
                control.send((server.bytes_sent, server.hits.total(), request_bytes(server)))
            elif command == "reset":
                server.reset_counts()
                control.send(None)


def request_bytes(server: Any) -> int:
    """What the client sent: request lines and headers (a GET has no body)."""
    total = 0
    for r in server.requests:
        total += len(f"GET {r.path} HTTP/1.1\r\n") + 2
        total += sum(len(k) + len(v) + 4 for k, v in r.headers.items())
    return total


def main() -> None:
    parent, child = mp.Pipe()
    port_in, port_out = mp.Pipe()
    process = mp.get_context("spawn").Process(target=serve, args=(child, port_out), daemon=True)
    process.start()
    port = port_in.recv()
    urls = [f"http://{hosts()[n % HOSTS]}:{port}/feed{n}.xml" for n in range(FEEDS)]
    folder = Path(tempfile.mkdtemp(prefix="bench-polling-"))

    def stats() -> tuple[int, int, int]:
        parent.send("stats")
        return parent.recv()  # type: ignore[no-any-return]

    def reset() -> None:
        parent.send("reset")
        parent.recv()

    def tracker(name: str, concurrency: int, per_host: int) -> Tracker:
        data = {
            "feeds": [{"url": u} for u in urls],
            "officials": [{"name": "Sergey Lavrov"}],
            "polling": {"concurrency": concurrency, "per_host": per_host},
        }
        config = parse_config(data, path=None, env={})
        db = folder / f"{name}-{random.random():.9f}.db"
        return Tracker(config, open_engine(f"sqlite:///{db}"), now=NOW)

    # fresh databases for every timed poll, made outside the timed part
    fresh = {
        "sequential (concurrency 1)": [tracker("seq", 1, 1) for _ in range(ROUNDS)],
        "concurrent (50, per host 2)": [tracker("con", 50, 2) for _ in range(ROUNDS)],
    }
    polled: list[Tracker] = []
    counts: dict[str, list[int]] = {}

    def poll(name: str) -> Any:
        def run() -> object:
            t = fresh[name].pop()
            results = t.poll(NOW)
            counts.setdefault(name, []).append(sum(r.new_entries for r in results))
            assert all(r.error is None for r in results), [r.error for r in results if r.error][:3]
            polled.append(t)
            return results

        return run

    print(f"  {FEEDS} feeds on {HOSTS} loopback hosts, {LATENCY * 1000:.0f} ms added latency each")
    medians = compare({name: poll(name) for name in fresh}, rounds=ROUNDS, warmup=0)
    report(medians, "sequential (concurrency 1)")
    speedup = medians["sequential (concurrency 1)"] / medians["concurrent (50, per host 2)"]
    print(f"  concurrent poll is {speedup:.1f}x faster than one feed at a time")
    stored = sorted({n for per_poll in counts.values() for n in per_poll})
    print(f"  entries stored per poll: {stored}")

    # the re-poll: a fresh tracker, first poll, then the same feeds unchanged
    t = tracker("repoll", 50, 2)
    reset()
    started = time.perf_counter()
    first = t.poll(NOW)
    first_time = time.perf_counter() - started
    first_bytes, first_hits, first_request = stats()
    first_parses = sum(1 for r in first if r.status != "not_modified")
    reset()
    started = time.perf_counter()
    second = t.poll(NOW + timedelta(minutes=15))
    second_time = time.perf_counter() - started
    second_bytes, second_hits, second_request = stats()
    t.close()
    unchanged = sum(1 for r in second if r.status == "not_modified")
    parses = len(second) - unchanged  # a 304 has nothing to parse
    print(
        f"  first poll:  {first_time:5.2f} s, {first_hits} requests,"
        f" {first_bytes / 1024:8.1f} KiB received"
        f" ({first_request / 1024:.1f} KiB of requests sent), {first_parses} feeds parsed,"
        f" {sum(r.new_entries for r in first)} entries stored"
    )
    print(
        f"  second poll: {second_time:5.2f} s, {second_hits} requests,"
        f" {second_bytes / 1024:8.1f} KiB received"
        f" ({second_request / 1024:.1f} KiB of requests sent), {parses} feeds parsed,"
        f" {unchanged} answered 304"
    )
    print(
        f"  the re-poll received {100 * second_bytes / first_bytes:.1f}% of the first poll's bytes"
        f" ({100 * (second_bytes + second_request) / (first_bytes + first_request):.1f}% counting"
        " requests both ways)"
    )
    for t in polled:
        t.close()
    parent.send("stop")
    process.join(10)


if __name__ == "__main__":
    main()
