"""Delivery that tells the truth, against a real SMTP server on 127.0.0.1.

The story of issue 9: SMTP is down when Lavrov's "silent" alert fires; it comes back
while that alert waits for its retry; he is seen again. The desk must never end with
"silent" after "seen again".
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import SmtpSink, start_smtp
from tests.helpers import free_port, run_cli
from tests.integration.test_alerts_e2e import SEEN, _feed, _item
from tracker.config import load_config
from tracker.daemon import evaluate_and_deliver
from tracker.jobs import Tracker
from tracker.store import alert_store
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for

FIRES = datetime(2025, 11, 8, 12, tzinfo=UTC)  # last seen Oct 28: 10 days past
BACK = FIRES + timedelta(seconds=2)  # "seen again" published while the alert waits
REAPPEARS = _item(
    "lavrov-2", BACK, "Sergey Lavrov met the Hungarian minister in Moscow on Saturday."
)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 't.db'}"
        return
    server = request.getfixturevalue("postgres_url")
    name = f"story_{free_port()}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield server.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
        admin.dispose()


def story_config(
    tmp_path: Path, database: str, port: int | None, extra: str = "", retry_min: str = "15s"
) -> Path:
    """Lavrov, last seen Oct 28, threshold 10 days, retries from 15 s; email to an SMTP
    server on `port` (none: the .eml outbox), plus `extra` TOML (e.g. [[notify]])."""
    feed = tmp_path / "feed.xml"
    _feed(feed, SEEN)
    path = tmp_path / "tracker.toml"
    email = f"""[email]
host = "127.0.0.1"
port = {port}
security = "none"
from = "tracker@example.org"
to = ["desk@example.org"]
timeout = 5
"""
    path.write_text(
        f"""database = "{database}"
