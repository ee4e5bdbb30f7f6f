"""Run every benchmark module (bench_*.py) in this folder, or those named on the command line."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

here = Path(__file__).parent
names = sys.argv[1:] or sorted(p.stem for p in here.glob("bench_*.py"))
for name in names:
    module = importlib.import_module(f"tests.benchmarks.{name}")
    print(f"== {name}: {(module.__doc__ or '').strip().splitlines()[0]}")
    module.main()
    print()
