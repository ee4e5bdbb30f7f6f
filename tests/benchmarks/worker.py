"""A benchmark worker: one version of the code (whichever `tracker` is first on
PYTHONPATH) set up once, then timed on request, so that two versions run side by side,
interleaved, round after round (tests/benchmarks/sidebyside.py drives it).

Run by file path, not as a module: with PYTHONPATH set to an older checkout, `tests`
would be that checkout's. Protocol: one line "ready" after set-up; then for each line
read, one line of JSON with the seconds measured (and what was measured).

    python tests/benchmarks/worker.py evaluate OFFICIALS FOLDER
    python tests/benchmarks/worker.py daemon OFFICIALS FOLDER
    python tests/benchmarks/worker.py rescan OFFICIALS ENTRIES FOLDER
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _by_path(name: str, path: Path) -> Any:
    """A module of this checkout's tests, whichever `tests` is on the path."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bulkdb = _by_path("bulkdb", HERE.parent / "bulkdb.py")
SENTENCES = _by_path("bench_texts", HERE / "texts.py").SENTENCES

from sqlalchemy import text  # noqa: E402

from tracker.config import parse_config  # noqa: E402
from tracker.jobs import Tracker  # noqa: E402
from tracker.store.engine import open_engine  # noqa: E402

FIRST = [
    "Adrian",
    "Bela",
    "Cyrus",
    "Dorian",
    "Emil",
    "Farid",
    "Gideon",
    "Hallan",
    "Ivo",
    "Jarek",
    "Kasimir",
    "Lorcan",
    "Matteo",
    "Nandor",
    "Orrin",
    "Pavel",
    "Quill",
    "Radek",
    "Soren",
    "Tamas",
    "Ulric",
    "Viggo",
    "Wendel",
    "Xaver",
    "Yorick",
    "Zoltan",
    "Alina",
    "Brisa",
    "Corin",
    "Dalia",
    "Elke",
    "Fenna",
    "Greta",
    "Hedda",
    "Inka",
    "Jolene",
    "Kira",
    "Lumi",
    "Mirela",
    "Nadia",
]
LAST = [
    "Arkwright",
    "Belmonte",
    "Corvell",
    "Dravik",
    "Esterhal",
    "Falkner",
    "Grimsby",
    "Holloway",
    "Ivanek",
    "Jastrow",
    "Kettering",
    "Lindqvist",
    "Morandi",
    "Novak",
    "Oberlin",
    "Pellegrin",
    "Quarles",
    "Rasmusen",
    "Stavros",
    "Thornby",
    "Umberfield",
    "Valcourt",
    "Whitmore",
    "Yarrow",
    "Zelinski",
]


def person(i: int) -> str:
    """Invented two-word names, distinct for i < 1,000."""
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"


def _tracker(folder: Path, names: list[str], now: datetime) -> Tracker:
    config = parse_config(
        {
            "database": f"sqlite:///{folder / 'bench.db'}",
            "outbox": str(folder / "outbox"),
            "officials": [{"name": n, "threshold": "10d"} for n in names],
            "alerts": {"repeat_every": "7d"},
        },
        path=None,
        env={},
    )
    return Tracker(config, open_engine(config.database), now=now)


def evaluate(officials: int, folder: Path) -> Callable[[], dict[str, Any]]:
    """Evaluation with a large watchlist on a nearly empty database (a few hundred
    findings of the generated kind)."""
    engine = open_engine(f"sqlite:///{folder / 'bench.db'}")
    bulkdb.build(engine, officials=officials, findings=400)
    engine.dispose()
    end = bulkdb.end_of_history()
    tracker = _tracker(folder, [bulkdb.official_name(i) for i in range(officials)], end)
    tracker.evaluate(end, end)  # the first pass stores the alerts it makes due

    def run() -> dict[str, Any]:
        # as after a change to history: nothing remembered is recalled (tracker/store/memo.py;
        # older code side by side has no such table)
        with tracker.engine.begin() as conn:
            if tracker.engine.dialect.has_table(conn, "history_version"):
                conn.execute(text("UPDATE history_version SET version = version + 1"))
        start = time.perf_counter()
        tracker.evaluate(end, end)
        return {"seconds": time.perf_counter() - start}

    return run


