"""A first poll of 2,000 feeds (3 entries each, 50 hosts, 100 ms away): parsing and
recognition in the worker pool vs in the polling process, side by side.

"in-process" is how polling worked before the sandbox: every document parsed and
recognised on one work thread of the polling process (reproduced here by running the
sandbox's own functions on that thread). "worker pool" is tracker/sandbox.py. All poll
the same feeds from a fresh database with the same manners (concurrency 50, per host
2) and store the same entries. With $BENCH_BEFORE naming a checkout of older code, the
in-process poll runs that code, and its worker pool is measured too ("worker pool,
before"; code from before the sandbox, such as 6709aec when issue 11 was filed, polls
in-process by itself and has no pool). Each candidate is its own process (this file run by path, that code's
`tracker` first on PYTHONPATH), set up once, then polled in turn, round after round,
against one feed server. Printed per candidate (medians): wall time; CPU seconds of
the polling process and of the pool's workers (read from /proc); cores busy = CPU /
wall, and the same counting the feed server's CPU during that poll (what else keeps
the machine's cores busy); CPU per feed. BENCH_FEEDS and BENCH_ROUNDS change the size;
BENCH_LATENCY the server's delay per request (seconds, 0.1; at 0 the poll is bound by CPU,
not by the network, and "cores busy" shows how much of the machine it can use).

Two floors, in the same rounds, show what the design's libraries cost alone on this
workload (current code only): "feedparser alone" parses the same documents in one
process, with the options tracker/feeds/parse.py passes; "httpx alone" fetches the same
URLs with a bare httpx.AsyncClient per host (its own pool, at most `per_host`
connections), at most `concurrency` requests in flight, bodies read, nothing parsed or
stored. Every candidate's CPU per feed is printed as a ratio of the in-process poll's.
"fetch_http alone" fetches the same way through tracker's own fetcher (HostClients,
Limiter, the asyncio transport): the polling process's fetching without the rest.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

FEEDS = int(os.environ.get("BENCH_FEEDS", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
LATENCY = float(os.environ.get("BENCH_LATENCY", "0.1"))  # seconds the server waits per request
NOW = datetime(2025, 11, 5, tzinfo=UTC)
HOSTS = 50
T = TypeVar("T")
TICKS = os.sysconf("SC_CLK_TCK")
HERE = Path(__file__).resolve()


def _cpu_of(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime


def _children_of(parent: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == parent:
                        out.append(int(entry))
            except (OSError, ValueError, IndexError):
                continue
    return out


def _workers_cpu() -> float:
    """CPU of the pool's workers: children of multiprocessing's fork server."""
    from multiprocessing import forkserver

    server = getattr(forkserver._forkserver, "_forkserver_pid", None)
    if server is None:
        return 0.0
    total = 0.0
    for pid in _children_of(server):
        try:
            total += _cpu_of(pid)
        except OSError:
            continue
    return total


# -- the floors: the libraries alone ---------------------------------------------------

FLOORS = ("feedparser alone", "httpx alone")
ALONE = (*FLOORS, "fetch_http alone")


def _documents() -> list[bytes]:
    """The documents the feed server serves (bench_polling.serve makes them alike)."""
    import random

    from tests.benchmarks.bench_polling import feed_body

    rng = random.Random(4)
    return [feed_body(n, rng) for n in range(FEEDS)]


def _feedparser_alone(documents: list[bytes]) -> int:
    """Every document through feedparser.parse, as parse.py calls it; entries read."""
    import feedparser

    from tracker.feeds.parse import FEEDPARSER_OPTIONS

    return sum(len(feedparser.parse(d, **FEEDPARSER_OPTIONS).entries) for d in documents)


async def _httpx_alone(urls: list[str], concurrency: int, per_host: int, tls: Any) -> int:
    """Every URL fetched by a bare httpx.AsyncClient (one per host sharing one TLS
    context, as HostClients does), within the same limits; bytes read."""
    import httpx

    total = asyncio.Semaphore(concurrency)
    clients: dict[str, httpx.AsyncClient] = {}
    hosts: dict[str, asyncio.Semaphore] = {}

    async def one(url: str) -> int:
        host = url.split("/")[2]
        if host not in clients:
            limits = httpx.Limits(max_connections=per_host, max_keepalive_connections=per_host)
            clients[host] = httpx.AsyncClient(limits=limits, verify=tls)
            hosts[host] = asyncio.Semaphore(per_host)
        async with hosts[host], total:
            response = await clients[host].get(url)
            response.raise_for_status()
            return len(response.content)

    try:
        return sum(await asyncio.gather(*(one(u) for u in urls)))
    finally:
        for client in clients.values():
            await client.aclose()


async def _fetch_http_alone(urls: list[str], concurrency: int, per_host: int) -> int:
    """Every URL through tracker's fetch_http, as a poll fetches them (HostClients loads
    its TLS context once per poll, as in a poll); bytes read."""
    from tracker.feeds.fetch import FetchPolicy, HostClients, Limiter, fetch_http

    policy = FetchPolicy(concurrency=concurrency, per_host=per_host)
    limiter = Limiter(concurrency, per_host)
    async with HostClients(policy) as clients:
        fetched = await asyncio.gather(
            *(fetch_http(clients, u, policy=policy, limiter=limiter) for u in urls)
        )
    return sum(len(f.data) for f in fetched)


def _floor(kind: str, urls: list[str], documents: list[bytes], tls: Any) -> dict[str, Any]:
    cpu_before, started = time.process_time(), time.perf_counter()
    if kind == "feedparser alone":
        stored = _feedparser_alone(documents)
    elif kind == "httpx alone":
        stored = asyncio.run(_httpx_alone(urls, 50, 2, tls))
    else:
        stored = asyncio.run(_fetch_http_alone(urls, 50, 2))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_before
    return {"wall": wall, "cpu": cpu, "workers": 0.0, "stored": stored, "errors": []}


# -- a candidate: one version of the code, in its own process --------------------------


def candidate(kind: str, port: int, folder: Path) -> None:
    """Set up, say "ready", then one poll of every feed on a fresh database per line
    read, answered with one line of JSON."""
    from tracker.config import parse_config
    from tracker.jobs import Tracker
    from tracker.recognize import Recognizer
    from tracker.store.engine import open_engine

    try:
        from tracker import sandbox
    except ModuleNotFoundError:  # code from before the sandbox: it polls in-process itself
        if kind != "in-process":
            raise SystemExit(f"bench_cores: {kind} needs tracker/sandbox.py") from None
        sandbox = None

    class InProcess(sandbox.Sandbox if sandbox else object):  # type: ignore[misc]
        """The old way, for comparison only: the same functions, on one thread here."""

        def __init__(self, officials: Any) -> None:
            super().__init__(officials)
            self._thread = ThreadPoolExecutor(1)
            sandbox._recognizer = Recognizer(officials)

        async def _run(self, what: str, size: int, fn: Callable[..., T], *args: Any) -> T:
            return await asyncio.get_running_loop().run_in_executor(self._thread, fn, *args)

        def close(self) -> None:
            self._thread.shutdown()

    hosts = [f"127.0.0.{i}" for i in range(1, HOSTS + 1)]
    urls = [f"http://{hosts[n % HOSTS]}:{port}/feed{n}.xml" for n in range(FEEDS)]
    data = {
        "feeds": [{"url": u} for u in urls],
        "officials": [{"name": "Sergey Lavrov"}],
        "polling": {"concurrency": 50, "per_host": 2},
    }
    config = parse_config(data, path=None, env={})
    documents = _documents() if kind == "feedparser alone" else []
    import feedparser  # noqa: F401  # imported in the set-up, not in the timed part
    import httpx

    tls = httpx.create_ssl_context()  # loading the CA bundle: once, as HostClients does
    print("ready", flush=True)
    for n, _line in enumerate(sys.stdin):
        if kind in ALONE:
            print(json.dumps(_floor(kind, urls, documents, tls)), flush=True)
            continue
        t = Tracker(config, open_engine(f"sqlite:///{folder / f'{n}.db'}"), now=NOW)
        if kind == "in-process":
            if sandbox is not None:
                t.sandbox = InProcess(config.officials)
        else:  # start the pool outside the timed part
            asyncio.run(t.sandbox.recognize([]))
            t.sandbox._get_pool()
        workers_before = _workers_cpu()
        cpu_before, started = time.process_time(), time.perf_counter()
        results = t.poll(NOW)
        wall = time.perf_counter() - started
        cpu = time.process_time() - cpu_before
        workers = _workers_cpu() - workers_before if kind != "in-process" else 0.0
        errors = [r.error for r in results if r.error]
        t.close()
        stored = sum(r.new_entries for r in results)
        report = {"wall": wall, "cpu": cpu, "workers": workers, "stored": stored}
        print(json.dumps({**report, "errors": errors[:3]}), flush=True)


# -- the comparison ---------------------------------------------------------------------


def main() -> None:
    import multiprocessing as mp
    import statistics

    from tests.benchmarks.bench_polling import HOSTS as SERVED_HOSTS
    from tests.benchmarks.bench_polling import serve
    from tests.benchmarks.sidebyside import ROOT, Worker, before, interleave

    assert SERVED_HOSTS == HOSTS
    parent, child = mp.Pipe()
    port_in, port_out = mp.Pipe()
    server = mp.get_context("spawn").Process(
        target=serve, args=(child, port_out, FEEDS, LATENCY), daemon=True
    )
    server.start()
    port = port_in.recv()
    old = before()
    trees = {"in-process": old or ROOT, "worker pool": ROOT}
    if old is not None:
        trees = {"in-process": old, "worker pool, before": old, "worker pool": ROOT}
        if not (old / "tracker" / "sandbox.py").exists():  # before the sandbox: no pool
            del trees["worker pool, before"]
    trees.update((alone, ROOT) for alone in ALONE)
    workers = {
        name: Worker(name.split(",")[0], port, tree=tree, script=HERE)
        for name, tree in trees.items()
    }
    print(
        f"  {FEEDS} feeds on {HOSTS} loopback hosts, {1000 * LATENCY:.0f} ms added latency each,"
        f" {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    for name, tree in trees.items():
        print(f"  {name}: {tree}")

    def checked(worker: Worker) -> Callable[[], dict[str, Any]]:
        def run() -> dict[str, Any]:
            served = _cpu_of(server.pid)  # type: ignore[arg-type]
            report = worker()
            assert not report["errors"], report["errors"]
            return {**report, "server": _cpu_of(server.pid) - served}  # type: ignore[arg-type]

        return run

    try:
        samples = interleave({n: checked(w) for n, w in workers.items()}, ROUNDS, warmup=0)
    finally:
        for w in workers.values():
            w.close()
        parent.send("stop")
        server.join(10)
    medians = {}
    for name, runs in samples.items():
        wall, cpu, pool, served = (
            statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "workers", "server")
        )
        medians[name] = (wall, cpu, pool)
        print(
            f"  {name:20}  wall {wall:6.2f} s  CPU: polling process {cpu:6.2f} s"
            f" + workers {pool:6.2f} s = {cpu + pool:6.2f} s"
            f"  cores busy {(cpu + pool) / wall:4.2f} ({(cpu + pool + served) / wall:4.2f} with"
            f" the feed server's {served:5.2f} s)"
            f"  CPU per feed {1000 * (cpu + pool) / FEEDS:5.2f} ms"
            f" ({1000 * cpu / FEEDS:5.2f} ms in the polling process);"
            f" {'entries' if name in trees and name not in ALONE[1:] else 'bytes read'}"
            f" {sorted({r['stored'] for r in runs})}"
        )
    base = medians["in-process"]
    for name, (wall, cpu, pool) in medians.items():
        if name != "in-process":
            print(
                f"  {name} vs in-process: wall {wall / base[0]:.2f}x,"
                f" CPU per feed {(cpu + pool) / (base[1] + base[2]):.2f}x,"
                f" CPU in the polling process {cpu / base[1]:.2f}x"
            )
    floor = sum(medians[f][1] for f in FLOORS)
    print(
        f"  floor (feedparser alone + httpx alone): {1000 * floor / FEEDS:5.2f} ms per feed,"
        f" {floor / (base[1] + base[2]):.2f}x in-process (halved would be 0.50x:"
        f" {500 * (base[1] + base[2]) / FEEDS:5.2f} ms)"
    )
    if "worker pool, before" in medians:
        (w0, c0, p0), (w1, c1, p1) = medians["worker pool, before"], medians["worker pool"]
        print(
            f"  worker pool vs worker pool, before: wall {w1 / w0:.2f}x,"
            f" CPU per feed {(c1 + p1) / (c0 + p0):.2f}x, CPU in the polling process {c1 / c0:.2f}x"
        )


if __name__ == "__main__":
    if len(sys.argv) == 4:  # a candidate, started by main() through sidebyside.Worker
        candidate(sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()
