"""`tracker run` for real: polls a local feed, alerts by SMTP, stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

from tests.conftest import HttpServer, SmtpSink
from tests.helpers import start_daemon, wait_until
from tests.integration.test_bad_input import GOOD_FEED


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as conn:
            return int(conn.execute(f"select count(*) from {table}").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def _one_feed_config(tmp_path: Path, http_dir: HttpServer, tail: str) -> Path:
    """A daemon polling one local feed every second; `tail` goes in Lavrov's table."""
    (http_dir.root / "feed.xml").write_text(GOOD_FEED, encoding="utf-8")
    config = tmp_path / "tracker.toml"
    config.write_text(
        f"""database = "sqlite:///t.db"
outbox = "outbox"
[defaults]
interval = "1s"
evaluate_every = "1s"
[[feeds]]
url = "{http_dir.url("feed.xml")}"
name = "Wire"
[[officials]]
name = "Sergey Lavrov"
{tail}""",
        encoding="utf-8",
    )
    return config


def test_daemon_polls_alerts_and_stops_on_sigterm(
    tmp_path: Path, http_dir: HttpServer, smtp_server: SmtpSink
) -> None:
    config = _one_feed_config(
        tmp_path,
        http_dir,
        f"""threshold = "10d"
[email]
host = "127.0.0.1"
port = {smtp_server.port}
security = "none"
from = "tracker@example.org"
to = ["desk@example.org"]
""",
    )
    proc = start_daemon(config)
    try:
        assert wait_until(lambda: _count(tmp_path / "t.db", "entry") == 1, 20)
        # the entry is from 2025: by the real clock Lavrov is long silent -> one alert
        assert wait_until(lambda: len(smtp_server.messages) == 1, 20)
        assert wait_until(lambda: _count(tmp_path / "t.db", "feed") == 1, 5)
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "stopped" in err
    # logs for people: one line per evaluation, feeds by name, no scheduler chatter
    assert "evaluated 1 official (" in err
    assert "polled Wire: 1 entries, 1 new" in err
    assert "Added job" not in err and "executed successfully" not in err
    assert smtp_server.subjects() == [
        s for s in smtp_server.subjects() if "Sergey Lavrov silent" in s
    ]
    assert len(smtp_server.messages) == 1  # further evaluations did not repeat it


def test_daemon_logs_json_lines_for_log_shippers(tmp_path: Path, http_dir: HttpServer) -> None:
    config = _one_feed_config(tmp_path, http_dir, "")
    proc = start_daemon(config, "--log-format", "json")
    try:
        assert wait_until(lambda: _count(tmp_path / "t.db", "entry") == 1, 30)
        assert wait_until(lambda: _count(tmp_path / "t.db", "alert") == 1, 30)
    finally:
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    lines = [json.loads(line) for line in err.splitlines()]  # every line is one object
    assert {"time", "level", "logger", "message"} <= set(lines[0])
    polled = [x for x in lines if x["message"].startswith("polled Wire")]
    assert polled and polled[0]["feed"] == "Wire" and polled[0]["url"] == http_dir.url("feed.xml")
    assert any(x["message"].startswith("evaluated 1 official") for x in lines)
