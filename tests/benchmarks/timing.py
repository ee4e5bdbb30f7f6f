"""Side-by-side timing: candidates run interleaved, round after round, medians compared."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def compare(
    candidates: dict[str, Callable[[], object]], rounds: int = 15, warmup: int = 2
) -> dict[str, float]:
    """Median seconds per call of each candidate, measured alternately in the same rounds."""
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(rounds):
        for name, fn in candidates.items():
            start = time.perf_counter()
            fn()
            samples[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in samples.items()}


def report(medians: dict[str, float], baseline: str) -> None:
    base = medians[baseline]
    width = max(len(n) for n in medians)
    for name, value in medians.items():
        print(f"  {name.ljust(width)}  {value / base:6.2f}x  ({value * 1000:8.2f} ms median)")
