"""Two versions of the code side by side: a worker process per version (worker.py), set
up once, then timed alternately, round after round, as timing.compare does in-process.

The version from before is a checkout named by $BENCH_BEFORE (e.g. a `git worktree` of
the commit to compare with); without it only the current code is measured."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "worker.py"


def before() -> Path | None:
    """The checkout of the code from before, if one is named."""
    value = os.environ.get("BENCH_BEFORE")
    return Path(value).resolve() if value else None


class Worker:
    """One version of the code in its own process, set up for one measurement."""

    def __init__(self, kind: str, *args: int, tree: Path = ROOT, script: Path = WORKER) -> None:
        """`script` (run by path) speaks the protocol of worker.py, which it defaults to."""
        self.folder = tempfile.TemporaryDirectory(prefix=f"bench-{kind.replace(' ', '-')}-")
        env = {**os.environ, "PYTHONPATH": str(tree)}
        command = [sys.executable, str(script), kind, *map(str, args), self.folder.name]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=tree
        )
        self.name = f"worker {kind} ({tree})"
        self.ready = False  # set-ups run at the same time; the first call waits for its own

    def __call__(self) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        if not self.ready:
            if self.process.stdout.readline().strip() != "ready":
                raise RuntimeError(f"{self.name} failed to start")
            self.ready = True
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        result: dict[str, Any] = json.loads(self.process.stdout.readline())
        return result

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)
        self.folder.cleanup()


def interleave(
    candidates: dict[str, Callable[[], dict[str, Any]]], rounds: int, warmup: int = 1
) -> dict[str, list[dict[str, Any]]]:
    """Every candidate once per round, in turn; what each reported, round by round."""
    for _ in range(warmup):
        for fn in candidates.values():
            fn()
    samples: dict[str, list[dict[str, Any]]] = {name: [] for name in candidates}
    for _ in range(rounds):
        for name, fn in candidates.items():
            samples[name].append(fn())
    return samples


def median(samples: list[dict[str, Any]], key: str = "seconds") -> float:
    return statistics.median(s[key] for s in samples)
