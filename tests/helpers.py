"""Helpers for tests: paths, free ports, and running the CLI as a user would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEMO_CONFIG = ROOT / "config" / "demo.toml"
SHARED = ROOT.parent / "shared"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- running the CLI for real -------------------------------------------------------

# Inherited from the shell or the test runner, these would change what a child prints:
# pytest-xdist's workers set COLUMNS=80 and LINES=24, and a table piped without COLUMNS is
# never cut; TRACKER_* would override the test's own configuration.
_NOT_INHERITED = ("COLUMNS", "LINES")


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a `tracker` process a test starts: this one's, without what
    would make the result depend on where the tests run, plus `extra`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TRACKER_") and k not in _NOT_INHERITED
    }
    env.update(extra or {})
    return env


def run_cli(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    python_options: Sequence[str] = (),
) -> subprocess.CompletedProcess[str]:
    """Run `python -m tracker` in a subprocess, as a user would (`python_options`, such
    as `-X importtime`, go to the interpreter)."""
    full_env = child_env(env)
    return subprocess.run(
        [sys.executable, *python_options, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )


def run_together(
    *args: str, count: int = 2, env: dict[str, str] | None = None, timeout: float = 120
) -> list[tuple[int, str]]:
    """Start `count` `python -m tracker ARGS` processes before waiting for any (a race,
    as two services starting at once); their (exit code, stderr)."""
    full_env = child_env(env)
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tracker", *args],
            cwd=ROOT,
            env=full_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    results = []
    for proc in procs:
        _out, err = proc.communicate(timeout=timeout)
        results.append((proc.returncode, err))
    return results


def start_daemon(config: Path, *options: str) -> subprocess.Popen[str]:
    """`tracker run` in the background, as a service manager would start it."""
    env = child_env()
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "--config", str(config), "run", *options],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_logged_daemon(config: Path, log: Path) -> subprocess.Popen[bytes]:
    """`tracker run` in its own process group (with its parsing processes), its output
    to `log`, as a service manager starts one per host."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "tracker", "--config", str(config), "run"],
            cwd=ROOT,
            env=child_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_until(predicate: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def database_url(request: pytest.FixtureRequest, folder: Path, name: str) -> str:
    """The database of a test parametrized by backend ("sqlite" or "postgresql"): a
    SQLite file `name`.db in `folder`, or a fresh PostgreSQL database `name` on the
    test server, named after `name` (the `postgres_url` fixture, started only
    when asked for)."""
    if request.param == "sqlite":
        return f"sqlite:///{folder / f'{name}.db'}"
    from tests.pgdb import fresh_database

    return fresh_database(request.getfixturevalue("postgres_url"), name)