outbox = "{tmp_path / "out"}"
[[feeds]]
url = "{feed}"
[[officials]]
name = "Sergey Lavrov"
threshold = "10d"
[alerts]
retry_min = "{retry_min}"
{email if port is not None else ""}{extra}""",
        encoding="utf-8",
    )
    return path


def _step(tracker: Tracker, when: datetime) -> None:
    tracker.poll(when)
    tracker.evaluate(when, when)
    tracker.deliver(when)


@dataclass
class Story:
    """A tracker whose SMTP server is down until `smtp_back()`."""

    tracker: Tracker
    config: Path
    sink: SmtpSink
    controllers: list[Any] = field(default_factory=list)

    def smtp_back(self) -> None:
        self.controllers.append(start_smtp(self.sink))

    def seen_again(self) -> None:
        _feed(self.config.parent / "feed.xml", [*SEEN, REAPPEARS])


@pytest.fixture
def story(tmp_path: Path, database: str) -> Iterator[Story]:
    sink = SmtpSink("127.0.0.1", free_port())
    path = story_config(tmp_path, database, sink.port)
    config = load_config(path)
    tracker = Tracker(config, open_engine(config.database), now=FIRES)
    made = Story(tracker, path, sink)
    try:
        tracker.poll(FIRES - timedelta(days=11))
        _step(tracker, FIRES)  # SMTP down: the silent alert waits for its retry
        yield made
    finally:
        tracker.close()
        for controller in made.controllers:
            controller.stop()


def test_seen_again_during_the_retry_wait_supersedes_the_stale_silent_alert(
    story: Story,
) -> None:
    tracker, sink, path = story.tracker, story.sink, story.config
    with session_for(tracker.engine) as session:
        [(waiting, _name)] = alert_store.alerts(session, "pending")
    assert waiting.kind == "silent" and waiting.last_error
    assert waiting.next_attempt_at is not None and waiting.next_attempt_at > FIRES

    story.smtp_back()  # while the alert waits
    story.seen_again()
    _step(tracker, FIRES + timedelta(seconds=5))  # seen again: goes out at once
    _step(tracker, FIRES + timedelta(seconds=30))  # the old alert's retry time
    _step(tracker, FIRES + timedelta(hours=1))

    assert sink.subjects() == ["[tracker] Sergey Lavrov seen again on 2025-11-08 after 11 days"]
    body = sink.messages[0].get_body(("plain",))
    assert body is not None
    said = body.get_content()
    assert "Not delivered before this message" in said
    assert "Sergey Lavrov silent for 11 days" in said and "Connection refused" in said

    result = run_cli("--config", str(path), "alerts", "--json")
    assert result.returncode == 0, result.stderr
    states = {a["kind"]: a for a in json.loads(result.stdout)["alerts"]}
    assert {k: a["state"] for k, a in states.items()} == {
        "silent": "superseded",
        "seen_again": "delivered",
    }  # nothing lost: every alert ends delivered or superseded
    assert states["silent"]["superseded_by"] == states["seen_again"]["id"]
    assert "before it could be delivered" in states["silent"]["superseded_reason"]
    table = run_cli("--config", str(path), "alerts").stdout
    assert "superseded" in table and "before it could be delivered" in table


def test_an_alert_retried_before_the_reappearance_arrives_first(story: Story) -> None:
    story.smtp_back()
    _step(story.tracker, FIRES + timedelta(seconds=30))  # the retry delivers it
    story.seen_again()
    _step(story.tracker, FIRES + timedelta(seconds=40))
    assert story.sink.subjects() == [
        "[tracker] Sergey Lavrov silent for 11 days (threshold 10d)",
        "[tracker] Sergey Lavrov seen again on 2025-11-08 after 11 days",
    ]


def test_while_smtp_is_down_status_poll_and_the_daemon_name_the_waiting_alert(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # nothing listens; retries wait 10 minutes, however slow the machine runs the CLI
    path = story_config(tmp_path, f"sqlite:///{tmp_path / 'down.db'}", free_port(), retry_min="10m")
    first = run_cli("--config", str(path), "poll")  # by the real clock Lavrov is long silent
    assert first.returncode == 3
    again = run_cli("--config", str(path), "poll")  # inside the retry wait: no attempt
    assert again.returncode == 3, again.stderr
    assert "NOT SENT" not in again.stderr
    [line] = [x for x in again.stderr.splitlines() if "UNDELIVERED" in x]
    assert "#1 [tracker] Sergey Lavrov silent for" in line
    assert "attempt 1 failed: smtp://127.0.0.1:" in line and "next try 20" in line

    table = run_cli("--config", str(path), "status")
    assert table.returncode == 0, table.stderr
    [shown] = [x for x in table.stdout.splitlines() if x.startswith("undelivered:")]
    assert "#1 [tracker] Sergey Lavrov silent" in shown and "next try" in shown
    payload = json.loads(run_cli("--config", str(path), "status", "--json").stdout)
    [waiting] = payload["undelivered"]
    assert waiting["official"] == "Sergey Lavrov" and waiting["state"] == "pending"
    assert waiting["attempts"] == 1 and waiting["last_error"].startswith("smtp://127.0.0.1:")
    assert waiting["next_attempt_at"] is not None
    assert {"name", "status", "last_seen"} <= set(payload["officials"][0])  # unchanged

    config = load_config(path)
    tracker = Tracker(config, open_engine(config.database), now=datetime.now(UTC))
    try:
        with caplog.at_level(logging.WARNING, logger="tracker"):
            evaluate_and_deliver(tracker)
    finally:
        tracker.close()
    logged = [r.getMessage() for r in caplog.records if "undelivered" in r.getMessage()]
    assert len(logged) == 1 and "Sergey Lavrov silent" in logged[0] and "next try" in logged[0]


def test_follow_ups_thread_to_the_episodes_first_message(story: Story) -> None:
    story.smtp_back()
    _step(story.tracker, FIRES + timedelta(seconds=30))  # the silent alert, retried
    _step(story.tracker, FIRES + timedelta(days=7))  # a reminder
    story.seen_again()
    _step(story.tracker, FIRES + timedelta(days=7, hours=1))
    _step(story.tracker, FIRES + timedelta(days=7, hours=2))  # a re-run sends nothing
    received = [
        message_from_bytes(m.as_bytes(), policy=policy.default) for m in story.sink.messages
    ]
    assert [str(m["Subject"]).split(" ")[1:3] for m in received] == [
        ["Sergey", "Lavrov"],
        ["still", "silent:"],
        ["Sergey", "Lavrov"],
    ]
    first, *follow_ups = received
    root = str(first["Message-ID"])
    assert first["In-Reply-To"] is None and first["References"] is None
    assert [str(m["In-Reply-To"]) for m in follow_ups] == [root, root]
    assert [str(m["References"]) for m in follow_ups] == [root, root]
    assert len({str(m["Message-ID"]) for m in received}) == 3
