"""Channels: a JSON webhook and Apprise (json://), against a real HTTP receiver on 127.0.0.1."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import DEMO_CONFIG, SEEDS, run_cli
from tests.integration.test_alerts_e2e import SEEN, _feed, _item
from tests.integration.test_delivery_story import story_config
from tracker.config import load_config
from tracker.jobs import Tracker
from tracker.store import alert_store
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for


@dataclass
class Receiver:
    port: int
    posts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    headers: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    fail: dict[str, int] = field(default_factory=dict)  # path -> how many 503s first

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver(0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if made.fail.get(self.path, 0) > 0:
                made.fail[self.path] -= 1
                self.send_response(503)
                self.end_headers()
                return
            made.posts.setdefault(self.path, []).append(json.loads(body))
            made.headers.setdefault(self.path, []).append(dict(self.headers))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    made.port = int(server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield made
    finally:
        server.shutdown()
        server.server_close()


def _routes(receiver: Receiver) -> str:
    return f"""
[[notify]]
name = "hook"
kind = "webhook"
url = "{receiver.url("/hook")}"

[[notify]]
name = "chat"
url_env = "TEST_APPRISE_URL"
"""


def test_a_webhook_and_an_apprise_route_each_get_the_demo_lifecycle_once_in_order(
    tmp_path: Path, receiver: Receiver
) -> None:
    text = DEMO_CONFIG.read_text(encoding="utf-8").replace("../seeds/", f"{SEEDS}/")
    config = tmp_path / "demo.toml"
    config.write_text(text + _routes(receiver), encoding="utf-8")
    env = {"TEST_APPRISE_URL": f"json://127.0.0.1:{receiver.port}/apprise"}
    result = run_cli(
        "--config",
        str(config),
        "replay",
        str(SEEDS),
        "--from",
        "2025-10-01",
        "--notify",
        "--outbox",
        str(tmp_path / "out"),
        env=env,
    )
    assert result.returncode == 0, result.stderr
    emails = [ln.split("EMAIL ", 1)[1] for ln in result.stdout.splitlines() if " EMAIL " in ln]
    assert "[tracker] Sergey Lavrov seen again on 2025-11-25 after 28 days" in emails
    hooked = receiver.posts["/hook"]
    assert [p["subject"] for p in hooked] == emails  # each message once, in order
    assert all(p["version"] == 1 for p in hooked)
    assert len({p["message_id"] for p in hooked}) == len(hooked)
    lavrov = [a for p in hooked for a in p["alerts"] if a["official"] == "Sergey Lavrov"]
    assert [a["kind"] for a in lavrov] == ["silent", "repeat", "repeat", "seen_again"]
    assert lavrov[0]["episode"] == "2025-10-28"
    first = next(p for p in hooked if p["alerts"][0]["kind"] == "silent")
    again = next(p for p in hooked if p["alerts"][0]["kind"] == "seen_again")
    assert first["in_reply_to"] is None and again["in_reply_to"] == first["message_id"]
    assert receiver.headers["/hook"][0]["Idempotency-Key"] == hooked[0]["message_id"]
    assert [p["title"] for p in receiver.posts["/apprise"]] == emails
    assert "json://" not in result.stdout + result.stderr  # the secret URL is never shown


FIRES = datetime(2025, 11, 8, 12, tzinfo=UTC)


def test_a_webhook_outage_then_reappearance_supersedes_the_stale_alert(
    tmp_path: Path, receiver: Receiver
) -> None:
    hook = f'[[notify]]\nname = "hook"\nkind = "webhook"\nurl = "{receiver.url("/hook")}"\n'
    config = story_config(tmp_path, f"sqlite:///{tmp_path / 't.db'}", None, hook)
    feed = tmp_path / "feed.xml"
    receiver.fail["/hook"] = 1  # down when "silent" fires
    loaded = load_config(config)
    tracker = Tracker(loaded, open_engine(loaded.database), now=FIRES)
    try:
        tracker.poll(FIRES - timedelta(days=11))
        for step in (FIRES, FIRES + timedelta(seconds=5)):
            if step > FIRES:  # back up, and he is seen again while "silent" waits
                _feed(feed, [*SEEN, _item("lavrov-2", FIRES, "Sergey Lavrov met a minister.")])
            tracker.poll(step)
            tracker.evaluate(step, step)
            tracker.deliver(step)
        tracker.deliver(FIRES + timedelta(minutes=5))
        with session_for(tracker.engine) as session:
            states = {(a.channel, a.kind): a.state for a, _n in alert_store.alerts(session)}
    finally:
        tracker.close()
    [only] = receiver.posts["/hook"]
    assert only["alerts"][0]["kind"] == "seen_again"
    assert "not delivered: webhook hook: HTTP 503" in only["alerts"][0]["missed"][0]
    assert states[("hook", "silent")] == "superseded"
    assert states[("hook", "seen_again")] == "delivered"
