"""Feeds polled per second by 1, 2 and 3 workers on one PostgreSQL; publisher load stays 1.

`tracker run` workers share the feeds through leases (issue 13); the publisher's load
(fetches per feed per interval) must stay at 1 however many there are.

Each case starts real workers (tests/fleet.py) on a fresh database of a PostgreSQL
server started here, against FEEDS feeds on one local server answering after LATENCY
seconds (a publisher far away), with `concurrency` requests in flight per worker: the
capacity one worker brings. Throughput is the first round (every feed fetched,
parsed and stored once) divided by its duration, from the first request to the last
feed's; the cases run one after the other in this one run, and the ratios are to one
worker. Then the workers keep running for INTERVALS intervals: every feed should be
fetched once per interval (per feed: its fetches after the first over the intervals
they span; mean and most over the feeds), and the shortest gap between two fetches of
one feed stays about one interval, however many workers there are. "capacity" is what
the workers' request slots allow (workers x concurrency / latency): the rest is CPU.

BENCH_FEEDS, BENCH_LATENCY, BENCH_CONCURRENCY, BENCH_INTERVAL change the sizes.
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path

from tests.feedserver import FeedServer
from tests.fleet import Db, Farm, stop, wait_for, write_config
from tests.helpers import start_logged_daemon
from tests.pgdb import fresh_database, temporary_server

FEEDS = int(os.environ.get("BENCH_FEEDS", "300"))
LATENCY = float(os.environ.get("BENCH_LATENCY", "0.25"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "5"))
INTERVAL = float(os.environ.get("BENCH_INTERVAL", "20"))
INTERVALS = 2
WORKERS = (1, 2, 3)


def one_case(server_url: str, workers: int, folder: Path) -> dict[str, float]:
    url = fresh_database(server_url, f"bench{workers}")
    db = Db(url)
    with FeedServer() as server:
        farm = Farm(server, FEEDS, delay=LATENCY)
        polling = {"concurrency": CONCURRENCY, "per_host": CONCURRENCY}
        config = write_config(folder, url, farm.urls(), interval=f"{INTERVAL:g}s", polling=polling)
        procs = [start_logged_daemon(config, folder / f"worker{i}.log") for i in range(workers)]
        try:
            polled = "select count(*) from feed where last_polled_at is not null"
            done = wait_for(lambda: db.rows(polled) == [(FEEDS,)], 600, step=0.05)
            assert done, f"{workers} worker(s): not every feed polled; see {folder}"
            round_end = time.time()
            firsts = {path: times[0] for path, times in farm.snapshot().items()}
            # the publisher's view: each feed over INTERVALS intervals from its first fetch
            time.sleep(max(0.0, max(firsts.values()) + INTERVAL * INTERVALS + 1 - time.time()))
            fetches = farm.snapshot()
        finally:
            for proc in procs:
                stop(proc)
            db.close()
    first = min(firsts.values())
    # per feed: the fetches after its first, over the intervals they span
    per_interval = [
        (len(times) - 1) / ((times[-1] - times[0]) / INTERVAL)
        for times in fetches.values()
        if len(times) > 1
    ]
    gaps = [b - a for times in fetches.values() for a, b in itertools.pairwise(times)]
    return {
        "seconds": round_end - first,
        "rate": FEEDS / (round_end - first),
        "mean": statistics.mean(per_interval),
        "most": max(per_interval),
        "gap": min(gaps) if gaps else float("nan"),
    }


def main() -> None:
    with temporary_server() as server_url, tempfile.TemporaryDirectory() as tmp:
        if server_url is None:
            print("  skipped: PostgreSQL server binaries (initdb, pg_ctl) not found")
            return
        results = {}
        for n in WORKERS:
            folder = Path(tmp) / f"w{n}"
            folder.mkdir()
            results[n] = one_case(server_url, n, folder)
    base = results[WORKERS[0]]["rate"]
    print(
        f"  {FEEDS} feeds, {LATENCY * 1000:.0f} ms away, {CONCURRENCY} requests in flight"
        f" per worker, interval {INTERVAL:g} s"
    )
    print(
        "  workers  first round  feeds/s  ratio  capacity  fetches per feed per interval"
        "  shortest gap between fetches of a feed"
    )
    for n, r in results.items():
        capacity = n * CONCURRENCY / LATENCY
        print(
            f"  {n:>7}  {r['seconds']:9.1f} s  {r['rate']:7.1f}  {r['rate'] / base:4.2f}x"
            f"  {capacity:6.0f}/s  mean {r['mean']:.2f}, most {r['most']:.2f}"
            f"               {r['gap']:5.1f} s ({r['gap'] / INTERVAL:.2f} interval)"
        )


if __name__ == "__main__":
    main()
