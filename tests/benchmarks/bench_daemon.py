"""The daemon's evaluate+deliver while history grows: flat, not growing with findings.

A worker (tests/benchmarks/worker.py) holds a database of 1,000 watched officials; each
round stores the next slice of generated findings (3,000 entries, 12,000 findings: about
a day of 50 busy feeds), then times one evaluation and one delivery to the outbox as of
the end of that slice. With $BENCH_BEFORE naming a checkout of older code, that code
runs the same slices side by side. Printed: the time at each size of history, and the
last slices' median over the first slices' (flat is about 1x).
"""

from __future__ import annotations

import os
import statistics
from typing import Any

from tests.benchmarks.sidebyside import Worker, before, interleave

SLICES = int(os.environ.get("BENCH_SLICES", "30"))
OFFICIALS = 1_000


def main() -> None:
    old = before()
    workers: dict[str, Any] = {"now": Worker("daemon", OFFICIALS)}
    if old is not None:
        workers["before"] = Worker("daemon", OFFICIALS, tree=old)
    try:
        samples = interleave(workers, SLICES, warmup=0)
    finally:
        for w in workers.values():
            w.close()
    names = list(samples)
    print("  findings stored  " + "  ".join(f"{n:>24}" for n in names))
    for i in range(SLICES):
        if i % max(1, SLICES // 10) == 0 or i == SLICES - 1:
            row = samples[names[0]][i]
            cells = "  ".join(
                f"{samples[n][i]['seconds'] * 1000:7.0f} ms ({samples[n][i].get('alerts', 0):4} alerts)"
                for n in names
            )
            print(f"  {row['findings']:>15,}  {cells}")
    k = max(1, SLICES // 5)
    for n in names:
        first = statistics.median(s["seconds"] for s in samples[n][:k])
        last = statistics.median(s["seconds"] for s in samples[n][-k:])
        print(f"  => {n}: last {k} slices / first {k}: {last / first:.2f}x")
        # the slices make different numbers of alerts (each rendered with its context and
        # delivered): per alert made, the cost that history could make grow
        if all(s.get("alerts") for s in samples[n]):
            first = statistics.median(s["seconds"] / s["alerts"] for s in samples[n][:k])
            last = statistics.median(s["seconds"] / s["alerts"] for s in samples[n][-k:])
            print(f"     per alert made: last {k} / first {k}: {last / first:.2f}x")


if __name__ == "__main__":
    main()
