"""Every recipient, the right envelope, one identity: against real SMTP servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SmtpSink, start_smtp
from tests.helpers import free_port, run_cli
from tests.integration.test_alerts_e2e import SEEN, _feed


class Picky:
    """An SMTP server that refuses some recipients: for now (451) or for good (550)."""

    def __init__(self, *, defer: dict[str, int] | None = None, data_reply: str = "250 OK") -> None:
        self.defer = dict(defer or {})
        self.data_reply = data_reply
        self.deliveries: list[tuple[list[str], EmailMessage]] = []
        self.data_attempts = 0

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address.startswith("gone@"):
            return "550 5.1.1 no such user"
        if self.defer.get(address, 0) > 0:
            self.defer[address] -= 1
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.data_attempts += 1
        if self.data_reply.startswith("250"):
            message = message_from_bytes(envelope.content, policy=policy.default)
            self.deliveries.append((list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return self.data_reply


def _config(tmp_path: Path, port: int, to: list[str], *, timeout: float = 5) -> Path:
    feed = tmp_path / "feed.xml"
    _feed(feed, SEEN)
    path = tmp_path / "tracker.toml"
    path.write_text(
        f"""database = "sqlite:///{tmp_path / "t.db"}"
[[feeds]]
url = "{feed}"
[[officials]]
name = "Sergey Lavrov"
threshold = "10d"
group = "russia"
[[officials]]
name = "Choe Son Hui"
threshold = "10d"
short = ["Choe"]
[alerts]
retry_min = "1h"
[email]
host = "127.0.0.1"
port = {port}
security = "none"
from = "tracker@example.org"
to = {json.dumps(to)}
timeout = {timeout}
[email.routes]
russia = ["russia-desk@example.org"]
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def picky() -> Iterator[tuple[Picky, int]]:
    handler = Picky(defer={"later@example.org": 1})
    port = free_port()
    controller = start_smtp(SmtpSink("127.0.0.1", port), handler)
    try:
        yield handler, port
    finally:
        controller.stop()


def _alerts(path: Path) -> list[dict[str, Any]]:
    result = run_cli("--config", str(path), "alerts", "--json")
    assert result.returncode == 0, result.stderr
    alerts: list[dict[str, Any]] = json.loads(result.stdout)["alerts"]
    return alerts


def test_each_recipient_gets_its_own_fate_and_the_envelope_is_the_route(
    tmp_path: Path, picky: tuple[Picky, int]
) -> None:
    handler, port = picky
    to = ["desk@example.org", "later@example.org", "gone@example.org"]
    path = _config(tmp_path, port, to)
    first = run_cli("--config", str(path), "poll")  # by the real clock both are long silent
    assert first.returncode == 3
    assert "REFUSED (permanent, not retried)" in first.stderr
    assert "gone@example.org: 550 5.1.1 no such user" in first.stderr
    assert "UNDELIVERED" in first.stderr and "later@example.org: 451" in first.stderr

    envelopes = sorted(rcpt for rcpt, _m in handler.deliveries)
    assert envelopes == [["desk@example.org"], ["russia-desk@example.org"]]  # routed envelope
    russia = next(m for rcpt, m in handler.deliveries if rcpt == ["russia-desk@example.org"])
    assert str(russia["To"]) == "russia-desk@example.org"
    choe = next(m for rcpt, m in handler.deliveries if rcpt == ["desk@example.org"])
    assert str(choe["To"]) == ", ".join(to)

    again = run_cli("--config", str(path), "alerts", "retry")  # later@ only, same message
    assert again.returncode == 0, again.stderr
    rcpt, resent = handler.deliveries[-1]
    assert rcpt == ["later@example.org"] and len(handler.deliveries) == 3
    assert resent["Message-ID"] == choe["Message-ID"]  # one identity across re-sends
    assert str(resent["To"]) == ", ".join(to)

    by_official = {a["official"]: a for a in _alerts(path)}
    assert {k: a["state"] for k, a in by_official.items()} == {
        "Sergey Lavrov": "delivered",
        "Choe Son Hui": "delivered",
    }
    assert by_official["Choe Son Hui"]["refused"] == ["gone@example.org: 550 5.1.1 no such user"]
    assert run_cli("--config", str(path), "alerts", "retry").returncode == 0  # nothing left


def test_a_message_refused_as_a_whole_for_good_is_not_retried(tmp_path: Path) -> None:
    handler = Picky(data_reply="554 5.7.1 message rejected")
    port = free_port()
    controller = start_smtp(SmtpSink("127.0.0.1", port), handler)
    try:
        path = _config(tmp_path, port, ["desk@example.org"])
        first = run_cli("--config", str(path), "poll")
        assert first.returncode == 3
        assert "REFUSED (permanent, not retried)" in first.stderr and "554" in first.stderr
        attempts = handler.data_attempts
        assert attempts == 2  # one message per route
        assert run_cli("--config", str(path), "alerts", "retry").returncode == 0
        assert handler.data_attempts == attempts  # stopped retrying
        assert {a["state"] for a in _alerts(path)} == {"failed"}
        table = run_cli("--config", str(path), "status").stdout
        assert "failed for good" in table and "554 5.7.1" in table
    finally:
        controller.stop()


def test_a_hung_server_reports_timed_out_after_n_seconds(tmp_path: Path) -> None:
    listener = socket.create_server(("127.0.0.1", 0))  # accepts, then never says a word
    port = listener.getsockname()[1]
    held: list[socket.socket] = []
    accepting = threading.Thread(
        target=lambda: [held.append(listener.accept()[0]) for _ in range(2)], daemon=True
    )
    accepting.start()
    try:
        path = _config(tmp_path, port, ["desk@example.org"], timeout=1)
        result = run_cli("--config", str(path), "poll")
        assert result.returncode == 3
        assert f"smtp://127.0.0.1:{port}: timed out after 1 s" in result.stderr
        assert "Connection unexpectedly closed" not in result.stderr
    finally:
        for conn in held:
            conn.close()
        listener.close()


class LateAck(Picky):
    """Stores the first message, then answers after the client has given up."""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        if self.data_attempts == 1:
            await asyncio.sleep(2.5)
        return reply


def test_a_message_acknowledged_too_late_is_re_sent_as_a_recognisable_duplicate(
    tmp_path: Path,
) -> None:
    handler = LateAck()
    port = free_port()
    controller = start_smtp(SmtpSink("127.0.0.1", port), handler)
    try:
        path = _config(tmp_path, port, ["desk@example.org"], timeout=1)
        first = run_cli("--config", str(path), "poll")
        assert first.returncode == 3 and "timed out after 1 s" in first.stderr
        assert run_cli("--config", str(path), "alerts", "retry").returncode == 0
    finally:
        controller.stop()
    ids = [str(m["Message-ID"]) for _rcpt, m in handler.deliveries]
    assert len(ids) == 3  # the late one, stored; then both routes on the retry
    assert len(set(ids)) == 2  # the duplicate carries the same Message-ID
