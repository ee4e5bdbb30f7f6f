"""A hostile document cannot stall, crash or outlast the tracker (issue 10, item 1).

Feeds are parsed in worker processes with a time and a memory limit (tracker/sandbox.py).
These tests serve or import a real attribute bomb (a document feedparser needs minutes
to walk) beside healthy feeds, and check that the healthy ones are polled on time, that
the bomb is reported in one line, and that the daemon stops promptly on SIGTERM.

The daemon test runs the issue's scenario scaled down (a 3 s feed over 45 s); set
TRACKER_LONG_TESTS=1 to run it at full size (a 10 s feed over 150 s).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, Route
from tests.helpers import ROOT, child_env, start_daemon
from tests.integration.test_bad_input import GOOD_FEED
from tracker.domain import Official
from tracker.sandbox import Limits, Sandbox, SandboxError

NOW = datetime(2025, 11, 10, tzinfo=UTC)


def attribute_bomb(size: int = 1_000_000) -> bytes:
    """One item with ~size/8 attributes: quadratic work for feedparser's SAX handler."""
    attrs = " ".join(f'a{i}="x"' for i in range(size // 8))
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Bomb</title>'
        f"<item {attrs}><title>Sergey Lavrov met reporters</title></item></channel></rss>"
    ).encode()


def _run(coro: object) -> object:
    return asyncio.run(coro)  # type: ignore[arg-type]


def test_a_document_past_its_time_is_stopped_and_the_next_one_parses() -> None:
    sandbox = Sandbox([Official("Sergey Lavrov")], Limits(seconds=1.0, seconds_per_mb=0.0))
    try:
        started = time.monotonic()
        with pytest.raises(SandboxError, match=r"parsing took longer than 1 s \(1\.\d MB\)"):
            _run(sandbox.digest(attribute_bomb(), fallback_time=NOW))
        assert time.monotonic() - started < 8  # killed, not waited for
        digest = _run(sandbox.digest(GOOD_FEED.encode(), fallback_time=NOW))
        assert [p.entry.title for p in digest.feed.entries]  # type: ignore[attr-defined]
        # recognition ran in the worker too
        assert any(f.official == "Sergey Lavrov" for fs in digest.findings for f in fs)  # type: ignore[attr-defined]
    finally:
        sandbox.close()


def _big_feed(items: int) -> bytes:
    body = "<p>" + "The minister spoke at length about the talks. " * 40 + "</p>"
    entries = "".join(
        f"<item><title>Story {i}</title><link>https://example.org/{i}</link>"
        f"<description><![CDATA[{body}]]></description></item>"
        for i in range(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{entries}</channel></rss>'.encode()


def test_a_document_past_its_memory_is_stopped_and_the_worker_replaced() -> None:
    # A document may add only so much to a worker's address space: not enough for
    # 3,000 long entries (6 MB of XML, some 30 MB once parsed).
    small = Limits(seconds=60.0, memory=10 * 1024 * 1024)
    sandbox = Sandbox([Official("Sergey Lavrov")], small)
    try:
        with pytest.raises(
            SandboxError, match=r"needed more than 10\.0 MB of memory|killed its worker"
        ):
            _run(sandbox.digest(_big_feed(3000), fallback_time=NOW, recognize=True))
        digest = _run(sandbox.digest(GOOD_FEED.encode(), fallback_time=NOW))
        assert digest.feed.entries  # type: ignore[attr-defined]
    finally:
        sandbox.close()


def test_import_stops_a_bomb_with_one_line_and_keeps_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "bomb.xml").write_bytes(attribute_bomb())
    (tmp_path / "good.xml").write_text(GOOD_FEED, encoding="utf-8")
    config = tmp_path / "tracker.toml"
    config.write_text(
        'database = "sqlite:///t.db"\noutbox = "outbox"\n[[officials]]\nname = "Sergey Lavrov"\n',
        encoding="utf-8",
    )
    env = child_env()
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tracker",
            "--config",
            str(config),
            "import",
            str(tmp_path / "bomb.xml"),
            str(tmp_path / "good.xml"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - started
    output = done.stdout + done.stderr
    assert done.returncode == 3, output  # done, but a file failed
    assert "Traceback" not in output
    bomb_lines = [line for line in output.splitlines() if "bomb.xml" in line]
    assert len(bomb_lines) == 1 and "took longer than" in bomb_lines[0], output
    assert "1 files failed" in output or "1 file failed" in output, output
    assert elapsed < 30, f"import took {elapsed:.1f} s"


def _polls(server: FeedServer, path: str) -> int:
    return server.hits[path]


def test_daemon_beside_an_attribute_bomb_polls_on_time_and_stops_promptly(tmp_path: Path) -> None:
    long = os.environ.get("TRACKER_LONG_TESTS") == "1"
    interval, window = (10, 150) if long else (2, 24)
    wanted = int(0.8 * window / interval)  # the issue: >= 12 polls of a 10 s feed in 150 s
    with FeedServer() as server:
        server.routes["/good.xml"] = Route(
            body=GOOD_FEED.encode(), headers={"Content-Type": "application/rss+xml"}
        )
        server.routes["/bomb.xml"] = Route(
            body=attribute_bomb(), headers={"Content-Type": "application/rss+xml"}
        )
        config = tmp_path / "tracker.toml"
        config.write_text(
            f"""
database = "sqlite:///t.db"
outbox = "outbox"
[defaults]
interval = "{interval}s"
evaluate_every = "5s"
[[feeds]]
url = "{server.url("/good.xml")}"
name = "Good"
[[feeds]]
url = "{server.url("/bomb.xml")}"
name = "Bomb"
[[officials]]
name = "Sergey Lavrov"
""",
            encoding="utf-8",
        )
        proc = start_daemon(config)
        try:
            deadline = time.monotonic() + 30
            while _polls(server, "/good.xml") == 0 and time.monotonic() < deadline:
                time.sleep(0.2)
            first = _polls(server, "/good.xml")
            assert first >= 1, "the daemon never polled the healthy feed"
            time.sleep(window)
            polled = _polls(server, "/good.xml") - first
            bombs = _polls(server, "/bomb.xml")
        finally:
            asked = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            try:
                _out, err = proc.communicate(timeout=60)
            finally:
                if proc.poll() is None:
                    proc.kill()
            stopped_in = time.monotonic() - asked
    print(
        f"healthy feed polled {polled} times in {window} s (wanted >= {wanted});"
        f" bomb fetched {bombs} times; stopped {stopped_in:.1f} s after SIGTERM"
    )
    assert proc.returncode == 0, err
    assert bombs >= 1, "the bomb was never fetched"
    assert polled >= wanted, (
        f"healthy feed polled {polled} times in {window} s (wanted >= {wanted})"
    )
    assert stopped_in < 10, f"stopping took {stopped_in:.1f} s"
    assert "Traceback" not in err
    assert "took longer than" in err  # the bomb was reported as that feed's error