def daemon(officials: int, folder: Path) -> Callable[[], dict[str, Any]]:
    """The daemon's evaluate+deliver while history grows: each call stores the next
    slice of generated findings (about a day of 50 feeds), then times one evaluate and
    one delivery as of the end of that slice."""
    engine = open_engine(f"sqlite:///{folder / 'bench.db'}")
    bulkdb.build(engine, officials=officials, findings=0)
    with engine.begin() as conn:  # officials and outlets only: the slices bring the rest
        conn.execute(text("DELETE FROM finding"))
        conn.execute(text("DELETE FROM entry"))
        # and no planner statistics, as in a tracker's own database (nothing in it runs
        # ANALYZE): bulkdb's ANALYZE of the empty tables would tell SQLite that `finding`
        # holds 4 rows, and it then scans finding x entry for every evaluation
        conn.execute(text("DROP TABLE IF EXISTS sqlite_stat1"))
    rows = bulkdb._rows(officials, 400_000, 3, True)
    step = bulkdb.DAYS / 100_000  # days per entry
    tracker = _tracker(folder, [bulkdb.official_name(i) for i in range(officials)], bulkdb.START)
    state = {"findings": 0, "entries": 0}

    def run() -> dict[str, Any]:
        entries, findings = [], []
        for _ in range(3_000):  # 3,000 entries, 12,000 findings a slice
            entry, found = next(rows)
            entries.append(entry)
            findings += found
        with engine.begin() as conn:
            for table, names, batch in (
                ("entry", bulkdb.ENTRY_COLUMNS, entries),
                ("finding", bulkdb.FINDING_COLUMNS, findings),
            ):
                marks = ", ".join("?" for _ in names)
                sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
                conn.connection.dbapi_connection.cursor().executemany(sql, batch)
        state["entries"] += len(entries)
        state["findings"] += len(findings)
        now = bulkdb.START + timedelta(days=step * state["entries"])
        start = time.perf_counter()
        made = len(tracker.evaluate(now, now).alerts)
        tracker.deliver(now)
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "findings": state["findings"], "alerts": made}

    return run


def rescan(officials: int, entries: int, folder: Path) -> Callable[[], dict[str, Any]]:
    """`rescan` of every stored entry for the whole watchlist; entries of eight sentences,
    a third of them naming two officials in most sentences, the others nobody watched
    (as a general news feed)."""
    from tracker.rescan import rescan as run_rescan

    names = [person(i) for i in range(officials)]
    start_time = datetime(2025, 1, 1, tzinfo=UTC)
    tracker = _tracker(folder, names, start_time)
    rng = random.Random(5)

    def stories() -> Any:
        for e in range(1, entries + 1):
            a, b = rng.sample(names, 2) if e % 3 == 0 else ("The minister", "the envoy")
            text = " ".join(rng.choice(SENTENCES).format(a=a, b=b) for _ in range(8))
            yield f"{a} and {b}, story {e}", text, start_time + timedelta(minutes=10 * e)

    bulkdb.store_entries(tracker.engine, "https://wire.example/rss", stories())
    recognizer = tracker.recognizer
    spent = [0.0]
    findings = recognizer.findings

    def timed(entry: Any) -> Any:
        start = time.perf_counter()
        try:
            return findings(entry)
        finally:
            spent[0] += time.perf_counter() - start

    recognizer.findings = timed  # type: ignore[method-assign]
    run_rescan(tracker)  # the first pass stores the findings; the timed ones replace them

    def run() -> dict[str, Any]:
        spent[0] = 0.0
        own, others = time.process_time(), _descendants_cpu()
        start = time.perf_counter()
        result = run_rescan(tracker)
        seconds = time.perf_counter() - start
        own, others = time.process_time() - own, _descendants_cpu() - others
        return {
            "seconds": seconds,
            "recognition": spent[0],  # in this process (the older code's only place)
            "findings": result.findings,
            "cpu": own,
            "workers_cpu": others,  # the recognition workers', where the code has them
            "cores": (own + others) / seconds,
        }

    return run


def _descendants_cpu() -> float:
    """CPU seconds used so far by the processes below this one that are alive now (the
    sandbox's workers are the forkserver's children), read from /proc (Linux)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        pid = int(stat.parent.name)
        parents[pid], ticks[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
    below, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - below
        below |= frontier
    return sum(ticks[pid] for pid in below) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    kind, *args = sys.argv[1:]
    folder = Path(args[-1])
    numbers = [int(a) for a in args[:-1]]
    run = {"evaluate": evaluate, "daemon": daemon, "rescan": rescan}[kind](*numbers, folder)
    print("ready", flush=True)
    for _ in sys.stdin:
        print(json.dumps(run()), flush=True)


if __name__ == "__main__":
    main()
