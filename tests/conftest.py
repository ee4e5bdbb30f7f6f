"""Shared fixtures: real servers on 127.0.0.1 (HTTP, SMTP, PostgreSQL), started by the tests."""

from __future__ import annotations

import compileall
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT, free_port


def pytest_configure(config: pytest.Config) -> None:
    """Byte-compile the project once, before any test starts a `tracker` process.

    An editable install leaves tracker/ uncompiled, and where PYTHONDONTWRITEBYTECODE is
    set (it is on our CI machines) no process writes the cache, so every one of the
    suite's hundreds of CLI runs compiled some thirty modules from source (~0.1-0.2 s
    each). Run by the main process only: pytest-xdist's workers start after it."""
    if not hasattr(config, "workerinput"):
        compileall.compile_dir(ROOT / "tracker", quiet=2)


# --- HTTP ---------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class HttpServer:
    root: Path
    port: int

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"


@pytest.fixture
def http_dir(tmp_path: Path) -> Iterator[HttpServer]:
    """Serves a temporary folder over HTTP on 127.0.0.1."""
    root = tmp_path / "www"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield HttpServer(root, int(server.server_address[1]))
    finally:
        server.shutdown()
        server.server_close()


# --- SMTP ---------------------------------------------------------------------------


@dataclass
class SmtpSink:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)

    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]


class _Collector:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        raw = envelope.content  # type: ignore[attr-defined]
        self.sink.messages.append(message_from_bytes(raw, policy=policy.default))  # type: ignore[arg-type]
        return "250 OK"


def start_smtp(sink: SmtpSink, handler: object | None = None) -> Any:
    """Start a real SMTP server (aiosmtpd) on the sink's port; stop() it when done."""
    from aiosmtpd.controller import Controller

    controller = Controller(handler or _Collector(sink), hostname=sink.host, port=sink.port)
    controller.start()
    return controller


@pytest.fixture
def smtp_server() -> Iterator[SmtpSink]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives."""
    sink = SmtpSink("127.0.0.1", free_port())
    controller = start_smtp(sink)
    try:
        yield sink
    finally:
        controller.stop()


# --- PostgreSQL ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster started with initdb/pg_ctl on a free local port."""
    from tests.pgdb import temporary_server

    with temporary_server() as url:
        if url is None:
            pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found")
        yield url
