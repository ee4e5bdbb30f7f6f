"""`tracker rescan` of 50,000 stored entries for 1,000 officials, against the code from before.

A worker (tests/benchmarks/worker.py) stores $BENCH_ENTRIES entries (default 50,000)
of eight sentences (a third of them naming two of 1,000 invented officials in most
sentences, the others nobody watched), reads them once, then
times full rescans (which replace every finding). With $BENCH_BEFORE naming a checkout
of older code, that code rescans the same entries side by side, round by round. Also
printed: the cores each version kept busy (CPU seconds of the process and of its
recognition workers, per second of wall time), and the share of the time spent in
recognition in the process itself (the older code's only place for it).
"""

from __future__ import annotations

import os
from typing import Any

from tests.benchmarks.sidebyside import Worker, before, interleave, median

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "50000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1"))
OFFICIALS = 1_000


def main() -> None:
    old = before()
    workers: dict[str, Any] = {"rescan now": Worker("rescan", OFFICIALS, ENTRIES)}
    if old is not None:
        workers["rescan before"] = Worker("rescan", OFFICIALS, ENTRIES, tree=old)
    try:
        samples = interleave(workers, ROUNDS, warmup=0)
    finally:
        for w in workers.values():
            w.close()
    print(f"  {ENTRIES:,} entries, {OFFICIALS:,} officials, {ROUNDS} round(s), medians")
    for name, values in samples.items():
        seconds = median(values)
        share = median(values, "recognition") / seconds
        print(
            f"  {name:14}  {seconds:8.1f} s  {seconds / ENTRIES * 1000:6.2f} ms/entry"
            f"  cores used {median(values, 'cores'):4.2f}"
            f"  (CPU: {median(values, 'cpu'):.1f} s in the process,"
            f" {median(values, 'workers_cpu'):.1f} s in its workers;"
            f" in-process recognition {share:5.1%} of the time)"
            f"  {values[0]['findings']:,} findings"
        )
    print(
        f"  {os.cpu_count()} cores; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    if old is not None:
        ratio = median(samples["rescan before"]) / median(samples["rescan now"])
        print(f"  => {ratio:.1f}x faster than before (wanted: at least 3x)")


if __name__ == "__main__":
    main()
