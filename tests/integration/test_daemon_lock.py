"""One `tracker run` per SQLite file (issue 13): a second daemon on the same database
refuses with one line and exit 4; the lock dies with its holder, even by SIGKILL."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tests.conftest import HttpServer
from tests.helpers import run_cli, start_logged_daemon, wait_until
from tests.integration.test_bad_input import GOOD_FEED

EXIT_STORE = 4


def _running(log: Path) -> bool:
    return "tracker running" in log.read_text(encoding="utf-8")


def test_a_second_daemon_on_one_sqlite_file_refuses_until_the_first_dies_even_by_sigkill(
    tmp_path: Path, http_dir: HttpServer
) -> None:
    (http_dir.root / "feed.xml").write_text(GOOD_FEED, encoding="utf-8")
    config = tmp_path / "tracker.toml"
    config.write_text(
        f'database = "sqlite:///t.db"\noutbox = "outbox"\n[defaults]\ninterval = "1h"\n'
        f'[[feeds]]\nurl = "{http_dir.url("feed.xml")}"\n'
        '[[officials]]\nname = "Sergey Lavrov"\nthreshold = "10d"\n',
        encoding="utf-8",
    )
    first = start_logged_daemon(config, tmp_path / "first.log")
    try:
        assert wait_until(lambda: _running(tmp_path / "first.log"), 60)
        second = run_cli("--config", str(config), "run", timeout=60)
        assert second.returncode == EXIT_STORE
        assert second.stderr.splitlines() == [
            f"tracker: another tracker run (pid {first.pid}, host {os.uname().nodename}) is"
            f" using {tmp_path / 't.db'}; an embedded database has one worker"
            " — use PostgreSQL for several"
        ]
        assert first.poll() is None  # the refusal did not disturb the first
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(30)
    assert (tmp_path / "t.db.lock").exists()  # a stale file, but no longer a lock
    third = start_logged_daemon(config, tmp_path / "third.log")
    try:
        assert wait_until(lambda: _running(tmp_path / "third.log"), 60)
    finally:
        third.send_signal(signal.SIGTERM)
        third.wait(60)
    assert third.returncode == 0, (tmp_path / "third.log").read_text(encoding="utf-8")
