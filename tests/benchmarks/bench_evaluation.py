"""Evaluation with a watchlist of 10,000 (and 1,000) on a nearly empty database, against a fixed reference workload.

What `import`, `poll`, the daemon and `replay` run after each pass: statuses of every
official, alert decisions, alerts stored. Each size runs in a worker process set up once
(tests/benchmarks/worker.py); with $BENCH_BEFORE naming a checkout of older code, that
code runs too, side by side, interleaved round by round. The reference workload (a JSON
round trip of 20,000 small records, in this process) is timed in the same rounds, so the
ratio says how the evaluation compares with a fixed amount of Python work on this machine
at this moment; the absolute median is printed too (wanted: under 0.5 s at 10,000).
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from tests.benchmarks.sidebyside import Worker, before, interleave, median

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
DOCUMENT = [
    {"id": i, "name": f"record {i}", "score": i * 0.5, "tags": ["a", "b"]} for i in range(20_000)
]


def reference() -> dict[str, Any]:
    start = time.perf_counter()
    json.loads(json.dumps(DOCUMENT))
    return {"seconds": time.perf_counter() - start}


def main() -> None:
    old = before()
    workers: dict[str, Any] = {}
    try:
        for size in (1_000, 10_000):
            workers[f"evaluate, {size:,} officials"] = Worker("evaluate", size)
            if old is not None:
                workers[f"evaluate, {size:,} officials (before)"] = Worker(
                    "evaluate", size, tree=old
                )
        samples = interleave({"reference (JSON round trip)": reference, **workers}, ROUNDS)
    finally:
        for w in workers.values():
            w.close()
    base = median(samples["reference (JSON round trip)"])
    width = max(map(len, samples))
    for name, values in samples.items():
        m = median(values)
        print(f"  {name.ljust(width)}  {m / base:7.2f}x reference  ({m * 1000:9.1f} ms median)")
    if old is not None:
        for size in (1_000, 10_000):
            now = median(samples[f"evaluate, {size:,} officials"])
            then = median(samples[f"evaluate, {size:,} officials (before)"])
            print(f"  => {size:,} officials: {then / now:.1f}x faster than before")


if __name__ == "__main__":
    main()
