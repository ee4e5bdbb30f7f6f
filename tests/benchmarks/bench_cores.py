"""A first poll of 2,000 feeds (3 entries each, 50 hosts, 100 ms away): parsing and
recognition in the worker pool vs in the polling process, side by side.

"in-process" is how polling worked before the sandbox: every document parsed and
recognised on one work thread of the polling process (reproduced here by running the
sandbox's own functions on that thread). "worker pool" is tracker/sandbox.py. Both poll
the same feeds from a fresh database with the same manners (concurrency 50, per host
2) and store the same entries. Printed per run: wall time; CPU seconds of the polling
process and of the pool's workers (read from /proc); cores busy = CPU / wall; CPU per
feed. BENCH_FEEDS and BENCH_ROUNDS change the size.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from tests.benchmarks.bench_polling import HOSTS, hosts, serve
from tracker import sandbox
from tracker.config import parse_config
from tracker.jobs import Tracker
from tracker.recognize import Recognizer
from tracker.store.engine import open_engine

FEEDS = int(os.environ.get("BENCH_FEEDS", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
NOW = datetime(2025, 11, 5, tzinfo=UTC)
T = TypeVar("T")
TICKS = os.sysconf("SC_CLK_TCK")


class InProcess(sandbox.Sandbox):
    """The old way, for comparison only: the same functions, on one thread here."""

    def __init__(self, officials: Any) -> None:
        super().__init__(officials)
        self._thread = ThreadPoolExecutor(1)
        sandbox._recognizer = Recognizer(officials)

    async def _run(self, what: str, size: int, fn: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn, *args)

    def close(self) -> None:
        self._thread.shutdown()


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


def main() -> None:
    parent, child = mp.Pipe()
    port_in, port_out = mp.Pipe()
    server = mp.get_context("spawn").Process(
        target=serve, args=(child, port_out, FEEDS), daemon=True
    )
    server.start()
    port = port_in.recv()
    urls = [f"http://{hosts()[n % HOSTS]}:{port}/feed{n}.xml" for n in range(FEEDS)]
    folder = Path(tempfile.mkdtemp(prefix="bench-cores-"))

    def tracker(kind: str) -> Tracker:
        data = {
            "feeds": [{"url": u} for u in urls],
            "officials": [{"name": "Sergey Lavrov"}],
            "polling": {"concurrency": 50, "per_host": 2},
        }
        config = parse_config(data, path=None, env={})
        db = folder / f"{kind}-{random.random():.9f}.db"
        t = Tracker(config, open_engine(f"sqlite:///{db}"), now=NOW)
        if kind == "in-process":
            t.sandbox = InProcess(config.officials)
        return t

    runs: dict[str, list[tuple[float, float, float, int]]] = {"in-process": [], "worker pool": []}
    print(
        f"  {FEEDS} feeds on {HOSTS} loopback hosts, 100 ms added latency each, {os.cpu_count()} cores"
    )
    for _ in range(ROUNDS):
        for kind in runs:
            t = tracker(kind)
            if kind == "worker pool":  # start the pool outside the timed part
                asyncio.run(t.sandbox.recognize([]))
                t.sandbox._get_pool()
            workers_before = _workers_cpu()
            cpu_before, started = time.process_time(), time.perf_counter()
            results = t.poll(NOW)
            wall = time.perf_counter() - started
            cpu = time.process_time() - cpu_before
            workers = _workers_cpu() - workers_before if kind == "worker pool" else 0.0
            stored = sum(r.new_entries for r in results)
            assert all(r.error is None for r in results), [r.error for r in results if r.error][:3]
            runs[kind].append((wall, cpu, workers, stored))
            t.close()
    medians = {}
    for kind, samples in runs.items():
        wall = statistics.median(s[0] for s in samples)
        cpu = statistics.median(s[1] for s in samples)
        workers = statistics.median(s[2] for s in samples)
        stored = sorted({s[3] for s in samples})
        medians[kind] = (wall, cpu, workers)
        print(
            f"  {kind:12}  wall {wall:6.2f} s  CPU: polling process {cpu:6.2f} s"
            f" + workers {workers:6.2f} s = {cpu + workers:6.2f} s"
            f"  cores busy {(cpu + workers) / wall:4.2f}"
            f"  CPU per feed {1000 * (cpu + workers) / FEEDS:5.2f} ms"
            f" ({1000 * cpu / FEEDS:5.2f} ms in the polling process); entries stored {stored}"
        )
    old, new = medians["in-process"], medians["worker pool"]
    print(
        f"  worker pool vs in-process: wall {new[0] / old[0]:.2f}x,"
        f" CPU in the polling process {new[1] / old[1]:.2f}x,"
        f" cores busy {(new[1] + new[2]) / new[0]:.2f} vs {(old[1] + old[2]) / old[0]:.2f}"
    )
    parent.send("stop")
    server.join(10)


if __name__ == "__main__":
    main()
