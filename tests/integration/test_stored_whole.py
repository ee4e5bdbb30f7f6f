"""What is stored is stored whole: an entry and its findings commit together or not at
all, and an entry an older version stored without findings is read again."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, text
from sqlmodel import Session, select

from tests.helpers import ROOT, child_env, run_cli
from tracker.config import parse_config
from tracker.domain import Entry, Finding, Status
from tracker.jobs import Tracker
from tracker.store.engine import open_engine
from tracker.store.tables import EntryRow, FindingRow

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Whole</title><link>https://whole.example/</link><description>d</description>
<item><title>Lavrov meets Choe Son Hui</title><link>https://whole.example/1</link><guid>w-1</guid>
<pubDate>Mon, 27 Oct 2025 15:00:00 +0000</pubDate>
<description>Sergey Lavrov held talks with Choe Son Hui in Moscow on Monday.</description></item>
<item><title>Lavrov in Minsk</title><link>https://whole.example/2</link><guid>w-2</guid>
<pubDate>Tue, 28 Oct 2025 12:00:00 +0000</pubDate>
<description>Sergey Lavrov spoke at the Minsk conference on Tuesday.</description></item>
</channel></rss>"""

NOW = datetime(2025, 11, 1, tzinfo=UTC)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 't.db'}"
    else:  # a fresh database of the shared test server, for this test alone
        server = request.getfixturevalue("postgres_url")
        name = f"whole_{uuid.uuid4().hex[:12]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as db:
            db.execute(text(f"create database {name}"))
        admin.dispose()
        yield server.rsplit("/", 1)[0] + "/" + name


def _tracker(url: str, feed: Path) -> Tracker:
    config = parse_config(
        {
            "database": url,
            "feeds": [{"url": str(feed)}],
            "officials": [
                {"name": "Sergey Lavrov", "threshold": "10d"},
                {"name": "Choe Son Hui", "short": ["Choe"]},
            ],
        },
        path=None,
        env={},
    )
    return Tracker(config, open_engine(url), now=NOW)


def _counts(tracker: Tracker) -> tuple[int, int]:
    with Session(tracker.engine) as session:
        entries = session.exec(select(func.count()).select_from(EntryRow)).one()
        findings = session.exec(select(func.count()).select_from(FindingRow)).one()
    return entries, findings


def test_an_error_inside_recognition_stores_nothing_and_the_next_poll_stores_it_whole(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    tracker = _tracker(database_url, feed)
    try:
        real = tracker.recognizer.findings

        def broken(entry: Entry) -> list[Finding]:
            if "Minsk" in entry.title:
                raise TypeError("can't compare datetime.datetime to datetime.date")
            return real(entry)

        monkeypatch.setattr(tracker.recognizer, "findings", broken)
        with pytest.raises(TypeError):
            tracker.ingest(*_parsed(tracker, feed))
        assert _counts(tracker) == (0, 0)  # not the entries without their findings

        monkeypatch.setattr(tracker.recognizer, "findings", real)
        first = tracker.poll(NOW)
        assert first[0].new_entries == 2 and first[0].findings >= 3
        statuses = {s.name: s.status for s in tracker.statuses(NOW).statuses}
        assert statuses["Sergey Lavrov"] is not Status.UNSEEN
        stored = _counts(tracker)
        again = tracker.poll(NOW)
        assert again[0].new_entries == 0 and _counts(tracker) == stored  # nothing twice
    finally:
        tracker.close()


def _parsed(tracker: Tracker, feed: Path) -> tuple[object, list[object], datetime]:
    from tracker.feeds.parse import parse_feed
    from tracker.store import repo
    from tracker.store.engine import session as session_for

    parsed = parse_feed(feed.read_bytes(), str(feed))
    with session_for(tracker.engine) as session:
        row = repo.get_feed(session, str(feed))
    return row, list(parsed.entries), NOW


def _config(tmp_path: Path, database: str) -> Path:
    path = tmp_path / "tracker.toml"
    path.write_text(
        f'database = "{database}"\noutbox = "outbox"\n'
        '[[officials]]\nname = "Sergey Lavrov"\nthreshold = "10d"\n'
        '[[officials]]\nname = "Choe Son Hui"\nshort = ["Choe"]\n',
        encoding="utf-8",
    )
    return path


def _kill_between_entries_and_findings(*args: str) -> subprocess.CompletedProcess[str]:
    env = child_env()
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, str(ROOT / "tests" / "kill_between.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )


def test_a_kill_between_entries_and_findings_loses_nothing_after_the_next_import(
    database_url: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    config = str(_config(tmp_path, database_url))
    killed = _kill_between_entries_and_findings("--config", config, "import", str(feed))
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            assert db.execute(text("select count(*) from entry")).scalar_one() == 0
        again = run_cli("--config", config, "import", str(feed), "--as-of", "2025-11-01")
        assert again.returncode == 0, again.stderr
        with engine.connect() as db:
            assert db.execute(text("select count(*) from entry")).scalar_one() == 2
            findings = db.execute(text("select count(*) from finding")).scalar_one()
        assert findings >= 3
        status = run_cli("--config", config, "status", "--as-of", "2025-11-01")
        assert status.returncode == 0 and "unseen" not in status.stdout.lower(), status.stdout
        third = run_cli("--config", config, "import", str(feed), "--as-of", "2025-11-01")
        assert third.returncode == 0, third.stderr
        with engine.connect() as db:
            assert db.execute(text("select count(*) from finding")).scalar_one() == findings
    finally:
        engine.dispose()


def test_entries_an_older_version_stored_without_findings_are_read_on_the_next_import(
    tmp_path: Path,
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    config = str(_config(tmp_path, "sqlite:///t.db"))
    assert run_cli("--config", config, "import", str(feed)).returncode == 0
    with sqlite3.connect(_db(tmp_path)) as db:
        findings = db.execute("select count(*) from finding").fetchone()[0]
        # what an older version left after a kill: entries, no findings, no marker (and
        # no schema revision: versions before migrations did not record one)
        db.execute("delete from finding")
        db.execute("alter table entry drop column recognized")
        db.execute("drop table alembic_version")
    again = run_cli("--config", config, "import", str(feed))
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(_db(tmp_path)) as db:
        assert db.execute("select count(*) from entry").fetchone()[0] == 2
        assert db.execute("select count(*) from finding").fetchone()[0] == findings
        assert db.execute("select count(*) from entry where not recognized").fetchone()[0] == 0


def _db(tmp_path: Path) -> Path:
    return tmp_path / "t.db"
