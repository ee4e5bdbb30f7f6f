"""For the dashboard's tests: the demo database filled by the real pipeline, and
`tracker web` run as a user runs it (a subprocess serving on a free loopback port)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.helpers import DEMO_CONFIG, ROOT, SEEDS, child_env, free_port, run_cli, wait_until

AS_OF = "2025-12-10"  # two weeks after the demo's last story: Lavrov's gap is history


def demo_config(folder: Path) -> Path:
    """The demo config with its database and outbox in `folder`."""
    text = DEMO_CONFIG.read_text(encoding="utf-8")
    text = text.replace("../demo-output/demo.db", str(folder / "demo.db"))
    text = text.replace('"../demo-output/outbox"', f'"{folder / "outbox"}"')
    text = text.replace('url = "../seeds/', f'url = "{SEEDS}/')
    config = folder / "demo.toml"
    config.write_text(text, encoding="utf-8")
    return config


def replayed_demo(folder: Path) -> Path:
    """The demo corpus replayed day by day from 2025-10-01 into a database kept in
    `folder` (statuses, alerts and their delivery to the outbox, as in the README)."""
    config = demo_config(folder)
    done = run_cli(
        "--config",
        str(config),
        "replay",
        str(SEEDS),
        "--from",
        "2025-10-01",
        "--database",
        f"sqlite:///{folder / 'demo.db'}",
    )
    assert done.returncode == 0, done.stderr
    return config


@dataclass
class Served:
    url: str
    process: subprocess.Popen[str]

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return httpx.get(self.url + path, timeout=30, **kwargs)  # type: ignore[arg-type]


@contextmanager
def serve(config: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`tracker --config CONFIG web --port FREE ARGS...` until the block ends."""
    port = free_port()
    full_env = child_env(env)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tracker",
            "--config",
            str(config),
            "web",
            "--port",
            str(port),
            *args,
        ],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    served = Served(f"http://127.0.0.1:{port}", process)

    def up() -> bool:
        if process.poll() is not None:
            return True
        try:
            httpx.get(served.url + "/login", timeout=2)
        except httpx.TransportError:
            return False
        return True

    try:
        assert wait_until(up, timeout=60), "tracker web did not start within 60 s"
        assert process.poll() is None, process.communicate()[1]
        yield served
    finally:
        process.terminate()
        try:
            process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


def copy_of(config: Path, folder: Path) -> Path:
    """A copy of a replayed demo (its database included) in `folder`, to change freely."""
    copy = demo_config(folder)
    for suffix in ("", "-wal", "-shm"):
        source = config.parent / f"demo.db{suffix}"
        if source.exists():
            shutil.copy(source, folder / f"demo.db{suffix}")
    return copy
