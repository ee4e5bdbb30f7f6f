"""CLI start-up: `--help`, `--version` and `status` on an empty database vs their import floors.

Each candidate is a fresh interpreter (a subprocess), as a user's shell runs it; the
candidates run interleaved, round after round, and medians are compared. The floors are
`python -c "import typer"` for `--help`/`--version` (wanted <= 1.1x) and
`python -c "import typer, sqlmodel"` for `status` (wanted <= 1.3x); each floor is also
timed ending with `os._exit(0)`, without the interpreter's teardown, which the read
commands skip (tracker/startup.py), to show what that part is. `--help` and
`--version` run both as `python -m tracker` and through the `tracker` script pip
installed in this interpreter's bin (what a user types). Wall time is the
measure; the CPU time of each child (user + system, from getrusage) is printed beside
it, as it drifts less when other jobs share the cores.

Set TRACKER_BEFORE to another checkout of the repository (e.g. a `git worktree add` of
an older commit) to time its CLI in the same rounds: its `tracker` package is put first
on PYTHONPATH, everything else (interpreter, libraries) is shared. Both trees are
byte-compiled first, as an installed package is (with PYTHONDONTWRITEBYTECODE set,
stale or missing .pyc files would be compiled again on every run).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.timing import compare, report

ROUNDS, WARMUP = int(os.environ.get("BENCH_ROUNDS", "21")), 2

CONFIG = """\
database = "sqlite:///empty.db"
outbox = "outbox"

[[officials]]
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov"]

[[officials]]
name = "Jean-Noël Barrot"

[[officials]]
name = "Maria Zakharova"
"""


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def runner(
    args: list[str], cwd: Path, pythonpath: str | None = None, cpu: list[float] | None = None
) -> Callable[[], object]:
    """One fresh interpreter per call; with `pythonpath`, that checkout's tracker."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath

    def run() -> object:
        before = child_cpu()
        done = subprocess.run(
            [sys.executable, *args], cwd=cwd, env=env, capture_output=True, check=False
        )
        if cpu is not None:
            cpu.append(child_cpu() - before)
        assert done.returncode == 0, done.stderr.decode()[-500:]
        return done

    return run


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-cli-"))
    (folder / "c.toml").write_text(CONFIG, encoding="utf-8")
    before = os.environ.get("TRACKER_BEFORE")
    here = str(Path(__file__).resolve().parents[2])  # this checkout, whatever is installed
    trees = {"": here, **({"before ": str(Path(before).resolve())} if before else {})}
    status = ["-m", "tracker", "--config", "c.toml", "status"]
    for path in trees.values():  # bytecode as an install has it; the empty database
        package = Path(path) / "tracker"
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True)
        runner(status, folder, path)()

    cpu: dict[str, list[float]] = {}

    def timed(name: str, args: list[str], path: str | None = None) -> Callable[[], object]:
        return runner(args, folder, path, cpu.setdefault(name, []))

    typer_floor, sql_floor = 'python -c "import typer"', 'python -c "import typer, sqlmodel"'
    help_runs = {typer_floor: timed(typer_floor, ["-c", "import typer"])}
    status_runs = {sql_floor: timed(sql_floor, ["-c", "import typer, sqlmodel"])}
    # the floors without the interpreter's teardown, which the read commands skip
    # (tracker/startup.py): what the commands cost beyond the imports, teardown aside
    for runs, modules in ((help_runs, "typer"), (status_runs, "typer, sqlmodel")):
        name = f'python -c "import {modules}; os._exit(0)" (floor, no teardown)'
        runs[name] = timed(name, ["-c", f"import os, {modules}; os._exit(0)"])
    # the `tracker` script pip installs (what a user types), beside `python -m tracker`
    script = Path(sys.executable).parent / "tracker"
    for tag, path in trees.items():
        for flag in ("--help", "--version"):
            name = f"{tag}python -m tracker {flag}"
            help_runs[name] = timed(name, ["-m", "tracker", flag], path)
            if script.exists():
                name = f"{tag}tracker {flag} (installed script)"
                help_runs[name] = timed(name, [str(script), flag], path)
        name = f"{tag}tracker status (empty db)"
        status_runs[name] = timed(name, status, path)

    for title, runs, floor in (
        ("--help / --version (wanted <= 1.1x the typer floor)", help_runs, typer_floor),
        (
            "status on an empty database (wanted <= 1.3x the typer+sqlmodel floor)",
            status_runs,
            sql_floor,
        ),
    ):
        print(f"{title}; wall time:")
        report(compare(runs, rounds=ROUNDS, warmup=WARMUP), floor)
        cpu_medians = {n: statistics.median(cpu[n][WARMUP:]) for n in runs}
        print("  the same runs, CPU time of the child:")
        report(cpu_medians, floor)


if __name__ == "__main__":
    main()
