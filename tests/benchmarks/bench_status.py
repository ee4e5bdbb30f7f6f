"""`tracker status` (table, --json, --as-of) with 1,000 officials at 10k, 100k and 1M findings, against `python -c "import typer, sqlmodel"`.

Both trees are byte-compiled first, as an installed package is (with
PYTHONDONTWRITEBYTECODE set, every run would compile the tracker's modules again).

Each database is generated with bulk SQL (tests/bulkdb.py: invented officials, outlets
and sentences; a million findings in well under a minute) in a temporary folder. Every
command runs as a user runs it, in a fresh interpreter, interleaved round by round with
the baseline (the import floor of any command built on typer and SQLModel). Flat in
history means the ratio stays put from 10k to 1M findings; wanted: at most 1.3x.

With $BENCH_BEFORE naming a checkout of older code, `status` of that code runs on a copy
of the 1M database with that version's indexes (side by side, same rounds). Set
$BENCH_SIZES (e.g. "10000,100000") to measure fewer sizes. $BENCH_BEFORE_INDEXES=same keeps
this version's indexes on that copy (for older code that already has them, e.g. main
before a change to the queries).

`status` recalls what it read from history while nothing changed (tracker/store/memo.py):
the daemon's evaluation after each poll remembers it, so a person's `status` between polls
recalls it. "history read again" times the other case, the first `status` after a change:
before each of its runs the reading of "now" is forgotten, so it reads history and
remembers it again (the forgetting happens in this process, outside the CPU counted).
`--as-of` asks about an earlier moment, remembered because a person asked for it; its first
run in the rounds (a warm-up) reads history.

$BENCH_CORRECTIONS=N (N > 0) also times `status` on a copy of the largest database with
corrections by hand in force: the latest sighting of N officials rejected, N/4 absence
reports not about their official, one sighting by hand (tests/bulkdb.py).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from tests.benchmarks.sidebyside import ROOT, before
from tests.benchmarks.timing import compare, report
from tests.bulkdb import add_corrections, build, end_of_history, official_name
from tracker.store.engine import open_engine

OFFICIALS = 1_000
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
CORRECTIONS = int(os.environ.get("BENCH_CORRECTIONS", "0"))
SAME_INDEXES = os.environ.get("BENCH_BEFORE_INDEXES") == "same"
# the indexes of the code before issue 11 (tracker/store/tables.py at 6709aec)
OLD_INDEXES = """
DROP INDEX IF EXISTS ix_finding_last_seen; DROP INDEX IF EXISTS ix_finding_official_kind_published;
DROP INDEX IF EXISTS ix_entry_url; DROP INDEX IF EXISTS ix_entry_guid; DROP INDEX IF EXISTS ix_entry_published;
CREATE INDEX ix_finding_official_kind_day ON finding (official_id, kind, day);
CREATE INDEX ix_finding_entry_id ON finding (entry_id);
CREATE INDEX ix_finding_official_id ON finding (official_id);
CREATE INDEX ix_finding_kind ON finding (kind);
ANALYZE;
"""


def _config(folder: Path, database: Path) -> Path:
    path = folder / f"{database.stem}.toml"
    lines = [f'database = "sqlite:///{database}"']
    for i in range(OFFICIALS):
        lines += ["[[officials]]", f'name = "{official_name(i)}"', 'threshold = "10d"']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _command(
    args: list[str], tree: Path = ROOT, prepare: Callable[[], None] | None = None
) -> Callable[[], object]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKER_")}
    env["PYTHONPATH"] = str(tree)

    def run() -> object:
        if prepare is not None:
            prepare()
        done = subprocess.run(args, env=env, cwd=tree, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)}: {done.stderr.strip()[-500:]}")
        return done

    return run


def _forget_now(database: Path) -> Callable[[], None]:
    """Forget the remembered reading of "now", as a change to history would."""

    def forget() -> None:
        with sqlite3.connect(database) as db:
            db.execute("DELETE FROM evaluation_memo WHERE NOT past")

    return forget


def _revision(tree: Path) -> str:
    """The newest schema revision of the code in `tree`."""
    version = tree / "tracker/store/schema_version.py"
    if not version.exists():
        raise SystemExit(
            f"bench_status: BENCH_BEFORE={tree} predates schema migrations (f2b4fe4): its"
            " status cannot open a database built now; name a checkout from f2b4fe4 on"
        )
    found = re.search(r'^HEAD = "(\w+)"', version.read_text(), re.M)
    assert found, f"no HEAD in {tree}"
    return found.group(1)


def _downgrade(url: str, revision: str) -> None:
    """The database at the older code's revision, so that the older code can open it."""
    from tracker.store.engine import connect, schema_lock
    from tracker.store.migrations import runner

    engine = connect(url)
    try:
        with schema_lock(engine) as conn:
            if runner.current(conn) != revision:
                runner.downgrade(conn, revision)
    finally:
        engine.dispose()


