"""Alerts people keep switching on: the right email, once, never lost. Real SMTP, real DB."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SmtpSink
from tests.helpers import DEMO_CONFIG, ROOT, SEEDS, child_env, free_port, run_cli, wait_until
from tracker.config import parse_config
from tracker.jobs import Tracker
from tracker.store import alert_store
from tracker.store.engine import open_engine
from tracker.store.engine import session as session_for

DAY = timedelta(days=1)


def _item(guid: str, day: datetime, text: str) -> str:
    stamp = day.strftime("%a, %d %b %Y %H:%M:%S +0000")
    return (
        f"<item><title>{guid}</title><link>https://t.example/{guid}</link><guid>{guid}</guid>"
        f"<pubDate>{stamp}</pubDate><description>{text}</description></item>"
    )


def _feed(path: Path, items: list[str]) -> None:
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        "<link>https://t.example/</link><description>d</description>"
        + "".join(items)
        + "</channel></rss>",
        encoding="utf-8",
    )


OCT28 = datetime(2025, 10, 28, 15, tzinfo=UTC)
SEEN = [
    _item("lavrov-1", OCT28, "Sergey Lavrov spoke at a conference in Minsk on Tuesday."),
    _item("choe-1", OCT28, "Choe Son Hui held talks with officials in Pyongyang on Tuesday."),
]


def _tracker(tmp_path: Path, smtp: SmtpSink, **alerts: Any) -> Tracker:
    feed = tmp_path / "feed.xml"
    if not feed.exists():
        _feed(feed, SEEN)
    config = parse_config(
        {
            "database": f"sqlite:///{tmp_path / 't.db'}",
            "feeds": [{"url": str(feed)}],
            "officials": [
                {"name": "Sergey Lavrov", "threshold": "10d", "group": "russia"},
                {"name": "Choe Son Hui", "threshold": "10d", "short": ["Choe"]},
            ],
            "alerts": alerts,
            "email": {
                "host": "127.0.0.1",
                "port": smtp.port,
                "security": "none",
                "from": "tracker@example.org",
                "to": ["desk@example.org"],
                "routes": {"russia": ["russia-desk@example.org"]},
                "timeout": 5,
            },
        },
        path=None,
        env={},
    )
    tracker = Tracker(config, open_engine(config.database), now=OCT28)
    tracker.poll(OCT28)
    return tracker


@pytest.fixture
def make_tracker(tmp_path: Path, smtp_server: SmtpSink) -> Iterator[Any]:
    made: list[Tracker] = []

    def make(**alerts: Any) -> Tracker:
        made.append(_tracker(tmp_path, smtp_server, **alerts))
        return made[-1]

    yield make
    for tracker in made:
        tracker.close()


def _step(tracker: Tracker, when: datetime) -> None:
    tracker.evaluate(when, when)
    tracker.deliver(when)


def _subjects(smtp: SmtpSink, name: str = "Sergey Lavrov") -> list[str]:
    return [s for s in smtp.subjects() if name in s]


def test_one_alert_at_the_threshold_repeats_exactly_on_schedule_and_one_seen_again(
    tmp_path: Path, smtp_server: SmtpSink, make_tracker: Any
) -> None:
    tracker = make_tracker(repeat_every="3d", group=False)
    start = datetime(2025, 11, 6, tzinfo=UTC)
    log: list[tuple[str, str]] = []
    for hours in range(0, 9 * 24, 6):  # every 6 hours from Nov 6 to Nov 15
        when = start + timedelta(hours=hours)
        before = len(_subjects(smtp_server))
        _step(tracker, when)
        log += [(f"{when:%m-%d %H}", s) for s in _subjects(smtp_server)[before:]]
    # seen Oct 28 (noon UTC counts): silent from Nov 7 12:00, alerted at that evaluation,
    # reminded exactly 3 and 6 days later, nothing else
    assert log == [
        ("11-07 12", "[tracker] Sergey Lavrov silent for 10 days (threshold 10d)"),
        ("11-10 12", "[tracker] still silent: Sergey Lavrov, 13 days (threshold 10d)"),
        ("11-13 12", "[tracker] still silent: Sergey Lavrov, 16 days (threshold 10d)"),
    ]

    feed = tmp_path / "feed.xml"
    back = datetime(2025, 11, 15, 9, tzinfo=UTC)
    _feed(
        feed,
        [
            *SEEN,
            _item(
                "lavrov-2", back, "Sergey Lavrov met the Hungarian minister in Moscow on Saturday."
            ),
        ],
    )
    tracker.poll(back)
    for when in (back + timedelta(hours=1), back + DAY, back + 2 * DAY):
        _step(tracker, when)
    again = [s for s in _subjects(smtp_server) if "seen again" in s]
    assert again == ["[tracker] Sergey Lavrov seen again on 2025-11-15 after 18 days"]
    assert all(m["To"] for m in smtp_server.messages)
    lavrov_mail = [m for m in smtp_server.messages if "Sergey Lavrov" in str(m["Subject"])]
    assert {str(m["To"]) for m in lavrov_mail} == {"russia-desk@example.org"}  # routed


def test_a_muted_official_is_tracked_but_not_alerted(
    smtp_server: SmtpSink, make_tracker: Any
) -> None:
    tracker = make_tracker(group=False, repeat_every="0")
    with session_for(tracker.engine) as session:  # muted on Nov 1 for a month
        nov1 = datetime(2025, 11, 1, tzinfo=UTC)
        lavrov_id = tracker.ids["Sergey Lavrov"]
        alert_store.add_mute(session, lavrov_id, nov1, nov1 + 30 * DAY, "known trip")
    for day in range(8, 20):
        _step(tracker, datetime(2025, 11, day, 12, tzinfo=UTC))
    assert _subjects(smtp_server) == []
    assert [s.split(" (")[0] for s in _subjects(smtp_server, "Choe Son Hui")] == [
        "[tracker] Choe Son Hui silent for 11 days"
    ]
    status = json.loads(run_cli_in(tracker, "status", "--as-of", "2025-11-19", "--json").stdout)
    lavrov = next(o for o in status["officials"] if o["name"] == "Sergey Lavrov")
    assert lavrov["status"] == "silent" and lavrov["mute_reason"] == "known trip"
    # after the mute ends, the silence is alerted
    _step(tracker, datetime(2025, 12, 2, tzinfo=UTC))
    assert [s.split(" (")[0] for s in _subjects(smtp_server)] == [
        "[tracker] Sergey Lavrov silent for 34 days"
    ]


def test_mute_and_unmute_from_the_command_line(make_tracker: Any) -> None:
    tracker = make_tracker()
    muted = run_cli_in(tracker, "mute", "sergey lavrov", "--for", "3d", "--reason", "known")
    assert muted.returncode == 0 and "muted Sergey Lavrov until" in muted.stdout
    shown = run_cli_in(tracker, "status")
    assert "muted: Sergey Lavrov until" in shown.stdout and "known" in shown.stdout
    assert run_cli_in(tracker, "unmute", "Sergey Lavrov").stdout.strip() == "unmuted Sergey Lavrov"
    assert "muted:" not in run_cli_in(tracker, "status").stdout
    unknown = run_cli_in(tracker, "mute", "Nobody")
    assert unknown.stderr == 'tracker: no official "Nobody" on the watchlist\n'
    assert unknown.returncode == 2


def test_two_alerts_for_the_same_desk_are_one_message(
    tmp_path: Path, smtp_server: SmtpSink
) -> None:
    feed = tmp_path / "feed.xml"
    _feed(feed, SEEN)
    config = parse_config(
        {
            "database": f"sqlite:///{tmp_path / 'g.db'}",
            "feeds": [{"url": str(feed)}],
            "officials": [
                {"name": "Sergey Lavrov", "threshold": "10d"},
                {"name": "Choe Son Hui", "threshold": "10d", "short": ["Choe"]},
            ],
            "email": {
                "host": "127.0.0.1",
                "port": smtp_server.port,
                "security": "none",
                "from": "t@example.org",
                "to": ["desk@example.org"],
            },
        },
        path=None,
        env={},
    )
    tracker = Tracker(config, open_engine(config.database), now=OCT28)
    try:
        tracker.poll(OCT28)
        _step(tracker, datetime(2025, 11, 8, 12, tzinfo=UTC))
    finally:
        tracker.close()
    assert len(smtp_server.messages) == 1
    message = smtp_server.messages[0]
    assert str(message["Subject"]).startswith("[tracker] 2 alerts: ")
    body = message.get_body(("plain",)).get_content()
    assert "Sergey Lavrov has not been seen" in body and "Choe Son Hui has not been seen" in body


def run_cli_in(tracker: Tracker, *args: str) -> subprocess.CompletedProcess[str]:
    """The CLI against the same database as an in-process tracker."""
    config = Path(tracker.config.database.removeprefix("sqlite:///")).with_suffix(".toml")
    lines = [f'database = "{tracker.config.database}"']
    for official in tracker.config.officials:
        lines += [
            "[[officials]]",
            f'name = "{official.name}"',
            f'threshold = "{int(official.threshold.total_seconds() // 86400)}d"',
        ]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return run_cli("--config", str(config), *args)


def test_smtp_outage_delays_but_never_loses_or_duplicates(tmp_path: Path) -> None:
    from aiosmtpd.controller import Controller

    from tests.conftest import _Collector

    port = free_port()
    sink = SmtpSink("127.0.0.1", port)
    tracker = _tracker(tmp_path, sink, group=False, retry_min="1s", retry_max="2s")
    try:
        for day in (8, 9, 10):  # the server is down for three evaluations
            when = datetime(2025, 11, day, 12, tzinfo=UTC)
            tracker.evaluate(when, when)
            report = tracker.deliver(when)
            assert report.delivered == [] and len(report.failed) == 2
        controller = Controller(_Collector(sink), hostname="127.0.0.1", port=port)
        controller.start()
        try:
            later = datetime(2025, 11, 11, 12, tzinfo=UTC)
            tracker.deliver(later)
            tracker.deliver(later + timedelta(minutes=5))
            tracker.deliver(later + timedelta(hours=1))
        finally:
            controller.stop()
    finally:
        tracker.close()
    # both alerts of the outage arrive once each after recovery, none twice
    assert sorted(s.split(" silent for ")[0] for s in sink.subjects()) == [
        "[tracker] Choe Son Hui",
        "[tracker] Sergey Lavrov",
    ]


class _Stalling:
    """An SMTP server that takes the message and never answers: a send in progress."""

    def __init__(self) -> None:
        self.started = threading.Event()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        import asyncio

        self.started.set()
        await asyncio.sleep(3600)
        return "250 OK"


def _state(db: Path) -> list[str]:
    try:
        with sqlite3.connect(db) as conn:
            return [r[0] for r in conn.execute("select state from alert order by id")]
    except sqlite3.OperationalError:
        return []


def test_daemon_killed_between_storing_and_delivering_delivers_once_after_restart(
    tmp_path: Path,
) -> None:
    from aiosmtpd.controller import Controller

    from tests.conftest import _Collector

    feed = tmp_path / "feed.xml"
    _feed(feed, SEEN[:1])
    port = free_port()
    config = tmp_path / "tracker.toml"
    config.write_text(
        f"""
