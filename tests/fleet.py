"""Several real `tracker run` workers on one PostgreSQL, polling feeds of a local HTTP
server that logs every request with its time: for the multi-worker test and benchmark
(issue 13)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from tests.feedserver import FeedServer, Request, Route

OFFICIALS = ("Sergey Lavrov", "Choe Son Hui", "Maria Zakharova")


def feed_xml(n: int, extra: str = "") -> bytes:
    """Feed n: one story (from October 2025) about one of the officials; `extra` items first."""
    name = OFFICIALS[n % len(OFFICIALS)]
    item = (
        f"<item><title>Talks {n}</title><link>https://wire{n}.example/1</link>"
        f"<guid>wire-{n}-1</guid><pubDate>Mon, 20 Oct 2025 15:00:00 +0000</pubDate>"
        f"<description>{name} held talks in Moscow on Monday.</description></item>"
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Wire {n}</title><link>https://wire{n}.example/</link><description>d</description>"
        f"{extra}{item}</channel></rss>"
    ).encode()


def sighting_today(name: str, now_wall: float) -> str:
    """An item in which `name` is seen in public today."""
    from datetime import UTC, datetime

    when = format_datetime(datetime.fromtimestamp(now_wall, UTC))
    return (
        f"<item><title>{name} in Moscow</title><link>https://wire0.example/today</link>"
        f"<guid>wire-0-today</guid><pubDate>{when}</pubDate>"
        f"<description>{name} held talks in Moscow today.</description></item>"
    )


@dataclass
class Farm:
    """Feeds /f0.xml ... on a FeedServer, answering after `delay` seconds, 304 when
    unchanged (ETag); every request is logged with its wall-clock time and the
    User-Agent that sent it (workers can be told apart by theirs)."""

    server: FeedServer
    count: int
    delay: float = 0.0
    fetches: dict[str, list[tuple[float, str]]] = field(default_factory=lambda: defaultdict(list))
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _versions: dict[str, int] = field(default_factory=dict)
    _bodies: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for n in range(self.count):
            self.publish(n, feed_xml(n))

    def path(self, n: int) -> str:
        return f"/f{n}.xml"

    def urls(self) -> list[str]:
        return [self.server.url(self.path(n)) for n in range(self.count)]

    def publish(self, n: int, body: bytes) -> None:
        """Feed n's new content (a new ETag)."""
        path = self.path(n)
        with self._lock:
            self._versions[path] = self._versions.get(path, 0) + 1
            self._bodies[path] = body
        self.server.routes[path] = self._answer

    def _answer(self, request: Request) -> Route:
        with self._lock:
            agent = request.headers.get("user-agent", "")
            self.fetches[request.path].append((time.time(), agent))
            version, body = self._versions[request.path], self._bodies[request.path]
        return Route(body=body, etag=f'"v{version}"', delay=self.delay)

    def snapshot(self) -> dict[str, list[float]]:
        """Each path's fetch times."""
        with self._lock:
            return {p: [t for t, _ in log] for p, log in self.fetches.items()}

    def fetched_by(self, path: str) -> list[tuple[float, str]]:
        """Path's fetches, each with the User-Agent that sent it."""
        with self._lock:
            return list(self.fetches.get(path, ()))


def write_config(
    folder: Path,
    database: str,
    urls: list[str],
    *,
    interval: str,
    smtp_port: int | None = None,
    evaluate_every: str = "1s",
    polling: dict[str, Any] | None = None,
    filename: str = "tracker.toml",
) -> Path:
    lines = [
        f'database = "{database}"',
        f'outbox = "{folder / "outbox"}"',
        "[defaults]",
        f'interval = "{interval}"',
        f'evaluate_every = "{evaluate_every}"',
        'threshold = "10d"',
        "[polling]",
        *(f"{k} = {json.dumps(v)}" for k, v in (polling or {}).items()),
    ]
    if smtp_port is not None:
        lines += [
            "[email]",
            'host = "127.0.0.1"',
            f"port = {smtp_port}",
            'security = "none"',
            'from = "tracker@example.org"',
            'to = ["desk@example.org"]',
        ]
    for url in urls:
        lines += ["[[feeds]]", f'url = "{url}"']
    for name in OFFICIALS:
        lines += ["[[officials]]", f'name = "{name}"']
    path = folder / filename
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def kill(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the worker and its parsing processes, as when its host or container dies."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)


def stop(proc: subprocess.Popen[bytes], timeout: float = 30) -> int:
    """SIGTERM, as systemd stops it; its exit code."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout)
    finally:
        kill(proc)  # whatever of its group is left


@dataclass
class Db:
    """The test's own look at the database the workers share."""

    url: str
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.engine = create_engine(self.url)

    def rows(self, sql: str, **params: Any) -> list[Any]:
        try:
            with self.engine.connect() as conn:
                return list(conn.execute(text(sql), params).all())
        except Exception:  # the schema may not exist yet while the workers start
            return []

    def workers(self) -> dict[int, tuple[int, bool]]:
        """pid -> (worker id, leader)."""
        return {
            pid: (wid, leader)
            for wid, pid, leader in self.rows("select id, pid, leader from worker")
        }

    def close(self) -> None:
        self.engine.dispose()


def wait_for(predicate: Any, timeout: float, step: float = 0.1) -> Any:
    """The predicate's first truthy value within `timeout` seconds, else None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return None