def _cpu_counted(
    name: str, run: Callable[[], object], cpu: dict[str, list[float]]
) -> Callable[[], object]:
    """`run`, also noting the CPU time (user + system) its child process took: under a
    shared machine's load CPU time drifts far less than wall time."""

    def counted() -> object:
        start = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = run()
        end = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = end.ru_utime - start.ru_utime + end.ru_stime - start.ru_stime
        cpu.setdefault(name, []).append(used)
        return out

    return counted


def main() -> None:
    old = before()
    for tree in (ROOT, *([old] if old is not None else [])):  # bytecode, as an install has it
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(tree / "tracker")], check=True
        )
    as_of = (end_of_history() - timedelta(days=30)).date().isoformat()
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="bench-status-") as name:
        folder = Path(name)
        candidates: dict[str, Callable[[], object]] = {
            'python -c "import typer, sqlmodel" (baseline)': _command(
                [python, "-c", "import typer, sqlmodel"]
            ),
            # the floor without the interpreter's teardown, which `status` skips
            # (tracker/startup.py): how much of the ratio that part is
            "the baseline ending with os._exit(0) (no teardown)": _command(
                [python, "-c", "import os, typer, sqlmodel; os._exit(0)"]
            ),
        }
        for size in SIZES:
            database = folder / f"status-{size}.db"
            engine = open_engine(f"sqlite:///{database}")
            start = time.perf_counter()
            built = build(engine, officials=OFFICIALS, findings=size)
            engine.dispose()
            print(
                f"  built {built.findings:,} findings ({built.entries:,} entries) in"
                f" {time.perf_counter() - start:.1f} s, {database.stat().st_size / 2**20:.0f} MiB"
            )
            config = str(_config(folder, database))
            tracker = [python, "-m", "tracker", "--config", config]
            label = f"{size // 1000:,}k findings" if size < 10**6 else f"{size // 10**6}M findings"
            candidates[f"status, {label}"] = _command([*tracker, "status"])
            candidates[f"status, {label}, history read again"] = _command(
                [*tracker, "status"], prepare=_forget_now(database)
            )
            candidates[f"status --json, {label}"] = _command([*tracker, "status", "--json"])
            candidates[f"status --as-of {as_of}, {label}"] = _command(
                [*tracker, "status", "--as-of", as_of]
            )
            if CORRECTIONS and size == max(SIZES):
                corrected = folder / f"corrected-{size}.db"
                shutil.copy(database, corrected)
                engine = open_engine(f"sqlite:///{corrected}")
                aside = add_corrections(engine, rejected=CORRECTIONS, away=CORRECTIONS // 4)
                engine.dispose()
                print(f"  {len(aside)} findings set aside by corrections in force")
                corrected_config = str(_config(folder, corrected))
                candidates[f"status, {label}, {CORRECTIONS} corrections"] = _command(
                    [python, "-m", "tracker", "--config", corrected_config, "status"]
                )
            if old is not None and size == max(SIZES):
                copy = folder / f"before-{size}.db"
                shutil.copy(database, copy)
                _downgrade(f"sqlite:///{copy}", _revision(old))
                with sqlite3.connect(copy) as db:
                    db.executescript("ANALYZE;" if SAME_INDEXES else OLD_INDEXES)
                old_config = str(_config(folder, copy))
                old_tracker = [python, "-m", "tracker", "--config", old_config]
                candidates[f"status, {label} (before)"] = _command(
                    [*old_tracker, "status"], tree=old
                )
        cpu: dict[str, list[float]] = {}
        counted = {name: _cpu_counted(name, run, cpu) for name, run in candidates.items()}
        medians = compare(counted, rounds=ROUNDS, warmup=1)
    baseline = 'python -c "import typer, sqlmodel" (baseline)'
    print("  wall time:")
    report(medians, baseline)
    print("  CPU time (user + system of the command's process):")
    report({name: statistics.median(values) for name, values in cpu.items()}, baseline)


if __name__ == "__main__":
    main()
