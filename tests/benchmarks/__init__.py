"""Benchmarks: run all with `.venv/bin/python -m tests.benchmarks` (see docs/performance.md).

Each benchmark measures the things it compares side by side in one run, interleaved,
and prints ratios: absolute times drift on a shared machine, ratios much less.
"""