database = "sqlite:///{tmp_path / "d.db"}"
[defaults]
interval = "1h"
evaluate_every = "1s"
[[feeds]]
url = "{feed}"
[[officials]]
name = "Sergey Lavrov"
threshold = "10d"
[alerts]
lease = "3s"
retry_min = "1s"
[email]
host = "127.0.0.1"
port = {port}
security = "none"
timeout = 600
from = "tracker@example.org"
to = ["desk@example.org"]
""",
        encoding="utf-8",
    )
    env = child_env()
    stalling = _Stalling()
    controller = Controller(stalling, hostname="127.0.0.1", port=port)
    controller.start()
    first = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--config", str(config), "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert stalling.started.wait(30), "the daemon never began to send"
        assert _state(tmp_path / "d.db") == ["sending"]  # stored, claimed, not delivered
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
        controller.stop()

    sink = SmtpSink("127.0.0.1", port)
    working = Controller(_Collector(sink), hostname="127.0.0.1", port=port)
    working.start()
    second = subprocess.Popen(
        [sys.executable, "-m", "tracker", "--config", str(config), "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert wait_until(lambda: _state(tmp_path / "d.db") == ["delivered"], 30)
        assert wait_until(lambda: len(sink.messages) >= 1, 5)
    finally:
        second.send_signal(signal.SIGTERM)
        second.communicate(timeout=30)
        working.stop()
    assert sink.subjects() == [
        "[tracker] Sergey Lavrov silent for " + sink.subjects()[0].split(" silent for ")[1]
    ]
    assert len(sink.messages) == 1


def test_awaited_reply_reproduces_the_2013_story(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    result = run_cli(
        "--config",
        str(DEMO_CONFIG),
        "replay",
        str(SEEDS),
        "--from",
        "2013-02-01",
        "--to",
        "2013-02-28",
        "--step",
        "6h",
        "--outbox",
        str(outbox),
    )
    assert result.returncode == 0, result.stderr
    overdue = [
        line
        for line in result.stdout.splitlines()
        if "no reply from Sergey Lavrov about Kerry" in line
    ]
    assert overdue == [
        "2013-02-15 12:00  EMAIL [tracker] no reply from Sergey Lavrov about Kerry within 3d"
    ]
    closed = [line for line in result.stdout.splitlines() if "replied about Kerry" in line]
    assert len(closed) == 1 and closed[0].startswith("2013-02-18")
    mails = [
        message_from_bytes(p.read_bytes(), policy=policy.default) for p in outbox.glob("*.eml")
    ]
    assert sum("no reply from Sergey Lavrov" in str(m["Subject"]) for m in mails) == 1

    text = (
        DEMO_CONFIG.read_text(encoding="utf-8")
        .replace('url = "../seeds/', f'url = "{SEEDS}/')
        .replace("../demo-output", str(tmp_path))
    )
    config = tmp_path / "demo.toml"
    config.write_text(text, encoding="utf-8")
    assert run_cli("--config", str(config), "import", str(SEEDS), "--no-alerts").returncode == 0
    open_ = run_cli("--config", str(config), "status", "--as-of", "2013-02-14")
    assert "awaiting (open): a reply from Sergey Lavrov about Kerry" in open_.stdout
    late = json.loads(
        run_cli("--config", str(config), "status", "--as-of", "2013-02-16", "--json").stdout
    )
    assert [a["phase"] for a in late["awaits"]] == ["overdue"]
    done = json.loads(
        run_cli("--config", str(config), "status", "--as-of", "2013-02-18", "--json").stdout
    )
    assert [(a["phase"], a["met_on"]) for a in done["awaits"]] == [("met_late", "2013-02-17")]
